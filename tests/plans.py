"""Small plans for the checks' tests.

- ``make_plan``: the demo plan with overrides (scalars, whole tables, single cells).
- ``coherent_plan``: a plan built BACKWARDS from its targets with the reverse funnel
  (PLAN_SPEC §2): every stated figure is exactly what the funnel needs, every
  duplicated figure agrees, so no rule has anything to say. Tests perturb one input
  and watch which rules fire.
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from planmkg_xl.checks import run_checks
from planmkg_xl.core.compute import compute
from planmkg_xl.demo import demo_plan
from planmkg_xl.model.plan import Plan


def make_plan(lang: str = "fr", scalars: dict | None = None, tables: dict | None = None, cells: dict | None = None) -> Plan:
    """The demo plan; ``scalars`` updated, ``tables`` replaced, ``cells`` {(table, row): {field: value}} edited."""
    plan = demo_plan(lang)
    plan.scalars.update(scalars or {})
    for key, rows in (tables or {}).items():
        plan.tables[key] = copy.deepcopy(rows)
    for (table, row), values in (cells or {}).items():
        plan.tables[table][row].update(values)
    return plan


def findings(plan: Plan, rule_id: str | None = None):
    found = run_checks(compute(plan))
    return [f for f in found if rule_id is None or f.rule_id == rule_id]


def fired(plan: Plan) -> set[str]:
    return {f.rule_id for f in run_checks(compute(plan))}


@dataclass(frozen=True)
class Funnel:
    """The parameters a coherent plan is built backwards from."""

    lines: tuple[tuple[int, int, float], ...] = ((45, 20, 7_600.0), (210, 62, 100_000.0), (160, 68, 50_000.0))  # opps, deals, avg deal
    growth: float = 0.14  # opportunity growth every line's revenue target needs
    sources: tuple[tuple[int, int, float, int], ...] = ((400, 120, 40_000.0, 70), (500, 160, 140_000.0, 150), (300, 90, 40_000.0, 60))
    cpql_change: float = -0.10  # the cost-per-qualified-lead objective
    objectives: bool = True
    plan_year: int = 2026
    line_growths: tuple[float, ...] = ()  # per-line growth instead of ``growth`` (FUN-008 may then remark on the mix)
    web_growth: float = 0.2  # growth of web traffic, emailing contacts and event attendees

    def growth_of(self, i: int) -> float:
        return self.line_growths[i] if i < len(self.line_growths) else self.growth


def coherent_plan(f: Funnel = Funnel(), lang: str = "fr") -> Plan:
    """A plan whose every target is what the reverse funnel needs (see module docstring)."""
    p = Plan(lang=lang)
    end = dt.date(f.plan_year, 12, 31)
    commercial, revenue, target = [], 0.0, 0.0
    for i, (opps, deals, avg) in enumerate(f.lines):
        rev = deals * avg
        tgt = deals * (1 + f.growth_of(i)) * avg  # = opportunities × (1 + growth) × win ratio × average deal
        commercial.append({"line": f"Ligne {i + 1}", "kind": "product", "opportunities": opps, "deals": deals,
                           "customers": max(1, round(deals * 0.7)), "revenue": rev, "revenue_prev": rev / 1.05, "target_revenue": tgt})
        revenue, target = revenue + rev, target + tgt
    p.tables["commercial"] = commercial
    opps_total = sum(o for o, _, _ in f.lines)
    deals_total = sum(d for _, d, _ in f.lines)
    customers = sum(r["customers"] for r in commercial)
    required_opps = sum(o * (1 + f.growth_of(i)) for i, (o, _, _) in enumerate(f.lines))
    required_deals = sum(d * (1 + f.growth_of(i)) for i, (_, d, _) in enumerate(f.lines))

    leads = sum(s[0] for s in f.sources)
    ql = sum(s[1] for s in f.sources)
    spend = sum(s[2] for s in f.sources)
    lg_opps = sum(s[3] for s in f.sources)
    l2o, qual, cpql = lg_opps / ql, ql / leads, spend / ql
    cpql_n = cpql * (1 + f.cpql_change) if f.objectives else cpql
    ql_target = required_opps / l2o
    leads_target = ql_target / qual
    budget = ql_target * cpql_n
    p.tables["leadgen"] = [
        {"source": f"Source {i + 1}", "leads": le, "qualified_leads": q, "spend": sp, "opportunities": op,
         "target_leads": leads_target * q / ql, "target_qualified_leads": ql_target * q / ql, "budget": budget * q / ql}
        for i, (le, q, sp, op) in enumerate(f.sources)]

    p.tables["channels"] = [{"line": r["line"], "direct_key_accounts": r["revenue"]} for r in commercial]
    p.tables["key_metrics"] = [{"product_line": "Tout", "new_customers": 10, "customers": customers, "revenue": revenue,
                                "revenue_existing": revenue * 0.8, "revenue_new": revenue * 0.2, "churn_rate": 0.1, "gross_margin": 0.5}]
    p.tables["customer_segments"] = [{"segment": "Fidèles", "count": customers}]
    p.tables["channel_plan"] = [{"group": "web1", "channel": "Site web", "expected_leads": leads_target}]

    others = budget * 2 / 3  # lead generation is 60 % of the programmes
    programmes = budget + others
    p.tables["budget"] = [
        {"block": "customers", "line": "Clients", "spend_prev": others / 2, "budget": others / 2},
        {"block": "leadgen", "line": "Lead generation", "spend_prev": spend, "budget": budget},
        {"block": "resources", "line": "Ressources", "spend_prev": others / 2, "budget": others / 2},
    ]
    salaries = programmes / 3  # programmes are 75 % of the marketing cost
    ratio = (programmes + salaries) / target
    p.tables["benchmarks"] = [
        {"key": "marketing_to_revenue_b2b_product", "label": "Moyenne", "value": ratio, "source": "test", "date": "2026"},
        {"key": "marketing_to_revenue_small_max", "label": "Plafond", "value": min(1.0, max(0.25, 2 * programmes / target)),
         "source": "test", "date": "2026"},
    ]
    p.scalars.update({"plan_year": f.plan_year, "currency": "EUR", "tolerance_ok": 0.05, "tolerance_warning": 0.10,
                      "envelope": programmes, "salaries": salaries, "headcount": 3, "company_revenue": target,
                      "company_revenue_prev_typed": revenue})

    strategic = [{"id": "S1", "type": "financial", "statement": "Croître", "metric": "revenue", "baseline_typed": revenue, "target": target,
                  "unit": "money", "deadline": end}]
    marketing = [{"id": "M1", "strategic_id": "S1", "statement": "Leads", "metric": "leads", "baseline_typed": leads, "target": leads_target,
                  "unit": "count", "deadline": end}]
    if f.objectives:
        marketing += [
            {"id": "M2", "strategic_id": "S1", "statement": "Leads qualifiés", "metric": "qualified_leads", "baseline_typed": ql,
             "target": ql_target, "unit": "count", "deadline": end},
            {"id": "M3", "strategic_id": "S1", "statement": "Coût au lead qualifié", "metric": "cost_per_qualified_lead",
             "baseline_typed": cpql, "target": cpql_n, "unit": "money", "deadline": end},
            {"id": "M4", "strategic_id": "S1", "statement": "Budget lead gen", "metric": "marketing_budget", "baseline_typed": spend,
             "target": budget, "unit": "money", "deadline": end},
            {"id": "M5", "strategic_id": "S1", "statement": "Ventes", "metric": "deals", "baseline_typed": deals_total,
             "target": required_deals, "unit": "count", "deadline": end},
            {"id": "M6", "strategic_id": "S1", "statement": "Opportunités", "metric": "opportunities", "baseline_typed": opps_total,
             "target": required_opps, "unit": "count", "deadline": end},
        ]
    p.tables["strategic_objectives"] = strategic
    p.tables["marketing_objectives"] = marketing
    p.tables["kpis"] = [{"kpi": "Leads qualifiés", "metric": "qualified_leads", "direction": "up", "aggregation": "cumulative",
                         "value_prev": ql, "target": ql_target}]
    _channels(p, f, end)
    return p


def _channels(p: Plan, f: Funnel, end: dt.date) -> None:
    """Web, emailing and events N-1 with similar unit costs, and channel targets each channel's yields can produce exactly."""
    p.tables["web"] = [{"month": f"M{m}", "visits": 10_000, "unique_visitors": 6_000, "landing_visits": 2_000, "landing_conversions": 100,
                        "web_leads": 80, "web_spend": 4_000} for m in range(1, 13)]
    visits, web_leads = 120_000, 960
    traffic = visits * (1 + f.web_growth)
    p.tables["marketing_objectives"].append(
        {"id": "W1", "strategic_id": "S1", "statement": "Trafic web", "metric": "web_visits", "baseline_typed": visits, "target": traffic,
         "unit": "count", "deadline": end})
    p.tables["emailing"] = [{"campaign": f"Campagne {i}", "sent": 10_000, "bounces": 500, "unique_opens": 3_000, "unique_clicks": 400,
                             "leads": 40 + 4 * i, "spend": 2_000 + 200 * i} for i in range(3)]
    sent, delivered, clicks, leads = 30_000, 28_500, 1_200, 132
    contacts_prev, contacts = 5_000, 5_000 * (1 + f.web_growth)
    email_leads = contacts * (sent / contacts_prev) * (delivered / sent) * (clicks / delivered) * (leads / clicks)
    p.tables["leadgen_targets"] = [
        {"metric": "Leads web", "value_prev": web_leads, "target": traffic * web_leads / visits},
        {"metric": "CTR moyen emailing", "value_prev": clicks / delivered, "target": clicks / delivered},
        {"metric": "Contacts avec email", "value_prev": contacts_prev, "target": contacts},
    ]
    p.tables["events"] = [{"event": f"Salon {i}", "type": "trade_show", "spend": 10_000 * (i + 1), "attendees": 200 * (i + 1),
                           "leads": 50 * (i + 1), "qualified_leads": 20 * (i + 1)} for i in range(3)]
    attendees = 1_200 * (1 + f.web_growth)
    p.scalars.update(target_email_leads=email_leads, target_event_attendees=attendees, target_event_leads=attendees * 300 / 1_200)


def scale(plan: Plan, table: str, field: str, factor: float, rows: list[int] | None = None) -> Plan:
    """``plan`` with ``field`` of ``table`` multiplied by ``factor`` (every row, or ``rows``)."""
    for i, row in enumerate(plan.tables[table]):
        if (rows is None or i in rows) and isinstance(row.get(field), (int, float)):
            row[field] = row[field] * factor
    return plan


def scale_scalar(plan: Plan, key: str, factor: float) -> Plan:
    plan.scalars[key] = plan.scalars[key] * factor
    return plan
