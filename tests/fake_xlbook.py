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
- ``book.fullname``, ``book.name``; ``book.save(path)`` writes the file Excel would save (for the oracles).

And the Excel behaviours the front end must respect, so that a test fails where Excel would:

- **Protection.** ``sheet.api`` is COM's Worksheet: ``ProtectContents``, ``ProtectDrawingObjects``,
  ``ProtectScenarios``, ``ProtectionMode`` (UserInterfaceOnly), ``Protection.Allow…``,
  ``Protect(Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells, …)``
  and ``Unprotect(Password)`` (a wrong password raises). Protection and each cell's "locked"
  flag come from the file. Writing (value, formula, clear) a range holding a locked cell of a
  protected sheet raises ``FakeComError`` as Excel's run-time error 1004 does, and writes
  nothing — unless the sheet was protected with UserInterfaceOnly (code may write then).
- **Merged cells** (from the file): ``range.merge_cells`` is True / None (some) / False as
  COM's ``MergeCells``; writing or clearing a range that covers part of a merged area raises
  1004 (a single write to the area's top-left cell is allowed, as in Excel).
- **Tables** do not grow on a protected sheet: ``table.resize(range)`` raises 1004 there,
  even with UserInterfaceOnly. Writing below a table does not extend it here (Excel's
  AutoCorrect may, from the keyboard).
- **Row autofit** (``range.rows.autofit()``) is refused on a protected sheet unless formatting
  rows is allowed; the stand-in records the ranges (it has no fonts to measure heights with).
- **Calculation mode**: ``book.app.calculation`` ("automatic", "manual", "semiautomatic")
  and ``book.app.calculate()``. In manual mode, a write makes every formula cell stale until
  ``calculate()``; reading a stale cell's value gives the old value (as Excel does) and is
  recorded in ``book.stale_reads``. The stand-in evaluates only constant arithmetic
  (``=2+3*4``); any other formula's value is unknown (None) once written — formula values
  are LibreOffice's job (tests/test_oracle_libreoffice.py).

What it cannot tell: how real Excel (COM on Windows, AppleScript on Mac) behaves; see
docs/excel.md, "What is verified where".
"""
from __future__ import annotations

import ast
import datetime as dt
import operator
import re
from pathlib import Path

import openpyxl

from xlsx_edit import col_letter, split_ref  # one copy of the A1 helpers for the test utilities

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_QUOTED = re.compile(r"'((?:[^']|'')+)'!")


def excel_style(formula: str) -> str:
    """What Excel gives back for a formula we wrote: no quotes around a plain sheet name."""
    def unquote(m):
        name = m.group(1).replace("''", "'")
        return f"{name}!" if re.match(r"^[A-Za-z_][A-Za-z0-9_.]*$", name) else m.group(0)
    return _QUOTED.sub(unquote, formula)


XL_ERROR_1004 = -2146827284  # 0x800A03EC: what COM reports for Excel's run-time error 1004


class FakeComError(Exception):
    """Shaped like pywintypes.com_error for Excel's error 1004: (hresult, text, excepinfo, argerror)."""

    def __init__(self, message: str):
        super().__init__(-2147352567, "Exception occurred.", (0, "Microsoft Excel", message, None, 0, XL_ERROR_1004), None)
        self.message = message


PROTECTED_MESSAGE = ("The cell or chart you're trying to change is on a protected sheet. To make a change, "
                     "unprotect the sheet. You might be requested to enter a password.")
MERGED_MESSAGE = "We can't do that to a merged cell."

ALLOW = ("AllowFormattingCells", "AllowFormattingColumns", "AllowFormattingRows", "AllowInsertingColumns",
         "AllowInsertingRows", "AllowInsertingHyperlinks", "AllowDeletingColumns", "AllowDeletingRows",
         "AllowSorting", "AllowFiltering", "AllowUsingPivotTables")
# OOXML <sheetProtection> attribute (True = that action is locked) behind each Allow… flag.
_OOXML_OF = dict(zip(ALLOW, ("formatCells", "formatColumns", "formatRows", "insertColumns", "insertRows",
                             "insertHyperlinks", "deleteColumns", "deleteRows", "sort", "autoFilter", "pivotTables")))


class _Protection:
    def __init__(self):
        for k in ALLOW:
            setattr(self, k, False)


class _Api:
    """COM's Worksheet, for what the front end uses: code name and protection."""

    def __init__(self, codename):
        self.CodeName = codename
        self.ProtectContents = False
        self.ProtectDrawingObjects = False
        self.ProtectScenarios = False
        self.ProtectionMode = False  # UserInterfaceOnly
        self.Protection = _Protection()
        self.password: str | None = None  # None: no password; the file's hash is kept as an unknown password
        self.calls: list[str] = []

    def Protect(self, Password="", DrawingObjects=True, Contents=True, Scenarios=True, UserInterfaceOnly=False,
                *allow):
        if self.ProtectContents and (Password or "") != (self.password or ""):
            raise FakeComError("The password you supplied is not correct.")  # re-protecting needs the same password
        self.calls.append("Protect")
        self.password = Password or None
        self.ProtectDrawingObjects, self.ProtectContents = bool(DrawingObjects), bool(Contents)
        self.ProtectScenarios, self.ProtectionMode = bool(Scenarios), bool(UserInterfaceOnly)
        for k, v in zip(ALLOW, list(allow) + [False] * (len(ALLOW) - len(allow))):
            setattr(self.Protection, k, bool(v))

    def Unprotect(self, Password=None):
        if not self.ProtectContents:
            return
        if self.password is not None and Password != self.password:
            raise FakeComError("The password you supplied is not correct. Verify that the CAPS LOCK key is off.")
        self.calls.append("Unprotect")
        self.ProtectContents = self.ProtectDrawingObjects = self.ProtectScenarios = self.ProtectionMode = False
        self.password = None


class FakeExcelApplication:
    """``book.app.api`` on Windows: COM's Excel.Application, for its "open file" dialog.

    ``GetOpenFilename(FileFilter, FilterIndex, Title, ButtonText, MultiSelect)`` as Microsoft documents it
    (learn.microsoft.com/office/vba/api/excel.application.getopenfilename): the user's choice is ``chosen``
    (a list of full paths; None = Cancel). Cancel returns **False**; MultiSelect=True returns a tuple (pywin32's
    form of the COM array) even for one file; MultiSelect=False returns one str. A FileFilter that is not
    "description,pattern" pairs is refused with run-time error 1004, as Excel's method fails on it. Each call's
    arguments are kept in ``dialogs``.
    """

    def __init__(self, chosen: list[str] | None = None):
        self.chosen = chosen
        self.dialogs: list[dict] = []

    def GetOpenFilename(self, FileFilter=None, FilterIndex=None, Title=None, ButtonText=None, MultiSelect=False):
        if FileFilter is not None:
            parts = [p.strip() for p in str(FileFilter).split(",")]
            if len(parts) % 2 or not all(parts):
                raise FakeComError("Method 'GetOpenFilename' of object '_Application' failed")
            if FilterIndex is not None and not isinstance(FilterIndex, int):
                raise FakeComError("Type mismatch")
        self.dialogs.append({"FileFilter": FileFilter, "FilterIndex": FilterIndex, "Title": Title, "ButtonText": ButtonText,
                             "MultiSelect": MultiSelect})
        if not self.chosen:
            return False
        return tuple(self.chosen) if MultiSelect else self.chosen[0]


class FakeMacExcel:
    """``book.app.api`` on a Mac: appscript's reference to Excel with xlwings' ``mac_dict`` terms, for its dialog.

    ``get_open_filename(file_filter, button_text, multi_select)`` from Excel's scripting dictionary (xlwings
    ``resources/mac/Microsoft Excel2016 Dictionary-py.html``): file_filter is comma-separated four-character
    type codes (a Windows "Description,*.csv" filter is refused); ``chosen`` holds HFS paths
    ("Macintosh HD:Users:…"). NOT observed on a real Mac, assumed from VBA's documented behaviour: a list for
    multi_select, False on Cancel (docs/verification.md).
    """

    def __init__(self, chosen: list[str] | None = None):
        self.chosen = chosen
        self.dialogs: list[dict] = []

    def get_open_filename(self, file_filter=None, button_text=None, multi_select=False):
        if file_filter is not None and not all(len(code.strip()) == 4 for code in str(file_filter).split(",")):
            raise FakeComError("Microsoft Excel got an error: Parameter error.")  # AppleScript's errAEParamErr (-50)
        self.dialogs.append({"file_filter": file_filter, "button_text": button_text, "multi_select": multi_select})
        if not self.chosen:
            return False
        return list(self.chosen) if multi_select else self.chosen[0]


class FakeApp:
    """``book.app``: calculation mode and Calculate; ``api`` is Excel's application object (Windows by default)."""

    def __init__(self, book: "FakeBook"):
        self.book = book
        self.calculation = "automatic"
        self.calculations = 0
        self.api = FakeExcelApplication()

    def calculate(self):
        self.calculations += 1
        for sheet in self.book._sheets:
            for rc in list(sheet.stale):
                sheet.evaluate(rc)
            sheet.stale.clear()


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
        ast.USub: operator.neg, ast.UAdd: operator.pos}


def constant_value(formula: str):
    """The value of a constant-arithmetic formula ("=2+3*4"); None for anything else (unknown to the stand-in)."""
    def ev(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.operand))
        raise ValueError
    try:
        return ev(ast.parse(formula.lstrip("="), mode="eval").body)
    except (SyntaxError, ValueError, ZeroDivisionError, TypeError):
        return None


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
        self.sheet.check_writable(self)
        for (r, c), v in zip([cell for row in self._cells() for cell in row], [v for row in rows for v in row]):
            if isinstance(v, str) and v.startswith("="):  # Excel: a value typed with "=" is a formula
                self.sheet.set_formula(r, c, v)
            elif isinstance(v, str) and v.startswith("'"):  # Excel's text prefix: kept out of the value
                self.sheet.set_value(r, c, v[1:])
            else:
                self.sheet.set_value(r, c, v)
        self.sheet.book.after_write()

    def insert(self, shift="down"):
        """``Range.Insert(xlShiftDown)``: cells of these columns from this row down move down by the range's height.

        Refused on a protected sheet (as Excel does for a locked range). Not modelled: Excel's adjustment of formulas and
        defined names pointing at moved cells (the ribbon rewrites every derived formula afterwards).
        """
        assert shift == "down"
        if self.sheet.api.ProtectContents:
            raise FakeComError(PROTECTED_MESSAGE)
        h = self.bottom - self.top + 1

        def moved(rc):
            r, c = rc
            return (r + h, c) if r >= self.top and self.left <= c <= self.right else rc

        self.sheet.cells = {moved(rc): v for rc, v in self.sheet.cells.items()}
        self.sheet.formulas = {moved(rc): v for rc, v in self.sheet.formulas.items()}
        self.sheet.unlocked = {moved(rc) for rc in self.sheet.unlocked}
        for table in self.sheet.tables:
            top, left = split_ref(table._ref.split(":")[0])
            bottom, right = split_ref(table._ref.split(":")[-1])
            if top >= self.top and left >= self.left and right <= self.right:
                table._ref = f"{col_letter(left)}{top + h}:{col_letter(right)}{bottom + h}"
        self.sheet.book.after_write()

    def clear_contents(self):
        self.sheet.check_writable(self)
        for row in self._cells():
            for r, c in row:
                self.sheet.book.writes.append((self.sheet.name, f"{col_letter(c)}{r}", None))
                self.sheet.cells.pop((r, c), None)
                self.sheet.formulas.pop((r, c), None)
        self.sheet.book.after_write()

    @property
    def rows(self):
        """``range.rows.autofit()``: Excel refuses it on a protected sheet unless formatting rows is allowed."""
        rng = self

        class _Rows:
            def autofit(self):
                api = rng.sheet.api
                if api.ProtectContents and not api.ProtectionMode and not api.Protection.AllowFormattingRows:
                    raise FakeComError(PROTECTED_MESSAGE)
                rng.sheet.autofitted.append(rng.address)
        return _Rows()

    @property
    def merge_cells(self):
        """COM's MergeCells: True when every cell is in a merged area, None when some are, False when none is."""
        merged = [self.sheet.merged_area(r, c) is not None for row in self._cells() for r, c in row]
        return True if all(merged) else None if any(merged) else False

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
        self.sheet.check_writable(self)
        for (r, c), v in zip([cell for row in self._cells() for cell in row], [v for row in value for v in row]):
            self.sheet.set_formula(r, c, v)
        self.sheet.book.after_write()


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

    def resize(self, rng: "FakeRange"):
        """``ListObject.Resize``: Excel refuses it on a protected sheet, even with UserInterfaceOnly."""
        if self.sheet.api.ProtectContents:
            raise FakeComError(PROTECTED_MESSAGE)
        self._ref = rng.address.replace("$", "")


class FakeName:
    def __init__(self, name, refers_to):
        self.name, self.refers_to = name, refers_to


class FakeSheet:
    def __init__(self, book, name, codename):
        self.book, self.name, self.api = book, name, _Api(codename)
        self.cells: dict[tuple[int, int], object] = {}  # value (cached value of a formula)
        self.formulas: dict[tuple[int, int], str] = {}
        self.tables: list[FakeTable] = []
        self.unlocked: set[tuple[int, int]] = set()  # every other cell is locked (Excel's default)
        self.merged: list[tuple[int, int, int, int]] = []  # (top, left, bottom, right)
        self.stale: set[tuple[int, int]] = set()  # formula cells not recalculated (manual mode)
        self.autofitted: list[str] = []  # ranges whose rows were autofitted

    def merged_area(self, r, c):
        return next((m for m in self.merged if m[0] <= r <= m[2] and m[1] <= c <= m[3]), None)

    def check_writable(self, rng: FakeRange) -> None:
        """Raise as Excel does (error 1004, nothing written) for a write it refuses."""
        cells = [rc for row in rng._cells() for rc in row]
        if self.api.ProtectContents and not self.api.ProtectionMode and any(rc not in self.unlocked for rc in cells):
            raise FakeComError(PROTECTED_MESSAGE)
        inside = set(cells)
        for top, left, bottom, right in self.merged:
            area = {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
            if area & inside and not area <= inside and cells != [(top, left)]:
                raise FakeComError(MERGED_MESSAGE)

    def evaluate(self, rc) -> None:
        if rc in self.formulas:
            self.cells[rc] = constant_value(self.formulas[rc])

    def range(self, address: str) -> FakeRange:
        return FakeRange(self, address)

    def value_at(self, r, c):
        if (r, c) in self.stale:
            self.book.stale_reads.append((self.name, f"{col_letter(c)}{r}"))
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
            self.cells.setdefault((r, c), None)  # recalculated by after_write (automatic) or calculate (manual)
            self.stale.add((r, c))
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
        self.app = FakeApp(self)
        self.stale_reads: list[tuple[str, str]] = []

    def after_write(self) -> None:
        """Automatic calculation recalculates at once; manual leaves every formula stale until Calculate."""
        if self.app.calculation in ("automatic", "semiautomatic"):  # semiautomatic: all but data tables
            self.app.calculate()
            self.app.calculations -= 1  # not an explicit Calculate
        else:
            for sheet in self._sheets:
                sheet.stale |= set(sheet.formulas)

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
        book.source = Path(path)
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
            for row in ws.iter_rows():
                for cell in row:
                    if cell.has_style and not cell.protection.locked:
                        sheet.unlocked.add((cell.row, cell.column))
            sheet.merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
            p = ws.protection
            if p.sheet:
                api = sheet.api
                api.ProtectContents, api.ProtectDrawingObjects, api.ProtectScenarios = True, bool(p.objects), bool(p.scenarios)
                for k, attr in _OOXML_OF.items():
                    setattr(api.Protection, k, not getattr(p, attr))
                if p.password or getattr(p, "hashValue", None):
                    api.password = "\0unknown"  # a password we do not know
            book._sheets.append(sheet)
        for name, dn in formulas.defined_names.items():
            book.names.append(FakeName(name, "=" + excel_style(dn.attr_text)))
        return book

    def sheet(self, name: str) -> FakeSheet:
        return self.sheets[name]

    def save(self, path) -> Path:
        """Save as Excel would: the source file with every cell written through the Book, and true dimensions.

        So what the ribbon wrote can go through the file-format oracles (tests/ooxml.py) and the file reader.
        """
        from xlsx_edit import Book as EditBook

        edit = EditBook(self.source)
        touched: dict[tuple[str, str], None] = {}
        for sheet_name, ref, _ in self.writes:
            touched[(sheet_name, ref)] = None
        for sheet_name, ref in touched:
            sheet, rc = self.sheet(sheet_name), split_ref(ref)
            value = sheet.cells.get(rc)
            if rc in sheet.formulas:
                edit.set_cell(sheet_name, ref, value, formula=sheet.formulas[rc][1:])
            else:  # a leading apostrophe is Excel's "text" mark, not part of the text
                edit.set_cell(sheet_name, ref, value[1:] if isinstance(value, str) and value.startswith("'") else value)
        for sheet_name in {s for s, _ in touched}:
            part = edit.sheet_part(sheet_name)
            root = edit.xml(part)
            refs = [split_ref(c.get("r")) for c in root.iter("{%s}c" % _MAIN)]
            dim = root.find("{%s}dimension" % _MAIN)
            if refs and dim is not None:
                top, bottom = min(r for r, _ in refs), max(r for r, _ in refs)
                left, right = min(c for _, c in refs), max(c for _, c in refs)
                dim.set("ref", f"{col_letter(left)}{top}:{col_letter(right)}{bottom}")
                edit.put(part, root)
        return edit.save(path)


class FakeUI:
    """Records what the front end shows and opens, instead of Excel's message boxes."""

    def __init__(self, confirm: bool = True, files: list | None = None):
        self.files = list(files or [])  # what the "open file" dialog returns ([] = cancelled)
        self.picks: list[str] = []
        self.alerts: list[tuple[str, str, bool]] = []
        self.opened: list[Path] = []
        self.urls: list[str] = []
        self.statuses: list[str | None] = []
        self.confirms: list[str] = []
        self._confirm = confirm

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

    def pick_files(self, title):
        self.picks.append(title)
        return list(self.files)
