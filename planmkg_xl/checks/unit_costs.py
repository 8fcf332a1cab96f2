"""Unit-cost outliers: a line that costs far more (or less) per lead than the plan's own average (issue 8).

Each lead source, event or emailing campaign of year N-1 has a cost per unit (per
qualified lead for the lead sources, per qualified lead or per lead for the events, per
lead for the campaigns); the plan's own weighted figure is the total spend over the total
units. A line beyond ``tolerance_unit_cost`` (Paramètres, default 100 %: more than twice
the average, or less than half of it) is an outlier: a typing mistake, or a line to
reconsider (seed slide "Marketing performance: lead generation": programmes to improve).
- dearer: a warning; for a lead source, an error when the N targets lean on it for
  growth (its share of the qualified-leads target exceeds its N-1 share by more than
  ``tolerance_warning``, relatively): the plan
  buys its growth where leads cost the most;
- cheaper: information (a source to develop, or a cost left out).
Lines without spend or without units are not compared; fewer than three lines with
both make no average worth comparing with.
"""
from __future__ import annotations

from ..model.findings import CellRef, Finding, Severity
from ._common import Ctx, finding, num

MIN_LINES = 3


def _lines(ctx: Ctx, table: str, units: str) -> list[tuple[int, dict, float, float]]:
    out = []
    for i, row in ctx.rows(table):
        spend, count = num(row.get("spend")), num(row.get(units))
        if spend and count and spend > 0 and count > 0:
            out.append((i, row, spend, count))
    return out


def _outliers(ctx: Ctx, lines) -> tuple[float, list[tuple[int, dict, float, float]]] | None:
    """(weighted cost, [(index, row, cost, ratio)]) beyond the band, or None when there is no average to compare with."""
    if len(lines) < MIN_LINES:
        return None
    average = sum(s for _, _, s, _ in lines) / sum(c for _, _, _, c in lines)
    band = 1 + ctx.setting("tolerance_unit_cost")
    out = []
    for i, row, spend, count in lines:
        ratio = spend / count / average
        if ratio > band + 1e-12 or ratio < 1 / band - 1e-12:
            out.append((i, row, spend / count, ratio))
    return average, out


def _words(ctx: Ctx, units: str) -> tuple[str, str]:
    return {"qualified_leads": ("par lead qualifié", "per qualified lead"), "leads": ("par lead", "per lead")}[units]


def check_sources(ctx: Ctx) -> list[Finding]:
    """UCO-001: a lead source whose N-1 cost per qualified lead is far from all sources'; worse when N leans on it."""
    lines = _lines(ctx, "leadgen", "qualified_leads")
    found = _outliers(ctx, lines)
    if found is None:
        return []
    average, outliers = found
    ql_prev, ql_target = ctx.total("leadgen", "qualified_leads"), ctx.total("leadgen", "target_qualified_leads")
    out = []
    for i, row, cost, ratio in outliers:
        name = ctx.row_label("leadgen", i)
        target = num(row.get("target_qualified_leads"))
        share_prev = (num(row.get("qualified_leads")) or 0) / ql_prev if ql_prev else None
        share_n = target / ql_target if target is not None and ql_target else None
        leans = ratio > 1 and bool(share_prev) and share_n is not None and share_n > share_prev * (1 + ctx.tol_warn) + 1e-12
        severity = Severity.WARNING if leans else Severity.INFO
        price, times, mean = ctx.money(cost), ctx.number(ratio, 1), ctx.money(average)
        where = ctx.t(f"{name} coûte {price} par lead qualifié en N-1, {times} × la moyenne des sources ({mean})",
                      f"{name} cost {price} per qualified lead in N-1, {times} × the sources' average ({mean})")
        if leans:
            tail = ctx.t(f" ; or les objectifs N comptent sur elle pour croître : {ctx.pct(share_n)} des leads qualifiés visés contre "
                         f"{ctx.pct(share_prev)} en N-1. Revoyez la répartition des objectifs ou le coût de cette source.",
                         f"; yet the N targets lean on it for growth: {ctx.pct(share_n)} of the target qualified leads against "
                         f"{ctx.pct(share_prev)} in N-1. Revisit the targets' split or this source's cost.")
        elif ratio > 1:
            tail = ctx.t(" : source à revoir (ou dépense mal saisie).", ": a source to reconsider (or a spend typed wrongly).")
        else:
            tail = ctx.t(" : source à développer, ou dépense oubliée.", ": a source to develop, or a spend left out.")
        cells = (CellRef("leadgen", i, "cost_per_qualified_lead"), CellRef("leadgen", None, "cost_per_qualified_lead"))
        if leans:
            cells += (CellRef("leadgen", i, "target_qualified_leads"),)
        out.append(finding("UCO-001", severity, where + tail, cells, source=name, cost=cost, average=average, ratio=ratio,
                           leans=leans))
    return out


def _simple(ctx: Ctx, rule_id: str, table: str, units: str, cost_field: str, kind: tuple[str, str]) -> list[Finding]:
    found = _outliers(ctx, _lines(ctx, table, units))
    if found is None:
        return []
    average, outliers = found
    per_fr, per_en = _words(ctx, units)
    mean = ctx.money(average)  # one average for every line: formatted once (a campaign table may list thousands)
    out = []
    for i, row, cost, ratio in outliers:
        name = ctx.row_label(table, i)
        dear = ratio > 1
        price, times = ctx.money(cost), ctx.number(ratio, 1)
        out.append(finding(rule_id, Severity.INFO, ctx.t(
            f"{kind[0]} « {name} » : {price} {per_fr} en N-1, {times} × la moyenne ({mean})"
            + (" : à revoir, ou dépense mal saisie." if dear else " : à développer, ou dépense oubliée."),
            f"{kind[1]} \"{name}\": {price} {per_en} in N-1, {times} × the average ({mean})"
            + (": to reconsider, or a spend typed wrongly." if dear else ": to develop, or a spend left out.")),
            (CellRef(table, i, cost_field), CellRef(table, None, cost_field)), line=name, cost=cost, average=average, ratio=ratio))
    return out


def check_events(ctx: Ctx) -> list[Finding]:
    """UCO-002: an event whose N-1 cost per lead (per qualified lead when every event has them) is far from all events'."""
    lines = _lines(ctx, "events", "leads")
    with_ql = _lines(ctx, "events", "qualified_leads")
    if len(with_ql) == len(lines) and lines:
        return _simple(ctx, "UCO-002", "events", "qualified_leads", "cost_per_qualified_lead", ("Événement", "Event"))
    return _simple(ctx, "UCO-002", "events", "leads", "cost_per_lead", ("Événement", "Event"))


def check_campaigns(ctx: Ctx) -> list[Finding]:
    """UCO-003: an emailing campaign whose N-1 cost per lead is far from all campaigns'."""
    return _simple(ctx, "UCO-003", "emailing", "leads", "cost_per_lead", ("Campagne", "Campaign"))
