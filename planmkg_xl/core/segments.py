"""Customer segments from purchase history: recency, frequency, monetary value (seed slide 38).

The seed names six kinds of customer — Nouveaux, Stars, Fidèles, Irréguliers,
Dormants, Perdus — and asks for their count and share of the base. Each customer falls
in exactly one, tested in this order (thresholds editable in Paramètres):

1. Perdus (lost): no purchase for more than ``lost_months`` (24) months;
2. Dormants: no purchase for more than ``active_months`` (12) months;
3. Nouveaux (new): first purchase less than ``new_months`` (12) months ago;
4. Stars: at least ``loyal_purchases`` (3) purchase days over 24 months *and* among the
   ``star_share`` (20 %) of active, non-new customers with the highest 12-month revenue;
5. Fidèles (loyal): at least ``loyal_purchases`` purchase days over 24 months;
6. Irréguliers: the other active customers (bought in the last 12 months, but rarely).

Recency first, then frequency, then monetary value: the order of Hughes' RFM scoring
(A. M. Hughes, *Strategic Database Marketing*, 1994), where recency is the strongest
predictor of the next purchase; the 20 % top-value cut follows the Pareto concentration
RFM studies find in customer bases (Fader, Hardie & Lee, "RFM and CLV: Using Iso-Value
Curves for Customer Base Analysis", *Journal of Marketing Research*, 2005). Pure: no
file, no pandas; the import computes the per-customer figures and calls ``classify``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

SEGMENT_KEYS = ("new", "stars", "loyal", "irregular", "dormant", "lost")  # the order of the strategy table's rows
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class SegmentRules:
    active_months: float = 12
    lost_months: float = 24
    new_months: float = 12
    loyal_purchases: int = 3
    star_share: float = 0.2

    @classmethod
    def from_scalars(cls, scalars: dict) -> SegmentRules:
        """The rules typed in Paramètres; a blank threshold keeps its default."""
        d = cls()

        def get(key: str, default):
            v = scalars.get(key)
            return default if v is None else v

        return cls(get("seg_active_months", d.active_months), get("seg_lost_months", d.lost_months),
                   get("seg_new_months", d.new_months), int(get("seg_loyal_purchases", d.loyal_purchases)),
                   get("seg_star_share", d.star_share))


@dataclass(frozen=True)
class CustomerRFM:
    """One customer seen at the reference date (end of year N-1)."""

    customer: str
    recency_months: float  # since the last purchase
    age_months: float  # since the first purchase
    purchases_24m: int  # distinct purchase days over the last 24 months
    revenue_12m: float  # revenue over the last 12 months (year N-1)


def in_star_pool(recency, age, rules: SegmentRules):
    """Whether a customer competes for the Stars: active and not new (numbers, or numpy arrays alike)."""
    return (recency <= rules.active_months) & (age > rules.new_months)


def star_rank(pool_size: int, rules: SegmentRules) -> int:
    """How many of the pool are Stars at most: the top ``star_share``, rounded up."""
    return math.ceil(rules.star_share * pool_size - 1e-9)


def star_threshold(customers: list[CustomerRFM], rules: SegmentRules) -> float:
    """The 12-month revenue a customer needs to be a Star: the top ``star_share`` of active, non-new customers."""
    pool = sorted((c.revenue_12m for c in customers if in_star_pool(c.recency_months, c.age_months, rules)), reverse=True)
    k = star_rank(len(pool), rules)
    if not pool or k <= 0:
        return math.inf
    return max(pool[min(k, len(pool)) - 1], 1e-9)  # a share typed over 100 % makes every one of them a Star


OTHER_SEGMENT = "irregular"


def segment_tests(recency, age, purchases, revenue, rules: SegmentRules, threshold: float) -> tuple[tuple[str, object], ...]:
    """The segment tests in their order, as (segment, test); the first true one wins, else ``OTHER_SEGMENT``.

    Written with operators only, so the same rules classify one customer (numbers) or all of them
    at once (numpy arrays, in the import): the rules exist once.
    """
    frequent = purchases >= rules.loyal_purchases
    return (("lost", recency > rules.lost_months), ("dormant", recency > rules.active_months), ("new", age <= rules.new_months),
            ("stars", frequent & (revenue >= threshold)), ("loyal", frequent))


def classify(c: CustomerRFM, rules: SegmentRules, threshold: float) -> str:
    """The one segment of a customer (see the module docstring for the order of the tests)."""
    tests = segment_tests(c.recency_months, c.age_months, c.purchases_24m, c.revenue_12m, rules, threshold)
    return next((key for key, hit in tests if hit), OTHER_SEGMENT)


@dataclass
class SegmentSummary:
    counts: dict[str, int]
    revenue: dict[str, float]  # revenue of year N-1 by segment
    existing_revenue: float  # year N-1 revenue from customers who had bought before (all but Nouveaux)
    total_revenue: float

    @property
    def existing_share(self) -> float | None:
        return self.existing_revenue / self.total_revenue if self.total_revenue else None


def segment(customers: list[CustomerRFM], rules: SegmentRules) -> tuple[list[str], SegmentSummary]:
    """Each customer's segment, and the counts and revenue by segment."""
    threshold = star_threshold(customers, rules)
    labels = [classify(c, rules, threshold) for c in customers]
    counts = dict.fromkeys(SEGMENT_KEYS, 0)
    revenue = dict.fromkeys(SEGMENT_KEYS, 0.0)
    for c, s in zip(customers, labels):
        counts[s] += 1
        revenue[s] += c.revenue_12m
    total = sum(revenue.values())
    return labels, SegmentSummary(counts, revenue, total - revenue["new"], total)
