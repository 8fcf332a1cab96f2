"""The OOXML oracle (tests/ooxml.py) catches what it claims to: a good workbook passes, each known break is named.

Every break below is one Excel either refuses ("We found a problem with some content…
Do you want us to try to recover?") or silently gets wrong; each must be reported, with
the part it is in.
"""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from ooxml import NS_MAIN, assert_valid_workbook, formula_problems, parts_of, workbook_problems

M = {"m": NS_MAIN}


@pytest.fixture(scope="module")
def good(demo_xlsm_bytes) -> dict[str, bytes]:
    return parts_of(demo_xlsm_bytes)


def _sheet_with_table(parts) -> tuple[str, str]:
    """(sheet part, table part) of the first sheet that holds a table."""
    for name in sorted(parts):
        if re.fullmatch(r"xl/worksheets/_rels/sheet\d+\.xml\.rels", name):
            target = re.search(rb'Target="(?:\.\./|/xl/)tables/(table\d+\.xml)"', parts[name])
            if target:
                return name.replace("_rels/", "").removesuffix(".rels"), "xl/tables/" + target.group(1).decode()
    raise AssertionError("no table")


def _edit(parts, name, change) -> dict[str, bytes]:
    root = etree.fromstring(parts[name])
    change(root)
    return {**parts, name: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)}


def _element_order(parts):
    sheet, _ = _sheet_with_table(parts)

    def change(root):
        views = root.find("m:sheetViews", M)
        root.find("m:sheetData", M).addnext(views)  # sheetViews must come before sheetData
    return _edit(parts, sheet, change)


def _header_not_column_name(parts):
    sheet, table = _sheet_with_table(parts)
    t = etree.fromstring(parts[table])
    first = t.get("ref").split(":")[0]

    def change(root):
        c = root.find(f"m:sheetData/m:row/m:c[@r='{first}']", M)
        for child in list(c):
            c.remove(child)
        c.set("t", "inlineStr")
        etree.SubElement(etree.SubElement(c, f"{{{NS_MAIN}}}is"), f"{{{NS_MAIN}}}t").text = "Autre titre"
    return _edit(parts, sheet, change)


def _duplicate_table_id(parts):
    tables = sorted(n for n in parts if re.fullmatch(r"xl/tables/table\d+\.xml", n))
    first_id = etree.fromstring(parts[tables[0]]).get("id")
    return _edit(parts, tables[1], lambda root: root.set("id", first_id))


def _unprefixed_new_function(parts):
    sheet, _ = _sheet_with_table(parts)

    def change(root):
        f = next(root.iter(f"{{{NS_MAIN}}}f"))
        f.text = "XLOOKUP(1,A1:A2,B1:B2)"
    return _edit(parts, sheet, change)


def _validation_formula_with_equals(parts):
    sheet = next(n for n in sorted(parts) if n.startswith("xl/worksheets/sheet") and b"<formula1>'" in parts[n])

    def change(root):
        el = next(f for f in root.iter(f"{{{NS_MAIN}}}formula1") if f.text.startswith("'"))
        el.text = "=" + el.text
    return _edit(parts, sheet, change)


def _dxf_fill_without_bg(parts):
    def change(root):
        for bg in root.iterfind("m:dxfs/m:dxf/m:fill/m:patternFill/m:bgColor", M):
            bg.getparent().remove(bg)
    return _edit(parts, "xl/styles.xml", change)


def _dxf_custom_format_id_zero(parts):
    def change(root):
        fmt = next(f for f in root.iterfind("m:dxfs/m:dxf/m:numFmt", M) if int(f.get("numFmtId")) >= 164)
        fmt.set("numFmtId", "0")
    return _edit(parts, "xl/styles.xml", change)


def _stale_dimension(parts):
    sheet, _ = _sheet_with_table(parts)
    return _edit(parts, sheet, lambda root: root.find("m:dimension", M).set("ref", "A1:B2"))


def _openpyxl_app_version(parts):
    return {**parts, "docProps/app.xml": parts["docProps/app.xml"].replace(b"16.0300", b"3.1")}


def _cells_out_of_order(parts):
    sheet, _ = _sheet_with_table(parts)

    def change(root):
        row = next(r for r in root.iterfind("m:sheetData/m:row", M) if len(r) > 1)
        row.append(row[0])  # first cell moved last
    return _edit(parts, sheet, change)


def _missing_content_type(parts):
    return _edit(parts, "[Content_Types].xml",
                 lambda root: root.remove(next(o for o in root if (o.get("PartName") or "").startswith("/xl/tables/"))))


BREAKS = {
    "element order": (_element_order, r"sheetViews.*not expected|This element is not expected"),
    "header text is not the column name": (_header_not_column_name, r"holds 'Autre titre', not the column name"),
    "duplicate table id": (_duplicate_table_id, r"table id \d+ already used"),
    "unprefixed new function": (_unprefixed_new_function, r"XLOOKUP needs the prefix _xlfn\."),
    "validation formula with '='": (_validation_formula_with_equals, r"formula1 starts with '='"),
    "dxf fill without bgColor": (_dxf_fill_without_bg, r"solid fill without bgColor"),
    "dxf custom format with id 0": (_dxf_custom_format_id_zero, r"custom number format .* with id 0"),
    "stale dimension": (_stale_dimension, r"<dimension ref='A1:B2'> does not span the cells"),
    "openpyxl's AppVersion": (_openpyxl_app_version, r"AppVersion '3\.1' is not of Excel's form"),
    "cells out of order": (_cells_out_of_order, r"out of order"),
    "part without content type": (_missing_content_type, r"xl/tables/table\d+\.xml: (no content type|content type .*not the one of a table part)"),
}


def test_a_good_workbook_passes(good):
    assert_valid_workbook(good)


@pytest.mark.parametrize("name", list(BREAKS))
def test_each_known_break_is_caught(name, good):
    breaker, expected = BREAKS[name]
    broken = breaker(good)
    problems = workbook_problems(broken)
    assert any(re.search(expected, p) for p in problems), problems
    with pytest.raises(AssertionError):
        assert_valid_workbook(broken)
    assert_valid_workbook(broken, baseline=broken)  # a problem the input already had is not the writer's


def test_a_duplicate_zip_entry_is_caught(demo_xlsm_bytes):
    buffer = io.BytesIO(demo_xlsm_bytes)
    with zipfile.ZipFile(buffer, "a") as zf, pytest.warns(UserWarning):
        zf.writestr("xl/vbaProject.bin", b"second")
    assert any("duplicate zip entries: xl/vbaProject.bin" in p for p in workbook_problems(buffer.getvalue()))


def test_future_functions_follow_xlsxwriters_list():
    assert formula_problems("XLOOKUP(A1,B:B,C:C)") and not formula_problems("_xlfn.XLOOKUP(A1,B:B,C:C)")
    assert formula_problems("FILTER(A1:A9,B1:B9)") == ["FILTER needs the prefix _xlfn._xlws. in the file"]
    assert not formula_problems('IF(A1="XLOOKUP(",1,2)')  # inside a string literal
    assert not formula_problems("SUMIF(A:A,1,B:B)+IFERROR(N(A1),0)")  # Excel 2007 functions need nothing
    assert formula_problems("IFS(A1,1)") and formula_problems("CONCAT(A1,B1)")


def test_the_ribbon_schema_is_checked(good):
    broken = {**good, "customUI/customUI.xml": good["customUI/customUI.xml"].replace(b"<tab ", b"<tabx ", 1)}
    assert any(p.startswith("customUI/customUI.xml:") for p in workbook_problems(broken))


def test_the_oracle_sees_every_workbook_the_product_writes(_ooxml_recorder, tmp_path, monkeypatch):
    """The conftest hook is live: a workbook `planmkg new` writes with a defect is reported at the end of the test."""
    from planmkg_xl import app
    from planmkg_xl.io import build

    monkeypatch.setattr(build, "APP_PROPERTIES", build.APP_PROPERTIES.replace(b"16.0300", b"3.1"))
    app.new_workbook(tmp_path / "p.xlsm")
    problems = _ooxml_recorder.problems()  # taken here, so the teardown check sees nothing left
    assert any("AppVersion '3.1'" in p for p in problems), problems
