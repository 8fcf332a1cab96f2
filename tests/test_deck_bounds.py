"""What reaches a slide is bounded: long texts cut (and said), breaks and tabs harmless, no infinity,
and every label in the workbooks embedded behind native charts stays text (no formula, no hyperlink)."""
from __future__ import annotations

import io
import math
import zipfile

from planmkg_xl import app
from planmkg_xl.core.compute import compute
from planmkg_xl.deck.bounds import MAX_SLIDE_TEXT, bounded
from plans import make_plan

INJECTIONS = ["=1+1", '=HYPERLINK("http://evil.example","clic")', "+33 1 47 00 00 00", "-moins", "@SUM(A1)",
              "https://evil.example/x", "mailto:a@b.c"]


def _hostile_plan():
    plan = make_plan()
    for row, text in zip(plan.tables["leadgen"], INJECTIONS):  # the leads-by-source chart's categories
        row["source"] = text
    plan.tables["strategic_objectives"][0]["statement"] = "Objectif\tà\r\nrallonge " + "x" * 32_700
    plan.tables["commercial"][0]["revenue"] = 9.9e307  # legal in a cell; its total overflows to infinity
    plan.tables["commercial"][1]["revenue"] = 9.9e307
    return plan


def test_bounded_cuts_long_texts_and_drops_infinity():
    computed = compute(_hostile_plan())
    assert math.isinf(computed.totals["commercial"]["revenue"])
    safe, notes = bounded(computed, "fr")
    statement = safe.rows["strategic_objectives"][0]["statement"]
    assert len(statement) == MAX_SLIDE_TEXT and statement.endswith("…") and "\r" not in statement and "\t" not in statement
    assert safe.totals["commercial"]["revenue"] is None
    assert any("strategic_objectives[1].statement" in n and "coupé" in n for n in notes)
    assert computed.rows["strategic_objectives"][0]["statement"].startswith("Objectif\t")  # the original is untouched


def test_hostile_deck_builds_and_embedded_workbooks_hold_text_only(tmp_path):
    path = tmp_path / "Plan_Marketing.xlsm"
    path.write_bytes(app.build_xlsm(_hostile_plan()))
    target, notes = app.deck(path)  # took > 60 s before the bound; bench/ (plan "long_text") measures it against the demo
    assert any("statement" in n for n in notes)
    with zipfile.ZipFile(target) as deck:
        embedded = [n for n in deck.namelist() if n.startswith("ppt/embeddings/") and n.endswith(".xlsx")]
        assert embedded
        seen = set()
        for name in embedded:
            with zipfile.ZipFile(io.BytesIO(deck.read(name))) as xlsx:
                for part in xlsx.namelist():
                    body = xlsx.read(part)
                    if part.startswith("xl/worksheets/sheet"):
                        assert b"<f>" not in body and b"<f " not in body, (name, part)
                        assert b"hyperlink" not in body.lower(), (name, part)
                    if part == "xl/sharedStrings.xml":
                        seen |= {s for s in INJECTIONS if s.replace("&", "&amp;").replace('"', "&quot;").encode() in body
                                 or s.encode() in body}
                assert not any(p.startswith("xl/worksheets/_rels") for p in xlsx.namelist()), name
        assert "=1+1" in seen  # the label is there, as text
