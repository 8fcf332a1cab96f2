"""Budget (BUD-*), benchmark (BEN-*) and KPI (KPI-*) rules: a passing and a failing example each."""
from __future__ import annotations

import pytest

from plans import coherent_plan, findings, make_plan, scale, scale_scalar

from planmkg_xl.core.compute import compute
from planmkg_xl.model.findings import CellRef, Severity


def test_coherent_budget_benchmarks_kpis_pass():
    assert [f for f in findings(coherent_plan()) if f.rule_id[:3] in ("BUD", "BEN", "KPI")] == []


def test_bud001_line_without_block():
    plan = coherent_plan()
    plan.tables["budget"].append({"block": None, "line": "Salon oublié", "spend_prev": 0, "budget": 50_000})
    plan.scalars["envelope"] += 50_000  # keep BUD-002 quiet: only the block is wrong
    (f,) = findings(plan, "BUD-001")
    assert f.cells == (CellRef("budget", 3, "block"), CellRef(None, None, "programmes"))
    assert "Salon oublié" in f.message


def test_bud002_bottom_up_well_below_top_down():
    plan = scale_scalar(coherent_plan(), "envelope", 1.25)
    (f,) = findings(plan, "BUD-002")
    assert f.severity is Severity.ERROR and f.data["gap_pct"] == pytest.approx(1 / 1.25 - 1)
    assert f.cells[0] == CellRef(None, None, "envelope_gap")
    assert findings(plan, "ENV-001") == []


def test_bud002_envelope_from_percent_of_revenue():
    plan = coherent_plan()
    programmes = plan.scalars.pop("envelope")
    plan.scalars["envelope_pct"] = programmes / plan.scalars["company_revenue"]
    assert findings(plan, "BUD-002") == []
    plan.scalars["envelope_pct"] *= 1.07
    assert findings(plan, "BUD-002")[0].severity is Severity.WARNING


def test_bud002_leaves_an_overrun_to_env001():
    plan = scale_scalar(coherent_plan(), "envelope", 0.8)
    assert findings(plan, "BUD-002") == []
    (f,) = findings(plan, "ENV-001")
    assert f.severity is Severity.ERROR and f.data["gap_pct"] == pytest.approx(0.25)


def test_bud002_no_envelope_is_info():
    plan = coherent_plan()
    del plan.scalars["envelope"]
    (f,) = findings(plan, "BUD-002")
    assert f.severity is Severity.INFO


def test_bud003_leadgen_block_vs_leadgen_tab():
    plan = scale(coherent_plan(), "budget", "budget", 1.2, rows=[1])
    plan.scalars["envelope"] = None
    found = findings(plan, "BUD-003")
    assert found[0].cells == (CellRef(None, None, "total_leadgen"), CellRef("leadgen", None, "budget"))
    assert found[0].data["gap_pct"] == pytest.approx(0.2)


def test_ben001_far_from_the_average_is_info():
    plan = scale_scalar(coherent_plan(), "salaries", 3)
    (f,) = findings(plan, "BEN-001")
    assert f.severity is Severity.INFO and "au-dessus" in f.message and "test, 2026" in f.message
    assert f.cells == (CellRef(None, None, "cost_to_revenue"), CellRef("benchmarks", 0, "value"))


def test_ben001_demo_reads_the_default_benchmark_rows():
    (f,) = findings(make_plan(), "BEN-001")
    assert "6,4" in f.message and "CMO Survey" in f.message and "sous" in f.message and "B2B produits" in f.message


def test_ben002_small_company_ceiling():
    plan = coherent_plan()
    plan.tables["benchmarks"][1]["value"] = 0.01
    (f,) = findings(plan, "BEN-002")
    assert f.severity is Severity.WARNING and f.cells[-1] == CellRef("benchmarks", 1, "value")


def test_ben_missing_benchmark_row_is_silent():
    plan = scale_scalar(coherent_plan(), "salaries", 3)
    plan.tables["benchmarks"] = []
    assert findings(plan, "BEN-001") == findings(plan, "BEN-002") == []


def test_kpi001_at_most_ten():
    plan = coherent_plan()
    plan.tables["kpis"] = [{"kpi": f"K{i}", "value_prev": 1, "target": 2} for i in range(12)]
    (f,) = findings(plan, "KPI-001")
    assert f.severity is Severity.ERROR and f.cells == (CellRef("kpis", 10, "kpi"), CellRef("kpis", 11, "kpi"))
    plan.tables["kpis"] = plan.tables["kpis"][:10]
    assert findings(plan, "KPI-001") == []


def test_kpi002_value_and_target():
    plan = coherent_plan()
    plan.tables["kpis"].append({"kpi": "NPS", "value_prev": 32})
    (f,) = findings(plan, "KPI-002")
    assert f.cells == (CellRef("kpis", 1, "target"),) and "NPS" in f.message


def test_kpi002_takes_the_n1_value_from_the_tabs():
    """PLAN_SPEC §1.10: the N-1 value is filled from the tabs; only a KPI with neither is incomplete."""
    plan = coherent_plan()
    plan.tables["kpis"] = [{"kpi": "Leads qualifiés", "metric": "qualified_leads", "target": 900},
                           {"kpi": "NPS", "metric": "other", "target": 40}]
    (f,) = findings(plan, "KPI-002")
    assert "NPS" in f.message and f.cells == (CellRef("kpis", 1, "value_prev"),)


def test_kpi003_typed_n1_must_match_the_tabs():
    plan = coherent_plan()
    tabs = compute(plan).totals["leadgen"]["qualified_leads"]
    plan.tables["kpis"] = [{"kpi": "Leads qualifiés", "metric": "qualified_leads", "value_prev": tabs, "target": 900}]
    assert findings(plan, "KPI-003") == []
    plan.tables["kpis"][0]["value_prev"] = round(tabs * 1.2)
    (f,) = findings(plan, "KPI-003")
    assert f.severity is Severity.WARNING and f.cells == (CellRef("kpis", 0, "value_prev"), CellRef("kpis", 0, "value_tabs"))
    assert "+20" in f.message


def test_ben001_services_average_when_services_make_most_of_the_target():
    plan = make_plan("en")
    for row in plan.tables["commercial"]:
        row["kind"] = "service"
    (f,) = findings(plan, "BEN-001")
    assert "B2B service" in f.message and "9.0%" in f.message.replace("\u00a0", "")
    assert f.cells[-1] == CellRef("benchmarks", 1, "value")


def test_ben003_dated_benchmark_in_use():
    plan = coherent_plan()
    assert findings(plan, "BEN-003") == []  # the test benchmarks are dated 2026
    plan.tables["benchmarks"][1]["date"] = "2015-08"
    (f,) = findings(plan, "BEN-003")
    assert f.severity is Severity.INFO and f.data["age"] == 11 and f.cells[0] == CellRef("benchmarks", 1, "date")
    assert "2015" in f.message and "11 ans" in f.message
    plan.scalars["benchmark_max_age"] = 12
    assert findings(plan, "BEN-003") == []


def test_ben003_year_from_the_source_and_no_plan_year():
    plan = coherent_plan(lang="en")
    plan.tables["benchmarks"][0].update(date=None, source="CMO Survey, February 2019 edition")
    (f,) = findings(plan, "BEN-003")
    assert f.data["year"] == 2019 and "7 years" in f.message
    plan.scalars["plan_year"] = None
    assert findings(plan, "BEN-003") == []


def test_default_benchmarks_cite_source_and_date():
    from planmkg_xl.model.schema import TABLES

    for lang in ("fr", "en"):
        rows = TABLES["benchmarks"].default_rows(lang)
        assert {r["key"] for r in rows} >= {"marketing_to_revenue_b2b_product", "marketing_to_revenue_b2b_services",
                                           "marketing_to_revenue_small_max"}
        assert all(r["source"] and r["date"] and 0 < r["value"] < 1 for r in rows)


def test_ben003_only_for_benchmarks_in_use():
    plan = coherent_plan()
    plan.tables["benchmarks"][1]["date"] = "2015-08"
    plan.scalars["company_revenue"] = None  # neither ratio can be computed: no benchmark is in use
    assert findings(plan, "BEN-003") == []
