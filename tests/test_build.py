"""The workbook `planmkg new` writes: reproducible, and shaped like a professional template."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from planmkg_xl import app
from planmkg_xl.cli import main
from planmkg_xl.demo import demo_plan
from planmkg_xl.model.schema import SCALARS, SHEETS, TABLES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_wb(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "demo.xlsm"
    path.write_bytes(app.build_xlsm(demo_plan()))
    return openpyxl.load_workbook(path, keep_vba=True)


def test_committed_workbook_is_exactly_what_planmkg_new_writes(tmp_path):
    result = CliRunner().invoke(main, ["new", str(tmp_path / "Plan_Marketing.xlsm")])
    assert result.exit_code == 0, result.output
    committed = (ROOT / "workbook" / "Plan_Marketing.xlsm").read_bytes()
    assert (tmp_path / "Plan_Marketing.xlsm").read_bytes() == committed, "rebuild it: planmkg new --force workbook/Plan_Marketing.xlsm"


def test_build_is_byte_reproducible():
    assert app.build_xlsm(demo_plan("en")) == app.build_xlsm(demo_plan("en"))


def test_new_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "p.xlsm"
    path.write_bytes(b"precious")
    result = CliRunner().invoke(main, ["new", str(path)])
    assert result.exit_code == 2 and "already exists" in result.output
    assert path.read_bytes() == b"precious"


def test_every_list_is_a_named_table_and_every_scalar_a_defined_name(demo_wb):
    tables = {name for ws in demo_wb for name in ws.tables}
    assert tables == {t.name for t in TABLES.values()}
    assert set(SCALARS) <= set(demo_wb.defined_names)


def test_sheets_in_order_with_codenames(demo_wb):
    assert demo_wb.sheetnames[0] == "Accueil"
    assert demo_wb.sheetnames[:len(SHEETS)] == [s.title("fr") for s in SHEETS]  # Accueil is declared first
    assert [demo_wb[s.title("fr")].sheet_properties.codeName for s in SHEETS] == [s.codename for s in SHEETS]
    assert demo_wb["Listes"].sheet_state == "hidden"


def test_inputs_unlocked_derived_locked_sheet_protected_without_password(demo_wb):
    ws = demo_wb["Commercial"]
    assert ws.protection.sheet and not ws.protection.password
    header = {c.value: c for c in ws[5]}
    assert header["Total opportunités"].offset(1, 0).protection.locked is False
    win = header["Win ratio"].offset(1, 0)
    assert win.protection.locked is True and win.value.startswith("=")
    assert win.fill.fgColor.rgb != header["Total opportunités"].offset(1, 0).fill.fgColor.rgb


def test_definitions_are_in_header_comments(demo_wb):
    header = {c.value: c for c in demo_wb["Lead generation"][5]}
    assert "qualifiés" in header["Coût au lead qualifié"].comment.text


def test_number_formats_and_validation(demo_wb):
    ws = demo_wb["Commercial"]
    header = {c.value: c for c in ws[5]}
    assert "€" in header["C.A. total N-1"].offset(1, 0).number_format
    assert "%" in header["Win ratio"].offset(1, 0).number_format
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert {"whole", "decimal", "list"} <= kinds
    rate = [dv for dv in ws.data_validations.dataValidation if dv.type == "decimal" and dv.formula2 == "1"]
    assert rate and "45 %" in rate[0].error


def test_text_starting_with_equals_is_written_as_text():
    plan = demo_plan()
    plan.tables["swot"][0]["item"] = "=HYPERLINK(\"http://evil\")"
    data = app.build_xlsm(plan)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>HYPERLINK" not in xml
    assert '<is><t>=HYPERLINK("http://evil")</t></is>' in xml


def test_english_workbook_has_english_labels(tmp_path):
    path = tmp_path / "en.xlsm"
    app.new_workbook(path, lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:3] == ["Home", "Sales", "Channels"]
    assert "Win ratio" in [c.value for c in wb["Sales"][5]]
    # the rows a new workbook starts with are in English too
    assert [c.value for c in wb["Sales"]["A"][5:8]] == ["Product 1", "Product 2", "Product 3"]
    assert [wb["Web"].cell(r, 1).value for r in (6, 7)] == ["January", "February"]
    assert "Social media" in [c.value for c in wb["Lead generation"]["A"]]


def _rows_too_short_for_their_text(path) -> list[str]:
    """Cells with wrapped text clearly longer than one line (1.5 x the column width) in a row left at one line's height."""
    wb = openpyxl.load_workbook(path)
    short = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or cell.value.startswith("=") or not cell.alignment.wrap_text:
                    continue
                width = ws.column_dimensions[cell.column_letter].width or 8.43
                height = ws.row_dimensions[cell.row].height
                if len(cell.value) > 1.5 * width and (height is None or height < 2 * 12):
                    short.append(f"{ws.title}!{cell.coordinate} ({len(cell.value)} chars, width {width}, height {height})")
    return short


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_wrapped_text_gets_the_height_it_needs_on_every_sheet(lang, tmp_path):
    """LibreOffice and Excel keep a row without a height at one line: long wrapped text would overprint the next row."""
    path = tmp_path / "demo.xlsm"
    path.write_bytes(app.build_xlsm(demo_plan(lang)))  # the Contrôles sheet is filled with the demo's findings
    assert _rows_too_short_for_their_text(path) == []
    controls = openpyxl.load_workbook(path)["Contrôles" if lang == "fr" else "Checks"]
    assert any((controls.row_dimensions[r].height or 0) > 15 for r in range(5, controls.max_row + 1))
