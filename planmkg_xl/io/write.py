"""Surgical write-back: derived cells get their formula and cached value, nothing else moves.

Only the worksheet parts holding derived cells are re-serialised, and in them only
the derived cells change; input cells are never written. Every other part keeps its
bytes. Cached values (the Python computation of the same metric) let viewers that do
not calculate (previews, pandas, calamine) show the right numbers; Excel recalculates
on open anyway (``fullCalcOnLoad``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..core.compute import Computed
from ..core.layout import Layout, cell_ref, formulas
from ..errors import WorkbookError
from ..model.metrics import is_number
from ..model.schema import SCALARS
from .package import NS, NS_MAIN, Package, to_xml
from .read import WorkbookData
from .sheets import cell_value, split_ref

_C, _F, _V, _IS, _ROW = (f"{{{NS_MAIN}}}{t}" for t in ("c", "f", "v", "is", "row"))


@dataclass(frozen=True)
class Repair:
    """A derived cell whose formula was missing, changed or typed over, now restored."""

    sheet: str
    cell: str
    was: str  # what the cell held before ("=…" formula, a value, or "" when empty)


def cell_values(layout: Layout, computed: Computed) -> dict[tuple[str, str], object]:
    """The Python value of every derived cell, keyed like ``formulas``."""
    out: dict[tuple[str, str], object] = {}
    for key, geom in layout.tables.items():
        rows = computed.rows.get(key, [])
        for f in geom.table.derived:
            for i in range(geom.n_rows):
                out[(geom.sheet_title, cell_ref(geom.first_row + i, geom.cols[f.key]))] = rows[i].get(f.key) if i < len(rows) else None
        if geom.total_row is not None:
            totals = computed.totals.get(key, {})
            for fkey, value in totals.items():
                out[(geom.sheet_title, cell_ref(geom.total_row, geom.cols[fkey]))] = value
    for key, (title, row, col) in layout.scalars.items():
        if SCALARS[key].derived:
            out[(title, cell_ref(row, col))] = computed.scalars.get(key)
    return out


def refresh_derived(data: WorkbookData, computed: Computed) -> tuple[set[str], list[Repair]]:
    """Update the derived cells in ``data``'s parsed sheets; the parts changed and the cells repaired.

    The caller serialises the changed parts (``serialise``) once every edit is made.
    """
    layout = data.layout
    expected = formulas(layout)
    values = cell_values(layout, computed)
    part_of = {sp.title: sp.part for sp in data.wmap.sheets.values()}
    by_part: dict[str, list[tuple[str, str]]] = {}
    for (title, ref), formula in expected.items():
        by_part.setdefault(part_of[title], []).append((ref, formula))
    changed: set[str] = set()
    repairs: list[Repair] = []
    for part, cells in by_part.items():
        root, index = data.sheet_roots[part], data.sheet_cells[part]
        title = next(t for t, p in part_of.items() if p == part)
        masters = _shared_masters(root)
        dirty = False
        for ref, formula in cells:
            c = index.get(ref)
            existed = c is not None
            if c is None:
                c = _insert_cell(root, ref)
                index[ref] = c
            was = _describe(c, formula[1:], data, masters) if existed else None
            if was is not None:
                repairs.append(Repair(title, ref, was))
            dirty |= _set_formula(c, formula[1:], values.get((title, ref)))
        if dirty:
            _check_shared_groups(root, title)
            changed.add(part)
    return changed, repairs


def serialise(data: WorkbookData, changed: set[str]) -> dict[str, bytes]:
    """Bytes of the changed sheet parts, plus the workbook-level parts a formula change implies."""
    for part in changed:
        true_dimension(data.sheet_roots[part])
    out = {part: to_xml(data.sheet_roots[part]) for part in changed}
    if changed:
        out.update(_workbook_calc_parts(data.pkg))
    return out


def true_dimension(root: etree._Element) -> None:
    """Make the sheet's ``<dimension>`` span its cells again after a write (Excel's "used range" on open).

    A stale dimension (findings added below it, a total row moved) makes readers that
    trust it — pandas through openpyxl's read-only mode, some viewers — miss rows.
    A sheet without ``<dimension>`` is left so (the element is optional).
    """
    dim = root.find("m:dimension", NS)
    if dim is None:
        return
    rows, cols = [], []
    for c in root.iterfind("m:sheetData/m:row/m:c", NS):
        try:
            row, col = split_ref(c.get("r") or "")
        except (ValueError, TypeError, AttributeError):
            continue
        rows.append(row)
        cols.append(col)
    if not rows:
        dim.set("ref", "A1")
        return
    first, last = cell_ref(min(rows), min(cols)), cell_ref(max(rows), max(cols))
    dim.set("ref", first if first == last else f"{first}:{last}")


def _describe(c: etree._Element, body: str, data: WorkbookData, masters: dict[str, tuple[str, str]]) -> str | None:
    """What a derived cell wrongly holds ("" when its content was deleted), or None when its formula is there."""
    f = c.find(_F)
    if f is not None:
        text = f.text
        if f.get("t") == "shared" and not (text or "").strip():
            # a child of a shared formula (Excel's fill down): its formula is the master's, moved to this cell
            master = masters.get(f.get("si"))
            if master is None:
                return None
            (m_row, m_col), (row, col) = split_ref(master[0]), split_ref(c.get("r"))
            text = shift_formula(master[1], row - m_row, col - m_col)
        return None if same_formula(text, body) else f"={text or ''}"
    value = cell_value(c, data.wmap.shared_strings)
    if value is None or value == "":
        return ""  # the formula was deleted (or Excel added the row without it)
    return str(value[1] if isinstance(value, tuple) else value)


_QUOTED_SHEET = re.compile(r"'((?:[^']|'')+)'!")
_A1 = re.compile(r"(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])")


def _shared_masters(root: etree._Element) -> dict[str, tuple[str, str]]:
    """Shared-formula id -> (master cell, formula text), read before any cell is rewritten."""
    return {f.get("si"): (f.getparent().get("r"), f.text) for f in root.iter(_F)
            if f.get("t") == "shared" and f.get("ref") and (f.text or "").strip()}


def shift_formula(formula: str, rows: int, cols: int) -> str:
    """A formula copied ``rows`` down and ``cols`` right, as Excel moves its relative references."""
    def move(m: re.Match) -> str:
        col_abs, letters, row_abs, row = m.groups()
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        new_col = col if col_abs else col + cols
        new_row = int(row) if row_abs else int(row) + rows
        return f"{col_abs}{cell_ref(new_row, new_col)[:-len(str(new_row))]}{row_abs}{new_row}"

    parts = formula.split('"')
    for i in range(0, len(parts), 2):
        parts[i] = _A1.sub(move, parts[i])
    return '"'.join(parts)


def same_formula(saved: str | None, body: str) -> bool:
    """Whether a saved formula is ours up to Excel's spelling of it.

    Excel stores a sheet name quoted only when it must ('Lead generation'!A1 but
    Budget!A1), so a formula it saved is compared with sheet-name quotes removed
    (outside string literals) on both sides.
    """
    if saved is None:
        return False
    return saved == body or _unquote_sheets(saved) == _unquote_sheets(body)


def _unquote_sheets(formula: str) -> str:
    parts = formula.split('"')  # even items are outside string literals ("" escapes keep the parity)
    for i in range(0, len(parts), 2):
        parts[i] = _QUOTED_SHEET.sub(lambda m: m.group(1).replace("''", "'") + "!", parts[i])
    return '"'.join(parts)


def _set_formula(c: etree._Element, body: str, value: object) -> bool:
    """Give ``c`` the formula ``body`` and its cached value; True when anything changed."""
    f = c.find(_F)
    if f is not None and f.get("t") is None and same_formula(f.text, body):
        v = c.find(_V)
        if _same_value(c, v, value):
            return False
    for child in list(c):
        if child.tag in (_F, _V, _IS):
            c.remove(child)
    new_f = etree.SubElement(c, _F)
    new_f.text = body
    v = etree.SubElement(c, _V)
    if is_number(value):
        c.attrib.pop("t", None)
        v.text = repr(float(value)) if isinstance(value, float) else str(value)
    else:
        c.set("t", "str")
        v.text = ""
    return True


def _same_value(c: etree._Element, v, value: object) -> bool:
    if v is None:
        return False
    if is_number(value):
        return c.get("t") in (None, "n") and v.text is not None and float(v.text) == float(value)
    return c.get("t") == "str" and not (v.text or "")


def _insert_cell(root: etree._Element, ref: str) -> etree._Element:
    """Create ``<c r=ref>`` in its row, in column order, styled like the cell above it."""
    row_no, col = split_ref(ref)
    sheet_data = root.find("m:sheetData", NS)
    row = None
    for r in sheet_data.iterfind("m:row", NS):
        n = int(r.get("r"))
        if n == row_no:
            row = r
            break
        if n > row_no:
            row = etree.Element(_ROW, r=str(row_no))
            r.addprevious(row)
            break
    if row is None:
        row = etree.SubElement(sheet_data, _ROW, r=str(row_no))
    c = etree.Element(_C, r=ref)
    for other in row.iterfind("m:c", NS):
        if split_ref(other.get("r"))[1] > col:
            other.addprevious(c)
            break
    else:
        row.append(c)
    above = root.find(f"m:sheetData/m:row[@r='{row_no - 1}']/m:c[@r='{cell_ref(row_no - 1, col)}']", NS)
    if above is not None and above.get("s"):
        c.set("s", above.get("s"))
    return c


def _check_shared_groups(root: etree._Element, title: str) -> None:
    """Rewriting the master of a shared formula would orphan its other cells: refuse that."""
    masters = {f.get("si") for f in root.iter(_F) if f.get("t") == "shared" and f.get("ref")}
    for f in root.iter(_F):
        if f.get("t") == "shared" and f.get("si") not in masters:
            ref = f.getparent().get("r")
            raise WorkbookError(f"Sheet « {title} », cell {ref}: it shares a formula with a calculated cell. Type a plain value or "
                                f"formula in {ref} (not a copy of a calculated column), then run recompute again.")


def _workbook_calc_parts(pkg: Package) -> dict[str, bytes]:
    """Ask Excel for a full recalculation on open and drop the stale calculation chain."""
    out: dict[str, bytes] = {}
    wb = pkg.xml("xl/workbook.xml")
    calc = wb.find("m:calcPr", NS)
    if calc is None:
        calc = etree.SubElement(wb, f"{{{NS_MAIN}}}calcPr")
        # calcPr must precede these elements in CT_Workbook's sequence.
        for tag in ("oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
                    "fileRecoveryPr", "webPublishObjects", "extLst"):
            nxt = wb.find(f"m:{tag}", NS)
            if nxt is not None:
                nxt.addprevious(calc)
                break
    if calc.get("fullCalcOnLoad") != "1":
        calc.set("fullCalcOnLoad", "1")
        out["xl/workbook.xml"] = to_xml(wb)
    return out


def drop_calc_chain(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Remove xl/calcChain.xml with its relationship and content type (Excel rebuilds it)."""
    if "xl/calcChain.xml" not in parts:
        return parts
    from .package import parse_xml

    out = {k: v for k, v in parts.items() if k != "xl/calcChain.xml"}
    rels = parse_xml(out["xl/_rels/workbook.xml.rels"])
    for rel in list(rels):
        if rel.get("Target", "").endswith("calcChain.xml"):
            rels.remove(rel)
    out["xl/_rels/workbook.xml.rels"] = to_xml(rels)
    ct = parse_xml(out["[Content_Types].xml"])
    for o in list(ct):
        if o.get("PartName") == "/xl/calcChain.xml":
            ct.remove(o)
    out["[Content_Types].xml"] = to_xml(ct)
    return out
