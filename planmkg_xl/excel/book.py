"""The workbook open in Excel, seen through any xlwings-like Book: read it, repair it.

Pure logic over a small "Book-like" surface (an ``xlwings.Book`` in Excel, a stand-in in
the tests, tests/fake_xlbook.py): ``book.sheets`` (``sheet.name``, ``sheet.api.CodeName``,
``sheet.tables`` with ``.name``, ``.range.address``, ``.header_row_range.value``,
``sheet.range(address)`` with ``.options(...).value``, a readable/writable ``.formula`` and
``.merge_cells``), ``book.names`` (``.name``, ``.refers_to``), and sheet protection through
``sheet.api`` (``excel.protection``: every write unprotects and re-protects). It mirrors the file path
(``io.sheets``, ``io.read``, ``io.write``, ``io.controls``) with the same rules and the
same messages, and never imports xlwings (``planmkg_xl.excel.ribbon`` does, alone).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..errors import WorkbookError
from ..messages import msg
from .protection import check_not_merged, unprotected

_EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
                           "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "#PYTHON!"})


# ---------------------------------------------------------------------------
# Reading the open Book into Layout + Plan (pure, mirrors io.sheets / io.read)
# ---------------------------------------------------------------------------

def sheet_codename(sheet: Any) -> str | None:
    """A sheet's VBA code name: ``api.CodeName`` on Windows (COM), ``api.code_name.get()`` on Mac (appscript)."""
    api = getattr(sheet, "api", None)
    for get in (lambda: api.CodeName, lambda: api.code_name.get()):
        try:
            value = get()
        except Exception:  # noqa: BLE001 — COM/appscript raise their own types when the property is absent
            continue
        if isinstance(value, str) and value:
            return value
    return None


def book_names(book: Any) -> dict[str, str]:
    """Workbook-level defined names -> what they refer to, without the leading '=' (sheet-level names skipped)."""
    out = {}
    for name in book.names:
        key = name.name
        if "!" in key:
            continue
        out[key] = (name.refers_to or "").lstrip("=")
    return out


def book_lang(book: Any) -> str:
    """The workbook's language (its ``planmkg_lang`` name), "fr" when unknown; never raises."""
    from ..io.sheets import LANG_NAME

    try:
        lang = book_names(book).get(LANG_NAME, '"fr"').strip('"')
    except Exception:  # noqa: BLE001 — only used to choose the language of an error box
        return "fr"
    return lang if lang in ("fr", "en") else "fr"


def _row_values(value: Any) -> list:
    """xlwings gives a scalar for one cell, a list for one row/column: always a flat list here."""
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def book_layout(book: Any):
    """The ``Layout`` of an open Book, by the same rules (and messages) as the file reader."""
    from ..io.sheets import layout_from

    codenames, tables = {}, {}
    for s in book.sheets:
        codenames[s.name] = sheet_codename(s)
        for t in s.tables:
            tables[t.name] = (s.name, t.range.address.replace("$", ""), _row_values(t.header_row_range.value))
    return layout_from(codenames, tables, book_names(book))


def raw_value(value: Any) -> Any:
    """An xlwings cell value -> what the file reader sees for the same cell.

    xlwings gives every number as float and date-formatted cells as datetime; the file
    holds an int for a whole number and a serial number for a date. Error values (read
    with ``err_to_str``) become ``("#ERR", text)`` like ``io.sheets.cell_value``.
    """
    from ..io.read import EXCEL_EPOCH

    if isinstance(value, dt.datetime):
        delta = value - EXCEL_EPOCH
        value = delta.days + delta.seconds / 86400
    elif isinstance(value, dt.date):
        value = (dt.datetime(value.year, value.month, value.day) - EXCEL_EPOCH).days
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value in _EXCEL_ERRORS:
        return ("#ERR", value)
    return value


def _read_block(sheet: Any, top: int, left: int, bottom: int, right: int) -> list[list]:
    from ..core.layout import cell_ref

    value = sheet.range(f"{cell_ref(top, left)}:{cell_ref(bottom, right)}").options(ndim=2, err_to_str=True).value
    return [list(row) for row in value]


@dataclass
class BookData:
    """What an open Book says: the plan with every table row (blank ones too), and where it all is."""

    plan: Any
    layout: Any

    def sheet_rows(self) -> dict[str, list[int]]:
        """For each table, the sheet row of each row of ``compact_plan`` (as ``WorkbookData.sheet_rows``)."""
        from ..model.plan import is_blank_row

        return {k: [self.layout.tables[k].first_row + i for i, r in enumerate(rows) if not is_blank_row(r)]
                for k, rows in self.plan.tables.items()}

    def compact_plan(self):
        from ..model.plan import Plan, is_blank_row

        tables = {k: [r for r in rows if not is_blank_row(r)] for k, rows in self.plan.tables.items()}
        return Plan(self.plan.lang, dict(self.plan.scalars), tables)


def calculate_if_manual(book: Any) -> bool:
    """Calculate the open workbooks when Excel is in manual calculation mode; True if it did.

    In manual mode Excel gives the value a formula had at the last calculation: a formula
    the user typed in an input cell would be read stale, and a formula the ribbon repaired
    would show an old number. Automatic (and semi-automatic) mode needs nothing. The mode
    itself is the user's choice and is never changed.
    """
    try:
        manual = str(book.app.calculation).lower() == "manual"
    except AttributeError:  # a Book without an application (never in Excel)
        return False
    if manual:
        book.app.calculate()
    return manual


def read_book(book: Any) -> BookData:
    """The open Book -> the same ``Plan`` and ``Layout`` as ``app.load(path)`` gives for the saved file.

    One read per table (its data body) and one per sheet holding scalars; every value
    goes through ``io.read.convert``, and all problems are raised together.
    """
    from ..core.layout import cell_ref
    from ..errors import CellValueError
    from ..io.read import _Problems, check_row_units, convert
    from ..model.plan import Plan
    from ..model.schema import SCALARS

    calculate_if_manual(book)  # values of formulas typed in input cells are current
    layout = book_layout(book)
    lang = layout.lang
    sheets = {s.name: s for s in book.sheets}
    problems = _Problems()
    plan = Plan(lang=lang)

    def conv(sheet: str, row: int, col: int, f, value):
        ref = cell_ref(row, col)
        return convert(raw_value(value), f, lang, lambda key, **kw: problems.add(sheet, ref, lang, key, **kw))

    for key, geom in layout.tables.items():
        rows = []
        if geom.n_rows:
            block = _read_block(sheets[geom.sheet_title], geom.first_row, geom.first_col, geom.last_row, geom.last_col)
            for i, r in enumerate(range(geom.first_row, geom.last_row + 1)):
                row = {}
                for f in geom.table.inputs:
                    c = geom.cols[f.key]
                    v = conv(geom.sheet_title, r, c, f, block[i][c - geom.first_col])
                    if v is not None:
                        row[f.key] = v
                check_row_units(geom.table, row, lambda fkey, k, sheet=geom.sheet_title, r=r, **kw: problems.add(
                    sheet, cell_ref(r, geom.cols[fkey]), lang, k, **kw))
                rows.append(row)
        plan.tables[key] = rows
    # Scalars: one read per sheet (the bounding box of its input scalars), then converted in
    # declaration order, so problems come in the file reader's order.
    by_sheet: dict[str, list[tuple[int, int]]] = {}
    for key, (title, row, col) in layout.scalars.items():
        if not SCALARS[key].derived:
            by_sheet.setdefault(title, []).append((row, col))
    values: dict[tuple[str, int, int], object] = {}
    for title, cells in by_sheet.items():
        if title not in sheets:
            raise WorkbookError(msg("book.names_sheet", sheet=title))
        top, bottom = min(r for r, _ in cells), max(r for r, _ in cells)
        left, right = min(c for _, c in cells), max(c for _, c in cells)
        block = _read_block(sheets[title], top, left, bottom, right)
        for row, col in cells:
            values[title, row, col] = block[row - top][col - left]
    for key, (title, row, col) in layout.scalars.items():
        if not SCALARS[key].derived:
            v = conv(title, row, col, SCALARS[key], values[title, row, col])
            if v is not None:
                plan.scalars[key] = v
    if problems:
        raise CellValueError(list(problems))
    return BookData(plan, layout)


# ---------------------------------------------------------------------------
# Writing formulas into derived cells only (pure)
# ---------------------------------------------------------------------------

def input_cells(layout) -> set[tuple[str, str]]:
    """Every input cell of the plan (table input columns, input scalars): never written by recompute."""
    from ..core.layout import cell_ref
    from ..model.schema import SCALARS

    out = set()
    for geom in layout.tables.values():
        for f in geom.table.inputs:
            for row in range(geom.first_row, geom.last_row + 1):
                out.add((geom.sheet_title, cell_ref(row, geom.cols[f.key])))
    for key, (title, row, col) in layout.scalars.items():
        if not SCALARS[key].derived:
            out.add((title, cell_ref(row, col)))
    return out


def formula_runs(cells: Iterable[tuple[str, str]]) -> list[tuple[str, int, int, int]]:
    """Group cells into vertical runs: (sheet, column, first row, last row), in sheet/column/row order.

    One COM call per run instead of one per cell; a run never covers a cell that is not in ``cells``.
    """
    from ..io.sheets import split_ref

    by_col: dict[tuple[str, int], list[int]] = {}
    for sheet, ref in cells:
        row, col = split_ref(ref)
        by_col.setdefault((sheet, col), []).append(row)
    runs = []
    for (sheet, col), rows in sorted(by_col.items()):
        rows.sort()
        start = prev = rows[0]
        for row in rows[1:]:
            if row != prev + 1:
                runs.append((sheet, col, start, prev))
                start = row
            prev = row
        runs.append((sheet, col, start, prev))
    return runs


def _run_address(col: int, top: int, bottom: int) -> str:
    from ..core.layout import cell_ref

    return cell_ref(top, col) if top == bottom else f"{cell_ref(top, col)}:{cell_ref(bottom, col)}"


def _column_of(value: Any, n: int) -> list:
    """An xlwings ``.formula`` of a one-column range -> its n cells (a str for one cell, rows of 1 otherwise)."""
    if n == 1 and not isinstance(value, (list, tuple)):
        return [value]
    out = []
    for row in value:
        out.append(row[0] if isinstance(row, (list, tuple)) else row)
    return out


def same_formula(expected: str, actual: Any) -> bool:
    """Whether a cell's ``.formula`` (as Excel gives it back) is the expected "=…" formula.

    The file path's rule (``io.write.same_formula``: equal up to Excel's quoting of sheet
    names), applied to the text Excel returns, so both paths report the same repairs.
    """
    from ..io.write import same_formula as saved_is

    return isinstance(actual, str) and actual.startswith("=") and saved_is(actual[1:], expected[1:])


@dataclass
class BookRecompute:
    """What recompute did in the open Book: derived cells checked, cells repaired, cells written."""

    derived_cells: int
    repairs: list = field(default_factory=list)
    written: list[tuple[str, str]] = field(default_factory=list)
    refused: list = field(default_factory=list)  # io.write.Refusal: cells left alone (also read as inputs, off the grid)


def recompute_book(book: Any, layout=None) -> BookRecompute:
    """Give every derived cell of the open Book its formula; input cells are never written.

    Reads the current formulas in vertical runs, writes only the cells that differ (in
    runs of contiguous differing cells) and reports, like ``app.recompute``, the cells
    that held another formula or a value.
    """
    from ..core.layout import cell_ref, formulas
    from ..io.write import Repair

    if layout is None:
        layout = read_book(book).layout  # also validates the inputs, as the CLI does
    from ..io.sheets import split_ref
    from ..io.write import MAX_COL, MAX_ROW, Refusal

    expected = formulas(layout)
    protected = input_cells(layout)
    report = BookRecompute(len(expected))
    # As the file path: a calculated cell that is also read as an input (a name moved onto an input cell, tables
    # moved onto each other) or that lies off Excel's grid is left alone and reported, never written.
    for key in sorted(protected & set(expected)):
        report.refused.append(Refusal(key[0], key[1], "overlap"))
    for key in sorted(expected):
        row, col = split_ref(key[1])
        if row > MAX_ROW or col > MAX_COL:
            report.refused.append(Refusal(key[0], key[1], "beyond"))
    expected = {k: v for k, v in expected.items() if k not in {(r.sheet, r.cell) for r in report.refused}}
    sheets = {s.name: s for s in book.sheets}
    to_write: dict[tuple[str, str], str] = {}
    for sheet, col, top, bottom in formula_runs(expected):
        current = _column_of(sheets[sheet].range(_run_address(col, top, bottom)).formula, bottom - top + 1)
        for row, was in zip(range(top, bottom + 1), current):
            ref = cell_ref(row, col)
            formula = expected[(sheet, ref)]
            if same_formula(formula, was):
                continue
            to_write[(sheet, ref)] = formula
            # As the file path: another formula, a value, or "" when the formula was deleted.
            report.repairs.append(Repair(sheet, ref, "" if was is None else str(was)))
    runs: dict[str, list[tuple[str, list]]] = {}
    for sheet, col, top, bottom in formula_runs(to_write):
        cells = [(sheet, cell_ref(r, col)) for r in range(top, bottom + 1)]
        if any(c in protected for c in cells):  # belt and braces: never an input cell
            raise ValueError(f"refusing to write input cells {cells}")
        address = _run_address(col, top, bottom)
        check_not_merged(sheets[sheet], address, layout.lang)  # every check before the first write
        runs.setdefault(sheet, []).append((address, cells))
    for sheet, sheet_runs in runs.items():
        with unprotected(sheets[sheet], layout.lang):  # derived cells are locked, their sheets protected
            for address, cells in sheet_runs:
                values = [to_write[c] for c in cells]
                sheets[sheet].range(address).formula = values[0] if len(values) == 1 else [[v] for v in values]
                report.written.extend(cells)
    report.repairs.sort(key=lambda r: (list(sheets).index(r.sheet) if r.sheet in sheets else 0, _ref_key(r.cell)))
    return report


def _ref_key(ref: str) -> tuple[int, int]:
    from ..io.sheets import split_ref

    return split_ref(ref)


def controls_rows(findings: list, lang: str, places: list[list[tuple[str, str]]]) -> list[list[str]]:
    """The rows of the Contrôles sheet (severity, rule, message, up to MAX_LINKS cell links as HYPERLINK formulas),
    as ``io.controls.write_controls`` writes them into the file (there: real hyperlinks)."""
    from ..checks.report import verdict
    from ..core.layout import quote_sheet
    from ..io.controls import MAX_LINKS

    if not findings:
        return [["", "", verdict(findings, lang)] + [""] * MAX_LINKS]
    rows = []
    for f, place in zip(findings, places):
        links = []
        for title, ref in place[:MAX_LINKS]:
            target = f"#{quote_sheet(title)}!{ref}".replace('"', '""')
            links.append(f'=HYPERLINK("{target}","{title.replace(chr(34), chr(34) * 2)}!{ref}")')
        message = f.message if not f.message[:1] in "=+-@" else "'" + f.message
        rows.append([f.severity.label(lang), f.rule_id, message] + links + [""] * (MAX_LINKS - len(links)))
    return rows


def write_controls_book(book: Any, data: "BookData", findings: list) -> bool:
    """Fill the open Book's Contrôles sheet (found by code name) with one row per finding; False when it has none."""
    from ..core.layout import col_letter
    from ..io.controls import CONTROLS_HEADER_ROW, CONTROLS_TITLE, FLAGS_COL, MAX_LINKS, flags, locate
    from ..model.schema import CHECKS_CODENAME

    sheet = next((s for s in book.sheets if sheet_codename(s) == CHECKS_CODENAME), None) or next(
        (s for s in book.sheets if s.name in CONTROLS_TITLE.values()), None)
    if sheet is None:
        return False
    layout, rows = data.layout, data.sheet_rows()
    places = [[p for p in (locate(ref, layout, rows) for ref in f.cells) if p] for f in findings]
    lines = controls_rows(findings, layout.lang, places)
    first = CONTROLS_HEADER_ROW + 1
    last_col = col_letter(3 + MAX_LINKS)
    used = sheet.used_range.last_cell.row
    # The flag list drives the highlight on every plan sheet (conditional format set by the builder).
    codename_of = {s.name: sheet_codename(s) for s in book.sheets}
    flagged = flags(findings, places, {t: c for t, c in codename_of.items() if c})
    flag_col = col_letter(FLAGS_COL)
    end = first + len(lines) - 1
    if used >= first and _shown(sheet, f"A{first}:{flag_col}{max(used, end, first + len(flagged) - 1)}") == _shown_rows(
            lines, flagged, 3 + MAX_LINKS, FLAGS_COL, max(used, end, first + len(flagged) - 1) - first + 1):
        return True  # already what it should show: no write, no "unsaved changes"
    check_not_merged(sheet, f"A{first}:{flag_col}{max(used, end, first + len(flagged) - 1)}", layout.lang)
    with unprotected(sheet, layout.lang):  # the Contrôles sheet is protected and its cells locked
        if used >= first:
            sheet.range(f"A{first}:{last_col}{used}").clear_contents()
        sheet.range(f"A{first}:C{end}").value = [line[:3] for line in lines]
        if any(any(line[3:]) for line in lines):
            sheet.range(f"D{first}:{last_col}{end}").formula = [line[3:] for line in lines]
        if used >= first:
            sheet.range(f"{flag_col}{first}:{flag_col}{used}").clear_contents()
        if flagged:
            sheet.range(f"{flag_col}{first}:{flag_col}{first + len(flagged) - 1}").value = [[f] for f in flagged]
        # Rows a previous run gave a fixed height (the file path sets heights for wrapped text) fit the new text.
        sheet.range(f"A{first}:{last_col}{max(used, end)}").rows.autofit()
    return True


_LINK_TEXT = re.compile(r'^=HYPERLINK\(".*","(.*)"\)$')


def _shown_text(formula: object) -> str:
    """What a cell shows, whether it holds text or our HYPERLINK formula (the file path writes plain links)."""
    text = "" if formula is None else str(formula)
    m = _LINK_TEXT.match(text)
    return m.group(1).replace('""', '"') if m else text.lstrip("'")


def _shown(sheet: Any, address: str) -> list[list[str]]:
    rows = sheet.range(address).formula
    rows = [[rows]] if isinstance(rows, str) else rows
    return [[_shown_text(v) for v in row] for row in rows]


def _shown_rows(lines: list[list[str]], flagged: list[str], width: int, flag_col: int, n: int) -> list[list[str]]:
    """The Contrôles block as it should show: finding rows (width columns), blanks, flags in ``flag_col``."""
    out = []
    for i in range(n):
        row = [_shown_text(v) for v in lines[i]] if i < len(lines) else [""] * width
        row += [""] * (flag_col - 1 - len(row)) + [flagged[i] if i < len(flagged) else ""]
        out.append(row)
    return out
