"""The Contrôles sheet and the highlight of flagged cells, written surgically.

One row per finding (severity, rule, message, a hyperlink to each cell concerned).
Flagged cells are highlighted with conditional formatting that we own (recognisable
by its formula), so the highlight is replaced at every run — gone once the cell is
fixed — and no input value or cell style is ever touched.
"""
from __future__ import annotations

from lxml import etree

from ..core.layout import Layout, cell_ref, quote_sheet
from ..model.findings import CellRef, Finding
from .package import NS, NS_MAIN

CHECKS_CODENAME = "shControles"
CONTROLS_TITLE = {"fr": "Contrôles", "en": "Checks"}
CONTROLS_HEADER_ROW = 4
CONTROLS_WIDTHS = (11, 10, 100, 18, 18, 18, 18)
MAX_LINKS = 4
FLAG_DXF = 0
OUR_CF_FORMULA = '"planmkg"="planmkg"'  # always TRUE; marks the conditional formats we own
CONTROLS_TEXT = {
    "fr": {"intro": "Résultat du dernier « Vérifier la cohérence » (ou de planmkg recompute). Cliquez sur une cellule pour y aller.",
           "headers": ("Sévérité", "Règle", "Message", "Cellule", "Cellule", "Cellule", "Cellule"),
           "empty": "Aucun contrôle lancé : cliquez sur Vérifier la cohérence dans le ruban Plan Marketing.",
           "none": "Aucune incohérence trouvée."},
    "en": {"intro": "Result of the last Check (or planmkg recompute). Click a cell to go there.",
           "headers": ("Severity", "Rule", "Message", "Cell", "Cell", "Cell", "Cell"),
           "empty": "No check run yet: click Check in the Plan Marketing ribbon.",
           "none": "No incoherence found."},
}
_C, _ROW, _IS, _T = (f"{{{NS_MAIN}}}{t}" for t in ("c", "row", "is", "t"))
# CT_Worksheet's sequence: an element must precede all of these that follow it.
_AFTER_CF = ("dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
             "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF",
             "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst")
_AFTER_LINKS = _AFTER_CF[2:]


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


def write_controls(root: etree._Element, findings: list[Finding], lang: str, places: list[list[tuple[str, str]]]) -> bool:
    """Replace the finding rows of the Contrôles sheet ``root``; ``places[i]`` are finding i's cells.

    True when the sheet changed.
    """
    before = etree.tostring(root)
    sheet_data = root.find("m:sheetData", NS)
    template = sheet_data.find(f"m:row[@r='{CONTROLS_HEADER_ROW + 1}']", NS)
    styles = {c.get("r").rstrip("0123456789"): c.get("s") for c in (template if template is not None else [])}
    for row in list(sheet_data):
        if int(row.get("r")) > CONTROLS_HEADER_ROW:
            sheet_data.remove(row)
    links = []
    lines = [(None, None, CONTROLS_TEXT[lang]["none"], [])] if not findings else [
        (f.severity.label(lang), f.rule_id, f.message, place[:MAX_LINKS]) for f, place in zip(findings, places)]
    for i, (severity, rule, message, cells) in enumerate(lines):
        r = CONTROLS_HEADER_ROW + 1 + i
        row = etree.SubElement(sheet_data, _ROW, r=str(r))
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
    old = root.find("m:hyperlinks", NS)
    if old is not None:
        root.remove(old)
    if links:
        element = etree.Element(f"{{{NS_MAIN}}}hyperlinks")
        for ref, location, display in links:
            etree.SubElement(element, f"{{{NS_MAIN}}}hyperlink", ref=ref, location=location, display=display)
        _insert_before(root, element, _AFTER_LINKS)
    return etree.tostring(root) != before


def write_highlights(root: etree._Element, refs: list[str]) -> bool:
    """Replace our highlight on this sheet by one over ``refs``; True when the XML changed."""
    before = etree.tostring(root)
    for cf in root.findall("m:conditionalFormatting", NS):
        rules = cf.findall("m:cfRule", NS)
        if rules and all((r.findtext("m:formula", namespaces=NS) or "") == OUR_CF_FORMULA for r in rules):
            root.remove(cf)
    if refs:
        cf = etree.Element(f"{{{NS_MAIN}}}conditionalFormatting", sqref=" ".join(sorted(set(refs), key=_order)))
        rule = etree.SubElement(cf, f"{{{NS_MAIN}}}cfRule", type="expression", dxfId=str(FLAG_DXF), priority="1", stopIfTrue="1")
        etree.SubElement(rule, f"{{{NS_MAIN}}}formula").text = OUR_CF_FORMULA
        _insert_before(root, cf, _AFTER_CF)
    return etree.tostring(root) != before


def _order(ref: str) -> tuple[int, str]:
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]), letters


def _insert_before(root: etree._Element, element: etree._Element, successors: tuple[str, ...]) -> None:
    for tag in successors:
        nxt = root.find(f"m:{tag}", NS)
        if nxt is not None:
            nxt.addprevious(element)
            return
    root.append(element)



