"""Objectives: contradicting pairs, strategic ↔ marketing links, SMART (PLAN_SPEC §1.8, §2).

Seed slide 24: an objective must be "réaliste, mesurable, cohérent avec les priorités,
délimité dans le temps, important". Realistic is the reverse funnel's job (FUN-*);
here:
- OBJ-001, coherent with each other: three objectives bound by an identity
  (budget = qualified leads × cost per qualified lead; opportunities = qualified
  leads × conversion; deals = opportunities × win ratio) must agree: "−30 % cost per
  qualified lead and +30 % qualified leads on a stable budget imply −23 %, not −30 %"
  (PLAN_SPEC §2). An inbound-leads objective stands for qualified leads when there is
  none (constant qualification rate), as in the seed's own pair (slide 26).
- OBJ-002, coherent with the priorities: every marketing objective cites a strategic
  objective and every strategic objective has at least one marketing objective
  (seed slides 25–26).
- OBJ-003 measurable: a metric, a baseline N-1 and a target N.
- OBJ-004 time-bound: a deadline within year N (scalar ``plan_year``).
"""
from __future__ import annotations

import datetime as dt

from ..model.findings import Finding, Severity
from ..model.schema import TABLES
from ._common import Ctx, Objective, finding, num, scalar_cell

# product = factor × rate: the rate implied by the two others is compared with the rate's objective.
IDENTITIES = (
    ("marketing_budget", "qualified_leads", "cost_per_qualified_lead"),
    ("opportunities", "qualified_leads", "lead_to_opportunity"),
    ("deals", "opportunities", "win_ratio"),
)


def _factor(o: Objective) -> float | None:
    base, target = num(o.row.get("baseline")), num(o.row.get("target"))
    return target / base if base and target is not None else None


def _first(ctx: Ctx, metric: str) -> Objective | None:
    found = [o for o in ctx.whole_scope(metric) if _factor(o) is not None]
    return found[0] if found else None


def _metric_name(ctx: Ctx, metric: str) -> str:
    return TABLES["marketing_objectives"].field("metric").choice_label(metric, ctx.lang).lower()


def check_pairs(ctx: Ctx) -> list[Finding]:
    """OBJ-001: objectives bound by an identity must agree."""
    out = []
    for product, factor, rate in IDENTITIES:
        p, r = _first(ctx, product), _first(ctx, rate)
        f = _first(ctx, factor) or (_first(ctx, "leads") if factor == "qualified_leads" else None)
        if not (p and f and r):
            continue
        implied = _factor(p) / _factor(f) - 1
        stated = _factor(r) - 1
        ratio = (1 + stated) / (1 + implied) - 1
        severity = ctx.band(ratio)
        if severity is None:
            continue
        names = [(o, _metric_name(ctx, o.row["metric"]), ctx.pct(_factor(o) - 1, signed=True)) for o in (p, f, r)]
        listed = ", ".join(f"{o.id} ({name} {change})" for o, name, change in names)
        fr = (f"Objectifs incohérents : {listed}. {names[0][2]} de {names[0][1]} avec {names[1][2]} de {names[1][1]} "
              f"implique {ctx.pct(implied, signed=True)} de {names[2][1]}, pas {names[2][2]}.")
        en = (f"Objectives contradict each other: {listed}. {names[0][2]} {names[0][1]} with {names[1][2]} {names[1][1]} "
              f"implies {ctx.pct(implied, signed=True)} {names[2][1]}, not {names[2][2]}.")
        if f.row.get("metric") == "leads":
            fr += " (Leads entrants pris pour leads qualifiés, à taux de qualification constant.)"
            en += " (Inbound leads taken for qualified leads, at a constant qualification rate.)"
        out.append(finding("OBJ-001", severity, ctx.t(fr, en), (r.cell("target"), p.cell("target"), f.cell("target")),
                           objectives=[p.id, f.id, r.id], implied_change=implied, stated_change=stated, gap_pct=ratio))
    return out


def _strategic_ids(ctx: Ctx) -> dict:
    return {str(o.row.get("id")).strip(): o for o in ctx.objectives() if o.table == "strategic_objectives" and o.row.get("id")}


def check_links(ctx: Ctx) -> list[Finding]:
    """OBJ-002: marketing objectives cite a strategic objective; strategic ones are served (a wrong id is OBJ-005)."""
    strategic = _strategic_ids(ctx)
    served: set[str] = set()
    out = []
    for o in (o for o in ctx.objectives() if o.table == "marketing_objectives"):
        cited = str(o.row.get("strategic_id") or "").strip()
        if cited in strategic:
            served.add(cited)
        elif not cited:
            out.append(finding("OBJ-002", Severity.WARNING, ctx.t(
                f"L'objectif marketing {o.id} ne cite aucun objectif stratégique : à quelle priorité du comité de direction sert-il ?",
                f"Marketing objective {o.id} cites no strategic objective: which executive-committee priority does it serve?"),
                (o.cell("strategic_id"),), objective=o.id))
    for sid, o in strategic.items():
        if sid not in served:
            out.append(finding("OBJ-002", Severity.WARNING, ctx.t(
                f"L'objectif stratégique {sid} (« {o.row.get('statement') or ''} ») n'a aucun objectif marketing qui y contribue.",
                f"Strategic objective {sid} (\"{o.row.get('statement') or ''}\") has no marketing objective serving it."),
                (o.cell("id"),), objective=sid))
    return out


def check_link_targets(ctx: Ctx) -> list[Finding]:
    """OBJ-005: a marketing objective cites a strategic objective id that does not exist."""
    strategic = _strategic_ids(ctx)
    out = []
    for o in (o for o in ctx.objectives() if o.table == "marketing_objectives"):
        cited = str(o.row.get("strategic_id") or "").strip()
        if cited and cited not in strategic:
            out.append(finding("OBJ-005", Severity.ERROR, ctx.t(
                f"L'objectif marketing {o.id} cite l'objectif stratégique « {cited} », qui n'existe pas "
                f"(existants : {', '.join(strategic) or 'aucun'}).",
                f"Marketing objective {o.id} cites strategic objective \"{cited}\", which does not exist "
                f"(existing: {', '.join(strategic) or 'none'})."),
                (o.cell("strategic_id"),), objective=o.id, cited=cited))
    return out


_MEASURABLE = ("metric", "baseline", "target")


def check_measurable(ctx: Ctx) -> list[Finding]:
    """OBJ-003: each objective has a metric, a baseline N-1 and a target N."""
    out = []
    for o in ctx.objectives():
        missing = [k for k in _MEASURABLE if o.row.get(k) in (None, "")]
        if not missing:
            continue
        missing = ["baseline_typed" if k == "baseline" else k for k in missing]  # point at the cell to type in
        labels = ", ".join(ctx.label(o.table, k) for k in missing)
        out.append(finding("OBJ-003", Severity.WARNING, ctx.t(
            f"Objectif {o.id} non mesurable : il manque {labels}.", f"Objective {o.id} is not measurable: missing {labels}."),
            tuple(o.cell(k) for k in missing), objective=o.id, missing=missing))
    return out


def check_time_bound(ctx: Ctx) -> list[Finding]:
    """OBJ-004: each objective has a deadline within year N."""
    year = ctx.scalar("plan_year")
    out = []
    for o in ctx.objectives():
        deadline = o.row.get("deadline")
        if isinstance(deadline, dt.datetime):
            deadline = deadline.date()
        if not isinstance(deadline, dt.date):
            text = ctx.t(f"Objectif {o.id} sans échéance : fixez une date dans l'année N.",
                         f"Objective {o.id} has no deadline: set a date within year N.")
            if deadline not in (None, ""):
                text = ctx.t(f"Objectif {o.id} : l'échéance « {deadline} » n'est pas une date.",
                             f"Objective {o.id}: deadline \"{deadline}\" is not a date.")
            out.append(finding("OBJ-004", Severity.WARNING, text, (o.cell("deadline"),), objective=o.id))
        elif year and deadline.year != int(year):
            out.append(finding("OBJ-004", Severity.WARNING, ctx.t(
                f"Objectif {o.id} : échéance {deadline.strftime('%d/%m/%Y')} hors de l'année du plan ({int(year)}).",
                f"Objective {o.id}: deadline {deadline.isoformat()} is outside the plan year ({int(year)})."),
                (o.cell("deadline"), scalar_cell("plan_year")), objective=o.id, deadline=deadline.isoformat(), plan_year=int(year)))
    return out

