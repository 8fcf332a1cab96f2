"""Objective rules OBJ-001…OBJ-004: a passing and a failing example each."""
from __future__ import annotations

import datetime as dt

import pytest

from plans import coherent_plan, findings

from planmkg_xl.model.findings import CellRef, Severity


def test_coherent_objectives_pass():
    assert [f for f in findings(coherent_plan()) if f.rule_id.startswith("OBJ")] == []


def _seed_pair(budget_target: float):
    """PLAN_SPEC §2: −30 % cost per qualified lead, +30 % qualified leads, budget as given."""
    plan = coherent_plan()
    rows = plan.tables["marketing_objectives"]
    rows[1].update(baseline_typed=1000, target=1300)  # qualified leads +30 %
    rows[2].update(baseline_typed=400, target=280)  # cost per qualified lead −30 %
    rows[3].update(baseline_typed=400_000, target=budget_target)
    plan.tables["leadgen"] = [{"source": "Tout", "leads": 3000, "qualified_leads": 1000, "spend": 400_000, "opportunities": 500,
                               "target_leads": 3900, "target_qualified_leads": 1300, "budget": budget_target}]
    return plan


def test_obj001_seed_example_stable_budget_implies_minus_23_percent():
    plan = _seed_pair(400_000)
    (f,) = findings(plan, "OBJ-001")
    assert f.severity is Severity.WARNING  # 0.70 / 0.769 − 1 = −9 %: within the warning band
    assert f.data["implied_change"] == pytest.approx(1 / 1.3 - 1)  # −23.1 %
    assert f.data["stated_change"] == pytest.approx(-0.3)
    text = f.message.replace("\u00a0", " ")
    assert "-23,1 %" in text and "pas -30,0 %" in text
    assert f.cells[0] == CellRef("marketing_objectives", 2, "target")


def test_obj001_bigger_contradiction_is_an_error():
    assert findings(_seed_pair(480_000), "OBJ-001")[0].severity is Severity.ERROR


def test_obj001_consistent_triple_passes():
    assert findings(_seed_pair(1300 * 280), "OBJ-001") == []


def test_obj001_leads_objective_stands_for_qualified_leads():
    plan = _seed_pair(400_000)
    plan.tables["marketing_objectives"][1].update(metric="leads", baseline_typed=3000, target=3900)
    (f,) = findings(plan, "OBJ-001")
    assert "taux de qualification constant" in f.message


def test_obj002_links():
    plan = coherent_plan()
    plan.tables["marketing_objectives"][0]["strategic_id"] = "S9"
    plan.tables["marketing_objectives"][1]["strategic_id"] = ""
    plan.tables["strategic_objectives"].append({"id": "S2", "statement": "Orphelin", "metric": "other", "baseline_typed": 1, "target": 2,
                                                "deadline": dt.date(2026, 6, 30)})
    found = findings(plan, "OBJ-002")
    assert [(f.severity, f.cells) for f in found] == [
        (Severity.WARNING, (CellRef("marketing_objectives", 1, "strategic_id"),)),
        (Severity.WARNING, (CellRef("strategic_objectives", 1, "id"),)),
    ]
    (wrong,) = findings(plan, "OBJ-005")  # a cited id that does not exist: its own rule, always an error
    assert wrong.severity is Severity.ERROR and wrong.cells == (CellRef("marketing_objectives", 0, "strategic_id"),)
    assert "S9" in wrong.message


def test_obj003_measurable():
    plan = coherent_plan()
    plan.tables["marketing_objectives"][0].update(metric=None, baseline_typed=None)
    (f,) = findings(plan, "OBJ-003")
    assert f.cells == (CellRef("marketing_objectives", 0, "metric"), CellRef("marketing_objectives", 0, "baseline_typed"))


def test_obj003_zero_baseline_is_measurable():
    plan = coherent_plan()
    plan.tables["strategic_objectives"].append({"id": "S2", "statement": "Asie", "metric": "new_customers", "baseline_typed": 0, "target": 20,
                                                "deadline": dt.date(2026, 12, 31)})
    plan.tables["marketing_objectives"][0]["strategic_id"] = "S2"
    assert findings(plan, "OBJ-003") == []


def test_obj004_time_bound():
    plan = coherent_plan()
    plan.tables["marketing_objectives"][0]["deadline"] = dt.date(2027, 3, 31)
    plan.tables["marketing_objectives"][1]["deadline"] = None
    plan.tables["marketing_objectives"][2]["deadline"] = "fin d'année"
    found = findings(plan, "OBJ-004")
    assert [f.cells[0] for f in found] == [CellRef("marketing_objectives", i, "deadline") for i in range(3)]
    assert "2027" in found[0].message and "2026" in found[0].message
    assert "fin d'année" in found[2].message
