"""`planmkg import` as a director meets it: conflicts kept, dry run, growth, provenance, nothing else touched."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from planmkg_xl import app
from planmkg_xl.cli import main
from planmkg_xl.core.imports import Aggregate, plan_changes
from planmkg_xl.core.layout import cell_ref
from planmkg_xl.model.plan import Plan

import exports as ex
from xlsx_edit import Book

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
TODAY = dt.date(2026, 1, 15)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def deals_csv(tmp_path: Path, rows=None) -> Path:
    rows = rows or [["1", "A", "Closed Won", "1000", "2025-03-01", "Produit 1", "Acme"],
                    ["2", "B", "Closed Won", "2500", "2025-05-01", "Produit 1", "Beta"],
                    ["3", "C", "Closed Lost", "900", "2025-06-01", "Nouvelle offre", "Gamma"]]
    return ex.write_csv(tmp_path / "deals.csv", ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Pipeline",
                                                 "Associated Company"], rows)


def test_conflicts_are_listed_and_kept_unless_replace(demo_xlsm, tmp_path):
    before = {r["line"]: r for r in app.load(demo_xlsm).plan.tables["commercial"] if r.get("line")}
    src = deals_csv(tmp_path)
    report = app.import_files(demo_xlsm, [src], year=2025, today=TODAY)
    conflicts = {(c.field, c.old, c.new) for c in report.changes.conflicts}
    assert ("revenue", before["Produit 1"]["revenue"], 3500) in conflicts
    after = {r["line"]: r for r in app.load(demo_xlsm).plan.tables["commercial"] if r.get("line")}
    assert after["Produit 1"]["revenue"] == before["Produit 1"]["revenue"]  # the typed value is kept
    assert after["Nouvelle offre"]["opportunities"] is not None or True
    report = app.import_files(demo_xlsm, [src], year=2025, replace=True, today=TODAY)
    assert not report.changes.conflicts and any(c.status == "replaced" for c in report.changes.cells)
    after = {r["line"]: r for r in app.load(demo_xlsm).plan.tables["commercial"] if r.get("line")}
    assert after["Produit 1"]["revenue"] == 3500 and after["Produit 1"]["deals"] == 2 and after["Produit 1"]["customers"] == 2


def test_dry_run_writes_nothing(demo_xlsm, tmp_path):
    before = demo_xlsm.read_bytes()
    report = app.import_files(demo_xlsm, [deals_csv(tmp_path)], year=2025, dry_run=True, today=TODAY)
    assert report.dry_run and not report.written and report.changes.writes
    assert demo_xlsm.read_bytes() == before


def test_a_bad_file_among_good_ones_writes_nothing(demo_xlsm, tmp_path):
    before = demo_xlsm.read_bytes()
    bad = ex.write_csv(tmp_path / "bad.csv", ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date"],
                       [["1", "A", "Closed Won", "1000", "2025-03-01"], ["1", "B", "Closed Won", "10", "2025-03-01"]])
    with pytest.raises(Exception, match="même identifiant"):
        app.import_files(demo_xlsm, [deals_csv(tmp_path), bad], year=2025, today=TODAY)
    assert demo_xlsm.read_bytes() == before


def test_mixed_and_foreign_currencies_are_refused(demo_xlsm, tmp_path):
    head = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Currency"]
    mixed = ex.write_csv(tmp_path / "mixed.csv", head, [["1", "A", "Closed Won", "1", "2025-01-01", "EUR"],
                                                        ["2", "B", "Closed Won", "1", "2025-01-01", "USD"]])
    with pytest.raises(Exception, match="plusieurs devises.*EUR \\(ligne 2\\), USD \\(ligne 3\\)"):
        app.import_files(demo_xlsm, [mixed], year=2025)
    usd = ex.write_csv(tmp_path / "usd.csv", head, [["1", "A", "Closed Won", "1", "2025-01-01", "USD"]])
    with pytest.raises(Exception, match="en USD, le plan en EUR"):
        app.import_files(demo_xlsm, [usd], year=2025)


def test_a_second_import_changes_nothing(tmp_path):
    plan = tmp_path / "Plan.xlsm"
    app.new_workbook(plan)
    src = deals_csv(tmp_path)
    app.import_files(plan, [src], year=2025, today=TODAY)
    first = plan.read_bytes()
    report = app.import_files(plan, [src], year=2025, today=TODAY)
    assert not report.changes.writes and not report.changes.conflicts and not report.written
    assert plan.read_bytes() == first


def test_parts_the_import_does_not_own_stay_byte_identical(demo_xlsm, tmp_path):
    book = Book(demo_xlsm)
    image_parts = book.add_image("Commercial")  # on the sheet the import writes
    custom = book.add_custom_xml()
    book.save()
    before = parts(demo_xlsm)
    report = app.import_files(demo_xlsm, [deals_csv(tmp_path)], year=2025, replace=True, today=TODAY)
    after = parts(demo_xlsm)
    assert list(after) == list(before)
    owned = {p for p in report.changed_parts}
    assert owned <= {n for n in before if n.startswith(("xl/worksheets/sheet", "xl/tables/table"))} | {
        "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
    for name in before:
        if name not in owned:
            assert after[name] == before[name], name
    for name in ("xl/vbaProject.bin", "xl/styles.xml", *image_parts, *custom):
        assert after[name] == before[name], name


def test_a_grown_table_keeps_styles_validation_and_formulas(tmp_path):
    plan = tmp_path / "Plan.xlsm"
    app.new_workbook(plan)
    headers, rows, expected = ex.campaigns("mailchimp-campaigns", n=15)
    src = ex.write_csv(tmp_path / "mc.csv", headers, rows)
    geom_before = app.load(plan).layout.tables["emailing"]
    book = Book(plan)
    last_styles = {c: book.cell(geom_before.sheet_title, cell_ref(geom_before.last_row, c)).get("s")
                   for c in range(geom_before.first_col, geom_before.last_col + 1)}
    total_label = cell_ref(geom_before.total_row, geom_before.first_col)
    app.import_files(plan, [src], year=ex.YEAR, today=TODAY)
    data = app.load(plan)
    geom = data.layout.tables["emailing"]
    assert geom.n_rows == 15 and geom.first_row == geom_before.first_row
    book = Book(plan)
    title = geom.sheet_title
    for r in range(geom_before.last_row + 1, geom.last_row + 1):
        for c, style in last_styles.items():
            assert book.cell(title, cell_ref(r, c)).get("s") == style, (r, c)
    moved = book.cell(title, cell_ref(geom.total_row, geom.first_col))  # the total row moved down, its label with it
    assert moved is not None and data.plan.tables["emailing"][-1].get("campaign") != "Total"
    from planmkg_xl.io.sheets import cell_value

    assert cell_value(moved, app.load(plan).wmap.shared_strings) == "Total"
    assert book.cell(title, total_label).findtext(f"{M}is/{M}t") == "Newsletter 12"  # where it was: a campaign now
    sheet = book.xml(book.sheet_part(title))
    sent_col = cell_ref(1, geom.cols["sent"])[:-1]
    sqrefs = " ".join(dv.get("sqref") for dv in sheet.iter(f"{M}dataValidation"))
    assert f"{sent_col}{geom.first_row}:{sent_col}{geom.last_row}" in sqrefs
    rows = [r for r in data.plan.tables["emailing"] if r.get("campaign")]
    assert len(rows) == 15
    report = app.recompute(plan)  # every derived cell of the grown table already holds its formula
    assert report.repairs == []


def test_provenance_in_the_sources_table(tmp_path):
    plan = tmp_path / "Plan.xlsm"
    app.new_workbook(plan)
    src = deals_csv(tmp_path)
    app.import_files(plan, [src], year=2025, today=TODAY)
    sources = [r for r in app.load(plan).plan.tables["sources"] if r.get("file")]
    assert sources == [{"file": "deals.csv", "kind": "deals", "preset": "HubSpot — deals", "year": 2025, "rows_read": 3,
                        "rows_used": 3, "rows_skipped": 0, "imported_on": TODAY, "targets": "tCommercial"}]
    app.import_files(plan, [src], year=2025, today=TODAY + dt.timedelta(days=3))  # same file again: its row is updated
    sources = [r for r in app.load(plan).plan.tables["sources"] if r.get("file")]
    assert len(sources) == 1 and sources[0]["imported_on"] == TODAY + dt.timedelta(days=3)


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    plan = tmp_path / "Plan.xlsm"
    app.new_workbook(plan)
    src = deals_csv(tmp_path, [["1", "A", "Closed Won", "10", "2025-03-01", "=HYPERLINK(\"x\")", "Acme"]])
    app.import_files(plan, [src], year=2025, today=TODAY)
    data = app.load(plan)
    geom = data.layout.tables["commercial"]
    book = Book(plan)
    cells = [book.cell(geom.sheet_title, cell_ref(r, geom.first_col)) for r in range(geom.first_row, geom.last_row + 1)]
    hit = [c for c in cells if c is not None and c.findtext(f"{M}is/{M}t") == '=HYPERLINK("x")']
    assert hit and hit[0].find(f"{M}f") is None and hit[0].get("t") == "inlineStr"


def test_pure_changes_on_a_plan_without_a_file():
    plan = Plan("fr", {}, {"commercial": [{"line": "Produit 1", "kind": "product"}, {"line": "Mon offre", "revenue": 10}, {}]})
    agg = Aggregate("commercial", ("line",), ({"line": "mon OFFRE", "revenue": 12, "deals": 3}, {"line": "Autre", "deals": 1},
                                             {"line": "Encore", "deals": 2}, {"line": "Et une", "deals": 4}))
    changes = plan_changes(plan, [agg])
    by = {(c.row, c.field): c.status for c in changes.cells}
    assert by[(1, "revenue")] == "conflict" and by[(1, "deals")] == "new"
    assert by[(0, "line")] == "new"  # the placeholder "Produit 1" is taken first
    assert by[(2, "line")] == "new" and by[(3, "line")] == "new" and changes.grow == {"commercial": 4}


def test_cli_import_dry_run_and_errors(demo_xlsm, tmp_path):
    src = deals_csv(tmp_path)
    result = CliRunner().invoke(main, ["import", str(demo_xlsm), str(src), "--year", "2025", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "CONFLIT" in result.output and "Commercial!G6" in result.output and "rien n'a été écrit" in result.output
    result = CliRunner().invoke(main, ["import", str(demo_xlsm), str(tmp_path / "missing.csv")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["import", "--help"])
    assert "Example: planmkg import" in result.output
    mapping = tmp_path / "m.toml"
    result = CliRunner().invoke(main, ["import", "--init-mapping", str(mapping), "--as", "invoices"])
    assert result.exit_code == 0 and 'kind = "invoices"' in mapping.read_text(encoding="utf-8")


@pytest.mark.lo
def test_libreoffice_computes_the_grown_tables_like_python(tmp_path):
    """An independent engine opens the imported workbook: grown tables, moved totals, same numbers as ours."""
    from conftest import soffice_path
    from lo import recalculate, strip_cached_values

    if soffice_path() is None:
        pytest.skip("LibreOffice not installed")
    import openpyxl

    from planmkg_xl.core.compute import compute

    plan = tmp_path / "Plan.xlsm"
    app.new_workbook(plan)
    headers, rows, _ = ex.campaigns("brevo-campaigns", n=16)
    app.import_files(plan, [ex.write_csv(tmp_path / "b.csv", headers, rows), deals_csv(tmp_path)], year=ex.YEAR, today=TODAY)
    bare = tmp_path / "bare.xlsx"
    bare.write_bytes(strip_cached_values(plan.read_bytes()))
    out = recalculate([bare], tmp_path / "lo", tmp_path / "profile")[0]
    data = app.load(plan)
    computed = compute(data.plan)
    ws = openpyxl.load_workbook(out, data_only=True)
    for key in ("emailing", "commercial"):
        geom = data.layout.tables[key]
        for fkey, value in computed.totals[key].items():
            if isinstance(value, (int, float)):
                got = ws[geom.sheet_title].cell(geom.total_row, geom.cols[fkey]).value
                assert got == pytest.approx(value, rel=1e-9), (key, fkey)


def test_output_leaves_the_plan_untouched_and_needs_force_to_replace(demo_xlsm, tmp_path):
    before = demo_xlsm.read_bytes()
    out = tmp_path / "Imported.xlsm"
    report = app.import_files(demo_xlsm, [deals_csv(tmp_path)], year=2025, output=out, today=TODAY)
    assert report.written and out.exists() and demo_xlsm.read_bytes() == before
    with pytest.raises(Exception, match="--force"):
        app.import_files(demo_xlsm, [deals_csv(tmp_path)], year=2025, output=out, today=TODAY)
    app.import_files(demo_xlsm, [deals_csv(tmp_path)], year=2025, output=out, force=True, today=TODAY)


def test_an_imported_workbook_is_valid_ooxml(tmp_path):
    """Grown tables, moved totals, inline strings and the per-customer sheet pass the OOXML oracle (schemas + Excel's rules)."""
    from ooxml import assert_valid_workbook, parts_of

    plan = tmp_path / "Plan.xlsm"
    app.new_workbook(plan)
    headers, rows, _ = ex.campaigns("mailchimp-campaigns", n=15)
    invoices = ex.write_csv(tmp_path / "factures.csv", ["N° de facture", "Client", "Date facture", "Montant HT"],
                            [[i, c, d, str(a).replace(".", ",")] for i, c, d, a in ex.invoices()], delimiter=";")
    app.import_files(plan, [ex.write_csv(tmp_path / "mc.csv", headers, rows), deals_csv(tmp_path), invoices], year=ex.YEAR,
                     detail=True, today=TODAY)
    assert_valid_workbook(parts_of(plan.read_bytes()))


def test_imports_tick_the_accueil_checklist_keeping_what_the_director_typed(tmp_path):
    from planmkg_xl.core.checklist import find_row
    from planmkg_xl.model.home_tabs import IMPORT_CHECKLIST

    plan = tmp_path / "Plan.xlsm"
    app.new_workbook(plan)
    rows = app.load(plan).plan.tables["input_data"]
    web_row = find_row(rows, IMPORT_CHECKLIST["web"][0])
    book = Book(plan)  # the director said « no » for the web data
    geom = app.load(plan).layout.tables["input_data"]
    book.set_cell(geom.sheet_title, cell_ref(geom.first_row + web_row, geom.cols["available"]), "Non")
    book.save()
    headers, rows_ga, _, preamble = ex.ga4()
    ga4 = ex.write_csv(tmp_path / "ga4.csv", headers, rows_ga, preamble=preamble)
    report = app.import_files(plan, [deals_csv(tmp_path), ga4], year=ex.YEAR, today=TODAY)
    table = app.load(plan).plan.tables["input_data"]
    for item in IMPORT_CHECKLIST["deals"]:
        row = table[find_row(table, item)]
        assert (row["available"], row["source"], row["updated"]) == ("yes", "deals.csv", TODAY)
    assert table[web_row]["available"] == "no" and table[web_row]["source"] == "ga4.csv"  # kept, listed as a conflict
    assert any(c.table == "input_data" and c.field == "available" and c.status == "conflict" for c in report.changes.cells)
    again = app.import_files(plan, [deals_csv(tmp_path)], year=ex.YEAR, today=TODAY)
    assert not [c for c in again.changes.writes if c.table == "input_data"]
    app.import_files(plan, [ga4], year=ex.YEAR, replace=True, today=TODAY)
    assert app.load(plan).plan.tables["input_data"][web_row]["available"] == "yes"
