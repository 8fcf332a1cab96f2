"""The reverse funnel's findings FUN-002…FUN-006 (PLAN_SPEC §2, first bullet; seed slides 17, 19 and 24).

The funnel itself — its steps, its rates, what the plan states at each step — is
``core.funnel`` (defined once, also drawn by the deck's lead-generation slide); here
each step's need is compared with what the plan states, and the gap is worded with
where every figure comes from (a cell the finding links to).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import funnel as core
from ..model.findings import CellRef, Finding
from ._common import Ctx, finding, total_cell


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


STEP_NAMES = {
    "deals": ("ventes", "deals"),
    "opportunities": ("opportunités", "opportunities"),
    "qualified_leads": ("leads qualifiés", "qualified leads"),
    "leads": ("leads entrants", "inbound leads"),
    "budget": ("de budget de lead generation", "of lead-generation budget"),
}

_COMMERCIAL_SOURCES = {
    "target_revenue": ("onglet Commercial, C.A. visé", "Commercial tab, revenue target"),
    "eff_avg_deal": ("C.A. moyen retenu, onglet Commercial", "average deal used, Commercial tab"),
    "eff_win_ratio": ("win ratio retenu, onglet Commercial", "win ratio used, Commercial tab"),
}
_TAB_TARGETS = ("target_qualified_leads", "target_leads", "budget")


def source(ctx: Ctx, figure: core.Figure) -> Source:
    """How a message names a figure of the funnel: its objective, its tab and column."""
    cell = figure.cell
    if figure.objective:
        return Source(f"objectif {figure.objective}", f"objective {figure.objective}", cell)
    if cell.table == "commercial" and cell.field in _COMMERCIAL_SOURCES:
        return Source(*_COMMERCIAL_SOURCES[cell.field], cell)
    if cell.table == "leadgen" and cell.field in _TAB_TARGETS:
        label = ctx.label("leadgen", cell.field)
        return Source(f"onglet Lead generation, {label}", f"Lead generation tab, {label}", cell)
    return Source("N-1, onglet Lead generation", "N-1, Lead generation tab", cell)


def _need_source(ctx: Ctx, step: core.FunnelStep, revenue: float) -> Source:
    """How a message names the need of the step above: chained from the revenue target."""
    return Source(f"nécessaires au C.A. visé de {ctx.money(revenue)}", f"needed for the {ctx.money(revenue)} revenue target",
                  step.required_cell)


def reverse_funnel(ctx: Ctx) -> list[Step]:
    """The total reverse funnel, step by step, with its sources; empty when there is no revenue target."""
    if "funnel" not in ctx.memo:
        ctx.memo["funnel"] = _reverse_funnel(ctx)
    return ctx.memo["funnel"]


def _reverse_funnel(ctx: Ctx) -> list[Step]:
    steps = core.plan_funnel(ctx.computed)
    if not steps:
        return []
    revenue = core.Figure(steps[0].above, total_cell("commercial", "target_revenue"))

    def above_source(step: core.FunnelStep) -> Source:
        above = step.above_step
        return source(ctx, revenue) if above is None else _need_source(ctx, above, revenue.value)

    return [Step(s.key, s.required, s.rate.value, source(ctx, s.rate), s.stated.value if s.stated else None,
                 source(ctx, s.stated) if s.stated else None, s.above, above_source(s)) for s in steps]


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


_ORDER = core.STEPS
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
    check.__doc__ = f"Reverse-funnel step '{key}': need vs what the plan states (see core.funnel)."
    return check


check_deals = _step_rule("deals", "FUN-002")
check_opportunities = _step_rule("opportunities", "FUN-003")
check_qualified_leads = _step_rule("qualified_leads", "FUN-004")
check_leads = _step_rule("leads", "FUN-005")
check_budget = _step_rule("budget", "FUN-006")
