"""Reverse funnel rules FUN-001…FUN-009: a passing and a failing example each."""
from __future__ import annotations

import pytest

from plans import Funnel, coherent_plan, findings, scale, scale_scalar

from planmkg_xl.checks._common import Ctx
from planmkg_xl.checks.funnel import reverse_funnel
from planmkg_xl.core.compute import compute
from planmkg_xl.model.findings import CellRef, Severity


def _only(plan, rule_id):
    found = findings(plan, rule_id)
    assert found, f"{rule_id} did not fire"
    return found


@pytest.mark.parametrize("objectives", [True, False])
def test_coherent_plan_passes_every_funnel_rule(objectives):
    plan = coherent_plan(Funnel(objectives=objectives))
    assert [f for f in findings(plan) if f.rule_id.startswith("FUN")] == []


def test_reverse_funnel_steps_follow_the_definition():
    plan = coherent_plan(Funnel(objectives=False))
    steps = {s.key: s for s in reverse_funnel(Ctx(compute(plan)))}
    assert list(steps) == ["deals", "opportunities", "qualified_leads", "leads", "budget"]
    # 3 lines: 150 deals N-1, growth 14 % -> 171 deals; opportunities 415 -> 473.1
    assert steps["deals"].required == pytest.approx(150 * 1.14)
    assert steps["opportunities"].required == pytest.approx(415 * 1.14)
    ql = 415 * 1.14 / (280 / 370)  # opportunities ÷ N-1 qualified lead -> opportunity rate
    assert steps["qualified_leads"].required == pytest.approx(ql)
    assert steps["leads"].required == pytest.approx(ql / (370 / 1200))
    assert steps["budget"].required == pytest.approx(ql * 220_000 / 370)


def test_fun001_revenue_target_vs_objective_and_company_revenue():
    plan = scale_scalar(coherent_plan(), "company_revenue", 1.2)
    (f,) = _only(plan, "FUN-001")
    assert f.severity is Severity.ERROR
    assert f.cells == (CellRef(None, None, "company_revenue"), CellRef("commercial", None, "target_revenue"))
    assert "+20,0 %" in f.message.replace("\u00a0", " ")
    plan = scale(coherent_plan(), "strategic_objectives", "target", 1.07)
    (f,) = _only(plan, "FUN-001")
    assert f.severity is Severity.WARNING and f.data["source"] == "S1"


def test_fun002_deals_objective():
    plan = scale(coherent_plan(), "marketing_objectives", "target", 0.8, rows=[4])
    (f,) = _only(plan, "FUN-002")
    assert f.data["gap_pct"] == pytest.approx(-0.2)
    assert CellRef("marketing_objectives", 4, "target") in f.cells


def test_fun003_opportunities_objective():
    plan = scale(coherent_plan(), "marketing_objectives", "target", 1.08, rows=[5])
    (f,) = _only(plan, "FUN-003")
    assert f.severity is Severity.WARNING


def test_fun004_qualified_leads_short_of_the_need():
    plan = scale(coherent_plan(), "leadgen", "target_qualified_leads", 0.7)
    (f,) = _only(plan, "FUN-004")
    assert f.severity is Severity.ERROR
    assert f.cells[0] == CellRef("leadgen", None, "target_qualified_leads")
    assert f.data["gap_pct"] == pytest.approx(-0.3)
    assert f.data["gap_units"] < 0


def test_fun005_leads():
    plan = scale(coherent_plan(), "leadgen", "target_leads", 0.85)
    (f,) = _only(plan, "FUN-005")
    assert f.data["gap_pct"] == pytest.approx(-0.15)


def test_fun006_budget_at_target_cost_per_qualified_lead():
    plan = scale(coherent_plan(), "leadgen", "budget", 1.3)
    (f,) = _only(plan, "FUN-006")
    assert f.data["gap_pct"] == pytest.approx(0.3)
    assert CellRef("marketing_objectives", 2, "target") in f.cells  # the cost-per-qualified-lead objective used


def test_fun006_without_objective_uses_n1_cost():
    plan = scale(coherent_plan(Funnel(objectives=False)), "leadgen", "budget", 0.8)
    (f,) = _only(plan, "FUN-006")
    assert CellRef("leadgen", None, "cost_per_qualified_lead") in f.cells


def test_fun007_lead_objective_vs_tab():
    plan = scale(coherent_plan(), "marketing_objectives", "target", 1.25, rows=[0])
    (f,) = _only(plan, "FUN-007")
    assert f.data["objective"] == "M1" and f.data["gap_pct"] == pytest.approx(1 / 1.25 - 1)


def test_partial_scope_objective_is_not_compared():
    """'50 cross-sell opportunities' from 18 measures part of the funnel (demo M5)."""
    plan = coherent_plan()
    plan.tables["marketing_objectives"][5].update(baseline_typed=18, target=50)
    assert findings(plan, "FUN-003") == []


def test_fun008_line_out_of_line_with_the_funnel():
    plan = scale(coherent_plan(), "commercial", "target_revenue", 1.4, rows=[0])
    (f,) = _only(plan, "FUN-008")
    assert f.severity is Severity.INFO and f.data["line"] == "Ligne 1"
    assert f.cells[0] == CellRef("commercial", 0, "required_opportunities")


def test_fun009_line_without_assumptions():
    plan = coherent_plan()
    plan.tables["commercial"].append({"line": "Nouveau", "target_revenue": 100_000})
    (f,) = _only(plan, "FUN-009")
    assert f.cells == (CellRef("commercial", 3, "target_avg_deal"), CellRef("commercial", 3, "target_revenue"))
    plan.tables["commercial"][3].update(target_avg_deal=10_000, target_win_ratio=0.5)
    assert findings(plan, "FUN-009") == []


def test_no_revenue_target_no_funnel_finding():
    plan = scale(coherent_plan(), "commercial", "target_revenue", 0)
    assert reverse_funnel(Ctx(compute(plan))) == []
    assert [f for f in findings(plan) if f.rule_id in ("FUN-002", "FUN-003", "FUN-004", "FUN-005", "FUN-006")] == []


def test_tolerances_are_read_from_the_plan():
    plan = scale(coherent_plan(), "leadgen", "target_leads", 0.85)
    plan.scalars.update(tolerance_ok=0.2, tolerance_warning=0.3)
    assert findings(plan, "FUN-005") == []
    plan.scalars.update(tolerance_ok=0.1, tolerance_warning=0.3)
    assert findings(plan, "FUN-005")[0].severity is Severity.WARNING


def test_messages_in_english():
    plan = scale(coherent_plan(lang="en"), "leadgen", "target_qualified_leads", 0.7)
    (f,) = findings(plan, "FUN-004")
    assert f.message.startswith("Reverse funnel: for ") and "qualified leads" in f.message and "(-30.0%)" in f.message


def test_a_whole_funnel_objective_is_the_stated_figure_when_the_tab_has_none():
    """Issue 8: a stated objective can come from the Objectifs sheet (leads, qualified leads) when the tab is not filled."""
    plan = coherent_plan()
    for row in plan.tables["leadgen"]:
        row["target_qualified_leads"] = row["target_leads"] = None
    assert [f for f in findings(plan) if f.rule_id.startswith("FUN")] == []
    plan.tables["marketing_objectives"][1]["target"] *= 0.7  # M2, qualified leads
    (f,) = _only(plan, "FUN-004")
    assert f.cells[0] == CellRef("marketing_objectives", 1, "target") and "objectif M2" in f.message
    assert f.data["gap_pct"] == pytest.approx(-0.3)
    plan.tables["marketing_objectives"][0]["target"] *= 1.2  # M1, leads
    (g,) = _only(plan, "FUN-005")
    assert g.cells[0] == CellRef("marketing_objectives", 0, "target") and g.data["gap_pct"] == pytest.approx(0.2)


def test_a_stated_step_does_not_restart_the_chain():
    """Issue 8: the leads needed are chained from the revenue target, not from the qualified leads the plan states."""
    plan = scale(coherent_plan(), "leadgen", "target_qualified_leads", 1.5)
    steps = {s.key: s for s in reverse_funnel(Ctx(compute(plan)))}
    assert steps["leads"].above == pytest.approx(steps["qualified_leads"].required)
    assert steps["budget"].above == pytest.approx(steps["qualified_leads"].required)
    assert findings(plan, "FUN-005") == [] and findings(plan, "FUN-006") == []


def test_an_objective_without_baseline_is_whole_funnel_when_of_the_same_order():
    """Held-out plans often type only a target: 625 qualified leads against 370 in N-1 is the whole funnel, 20 is not."""
    plan = coherent_plan()
    objective = plan.tables["marketing_objectives"][1]  # M2, qualified leads
    objective["baseline_typed"] = None
    assert findings(plan, "FUN-007") == []
    objective["target"] *= 1.15
    (f,) = _only(plan, "FUN-007")
    assert f.data["objective"] == "M2"
    objective["target"] = 20  # "20 qualified leads from the launch": a part of the funnel, not compared
    assert findings(plan, "FUN-007") == []
