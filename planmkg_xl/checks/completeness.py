"""Completeness (issue 8): an empty plan is incomplete, never coherent; an empty optional tab is "not filled".

- CMP-001 (error): a required input (``model.completeness``) is typed nowhere: one
  finding per tab, naming the inputs to fill.
- CMP-002 (info): optional tabs left empty, listed once; the rules that read them stay
  silent (an empty Canaux tab is not 0 € of revenue by channel).
"""
from __future__ import annotations

from ..model.completeness import OPTIONAL_TABLES, REQUIRED_SCALARS, REQUIRED_TABLES
from ..model.findings import CellRef, Finding, Severity
from ..model.schema import SCALAR_BLOCKS, SHEET_OF, TABLES
from ._common import Ctx, finding


def check_required(ctx: Ctx) -> list[Finding]:
    """CMP-001: every required input is typed somewhere in its table; required scalars are typed."""
    # sheet -> block title (or None for a scalar) -> [(cell, label)]
    missing: dict[str, dict[str | None, list[tuple[CellRef, str]]]] = {}
    for table, fields in REQUIRED_TABLES:
        rows = ctx.rows(table)
        for field in fields:
            if not any(row.get(field) not in (None, "") for _, row in rows):
                sheet = SHEET_OF[table].title(ctx.lang)
                block = TABLES[table].title(ctx.lang)
                missing.setdefault(sheet, {}).setdefault(block, []).append((CellRef(table, 0, field), ctx.label(table, field)))
    for key in REQUIRED_SCALARS:
        if ctx.computed.plan.scalars.get(key) in (None, ""):
            block = next(b for b in SCALAR_BLOCKS.values() if any(f.key == key for f in b.fields))
            missing.setdefault(SHEET_OF[block.key].title(ctx.lang), {}).setdefault(None, []).append(
                (CellRef(None, None, key), ctx.label(None, key)))
    out = []
    for sheet, blocks in missing.items():
        several = len(blocks) > 1
        parts = [(f"{block} : " if several and block and ctx.lang == "fr" else f"{block}: " if several and block else "")
                 + ", ".join(label for _, label in items) for block, items in blocks.items()]
        listed = " ; ".join(parts) if ctx.lang == "fr" else "; ".join(parts)
        cells = tuple(c for items in blocks.values() for c, _ in items)
        out.append(finding("CMP-001", Severity.ERROR, ctx.t(
            f"Plan incomplet — onglet {sheet}, à renseigner : {listed}. Sans ces valeurs, les contrôles ne peuvent pas conclure.",
            f"Incomplete plan — {sheet} tab, fill in: {listed}. Without these values, the checks cannot conclude."),
            cells, sheet=sheet, missing=[c.field for c in cells]))
    return out


def filled(ctx: Ctx, table: str) -> bool:
    """True when some numeric input of ``table`` is typed (labels pre-filled by the template do not count)."""
    numeric = [f.key for f in TABLES[table].inputs if f.numeric]
    return any(isinstance(row.get(k), (int, float)) for _, row in ctx.rows(table) for k in numeric)


def check_optional(ctx: Ctx) -> list[Finding]:
    """CMP-002: the optional tabs left empty, said once (they are "not filled", not zeros)."""
    empty = [t for t in OPTIONAL_TABLES if not filled(ctx, t)]
    if not empty:
        return []
    names = ", ".join(dict.fromkeys(SHEET_OF[t].title(ctx.lang) for t in empty))
    return [finding("CMP-002", Severity.INFO, ctx.t(
        f"Non renseigné : {names}. Ces onglets sont facultatifs ; les contrôles qui les lisent ne concluent pas.",
        f"Not filled: {names}. These tabs are optional; the checks that read them draw no conclusion."),
        (), tables=empty)]
