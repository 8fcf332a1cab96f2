"""The reverse funnel per offer line (PLAN_SPEC §1.1 green part and §2; seed slide 17).

Each offer line's revenue target gives its deals (÷ average deal used) and
opportunities (÷ win ratio used): the Commercial tab computes them. Lead generation
is planned by source, not by offer line, so a line has no stated lead target to
compare with. What can be wrong per line is therefore:
- FUN-008: a line whose target needs an opportunity growth out of line with the
  whole funnel's (a product launch at +28 % while the plan grows opportunities
  +14 %): the lead plan must favour it, or its target is out of reach. Informative,
  flagged beyond the warning tolerance.
- FUN-009: a line with a revenue target whose funnel cannot be computed (no N-1
  deals or opportunities and no assumption typed): its need is missing from the total.
"""
from __future__ import annotations

from ..model.findings import CellRef, Finding, Severity
from ._common import Ctx, finding, num, total_cell


def check_line_mix(ctx: Ctx) -> list[Finding]:
    """FUN-008: a line's required opportunity growth vs the whole funnel's."""
    total_prev = ctx.total("commercial", "opportunities")
    total_req = ctx.total("commercial", "required_opportunities")
    if not total_prev or not total_req:
        return []
    growth = total_req / total_prev - 1
    out = []
    for i, row in ctx.rows("commercial"):
        prev, req = num(row.get("opportunities")), num(row.get("required_opportunities"))
        if not prev or not req:
            continue
        share = total_req * prev / total_prev
        ratio = req / share - 1
        if abs(ratio) <= ctx.tol_warn + 1e-12:
            continue
        line = ctx.row_label("commercial", i)
        more = req > share
        out.append(finding("FUN-008", Severity.INFO, ctx.t(
            f"{line} : son objectif demande {ctx.count(req)} opportunités, soit {ctx.pct(req / prev - 1, signed=True)} vs N-1 "
            f"({ctx.count(prev)}), quand l'ensemble de l'entonnoir progresse de {ctx.pct(growth, signed=True)} ; "
            + (f"la lead generation doit lui apporter {ctx.count(req - share)} opportunités de plus que sa part N-1."
               if more else f"{ctx.count(share - req)} opportunités de sa part N-1 peuvent servir d'autres lignes."),
            f"{line}: its target needs {ctx.count(req)} opportunities, {ctx.pct(req / prev - 1, signed=True)} vs N-1 "
            f"({ctx.count(prev)}), while the whole funnel grows {ctx.pct(growth, signed=True)}; "
            + (f"lead generation must bring it {ctx.count(req - share)} opportunities above its N-1 share."
               if more else f"{ctx.count(share - req)} opportunities of its N-1 share can serve other lines.")),
            (CellRef("commercial", i, "required_opportunities"), CellRef("commercial", i, "target_revenue"),
             total_cell("commercial", "required_opportunities")),
            line=line, required=req, share_of_total=share, gap_pct=ratio, total_growth=growth))
    return out


def check_line_assumptions(ctx: Ctx) -> list[Finding]:
    """FUN-009: a revenue target whose deals or opportunities cannot be derived."""
    out = []
    for i, row in ctx.rows("commercial"):
        target = num(row.get("target_revenue"))
        if not target or num(row.get("required_opportunities")) is not None:
            continue
        line = ctx.row_label("commercial", i)
        missing = "target_avg_deal" if num(row.get("required_deals")) is None else "target_win_ratio"
        out.append(finding("FUN-009", Severity.WARNING, ctx.t(
            f"{line} : objectif de {ctx.money(target)} sans {ctx.label('commercial', missing)} ni historique N-1 pour le calculer ; "
            f"ses ventes et opportunités nécessaires manquent au total de l'entonnoir.",
            f"{line}: a {ctx.money(target)} target with no {ctx.label('commercial', missing)} and no N-1 history to derive it; "
            f"its required deals and opportunities are missing from the funnel's total."),
            (CellRef("commercial", i, missing), CellRef("commercial", i, "target_revenue")), line=line, target_revenue=target,
            missing=missing))
    return out
