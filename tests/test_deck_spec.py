"""deck_spec: slide list, tables and chart series equal to the computed plan, empty sections, findings, purity."""
from __future__ import annotations

import subprocess
import sys

import pytest

from planmkg_xl.core.compute import compute
from planmkg_xl.deck.blocks import ChartBlock, TableBlock, TextBlock
from planmkg_xl.deck.fmt import Formatter
from planmkg_xl.deck.spec import MAX_FINDINGS, deck_spec
from planmkg_xl.model.findings import Finding, Severity
from planmkg_xl.model.plan import Plan

from deck_helpers import FakeFinding, computed_demo

TITLES_FR = [
    "Plan marketing 2026", "Sommaire", "Performances commerciales N-1 et objectifs N", "Performances canaux : C.A. N-1 par canal de vente",
    "Lead generation N-1 par source et objectifs N", "Leads et coût au lead qualifié par source (N-1)",
    "Web, emailing et SEO / SEM (12 derniers mois)", "Métriques clés : acquisition, fidélité et valeur client", "Analyse SWOT",
    "Synthèse des objectifs", "Initiatives stratégiques : matrice d'Ansoff", "Stratégie clients", "Stratégie lead generation",
    "Stratégie de marque", "Stratégie de contenus : parcours d'achat", "Budget marketing N-1 et N", "Indicateurs de performance (KPI)",
    "Résumé 1 page", "Contrôles de cohérence du plan",
]


@pytest.fixture(scope="module")
def computed():
    return computed_demo()


@pytest.fixture(scope="module")
def deck(computed):
    return {s.key: s for s in deck_spec(computed, [])}


def block(deck, slide, name):
    return deck[slide].block(name)


def test_slide_titles_in_order(computed):
    assert [s.title for s in deck_spec(computed, [])] == TITLES_FR


def test_ten_executive_summary_slides(computed):
    assert sum(1 for s in deck_spec(computed, []) if s.kind == "executive") == 10


def test_english_titles_and_numbers():
    specs = deck_spec(computed_demo("en"), [], "en")
    assert specs[0].title == "Marketing plan 2026"
    leadgen = next(s for s in specs if s.key == "leadgen").block("leadgen")
    assert leadgen.rows[-1][4] == "€402,000"


def test_shape_names_are_unique_and_follow_the_convention(computed):
    names = [b.name for s in deck_spec(computed, []) for b in s.blocks]
    assert len(names) == len(set(names))
    assert all(n.split(":")[0] == "pmk" and n.split(":")[1] in ("table", "chart", "text", "empty") for n in names)


def test_leadgen_table_cells_equal_the_computed_values(deck, computed):
    f = Formatter("fr")
    table = block(deck, "leadgen", "leadgen")
    rows = computed.rows["leadgen"]
    for row, cells in zip(rows, table.rows):
        assert cells[0] == row["source"]
        assert cells[1] == f.count(row["leads"])
        assert cells[5] == f.money(row["cost_per_qualified_lead"])
    total = computed.totals["leadgen"]
    assert table.rows[-1][:6] == ["Total", f.count(total["leads"]), f.count(total["qualified_leads"]), f.pct(total["qualification_rate"]),
                                  f.money(total["spend"]), f.money(total["cost_per_qualified_lead"])]
    assert table.rows[-1][5] == "189\xa0€"


def test_commercial_total_matches_seed_arithmetic(deck, computed):
    table = block(deck, "commercial", "commercial")
    assert table.rows[0][:3] == ["Produit 1", "45", "20"] and table.rows[0][3] == "44,4\xa0%"
    assert table.rows[0][5] == "152\u202f000\xa0€"
    assert table.rows[-1][0] == "Total" and table.total


def test_charts_series_equal_the_computed_values(deck, computed):
    rows = computed.rows["leadgen"]
    leads = block(deck, "leadgen_charts", "leads_by_source")
    assert leads.categories == [r["source"] for r in rows]
    assert leads.series[0].values == [r["leads"] for r in rows]
    assert leads.series[1].values == [r["qualified_leads"] for r in rows]
    cpl = block(deck, "leadgen_charts", "cpl_by_source")
    assert cpl.series[0].values == [r["cost_per_qualified_lead"] for r in rows]
    visits = block(deck, "web", "web_visits")
    assert visits.series[0].values == [r["visits"] for r in computed.rows["web"]]
    mix = block(deck, "channels", "channel_mix")
    assert sum(mix.series[0].values) == computed.totals["channels"]["total"]
    budget = block(deck, "budget", "budget")
    s = computed.scalars
    assert budget.series[0].values == [s["total_customers_prev"], s["total_leadgen_prev"], s["total_resources_prev"], s["salaries_prev"]]
    assert budget.series[1].values == [s["total_customers"], s["total_leadgen"], s["total_resources"], s["salaries"]]
    funnel = block(deck, "leadgen_strategy", "funnel")
    t = computed.totals
    assert funnel.series[0].values[2:] == [round(t["commercial"]["required_opportunities"]), round(t["commercial"]["required_deals"])]
    assert funnel.series[1].values[:2] == [t["leadgen"]["target_leads"], t["leadgen"]["target_qualified_leads"]]


def test_funnel_slide_and_the_findings_are_the_same_funnel(deck, computed):
    """One reverse funnel (core.funnel): the chart's needs and the budget message are the checks' FUN-002…006 figures."""
    from planmkg_xl.checks._common import Ctx as CheckCtx
    from planmkg_xl.checks.funnel import reverse_funnel

    steps = {s.key: s for s in reverse_funnel(CheckCtx(computed))}
    funnel = block(deck, "leadgen_strategy", "funnel")
    assert funnel.series[0].values == [round(steps[k].required) for k in ("leads", "qualified_leads", "opportunities", "deals")]
    # issue 8: one chain from the revenue target at every step — 1 894 qualified leads at M3's 53 % conversion, and the leads
    # they need at the N-1 qualification rate (2 130 / 6 000), not the planned 2 750 qualified leads ÷ that rate (7 746)
    assert funnel.series[0].values == [5336, 1894, 1004, 415]
    assert funnel.series[1].values == [7800, 2750, None, None]  # planned (stated): the Lead generation tab's targets
    assert [s.name for s in funnel.series] == ["Nécessaire (depuis l'objectif de C.A.)", "Prévu (indiqué dans le plan)"]
    f = Formatter("fr")
    msg = block(deck, "leadgen_strategy", "funnel_message").paragraphs[0].text
    assert f.amount_text(steps["budget"].required) in msg and f.amount_text(steps["budget"].stated) in msg and "objectif M1" in msg
    assert f.amount_text(251_957) in msg and f.count(1894) in msg


def test_budget_scorecard_is_the_seed_example(deck):
    table = block(deck, "budget", "scorecard")
    by_label = {r[0]: r[1:] for r in table.rows}
    assert by_label["Total programmes (1+2+3)"][:2] == ["712\xa0k€", "745\xa0k€"]
    assert by_label["Total coûts marketing"][:2] == ["948\xa0k€", "990\xa0k€"]
    assert by_label["Coûts marketing / C.A."][:2] == ["4,5\xa0%", "4,1\xa0%"]


def test_swot_and_pitch_come_from_the_plan(deck, computed):
    strengths = block(deck, "swot", "swot_strength")
    assert [p.text for p in strengths.paragraphs] == [r["item"] for r in computed.rows["swot"] if r["quadrant"] == "strength"]
    assert block(deck, "pitch", "pitch_resources").paragraphs[0].text == computed.scalars["pitch_resources"]
    assert (0, 1) in block(deck, "ansoff", "ansoff").highlight  # market penetration chosen


def test_an_empty_plan_says_so_instead_of_empty_tables():
    specs = deck_spec(compute(Plan()), [])
    assert len(specs) == len(TITLES_FR)
    for s in specs[2:-1]:
        assert s.blocks, s.key
        for b in s.blocks:
            if isinstance(b, TableBlock):
                assert b.rows and any(any(c not in ("", "–") for c in r[1:]) for r in b.rows), (s.key, b.name)
            if isinstance(b, ChartBlock):
                pytest.fail(f"{s.key}: chart {b.name} on an empty plan")
    empties = [b for s in specs for b in s.blocks if isinstance(b, TextBlock) and b.kind == "empty"]
    assert len(empties) >= 12
    assert all(len(b.paragraphs) == 1 for b in empties)


def test_findings_slide_lists_errors_first():
    findings = [FakeFinding("BEN-001", "info", "Repère"), FakeFinding("FUN-004", "error", "Entonnoir"),
                Finding("OBJ-002", Severity.WARNING, "Objectif orphelin")]
    spec = deck_spec(computed_demo(), findings)[-1]
    table = spec.block("findings")
    assert [r[1] for r in table.rows] == ["FUN-004", "OBJ-002", "BEN-001"]
    assert table.rows[0][0] == "Erreur" and (0, 0) in table.highlight


def test_findings_slide_caps_the_list_and_handles_none():
    many = [FakeFinding(f"X-{i}", "warning", "m") for i in range(MAX_FINDINGS + 5)]
    spec = deck_spec(computed_demo(), many)[-1]
    assert len(spec.block("findings").rows) == MAX_FINDINGS
    assert "5 autres" in spec.block("findings_summary").paragraphs[0].text
    none = deck_spec(computed_demo(), None)[-1]
    assert none.blocks[0].kind == "empty"
    clean = deck_spec(computed_demo(), [])[-1]
    assert "Aucune incohérence" in clean.blocks[0].paragraphs[0].text


def test_spec_and_fit_are_pure():
    code = ("import sys, planmkg_xl.deck.spec, planmkg_xl.deck.fit; "
            "bad = [m for m in ('pptx', 'openpyxl', 'xlwings', 'PIL') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
