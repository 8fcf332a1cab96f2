"""The Python side of every derived metric: a plan's derived rows, totals and scalars.

Each value is computed from the same ``Expr`` that wrote the workbook's formula, with
the same blank semantics (see ``model.metrics``), so checks, JSON and the deck see
exactly what Excel shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model.metrics import is_number
from ..model.plan import Plan, is_blank_row
from ..model.schema import SCALARS, TABLES
from ..model.units import field_unit
from .layout import total_expr


@dataclass
class Computed:
    """A plan with its derived values: rows (inputs + derived), total rows, all scalars."""

    plan: Plan
    rows: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    totals: dict[str, dict[str, object]] = field(default_factory=dict)
    scalars: dict[str, object] = field(default_factory=dict)

    def compact(self, compact_plan: Plan) -> Computed:
        """The same values for ``compact_plan`` (this plan without its blank rows).

        Blank rows add nothing to sums, so totals and scalars are unchanged; only rows go.
        """
        rows = {k: [r for r, raw in zip(self.rows[k], self.plan.rows(k)) if not is_blank_row(raw)] for k in self.rows}
        return Computed(compact_plan, rows, self.totals, self.scalars)

    def unit(self, table: str | None, key: str, index: int | None = None) -> str:
        """The unit of a cell (``model.units``): ``"percent"``, ``"money"``, ``"count"``… per row in mixed-unit tables.

        ``computed.unit("kpis", "target", 2)``: the KPI of row 2's unit; ``unit(None, "envelope")``: a scalar's.
        """
        row = self.rows.get(table, [])[index] if table is not None and index is not None and index < len(self.rows.get(table, [])) else None
        return field_unit(table, key, row)

    def total(self, table: str, key: str) -> float | None:
        value = self.totals.get(table, {}).get(key)
        return value if is_number(value) else None


_FIELDS = {k: {f.key: f for f in t.fields} for k, t in TABLES.items()}
_DERIVED = {k: {f.key: f.derived for f in t.fields} for k, t in TABLES.items()}  # asked once per reference, per row


class _Context:
    """Resolves names for one row (``row`` given), the total row, or the scalars."""

    def __init__(self, plan: Plan, table_key: str | None, row: dict | None, computed: Computed, total: bool = False):
        self.plan, self.table_key, self.row, self.computed, self.total = plan, table_key, row, computed, total
        self.memo: dict[str, object] = {}
        self.fields = _FIELDS[table_key] if table_key else {}
        self.derived = _DERIVED[table_key] if table_key else {}

    def _table(self):
        return TABLES[self.table_key] if self.table_key else None

    def is_derived(self, key: str) -> bool:
        derived = self.derived.get(key)
        if derived is not None:
            return self.total or derived
        return SCALARS[key].derived

    def value(self, key: str) -> object:
        # Field and scalar keys hold no ":", so the memo (which never holds a "label:" or "total:" key)
        # answers first: a large plan asks for a row's values several times each.
        memo = self.memo
        if key in memo:
            return memo[key]
        if key.startswith("label:"):
            return key.split(":")[2]  # plans store choice keys, and compare with keys
        if key.startswith("total:"):  # another table's total: "total:leadgen.leads"
            table_key, field_key = key[len("total:"):].split(".", 1)
            if table_key not in self.computed.totals:
                derive_table(self.plan, table_key, self.computed)
            return self.computed.totals.get(table_key, {}).get(field_key)
        if key in self.fields:
            value = self._field_value(key)
        else:
            value = self.computed_scalar(key)
        memo[key] = value
        return value

    def _field_value(self, key):
        if self.total:
            expr = total_expr(self._table(), key)
            return None if expr is None else expr.evaluate(self)
        if self.derived[key]:
            return self.fields[key].formula.evaluate(self)
        return self.row.get(key)

    def computed_scalar(self, key: str) -> object:
        f = SCALARS[key]
        if not f.derived:
            return self.plan.scalars.get(key)
        if key not in self.computed.scalars:
            self.computed.scalars[key] = f.formula.evaluate(_Context(self.plan, None, None, self.computed))
        return self.computed.scalars[key]

    def values(self, key: str):
        table_key, field_key = key.split(".", 1) if "." in key else (self.table_key, key)
        if table_key not in self.computed.rows:
            derive_table(self.plan, table_key, self.computed)
        return [r.get(field_key) for r in self.computed.rows[table_key]]

    def cell(self, key: str) -> str:  # pragma: no cover - compile-time only
        raise TypeError("no cells in Python evaluation")

    column = cell


def derive_table(plan: Plan, key: str, computed: Computed) -> None:
    table = TABLES[key]
    rows = []
    computed.rows[key] = rows  # visible to Sum() over this table's own columns while deriving
    source = plan.rows(key)
    # Inputs first, so that column sums used by row formulas (a segment's share) see every row.
    rows.extend(dict(r) for r in source)
    for out, raw in zip(rows, source):
        ctx = _Context(plan, key, raw, computed)
        for f in table.derived:
            out[f.key] = ctx.value(f.key)
    if table.totals:
        ctx = _Context(plan, key, None, computed, total=True)
        computed.totals[key] = {f.key: ctx.value(f.key) for f in table.fields if total_expr(table, f.key) is not None}


def compute(plan: Plan) -> Computed:
    """Every derived value of the plan."""
    computed = Computed(plan)
    for key in TABLES:
        if key not in computed.rows:
            derive_table(plan, key, computed)
    ctx = _Context(plan, None, None, computed)
    for key, f in SCALARS.items():
        computed.scalars[key] = ctx.computed_scalar(key) if f.derived else plan.scalars.get(key)
    return computed
