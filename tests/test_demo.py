"""The demo plan: the English demo is English in its content too, and the texts the tool writes quote the plan's numbers."""
from __future__ import annotations

import re

from planmkg_xl.core.compute import compute
from planmkg_xl.demo import demo_plan
from planmkg_xl.demo_en import EN, KEEP
from planmkg_xl.model.fields import Kind
from planmkg_xl.model.schema import SCALARS, TABLES

TEXT = (Kind.TEXT, Kind.LONGTEXT)


def _texts(plan) -> list[str]:
    out = [v for k, v in plan.scalars.items() if isinstance(v, str) and SCALARS[k].kind in TEXT]
    for key, rows in plan.tables.items():
        kinds = {f.key: f.kind for f in TABLES[key].fields}
        out += [v for row in rows for k, v in row.items() if isinstance(v, str) and kinds[k] in TEXT]
    return out


def test_every_french_demo_text_has_its_english():
    missing = sorted({t for t in _texts(demo_plan("fr")) if t not in EN and t not in KEEP and not t.startswith(("Le business", "Notre challenge"))})
    assert missing == [], f"add these to planmkg_xl/demo_en.py: {missing}"


def test_english_demo_holds_no_french_text():
    french = re.compile(r"[éèêàçùôœ]|\b(le|la|les|des|du|et|pour|avec|sur|une|clients?|à)\b", re.IGNORECASE)
    names = {"Optilog Systèmes", "Hugo Lefèvre", "Inès Bernard"}
    leaks = [t for t in _texts(demo_plan("en")) if french.search(t) and t not in names]
    assert leaks == []


def test_english_and_french_demos_are_the_same_numbers():
    fr, en = demo_plan("fr"), demo_plan("en")
    def numbers(plan):
        return [(k, r.get(f)) for k, rows in sorted(plan.tables.items()) for r in rows for f in sorted(r)
                if isinstance(r.get(f), (int, float))]
    assert numbers(fr) == numbers(en)
    assert {k: v for k, v in fr.scalars.items() if not isinstance(v, str)} == {k: v for k, v in en.scalars.items() if not isinstance(v, str)}


def test_pitch_quotes_the_growth_the_workbook_computes():
    for lang in ("fr", "en"):
        plan = demo_plan(lang)
        rows = plan.tables["commercial"]
        growth = sum(r["revenue"] for r in rows) / sum(r["revenue_prev"] for r in rows) - 1
        shown = f"{growth * 100:.1f}"
        assert (shown.replace(".", ",") if lang == "fr" else shown) in plan.scalars["pitch_diagnostic"]
        # company revenue N-1 is the Commercial tab's total (one source), read from the computed plan
        target = plan.scalars["company_revenue"] / compute(plan).scalars["company_revenue_prev"] - 1
        shown = f"{target * 100:.1f}"
        assert (shown.replace(".", ",") if lang == "fr" else shown) in plan.scalars["pitch_objectives"]
        compute(plan)  # the plan computes
