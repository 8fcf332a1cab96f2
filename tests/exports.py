"""Synthetic exports for the import tests, and what they should give, computed in plain Python.

Headers are taken from each preset file exactly as it documents them (the first name
listed for each field), so a test fails when a preset and its documentation part ways.
The expected aggregates never use the import's code: loops and dicts only.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PRESETS = Path(__file__).resolve().parents[1] / "planmkg_xl" / "sources" / "presets"
YEAR = 2025
LINES = ("Logiciel Alpha", "Capteurs Beta", "Services Gamma")


def preset_file(preset_id: str) -> dict:
    return tomllib.loads((PRESETS / f"{preset_id}.toml").read_text(encoding="utf-8"))


def header(preset_id: str, fieldname: str) -> str:
    """The first header a preset lists for a field: what its documentation says the export holds (an amount already
    converted to the company's currency, listed first to win when present, is the multi-currency variant)."""
    data = preset_file(preset_id)
    cols = data["columns"][fieldname]
    cols = [cols] if isinstance(cols, str) else [c for c in cols if c not in data.get("converted", ())]
    return cols[0]


def write_csv(path: Path, headers: list[str], rows: list[list], delimiter: str = ",", encoding: str = "utf-8",
              preamble: str = "") -> Path:
    with open(path, "w", newline="", encoding=encoding) as fh:
        fh.write(preamble)
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(headers)
        w.writerows(rows)
    return path


def _date(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def deals(preset_id: str, n: int = 60, seed: int = 1):
    """Rows of a deals export and the expected Commercial figures per offer line."""
    rng = random.Random(seed)
    p = preset_file(preset_id)
    won_value, lost_value = p["values"]["won"][0], p["values"]["lost"][0]
    status_field = "status" if preset_id == "pipedrive-deals" else "stage"
    fields = ["id", "name", status_field, "amount", "close_date", "created", "line", "customer"]
    rows, expected = [], {}
    for i in range(n):
        year = rng.choice((YEAR - 1, YEAR, YEAR))
        created = _date(rng, year)
        close = created + dt.timedelta(days=rng.randrange(120))
        outcome = rng.choice((won_value, won_value, lost_value, "Open" if preset_id != "pipedrive-deals" else "open"))
        amount = rng.randrange(100, 50000) + rng.choice((0, 0.5))
        line, customer = rng.choice(LINES), f"Client {rng.randrange(15)}"
        rows.append([str(1000 + i), f"Deal {i}", outcome, amount, close.isoformat(), created.isoformat(), line, customer])
        e = expected.setdefault(line, {"opportunities": 0, "deals": 0, "revenue": 0.0, "revenue_prev": 0.0, "customers": set()})
        if created.year == YEAR:
            e["opportunities"] += 1
        if outcome == won_value and close.year == YEAR:
            e["deals"] += 1
            e["revenue"] += amount
            e["customers"].add(customer)
        if outcome == won_value and close.year == YEAR - 1:
            e["revenue_prev"] += amount
    for e in expected.values():
        e["customers"] = len(e["customers"])
    return [header(preset_id, f) for f in fields], rows, expected


def leads(preset_id: str, n: int = 80, seed: int = 2):
    """Rows of a leads export and the expected Lead generation figures per plan source label (French)."""
    rng = random.Random(seed)
    p = preset_file(preset_id)
    sources = list(p.get("sources", {}).items()) or [("SEO", "seo"), ("Salons", "Salons")]
    plan_label = {"seo": "SEO", "sem": "SEM", "newsletter": "Newsletter", "social media": "Médias sociaux", "other web": "Autres web",
                  "other": "Autres", "web forms": "Formulaires web", "inbound calls": "Appels entrants", "telemarketing": "Télémarketing",
                  "events": "Événements"}
    qualified, opportunity = p["values"]["qualified"], p["values"]["opportunity"]
    statuses = sorted(set(qualified) | {"Open - Not Contacted", "Subscriber", "Lead"})
    rows, expected = [], {}
    for i in range(n):
        created = _date(rng, rng.choice((YEAR, YEAR, YEAR - 1)))
        value, key = rng.choice(sources)
        status = rng.choice(statuses)
        rows.append([str(i), value, created.isoformat(), status])
        if created.year != YEAR:
            continue
        e = expected.setdefault(plan_label.get(key, key), {"leads": 0, "qualified_leads": 0, "opportunities": 0})
        e["leads"] += 1
        e["qualified_leads"] += status in qualified
        e["opportunities"] += status in opportunity
    return [header(preset_id, f) for f in ("id", "source", "created", "status")], rows, expected


def ga4(seed: int = 3):
    """A GA4 monthly report CSV (with its '#' preamble) and the expected Web figures per month number."""
    rng = random.Random(seed)
    fields = ["month", "users", "new_users", "sessions", "views", "engaged_sessions", "conversions"]
    rows, expected = [], {}
    for m in range(1, 13):
        users = rng.randrange(1000, 5000)
        sessions = users + rng.randrange(500, 3000)
        engaged = sessions - rng.randrange(100, 400)
        r = [f"{m:02d}", users, users // 2, sessions, sessions * 3, engaged, rng.randrange(10, 90)]
        rows.append(r)
        expected[m] = {"unique_visitors": users, "new_visits": users // 2, "visits": sessions, "page_views": sessions * 3,
                       "bounced_visits": sessions - engaged, "web_leads": r[-1]}
    preamble = (f"# ----------------------------------------\n# Pages and screens: Month\n# Account: Demo\n# Property: Demo\n"
                f"# ----------------------------------------\n#\n# Start date: {YEAR}0101\n# End date: {YEAR}1231\n")
    return [header("ga4-report", f) for f in fields], rows, expected, preamble


def campaigns(preset_id: str, n: int = 14, seed: int = 4):
    """An emailing campaign report and the expected Emailing row per campaign."""
    rng = random.Random(seed)
    p = preset_file(preset_id)
    cols = p["columns"]
    fields = [f for f in ("campaign", "date", "sent", "delivered", "hard_bounces", "soft_bounces", "opens", "clicks", "unsubscribes")
              if f in cols]
    rows, expected = [], {}
    for i in range(n):
        sent = rng.randrange(500, 5000)
        hard, soft = rng.randrange(0, 30), rng.randrange(0, 30)
        opens = rng.randrange(50, 1500)
        values = {"campaign": f"Newsletter {i:02d}", "date": dt.date(YEAR, 1 + i % 12, 10).isoformat(), "sent": sent,
                  "delivered": sent - hard - soft, "hard_bounces": hard, "soft_bounces": soft, "opens": opens,
                  "clicks": rng.randrange(5, 200), "unsubscribes": rng.randrange(0, 20)}
        rows.append([values[f] for f in fields])
        expected[values["campaign"]] = {"sent": sent, "bounces": hard + soft, "unique_opens": opens, "unique_clicks": values["clicks"],
                                        "unsubscribes": values["unsubscribes"]}
    return [header(preset_id, f) for f in fields], rows, expected


def invoices(n_customers: int = 40, seed: int = 5):
    """An invoice list: (customer, date, amount, invoice id) rows."""
    rng = random.Random(seed)
    rows = []
    k = 0
    for c in range(n_customers):
        first_year = rng.choice((YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR))
        for _ in range(rng.randrange(1, 9)):
            d = _date(rng, rng.randrange(first_year, YEAR + 1))
            rows.append([f"F{k:05d}", f"C{c:03d}", d.isoformat(), round(rng.uniform(100, 20000), 2)])
            k += 1
    return rows
