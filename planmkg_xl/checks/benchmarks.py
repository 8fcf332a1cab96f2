"""Marketing spend against the benchmarks (PLAN_SPEC §1.9, §2; seed slide 52).

The seed quotes the CMO Survey (August 2015): B2B product companies spend 6.2 % of
revenue on marketing (an average), very small companies up to 25 % (excluding
salaries). Both live in the editable ``benchmarks`` table (keys
``marketing_to_revenue_b2b_product`` and ``marketing_to_revenue_small_max``) with their
source and date; the rules read them from there, so a user who updates a figure or
its source sees the messages follow.
- BEN-001 (info): total marketing cost / revenue N (scorecard ``cost_to_revenue``)
  departs from the B2B average by more than the warning tolerance, relatively. An
  average is a reference for the executive committee, not a limit.
- BEN-002 (warning): programmes excluding salaries / revenue N above the very small
  companies' ceiling.
"""
from __future__ import annotations

from ..model.findings import CellRef, Finding, Severity
from ..model.schema import TABLES
from ._common import Ctx, finding, num, scalar_cell

AVERAGE_KEY = "marketing_to_revenue_b2b_product"
CEILING_KEY = "marketing_to_revenue_small_max"


def benchmark(ctx: Ctx, key: str) -> tuple[int, dict, float] | None:
    """The row index, row and value of benchmark ``key`` (None when absent or empty).

    A plan without a ``benchmarks`` table at all gets the schema's rows, as the
    workbook builder writes them, so that a plan and its workbook give the same findings.
    """
    if "benchmarks" in ctx.computed.plan.tables:
        rows = ctx.rows("benchmarks")
    else:
        rows = list(enumerate(TABLES["benchmarks"].default_rows(ctx.computed.plan.lang)))
    for i, row in rows:
        if str(row.get("key") or "").strip() == key and num(row.get("value")):
            return i, row, num(row.get("value"))
    return None


def _source(row: dict) -> str:
    parts = [str(row[k]) for k in ("source", "date") if row.get(k)]
    return ", ".join(parts)


def check_average(ctx: Ctx) -> list[Finding]:
    """BEN-001: marketing cost / revenue N vs the B2B product companies' average."""
    found, ratio = benchmark(ctx, AVERAGE_KEY), ctx.scalar("cost_to_revenue")
    if found is None or ratio is None:
        return []
    i, row, bench = found
    gap = ratio / bench - 1
    if abs(gap) <= ctx.tol_warn + 1e-12:
        return []
    cost, revenue = ctx.scalar("total_cost") or 0, ctx.scalar("company_revenue") or 0
    side = ctx.t("sous" if gap < 0 else "au-dessus de", "below" if gap < 0 else "above")
    return [finding("BEN-001", Severity.INFO, ctx.t(
        f"Coûts marketing N : {ctx.money(cost)}, soit {ctx.pct(ratio, 2)} du C.A. ({ctx.money(revenue)}), {side} la moyenne "
        f"des entreprises B2B produits ({ctx.pct(bench)}, {_source(row)}).",
        f"Marketing cost N: {ctx.money(cost)}, {ctx.pct(ratio, 2)} of revenue ({ctx.money(revenue)}), {side} the B2B product "
        f"companies' average ({ctx.pct(bench)}, {_source(row)})."),
        (scalar_cell("cost_to_revenue"), CellRef("benchmarks", i, "value")), ratio=ratio, benchmark=bench, gap_pct=gap)]


def check_ceiling(ctx: Ctx) -> list[Finding]:
    """BEN-002: programmes (excluding salaries) / revenue N above the small-company ceiling."""
    found, programmes, revenue = benchmark(ctx, CEILING_KEY), ctx.scalar("programmes"), ctx.scalar("company_revenue")
    if found is None or not programmes or not revenue:
        return []
    i, row, ceiling = found
    ratio = programmes / revenue
    if ratio <= ceiling:
        return []
    return [finding("BEN-002", Severity.WARNING, ctx.t(
        f"Programmes marketing N hors salaires : {ctx.money(programmes)}, soit {ctx.pct(ratio)} du C.A. ({ctx.money(revenue)}), "
        f"au-delà du plafond observé même dans les très petites entreprises ({ctx.pct(ceiling)}, {_source(row)}).",
        f"Marketing programmes N excluding salaries: {ctx.money(programmes)}, {ctx.pct(ratio)} of revenue ({ctx.money(revenue)}), "
        f"beyond the ceiling seen even in very small companies ({ctx.pct(ceiling)}, {_source(row)})."),
        (scalar_cell("programmes"), scalar_cell("company_revenue"), CellRef("benchmarks", i, "value")),
        ratio=ratio, ceiling=ceiling)]
