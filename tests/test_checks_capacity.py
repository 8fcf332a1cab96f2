"""Channel capacity CAP-001…003: what the plan's volumes and yields produce vs the channel's target."""
from __future__ import annotations

import pytest

from plans import coherent_plan, findings, scale, scale_scalar

from planmkg_xl.model.findings import CellRef, Severity


def test_channels_built_backwards_are_silent():
    assert [f for f in findings(coherent_plan()) if f.rule_id.startswith("CAP")] == []


def test_cap001_web_leads_beyond_what_traffic_yields():
    plan = scale(coherent_plan(), "leadgen_targets", "target", 1.3, rows=[0])
    (f,) = findings(plan, "CAP-001")
    assert f.severity is Severity.ERROR and f.data["gap_pct"] == pytest.approx(0.3)
    assert f.cells[0] == CellRef("leadgen_targets", 0, "target") and f.cells[1] == CellRef("marketing_objectives", 6, "target")
    assert "objectif W1" in f.message and "1 152 leads" in f.message.replace("\u202f", " ")


def test_cap001_assumed_landing_conversion_raises_capacity():
    plan = scale(coherent_plan(), "leadgen_targets", "target", 1.3, rows=[0])
    plan.scalars["target_landing_conversion_rate"] = 0.065  # 5 % -> 6.5 %: +30 % leads per visit
    assert findings(plan, "CAP-001") == []


def test_cap001_target_well_below_capacity_is_info():
    plan = scale(coherent_plan(lang="en"), "leadgen_targets", "target", 0.6, rows=[0])
    (f,) = findings(plan, "CAP-001")
    assert f.severity is Severity.INFO and "below what the channel can produce" in f.message


def test_cap002_emailing():
    plan = scale_scalar(coherent_plan(), "target_email_leads", 1.08)
    (f,) = findings(plan, "CAP-002")
    assert f.severity is Severity.WARNING and f.cells[0] == CellRef(None, None, "target_email_leads")
    plan.scalars["target_email_sends_per_contact"] = 6 * 1.08  # a heavier sending plan makes it possible
    assert findings(plan, "CAP-002") == []


def test_cap003_events():
    plan = scale_scalar(coherent_plan(), "target_event_attendees", 0.5)
    (f,) = findings(plan, "CAP-003")
    assert f.severity is Severity.ERROR and f.data["implied"] == pytest.approx(1_440 * 0.5 * 0.25)


def test_missing_inputs_give_no_capacity_finding():
    plan = coherent_plan()
    plan.tables["web"] = []
    plan.tables["emailing"] = []
    plan.scalars.pop("target_event_attendees")
    plan.scalars["target_event_leads"] = 10_000
    assert [f for f in findings(plan) if f.rule_id.startswith("CAP")] == []
