"""Surgical write-back: derived cells get their formula and cached value, nothing else moves.

Only the worksheet parts holding derived cells are re-serialised, and in them only
the derived cells change; input cells are never written. Every other part keeps its
bytes. Cached values (the Python computation of the same metric) let viewers that do
not calculate (previews, pandas, calamine) show the right numbers; Excel recalculates
on open anyway (``fullCalcOnLoad``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

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


def _parts(c: etree._Element) -> tuple[etree._Element | None, etree._Element | None, etree._Element | None]:
    """``(c.find(f), c.find(v), c.find(is))`` in one pass over the cell's few children (a large plan has 50 000
    derived cells, each looked at several times)."""
    f = v = inline = None
    for child in c:
        tag = child.tag
        if tag == _F:
            f = child if f is None else f
        elif tag == _V:
            v = child if v is None else v
        elif tag == _IS:
            inline = child if inline is None else inline
    return f, v, inline


@dataclass(frozen=True)
class Repair:
    """A derived cell whose formula was missing, changed or typed over, now restored.

    ``kind`` says why: "extended" (a new table row got its formula, or a formula under a
    table that grew now spans the new rows) or "repaired" (the user deleted or overwrote it).
    It is not part of equality so the file and Excel paths compare on what the cell held.
    """

    sheet: str
    cell: str
    was: str  # what the cell held before ("=…" formula, a value, or "" when empty)
    kind: str = field(default="repaired", compare=False)


@dataclass(frozen=True)
class Refusal:
    """A cell the layout calls derived that recompute left alone: it may hold something the user typed.

    ``reason`` is a key of ``REFUSAL_REASONS`` (messages, FR and EN, in ``io.repair_report``).
    """

    sheet: str
    cell: str
    reason: str
    held: str = ""


MAX_ROW, MAX_COL = 1_048_576, 16_384  # Excel's last row and column


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


def refresh_derived(data: WorkbookData, computed: Computed,
                    expected: dict[tuple[str, str], str] | None = None) -> tuple[set[str], list[Repair], list[Refusal]]:
    """Update the derived cells in ``data``'s parsed sheets; the parts changed, the cells restored, the cells refused.

    Derived cells are found from the table definitions and the sheet as it is now, and a
    cell is only written when that is certain (``_refusals``): a cell in an input format,
    inside an array formula, sharing a formula with a cell we do not own, a total row
    that is not where the table ends… is left alone and reported. The caller serialises
    the changed parts (``serialise``) once every edit is made. ``expected``: ``formulas(data.layout)`` when the
    caller has it already.
    """
    layout = data.layout
    if expected is None:
        expected = formulas(layout)
    refused = _refusals(data, expected)
    values = cell_values(layout, computed)
    part_of = {sp.title: sp.part for sp in data.wmap.sheets.values()}
    by_part: dict[str, list[tuple[str, str]]] = {}
    for (title, ref), formula in expected.items():
        if (title, ref) not in refused:
            by_part.setdefault(part_of[title], []).append((ref, formula))
    changed: set[str] = set()
    repairs: list[Repair] = []
    for part, cells in by_part.items():
        root, index = data.sheet_roots[part], data.sheet_cells[part]
        title = next(t for t, p in part_of.items() if p == part)
        masters = _shared_masters(root)
        empty_rows = _rows_without_derived(cells, index)
        dirty = False
        for ref, formula in cells:
            c = index.get(ref)
            existed = c is not None
            if c is None:
                c = _insert_cell(root, ref)
                index[ref] = c
            was = _describe(c, formula[1:], data, masters) if existed else None
            if was is not None:
                repairs.append(Repair(title, ref, was, _kind(was, formula, split_ref(ref)[0] in empty_rows)))
            elif not existed:
                repairs.append(Repair(title, ref, "", "extended"))
            dirty |= _set_formula(c, formula[1:], values.get((title, ref)))
        if dirty:
            changed.add(part)
    return changed, repairs, sorted(refused.values(), key=lambda r: (r.sheet, split_ref(r.cell)))


_DIGITS = re.compile(r"\d+")


def _kind(was: str, formula: str, new_row: bool) -> str:
    """"extended" for a new row's empty cell or a formula that differs from ours only by row numbers."""
    if was == "" and new_row:
        return "extended"
    if was.startswith("=") and _DIGITS.sub("#", _unquote_sheets(was[1:])) == _DIGITS.sub("#", _unquote_sheets(formula[1:])):
        return "extended"
    return "repaired"


def _rows_without_derived(cells: list[tuple[str, str]], index: dict[str, etree._Element]) -> set[int]:
    """Rows where no derived cell holds anything: rows the user added (Excel copies no formula into them)."""
    holding: dict[int, bool] = {}
    for ref, _ in cells:
        row = split_ref(ref)[0]
        c = index.get(ref)
        full = c is not None and any(part is not None for part in _parts(c))
        holding[row] = holding.get(row, False) or full
    return {row for row, full in holding.items() if not full}


def _refusals(data: WorkbookData, expected: dict[tuple[str, str], str]) -> dict[tuple[str, str], Refusal]:
    """The derived cells recompute must not write, each with why: the certainty rules of the sheet as it is now.

    - beyond Excel's last row or column (a name or a table ref pointing off the grid);
    - a cell the layout also reads as an input (tables or names moved onto each other);
    - a table whose range holds its own "Total" row (rows deleted without resizing the
      table), or a total row whose label and formulas are both gone (rows inserted above
      it, a table ref shrunk): the whole table's calculated cells, resp. its total row;
    - a cell in an input (unlocked) format: Excel lets the user type there, never us;
    - a cell that holds something and is formatted unlike every calculated cell that still
      holds its formula (a name moved onto a header or a label);
    - a cell inside, or at the head of, an array formula or a data table (Excel refuses
      to change part of an array; our formula would break it);
    - the head of a shared formula whose group reaches cells we do not rewrite.
    """
    layout = data.layout
    part_of = {sp.title: sp.part for sp in data.wmap.sheets.values()}
    unlocked = _unlocked_styles(data.pkg)
    inputs = _input_cells(layout)
    out: dict[tuple[str, str], Refusal] = {}
    position: dict[str, tuple[int, int]] = {}  # ref -> (row, col), parsed once
    of_sheet: dict[str, list[str]] = {}  # sheet title -> its derived refs, in ``expected``'s order

    def refuse(title: str, ref: str, reason: str) -> None:
        if (title, ref) in out:
            return
        c = data.sheet_cells.get(part_of.get(title), {}).get(ref)
        out[(title, ref)] = Refusal(title, ref, reason, _held(c, data) if c is not None else "")

    for (title, ref) in expected:
        row, col = position[ref] if ref in position else position.setdefault(ref, split_ref(ref))
        of_sheet.setdefault(title, []).append(ref)
        if row > MAX_ROW or col > MAX_COL:
            refuse(title, ref, "beyond")
        elif (title, ref) in inputs:
            refuse(title, ref, "overlap")
    for key, geom in layout.tables.items():
        cells = data.sheet_cells.get(part_of.get(geom.sheet_title), {})
        mine = [(geom.sheet_title, r) for r in of_sheet.get(geom.sheet_title, ()) if _in_table(position[r], geom)]
        if any(_is_total_label(cells.get(cell_ref(row, geom.first_col)), data)
               for row in range(geom.first_row, min(geom.last_row, MAX_ROW) + 1)):
            for t, r in mine:
                refuse(t, r, "table_range")
            continue
        if geom.total_row is not None and geom.total_row <= MAX_ROW:
            totals = [(t, r) for (t, r) in mine if position[r][0] == geom.total_row]
            label = cells.get(cell_ref(geom.total_row, geom.first_col))
            if not _is_total_label(label, data) and not any(_formula_shape_matches(cells.get(r), expected[(t, r)]) for t, r in totals):
                for t, r in totals:
                    refuse(t, r, "total_row")
    calculated_looks = _calculated_styles(data, expected, part_of)
    for (title, ref) in expected:
        c = data.sheet_cells.get(part_of.get(title), {}).get(ref)
        if c is None:
            continue
        if c.get("s", "0") in unlocked:
            refuse(title, ref, "input_format")
        elif _holds_something(c) and c.get("s", "0") not in calculated_looks and not _is_ours(c, expected[(title, ref)]):
            refuse(title, ref, "other_format")
    for part, root in data.sheet_roots.items():
        title = next((t for t, p in part_of.items() if p == part), None)
        arrays = [(f.getparent().get("r"), f.get("ref")) for f in root.iter(_F) if f.get("t") in ("array", "dataTable")]
        if arrays:
            mine = [(position[ref], ref) for ref in of_sheet.get(title, ())]
            for head, rng in arrays:
                box = _bounds(rng or head) or _bounds(head)
                if box is None:
                    continue
                (r0, c0), (r1, c1) = box
                for (row, col), ref in mine:
                    if r0 <= row <= r1 and c0 <= col <= c1:
                        refuse(title, ref, "array")
        groups: dict[str, list[str]] = {}
        heads: dict[str, str] = {}
        for f in root.iter(_F):
            if f.get("t") == "shared" and f.get("si") is not None:
                groups.setdefault(f.get("si"), []).append(f.getparent().get("r"))
                if f.get("ref"):
                    heads[f.get("si")] = f.getparent().get("r")
        for si, head in heads.items():
            if (title, head) in expected and (title, head) not in out:
                if any((title, r) not in expected or (title, r) in out for r in groups[si] if r != head):
                    refuse(title, head, "shared")
    return out


def _calculated_styles(data: WorkbookData, expected: dict[tuple[str, str], str], part_of: dict[str, str]) -> set[str]:
    """The formats of the calculated cells that still hold their formula: what a calculated cell looks like
    in this workbook now (learned from the sheet, so a user's restyling is followed)."""
    out: set[str] = set()
    masters_of: dict[str, dict] = {}
    for (title, ref), formula in expected.items():
        part = part_of.get(title)
        c = data.sheet_cells.get(part, {}).get(ref)
        if c is None or c.get("s", "0") in out or c.find(_F) is None:  # a format already learned needs no second look
            continue
        if part not in masters_of:
            masters_of[part] = _shared_masters(data.sheet_roots[part])
        if _describe(c, formula[1:], data, masters_of[part]) is None:
            out.add(c.get("s", "0"))
    return out


def _is_ours(c: etree._Element, formula: str) -> bool:
    f = c.find(_F)
    return f is not None and f.get("t") is None and same_formula(f.text, formula[1:])


def _in_table(position: tuple[int, int], geom) -> bool:
    row, col = position
    bottom = geom.total_row if geom.total_row is not None else geom.last_row
    return geom.first_row <= row <= bottom and geom.first_col <= col <= geom.last_col


def _bounds(rng: str | None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A range's (top-left, bottom-right) as (row, col) pairs, or None when it is not a range."""
    if not rng:
        return None
    start, _, end = rng.partition(":")
    try:
        return split_ref(start.upper()), split_ref((end or start).upper())
    except ValueError:
        return None


def _input_cells(layout: Layout) -> set[tuple[str, str]]:
    """Every cell the layout reads as an input: table input columns over their rows, input named cells."""
    out: set[tuple[str, str]] = set()
    for geom in layout.tables.values():
        for f in geom.table.inputs:
            col = geom.cols[f.key]
            for row in range(geom.first_row, min(geom.last_row, MAX_ROW) + 1):
                out.add((geom.sheet_title, cell_ref(row, col)))
    for key, (title, row, col) in layout.scalars.items():
        if not SCALARS[key].derived:
            out.add((title, cell_ref(row, col)))
    return out


def _unlocked_styles(pkg: Package) -> set[str]:
    """Indices (as the ``s`` attribute spells them) of the cell formats that leave a cell unlocked: input cells."""
    from .sheets import rels_of

    part = next((t for t in rels_of(pkg, "xl/workbook.xml").values() if t.endswith("styles.xml")), "xl/styles.xml")
    if part not in pkg.parts:
        return set()
    xfs = pkg.xml(part).find("m:cellXfs", NS)
    if xfs is None:
        return set()
    out = set()
    for i, xf in enumerate(xfs.iterfind("m:xf", NS)):
        prot = xf.find("m:protection", NS)
        if prot is not None and prot.get("locked") in ("0", "false"):
            out.add(str(i))
    return out


def _holds_something(c: etree._Element) -> bool:
    f, v, inline = _parts(c)
    return (f is not None and bool((f.text or "").strip() or f.get("t"))) or (v is not None and bool(v.text)) or inline is not None


def _is_total_label(c: etree._Element | None, data: WorkbookData) -> bool:
    if c is None:
        return False
    try:
        value = cell_value(c, data.wmap.shared_strings)
    except WorkbookError:
        return False
    return isinstance(value, str) and value.strip().casefold() in ("total", "totaux", "totals")


def _formula_shape_matches(c: etree._Element | None, formula: str) -> bool:
    """A cell holding our formula up to row numbers: a total row Excel moved with its table."""
    f = None if c is None else c.find(_F)
    if f is None or not f.text:
        return False
    return _DIGITS.sub("#", _unquote_sheets(f.text)) == _DIGITS.sub("#", _unquote_sheets(formula[1:]))


def _held(c: etree._Element, data: WorkbookData) -> str:
    f = c.find(_F)
    if f is not None and (f.text or "").strip():
        return "=" + f.text
    try:
        value = cell_value(c, data.wmap.shared_strings)
    except WorkbookError:
        return ""
    if value is None:
        return ""
    return str(value[1] if isinstance(value, tuple) else value)


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
    f, v, _ = _parts(c)
    if f is not None and f.get("t") is None and same_formula(f.text, body):
        if _same_value(c, v, value):
            return False
    for child in list(c):
        if child.tag in (_F, _V, _IS):
            c.remove(child)
    new_f = etree.SubElement(c, _F)
    new_f.text = body
    v = etree.SubElement(c, _V)
    if is_number(value) and math.isfinite(value):
        c.attrib.pop("t", None)
        v.text = repr(float(value)) if isinstance(value, float) else str(value)
    else:
        c.set("t", "str")
        v.text = ""
    return True


def _same_value(c: etree._Element, v, value: object) -> bool:
    if v is None:
        return False
    if is_number(value) and math.isfinite(value):
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
