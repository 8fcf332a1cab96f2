"""Marketing spend against the benchmarks (seed slide "Benchmarks"; issue 8: dated benchmarks).

The seed quotes the CMO Survey of August 2015: B2B product companies spend 6.2 % of
revenue on marketing (an average), very small companies up to 25 % (excluding
salaries). A new plan now starts with the latest editions we could source (The CMO
Survey's B2B product and B2B services averages, Gartner's 2025 CMO Spend Survey), each
with its source and date, in the editable ``benchmarks`` table; the rules read them from
there, so a user who updates a figure or its source sees the messages follow.
- BEN-001 (info): total marketing cost / revenue N (scorecard ``cost_to_revenue``)
  departs from the B2B average by more than the warning tolerance, relatively: the B2B
  services average when services make most of the revenue target (Commercial tab's
  "kind"), else the B2B product one. An average is a reference, not a limit.
- BEN-002 (warning): programmes excluding salaries / revenue N above the very small
  companies' ceiling.
- BEN-003 (info): a benchmark BEN-001 or BEN-002 uses is more than
  ``benchmark_max_age`` years (Paramètres, default 3) older than the plan year.
"""
from __future__ import annotations

import datetime as dt
import re

from ..model.findings import CellRef, Finding, Severity
from ..model.schema import TABLES
from ._common import Ctx, finding, num, scalar_cell

AVERAGE_KEY = "marketing_to_revenue_b2b_product"
SERVICES_KEY = "marketing_to_revenue_b2b_services"
CEILING_KEY = "marketing_to_revenue_small_max"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


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


def average_key(ctx: Ctx) -> str:
    """The B2B services average when services make most of the revenue target (else of revenue N-1), else the product one."""
    for field in ("target_revenue", "revenue"):
        rows = [(r.get("kind"), num(r.get(field))) for _, r in ctx.rows("commercial")]
        total = sum(v for _, v in rows if v)
        if total:
            services = sum(v for k, v in rows if v and k == "service")
            if services / total > 0.5 and benchmark(ctx, SERVICES_KEY):
                return SERVICES_KEY
            return AVERAGE_KEY
    return AVERAGE_KEY


def check_average(ctx: Ctx) -> list[Finding]:
    """BEN-001: marketing cost / revenue N vs the B2B product (or services) companies' average."""
    key = average_key(ctx)
    found, ratio = benchmark(ctx, key), ctx.scalar("cost_to_revenue")
    if found is None or ratio is None:
        return []
    i, row, bench = found
    gap = ratio / bench - 1
    if abs(gap) <= ctx.tol_warn + 1e-12:
        return []
    cost, revenue = ctx.scalar("total_cost") or 0, ctx.scalar("company_revenue") or 0
    side = ctx.t("sous" if gap < 0 else "au-dessus de", "below" if gap < 0 else "above")
    kind = ctx.t("services", "service") if key == SERVICES_KEY else ctx.t("produits", "product")
    return [finding("BEN-001", Severity.INFO, ctx.t(
        f"Coûts marketing N : {ctx.money(cost)}, soit {ctx.pct(ratio, 2)} du C.A. ({ctx.money(revenue)}), {side} la moyenne "
        f"des entreprises B2B {kind} ({ctx.pct(bench)}, {_source(row)}).",
        f"Marketing cost N: {ctx.money(cost)}, {ctx.pct(ratio, 2)} of revenue ({ctx.money(revenue)}), {side} the B2B {kind} "
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


def _year(row: dict) -> int | None:
    """The year of a benchmark's source: its date (a date, a year, "2025-05"), else the first year its source names."""
    date = row.get("date")
    if isinstance(date, (dt.date, dt.datetime)):
        return date.year
    if isinstance(date, (int, float)) and not isinstance(date, bool) and 1900 <= date <= 2100:
        return int(date)
    for text in (date, row.get("source")):
        match = _YEAR.search(str(text or ""))
        if match:
            return int(match.group(1))
    return None


def _plan_year(ctx: Ctx) -> int | None:
    year = ctx.scalar("plan_year")
    if year and 1900 <= year <= 2100:
        return int(year)
    date = ctx.computed.plan.scalars.get("plan_date")
    return date.year if isinstance(date, (dt.date, dt.datetime)) else None


def check_age(ctx: Ctx) -> list[Finding]:
    """BEN-003: a benchmark the checks use dates from more than ``benchmark_max_age`` years before the plan year."""
    plan_year, max_age = _plan_year(ctx), ctx.setting("benchmark_max_age")
    if plan_year is None:
        return []
    used = []  # only the benchmarks a check compares something with
    if ctx.scalar("cost_to_revenue") is not None:
        used.append(average_key(ctx))
    if ctx.scalar("programmes") and ctx.scalar("company_revenue"):
        used.append(CEILING_KEY)
    out = []
    for key in dict.fromkeys(used):
        found = benchmark(ctx, key)
        if found is None:
            continue
        i, row, value = found
        year = _year(row)
        if year is None or plan_year - year <= max_age:
            continue
        label = row.get("label") or key
        out.append(finding("BEN-003", Severity.INFO, ctx.t(
            f"Le benchmark « {label} » ({ctx.pct(value)}) date de {year}, {plan_year - year} ans avant l'année du plan ({plan_year}) ; "
            f"au-delà de {ctx.number(max_age, 0)} ans (Paramètres), remplacez-le par une édition récente ({_source(row)}).",
            f"Benchmark \"{label}\" ({ctx.pct(value)}) dates from {year}, {plan_year - year} years before the plan year ({plan_year}); "
            f"beyond {ctx.number(max_age, 0)} years (Settings), replace it with a recent edition ({_source(row)})."),
            (CellRef("benchmarks", i, "date"), CellRef("benchmarks", i, "value")), key=key, year=year, plan_year=plan_year,
            age=plan_year - year))
    return out
