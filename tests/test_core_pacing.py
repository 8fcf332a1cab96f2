"""core.pacing: expected pace (linear / seasonal), year-end forecast and status, against hand arithmetic."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from plans import make_plan

from planmkg_xl.core import pacing
from planmkg_xl.core.compute import compute
from planmkg_xl.model.kpi_tabs import MONTHS_FR
from planmkg_xl.model.plan_tabs import MONTH_KEYS

SEASON = (5, 5, 10, 10, 10, 10, 5, 2, 10, 13, 10, 10)  # sums to 100


def _kpi(metric="web_visits", target=12_000, months=(1000, 1000, 1000), direction="up", aggregation="cumulative", name="KPI"):
    row = {"kpi": name, "metric": metric, "direction": direction, "aggregation": aggregation, "target": target}
    row.update({k: v for k, v in zip(MONTH_KEYS, months) if v is not None})
    return row


def _plan(kpis, web=None, **scalars):
    tables = {"kpis": kpis}
    if web is not None:
        tables["web"] = web
    return make_plan(tables=tables, scalars=scalars)


def _web(visits):
    return [{"month": m, "visits": v, "unique_visitors": v // 2, "web_leads": v // 50} for m, v in zip(MONTHS_FR, visits)]


def test_linear_pace_forecast_and_status_without_a_profile():
    plan = _plan([_kpi(metric="new_customers", target=120, months=(8, 8, 8))])
    (p,) = pacing.kpi_paces(compute(plan))
    assert p.profile == pacing.LINEAR and p.month == 3
    assert p.actual == 24 and p.expected == pytest.approx(120 * 3 / 12)
    assert p.forecast == pytest.approx(24 * 12 / 3)
    assert p.gap == pytest.approx(24 / 30 - 1) and p.status == pacing.BEHIND


def test_linear_pace_equals_the_kpi_sheets_own_columns():
    """In linear mode the pace is the workbook's "Attendu à date" and "Avancement"."""
    plan = _plan([_kpi(metric="deals", target=300, months=(20, 25, 22, 30))])
    computed = compute(plan)
    (p,) = pacing.kpi_paces(computed)
    row = computed.rows["kpis"][0]
    assert p.expected == pytest.approx(row["expected_to_date"]) and p.actual == pytest.approx(row["actual_to_date"])
    assert p.gap + 1 == pytest.approx(row["pacing"])


def test_seasonal_pace_from_the_web_tabs_monthly_profile():
    visits = [s * 100 for s in SEASON]  # 10 000 visits in N-1
    plan = _plan([_kpi(metric="web_visits", target=20_000, months=(900, 1100, 1900))], web=_web(visits))
    (p,) = pacing.kpi_paces(compute(plan))
    share = sum(SEASON[:3]) / 100
    assert p.profile == pacing.SEASONAL
    assert p.expected == pytest.approx(20_000 * share)
    assert p.forecast == pytest.approx(3900 / share)
    assert p.status == pacing.ON_TRACK  # 3 900 vs 4 000 expected: −2.5 %
    linear = pacing.pace(0, compute(plan).rows["kpis"][0], 3, 0.10, {})
    assert linear.status == pacing.BEHIND  # the same actual is late on a flat year (5 000 expected)


def test_web_profile_needs_all_twelve_months():
    visits = [s * 100 for s in SEASON]
    web = _web(visits)
    del web[7]["visits"]
    plan = _plan([_kpi(metric="web_visits", target=20_000, months=(900, 1100, 1900))], web=web)
    assert "web_visits" not in pacing.seasonal_profiles(compute(plan))
    assert pacing.kpi_paces(compute(plan))[0].profile == pacing.LINEAR


def test_web_months_found_by_label_in_any_order():
    visits = [s * 100 for s in SEASON]
    web = list(reversed(_web(visits)))
    plan = _plan([_kpi()], web=web)
    assert pacing.seasonal_profiles(compute(plan))["web_visits"] == tuple(float(v) for v in visits)


def test_lead_profile_dates_what_it_can_and_spreads_the_rest():
    plan = make_plan()
    computed = compute(plan)
    total = computed.total("leadgen", "leads")
    dated = [r["web_leads"] for r in plan.tables["web"]]
    for table in ("emailing", "events"):
        for r in plan.tables[table]:
            if isinstance(r.get("date"), dt.date) and r.get("leads"):
                dated[r["date"].month - 1] += r["leads"]
    expected = [d + (total - sum(dated)) / 12 for d in dated]
    assert pacing.seasonal_profiles(computed)["leads"] == pytest.approx(expected)
    assert sum(pacing.seasonal_profiles(computed)["qualified_leads"]) == pytest.approx(total)


def test_average_kpi_expects_its_target_and_forecasts_its_average():
    plan = _plan([_kpi(metric="cost_per_qualified_lead", target=100, months=(130, 120, 110), direction="down", aggregation="average")])
    (p,) = pacing.kpi_paces(compute(plan))
    assert p.actual == pytest.approx(120) and p.expected == 100 and p.forecast == pytest.approx(120)
    assert p.gap == pytest.approx(100 / 120 - 1) and p.status == pacing.BEHIND


def test_down_kpi_ahead_when_below_pace():
    plan = _plan([_kpi(metric="marketing_budget", target=1_200_000, months=(70_000, 80_000), direction="down")])
    (p,) = pacing.kpi_paces(compute(plan))
    assert p.gap == pytest.approx(200_000 / 150_000 - 1) and p.status == pacing.AHEAD


def test_no_actuals_no_target_and_review_month():
    plan = _plan([_kpi(months=()), _kpi(metric="deals", target=None, months=(5, 6)), _kpi(metric="deals", target=1200, months=(100, 100, 100, 100))])
    computed = compute(plan)
    a, b, c = pacing.kpi_paces(computed)
    assert a.status == pacing.NO_ACTUALS and a.forecast is None
    assert b.status == pacing.NO_TARGET and b.forecast == pytest.approx(11 * 6)
    assert c.month == 4 and pacing.reached_month(computed) == 4
    at_two = pacing.kpi_paces(computed, month=2)[2]
    assert at_two.actual == 200 and at_two.month == 2  # months after the review month are ignored


def test_missing_months_are_listed():
    plan = _plan([_kpi(metric="deals", target=120, months=(10, None, 10, 10))])
    (p,) = pacing.kpi_paces(compute(plan))
    assert p.missing == (2,) and p.actual == 30


def test_band_comes_from_the_settings():
    plan = _plan([_kpi(metric="deals", target=120, months=(9, 9, 9))], pacing_band=0.05)  # −10 %
    assert pacing.kpi_paces(compute(plan))[0].status == pacing.BEHIND
    plan = _plan([_kpi(metric="deals", target=120, months=(9, 9, 9))], pacing_band=0.15)
    assert pacing.kpi_paces(compute(plan))[0].status == pacing.ON_TRACK


def test_month_of():
    assert pacing.month_of("2026-09", 2026) == 9
    assert pacing.month_of("2026-09", None) == 9
    with pytest.raises(ValueError, match="year"):
        pacing.month_of("2025-09", 2026)
    with pytest.raises(ValueError, match="format"):
        pacing.month_of("sept 2026", 2026)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 100_000), st.lists(st.integers(1, 50), min_size=12, max_size=12))
def test_forecast_at_expected_pace_is_the_target(target, season):
    """An actual exactly on its pace (linear or seasonal) forecasts the target and is on track."""
    profile = {"web_visits": tuple(float(s) for s in season)}
    for m in range(1, 13):
        for prof in (profile, {}):
            share = sum(season[:m]) / sum(season) if prof else m / 12
            row = _kpi(target=target, months=())
            row[MONTH_KEYS[m - 1]] = target * share  # the whole to-date actual in month m
            row.update({MONTH_KEYS[i]: 0 for i in range(m - 1)})
            p = pacing.pace(0, row, m, 0.1, prof)
            assert p.forecast == pytest.approx(target) and p.status == pacing.ON_TRACK


def test_a_later_review_month_lists_the_months_not_reported():
    plan = _plan([_kpi(metric="deals", target=120, months=(10, 10, 10))])
    p = pacing.kpi_paces(compute(plan), month=5)[0]
    assert p.missing == (4, 5) and p.actual == 30 and p.expected == pytest.approx(50)
