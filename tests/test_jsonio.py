"""JSON: workbook -> JSON -> workbook -> JSON is the identity; the schema is published and true."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from planmkg_xl import app
from planmkg_xl.demo import demo_plan
from planmkg_xl.errors import PlanDataError
from planmkg_xl.io.jsonio import json_schema, plan_from_dict, plan_from_json, plan_to_dict, plan_to_json
from planmkg_xl.io.package import Package
from planmkg_xl.io.read import read_package_data
from planmkg_xl.model.schema import TABLES
from strategies import plans

ROOT = Path(__file__).resolve().parents[1]


def _read_back(xlsm: bytes):
    with zipfile.ZipFile(io.BytesIO(xlsm)) as zf:
        return read_package_data(Package({i.filename: zf.read(i) for i in zf.infolist()})).compact_plan()


def _round(plan) -> str:
    """plan -> workbook -> JSON."""
    return plan_to_json(_read_back(app.build_xlsm(plan)))


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(plans(tables=tuple(TABLES), max_rows=3))
def test_workbook_json_workbook_json_is_identity(plan):
    first = _round(plan)
    second = _round(plan_from_json(first))
    assert first == second


def test_demo_round_trip_through_the_cli(tmp_path):
    from click.testing import CliRunner

    from planmkg_xl.cli import main

    r = CliRunner()
    assert r.invoke(main, ["demo", "--out", str(tmp_path)]).exit_code == 0
    wb = tmp_path / "Plan_Marketing.xlsm"
    assert r.invoke(main, ["export", str(wb), "--json", str(tmp_path / "a.json")]).exit_code == 0
    assert r.invoke(main, ["new", "--from", str(tmp_path / "a.json"), str(tmp_path / "b.xlsm")]).exit_code == 0
    assert r.invoke(main, ["export", str(tmp_path / "b.xlsm"), "--json", str(tmp_path / "b.json")]).exit_code == 0
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    exported = json.loads((tmp_path / "a.json").read_text())
    assert exported["tables"]["commercial"][0] == {
        "line": "Produit 1", "kind": "product", "family": "Logiciels", "opportunities": 45, "deals": 20, "customers": 14,
        "revenue": 152000, "revenue_prev": 138200, "target_revenue": 167200, "target_avg_deal": 7600}


def test_demo_json_validates_against_the_published_schema():
    jsonschema.validate(plan_to_dict(demo_plan()), json_schema())


@pytest.mark.parametrize("copy", ["docs/plan.schema.json", "planmkg_xl/data/plan.schema.json"])
def test_published_schema_copies_are_up_to_date(copy):
    assert json.loads((ROOT / copy).read_text(encoding="utf-8")) == json_schema(), f"regenerate with: planmkg schema --out {copy}"


def test_schema_rejects_what_the_reader_rejects():
    bad = plan_to_dict(demo_plan())
    bad["tables"]["leadgen"][0]["leads"] = -3
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_schema())
    with pytest.raises(PlanDataError, match=r"tables.leadgen\[0\].leads: -3 is negative"):
        plan_from_json(json.dumps(bad))


def test_json_errors_say_where():
    with pytest.raises(PlanDataError, match="line 1, column 2"):
        plan_from_json("{x", "plan.json")
    with pytest.raises(PlanDataError, match=r"tables.commercial\[0\].kind: 'gadget' is not one of product, service"):
        plan_from_json(json.dumps({"lang": "fr", "tables": {"commercial": [{"kind": "gadget"}]}}))
    with pytest.raises(PlanDataError, match=r"scalars.win_ratio: unknown input"):
        plan_from_json(json.dumps({"lang": "fr", "scalars": {"win_ratio": 0.4}}))


# -- schema version 1 -> 2 (issue 8: typed values that became formulas are overrides) ------------

V1_DEMO = Path(__file__).parent / "data" / "plan_v1_demo.json"  # exported by commit ac5f057 (schema 1), untouched since


def test_v1_fixture_is_a_version_1_export():
    data = json.loads(V1_DEMO.read_text())
    assert data["schema_version"] == 1
    assert "baseline" in data["tables"]["marketing_objectives"][0] and "company_revenue_prev" in data["scalars"]


def test_v1_plan_loads_and_typed_values_become_overrides():
    from planmkg_xl.core.compute import compute
    from planmkg_xl.io.jsonio import plan_to_dict

    old = json.loads(V1_DEMO.read_text())
    plan = plan_from_json(V1_DEMO.read_text())
    for key in ("strategic_objectives", "marketing_objectives"):
        for before, after in zip(old["tables"][key], plan.tables[key]):
            assert after.get("baseline_typed") == before.get("baseline") and "baseline" not in after
    assert plan.scalars["company_revenue_prev_typed"] == old["scalars"]["company_revenue_prev"]
    ctr = next(r for r in plan.tables["leadgen_targets"] if r["metric"] == "CTR moyen emailing")
    assert ctr["source"] == "email_ctr" and ctr["unit"] == "percent" and ctr["value_prev"] == 0.047
    zero = next(r for r in plan.tables["kpis"] if r["kpi"] == "Zero")
    assert "value_prev" not in zero  # v1: 0 meant "take the tabs' value"
    c = compute(plan)
    assert next(r for r in c.rows["kpis"] if r["kpi"] == "Zero")["baseline"] == c.totals["leadgen"]["leads"]
    # every value typed in v1 still shows, unchanged, as the value used
    for before, after in zip(old["tables"]["marketing_objectives"], c.rows["marketing_objectives"]):
        assert after["baseline"] == before["baseline"]
    assert plan_to_dict(plan)["schema_version"] == 2
    jsonschema.validate(plan_to_dict(plan), json_schema())


def test_v1_overrides_that_disagree_are_findings():
    """The issue's click rate: 4.7 % typed on Stratégie against 4.4 % on Emailing, now a finding naming both cells."""
    from planmkg_xl.checks import run_checks
    from planmkg_xl.core.compute import compute
    from planmkg_xl.model.findings import CellRef

    plan = plan_from_json(V1_DEMO.read_text())
    found = run_checks(compute(plan))
    i = next(i for i, r in enumerate(plan.tables["leadgen_targets"]) if r["metric"] == "CTR moyen emailing")
    assert any(f.rule_id == "SRC-002" and f.cells == (CellRef("leadgen_targets", i, "value_prev"), CellRef("leadgen_targets", i, "value_tabs"))
               for f in found)


def test_unknown_future_version_is_refused():
    data = json.loads(V1_DEMO.read_text())
    data["schema_version"] = 99
    with pytest.raises(PlanDataError, match="schema_version 99"):
        plan_from_dict(data)


def test_json_percent_row_refuses_53():
    data = plan_to_dict(demo_plan())
    i = next(i for i, r in enumerate(data["tables"]["marketing_objectives"]) if r.get("metric") == "lead_to_opportunity")
    data["tables"]["marketing_objectives"][i]["target"] = 53
    with pytest.raises(PlanDataError, match=r"marketing_objectives\[\d+\]\.target: 53 is on a % row"):
        plan_from_dict(data)
