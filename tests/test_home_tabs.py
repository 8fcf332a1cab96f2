"""The Accueil tables: the readiness test (answers read from the plan) and the checklist of input data."""
from __future__ import annotations

import datetime as dt

import pytest

from plans import findings, make_plan
from xlsx_edit import Book

from planmkg_xl.core import checklist
from planmkg_xl.core.compute import compute
from planmkg_xl.io.read import read_workbook
from planmkg_xl.model.findings import CellRef, Severity
from planmkg_xl.model.home_tabs import CHECKLIST_ITEMS, IMPORT_CHECKLIST, INPUT_DATA, READINESS
from planmkg_xl.model.schema import SHEET_OF, TABLES


def _with_readiness(plan, answers=None):
    rows = READINESS.default_rows(plan.lang)
    for qid, answer in (answers or {}).items():
        next(r for r in rows if r["id"] == qid)["answer"] = answer
    plan.tables["readiness"] = rows
    return plan


def _answers(plan):
    return {r["id"]: (r.get("plan_answer"), r.get("used")) for r in compute(plan).rows["readiness"]}


def test_both_tables_are_declared_on_accueil():
    assert SHEET_OF["readiness"].codename == "shAccueil" == SHEET_OF["input_data"].codename
    assert TABLES["readiness"] is READINESS and TABLES["input_data"] is INPUT_DATA
    assert len(READINESS.rows) == 9
    for table in (READINESS, INPUT_DATA):
        for f in table.fields:
            assert f.label.fr and f.label.en


def test_plan_answers_follow_the_plan():
    plan = _with_readiness(make_plan())
    expected = {  # counted here from the demo's own rows
        "Q2": sum(1 for r in plan.tables["segments"] if r.get("profile")) >= 2,
        "Q3": sum(1 for r in plan.tables["personas"] if r.get("benefits")) >= 1,
        "Q4": sum(1 for r in plan.tables["competitors"] if r.get("offer")) >= 1,
        "Q5": sum(1 for r in plan.tables["marketing_objectives"] if r.get("strategic_id")) >= 1,
        "Q7": sum(1 for r in plan.tables["kpis"] if r.get("target") is not None) >= 1,
        "Q8": sum(1 for k in ("ansoff_penetration", "ansoff_product", "ansoff_market", "ansoff_diversification")
                  if plan.scalars.get(k)) >= 3,
    }
    answers = _answers(plan)
    assert {q: bool(a) for q, (a, _) in answers.items() if a is not None} == expected
    assert all(answers[q] == (None, None) for q in ("Q1", "Q6", "Q9"))  # the director answers these


def test_emptied_plan_answers_no():
    plan = _with_readiness(make_plan())
    for key in ("segments", "personas", "competitors", "kpis"):
        plan.tables[key] = []
    plan.scalars.pop("ansoff_market")
    answers = _answers(plan)
    assert {q: answers[q][0] for q in ("Q2", "Q3", "Q4", "Q7", "Q8")} == dict.fromkeys(("Q2", "Q3", "Q4", "Q7", "Q8"), 0)


def test_typed_answer_wins_and_a_contradiction_is_said():
    plan = _with_readiness(make_plan(), {"Q1": "yes", "Q7": "no", "Q9": "no"})
    answers = _answers(plan)
    assert answers["Q1"] == (None, 1) and answers["Q9"] == (None, 0) and answers["Q7"] == (1, 0)
    (f,) = findings(plan, "RDY-001")
    assert f.severity is Severity.INFO and "Q7" in f.message
    assert f.cells == (CellRef("readiness", 6, "answer"), CellRef("readiness", 6, "plan_answer"))


def test_agreeing_answers_are_silent():
    plan = _with_readiness(make_plan(), {"Q1": "yes", "Q7": "yes", "Q2": "yes"})
    assert findings(plan, "RDY-001") == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_import_ticks_its_rows_with_the_file(lang):
    rows = INPUT_DATA.default_rows(lang)
    ticks = checklist.checklist_ticks(rows, "invoices", "factures_2025.csv", dt.date(2026, 1, 15), lang)
    wanted = {i for i, (item_id, _, _) in enumerate(CHECKLIST_ITEMS) if item_id in IMPORT_CHECKLIST["invoices"]}
    assert {t.row for t in ticks} == wanted
    for row in wanted:
        cells = {t.field: t.new for t in ticks if t.row == row}
        assert cells == {"available": "yes", "source": "factures_2025.csv", "updated": dt.date(2026, 1, 15)}


def test_every_import_kind_ticks_an_existing_row():
    assert set(IMPORT_CHECKLIST) == {"deals", "leads", "web", "emailing", "events", "spend", "invoices", "kpi-actuals"}
    rows = INPUT_DATA.default_rows("fr")
    for kind in IMPORT_CHECKLIST:
        ticks = checklist.checklist_ticks(rows, kind, "x.csv")
        assert ticks and all(t.row < len(rows) and t.table == "input_data" for t in ticks)


def test_ticks_keep_what_is_there():
    rows = INPUT_DATA.default_rows("fr")
    i = next(n for n, (item_id, _, _) in enumerate(CHECKLIST_ITEMS) if item_id == "web")
    rows[i].update(available="no", source="GA4 2024.csv")
    ticks = {t.field: t for t in checklist.checklist_ticks(rows, "web", "ga4_2025.csv")}
    assert ticks["available"].old == "no" and ticks["available"].new == "yes"  # the caller's conflict rule applies
    assert ticks["source"].new == "GA4 2024.csv; ga4_2025.csv"
    rows[i].update(available="yes", source="GA4 2024.csv; ga4_2025.csv")
    assert checklist.checklist_ticks(rows, "web", "GA4_2025.CSV") == []  # same file again: nothing to write


def test_a_missing_row_is_added_again():
    rows = [r for r in INPUT_DATA.default_rows("en") if r["item"] != "Web audience (analytics)"]
    ticks = checklist.checklist_ticks(rows, "web", "ga4.csv", lang="en")
    assert {t.row for t in ticks} == {len(rows)}
    assert {t.field: t.new for t in ticks}["item"] == "Web audience (analytics)"


def test_rows_match_in_the_other_language_and_loosely():
    rows = INPUT_DATA.default_rows("en")
    rows[9]["item"] = "  recency/FREQUENCY/value "
    assert checklist.find_row(rows, "rfm") == 9
    assert checklist.find_row(INPUT_DATA.default_rows("fr"), "rfm") == 9


def test_aggregate_rows_carry_both_languages():
    (row,) = checklist.aggregate_rows("web", "ga4.csv", lang="fr")
    assert row["item"] == "Audience web (analytics)" and row["_aliases_item"] == ("Web audience (analytics)",)
    assert row["available"] == "yes" and row["source"] == "ga4.csv"


def test_workbook_reads_the_accueil_tables(wb):
    data = read_workbook(wb)
    assert [r["id"] for r in data.plan.tables["readiness"]] == [f"Q{i}" for i in range(1, 10)]
    assert data.plan.tables["input_data"][9]["item"] == "Récence / fréquence / valeur"


def test_a_workbook_built_before_the_accueil_tables_still_opens(wb):
    book = Book(wb)
    book.rename_table("tReadiness", "tSomethingElse")
    root = book.xml("xl/workbook.xml")
    for d in root.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}definedName"):
        if d.get("name") == "pacing_band":
            d.getparent().remove(d)
    book.put("xl/workbook.xml", root)
    book.save()
    data = read_workbook(wb)
    assert "readiness" not in data.layout.tables and "pacing_band" not in data.layout.scalars
    assert data.plan.tables["kpis"]
