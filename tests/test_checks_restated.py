"""One source for each number: linked values and typed overrides (SRC-001…004, KPI-003), both ways.

Each case starts from the coherent plan (every restated value equals its source, so
no rule fires), then types an override that disagrees and watches the rule name both
cells; an override within the tolerance, or none at all, stays silent.
"""
from __future__ import annotations

import pytest

from planmkg_xl.core.compute import compute
from planmkg_xl.model.findings import CellRef, Severity
from planmkg_xl.model.restated import RESTATED
from plans import coherent_plan, findings, make_plan

SRC_RULES = ("SRC-001", "SRC-002", "SRC-003", "SRC-004", "KPI-003")


def test_coherent_plan_has_no_source_finding():
    found = {f.rule_id for f in findings(coherent_plan())}
    assert not found & set(SRC_RULES)


def test_demo_has_no_source_finding():
    assert not {f.rule_id for f in findings(make_plan())} & set(SRC_RULES)


def test_every_restated_value_has_a_registered_rule():
    from planmkg_xl.checks.registry import RULES_BY_ID

    assert {e.rule for e in RESTATED} <= set(RULES_BY_ID)


# -- objectives: baseline N-1 linked to the tabs ------------------------------------------

def test_objective_baseline_is_the_tabs_value_when_not_typed():
    plan = coherent_plan()
    for row in plan.tables["marketing_objectives"]:
        row.pop("baseline_typed", None)
    c = compute(plan)
    leads = c.totals["leadgen"]["leads"]
    m1 = c.rows["marketing_objectives"][0]
    assert m1["baseline_tabs"] == leads and m1["baseline"] == leads and m1["change"] == pytest.approx(m1["target"] / leads - 1)
    assert not {f.rule_id for f in findings(plan)} & set(SRC_RULES)


def test_src001_typed_baseline_that_disagrees():
    plan = coherent_plan()
    leads = compute(plan).totals["leadgen"]["leads"]
    plan.tables["marketing_objectives"][0]["baseline_typed"] = leads * 1.2
    (f,) = findings(plan, "SRC-001")
    assert f.severity is Severity.ERROR
    assert f.cells == (CellRef("marketing_objectives", 0, "baseline_typed"), CellRef("marketing_objectives", 0, "baseline_tabs"))
    assert "+20,0\u00a0%" in f.message and "M1" in f.message
    assert compute(plan).rows["marketing_objectives"][0]["baseline"] == leads * 1.2  # the override wins in the cell


def test_src001_within_tolerance_is_silent_and_warning_band():
    plan = coherent_plan()
    leads = compute(plan).totals["leadgen"]["leads"]
    plan.tables["marketing_objectives"][0]["baseline_typed"] = leads * 1.03
    assert findings(plan, "SRC-001") == []
    plan.tables["marketing_objectives"][0]["baseline_typed"] = leads * 1.08
    (f,) = findings(plan, "SRC-001")
    assert f.severity is Severity.WARNING


def test_src001_partial_scope_is_not_compared():
    """"50 cross-sell opportunities from 18": a part of the funnel, its own baseline, no link to the tabs' total."""
    plan = coherent_plan()
    i, row = next((i, r) for i, r in enumerate(plan.tables["marketing_objectives"]) if r["metric"] == "opportunities")
    row.update(baseline_typed=18, target=50)
    (f,) = findings(plan, "SRC-001")  # far from the total: most likely a part of the funnel the user did not declare
    assert f.severity is Severity.INFO and "Une partie" in f.message
    row["scope"] = "part"
    assert findings(plan, "SRC-001") == []
    c = compute(plan).rows["marketing_objectives"][i]
    assert c["baseline_tabs"] is None and c["baseline"] == 18


def test_src001_typed_zero_is_a_value():
    plan = coherent_plan()
    plan.tables["strategic_objectives"][0]["baseline_typed"] = 0
    (f,) = findings(plan, "SRC-001")
    assert f.data["typed"] == 0 and f.severity is Severity.INFO  # "first customers in Asia": from nothing, a part
    assert compute(plan).rows["strategic_objectives"][0]["baseline"] == 0


# -- strategy metric tables ---------------------------------------------------------------

def test_src002_strategy_metric_typed_n1_that_disagrees():
    """The issue's case: a click rate of 4.7 % typed on Stratégie while the Emailing tab says 4.4 %."""
    plan = make_plan()
    ctr = compute(plan).totals["emailing"]["click_rate"]
    i = next(i for i, r in enumerate(plan.tables["leadgen_targets"]) if r.get("source") == "email_ctr")
    assert compute(plan).rows["leadgen_targets"][i]["baseline"] == ctr
    plan.tables["leadgen_targets"][i]["value_prev"] = 0.047
    (f,) = findings(plan, "SRC-002")
    assert f.cells == (CellRef("leadgen_targets", i, "value_prev"), CellRef("leadgen_targets", i, "value_tabs"))
    assert "4,7\u00a0%" in f.message and "4,4\u00a0%" in f.message


def test_src002_metric_without_source_is_typed_freely():
    plan = make_plan()
    i = next(i for i, r in enumerate(plan.tables["brand_metrics"]) if r.get("metric") == "Articles presse")
    plan.tables["brand_metrics"][i]["value_prev"] = 999
    assert findings(plan, "SRC-002") == []
    assert compute(plan).rows["brand_metrics"][i]["baseline"] == 999


# -- scalars ------------------------------------------------------------------------------

def test_src003_company_revenue_n1():
    plan = coherent_plan()
    revenue = compute(plan).totals["commercial"]["revenue"]
    assert findings(plan, "SRC-003") == []
    plan.scalars["company_revenue_prev_typed"] = revenue * 1.3
    (f,) = findings(plan, "SRC-003")
    assert f.cells == (CellRef(None, None, "company_revenue_prev_typed"), CellRef("commercial", None, "revenue"))
    del plan.scalars["company_revenue_prev_typed"]
    assert compute(plan).scalars["company_revenue_prev"] == revenue and findings(plan, "SRC-003") == []


def test_src004_budget_block2_n1_vs_lead_generation_spend():
    """The issue's case: 402 000 € spent by source on Lead generation, 422 k€ in Budget block 2 N-1 (here +20 %)."""
    plan = coherent_plan()
    assert findings(plan, "SRC-004") == []
    row = next(r for r in plan.tables["budget"] if r["block"] == "leadgen")
    row["spend_prev"] *= 1.2
    (f,) = findings(plan, "SRC-004")
    assert f.cells == (CellRef(None, None, "total_leadgen_prev"), CellRef("leadgen", None, "spend"))
    assert f.severity is Severity.ERROR and f.data["gap"] == pytest.approx(0.2)


def test_src004_silent_when_either_side_is_not_filled():
    plan = coherent_plan()
    next(r for r in plan.tables["budget"] if r["block"] == "leadgen")["spend_prev"] = 0
    assert findings(plan, "SRC-004") == []
    plan = coherent_plan()
    for r in plan.tables["leadgen"]:
        r.pop("spend")
    assert findings(plan, "SRC-004") == []


def test_kpi003_uses_the_same_mechanism_and_stays_a_warning():
    plan = coherent_plan()
    tabs = compute(plan).totals["leadgen"]["qualified_leads"]
    plan.tables["kpis"][0]["value_prev"] = tabs * 2
    (f,) = findings(plan, "KPI-003")
    assert f.severity is Severity.WARNING and f.cells == (CellRef("kpis", 0, "value_prev"), CellRef("kpis", 0, "value_tabs"))


def test_english_messages():
    plan = coherent_plan(lang="en")
    plan.scalars["company_revenue_prev_typed"] = compute(plan).totals["commercial"]["revenue"] * 2
    (f,) = findings(plan, "SRC-003")
    assert "Company revenue N-1" in f.message and "gap +100.0" in f.message


def test_scope_part_takes_an_objective_out_of_the_whole_funnel():
    """Périmètre = « Une partie »: the funnel rules do not compare it with the Lead generation total, whatever its size."""
    plan = coherent_plan()
    objective = plan.tables["marketing_objectives"][1]  # M2, qualified leads
    assert objective["metric"] == "qualified_leads"
    objective["target"] *= 1.15
    assert findings(plan, "FUN-007")
    objective["scope"] = "part"
    objective.pop("baseline_typed")
    assert findings(plan, "FUN-007") == [] and findings(plan, "SRC-001") == []
