"""`planmkg recompute` as a user meets it: a workbook they edited in Excel, repaired surgically.

Every derived cell gets its formula back; input cells and every part recompute does
not own keep their bytes; the write is atomic; a second run changes nothing.
"""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from planmkg_xl import app
from planmkg_xl.messages import say
from planmkg_xl.cli import main
from planmkg_xl.core.compute import compute
from planmkg_xl.core.layout import formulas
from planmkg_xl.errors import CellValueError, PlanError
from planmkg_xl.io.write import cell_values
from xlsx_edit import Book, ref_of, split_ref

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CALC_CHAIN_PARTS = {"xl/calcChain.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}


def cli(*args: str):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def infos(path: Path) -> dict[str, tuple]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: (i.date_time, i.compress_type) for i in zf.infolist()}


def plan_sheet_parts(path: Path) -> set[str]:
    """The worksheet parts holding the plan (those whose calculated cells recompute rewrites)."""
    book = Book(path)
    return {book.sheet_part(t) for t in app.load(path).layout.sheet_titles.values()}


def derived_cells(path: Path) -> dict[tuple[str, str], str]:
    return formulas(app.load(path).layout)


def plan_cells(path: Path) -> dict[tuple[str, str], bytes]:
    """Every <c> element of every plan sheet, serialised, by (sheet title, ref)."""
    book, data = Book(path), app.load(path)
    out = {}
    for title in data.layout.sheet_titles.values():
        for ref, xml in book.cells(title).items():
            out[(title, ref)] = xml
    return out


def input_cells(path: Path) -> dict[tuple[str, str], bytes]:
    derived = derived_cells(path)
    return {k: v for k, v in plan_cells(path).items() if k not in derived}


def formula_of(book: Book, title: str, ref: str) -> str | None:
    c = book.cell(title, ref)
    f = None if c is None else c.find(f"{M}f")
    return None if f is None else "=" + (f.text or "")


def cached(book: Book, title: str, ref: str) -> object:
    c = book.cell(title, ref)
    v = c.find(f"{M}v")
    if c.get("t") == "str":
        return v.text or ""
    return float(v.text)


def assert_all_formulas(path: Path) -> None:
    """Every derived cell holds exactly its formula, with the Python value cached."""
    book, data = Book(path), app.load(path)
    expected = formulas(data.layout)
    values = cell_values(data.layout, compute(data.plan))
    for (title, ref), formula in expected.items():
        assert formula_of(book, title, ref) == formula, (title, ref)
        value = values.get((title, ref))
        got = cached(book, title, ref)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            assert got == pytest.approx(value, rel=1e-12), (title, ref)
        else:
            assert got == "", (title, ref)


def break_three(book: Book) -> None:
    """A number typed over a ratio, a formula deleted, a wrong formula typed in."""
    book.set_cell("Commercial", "I6", 42)
    book.clear_cell("Commercial", "J6")
    book.set_cell("Commercial", "K7", 0.5, formula="G7/H7")


# --------------------------------------------------------------------------- repairs


def test_repairs_are_restored_and_listed(wb):
    before = derived_cells(wb)
    book = Book(wb)
    break_three(book)
    book.save()
    result = cli("recompute", wb, "--verbose")
    assert result.exit_code == 0, result.output
    # the demo is French: the report is too
    assert "3 cellule(s) calculée(s) réparée(s)" in result.output
    assert "Commercial!I6 : contenait « 42 », formule rétablie" in result.output
    assert "Commercial!J6 : était vide, formule rétablie" in result.output
    assert "Commercial!K7 : contenait « =G7/H7 »" in result.output
    assert f"{len(before)} cellules calculées vérifiées" in result.output
    assert_all_formulas(wb)


def test_repairs_through_app(wb):
    book = Book(wb)
    break_three(book)
    # a derived scalar of the budget scorecard, overwritten with text
    data = app.load(wb)
    title, row, col = data.layout.scalars["total_cost"]
    book.set_cell(title, ref_of(row, col), "voir DG")
    book.save()
    report = app.recompute(wb)
    got = {(r.sheet, r.cell): r.was for r in report.repairs}
    assert got == {("Commercial", "I6"): "42", ("Commercial", "J6"): "", ("Commercial", "K7"): "=G7/H7",
                   (title, ref_of(row, col)): "voir DG"}
    assert report.path == wb
    assert_all_formulas(wb)


def test_a_formula_filled_down_is_listed_cell_by_cell(wb):
    """The user types their own formula in a calculated column and drags it down (Excel: one shared formula)."""
    geom = app.load(wb).layout.tables["commercial"]
    first, last = geom.first_row, geom.last_row
    book = Book(wb)
    book.fill_down("Commercial", f"I{first}", f"I{last}", f"E{first}/D{first}*100")
    book.save()
    report = app.recompute(wb)
    got = {r.cell: r.was for r in report.repairs}
    assert got == {f"I{row}": f"=E{row}/D{row}*100" for row in range(first, last + 1)}
    assert_all_formulas(wb)
    assert b't="shared"' not in parts(wb)["xl/worksheets/sheet2.xml"]


def test_a_correct_formula_filled_down_is_not_a_repair(wb):
    """Dragging our own formula down (Excel saves it shared) is not an error: nothing listed."""
    geom = app.load(wb).layout.tables["commercial"]
    first, last = geom.first_row, geom.last_row
    body = derived_cells(wb)[("Commercial", f"I{first}")][1:]
    book = Book(wb)
    book.fill_down("Commercial", f"I{first}", f"I{last}", body)
    book.save()
    report = app.recompute(wb)
    assert report.repairs == []
    assert_all_formulas(wb)


def test_input_cells_keep_their_xml(wb):
    book = Book(wb)
    break_three(book)
    book.set_cell("Commercial", "A6", "Produit « phare » & co")
    book.set_cell("Commercial", "D6", 46)
    book.save()
    inputs = input_cells(wb)
    assert len(inputs) > 500
    app.recompute(wb)
    after = input_cells(wb)
    assert after == inputs  # every non-derived <c> byte for byte (values, styles, types, inline text)


def test_foreign_parts_are_byte_identical(wb):
    book = Book(wb)
    break_three(book)
    image_parts = book.add_image("Commercial")  # on a sheet recompute rewrites
    xml_parts = book.add_custom_xml()
    ui14 = book.add_custom_ui14()
    book.save()
    before, before_infos = parts(wb), infos(wb)
    for owned_by_others in ("xl/vbaProject.bin", "customUI/customUI.xml", ui14, *image_parts, *xml_parts):
        assert owned_by_others in before
    report = app.recompute(wb)
    after, after_infos = parts(wb), infos(wb)
    assert list(after) == list(before)  # same parts, same order
    assert "xl/worksheets/sheet2.xml" in report.changed_parts
    assert all(p.startswith("xl/worksheets/sheet") for p in report.changed_parts), report.changed_parts
    for name in before:
        if name not in report.changed_parts:
            assert after[name] == before[name], name
            assert after_infos[name] == before_infos[name], name
    # the 2009 ribbon keeps its root relationship, the image its <drawing> link
    assert b"2007/relationships/ui/extensibility" in after["_rels/.rels"]
    sheet = etree.fromstring(after["xl/worksheets/sheet2.xml"])
    drawing = sheet.find(f"{M}drawing")
    assert drawing is not None
    rels = etree.fromstring(after["xl/worksheets/_rels/sheet2.xml.rels"])
    rid = drawing.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    assert any(r.get("Id") == rid and r.get("Target").endswith("drawing1.xml") for r in rels)


def test_second_run_changes_nothing(wb):
    book = Book(wb)
    break_three(book)
    book.add_image("Commercial")
    book.save()
    first = cli("recompute", wb)
    assert "3 cellule(s) calculée(s) réparée(s)" in first.output
    once = wb.read_bytes()
    second = cli("recompute", wb)
    assert second.exit_code == 0
    assert "Rien à changer." in second.output
    assert "réparée" not in second.output
    assert wb.read_bytes() == once
    report = app.recompute(wb)
    assert report.repairs == [] and report.changed_parts == []
    assert wb.read_bytes() == once


def test_fresh_workbook_needs_nothing(wb, demo_xlsm_bytes):
    report = app.recompute(wb)
    assert report.repairs == [] and report.changed_parts == []
    assert wb.read_bytes() == demo_xlsm_bytes


# --------------------------------------------------------------------------- table growth


def test_rows_added_to_a_table_get_formulas_and_totals_move(wb):
    old = app.load(wb).layout.tables["commercial"]
    book = Book(wb)
    first, last = book.extend_table("tCommercial", 2)
    assert (first, last) == (old.last_row + 1, old.last_row + 2)
    # the user types the new offer lines' inputs
    book.set_cell("Commercial", f"A{first}", "Formation")
    book.set_cell("Commercial", f"D{first}", 40)
    book.set_cell("Commercial", f"E{first}", 10)
    book.set_cell("Commercial", f"G{first}", 50000)
    book.set_cell("Commercial", f"A{last}", "Audit")
    book.set_cell("Commercial", f"D{last}", 20)
    book.set_cell("Commercial", f"E{last}", 5)
    book.set_cell("Commercial", f"G{last}", 30000)
    book.save()
    report = app.recompute(wb)
    data = app.load(wb)
    geom = data.layout.tables["commercial"]
    assert geom.n_rows == old.n_rows + 2
    assert geom.total_row == old.total_row + 2
    assert_all_formulas(wb)
    book = Book(wb)
    # the new rows compute like the others
    six = formula_of(book, "Commercial", f"I{geom.first_row}")
    assert formula_of(book, "Commercial", f"I{first}") == six.replace(str(geom.first_row), str(first))
    assert cached(book, "Commercial", f"I{first}") == pytest.approx(10 / 40)
    # the total row moved down with its formulas, now over the grown column
    total = geom.total_row
    assert f"$D${geom.first_row}:$D${last}" in formula_of(book, "Commercial", f"D{total}")
    rows = data.plan.tables["commercial"]
    assert cached(book, "Commercial", f"D{total}") == sum(r.get("opportunities", 0) for r in rows)
    assert cached(book, "Commercial", f"G{total}") == sum(r.get("revenue", 0) for r in rows)
    # the stale totals (pointing at the old rows) were reported and replaced
    stale = {r.cell: r.was for r in report.repairs}
    assert f"$D${old.first_row}:$D${old.last_row}" in stale[f"D{total}"]
    # nothing derived is left in the row that used to be the total row except the new rows' formulas
    assert {ref for (t, ref) in formulas(data.layout) if t == "Commercial" and split_ref(ref)[0] == old.total_row} == {
        f"{col}{old.total_row}" for col in "IJKOPQRS"}
    assert [r["line"] for r in data.compact_plan().tables["commercial"]][-2:] == ["Formation", "Audit"]
    assert app.recompute(wb).changed_parts == []


# --------------------------------------------------------------------------- calcChain, --output, atomicity


def test_calc_chain_is_dropped_with_its_relationship_and_content_type(wb):
    book = Book(wb)
    break_three(book)
    book.add_calc_chain()
    book.save()
    before = parts(wb)
    assert "xl/calcChain.xml" in before
    app.recompute(wb)
    after = parts(wb)
    assert "xl/calcChain.xml" not in after
    assert b"calcChain" not in after["xl/_rels/workbook.xml.rels"]
    assert b"calcChain" not in after["[Content_Types].xml"]
    assert b'fullCalcOnLoad="1"' in after["xl/workbook.xml"]
    # the relationships that stay are untouched (vbaProject, styles, sheets…)
    assert etree.tostring(etree.fromstring(after["xl/_rels/workbook.xml.rels"])).count(b"<Relationship ") == \
        etree.tostring(etree.fromstring(before["xl/_rels/workbook.xml.rels"])).count(b"<Relationship ") - 1
    for name in set(before) - CALC_CHAIN_PARTS - {"xl/worksheets/sheet2.xml"}:
        assert after[name] == before[name], name


def test_output_leaves_the_original_untouched(wb, tmp_path):
    book = Book(wb)
    break_three(book)
    book.save()
    original = wb.read_bytes()
    other = tmp_path / "out" / "Repaired.xlsm"
    result = cli("recompute", wb, "--output", other, "--verbose")
    assert result.exit_code == 0, result.output
    assert "Commercial!I6" in result.output and str(other) in result.output
    assert wb.read_bytes() == original
    assert_all_formulas(other)
    assert app.recompute(wb).repairs  # the original still needs its repairs


def test_failed_read_leaves_file_and_folder_as_they_were(wb):
    book = Book(wb)
    break_three(book)
    book.set_cell("Commercial", "E6", "vingt")  # a bad input cell: reading fails
    book.save()
    original, listing = wb.read_bytes(), sorted(os.listdir(wb.parent))
    with pytest.raises(CellValueError) as err:
        app.recompute(wb)
    assert err.value.problems[0][:2] == ("Commercial", "E6")
    result = cli("recompute", wb)
    assert result.exit_code == 2
    assert "Commercial!E6" in result.output
    assert wb.read_bytes() == original
    assert sorted(os.listdir(wb.parent)) == listing


def test_failed_write_leaves_file_and_no_temporary(wb, monkeypatch):
    book = Book(wb)
    break_three(book)
    book.save()
    original, listing = wb.read_bytes(), sorted(os.listdir(wb.parent))

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(PlanError) as err:
        app.recompute(wb)
    assert "Rien n'a été modifié" in str(err.value)  # the demo workbook is French: its messages too
    result = cli("recompute", wb)
    # the reason in the workbook's language (French), not the machine's strerror
    assert result.exit_code == 2 and say("os.ENOSPC", "fr") in result.output and "No space left" not in result.output
    monkeypatch.undo()
    assert wb.read_bytes() == original
    assert sorted(os.listdir(wb.parent)) == listing


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX file modes")
def test_replaced_file_keeps_its_permissions(wb, tmp_path):
    book = Book(wb)
    break_three(book)
    book.save()
    wb.chmod(0o640)
    app.recompute(wb)
    assert wb.stat().st_mode & 0o777 == 0o640
    umask = os.umask(0o022)
    try:
        made = app.new_workbook(tmp_path / "New.xlsm")
    finally:
        os.umask(umask)
    assert made.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


def test_output_in_a_folder_that_cannot_exist(wb, tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    original = wb.read_bytes()
    result = cli("recompute", wb, "--output", tmp_path / "notes.txt" / "Out.xlsm")
    assert result.exit_code == 2, result.output
    assert "Impossible d'écrire dans le dossier" in result.output  # in the (French) workbook's language
    assert wb.read_bytes() == original


# --------------------------------------------------------------------------- text is text


def _xf_quote_prefix(book: Book, style: str | None) -> bool:
    styles = book.xml("xl/styles.xml")
    xfs = styles.find(f"{M}cellXfs")
    return xfs[int(style or 0)].get("quotePrefix") == "1"


def test_text_starting_with_equals_stays_text(wb, tmp_path):
    assert cli("export", wb, "--json", tmp_path / "plan.json").exit_code == 0
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    tricky = ["=SUM(1,2)", "+33 1 23 45 67 89", "@home", "-5 %", "=1/0"]
    rows = plan["tables"]["commercial"]
    for row, text in zip(rows, tricky):
        row["line"] = text
    (tmp_path / "tricky.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "Tricky.xlsm"
    result = cli("new", "--from", tmp_path / "tricky.json", path)
    assert result.exit_code == 0, result.output
    geom = app.load(path).layout.tables["commercial"]
    col = geom.cols["line"]

    def check(book: Book, expected: list[str]) -> None:
        for i, text in enumerate(expected):
            c = book.cell("Commercial", ref_of(geom.first_row + i, col))
            assert c.find(f"{M}f") is None, text
            assert c.get("t") == "inlineStr"
            assert "".join(c.itertext()) == text
            assert _xf_quote_prefix(book, c.get("s")), text  # Excel keeps it text when the user edits it

    check(Book(path), tricky)
    # the user also types a text starting with '=' (as '=… in Excel) in another input cell
    book = Book(path)
    book.set_cell("Commercial", "C6", "=A1*2")
    break_three(book)
    book.save()
    app.recompute(path)
    book = Book(path)
    check(book, tricky)
    c = book.cell("Commercial", "C6")
    assert c.find(f"{M}f") is None and "".join(c.itertext()) == "=A1*2"
    assert cli("export", path, "--json", tmp_path / "again.json").exit_code == 0
    again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert [r["line"] for r in again["tables"]["commercial"][: len(tricky)]] == tricky
    assert again["tables"]["commercial"][0]["family"] == "=A1*2"


# --------------------------------------------------------------------------- renamed sheets


def test_renamed_sheets_are_found_and_nothing_is_repaired(wb):
    plan = app.load(wb).compact_plan()
    book = Book(wb)
    book.rename_sheet("Commercial", "Ventes 2027")  # needs quotes in formulas
    book.rename_sheet("Budget", "Budget2027")  # Excel writes Budget2027!A1, unquoted
    book.save()
    data = app.load(wb)
    assert data.layout.sheet_titles["commercial"] == "Ventes 2027"
    assert data.layout.sheet_titles["budget"] == "Budget2027"
    assert data.compact_plan() == plan
    report = app.recompute(wb)
    assert report.repairs == []
    # no calculated cell was rewritten (the Contrôles sheet may name the new titles)
    assert not set(report.changed_parts) & plan_sheet_parts(wb)
    again = app.recompute(wb)
    assert again.repairs == [] and again.changed_parts == []
    book = Book(wb)
    book.set_cell("Ventes 2027", "I6", 1)
    book.save()
    result = cli("recompute", wb, "-v")
    assert result.exit_code == 0, result.output
    assert "Ventes 2027!I6 : contenait « 1 »" in result.output


def test_formulas_as_excel_spells_them_are_not_repairs(wb):
    """Excel saves sheet names unquoted when it can ('Budget'!A1 -> Budget!A1): not a broken formula."""
    book = Book(wb)
    for s in book.sheet_elements():
        part = book.sheet_part(s.get("name"))
        root = book.xml(part)
        for f in root.iter(f"{M}f"):
            if f.text and "'" in f.text:
                f.text = f.text.replace("'Budget'!", "Budget!").replace("'Commercial'!", "Commercial!")
        book.put(part, root)
    book.save()
    spelled = wb.read_bytes()
    assert b"<f>SUMIF(Budget!" in parts(wb)["xl/worksheets/sheet10.xml"]
    report = app.recompute(wb)
    assert report.repairs == [] and report.changed_parts == []
    assert wb.read_bytes() == spelled
