"""Data sanity (PLAN_SPEC §2, last bullet; definitions of §1.1–1.7 and §1.11).

A funnel only narrows: qualified leads ≤ leads, deals ≤ opportunities, unique visitors
≤ visits, opens ≤ delivered (sent − bounces). The same quantity entered twice must
agree: revenue by channel = commercial revenue; revenue from existing + new customers
= revenue; customer-segment counts = customers; inbound leads expected by channel =
the lead target. Shares typed by the user lie within 0–100 %; counts and amounts are
never negative. Inequalities have no tolerance (error); equalities between two
entries use the plan's tolerance bands.
"""
from __future__ import annotations

from ..model.fields import Kind
from ..model.findings import CellRef, Finding, Severity
from ..model.schema import SCALARS, TABLES
from ._common import Ctx, finding, num, scalar_cell, total_cell


def _narrowing(ctx: Ctx, rule_id: str, pairs: tuple[tuple[str, str, str], ...]) -> list[Finding]:
    """``small ≤ big`` on every row of each (table, small, big)."""
    out = []
    for table, small, big in pairs:
        for i, row in ctx.rows(table):
            a, b = num(row.get(small)), num(row.get(big))
            if a is None or b is None or a <= b:
                continue
            name = ctx.row_label(table, i)
            ls, lb = ctx.label(table, small), ctx.label(table, big)
            title = TABLES[table].title(ctx.lang)
            out.append(finding(rule_id, Severity.ERROR, ctx.t(
                f"{title}, {name} : {ls} ({ctx.count(a)}) dépasse {lb} ({ctx.count(b)}).",
                f"{title}, {name}: {ls} ({ctx.count(a)}) exceeds {lb} ({ctx.count(b)})."),
                (CellRef(table, i, small), CellRef(table, i, big)), table=table, row=i, small=a, big=b))
    return out


def check_qualified_leads(ctx: Ctx) -> list[Finding]:
    """SAN-001: qualified leads ≤ leads (N-1 and targets N, lead sources and events)."""
    return _narrowing(ctx, "SAN-001", (("leadgen", "qualified_leads", "leads"), ("leadgen", "target_qualified_leads", "target_leads"),
                                       ("events", "qualified_leads", "leads")))


def check_deals(ctx: Ctx) -> list[Finding]:
    """SAN-002: deals ≤ opportunities."""
    return _narrowing(ctx, "SAN-002", (("commercial", "deals", "opportunities"),))


def check_visitors(ctx: Ctx) -> list[Finding]:
    """SAN-003: unique visitors ≤ visits (each month, and over 12 months)."""
    out = _narrowing(ctx, "SAN-003", (("web", "unique_visitors", "visits"),))
    annual, visits = ctx.scalar("web_annual_unique_visitors"), ctx.total("web", "visits")
    if annual is not None and visits is not None and annual > visits:
        out.append(finding("SAN-003", Severity.ERROR, ctx.t(
            f"Web : {ctx.count(annual)} visiteurs uniques sur 12 mois pour {ctx.count(visits)} visites.",
            f"Web: {ctx.count(annual)} unique visitors over 12 months for {ctx.count(visits)} visits."),
            (scalar_cell("web_annual_unique_visitors"), total_cell("web", "visits")), small=annual, big=visits))
    return out


def check_opens(ctx: Ctx) -> list[Finding]:
    """SAN-004: bounces ≤ sent and unique opens ≤ delivered."""
    return _narrowing(ctx, "SAN-004", (("emailing", "bounces", "sent"), ("emailing", "unique_opens", "delivered")))


def _same(ctx: Ctx, rule_id: str, stated: float | None, reference: float | None, cells, text, money: bool = False) -> list[Finding]:
    """``stated`` should equal ``reference``: a finding by tolerance band, worded by ``text(gap_text)``."""
    if not reference or stated is None:
        return []
    ratio = stated / reference - 1
    severity = ctx.band(ratio)
    if severity is None:
        return []
    units = ctx.signed_money(stated - reference) if money else ctx.signed_count(stated - reference)
    fr, en = text(ctx.gap(units, ratio))
    return [finding(rule_id, severity, ctx.t(fr, en), cells, stated=stated, reference=reference, gap_pct=ratio)]


def check_channel_revenue(ctx: Ctx) -> list[Finding]:
    """SAN-005: revenue by channel = commercial revenue N-1."""
    from .completeness import filled

    if not filled(ctx, "channels"):
        return []  # the Canaux tab is optional: empty is "not filled" (CMP-002), not 0 € by channel
    by_channel, revenue = ctx.total("channels", "total"), ctx.total("commercial", "revenue")
    return _same(ctx, "SAN-005", by_channel, revenue, (total_cell("channels", "total"), total_cell("commercial", "revenue")),
                 lambda gap: (f"C.A. N-1 par canal : {ctx.money(by_channel or 0)} ; C.A. N-1 de l'onglet Commercial : "
                              f"{ctx.money(revenue or 0)} ; écart {gap}.",
                              f"Revenue N-1 by channel: {ctx.money(by_channel or 0)}; Commercial tab revenue N-1: "
                              f"{ctx.money(revenue or 0)}; gap {gap}."), money=True)


def check_revenue_split(ctx: Ctx) -> list[Finding]:
    """SAN-006: revenue from existing + new customers = revenue, per product line."""
    out = []
    for i, row in ctx.rows("key_metrics"):
        existing, new, revenue = (num(row.get(k)) for k in ("revenue_existing", "revenue_new", "revenue"))
        if existing is None and new is None:
            continue
        split = (existing or 0) + (new or 0)
        name = ctx.row_label("key_metrics", i)
        cells = (CellRef("key_metrics", i, "revenue_existing"), CellRef("key_metrics", i, "revenue_new"), CellRef("key_metrics", i, "revenue"))
        out += _same(ctx, "SAN-006", split, revenue, cells,
                     lambda gap, name=name, split=split, revenue=revenue: (
                         f"{name} : C.A. clients existants + nouveaux = {ctx.money(split)}, C.A. = {ctx.money(revenue)} ; écart {gap}.",
                         f"{name}: revenue from existing + new customers = {ctx.money(split)}, revenue = {ctx.money(revenue)}; gap {gap}."),
                     money=True)
    return out


_INACTIVE_SEGMENTS = {" ".join(str(v).casefold().split()) for r in TABLES["customer_segments"].rows[4:]
                      for v in (r["segment"].fr, r["segment"].en)}  # Dormants, Perdus: no purchase in N-1 (seed slide 38)


def check_segment_counts(ctx: Ctx) -> list[Finding]:
    """SAN-007: the customers of the active segments (all but Dormants and Perdus, who did not buy in N-1)
    add up to the customers of the Commercial tab."""
    rows = ctx.rows("customer_segments")
    if not any(num(r.get("count")) for _, r in rows):
        return []
    counted = sum(num(r.get("count")) or 0 for _, r in rows
                  if " ".join(str(r.get("segment") or "").casefold().split()) not in _INACTIVE_SEGMENTS)
    customers = ctx.total("commercial", "customers")
    return _same(ctx, "SAN-007", counted, customers, (total_cell("customer_segments", "count"), total_cell("commercial", "customers")),
                 lambda gap: (f"Segments clients actifs (tous sauf dormants et perdus) : {ctx.count(counted)} clients ; onglet Commercial : "
                              f"{ctx.count(customers or 0)} ; écart {gap}.",
                              f"Active customer segments (all but dormant and lost): {ctx.count(counted)} customers; Commercial tab: "
                              f"{ctx.count(customers or 0)}; gap {gap}."))


def check_channel_leads(ctx: Ctx) -> list[Finding]:
    """SAN-008: inbound leads expected by channel = the lead target N."""
    expected, target = ctx.total("channel_plan", "expected_leads"), ctx.total("leadgen", "target_leads")
    if not expected:
        return []
    return _same(ctx, "SAN-008", expected, target, (total_cell("channel_plan", "expected_leads"), total_cell("leadgen", "target_leads")),
                 lambda gap: (f"Stratégie canaux : {ctx.count(expected)} leads entrants attendus ; objectif leads N de l'onglet Lead "
                              f"generation : {ctx.count(target or 0)} ; écart {gap}.",
                              f"Channel strategy: {ctx.count(expected)} inbound leads expected; Lead generation tab's target leads N: "
                              f"{ctx.count(target or 0)}; gap {gap}."))


_NON_NEGATIVE = {Kind.COUNT, Kind.MONEY, Kind.KMONEY, Kind.NUMBER, Kind.MONTHS, Kind.YEARS}


def _inputs(ctx: Ctx, kinds, bad):
    """(CellRef, value) for every numeric input of ``kinds`` whose value is ``bad(value)``, tables then scalars.

    The test comes first: a large plan holds tens of thousands of numbers and only the bad ones need a cell reference.
    """
    for key, table in TABLES.items():
        fields = [f.key for f in table.inputs if f.kind in kinds]
        for i, row in ctx.rows(key) if fields else ():
            for field in fields:
                value = num(row.get(field))
                if value is not None and bad(value):
                    yield CellRef(key, i, field), value
    for key, f in SCALARS.items():
        if not f.derived and f.kind in kinds:
            value = ctx.scalar(key)
            if value is not None and bad(value):
                yield CellRef(None, None, key), value


def _grouped(ctx: Ctx, rule_id: str, bad, text) -> list[Finding]:
    """One finding per table (or for the scalars), listing each bad cell with its value."""
    groups: dict[str | None, list] = {}
    for ref, value in bad:
        groups.setdefault(ref.table, []).append((ref, value))
    out = []
    for table, items in groups.items():
        title = TABLES[table].title(ctx.lang) if table else ctx.t("Paramètres et scalaires", "Settings and scalars")
        labels = [ctx.label(r.table, r.field) + ("" if r.row is None else f", {ctx.row_label(r.table, r.row)}") for r, _ in items]
        digits = 4 if rule_id == "SAN-009" else 2
        listed = "; ".join(f"{label} = {ctx.number(v, digits)}" for label, (_, v) in zip(labels, items))
        fr, en = text(title, listed)
        out.append(finding(rule_id, Severity.ERROR, ctx.t(fr, en), tuple(r for r, _ in items), table=table,
                           values=[v for _, v in items]))
    return out


def check_rates(ctx: Ctx) -> list[Finding]:
    """SAN-009: shares typed by the user (win ratio assumption, churn, margin, envelope %…) within 0–100 %."""
    bad = list(_inputs(ctx, {Kind.RATE}, lambda v: not 0 <= v <= 1))
    return _grouped(ctx, "SAN-009", bad, lambda title, listed: (
        f"{title} : taux hors de 0–100 % ({listed}). Saisissez 45 % ou 0,45, pas 45.",
        f"{title}: rates outside 0–100% ({listed}). Type 45% or 0.45, not 45."))


def check_negatives(ctx: Ctx) -> list[Finding]:
    """SAN-010: no negative count or amount."""
    bad = list(_inputs(ctx, _NON_NEGATIVE, lambda v: v < 0))
    return _grouped(ctx, "SAN-010", bad, lambda title, listed: (
        f"{title} : valeurs négatives ({listed}) ; les comptes et les montants sont positifs.",
        f"{title}: negative values ({listed}); counts and amounts are positive."))
