"""Customer segmentation (seed slide 38): known answers on hand-made invoice sets, and properties."""
from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings, strategies as st

from planmkg_xl.core.segments import SEGMENT_KEYS, CustomerRFM, SegmentRules, classify, segment, star_threshold

import exports as ex

RULES = SegmentRules()


def rfm(name, recency, age, purchases, revenue):
    return CustomerRFM(name, recency, age, purchases, revenue)


def test_each_rule_on_a_known_customer():
    customers = [
        rfm("lost", 30, 60, 1, 0),          # nothing for 30 months
        rfm("dormant", 15, 40, 2, 0),       # nothing for 15 months
        rfm("new", 2, 5, 1, 1000),          # first purchase 5 months ago
        rfm("star", 1, 48, 6, 90000),       # frequent and the biggest
        rfm("loyal", 1, 48, 4, 1000),       # frequent, smaller
        rfm("irregular", 3, 36, 1, 500),    # active but one purchase day in 24 months
        rfm("loyal2", 2, 30, 3, 2000),
    ]
    labels, summary = segment(customers, RULES)
    assert labels == ["lost", "dormant", "new", "stars", "loyal", "irregular", "loyal"]
    assert summary.counts == {"new": 1, "stars": 1, "loyal": 2, "irregular": 1, "dormant": 1, "lost": 1}
    assert summary.existing_revenue == 90000 + 1000 + 500 + 2000


def test_star_threshold_is_the_top_share_of_active_existing_customers():
    pool = [rfm(str(i), 1, 24, 5, 100 * i) for i in range(1, 11)]  # revenues 100…1000
    assert star_threshold(pool, RULES) == 900  # top 20 % of 10 = 2 customers: 1000 and 900
    assert star_threshold(pool, SegmentRules(star_share=0)) == math.inf


def test_rules_come_from_paramètres():
    rules = SegmentRules.from_scalars({"seg_active_months": 6, "seg_lost_months": 18, "seg_loyal_purchases": 2, "seg_star_share": None})
    assert (rules.active_months, rules.lost_months, rules.loyal_purchases, rules.star_share) == (6, 18, 2, 0.2)
    assert classify(rfm("x", 8, 30, 2, 10), rules, 1e9) == "dormant"


customers_st = st.lists(st.builds(CustomerRFM, st.text(min_size=1, max_size=5), st.floats(0, 80), st.floats(0, 120),
                                  st.integers(0, 30), st.floats(0, 1e6)), max_size=60)


@settings(max_examples=60, deadline=None)
@given(customers_st, st.floats(0, 1))
def test_every_customer_in_exactly_one_segment_and_totals_preserved(customers, share):
    rules = SegmentRules(star_share=share)
    labels, summary = segment(customers, rules)
    assert len(labels) == len(customers) and set(labels) <= set(SEGMENT_KEYS)
    assert sum(summary.counts.values()) == len(customers)
    assert math.isclose(sum(summary.revenue.values()), sum(c.revenue_12m for c in customers), rel_tol=1e-9, abs_tol=1e-6)
    for c, label in zip(customers, labels):  # the one segment is the one the rules describe
        if c.recency_months > rules.lost_months:
            assert label == "lost"
        elif c.recency_months > rules.active_months:
            assert label == "dormant"
        elif c.age_months <= rules.new_months:
            assert label == "new"
        else:
            assert label in (("stars", "loyal") if c.purchases_24m >= rules.loyal_purchases else ("irregular",))


def _oracle(rows, year):
    """Per-customer recency/frequency/value and segment, in plain Python (no pandas)."""
    ref = dt.date(year, 12, 31)
    by = {}
    for _, cust, day, amount in rows:
        d = dt.date.fromisoformat(day)
        if d > ref:
            continue
        by.setdefault(cust, []).append((d, amount))
    customers = []
    for cust, items in sorted(by.items()):
        days = [d for d, _ in items]
        since = dt.date(year - 2, 12, 31)
        customers.append(CustomerRFM(cust, (ref - max(days)).days / (365.25 / 12), (ref - min(days)).days / (365.25 / 12),
                                     len({d for d in days if d > since}), sum(a for d, a in items if d.year == year)))
    return segment(customers, RULES)


def test_invoice_import_matches_a_plain_python_oracle(tmp_path):
    from planmkg_xl import app

    rows = ex.invoices()
    src = ex.write_csv(tmp_path / "factures.csv", ["N° de facture", "Client", "Date facture", "Montant HT"],
                       [[i, c, d, str(a).replace(".", ",")] for i, c, d, a in rows], delimiter=";")
    plan = tmp_path / "Plan.xlsm"
    app.new_workbook(plan, lang="fr")
    report = app.import_files(plan, [src], year=ex.YEAR, detail=True, today=dt.date(2026, 1, 5))
    _, expected = _oracle(rows, ex.YEAR)
    segs = {r["segment"]: r for r in app.load(plan).plan.tables["customer_segments"]}
    names = dict(zip(SEGMENT_KEYS, ("Nouveaux", "Stars", "Fidèles", "Irréguliers", "Dormants", "Perdus")))
    for key, label in names.items():
        assert segs[label].get("count", 0) == expected.counts[key], key
        assert math.isclose(segs[label].get("revenue", 0), round(expected.revenue[key], 2), abs_tol=0.02), key
    assert sum(expected.counts.values()) == len({c for _, c, _, _ in rows})
    detail = app.load(plan).pkg.parts
    assert any(b"Clients RFM" in v for k, v in detail.items() if k == "xl/workbook.xml")
    assert report.preview.detail and len(report.preview.detail) == sum(expected.counts.values())
