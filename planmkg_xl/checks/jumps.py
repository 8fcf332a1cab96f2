"""Assumption jumps: an N assumption far from its N-1 value that no objective explains (issue 8).

The reverse funnel rests on the plan's N rates and amounts: the assumption typed,
else the N-1 value (seed slide "Sales performance", green part). An assumption that
moves more than ``tolerance_jump`` (Paramètres, default 25 %) from N-1 changes every
step below it; if no objective carries that move, nobody is in charge of making it
happen. Each rule says which objective would explain it:
- JMP-001 win ratio per offer line: an objective on the win ratio moving the same way;
- JMP-002 average deal per offer line: a price change for that offer in the Stratégie
  sheet's product and price mix (no objective metric measures the average deal);
- JMP-003 qualification rate implied by the Lead generation tab's N targets (qualified
  leads ÷ leads): whole-funnel objectives on both leads and qualified leads;
- JMP-004 qualified lead → opportunity conversion implied by a whole-funnel
  opportunities objective over the qualified-leads target: a conversion objective;
- JMP-005 emailing CTR targeted on the Stratégie sheet: an objective on the click rate;
- JMP-006 assumed landing-page conversion N: an objective on web leads moving the same way.
A blank assumption is the N-1 value: no jump, no finding.
"""
from __future__ import annotations

from ..model.findings import CellRef, Finding, Severity
from ._common import Ctx, finding, num, total_cell
from .crosstab import normal
from .stated import strategy_metric


def _explained(ctx: Ctx, metric: str, up: bool) -> str | None:
    """The id of an objective on ``metric`` that moves the same way (up or down), if any."""
    for o in ctx.objectives(metric):
        base, target = num(o.row.get("baseline")), num(o.row.get("target"))
        if base is not None and target is not None and target != base and (target > base) == up:
            return o.id
    return None


def _jump(ctx: Ctx, assumed: float, prev: float) -> float | None:
    """The relative move, when beyond ``tolerance_jump``; None otherwise."""
    if not prev or assumed is None:
        return None
    move = assumed / prev - 1
    return move if abs(move) > ctx.setting("tolerance_jump") + 1e-12 else None


def _band_text(ctx: Ctx) -> str:
    return ctx.pct(ctx.setting("tolerance_jump"), 0)


def _line_jumps(ctx: Ctx, rule_id: str, field: str, prev_field: str, show, explain) -> list[Finding]:
    out = []
    for i, row in ctx.rows("commercial"):
        assumed, prev = num(row.get(field)), num(row.get(prev_field))
        move = _jump(ctx, assumed, prev)
        if move is None:
            continue
        why = explain(i, row, move > 0)
        if why:
            continue
        line = ctx.row_label("commercial", i)
        label, prev_label = ctx.label("commercial", field), ctx.label("commercial", prev_field)
        out.append(finding(rule_id, Severity.WARNING, ctx.t(
            f"{line} : {label} {show(assumed)} contre {show(prev)} en N-1 ({ctx.pct(move, signed=True)}, au-delà de ±{_band_text(ctx)}) "
            f"sans objectif qui l'explique ; toutes les étapes de l'entonnoir de la ligne en dépendent. Justifiez-le par un objectif ou "
            f"revenez vers le N-1.",
            f"{line}: {label} {show(assumed)} against {show(prev)} in N-1 ({ctx.pct(move, signed=True)}, beyond ±{_band_text(ctx)}) with "
            f"no objective explaining it; every step of the line's funnel depends on it. Back it with an objective or move back towards "
            f"N-1."),
            (CellRef("commercial", i, field), CellRef("commercial", i, prev_field)), line=line, assumed=assumed, previous=prev,
            move=move, n1_label=prev_label))
    return out


def check_win_ratio(ctx: Ctx) -> list[Finding]:
    """JMP-001: an offer line's assumed win ratio N far from N-1 with no win-ratio objective."""
    return _line_jumps(ctx, "JMP-001", "target_win_ratio", "win_ratio", ctx.pct,
                       lambda i, row, up: _explained(ctx, "win_ratio", up))


def check_avg_deal(ctx: Ctx) -> list[Finding]:
    """JMP-002: an offer line's assumed average deal N far from N-1 with no price change planned for it."""
    priced = {normal(r.get("offer")) for _, r in ctx.rows("mix") if str(r.get("price_evolutions") or "").strip()}
    return _line_jumps(ctx, "JMP-002", "target_avg_deal", "avg_deal", ctx.money,
                       lambda i, row, up: normal(row.get("line")) in priced)


def check_qualification(ctx: Ctx) -> list[Finding]:
    """JMP-003: the qualification rate the N lead targets imply, far from N-1, not carried by objectives."""
    leads, qualified = ctx.total("leadgen", "target_leads"), ctx.total("leadgen", "target_qualified_leads")
    prev = ctx.total("leadgen", "qualification_rate")
    if not leads or qualified is None or not prev:
        return []
    implied = qualified / leads
    move = _jump(ctx, implied, prev)
    if move is None or (ctx.whole_scope("leads") and ctx.whole_scope("qualified_leads")):
        return []
    return [finding("JMP-003", Severity.WARNING, ctx.t(
        f"Les objectifs N de l'onglet Lead generation ({ctx.count(qualified)} leads qualifiés pour {ctx.count(leads)} leads) supposent "
        f"un taux de qualification de {ctx.pct(implied)}, contre {ctx.pct(prev)} en N-1 ({ctx.pct(move, signed=True)}, au-delà de "
        f"±{_band_text(ctx)}), sans objectifs de leads et de leads qualifiés qui portent ce changement.",
        f"The Lead generation tab's N targets ({ctx.count(qualified)} qualified leads for {ctx.count(leads)} leads) assume a "
        f"{ctx.pct(implied)} qualification rate, against {ctx.pct(prev)} in N-1 ({ctx.pct(move, signed=True)}, beyond "
        f"±{_band_text(ctx)}), with no leads and qualified-leads objectives carrying that change."),
        (total_cell("leadgen", "target_qualified_leads"), total_cell("leadgen", "target_leads"), total_cell("leadgen", "qualification_rate")),
        implied=implied, previous=prev, move=move)]


def check_conversion(ctx: Ctx) -> list[Finding]:
    """JMP-004: the conversion an opportunities objective over the qualified-leads target implies, with no conversion objective."""
    opportunities = ctx.whole_scope("opportunities")
    qualified, prev = ctx.total("leadgen", "target_qualified_leads"), ctx.total("leadgen", "lead_to_opportunity")
    if not opportunities or not qualified or not prev:
        return []
    o = opportunities[0]
    target = num(o.row.get("target"))
    implied = target / qualified
    move = _jump(ctx, implied, prev)
    if move is None or _explained(ctx, "lead_to_opportunity", move > 0):
        return []
    return [finding("JMP-004", Severity.WARNING, ctx.t(
        f"L'objectif {o.id} ({ctx.count(target)} opportunités) pour {ctx.count(qualified)} leads qualifiés visés suppose une conversion "
        f"de {ctx.pct(implied)}, contre {ctx.pct(prev)} en N-1 ({ctx.pct(move, signed=True)}, au-delà de ±{_band_text(ctx)}), sans "
        f"objectif de conversion qui la porte.",
        f"Objective {o.id} ({ctx.count(target)} opportunities) for {ctx.count(qualified)} target qualified leads assumes a "
        f"{ctx.pct(implied)} conversion, against {ctx.pct(prev)} in N-1 ({ctx.pct(move, signed=True)}, beyond ±{_band_text(ctx)}), "
        f"with no conversion objective carrying it."),
        (o.cell("target"), total_cell("leadgen", "target_qualified_leads"), total_cell("leadgen", "lead_to_opportunity")),
        objective=o.id, implied=implied, previous=prev, move=move)]


def check_ctr(ctx: Ctx) -> list[Finding]:
    """JMP-005: the emailing CTR targeted on the Stratégie sheet, far from the Emailing tab's N-1, with no click-rate objective."""
    stated, prev = strategy_metric(ctx, "email_ctr"), ctx.total("emailing", "click_rate")
    if stated is None or stated.target is None or not prev:
        return []
    move = _jump(ctx, stated.target, prev)
    if move is None or _explained(ctx, "email_ctr", move > 0):
        return []
    return [finding("JMP-005", Severity.WARNING, ctx.t(
        f"CTR emailing visé : {ctx.pct(stated.target)} (onglet Stratégie, métriques lead generation) contre {ctx.pct(prev)} en N-1 "
        f"(onglet Emailing) : {ctx.pct(move, signed=True)}, au-delà de ±{_band_text(ctx)}, sans objectif de taux de clic qui le porte.",
        f"Target emailing CTR: {ctx.pct(stated.target)} (Strategy tab, lead-generation metrics) against {ctx.pct(prev)} in N-1 "
        f"(Emailing tab): {ctx.pct(move, signed=True)}, beyond ±{_band_text(ctx)}, with no click-rate objective carrying it."),
        (stated.cell("target"), total_cell("emailing", "click_rate")), assumed=stated.target, previous=prev, move=move)]


def check_landing_conversion(ctx: Ctx) -> list[Finding]:
    """JMP-006: the assumed landing-page conversion N far from the Web tab's N-1, with no web-leads objective."""
    assumed, prev = ctx.scalar("target_landing_conversion_rate"), ctx.total("web", "landing_conversion_rate")
    move = _jump(ctx, assumed, prev) if assumed is not None else None
    if move is None or _explained(ctx, "web_leads", move > 0):
        return []
    return [finding("JMP-006", Severity.WARNING, ctx.t(
        f"Conversion des landing pages supposée en N : {ctx.pct(assumed)} contre {ctx.pct(prev)} en N-1 (onglet Web) : "
        f"{ctx.pct(move, signed=True)}, au-delà de ±{_band_text(ctx)}, sans objectif de leads web qui la porte.",
        f"Landing-page conversion assumed for N: {ctx.pct(assumed)} against {ctx.pct(prev)} in N-1 (Web tab): "
        f"{ctx.pct(move, signed=True)}, beyond ±{_band_text(ctx)}, with no web-leads objective carrying it."),
        (CellRef(None, None, "target_landing_conversion_rate"), total_cell("web", "landing_conversion_rate")),
        assumed=assumed, previous=prev, move=move)]
