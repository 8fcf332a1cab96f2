"""One source for each number (issue 8): a typed override must agree with the value it replaces.

Every value that another tab holds is a live formula to that tab (``model.restated``);
the user may still type an override (a KPI's N-1, an objective's baseline, the
company's revenue N-1). The override wins in the workbook, so a gap between the two
is a number the plan states twice with two values: a finding naming both cells, by
the plan's tolerance bands. One function serves every entry of ``RESTATED``:
- SRC-001: an objective's typed baseline N-1 vs the tabs' N-1 of its metric (an info when the baseline is
  so far from the total — outside ``core.funnel.WHOLE_RANGE`` — that the objective is a part of the funnel
  the user did not declare with Périmètre = « Une partie »);
- SRC-002: a strategy metric's (lead generation, brand) typed N-1 vs its source metric;
- SRC-003: the company revenue N-1 typed on Budget vs the Commercial tab's total;
- SRC-004: block 2 N-1 of the Budget lines vs the Lead generation tab's N-1 spend;
- KPI-003: a KPI's typed N-1 vs its source metric (the first case, kept under its id).
"""
from __future__ import annotations

import math

from ..core.funnel import WHOLE_RANGE
from ..model.findings import CellRef, Finding, Severity
from ..model.restated import RESTATED, Restated
from ..model.units import field_unit
from ._common import Ctx, finding, num


def _value(ctx: Ctx, value: float, unit: str) -> str:
    if unit == "percent":
        return ctx.pct(value)
    if unit in ("money", "kmoney"):
        return ctx.money(value)
    if unit == "count":
        return ctx.count(value)
    if unit == "days":
        return ctx.t(f"{ctx.count(value)} jours", f"{ctx.count(value)} days")
    return ctx.number(value, 2)


def _gap(ctx: Ctx, typed: float, source: float, cap: Severity) -> tuple[Severity | None, float]:
    if source == 0:
        return (None if typed == 0 else cap), (0.0 if typed == 0 else math.inf)
    gap = typed / source - 1
    band = ctx.band(gap)
    return (None if band is None else min(band, cap)), gap


def _row_findings(ctx: Ctx, entry: Restated, cap: Severity) -> list[Finding]:
    out = []
    table = entry.table
    for i, row in ctx.rows(table):
        typed, source = num(row.get(entry.typed)), num(row.get(entry.source))
        if typed is None or source is None:
            continue
        severity, gap = _gap(ctx, typed, source, cap)
        if severity is None:
            continue
        unit = field_unit(table, entry.used, row)
        name = ctx.row_label(table, i)
        typed_s, source_s = _value(ctx, typed, unit), _value(ctx, source, unit)
        gap_s = ctx.pct(gap, signed=True) if math.isfinite(gap) else "—"
        typed_l, source_l = ctx.label(table, entry.typed), ctx.label(table, entry.source)
        what = entry.what(ctx.lang)
        fix_fr, fix_en = ("Videz la cellule saisie pour reprendre la valeur des onglets, ou corrigez les onglets.",
                          "Clear the typed cell to use the tabs' value, or fix the tabs.")
        if table.endswith("objectives"):
            if not (WHOLE_RANGE[0] <= (typed / source if source else math.inf) <= WHOLE_RANGE[1]):
                # Far from the total (18 cross-sell opportunities of 880): a part of the funnel the user did not declare.
                severity = Severity.INFO
                fix_fr, fix_en = ("L'objectif porte sans doute sur une partie de l'entonnoir : choisissez Périmètre = « Une partie ».",
                                  "The objective probably covers a part of the funnel: set Scope = \"A part\".")
            else:
                fix_fr += " Si l'objectif ne porte que sur une partie de l'entonnoir, choisissez Périmètre = « Une partie »."
                fix_en += " If the objective covers only a part of the funnel, set Scope = \"A part\"."
        out.append(finding(entry.rule, severity, ctx.t(
            f"{what} « {name} » : {typed_l} {typed_s}, {source_l} {source_s} (écart {gap_s}). {fix_fr}",
            f"{what} \"{name}\": {typed_l} {typed_s}, {source_l} {source_s} (gap {gap_s}). {fix_en}"),
            (CellRef(table, i, entry.typed), CellRef(table, i, entry.source)),
            table=table, row=i, typed=typed, source=source, gap=gap if math.isfinite(gap) else None))
    return out


def _scalar_findings(ctx: Ctx, entry: Restated, cap: Severity, source_cell: CellRef) -> list[Finding]:
    stated_key = entry.typed or entry.used
    typed, source = ctx.scalar(stated_key), ctx.scalar(entry.source)
    if typed is None or source is None or (entry.typed is None and (typed == 0 or source == 0)):
        return []  # a block with no N-1 line, or a Lead generation tab not filled: nothing is stated twice
    severity, gap = _gap(ctx, typed, source, cap)
    if severity is None:
        return []
    gap_s = ctx.pct(gap, signed=True) if math.isfinite(gap) else "—"
    typed_l, source_l = ctx.label(None, stated_key), ctx.label(None, entry.source)
    fix_fr = ("Videz la cellule saisie pour reprendre la valeur de l'onglet, ou corrigez l'onglet." if entry.typed
              else "Les lignes du bloc et les sources de leads décrivent les mêmes dépenses : corrigez l'une ou l'autre.")
    fix_en = ("Clear the typed cell to use the tab's value, or fix the tab." if entry.typed
              else "The block's lines and the lead sources describe the same spend: fix one or the other.")
    return [finding(entry.rule, severity, ctx.t(
        f"{entry.what('fr')} : {typed_l} {ctx.money(typed)}, {source_l} {ctx.money(source)} (écart {gap_s}). {fix_fr}",
        f"{entry.what('en')}: {typed_l} {ctx.money(typed)}, {source_l} {ctx.money(source)} (gap {gap_s}). {fix_en}"),
        (CellRef(None, None, stated_key), source_cell), typed=typed, source=source, gap=gap if math.isfinite(gap) else None)]


_SOURCE_CELLS = {  # the tab cell a scalar link reads (the finding names it, not only the link)
    "company_revenue_prev_tabs": CellRef("commercial", None, "revenue"),
    "leadgen_spend_prev_tabs": CellRef("leadgen", None, "spend"),
}


def check(rule_id: str, cap: Severity = Severity.ERROR):
    """The rule that compares every override of ``rule_id``'s entries with its source."""
    entries = tuple(e for e in RESTATED if e.rule == rule_id)

    def run(ctx: Ctx) -> list[Finding]:
        out: list[Finding] = []
        for entry in entries:
            if entry.table is None:
                out += _scalar_findings(ctx, entry, cap, _SOURCE_CELLS.get(entry.source, CellRef(None, None, entry.source)))
            else:
                out += _row_findings(ctx, entry, cap)
        return out

    run.__doc__ = f"{rule_id}: typed overrides agree with their source (model.restated.RESTATED)."
    return run
