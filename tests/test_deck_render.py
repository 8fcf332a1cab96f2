"""build_deck / update_deck: native tables and charts equal to the specs, LibreOffice renders one
page per slide, an update keeps the director's own slides, shapes, notes and fonts, a corporate
template keeps its master (logo, footer) and places shapes in its named placeholders."""
from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from PIL import Image
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches, Pt

from planmkg_xl.core.compute import compute
from planmkg_xl.deck.blocks import ChartBlock, TableBlock, TextBlock
from planmkg_xl.deck.render import build_deck, update_deck
from planmkg_xl.deck.spec import deck_spec
from planmkg_xl.demo import demo_plan
from planmkg_xl.errors import TemplateError

from deck_helpers import FakeFinding, computed_demo, open_deck, overflows

FINDINGS = [FakeFinding("FUN-004", "error", "Entonnoir inversé : il manque 306 leads qualifiés.")]


@pytest.fixture(scope="module")
def demo_bytes():
    return build_deck(computed_demo(), FINDINGS)


def shapes_by_name(prs):
    return {s.name: s for slide in prs.slides for s in slide.shapes}


def test_one_slide_per_spec_with_titles(demo_bytes):
    prs = open_deck(demo_bytes)
    specs = deck_spec(computed_demo(), FINDINGS)
    assert len(prs.slides) == len(specs)
    assert [s.shapes.title.text for s in prs.slides] == [s.title for s in specs]
    assert prs.slide_width == Inches(13.333) and prs.slide_height == Inches(7.5)


def test_tables_and_charts_are_native_and_equal_to_the_specs(demo_bytes):
    shapes = shapes_by_name(open_deck(demo_bytes))
    for spec in deck_spec(computed_demo(), FINDINGS):
        for b in spec.blocks:
            shape = shapes[b.name]
            if isinstance(b, TableBlock):
                assert shape.has_table
                got = [[c.text_frame.text for c in row.cells] for row in shape.table.rows]
                assert got == b.cells(), b.name
            elif isinstance(b, ChartBlock):
                plot = shape.chart.plots[0]
                flip = (lambda x: list(reversed(list(x)))) if b.chart_type == "bar" else list  # bar charts store bottom-up
                assert flip(plot.categories) == b.categories
                assert [flip(s.values) for s in plot.series] == [[None if v is None else float(v) for v in s.values] for s in b.series]
            elif isinstance(b, TextBlock):
                assert shape.text_frame.text.replace("\v", "\n") == "\n".join(p.text for p in b.paragraphs)


def test_deck_is_in_the_plan_language(demo_bytes):
    xml = Presentation(io.BytesIO(demo_bytes)).slides[4].shapes[-1]._element.xml
    assert 'lang="fr-FR"' in xml


@pytest.mark.lo
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: no PDF oracle")
def test_libreoffice_renders_one_page_per_slide(tmp_path, demo_bytes):
    from planmkg_xl.deck.preview import to_pdf

    deck = tmp_path / "demo.pptx"
    deck.write_bytes(demo_bytes)
    pdf = to_pdf(deck, tmp_path)
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", out).group(1))
    else:
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages == len(open_deck(demo_bytes).slides)


def _edit_like_a_director(data: bytes) -> bytes:
    prs = open_deck(data)
    shapes = shapes_by_name(prs)
    cell = shapes["pmk:table:leadgen"].table.cell(1, 1)  # Newsletter leads
    for run in cell.text_frame.paragraphs[0].runs:
        run.font.name, run.font.size = "Courier New", Pt(9)
    for run in shapes["pmk:text:pitch_diagnostic"].text_frame.paragraphs[0].runs:
        run.font.italic = True
    slide = next(s for s in prs.slides if "pmk:table:leadgen" in [x.name for x in s.shapes])
    note = slide.shapes.add_textbox(Inches(0.5), Inches(6.2), Inches(4), Inches(0.4))
    note.name = "Ma remarque"
    note.text_frame.text = "À discuter en comité"
    slide.notes_slide.notes_text_frame.text = "Mes notes de présentation"
    mine = prs.slides.add_slide(prs.slide_layouts[4])
    mine.shapes.title.text = "Slide ajoutée par la directrice"
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def test_update_refreshes_numbers_and_keeps_the_directors_changes(demo_bytes):
    edited = _edit_like_a_director(demo_bytes)
    plan = demo_plan()
    plan.tables["leadgen"][0]["leads"] = 500
    plan.scalars["pitch_diagnostic"] = "Un nouveau diagnostic."
    new, changes = update_deck(compute(plan), FINDINGS, edited)
    assert any("pmk:table:leadgen" in c for c in changes)
    assert any("pmk:chart:leads_by_source" in c for c in changes)
    assert any("pmk:text:pitch_diagnostic" in c for c in changes)
    prs = open_deck(new)
    shapes = shapes_by_name(prs)
    run = shapes["pmk:table:leadgen"].table.cell(1, 1).text_frame.paragraphs[0].runs[0]
    assert run.text == "500" and run.font.name == "Courier New" and run.font.size == Pt(9)
    assert shapes["pmk:table:leadgen"].table.cell(len(shapes["pmk:table:leadgen"].table.rows) - 1, 1).text == "6\u202f280"
    leads = shapes["pmk:chart:leads_by_source"].chart.plots[0]
    newsletter = plan.tables["leadgen"][0]["source"]
    assert leads.series[0].values[list(leads.categories).index(newsletter)] == 500
    pitch = shapes["pmk:text:pitch_diagnostic"].text_frame.paragraphs[0].runs[0]
    assert pitch.text == "Un nouveau diagnostic." and pitch.font.italic
    assert shapes["Ma remarque"].text_frame.text == "À discuter en comité"
    assert prs.slides[-1].shapes.title.text == "Slide ajoutée par la directrice"
    slide = next(s for s in prs.slides if "Ma remarque" in [x.name for x in s.shapes])
    assert slide.notes_slide.notes_text_frame.text == "Mes notes de présentation"
    again, nothing = update_deck(compute(plan), FINDINGS, new)
    assert nothing == []


def test_update_fills_a_section_that_was_empty():
    plan = demo_plan()
    swot = plan.tables.pop("swot")
    first = build_deck(compute(plan), [])
    assert "pmk:empty:swot" in shapes_by_name(open_deck(first))
    plan.tables["swot"] = swot
    new, changes = update_deck(compute(plan), [], first)
    shapes = shapes_by_name(open_deck(new))
    assert "pmk:empty:swot" not in shapes and "pmk:text:swot_strength" in shapes
    assert any("swot" in c for c in changes)
    assert overflows(open_deck(new)) == []


def _corporate_template(path, logo):
    """A small 16:9 corporate template: a logo on the master, a footer text, French layout names,
    and a layout of the user's own placing the reverse-funnel chart in a named placeholder."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    tmp = prs.slides.add_slide(prs.slide_layouts[6])
    pic = tmp.shapes.add_picture(str(logo), Inches(11.8), Inches(0.2), Inches(1.2), Inches(0.5))
    pic.name = "Logo ACME"
    image_part = tmp.part.related_part(pic._element.blipFill.blip.rEmbed)
    master = prs.slide_master
    for ph in master.placeholders:  # the default master is 4:3: widen it as a real 16:9 template would be
        ph.left, ph.width = int(ph.left * 4 / 3), int(ph.width * 4 / 3)
    rid = master.part.relate_to(image_part, RT.IMAGE)
    el = pic._element
    el.blipFill.blip.rEmbed = rid
    master.shapes._spTree.append(el)
    ids = prs.slides._sldIdLst
    prs.part.drop_rel(ids[0].rId)
    ids.remove(ids[0])
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            if ph.placeholder_format.type == 15:  # footer
                ph.text_frame.text = "ACME — Confidentiel"
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    by_name["Title Only"]._element.cSld.set("name", "Titre seul")
    own = by_name["Two Content"]
    own._element.cSld.set("name", "pmk:slide:leadgen_strategy")
    left = [ph for ph in own.placeholders if ph.placeholder_format.idx == 1][0]
    left.name = "pmk:chart:funnel"
    left.left, left.top, left.width, left.height = Inches(0.6), Inches(1.6), Inches(6.0), Inches(3.5)
    for ph in own.placeholders:
        if ph.placeholder_format.idx == 2:
            ph.left, ph.width = Inches(6.9), Inches(5.8)
    prs.save(path)


def test_corporate_template_keeps_master_logo_footer_and_named_placeholders(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (240, 100), (200, 30, 30)).save(logo)
    template = tmp_path / "CORP.pptx"
    _corporate_template(template, logo)
    prs = open_deck(build_deck(computed_demo(), FINDINGS, template=str(template)))
    names = [s._element.cSld.get("name") for s in prs.slides]
    keys = [f"pmk:slide:{spec.key}" for spec in deck_spec(computed_demo(), FINDINGS)]
    assert [n for n in names if n in keys] == keys  # every slide, in order; any other is a continuation of the one before
    for before, name in zip(names, names[1:]):
        assert name in keys or re.fullmatch(re.escape(before.split(".")[0]) + r"\.\d+", name), name
    for slide in prs.slides:
        master = slide.slide_layout.slide_master
        assert any(s.name == "Logo ACME" for s in master.shapes)
    body = prs.slides[3]
    assert body.slide_layout.name == "Titre seul"
    assert any(s.is_placeholder and s.text_frame.text == "ACME — Confidentiel" for s in body.shapes if s.has_text_frame)
    strategy = next(s for s in prs.slides if s.slide_layout.name == "pmk:slide:leadgen_strategy")
    funnel = [s for s in strategy.shapes if s.name == "pmk:chart:funnel"][0]
    assert (funnel.left, funnel.top, funnel.width, funnel.height) == (Inches(0.6), Inches(1.6), Inches(6.0), Inches(3.5))
    assert not [s for s in strategy.placeholders if s.name.startswith("pmk:")]
    assert overflows(prs) == []


def test_a_bad_template_is_a_template_error(tmp_path):
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(b"not a pptx")
    with pytest.raises(TemplateError):
        build_deck(computed_demo(), [], template=str(bad))


def _title_shape(prs, key):
    slide = next(s for s in prs.slides if s._element.cSld.get("name") == f"pmk:slide:{key}")
    return slide, slide.shapes.title


def test_update_follows_the_new_conclusion_but_keeps_a_title_the_user_changed(demo_bytes):
    prs = open_deck(demo_bytes)
    _, budget_title = _title_shape(prs, "budget")
    budget_title.text_frame.paragraphs[0].runs[0].text = "Notre budget, vu par la directrice"
    out = io.BytesIO()
    prs.save(out)
    plan = demo_plan()
    for row in plan.tables["leadgen"]:
        row["budget"] = (row.get("budget") or 0) * 0.5  # the lead generation conclusion flips
    plan.tables["budget"][0]["budget"] += 100_000  # and the budget's total moves
    specs = {s.key: s for s in deck_spec(compute(plan), FINDINGS)}
    new, changes = update_deck(compute(plan), FINDINGS, out.getvalue())
    prs = open_deck(new)
    assert _title_shape(prs, "budget")[1].text_frame.text == "Notre budget, vu par la directrice"
    assert _title_shape(prs, "leadgen_strategy")[1].text_frame.text == specs["leadgen_strategy"].title
    assert specs["leadgen_strategy"].title.startswith("Il manque")
    assert any("titre conservé" in c and "Notre budget" in c for c in changes)
    assert any(c.startswith(specs["leadgen_strategy"].title) and "titre mis à jour" in c for c in changes)
    assert overflows(prs) == []


def test_update_leaves_deleted_slides_and_shapes_deleted_and_says_how_to_get_them_back(demo_bytes):
    prs = open_deck(demo_bytes)
    ids = prs.slides._sldIdLst
    web = next(i for i, s in enumerate(prs.slides) if s._element.cSld.get("name") == "pmk:slide:web")
    prs.part.drop_rel(ids[web].rId)
    ids.remove(ids[web])
    slide, _ = _title_shape(prs, "budget")
    chart = next(s for s in slide.shapes if s.name == "pmk:chart:budget_bridge")
    chart._element.getparent().remove(chart._element)
    out = io.BytesIO()
    prs.save(out)
    new, changes = update_deck(computed_demo(), FINDINGS, out.getvalue())
    names = [s._element.cSld.get("name") for s in open_deck(new).slides]
    assert "pmk:slide:web" not in names
    assert "pmk:chart:budget_bridge" not in shapes_by_name(open_deck(new))
    assert any("pmk:slide:web" in c and "laissée supprimée" in c for c in changes)  # the French plan's language
    assert any("pmk:chart:budget_bridge" in c and "laissé supprimé" in c for c in changes)
    assert changes[-1].startswith("Règle : les slides et formes générées que vous avez supprimées le restent")
    assert "--output nouveau.pptx" in changes[-1]
    _, english = update_deck(computed_demo(), FINDINGS, out.getvalue(), lang="en")
    assert english[-1].startswith("Rule: generated slides and shapes you deleted stay deleted") and "--output new.pptx" in english[-1]


def test_an_english_deck_of_a_french_workbook_says_its_findings_in_english(demo_xlsm, tmp_path):
    from planmkg_xl import app

    out = tmp_path / "en.pptx"
    app.deck(demo_xlsm, output=out, lang="en", with_checks=True, appendix=False)
    prs = open_deck(out.read_bytes())
    names = [s._element.cSld.get("name") for s in prs.slides]
    assert names[-1] == "pmk:slide:findings" and "pmk:slide:commercial" not in names
    findings = shapes_by_name(prs)["pmk:table:findings"].table
    texts = [findings.cell(r, 2).text for r in range(1, len(findings.rows))]
    assert any(t.startswith("Reverse funnel") for t in texts) and any("€24,000,000" in t for t in texts)  # English words and numbers
    assert not any(w in t for t in texts for w in ("onglet", "Entonnoir", "\u202f"))
    assert findings.cell(1, 0).text in ("Error", "Warning", "Info")


def test_cli_structure_flags_and_the_printed_rule(demo_xlsm, tmp_path):
    from click.testing import CliRunner

    from planmkg_xl.cli import main

    out = tmp_path / "comite.pptx"
    result = CliRunner().invoke(main, ["deck", str(demo_xlsm), "--output", str(out), "--no-appendix"])
    assert result.exit_code == 0, result.output
    prs = open_deck(out.read_bytes())
    assert len(prs.slides) == 11
    ids = prs.slides._sldIdLst
    prs.part.drop_rel(ids[-1].rId)  # the director deletes the pitch slide
    ids.remove(ids[-1])
    prs.save(str(out))
    result = CliRunner().invoke(main, ["deck", str(demo_xlsm), "--update", str(out), "--no-appendix"])
    assert result.exit_code == 0, result.output
    assert "pmk:slide:pitch" in result.output and "Règle : les slides et formes générées que vous avez supprimées le restent" in result.output
    assert len(open_deck(out.read_bytes()).slides) == 10
