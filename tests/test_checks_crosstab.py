"""Cross-tab consistency XTB-001…003: fires on a disagreement, silent on a coherent or partially filled plan."""
from __future__ import annotations

import pytest

from plans import coherent_plan, findings, make_plan

from planmkg_xl.model.findings import CellRef, Severity


def _plan_with_named_lines(factor: float = 1.0, lang: str = "fr"):
    """Budget block 2 split into one line per lead source, named like the source (accents and case differ)."""
    plan = coherent_plan(lang=lang)
    lines = [row for row in plan.tables["budget"] if row["block"] != "leadgen"]
    for src in plan.tables["leadgen"]:
        lines.append({"block": "leadgen", "line": src["source"].upper(), "spend_prev": src["spend"], "budget": src["budget"]})
    lines[-1]["budget"] *= factor
    plan.tables["budget"] = lines
    return plan


def test_xtb001_same_budget_by_source_is_silent():
    assert findings(_plan_with_named_lines(), "XTB-001") == []


def test_xtb001_a_line_that_disagrees_with_its_source():
    plan = _plan_with_named_lines(1.3)
    (f,) = findings(plan, "XTB-001")
    assert f.severity is Severity.ERROR and f.data["gap_pct"] == pytest.approx(0.3)
    assert f.cells == (CellRef("budget", 4, "budget"), CellRef("leadgen", 2, "budget"))
    assert "Source 3" in f.message and "+30,0 %" in f.message.replace("\u00a0", " ")


def test_xtb001_demo_seo_line():
    """Demo: "SEO" is 20 k€ on the Budget tab and 25 k€ on the Lead generation tab."""
    (f,) = findings(make_plan("en"), "XTB-001")
    assert f.data["source"] == "SEO" and f.data["budget_tab"] == 20_000 and f.data["leadgen_tab"] == 25_000
    assert "Budget N of \"SEO\"" in f.message


def test_xtb001_blank_side_is_not_compared():
    plan = _plan_with_named_lines()
    plan.tables["leadgen"][2]["budget"] = None
    assert findings(plan, "XTB-001") == []


def test_xtb002_kpi_target_vs_objective_target():
    plan = coherent_plan()
    assert findings(plan, "XTB-002") == []
    plan.tables["kpis"][0]["target"] *= 1.08
    (f,) = findings(plan, "XTB-002")
    assert f.severity is Severity.WARNING and f.data["objective"] == "M2"
    assert f.cells == (CellRef("kpis", 0, "target"), CellRef("marketing_objectives", 1, "target"))


def test_xtb002_partial_objective_or_other_metric_is_not_compared():
    plan = coherent_plan()
    plan.tables["kpis"][0]["target"] *= 2
    plan.tables["marketing_objectives"][1]["baseline_typed"] = 10  # part of the funnel only
    assert findings(plan, "XTB-002") == []


def test_xtb003_tactics_cite_existing_marketing_objectives():
    plan = coherent_plan()
    plan.tables["lead_tactics"] = [{"objective_id": "M1, m2", "tactics": "SEO"}, {"objective_id": "M9", "tactics": "Salons"},
                                   {"objective_id": "S1", "tactics": "Presse"}, {"objective_id": None, "tactics": "Nurturing"}]
    found = findings(plan, "XTB-003")
    assert [f.cells for f in found] == [(CellRef("lead_tactics", i, "objective_id"),) for i in (1, 2, 3)]
    assert "M9" in found[0].message and "stratégique" in found[1].message and "aucun" in found[2].message
    assert all(f.severity is Severity.WARNING for f in found)


def test_xtb003_silent_without_marketing_objectives_and_on_the_demo():
    plan = coherent_plan()
    plan.tables["marketing_objectives"] = []
    plan.tables["lead_tactics"] = [{"objective_id": "M9", "tactics": "Salons"}]
    assert findings(plan, "XTB-003") == []
    assert findings(make_plan(), "XTB-003") == []
