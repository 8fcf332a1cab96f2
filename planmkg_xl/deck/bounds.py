"""What may reach a slide: bounded texts, printable characters, finite numbers.

Why at the deck's entrance rather than in each slide builder: a cell may hold 32 767
characters (Excel's limit), tabs and line breaks, and a sum may overflow to infinity.
No slide can show the first usefully (and fitting it cost minutes), the text measurer
fails on carriage returns, and formatting infinity fails. So the plan is bounded once,
here, and the user is told what was cut (``notes``), in the deck's language.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace

from ..core.compute import Computed
from ..messages import say
from ..model.plan import Plan

MAX_SLIDE_TEXT = 600  # characters of one text shown on a slide (a long paragraph already)
_BREAKS = re.compile(r"\r\n?|[\v\f\u2028\u2029\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def bounded(computed: Computed, lang: str = "fr") -> tuple[Computed, list[str]]:
    """A copy of ``computed`` fit for slides, and one note per text that was cut."""
    notes: list[str] = []

    def text(value: str, where: str) -> str:
        clean = _CONTROL.sub("", _BREAKS.sub("\n", value)).replace("\t", " ")
        if len(clean) > MAX_SLIDE_TEXT:
            notes.append(say("deck.cut", lang, where=where, n=len(clean), cap=MAX_SLIDE_TEXT))
            clean = clean[: MAX_SLIDE_TEXT - 1].rstrip() + "…"
        return clean

    def value(v: object, where: str) -> object:
        if isinstance(v, str):
            return text(v, where)
        if isinstance(v, float) and not math.isfinite(v):
            return None
        return v

    rows = {k: [{f: value(v, f"{k}[{i + 1}].{f}") for f, v in row.items()} for i, row in enumerate(table)]
            for k, table in computed.rows.items()}
    totals = {k: {f: value(v, f"{k}.total.{f}") for f, v in t.items()} for k, t in computed.totals.items()}
    scalars = {k: value(v, k) for k, v in computed.scalars.items()}
    plan = computed.plan
    plan = Plan(plan.lang, {k: value(v, k) for k, v in plan.scalars.items()},
                {k: [{f: value(v, f"{k}[{i + 1}].{f}") for f, v in row.items()} for i, row in enumerate(t)]
                 for k, t in plan.tables.items()})
    return replace(computed, plan=plan, rows=rows, totals=totals, scalars=scalars), sorted(set(notes))

