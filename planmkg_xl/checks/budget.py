"""Budget arithmetic (PLAN_SPEC §1.9 and §2; seed slides 49–51).

The seed names three approaches that complement each other: top-down (an envelope
set by the executive committee, an amount or a % of revenue), bottom-up (the sum of
the lines) and cost per lead / ROI (the reverse funnel, FUN-006). Here:
- BUD-001, block totals: every line with an amount belongs to one of the three blocks,
  otherwise the scorecard's "total programmes (1+2+3)" misses it.
- BUD-002, bottom-up below top-down: the lines' total well under the envelope used
  (scorecard ``programmes``, ``envelope_used``, ``envelope_gap``), or no envelope. An
  overrun is ENV-001 (``checks.envelope``): the envelope is a ceiling.
- BUD-003, the "2. Lead generation strategy" block of the Budget tab vs the Lead
  generation tab's budget N: the same money planned twice must agree.
"""
from __future__ import annotations

from ..model.findings import CellRef, Finding, Severity
from ..model.schema import TABLES
from ._common import Ctx, finding, num, scalar_cell, total_cell

_BLOCKS = {c.key for c in TABLES["budget"].field("block").choices}


def check_blocks(ctx: Ctx) -> list[Finding]:
    """BUD-001: lines with an amount but no valid block are left out of the programme total."""
    out = []
    for i, row in ctx.rows("budget"):
        amounts = [num(row.get(k)) or 0 for k in ("spend_prev", "budget")]
        if row.get("block") in _BLOCKS or not any(amounts):
            continue
        line = row.get("line") or ctx.t(f"ligne {i + 1}", f"row {i + 1}")
        out.append(finding("BUD-001", Severity.ERROR, ctx.t(
            f"Budget : la ligne « {line} » ({ctx.money(amounts[1])} en N, {ctx.money(amounts[0])} en N-1) n'appartient à aucun des "
            f"trois blocs ; elle manque au total des programmes (1+2+3).",
            f"Budget: line \"{line}\" ({ctx.money(amounts[1])} in N, {ctx.money(amounts[0])} in N-1) belongs to none of the three "
            f"blocks; it is missing from total programmes (1+2+3)."),
            (CellRef("budget", i, "block"), scalar_cell("programmes")), line=str(line), budget=amounts[1], spend_prev=amounts[0]))
    return out


def check_envelope(ctx: Ctx) -> list[Finding]:
    """BUD-002: bottom-up total of the lines well below the top-down envelope (or no envelope)."""
    programmes, envelope = ctx.scalar("programmes"), ctx.scalar("envelope_used")
    if not programmes:
        return []
    if not envelope:
        return [finding("BUD-002", Severity.INFO, ctx.t(
            f"Aucune enveloppe top-down (montant ou % du C.A.) : le total des lignes ({ctx.money(programmes)}) n'est comparé à rien.",
            f"No top-down envelope (amount or % of revenue): the lines' total ({ctx.money(programmes)}) is compared with nothing."),
            (scalar_cell("envelope"), scalar_cell("envelope_pct")), programmes=programmes)]
    ratio = programmes / envelope - 1
    severity = ctx.band(ratio)
    if severity is None or ratio > 0:  # an overrun is ENV-001
        return []
    gap = programmes - envelope
    return [finding("BUD-002", severity, ctx.t(
        f"Bottom-up vs top-down : les lignes du budget totalisent {ctx.money(programmes)}, l'enveloppe est de {ctx.money(envelope)} ; "
        f"{ctx.money(-gap)} de l'enveloppe restent sans emploi, écart {ctx.gap(ctx.signed_money(gap), ratio)}.",
        f"Bottom-up vs top-down: the budget lines total {ctx.money(programmes)}, the envelope is {ctx.money(envelope)}; "
        f"{ctx.money(-gap)} of the envelope is left unused, gap {ctx.gap(ctx.signed_money(gap), ratio)}."),
        (scalar_cell("envelope_gap"), scalar_cell("programmes"), scalar_cell("envelope_used")),
        programmes=programmes, envelope=envelope, gap=gap, gap_pct=ratio)]


def check_leadgen_block(ctx: Ctx) -> list[Finding]:
    """BUD-003: Budget tab's lead-generation block N vs the Lead generation tab's budget N."""
    block, tab = ctx.scalar("total_leadgen"), ctx.total("leadgen", "budget")
    if not block and not tab:
        return []
    if not block or not tab:
        ratio = -1.0 if not block else 1.0
    else:
        ratio = block / tab - 1
    severity = ctx.band(ratio)
    if severity is None:
        return []
    block, tab = block or 0, tab or 0
    return [finding("BUD-003", severity, ctx.t(
        f"Budget lead generation N : {ctx.money(block)} dans le bloc « 2. Stratégie lead generation » de l'onglet Budget, "
        f"{ctx.money(tab)} dans l'onglet Lead generation ; écart {ctx.gap(ctx.signed_money(block - tab), ratio)}.",
        f"Lead-generation budget N: {ctx.money(block)} in the Budget tab's \"2. Lead generation strategy\" block, "
        f"{ctx.money(tab)} in the Lead generation tab; gap {ctx.gap(ctx.signed_money(block - tab), ratio)}."),
        (scalar_cell("total_leadgen"), total_cell("leadgen", "budget")), budget_block=block, leadgen_tab=tab, gap_pct=ratio)]
