"""What every rule needs: the computed plan, its language, the tolerance bands, formatting.

Rules read only ``core.compute.Computed`` (the values the workbook's formulas show),
so a finding's numbers are the numbers the user sees in the cells it points at.
Tolerances come from the plan's scalars ``tolerance_ok`` / ``tolerance_warning``
(PLAN_SPEC §2, issue 4: "within 5 % fine, 5–10 % warning, beyond that error, editable").
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import funnel, numbers
from ..core.compute import Computed
from ..core.funnel import DEFAULT_TOLERANCE_OK, DEFAULT_TOLERANCE_WARNING, N1_SOURCES, OBJECTIVE_TABLES  # noqa: F401 (re-exported)
from ..model.findings import CellRef, Finding, Severity
from ..model.metrics import is_number
from ..model.plan_tabs import DEFAULT_SCALARS
from ..model.schema import SCALARS, TABLES


def num(value: object) -> float | None:
    """A number, or None for a blank, a text or a bool."""
    return value if is_number(value) else None


@dataclass(frozen=True)
class Objective:
    """A row of one of the two objective tables, with where it sits."""

    table: str
    index: int
    row: dict

    @property
    def id(self) -> str:
        return str(self.row.get("id") or f"#{self.index + 1}")

    def cell(self, field: str) -> CellRef:
        return CellRef(self.table, self.index, field)


class Ctx:
    """One run of the checks over a computed plan."""

    def __init__(self, computed: Computed):
        self.computed = computed
        self.lang = computed.plan.lang
        self.currency = str(computed.scalars.get("currency") or "EUR")
        self.tol_ok, self.tol_warn = funnel.tolerances(computed.scalars)
        self.memo: dict[object, object] = {}  # values several rules share (rows, the reverse funnel)

    # -- text -------------------------------------------------------------------------
    def t(self, fr: str, en: str) -> str:
        return fr if self.lang == "fr" else en

    def count(self, value: float) -> str:
        return numbers.count(value, self.lang)

    def number(self, value: float, decimals: int = 1) -> str:
        return numbers.number(value, self.lang, decimals)

    def pct(self, value: float, decimals: int = 1, signed: bool = False) -> str:
        return numbers.percent(value, self.lang, decimals, signed)

    def money(self, value: float) -> str:
        return numbers.money(value, self.lang, self.currency)

    def gap(self, units: str, ratio: float) -> str:
        """``+306 (+34,8 %)``: a gap in units and in %."""
        return f"{units} ({self.pct(ratio, signed=True)})"

    def signed_count(self, value: float) -> str:
        return ("+" if round(value) > 0 else "") + self.count(value)

    def signed_money(self, value: float) -> str:
        return ("+" if round(value) > 0 else "") + self.money(value)

    def label(self, table: str, field: str) -> str:
        """The column (or scalar) label the user reads in the workbook."""
        f = SCALARS[field] if table is None else TABLES[table].field(field)
        return f.label(self.lang)

    def row_label(self, table: str, index: int) -> str:
        rows = self.computed.rows.get(table, [])
        first = TABLES[table].fields[0].key
        value = rows[index].get(first) if index < len(rows) else None
        return str(value) if value not in (None, "") else self.t(f"ligne {index + 1}", f"row {index + 1}")

    # -- values -----------------------------------------------------------------------
    def rows(self, table: str) -> list[tuple[int, dict]]:
        """The non-blank data rows of ``table`` with their 0-based index."""
        key = ("rows", table)
        if key not in self.memo:
            self.memo[key] = funnel.data_rows(self.computed, table)
        return self.memo[key]

    def total(self, table: str, field: str) -> float | None:
        return self.computed.total(table, field)

    def scalar(self, key: str) -> float | None:
        return num(self.computed.scalars.get(key))

    def setting(self, key: str) -> float:
        """A check parameter of Paramètres (``tolerance_jump``…), its default when blank or negative."""
        value = self.scalar(key)
        return value if value is not None and value >= 0 else float(DEFAULT_SCALARS[key])

    def band(self, gap: float) -> Severity | None:
        """None within ``tolerance_ok``, WARNING up to ``tolerance_warning``, ERROR beyond."""
        size = abs(gap)
        if size <= self.tol_ok + 1e-12:
            return None
        return Severity.WARNING if size <= self.tol_warn + 1e-12 else Severity.ERROR

    # -- objectives -------------------------------------------------------------------
    def objectives(self, metric: str | None = None) -> list[Objective]:
        out = []
        for table in OBJECTIVE_TABLES:
            for i, row in self.rows(table):
                if metric is None or row.get("metric") == metric:
                    out.append(Objective(table, i, row))
        return out

    def whole_scope(self, metric: str) -> list[Objective]:
        """Objectives on ``metric`` that measure the whole funnel, with a target (``core.funnel.whole_scope``)."""
        key = ("whole_scope", metric)
        if key not in self.memo:
            self.memo[key] = [Objective(t, i, row) for t, i, row in funnel.whole_scope(self.computed, metric)]
        return self.memo[key]

    def objectives_off(self, metric: str, value: float):
        """Each whole-funnel objective on ``metric`` whose target ``value`` misses beyond the band:
        (objective, its target, gap ``value / target − 1``, severity). FUN-007 and XTB-002 compare a plan's figure so."""
        for o in self.whole_scope(metric):
            stated = num(o.row.get("target"))
            if not stated:
                continue
            ratio = value / stated - 1
            severity = self.band(ratio)
            if severity is not None:
                yield o, stated, ratio, severity

    def n1(self, metric: str) -> float | None:
        """The tabs' N-1 figure for an objective metric (None when the tabs have none)."""
        return funnel.n1(self.computed, metric)


def finding(rule_id: str, severity: Severity, message: str, cells, **data) -> Finding:
    return Finding(rule_id, severity, message, tuple(cells), dict(data))


def total_cell(table: str, field: str) -> CellRef:
    return CellRef(table, None, field)


def scalar_cell(key: str) -> CellRef:
    return CellRef(None, None, key)


def objective_value(ctx: Ctx, value: float, unit: object) -> str:
    """An objective's baseline or target, shown in its unit."""
    if unit == "money":
        return ctx.money(value)
    if unit == "percent":
        return ctx.pct(value)
    if unit == "days":
        return ctx.t(f"{ctx.number(value)} jours", f"{ctx.number(value)} days")
    if unit == "count":
        return ctx.count(value)
    return ctx.number(value, 2)
