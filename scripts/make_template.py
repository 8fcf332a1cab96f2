"""Generate planmkg_xl/data/template.pptx, the deck's built-in template (deterministic).

Why a script and not a binary checked in by hand: the template is reviewable and
reproducible — sober corporate 16:9, Arial (metric-compatible with Liberation Sans,
which the fit logic measures), navy titles with a thin rule, footer and slide number,
a navy title slide. Layouts keep their standard English names so that code and users
find them (Title Slide, Title Only, Title and Content, Two Content, Section Header,
Blank); the master is named "planmkg".

Run: python scripts/make_template.py [OUTPUT]
"""
from __future__ import annotations

import copy
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

NAVY, BLUE, GREY, LIGHT = "1F3864", "2E75B6", "595959", "DCE3EE"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
KEEP = ("Title Slide", "Title and Content", "Section Header", "Two Content", "Title Only", "Blank")
OUT = Path(__file__).resolve().parent.parent / "planmkg_xl" / "data" / "template.pptx"
FIXED = dt.datetime(2025, 1, 1)

W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
GEOMETRY = {  # placeholder type -> (x, y, cx, cy)
    "title": (MARGIN, Inches(0.32), W - 2 * MARGIN, Inches(0.9)),
    "body": (MARGIN, Inches(1.5), W - 2 * MARGIN, Inches(5.3)),
    "dt": (Inches(9.3), Inches(7.02), Inches(2.2), Inches(0.3)),
    "ftr": (MARGIN, Inches(7.02), Inches(8.5), Inches(0.3)),
    "sldNum": (Inches(11.83), Inches(7.02), Inches(1.0), Inches(0.3)),
}


def _q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def _set_xfrm(sp, x, y, cx, cy) -> None:
    spPr = sp.find(_q("p:spPr"))
    xfrm = spPr.find(_q("a:xfrm"))
    if xfrm is None:
        xfrm = etree.SubElement(spPr, _q("a:xfrm"))
        spPr.insert(0, xfrm)
    for child in list(xfrm):
        xfrm.remove(child)
    etree.SubElement(xfrm, _q("a:off"), x=str(int(x)), y=str(int(y)))
    etree.SubElement(xfrm, _q("a:ext"), cx=str(int(cx)), cy=str(int(cy)))


def _ph_type(sp) -> str | None:
    ph = sp.find(f"{_q('p:nvSpPr')}/{_q('p:nvPr')}/{_q('p:ph')}")
    if ph is None:
        return None
    return ph.get("type", "body")


def _fill(color: str):
    fill = etree.Element(_q("a:solidFill"))
    etree.SubElement(fill, _q("a:srgbClr"), val=color)
    return fill


def _def_rpr(parent, size: int | None = None, bold: bool | None = None, color: str | None = None):
    rpr = parent.find(_q("a:defRPr"))
    if rpr is None:
        rpr = etree.SubElement(parent, _q("a:defRPr"))
    if size:
        rpr.set("sz", str(size * 100))
    if bold is not None:
        rpr.set("b", "1" if bold else "0")
    if color:
        for old in rpr.findall(_q("a:solidFill")):
            rpr.remove(old)
        rpr.insert(0, _fill(color))
    return rpr


def _lst_style(sp, size: int, bold: bool, color: str, algn: str = "l"):
    body = sp.find(_q("p:txBody"))
    lst = body.find(_q("a:lstStyle"))
    for child in list(lst):
        lst.remove(child)
    lvl = etree.SubElement(lst, _q("a:lvl1pPr"), algn=algn)
    _def_rpr(lvl, size, bold, color)


def _anchor(sp, anchor: str) -> None:
    body_pr = sp.find(f"{_q('p:txBody')}/{_q('a:bodyPr')}")
    body_pr.set("anchor", anchor)
    for child in list(body_pr):
        body_pr.remove(child)  # no autofit: the deck computes its own fit


def _theme(prs) -> None:
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    theme = root.find(f"{_q('a:themeElements')}")
    root.set("name", "planmkg")
    scheme = theme.find(_q("a:clrScheme"))
    scheme.set("name", "planmkg")
    colors = {"dk2": NAVY, "lt2": "E7E6E6", "accent1": NAVY, "accent2": BLUE, "accent3": "548235", "accent4": "C55A11",
              "accent5": "7F7F7F", "accent6": "BF9000", "hlink": BLUE, "folHlink": "7030A0"}
    for key, value in colors.items():
        slot = scheme.find(_q(f"a:{key}"))
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, _q("a:srgbClr"), val=value)
    fonts = theme.find(_q("a:fontScheme"))
    fonts.set("name", "planmkg")
    for which in ("a:majorFont", "a:minorFont"):
        fonts.find(f"{_q(which)}/{_q('a:latin')}").set("typeface", "Arial")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _decor(prs, master) -> None:
    """A thin navy rule under the title area, on the master (hidden on the title slide)."""
    tmp = prs.slides.add_slide(prs.slide_layouts[6])
    rule = tmp.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, Inches(1.27), W - 2 * MARGIN, Emu(22860))
    rule.name = "planmkg rule"
    rule.fill.solid()
    rule.fill.fore_color.rgb = RGBColor.from_string(NAVY)
    rule.line.fill.background()
    rule.shadow.inherit = False
    tree = master._element.find(f"{_q('p:cSld')}/{_q('p:spTree')}")
    tree.insert(2, copy.deepcopy(rule._element))
    _drop_slide(prs, 0)


def _drop_slide(prs, index: int) -> None:
    ids = prs.slides._sldIdLst
    sld = ids[index]
    prs.part.drop_rel(sld.rId)
    ids.remove(sld)


def _master(master) -> None:
    master._element.find(_q("p:cSld")).set("name", "planmkg")
    tree = master._element.find(f"{_q('p:cSld')}/{_q('p:spTree')}")
    for sp in tree.findall(_q("p:sp")):
        kind = _ph_type(sp)
        if kind in GEOMETRY:
            _set_xfrm(sp, *GEOMETRY[kind])
        if kind == "title":
            _anchor(sp, "b")
        if kind in ("dt", "ftr", "sldNum"):
            _lst_style(sp, 10, False, GREY, "r" if kind == "sldNum" else "l")
    styles = master._element.find(_q("p:txStyles"))
    title = styles.find(f"{_q('p:titleStyle')}/{_q('a:lvl1pPr')}")
    title.set("algn", "l")
    _def_rpr(title, 26, True, NAVY)
    body = styles.find(_q("p:bodyStyle"))
    for i, size in enumerate((20, 18, 16, 14, 14), 1):
        lvl = body.find(_q(f"a:lvl{i}pPr"))
        if lvl is not None:
            _def_rpr(lvl, size, None, "262626")


def _layouts(prs) -> None:
    for layout in list(prs.slide_layouts):
        if layout.name not in KEEP:
            prs.slide_layouts.remove(layout)
    for layout in prs.slide_layouts:
        tree = layout._element.find(f"{_q('p:cSld')}/{_q('p:spTree')}")
        for sp in tree.findall(_q("p:sp")):
            kind = _ph_type(sp)
            spPr = sp.find(_q("p:spPr"))
            xfrm = spPr.find(_q("a:xfrm"))
            if xfrm is not None and layout.name != "Two Content":
                spPr.remove(xfrm)  # inherit the master's 16:9 geometry
            if layout.name == "Two Content" and kind in ("body", "obj", None):
                idx = int(sp.find(f"{_q('p:nvSpPr')}/{_q('p:nvPr')}/{_q('p:ph')}").get("idx", "1"))
                half = (W - 2 * MARGIN - Inches(0.3)) / 2
                _set_xfrm(sp, MARGIN + (0 if idx == 1 else half + Inches(0.3)), Inches(1.5), half, Inches(5.3))
            elif layout.name == "Two Content" and kind in GEOMETRY:
                _set_xfrm(sp, *GEOMETRY[kind])
        if layout.name in ("Title Slide", "Section Header"):
            _cover(layout, tree)


def _cover(layout, tree) -> None:
    """Navy full-bleed cover: white title, light subtitle, no master rule."""
    layout._element.set("showMasterSp", "0")
    cSld = layout._element.find(_q("p:cSld"))
    bg = etree.Element(_q("p:bg"))
    bgPr = etree.SubElement(bg, _q("p:bgPr"))
    bgPr.append(_fill(NAVY))
    etree.SubElement(bgPr, _q("a:effectLst"))
    cSld.insert(0, bg)
    for sp in tree.findall(_q("p:sp")):
        kind = _ph_type(sp)
        if kind in ("ctrTitle", "title"):
            _set_xfrm(sp, Inches(0.9), Inches(2.3), W - Inches(1.8), Inches(1.6))
            _lst_style(sp, 40, True, "FFFFFF")
            _anchor(sp, "b")
        elif kind in ("subTitle", "body"):
            _set_xfrm(sp, Inches(0.9), Inches(4.1), W - Inches(1.8), Inches(1.2))
            _lst_style(sp, 20, False, LIGHT)
            _anchor(sp, "t")
        elif kind in ("dt", "ftr", "sldNum"):
            _set_xfrm(sp, *GEOMETRY[kind])
            _lst_style(sp, 10, False, LIGHT, "r" if kind == "sldNum" else "l")


def _deterministic_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build() -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    _theme(prs)
    master = prs.slide_master
    _decor(prs, master)
    _master(master)
    _layouts(prs)
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = "planmkg — modèle de deck", "planmkg_xl", "planmkg_xl"
    props.created = props.modified = FIXED
    props.revision = 1
    buf = io.BytesIO()
    prs.save(buf)
    return _deterministic_zip(buf.getvalue())


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(build())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
