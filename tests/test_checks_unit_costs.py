"""Unit-cost outliers UCO-001…003: a line far from the plan's own weighted cost; worse when N leans on it."""
from __future__ import annotations

import pytest

from plans import coherent_plan, findings

from planmkg_xl.model.findings import CellRef, Severity


def _row(found, table, row):
    """The one finding on ``table`` row ``row`` (with three lines, one outlier also drags the average away from the others)."""
    (f,) = [f for f in found if f.cells[0] == CellRef(table, row, f.cells[0].field)]
    return f


def test_similar_unit_costs_are_silent():
    assert [f for f in findings(coherent_plan()) if f.rule_id.startswith("UCO")] == []


def test_uco001_dear_source_info_then_warning_when_n_leans_on_it():
    plan = coherent_plan()
    src = plan.tables["leadgen"][2]
    src["spend"] = 200_000  # 2 222 € per qualified lead against 333 € and 875 € for the others
    f = _row(findings(plan, "UCO-001"), "leadgen", 2)
    assert f.severity is Severity.INFO and f.data["ratio"] > 2 and not f.data["leans"] and "à revoir" in f.message
    assert f.cells == (CellRef("leadgen", 2, "cost_per_qualified_lead"), CellRef("leadgen", None, "cost_per_qualified_lead"))
    src["target_qualified_leads"] *= 2  # the N targets rely on the dearest source for growth
    f = _row(findings(plan, "UCO-001"), "leadgen", 2)
    assert f.severity is Severity.WARNING and f.data["leans"] and CellRef("leadgen", 2, "target_qualified_leads") in f.cells
    assert "comptent sur elle" in f.message


def test_uco001_cheap_source_is_info_and_band_is_a_setting():
    plan = coherent_plan(lang="en")
    plan.tables["leadgen"][0]["spend"] = 4_000
    (f,) = findings(plan, "UCO-001")
    assert f.severity is Severity.INFO and "to develop" in f.message
    plan.scalars["tolerance_unit_cost"] = 20.0
    assert findings(plan, "UCO-001") == []


def test_uco001_needs_three_lines_with_spend_and_units():
    plan = coherent_plan()
    plan.tables["leadgen"][2]["spend"] = 400_000
    plan.tables["leadgen"][1]["spend"] = None
    assert findings(plan, "UCO-001") == []


def test_uco002_event_and_uco003_campaign():
    plan = coherent_plan()
    plan.tables["events"][1]["spend"] = 100_000
    f = _row(findings(plan, "UCO-002"), "events", 1)
    assert f.severity is Severity.INFO and f.cells[0] == CellRef("events", 1, "cost_per_qualified_lead") and "à revoir" in f.message
    plan.tables["emailing"][0]["spend"] = 10_000
    g = _row(findings(plan, "UCO-003"), "emailing", 0)
    assert g.severity is Severity.INFO and g.data["ratio"] > 2
    assert g.data["ratio"] == pytest.approx((10_000 / 40) / ((10_000 + 2_200 + 2_400) / 132))
