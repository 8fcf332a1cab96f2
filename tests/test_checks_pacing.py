"""Pacing rules (PAC-*): each fires when it should and stays silent otherwise."""
from __future__ import annotations

import pytest

from plans import coherent_plan, findings

from planmkg_xl.model.findings import CellRef, Severity
from planmkg_xl.model.plan_tabs import MONTH_KEYS


def _with_kpi(plan, months, target=1200, metric="deals", direction="up", aggregation="cumulative", **scalars):
    row = {"kpi": "Ventes", "metric": metric, "direction": direction, "aggregation": aggregation, "target": target}
    row.update({k: v for k, v in zip(MONTH_KEYS, months) if v is not None})
    plan.tables["kpis"] = [row]
    plan.scalars.update(scalars)
    return plan


def test_pac001_behind_pace_names_the_forecast():
    plan = _with_kpi(coherent_plan(), (80, 80, 80))  # 240 for 300 expected at March: −20 %
    (f,) = findings(plan, "PAC-001")
    assert f.severity is Severity.WARNING
    assert f.data["forecast"] == pytest.approx(960) and f.data["gap"] == pytest.approx(-0.2)
    assert "960" in f.message and "1\u202f200" in f.message and "mars" in f.message
    assert f.cells == (CellRef("kpis", 0, "m03"), CellRef("kpis", 0, "target"))


def test_pac001_english_message():
    plan = _with_kpi(coherent_plan(lang="en"), (80, 80, 80))
    (f,) = findings(plan, "PAC-001")
    assert "March" in f.message and "year end" in f.message and "960" in f.message


@pytest.mark.parametrize("months", [(), (100, 100, 100), (95, 95, 95), (150, 150, 150)])
def test_pac001_silent_on_pace_ahead_or_without_actuals(months):
    assert findings(_with_kpi(coherent_plan(), months), "PAC-001") == []


def test_pac001_band_editable():
    plan = _with_kpi(coherent_plan(), (85, 85, 85), pacing_band=0.20)  # −15 % within a 20 % band
    assert findings(plan, "PAC-001") == []
    plan.scalars["pacing_band"] = 0.10
    assert len(findings(plan, "PAC-001")) == 1


def test_pac001_down_kpi_over_budget():
    plan = _with_kpi(coherent_plan(), (130, 130), target=100, metric="cost_per_qualified_lead", direction="down", aggregation="average")
    (f,) = findings(plan, "PAC-001")
    assert "130" in f.message and "100" in f.message
    plan = _with_kpi(coherent_plan(), (90, 95), target=100, metric="cost_per_qualified_lead", direction="down", aggregation="average")
    assert findings(plan, "PAC-001") == []


def test_pac002_missing_month():
    plan = _with_kpi(coherent_plan(), (100, None, 100, 100))
    (f,) = findings(plan, "PAC-002")
    assert f.cells == (CellRef("kpis", 0, "m02"),) and "février" in f.message
    assert findings(_with_kpi(coherent_plan(), (100, 100, 100)), "PAC-002") == []
    plan = _with_kpi(coherent_plan(), (0.5, None, 0.5), target=0.5, metric="win_ratio", aggregation="average")
    assert findings(plan, "PAC-002") == []  # an average of the months reported is not understated


@pytest.mark.parametrize("make", ["seasonal_plan", "linear_plan"])
def test_pac001_quotes_the_kpi_sheets_expected_value(make):
    """The expected value a PAC-001 message states is the KPI sheet's "Attendu à date" (seasonal or linear)."""
    import pacing_plans
    from planmkg_xl.checks import run_checks
    from planmkg_xl.core.compute import compute

    computed = compute(getattr(pacing_plans, make)())
    found = [f for f in run_checks(computed) if f.rule_id == "PAC-001"]
    assert found
    rows = {r["kpi"]: r for r in computed.rows["kpis"]}
    for f in found:
        row = rows[f.data["kpi"]]
        assert f.data["expected"] == row["expected_to_date"]
        assert f.data["gap"] + 1 == pytest.approx(row["pacing"])
        assert (f.data["profile"] == "seasonal") == (make == "seasonal_plan" and row["metric"] in ("web_visits", "web_unique_visitors", "web_leads", "leads", "qualified_leads"))
