"""Units everywhere (issue 8): every value cell knows its unit; the unit drives format, validation and reading.

The % cells are enumerated from the model (rate columns, rate scalars, and the rows of
mixed-unit tables whose unit — or metric — is %), never listed by hand, so a new %
cell is covered the day it is declared. Validation formulas are evaluated by
LibreOffice (the independent engine), not by a re-implementation of ours.
"""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from openpyxl.formula.translate import Translator

from conftest import needs_lo
from lo import recalculate
from planmkg_xl.core.layout import cell_ref
from planmkg_xl.demo import demo_plan
from planmkg_xl.errors import CellValueError
from planmkg_xl.io.read import read_workbook
from planmkg_xl.model.fields import Kind
from planmkg_xl.model.schema import SCALARS, TABLES
from planmkg_xl.model.units import display_kind, field_unit, follows_row, is_percent, row_unit
from xlsx_edit import Book


def percent_cells(data) -> list[tuple[str, str, str | None, str]]:
    """(sheet, A1, table or None, field) of every % input cell of a read workbook (blank rows of rate columns too)."""
    out = []
    layout = data.layout
    for key, geom in layout.tables.items():
        table = geom.table
        for f in table.inputs:
            if not f.numeric:
                continue
            for i, row in enumerate(data.plan.tables.get(key, [])):
                if is_percent(table, f, row):
                    out.append((geom.sheet_title, cell_ref(geom.first_row + i, geom.cols[f.key]), key, f.key))
    for key, (title, row, col) in layout.scalars.items():
        f = SCALARS[key]
        if not f.derived and f.kind == Kind.RATE:
            out.append((title, cell_ref(row, col), None, key))
    return out


@pytest.fixture(scope="module")
def demo_cells(tmp_path_factory, demo_xlsm_bytes):
    path = tmp_path_factory.mktemp("units") / "demo.xlsm"
    path.write_bytes(demo_xlsm_bytes)
    return path, percent_cells(read_workbook(path))


def test_every_percent_family_is_enumerated(demo_cells):
    """The issue's list: Objectifs, KPI, Stratégie metrics, Paramètres (benchmarks, tolerances), plus every rate column."""
    _, cells = demo_cells
    places = {(t, f) for _, _, t, f in cells}
    for expected in (("strategic_objectives", "target"), ("marketing_objectives", "target"), ("marketing_objectives", "baseline_typed"),
                     ("kpis", "target"), ("kpis", "m01"), ("kpis", "value_prev"), ("leadgen_targets", "target"),
                     ("brand_metrics", "value_prev"), ("benchmarks", "value"), (None, "tolerance_ok"), (None, "tolerance_warning"),
                     (None, "envelope_pct"), ("commercial", "target_win_ratio"), ("key_metrics", "churn_rate")):
        assert expected in places, expected


def test_reader_refuses_53_on_every_percent_cell(demo_cells, tmp_path):
    """53 typed in any % cell reads as "looks like a percentage typed without %", with that cell's address."""
    path, cells = demo_cells
    book = Book(path)
    for sheet, ref, _, _ in cells:
        book.set_cell(sheet, ref, 53)
    out = tmp_path / "fifty_three.xlsm"
    book.save(out)
    with pytest.raises(CellValueError) as err:
        read_workbook(out)
    flagged = {(s, r) for s, r, msg in err.value.problems if "53 %" in msg and "0.53" in msg}
    assert {(s, r) for s, r, _, _ in cells} <= flagged


def test_reader_accepts_53_on_a_count_row_of_a_mixed_table(demo_cells, tmp_path):
    path, _ = demo_cells
    data = read_workbook(path)
    geom = data.layout.tables["kpis"]
    i = next(i for i, r in enumerate(data.plan.tables["kpis"]) if r.get("metric") == "new_customers")
    book = Book(path)
    book.set_cell(geom.sheet_title, cell_ref(geom.first_row + i, geom.cols["target"]), 53)
    out = tmp_path / "count.xlsm"
    book.save(out)
    assert read_workbook(out).plan.tables["kpis"][i]["target"] == 53


def _validation_of(ws, ref: str):
    for dv in ws.data_validations.dataValidation:
        if ref in dv.sqref:
            return dv
    return None


def test_every_percent_cell_has_a_validation_refusing_53(demo_cells):
    """Rate columns: "decimal between 0 and 1"; % rows of mixed tables: a custom rule (evaluated by LibreOffice below)."""
    path, cells = demo_cells
    wb = load_workbook(path)
    for sheet, ref, table, field in cells:
        dv = _validation_of(wb[sheet], ref)
        assert dv is not None and dv.showErrorMessage, (sheet, ref)
        if table is not None and follows_row(TABLES[table], field):
            assert dv.type == "custom", (sheet, ref)
        else:
            assert (dv.type, dv.operator, float(dv.formula1), float(dv.formula2)) == ("decimal", "between", 0, 1), (sheet, ref)


@needs_lo
@pytest.mark.lo
def test_custom_validations_refuse_53_on_percent_rows_only(demo_cells, tmp_path):
    """LibreOffice evaluates each mixed-table validation formula at its cell with 53 and with 0.53 typed there.

    % rows: 53 refused, 0.53 accepted; other rows (€, counts): 53 accepted.
    """
    path, cells = demo_cells
    data = read_workbook(path)
    wanted = []  # (sheet, ref, is_percent)
    for key, geom in data.layout.tables.items():
        table = geom.table
        if table.row_unit is None:
            continue
        for i, row in enumerate(data.plan.tables.get(key, [])):
            if row_unit(table, row) is None:
                continue
            for fkey in table.row_unit.fields:
                if not table.field(fkey).derived:
                    wanted.append((geom.sheet_title, cell_ref(geom.first_row + i, geom.cols[fkey]), is_percent(table, table.field(fkey), row)))
    assert sum(p for *_, p in wanted) >= 15 and sum(not p for *_, p in wanted) >= 15
    helpers: dict[tuple[str, str], str] = {}  # validated cell -> the helper cell holding its formula
    used: dict[tuple[str, int], int] = {}
    for sheet, ref, _ in wanted:
        row = int("".join(ch for ch in ref if ch.isdigit()))
        n = used[sheet, row] = used.get((sheet, row), 0) + 1
        helpers[sheet, ref] = cell_ref(row, 120 + n)  # far right of the same row: same-sheet references stay valid
    files = []
    for value in (53, 0.53):
        wb = load_workbook(path)
        for sheet, ref, _ in wanted:
            ws = wb[sheet]
            dv = _validation_of(ws, ref)
            origin = str(dv.sqref).split()[0].split(":")[0]  # the formula is relative to the range's top-left cell
            ws[ref] = value
            ws[helpers[sheet, ref]] = Translator("=" + dv.formula1, origin=origin).translate_formula(ref)
        out = tmp_path / f"dv_{value}.xlsx"
        wb.save(out)
        files.append(out)
    recalculated = recalculate(files, tmp_path / "lo", tmp_path / "profile")
    results = {}
    for value, out in zip((53, 0.53), recalculated):
        wb = load_workbook(out, data_only=True)
        results[value] = {(s, r): wb[s][helpers[s, r]].value for s, r, _ in wanted}
    for sheet, ref, pct in wanted:
        assert results[53][sheet, ref] is (not pct), (sheet, ref, "53")
        assert results[0.53][sheet, ref] is True, (sheet, ref, "0.53")


def test_row_formats_follow_the_row_unit(wb):
    """KPI and strategy metric rows: € with €, % as %, counts as whole numbers (no 115 836.0 visits, no 0.0 CTR)."""
    wb = load_workbook(wb)
    plan = demo_plan("fr")
    data_rows = {"kpis": plan.tables["kpis"], "leadgen_targets": plan.tables["leadgen_targets"]}
    seen = set()
    for key, rows in data_rows.items():
        table = TABLES[key]
        sheet = wb[{"kpis": "KPI", "leadgen_targets": "Stratégie"}[key]]
        for i, row in enumerate(rows):
            unit = row_unit(table, row)
            seen.add(unit)
            ws_ref = _cell_of(wb, key, i, "baseline")
            fmt = sheet[ws_ref].number_format
            expected = {"percent": "0.0%", "money": '#,##0 "€"', "count": "#,##0", "other": "#,##0.0"}[unit]
            assert fmt == expected, (key, i, unit, fmt)
    assert {"percent", "money", "count"} <= seen


def _cell_of(wb, table: str, i: int, field: str) -> str:
    """Where the builder put a demo row's cell (the same layout as the ``wb`` fixture's)."""
    from planmkg_xl.core.layout import plan_layout

    plan = demo_plan("fr")
    counts = {k: len(plan.tables[k]) if k in plan.tables else len(t.rows) + t.blank_rows for k, t in TABLES.items()}
    geom = plan_layout("fr", counts).tables[table]
    return cell_ref(geom.first_row + i, geom.cols[field])


def test_mixed_tables_carry_conditional_formats_per_unit(wb):
    """When the user changes a row's unit in Excel, a rule per unit re-formats the row (one rule per unit present)."""
    ws = load_workbook(wb)["KPI"]
    formulas = [r.formula[0] for cf in ws.conditional_formatting for r in cf.rules if r.type == "expression"]
    assert any('"%"' in f for f in formulas) and any('"€"' in f for f in formulas) and any('"nombre"' in f for f in formulas)


def test_field_unit_api():
    """What the deck and the checks ask: the unit of a cell, per row in mixed tables."""
    assert field_unit("kpis", "target", {"metric": "cost_per_qualified_lead"}) == "money"
    assert field_unit("kpis", "target", {"metric": "cost_per_qualified_lead", "unit": "percent"}) == "percent"
    assert field_unit("kpis", "m03", {"metric": "email_ctr"}) == "percent"
    assert field_unit("kpis", "target", {"metric": "other"}) == "number"
    assert field_unit("kpis", "months_reported", {"metric": "email_ctr"}) == "count"
    assert field_unit("leadgen", "spend") == "money" and field_unit("web", "visits") == "count"
    assert field_unit(None, "tolerance_ok") == "percent" and field_unit(None, "envelope") == "kmoney"
    assert field_unit("marketing_objectives", "baseline", {"metric": "leads"}) == "count"
    assert display_kind(TABLES["kpis"], TABLES["kpis"].field("target"), {"metric": "web_visits"}) == Kind.COUNT


def test_open_book_reader_refuses_53_like_the_file_reader(demo_cells, tmp_path):
    """The ribbon reads the open Book (xlbook): the same problems, cell for cell, as the file reader."""
    from fake_xlbook import FakeBook
    from planmkg_xl.excel import book as xlbook

    path, cells = demo_cells
    book = Book(path)
    for sheet, ref, _, _ in cells:
        book.set_cell(sheet, ref, 53)
    out = tmp_path / "fifty_three_book.xlsm"
    book.save(out)
    with pytest.raises(CellValueError) as from_file:
        read_workbook(out)
    with pytest.raises(CellValueError) as from_book:
        xlbook.read_book(FakeBook.from_file(out))
    assert sorted(from_book.value.problems) == sorted(from_file.value.problems)


def test_computed_plan_tells_each_cells_unit():
    """The deck asks the computed plan: one KPI row is €, another %, another a count."""
    from planmkg_xl.core.compute import compute

    c = compute(demo_plan("fr"))
    units = {r["metric"]: c.unit("kpis", "target", i) for i, r in enumerate(c.rows["kpis"])}
    assert units["cost_per_qualified_lead"] == "money" and units["email_ctr"] == "percent" and units["web_visits"] == "count"
    assert c.unit("leadgen_targets", "baseline", 5) == "percent" and c.unit(None, "tolerance_ok") == "percent"
