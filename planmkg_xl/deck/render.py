"""Slide specs + template -> .pptx, and the in-place update of a deck we generated.

The only python-pptx importer. Why tables, charts and text boxes are native and
named (``pmk:<type>:<key>``, docs/deck.md): the director edits them in PowerPoint,
and a later ``--update`` finds them by name to refresh their numbers while keeping
everything else — the user's slides, shapes, notes and formatting (fonts, colours,
sizes live in run properties, which an update never rewrites).

Geometry comes from the template: the body area is the master's (or layout's) body
placeholder, so a corporate template's margins, logo and footer are respected; a
placeholder named like a generated shape on a layout named ``pmk:slide:<key>`` places
that shape exactly.
"""
from __future__ import annotations

import copy
import io
from contextlib import contextmanager
import re
import sys
import weakref
import zipfile
from contextvars import ContextVar
from dataclasses import dataclass, replace
from importlib import resources
from typing import Iterable

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_DATA_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION, XL_TICK_MARK
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.exc import PackageNotFoundError
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..core.compute import Computed
from ..model.metrics import is_number
from ..errors import TemplateError
from ..messages import msg, say
from . import fit, flow, fonts, legibility
from . import template as tpl
from .blocks import Block, ChartBlock, SlideSpec, TableBlock, TextBlock
from .spec import deck_spec

NAVY, INK, GREY = "1F3864", "262626", "595959"
SERIES_COLORS = (NAVY, "8FAADC", "548235", "C55A11", "7F7F7F", "BF9000")
FILLS = {"header": NAVY, "odd": "FFFFFF", "even": "F2F2F2", "total": "DCE3EE", "accent": "E2EFDA", "strong": "DCE3EE",
         "alert": "FADBD8"}
TEXT_STYLES = {  # style -> (fill, text colour, bold, italic, anchor)
    "body": (None, INK, False, False, MSO_ANCHOR.TOP),
    "panel": ("F2F2F2", INK, False, False, MSO_ANCHOR.TOP),
    "label": (NAVY, "FFFFFF", True, False, MSO_ANCHOR.MIDDLE),
    "callout": ("EAF0F8", NAVY, False, False, MSO_ANCHOR.MIDDLE),
    "note": (None, GREY, False, True, MSO_ANCHOR.TOP),
    "empty": (None, GREY, False, True, MSO_ANCHOR.TOP),
    "heading_strength": ("548235", "FFFFFF", True, False, MSO_ANCHOR.MIDDLE),
    "heading_weakness": ("B34E0F", "FFFFFF", True, False, MSO_ANCHOR.MIDDLE),  # white text keeps 4.5:1 (WCAG AA)
    "heading_opportunity": ("2E75B6", "FFFFFF", True, False, MSO_ANCHOR.MIDDLE),
    "heading_threat": ("666666", "FFFFFF", True, False, MSO_ANCHOR.MIDDLE),
}
HIGHLIGHT, UP, DOWN = "C55A11", "548235", "C55A11"
CHART_TYPES = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED, "waterfall": XL_CHART_TYPE.COLUMN_STACKED,
               "line": XL_CHART_TYPE.LINE_MARKERS, "doughnut": XL_CHART_TYPE.DOUGHNUT}
FOOTER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
EMU_PER_PT = 12700
BUILTIN_LOOK = tpl.Look(INK, None, None, "404040", SERIES_COLORS, NAVY, None, None)
_LOOK: ContextVar[tpl.Look] = ContextVar("look", default=BUILTIN_LOOK)
# Text a template leaves in its footer placeholders that is a prompt, not a footer ("Footer", "<date/time>", "‹#›").
PROMPT = re.compile(r"^\s*(footer|pied de page|fu(ß|ss)zeile|pie de p[aá]gina|pi[eè] di pagina|date|<[^>]*>|‹#›|#|\d+|"
                    r"click to .*|cliquez pour .*|klicken sie.*)?\s*$", re.IGNORECASE)
CONTINUED = {"fr": "(suite)", "en": "(continued)"}


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def sub(self, box: tuple[float, float, float, float]) -> "Rect":
        bx, by, bw, bh = box
        return Rect(int(self.x + bx * self.w), int(self.y + by * self.h), int(bw * self.w), int(bh * self.h))


def _rect(shape) -> Rect:
    return Rect(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


def _pt(emu: int) -> float:
    return emu / EMU_PER_PT


# --------------------------------------------------------------------------- build


def builtin_template() -> bytes:
    return resources.files("planmkg_xl").joinpath("data/template.pptx").read_bytes()


def _open_template(template: str | None):
    if template is None:
        return Presentation(io.BytesIO(builtin_template()))
    try:
        prs = Presentation(io.BytesIO(_as_presentation(template)))
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise TemplateError(msg("deck.bad_template", path=template, detail=exc)) from exc
    if not any(_title_placeholder(layout) is not None for master in prs.slide_masters for layout in master.slide_layouts):
        raise TemplateError(msg("deck.no_title_layout", path=template))
    for _ in range(len(prs.slides)):  # a template's sample slides are not part of the plan's deck
        _drop_slide(prs, 0)
    return prs


_MAIN_TYPES = (b"presentationml.template.main+xml", b"presentationml.slideshow.main+xml")


def _as_presentation(path: str) -> bytes:
    """The template's bytes, a PowerPoint template (.potx) or show (.ppsx) relabelled as a presentation:
    the same parts, only the main part's content type differs (ECMA-376 Part 1, 13.3.6)."""
    with open(path, "rb") as f:
        data = f.read()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return data
    src = zipfile.ZipFile(io.BytesIO(data))
    types = src.read("[Content_Types].xml") if "[Content_Types].xml" in src.namelist() else b""
    if not any(t in types for t in _MAIN_TYPES):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "[Content_Types].xml":
                for t in _MAIN_TYPES:
                    body = body.replace(t, b"presentationml.presentation.main+xml")
            dst.writestr(info, body)
    return out.getvalue()


def _drop_slide(prs, index: int) -> None:
    ids = prs.slides._sldIdLst
    sld = ids[index]
    prs.part.drop_rel(sld.rId)
    ids.remove(sld)


def build_deck(computed: Computed, findings: Iterable[object] | None = None, template: str | None = None,
               lang: str | None = None, appendix: bool = True, with_checks: bool = False, warn=None) -> bytes:
    """A complete deck for the plan, on the built-in template or the user's ``template``.

    ``warn`` receives what the user should know (a template font we could not measure); default: stderr.
    """
    specs = deck_spec(computed, list(findings) if findings is not None else None, lang, appendix=appendix, with_checks=with_checks)
    return render_specs(specs, lang or computed.plan.lang, template, warn)


def render_specs(specs: list[SlideSpec], lang: str, template: str | None = None, warn=None) -> bytes:
    """Any deck described as slide specs (the committee deck, the monthly review) on the built-in or the user's template."""
    prs = _open_template(template)
    footer = _footer_text(specs)
    content = tpl.content_layout(prs)
    layouts = (tpl.title_layout(prs, content), content)
    for spec in specs:
        _render_slide(prs, spec, footer, layouts, CONTINUED.get(lang, CONTINUED["en"]))
    _set_language(prs, lang)
    families = [tpl.text_props(lo, k)[0] for lo in layouts for k in ("title", "body")]
    for name in fonts.missing(families):
        (warn or _print_warning)(say("deck.font_missing", lang, font=name))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _print_warning(message: str) -> None:
    print(message, file=sys.stderr)


def _set_language(prs, lang: str) -> None:
    """Mark generated text with its language (spell-check) and charts with their locale (number display)."""
    tag = "fr-FR" if lang == "fr" else "en-GB"
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.name.startswith("pmk:"):
                continue
            for el in shape._element.iter(qn("a:rPr"), qn("a:endParaRPr")):
                el.set("lang", tag)
            if shape.has_chart:
                space = shape.chart._chartSpace
                node = space.find(qn("c:lang"))
                if node is None:
                    node = etree.Element(qn("c:lang"))
                    space.find(qn("c:date1904")).addnext(node)
                node.set("val", tag)


def _footer_text(specs: list[SlideSpec]) -> str:
    title = specs[0]
    company = title.subtitle.split(" — ")[0] if title.subtitle else ""
    return f"{company} · {title.title}" if company else title.title


def _title_placeholder(container):
    return tpl.title_placeholder(container)


def _layout_for(prs, spec: SlideSpec, layouts: tuple):
    """The user's own layout for this slide (named ``pmk:slide:<key>``), else the title or content layout
    ``template`` chose across all masters."""
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            if layout.name == f"pmk:slide:{spec.key}":
                return layout
    return layouts[0] if spec.kind == "title" else layouts[1]


def body_area(layout) -> Rect:
    """Where the content goes: the layout's body placeholders, else the free band between title and footer."""
    a = tpl.content_area(layout)
    return Rect(a.x, a.y, a.w, a.h)


def _slide_size(layout) -> tuple[int, int]:
    return tpl.slide_size(layout)


_LOOKS: "weakref.WeakKeyDictionary[object, tpl.Look]" = weakref.WeakKeyDictionary()


def _look(layout) -> tpl.Look:
    """How generated content looks on ``layout`` (colours, fonts), once per layout."""
    if layout.part not in _LOOKS:
        _LOOKS[layout.part] = tpl.look(layout, tpl.content_area(layout), SERIES_COLORS, NAVY)
    return _LOOKS[layout.part]


def _frames(layout) -> dict[str, Rect]:
    """Placeholders named after generated shapes (``pmk:chart:funnel``) on a user's layout."""
    return {ph.name: _rect(ph) for ph in layout.placeholders if ph.name.startswith("pmk:")}


def _render_slide(prs, spec: SlideSpec, footer: str, layouts: tuple, continued: str) -> None:
    """One slide of the deck, and as many continuation slides (« (suite) ») as its blocks need to stay readable."""
    layout = _layout_for(prs, spec, layouts)
    look = _look(layout)
    part, current = 1, spec
    while True:
        token = _LOOK.set(look)
        try:
            with fit.measuring(look.body_font):
                rest = _render_on(prs, layout, current, footer, continuation=part > 1)
        finally:
            _LOOK.reset(token)
        if not rest:
            return
        part += 1
        current = replace(spec, key=f"{spec.key}.{part}", title=f"{spec.title} {continued}", notes="", blocks=rest)
        if layout.name.startswith("pmk:"):  # a user's own layout places the first slide; the rest go on the content layout
            layout = layouts[1]
            look = _look(layout)


def _render_on(prs, layout, spec: SlideSpec, footer: str, continuation: bool = False) -> list[Block]:
    """One slide on ``layout``; returns the blocks that continue on the next slide (none when all fit)."""
    slide = prs.slides.add_slide(layout)
    slide._element.cSld.set("name", f"pmk:slide:{spec.key}")
    frames = _frames(layout)
    title_height = 0.0
    has_subtitle = False
    is_title = spec.kind == "title" and tpl.is_title_slide(layout)
    title_box, subtitle_box = tpl.title_slide_boxes(layout) if is_title else (tpl.title_box(layout), None)
    for ph in list(slide.placeholders):
        kind = ph.placeholder_format.type
        if kind in TITLE_TYPES:
            title_height = _fill_title(ph, spec.title, layout, None if frames else title_box)
            _mark_generated_title(ph, spec)
        elif is_title and kind == PP_PLACEHOLDER.SUBTITLE and spec.subtitle and subtitle_box is not None:
            _fill_subtitle(ph, spec.subtitle, layout, subtitle_box)
            has_subtitle = True
        else:
            ph._element.getparent().remove(ph._element)
    if spec.kind == "title" and spec.subtitle and not has_subtitle:
        _add_subtitle_box(slide, layout, spec.subtitle, subtitle_box)
    _add_footers(slide, layout, footer if spec.kind != "title" else "")
    area = body_area(layout)
    if spec.kind != "title" and not frames:
        title_height, bottom = _title_room(slide, layout, spec, title_height)
        if bottom > area.y:  # the title grew: the content starts below it
            gap = int(_slide_size(layout)[1] * 0.015)
            area = Rect(area.x, bottom + gap, area.w, area.bottom - bottom - gap)
    if spec.section and spec.kind != "title":
        _add_section_label(slide, layout, spec, title_height)
    if spec.source:
        area = _add_source(slide, spec, area)
    if frames:  # a user's layout places the blocks: only a long table continues
        rects = {block.name: frames.get(block.name) or area.sub(block.box) for block in spec.blocks}
        blocks, rest = _split_tables(spec.blocks, rects)
    else:
        full = _pt(area.w)
        placed, rest = flow.first_page(spec.blocks, full, _pt(area.h), lambda b, w, h: _readable(b, w, h, full), _split,
                                       keep=not continuation)
        blocks = [b for b, _ in placed]
        rects = {b.name: area.sub(box) for b, box in placed}
    for block in _share_sizes(blocks, rects):
        render_block(slide, block, rects[block.name])
    if spec.notes:
        slide.notes_slide.notes_text_frame.text = spec.notes
    return rest


def _split_tables(blocks: list[Block], rects: dict[str, Rect]) -> tuple[list[Block], list[Block]]:
    """On a user's layout: keep on this slide the rows of a long table that read; the rest continues."""
    out: list[Block] = []
    for i, b in enumerate(blocks):
        r = rects[b.name]
        cut = _split(b, _pt(r.w), _pt(r.h)) if isinstance(b, TableBlock) else None
        if cut is None:
            out.append(b)
            continue
        head, tail = cut
        return out + [head] + blocks[i + 1:], [replace(tail, box=(0.0, 0.0, 1.0, 1.0))]
    return out, []


def _readable(block: Block, width: float, height: float, full: float | None = None) -> bool:
    """True when ``block`` reads in a box of ``width`` × ``height`` points (``legibility``'s minimums);
    ``full``: the body's width, where a table's numbers decide how small it may go (default ``width``)."""
    if width <= 0 or height <= 0:
        return False
    if isinstance(block, TableBlock):
        cells = block.cells()
        bold = _bold_rows(block, len(cells))

        def widths_at(w: float) -> list[float]:
            return [_pt(x) for x in _col_widths(block, int(w * EMU_PER_PT))]

        widest = widths_at(max(full or width, width))
        floor = legibility.table_floor(cells, widest, block, bold, _row_widths(block, widest, len(cells)))
        widths = widths_at(width)
        return legibility.table_fits(cells, widths, height, block, bold, _row_widths(block, widths, len(cells)), floor)
    if isinstance(block, ChartBlock):
        return legibility.chart_fits(block, width, height)
    bold = TEXT_STYLES.get(block.style, TEXT_STYLES["body"])[2]
    paras = [fit.P(p.text, p.bold or bold, p.level) for p in _fit_paras(block)]
    return legibility.text_fits(paras, width - 2 * fit.INSET_X, height - 2 * fit.INSET_Y, block)


_PART = re.compile(r"(.+)\.(\d+)")


def _next_key(key: str) -> str:
    """The key of a block's next part: ``leadgen`` -> ``leadgen.2`` -> ``leadgen.3`` (what ``--update`` looks for)."""
    m = _PART.fullmatch(key)
    return f"{m.group(1)}.{int(m.group(2)) + 1}" if m else f"{key}.2"


def _balanced(n: int, fit_most: int) -> int:
    """How many of ``n`` items go on this slide when ``fit_most`` fit: as many on each slide, not a stub at the end."""
    return -(-n // -(-n // max(fit_most, 1)))


def _split(block: Block, width: float, height: float) -> tuple[Block, Block] | None:
    """A block too long for ``width`` × ``height`` points cut in two: a table between rows, a bar chart between
    bars; the first part reads here. None: nothing to cut (or no need)."""
    if _readable(block, width, height):
        return None
    if isinstance(block, TableBlock):
        return _split_rows(block, width, height)
    if isinstance(block, ChartBlock) and block.chart_type == "bar" and len(block.categories) > 1:
        return _split_bars(block, width, height)
    return None


def _split_bars(block: ChartBlock, width: float, height: float) -> tuple[ChartBlock, ChartBlock] | None:
    """A bar chart with more bars than read in the box: the first bars here, the rest on the next slide, both
    on one scale (the whole chart's largest value) so bars compare across slides."""
    n = len(block.categories)

    def part(a: int, z: int) -> ChartBlock:
        return replace(block, categories=block.categories[a:z], series=[replace(s, values=s.values[a:z]) for s in block.series],
                       highlight=[i - a for i in block.highlight if a <= i < z])

    if not legibility.chart_fits(part(0, 1), width, height):  # too narrow, or no room for even one bar: cutting does not help
        return None
    lo, hi = 1, n - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if legibility.chart_fits(part(0, mid), width, height):
            lo = mid
        else:
            hi = mid - 1
    keep = _balanced(n, lo)
    top = max((v for s in block.series for v in s.values if is_number(v)), default=0)
    scale = block.axis_max if block.axis_max is not None else (top * 1.15 if top > 0 else None)
    head, tail = part(0, keep), part(keep, n)
    return replace(head, axis_max=scale), replace(tail, key=_next_key(block.key), axis_max=scale)


def _split_rows(block: TableBlock, width: float, height: float) -> tuple[TableBlock, TableBlock] | None:
    """A table too long for ``width`` × ``height`` points cut between rows: the rows that read here, balanced
    so the parts are alike (not a stub at the end), the total row on the last part. None: nothing to cut."""
    if len(block.rows) <= 1:
        return None
    body = block.rows[:-1] if block.total else block.rows
    if len(body) <= 1:
        return None

    def rows(a: int, z: int | None, **kw) -> TableBlock:
        """Rows ``a:z`` of the table, its highlights, subtotal rows and merged cells renumbered."""
        z = len(block.rows) if z is None else z
        return replace(block, rows=block.rows[a:z], highlight=[(r - a, c) for r, c in block.highlight if a <= r < z],
                       strong_rows=[r - a for r in block.strong_rows if a <= r < z],
                       merges=[(r - a, c0, c1) for r, c0, c1 in block.merges if a <= r < z], **kw)

    def fits(n: int) -> bool:
        return _readable(rows(0, n, total=False), width, height)

    lo, hi = 1, len(body) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    keep = _balanced(len(body), lo)
    return rows(0, keep, total=False), rows(keep, None, key=_next_key(block.key))


def _share_sizes(blocks: list[Block], rects: dict[str, Rect]) -> list[Block]:
    """Boxes of one ``group`` get the smallest of their fitted sizes (quadrants look alike)."""
    sizes: dict[str, float] = {}
    for b in blocks:
        if isinstance(b, TextBlock) and b.group:
            r = rects[b.name]
            f = fit.fit_text(_fit_paras(b), _pt(r.w) - 2 * fit.INSET_X, _pt(r.h) - 2 * fit.INSET_Y, *legibility.text_sizes(b))
            sizes[b.group] = min(sizes.get(b.group, f.size), f.size)
    return [replace(b, max_size=sizes[b.group]) if isinstance(b, TextBlock) and b.group else b for b in blocks]


def _fill_title(ph, text: str, layout, where: tpl.Box | None) -> float:
    """Write the fitted title, in a colour that reads on the background under it; return its text height in points.

    ``where``: the box ``template`` chose for it, written explicitly so every renderer draws the title where
    we measured it (None: a layout of the user's own, left as designed).
    """
    if where is not None:
        ph.left, ph.top, ph.width, ph.height = where.x, where.y, where.w, where.h
    size = _title_size(layout)
    family, color, _ = tpl.text_props(layout, "title")
    paras = [fit.P(text, bold=True)]
    with fit.measuring(family):
        used = _write_fitted(ph, paras, size, min(size, 16), keep_bold=None, color=_readable_or_panel(ph, layout, color))
        width = _pt(int(ph.width)) - 2 * fit.INSET_X
        return fit.layout_height(paras, width, used)[0]


def _fill_subtitle(ph, text: str, layout, where: tpl.Box) -> None:
    """The title slide's subtitle (company, author, date) in its placeholder, readable on its background."""
    _, H = _slide_size(layout)
    ph.left, ph.top, ph.width, ph.height = where.x, where.y, where.w, min(where.h, int(H * 0.16))
    family, color, _ = tpl.text_props(layout, "body")
    with fit.measuring(family):
        _write_fitted(ph, [fit.P(text)], 20, 10, color=_readable_or_panel(ph, layout, color))
    ph.text_frame.vertical_anchor = MSO_ANCHOR.TOP


def _readable_or_panel(shape, layout, preferred: str | None) -> str:
    """A text colour that reads on the background under ``shape``; when none does (a busy picture, a
    decoration crossing the text), an opaque panel under the text and a colour that reads on it."""
    found = tpl.readable(layout, preferred, tpl.box(shape))
    if found is not None:
        return found
    panel, ink = tpl.panel_for(layout, tpl.box(shape), preferred)
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(panel)
    return ink


def _add_subtitle_box(slide, layout, text: str, where: tpl.Box | None = None) -> None:
    """A title layout without a subtitle placeholder: the subtitle in a text box under the title."""
    title = _title_placeholder(slide)
    W, H = _slide_size(layout)
    top = int(title.top + title.height) if title is not None else H // 2
    left = int(title.left) if title is not None else W // 10
    width = int(title.width) if title is not None else W * 8 // 10
    height = min(int(H * 0.15), tpl.footer_top(layout) - top - int(H * 0.02))
    if height <= Emu(Pt(20)):
        top, height = int(H * 0.7), int(H * 0.12)
    if where is not None:
        left, top, width, height = where.x, where.y, where.w, min(where.h, int(H * 0.2))
    box = slide.shapes.add_textbox(left, top, width, height)
    box.name = "pmk:text:subtitle"
    tf = box.text_frame
    _frame_setup(tf, MSO_ANCHOR.TOP)
    family, color, _ = tpl.text_props(layout, "body")
    with fit.measuring(family):
        _write_fitted_frame(tf, [fit.P(text)], _pt(width) - 2 * fit.INSET_X, _pt(height) - 2 * fit.INSET_Y, 20, 10,
                            color=_readable_or_panel(box, layout, color), font=family)


TITLE_MARK = "pmk:title:"


def _mark_generated_title(ph, spec: SlideSpec) -> None:
    """Remember the title we wrote (in the shape's description), so ``--update`` can tell a title the user changed."""
    ph._element.find(f".//{qn('p:cNvPr')}").set("descr", TITLE_MARK + spec.title)


def _generated_title(ph) -> str | None:
    """The title we last wrote on this placeholder; None when the deck does not say (then the title is the user's)."""
    descr = ph._element.find(f".//{qn('p:cNvPr')}").get("descr") or ""
    return descr[len(TITLE_MARK):] if descr.startswith(TITLE_MARK) else None


SOURCE_HEIGHT = 16  # points: the source line under a data slide's content


def _add_source(slide, spec: SlideSpec, area: Rect) -> Rect:
    """The source line at the bottom of the content area (« Source : onglet Lead generation, 2025 »); the area left above it."""
    h = Emu(Pt(SOURCE_HEIGHT))
    box = slide.shapes.add_textbox(area.x, area.bottom - h, int(area.w), h)
    box.name = f"pmk:source:{spec.key}"
    tf = box.text_frame
    _frame_setup(tf, MSO_ANCHOR.BOTTOM)
    tf.margin_top = tf.margin_bottom = 0
    look = _LOOK.get()
    color = GREY if look is BUILTIN_LOOK else \
        tpl.readable(slide.slide_layout, GREY, tpl.box(box), extra=(look.ink,)) or _readable_or_panel(box, slide.slide_layout, GREY)
    _write_fitted_frame(tf, [fit.P(spec.source)], _pt(area.w) - 2 * fit.INSET_X, SOURCE_HEIGHT, 9, 7, color=color, italic=True,
                        font=look.body_font)
    return Rect(area.x, area.y, area.w, int(area.h - h - Emu(Pt(4))))


def _title_text_top(layout, text_height: float, title=None) -> int | None:
    """Top of the title's text (not its box), for the section label above it."""
    title = title if title is not None else _title_placeholder(layout)
    if title is None:
        return None
    anchor = "t"
    for container in (layout, layout.slide_master):
        ph = _title_placeholder(container)
        node = ph._element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}") if ph is not None else None
        if node is not None and node.get("anchor"):
            anchor = node.get("anchor")
            break
    text_h = text_height * EMU_PER_PT
    inset = fit.INSET_Y * EMU_PER_PT
    if anchor == "b":
        return int(title.top + title.height - inset - text_h)
    if anchor == "ctr":
        return int(title.top + (title.height - text_h) / 2)
    return int(title.top + inset)


def _title_size(layout) -> float:
    """The template's title size: the layout's own title style, else the master's, else 28 pt."""
    ph = _title_placeholder(layout)
    if ph is not None:
        node = ph._element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
        if node is not None and node.get("sz"):
            return int(node.get("sz")) / 100
    node = layout.slide_master._element.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    if node is not None and node.get("sz"):
        return int(node.get("sz")) / 100
    return 28.0


def _title_room(slide, layout, spec: SlideSpec, title_height: float) -> tuple[float, int]:
    """Room for the whole title and the section label above it: when the title had to be cut, or its text
    fills its box up to the slide's top (no line left for the label), the title box starts one label
    lower and grows down as far as the title needs at a readable size (at most twice its height).
    Returns the title's text height and the bottom of its box (the content starts below)."""
    title = _title_placeholder(slide)
    if title is None:
        return title_height, 0
    b = tpl.box(title)
    top = _title_text_top(layout, title_height, title)
    label = int(Emu(Pt(LABEL_HEIGHT))) if spec.section and top is not None and top - Emu(Pt(LABEL_HEIGHT)) < Emu(Pt(4)) else 0
    cut = title.text_frame.text != spec.title
    if not label and not cut:
        return title_height, b.bottom
    family = tpl.text_props(layout, "title")[0]
    size = min(_title_size(layout), 20.0)
    with fit.measuring(family):
        need = fit.layout_height([fit.P(spec.title, bold=True)], _pt(b.w) - 2 * fit.INSET_X, size)[0] + 2 * fit.INSET_Y
    height = min(max(b.h - label, int(need * EMU_PER_PT)), 2 * b.h)
    grown = tpl.Box(b.x, b.y + label, b.w, height)
    return _fill_title(title, spec.title, layout, grown), grown.bottom


LABEL_HEIGHT = 18  # points: the section label above the title


def _add_section_label(slide, layout, spec: SlideSpec, title_height: float) -> None:
    title = _title_placeholder(slide)
    top = _title_text_top(layout, title_height, title)
    h = Emu(Pt(18))
    if title is None or top is None or top - h < Emu(Pt(4)):
        return
    box = slide.shapes.add_textbox(title.left, top - h, int(title.width * 0.6), h)
    box.name = f"pmk:label:{spec.key}"
    color = tpl.readable(layout, "2E75B6", tpl.box(box), extra=_LOOK.get().accents) or _readable_or_panel(box, layout, "2E75B6")
    tf = box.text_frame
    _frame_setup(tf, MSO_ANCHOR.BOTTOM)
    tf.margin_top = tf.margin_bottom = 0
    _write_fitted_frame(tf, [fit.P(spec.section.upper(), bold=True)], _pt(int(title.width * 0.6)) - 2 * fit.INSET_X, _pt(h), 11, 8,
                        color=color, font=_LOOK.get().body_font)


def _add_footers(slide, layout, text: str) -> None:
    """The plan's footer in the footer placeholder and the slide number in its own, each placed and coloured
    explicitly; the date placeholder, and any footer we have no text for, are left out (no prompt shows).

    A footer text the template itself sets (« ACME — Confidentiel ») wins over the plan's; a prompt the
    template left there ("Footer", "<footer>") does not.
    """
    if not text:
        return
    tree = slide.shapes._spTree
    next_id = max([int(el.get("id")) for el in tree.iter(qn("p:cNvPr"))] + [1]) + 1
    look = _LOOK.get()
    taken = (tpl.content_area(layout), tpl.title_box(layout))
    for ph in layout.placeholders:
        kind = ph.placeholder_format.type
        if kind not in FOOTER_TYPES:
            continue
        b = tpl.box(ph)
        if any(tpl.overlap(b, t) for t in taken):  # a footer where the title or the content goes: left out
            continue
        own = ph.text_frame.text.strip() if ph.has_text_frame else ""
        words = own if own and not PROMPT.match(own) else text
        el = copy.deepcopy(ph._element)
        el.find(f".//{qn('p:cNvPr')}").set("id", str(next_id))
        next_id += 1
        tree.append(el)
        shape = slide.shapes[-1]
        shape.left, shape.top, shape.width, shape.height = b.x, b.y, b.w, b.h
        color = _readable_or_panel(shape, layout, None)
        txbody = shape.text_frame._txBody
        for p in txbody.findall(qn("a:p")):
            txbody.remove(p)
        p = etree.SubElement(txbody, qn("a:p"))
        tf = shape.text_frame
        tf.margin_left = tf.margin_right = Pt(fit.INSET_X)
        tf.margin_top = tf.margin_bottom = 0
        size = max(6.0, min(10.0, int(_pt(b.h) / fit.LINE * 2) / 2))
        need = int(size * fit.LINE * EMU_PER_PT) + 1
        if b.h < need:  # a footer band thinner than one line of 6 pt: grow it upwards
            shape.top, shape.height = b.bottom - need, need
        if kind == PP_PLACEHOLDER.FOOTER:
            width = _pt(b.w) - 2 * fit.INSET_X
            run = etree.SubElement(p, qn("a:r"))
            etree.SubElement(run, qn("a:t")).text = fit.ellipsize(words, width, size)
        else:
            run = etree.SubElement(p, qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", type="slidenum")
            etree.SubElement(run, qn("a:t")).text = "‹#›"
        rpr = etree.Element(qn("a:rPr"), sz=str(int(size * 100)))
        fill = etree.SubElement(rpr, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr"), val=color)
        if look.body_font:
            etree.SubElement(rpr, qn("a:latin"), typeface=look.body_font)
        run.insert(0, rpr)


def _render_in_look(slide, block: Block, rect: Rect):
    """A block added by ``--update``: in the colours and font its slide's layout gives (as at the first build)."""
    look = _look(slide.slide_layout)
    token = _LOOK.set(look)
    try:
        with fit.measuring(look.body_font):
            return render_block(slide, block, rect)
    finally:
        _LOOK.reset(token)


def render_block(slide, block: Block, rect: Rect):
    if isinstance(block, TableBlock):
        return _add_table(slide, block, rect)
    if isinstance(block, ChartBlock):
        return _add_chart(slide, block, rect)
    return _add_text(slide, block, rect)


# --------------------------------------------------------------------------- text


def _frame_setup(tf, anchor) -> None:
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = Pt(fit.INSET_X)
    tf.margin_top = tf.margin_bottom = Pt(fit.INSET_Y)
    tf.vertical_anchor = anchor


def _bullet(p, level: int | None, size: float, first: bool) -> None:
    pPr = p._p.get_or_add_pPr()
    for child in list(pPr):
        pPr.remove(child)
    if not first:
        spc = etree.SubElement(pPr, qn("a:spcBef"))
        etree.SubElement(spc, qn("a:spcPts"), val=str(int(fit.PARA_GAP * size * 100)))
    if level is None:
        pPr.set("marL", "0")
        pPr.set("indent", "0")
        etree.SubElement(pPr, qn("a:buNone"))
        return
    left = fit.indent(level, size)
    pPr.set("marL", str(int(left * EMU_PER_PT)))
    pPr.set("indent", str(int(-0.9 * fit.INDENT * size * EMU_PER_PT)))
    etree.SubElement(pPr, qn("a:buFont"), typeface="Arial")
    etree.SubElement(pPr, qn("a:buChar"), char="•" if level == 0 else "–")


def _write_fitted_frame(tf, paras: list[fit.P], width: float, height: float, max_size: float, min_size: float,
                        color: str | None = None, italic: bool = False, keep_bold: bool | None = False,
                        bullets: bool = False, font: str | None = None) -> float:
    result = fit.fit_text(paras, width, height, max_size, min_size)
    for extra in tf.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    for i, text in enumerate(result.texts):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        para = paras[i]
        _bullet(p, para.level if bullets else None, result.size, i == 0)
        for r in list(p.runs):
            r._r.getparent().remove(r._r)
        run = p.add_run()
        run.text = text
        run.font.size = Pt(result.size)
        if keep_bold is not None:
            run.font.bold = para.bold
        if italic:
            run.font.italic = True
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        if font:
            run.font.name = font
    return result.size


def _write_fitted(shape, paras: list[fit.P], max_size: float, min_size: float, keep_bold: bool | None = False,
                  color: str | None = None) -> float:
    """Fitted text in a placeholder, with explicit insets and no autofit (the template's would rescale our fit)."""
    tf = shape.text_frame
    body_pr = tf._txBody.bodyPr
    for child in list(body_pr):
        body_pr.remove(child)
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = Pt(fit.INSET_X)
    tf.margin_top = tf.margin_bottom = Pt(fit.INSET_Y)
    width = _pt(int(shape.width)) - _pt(int(tf.margin_left)) - _pt(int(tf.margin_right))
    height = _pt(int(shape.height)) - _pt(int(tf.margin_top)) - _pt(int(tf.margin_bottom))
    return _write_fitted_frame(tf, paras, width, height, max_size, min_size, keep_bold=keep_bold, color=color)


def _fit_paras(block: TextBlock) -> list[fit.P]:
    out = []
    for p in block.paragraphs:
        heading = p.bold and p.level == 0
        out.append(fit.P(p.text, p.bold, None if (not block.bullets or heading) else p.level))
    return out


def _add_text(slide, block: TextBlock, rect: Rect):
    fill, color, bold, italic, anchor = TEXT_STYLES.get(block.style, TEXT_STYLES["body"])
    if block.style == "panel" and len(block.paragraphs) == 1:
        anchor = MSO_ANCHOR.MIDDLE
    look = _LOOK.get()
    if fill is None and look is not BUILTIN_LOOK:  # on the template's background: a colour that reads there, else a panel
        prefer = (GREY, look.ink) if color == GREY else (look.ink,)
        color = tpl.readable(slide.slide_layout, prefer[0], tpl.Box(rect.x, rect.y, rect.w, rect.h), extra=prefer[1:])
        if color is None:
            fill = look.panel or "FFFFFF"
            color = GREY if color == GREY and tpl.contrast(GREY, fill) >= tpl.MIN_CONTRAST else \
                ("000000" if tpl.contrast(fill, "000000") >= tpl.contrast(fill, "FFFFFF") else "FFFFFF")
    box = slide.shapes.add_textbox(rect.x, rect.y, rect.w, rect.h)
    box.name = block.name
    if fill:
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string(fill)
    tf = box.text_frame
    _frame_setup(tf, anchor)
    paras = [fit.P(p.text, p.bold or bold, p.level) for p in _fit_paras(block)]
    _write_fitted_frame(tf, paras, _pt(rect.w) - 2 * fit.INSET_X, _pt(rect.h) - 2 * fit.INSET_Y, *legibility.text_sizes(block),
                        color=color, italic=italic, bullets=True, font=look.body_font)
    return box


# --------------------------------------------------------------------------- tables


def _col_widths(block: TableBlock, total: int) -> list[int]:
    """Column widths in EMU: the block's proportions, a number column widened when its numbers would not
    fit whole at the minimum size (``legibility.number_widths``)."""
    n = len(block.header) if block.header else len(block.rows[0])
    rel = block.widths or [1.0] * n
    pts = legibility.number_widths(block, [_pt(total) * w / sum(rel) for w in rel])
    widths = [int(w * EMU_PER_PT) for w in pts]
    widths[-1] += total - sum(widths)
    return widths


def _bold_rows(block: TableBlock, n: int) -> set[int]:
    """Rows measured in bold: header, total, and every row whose cells open with a bold heading."""
    if block.first_line_bold:
        return set(range(n))
    rows = set(range(block.header_rows)) | {r + block.header_rows for r in block.strong_rows}
    if block.total:
        rows.add(n - 1)
    return rows


def _row_widths(block: TableBlock, widths: list[float], n: int) -> list[list[float]] | None:
    """Per-row column widths when cells are merged: the merged cell spans its columns' widths."""
    if not block.merges:
        return None
    out = [list(widths) for _ in range(n)]
    for r, c0, c1 in block.merges:
        row = out[r + block.header_rows]
        row[c0] = sum(widths[c0:c1 + 1])
        for c in range(c0 + 1, c1 + 1):
            row[c] = 0.0
    return out


def _add_table(slide, block: TableBlock, rect: Rect):
    cells = block.cells()
    widths = _col_widths(block, rect.w)
    bold = _bold_rows(block, len(cells))
    pts = [_pt(w) for w in widths]
    tf = fit.fit_table(cells, pts, _pt(rect.h), *legibility.table_sizes(block), bold,
                       header_rows=block.header_rows, row_widths=_row_widths(block, pts, len(cells)), header_min=legibility.HEADER_MIN)
    heights = _stretch(tf.row_heights, block, _pt(rect.h))
    height = sum(int(h * EMU_PER_PT) for h in heights)
    shape = slide.shapes.add_table(len(tf.cells), len(widths), rect.x, rect.y, rect.w, height)
    shape.name = block.name
    table = shape.table
    table.first_row = bool(block.header_rows)
    table.horz_banding = False
    for i, w in enumerate(widths):
        table.columns[i].width = w
    for r, h in enumerate(heights):
        table.rows[r].height = int(h * EMU_PER_PT)
    for r, row in enumerate(tf.cells):
        size = tf.header_size if r < block.header_rows and tf.header_size else tf.size
        for c, text in enumerate(row):
            _style_cell(table.cell(r, c), block, r, c, len(tf.cells), size, text)
    for r, c0, c1 in block.merges:
        if r + block.header_rows < len(tf.cells) and c1 > c0:
            table.cell(r + block.header_rows, c0).merge(table.cell(r + block.header_rows, c1))
            table.cell(r + block.header_rows, c0).text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    return shape


def _stretch(heights: list[float], block: TableBlock, room: float) -> list[float]:
    """Grow body rows (up to ``block.stretch``) so a short table fills its box instead of leaving a gap."""
    total = sum(heights)
    body = sum(heights[block.header_rows:])
    if total >= room or body <= 0 or block.stretch <= 1:
        return heights
    head = heights[:block.header_rows]
    rows = heights[block.header_rows:]
    even = (room - sum(head)) / len(rows)
    if block.stretch >= 10 and all(h <= even for h in rows):  # a matrix: equal rows filling the box
        return head + [even] * len(rows)
    factor = min(block.stretch, (room - (total - body)) / body)
    return heights[:block.header_rows] + [h * factor for h in heights[block.header_rows:]]


def _cell_role(block: TableBlock, r: int, c: int, n: int) -> str:
    data_r = r - block.header_rows
    if r < block.header_rows or (block.header_rows and block.header and block.header[0] == "" and c == 0):
        return "header"
    if (data_r, c) in block.highlight:
        return block.highlight_style
    if data_r in block.strong_rows:
        return "strong"
    if block.total and r == n - 1:
        return "total"
    return "even" if data_r % 2 else "odd"


def _style_cell(cell, block: TableBlock, r: int, c: int, n: int, size: float, text: str) -> None:
    role = _cell_role(block, r, c, n)
    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor.from_string(_LOOK.get().strong if role == "header" else FILLS[role])
    cell.margin_left = cell.margin_right = Pt(fit.INSET_X)
    cell.margin_top = cell.margin_bottom = Pt(fit.INSET_Y)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    align = (block.align or ["l"] * len(block.header))[c] if r >= block.header_rows else \
        ("l" if (block.align or ["l"])[c] == "l" else "c")
    color = "FFFFFF" if role == "header" else ("C00000" if role == "alert" else INK)
    bold = role in ("header", "total", "strong") or (role == "accent")
    _set_cell_text(cell, text, size, bold, align, color, block.first_line_bold and r >= block.header_rows)


_ALIGN = {"l": PP_ALIGN.LEFT, "c": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}


def _set_cell_text(cell, text: str, size: float, bold: bool, align: str, color: str, first_bold: bool = False) -> None:
    tf = cell.text_frame
    tf.word_wrap = True
    for i, line in enumerate(text.split("\n")):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = _ALIGN[align]
        run = p.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold or (first_bold and i == 0)
        run.font.color.rgb = RGBColor.from_string(color)
        if _LOOK.get().body_font:
            run.font.name = _LOOK.get().body_font


# --------------------------------------------------------------------------- charts


class _TextSafeChartData(CategoryChartData):
    """Chart data whose embedded workbook (ppt/embeddings/*.xlsx) keeps every label as text.

    python-pptx writes it with XlsxWriter, which by default turns a string starting with
    "=" into a live formula and a URL-looking string into a hyperlink: a label such as
    "=HYPERLINK(…)" from a plan cell must stay text there too.
    """

    @property
    def _workbook_writer(self):
        return _TextSafeWorkbookWriter(self)


class _TextSafeWorkbookWriter(CategoryWorkbookWriter):
    @contextmanager
    def _open_worksheet(self, xlsx_file):
        from xlsxwriter import Workbook

        workbook = Workbook(xlsx_file, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False, "nan_inf_to_errors": True})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


def chart_data(block: ChartBlock) -> CategoryChartData:
    """The chart's data; a horizontal bar chart's categories bottom-up, so the first one is drawn on top.

    Why not the axis's "categories in reverse order": it also flips the series within each
    cluster, and the legend (listed bottom-up for bar charts) then reads against the bars.
    """
    flip = block.chart_type == "bar"
    data = _TextSafeChartData(number_format=block.number_format)
    data.categories = list(reversed(block.categories)) if flip else block.categories
    for s in block.series:
        data.add_series(s.name, list(reversed(s.values)) if flip else s.values)
    return data


def _add_chart(slide, block: ChartBlock, rect: Rect):
    shape = slide.shapes.add_chart(CHART_TYPES[block.chart_type], rect.x, rect.y, rect.w, rect.h, chart_data(block))
    shape.name = block.name
    _style_chart(shape.chart, block, rect)
    return shape


def _style_chart(chart, block: ChartBlock, rect: Rect) -> None:
    look = _LOOK.get()
    if look.card:  # the background would not let the chart read: a card of the theme's light colour under it
        space = chart._chartSpace
        sppr = space.find(qn("c:spPr"))
        if sppr is None:
            sppr = etree.SubElement(space, qn("c:spPr"))
            space.find(qn("c:chart")).addnext(sppr)
        fill = etree.SubElement(sppr, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr"), val=look.card)
    chart.font.size = Pt(11)
    chart.font.color.rgb = RGBColor.from_string(look.chart_ink)
    if look.body_font:
        chart.font.name = look.body_font
    chart.has_title = True
    chart.chart_title.text_frame.text = block.title
    under = look.card or look.panel
    heading = look.strong if under is None or tpl.contrast(look.strong, under) >= tpl.MIN_CONTRAST else look.chart_ink
    if look is not BUILTIN_LOOK and under is None:
        heading = look.chart_ink
    for run in chart.chart_title.text_frame.paragraphs[0].runs:
        run.font.size, run.font.bold = Pt(14), True
        run.font.color.rgb = RGBColor.from_string(heading)
    legend = block.legend if block.legend is not None else len(block.series) > 1
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(11)
    plot = chart.plots[0]
    if block.chart_type in ("bar", "column"):
        plot.gap_width = 45 if len(block.series) > 1 else 60
        plot.overlap = -5 if len(block.series) > 1 else 0
    if block.chart_type == "waterfall":
        _style_waterfall(chart, block)
        return
    for i, series in enumerate(plot.series):
        color = RGBColor.from_string(look.accents[i % len(look.accents)])
        if block.chart_type == "line":
            series.format.line.color.rgb = color
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = color
    _highlight_points(plot, block)
    if block.axis_max is not None and block.chart_type != "doughnut":
        chart.value_axis.maximum_scale = block.axis_max
    if block.labels:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = block.number_format
        labels.number_format_is_linked = False
        labels.font.size = Pt(10)
        if block.chart_type in ("bar", "column"):
            labels.position = XL_DATA_LABEL_POSITION.OUTSIDE_END
    if block.chart_type == "doughnut":
        return
    cat, val = chart.category_axis, chart.value_axis
    cat.tick_labels.font.size = Pt(10 if len(block.categories) > 8 else 11)
    cat.major_tick_mark = XL_TICK_MARK.NONE
    cat.format.line.color.rgb = RGBColor.from_string("BFBFBF")
    if any(is_number(v) and v < 0 for s in block.series for v in s.values):  # gaps to a target: labels left of the bars
        cat.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    else:
        val.minimum_scale = 0
    val.major_tick_mark = XL_TICK_MARK.NONE
    if block.labels:
        val.visible = False
        val.has_major_gridlines = False
    else:
        val.has_major_gridlines = True
        val.major_gridlines.format.line.color.rgb = RGBColor.from_string("D9D9D9")
        val.tick_labels.font.size = Pt(10)
        val.tick_labels.number_format = block.number_format
        val.tick_labels.number_format_is_linked = False
        val.format.line.fill.background()


def _highlight_points(plot, block: ChartBlock) -> None:
    """The categories the title talks about, in the accent colour (single-series bar and column charts)."""
    if block.chart_type not in ("bar", "column") or len(block.series) != 1:
        return
    series = plot.series[0]
    n = len(block.categories)
    for i in range(n):
        fill = series.points[n - 1 - i if block.chart_type == "bar" else i].format.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(HIGHLIGHT if i in block.highlight else SERIES_COLORS[0])


def _style_waterfall(chart, block: ChartBlock) -> None:
    """A bridge: invisible base series, then totals (navy), increases (green) and decreases (orange) with signed labels."""
    plot = chart.plots[0]
    plot.gap_width = 40
    plot.overlap = 100
    colors = (None, NAVY, UP, DOWN)
    for i, series in enumerate(plot.series):
        color = colors[i] if i < len(colors) else SERIES_COLORS[i % len(SERIES_COLORS)]
        if color is None:
            series.format.fill.background()
            series.format.line.fill.background()
            continue
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(color)
        labels = series.data_labels
        labels.show_value = True
        labels.number_format = block.series[i].number_format or block.number_format
        labels.number_format_is_linked = False
        labels.font.size = Pt(10)
        labels.position = XL_DATA_LABEL_POSITION.CENTER
        labels.font.color.rgb = RGBColor.from_string("FFFFFF")
        labels.font.bold = True
    cat, val = chart.category_axis, chart.value_axis
    cat.tick_labels.font.size = Pt(10)
    cat.major_tick_mark = XL_TICK_MARK.NONE
    cat.format.line.color.rgb = RGBColor.from_string("BFBFBF")
    val.visible = False
    val.has_major_gridlines = False
    val.minimum_scale = block.axis_min or 0


# --------------------------------------------------------------------------- update


def _named_shapes(prs) -> dict[str, tuple[object, object]]:
    found = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name.startswith("pmk:"):
                found.setdefault(shape.name, (slide, shape))
    return found


def update_deck(computed: Computed, findings: Iterable[object] | None, pptx_bytes: bytes,
                lang: str | None = None, appendix: bool = True, with_checks: bool = False) -> tuple[bytes, list[str]]:
    """Refresh the generated tables, charts and texts of an edited deck; keep everything else.

    Titles: a title still as we generated it follows the plan (a new conclusion); a title
    the user changed stays theirs. Slides and shapes the user deleted stay deleted
    (the rule is printed with them) — except in a section they had left empty, whose content
    appears once the plan fills it. Returns the new file and one line per change (for the CLI to print).
    """
    try:
        prs = Presentation(io.BytesIO(pptx_bytes))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise TemplateError(msg("deck.bad_update", detail=exc)) from exc
    specs = deck_spec(computed, list(findings) if findings is not None else None, lang, appendix=appendix, with_checks=with_checks)
    shapes = _named_shapes(prs)
    slides = {s._element.cSld.get("name"): s for s in prs.slides}
    changes: list[str] = []
    deleted: list[str] = []
    said = lang or computed.plan.lang
    for spec in specs:
        slide = slides.get(f"pmk:slide:{spec.key}")
        if slide is None:
            if spec.kind != "title":
                deleted.append(say("deck.slide_deleted", said, title=spec.title, name=f"pmk:slide:{spec.key}"))
            continue
        changes += _update_title(spec, slide, said)
        changes += _update_source(spec, slide, said)
        part = 2
        while f"pmk:slide:{spec.key}.{part}" in slides:  # its continuation slides follow the new conclusion too
            more = replace(spec, key=f"{spec.key}.{part}", title=f"{spec.title} {CONTINUED.get(said, CONTINUED['en'])}")
            changes += _update_title(more, slides[f"pmk:slide:{more.key}"], said)
            changes += _update_source(more, slides[f"pmk:slide:{more.key}"], said)
            part += 1
        emptied = _only_empty(slide)
        for block in spec.blocks:
            lines = _update_block(spec, block, shapes, slides, add_missing=emptied)
            changes += [line for line in lines if line != _DELETED]
            deleted += [say("deck.shape_deleted", said, title=spec.title, name=block.name) for line in lines if line == _DELETED]
        changes += _drop_stale(spec, slide)
    if deleted:
        changes += deleted + [say("deck.deleted_rule", said)]
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue(), changes


_DELETED = "deleted"  # what _update_block answers for a generated shape the user deleted


def _only_empty(slide) -> bool:
    """True when the slide's generated content is only "not filled in" lines (or nothing): new content may appear there."""
    kinds = [shape.name.split(":")[1] for shape in slide.shapes if shape.name.startswith("pmk:") and shape.name.count(":") >= 2]
    return not any(k in ("table", "chart", "text") for k in kinds)


def _update_title(spec: SlideSpec, slide, lang: str) -> list[str]:
    """A new conclusion replaces the title we wrote; a title the user changed (or one we cannot vouch for) stays."""
    ph = next((p for p in slide.placeholders if p.placeholder_format.type in TITLE_TYPES), None)
    if ph is None:
        return []
    written = _generated_title(ph)
    current = ph.text_frame.text
    if _same_text(current, spec.title):
        return []
    if written is None or not _same_text(current, written):
        return [say("deck.title_kept", lang, title=_same_line(current), conclusion=spec.title)]
    tf = ph.text_frame
    size = _run_size(tf, _title_size(slide.slide_layout))
    _set_paragraphs(tf, [spec.title])
    width = _pt(int(ph.width)) - _pt(int(tf.margin_left)) - _pt(int(tf.margin_right))
    height = _pt(int(ph.height)) - _pt(int(tf.margin_top)) - _pt(int(tf.margin_bottom))
    fitted = fit.fit_text([fit.P(spec.title, bold=True)], width, height, size, min(size, 16))
    if fitted.size < size:  # only shrink, and only when the new conclusion needs it
        for p in tf.paragraphs:
            for r in p.runs:
                r.font.size = Pt(fitted.size)
    _mark_generated_title(ph, spec)
    return [say("deck.title_updated", lang, title=spec.title)]


def _same_line(text: str) -> str:
    return " ".join(text.replace("\v", " ").split())


def _same_text(a: str, b: str) -> bool:
    """Equal once line breaks and spaces are normalised (PowerPoint may re-wrap a title)."""
    return _same_line(a) == _same_line(b)


def _update_source(spec: SlideSpec, slide, lang: str) -> list[str]:
    shape = next((sh for sh in slide.shapes if sh.name == f"pmk:source:{spec.key}"), None)
    if shape is None or not spec.source or shape.text_frame.text == spec.source:
        return []
    _set_paragraphs(shape.text_frame, [spec.source])
    return [say("deck.source_updated", lang, title=spec.title)]


def _drop_stale(spec: SlideSpec, slide) -> list[str]:
    """Generated shapes the plan no longer calls for on this slide (a section emptied or filled)."""
    if slide is None:
        return []
    wanted = {b.name for b in spec.blocks}
    gone = []
    for shape in list(slide.shapes):
        kind = shape.name.split(":")[1] if shape.name.startswith("pmk:") and shape.name.count(":") >= 2 else ""
        if kind in ("table", "chart", "text", "empty") and shape.name not in wanted:
            shape._element.getparent().remove(shape._element)
            gone.append(f"{spec.title}: {shape.name}: removed")
    return gone


def _alternates(block: Block) -> list[str]:
    names = [f"pmk:{k}:{block.key}" for k in ("table", "chart", "text", "empty")]
    return [n for n in names if n != block.name]


def _update_block(spec: SlideSpec, block: Block, shapes: dict, slides: dict, add_missing: bool = True) -> list[str]:
    where = f"{spec.title}: {block.name}"
    if isinstance(block, TableBlock) and f"{block.name}.2" in shapes and block.name in shapes:
        return _update_continued(where, block, shapes)
    if isinstance(block, ChartBlock) and f"{block.name}.2" in shapes and block.name in shapes:
        return _update_continued_chart(where, block, shapes)
    if block.name in shapes:
        slide, shape = shapes[block.name]
        if isinstance(block, TableBlock) and shape.has_table:
            return [f"{where}: {m}" for m in _update_table(shape, block)]
        if isinstance(block, ChartBlock) and shape.has_chart:
            return [f"{where}: {m}" for m in _update_chart(shape, block)]
        if isinstance(block, TextBlock) and shape.has_text_frame:
            return [f"{where}: {m}" for m in _update_text(shape, block)]
    for other in _alternates(block):  # a section filled or emptied since: swap its shape in place
        if other in shapes:
            slide, shape = shapes[other]
            layout = slide.slide_layout
            new = _render_in_look(slide, block, _frames(layout).get(block.name) or body_area(layout).sub(block.box))
            shape._element.addprevious(new._element)
            shape._element.getparent().remove(shape._element)
            return [f"{where}: replaced {other}"]
    if f"pmk:slide:{spec.key}" in slides:
        if not add_missing:
            return [_DELETED]
        slide = slides[f"pmk:slide:{spec.key}"]
        _render_in_look(slide, block, _frames(slide.slide_layout).get(block.name) or body_area(slide.slide_layout).sub(block.box))
        return [f"{where}: added"]
    return []


def _update_continued(where: str, block: TableBlock, shapes: dict) -> list[str]:
    """A table continued over several slides: each part keeps its number of rows, the last takes the rest
    (and the total row); rows are never dropped."""
    parts = [shapes[block.name][1]]
    k = 2
    while f"{block.name}.{k}" in shapes:
        parts.append(shapes[f"{block.name}.{k}"][1])
        k += 1
    rows, out = list(block.rows), []
    for i, shape in enumerate(parts):
        last = i == len(parts) - 1
        n = len(rows) if last else min(len(rows), max(len(shape.table.rows) - block.header_rows, 1))
        piece = replace(block, rows=rows[:n], total=block.total and last)
        rows = rows[n:]
        out += [f"{where} ({i + 1}/{len(parts)}): {m}" for m in _update_table(shape, piece)]
    return out


def _update_continued_chart(where: str, block: ChartBlock, shapes: dict) -> list[str]:
    """A bar chart continued over several slides: each part keeps its number of bars, the last takes the rest;
    all parts on the new data's one scale."""
    parts = [shapes[block.name][1]]
    while f"{block.name}.{len(parts) + 1}" in shapes:
        parts.append(shapes[f"{block.name}.{len(parts) + 1}"][1])
    top = max((v for s in block.series for v in s.values if is_number(v)), default=0)
    scale = top * 1.15 if top > 0 else None
    start, out = 0, []
    for i, shape in enumerate(parts):
        n = len(block.categories) - start if i == len(parts) - 1 else len(list(shape.chart.plots[0].categories))
        piece = replace(block, categories=block.categories[start:start + n],
                        series=[replace(s, values=s.values[start:start + n]) for s in block.series],
                        highlight=[h - start for h in block.highlight if start <= h < start + n])
        start += n
        lines = _update_chart(shape, piece)
        if scale is not None and shape.chart.value_axis.maximum_scale != scale:
            shape.chart.value_axis.maximum_scale = scale
        out += [f"{where} ({i + 1}/{len(parts)}): {m}" for m in lines]
    return out


def _para_texts(tf) -> list[str]:
    return [p.text for p in tf.paragraphs]


def _set_paragraph(p, text: str) -> None:
    """New text in the paragraph's first run, whose formatting (the user's font) stays."""
    runs = p._p.findall(qn("a:r"))
    for extra in runs[1:] + p._p.findall(qn("a:br")) + p._p.findall(qn("a:fld")):
        p._p.remove(extra)
    if runs:
        runs[0].find(qn("a:t")).text = text
    else:
        p.add_run().text = text


def _set_paragraphs(tf, texts: list[str]) -> bool:
    if _para_texts(tf) == texts:
        return False
    paras = tf._txBody.findall(qn("a:p"))
    while len(paras) < len(texts):
        clone = copy.deepcopy(paras[-1])
        paras[-1].addnext(clone)
        paras.append(clone)
    for extra in paras[len(texts):]:
        extra.getparent().remove(extra)
    for p, text in zip(tf.paragraphs, texts):
        if p.text != text:
            _set_paragraph(p, text)
    return True


def _run_size(tf, default: float) -> float:
    for p in tf.paragraphs:
        for r in p.runs:
            if r.font.size:
                return r.font.size.pt
    return default


def _update_text(shape, block: TextBlock) -> list[str]:
    tf = shape.text_frame
    size = _run_size(tf, block.max_size)
    paras = _fit_paras(block)
    width = _pt(int(shape.width)) - 2 * fit.INSET_X
    height = _pt(int(shape.height)) - 2 * fit.INSET_Y
    result = fit.fit_text(paras, width, height, size, min(block.min_size, size))
    if not _set_paragraphs(tf, result.texts):
        return []
    if result.size < size:  # only shrink, and only when the new text needs it
        for p in tf.paragraphs:
            for r in p.runs:
                r.font.size = Pt(result.size)
    return ["text updated"]


def _update_table(shape, block: TableBlock) -> list[str]:
    table = shape.table
    cells = block.cells()
    messages = []
    if len(table.columns) != len(cells[0]):
        return [f"{len(cells[0])} columns expected, the table has {len(table.columns)}: left as is"]
    tbl = table._tbl
    rows = tbl.findall(qn("a:tr"))
    template_row = rows[-2] if block.total and len(rows) > 2 else rows[-1]
    added = removed = 0
    while len(rows) < len(cells):
        clone = copy.deepcopy(template_row)
        template_row.addnext(clone)
        rows = tbl.findall(qn("a:tr"))
        added += 1
    while len(rows) > len(cells):
        victim = rows[-2] if block.total and len(rows) > 2 else rows[-1]
        tbl.remove(victim)
        rows = tbl.findall(qn("a:tr"))
        removed += 1
    changed = 0
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if _set_paragraphs(table.cell(r, c).text_frame, text.split("\n")):
                changed += 1
    if added:
        messages.append(f"{added} row(s) added")
    if removed:
        messages.append(f"{removed} row(s) removed")
    if changed:
        messages.append(f"{changed} cell(s) updated")
    return messages


def _chart_values(chart) -> tuple[list[str], list[tuple[str, list]]]:
    plot = chart.plots[0]
    cats = [str(c) for c in plot.categories]
    series = [(s.name, [None if v is None else float(v) for v in s.values]) for s in plot.series]
    return cats, series


def _update_chart(shape, block: ChartBlock) -> list[str]:
    cats, series = _chart_values(shape.chart)
    data = chart_data(block)
    want = [(s.name, [None if v is None else float(v) for v in s.values]) for s in data]
    if cats == [str(c.label) for c in data.categories] and series == want:
        return []
    shape.chart.replace_data(data)
    _highlight_points(shape.chart.plots[0], block)
    return ["chart data refreshed"]
