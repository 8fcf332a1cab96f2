"""A STAND-IN for an xlwings Book, for tests on machines without Excel. It is not xlwings.

It offers only the surface ``planmkg_xl.excel.book`` and ``planmkg_xl.excel.ribbon`` use, with the value conventions xlwings
documents, so the front end's own logic (reading tables and named cells, writing formulas
into derived cells) can be tested against the file path:

- ``book.sheets``: iterable, indexable by name; ``sheet.name``; ``sheet.api.CodeName``
  (what COM gives on Windows); ``sheet.tables`` with ``.name``, ``.range.address``
  ("$A$5:$S$12", header + data rows, as ``ListObject.Range``) and
  ``.header_row_range.value`` (a list of header texts).
- ``book.names``: ``.name`` and ``.refers_to`` ("=Web!$R$5": Excel drops the quotes a
  sheet name does not need, so the stand-in does too).
- ``sheet.range("A1")`` / ``sheet.range("A1:C3")``: ``.options(ndim=2, err_to_str=True).value``
  gives rows of values (every number a float, date cells a ``datetime``, empty ``None``,
  errors as "#DIV/0!" text); ``.formula`` gives "=…" for a formula, the value as text for
  a constant, "" for an empty cell (a str for one cell, a tuple of 1-tuples for a column),
  and accepts a str or a list of [formula] rows. Every write is recorded in ``book.writes``.
  ``.value`` can be set (rows of values), ``.clear_contents()``; ``sheet.used_range.last_cell.row``.
- ``book.fullname``, ``book.name``.

What it cannot tell: how real Excel (COM on Windows, AppleScript on Mac) behaves; see
docs/excel.md, "What is verified where".
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl

from xlsx_edit import col_letter, split_ref  # one copy of the A1 helpers for the test utilities

_QUOTED = re.compile(r"'((?:[^']|'')+)'!")


def excel_style(formula: str) -> str:
    """What Excel gives back for a formula we wrote: no quotes around a plain sheet name."""
    def unquote(m):
        name = m.group(1).replace("''", "'")
        return f"{name}!" if re.match(r"^[A-Za-z_][A-Za-z0-9_.]*$", name) else m.group(0)
    return _QUOTED.sub(unquote, formula)


class _Api:
    def __init__(self, codename):
        self.CodeName = codename


class FakeRange:
    def __init__(self, sheet: "FakeSheet", address: str):
        self.sheet = sheet
        start, _, end = address.replace("$", "").partition(":")
        self.top, self.left = split_ref(start)
        self.bottom, self.right = split_ref(end or start)

    @property
    def address(self) -> str:
        return f"${col_letter(self.left)}${self.top}:${col_letter(self.right)}${self.bottom}"

    def options(self, ndim=None, err_to_str=False, **_):
        assert ndim == 2 and err_to_str, "planmkg_xl.excel.book always reads 2-D with err_to_str"
        return self

    def _cells(self):
        return [[(r, c) for c in range(self.left, self.right + 1)] for r in range(self.top, self.bottom + 1)]

    @property
    def value(self):
        self.sheet.book.reads += 1
        return [[self.sheet.value_at(r, c) for r, c in row] for row in self._cells()]

    @value.setter
    def value(self, rows):
        if not isinstance(rows, (list, tuple)):
            rows = [[rows]]
        for (r, c), v in zip([cell for row in self._cells() for cell in row], [v for row in rows for v in row]):
            self.sheet.set_value(r, c, v)

    def clear_contents(self):
        for row in self._cells():
            for r, c in row:
                self.sheet.book.writes.append((self.sheet.name, f"{col_letter(c)}{r}", None))
                self.sheet.cells.pop((r, c), None)
                self.sheet.formulas.pop((r, c), None)

    @property
    def row(self):
        return self.top

    @property
    def last_cell(self):
        return FakeRange(self.sheet, f"{col_letter(self.right)}{self.bottom}")

    @property
    def formula(self):
        rows = [[self.sheet.formula_at(r, c) for r, c in row] for row in self._cells()]
        if len(rows) == 1 and len(rows[0]) == 1:
            return rows[0][0]
        return tuple(tuple(row) for row in rows)

    @formula.setter
    def formula(self, value):
        if isinstance(value, str):
            value = [[value]]
        for (r, c), v in zip([cell for row in self._cells() for cell in row], [v for row in value for v in row]):
            self.sheet.set_formula(r, c, v)


class FakeTable:
    def __init__(self, sheet, name, ref, headers):
        self.sheet, self.name, self._ref, self._headers = sheet, name, ref, headers

    @property
    def range(self):
        return FakeRange(self.sheet, self._ref)

    @property
    def header_row_range(self):
        class _H:
            value = list(self._headers)
        return _H()


class FakeName:
    def __init__(self, name, refers_to):
        self.name, self.refers_to = name, refers_to


class FakeSheet:
    def __init__(self, book, name, codename):
        self.book, self.name, self.api = book, name, _Api(codename)
        self.cells: dict[tuple[int, int], object] = {}  # value (cached value of a formula)
        self.formulas: dict[tuple[int, int], str] = {}
        self.tables: list[FakeTable] = []

    def range(self, address: str) -> FakeRange:
        return FakeRange(self, address)

    def value_at(self, r, c):
        v = self.cells.get((r, c))
        if isinstance(v, bool) or v is None or isinstance(v, (str, dt.datetime)):
            return None if v == "" else v
        if isinstance(v, dt.date):
            return dt.datetime(v.year, v.month, v.day)
        if isinstance(v, (int, float)):
            return float(v)  # xlwings: every number is a float
        return v

    def formula_at(self, r, c):
        if (r, c) in self.formulas:
            return excel_style(self.formulas[(r, c)])
        v = self.cells.get((r, c))
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v)

    @property
    def used_range(self) -> FakeRange:
        cells = set(self.cells) | set(self.formulas) or {(1, 1)}
        return FakeRange(self, f"A1:{col_letter(max(c for _, c in cells))}{max(r for r, _ in cells)}")

    def set_value(self, r, c, value):
        self.book.writes.append((self.name, f"{col_letter(c)}{r}", value))
        self.formulas.pop((r, c), None)
        self.cells[(r, c)] = None if value == "" else value

    def set_formula(self, r, c, text):
        self.book.writes.append((self.name, f"{col_letter(c)}{r}", text))
        if isinstance(text, str) and text.startswith("="):
            self.formulas[(r, c)] = text
            self.cells[(r, c)] = None  # Excel would recalculate
        else:
            self.formulas.pop((r, c), None)
            self.cells[(r, c)] = text or None


class FakeBook:
    """The stand-in itself; build one from a workbook file with ``FakeBook.from_file``."""

    def __init__(self, fullname: str):
        self.fullname = fullname
        self.name = Path(fullname.replace("\\", "/")).name if "://" not in fullname else fullname.rsplit("/", 1)[-1]
        self._sheets: list[FakeSheet] = []
        self.names: list[FakeName] = []
        self.writes: list[tuple[str, str, str]] = []
        self.reads = 0

    @property
    def sheets(self):
        book = self

        class _Sheets(list):
            def __getitem__(self, key):
                if isinstance(key, str):
                    return next(s for s in book._sheets if s.name == key)
                return list.__getitem__(self, key)
        return _Sheets(self._sheets)

    @classmethod
    def from_file(cls, path: Path, fullname: str | None = None) -> "FakeBook":
        formulas = openpyxl.load_workbook(path, data_only=False)
        values = openpyxl.load_workbook(path, data_only=True)
        book = cls(fullname or str(path))
        for ws in formulas.worksheets:
            sheet = FakeSheet(book, ws.title, ws.sheet_properties.codeName)
            vs = values[ws.title]
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        sheet.formulas[(cell.row, cell.column)] = cell.value
                        sheet.cells[(cell.row, cell.column)] = vs.cell(cell.row, cell.column).value
                    elif cell.value is not None:
                        sheet.cells[(cell.row, cell.column)] = cell.value
            for table in ws.tables.values():
                sheet.tables.append(FakeTable(sheet, table.displayName, table.ref, [c.name for c in table.tableColumns]))
            book._sheets.append(sheet)
        for name, dn in formulas.defined_names.items():
            book.names.append(FakeName(name, "=" + excel_style(dn.attr_text)))
        return book

    def sheet(self, name: str) -> FakeSheet:
        return self.sheets[name]


class FakeUI:
    """Records what the front end shows and opens, instead of Excel's message boxes."""

    def __init__(self, confirm: bool = True):
        self.alerts: list[tuple[str, str, bool]] = []
        self.opened: list[Path] = []
        self.urls: list[str] = []
        self.statuses: list[str | None] = []
        self.confirms: list[str] = []
        self._confirm = confirm
        self.calculated = 0

    def alert(self, text, title, error=False):
        self.alerts.append((title, text, error))

    def confirm(self, text, title):
        self.confirms.append(text)
        return self._confirm

    def status(self, text):
        self.statuses.append(text)

    def open_path(self, path):
        self.opened.append(path)

    def open_url(self, url):
        self.urls.append(url)

    def calculate(self):
        self.calculated += 1
