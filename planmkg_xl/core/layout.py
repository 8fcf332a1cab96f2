"""Where each table and scalar sits, and the formula each derived cell must hold.

Pure: no file is touched. The builder plans a layout for a new workbook; the readers
rebuild one from a file (its tables may have grown). From a layout, ``formulas``
gives every derived cell's formula — the one list shared by the builder, the
``recompute`` repair and the Excel front end.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model.fields import Sheet, Table
from ..model.metrics import Expr
from ..model.schema import SCALARS, SHEETS, TABLES

TITLE_ROW = 1
INTRO_ROW = 2
FIRST_BLOCK_ROW = 4  # block title; a table's header is the row below
STACK_GAP = 2  # empty rows between stacked blocks


def col_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    return f"{col_letter(col)}{row}"


def quote_sheet(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


@dataclass(frozen=True)
class TableGeom:
    """A table's place: header row, first column, data-row count, column of each field."""

    table: Table
    sheet_title: str
    header_row: int
    first_col: int
    n_rows: int
    cols: dict[str, int]

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    @property
    def last_row(self) -> int:
        return self.header_row + self.n_rows

    @property
    def total_row(self) -> int | None:
        return self.last_row + 1 if self.table.totals else None

    @property
    def last_col(self) -> int:
        return self.first_col + len(self.table.fields) - 1

    @property
    def ref(self) -> str:
        return f"{cell_ref(self.header_row, self.first_col)}:{cell_ref(self.last_row, self.last_col)}"

    def column_range(self, key: str, qualified: bool = False) -> str:
        col = col_letter(self.cols[key])
        rng = f"${col}${self.first_row}:${col}${self.last_row}"
        return f"{quote_sheet(self.sheet_title)}!{rng}" if qualified else rng


@dataclass
class Layout:
    """Geometry of a whole workbook: tables by key, scalar cells by key."""

    lang: str
    sheet_titles: dict[str, str] = field(default_factory=dict)  # sheet key -> title
    tables: dict[str, TableGeom] = field(default_factory=dict)
    scalars: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # key -> (sheet title, row, col)
    block_titles: dict[str, tuple[str, int, int]] = field(default_factory=dict)


def plan_layout(lang: str, row_counts: dict[str, int]) -> Layout:
    """Lay out a new workbook: ``row_counts`` gives each table's data rows (at least 1)."""
    layout = Layout(lang=lang)
    for sheet in SHEETS:
        title = sheet.title(lang)
        layout.sheet_titles[sheet.key] = title
        _place_blocks(layout, sheet, title, row_counts)
    return layout


def _place_blocks(layout: Layout, sheet: Sheet, title: str, row_counts: dict[str, int]) -> None:
    row, col = FIRST_BLOCK_ROW, sheet.first_col
    for block in sheet.blocks:
        layout.block_titles[block.key] = (title, row, col)
        if isinstance(block, Table):
            n = max(1, row_counts.get(block.key, 1))
            cols = {f.key: col + i for i, f in enumerate(block.fields)}
            geom = TableGeom(block, title, row + 1, col, n, cols)
            layout.tables[block.key] = geom
            height, width = 1 + 1 + n + (1 if block.totals else 0), len(block.fields)
        else:  # title, a header row level with the tables' headers, then one value per row
            for i, f in enumerate(block.fields):
                layout.scalars[f.key] = (title, row + 2 + i, col + 1)
            height, width = 2 + len(block.fields), 2
        if sheet.stacked:
            row += height + STACK_GAP
        else:
            col += width + 1


class _ExcelResolver:
    """Compiles metric expressions for one row (or the total row) of a table, or for scalars."""

    def __init__(self, layout: Layout, geom: TableGeom | None, row: int | None):
        self.layout, self.geom, self.row = layout, geom, row

    def cell(self, key: str) -> str:
        if self.geom is not None and key in self.geom.cols:
            return cell_ref(self.row, self.geom.cols[key])
        if key in SCALARS:
            return key  # a defined name
        if key.startswith("total:"):  # another table's total cell: "total:leadgen.leads"
            table_key, field_key = key[len("total:"):].split(".", 1)
            other = self.layout.tables[table_key]
            return f"{quote_sheet(other.sheet_title)}!${col_letter(other.cols[field_key])}${other.total_row}"
        raise KeyError(key)

    def column(self, key: str) -> str:
        if "." in key:
            table_key, field_key = key.split(".", 1)
            return self.layout.tables[table_key].column_range(field_key, qualified=True)
        return self.geom.column_range(key)

    def is_derived(self, key: str) -> bool:
        if self.geom is not None and key in self.geom.cols:
            return self.geom.table.field(key).derived
        return SCALARS[key].derived

    def value(self, key: str) -> object:
        # Only choice labels are asked for at compile time: "label:<table.field|field>:<choice>".
        _, path, choice = key.split(":")
        table_key, _, field_key = path.rpartition(".")
        table = TABLES[table_key] if table_key else self.geom.table
        return table.field(field_key).choice_label(choice, self.layout.lang)

    def values(self, key: str):
        raise TypeError("values are not known at compile time")


def total_expr(table: Table, key: str) -> Expr | None:
    """What the total row holds for a field: a sum, an expression, or nothing."""
    from ..model.metrics import Sum

    f = table.field(key)
    if f.total == "sum":
        return Sum(key)
    if f.total is not None:
        return f.total
    if f.derived and _summable_inputs(table, f.formula):
        return f.formula
    return None


def _summable_inputs(table: Table, expr: Expr) -> bool:
    """A derived field's formula applies to the total row when every input it uses has a total."""
    for key in expr.refs():
        if key not in {f.key for f in table.fields}:
            return False
        f = table.field(key)
        if not f.derived and f.total is None:
            return False
        if f.derived and total_expr(table, key) is None:
            return False
    return True


_ROW_MARK = "\x00"  # never appears in a formula


def formulas(layout: Layout) -> dict[tuple[str, str], str]:
    """Every derived cell of the workbook -> the formula it must hold (with '=')."""
    out: dict[tuple[str, str], str] = {}
    for key, geom in layout.tables.items():
        table = geom.table
        for f in table.derived:
            col = geom.cols[f.key]
            # Compile once per column with a row placeholder: the row's formulas differ only by row number.
            template = f.formula.excel(_ExcelResolver(layout, geom, _ROW_MARK))
            for row in range(geom.first_row, geom.last_row + 1):
                out[(geom.sheet_title, cell_ref(row, col))] = template.replace(_ROW_MARK, str(row))
        if geom.total_row is not None:
            out.update(_total_formulas(layout, geom))
    for key, (title, row, col) in layout.scalars.items():
        f = SCALARS[key]
        if f.derived:
            out[(title, cell_ref(row, col))] = f.formula.excel(_ExcelResolver(layout, None, None))
    return out


def _total_formulas(layout: Layout, geom: TableGeom) -> dict[tuple[str, str], str]:
    out = {}
    resolver = _TotalRowResolver(layout, geom)
    for f in geom.table.fields:
        expr = total_expr(geom.table, f.key)
        if expr is not None:
            out[(geom.sheet_title, cell_ref(geom.total_row, geom.cols[f.key]))] = expr.excel(resolver)
    return out


class _TotalRowResolver(_ExcelResolver):
    """In the total row every field is a computed cell (it may be blank)."""

    def __init__(self, layout: Layout, geom: TableGeom):
        super().__init__(layout, geom, geom.total_row)

    def is_derived(self, key: str) -> bool:
        return key in self.geom.cols or super().is_derived(key)
