"""What `recompute` did, told to a person: counts first, cell by cell only on request.

Three different things happen to calculated cells and the user must not confuse them:
formulas *extended* to rows they added (normal life of a table), formulas *repaired*
after someone overwrote or deleted them, and cells *left alone* because recompute could
not be sure they were not typed (the user decides). Formulas are never printed in
full (a total over a long table runs to kilobytes): ``short`` cuts them.

Every sentence is in the message catalogue (``messages.py``, keys ``recompute.*`` and
``refusal.*``), French and English side by side.
"""
from __future__ import annotations

from .. import messages

MAX_SHOWN = 40  # cells listed per group with --verbose
MAX_REFUSED_SHOWN = 5  # refused cells listed without --verbose: the user has to act on them
MAX_FORMULA = 60  # characters of a formula shown


def told(lang: str, key: str, **kw) -> str:
    """A sentence of the recompute report (``messages.CATALOGUE["recompute.<key>"]``)."""
    return messages.say("recompute." + key, lang, **kw)


def reason(lang: str, key: str) -> str:
    """Why a cell was left alone, for the user (``messages.CATALOGUE["refusal.<key>"]``)."""
    return messages.say("refusal." + key, lang) if "refusal." + key in messages.CATALOGUE else key


def short(text: str, limit: int = MAX_FORMULA) -> str:
    """A cell's former content for one line: quoted, cut with … past ``limit`` characters, no line breaks."""
    flat = " ".join(str(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f"« {flat} »"


def recompute_lines(report, lang: str, verbose: bool = False) -> list[str]:
    """The report of ``app.recompute`` (or anything with ``derived_cells``, ``repairs``, ``refused``,
    ``changed_parts``, ``path``) as lines in ``lang``."""
    lines = [told(lang, "checked", n=report.derived_cells, path=report.path)]
    extended = [r for r in report.repairs if r.kind == "extended"]
    repaired = [r for r in report.repairs if r.kind != "extended"]
    refused = list(getattr(report, "refused", []) or [])
    groups = [("extended", extended), ("repaired", repaired), ("refused", refused)]
    if not any(items for _, items in groups) and not report.changed_parts:
        lines.append(told(lang, "nothing"))
    for key, items in groups:
        if not items:
            continue
        lines.append(told(lang, key, n=len(items)))
        shown = items[:MAX_SHOWN] if verbose else items[:MAX_REFUSED_SHOWN] if key == "refused" else []
        for item in shown:
            where = f"{item.sheet}!{item.cell}"
            if key == "refused":
                lines.append(told(lang, "line_refused", where=where, reason=reason(lang, item.reason)))
            elif key == "extended":
                lines.append(told(lang, "line_extended", where=where))
            elif item.was:
                lines.append(told(lang, "line_repaired", where=where, was=short(item.was)))
            else:
                lines.append(told(lang, "line_cleared", where=where))
        if shown and len(items) > len(shown):
            lines.append(told(lang, "and_more", n=len(items) - len(shown)))
    if not verbose and any(items for _, items in groups):
        lines.append(told(lang, "more"))
    return lines
