"""The ribbon's « Importer… » and « Revue mensuelle » against the stand-in Book (tests/fake_xlbook.py).

The import's own reading of exports (``app.import_changes``, engineer w11a's) is replaced
here by a function returning a known change list, so what is tested is this side: the
dialog, table growth through protection, each value written as Excel takes it (choices
by label, dates, text that looks like a formula kept text), the recompute afterwards,
and the messages. The review writes its deck beside the workbook.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from deck_helpers import open_deck

from fake_xlbook import FakeBook, FakeUI
from planmkg_xl import app
from planmkg_xl.core import checklist
from planmkg_xl.excel import ribbon
from planmkg_xl.excel.book import read_book
from planmkg_xl.model.schema import TABLES


@dataclass(frozen=True)
class Change:  # the shape of core.imports.CellChange that the ribbon relies on
    table: str
    row: int
    field: str
    old: object
    new: object
    status: str = "new"

    @property
    def writes(self) -> bool:
        return self.status in ("new", "replaced")


@pytest.fixture()
def demo(demo_xlsm):
    return demo_xlsm, FakeBook.from_file(demo_xlsm)


def _fake_import(book):
    """An import of two emailing campaigns past the table's end, ticking the checklist."""
    data = read_book(book)
    n = len(data.plan.tables["emailing"])
    calls = []

    def import_changes(plan, files, lang=None, **_):
        calls.append((files, lang))
        cells = [Change("emailing", n, "campaign", None, "=SUM(A1:A3)"), Change("emailing", n, "date", None, dt.date(2025, 11, 4)),
                 Change("emailing", n, "sent", None, 12_000), Change("emailing", n, "bounces", None, 240),
                 Change("emailing", n + 1, "campaign", None, "Relance webinar"), Change("emailing", n + 1, "sent", None, 8_000),
                 Change("emailing", 0, "sent", 5_000, 9_999, status="conflict")]
        cells += [Change("input_data", t.row, t.field, t.old, t.new)
                  for t in checklist.checklist_ticks(plan.tables["input_data"], "emailing", "brevo.csv", dt.date(2026, 3, 2), lang)]
        changes = SimpleNamespace(cells=cells, grow={"emailing": n + 2}, unmatched=[("emailing", "Inconnue", "brevo.csv")])
        changes.writes = [c for c in cells if c.writes]
        changes.conflicts = [c for c in cells if c.status == "conflict"]
        files_read = [SimpleNamespace(path=files[0], kind="emailing", rows_read=3, rows_used=2)]
        return SimpleNamespace(files=files_read, changes=changes)

    return n, import_changes, calls


def test_import_applies_the_changes_through_the_open_book(demo, tmp_path, monkeypatch):
    _, book = demo
    n, fake, calls = _fake_import(book)
    monkeypatch.setattr(app, "import_changes", fake, raising=False)
    export = tmp_path / "brevo.csv"
    ui = FakeUI(files=[export])
    outcome = ribbon.run_action("pmImport", book, ui)
    assert calls == [([export], "fr")] and ui.picks
    plan = read_book(book).plan
    rows = plan.tables["emailing"]
    assert len(rows) == n + 2  # the table grew by two rows
    assert rows[n] == {"campaign": "=SUM(A1:A3)", "date": dt.date(2025, 11, 4), "sent": 12_000, "bounces": 240}
    assert rows[n + 1] == {"campaign": "Relance webinar", "sent": 8_000}
    assert rows[0]["sent"] != 9_999  # a conflict is kept
    ticked = [r for r in plan.tables["input_data"] if r.get("source") == "brevo.csv"]
    assert len(ticked) == 1 and ticked[0]["available"] == "yes" and ticked[0]["updated"] == dt.date(2026, 3, 2)
    geom = read_book(book).layout.tables["emailing"]
    sheet = next(s for s in book.sheets if s.name == geom.sheet_title)
    assert sheet.formula_at(geom.first_row + n, geom.cols["delivered"]).startswith("=")  # derived formulas in the new rows
    assert sheet.api.ProtectContents  # protection restored
    assert geom.total_row == geom.first_row + n + 2 and sheet.formula_at(geom.total_row, geom.cols["sent"]).startswith("=SUM(")
    assert "9 cellule(s) écrite(s)" in outcome.message and "1 valeur(s) déjà saisie(s)" in outcome.message
    assert "Inconnue" in outcome.message and "brevo.csv : emailing, 2/3" in outcome.message
    assert not any(error for _, _, error in ui.alerts)


def test_import_cancelled_writes_nothing(demo, monkeypatch):
    _, book = demo
    monkeypatch.setattr(app, "import_changes", lambda *a, **k: pytest.fail("no file picked"), raising=False)
    book.writes.clear()
    ui = FakeUI(files=[])
    ribbon.run_action("pmImport", book, ui)
    assert book.writes == [] and ui.alerts[-1][1].startswith("Annulé")


def test_import_without_the_import_module_says_so(demo, tmp_path, monkeypatch):
    _, book = demo
    monkeypatch.delattr(app, "import_changes", raising=False)
    ui = FakeUI(files=[tmp_path / "x.csv"])
    ribbon.run_action("pmImport", book, ui)
    (_, text, error), = ui.alerts
    assert error and "mettez planmkg_xl à jour" in text


def test_cell_values_as_excel_takes_them():
    from planmkg_xl.excel.imports import cell_input

    assert cell_input("input_data", "available", "yes", "fr") == "Oui" and cell_input("input_data", "available", "yes", "en") == "Yes"
    assert cell_input("emailing", "campaign", "-20 % promo", "fr") == "'-20 % promo"
    assert cell_input("emailing", "campaign", "'quoted", "fr") == "''quoted"
    assert cell_input("emailing", "date", dt.date(2025, 1, 2), "fr") == dt.datetime(2025, 1, 2)
    assert cell_input("emailing", "sent", 10, "fr") == 10
    assert TABLES["input_data"].field("available").choices


def test_review_button_writes_the_deck_beside_the_workbook(demo):
    path, book = demo
    ui = FakeUI()
    outcome = ribbon.run_action("pmReview", book, ui)
    target = path.with_name(path.stem + "_revue_03.pptx")
    assert outcome.open_path == target and target.is_file() and ui.opened == [target]
    assert "Revue à fin mars : 1 KPI en retard" in outcome.message
    assert len(open_deck(target.read_bytes()).slides) == 4


def test_ribbon_import_equals_the_file_import(demo_xlsm, tmp_path):
    """The same Brevo export imported by the ribbon (through the open Book) and by `planmkg import` (through the file)
    gives the same plan: two independent writers, one result."""
    import shutil

    import exports as ex

    headers, rows, _ = ex.campaigns("brevo-campaigns", n=16)
    export = ex.write_csv(tmp_path / "brevo.csv", headers, rows, delimiter=";")
    on_file = tmp_path / "by_file.xlsm"
    shutil.copy(demo_xlsm, on_file)
    app.import_files(on_file, [export])
    book = FakeBook.from_file(demo_xlsm)
    ui = FakeUI(files=[export])
    ribbon.run_action("pmImport", book, ui)
    assert not any(error for _, _, error in ui.alerts), ui.alerts
    by_ribbon = read_book(book).compact_plan()
    by_file = app.load(on_file).compact_plan()
    for table in ("emailing", "input_data", "sources"):
        if table in TABLES:
            assert by_ribbon.tables.get(table) == by_file.tables.get(table), table
    assert len(by_ribbon.tables["emailing"]) > len(read_book(FakeBook.from_file(demo_xlsm)).compact_plan().tables["emailing"])


# ---------------------------------------------------------------- Excel's own file dialog (excel.dialogs)

def test_windows_dialog_several_files_one_file_and_cancel(demo_xlsm, monkeypatch):
    """GetOpenFilename through COM: a tuple for a multi-select (one file too), False on Cancel."""
    from fake_xlbook import FakeExcelApplication

    monkeypatch.setattr(ribbon.sys, "platform", "win32")
    book = FakeBook.from_file(demo_xlsm)
    ui = ribbon.XlwingsUI(book)
    book.app.api = FakeExcelApplication([r"C:\Users\dir\hubspot.csv", r"C:\Users\dir\ga4.csv"])
    assert ui.pick_files("Exports") == [ribbon.Path(r"C:\Users\dir\hubspot.csv"), ribbon.Path(r"C:\Users\dir\ga4.csv")]
    (call,) = book.app.api.dialogs
    assert call["MultiSelect"] is True and call["Title"] == "Exports" and call["ButtonText"] is None  # ButtonText: Mac only
    book.app.api = FakeExcelApplication([r"C:\Users\dir\factures.xlsx"])
    assert ui.pick_files("Exports") == [ribbon.Path(r"C:\Users\dir\factures.xlsx")]
    book.app.api = FakeExcelApplication(None)  # Cancel: False, not an empty list
    assert book.app.api.GetOpenFilename(MultiSelect=True) is False
    assert ui.pick_files("Exports") == []


def test_the_dialog_returns_what_excel_returns_in_every_shape():
    from planmkg_xl.excel.dialogs import paths

    assert paths(False) == [] and paths(None) == [] and paths("") == [] and paths(True) == []
    assert paths("C:/a.csv") == [ribbon.Path("C:/a.csv")]  # MultiSelect=False: one str
    assert paths(("C:/a.csv",)) == [ribbon.Path("C:/a.csv")]  # MultiSelect=True, one file: still an array
    assert paths(["C:/a.csv", "", "C:/b.xlsx"]) == [ribbon.Path("C:/a.csv"), ribbon.Path("C:/b.xlsx")]


def test_a_malformed_filter_fails_as_excel_fails():
    from fake_xlbook import FakeComError, FakeExcelApplication

    from planmkg_xl.excel.dialogs import WINDOWS_FILTER

    with pytest.raises(FakeComError):
        FakeExcelApplication(["x"]).GetOpenFilename(FileFilter="Exports (*.csv)", MultiSelect=True)
    assert FakeExcelApplication(["x"]).GetOpenFilename(FileFilter=WINDOWS_FILTER, FilterIndex=1, MultiSelect=True) == ("x",)


def test_mac_dialog_hfs_paths_and_cancel(demo_xlsm, monkeypatch):
    """AppleScript's get_open_filename: no Windows filter passed, HFS paths turned POSIX as xlwings does."""
    from fake_xlbook import FakeMacExcel

    monkeypatch.setattr(ribbon.sys, "platform", "darwin")
    book = FakeBook.from_file(demo_xlsm)
    ui = ribbon.XlwingsUI(book)
    book.app.api = FakeMacExcel(["Macintosh HD:Users:dir:hubspot.csv", "Données:exports:ga4.csv"])
    assert ui.pick_files("Exports") == [ribbon.Path("/Users/dir/hubspot.csv"), ribbon.Path("/Volumes/Données/exports/ga4.csv")]
    assert book.app.api.dialogs == [{"file_filter": None, "button_text": None, "multi_select": True}]
    book.app.api = FakeMacExcel(["/Users/dir/factures.xlsx"])  # a POSIX path is kept as it is
    assert ui.pick_files("Exports") == [ribbon.Path("/Users/dir/factures.xlsx")]
    book.app.api = FakeMacExcel(None)
    assert ui.pick_files("Exports") == []


def test_ribbon_import_through_the_windows_dialog(demo_xlsm, tmp_path, monkeypatch):
    """« Importer… » end to end with the real UI class: two exports picked, both imported; Cancel writes nothing."""
    import exports as ex
    from fake_xlbook import FakeExcelApplication

    monkeypatch.setattr(ribbon.sys, "platform", "win32")
    headers, rows, _ = ex.campaigns("brevo-campaigns", n=6)
    brevo = ex.write_csv(tmp_path / "brevo.csv", headers, rows, delimiter=";")
    headers, rows, _ = ex.campaigns("mailchimp-campaigns", n=5)
    mailchimp = ex.write_csv(tmp_path / "mailchimp.csv", headers, rows)
    book = FakeBook.from_file(demo_xlsm)
    alerts = []
    ui = ribbon.XlwingsUI(book)
    monkeypatch.setattr(ui, "alert", lambda text, title, error=False: alerts.append((text, error)))
    monkeypatch.setattr(ui, "status", lambda text: None)
    book.app.api = FakeExcelApplication(None)
    book.writes.clear()
    ribbon.run_action("pmImport", book, ui)
    assert book.writes == [] and alerts[-1][0].startswith("Annulé")
    book.app.api = FakeExcelApplication([str(brevo), str(mailchimp)])
    ribbon.run_action("pmImport", book, ui)
    assert not [a for a in alerts if a[1]], alerts
    files = {r["file"] for r in read_book(book).compact_plan().tables["sources"]}
    assert {"brevo.csv", "mailchimp.csv"} <= files


def test_the_ribbon_says_what_the_import_skipped(demo_xlsm, tmp_path):
    """An unknown sales channel is skipped and said in Excel's message box too, with its count (never silently)."""
    import exports as ex

    headers = ["Identifiant", "Etape", "Montant", "Date de clôture", "Ligne d'offre", "Canal de vente"]
    rows = [["1", "Gagné", "1000", "2025-03-01", "Produit 1", "Distributeurs"], ["2", "Gagné", "500", "2025-04-01", "Produit 1", "Salon"],
            ["3", "Gagné", "700", "2025-05-01", "Produit 1", "Salon"]]
    src = ex.write_csv(tmp_path / "affaires.csv", headers, rows, delimiter=";")
    book = FakeBook.from_file(demo_xlsm)
    ui = FakeUI(files=[src])
    outcome = ribbon.run_action("pmImport", book, ui)
    assert "Canaux : 2 lignes ignorées" in outcome.message and "« Salon » 2 lignes, 1\u202f200" in outcome.message
