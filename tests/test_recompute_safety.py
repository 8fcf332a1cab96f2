"""`recompute` never overwrites what the user typed, whatever Excel or a script did to the sheet.

Each scenario is one of the edits that once turned typed values into formulas (rows
inserted above a total row by openpyxl, a table ref shrunk or reduced to one row, a
defined name moved, an array formula typed into an input cell…). The property test
then chains such edits at random (hypothesis, against ``xlsx_edit`` which writes what
Excel or openpyxl write) and checks the one promise: after recompute, every cell a user
could have typed keeps its bytes.

The oracle does not use planmkg's layout: it reads the workbook's own formats (a cell
in an unlocked format is an input; a locked cell holding a constant is a label or a
header) and the cells the test itself typed.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from planmkg_xl import app
from planmkg_xl.model.schema import TABLES
from xlsx_edit import Book, ref_of, split_ref

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def unlocked_styles(book: Book) -> set[str]:
    xfs = book.xml("xl/styles.xml").find(f"{M}cellXfs")
    return {str(i) for i, xf in enumerate(xfs.iterfind(f"{M}xf"))
            if xf.find(f"{M}protection") is not None and xf.find(f"{M}protection").get("locked") in ("0", "false")}


def typed_cells(path: Path, allowed: set[tuple[str, str]] = frozenset()) -> dict[tuple[str, str], bytes]:
    """Every cell of the plan sheets a user could have typed: in an input (unlocked) format and not empty,
    or holding a constant or an array formula (labels, headers, values), minus ``allowed`` (cells the test
    typed over a calculated cell: recompute may restore those)."""
    book = Book(path)
    unlocked = unlocked_styles(book)
    titles = [s.get("name") for s in book.sheet_elements()]
    out = {}
    for title in titles:
        root = book.sheet(title)
        if root.find(f"{M}sheetPr") is not None and root.find(f"{M}sheetPr").get("codeName") in ("shControles", "shAccueil"):
            continue
        for c in root.iter(f"{M}c"):
            key = (title, c.get("r"))
            if key in allowed or len(c) == 0:
                continue
            f = c.find(f"{M}f")
            if c.get("s", "0") in unlocked or f is None or f.get("t") == "array":
                out[key] = etree.tostring(c)
    return out


def changed(before: dict, path: Path) -> list:
    book = Book(path)
    after = {(title, ref): None for title, ref in before}
    for title in {t for t, _ in before}:
        for c in book.sheet(title).iter(f"{M}c"):
            if (title, c.get("r")) in after:
                after[(title, c.get("r"))] = etree.tostring(c)
    return [(k, before[k][:120], (after[k] or b"")[:120]) for k in before if after[k] != before[k]]


def layout(path: Path):
    return app.load(path).layout


# --------------------------------------------------------------------------- the cases


def test_openpyxl_insert_above_the_total_row_keeps_typed_values(wb):
    """openpyxl's insert_rows moves the cells but not the table ref: the old total row now holds typed data."""
    geom = layout(wb).tables["leadgen"]
    book = Book(wb)
    book.insert_rows("Lead generation", geom.last_row, 1, excel=False)
    book.set_cell("Lead generation", f"B{geom.last_row}", 600)  # the user fills the new row
    book.save()
    before = typed_cells(wb)
    report = app.recompute(wb)
    assert changed(before, wb) == []
    refused = {(r.cell, r.reason) for r in report.refused}
    assert (f"B{geom.total_row}", "total_row") in refused or (f"B{geom.total_row}", "input_format") in refused
    assert Book(wb).cell("Lead generation", f"B{geom.total_row}").find(f"{M}f") is None


@pytest.mark.parametrize("rows", [0, 3], ids=["one_row", "shrunk"])
def test_table_ref_shrunk_keeps_typed_values(wb, rows):
    geom = layout(wb).tables["leadgen"]
    book = Book(wb)
    book.set_table_ref(geom.table.name, f"{ref_of(geom.header_row, geom.first_col)}:{ref_of(geom.first_row + rows, geom.last_col)}")
    book.save()
    before = typed_cells(wb)
    report = app.recompute(wb)
    assert changed(before, wb) == []
    assert any(r.reason == "total_row" for r in report.refused)


def test_excel_row_deleted_inside_a_table_without_resizing(wb):
    """openpyxl's delete_rows: the table ref now reaches over its own Total row."""
    geom = layout(wb).tables["commercial"]
    book = Book(wb)
    book.delete_rows("Commercial", geom.first_row + 1, 1, excel=False)
    book.save()
    before = typed_cells(wb)
    report = app.recompute(wb)
    assert changed(before, wb) == []
    assert {r.reason for r in report.refused if r.sheet == "Commercial"} >= {"table_range"}


def test_excel_insert_and_delete_rows_are_followed(wb):
    """Excel's own Insert/Delete > Sheet Rows move table refs and names: recompute extends, refuses nothing."""
    geom = layout(wb).tables["leadgen"]
    book = Book(wb)
    book.insert_rows("Lead generation", geom.first_row + 2, 2)
    book.set_cell("Lead generation", f"A{geom.first_row + 2}", "Salon")
    book.set_cell("Lead generation", f"B{geom.first_row + 2}", 120)
    book.delete_rows("Commercial", layout(wb).tables["commercial"].first_row + 1, 1)
    book.save()
    before = typed_cells(wb)
    report = app.recompute(wb)
    assert changed(before, wb) == []
    assert report.refused == []
    assert {r.kind for r in report.repairs} == {"extended"}
    assert app.recompute(wb).changed_parts == []


def test_name_moved_onto_an_input_or_a_label_is_left_alone(wb):
    lay = layout(wb)
    derived = [k for k in lay.scalars if k in ("total_customers", "cost_per_seo_lead")]
    book = Book(wb)
    geom = lay.tables["commercial"]
    book.move_name(derived[0], f"'Commercial'!${'D'}${geom.first_row}")  # an input cell
    book.move_name(derived[1], f"'Commercial'!$A${geom.header_row}")  # a header
    book.save()
    before = typed_cells(wb)
    report = app.recompute(wb)
    assert changed(before, wb) == []
    assert {(r.cell, r.reason) for r in report.refused} >= {(f"D{geom.first_row}", "overlap"), (f"A{geom.header_row}", "other_format")}


def test_name_beyond_the_last_row_is_never_written(wb):
    book = Book(wb)
    book.move_name("total_customers", "'Commercial'!$Z$1048577")
    book.save()
    report = app.recompute(wb)
    assert ("Z1048577", "beyond") in {(r.cell, r.reason) for r in report.refused}
    with zipfile.ZipFile(wb) as zf:
        assert b"1048577" not in zf.read(Book(wb).sheet_part("Commercial"))


def test_array_formula_typed_into_an_input_cell_and_over_calculated_cells(wb):
    geom = layout(wb).tables["commercial"]
    book = Book(wb)
    book.set_array("Commercial", f"D{geom.first_row}", f"D{geom.first_row}", "SUM(1,2)", [3])
    # an array spilling from an input column over the calculated columns I..J
    book.set_array("Commercial", f"H{geom.first_row + 1}", f"J{geom.first_row + 1}", "TRANSPOSE({1;2;3})", [1, 2, 3])
    book.save()
    before = typed_cells(wb)
    report = app.recompute(wb)
    assert changed(before, wb) == []
    assert {(r.cell, r.reason) for r in report.refused} >= {(f"I{geom.first_row + 1}", "array"), (f"J{geom.first_row + 1}", "array")}


def test_report_is_counts_first_and_short(wb):
    """After rows are added, the report says 'extended', not 'repaired', and never prints a long formula."""
    book = Book(wb)
    book.extend_table(layout(wb).tables["leadgen"].table.name, 3)
    book.save()
    from click.testing import CliRunner

    from planmkg_xl.cli import main

    out = CliRunner().invoke(main, ["recompute", str(wb)]).output
    assert "étendue" in out and "réparée" not in out and "$B$" not in out
    verbose = CliRunner().invoke(main, ["recompute", str(wb), "--verbose"]).output
    assert max(len(line) for line in verbose.splitlines()) < 200


# --------------------------------------------------------------------------- property


def _edits():
    """One random edit: (kind, arguments)."""
    sheet = st.sampled_from(["Commercial", "Lead generation", "Budget", "Web"])
    return st.one_of(
        st.tuples(st.just("insert"), sheet, st.integers(4, 30), st.integers(1, 3), st.booleans()),
        st.tuples(st.just("delete"), sheet, st.integers(6, 30), st.integers(1, 2), st.booleans()),
        st.tuples(st.just("resize"), st.sampled_from(["commercial", "leadgen", "budget", "web"]), st.integers(-6, 4)),
        st.tuples(st.just("name"), st.integers(0, 200), sheet, st.integers(1, 40), st.integers(1, 20)),
        st.tuples(st.just("type"), sheet, st.integers(4, 40), st.integers(1, 20),
                  st.one_of(st.integers(0, 10_000), st.sampled_from(["texte", "=1+1", " "]))),
        st.tuples(st.just("array"), sheet, st.integers(4, 40), st.integers(1, 18), st.integers(0, 2)),
    )


def _apply(book: Book, path: Path, edit, typed_over: set) -> None:
    kind = edit[0]
    if kind == "insert":
        _, sheet, at, n, excel = edit
        book.insert_rows(sheet, at, n, excel=excel)
    elif kind == "delete":
        _, sheet, at, n, excel = edit
        book.delete_rows(sheet, at, n, excel=excel)
    elif kind == "resize":
        _, key, delta = edit
        name = TABLES[key].name
        part, _ = book.table_parts()[name]
        start, end = book.xml(part).get("ref").split(":")
        (top, _), (bottom, right) = split_ref(start), split_ref(end)
        book.set_table_ref(name, f"{start}:{ref_of(max(top + 1, bottom + delta), right)}")
    elif kind == "name":
        _, index, sheet, row, col = edit
        names = sorted(book.defined_names())
        book.move_name(names[index % len(names)], f"'{sheet}'!${ref_of(row, col)[:-len(str(row))]}${row}")
    elif kind == "type":
        _, sheet, row, col, value = edit
        ref = ref_of(row, col)
        c = book.cell(sheet, ref)
        if c is not None and c.get("s", "0") not in unlocked_styles(book) and c.find(f"{M}f") is not None:
            typed_over.add((sheet, ref))  # over a calculated cell: recompute may restore it
        book.set_cell(sheet, ref, value)
    elif kind == "array":
        _, sheet, row, col, width = edit
        book.set_array(sheet, ref_of(row, col), ref_of(row, col + width), "ROW()", [row] * (width + 1))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory, demo_xlsm_bytes) -> Path:
    path = tmp_path_factory.mktemp("safety") / "pristine.xlsm"
    path.write_bytes(demo_xlsm_bytes)
    return path


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=st.lists(_edits(), min_size=1, max_size=5))
def test_no_typed_value_is_ever_overwritten(pristine, tmp_path_factory, edits):
    path = tmp_path_factory.mktemp("prop") / "Plan_Marketing.xlsm"
    path.write_bytes(pristine.read_bytes())
    book = Book(path)
    typed_over: set = set()
    for edit in edits:
        _apply(book, path, edit, typed_over)
    book.save()
    before = typed_cells(path, typed_over)
    try:
        app.recompute(path)
    except Exception as exc:  # a refusal of the whole file is fine; anything but PlanError is a bug
        from planmkg_xl.errors import PlanError

        assert isinstance(exc, PlanError), repr(exc)
        return
    assert changed(before, path) == []
    # whatever recompute wrote is within Excel's grid
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                for c in etree.fromstring(zf.read(name)).iter(f"{M}c"):
                    assert split_ref(c.get("r"))[0] <= 1_048_576
