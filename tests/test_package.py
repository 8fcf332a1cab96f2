"""A damaged or hostile package is refused before anything is inflated, with what is wrong and what to do.
The same for JSON plans, before parsing. (The fuzz test runs many more; these pin the messages.)"""
from __future__ import annotations

import json

import pytest

from fuzz_corpus import corpus
from planmkg_xl import app
from planmkg_xl.demo import demo_plan
from planmkg_xl.errors import PlanError
from planmkg_xl.io.jsonio import plan_from_json_file, plan_to_dict


@pytest.fixture(scope="module")
def cases(demo_xlsm_bytes):
    return {name: (kind, build) for name, kind, build in corpus(demo_xlsm_bytes, plan_to_dict(demo_plan()))}


@pytest.mark.parametrize("case, words", [
    ("duplicate_vba", ["twice", "Excel"]),
    ("duplicate_case", ["twice"]),
    ("compression_9", ["Deflate64", "save it again"]),
    ("compression_99", ["AES"]),
    ("zipcrypto_flag", ["encrypted"]),
    ("bomb_sheet", ["zip bomb"]),
    ("bomb_extra_part", ["zip bomb"]),
    ("zipslip_../evi", ["unsafe name"]),
    ("deflate_", ["cannot be decompressed", "damaged"]),  # the first corrupt-deflate case, whatever part it hit
    # found once the sheets are read, so said in the demo workbook's language (French), not the machine's
    ("cell_without_r", ["adresse valide", "enregistrez-le de nouveau"]),
    ("wrong_ns_workbook", ["namespace", "urn:wrong"]),
    ("strict_ns_sheet", ["Strict Open XML"]),
    ("renamed_sheet_names_stale", ["Budget"]),
    ("name_to_external", ["pas une cellule"]),  # the demo is French: so are its messages
    ("garbage_table_ref_table1.xml", ["n'est pas une plage", "Excel"]),
    ("huge_table_ref_table1.xml", ["5000"]),
    ("shared_string_minus_one", ["texte partagé", "A6"]),
    ("shared_string_out_of_range", ["texte partagé", "A6"]),
    ("value_nan", ["9,99E+307", "D6"]),
    ("value_1e309", ["9,99E+307", "D6"]),
    ("text_2M_chars", ["Excel", "D6"]),  # longer than a cell holds: said before "not a number"
    ("label_32768_chars", ["32 767", "A6"]),
    ("text_32768_chars", ["32 767", "D6"]),  # what Excel cannot hold comes first, whatever the column expects
])
def test_workbook_refused_with_a_reason(cases, tmp_path, case, words):
    _, build = cases[case] if case in cases else next(v for k, v in cases.items() if k.startswith(case))
    path = tmp_path / "Plan.xlsm"
    data = build()
    path.write_bytes(data)
    with pytest.raises(PlanError) as err:
        app.load(path)
    message = str(err.value)
    for word in words:
        assert word in message, message[:500]
    assert len(message) < 1000  # never the whole 32 767-character value
    assert path.read_bytes() == data


@pytest.mark.parametrize("case, words", [
    ("json_utf16", ["UTF-16", "UTF-8"]),
    ("json_latin1", ["not UTF-8"]),
    ("json_binary", ["binary"]),
    ("json_deep", ["nests"]),
    ("json_scalar", ["top level"]),
    ("json_scalars_list", ["'scalars' must be an object"]),
    ("json_number_nan", ["tables.commercial[0].revenue", "Excel can store"]),
    ("json_number_400_digits", ["tables.commercial[0].revenue"]),
    ("json_number_1e309", ["tables.commercial[0].revenue"]),
    ("json_text_nul", ["tables.commercial[0].line", "control character"]),
    ("json_text_surrogate", ["tables.commercial[0].line"]),
    ("json_text_long", ["tables.commercial[0].line", "32 767"]),
    ("json_rows_100000", ["5000", "tables.commercial"]),
])
def test_json_refused_with_its_path(cases, tmp_path, case, words):
    _, build = cases[case]
    path = tmp_path / "plan.json"
    path.write_bytes(build())
    with pytest.raises(PlanError) as err:
        plan_from_json_file(path)
    message = str(err.value)
    for word in words:
        assert word in message, message


def test_text_that_excel_keeps_round_trips(tmp_path):
    """Whitespace-only text, a numeric-looking text and text starting with = stay exactly what they were."""
    plan = plan_to_dict(demo_plan())
    for row, text in zip(plan["tables"]["commercial"], ["   ", "20240101", "=1+1", "a\tb\nc"]):
        row["line"] = text
    src = tmp_path / "plan.json"
    src.write_text(json.dumps(plan), encoding="utf-8")
    app.new_from_json(src, tmp_path / "Plan.xlsm")
    app.export_json(tmp_path / "Plan.xlsm", tmp_path / "back.json")
    back = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))
    assert [r["line"] for r in back["tables"]["commercial"][:4]] == ["   ", "20240101", "=1+1", "a\tb\nc"]


def test_a_workbook_of_repeated_long_texts_is_read_back(tmp_path):
    """Excel's longest texts, repeated in every row, deflate hundreds of times: that is a plan, not a zip bomb."""
    from planmkg_xl.model.fields import Kind
    from planmkg_xl.model.plan import Plan
    from planmkg_xl.model.schema import TABLES

    base = demo_plan()
    tables = {key: [{**row, **{f.key: ("Texte long " * 3300)[:32_767] for f in TABLES[key].inputs if f.kind == Kind.LONGTEXT}}
                    for row in rows] for key, rows in base.tables.items()}
    path = tmp_path / "long.xlsm"
    path.write_bytes(app.build_xlsm(Plan(base.lang, dict(base.scalars), tables)))
    assert app.load(path).plan.tables["market_review"][0]["trend"] == ("Texte long " * 3300)[:32_767]
