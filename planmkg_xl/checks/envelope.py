"""The approved top-down envelope is a ceiling (issue 8; seed slide "Budget spend": the top-down approach).

The executive committee approves an envelope (an amount, else a % of company revenue:
scorecard ``envelope_used``); the lines of the Budget tab add up bottom-up
(``programmes``). Spending above what was approved needs the committee's consent,
however small the overrun: ENV-001 reports every overrun, and the tolerance band only
decides how loud (a warning up to ``tolerance_warning``, an error beyond). An envelope
left unused is BUD-002.
"""
from __future__ import annotations

from ..model.findings import Finding, Severity
from ._common import Ctx, finding, scalar_cell


def check_ceiling(ctx: Ctx) -> list[Finding]:
    """ENV-001: the bottom-up total of the lines above the approved envelope, by any amount."""
    programmes, envelope = ctx.scalar("programmes"), ctx.scalar("envelope_used")
    if not programmes or not envelope:
        return []
    overrun = programmes - envelope
    if round(overrun, 2) <= 0:
        return []
    ratio = overrun / envelope
    severity = Severity.ERROR if ratio > ctx.tol_warn + 1e-12 else Severity.WARNING
    source = ctx.t("montant saisi", "amount typed") if ctx.scalar("envelope") else ctx.t(
        f"{ctx.pct(ctx.scalar('envelope_pct') or 0)} du C.A. entreprise N", f"{ctx.pct(ctx.scalar('envelope_pct') or 0)} of company revenue N")
    return [finding("ENV-001", severity, ctx.t(
        f"Le budget bottom-up dépasse l'enveloppe approuvée : les lignes totalisent {ctx.money(programmes)} pour une enveloppe de "
        f"{ctx.money(envelope)} ({source}) ; dépassement de {ctx.gap(ctx.signed_money(overrun), ratio)}. L'enveloppe est un plafond : "
        f"réduisez des lignes ou faites approuver le dépassement.",
        f"The bottom-up budget exceeds the approved envelope: the lines total {ctx.money(programmes)} for an envelope of "
        f"{ctx.money(envelope)} ({source}); overrun {ctx.gap(ctx.signed_money(overrun), ratio)}. The envelope is a ceiling: cut lines "
        f"or have the overrun approved."),
        (scalar_cell("programmes"), scalar_cell("envelope_used"), scalar_cell("envelope_gap")),
        programmes=programmes, envelope=envelope, overrun=overrun, gap_pct=ratio)]
