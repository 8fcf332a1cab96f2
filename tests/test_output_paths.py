"""Output paths never destroy a file: not the input, not a file of another kind, not an existing file
without --force, not a read-only file; a symbolic link updates its target, a hard link stays shared."""
from __future__ import annotations

import json
import os
import stat

from click.testing import CliRunner

from planmkg_xl.cli import main


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output and "Internal error" not in result.output, result.output
    return result.exit_code, result.output


def test_export_onto_the_workbook_is_refused(wb):
    before = wb.read_bytes()
    code, out = run("export", wb, "--json", wb)
    assert code == 2 and "input file" in out
    code, out = run("export", wb, "--json", wb.with_name("Other.xlsm"))
    assert code == 2 and ".json" in out
    assert wb.read_bytes() == before and not wb.with_name("Other.xlsm").exists()


def test_deck_onto_the_workbook_or_an_existing_deck(wb):
    before = wb.read_bytes()
    code, out = run("deck", wb, "--output", wb)
    assert code == 2 and wb.read_bytes() == before
    deck = wb.with_name("Deck.pptx")
    deck.write_bytes(b"the director's edited deck")
    code, out = run("deck", wb, "--output", deck)
    assert code == 2 and "--force" in out and "--update" in out
    assert deck.read_bytes() == b"the director's edited deck"


def test_recompute_output_needs_force_to_replace(wb):
    other = wb.with_name("Other.xlsm")
    other.write_bytes(b"precious")
    code, out = run("recompute", wb, "--output", other)
    assert code == 2 and "--force" in out and other.read_bytes() == b"precious"
    code, out = run("recompute", wb, "--output", wb)
    assert code == 2 and "input file" in out
    code, out = run("recompute", wb, "--output", wb.with_name("Out.pptx"))
    assert code == 2
    code, out = run("recompute", wb, "--output", other, "--force")
    assert code == 0, out
    assert other.read_bytes()[:2] == b"PK"


def test_demo_needs_force_to_replace(tmp_path):
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "Plan_Marketing.pptx").write_bytes(b"edited")
    code, out = run("demo", "--out", folder)
    assert code == 2 and "--force" in out
    assert (folder / "Plan_Marketing.pptx").read_bytes() == b"edited"


def test_new_from_a_plan_onto_itself(tmp_path):
    plan = tmp_path / "plan.xlsm"
    plan.write_text(json.dumps({"lang": "fr"}), encoding="utf-8")
    code, out = run("new", "--from", plan, plan)
    assert code == 2 and "input file" in out


def test_read_only_workbook_is_refused(wb):
    """0444: refused even when run as root, who could write it."""
    wb.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = wb.read_bytes()
    code, out = run("recompute", wb)
    assert code == 2 and "read-only" in out
    assert wb.read_bytes() == before


def test_read_only_workbook_is_refused_even_for_root(wb, monkeypatch):
    """The same refusal, seen through os.access (root may write a 0444 file; the user asked not to)."""
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if os.fspath(p) == str(wb) and mode == os.W_OK else real(p, mode, *a, **k))
    before = wb.read_bytes()
    code, out = run("recompute", wb)
    assert code == 2 and "read-only" in out and wb.read_bytes() == before


def test_symlink_updates_its_target(wb, tmp_path):
    link = tmp_path / "link.xlsm"
    link.symlink_to(wb)
    from xlsx_edit import Book

    book = Book(wb)
    book.set_cell("Commercial", "I6", 42)
    book.save()
    code, out = run("recompute", link)
    assert code == 0, out
    assert link.is_symlink() and os.readlink(link) == str(wb)
    assert b"<v>42</v>" not in Book(wb).cells("Commercial")["I6"]


def test_hard_link_stays_shared(wb, tmp_path):
    other = tmp_path / "hard.xlsm"
    os.link(wb, other)
    from xlsx_edit import Book

    book = Book(wb)
    book.set_cell("Commercial", "I6", 42)
    book.save()  # Book.save rewrites in place: the link survives
    assert os.stat(wb).st_ino == os.stat(other).st_ino
    code, out = run("recompute", wb)
    assert code == 0, out
    assert os.stat(wb).st_ino == os.stat(other).st_ino
    assert other.read_bytes() == wb.read_bytes()
    assert b"<v>42</v>" not in Book(other).cells("Commercial")["I6"]
