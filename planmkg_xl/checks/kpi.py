"""The measurement plan (PLAN_SPEC §1.10, §2; seed slides 53–54).

"10 KPI au maximum, sinon ce ne sont pas des KPI mais des PI" (seed slide 53), and a
KPI without its N-1 value and its target N cannot be tracked against pacing.
- KPI-001 (error): more than 10 KPIs.
- KPI-002 (warning): a KPI without value N-1 (typed, or read from the tabs) or target N.
- KPI-003 (warning): a typed N-1 value that disagrees with the tabs' value of its source metric.
"""
from __future__ import annotations

from ..model.findings import CellRef, Finding, Severity
from ._common import Ctx, finding, num

MAX_KPIS = 10
RATE_METRICS = frozenset({"win_ratio", "lead_to_opportunity", "email_ctr"})  # shown as %


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


def check_against_tabs(ctx: Ctx) -> list[Finding]:
    """KPI-003: a typed N-1 value must agree with what the tabs say of the same metric (tolerance bands)."""
    out = []
    for i, row in ctx.rows("kpis"):
        typed, tabs = num(row.get("value_prev")), num(row.get("value_tabs"))
        if typed is None or tabs is None or tabs == 0:
            continue
        gap = typed / tabs - 1
        if ctx.band(gap) is None:
            continue
        name = ctx.row_label("kpis", i)
        shown = ctx.pct if row.get("metric") in RATE_METRICS else ctx.number
        typed_s, tabs_s = shown(typed), shown(tabs)
        out.append(finding("KPI-003", Severity.WARNING, ctx.t(
            f"KPI « {name} » : N-1 saisi {typed_s}, les onglets disent {tabs_s} (écart {ctx.pct(gap, signed=True)}). "
            f"Videz la cellule pour reprendre la valeur des onglets, ou corrigez les onglets.",
            f"KPI \"{name}\": N-1 typed {typed_s}, the tabs say {tabs_s} (gap {ctx.pct(gap, signed=True)}). "
            f"Clear the cell to use the tabs' value, or fix the tabs."),
            (CellRef("kpis", i, "value_prev"), CellRef("kpis", i, "value_tabs")), kpi=name, typed=typed, tabs=tabs, gap=gap))
    return out
