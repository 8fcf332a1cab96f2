"""Oracle: LibreOffice recalculates our workbooks; every derived cell equals the Python value.

Covers the demo plan, the empty workbook in both languages, 25 random plans
(hypothesis), and the KPI sheet's pace on plans whose tabs hold last year's monthly
profile (seasonal) or not (linear); checks that no cell of any sheet holds an Excel
error value.
"""
from __future__ import annotations

import math

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from conftest import needs_lo
from lo import recalculate, strip_cached_values
from planmkg_xl import app
from planmkg_xl.core.compute import compute
from planmkg_xl.demo import demo_plan
from planmkg_xl.io.read import read_workbook
from planmkg_xl.io.write import cell_values
from planmkg_xl.model.plan import Plan
from planmkg_xl.model.schema import default_scalars
from pacing_plans import SEASON, linear_plan, seasonal_plan
from planmkg_xl.core import pacing
from strategies import plans

pytestmark = [needs_lo, pytest.mark.lo]
_RANDOM: list[Plan] = []


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(plans())
def _collect(plan):
    _RANDOM.append(plan)


def _compare(path_ours, path_lo) -> tuple[int, list[str]]:
    data = read_workbook(path_ours)
    expected = cell_values(data.layout, compute(data.plan))
    wb = openpyxl.load_workbook(path_lo, data_only=True)
    problems = []
    for (title, ref), py in expected.items():
        lo = wb[title][ref].value
        if py is None:
            if lo not in (None, ""):
                problems.append(f"{title}!{ref}: Python blank, LibreOffice {lo!r}")
        elif not isinstance(lo, (int, float)) or not math.isclose(py, lo, rel_tol=1e-9, abs_tol=1e-9):
            problems.append(f"{title}!{ref}: Python {py!r}, LibreOffice {lo!r}")
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "e":
                    problems.append(f"{ws.title}!{c.coordinate}: Excel error {c.value}")
    return len(expected), problems


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    _collect()
    cases = {"demo": demo_plan("fr"), "demo_en": demo_plan("en"), "empty_fr": Plan("fr", default_scalars()),
             "empty_en": Plan("en", default_scalars()), "seasonal": seasonal_plan("fr"), "seasonal_en": seasonal_plan("en"),
             "linear": linear_plan("fr")}
    cases.update({f"random_{i:02d}": p for i, p in enumerate(_RANDOM)})
    src = tmp_path_factory.mktemp("ours")
    stripped = tmp_path_factory.mktemp("stripped")
    ours, feed = {}, []
    for name, plan in cases.items():
        data = app.build_xlsm(plan)
        (src / f"{name}.xlsm").write_bytes(data)
        (stripped / f"{name}.xlsm").write_bytes(strip_cached_values(data))
        ours[name] = src / f"{name}.xlsm"
        feed.append(stripped / f"{name}.xlsm")
    outs = recalculate(feed, tmp_path_factory.mktemp("lo"), tmp_path_factory.mktemp("profile"))
    return {name: (ours[name], out) for name, out in zip(cases, outs)}


def test_at_least_25_random_plans(recalculated):
    assert sum(name.startswith("random_") for name in recalculated) >= 25


@pytest.mark.parametrize("name", ["demo", "demo_en", "empty_fr", "empty_en"])
def test_named_workbooks_match_libreoffice(recalculated, name):
    n, problems = _compare(*recalculated[name])
    assert n > 500
    assert problems == []


def test_random_plans_match_libreoffice(recalculated):
    failures = {}
    for name, (ours, lo) in recalculated.items():
        if name.startswith("random_"):
            _, problems = _compare(ours, lo)
            if problems:
                failures[name] = problems[:5]
    assert failures == {}


@pytest.mark.parametrize("name", ["seasonal", "seasonal_en", "linear"])
def test_kpi_pace_matches_libreoffice_and_the_review(recalculated, name):
    """The KPI sheet's "Attendu à date" and "Avancement", recalculated by LibreOffice, are the review's and PAC-001's figures."""
    ours, lo = recalculated[name]
    n, problems = _compare(ours, lo)
    assert problems == []
    data = read_workbook(ours)
    computed = compute(data.compact_plan())
    geom = data.layout.tables["kpis"]
    ws = openpyxl.load_workbook(lo, data_only=True)[geom.sheet_title]
    rows = [r for r in range(geom.first_row, geom.last_row + 1) if ws.cell(r, geom.cols["kpi"]).value]
    paces = pacing.kpi_paces(computed)
    assert len(paces) == len(rows) == 9
    for row, p in zip(rows, paces):
        expected, ratio = ws.cell(row, geom.cols["expected_to_date"]).value, ws.cell(row, geom.cols["pacing"]).value
        if p.expected is None:
            assert expected in (None, ""), p.kpi
        else:
            assert expected == pytest.approx(p.expected, rel=1e-12), p.kpi
            assert ratio == pytest.approx(p.gap + 1, rel=1e-12), p.kpi
    seasonal = name.startswith("seasonal")
    lo_expected = {p.kpi: ws.cell(row, geom.cols["expected_to_date"]).value for row, p in zip(rows, paces)}
    # Hand arithmetic: visits to March, unique visitors to April, web leads to March (a month skipped) on last year's months;
    # the budget has no profile (linear to March) and an average KPI expects its target.
    assert lo_expected["Visites"] == pytest.approx(150_000 * (sum(SEASON[:3]) / sum(SEASON) if seasonal else 3 / 12))
    assert lo_expected["Visiteurs uniques"] == pytest.approx(90_000 * (sum(SEASON[:4]) / sum(SEASON) if seasonal else 4 / 12))
    assert lo_expected["Leads web"] == pytest.approx(2_400 * (sum(SEASON[:3]) / sum(SEASON) if seasonal else 3 / 12))
    assert lo_expected["Budget"] == pytest.approx(1_200_000 * 3 / 12) and lo_expected["CTR"] == pytest.approx(0.05)
    plan = data.compact_plan()
    total = sum(r.get("leads") or 0 for r in plan.tables["leadgen"])
    dated = [s * 20 for s in SEASON]  # web leads by month
    for table in ("emailing", "events"):
        for r in plan.tables[table]:
            if r.get("date") and (r.get("leads") or 0) > 0:
                dated[r["date"].month - 1] += r["leads"]
    to_may = (sum(dated[:5]) + (total - sum(dated)) * 5 / 12) / total
    assert lo_expected["Leads entrants"] == pytest.approx(6_000 * (to_may if seasonal else 5 / 12))
    assert {p.profile for p in paces if p.kpi in ("Visites", "Leads entrants", "Leads qualifiés")} == {
        pacing.SEASONAL if seasonal else pacing.LINEAR}
