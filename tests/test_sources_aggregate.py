"""Aggregating exports on whole columns: the array version of the segment rules agrees with ``core.segments``
customer by customer, and invoices with offer lines match sums computed here in plain Python."""
from __future__ import annotations

import datetime as dt
import math
import random

import numpy as np
from hypothesis import given, settings, strategies as st

from planmkg_xl.core.segments import SEGMENT_KEYS, CustomerRFM, SegmentRules, segment
from planmkg_xl.model.plan import Plan
from planmkg_xl.model.schema import default_scalars
from planmkg_xl.sources.aggregate import CustomerTable, aggregate, segment_table
from planmkg_xl.sources.read import read_export

import exports as ex

customer = st.tuples(st.floats(-0.1, 80), st.floats(0, 120), st.integers(0, 30),
                     st.one_of(st.floats(0, 1e6), st.sampled_from([0.0, 100.0, 500.0])))


@settings(max_examples=60, deadline=None)
@given(st.lists(customer, max_size=40), st.floats(0, 1), st.integers(1, 5), st.sampled_from([6, 12, 18]))
def test_array_segments_are_the_core_rules(rows, share, loyal, active):
    rules = SegmentRules(active_months=active, lost_months=active * 2, loyal_purchases=loyal, star_share=share)
    rec = np.array([r[0] for r in rows], dtype=float)
    age = np.array([max(r[0], r[1]) for r in rows], dtype=float)
    table = CustomerTable(np.array([f"c{i}" for i in range(len(rows))], dtype=object), np.zeros(0, dtype=np.int64),
                          None, None, np.array([r[2] for r in rows], dtype=np.int64), np.array([r[3] for r in rows], dtype=float),
                          None, rec, age)
    labels, summary = segment_table(table, rules)
    customers = [CustomerRFM(f"c{i}", float(rec[i]), float(age[i]), int(rows[i][2]), float(rows[i][3])) for i in range(len(rows))]
    want_labels, want = segment(customers, rules)
    assert [SEGMENT_KEYS[i] for i in labels] == want_labels
    assert summary.counts == want.counts
    for k in SEGMENT_KEYS:
        assert math.isclose(summary.revenue[k], want.revenue[k], rel_tol=1e-12, abs_tol=1e-6)


def test_invoices_with_offer_lines_match_plain_python(tmp_path):
    rng = random.Random(5)
    year = ex.YEAR
    rows = []
    for i in range(400):
        day = dt.date(year - 3, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365 + 30))  # some after the year: not used
        cust = rng.choice([f"C{rng.randrange(40):03d}", "", "007"])
        line = rng.choice(["Logiciel", "Services", ""])
        amount = rng.choice([f"{rng.randrange(10, 9000)},{rng.randrange(100):02d}", ""])
        rows.append([f"F{i:05d}", cust, day.strftime("%d/%m/%Y"), amount, line])
    src = ex.write_csv(tmp_path / "factures.csv", ["N° de facture", "Client", "Date facture", "Montant HT", "Ligne d'offre"], rows,
                       delimiter=";", encoding="utf-8-sig")
    export = read_export(src, kind="invoices")
    result = aggregate(export, Plan("fr", default_scalars()), year, "fr", detail=True)
    # the oracle: plain Python over the rows as written
    ref = dt.date(year, 12, 31)
    used = [(c, dt.datetime.strptime(d, "%d/%m/%Y").date(), float(a.replace(",", ".")), line)
            for _, c, d, a, line in rows if c and a and dt.datetime.strptime(d, "%d/%m/%Y").date() <= ref]
    by: dict[str, list] = {}
    for c, d, a, _ in used:
        by.setdefault(c, []).append((d, a))
    customers = [CustomerRFM(c, (ref - max(d for d, _ in v)).days / (365.25 / 12), (ref - min(d for d, _ in v)).days / (365.25 / 12),
                             len({d for d, _ in v if d > dt.date(year - 2, 12, 31)}), sum(a for d, a in v if d.year == year))
                 for c, v in sorted(by.items())]
    labels, summary = segment(customers, SegmentRules())
    assert result.rows_used == len(used)
    segs = {r["_aliases_segment"][1]: r for r in result.aggregates[0].rows}
    for key, (fr, en) in zip(SEGMENT_KEYS, (("Nouveaux", "New"), ("Stars", "Stars"), ("Fidèles", "Loyal"), ("Irréguliers", "Irregular"),
                                            ("Dormants", "Dormant"), ("Perdus", "Lost"))):
        row = next(r for r in result.aggregates[0].rows if r["_aliases_segment"][0] == fr)
        assert row["count"] == summary.counts[key]
        assert math.isclose(row["revenue"], round(summary.revenue[key], 2), abs_tol=0.011)
    assert segs  # the table is there
    new = {c.customer for c, s in zip(customers, labels) if s == "new"}
    km = {r["product_line"]: r for r in result.aggregates[1].rows}
    for line in ("Logiciel", "Services", "(sans ligne)"):
        inv = [(c, a) for c, d, a, l in used if (l or "(sans ligne)") == line and d.year == year]
        assert km[line]["customers"] == len({c for c, _ in inv})
        assert km[line]["new_customers"] == len({c for c, _ in inv if c in new})
        assert math.isclose(km[line]["revenue"], sum(a for _, a in inv), abs_tol=0.011)
        assert math.isclose(km[line]["revenue_new"], sum(a for c, a in inv if c in new), abs_tol=0.011)
        assert math.isclose(km[line]["revenue_existing"], sum(a for c, a in inv if c not in new), abs_tol=0.011)
    assert [d["customer"] for d in result.detail] == [c.customer for c in customers]  # codes as written (007), sorted
    assert [d["purchases_24m"] for d in result.detail] == [c.purchases_24m for c in customers]


def test_users_of_a_daily_export_are_not_added_up_into_months(tmp_path):
    """GA4 exported by day: sessions and views add up to a month, users do not (one user, many days)."""
    days = [dt.date(2025, 1, 1) + dt.timedelta(days=i) for i in range(59)]  # January and February
    rng = random.Random(3)
    rows = [[d.strftime("%Y%m%d"), rng.randrange(50, 99), rng.randrange(100, 200), rng.randrange(300, 500)] for d in days]
    daily = read_export(ex.write_csv(tmp_path / "daily.csv", ["Date", "Active users", "Sessions", "Views"], rows))
    result = aggregate(daily, Plan("fr", default_scalars()), 2025, "fr")
    (web,) = [a for a in result.aggregates if a.table == "web"]
    by_month = {r["month"]: r for r in web.rows}
    assert by_month["Janvier"]["visits"] == sum(r[2] for r in rows[:31])
    assert by_month["Février"]["page_views"] == sum(r[3] for r in rows[31:])
    assert all("unique_visitors" not in r for r in web.rows)
    assert any("Visiteurs uniques" in n for n in result.notes)

    monthly = read_export(ex.write_csv(tmp_path / "monthly.csv", ["Month", "Active users", "Sessions"], [["01", 812, 2400], ["02", 790, 2210]]))
    result = aggregate(monthly, Plan("fr", default_scalars()), 2025, "fr")
    (web,) = [a for a in result.aggregates if a.table == "web"]
    assert [r["unique_visitors"] for r in web.rows] == [812, 790] and not result.notes
