"""The Contrôles sheet and the highlight of flagged cells, written surgically.

One row per finding (severity, rule, message, a hyperlink to each cell concerned).
The cells concerned by errors and warnings are also listed, as ``codeName!A1``, in a
hidden column named ``pmk_flags``; every plan sheet carries, from the builder, one
conditional format that highlights a cell when it is in that list. So the file path
(``recompute``) and the Excel ribbon (Vérifier) highlight the same way by writing one
column; the highlight goes as soon as a run no longer flags the cell, and no input
value or cell style is ever touched.
"""
from __future__ import annotations

from lxml import etree

from ..checks.report import verdict
from ..messages import say
from ..core.layout import Layout, cell_ref, quote_sheet
from ..model.findings import CellRef, Finding, Severity
from .package import NS, NS_MAIN
from .wrapping import row_height

CONTROLS_TITLE = {"fr": "Contrôles", "en": "Checks"}
CONTROLS_HEADER_ROW = 4
CONTROLS_WIDTHS = (11, 10, 100, 18, 18, 18, 18)
MAX_LINKS = 4
FLAGS_COL = 3 + MAX_LINKS + 3  # J: hidden, the list the highlight formula looks up
FLAGS_NAME = "pmk_flags"


def flag_formula(codename: str) -> str:
    """The conditional-format formula of a plan sheet: is this cell in the flag list?"""
    return f'COUNTIF({FLAGS_NAME},"{codename}!"&ADDRESS(ROW(),COLUMN(),4))>0'


def flags(findings: list[Finding], places: list[list[tuple[str, str]]], codename_of: dict[str, str]) -> list[str]:
    """``codeName!A1`` of every cell an error or a warning concerns (an info is a remark, not a flag)."""
    out: list[str] = []
    for f, place in zip(findings, places):
        if f.severity >= Severity.WARNING:
            out += [f"{codename_of[title]}!{ref}" for title, ref in place if title in codename_of]
    return list(dict.fromkeys(out))
def controls_text(lang: str) -> dict[str, object]:
    """The Contrôles sheet's own texts (intro, column headers, before any check), from the message catalogue."""
    return {"intro": say("controls.intro", lang), "headers": tuple(say("controls.headers", lang).split("|")),
            "empty": say("controls.empty", lang)}


_C, _ROW, _IS, _T = (f"{{{NS_MAIN}}}{t}" for t in ("c", "row", "is", "t"))
# CT_Worksheet's sequence: <hyperlinks> must precede all of these.
_AFTER_LINKS = ("printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
             "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF",
             "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst")


def locate(ref: CellRef, layout: Layout, rows: dict[str, list[int]]) -> tuple[str, str] | None:
    """(sheet title, A1) of a finding's cell; ``rows`` maps a table's compact row index to its sheet row."""
    if ref.table is None:
        where = layout.scalars.get(ref.field)
        return (where[0], cell_ref(where[1], where[2])) if where else None
    geom = layout.tables.get(ref.table)
    if geom is None or ref.field not in geom.cols:
        return None
    if ref.row is None:
        row = geom.total_row
    else:
        sheet_rows = rows.get(ref.table, [])
        row = sheet_rows[ref.row] if ref.row < len(sheet_rows) else None
    return (geom.sheet_title, cell_ref(row, geom.cols[ref.field])) if row else None


def write_controls(root: etree._Element, findings: list[Finding], lang: str, places: list[list[tuple[str, str]]],
                   flagged: list[str]) -> bool:
    """Replace the finding rows and the flag list of the Contrôles sheet ``root``.

    ``places[i]`` are finding i's cells; ``flagged`` the ``codeName!A1`` to highlight. True when the sheet changed.
    """
    before = etree.tostring(root)
    sheet_data = root.find("m:sheetData", NS)
    template = sheet_data.find(f"m:row[@r='{CONTROLS_HEADER_ROW + 1}']", NS)
    styles = {c.get("r").rstrip("0123456789"): c.get("s") for c in (template if template is not None else [])}
    for row in list(sheet_data):
        if int(row.get("r")) > CONTROLS_HEADER_ROW:
            sheet_data.remove(row)
    links = []
    lines = [(None, None, verdict(findings, lang), [])] if not findings else [
        (f.severity.label(lang), f.rule_id, f.message, place[:MAX_LINKS]) for f, place in zip(findings, places)]
    rows: dict[int, etree._Element] = {}

    def row_element(r: int) -> etree._Element:
        if r not in rows:
            rows[r] = etree.SubElement(sheet_data, _ROW, r=str(r))
        return rows[r]

    for i, (severity, rule, message, cells) in enumerate(lines):
        r = CONTROLS_HEADER_ROW + 1 + i
        row = row_element(r)
        values = [severity, rule, message] + [f"{title}!{ref}" for title, ref in cells]
        for col, letter in enumerate("ABCDEFG"[:3 + MAX_LINKS]):
            c = etree.SubElement(row, _C, r=f"{letter}{r}")
            if styles.get(letter):
                c.set("s", styles[letter])
            if col < len(values) and values[col]:
                c.set("t", "inlineStr")
                etree.SubElement(etree.SubElement(c, _IS), _T).text = values[col]
        for col, (title, ref) in enumerate(cells, start=4):
            links.append((f"{'ABCDEFG'[col - 1]}{r}", f"{quote_sheet(title)}!{ref}", f"{title}!{ref}"))
        height = row_height(list(zip(values, CONTROLS_WIDTHS)))  # wrapped text must not overprint the next row
        if height:
            row.set("ht", f"{height:g}")
            row.set("customHeight", "1")
    flag_letter = cell_ref(1, FLAGS_COL)[:-1]
    for i, flag in enumerate(flagged):
        r = CONTROLS_HEADER_ROW + 1 + i
        c = etree.SubElement(row_element(r), _C, r=f"{flag_letter}{r}", t="inlineStr")
        etree.SubElement(etree.SubElement(c, _IS), _T).text = flag
    for r in sorted(rows):  # rows in order (flags may outnumber findings)
        sheet_data.append(rows[r])
    old = root.find("m:hyperlinks", NS)
    if old is not None:
        root.remove(old)
    if links:
        element = etree.Element(f"{{{NS_MAIN}}}hyperlinks")
        for ref, location, display in links:
            etree.SubElement(element, f"{{{NS_MAIN}}}hyperlink", ref=ref, location=location, display=display)
        _insert_before(root, element, _AFTER_LINKS)
    return etree.tostring(root) != before


def _insert_before(root: etree._Element, element: etree._Element, successors: tuple[str, ...]) -> None:
    for tag in successors:
        nxt = root.find(f"m:{tag}", NS)
        if nxt is not None:
            nxt.addprevious(element)
            return
    root.append(element)



