"""Workbook -> plan: read the input cells, check each against its column's kind.

Read-only and safe (see ``package.parse_xml``). Every value that cannot be what its
column means is reported with its sheet and cell and what to type instead; all of
them at once, so the user fixes the file in one pass.
"""
from __future__ import annotations

import datetime as dt
import math
import os
import re
from dataclasses import dataclass

from lxml import etree

from ..core.layout import cell_ref, col_letter
from ..errors import CellValueError, WorkbookError
from ..messages import msg, say
from ..model.fields import Field, Kind, Table
from ..model.units import is_percent
from ..model.plan import Plan, is_blank_row
from ..model.schema import CHECKS_CODENAME, SCALARS
from .package import NS, Package, read_package
from .sheets import WorkbookMap, cell_value, locate

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_F = f"{{{NS['m']}}}f"


@dataclass
class WorkbookData:
    """What a workbook says: the plan with every table row (blank ones too), and where it all is."""

    plan: Plan
    pkg: Package
    wmap: WorkbookMap
    sheet_cells: dict[str, dict[str, etree._Element]]  # sheet part -> ref -> <c>
    sheet_roots: dict[str, etree._Element]

    @property
    def layout(self):
        return self.wmap.layout

    def sheet_rows(self) -> dict[str, list[int]]:
        """For each table, the sheet row of each row of ``compact_plan`` (blank rows skipped)."""
        return {k: [self.layout.tables[k].first_row + i for i, r in enumerate(rows) if not is_blank_row(r)]
                for k, rows in self.plan.tables.items()}

    def compact_plan(self) -> Plan:
        """The plan without blank rows: what JSON, checks and the deck see."""
        tables = {k: [r for r in rows if not is_blank_row(r)] for k, rows in self.plan.tables.items()}
        return Plan(self.plan.lang, dict(self.plan.scalars), tables)




class _Problems(list):
    def add(self, sheet: str, ref: str, lang: str, key: str, **kw) -> None:
        # a cell may hold 32 767 characters: a message quotes at most the first 60 of them
        kw = {k: (" ".join(v.split())[:59] + "…" if isinstance(v, str) and len(v) > 60 else v) for k, v in kw.items()}
        self.append((sheet, ref, say(f"cell.{key}", lang, **kw)))


def read_workbook(path: str | os.PathLike) -> WorkbookData:
    pkg = read_package(path)
    return read_package_data(pkg)


def read_package_data(pkg: Package) -> WorkbookData:
    wmap = locate(pkg)
    layout = wmap.layout
    lang = layout.lang
    roots, cells = {}, {}
    for sp in wmap.sheets.values():
        if sp.title in layout.sheet_titles.values() or sp.codename == CHECKS_CODENAME:
            root = pkg.xml(sp.part)
            roots[sp.part] = root
            cells[sp.part] = _cell_index(root, sp.title, sp.part)
    part_of = {sp.title: sp.part for sp in wmap.sheets.values()}
    problems = _Problems()
    plan = Plan(lang=lang)

    def read(sheet: str, row: int, col: int, f: Field):
        ref = cell_ref(row, col)
        c = cells[part_of[sheet]].get(ref)
        if c is None:
            return None
        return _read_cell(c, sheet, ref, f)

    def _read_cell(c: etree._Element, sheet: str, ref: str, f: Field):
        try:
            raw = cell_value(c, wmap.shared_strings)
        except WorkbookError:
            problems.add(sheet, ref, lang, "string")
            return None
        if raw is None:
            formula = c.find(_F)
            if formula is not None and (formula.text or "").strip():
                problems.add(sheet, ref, lang, "formula", v="=" + formula.text)
            return None
        return convert(raw, f, lang, lambda key, **kw: problems.add(sheet, ref, lang, key, **kw))

    for key, geom in layout.tables.items():
        rows = []
        sheet, index = geom.sheet_title, cells[part_of[geom.sheet_title]]
        columns = [(f, col_letter(geom.cols[f.key])) for f in geom.table.inputs]  # column letters once per table, not per cell
        for r in range(geom.first_row, geom.last_row + 1):
            row, number = {}, str(r)
            for f, letters in columns:
                c = index.get(letters + number)
                if c is not None and (v := _read_cell(c, sheet, letters + number, f)) is not None:
                    row[f.key] = v
            if geom.table.row_unit is not None:
                check_row_units(geom.table, row, lambda fkey, k, sheet=sheet, r=r, **kw: problems.add(
                    sheet, cell_ref(r, geom.cols[fkey]), lang, k, **kw))
            rows.append(row)
        plan.tables[key] = rows
    for key, (sheet, row, col) in layout.scalars.items():
        f = SCALARS[key]
        if not f.derived:
            value = read(sheet, row, col, f)
            if value is not None:
                plan.scalars[key] = value
    if problems:
        raise CellValueError(list(problems))
    return WorkbookData(plan, pkg, wmap, cells, roots)


def check_row_units(table: Table, row: dict, complain) -> None:
    """The "45 looks like a percentage" rule on the % rows of a mixed-unit table (objectives, KPI, metrics).

    A column such as an objective's target holds € on one row and % on another: the
    row's unit (or its metric's) decides. An offending value is reported with
    ``complain(field_key, message_key, **kw)`` and removed from ``row``.
    """
    if table.row_unit is None:
        return
    for key in table.row_unit.fields:
        value = row.get(key)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 1:
            continue
        if is_percent(table, table.field(key), row):
            if value <= 100:
                complain(key, "percent", v=_show(value), f=_show(value / 100))
            else:
                complain(key, "rate", v=_show(value))
            del row[key]


MAX_TEXT = 32_767  # characters in an Excel cell
MAX_NUMBER = 9.99e307  # Excel's largest number
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text_problem(text: str) -> tuple[str, dict] | None:
    """Why Excel cannot hold ``text`` in a cell (message key and values), or None."""
    if len(text) > MAX_TEXT:
        return "long", {"n": len(text)}
    bad = _CONTROL.search(text)
    if bad:
        return "control", {"v": f"U+{ord(bad.group()):04X}"}
    return None


def number_ok(value: object) -> bool:
    """A number Excel can store: finite and within ±9.99e307 (ints of any size are compared exactly)."""
    if isinstance(value, int):
        return -MAX_NUMBER <= value <= MAX_NUMBER
    return isinstance(value, float) and math.isfinite(value) and abs(value) <= MAX_NUMBER


def convert(raw: object, f: Field, lang: str, complain) -> object:
    """A cell's raw value -> the plan's canonical value for field ``f`` (or None after a complaint)."""
    kind = f.kind
    number_type = type(raw)
    if (number_type is int or number_type is float) and kind in _PLAIN_NUMBER_KINDS and raw >= 0 and number_ok(raw) \
            and (kind is not Kind.COUNT or float(raw).is_integer()) and (kind is not Kind.RATE or raw <= 1):
        return raw  # most cells: a number in a number column that passes every test below
    if raw is None or raw == "":
        return None
    if isinstance(raw, str) and raw.strip() == "" and kind not in (Kind.TEXT, Kind.LONGTEXT):
        return None
    if isinstance(raw, tuple):
        complain("error", v=raw[1])
        return None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and not number_ok(raw):
        complain("huge", v=_show_any(raw))
        return None
    problem = text_problem(raw) if isinstance(raw, str) else None
    if problem:  # what Excel cannot hold comes first, whatever the column expects
        complain(problem[0], **problem[1])
        return None
    if kind in (Kind.TEXT, Kind.LONGTEXT):
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        return raw if isinstance(raw, str) else str(raw)
    if kind == Kind.CHOICE:
        key = f.choice_key(raw if isinstance(raw, str) else str(raw))
        if key is None:
            complain("choice", v=raw, allowed=", ".join(c.label(lang) for c in f.choices))
        return key
    if kind == Kind.DATE:
        return _date(raw, complain)
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        complain("number", v=raw)
        return None
    if kind == Kind.YEAR:
        if not float(raw).is_integer() or not 1900 <= raw <= 2200:
            complain("year", v=raw)
            return None
        return int(raw)
    if raw < 0:
        complain("negative", v=_show(raw))
        return None
    if kind == Kind.COUNT and not float(raw).is_integer():
        complain("whole", v=_show(raw))
        return None
    if kind == Kind.RATE and raw > 1:
        if raw <= 100:
            complain("percent", v=_show(raw), f=_show(raw / 100))
        else:
            complain("rate", v=_show(raw))
        return None
    return raw


_PLAIN_NUMBER_KINDS = frozenset({Kind.COUNT, Kind.MONEY, Kind.KMONEY, Kind.NUMBER, Kind.RATE, Kind.RATIO, Kind.MONTHS, Kind.YEARS,
                                 Kind.MULTIPLE, Kind.YESNO})


def _show_any(value: object) -> str:
    text = str(value) if not isinstance(value, int) or abs(value) < 10 ** 30 else f"{str(value)[:12]}… ({len(str(value))} digits)"
    return text[:40]


def _cell_index(root: etree._Element, title: str, part: str) -> dict[str, etree._Element]:
    """ref -> <c> of a plan sheet; a cell without a proper address (Excel always writes one) is refused."""
    out = {c.get("r"): c for c in root.iter(_C)}
    if None not in out and _A1_LINES.fullmatch("\0".join(out)):  # every address valid: one match for the whole sheet (XML holds no NUL)
        return out
    out = {}
    for c in root.iter(_C):  # say which cell, the first in the sheet's order
        ref = c.get("r")
        if ref is None or not _A1.match(ref):
            raise WorkbookError(msg("book.bad_address", sheet=title, part=part, ref=repr(ref)))
        out[ref] = c
    return out


_A1 = re.compile(r"^[A-Z]{1,3}[1-9][0-9]{0,6}$")
_A1_LINES = re.compile(r"(?:[A-Z]{1,3}[1-9][0-9]{0,6}\0)*[A-Z]{1,3}[1-9][0-9]{0,6}|")
_C = f"{{{NS['m']}}}c"


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _date(raw: object, complain) -> dt.date | None:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 1 <= raw < 2958466:
        return (EXCEL_EPOCH + dt.timedelta(days=int(raw))).date()
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw.strip()[:10])
        except ValueError:
            pass
    complain("date", v=raw)
    return None
