"""Plans whose KPI pace is seasonal (the tabs hold last year's monthly profile) or linear (they don't).

Shared by the LibreOffice oracle (the KPI sheet's "Attendu à date" formula) and the pacing tests.
"""
from __future__ import annotations

import datetime as dt

from planmkg_xl.model.plan import Plan
from planmkg_xl.model.plan_tabs import MONTH_KEYS
from plans import make_plan

# One label per month, in every spelling the rule accepts, out of calendar order, with a blank row among them.
WEB_LABELS = (("Sept.", 9), ("janv.", 1), ("February", 2), ("MARS", 3), (" avr ", 4), ("Mai", 5), ("Juin", 6), ("Juillet", 7), ("Août", 8),
              ("10", 10), ("Nov", 11), ("Déc", 12))
SEASON = (5, 6, 10, 9, 10, 8, 5, 2, 11, 13, 11, 10)


def _months(values) -> dict:
    return {k: v for k, v in zip(MONTH_KEYS, values) if v is not None}


KPIS = (
    {"kpi": "Visites", "metric": "web_visits", "aggregation": "cumulative", "direction": "up", "target": 150_000, **_months((9_000, 11_000, 14_500))},
    {"kpi": "Visiteurs uniques", "metric": "web_unique_visitors", "aggregation": "cumulative", "direction": "up", "target": 90_000,
     **_months((5_000, 6_000, 8_000, 9_000))},
    {"kpi": "Leads web", "metric": "web_leads", "aggregation": "cumulative", "direction": "up", "target": 2_400, **_months((150, None, 260))},
    {"kpi": "Leads entrants", "metric": "leads", "aggregation": "cumulative", "direction": "up", "target": 6_000, **_months((400, 380, 520, 610, 500))},
    {"kpi": "Leads qualifiés", "metric": "qualified_leads", "aggregation": "cumulative", "direction": "up", "target": 2_000, **_months((120, 140))},
    {"kpi": "Budget", "metric": "marketing_budget", "aggregation": "cumulative", "direction": "down", "target": 1_200_000,
     **_months((90_000, 110_000, 95_000))},
    {"kpi": "CTR", "metric": "email_ctr", "aggregation": "average", "direction": "up", "target": 0.05, **_months((0.04, 0.045))},
    {"kpi": "Sans cible", "metric": "web_visits", "aggregation": "cumulative", "direction": "up", **_months((9_000,))},
    {"kpi": "Pas encore de réalisé", "metric": "leads", "aggregation": "cumulative", "direction": "up", "target": 5_000},
)


def seasonal_plan(lang: str = "fr") -> Plan:
    """Web months named in mixed spellings and orders (one blank row), dated emailing and event leads."""
    web = [{"month": label, "visits": SEASON[m - 1] * 1_000, "unique_visitors": SEASON[m - 1] * 600, "web_leads": SEASON[m - 1] * 20}
           for label, m in WEB_LABELS]
    web.insert(4, {})
    plan = make_plan(lang, tables={"web": web, "kpis": list(KPIS)})
    for i, row in enumerate(plan.tables["emailing"]):
        row["date"] = dt.date(2025, 1 + (3 * i) % 12, 10)
    for i, row in enumerate(plan.tables["events"]):
        row["date"] = dt.date(2025, 3 + (4 * i) % 10, 20)
    return plan


def linear_plan(lang: str = "fr") -> Plan:
    """The same KPIs, but a Web tab that names August twice: no month profile, every pace is linear."""
    plan = seasonal_plan(lang)
    plan.tables["web"] = [dict(r) for r in plan.tables["web"]]
    plan.tables["web"][0]["month"] = "Août"
    return plan
