"""The walkthrough in the README and in the French guide runs as written.

Each ```bash block between ``<!-- walkthrough -->`` markers is run in order, in a fresh
folder, as the director would type it. The two steps done by hand in Office are
simulated where the docs mark them: ``edit-deck`` edits the deck as PowerPoint would
(a title rewritten, speaker notes, a slide of the user's own), ``edit-workbook`` types a
new revenue target on the Commercial tab as Excel would (``tests/xlsx_edit.py``). The
test then checks what the docs promise: the edits survive the update, and the deck's
numbers follow the workbook.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from xlsx_edit import Book, ref_of

ROOT = Path(__file__).resolve().parents[1]
DOCS = ["README.md", "docs/guide_fr.md"]
NEW_TARGET = 1_900_000


def steps(doc: str) -> list[tuple[str, str]]:
    """[("run", "planmkg …") | ("do", "edit-deck")] in the order the doc gives them."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    body = text.split("<!-- walkthrough -->")[1].split("<!-- /walkthrough -->")[0]
    out = []
    for block, action in re.findall(r"```bash\n(.*?)```|<!-- walkthrough: ([\w-]+) -->", body, re.S):
        if action:
            out.append(("do", action))
        else:
            out += [("run", line.strip()) for line in block.splitlines() if line.strip() and not line.startswith("#")]
    return out


def _run(command: str, cwd: Path) -> str:
    args = shlex.split(command)
    assert args[0] == "planmkg", command
    done = subprocess.run([sys.executable, "-m", "planmkg_xl", *args[1:]], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _edit_deck(deck: Path) -> dict:
    from pptx import Presentation

    prs = Presentation(str(deck))
    slide = prs.slides[1]
    title = slide.shapes.title
    title.text_frame.text = "Mon titre à moi"
    slide.notes_slide.notes_text_frame.text = "Dire un mot du contexte."
    own = prs.slides.add_slide(prs.slide_layouts[-1])
    box = own.shapes.add_textbox(914400, 914400, 5 * 914400, 914400)
    box.text_frame.text = "Ma diapositive"
    prs.save(str(deck))
    return {"title_slide_id": slide.slide_id, "slides": len(prs.slides)}


def _edit_workbook(workbook: Path) -> None:
    from planmkg_xl import app

    data = app.load(workbook)  # the layout names the cell; Book types in it as Excel would
    geom = data.layout.tables["commercial"]
    row = next(i for i, r in enumerate(data.plan.tables["commercial"]) if r.get("line") in ("Produit 5", "Product 5"))
    book = Book(workbook)
    book.set_cell(geom.sheet_title, ref_of(geom.first_row + row, geom.cols["target_revenue"]), NEW_TARGET)
    book.save()


def _deck_numbers(deck: Path) -> str:
    """Every text and chart value of the deck, to see whether the update changed the numbers."""
    import zipfile

    with zipfile.ZipFile(deck) as zf:
        return "".join(zf.read(n).decode("utf-8", "replace") for n in sorted(zf.namelist())
                       if n.startswith(("ppt/slides/slide", "ppt/charts/chart")) and n.endswith(".xml"))


@pytest.mark.parametrize("doc", DOCS)
def test_walkthrough_runs_as_written(doc, tmp_path):
    from pptx import Presentation

    plan = steps(doc)
    assert [a for kind, a in plan if kind == "do"] == ["edit-deck", "edit-workbook"]
    deck = edits = before = None
    for kind, what in plan:
        if kind == "run":
            out = _run(what, tmp_path)
            if " deck " in f" {what} " and "--output" in what:
                deck = tmp_path / shlex.split(what)[shlex.split(what).index("--output") + 1]
            if "--update" in what:
                assert re.search(r"\b[1-9]\d* ", out), out  # it reports changes
        elif what == "edit-deck":
            edits = _edit_deck(deck)
            before = _deck_numbers(deck)
        elif what == "edit-workbook":
            _edit_workbook(tmp_path / "demo" / "Plan_Marketing.xlsm")
    prs = Presentation(str(deck))
    assert len(prs.slides) == edits["slides"], "the user's own slide is kept"
    assert any(s.has_text_frame and s.text_frame.text == "Ma diapositive" for s in prs.slides[-1].shapes)
    edited = next(s for s in prs.slides if s.slide_id == edits["title_slide_id"])
    assert edited.notes_slide.notes_text_frame.text == "Dire un mot du contexte."
    assert edited.shapes.title.text_frame.text == "Mon titre à moi", "a title the user rewrote survives --update"
    assert _deck_numbers(deck) != before, "the deck's numbers follow the workbook"
