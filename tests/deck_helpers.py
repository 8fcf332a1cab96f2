"""Helpers shared by the deck tests: plans, fake findings, reading text frames back."""
from __future__ import annotations

import copy
import io
from dataclasses import dataclass

from pptx import Presentation
from pptx.util import Emu

from planmkg_xl.core.compute import compute
from planmkg_xl.deck import fit, template
from planmkg_xl.demo import demo_plan

EMU_PER_PT = 12700


@dataclass
class FakeFinding:
    rule_id: str
    severity: str
    message: str
    cells: tuple = ()


def long_plan():
    """The demo plan with every qualitative text made very long: the fit must shrink or cut."""
    p = demo_plan()
    blah = " — une phrase volontairement très longue pour tester l'ajustement du texte dans sa boîte"
    for key in ("pitch_diagnostic", "pitch_objectives", "pitch_strategies", "pitch_resources", "ansoff_penetration", "ansoff_market"):
        p.scalars[key] = str(p.scalars[key]) + blah * 6
    p.scalars["company"] = "Optilog Systèmes Industriels et Services Associés Europe du Sud " * 2
    for table in ("swot", "strategic_objectives", "marketing_objectives", "content_plan", "brand", "customer_segments", "lead_tactics",
                  "customer_tactics", "best_programs"):
        for row in p.tables[table]:
            for k, v in row.items():
                if isinstance(v, str) and k not in ("quadrant", "id", "strategic_id", "type", "metric", "unit", "objective_id"):
                    row[k] = v + blah * 3
    p.tables["swot"] += [dict(r) for r in copy.deepcopy(p.tables["swot"])]
    p.tables["leadgen"] += [dict(r, source=f"{r['source']} (campagne régionale n° {i})") for i, r in enumerate(p.tables["leadgen"])]
    return p


def computed_demo(lang: str = "fr"):
    return compute(demo_plan(lang))


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


def frame_paras(tf) -> tuple[list[fit.P], float | None]:
    """The paragraphs of a text frame as the fit sees them, and their (first explicit) run size."""
    paras, size = [], None
    for p in tf.paragraphs:
        bold = any(r.font.bold for r in p.runs)
        for r in p.runs:
            if r.font.size is not None and size is None:
                size = r.font.size.pt
        pPr = p._p.pPr
        level = None
        if pPr is not None and pPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}buChar") is not None and size:
            marl = int(pPr.get("marL", "0")) / EMU_PER_PT
            level = max(0, round(marl / (fit.INDENT * size)) - 1)
        paras.append(fit.P(p.text, bold, level))
    return paras, size


def font_of(slide, shape) -> str | None:
    """The font a shape's text is set in: its first run's, else (a placeholder) the template's title or body font."""
    frames = [shape.text_frame] if shape.has_text_frame else \
        [c.text_frame for row in shape.table.rows for c in row.cells] if shape.has_table else []
    for tf in frames:
        for p in tf.paragraphs:
            for r in p.runs:
                if r.font.name:
                    return r.font.name
    if shape.is_placeholder:
        kind = "title" if shape.placeholder_format.type in (1, 3) else "body"
        return template.text_props(slide.slide_layout, kind)[0]
    return template.Palette(slide.slide_layout.slide_master).fonts.get("+mn-lt")


def overflows(prs) -> list[str]:
    """Every text frame and table whose text does not fit its box, or a shape that leaves the slide;
    measured in each shape's own font (the template's)."""
    bad = []
    for n, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            with fit.measuring(font_of(slide, shape)):
                bad += _overflows(prs, n, shape)
    return bad


def _overflows(prs, n, shape) -> list[str]:
    bad = []
    W, H = int(prs.slide_width), int(prs.slide_height)
    where = f"slide {n} {shape.name}"
    if shape.left < 0 or shape.top < 0 or shape.left + shape.width > W + 1 or shape.top + shape.height > H + 1:
        bad.append(f"{where}: outside the slide")
    if shape.has_text_frame and shape.text_frame.text.strip():
        tf = shape.text_frame
        paras, size = frame_paras(tf)
        if size is None:
            return bad  # a template's own placeholder (slide number field) with its template size
        w = (shape.width - tf.margin_left - tf.margin_right) / EMU_PER_PT
        h = (shape.height - tf.margin_top - tf.margin_bottom) / EMU_PER_PT
        if not fit.fits(paras, w, h, size):
            bad.append(f"{where}: text overflows at {size} pt")
    if shape.has_table:
        table = shape.table
        widths = [c.width / EMU_PER_PT for c in table.columns]
        total = 0.0
        for r, row in enumerate(table.rows):
            need = 0.0
            for c, cell in enumerate(row.cells):
                if cell.is_spanned:  # covered by a merged cell to its left
                    continue
                paras, size = frame_paras(cell.text_frame)
                bold = any(p.bold for p in paras)
                width = sum(widths[c:c + cell.span_width])  # a merged cell spans its columns
                lines = sum(len(fit.cell_lines(p.text, width, size, bold)) for p in paras)
                need = max(need, lines * size * fit.LINE + 2 * fit.INSET_Y)
            if need > row.height / EMU_PER_PT + 0.5:
                bad.append(f"{where}: row {r} needs {need:.1f} pt, has {row.height / EMU_PER_PT:.1f}")
            total += max(need, row.height / EMU_PER_PT)
        if shape.top + Emu(int(total * EMU_PER_PT)) > H:
            bad.append(f"{where}: table runs off the slide")
    return bad
