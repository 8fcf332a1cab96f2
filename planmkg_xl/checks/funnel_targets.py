"""The funnel's stated targets must agree where the plan states them twice (PLAN_SPEC §2).

The revenue target appears in the Commercial tab (sum of the offer lines' targets), in
the strategic objectives ("+10 % revenue", seed slide 25) and in the Budget tab's
company revenue N (seed slide 51); the lead targets appear in the marketing objectives
("+30 % inbound leads", seed slide 26) and in the Lead generation tab (seed slide 19).
The reverse funnel starts from the Commercial tab and compares its needs with the Lead
generation tab; these rules make sure the other statements say the same.
The cost per qualified lead objective is compared through the budget it implies
(FUN-006), not here, so that one incoherence gives one finding.
"""
from __future__ import annotations

from ..model.findings import Finding
from ._common import Ctx, finding, num, objective_value, scalar_cell, total_cell


def check_revenue_target(ctx: Ctx) -> list[Finding]:
    """FUN-001: Commercial target revenue vs revenue objectives and company revenue N."""
    target = ctx.total("commercial", "target_revenue")
    if not target:
        return []
    out = []
    here = total_cell("commercial", "target_revenue")
    for o in ctx.whole_scope("revenue"):
        stated = num(o.row.get("target"))
        ratio = stated / target - 1
        severity = ctx.band(ratio)
        if severity:
            out.append(finding("FUN-001", severity, ctx.t(
                f"Le C.A. visé diffère : objectif {o.id} {objective_value(ctx, stated, 'money')}, somme des objectifs de l'onglet "
                f"Commercial {ctx.money(target)} ; écart {ctx.gap(ctx.signed_money(stated - target), ratio)}.",
                f"The revenue target differs: objective {o.id} {objective_value(ctx, stated, 'money')}, sum of the Commercial tab's "
                f"targets {ctx.money(target)}; gap {ctx.gap(ctx.signed_money(stated - target), ratio)}."),
                (o.cell("target"), here), source=o.id, stated=stated, commercial=target, gap_pct=ratio))
    company = ctx.scalar("company_revenue")
    if company:
        ratio = company / target - 1
        severity = ctx.band(ratio)
        if severity:
            out.append(finding("FUN-001", severity, ctx.t(
                f"Le C.A. entreprise N de l'onglet Budget ({ctx.money(company)}) diffère de la somme des objectifs de l'onglet "
                f"Commercial ({ctx.money(target)}) : écart {ctx.gap(ctx.signed_money(company - target), ratio)} ; "
                f"le ratio coûts marketing / C.A. en dépend.",
                f"Company revenue N in the Budget tab ({ctx.money(company)}) differs from the sum of the Commercial tab's targets "
                f"({ctx.money(target)}): gap {ctx.gap(ctx.signed_money(company - target), ratio)}; the marketing cost / revenue "
                f"ratio depends on it."),
                (scalar_cell("company_revenue"), here), source="company_revenue", stated=company, commercial=target, gap_pct=ratio))
    return out


_LEAD_TARGETS = {"leads": "target_leads", "qualified_leads": "target_qualified_leads"}


def check_lead_objectives(ctx: Ctx) -> list[Finding]:
    """FUN-007: whole-funnel lead objectives vs the Lead generation tab's targets."""
    out = []
    for metric, field in _LEAD_TARGETS.items():
        planned = ctx.total("leadgen", field)
        if not planned:
            continue
        for o, promised, ratio, severity in ctx.objectives_off(metric, planned):
            label = ctx.label("leadgen", field)
            out.append(finding("FUN-007", severity, ctx.t(
                f"L'objectif {o.id} vise {ctx.count(promised)} {_names(metric)[0]} ; l'onglet Lead generation en prévoit "
                f"{ctx.count(planned)} ({label}) : écart {ctx.gap(ctx.signed_count(planned - promised), ratio)}.",
                f"Objective {o.id} targets {ctx.count(promised)} {_names(metric)[1]}; the Lead generation tab plans "
                f"{ctx.count(planned)} ({label}): gap {ctx.gap(ctx.signed_count(planned - promised), ratio)}."),
                (o.cell("target"), total_cell("leadgen", field)), objective=o.id, metric=metric, objective_target=promised,
                planned=planned, gap_pct=ratio))
    return out


def _names(metric: str) -> tuple[str, str]:
    return {"leads": ("leads entrants", "inbound leads"), "qualified_leads": ("leads qualifiés", "qualified leads")}[metric]
