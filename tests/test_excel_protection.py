"""The ribbon under Excel's rules: protected sheets, merged cells, tables that cannot grow, calculation mode.

Against the stand-in Book (tests/fake_xlbook.py), which refuses what Excel refuses (error
1004) with the protection, locked cells and merged areas read from the workbook file. The
first test below is the one that would have caught issue 9: without ``unprotected`` every
ribbon write to the protected plan and Contrôles sheets fails.
"""
from __future__ import annotations

import contextlib
import json

import pytest

from planmkg_xl import app
from planmkg_xl.core.layout import cell_ref, formulas
from planmkg_xl.excel import book as xlbook
from planmkg_xl.excel import ribbon
from planmkg_xl.excel.protection import ALLOW_ARGS, unprotected

from fake_xlbook import FakeBook, FakeComError, FakeUI
from xlsx_edit import Book as EditBook


def _protection(sheet) -> tuple:
    api = sheet.api
    return (api.ProtectContents, api.ProtectDrawingObjects, api.ProtectScenarios, api.ProtectionMode,
            tuple(getattr(api.Protection, k) for k in ALLOW_ARGS), api.password)


def _broken_demo(path):
    """The demo with a value typed over a derived cell (a file edit, as the user would in Excel)."""
    layout = app.load(path).layout
    geom = layout.tables["commercial"]
    where = (geom.sheet_title, cell_ref(geom.first_row + 1, geom.cols["win_ratio"]))
    edit = EditBook(path)
    edit.set_cell(*where, 0.5)
    edit.save()
    return where


def _controls(book):
    return next(s for s in book.sheets if s.api.CodeName == "shControles")


def _from_file(path) -> FakeBook:
    """The Book as Excel opens it, its Contrôles rows from before the last edit (so Check has to write them)."""
    book = FakeBook.from_file(path)
    sheet = _controls(book)
    for rc in [rc for rc in sheet.cells if rc[0] > 4]:
        sheet.cells.pop(rc)
        sheet.formulas.pop(rc, None)
    return book


# --- the stand-in refuses what Excel refuses ---------------------------------------

def test_the_stand_in_reads_protection_and_locked_cells_from_the_file(demo_xlsm):
    book = FakeBook.from_file(demo_xlsm)
    layout = xlbook.read_book(book).layout
    assert all(s.api.ProtectContents for s in book.sheets)  # every sheet the builder writes is protected
    sheet, derived = (layout.tables["commercial"].sheet_title,
                      cell_ref(layout.tables["commercial"].first_row, layout.tables["commercial"].cols["win_ratio"]))
    typed = cell_ref(layout.tables["commercial"].first_row, layout.tables["commercial"].cols["opportunities"])
    with pytest.raises(FakeComError) as refused:
        book.sheet(sheet).range(derived).formula = "=1"
    assert "protected sheet" in refused.value.message and refused.value.args[2][5] == -2146827284
    book.sheet(sheet).range(typed).value = 12  # an input cell is unlocked: the user may type there
    with pytest.raises(FakeComError):  # a range holding one locked cell: refused, nothing written
        book.sheet(sheet).range(f"{typed}:{derived}").value = [[1] * 20]
    assert book.sheet(sheet).range(derived).formula != "=1"
    assert book.writes == [(sheet, typed, 12)]
    with pytest.raises(FakeComError):
        _controls(book).range("A5").value = "x"  # the Contrôles rows are locked too
    with pytest.raises(FakeComError):
        _controls(book).range("A5:C9").clear_contents()


def test_the_stand_in_models_passwords_user_interface_only_merges_and_table_growth(demo_xlsm):
    book = FakeBook.from_file(demo_xlsm)
    sheet = _controls(book)
    with pytest.raises(FakeComError):
        sheet.api.Protect("secret")  # already protected without a password: Excel wants the old one
    sheet.api.Unprotect()
    sheet.api.Protect("secret")
    with pytest.raises(FakeComError):
        sheet.api.Unprotect("")
    sheet.api.Unprotect("secret")
    sheet.api.Protect("", True, True, True, True)  # UserInterfaceOnly: code may write, a table still cannot grow
    sheet.range("A5").value = "ok"
    table_sheet = next(s for s in book.sheets if s.tables)
    table_sheet.api.Unprotect()
    table_sheet.api.Protect("", True, True, True, True)
    table = table_sheet.tables[0]
    with pytest.raises(FakeComError):
        table.resize(table_sheet.range(table.range.address.replace("$", "").split(":")[0] + ":Z99"))
    table_sheet.api.Unprotect()
    table.resize(table_sheet.range("A5:Z99"))
    assert table.range.address == "$A$5:$Z$99"
    sheet.api.Unprotect()
    sheet.merged.append((20, 1, 20, 3))
    assert sheet.range("A20:C20").merge_cells is True and sheet.range("A19:C20").merge_cells is None
    assert sheet.range("A19").merge_cells is False
    sheet.range("A20").value = "anchor"  # Excel allows the top-left cell alone
    for address in ("B20", "A20:B20", "A19:B20"):
        with pytest.raises(FakeComError, match="merged"):
            sheet.range(address).value = [["x", "y"], ["z", "w"]][:1]
    sheet.range("A19:C21").clear_contents()  # a range holding the whole area is fine


def test_the_stand_in_models_manual_calculation(demo_xlsm):
    book = FakeBook.from_file(demo_xlsm)
    layout = xlbook.read_book(book).layout
    geom = layout.tables["commercial"]
    sheet = book.sheet(geom.sheet_title)
    typed = cell_ref(geom.first_row, geom.cols["opportunities"])
    sheet.range(typed).formula = "=40+2"  # automatic: calculated at once
    assert sheet.range(typed).options(ndim=2, err_to_str=True).value == [[42.0]]
    book.app.calculation = "manual"
    sheet.range(typed).formula = "=50+2"
    assert sheet.range(typed).options(ndim=2, err_to_str=True).value == [[42.0]]  # stale, as Excel shows it
    assert book.stale_reads == [(geom.sheet_title, typed)]
    book.app.calculate()
    assert sheet.range(typed).options(ndim=2, err_to_str=True).value == [[52.0]]


# --- the ribbon respects them --------------------------------------------------------

def test_without_unprotecting_the_ribbon_would_fail_on_every_protected_sheet(demo_xlsm, monkeypatch):
    """Issue 9's bug, reproduced: the stand-in refuses the write exactly where Excel raised error 1004."""
    _broken_demo(demo_xlsm)
    monkeypatch.setattr(xlbook, "unprotected", lambda sheet, lang="fr": contextlib.nullcontext())
    monkeypatch.delenv("PLANMKG_DEBUG", raising=False)
    for control_id in ("pmRecompute", "pmCheck"):
        ui = FakeUI()
        ribbon.run_action(control_id, _from_file(demo_xlsm), ui)
        (title, text, error), = ui.alerts
        assert error and "protected sheet" in text, control_id


@pytest.mark.parametrize("control_id", ["pmRecompute", "pmCheck"])
def test_ribbon_writes_through_protection_and_restores_it_exactly(control_id, demo_xlsm):
    where = _broken_demo(demo_xlsm)
    book = _from_file(demo_xlsm)
    plan_sheet = book.sheet(where[0])
    plan_sheet.api.Unprotect()  # the user's own choice of options must come back as it was
    plan_sheet.api.Protect("", False, True, False, False, True, True, False, False, True, False, False, True, True, False, False)
    plan_sheet.api.calls.clear()
    before = {s.name: _protection(s) for s in book.sheets}
    ui = FakeUI()
    ribbon.run_action(control_id, book, ui)
    (title, text, error), = ui.alerts
    assert not error, text
    assert {s.name: _protection(s) for s in book.sheets} == before
    written = {s for s, _, _ in book.writes}
    for s in book.sheets:  # only the sheets written to were unprotected, each once, and re-protected
        assert s.api.calls == (["Unprotect", "Protect"] if s.name in written else []), s.name
    assert _controls(book).name in written
    assert _controls(book).autofitted  # rows of wrapped findings fit their text (a fixed height from the file path is reset)
    if control_id == "pmRecompute":
        assert xlbook.same_formula(formulas(xlbook.read_book(book).layout)[where], book.sheet(where[0]).range(where[1]).formula)
        assert where[0] in written


def test_protection_comes_back_when_a_write_fails(demo_xlsm):
    sheet = _controls(FakeBook.from_file(demo_xlsm))
    before = _protection(sheet)
    with pytest.raises(RuntimeError):
        with unprotected(sheet, "fr"):
            assert not sheet.api.ProtectContents
            raise RuntimeError("COM went away")
    assert _protection(sheet) == before


def test_a_password_protected_sheet_is_named_and_nothing_is_written(demo_xlsm):
    where = _broken_demo(demo_xlsm)
    book = FakeBook.from_file(demo_xlsm)
    sheet = book.sheet(where[0])
    sheet.api.Unprotect()
    sheet.api.Protect("secret")
    ui = FakeUI()
    ribbon.run_action("pmRecompute", book, ui)
    (title, text, error), = ui.alerts
    assert error and f"« {where[0]} »" in text and "mot de passe" in text and "Traceback" not in text
    assert book.writes == [] and sheet.api.password == "secret" and sheet.api.ProtectContents


def test_merged_cells_in_the_controls_rows_stop_the_check_before_any_write(demo_xlsm):
    book = _from_file(demo_xlsm)
    sheet = _controls(book)
    sheet.merged.append((6, 1, 6, 3))  # the user merged A6:C6 of the Contrôles sheet
    ui = FakeUI()
    ribbon.run_action("pmCheck", book, ui)
    (title, text, error), = ui.alerts
    assert error and "fusionnées" in text and sheet.name in text
    assert book.writes == [] and sheet.api.ProtectContents


def test_a_merged_derived_cell_is_refused_before_any_write(demo_xlsm):
    where = _broken_demo(demo_xlsm)
    book = FakeBook.from_file(demo_xlsm)
    from fake_xlbook import split_ref

    row, col = split_ref(where[1])
    book.sheet(where[0]).merged.append((row, col, row, col + 1))
    with pytest.raises(Exception) as refused:
        xlbook.recompute_book(book)
    assert "merged" in str(refused.value) or "fusionnées" in str(refused.value)
    assert book.writes == []


def test_manual_calculation_is_honoured_and_kept(demo_xlsm, tmp_path):
    """A formula typed in an input cell is read at its current value; repaired cells are calculated; the mode stays manual."""
    where = _broken_demo(demo_xlsm)
    book = FakeBook.from_file(demo_xlsm)
    layout = xlbook.read_book(book).layout
    geom = layout.tables["commercial"]
    typed = cell_ref(geom.first_row, geom.cols["opportunities"])
    book.app.calculation = "manual"
    book.sheet(geom.sheet_title).range(typed).formula = "=40+2"  # typed by the user; not yet calculated
    book.stale_reads.clear()
    ribbon.run_action("pmExport", book, FakeUI())
    exported = json.loads(demo_xlsm.with_suffix(".json").read_text(encoding="utf-8"))
    assert exported["tables"]["commercial"][0]["opportunities"] == 42
    assert book.stale_reads == [] and book.app.calculation == "manual"
    ribbon.run_action("pmRecompute", book, FakeUI())
    assert (where[0], where[1]) in {(s, r) for s, r, _ in book.writes}
    assert not any(s.stale for s in book.sheets) and book.app.calculation == "manual"


def test_automatic_calculation_needs_no_explicit_calculate(demo_xlsm):
    _broken_demo(demo_xlsm)
    book = FakeBook.from_file(demo_xlsm)
    ribbon.run_action("pmRecompute", book, FakeUI())
    assert book.writes and book.app.calculations == 0


def test_what_the_ribbon_writes_saves_as_a_valid_workbook_with_the_same_plan(demo_xlsm, tmp_path):
    """The ribbon's formulas and Contrôles rows, saved as Excel would, pass the OOXML oracle and read back the same plan."""
    from ooxml import assert_valid_workbook

    where = _broken_demo(demo_xlsm)
    book = _from_file(demo_xlsm)
    for control_id in ("pmRecompute", "pmCheck"):
        ui = FakeUI()
        ribbon.run_action(control_id, book, ui)
        assert not ui.alerts[-1][2], ui.alerts
    saved = book.save(tmp_path / "saved.xlsm")
    assert_valid_workbook(saved, baseline=demo_xlsm)
    assert app.load(saved).plan == app.load(demo_xlsm).plan
    assert app.recompute(saved, tmp_path / "again.xlsm").repairs == []  # the ribbon's formulas are the file path's
    assert where in {(s, r) for s, r, _ in book.writes}
