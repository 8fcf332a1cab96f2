"""The registry, crash isolation, the reviewed demo findings, the reports, and purity."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from plans import findings, make_plan

import planmkg_xl
from planmkg_xl.checks import RULES, run_checks
from planmkg_xl.checks.registry import Rule, RULES_BY_ID
from planmkg_xl.checks.report import cell_label, format_rules, format_table, to_json
from planmkg_xl.core.compute import compute
from planmkg_xl.model.fields import Text
from planmkg_xl.model.findings import CellRef, Finding, Severity

PACKAGE = Path(planmkg_xl.__file__).parent

# Reviewed as the marketing director of the demo company (see the report in the PR):
DEMO_FINDINGS = [
    # M2 (+30 % inbound leads) and M3 (+30 % conversion, 41 % → 53 %) compound to +69 % opportunities, while the
    # +13.6 % revenue target needs +14 % (1 004): at 53 % conversion 1 894 qualified leads would do, 2 750 are planned.
    ("FUN-004", Severity.ERROR, (CellRef("leadgen", None, "target_qualified_leads"), CellRef("marketing_objectives", 2, "target"),
                                 CellRef("commercial", None, "required_opportunities"))),
    # M1 (−30 % cost per qualified lead, 190 → 133 €, "à budget stable") vs a lead-gen budget up 16 % (402 → 465 k€):
    # 465 k€ for 2 750 qualified leads is 169 €, −10 % only; M1 would need 366 k€.
    ("FUN-006", Severity.ERROR, (CellRef("leadgen", None, "budget"), CellRef("marketing_objectives", 0, "target"),
                                 CellRef("leadgen", None, "target_qualified_leads"))),
    # S5 (+5 % market penetration) has no marketing objective serving it…
    ("OBJ-002", Severity.WARNING, (CellRef("strategic_objectives", 4, "id"),)),
    # …and no deadline.
    ("OBJ-004", Severity.WARNING, (CellRef("strategic_objectives", 4, "deadline"),)),
    # Monthly review at March: 667 qualified leads where last year's profile (March trade shows) expects 907, −26 %;
    # at this pace the year ends near 2 020 for 2 750.
    ("PAC-001", Severity.WARNING, (CellRef("kpis", 4, "m03"), CellRef("kpis", 4, "target"))),
    # Produit 5 (+28 % revenue, June launch) needs +28 % opportunities while the funnel grows +14 %.
    ("FUN-008", Severity.INFO, (CellRef("commercial", 4, "required_opportunities"), CellRef("commercial", 4, "target_revenue"),
                                CellRef("commercial", None, "required_opportunities"))),
    # 4.12 % of revenue, below the CMO Survey's 6.2 % B2B average: context for the executive committee.
    ("BEN-001", Severity.INFO, (CellRef(None, None, "cost_to_revenue"), CellRef("benchmarks", 0, "value"))),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_demo_findings_are_the_reviewed_list(lang):
    found = run_checks(compute(make_plan(lang)))
    assert [(f.rule_id, f.severity, f.cells) for f in found] == DEMO_FINDINGS


def test_demo_messages_carry_the_numbers():
    text = {f.rule_id: f.message.replace("\u202f", " ").replace("\u00a0", " ") for f in findings(make_plan())}
    assert "1 004 opportunités" in text["FUN-004"] and "53,0 %" in text["FUN-004"] and "1 894 leads qualifiés" in text["FUN-004"]
    assert "2 750" in text["FUN-004"] and "+45,2 %" in text["FUN-004"]
    assert "365 750 €" in text["FUN-006"] and "465 000 €" in text["FUN-006"] and "133 €" in text["FUN-006"] and "169 €" in text["FUN-006"]
    assert "+27,1 %" in text["FUN-006"]
    assert "S5" in text["OBJ-002"] and "S5" in text["OBJ-004"]
    assert "121 opportunités" in text["FUN-008"] and "+27,8 %" in text["FUN-008"] and "+14,1 %" in text["FUN-008"]
    assert "4,12 %" in text["BEN-001"]


def test_rules_metadata():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"(FUN|OBJ|BUD|BEN|KPI|PAC|RDY|SAN)-\d{3}", i) for i in ids)
    for r in RULES:
        assert r.title.fr and r.title.en and r.checks.fr and r.checks.en and r.definition
        assert r.run.__doc__, r.id
    # every family of PLAN_SPEC §2 is covered
    assert {r.family for r in RULES} == {"FUN", "OBJ", "BUD", "BEN", "KPI", "PAC", "RDY", "SAN"}


def test_each_rule_reports_at_most_its_declared_severity():
    for plan in (make_plan(), make_plan("en")):
        for f in run_checks(compute(plan)):
            assert f.severity <= RULES_BY_ID[f.rule_id].severity


def test_crashing_rule_is_isolated():
    def boom(ctx):
        raise ZeroDivisionError("float division by zero")

    broken = Rule("FUN-999", Severity.ERROR, Text("Cassé", "Broken"), Text("x", "x"), "test", boom)
    found = run_checks(compute(make_plan()), rules=(broken,) + RULES)
    internal = [f for f in found if f.rule_id == "INT-001"]
    assert len(internal) == 1 and "FUN-999" in internal[0].message and "ZeroDivisionError" in internal[0].message
    assert [f.rule_id for f in found if f.rule_id != "INT-001"] == [r for r, _, _ in DEMO_FINDINGS]


def test_crash_isolation_is_exception_only():
    def interrupt(ctx):
        raise KeyboardInterrupt

    broken = Rule("FUN-998", Severity.ERROR, Text("x", "x"), Text("x", "x"), "test", interrupt)
    with pytest.raises(KeyboardInterrupt):
        run_checks(compute(make_plan()), rules=(broken,))


def test_empty_plan_runs_every_rule_without_crash():
    from planmkg_xl.model.plan import Plan

    found = run_checks(compute(Plan()))
    assert not [f for f in found if f.rule_id == "INT-001"]


def test_severity_order_and_parse():
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert Severity.parse("warning") is Severity.WARNING and Severity.ERROR.key == "error"
    with pytest.raises(ValueError):
        Severity.parse("fatal")
    with pytest.raises(ValueError):
        CellRef(None, 3, "envelope")


def test_findings_are_sorted_by_severity():
    sev = [f.severity for f in findings(make_plan())]
    assert sev == sorted(sev, reverse=True)


def test_format_table_and_json():
    found = findings(make_plan())
    table = format_table(found, "fr")
    assert "FUN-004" in table and "Erreur" in table and "2 erreurs, 3 alertes, 2 infos" in table
    assert "Lead generation › Sources de leads N-1 et objectifs N › Objectif leads qualifiés N › total" in table
    assert format_table([], "en") == "No incoherence found."
    data = to_json(found)
    json.dumps(data)
    assert data[0]["rule_id"] == "FUN-004" and data[0]["severity"] == "error"
    assert data[0]["cells"][0] == {"table": "leadgen", "row": None, "field": "target_qualified_leads"}
    assert data[0]["data"]["required"] == pytest.approx(1894.4, abs=0.1)


def test_cell_labels():
    assert cell_label(CellRef(None, None, "envelope_gap"), "en") == "Budget › Bottom-up − top-down"
    assert cell_label(CellRef("kpis", 2, "target"), "fr").endswith("Cible N › ligne 3")


def test_format_rules_lists_every_rule():
    for lang in ("fr", "en"):
        text = format_rules(lang)
        assert all(r.id in text for r in RULES)
    assert "At most 10 KPIs" in format_rules("en")


def test_findings_are_frozen():
    f = Finding("X-001", Severity.INFO, "m")
    with pytest.raises(AttributeError):
        f.message = "n"


FRONT_AND_FILES = {"io", "deck", "cli", "app", "excel"}
THIRD_PARTY_FILES = {"openpyxl", "pptx", "xlwings"}


@pytest.mark.parametrize("path", sorted((PACKAGE / "checks").glob("*.py")) + [PACKAGE / "model" / "findings.py", PACKAGE / "core" / "numbers.py"],
                         ids=lambda p: p.name)
def test_purity(path):
    """No file formats, no front end, no I/O, no print, no bare except in the checks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            parts = (node.module or "").split(".")
            top = parts[0] if node.level >= 2 else (parts[1] if parts[0] == "planmkg_xl" and len(parts) > 1 else None)
            assert top not in FRONT_AND_FILES, f"{path.name} imports {node.module}"
            assert parts[0] not in THIRD_PARTY_FILES
        if isinstance(node, ast.Import):
            assert not any(a.name.split(".")[0] in ("openpyxl", "pptx", "xlwings") for a in node.names)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in ("print", "open"), path.name
        if isinstance(node, ast.ExceptHandler):
            assert node.type is not None, f"bare except in {path.name}"
    assert path.read_text(encoding="utf-8").count('"""') >= 2, "module docstring"
