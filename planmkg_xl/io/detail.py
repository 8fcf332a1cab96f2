"""The per-customer sheet of ``planmkg import --detail``: one row per customer with its RFM figures.

Added at the end of the workbook (or replaced when it is already there) by editing only
the workbook part, its relationships and the content types; the sheet itself is plain
values, inline strings only, so no other part changes.
"""
from __future__ import annotations

import datetime as dt
import posixpath

from lxml import etree

from ..core.layout import cell_ref
from .package import NS, NS_MAIN, NS_PKG_REL, NS_REL, parse_xml, to_xml

DETAIL_TITLE = {"fr": "Clients RFM", "en": "Customers RFM"}
_HEADERS = {
    "fr": ("Client", "Premier achat", "Dernier achat", "Récence (mois)", "Jours d'achat sur 24 mois", "C.A. N-1", "C.A. total", "Segment"),
    "en": ("Customer", "First purchase", "Last purchase", "Recency (months)", "Purchase days over 24 months", "Revenue N-1",
           "Total revenue", "Segment"),
}
_KEYS = ("customer", "first", "last", "recency_months", "purchases_24m", "revenue_12m", "revenue_total", "segment")
_WS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_WS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def detail_sheet_xml(rows: list[dict], lang: str) -> bytes:
    root = etree.Element(f"{{{NS_MAIN}}}worksheet", nsmap={None: NS_MAIN, "r": NS_REL})
    views = etree.SubElement(root, f"{{{NS_MAIN}}}sheetViews")
    view = etree.SubElement(views, f"{{{NS_MAIN}}}sheetView", workbookViewId="0")
    etree.SubElement(view, f"{{{NS_MAIN}}}pane", ySplit="1", topLeftCell="A2", activePane="bottomLeft", state="frozen")
    cols = etree.SubElement(root, f"{{{NS_MAIN}}}cols")
    for i, width in enumerate((28, 14, 14, 12, 14, 14, 14, 14), start=1):
        etree.SubElement(cols, f"{{{NS_MAIN}}}col", min=str(i), max=str(i), width=str(width), customWidth="1")
    data = etree.SubElement(root, f"{{{NS_MAIN}}}sheetData")
    for r, values in enumerate([_HEADERS[lang]] + [[row.get(k) for k in _KEYS] for row in rows], start=1):
        row_el = etree.SubElement(data, f"{{{NS_MAIN}}}row", r=str(r))
        for c, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = etree.SubElement(row_el, f"{{{NS_MAIN}}}c", r=cell_ref(r, c))
            if isinstance(value, dt.date):
                value = value.isoformat()
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                etree.SubElement(cell, f"{{{NS_MAIN}}}v").text = repr(round(float(value), 2)) if isinstance(value, float) else str(value)
            else:
                cell.set("t", "inlineStr")
                etree.SubElement(etree.SubElement(cell, f"{{{NS_MAIN}}}is"), f"{{{NS_MAIN}}}t").text = str(value)
    return to_xml(root)


def put_detail_sheet(parts: dict[str, bytes], rows: list[dict], lang: str) -> dict[str, bytes]:
    """The parts with the per-customer sheet added (or its content replaced)."""
    title = DETAIL_TITLE[lang]
    parts = dict(parts)
    wb = parse_xml(parts["xl/workbook.xml"], "xl/workbook.xml")
    rels = parse_xml(parts["xl/_rels/workbook.xml.rels"], "xl/_rels/workbook.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    sheets = wb.find("m:sheets", NS)
    for s in sheets.iterfind("m:sheet", NS):
        if s.get("name") == title:
            target = targets[s.get(f"{{{NS_REL}}}id")]
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            parts[part] = detail_sheet_xml(rows, lang)
            return parts
    n = 1
    while f"xl/worksheets/sheet{n}.xml" in parts:
        n += 1
    part = f"xl/worksheets/sheet{n}.xml"
    rid = 1
    while f"rId{rid}" in targets:
        rid += 1
    etree.SubElement(rels, f"{{{NS_PKG_REL}}}Relationship", Id=f"rId{rid}", Type=_WS_TYPE, Target=f"worksheets/sheet{n}.xml")
    sheet_id = max(int(s.get("sheetId")) for s in sheets.iterfind("m:sheet", NS)) + 1
    etree.SubElement(sheets, f"{{{NS_MAIN}}}sheet", {"name": title, "sheetId": str(sheet_id), f"{{{NS_REL}}}id": f"rId{rid}"})
    ct = parse_xml(parts["[Content_Types].xml"], "[Content_Types].xml")
    etree.SubElement(ct, f"{{{_CT_NS}}}Override", PartName=f"/{part}", ContentType=_WS_CT)
    parts[part] = detail_sheet_xml(rows, lang)
    parts["xl/workbook.xml"] = to_xml(wb)
    parts["xl/_rels/workbook.xml.rels"] = to_xml(rels)
    parts["[Content_Types].xml"] = to_xml(ct)
    return parts
