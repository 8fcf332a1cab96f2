"""Hypothesis strategies: random but well-formed plans, for property and oracle tests."""
from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from planmkg_xl.model.fields import Field, Kind
from planmkg_xl.model.plan import Plan
from planmkg_xl.model.schema import SCALARS, TABLES
from planmkg_xl.model.units import row_unit

_TEXT = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=20).filter(str.strip)


def value_for(f: Field):
    """A valid input value for a field, or None (blank)."""
    if f.kind in (Kind.TEXT, Kind.LONGTEXT):
        inner = st.one_of(_TEXT, st.sampled_from(["=1+1", "=SUM(A1:A3)", "+33 1 47", "-moins", "Produit 1"]))
    elif f.kind == Kind.CHOICE:
        inner = st.sampled_from([c.key for c in f.choices])
    elif f.kind == Kind.DATE:
        inner = st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31))
    elif f.kind == Kind.YEAR:
        inner = st.integers(2015, 2035)
    elif f.kind == Kind.COUNT:
        inner = st.one_of(st.just(0), st.integers(0, 5_000))
    elif f.kind == Kind.RATE:
        inner = st.one_of(st.just(0.0), st.just(1.0), st.floats(0, 1, allow_nan=False, allow_infinity=False))
    else:
        inner = st.one_of(st.just(0), st.integers(0, 2_000_000), st.floats(0, 1e7, allow_nan=False, allow_infinity=False))
    return st.one_of(st.none(), inner)


def row_for(table_key: str):
    """A row; on a % row of a mixed-unit table (objectives, KPI, metrics), values are shares (as the readers demand)."""
    table = TABLES[table_key]
    rows = st.fixed_dictionaries({f.key: value_for(f) for f in table.inputs})
    if table.row_unit is None:
        return rows

    def as_shares(row: dict) -> dict:
        probe = {k: v for k, v in row.items() if v is not None}
        if row_unit(table, probe) == "percent":
            for key in table.row_unit.fields:
                if isinstance(row.get(key), (int, float)) and row[key] > 1:
                    row[key] = min(row[key] / 2e6, 1.0)
        return row

    return rows.map(as_shares)


NUMERIC_TABLES = ("commercial", "channels", "leadgen", "web", "emailing", "events", "key_metrics", "budget", "kpis", "customer_segments",
                  "strategic_objectives", "marketing_objectives", "leadgen_targets", "brand_metrics")


@st.composite
def plans(draw, tables=NUMERIC_TABLES, max_rows: int = 6, lang=None):
    """A plan with random rows in the numeric tables and random scalars."""
    lang = lang or draw(st.sampled_from(["fr", "en"]))
    scalars = {k: draw(value_for(f)) for k, f in SCALARS.items() if not f.derived}
    data = {k: draw(st.lists(row_for(k), min_size=0, max_size=max_rows)) for k in tables}
    return Plan(lang, scalars, data)
