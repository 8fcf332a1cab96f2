"""Bad input met through `planmkg` itself: one clear message, exit code 2, no traceback, file untouched."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planmkg_xl import app
from planmkg_xl.cli import main
from test_bad_input import BAD_WORKBOOKS
from xlsx_edit import Book, lock


def run(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def assert_user_error(code: int, output: str, *fragments: str) -> None:
    assert code == 2, output
    assert "Traceback" not in output, output
    assert output.startswith(("Error: ", "Erreur : ")), output  # the workbook's language once it is known
    assert output.count("Error") + output.count("Erreur") == 1, output  # one message, not a cascade
    for fragment in fragments:
        assert fragment in output, (fragment, output)


@pytest.mark.parametrize("command", ["recompute", "export"])
@pytest.mark.parametrize("case", list(BAD_WORKBOOKS))
def test_bad_workbook(wb, case, command):
    make, _, fragments = BAD_WORKBOOKS[case]
    make(wb)
    before = snapshot(wb.parent)
    args = ["recompute", wb] if command == "recompute" else ["export", wb, "--json", wb.parent / "plan.json"]
    code, output = run(*args)
    assert_user_error(code, output, *fragments)
    assert snapshot(wb.parent) == before


def test_cell_errors_are_one_line_each(wb):
    book = Book(wb)
    book.set_cell("Commercial", "D6", "beaucoup")
    book.save()
    code, output = run("recompute", wb)
    assert_user_error(code, output, "Commercial!D6")
    assert len(output.strip().splitlines()) == 1, output


def test_renamed_sheet_works(wb, tmp_path):
    book = Book(wb)
    book.rename_sheet("Commercial", "Ventes")
    book.rename_sheet("Budget", "Budget 2027")
    book.save()
    code, output = run("export", wb, "--json", tmp_path / "plan.json")
    assert code == 0, output
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert plan["tables"]["commercial"][0]["line"] == "Produit 1"
    code, output = run("recompute", wb)
    assert code == 0, output
    assert "réparée" not in output
    code, output = run("recompute", wb)
    assert code == 0 and "Rien à changer." in output


def test_locked_file(wb):
    lock(wb)
    before = snapshot(wb.parent)
    code, output = run("recompute", wb)
    assert_user_error(code, output, "Plan_Marketing.xlsm is open in another program", "~$Plan_Marketing.xlsm", "Close it")
    assert snapshot(wb.parent) == before


def test_missing_file(tmp_path):
    for args in (["recompute", tmp_path / "Plan.xlsm"], ["export", tmp_path / "Plan.xlsm", "--json", tmp_path / "p.json"]):
        code, output = run(*args)
        assert_user_error(code, output, "Plan.xlsm does not exist", "planmkg new")
    assert list(tmp_path.iterdir()) == []


def test_json_with_wrong_types(tmp_path):
    src = tmp_path / "plan.json"
    src.write_text(json.dumps({"lang": "fr", "tables": {"commercial": [{"line": "X", "opportunities": "beaucoup"}]}}),
                   encoding="utf-8")
    code, output = run("new", "--from", src, tmp_path / "Plan.xlsm")
    assert_user_error(code, output, "plan.json", "tables.commercial[0].opportunities", "not a number")
    assert not (tmp_path / "Plan.xlsm").exists()


def test_json_that_is_not_json(tmp_path):
    src = tmp_path / "plan.json"
    src.write_text("lang: fr\n", encoding="utf-8")
    code, output = run("new", "--from", src, tmp_path / "Plan.xlsm")
    assert_user_error(code, output, "plan.json is not valid JSON")


def test_missing_json(tmp_path):
    code, output = run("new", "--from", tmp_path / "nope.json", tmp_path / "Plan.xlsm")
    assert code == 2 and "Traceback" not in output
    assert "nope.json" in output and "does not exist" in output


def test_new_over_an_existing_workbook(wb):
    before = wb.read_bytes()
    code, output = run("new", wb)
    assert_user_error(code, output, "already exists", "--force")
    assert wb.read_bytes() == before


def test_a_bug_is_reported_without_traceback(wb, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(app, "recompute", boom)
    monkeypatch.delenv("PLANMKG_DEBUG", raising=False)
    code, output = run("recompute", wb)
    assert code == 3 and "Traceback" not in output
    assert "Internal error" in output and "PLANMKG_DEBUG=1" in output


@pytest.mark.parametrize("case", ["truncated", "text_in_number", "bomb_in_sheet"])
def test_real_process(wb, case):
    """The installed entry point, as a shell runs it: stderr message, exit status 2, nothing on stdout."""
    BAD_WORKBOOKS[case][0](wb)
    before = wb.read_bytes()
    proc = subprocess.run([sys.executable, "-m", "planmkg_xl", "recompute", str(wb)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr and proc.stderr.startswith(("Error: ", "Erreur : "))
    for fragment in BAD_WORKBOOKS[case][2]:
        assert fragment in proc.stderr
    assert wb.read_bytes() == before
