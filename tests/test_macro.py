"""Oracles for the .xlsm packaging: OPC parts, the ribbon, the version lock,
pyopenvba's file check and LibreOffice's import of every module."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlwings
from lxml import etree
from pyopenvba import ExcelFile, check_file
from pyopenvba.cfb import CFB
from pyopenvba.vba import parse_vba_project

from planmkg_xl.io import macro, ovba

SHEETS = ["Sheet1", "Sheet2"]
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
FR_LABELS = ["Recalculer", "Vérifier la cohérence", "Exporter (JSON)", "Importer…", "Revue mensuelle", "Générer la présentation",
             "Mettre à jour la présentation", "Aide"]
EN_LABELS = ["Recompute", "Check", "Export", "Import…", "Monthly review", "Build deck", "Update deck", "Help"]


def _xlsx_parts() -> dict[str, bytes]:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Plan"
    workbook.create_sheet("Données")
    workbook.code_name = "ThisWorkbook"
    for sheet, code_name in zip(workbook.worksheets, SHEETS):
        sheet.sheet_properties.codeName = code_name
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {name: package.read(name) for name in package.namelist()}


def _zip(parts: dict[str, bytes], path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return path


@pytest.fixture(scope="module")
def xlsm_parts() -> dict[str, bytes]:
    return macro.add_macro_parts(_xlsx_parts(), "fr", "ThisWorkbook", SHEETS)


@pytest.fixture(scope="module")
def xlsm(xlsm_parts, tmp_path_factory) -> Path:
    return _zip(xlsm_parts, tmp_path_factory.mktemp("xlsm") / "plan.xlsm")


# --- OPC parts -------------------------------------------------------------------

def test_content_types_and_relationships(xlsm_parts) -> None:
    types = etree.fromstring(xlsm_parts["[Content_Types].xml"], _SAFE)
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter("{*}Override")}
    assert overrides["/xl/workbook.xml"] == "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    assert overrides["/xl/vbaProject.bin"] == "application/vnd.ms-office.vbaProject"
    workbook_rels = etree.fromstring(xlsm_parts["xl/_rels/workbook.xml.rels"], _SAFE)
    vba = [r for r in workbook_rels if r.get("Type") == macro.VBA_REL]
    assert [r.get("Target") for r in vba] == ["vbaProject.bin"]
    ids = [r.get("Id") for r in workbook_rels]
    assert len(ids) == len(set(ids))
    assert xlsm_parts["xl/vbaProject.bin"].startswith(b"\xD0\xCF\x11\xE0")
    assert list(xlsm_parts)[:len(_xlsx_parts())] == list(_xlsx_parts())  # order kept


def test_customui_namespace_matches_its_relationship(xlsm_parts) -> None:
    root_rels = etree.fromstring(xlsm_parts["_rels/.rels"], _SAFE)
    ui = [r for r in root_rels if r.get("Target") == "customUI/customUI.xml"]
    assert [r.get("Type") for r in ui] == [
        "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"]
    custom_ui = etree.fromstring(xlsm_parts["customUI/customUI.xml"], _SAFE)
    assert custom_ui.tag == "{http://schemas.microsoft.com/office/2006/01/customui}customUI"
    assert set(custom_ui.nsmap.values()) == {"http://schemas.microsoft.com/office/2006/01/customui"}


@pytest.mark.parametrize(("lang", "labels"), [("fr", FR_LABELS), ("en", EN_LABELS)])
def test_ribbon_labels_follow_the_language(lang, labels) -> None:
    root = etree.fromstring(macro.ribbon_xml(lang), _SAFE)
    assert [b.get("label") for b in root.iter("{*}button")] == labels
    assert [t.get("label") for t in root.iter("{*}tab")] == ["Plan Marketing"]
    assert all(e.get("label") for e in root.iter("{*}tab", "{*}group", "{*}button"))
    assert b"urn:planmkg-xl" not in macro.ribbon_xml(lang)


def test_ribbon_ids_unique_and_every_onaction_is_a_sub() -> None:
    root = etree.fromstring(macro.ribbon_xml("en"), _SAFE)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    assert macro.ribbon_control_ids() == ["pmRecompute", "pmCheck", "pmExport", "pmImport", "pmReview",
                                          "pmDeckBuild", "pmDeckUpdate", "pmHelp"]
    standard, _ = macro.vba_modules()
    subs = {m.group(1) for _, source in standard for m in re.finditer(
        r"^(?:Public )?Sub (\w+)\(control As IRibbonControl\)", source, re.MULTILINE)}
    actions = {b.get("onAction") for b in root.iter("{*}button")}
    assert actions == {macro.RIBBON_CALLBACK} and actions <= subs
    # The callback hands the control id to Python through xlwings' RunPython.
    source = dict(standard)["PlanMarketing"]
    assert "RunPython \"import planmkg_xl.excel.ribbon as x; x.on_ribbon('\" & control.Id & \"')\"" in source


def test_ribbon_refuses_unknown_language() -> None:
    with pytest.raises(ValueError, match="language"):
        macro.ribbon_xml("de")


# --- VBA project inside the package ---------------------------------------------------

def test_embedded_xlwings_vba_is_the_installed_version(xlsm_parts) -> None:
    """Version lock: xlwings.bas names its DLLs after its version; they must match."""
    project = parse_vba_project(CFB.from_bytes(xlsm_parts["xl/vbaProject.bin"]))
    source = project.get_module("xlwings").source
    assert macro.xlwings_version_of(source) == xlwings.__version__
    assert f"xlwings64-{xlwings.__version__}.dll" in source


def test_pyopenvba_check_file_reports_no_issue(xlsm: Path) -> None:
    report = check_file(xlsm)
    assert report.issues == () and report.ok


def test_pyopenvba_reads_modules_and_references(xlsm: Path) -> None:
    standard, classes = macro.vba_modules()
    with ExcelFile(xlsm) as book:
        modules = book.vba_modules()
        references = [r.name for r in book.references()]
        assert book.validate() == []
    assert set(modules) == {"ThisWorkbook", *SHEETS, "xlwings", "PlanMarketing", "Dictionary"}
    for name, text in standard:
        assert modules[name] == ovba.stored_source(name, "Module", text)
    for name, text in classes:
        assert modules[name] == ovba.stored_source(name, "Class", text)
    assert references == ["stdole", "Office"]


def test_codename_mismatch_is_refused() -> None:
    with pytest.raises(ValueError, match="codeNames"):
        macro.add_macro_parts(_xlsx_parts(), "fr", "ThisWorkbook", ["Feuil1", "Sheet2"])


def test_packaging_is_deterministic() -> None:
    # openpyxl stamps docProps/core.xml with the save time, so compare two packagings of the same parts
    # (app.build_xlsm pins those times; tests/test_build.py checks the whole build is reproducible).
    parts = _xlsx_parts()
    assert macro.add_macro_parts(dict(parts), "fr", "ThisWorkbook", SHEETS) == macro.add_macro_parts(dict(parts), "fr", "ThisWorkbook", SHEETS)


def test_openpyxl_resave_keeps_macro_parts(xlsm: Path, tmp_path: Path) -> None:
    """A fact of EXCEL_PACKAGING.md, re-checked: keep_vba keeps our parts byte for byte."""
    book = openpyxl.load_workbook(xlsm, keep_vba=True)
    book.save(tmp_path / "resaved.xlsm")
    with zipfile.ZipFile(xlsm) as before, zipfile.ZipFile(tmp_path / "resaved.xlsm") as after:
        for name in ("xl/vbaProject.bin", "customUI/customUI.xml"):
            assert after.read(name) == before.read(name)
        assert b"ui/extensibility" in after.read("_rels/.rels")


# --- LibreOffice -------------------------------------------------------------------

@pytest.mark.lo
@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: cannot check its VBA import")
def test_libreoffice_imports_every_module_with_its_type(xlsm: Path, tmp_path: Path) -> None:
    """One headless LibreOffice run converts to .ods; its Basic/VBAProject holds
    each imported module with LibreOffice's own idea of the module type."""
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "ods", "--outdir", str(tmp_path), str(xlsm)],
                   check=True, capture_output=True, timeout=120)
    with zipfile.ZipFile(tmp_path / "plan.ods") as ods:
        library = etree.fromstring(ods.read("Basic/VBAProject/script-lb.xml"), _SAFE)
        names = [e.get("{http://openoffice.org/2000/library}name") for e in library]
        found = {}
        for name in names:
            module = etree.fromstring(ods.read(f"Basic/VBAProject/{name}.xml"), _SAFE)
            found[name] = (module.get("{http://openoffice.org/2000/script}moduleType"), module.text)
    expected_types = {"ThisWorkbook": "document", "Sheet1": "document", "Sheet2": "document",
                      "xlwings": "normal", "PlanMarketing": "normal", "Dictionary": "class"}
    assert {name: kind for name, (kind, _) in found.items()} == expected_types
    with ExcelFile(xlsm) as book:
        stored = book.vba_modules()
    for name, (_, text) in found.items():  # LibreOffice drops Attribute lines, adds Option lines
        ours = [l for l in stored[name].splitlines() if not l.startswith("Attribute ")]
        theirs = [l for l in text.splitlines() if not l.startswith(("Rem Attribute VBA_ModuleType",
                                                                     "Option VBASupport", "Option ClassModule"))]
        assert [l for l in theirs if l] == [l for l in ours if l], name
