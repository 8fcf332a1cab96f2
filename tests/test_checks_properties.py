"""Property tests (issue 4): a plan built backwards passes; ±20 % on one input fires the related rules only."""
from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from plans import Funnel, coherent_plan, fired, scale, scale_scalar
from strategies import NUMERIC_TABLES, plans

FUNNEL_RULES = {"FUN-001", "FUN-002", "FUN-003", "FUN-004", "FUN-005", "FUN-006", "FUN-007", "FUN-008", "FUN-009"}

line = st.tuples(st.integers(20, 400), st.floats(0.2, 0.7), st.floats(5_000, 150_000)).map(
    lambda t: (t[0], max(1, round(t[0] * t[1])), round(t[2], 2)))
# cost per qualified lead within a factor 1.8 of any other source's: no unit-cost outlier (UCO-001) in a coherent plan
source = st.tuples(st.integers(100, 800), st.floats(0.15, 0.6), st.floats(250, 450), st.floats(0.3, 1.2)).map(
    lambda t: (t[0], max(1, round(t[0] * t[1])), round(t[0] * t[1] * t[2], 2), max(1, round(t[0] * t[1] * t[3]))))
def programme_share(f: Funnel) -> float:
    """Programmes / revenue target of ``coherent_plan(f)``: realistic plans stay well under 25 %."""
    ql = sum(s[1] for s in f.sources)
    l2o, cpql = sum(s[3] for s in f.sources) / ql, sum(s[2] for s in f.sources) / ql
    need = sum(o * (1 + f.growth_of(i)) for i, (o, _, _) in enumerate(f.lines)) / l2o
    budget = need * cpql * ((1 + f.cpql_change) if f.objectives else 1)
    target = sum(d * (1 + f.growth_of(i)) * a for i, (_, d, a) in enumerate(f.lines))
    return budget * 5 / 3 / target


funnels = st.builds(Funnel, lines=st.lists(line, min_size=1, max_size=6).map(tuple), growth=st.floats(-0.2, 0.6),
                    sources=st.lists(source, min_size=1, max_size=8).map(tuple), cpql_change=st.floats(-0.4, 0.2),
                    objectives=st.booleans()).filter(lambda f: programme_share(f) < 0.15)

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@SETTINGS
@given(funnels, st.sampled_from(["fr", "en"]))
def test_plan_built_backwards_passes_every_rule(f, lang):
    assert fired(coherent_plan(f, lang)) == set()


@SETTINGS
@given(funnels, st.lists(st.floats(-0.3, 1.0), min_size=1, max_size=6))
def test_any_line_targets_built_backwards_pass_the_funnel(f, growths):
    """Lines growing at different rates: the total funnel holds; only FUN-008 may remark on the mix."""
    f = Funnel(f.lines, f.growth, f.sources, f.cpql_change, f.objectives, line_growths=tuple(growths))
    assume(programme_share(f) < 0.15)
    plan = coherent_plan(f)
    assert fired(plan) <= {"FUN-008"}


# input perturbed -> the rules that must fire (and no other); a dict when it depends on the factor (0.8, 1.2)
FUNNEL_FROM_REVENUE = {"FUN-001", "FUN-002", "FUN-003", "FUN-004", "FUN-005", "FUN-006"}  # every need is chained from revenue
PERTURBATIONS = {
    "leadgen.target_leads": (lambda p, k: scale(p, "leadgen", "target_leads", k), {"FUN-005", "FUN-007", "SAN-008"}),
    "leadgen.target_qualified_leads": (lambda p, k: scale(p, "leadgen", "target_qualified_leads", k), {"FUN-004", "FUN-007"}),
    "leadgen.budget": (lambda p, k: scale(p, "leadgen", "budget", k), {"FUN-006", "BUD-003"}),
    "commercial.target_revenue": (lambda p, k: scale(p, "commercial", "target_revenue", k), FUNNEL_FROM_REVENUE),
    "channels": (lambda p, k: scale(p, "channels", "direct_key_accounts", k), {"SAN-005"}),
    "key_metrics.revenue_existing": (lambda p, k: scale(p, "key_metrics", "revenue_existing", k), {"SAN-006"}),
    "customer_segments.count": (lambda p, k: scale(p, "customer_segments", "count", k), {"SAN-007"}),
    "channel_plan.expected_leads": (lambda p, k: scale(p, "channel_plan", "expected_leads", k), {"SAN-008"}),
    "envelope": (lambda p, k: scale_scalar(p, "envelope", k), {0.8: {"ENV-001"}, 1.2: {"BUD-002"}}),
    "budget lines": (lambda p, k: scale(p, "budget", "budget", k),
                     {0.8: {"BUD-002", "BUD-003", "BEN-001"}, 1.2: {"ENV-001", "BUD-003", "BEN-001"}}),
    "company_revenue": (lambda p, k: scale_scalar(p, "company_revenue", k), {"FUN-001", "BEN-001"}),
    "objective cost per qualified lead": (lambda p, k: scale(p, "marketing_objectives", "target", k, rows=[2]), {"FUN-006", "OBJ-001"}),
    "objective marketing budget": (lambda p, k: scale(p, "marketing_objectives", "target", k, rows=[3]), {"OBJ-001"}),
    "objective leads": (lambda p, k: scale(p, "marketing_objectives", "target", k, rows=[0]), {"FUN-007"}),
    "kpi target": (lambda p, k: scale(p, "kpis", "target", k), {"XTB-002"}),
    "web traffic objective": (lambda p, k: scale(p, "marketing_objectives", "target", k, rows=[6]), {"CAP-001"}),
    "emailing leads target": (lambda p, k: scale_scalar(p, "target_email_leads", k), {"CAP-002"}),
    "event attendees": (lambda p, k: scale_scalar(p, "target_event_attendees", k), {"CAP-003"}),
}


@SETTINGS
@given(funnels.filter(lambda f: f.objectives), st.sampled_from(sorted(PERTURBATIONS)), st.sampled_from([0.8, 1.2]))
def test_perturbing_one_input_fires_the_related_rules_only(f, which, factor):
    perturb, expected = PERTURBATIONS[which]
    assert fired(perturb(coherent_plan(f), factor)) == (expected[factor] if isinstance(expected, dict) else expected)


PARTIAL_TABLES = NUMERIC_TABLES + ("strategic_objectives", "marketing_objectives", "leadgen_targets", "lead_tactics",
                                   "customer_tactics", "benchmarks", "mix")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(tables=PARTIAL_TABLES, max_rows=4))
def test_random_partially_filled_plans_never_crash_a_rule(plan):
    """Held-out plans may be half filled: blanks, zeros, odd mixes. No rule may raise (INT-001) on them, and each
    reports only the severities `planmkg rules` lists for it."""
    from planmkg_xl.checks import run_checks
    from planmkg_xl.checks.registry import RULES_BY_ID
    from planmkg_xl.core.compute import compute

    found = run_checks(compute(plan))
    assert [f.message for f in found if f.rule_id == "INT-001"] == []
    assert [(f.rule_id, f.severity) for f in found if f.severity not in RULES_BY_ID[f.rule_id].levels] == []
