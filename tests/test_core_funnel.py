"""core.funnel: the reverse funnel's arithmetic, defined once for the checks and the deck (PLAN_SPEC §2)."""
from __future__ import annotations

import pytest

from planmkg_xl.core.funnel import STEPS, Figure, reverse_funnel
from planmkg_xl.model.findings import CellRef


def fig(value, field="x", table="leadgen"):
    return Figure(value, CellRef(table, None, field))


RATES = {"deals": fig(10_000.0), "opportunities": fig(0.4), "qualified_leads": fig(0.25), "leads": fig(0.5), "budget": fig(200.0)}


def test_every_step_follows_the_definition():
    steps = reverse_funnel(fig(1_000_000.0), fig(100.0), RATES, {})
    assert [s.key for s in steps] == list(STEPS)
    req = {s.key: s.required for s in steps}
    assert req == pytest.approx({"deals": 100, "opportunities": 250, "qualified_leads": 1_000, "leads": 2_000, "budget": 200_000})
    assert steps[0].above == 1_000_000 and steps[0].above_step is None
    assert steps[-1].above_step.key == "qualified_leads"  # the budget starts from the qualified leads, like the leads


def test_every_need_is_chained_from_the_revenue_target_whatever_the_plan_states():
    """Issue 8: "required (from the revenue target)" at every step; a stated figure never restarts the chain."""
    stated = {"opportunities": fig(300.0), "qualified_leads": fig(1_500.0)}
    steps = {s.key: s for s in reverse_funnel(fig(1_000_000.0), fig(100.0), RATES, stated)}
    assert steps["opportunities"].required == pytest.approx(250) and steps["opportunities"].gap == pytest.approx(300 / 250 - 1)
    assert steps["qualified_leads"].required == pytest.approx(1_000) and steps["qualified_leads"].above == pytest.approx(250)
    assert steps["qualified_leads"].gap == pytest.approx(0.5)
    assert steps["leads"].required == pytest.approx(2_000) and steps["budget"].required == pytest.approx(200_000)
    assert steps["leads"].gap is None  # not stated


def test_a_missing_rate_stops_the_funnel_or_skips_its_step():
    assert reverse_funnel(fig(0.0), fig(100.0), RATES, {}) == []
    no_win = reverse_funnel(fig(1_000_000.0), fig(100.0), {**RATES, "opportunities": None}, {})
    assert [s.key for s in no_win] == ["deals"]
    no_qual = reverse_funnel(fig(1_000_000.0), fig(100.0), {**RATES, "leads": None}, {})
    assert [s.key for s in no_qual] == ["deals", "opportunities", "qualified_leads", "budget"]
