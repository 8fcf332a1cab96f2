"""Every value cell's unit, from the declarations: one answer for formats, validation, reading and the deck.

A column has one unit when its kind says it (a count of leads, an amount in €, a
rate); tables whose rows measure different things (objectives, KPIs, the strategy
metric tables) declare a ``RowUnit``: the row's unit column, else the unit of the
metric the row names. The workbook formats and validates those cells row by row, the
readers refuse 53 typed for 53 % in a % row, and the deck formats a KPI row as its
unit says — all by asking this module.

Unit keys: ``percent``, ``money`` (the plan's currency), ``kmoney`` (thousands),
``count``, ``days``, ``months``, ``years``, ``number``, ``multiple``, ``year``,
``date``, ``text``.
"""
from __future__ import annotations

from typing import Mapping

from .fields import Field, Kind, Table
from .plan_tabs import METRIC_UNITS
from .schema import SCALARS, TABLES

UNIT_OF_KIND = {
    Kind.COUNT: "count", Kind.MONEY: "money", Kind.KMONEY: "kmoney", Kind.NUMBER: "number", Kind.RATE: "percent",
    Kind.RATIO: "percent", Kind.MONTHS: "months", Kind.YEARS: "years", Kind.MULTIPLE: "multiple", Kind.DATE: "date",
    Kind.YEAR: "year", Kind.TEXT: "text", Kind.LONGTEXT: "text", Kind.CHOICE: "text",
}

# The kind whose number format shows a row unit (the workbook's formats are by kind).
KIND_OF_UNIT = {"percent": Kind.RATE, "money": Kind.MONEY, "count": Kind.COUNT, "days": Kind.COUNT, "months": Kind.MONTHS,
                "other": Kind.NUMBER}


def row_unit(table: Table, row: Mapping[str, object]) -> str | None:
    """The unit of a row of a mixed-unit table: its unit column, else its metric's unit, else None."""
    spec = table.row_unit
    if spec is None:
        return None
    unit = row.get(spec.unit)
    if isinstance(unit, str) and unit:
        return unit
    if spec.metric is not None:
        return METRIC_UNITS.get(row.get(spec.metric))  # type: ignore[arg-type]
    return None


def follows_row(table: Table, field: str) -> bool:
    """True when ``field``'s unit is the row's (a value column of a mixed-unit table)."""
    return table.row_unit is not None and field in table.row_unit.fields


def field_unit(table: str | None, field: str, row: Mapping[str, object] | None = None) -> str:
    """The unit of a cell: ``field_unit("kpis", "target", row)``; ``table=None`` for a named scalar.

    Columns that follow the row need the row (its values, choice keys as in a plan);
    without one, or when the row states no unit, they are plain numbers (``"number"``).
    """
    if table is None:
        return UNIT_OF_KIND[SCALARS[field].kind]
    t = TABLES[table]
    if follows_row(t, field):
        return (row_unit(t, row) if row is not None else None) or "number"
    return UNIT_OF_KIND[t.field(field).kind]


def display_kind(table: Table | None, f: Field, row: Mapping[str, object] | None = None) -> Kind:
    """The kind whose format shows the cell (a row unit's kind for mixed-unit columns)."""
    if table is not None and follows_row(table, f.key):
        unit = row_unit(table, row) if row is not None else None
        return KIND_OF_UNIT.get(unit or "other", Kind.NUMBER)
    return f.kind


def is_percent(table: Table | None, f: Field, row: Mapping[str, object] | None = None) -> bool:
    """True for a cell that holds a share typed as 0.45 for 45 % (a rate column, or a % row)."""
    if table is not None and follows_row(table, f.key):
        return row is not None and row_unit(table, row) == "percent"
    return f.kind == Kind.RATE


def unit_labels(table: Table, unit: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(unit labels, metric labels) that make a row of ``table`` be in ``unit`` (see ``percent_unit_labels``)."""
    spec = table.row_unit
    units = tuple(c.label(lang) for c in table.field(spec.unit).choices if c.key == unit)
    metrics: tuple[str, ...] = ()
    if spec.metric is not None:
        metrics = tuple(c.label(lang) for c in table.field(spec.metric).choices if METRIC_UNITS.get(c.key) == unit)
    return units, metrics
