"""Typed export columns -> the plan's table rows, one function per kind of export.

Each function sums a year of the export into ``core.imports.Aggregate`` rows (pandas
group-bys: a million rows in well under a second) and says how many rows it used.
The year is N-1 of the plan for last year's figures, N for KPI actuals.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from ..core import numbers
from ..core.imports import Aggregate, label_key
from ..core.segments import (DAYS_PER_MONTH, OTHER_SEGMENT, SEGMENT_KEYS, CustomerRFM, SegmentRules, SegmentSummary,
                             in_star_pool, segment_tests, star_rank)
from ..errors import SourceError
from ..messages import say
from ..model.kpi_tabs import ALL_OFFERS, EVENT_TYPES, LEAD_SOURCES, MONTHS_EN, MONTHS_FR, NO_LINE, OTHER_SOURCE
from ..model.plan import Plan
from ..model.plan_tabs import METRICS
from ..model.schema import TABLES
from .channels import CHANNEL_KEYS, channel_of
from .presets import normalise, preset
from .read import Export

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
        raise SourceError(say("src.no_year", lang, name=export.path.name))
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
    raise SourceError(say("src.duplicates", lang, name=export.path.name, n=int(dup.sum()), headers=headers, lines=lines,
                          examples=examples))


def _check_currency(export: Export, plan: Plan, lang: str) -> None:
    if "currency" not in export.frame:
        return
    import pandas as pd

    raw = export.frame["currency"]
    code = {u: str(u).upper().strip() for u in pd.unique(raw) if u is not None and u == u}  # a few distinct codes: one hash pass
    found = sorted(set(code.values()) - {""})
    plan_currency = str(plan.scalars.get("currency") or "EUR").upper()
    if len(found) > 1:
        col = raw.dropna().map(code)  # only to name the first line of each currency
        firsts = ", ".join(say("src.currency_at", lang, code=c, line=export.where(col[col == c].index[0])) for c in found[:5])
        raise SourceError(say("src.currencies", lang, name=export.path.name, column=export.matched["currency"], found=firsts,
                              currency=plan_currency))
    if found and found[0] != plan_currency:
        raise SourceError(say("src.currency", lang, name=export.path.name, found=found[0], currency=plan_currency))


# ---------------------------------------------------------------- helpers

def _values(export: Export, key: str) -> frozenset[str]:
    """Values meaning ``key`` (won, lost, qualified, opportunity): the preset's, plus the generic FR/EN ones."""
    generic = preset(f"generic-{export.kind}") if export.kind in ("deals", "leads") else None
    return export.preset.values.get(key, frozenset()) | (generic.values.get(key, frozenset()) if generic else frozenset())


def _all_distinct(col) -> bool:
    """No value twice (blanks aside). Ids written in order (invoice numbers, record ids) are proved distinct by one
    comparison of each value with the next; otherwise one hash pass (Arrow's, for text)."""
    strings = _arrow_strings(col)
    if strings is None:
        return col.nunique(dropna=True) == col.count()
    import pyarrow.compute as pc

    values = pc.drop_null(strings)
    if len(values) < 2:
        return True
    head, tail = values.slice(0, len(values) - 1), values.slice(1)
    if pc.all(pc.less(head, tail)).as_py() or pc.all(pc.greater(head, tail)).as_py():
        return True  # strictly monotonic: no value can repeat
    return len(pc.unique(values)) == len(values)


def _arrow_strings(col):
    """The Arrow array behind a text column (pandas' Arrow-backed strings), or None for other columns."""
    import pyarrow as pa

    array = getattr(col, "array", None)
    if getattr(getattr(col, "dtype", None), "storage", None) != "pyarrow":
        return None
    try:
        data = pa.chunked_array(array._pa_array) if hasattr(array, "_pa_array") else pa.chunked_array([pa.array(array)])
    except (pa.ArrowException, TypeError, ValueError):
        return None
    return data if pa.types.is_string(data.type) or pa.types.is_large_string(data.type) else None


def _codes(col, sort: bool = True):
    """(integer code per row, -1 for blanks; the distinct values), hashing the column once.

    Text goes through Arrow's dictionary encoding; codes follow the sorted values (the order of
    pandas' ``factorize(sort=True)``, which other columns still use).
    """
    import numpy as np
    import pandas as pd

    strings = _arrow_strings(col)
    if strings is None:
        codes, uniques = pd.factorize(col, sort=sort, use_na_sentinel=True)
        return codes.astype(np.int64, copy=False), pd.Index(uniques)
    import pyarrow as pa
    import pyarrow.compute as pc

    # one array first: encoding chunk by chunk builds one hash table per chunk (3-4 times slower on a million rows)
    encoded = pc.dictionary_encode(strings.combine_chunks())
    dictionary = encoded.dictionary
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    codes = np.where(np.isnan(codes), -1, codes).astype(np.int64) if codes.dtype.kind == "f" else codes.astype(np.int64)
    values = dictionary
    if sort and len(dictionary):
        order = pc.sort_indices(dictionary).to_numpy()
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        codes = np.where(codes >= 0, rank[np.maximum(codes, 0)], -1)
        values = dictionary.take(pa.array(order))
    return codes, pd.Index(values.to_pylist(), dtype="str")


def _is_in(col, values: frozenset[str]):
    """Mask of the rows whose normalised text is one of ``values`` (normalised once per distinct value, rows hashed once)."""
    import numpy as np
    import pandas as pd

    codes, uniques = _codes(col, sort=False)
    hit = np.array([normalise(u) in values for u in uniques] + [False], dtype=bool)  # last: blank (code -1)
    return pd.Series(hit[codes], index=col.index)


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


# ---------------------------------------------------------------- kinds

def _year_mask(col, year: int):
    """Rows whose date falls in ``year`` (two comparisons of integers; blanks are not in any year)."""
    import pandas as pd

    stamp = col.to_numpy(dtype="datetime64[ns]").view("int64")
    return (stamp >= pd.Timestamp(year=year, month=1, day=1).value) & (stamp < pd.Timestamp(year=year + 1, month=1, day=1).value)


def _deals(export: Export, plan: Plan, year: int, lang: str) -> Aggregated:
    import numpy as np
    import pandas as pd

    f = export.frame
    won = np.zeros(len(f), dtype=bool)
    for col in ("stage", "status"):
        if col in f:
            won |= _is_in(f[col], _values(export, "won")).to_numpy()
    won_y, won_prev = won & _year_mask(f["close_date"], year), won & _year_mask(f["close_date"], year - 1)
    opened = _year_mask(f["created"] if "created" in f else f["close_date"], year)
    blank_line = NO_LINE(lang)
    if "line" in f:
        codes, names = _codes(f["line"], sort=False)
        names = [str(n) for n in names]
        if blank_line not in names:
            names.append(blank_line)
        codes = np.where(codes >= 0, codes, names.index(blank_line))
    else:
        codes, names = np.zeros(len(f), dtype=np.int64), [ALL_OFFERS(lang)]
    amount = f["amount"].to_numpy(dtype="float64", na_value=np.nan)
    known = ~np.isnan(amount)
    n = len(names)
    columns = {"opportunities": np.bincount(codes, weights=opened, minlength=n).astype(np.int64),
               "deals": np.bincount(codes, weights=won_y, minlength=n).astype(np.int64),
               "revenue": np.bincount(codes, weights=np.where(won_y & known, amount, 0.0), minlength=n),
               "revenue_prev": np.bincount(codes, weights=np.where(won_prev & known, amount, 0.0), minlength=n)}
    keep = (columns["opportunities"] != 0) | (columns["deals"] != 0) | (columns["revenue"] != 0) | (columns["revenue_prev"] != 0)
    if "customer" in f:  # distinct customers won per line: distinct (line, customer) pairs, hashing only the deals won
        who, _ = _codes(f["customer"][won_y], sort=False)
        line_of = codes[won_y][who >= 0]
        who = who[who >= 0]
        width = int(who.max(initial=0)) + 1
        pairs = pd.unique(line_of * width + who)
        columns["customers"] = np.bincount(pairs // width, minlength=n).astype(np.int64)
    if not _year_mask(f["close_date"], year - 1).any():
        del columns["revenue_prev"]  # the export does not reach N-2: unknown, not zero
    order = sorted((i for i in range(n) if keep[i]), key=lambda i: names[i])
    rows = tuple({"line": names[i], **{k: _num(v[i]) for k, v in columns.items()}} for i in order)
    used = opened | won_y | won_prev
    notes = [say("src.deals_note", lang, won=int(won_y.sum()), year=year, opened=int(opened.sum()))]
    if not won.any():
        notes.append(say("src.no_won", lang))
    aggs = [Aggregate("commercial", ("line",), rows, source=export.path.name)]
    if "channel" in f:  # the same revenue N-1 (won in the year), split by sales channel
        line = f["line"].fillna(blank_line) if "line" in f else pd.Series(ALL_OFFERS(lang), index=f.index)
        aggs += _channels(export, pd.Series(won_y, index=f.index), line, f["amount"], lang, notes)
    return Aggregated(aggs, int(used.sum()), notes)


def _leads(export: Export, plan: Plan, year: int, lang: str) -> Aggregated:
    import pandas as pd

    f = export.frame
    in_year = f["created"].dt.year == year
    sub = f[in_year]
    frame = pd.DataFrame({"source": sub["source"].fillna(OTHER_SOURCE(lang)), "n": 1}, index=sub.index)
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
    notes = []
    if "users" in sub and sub["m"].duplicated().any():
        # a user seen on two days (or through two channels) is one user: daily counts do not add up to a month's
        notes.append(say("src.users_not_additive", lang))
    elif "users" in sub:
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
    values = {int(mm): {k: _num(round(v)) if v == v else None for k, v in r.items()} for mm, r in g.iterrows()}  # blank: not written
    return Aggregated([Aggregate("web", ("month",), _month_rows(values, lang, "web", "month"), create=False,
                                 source=export.path.name)], int(len(sub)), notes)


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
    g = sub.groupby(sub["source"].fillna(OTHER_SOURCE(lang)))["amount"].sum()
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
        notes.append(say("src.unmatched_metrics", lang, metrics=", ".join(sorted(unmatched)[:10])))
    return Aggregated([Aggregate("kpis", ("kpi",), tuple(values.values()), create=False, source=export.path.name)], used, notes)


@dataclass
class CustomerTable:
    """Recency, frequency and value per customer (numpy arrays, one entry per customer, customers sorted)."""

    names: object  # pandas Index of the customer codes as written
    code_of_row: object  # per export row: the customer's position here, -1 for a row not used
    first: object  # datetime64[ns]
    last: object
    purchases_24m: object
    revenue_12m: object
    revenue_total: object
    recency_months: object
    age_months: object

    def __len__(self) -> int:
        return len(self.names)

    def customers(self) -> list[CustomerRFM]:
        return [CustomerRFM(str(c), float(r), float(a), int(p), float(v)) for c, r, a, p, v in zip(
            self.names, self.recency_months.tolist(), self.age_months.tolist(), self.purchases_24m.tolist(), self.revenue_12m.tolist())]


_NS_PER_DAY = 86_400 * 10**9


def customer_rfm(export: Export, year: int) -> tuple[CustomerTable, int]:
    """Per-customer recency, frequency and value at the end of ``year``; also the rows used.

    Customer codes are hashed once; every figure is then a scatter over integer codes (no group-by
    on text, no Python loop over rows or customers).
    """
    import numpy as np
    import pandas as pd

    f = export.frame
    ref = pd.Timestamp(year=year, month=12, day=31)
    codes, names = _codes(f["customer"])
    date = f["date"].to_numpy(dtype="datetime64[ns]")
    stamp = date.view(np.int64)
    amount = f["amount"].to_numpy(dtype="float64", na_value=np.nan)
    ok = (codes >= 0) & ~np.isnat(date) & ~np.isnan(amount) & (stamp <= (ref + pd.Timedelta(days=1)).value)
    c, stamp, amount = codes[ok], stamp[ok], amount[ok]
    n = len(names)
    seen = np.bincount(c, minlength=n) > 0
    last = np.full(n, np.iinfo(np.int64).min)
    np.maximum.at(last, c, stamp)
    first = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(first, c, stamp)
    day = stamp // _NS_PER_DAY
    recent = day * _NS_PER_DAY > (ref - pd.DateOffset(months=24)).value
    if recent.any():  # distinct (customer, day) pairs over the last 24 months
        span = int(day.max() - day.min()) + 1
        pairs = pd.unique(c[recent] * span + (day[recent] - day.min()))
        purchases = np.bincount(pairs // span, minlength=n)
    else:
        purchases = np.zeros(n, dtype=np.int64)
    in_year = (stamp >= pd.Timestamp(year=year, month=1, day=1).value) & (stamp < pd.Timestamp(year=year + 1, month=1, day=1).value)
    revenue_12m = np.bincount(c, weights=np.where(in_year, amount, 0.0), minlength=n)
    revenue_total = np.bincount(c, weights=amount, minlength=n)
    position = np.cumsum(seen) - 1  # customers with no row used are left out, as a group-by would
    code_of_row = np.full(len(codes), -1, dtype=np.int64)
    code_of_row[ok] = position[c]
    last, first = last[seen], first[seen]
    table = CustomerTable(names[seen], code_of_row, first.view("datetime64[ns]"), last.view("datetime64[ns]"), purchases[seen].astype(np.int64),
                          revenue_12m[seen], revenue_total[seen], ((ref.value - last) // _NS_PER_DAY) / DAYS_PER_MONTH,
                          ((ref.value - first) // _NS_PER_DAY) / DAYS_PER_MONTH)
    return table, int(ok.sum())


def segment_table(table: CustomerTable, rules: SegmentRules):
    """Each customer's segment (index into SEGMENT_KEYS) and the summary: ``core.segments``' rules on whole arrays."""
    import numpy as np

    pool = np.sort(table.revenue_12m[in_star_pool(table.recency_months, table.age_months, rules)])[::-1]
    k = star_rank(len(pool), rules)
    threshold = math.inf if not len(pool) or k <= 0 else max(float(pool[min(k, len(pool)) - 1]), 1e-9)
    tests = segment_tests(table.recency_months, table.age_months, table.purchases_24m, table.revenue_12m, rules, threshold)
    labels = np.select([np.asarray(hit, dtype=bool) for _, hit in tests], [SEGMENT_KEYS.index(key) for key, _ in tests],
                       default=SEGMENT_KEYS.index(OTHER_SEGMENT)) if len(table) else np.zeros(0, dtype=np.int64)
    counts = np.bincount(labels, minlength=len(SEGMENT_KEYS))
    revenue = np.bincount(labels, weights=table.revenue_12m, minlength=len(SEGMENT_KEYS))
    by_count = {k: int(counts[i]) for i, k in enumerate(SEGMENT_KEYS)}
    by_revenue = {k: float(revenue[i]) for i, k in enumerate(SEGMENT_KEYS)}
    total = sum(by_revenue.values())
    return labels, SegmentSummary(by_count, by_revenue, total - by_revenue["new"], total)


def _invoices(export: Export, plan: Plan, year: int, lang: str, detail: bool) -> Aggregated:
    import numpy as np
    import pandas as pd

    rules = SegmentRules.from_scalars(plan.scalars)
    table, used = customer_rfm(export, year)
    labels, summary = segment_table(table, rules)
    rows = tuple({"segment": SEGMENT_LABELS[k][0 if lang == "fr" else 1], "_aliases_segment": SEGMENT_LABELS[k],
                  "count": summary.counts[k], "revenue": _num(summary.revenue[k])} for k in SEGMENT_KEYS)
    aggs = [Aggregate("customer_segments", ("segment",), rows, create=False, source=export.path.name)]
    share = summary.existing_share
    notes = [say("src.invoices_note", lang, n=len(table), year=year, revenue=numbers.count(summary.total_revenue, lang),
                 share="—" if share is None else numbers.percent(share, lang))]
    f = export.frame
    if "line" in f:
        new_customer = np.append(labels == SEGMENT_KEYS.index("new"), False)  # position -1 (row not used): not new
        sub = ((f["date"].dt.year == year) & f["customer"].notna() & f["amount"].notna()).to_numpy()
        who = table.code_of_row[sub]
        is_new = new_customer[who]
        frame = pd.DataFrame({"line": f["line"][sub].fillna(NO_LINE(lang)).to_numpy(), "c": who,
                              "amount": f["amount"][sub].to_numpy(), "new": is_new})
        g = frame.groupby("line", sort=True)
        new_rows = frame[frame["new"]].groupby("line")
        old_rows = frame[~frame["new"]].groupby("line")
        per_line = pd.DataFrame({"customers": g["c"].nunique(), "new_customers": new_rows["c"].nunique(), "revenue": g["amount"].sum(),
                                 "revenue_existing": old_rows["amount"].sum(), "revenue_new": new_rows["amount"].sum()})
        per_line = per_line.fillna({"new_customers": 0, "revenue_existing": 0.0, "revenue_new": 0.0})
        km = [{"product_line": str(name), "customers": int(r["customers"]), "new_customers": int(r["new_customers"]),
               "revenue": _num(r["revenue"]), "revenue_existing": _num(r["revenue_existing"]), "revenue_new": _num(r["revenue_new"])}
              for name, r in per_line.iterrows()]
        aggs.append(Aggregate("key_metrics", ("product_line",), tuple(km), source=export.path.name))
    if "channel" in f:  # the revenue of the year's invoices, split by offer line and sales channel
        in_year = (f["date"].dt.year == year) & f["customer"].notna() & f["amount"].notna()
        line = f["line"].fillna(NO_LINE(lang)) if "line" in f else pd.Series(ALL_OFFERS(lang), index=f.index)
        aggs += _channels(export, in_year, line, f["amount"], lang, notes)
    out = None
    if detail:
        names = {k: SEGMENT_LABELS[k][0 if lang == "fr" else 1] for k in SEGMENT_KEYS}
        firsts, lasts = pd.DatetimeIndex(table.first), pd.DatetimeIndex(table.last)
        out = [{"customer": str(c), "first": first.date(), "last": last.date(), "recency_months": round(float(rec), 1),
                "purchases_24m": int(p), "revenue_12m": round(float(r12), 2), "revenue_total": round(float(rt), 2),
                "segment": names[SEGMENT_KEYS[s]]}
               for c, first, last, rec, p, r12, rt, s in zip(table.names, firsts, lasts, table.recency_months.tolist(),
                                                             table.purchases_24m.tolist(), table.revenue_12m.tolist(),
                                                             table.revenue_total.tolist(), labels.tolist())]
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
    skipped = raw[~known].fillna(say("src.empty_value", lang))
    if len(skipped):
        sub = pd.DataFrame({"value": skipped.astype(str), "amount": amount[mask][~known].fillna(0.0)})
        g = sub.groupby("value", sort=True)["amount"].agg(["size", "sum"]).sort_values("size", ascending=False)
        listed = "; ".join(say("src.channel_item", lang, value=v, n=int(r["size"]), amount=numbers.count(r["sum"], lang))
                           for v, r in g.head(10).iterrows())
        more = " " + say("src.and_more", lang, n=len(g) - 10) if len(g) > 10 else ""
        notes.append(say("src.channels_skipped", lang, n=len(skipped), listed=listed + more))
    if negative:
        notes.append(say("src.channels_negative", lang, cells=", ".join(negative[:5])))
    return [Aggregate("channels", ("line",), tuple(rows), source=export.path.name)] if rows else []


def provenance(export: Export, year: int | None, used: int, targets: list[str], today: dt.date) -> Aggregate:
    """The Sources row of one imported file."""
    row = {"file": export.path.name, "kind": export.kind, "preset": export.preset.name, "year": year, "rows_read": export.rows_read,
           "rows_used": used, "rows_skipped": export.rows_read - used, "imported_on": today,
           "targets": ", ".join(TABLES[t].name for t in targets)}
    return Aggregate("sources", ("file", "kind"), (row,), owned=True, source=export.path.name)
