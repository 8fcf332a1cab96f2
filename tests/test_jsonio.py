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
from planmkg_xl.io.jsonio import json_schema, plan_from_json, plan_to_dict, plan_to_json
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
