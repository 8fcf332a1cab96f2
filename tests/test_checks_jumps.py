"""Assumption jumps JMP-001…006: an N assumption beyond tolerance_jump from N-1 with no objective explaining it."""
from __future__ import annotations

import datetime as dt

import pytest

from plans import coherent_plan, findings

from planmkg_xl.model.findings import CellRef, Severity


def _objective(plan, id_, metric, baseline, target):
    plan.tables["marketing_objectives"].append({"id": id_, "strategic_id": "S1", "statement": id_, "metric": metric, "baseline_typed": baseline,
                                                "target": target, "unit": "percent", "deadline": dt.date(2026, 12, 31)})


def test_coherent_plan_has_no_jump():
    assert [f for f in findings(coherent_plan()) if f.rule_id.startswith("JMP")] == []


def test_jmp001_win_ratio_jump_without_objective():
    plan = coherent_plan()
    line = plan.tables["commercial"][0]  # 45 opportunities, 20 deals: 44.4 %
    line["target_win_ratio"] = 0.6
    (f,) = findings(plan, "JMP-001")
    assert f.severity is Severity.WARNING and f.data["move"] == pytest.approx(0.6 / (20 / 45) - 1)
    assert f.cells == (CellRef("commercial", 0, "target_win_ratio"), CellRef("commercial", 0, "win_ratio"))
    assert "Ligne 1" in f.message and "60,0 %" in f.message.replace("\u00a0", " ")
    _objective(plan, "M9", "win_ratio", 0.44, 0.6)
    assert findings(plan, "JMP-001") == []


def test_jmp001_within_the_band_is_silent_and_band_is_a_setting():
    plan = coherent_plan()
    plan.tables["commercial"][0]["target_win_ratio"] = 0.5  # +12.5 %
    assert findings(plan, "JMP-001") == []
    plan.scalars["tolerance_jump"] = 0.1
    assert len(findings(plan, "JMP-001")) == 1


def test_jmp002_average_deal_explained_by_a_price_change():
    plan = coherent_plan(lang="en")
    plan.tables["commercial"][1]["target_avg_deal"] = 140_000  # +40 % on 100 000
    (f,) = findings(plan, "JMP-002")
    assert f.data["move"] == pytest.approx(0.4) and "Ligne 2" in f.message and "with no objective" in f.message
    plan.tables["mix"] = [{"offer": "ligne 2", "price_evolutions": "+40 % with the new range"}]
    assert findings(plan, "JMP-002") == []


def test_jmp003_qualification_implied_by_the_targets():
    plan = coherent_plan()
    plan.tables["marketing_objectives"] = [o for o in plan.tables["marketing_objectives"] if o["metric"] != "qualified_leads"]
    for row in plan.tables["leadgen"]:
        row["target_leads"] *= 0.7  # same qualified leads from 30 % fewer leads: qualification +43 %
    (f,) = findings(plan, "JMP-003")
    assert f.data["move"] == pytest.approx(1 / 0.7 - 1)
    assert f.cells[-1] == CellRef("leadgen", None, "qualification_rate")


def test_jmp004_conversion_implied_by_an_opportunities_objective():
    plan = coherent_plan()
    for row in plan.tables["leadgen"]:
        row["target_qualified_leads"] *= 0.7
    (f,) = findings(plan, "JMP-004")
    assert f.data["objective"] == "M6" and f.data["move"] == pytest.approx(1 / 0.7 - 1)
    _objective(plan, "M9", "lead_to_opportunity", 0.76, 1.0)
    assert findings(plan, "JMP-004") == []


def test_jmp005_ctr_target_on_the_strategy_sheet():
    plan = coherent_plan()
    ctr = plan.tables["leadgen_targets"][1]
    ctr["target"] = ctr["value_prev"] * 100 * 1.5  # typed as a percentage (6.3 for 6.3 %) and +50 %
    (f,) = findings(plan, "JMP-005")
    assert f.data["move"] == pytest.approx(0.5)
    assert f.cells == (CellRef("leadgen_targets", 1, "target"), CellRef("emailing", None, "click_rate"))
    _objective(plan, "M9", "email_ctr", ctr["value_prev"], ctr["value_prev"] * 1.5)
    assert findings(plan, "JMP-005") == []


def test_jmp006_landing_page_conversion():
    plan = coherent_plan()
    plan.scalars["target_landing_conversion_rate"] = 0.08  # N-1: 100 / 2 000 = 5 %
    (f,) = findings(plan, "JMP-006")
    assert f.data["move"] == pytest.approx(0.6)
    plan.scalars["target_landing_conversion_rate"] = 0.055
    assert findings(plan, "JMP-006") == []


def test_blank_assumptions_are_n1_not_jumps():
    plan = coherent_plan()
    plan.tables["web"] = []
    plan.tables["emailing"] = []
    plan.scalars["target_landing_conversion_rate"] = 0.5
    assert [f for f in findings(plan) if f.rule_id.startswith("JMP")] == []
