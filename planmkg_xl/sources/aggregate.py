"""Typed export columns -> the plan's table rows, one function per kind of export.

Each function sums a year of the export into ``core.imports.Aggregate`` rows (pandas
group-bys: a million rows in well under a second) and says how many rows it used.
The year is N-1 of the plan for last year's figures, N for KPI actuals.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.imports import Aggregate, label_key
from ..core.segments import DAYS_PER_MONTH, SEGMENT_KEYS, CustomerRFM, SegmentRules, segment
from ..errors import SourceError
from ..model.kpi_tabs import EVENT_TYPES, LEAD_SOURCES, MONTHS_EN, MONTHS_FR
from ..model.plan import Plan
from ..model.plan_tabs import METRICS
from ..model.schema import TABLES
from .channels import CHANNEL_KEYS, channel_of
from .presets import normalise, preset
from .read import Export, say

SEGMENT_LABELS = {k: (r["segment"].fr, r["segment"].en) for k, r in zip(SEGMENT_KEYS, TABLES["customer_segments"].rows)}
_SOURCE_LABELS = {label_key(t.fr): t for t in LEAD_SOURCES} | {label_key(t.en): t for t in LEAD_SOURCES}
DATE_FIELD = {"deals": "close_date", "leads": "created", "web": "month", "emailing": "date", "events": "date", "spend": "date",
              "invoices": "date", "kpi-actuals": "month"}


@dataclass
class Aggregated:
    aggregates: list[Aggregate]
    rows_used: int
    notes: list[str] = field(default_factory=list)
    detail: list[dict] | None = None  # per-customer segmentation (invoices, --detail)


def default_year(export: Export, plan: Plan) -> int | None:
    """N-1 of the plan (N for KPI actuals); without a plan year, the latest year in the export."""
    year = plan.scalars.get("plan_year")
    if year:
        return int(year) if export.kind == "kpi-actuals" else int(year) - 1
    col = export.frame.get(DATE_FIELD[export.kind])
    if col is None:
        return None
    if export.kind in ("web", "kpi-actuals"):
        years = (col // 100).dropna()
        years = years[years > 0]
        return int(years.max()) if len(years) else None
    years = col.dt.year.dropna()
    return int(years.max()) if len(years) else None


def aggregate(export: Export, plan: Plan, year: int | None, lang: str, detail: bool = False) -> Aggregated:
    fn = {"deals": _deals, "leads": _leads, "web": _web, "emailing": _emailing, "events": _events, "spend": _spend,
          "invoices": _invoices, "kpi-actuals": _kpi_actuals}[export.kind]
    _check_duplicates(export, lang)
    _check_currency(export, plan, lang)
    if year is None and export.kind not in ("events", "emailing"):
        raise SourceError(say(lang, f"{export.path.name} : précisez l'année des données avec --year (ou l'année du plan dans Paramètres).",
                              f"{export.path.name}: give the year of the data with --year (or the plan year in Settings)."))
    return fn(export, plan, year, lang, detail) if fn is _invoices else fn(export, plan, year, lang)


# ---------------------------------------------------------------- checks shared by every kind

def _check_duplicates(export: Export, lang: str) -> None:
    f = export.frame
    keys = {"kpi-actuals": ["metric", "month"]}.get(export.kind) or (["id"] if "id" in f else [])
    if not keys or any(k not in f for k in keys):
        return
    if len(keys) == 1 and _all_distinct(f[keys[0]]):
        return  # the usual case, checked by hashing in Arrow (a million ids in a blink)
    sub = f[keys].dropna()
    dup = sub.duplicated(keep=False)
    if not dup.any():
        return
    idx = dup[dup].index[:5]
    lines = ", ".join(str(export.where(i)) for i in idx)
    examples = ", ".join("« " + " / ".join(str(v) for v in sub.loc[i].tolist()) + " »" for i in idx)
    headers = " + ".join(export.matched[k] for k in keys)
    raise SourceError(say(
        lang, f"{export.path.name} : {int(dup.sum())} lignes ont le même identifiant ({headers}) — lignes {lines} : {examples}. "
              f"Un export ne doit pas contenir de doublons : exportez-le à nouveau ou supprimez les lignes en double.",
        f"{export.path.name}: {int(dup.sum())} lines share the same id ({headers}) — lines {lines}: {examples}. "
        f"An export must not hold duplicates: export it again or delete the duplicated lines."))


def _check_currency(export: Export, plan: Plan, lang: str) -> None:
    if "currency" not in export.frame:
        return
    import pandas as pd

    raw = export.frame["currency"].dropna()
    code = {u: str(u).upper().strip() for u in pd.unique(raw)}
    col = raw.map(code)
    found = sorted(set(code.values()) - {""})
    plan_currency = str(plan.scalars.get("currency") or "EUR").upper()
    if len(found) > 1:
        firsts = ", ".join(f"{c} ({say(lang, 'ligne', 'line')} {export.where(col[col == c].index[0])})" for c in found[:5])
        raise SourceError(say(
            lang, f"{export.path.name} : plusieurs devises dans la colonne « {export.matched['currency']} » : {firsts}. "
                  f"Le plan est en {plan_currency} : exportez les montants convertis dans cette devise (ou filtrez sur une devise).",
            f"{export.path.name}: several currencies in column « {export.matched['currency']} »: {firsts}. "
            f"The plan is in {plan_currency}: export the amounts converted to it (or filter on one currency)."))
    if found and found[0] != plan_currency:
        raise SourceError(say(
            lang, f"{export.path.name} : les montants sont en {found[0]}, le plan en {plan_currency} (Paramètres). "
                  f"Exportez les montants dans la devise du plan, ou changez la devise du plan.",
            f"{export.path.name}: the amounts are in {found[0]}, the plan in {plan_currency} (Settings). "
            f"Export the amounts in the plan's currency, or change the plan's currency."))


# ---------------------------------------------------------------- helpers

def _values(export: Export, key: str) -> frozenset[str]:
    """Values meaning ``key`` (won, lost, qualified, opportunity): the preset's, plus the generic FR/EN ones."""
    generic = preset(f"generic-{export.kind}") if export.kind in ("deals", "leads") else None
    return export.preset.values.get(key, frozenset()) | (generic.values.get(key, frozenset()) if generic else frozenset())


def _all_distinct(col) -> bool:
    """No value twice: one hash pass (pandas' factorisation beat Arrow's count_distinct on a million ids)."""
    return col.nunique(dropna=True) == col.count()


def _is_in(col, values: frozenset[str]):
    """Mask of the rows whose normalised text is one of ``values`` (normalised once per distinct value)."""
    import pandas as pd

    wanted = [u for u in pd.unique(col.dropna()) if normalise(u) in values]
    return col.isin(wanted)


def _num(x) -> int | float | None:
    if x is None or x != x:
        return None
    x = float(x)
    return int(x) if x.is_integer() else round(x, 2)


def _lead_source(value: str, export: Export, lang: str) -> tuple[str, tuple[str, ...]]:
    """An export's source value -> the plan's lead source label (with its other-language alias)."""
    key = export.preset.sources.get(normalise(value))
    text = _SOURCE_LABELS.get(label_key(key)) if key else _SOURCE_LABELS.get(label_key(value))
    if text is None:
        return (key or value), ()  # a source of the user's own (a row they added, or a new one)
    return text(lang), (text.fr, text.en)


def _provenance_note(n: int, what_fr: str, what_en: str, lang: str) -> str:
    return say(lang, f"{n} {what_fr}", f"{n} {what_en}")


# ---------------------------------------------------------------- kinds

def _deals(export: Export, plan: Plan, year: int, lang: str) -> Aggregated:
    import pandas as pd

    f = export.frame
    won = pd.Series(False, index=f.index)
    for col in ("stage", "status"):
        if col in f:
            won |= _is_in(f[col], _values(export, "won"))
    close_year = f["close_date"].dt.year
    opened_year = f["created"].dt.year if "created" in f else close_year
    default_line = say(lang, "Toutes offres", "All offers")
    line = f["line"].fillna(say(lang, "(sans ligne)", "(no line)")) if "line" in f else pd.Series(default_line, index=f.index)
    won_y, won_prev, opened = won & (close_year == year), won & (close_year == year - 1), opened_year == year
    frame = pd.DataFrame({"line": line, "opened": opened, "won": won_y, "amount": f["amount"].where(won_y, 0.0),
                          "amount_prev": f["amount"].where(won_prev, 0.0)})
    g = frame.groupby("line", sort=True)
    table = pd.DataFrame({"opportunities": g["opened"].sum(), "deals": g["won"].sum(), "revenue": g["amount"].sum(),
                          "revenue_prev": g["amount_prev"].sum()})
    if "customer" in f:
        table["customers"] = f[won_y].groupby(line[won_y])["customer"].nunique()
        table["customers"] = table["customers"].fillna(0)
    used = opened | won_y | won_prev
    table = table[(table.drop(columns=[c for c in ("customers",) if c in table]) != 0).any(axis=1)]
    if not (close_year == year - 1).any():
        table = table.drop(columns=["revenue_prev"])  # the export does not reach N-2: unknown, not zero
    rows = tuple({"line": str(name), **{k: _num(v) for k, v in r.items()}} for name, r in table.iterrows())
    notes = [say(lang, f"{int(won_y.sum())} ventes gagnées en {year}, {int(opened.sum())} opportunités ouvertes.",
                 f"{int(won_y.sum())} deals won in {year}, {int(opened.sum())} opportunities opened.")]
    if not won.any():
        notes.append(say(lang, "Aucune vente gagnée reconnue : vérifiez les étapes « gagné » (section [values] d'un fichier de correspondance).",
                         "No won deal recognised: check the won stages ([values] section of a mapping file)."))
    aggs = [Aggregate("commercial", ("line",), rows, source=export.path.name)]
    if "channel" in f:  # the same revenue N-1 (won in the year), split by sales channel
        aggs += _channels(export, won_y, line, f["amount"], lang, notes)
    return Aggregated(aggs, int(used.sum()), notes)


def _leads(export: Export, plan: Plan, year: int, lang: str) -> Aggregated:
    import pandas as pd

    f = export.frame
    in_year = f["created"].dt.year == year
    sub = f[in_year]
    frame = pd.DataFrame({"source": sub["source"].fillna(say(lang, "Autres", "Other")), "n": 1}, index=sub.index)
    if "status" in sub:
        frame["qualified"] = _is_in(sub["status"], _values(export, "qualified"))
        frame["opportunity"] = _is_in(sub["status"], _values(export, "opportunity"))
    g = frame.groupby("source", sort=True).sum(numeric_only=True)
    merged: dict[str, dict] = {}
    for name, r in g.iterrows():
        label, aliases = _lead_source(str(name), export, lang)
        row = merged.setdefault(label, {"source": label, "_aliases_source": aliases, "leads": 0, **(
            {"qualified_leads": 0, "opportunities": 0} if "status" in sub else {})})
        row["leads"] += int(r["n"])
        if "status" in sub:
            row["qualified_leads"] += int(r["qualified"])
            row["opportunities"] += int(r["opportunity"])
    return Aggregated([Aggregate("leadgen", ("source",), tuple(merged.values()), source=export.path.name)], int(in_year.sum()))


def _month_rows(values: dict[int, dict], lang: str, table_key: str, label_field: str) -> tuple[dict, ...]:
    rows = []
    for m in sorted(values):
        rows.append({label_field: (MONTHS_FR if lang == "fr" else MONTHS_EN)[m - 1],
                     f"_aliases_{label_field}": (MONTHS_FR[m - 1], MONTHS_EN[m - 1], str(m), f"{m:02d}"), **values[m]})
    return tuple(rows)


def _web(export: Export, plan: Plan, year: int, lang: str) -> Aggregated:
    import pandas as pd

    f = export.frame
    y, m = f["month"] // 100, f["month"] % 100
    keep = ((y == year) | (y == 0)) & m.between(1, 12)
    sub = f[keep.fillna(False)].copy()
    sub["m"] = m[keep.fillna(False)].astype(int)
    cols = {}
    if "sessions" in sub:
        cols["visits"] = sub["sessions"]
    if "users" in sub:
        cols["unique_visitors"] = sub["users"]
    if "new_users" in sub:
        cols["new_visits"] = sub["new_users"]
    if "views" in sub:
        cols["page_views"] = sub["views"]
    if "bounces" in sub:
        cols["bounced_visits"] = sub["bounces"]
    elif "engaged_sessions" in sub and "sessions" in sub:
        cols["bounced_visits"] = sub["sessions"] - sub["engaged_sessions"]  # GA4: a bounce is a session without engagement
    elif "bounce_rate" in sub and "sessions" in sub:
        cols["bounced_visits"] = (sub["bounce_rate"] * sub["sessions"]).round()
    if "landing_visits" in sub:
        cols["landing_visits"] = sub["landing_visits"]
    if "leads" in sub:
        cols["web_leads"] = sub["leads"]
    elif "conversions" in sub:
        cols["web_leads"] = sub["conversions"]
    frame = pd.DataFrame(cols, index=sub.index)
    frame["m"] = sub["m"]
    g = frame.groupby("m").sum(min_count=1)
    values = {int(mm): {k: _num(round(v)) for k, v in r.items()} for mm, r in g.iterrows()}
    return Aggregated([Aggregate("web", ("month",), _month_rows(values, lang, "web", "month"), create=False,
                                 source=export.path.name)], int(len(sub)))


def _emailing(export: Export, plan: Plan, year: int | None, lang: str) -> Aggregated:
    f = export.frame
    sub = f[f["date"].dt.year == year] if ("date" in f and year is not None) else f
    rows = []
    for _, r in sub.iterrows():
        bounces = r.get("bounces")
        if (bounces is None or bounces != bounces) and ("hard_bounces" in r or "soft_bounces" in r):
            bounces = (0 if r.get("hard_bounces") != r.get("hard_bounces") else (r.get("hard_bounces") or 0)) + \
                      (0 if r.get("soft_bounces") != r.get("soft_bounces") else (r.get("soft_bounces") or 0))
        sent = r.get("sent")
        delivered = r.get("delivered")
        if (sent is None or sent != sent) and delivered == delivered and delivered is not None:
            sent = delivered + (bounces or 0)
        if (bounces is None or bounces != bounces) and sent == sent and delivered is not None and delivered == delivered:
            bounces = sent - delivered
        row = {"campaign": str(r["campaign"]) if r["campaign"] == r["campaign"] else None, "sent": _num(sent), "bounces": _num(bounces),
               "unique_opens": _num(r.get("opens")), "unique_clicks": _num(r.get("clicks")),
               "unsubscribes": _num(r.get("unsubscribes")), "leads": _num(r.get("leads")), "spend": _num(r.get("spend"))}
        if "date" in r and r["date"] == r["date"]:
            row["date"] = r["date"].date()
        if row["campaign"]:
            rows.append(row)
    return Aggregated([Aggregate("emailing", ("campaign",), tuple(rows), source=export.path.name)], len(rows))


def _events(export: Export, plan: Plan, year: int | None, lang: str) -> Aggregated:
    f = export.frame
    sub = f[(f["date"].dt.year == year) | f["date"].isna()] if ("date" in f and year is not None) else f
    type_field = TABLES["events"].field("type")
    rows = []
    for _, r in sub.iterrows():
        if r["event"] != r["event"] or r["event"] is None:
            continue
        row = {"event": str(r["event"]), "spend": _num(r.get("cost")), "attendees": _num(r.get("attendees")), "leads": _num(r.get("leads")),
               "qualified_leads": _num(r.get("qualified_leads")), "opportunities": _num(r.get("opportunities")),
               "revenue_won": _num(r.get("revenue"))}
        if "type" in r and r["type"] == r["type"] and r["type"] is not None:
            row["type"] = type_field.choice_key(str(r["type"])) or next(
                (c.key for c in EVENT_TYPES if label_key(c.label.fr) == label_key(r["type"]) or label_key(c.label.en) == label_key(r["type"])),
                "other")
        if "date" in r and r["date"] == r["date"]:
            row["date"] = r["date"].date()
        rows.append(row)
    return Aggregated([Aggregate("events", ("event",), tuple(rows), source=export.path.name)], len(rows))


def _spend(export: Export, plan: Plan, year: int, lang: str) -> Aggregated:
    f = export.frame
    sub = f[f["date"].dt.year == year] if "date" in f else f
    g = sub.groupby(sub["source"].fillna(say(lang, "Autres", "Other")))["amount"].sum()
    leadgen, budget = {}, []
    for name, amount in g.items():
        label, aliases = _lead_source(str(name), export, lang)
        row = leadgen.setdefault(label, {"source": label, "_aliases_source": aliases, "spend": 0.0})
        row["spend"] = _num(row["spend"] + amount)
        budget.append({"block": "leadgen", "line": label, "_aliases_line": aliases, "spend_prev": _num(amount)})
    return Aggregated([Aggregate("leadgen", ("source",), tuple(leadgen.values()), source=export.path.name),
                       Aggregate("budget", ("block", "line"), tuple(budget), source=export.path.name)], int(len(sub)))


def _kpi_actuals(export: Export, plan: Plan, year: int, lang: str) -> Aggregated:
    f = export.frame
    y, m = f["month"] // 100, f["month"] % 100
    keep = (((y == year) | (y == 0)) & m.between(1, 12)).fillna(False)
    kpi_rows = [r for r in plan.tables.get("kpis", []) if r.get("kpi")]
    by_label: dict[str, str] = {}
    for r in kpi_rows:
        by_label.setdefault(label_key(r["kpi"]), r["kpi"])
        metric = r.get("metric")
        if metric:
            choice = next((c for c in METRICS if c.key == metric), None)
            for alias in (metric,) + ((choice.label.fr, choice.label.en) if choice else ()):
                by_label.setdefault(label_key(alias), r["kpi"])
    values: dict[str, dict] = {}
    unmatched = set()
    used = 0
    for metric, month, value in zip(f["metric"][keep], m[keep], f["value"][keep]):
        if metric is None or metric != metric or value != value:
            continue
        kpi = by_label.get(label_key(metric))
        if kpi is None:
            unmatched.add(str(metric))
            continue
        values.setdefault(kpi, {"kpi": kpi})[f"m{int(month):02d}"] = _num(value)
        used += 1
    notes = []
    if unmatched:
        notes.append(say(lang, f"Métriques sans KPI dans le plan (ignorées) : {', '.join(sorted(unmatched)[:10])}.",
                         f"Metrics with no KPI in the plan (ignored): {', '.join(sorted(unmatched)[:10])}."))
    return Aggregated([Aggregate("kpis", ("kpi",), tuple(values.values()), create=False, source=export.path.name)], used, notes)


def customer_rfm(export: Export, year: int) -> tuple[list[CustomerRFM], object, int]:
    """Per-customer recency, frequency and value at the end of ``year``; also the per-customer table and rows used."""
    import pandas as pd

    f = export.frame
    ref = pd.Timestamp(year=year, month=12, day=31)
    ok = f["customer"].notna() & f["date"].notna() & f["amount"].notna() & (f["date"] <= ref + pd.Timedelta(days=1))
    sub = f.loc[ok, ["customer", "date", "amount"]]
    codes, names = pd.factorize(sub["customer"], sort=True)  # once: every group-by below is on integers
    day = sub["date"].dt.normalize().to_numpy()
    frame = pd.DataFrame({"c": codes, "date": sub["date"].to_numpy(), "day": day, "amount": sub["amount"].to_numpy()})
    g = frame.groupby("c", sort=True)
    last, first = g["date"].max(), g["date"].min()
    recent = frame["day"] > ref - pd.DateOffset(months=24)
    purchases = frame.loc[recent, ["c", "day"]].drop_duplicates().groupby("c").size()
    in_year = frame["date"].dt.year == year
    revenue_12m = frame["amount"].where(in_year, 0.0).groupby(frame["c"]).sum()
    table = pd.DataFrame({"first": first, "last": last, "purchases_24m": purchases, "revenue_12m": revenue_12m,
                          "revenue_total": g["amount"].sum()}).fillna({"purchases_24m": 0, "revenue_12m": 0.0})
    table.index = pd.Index(names.take(table.index.to_numpy()), name="customer")
    table["recency_months"] = (ref - table["last"]).dt.days / DAYS_PER_MONTH
    table["age_months"] = (ref - table["first"]).dt.days / DAYS_PER_MONTH
    customers = [CustomerRFM(str(c), float(r), float(a), int(p), float(v)) for c, r, a, p, v in zip(
        table.index.tolist(), table["recency_months"].tolist(), table["age_months"].tolist(), table["purchases_24m"].tolist(),
        table["revenue_12m"].tolist())]
    return customers, table, int(ok.sum())


def _invoices(export: Export, plan: Plan, year: int, lang: str, detail: bool) -> Aggregated:
    import pandas as pd

    rules = SegmentRules.from_scalars(plan.scalars)
    customers, table, used = customer_rfm(export, year)
    labels, summary = segment(customers, rules)
    rows = tuple({"segment": SEGMENT_LABELS[k][0 if lang == "fr" else 1], "_aliases_segment": SEGMENT_LABELS[k],
                  "count": summary.counts[k], "revenue": _num(summary.revenue[k])} for k in SEGMENT_KEYS)
    aggs = [Aggregate("customer_segments", ("segment",), rows, create=False, source=export.path.name)]
    share = summary.existing_share
    notes = [say(lang, f"{len(customers)} clients ; C.A. {year} : {summary.total_revenue:,.0f}, dont "
                       f"{'—' if share is None else f'{share:.1%}'} réalisé avec des clients existants.",
                 f"{len(customers)} customers; revenue {year}: {summary.total_revenue:,.0f}, of which "
                 f"{'—' if share is None else f'{share:.1%}'} from existing customers.")]
    f = export.frame
    if "line" in f:
        seg_of = dict(zip(table.index, labels))
        sub = f[(f["date"].dt.year == year) & f["customer"].notna() & f["amount"].notna()]
        is_new = sub["customer"].map(lambda c: seg_of.get(c) == "new")
        frame = pd.DataFrame({"line": sub["line"].fillna(say(lang, "(sans ligne)", "(no line)")), "customer": sub["customer"],
                              "amount": sub["amount"], "new": is_new})
        g = frame.groupby("line", sort=True)
        km = []
        for name, grp in g:
            km.append({"product_line": str(name), "customers": int(grp["customer"].nunique()),
                       "new_customers": int(grp.loc[grp["new"], "customer"].nunique()), "revenue": _num(grp["amount"].sum()),
                       "revenue_existing": _num(grp.loc[~grp["new"], "amount"].sum()), "revenue_new": _num(grp.loc[grp["new"], "amount"].sum())})
        aggs.append(Aggregate("key_metrics", ("product_line",), tuple(km), source=export.path.name))
    if "channel" in f:  # the revenue of the year's invoices, split by offer line and sales channel
        in_year = (f["date"].dt.year == year) & f["customer"].notna() & f["amount"].notna()
        line = f["line"].fillna(say(lang, "(sans ligne)", "(no line)")) if "line" in f else pd.Series(
            say(lang, "Toutes offres", "All offers"), index=f.index)
        aggs += _channels(export, in_year, line, f["amount"], lang, notes)
    out = None
    if detail:
        names = {k: SEGMENT_LABELS[k][0 if lang == "fr" else 1] for k in SEGMENT_KEYS}
        out = [{"customer": c, "first": first.date(), "last": last.date(), "recency_months": round(float(rec), 1),
                "purchases_24m": int(p), "revenue_12m": float(r12), "revenue_total": float(rt), "segment": names[s]}
               for c, first, last, rec, p, r12, rt, s in zip(table.index, table["first"], table["last"], table["recency_months"],
                                                             table["purchases_24m"], table["revenue_12m"], table["revenue_total"], labels)]
    return Aggregated(aggs, used, notes, out)


def _channels(export: Export, mask, line, amount, lang: str, notes: list[str]) -> list[Aggregate]:
    """Canaux rows: per offer line, the amounts of the rows in ``mask`` summed by sales channel (``sources.channels``).

    Every channel column of a line is written (0 where it sold nothing), so each line's total is the export's. Rows
    whose channel is empty or unknown are left out of Canaux and said in ``notes`` with their count and amount.
    """
    import pandas as pd

    raw = export.frame.loc[mask, "channel"]
    key_of = {u: channel_of(u, export.preset) for u in pd.unique(raw.dropna())}
    keys = raw.map(key_of)
    known = keys.notna()
    frame = pd.DataFrame({"line": line[mask][known], "channel": keys[known], "amount": amount[mask][known].fillna(0.0)})
    sums = frame.groupby(["line", "channel"], sort=True)["amount"].sum()
    rows, negative = [], []
    for name in sorted(set(frame["line"])):
        row = {"line": str(name)}
        for key in CHANNEL_KEYS:
            value = float(sums.get((name, key), 0.0))
            if value < 0:  # credit notes beyond sales: not a revenue the tab can hold
                negative.append(f"{name} × {key}")
                continue
            row[key] = _num(value)
        rows.append(row)
    skipped = raw[~known].fillna(say(lang, "(vide)", "(empty)"))
    if len(skipped):
        sub = pd.DataFrame({"value": skipped.astype(str), "amount": amount[mask][~known].fillna(0.0)})
        g = sub.groupby("value", sort=True)["amount"].agg(["size", "sum"]).sort_values("size", ascending=False)
        listed = "; ".join(f"« {v} » {int(r['size'])} {say(lang, 'lignes', 'lines')}, {_amount(r['sum'], lang)}"
                           for v, r in g.head(10).iterrows())
        more = say(lang, f" et {len(g) - 10} autres", f" and {len(g) - 10} more") if len(g) > 10 else ""
        notes.append(say(lang, f"Canaux : {len(skipped)} lignes ignorées, canal vide ou inconnu — {listed}{more}. Nommez ces canaux "
                               f"dans la section [channels] d'un fichier de correspondance (planmkg import --init-mapping).",
                         f"Channels: {len(skipped)} lines skipped, empty or unknown channel — {listed}{more}. Name these channels "
                         f"in the [channels] section of a mapping file (planmkg import --init-mapping)."))
    if negative:
        notes.append(say(lang, f"Canaux : montant négatif non écrit ({', '.join(negative[:5])}).",
                         f"Channels: negative amount not written ({', '.join(negative[:5])})."))
    return [Aggregate("channels", ("line",), tuple(rows), source=export.path.name)] if rows else []


def _amount(value: float, lang: str) -> str:
    """12 345 in French (narrow no-break spaces), 12,345 in English."""
    text = f"{value:,.0f}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def provenance(export: Export, year: int | None, used: int, targets: list[str], today: dt.date) -> Aggregate:
    """The Sources row of one imported file."""
    row = {"file": export.path.name, "kind": export.kind, "preset": export.preset.name, "year": year, "rows_read": export.rows_read,
           "rows_used": used, "rows_skipped": export.rows_read - used, "imported_on": today,
           "targets": ", ".join(TABLES[t].name for t in targets)}
    return Aggregate("sources", ("file", "kind"), (row,), owned=True, source=export.path.name)
