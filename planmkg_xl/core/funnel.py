"""The reverse funnel, defined once (PLAN_SPEC §2, first bullet; seed slides 17, 19 and 24).

revenue target → deals (÷ average deal) → opportunities (÷ win ratio) → qualified
leads (÷ qualified lead → opportunity rate) → leads (÷ qualification rate) →
lead-generation budget (× cost per qualified lead).

The coherence checks (FUN-002…FUN-006) and the deck's "Stratégie lead generation"
slide both read ``plan_funnel``: the slide and the findings can never disagree.

Every need is chained from the revenue target alone ("required (from the revenue
target)"): a step starts from the need of the step above, never from what the plan
states there, so the checks and the deck's funnel chart show one chain with one
definition (issue 8). Each need is compared with what the plan states at that step
("planned (stated)"): the objectives that measure the whole funnel (``whole_scope``)
for deals and opportunities; the Lead generation tab's targets for qualified leads,
leads and budget, else a whole-funnel objective on the same metric. The budget starts
from the qualified leads, like the leads.

Rates for year N (seed slide 17's green part, slide 24's objectives): the Commercial
tab's "used" win ratio and average deal (assumption typed, else N-1); the conversion
and the cost per qualified lead of a whole-funnel objective when there is one (seed
"+30 % conversion", "−30 % cost per qualified lead"), else the Lead generation tab's
N-1 totals; the qualification rate of N-1 (the plan has no target for it: an implied
improvement shows as a gap).

Pure: reads a ``Computed`` plan, no I/O, no formatting (the checks and the deck word
the figures in the plan's language).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..model.findings import CellRef
from ..model.metrics import is_number
from ..model.plan import is_blank_row
from ..model.schema import TABLES
from .compute import Computed

STEPS = ("deals", "opportunities", "qualified_leads", "leads", "budget")

WHOLE_RANGE = (0.5, 2.0)  # target ÷ tabs' N-1 of a baseline-less objective that measures the whole funnel
DEFAULT_TOLERANCE_OK = 0.05
DEFAULT_TOLERANCE_WARNING = 0.10
OBJECTIVE_TABLES = ("strategic_objectives", "marketing_objectives")

# The tabs' N-1 figure an objective on each metric starts from (its baseline should match).
N1_SOURCES = {
    "revenue": ("commercial", "revenue"),
    "deals": ("commercial", "deals"),
    "opportunities": ("commercial", "opportunities"),
    "customers": ("commercial", "customers"),
    "win_ratio": ("commercial", "win_ratio"),
    "new_customers": ("key_metrics", "new_customers"),
    "leads": ("leadgen", "leads"),
    "qualified_leads": ("leadgen", "qualified_leads"),
    "cost_per_qualified_lead": ("leadgen", "cost_per_qualified_lead"),
    "lead_to_opportunity": ("leadgen", "lead_to_opportunity"),
    "marketing_budget": ("leadgen", "spend"),
    "web_visits": ("web", "visits"),
    "web_leads": ("web", "web_leads"),
    "email_ctr": ("emailing", "click_rate"),
}

_INPUT_KEYS = {key: frozenset(f.key for f in table.inputs) for key, table in TABLES.items()}


def _num(value: object) -> float | None:
    return value if is_number(value) else None


@dataclass(frozen=True)
class Figure:
    """A figure the funnel uses and the cell it comes from; ``objective``: the id of the objective it is the target of."""

    value: float
    cell: CellRef
    objective: str | None = None


@dataclass(frozen=True)
class FunnelStep:
    """One step: what the step above needs at ``rate``, and what the plan states for it."""

    key: str
    required: float
    rate: Figure
    stated: Figure | None
    above: float  # the figure the step starts from: the revenue target, or the step above's need
    above_step: FunnelStep | None  # None: the revenue target
    required_cell: CellRef  # where the need itself can be read (or the rate that makes it)

    @property
    def gap(self) -> float | None:
        """Stated ÷ required − 1 (None when the plan states nothing here)."""
        return self.stated.value / self.required - 1 if self.stated and self.required else None


def reverse_funnel(revenue: Figure, deals: Figure, rates: Mapping[str, Figure | None],
                   stated: Mapping[str, Figure | None]) -> list[FunnelStep]:
    """The arithmetic of the reverse funnel, step by step.

    ``deals``: the deals the revenue target needs (the Commercial tab sums its lines,
    each at its own average deal, so ``rates["deals"]`` is revenue ÷ deals). ``rates``
    and ``stated`` are keyed by step (``STEPS``); a missing rate stops the funnel at
    that step (the budget and the leads only skip theirs); a missing stated figure
    means the plan does not state that step.
    """
    if not revenue.value or not deals.value:
        return []
    steps: list[FunnelStep] = []

    def add(key: str, above: FunnelStep | None, required_of, required_cell: CellRef) -> FunnelStep | None:
        rate = rates.get(key)
        if rate is None or not rate.value:
            return None
        start = above.required if above else revenue.value
        step = FunnelStep(key, required_of(start, rate.value), rate, stated.get(key) or None, start, above, required_cell)
        steps.append(step)
        return step

    d = add("deals", None, lambda _start, _rate: deals.value, deals.cell)
    o = add("opportunities", d, lambda start, win: start / win, CellRef("commercial", None, "required_opportunities")) if d else None
    q = add("qualified_leads", o, lambda start, l2o: start / l2o, _cell(rates.get("qualified_leads"))) if o else None
    if q:
        add("leads", q, lambda start, qual: start / qual, _cell(rates.get("leads")))
        add("budget", q, lambda start, cpql: start * cpql, _cell(rates.get("budget")))
    return steps


def _cell(figure: Figure | None) -> CellRef | None:
    return figure.cell if figure else None


# -- the plan's figures -------------------------------------------------------------------

def tolerances(scalars: Mapping[str, object]) -> tuple[float, float]:
    """(tolerance_ok, tolerance_warning) from the plan's scalars, defaults 5 % / 10 %, ordered."""
    ok, warn = _num(scalars.get("tolerance_ok")), _num(scalars.get("tolerance_warning"))
    ok = ok if ok is not None and ok >= 0 else DEFAULT_TOLERANCE_OK
    warn = warn if warn is not None and warn >= 0 else DEFAULT_TOLERANCE_WARNING
    return min(ok, warn), max(ok, warn)


def data_rows(computed: Computed, table: str) -> list[tuple[int, dict]]:
    """The data rows of ``table`` with something typed in an input, with their 0-based index."""
    keys = _INPUT_KEYS[table]
    return [(i, r) for i, r in enumerate(computed.rows.get(table, []))
            if not is_blank_row({k: v for k, v in r.items() if k in keys})]


def n1(computed: Computed, metric: str) -> float | None:
    """The tabs' N-1 figure for an objective metric (None when the tabs have none)."""
    source = N1_SOURCES.get(metric)
    return computed.total(*source) if source else None


def whole_scope(computed: Computed, metric: str) -> list[tuple[str, int, dict]]:
    """Objectives on ``metric`` that measure the whole funnel, with a target: (table, index, row).

    An objective measures the whole of what the tabs total when its baseline N-1
    matches the tabs' N-1 figure within the warning tolerance (rounded baselines such
    as 410 € for 416 € pass). "50 cross-sell opportunities" from a baseline of 18
    measures a part of the funnel and is not compared with the total. An objective with
    no baseline typed is taken as whole-funnel when its target is between half and twice
    the tabs' N-1 figure (``WHOLE_RANGE``): "2 000 qualified leads" against 2 130 in N-1
    is the whole funnel, "300 leads from the launch" against 6 000 is not. Périmètre =
    « Une partie » (``scope == "part"``) says it outright.
    """
    reference = n1(computed, metric)
    tol_warn = tolerances(computed.scalars)[1]
    out = []
    for table in OBJECTIVE_TABLES:
        for i, row in data_rows(computed, table):
            if row.get("metric") != metric:
                continue
            if row.get("scope") == "part":  # said by the user: a part of the funnel (one offer, one country)
                continue
            # The baseline typed (an override of the tabs' N-1; the one-source link fills "baseline" otherwise).
            base, target = _num(row.get("baseline_typed")), _num(row.get("target"))
            if target is None or reference is None:
                continue
            if base is None:  # no baseline typed: whole-funnel when the target is of the tabs' order of magnitude
                if reference > 0 and WHOLE_RANGE[0] <= target / reference <= WHOLE_RANGE[1]:
                    out.append((table, i, row))
            elif reference == 0 and base == 0 or reference and abs(base / reference - 1) <= tol_warn + 1e-12:
                out.append((table, i, row))
    return out


def _objective(computed: Computed, metric: str) -> Figure | None:
    for table, i, row in whole_scope(computed, metric):
        target = _num(row.get("target"))
        if target:
            return Figure(target, CellRef(table, i, "target"), str(row.get("id") or f"#{i + 1}"))
    return None


def _total(computed: Computed, table: str, field: str) -> Figure | None:
    value = computed.total(table, field)
    return Figure(value, CellRef(table, None, field)) if value else None


def plan_funnel(computed: Computed) -> list[FunnelStep]:
    """The plan's reverse funnel (see the module docstring); empty without a revenue target."""
    revenue = _total(computed, "commercial", "target_revenue")
    deals = _total(computed, "commercial", "required_deals")
    if revenue is None or deals is None:
        return []
    rates = {
        "deals": Figure(revenue.value / deals.value, CellRef("commercial", None, "eff_avg_deal")),
        "opportunities": _total(computed, "commercial", "eff_win_ratio"),
        "qualified_leads": _objective(computed, "lead_to_opportunity") or _total(computed, "leadgen", "lead_to_opportunity"),
        "leads": _total(computed, "leadgen", "qualification_rate"),
        "budget": _objective(computed, "cost_per_qualified_lead") or _total(computed, "leadgen", "cost_per_qualified_lead"),
    }
    stated = {
        "deals": _objective(computed, "deals"),
        "opportunities": _objective(computed, "opportunities"),
        "qualified_leads": _total(computed, "leadgen", "target_qualified_leads") or _objective(computed, "qualified_leads"),
        "leads": _total(computed, "leadgen", "target_leads") or _objective(computed, "leads"),
        "budget": _total(computed, "leadgen", "budget") or _objective(computed, "marketing_budget"),
    }
    return reverse_funnel(revenue, deals, rates, stated)
