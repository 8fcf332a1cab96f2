"""Bad input met through the app functions (what the CLI and the ribbon both call).

Each problem gives one ``PlanError`` whose message names the sheet and cell (where
there is one) and says what to do; the file and its folder are left as they were.
The CLI side of the same cases (exit code 2, no traceback) is in test_cli_errors.py.
"""
from __future__ import annotations

import re

import shutil
import time
import zipfile
from pathlib import Path

import pytest

from planmkg_xl import app
from planmkg_xl.demo import demo_plan
from planmkg_xl.errors import CellValueError, FileLockedError, PlanDataError, PlanError, WorkbookError
from xlsx_edit import Book, lock, ref_of


@pytest.fixture(scope="module")
def demo_en_bytes() -> bytes:
    return app.build_xlsm(demo_plan("en"))


# --------------------------------------------------------------------------- the cases
# Each maker edits (or replaces) the workbook at ``path`` as a user or a mishap would.


def _set(title: str, ref: str, value):
    def make(path: Path) -> None:
        book = Book(path)
        book.set_cell(title, ref, value)
        book.save()
    return make


def _set_scalar(key: str, value):
    def make(path: Path) -> None:
        title, row, col = app.load(path).layout.scalars[key]
        book = Book(path)
        book.set_cell(title, ref_of(row, col), value)
        book.save()
    return make


def _delete_sheet(path: Path) -> None:
    book = Book(path)
    book.delete_sheet("Budget")
    book.save()


def _rename_table(path: Path) -> None:
    book = Book(path)
    book.rename_table("tCommercial", "Tableau1")
    book.save()


def _rename_sheet_and_table(path: Path) -> None:
    book = Book(path)
    book.rename_sheet("Commercial", "Ventes")
    book.rename_table("tCommercial", "Tableau1")
    book.save()


def _not_a_workbook(path: Path) -> None:
    path.write_text("Chiffres 2026 ; 12 ; 45\n", encoding="utf-8")


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zip_not_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes.txt", "pas un classeur")
        zf.writestr("[Content_Types].xml", "<Types/>")


def _encrypted(path: Path) -> None:
    """What Excel writes for a workbook with a password to open: an OLE compound file, not a zip."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"EncryptionInfo" + bytes(2000))


def _corrupt_xml(path: Path) -> None:
    book = Book(path)
    part = book.sheet_part("Commercial")
    book.parts[part] = book.parts[part][: len(book.parts[part]) // 2]
    book.save()


def _bomb(part_of):
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10))

    def make(path: Path) -> None:
        book = Book(path)
        part = part_of(book)
        root = "workbook" if part == "xl/workbook.xml" else "worksheet"
        book.parts[part] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE {root} [{lol}]>'
            f'<{root} xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
            f'<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></{root}>').encode()
        book.save()
    return make


def _external_entity(path: Path) -> None:
    book = Book(path)
    part = book.sheet_part("Commercial")
    book.parts[part] = book.parts[part].replace(
        b"<worksheet ", b'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<worksheet ', 1).replace(
        b"<t>Produit 1</t>", b"<t>&x;</t>", 1)
    book.save()


def _lost_vba(path: Path) -> None:
    book = Book(path)
    del book.parts["xl/vbaProject.bin"]
    book.save()


def _error_value(path: Path) -> None:
    """A cell showing #N/A (a formula the user typed, saved with its error)."""
    book = Book(path)
    book.set_cell("Commercial", "G6", "#N/A", formula="NA()")
    part = book.sheet_part("Commercial")
    book.parts[part] = re.sub(rb'(<c r="G6" s="\d+") t="str">', rb'\1 t="e">', book.parts[part], count=1)  # any style id
    assert b't="e"' in book.parts[part]
    book.save()


def _bad_name(path: Path) -> None:
    book = Book(path)
    wb = book.xml("xl/workbook.xml")
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    for d in wb.iterfind("m:definedNames/m:definedName", ns):
        if d.get("name") == "envelope":
            d.text = "#REF!"
    book.put("xl/workbook.xml", wb)
    book.save()


# id -> (maker, error class, fragments the message must hold)
BAD_WORKBOOKS = {
    "text_in_number": (_set("Commercial", "D6", "beaucoup"), CellValueError,
                       ["Commercial!D6", "« beaucoup » n'est pas un nombre", "Saisissez un nombre"]),
    "percent_as_45": (_set("Commercial", "M6", 45), CellValueError,
                      ["Commercial!M6", "tapez 45 %", "0.45"]),
    "percent_as_45_scalar": (_set_scalar("envelope_pct", 45), CellValueError, ["Budget!", "tapez 45 %"]),
    "negative_count": (_set("Commercial", "D6", -3), CellValueError, ["Commercial!D6", "-3 est négatif", "corrigez"]),
    "text_in_scalar": (_set_scalar("web_annual_unique_visitors", "12 000 visiteurs"), CellValueError,
                       ["Web!R6", "12 000 visiteurs", "Saisissez un nombre"]),
    "fraction_count": (_set("Commercial", "E6", 2.5), CellValueError, ["Commercial!E6", "nombre entier"]),
    "bad_choice": (_set("Commercial", "B6", "Gadget"), CellValueError, ["Commercial!B6", "Gadget", "Choisissez parmi"]),
    "error_value": (_error_value, CellValueError, ["Commercial!G6", "#N/A", "Corrigez"]),
    "deleted_sheet": (_delete_sheet, WorkbookError, ["« Budget » est introuvable", "restaurez-le", "planmkg export"]),
    "renamed_table": (_rename_table, WorkbookError,
                      ["Onglet « Commercial »", "« tCommercial »", "Redonnez-lui le nom tCommercial", "Création de tableau"]),
    "renamed_table_on_renamed_sheet": (_rename_sheet_and_table, WorkbookError, ["Onglet « Ventes »", "tCommercial"]),
    "broken_defined_name": (_bad_name, WorkbookError, ["envelope", "Gestionnaire de noms"]),
    "not_a_workbook": (_not_a_workbook, WorkbookError, ["not an Excel workbook", "Restore a backup"]),
    "truncated": (_truncated, WorkbookError, ["truncated or corrupt", "Restore a backup"]),
    "encrypted": (_encrypted, WorkbookError, ["password-protected", "remove the password"]),
    "zip_not_workbook": (_zip_not_workbook, WorkbookError, ["not an Excel workbook"]),
    "corrupt_sheet_xml": (_corrupt_xml, WorkbookError, ["xl/worksheets/sheet2.xml", "not valid XML", "restore a backup"]),
    "bomb_in_workbook_part": (_bomb(lambda b: "xl/workbook.xml"), WorkbookError, ["xl/workbook.xml", "DTD", "refused"]),
    "bomb_in_sheet": (_bomb(lambda b: b.sheet_part("Commercial")), WorkbookError, ["DTD", "refused"]),
    "external_entity": (_external_entity, WorkbookError, ["DTD", "refused"]),
}



READERS = {
    "recompute": lambda p: app.recompute(p),
    "export": lambda p: app.export_json(p, p.with_name("plan.json")),
    "load": lambda p: app.load(p),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize("case", list(BAD_WORKBOOKS))
def test_bad_workbook_one_clear_error_file_untouched(wb, case, reader):
    make, error, fragments = BAD_WORKBOOKS[case]
    make(wb)
    before = snapshot(wb.parent)
    started = time.perf_counter()
    with pytest.raises(error) as err:
        READERS[reader](wb)
    assert time.perf_counter() - started < 5
    message = str(err.value)
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    assert "Traceback" not in message
    if isinstance(err.value, CellValueError):
        assert len(err.value.problems) == 1, err.value.problems  # one cell, one message
    assert snapshot(wb.parent) == before  # the file is byte-identical and nothing was added (no temp, no JSON)


def test_english_workbook_speaks_english(tmp_path, demo_en_bytes):
    path = tmp_path / "Marketing_Plan.xlsm"
    path.write_bytes(demo_en_bytes)
    book = Book(path)
    book.set_cell("Sales", "D6", "lots")
    book.set_cell("Sales", "M6", 45)
    book.save()
    with pytest.raises(CellValueError) as err:
        app.recompute(path)
    message = str(err.value)
    assert "Sales!D6: “lots” is not a number. Type a number" in message
    assert "Sales!M6: 45 looks like a percentage typed without the % sign: type 45 %" in message
    assert len(err.value.problems) == 2  # every bad cell at once, so the user fixes the file in one pass


def test_english_workbook_structure_errors_are_in_english(tmp_path, demo_en_bytes):
    path = tmp_path / "Marketing_Plan.xlsm"
    path.write_bytes(demo_en_bytes)
    book = Book(path)
    book.rename_table("tCommercial", "Table1")
    book.save()
    with pytest.raises(WorkbookError, match=r"Sheet « Sales »: the Excel table « tCommercial » is missing .* Rename it back to tCommercial"):
        app.load(path)


def test_renamed_sheet_still_reads(wb):
    """Sheets are found by their VBA code name: renaming a tab is fine."""
    plan = app.load(wb).compact_plan()
    book = Book(wb)
    book.rename_sheet("Commercial", "Ventes")
    book.rename_sheet("Événements", "Salons & webinaires")
    book.rename_sheet("Plan d'action", "Plan d'action 2027")
    book.save()
    data = app.load(wb)
    assert data.layout.sheet_titles["commercial"] == "Ventes"
    assert data.layout.sheet_titles["events"] == "Salons & webinaires"
    assert data.compact_plan() == plan
    report = app.recompute(wb)
    assert report.repairs == []
    # a problem on a renamed sheet is reported under its new name
    book = Book(wb)
    book.set_cell("Ventes", "D6", "beaucoup")
    book.save()
    with pytest.raises(CellValueError, match=r"Ventes!D6"):
        app.load(wb)


def test_locked_workbook_is_not_recomputed(wb):
    owner = lock(wb)
    before = snapshot(wb.parent)
    with pytest.raises(FileLockedError) as err:
        app.recompute(wb)
    assert "open in another program" in str(err.value) and owner.name in str(err.value)
    assert "Close it" in str(err.value)
    assert snapshot(wb.parent) == before
    # reading (export) is allowed while Excel has it open
    app.export_json(wb, wb.parent / "plan.json")


def test_locked_output_is_refused(wb, tmp_path):
    other = tmp_path / "Other.xlsm"
    shutil.copy(wb, other)
    lock(other)
    with pytest.raises(FileLockedError, match="Other.xlsm is open in another program"):
        app.recompute(wb, other, force=True)


def test_libreoffice_lock_is_seen(wb):
    (wb.parent / f".~lock.{wb.name}#").write_text("Marie,host,2026-01-01", encoding="utf-8")
    with pytest.raises(FileLockedError, match="lock file"):
        app.recompute(wb)


def test_missing_file(tmp_path):
    missing = tmp_path / "Plan_2027.xlsm"
    for reader in READERS.values():
        with pytest.raises(WorkbookError, match=r"Plan_2027.xlsm does not exist.*planmkg new"):
            reader(missing)
    assert list(tmp_path.iterdir()) == []


def test_folder_instead_of_file(tmp_path):
    folder = tmp_path / "Plan.xlsm"
    folder.mkdir()
    with pytest.raises(WorkbookError, match="is a folder"):
        app.recompute(folder)


def test_calculated_formula_dragged_into_an_input_cell(wb):
    """A calculated cell's formula dragged right into an input column: recompute leaves the head of the shared
    formula alone (rewriting it would change the input cell's formula) and reports it; the input cell keeps its bytes."""
    book = Book(wb)
    book.fill_down("Commercial", "K6", "L6", "G6/H6-1")
    book.save()
    l6 = Book(wb).cells("Commercial")["L6"]
    k6 = Book(wb).cells("Commercial")["K6"]
    report = app.recompute(wb)
    assert [(r.sheet, r.cell, r.reason) for r in report.refused] == [("Commercial", "K6", "shared")]
    assert Book(wb).cells("Commercial")["L6"] == l6
    assert Book(wb).cells("Commercial")["K6"] == k6


def test_lost_vba_project(wb):
    _lost_vba(wb)
    before = wb.read_bytes()
    with pytest.raises(WorkbookError, match="lost its VBA project"):
        app.recompute(wb)
    assert wb.read_bytes() == before


# --------------------------------------------------------------------------- JSON plans


@pytest.mark.parametrize("body,fragments", [
    ('{"lang": "fr", "scalars": {"currency": 3}, "tables": {"commercial": [{"line": "X", "opportunities": "beaucoup", '
     '"deals": -2}]}}', ["scalars.currency", "tables.commercial[0].opportunities", "'beaucoup' is not a number",
                         "tables.commercial[0].deals", "negative"]),
    ('{"lang": "de"}', ["lang must be one of fr, en"]),
    ('[1, 2]', ["top level must be an object"]),
    ('{"lang": "fr", "tables": {"commercial": [{"line": "X", "pipeline": 3}]}}', ["pipeline"]),
    ('{"lang": "fr", "tables": {"commercial": [{"line": "X", "target_win_ratio": 45}]}}', ["target_win_ratio"]),
    ('{"lang": "fr", "scalars": {"plan_date": "demain"}}', ["plan_date"]),
    ('{"lang": "fr", "tables": {"commercial": [{"kind": "gadget"}]}}', ["kind", "gadget"]),
    ('{"lang": "fr", "scalars": {"total_cost": 3}}', ["total_cost"]),
    ('{"lang": "fr",', ["not valid JSON", "line 1"]),
])
def test_json_with_wrong_types(tmp_path, body, fragments):
    src = tmp_path / "plan.json"
    src.write_text(body, encoding="utf-8")
    target = tmp_path / "Plan.xlsm"
    with pytest.raises(PlanDataError) as err:
        app.new_from_json(src, target)
    for fragment in fragments:
        assert fragment in str(err.value), (fragment, str(err.value))
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_new_refuses_to_overwrite(wb):
    before = wb.read_bytes()
    with pytest.raises(PlanError, match="already exists.*--force"):
        app.new_workbook(wb)
    assert wb.read_bytes() == before


def test_new_needs_xlsm(tmp_path):
    with pytest.raises(PlanError, match=r"\.xlsm"):
        app.new_workbook(tmp_path / "Plan.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_parse_xml_refuses_dtd_before_expanding():
    from planmkg_xl.io.package import parse_xml

    lol = '<!ENTITY a "' + "x" * 1000 + '">' + "".join(f'<!ENTITY a{i} "{("&a;" if i == 1 else f"&a{i - 1};") * 10}">'
                                                       for i in range(1, 12))
    for prolog in ("", '<?xml version="1.0"?>\n', '\ufeff<?xml version="1.0"?><!-- made by hand -->\n'):
        data = (prolog + f"<!DOCTYPE r [{lol}]><r>&a11;</r>").encode("utf-8")
        started = time.perf_counter()
        with pytest.raises(WorkbookError, match="DTD"):
            parse_xml(data, "xl/x.xml")
        assert time.perf_counter() - started < 1
    # UTF-16 hides the DTD from a byte scan: the parser's own limits still refuse it, fast
    data = ('<?xml version="1.0" encoding="UTF-16"?>' + f"<!DOCTYPE r [{lol}]><r>&a11;</r>").encode("utf-16")
    started = time.perf_counter()
    with pytest.raises(WorkbookError):
        parse_xml(data, "xl/x.xml")
    assert time.perf_counter() - started < 1
