"""The reverse funnel (PLAN_SPEC §2, first bullet; seed slides 17, 19 and 24).

revenue target → deals (÷ average deal) → opportunities (÷ win ratio) → qualified
leads (÷ qualified lead → opportunity rate) → leads (÷ qualification rate) →
lead-generation budget (× cost per qualified lead).

Each step's need is compared with what the plan states at that step: the marketing
objectives that measure the whole funnel (see ``Ctx.whole_scope``) for deals and
opportunities, the Lead generation tab's targets for qualified leads, leads and
budget. Where the plan states a step, the next step starts from the stated figure, so
each finding isolates one incoherence instead of repeating the one above it.

Rates for year N: the Commercial tab's "used" win ratio and average deal (assumption
typed, else N-1); the conversion and cost per qualified lead of a whole-funnel
marketing objective when there is one (M3 "+30 % conversion", M1 "−30 % cost per
qualified lead"), else the Lead generation tab's N-1 totals; the qualification rate
of N-1 (the plan has no target for it: an implied improvement shows as a gap).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model.findings import CellRef, Finding
from ._common import Ctx, finding, num, total_cell


@dataclass(frozen=True)
class Source:
    """Where a figure of the funnel comes from: text for the message, cell for the link."""

    text_fr: str
    text_en: str
    cell: CellRef

    def text(self, ctx: Ctx) -> str:
        return ctx.t(self.text_fr, self.text_en)


@dataclass(frozen=True)
class Step:
    """One step of the reverse funnel: what the step above needs, what the plan states."""

    key: str
    required: float
    rate: float | None
    rate_source: Source | None
    stated: float | None
    stated_source: Source | None
    above: float
    above_source: Source

    @property
    def anchor(self) -> float:
        """The figure the next step starts from: the stated one when the plan states it."""
        return self.stated if self.stated else self.required


STEP_NAMES = {
    "deals": ("ventes", "deals"),
    "opportunities": ("opportunités", "opportunities"),
    "qualified_leads": ("leads qualifiés", "qualified leads"),
    "leads": ("leads entrants", "inbound leads"),
    "budget": ("de budget de lead generation", "of lead-generation budget"),
}


def _objective(ctx: Ctx, metric: str) -> tuple[float, Source] | None:
    for o in ctx.whole_scope(metric):
        target = num(o.row.get("target"))
        if target:
            return target, Source(f"objectif {o.id}", f"objective {o.id}", o.cell("target"))
    return None


def _tab_rate(ctx: Ctx, field: str) -> tuple[float, Source] | None:
    value = ctx.total("leadgen", field)
    if not value:
        return None
    return value, Source("N-1, onglet Lead generation", "N-1, Lead generation tab", total_cell("leadgen", field))


def reverse_funnel(ctx: Ctx) -> list[Step]:
    """The total reverse funnel, step by step; empty when there is no revenue target."""
    if "funnel" not in ctx.memo:
        ctx.memo["funnel"] = _reverse_funnel(ctx)
    return ctx.memo["funnel"]


def _reverse_funnel(ctx: Ctx) -> list[Step]:
    revenue = ctx.total("commercial", "target_revenue")
    deals = ctx.total("commercial", "required_deals")
    if not revenue or not deals:
        return []
    steps: list[Step] = []
    state = {"above": revenue, "src": Source("onglet Commercial, C.A. visé", "Commercial tab, revenue target",
                                             total_cell("commercial", "target_revenue"))}

    def add(key: str, required: float, rate: tuple[float, Source], stated: tuple[float, Source] | None, required_src: Source) -> Step:
        value, source = stated or (None, None)
        step = Step(key, required, rate[0], rate[1], value, source, state["above"], state["src"])
        steps.append(step)
        state["above"], state["src"] = (value, source) if value else (required, required_src)
        return step

    avg = (revenue / deals, Source("C.A. moyen retenu, onglet Commercial", "average deal used, Commercial tab",
                                   total_cell("commercial", "eff_avg_deal")))
    add("deals", deals, avg, _objective(ctx, "deals"),
        Source(f"nécessaires au C.A. visé de {ctx.money(revenue)}", f"needed for the {ctx.money(revenue)} revenue target",
               total_cell("commercial", "required_deals")))
    win = ctx.total("commercial", "eff_win_ratio")
    if not win:
        return steps
    win_rate = (win, Source("win ratio retenu, onglet Commercial", "win ratio used, Commercial tab", total_cell("commercial", "eff_win_ratio")))
    add("opportunities", state["above"] / win, win_rate, _objective(ctx, "opportunities"),
        Source(f"nécessaires au C.A. visé de {ctx.money(revenue)}", f"needed for the {ctx.money(revenue)} revenue target",
               total_cell("commercial", "required_opportunities")))
    l2o = _objective(ctx, "lead_to_opportunity") or _tab_rate(ctx, "lead_to_opportunity")
    if l2o is None:
        return steps
    add("qualified_leads", state["above"] / l2o[0], l2o, _tab_target(ctx, "target_qualified_leads"),
        Source("leads qualifiés nécessaires", "qualified leads required", l2o[1].cell))
    ql, ql_src = state["above"], state["src"]
    qual = _tab_rate(ctx, "qualification_rate")
    if qual is not None:
        add("leads", ql / qual[0], qual, _tab_target(ctx, "target_leads"), Source("", "", qual[1].cell))
    cpql = _objective(ctx, "cost_per_qualified_lead") or _tab_rate(ctx, "cost_per_qualified_lead")
    if cpql is not None:
        state["above"], state["src"] = ql, ql_src
        add("budget", ql * cpql[0], cpql, _tab_target(ctx, "budget"), Source("", "", cpql[1].cell))
    return steps


def _tab_target(ctx: Ctx, field: str) -> tuple[float, Source] | None:
    value = ctx.total("leadgen", field)
    if not value:
        return None
    label = ctx.label("leadgen", field)
    return value, Source(f"onglet Lead generation, {label}", f"Lead generation tab, {label}", total_cell("leadgen", field))


def _rate_text(ctx: Ctx, step: Step) -> str:
    if step.key == "deals":
        return ctx.t(f"à {ctx.money(step.rate)} par vente", f"at {ctx.money(step.rate)} per deal")
    if step.key == "opportunities":
        return ctx.t(f"à un win ratio de {ctx.pct(step.rate)}", f"at a {ctx.pct(step.rate)} win ratio")
    if step.key == "qualified_leads":
        return ctx.t(f"à {ctx.pct(step.rate)} de conversion lead qualifié → opportunité",
                     f"at {ctx.pct(step.rate)} qualified lead → opportunity conversion")
    if step.key == "leads":
        return ctx.t(f"à {ctx.pct(step.rate)} de taux de qualification", f"at a {ctx.pct(step.rate)} qualification rate")
    return ctx.t(f"à {ctx.money(step.rate)} par lead qualifié", f"at {ctx.money(step.rate)} per qualified lead")


def _amount(ctx: Ctx, key: str, value: float) -> str:
    return ctx.money(value) if key in ("budget", "revenue") else ctx.count(value)


def _above_key(steps_keys: tuple[str, ...], key: str) -> str:
    if key == "budget":
        return "qualified_leads"
    i = steps_keys.index(key)
    return "revenue" if i == 0 else steps_keys[i - 1]


_ORDER = ("deals", "opportunities", "qualified_leads", "leads", "budget")
_ABOVE_NAMES = {"revenue": ("de C.A.", "of revenue"), **STEP_NAMES, "budget": ("de budget", "of budget")}


def step_finding(ctx: Ctx, rule_id: str, step: Step) -> Finding | None:
    """Compare one step's need with what the plan states; None when coherent or unstated."""
    if not step.stated or not step.required:
        return None
    ratio = step.stated / step.required - 1
    severity = ctx.band(ratio)
    if severity is None:
        return None
    fr_name, en_name = STEP_NAMES[step.key]
    above_key = _above_key(_ORDER, step.key)
    afr, aen = _ABOVE_NAMES[above_key]
    above = _amount(ctx, above_key, step.above)
    units = step.stated - step.required
    gap_units = ctx.signed_money(units) if step.key == "budget" else ctx.signed_count(units)
    message = ctx.t(
        f"Entonnoir inversé : pour {above} {afr} ({step.above_source.text(ctx)}), {_rate_text(ctx, step)} "
        f"({step.rate_source.text(ctx)}), il faut {_amount(ctx, step.key, step.required)} {fr_name} ; "
        f"prévu : {_amount(ctx, step.key, step.stated)} ({step.stated_source.text(ctx)}), écart {ctx.gap(gap_units, ratio)}.",
        f"Reverse funnel: for {above} {aen} ({step.above_source.text(ctx)}), {_rate_text(ctx, step)} "
        f"({step.rate_source.text(ctx)}), the funnel needs {_amount(ctx, step.key, step.required)} {en_name}; "
        f"planned: {_amount(ctx, step.key, step.stated)} ({step.stated_source.text(ctx)}), gap {ctx.gap(gap_units, ratio)}.",
    )
    if step.key == "budget":
        implied = step.stated / step.above
        message += " " + ctx.t(
            f"Ce budget correspond à {ctx.money(implied)} par lead qualifié.",
            f"That budget means {ctx.money(implied)} per qualified lead.")
    cells = (step.stated_source.cell, step.rate_source.cell, step.above_source.cell)
    return finding(rule_id, severity, message, dict.fromkeys(cells), step=step.key, required=step.required, stated=step.stated,
                   gap_units=units, gap_pct=ratio, rate=step.rate, above=step.above)


def _step_rule(key: str, rule_id: str):
    def check(ctx: Ctx) -> list[Finding]:
        for step in reverse_funnel(ctx):
            if step.key == key:
                found = step_finding(ctx, rule_id, step)
                return [found] if found else []
        return []

    check.__name__ = f"check_{key}"
    check.__doc__ = f"Reverse-funnel step '{key}': need vs what the plan states (see module docstring)."
    return check


check_deals = _step_rule("deals", "FUN-002")
check_opportunities = _step_rule("opportunities", "FUN-003")
check_qualified_leads = _step_rule("qualified_leads", "FUN-004")
check_leads = _step_rule("leads", "FUN-005")
check_budget = _step_rule("budget", "FUN-006")
