"""Write imported values into input cells, surgically; grow a table when it needs more rows.

The list of changes comes from the pure ``core.imports.plan_changes``; here each one
becomes one ``<c>`` edited in its sheet part. Only the sheet parts holding a change
(and the table parts of grown tables) are re-serialised; every other part keeps its
bytes. Text is written as an inline string (never a formula, even when it starts with
"=", "+", "-" or "@"), so the shared-string part is not touched either.

Growing a table moves what sits below it in its own columns (its total row) down, adds
rows whose cells take the style of the last data row, and extends the data validations
and conditional formats of its columns — what Excel does when a row is added to a table.
"""
from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from ..core.imports import Changes
from ..core.layout import TableGeom, cell_ref
from ..errors import WorkbookError
from ..messages import msg
from ..model.fields import Kind
from ..model.schema import TABLES
from .package import NS, NS_MAIN, to_xml
from .read import EXCEL_EPOCH, WorkbookData
from .sheets import rels_of, split_ref

_C, _F, _V, _IS, _T, _ROW = (f"{{{NS_MAIN}}}{t}" for t in ("c", "f", "v", "is", "t", "row"))
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def apply_changes(data: WorkbookData, changes: Changes) -> dict[str, bytes]:
    """The new bytes of every part the changes touch (sheet parts, grown tables' parts)."""
    layout = data.layout
    part_of = {sp.title: sp.part for sp in data.wmap.sheets.values()}
    changed: set[str] = set()
    out: dict[str, bytes] = {}
    for key, n_rows in sorted(changes.grow.items()):
        geom = layout.tables[key]
        if n_rows <= geom.n_rows:
            continue
        part = part_of[geom.sheet_title]
        table_part, table_root = _table_part(data, part, geom.table.name)
        _grow(data.sheet_roots[part], table_root, geom, n_rows)
        layout.tables[key] = TableGeom(geom.table, geom.sheet_title, geom.header_row, geom.first_col, n_rows, geom.cols)
        data.sheet_cells[part] = {c.get("r"): c for c in data.sheet_roots[part].iter(_C)}
        changed.add(part)
        out[table_part] = to_xml(table_root)
    lang = layout.lang
    for change in changes.writes:
        geom = layout.tables[change.table]
        part = part_of[geom.sheet_title]
        ref = cell_ref(geom.first_row + change.row, geom.cols[change.field])
        cells = data.sheet_cells[part]
        c = cells.get(ref)
        if c is None:
            c = _new_cell(data.sheet_roots[part], ref, None)
            cells[ref] = c
        _set_value(c, TABLES[change.table].field(change.field), change.new, lang)
        changed.add(part)
    for part in changed:
        out[part] = to_xml(data.sheet_roots[part])
    return out


def _table_part(data: WorkbookData, sheet_part: str, name: str) -> tuple[str, etree._Element]:
    for target in rels_of(data.pkg, sheet_part).values():
        if target in data.pkg.parts and "/tables/" in target:
            root = data.pkg.xml(target)
            if (root.get("displayName") or root.get("name") or "").casefold() == name.casefold():
                return target, root
    raise WorkbookError(msg("book.no_table_part", table=name))


def _set_value(c: etree._Element, f, value: object, lang: str) -> None:
    """Replace a cell's content with a typed value, keeping its style."""
    for child in list(c):
        if child.tag in (_F, _V, _IS):
            c.remove(child)
    c.attrib.pop("t", None)
    if f.kind == Kind.CHOICE:
        value = f.choice_label(value, lang) if any(ch.key == value for ch in f.choices) else value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        value = (dt.datetime(value.year, value.month, value.day) - EXCEL_EPOCH).days
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        c.set("t", "inlineStr")
        is_ = etree.SubElement(c, _IS)
        t = etree.SubElement(is_, _T)
        t.text = str(value)
        if t.text != t.text.strip():
            t.set(XML_SPACE, "preserve")
        return
    v = etree.SubElement(c, _V)
    v.text = repr(float(value)) if isinstance(value, float) and not value.is_integer() else str(int(value))


# ---------------------------------------------------------------- table growth

def _row_el(sheet_data: etree._Element, r: int) -> etree._Element:
    for row in sheet_data.iterfind("m:row", NS):
        n = int(row.get("r"))
        if n == r:
            return row
        if n > r:
            new = etree.Element(_ROW, r=str(r))
            row.addprevious(new)
            return new
    return etree.SubElement(sheet_data, _ROW, r=str(r))


def _place(sheet_data: etree._Element, c: etree._Element) -> None:
    r, col = split_ref(c.get("r"))
    row = _row_el(sheet_data, r)
    row.attrib.pop("spans", None)  # an optimisation hint; stale spans are worse than none
    for other in row.iterfind("m:c", NS):
        if split_ref(other.get("r"))[1] > col:
            other.addprevious(c)
            return
    row.append(c)


def _new_cell(root: etree._Element, ref: str, style: str | None) -> etree._Element:
    c = etree.Element(_C, r=ref)
    if style:
        c.set("s", style)
    _place(root.find("m:sheetData", NS), c)
    return c


def _grow(root: etree._Element, table_root: etree._Element, geom: TableGeom, n_rows: int) -> None:
    k = n_rows - geom.n_rows
    last, c0, c1 = geom.last_row, geom.first_col, geom.last_col
    sheet_data = root.find("m:sheetData", NS)
    styles: dict[int, str | None] = {}
    moving = []
    for row in sheet_data.iterfind("m:row", NS):
        r = int(row.get("r"))
        for c in row.iterfind("m:c", NS):
            rr, cc = split_ref(c.get("r"))
            if c0 <= cc <= c1:
                if rr == last:
                    styles[cc] = c.get("s")
                elif rr > last:
                    moving.append((rr, cc, c))
    for _, _, c in moving:
        c.getparent().remove(c)
    for rr, cc, c in moving:
        c.set("r", cell_ref(rr + k, cc))
        _place(sheet_data, c)
    for r in range(last + 1, last + k + 1):
        for cc in range(c0, c1 + 1):
            _new_cell(root, cell_ref(r, cc), styles.get(cc))
    for tag in ("m:dataValidations/m:dataValidation", "m:conditionalFormatting"):
        for el in root.iterfind(tag, NS):
            el.set("sqref", _shift_sqref(el.get("sqref", ""), c0, c1, last, k))
    merges = root.find("m:mergeCells", NS)
    if merges is not None:
        for m in merges.iterfind("m:mergeCell", NS):
            m.set("ref", _shift_sqref(m.get("ref"), c0, c1, last, k, extend=False))
    dim = root.find("m:dimension", NS)
    if dim is not None and ":" in dim.get("ref", ""):
        start, end = dim.get("ref").split(":")
        er, ec = split_ref(end)
        bottom = max(int(r.get("r")) for r in sheet_data.iterfind("m:row", NS))
        if bottom > er:
            dim.set("ref", f"{start}:{cell_ref(bottom, ec)}")
    totals_in_table = int(table_root.get("totalsRowCount", "0") or 0)  # our tables keep their total row outside the table
    new_ref = f"{cell_ref(geom.header_row, c0)}:{cell_ref(geom.header_row + n_rows + totals_in_table, c1)}"
    table_root.set("ref", new_ref)
    af = table_root.find("m:autoFilter", NS)
    if af is not None:
        af.set("ref", f"{cell_ref(geom.header_row, c0)}:{cell_ref(geom.header_row + n_rows, c1)}")


def _col_no(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _shift_sqref(sqref: str, c0: int, c1: int, last: int, k: int, extend: bool = True) -> str:
    """Ranges of the table's columns: ending on its last data row -> extended by k rows; below it -> moved down k rows."""
    out = []
    for token in sqref.split():
        m = _RANGE.match(token)
        if not m:
            out.append(token)
            continue
        a_col, a_row, b_col, b_row = m.group(1), int(m.group(2)), m.group(3) or m.group(1), int(m.group(4) or m.group(2))
        lo, hi = _col_no(a_col), _col_no(b_col)
        if lo < c0 or hi > c1:
            out.append(token)
            continue
        if a_row > last:
            a_row, b_row = a_row + k, b_row + k
        elif extend and b_row == last:
            b_row += k
        elif b_row > last:
            b_row += k
        out.append(f"{a_col}{a_row}" if (a_col, a_row) == (b_col, b_row) and ":" not in token else f"{a_col}{a_row}:{b_col}{b_row}")
    return " ".join(out)
