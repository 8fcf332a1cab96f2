"""Data sanity rules SAN-001…SAN-010: a passing and a failing example each."""
from __future__ import annotations

import pytest

from plans import coherent_plan, findings, scale

from planmkg_xl.model.findings import CellRef, Severity


def test_coherent_plan_is_sane():
    assert [f for f in findings(coherent_plan()) if f.rule_id.startswith("SAN")] == []


def test_san001_qualified_leads_at_most_leads():
    plan = coherent_plan()
    plan.tables["leadgen"][1]["qualified_leads"] = 600
    plan.tables["events"] = [{"event": "Salon", "leads": 10, "qualified_leads": 12}]
    found = findings(plan, "SAN-001")
    assert [f.cells for f in found] == [
        (CellRef("leadgen", 1, "qualified_leads"), CellRef("leadgen", 1, "leads")),
        (CellRef("events", 0, "qualified_leads"), CellRef("events", 0, "leads")),
    ]
    assert all(f.severity is Severity.ERROR for f in found)
    assert "Source 2" in found[0].message and "600" in found[0].message


def test_san002_deals_at_most_opportunities():
    plan = coherent_plan()
    plan.tables["commercial"][0]["deals"] = 50
    (f,) = findings(plan, "SAN-002")
    assert f.cells == (CellRef("commercial", 0, "deals"), CellRef("commercial", 0, "opportunities"))


def test_san003_unique_visitors_at_most_visits():
    plan = coherent_plan()
    plan.tables["web"] = [{"month": "Janvier", "visits": 100, "unique_visitors": 80}, {"month": "Février", "visits": 100, "unique_visitors": 120}]
    plan.scalars["web_annual_unique_visitors"] = 150
    assert findings(plan, "SAN-003") != []
    assert [f.cells[0] for f in findings(plan, "SAN-003")] == [CellRef("web", 1, "unique_visitors")]
    plan.scalars["web_annual_unique_visitors"] = 250
    assert CellRef(None, None, "web_annual_unique_visitors") in findings(plan, "SAN-003")[-1].cells


def test_san004_opens_at_most_delivered():
    plan = coherent_plan()
    plan.tables["emailing"] = [{"campaign": "A", "sent": 1000, "bounces": 50, "unique_opens": 900},
                               {"campaign": "B", "sent": 1000, "bounces": 50, "unique_opens": 960}]
    (f,) = findings(plan, "SAN-004")
    assert f.cells == (CellRef("emailing", 1, "unique_opens"), CellRef("emailing", 1, "delivered"))


def test_san005_revenue_by_channel():
    plan = scale(coherent_plan(), "channels", "direct_key_accounts", 0.9)
    (f,) = findings(plan, "SAN-005")
    assert f.severity is Severity.WARNING and f.data["gap_pct"] == pytest.approx(-0.1)


def test_san006_existing_plus_new():
    plan = scale(coherent_plan(), "key_metrics", "revenue_new", 2)
    (f,) = findings(plan, "SAN-006")
    assert f.cells[2] == CellRef("key_metrics", 0, "revenue") and f.data["gap_pct"] == pytest.approx(0.2)


def test_san007_segments_add_up_to_customers():
    plan = scale(coherent_plan(), "customer_segments", "count", 1.5)
    (f,) = findings(plan, "SAN-007")
    assert f.cells == (CellRef("customer_segments", None, "count"), CellRef("commercial", None, "customers"))


def test_san008_expected_leads_by_channel():
    plan = scale(coherent_plan(), "channel_plan", "expected_leads", 0.88)
    (f,) = findings(plan, "SAN-008")
    assert f.severity is Severity.ERROR


def test_san009_rates_within_0_100():
    plan = coherent_plan()
    plan.tables["commercial"][0]["target_win_ratio"] = 45
    plan.scalars["envelope_pct"] = 1.5
    found = findings(plan, "SAN-009")
    assert {c for f in found for c in f.cells} == {CellRef("commercial", 0, "target_win_ratio"), CellRef(None, None, "envelope_pct")}
    assert "45" in found[0].message


def test_san010_no_negative():
    plan = coherent_plan()
    plan.tables["leadgen"][0]["spend"] = -5
    plan.tables["leadgen"][2]["leads"] = -1
    found = findings(plan, "SAN-010")
    assert len(found) == 1 and set(found[0].cells) == {CellRef("leadgen", 0, "spend"), CellRef("leadgen", 2, "leads")}
