"""The measurement plan (PLAN_SPEC §1.10, §2; seed slides 53–54).

"10 KPI au maximum, sinon ce ne sont pas des KPI mais des PI" (seed slide 53), and a
KPI without its N-1 value and its target N cannot be tracked against pacing.
- KPI-001 (error): more than 10 KPIs.
- KPI-002 (warning): a KPI without value N-1 (typed, or read from the tabs) or target N.
- KPI-003 (warning): a typed N-1 value that disagrees with the tabs' value of its source metric
  (``checks.restated``, the one mechanism for every typed override).
"""
from __future__ import annotations

from ..model.findings import CellRef, Finding, Severity
from ._common import Ctx, finding, num

MAX_KPIS = 10


def check_count(ctx: Ctx) -> list[Finding]:
    """KPI-001: at most 10 KPIs."""
    rows = ctx.rows("kpis")
    if len(rows) <= MAX_KPIS:
        return []
    extra = rows[MAX_KPIS:]
    return [finding("KPI-001", Severity.ERROR, ctx.t(
        f"{len(rows)} KPI : 10 au maximum, sinon ce ne sont pas des KPI mais des PI. Gardez les 10 qui pilotent vos objectifs.",
        f"{len(rows)} KPIs: 10 at most, otherwise they are not KPIs but PIs. Keep the 10 that steer your objectives."),
        tuple(CellRef("kpis", i, "kpi") for i, _ in extra), count=len(rows), maximum=MAX_KPIS)]


def check_values(ctx: Ctx) -> list[Finding]:
    """KPI-002: each KPI has a value N-1 (``baseline``: typed, else from the tabs) and a target N."""
    out = []
    for i, row in ctx.rows("kpis"):
        missing = [k for k in ("baseline", "target") if num(row.get(k)) is None]
        if not missing:
            continue
        labels = ", ".join(ctx.label("kpis", k) for k in missing)
        name = ctx.row_label("kpis", i)
        missing = ["value_prev" if k == "baseline" else k for k in missing]  # point at the cell to type in
        out.append(finding("KPI-002", Severity.WARNING, ctx.t(
            f"KPI « {name} » : il manque {labels} ; sans eux, pas de suivi de l'avancement.",
            f"KPI \"{name}\": missing {labels}; without them, pacing cannot be tracked."),
            tuple(CellRef("kpis", i, k) for k in missing), kpi=name, missing=missing))
    return out
