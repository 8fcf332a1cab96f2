"""The Excel front end (planmkg_xl.excel: ribbon, book, paths) against a STAND-IN for the xlwings Book.

What this proves: the front end's own logic — dispatch of every ribbon id, the
error-to-message mapping, reading tables / named cells and writing formulas through
the Book surface xlwings offers — gives the same Plan, the same formulas, the same
repairs and the same messages as the file path (``planmkg_xl.app``). What it cannot
prove: that real Excel (COM, AppleScript) behaves like the stand-in (tests/fake_xlbook.py);
that is the manual smoke test of docs/excel.md.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import xlwings

from planmkg_xl import app
from planmkg_xl.excel import book as xlbook
from planmkg_xl.excel import paths as xlpaths
from planmkg_xl.excel import ribbon
from planmkg_xl.core.layout import formulas
from planmkg_xl.errors import CellValueError, PlanError, WorkbookError
from planmkg_xl.io import macro

from fake_xlbook import FakeBook, FakeUI, excel_style
from xlsx_edit import Book as EditBook

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def demo(demo_xlsm) -> tuple[Path, FakeBook]:
    return demo_xlsm, FakeBook.from_file(demo_xlsm)


def _derived_cell(layout, table="commercial", field="win_ratio", row=0):
    from planmkg_xl.core.layout import cell_ref

    geom = layout.tables[table]
    return geom.sheet_title, cell_ref(geom.first_row + row, geom.cols[field])


def _input_cell(layout, table="commercial", field="opportunities", row=0):
    from planmkg_xl.core.layout import cell_ref

    geom = layout.tables[table]
    return geom.sheet_title, cell_ref(geom.first_row + row, geom.cols[field])


# --- dispatch ------------------------------------------------------------------

def test_every_ribbon_control_id_has_an_action():
    ids = macro.ribbon_control_ids()
    assert ids and set(ids) == set(ribbon.ACTIONS)
    for control_id in ids:
        assert callable(ribbon.action_for(control_id))
    assert set(ribbon.ACTIONS.values()) == set(ribbon._HANDLERS)


@pytest.mark.parametrize("control_id", macro.ribbon_control_ids())
def test_run_action_dispatches_each_id_to_its_action(control_id, demo, monkeypatch):
    _, book = demo
    ran = []
    for name in ribbon._HANDLERS:
        monkeypatch.setitem(ribbon._HANDLERS, name, lambda b, ui, name=name: ran.append(name) or ribbon.Outcome("ok"))
    ui = FakeUI()
    ribbon.run_action(control_id, book, ui)
    assert ran == [ribbon.ACTIONS[control_id]]
    assert ui.alerts == [("Plan Marketing", "ok", False)]
    assert ui.statuses[-1] is None  # the status bar is always reset


def test_unknown_control_id_is_a_message_not_a_traceback(demo):
    _, book = demo
    ui = FakeUI()
    assert ribbon.run_action("pmNoSuchButton", book, ui) is None
    (title, text, error), = ui.alerts
    assert error and "pmNoSuchButton" in text and "planmkg excel repair" in text


# --- error-to-message mapping ---------------------------------------------------

def test_plan_error_text_is_the_clis(tmp_path):
    exc = WorkbookError("The sheet « Budget » is missing (deleted?).")
    title, text = ribbon.error_message(exc, "en")
    assert text == str(exc) and "Error" in title
    title, text = ribbon.error_message(exc, "fr")
    assert text == str(exc) and "Erreur" in title


def test_a_bug_becomes_a_short_internal_error_box(demo, monkeypatch):
    _, book = demo
    monkeypatch.delenv("PLANMKG_DEBUG", raising=False)
    monkeypatch.setitem(ribbon._HANDLERS, "export", lambda b, ui: 1 / 0)
    ui = FakeUI()
    ribbon.run_action("pmExport", book, ui)
    (title, text, error), = ui.alerts
    assert error and "Erreur interne" in title and "ZeroDivisionError" in text and "Traceback" not in text
    monkeypatch.setenv("PLANMKG_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        ribbon.run_action("pmExport", book, FakeUI())


def test_bad_cell_values_give_the_same_message_as_the_file_reader(demo_xlsm, tmp_path):
    data = app.load(demo_xlsm)
    (s1, c1), (s2, c2) = _input_cell(data.layout), _input_cell(data.layout, "leadgen", "qualified_leads", 2)
    edit = EditBook(demo_xlsm)
    edit.set_cell(s1, c1, "beaucoup")
    edit.set_cell(s2, c2, 12.5)
    edit.set_cell(*data.layout.scalars["plan_year"][:1], _scalar_ref(data.layout, "plan_year"), "2027x")
    edit.save()
    with pytest.raises(CellValueError) as from_file:
        app.load(demo_xlsm)
    book = FakeBook.from_file(demo_xlsm)
    ui = FakeUI()
    ribbon.run_action("pmRecompute", book, ui)
    (title, text, error), = ui.alerts
    assert error and text == str(from_file.value)
    assert len(from_file.value.problems) == 3
    assert book.writes == []  # nothing written when the inputs are wrong, as `planmkg recompute`


def _scalar_ref(layout, key):
    from planmkg_xl.core.layout import cell_ref

    _, row, col = layout.scalars[key]
    return cell_ref(row, col)


def test_missing_table_message_is_the_file_readers(demo_xlsm):
    edit = EditBook(demo_xlsm)
    edit.rename_table("tLeadGen", "tLeads")
    edit.save()
    with pytest.raises(WorkbookError) as from_file:
        app.load(demo_xlsm)
    with pytest.raises(WorkbookError) as from_book:
        xlbook.read_book(FakeBook.from_file(demo_xlsm))
    assert str(from_book.value) == str(from_file.value)


# --- reading: same Plan and Layout as the file path ------------------------------

def test_reading_the_book_gives_the_file_readers_plan_and_layout(demo):
    path, book = demo
    data = app.load(path)
    got = xlbook.read_book(book)
    assert got.layout == data.layout
    assert got.plan == data.plan
    assert got.compact_plan() == data.compact_plan()
    assert got.sheet_rows() == data.sheet_rows()


def test_reading_follows_code_names_grown_tables_and_renamed_tabs(demo_xlsm):
    edit = EditBook(demo_xlsm)
    edit.extend_table("tCommercial", 2)
    edit.rename_sheet("Budget", "Budget 2027")
    edit.save()
    data = app.load(demo_xlsm)
    got = xlbook.read_book(FakeBook.from_file(demo_xlsm))
    assert got.layout == data.layout and got.plan == data.plan
    assert "Budget 2027" in got.layout.sheet_titles.values()


def test_raw_values_match_the_file_conventions():
    import datetime as dt

    assert xlbook.raw_value(12.0) == 12 and isinstance(xlbook.raw_value(12.0), int)
    assert xlbook.raw_value(0.25) == 0.25
    assert xlbook.raw_value(dt.datetime(2027, 1, 31)) == 46418
    assert xlbook.raw_value("#DIV/0!") == ("#ERR", "#DIV/0!")
    assert xlbook.raw_value("texte") == "texte" and xlbook.raw_value(None) is None


# --- writing formulas: derived cells only ----------------------------------------

def test_recompute_of_a_sound_book_writes_nothing(demo):
    _, book = demo
    ui = FakeUI()
    ribbon.run_action("pmRecompute", book, ui)
    assert book.writes == []
    n = len(formulas(xlbook.read_book(book).layout))
    from planmkg_xl.checks.report import verdict

    _, findings = app.check(demo[0])  # Recompute also refreshes the Contrôles sheet, as `planmkg recompute` does
    assert ui.alerts == [("Plan Marketing", f"{n} cellules calculées vérifiées.\nRien à changer.\nContrôles : {verdict(findings, 'fr')}", False)]


def test_recompute_repairs_like_the_file_path_and_never_writes_an_input(demo_xlsm, tmp_path):
    layout = app.load(demo_xlsm).layout
    a, b, c = (_derived_cell(layout, "commercial", "win_ratio", 1), _derived_cell(layout, "leadgen", "cost_per_lead", 0),
               _derived_cell(layout, "commercial", "avg_deal", 3))
    edit = EditBook(demo_xlsm)
    edit.set_cell(*a, 0.5)             # a value typed over a formula
    edit.set_cell(*b, formula="1+1")   # another formula
    edit.clear_cell(*c)                # a formula deleted
    edit.save()
    book = FakeBook.from_file(demo_xlsm)
    expected = app.recompute(demo_xlsm, tmp_path / "out.xlsm")
    report = xlbook.recompute_book(book)
    assert sorted(report.repairs, key=repr) == sorted(expected.repairs, key=repr)
    assert report.derived_cells == expected.derived_cells
    expected_formulas = formulas(layout)
    protected = xlbook.input_cells(layout)
    assert {(s, r) for s, r, _ in book.writes} <= set(expected_formulas)
    assert not {(s, r) for s, r, _ in book.writes} & protected
    assert {(s, r) for s, r, _ in book.writes} == {a, b, c}
    for (sheet, ref), f in expected_formulas.items():  # every derived cell holds its formula now
        assert xlbook.same_formula(f, book.sheet(sheet).range(ref).formula), (sheet, ref)
    assert xlbook.recompute_book(book).written == []  # idempotent


def test_recompute_fills_rows_added_to_a_table(demo_xlsm, tmp_path):
    edit = EditBook(demo_xlsm)
    edit.extend_table("tLeadGen", 3)
    edit.save()
    book = FakeBook.from_file(demo_xlsm)
    layout = xlbook.read_book(book).layout
    expected = app.recompute(demo_xlsm, tmp_path / "out.xlsm")
    report = xlbook.recompute_book(book)
    # Same cells repaired (the tables' new rows, and formulas pointing at a total row that moved); what they held is the
    # same formula, as Excel shows it (sheet names quoted only where needed) or as the file stores it.
    ours = {(r.sheet, r.cell): r.was for r in expected.repairs}
    theirs = {(r.sheet, r.cell): r.was for r in report.repairs}
    assert ours.keys() == theirs.keys() and ours
    assert all(ours[k] == theirs[k] or xlbook.same_formula(ours[k], theirs[k]) for k in ours)
    assert report.written and {(s, r) for s, r, _ in book.writes} <= set(formulas(layout))
    assert not {(s, r) for s, r, _ in book.writes} & xlbook.input_cells(layout)


def test_formula_runs_cover_exactly_the_cells_given():
    cells = {("S", "B5"), ("S", "B6"), ("S", "B8"), ("S", "C5"), ("T", "B5")}
    runs = xlbook.formula_runs(cells)
    assert runs == [("S", 2, 5, 6), ("S", 2, 8, 8), ("S", 3, 5, 5), ("T", 2, 5, 5)]


def test_formula_comparison_accepts_what_excel_gives_back():
    ours = "=IF('Lead generation'!$C$5=0,\"\",'Commercial'!$D$5/SUM('Web'!$B$5:$B$16))"
    assert xlbook.same_formula(ours, excel_style(ours))
    assert "Commercial!" in excel_style(ours) and "'Lead generation'!" in excel_style(ours)
    assert not xlbook.same_formula(ours, ours.replace("$D$5", "$D$6"))
    assert not xlbook.same_formula("=A1", 0.5) and not xlbook.same_formula('=IF(A1,"x","")', '=IF(A1,"X","")')
    assert not xlbook.same_formula("=A1", "A1") and not xlbook.same_formula("=A1", "")


# --- check, export, deck, help ---------------------------------------------------

def test_check_gives_the_file_paths_findings_and_fills_the_controls_sheet(demo):
    path, book = demo
    _, expected = app.check(path)
    ui = FakeUI()
    ribbon.run_action("pmCheck", book, ui)
    (_, text, error), = ui.alerts
    assert not error and f"{len(expected)} constat(s)" in text
    for f in expected[:3]:
        assert f.rule_id in text
    sheet = next(s for s in book.sheets if s.api.CodeName == "shControles")
    rules = [sheet.range(f"B{5 + i}").options(ndim=2, err_to_str=True).value[0][0] for i in range(len(expected))]
    assert rules == [f.rule_id for f in expected]
    assert not {(s, r) for s, r, _ in book.writes} & xlbook.input_cells(xlbook.read_book(book).layout)


def test_export_writes_the_clis_json_next_to_the_workbook(demo, tmp_path):
    path, book = demo
    ui = FakeUI()
    ribbon.run_action("pmExport", book, ui)
    written = path.with_suffix(".json")
    cli_json = app.export_json(path, tmp_path / "cli.json")
    assert written.read_text(encoding="utf-8") == cli_json.read_text(encoding="utf-8")
    assert json.loads(written.read_text(encoding="utf-8"))["lang"] == "fr"
    assert str(written) in ui.alerts[-1][1]


@pytest.mark.parametrize("control_id", ["pmDeckBuild", "pmDeckUpdate"])
def test_deck_is_written_next_to_the_workbook_and_opened(control_id, demo, monkeypatch):
    path, book = demo
    calls = []
    monkeypatch.setattr(app, "deck_for", lambda computed, findings, template=None, lang=None: calls.append(template) or b"PPTX")
    monkeypatch.delattr(app, "update_deck_for", raising=False)
    ui = FakeUI()
    ribbon.run_action(control_id, book, ui)
    target = path.with_suffix(".pptx")
    assert target.read_bytes() == b"PPTX" and ui.opened == [target] and calls == [None]
    if control_id == "pmDeckUpdate":
        ribbon.run_action(control_id, book, ui)
        assert calls == [None, str(target)]


def test_deck_update_refreshes_an_existing_deck_through_app(demo, monkeypatch):
    path, book = demo
    target = path.with_suffix(".pptx")
    target.write_bytes(b"OLD")
    monkeypatch.setattr(app, "update_deck_for", lambda c, f, existing, lang=None: (existing + b"+NEW", []), raising=False)
    ribbon.run_action("pmDeckUpdate", book, FakeUI())
    assert target.read_bytes() == b"OLD+NEW"


def test_deck_for_a_onedrive_url_without_local_folder_asks_then_uses_documents(demo, monkeypatch, tmp_path):
    path, _ = demo
    book = FakeBook.from_file(path, fullname="https://d.docs.live.net/abc123/Plans/Plan_Marketing.xlsm")
    docs = tmp_path / "home" / "Documents"
    docs.mkdir(parents=True)
    monkeypatch.setattr(ribbon, "documents_folder", lambda: docs)
    monkeypatch.setattr(ribbon, "local_path_of", lambda fullname: None)
    monkeypatch.setattr(app, "deck_for", lambda *a, **k: b"PPTX")
    ui = FakeUI(confirm=True)
    ribbon.run_action("pmDeckBuild", book, ui)
    assert (docs / "Plan_Marketing.pptx").read_bytes() == b"PPTX" and "d.docs.live.net" in ui.confirms[0]
    ui = FakeUI(confirm=False)
    (docs / "Plan_Marketing.pptx").unlink()
    ribbon.run_action("pmDeckBuild", book, ui)
    assert not (docs / "Plan_Marketing.pptx").exists() and ui.opened == []


def test_onedrive_and_sharepoint_urls_map_to_the_synced_file(tmp_path):
    home = tmp_path / "home"
    personal = home / "OneDrive" / "Plans" / "Plan Marketing.xlsm"
    business = tmp_path / "OneDrive - Contoso" / "Marketing" / "Plan.xlsm"
    site = tmp_path / "Contoso" / "Marketing - Documents" / "2027" / "Plan.xlsm"
    for p in (personal, business, site):
        p.parent.mkdir(parents=True)
        p.write_bytes(b"x")
    env = {"OneDriveCommercial": str(tmp_path / "OneDrive - Contoso")}
    assert xlpaths.local_path_of("https://d.docs.live.net/a1b2/Plans/Plan%20Marketing.xlsm", env, home) == personal
    assert xlpaths.local_path_of("https://contoso-my.sharepoint.com/personal/jo_contoso_com/Documents/Marketing/Plan.xlsm",
                               env, home) == business
    assert xlpaths.local_path_of("https://contoso.sharepoint.com/sites/Marketing/Shared Documents/2027/Plan.xlsm", env, home) == site
    assert xlpaths.local_path_of("https://contoso.sharepoint.com/sites/Other/Docs/Plan.xlsm", env, home) is None
    assert xlpaths.local_path_of(r"C:\Users\jo\Plan.xlsm", env, home) == Path(r"C:\Users\jo\Plan.xlsm")


def test_help_opens_the_guide(demo):
    _, book = demo
    ui = FakeUI()
    ribbon.run_action("pmHelp", book, ui)
    assert ui.urls == [ribbon.DOCS_URL] and "Recalculer" in ui.alerts[0][1]


# --- import discipline -------------------------------------------------------------

@pytest.mark.parametrize("module", ["planmkg_xl.excel", "planmkg_xl.excel.ribbon", "planmkg_xl.excel.setup", "planmkg_xl.excel.cli", "planmkg_xl.excel.book", "planmkg_xl.app",
                                    "planmkg_xl.cli"])
def test_no_module_but_udfs_imports_xlwings_at_import_time(module):
    code = f"import sys, {module}; print('xlwings' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_only_excel_and_udfs_import_xlwings():
    importers = {p.relative_to(ROOT).as_posix() for p in (ROOT / "planmkg_xl").rglob("*.py")
                 if re.search(r"^\s*(import xlwings|from xlwings)", p.read_text(encoding="utf-8"), re.MULTILINE)}
    assert importers <= {"planmkg_xl/excel/ribbon.py", "planmkg_xl/excel/udfs.py"}


# --- UDFs --------------------------------------------------------------------------

def test_udfs_follow_the_workbooks_definitions():
    from planmkg_xl.excel import udfs

    assert udfs.cost_per_qualified_lead(46_500, 150) == 310
    assert udfs.cost_per_qualified_lead(1000, 0) is None and udfs.PLANMKG_COST_PER_QUALIFIED_LEAD(1000, None) == ""
    # 1 M€ / 10 k€ = 100 deals / 25 % = 400 opportunities / 20 % = 2 000 qualified leads / 40 % = 5 000 leads
    assert udfs.required_leads(1_000_000, 10_000, 0.25, 0.2) == pytest.approx(2000)
    assert udfs.PLANMKG_REQUIRED_LEADS(1_000_000, 10_000, 0.25, 0.2, 0.4) == pytest.approx(5000)
    assert udfs.PLANMKG_REQUIRED_LEADS(1_000_000, 10_000, 0, 0.2) == ""


# --- repair (Windows only) ----------------------------------------------------------

def test_repair_says_clearly_that_it_needs_windows(demo_xlsm):
    with pytest.raises(PlanError, match="needs Excel for Windows"):
        ribbon.repair_vba(demo_xlsm, platform="linux")
    with pytest.raises(PlanError, match="needs Excel for Windows"):
        ribbon.repair_vba(demo_xlsm, platform="darwin")


def test_repair_sources_are_what_the_workbook_embeds(tmp_path):
    from oletools.olevba import VBA_Parser

    files = dict(ribbon.vba_source_files(tmp_path))
    assert set(files) == {"xlwings", "PlanMarketing", "Dictionary"}
    for name, path in files.items():
        raw = path.read_bytes()
        assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    embedded = {n.rsplit(".", 1)[0]: code for _, _, n, code in VBA_Parser(str(ROOT / "workbook" / "Plan_Marketing.xlsm")).extract_macros()}
    text = files["PlanMarketing"].read_bytes().decode("cp1252")
    assert "PlanMkgRibbon" in text and "PlanMkgRibbon" in embedded["PlanMarketing"]


def test_trust_access_error_is_recognised():
    com_error = type("com_error", (Exception,), {})
    exc = com_error(-2147352567, "Exception occurred.", (0, "Microsoft Excel",
                                                       "Programmatic access to Visual Basic Project is not trusted", None, 0,
                                                       -2146827284), None)
    assert ribbon.is_trust_error(exc)
    assert not ribbon.is_trust_error(com_error(-2147352567, "Exception occurred.", (0, "Excel", "other", None, 0, -1), None))
    assert "Trust access to the VBA project object model" in str(ribbon.TRUST_MESSAGE)


def test_cli_group_has_examples_and_reports_platform(demo_xlsm):
    from click.testing import CliRunner

    from planmkg_xl.excel.cli import excel_group

    for name, command in excel_group.commands.items():
        assert "Example:" in (command.help or ""), name
    assert "Example:" in (excel_group.help or "")
    if not sys.platform.startswith("win"):
        result = CliRunner().invoke(excel_group, ["repair", str(demo_xlsm)])
        assert isinstance(result.exception, PlanError) and "needs Excel for Windows" in str(result.exception)


# --- version lock -------------------------------------------------------------------

def test_workbook_vba_is_the_installed_and_pinned_xlwings_version():
    """xlwings.bas names its DLL and AppleScript after its version: workbook, install and pin must agree."""
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(ROOT / "workbook" / "Plan_Marketing.xlsm"))
    modules = {name: code for _, _, name, code in parser.extract_macros()}
    parser.close()
    source = modules["xlwings.bas"]
    embedded = macro.xlwings_version_of(source)
    assert embedded == xlwings.__version__, (
        f"workbook/Plan_Marketing.xlsm embeds xlwings {embedded} but {xlwings.__version__} is installed: "
        f"rebuild it with `planmkg new` (or reinstall xlwings=={embedded})")
    assert f'XLWINGS_VERSION As String = "{xlwings.__version__}"' in source
    pin = re.search(r'"xlwings==([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pin and pin.group(1) == xlwings.__version__
    with open(ROOT / "pyproject.toml", "rb") as fh:
        deps = tomllib.load(fh)["project"]["dependencies"]
    assert f"xlwings=={xlwings.__version__}" in [d.split("#")[0].strip() for d in deps]


def test_ribbon_check_writes_the_same_flag_list_as_the_file_path(tmp_path):
    """Vérifier in Excel and `planmkg recompute` highlight the same cells (one flag list, one conditional format)."""
    import openpyxl

    from planmkg_xl.demo import demo_plan
    from planmkg_xl.io.controls import CONTROLS_HEADER_ROW, FLAGS_COL

    path = tmp_path / "Plan_Marketing.xlsm"
    path.write_bytes(app.build_xlsm(demo_plan()))
    app.recompute(path)
    ws = openpyxl.load_workbook(path)["Contrôles"]
    from_file = [ws.cell(r, FLAGS_COL).value for r in range(CONTROLS_HEADER_ROW + 1, ws.max_row + 1)]
    from_file = [v for v in from_file if v]
    assert from_file and all("!" in v and v.startswith("sh") for v in from_file)
    book = FakeBook.from_file(path)
    xlbook.write_controls_book(book, *_data_and_findings(book))
    sheet = next(s for s in book.sheets if s.name == "Contrôles")
    from_book = [sheet.value_at(r, FLAGS_COL) for r in range(CONTROLS_HEADER_ROW + 1, CONTROLS_HEADER_ROW + 1 + len(from_file) + 3)]
    assert [v for v in from_book if v] == from_file


def _data_and_findings(book):
    from planmkg_xl.core.compute import compute

    data = xlbook.read_book(book)
    return data, app.findings_for(compute(data.compact_plan()))


def test_recompute_leaves_a_name_moved_onto_an_input_alone(demo_xlsm, tmp_path):
    """A derived named cell moved (Name Manager) onto an input cell: the ribbon, like the file path, writes nothing there,
    says so, and raises no internal error."""
    layout = app.load(demo_xlsm).layout
    geom = layout.tables["commercial"]
    target = ("Commercial", f"D{geom.first_row}")
    edit = EditBook(demo_xlsm)
    edit.move_name("total_customers", f"'Commercial'!$D${geom.first_row}")
    edit.save()
    book = FakeBook.from_file(demo_xlsm)
    before = book.sheet("Commercial").range(target[1]).value
    report = xlbook.recompute_book(book)
    assert [(r.sheet, r.cell, r.reason) for r in report.refused] == [(*target, "overlap")]
    assert target not in {(s, r) for s, r, _ in book.writes}
    assert book.sheet("Commercial").range(target[1]).value == before
    assert app.recompute(demo_xlsm, tmp_path / "out.xlsm").refused[0].reason == "overlap"  # the file path agrees
    message = ribbon.recompute_message(report, "fr")
    assert "laissée(s) telle(s) quelle(s)" in message and "Commercial!D6" in message
