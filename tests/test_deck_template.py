"""The deck on templates it has never seen: layout and content area chosen across all masters,
colours that read on the real background, the template's fonts measured, footers filled, no prompt
left, no table row dropped — checked on the built deck and on LibreOffice's rendering of it."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from planmkg_xl.core.compute import compute
from planmkg_xl.deck import fit, fonts
from planmkg_xl.deck import template as tpl
from planmkg_xl.deck.blocks import TableBlock
from planmkg_xl.deck.render import build_deck, update_deck
from planmkg_xl.deck.spec import deck_spec
from planmkg_xl.demo import demo_plan

import templates
from conftest import needs_lo, soffice_path
from deck_helpers import computed_demo, open_deck, overflows

PROMPTS = re.compile(r"\bFooter\b|Click to (add|edit)|Cliquez pour|<footer>|<date/time>|‹#›|<#>", re.IGNORECASE)
EMU_PER_IN = 914400


@pytest.fixture(scope="session")
def fixture_templates(tmp_path_factory) -> dict[str, str | None]:
    """name -> template path (None: the built-in one). LibreOffice's templates only when it is installed."""
    root = tmp_path_factory.mktemp("templates")
    found: dict[str, str | None] = {"builtin": None}
    for name, make in (("default_4x3", templates.default_43), ("dark", templates.dark), ("two_masters", templates.two_masters),
                       ("tall_title", templates.tall_title)):
        path = root / f"{name}.pptx"
        path.write_bytes(make())
        found[name] = str(path)
    for name, path in templates.libreoffice_templates(root / "lo").items():
        found[f"lo_{name}"] = str(path)
    return found


@pytest.fixture(scope="session")
def decks(fixture_templates) -> dict[str, bytes]:
    computed = computed_demo()
    return {name: build_deck(computed, [], template=path, warn=lambda m: None) for name, path in fixture_templates.items()}


def _generated(slide):
    """The shapes we wrote on a slide (named pmk:…), the title and the footers we filled."""
    return [s for s in slide.shapes if s.name.startswith("pmk:") or s.is_placeholder]


# --------------------------------------------------------------------------- analysis (no renderer)


def test_contrast_is_the_wcag_ratio():
    assert tpl.contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert tpl.contrast("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic "just fails AA" grey
    assert tpl.contrast("1F3864", "1F3864") == pytest.approx(1.0)


def test_fonts_use_metric_compatible_twins_and_flag_the_unknown():
    calibri = fonts.face("Calibri")
    assert calibri.exact and "Carlito" in Path(calibri.regular).name
    assert fonts.face("Arial").exact and "Liberation" in Path(fonts.face("Arial").regular).name
    assert fonts.missing(["Calibri", "Arial", "Cambria"]) == []
    assert fonts.missing(["Zorglub Sans Pro"]) == ["Zorglub Sans Pro"]
    text = "Lead generation 115 836 €"
    assert fonts.width("Zorglub Sans Pro", text) > fonts.width("Arial", text)  # unknown: conservative, never narrower
    assert fonts.width("Calibri", text) < fonts.width("Arial", text)  # Calibri (Carlito) is narrower than Arial


def test_fonts_are_found_without_fontconfig(monkeypatch):
    """Windows and macOS have no fc-match: the font directories' name tables find the same files."""
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    fonts.face.cache_clear()
    fonts.width.cache_clear()
    try:
        calibri = fonts.face("Calibri")
        assert calibri.exact and "Carlito" in Path(calibri.regular).name and "Bold" in Path(calibri.bold).name
        assert fonts.missing(["Arial", "Zorglub Sans Pro"]) == ["Zorglub Sans Pro"]
        assert fonts.width("Zorglub Sans Pro", "115 836 €") > fonts.width("Arial", "115 836 €")
    finally:
        fonts.face.cache_clear()
        fonts.width.cache_clear()


def test_a_number_is_never_cut_in_two():
    cells = [["Leads", "Total"], ["Newsletter", "115\u202f836"], ["Salons", "1\u202f204\u202f300"]]
    widths = [60.0, 46.0]  # the number column is too narrow for the table's minimum size
    result = fit.fit_table(cells, widths, 200, 12, 8, {0})
    for row in result.cells[1:]:
        assert len(fit.cell_lines(row[1], widths[1], result.size, False)) == 1, (row, result.size)


@pytest.mark.parametrize("name", ["builtin", "default_4x3", "dark", "two_masters"])
def test_content_layout_is_never_a_title_slide(fixture_templates, name):
    path = fixture_templates[name]
    prs = Presentation(path) if path else open_deck(build_deck(computed_demo(), []))
    layout = tpl.content_layout(prs)
    assert not tpl.is_title_slide(layout)
    area = tpl.content_area(layout)
    W, H = int(prs.slide_width), int(prs.slide_height)
    assert area.area > 0.45 * W * H, f"{name}: content area only {area.area / (W * H):.0%} of the slide"


def test_two_masters_put_content_on_the_content_master(decks):
    prs = open_deck(decks["two_masters"])
    masters = list(prs.slide_masters)
    assert masters.index(prs.slides[0].slide_layout.slide_master) == 0  # the title page on the title master
    assert all(masters.index(s.slide_layout.slide_master) == 1 for s in list(prs.slides)[1:])


def test_dark_template_gets_light_text(decks):
    prs = open_deck(decks["dark"])
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip() and not shape.has_chart and shape.fill.type is None:
                for color in _run_colors(shape):
                    assert tpl.luminance(color) > 0.5, (shape.name, color)


def test_title_slide_keeps_its_subtitle(decks):
    for name, data in decks.items():
        prs = open_deck(data)
        texts = " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
        assert "Optilog" in texts and "2026" in texts, name


def test_long_table_continues_on_the_next_slide_and_loses_no_row():
    plan = demo_plan()
    base = list(plan.tables["leadgen"])
    plan.tables["leadgen"] = base + [dict(r, source=f"{r['source']} {i}") for i in range(3) for r in base]
    computed = compute(plan)
    spec = next(b for s in deck_spec(computed, []) for b in s.blocks if b.name == "pmk:table:leadgen")
    assert isinstance(spec, TableBlock)
    built = build_deck(computed, [], template=None)
    plan.tables["leadgen"][0]["leads"] = 999  # an update refreshes every part, still without dropping a row
    updated, changes = update_deck(compute(plan), [], built)
    assert any("pmk:table:leadgen" in c for c in changes)
    new_rows = next(b for s in deck_spec(compute(plan), []) for b in s.blocks if b.name == "pmk:table:leadgen").rows
    for data, want in ((built, spec.rows), (updated, new_rows)):
        prs = open_deck(data)
        parts = [sh for slide in prs.slides for sh in slide.shapes if re.fullmatch(r"pmk:table:leadgen(\.\d+)?", sh.name)]
        assert len(parts) >= 2
        rows = [[c.text_frame.text for c in row.cells] for part in parts for row in list(part.table.rows)[1:]]
        assert rows == want
        assert overflows(prs) == []


def test_a_potx_template_is_used_as_is(tmp_path):
    """PowerPoint saves corporate templates as .potx: the same package, another main content type."""
    src = zipfile.ZipFile(io.BytesIO(templates.default_43()))
    potx = tmp_path / "corporate.potx"
    with zipfile.ZipFile(potx, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            dst.writestr(info, body)
    prs = open_deck(build_deck(computed_demo(), [], template=str(potx), warn=lambda m: None))
    assert prs.slide_width == templates_width() and len(prs.slides) > 10


def templates_width() -> int:
    return Presentation(io.BytesIO(templates.default_43())).slide_width


def test_missing_font_is_named_in_a_warning(tmp_path):
    prs = Presentation()
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
    theme._blob = theme.blob.replace(b'typeface="Calibri"', b'typeface="Zorglub Sans Pro"')
    path = tmp_path / "zorglub.pptx"
    prs.save(path)
    said: list[str] = []
    build_deck(computed_demo(), [], template=str(path), warn=said.append)
    assert any("Zorglub Sans Pro" in m for m in said)


# --------------------------------------------------------------------------- geometry and rendering


def _run_colors(shape) -> list[str]:
    out = []
    for p in shape.text_frame.paragraphs:
        for r in p._p.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr"):
            clr = r.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}srgbClr")
            if clr is not None:
                out.append(clr.get("val").upper())
    return out


def _overlaps(prs) -> list[str]:
    bad = []
    for n, slide in enumerate(prs.slides, 1):
        shapes = _generated(slide)
        for i, a in enumerate(shapes):
            for b in shapes[i + 1:]:
                pair = {a.name.split(":")[1] if a.name.startswith("pmk:") else "ph", b.name.split(":")[1] if b.name.startswith("pmk:") else "ph"}
                if pair == {"label", "ph"}:
                    continue  # the section label sits above the title's text, inside its box
                box_a = tpl.Box(int(a.left), int(a.top), int(a.width), int(a.height))
                box_b = tpl.Box(int(b.left), int(b.top), int(b.width), int(b.height))
                if tpl.overlap(box_a, box_b) > 0.002 * box_a.area:
                    bad.append(f"slide {n}: {a.name} overlaps {b.name}")
    return bad


def test_every_fixture_deck_stays_on_the_slide_without_overlap_or_overflow(decks):
    for name, data in decks.items():
        prs = open_deck(data)
        assert overflows(prs) == [], name
        assert _overlaps(prs) == [], name
        for n, slide in enumerate(prs.slides, 1):
            for ph in slide.placeholders:
                assert ph.text_frame.text.strip() if ph.has_text_frame else True, f"{name} slide {n}: empty placeholder {ph.name}"


def _render(data: bytes, where: Path, stem: str) -> list[Image.Image]:
    deck = where / f"{stem}.pptx"
    deck.write_bytes(data)
    with tempfile.TemporaryDirectory(prefix="planmkg-lo-") as profile:
        subprocess.run([soffice_path(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(where), str(deck)], check=True, capture_output=True, timeout=600)
    pdf = where / f"{stem}.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(where / stem)], check=True, timeout=300)
    return [Image.open(p).convert("RGB") for p in sorted(where.glob(f"{stem}-*.png"))]


def _without_text(data: bytes) -> bytes:
    """The same deck with every generated text blanked (no-break spaces: the shapes, their fills and the
    placeholders stay — an empty placeholder would not be drawn at all): what the viewer sees under the text."""
    prs = open_deck(data)
    for slide in prs.slides:
        for shape in _generated(slide):
            if shape.has_text_frame:
                body = shape.text_frame._txBody
                for field in list(body.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}fld")):
                    field.tag = "{http://schemas.openxmlformats.org/drawingml/2006/main}r"  # a slide number: plain text
                    field.attrib.clear()
                for t in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}t"):
                    t.text = "\u00a0" * len(t.text or "")
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


@pytest.mark.lo
@needs_lo
@pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_rendered_fixture_decks_read_well_and_show_no_prompt(decks, tmp_path):
    """LibreOffice renders each deck twice (with and without its text): the text's colour keeps 4.5:1
    against the rendered background under it, and the PDF shows no template prompt."""
    problems = []
    for name, data in decks.items():
        where = tmp_path / name
        where.mkdir()
        pages = _render(data, where, "deck")
        text = subprocess.run(["pdftotext", str(where / "deck.pdf"), "-"], capture_output=True, text=True, check=True).stdout
        problems += [f"{name}: prompt {m.group(0)!r} shows" for m in PROMPTS.finditer(text)]
        bare = _render(_without_text(data), where, "bare")
        prs = open_deck(data)
        assert len(pages) == len(prs.slides) == len(bare), name
        scale = bare[0].width / int(prs.slide_width)
        for n, (slide, image) in enumerate(zip(prs.slides, bare), 1):
            for shape in _generated(slide):
                if not shape.has_text_frame or not shape.text_frame.text.strip():
                    continue
                tf = shape.text_frame
                x0 = int((shape.left + tf.margin_left) * scale)
                y0 = int((shape.top + tf.margin_top) * scale)
                x1 = int((shape.left + shape.width - tf.margin_right) * scale)
                y1 = int((shape.top + shape.height - tf.margin_bottom) * scale)
                pixels = tpl.colors_of(image.crop((max(x0 + 1, 0), max(y0 + 1, 0), max(x1 - 1, x0 + 2), max(y1 - 1, y0 + 2))))
                colors = set(_run_colors(shape))
                if not colors:
                    problems.append(f"{name} slide {n} {shape.name}: text without an explicit colour")
                for color in colors:
                    worst = tpl.contrast_floor(color, pixels, 0.02)
                    if worst < tpl.MIN_CONTRAST:
                        problems.append(f"{name} slide {n} {shape.name}: {color} contrast {worst:.1f}")
    assert problems == []
