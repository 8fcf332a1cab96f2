"""deck_spec: slide list, tables and chart series equal to the computed plan, empty sections, findings, purity."""
from __future__ import annotations

import re
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

EXECUTIVE = ["swot", "objectives", "ansoff", "customers", "leadgen_strategy", "brand", "content", "budget", "kpis", "pitch"]
APPENDIX = ["commercial", "channels", "leadgen", "leadgen_charts", "web", "key_metrics"]
GENERATED_LABELS = ("header", "title", "series")  # where "N-1" must have become a year


@pytest.fixture(scope="module")
def computed():
    return computed_demo()


@pytest.fixture(scope="module")
def deck(computed):
    return {s.key: s for s in deck_spec(computed, [])}


def block(deck, slide, name):
    return deck[slide].block(name)


def test_the_seed_structure_title_executive_summary_then_appendix(computed):
    assert [s.key for s in deck_spec(computed, [])] == ["title"] + EXECUTIVE + APPENDIX
    assert [s.key for s in deck_spec(computed, [], appendix=False)] == ["title"] + EXECUTIVE
    assert [s.key for s in deck_spec(computed, [], with_checks=True)] == ["title"] + EXECUTIVE + APPENDIX + ["findings"]
    assert [s.key for s in deck_spec(computed, [], appendix=False, with_checks=True)][-1] == "findings"


def test_topic_in_the_section_label_conclusion_in_the_title(computed):
    specs = {s.key: s for s in deck_spec(computed, [])}
    assert specs["customers"].section == "Executive Summary · 4/10 · Stratégie clients"
    gap = Formatter("fr").amount_text(_leadgen_gap(computed.plan))  # the reverse funnel's last step (core.funnel, FUN-006)
    assert specs["leadgen_strategy"].title == f"Le budget lead generation dépasse de {gap} ce qu'exige l'objectif de C.A."
    assert specs["objectives"].title.startswith("Une croissance de 13,6\xa0% en 2026 portée d'abord par Produit 2")
    for key in EXECUTIVE:
        assert specs[key].title and len(specs[key].title) <= 100, key
        assert specs[key].title not in specs[key].section, key  # a conclusion, not the topic again


def test_english_titles_and_numbers():
    specs = deck_spec(computed_demo("en"), [], "en")
    assert specs[0].title == "Marketing plan 2026"
    leadgen = next(s for s in specs if s.key == "leadgen").block("leadgen")
    assert leadgen.rows[-1][4] == "402" and leadgen.header[4] == "Spend 2025 (€k)"
    by_key = {s.key: s for s in specs}
    gap = Formatter("en").amount_text(_leadgen_gap(computed_demo("en").plan))
    assert by_key["leadgen_strategy"].title == f"The lead generation budget exceeds what the revenue target requires by {gap}"
    assert by_key["budget"].title.startswith("A €990k marketing budget in 2026 (+4.4%)")


def test_shape_names_are_unique_and_follow_the_convention(computed):
    names = [b.name for s in deck_spec(computed, []) for b in s.blocks]
    assert len(names) == len(set(names))
    assert all(n.split(":")[0] == "pmk" and n.split(":")[1] in ("table", "chart", "text", "empty") for n in names)


def _leadgen_gap(plan) -> float:
    from planmkg_xl.core.funnel import plan_funnel

    budget = next(s for s in plan_funnel(compute(plan)) if s.key == "budget")
    return budget.stated.value - budget.required


def test_a_title_follows_the_plans_numbers():
    """Change the plan, the conclusion changes: the gap is the reverse funnel's (FUN-006), in the deck's scale."""
    from planmkg_xl.demo import demo_plan

    plan = demo_plan()
    title = lambda p: next(s for s in deck_spec(compute(p), []) if s.key == "leadgen_strategy").title  # noqa: E731
    f = Formatter("fr")
    assert f.amount_text(_leadgen_gap(plan)) in title(plan)
    for row in plan.tables["leadgen"]:
        row["budget"] = (row.get("budget") or 0) * 0.5
    gap = _leadgen_gap(plan)
    assert gap < 0 and title(plan) == f"Il manque {f.amount_text(-gap)} au budget lead generation pour atteindre l'objectif de C.A."
    plan.tables["commercial"][1]["target_revenue"] *= 2  # Produit 2 doubles: the growth and its lead line change
    objectives = next(s for s in deck_spec(compute(plan), []) if s.key == "objectives").title
    growth = compute(plan).totals["commercial"]["target_growth"]
    assert f.pct(growth) in objectives and "Produit 2" in objectives
    for row in plan.tables["commercial"]:  # a planned decline is said as one
        row["target_revenue"] = row["revenue"] * 0.9
    objectives = next(s for s in deck_spec(compute(plan), []) if s.key == "objectives").title
    assert objectives == f"Un C.A. 2026 visé en baisse de {f.pct(-compute(plan).totals['commercial']['target_growth'])}"


def test_a_title_typed_in_the_workbook_wins():
    from planmkg_xl.demo import demo_plan

    plan = demo_plan()
    plan.tables["deck_titles"] = [{"slide": "Budget marketing", "title": "Un budget tenu"},
                                  {"slide": "Customer strategy", "title": "Fidéliser d'abord"},
                                  {"slide": "Analyse SWOT", "title": ""}]
    specs = {s.key: s for s in deck_spec(compute(plan), [])}
    assert specs["budget"].title == "Un budget tenu" and specs["customers"].title == "Fidéliser d'abord"
    assert specs["swot"].title == next(s for s in deck_spec(computed_demo(), []) if s.key == "swot").title


def _amount_texts(specs) -> list[str]:
    out = []
    for s in specs:
        out += [s.title, s.source]
        for b in s.blocks:
            if isinstance(b, TableBlock):
                out += b.header + [c for r in b.rows for c in r]
            elif isinstance(b, TextBlock):
                out += [p.text for p in b.paragraphs]
            elif isinstance(b, ChartBlock):
                out += [b.title, b.number_format]
    return out


def test_one_money_scale_per_deck():
    from planmkg_xl.demo import demo_plan

    texts = " ".join(_amount_texts(deck_spec(computed_demo(), [])))
    assert "k€" in texts and "M€" not in texts
    big = demo_plan()  # a group a thousand times larger: every amount in M€
    for table in ("commercial", "channels", "leadgen", "budget", "key_metrics"):
        for row in big.tables[table]:
            for k, v in row.items():
                if isinstance(v, (int, float)) and k in ("revenue", "target_revenue", "spend", "budget", "spend_prev", "direct_key_accounts",
                                                         "direct_smb", "inside_sales", "online", "distributors", "integrators",
                                                         "agencies", "isv", "other_indirect"):
                    row[k] = v * 1000
    for k in ("salaries", "salaries_prev", "company_revenue", "company_revenue_prev", "envelope"):
        if isinstance(big.scalars.get(k), (int, float)):
            big.scalars[k] *= 1000
    specs = {s.key: s for s in deck_spec(compute(big), [])}
    texts = " ".join(_amount_texts(specs.values()))
    assert "M€" in texts and "k€" not in texts
    assert specs["budget"].block("budget_lines").header[1] == "2025 (M€)"
    assert "M€" in specs["budget"].title


def test_real_years_instead_of_n_minus_1(computed):
    specs = deck_spec(computed, [], with_checks=True)
    for s in specs:
        labels = [s.title, s.section, s.source]
        for b in s.blocks:
            if isinstance(b, TableBlock):
                labels += b.header
            elif isinstance(b, ChartBlock):
                labels += [b.title] + [x.name for x in b.series]
        assert not [t for t in labels if re.search(r"\bN-[12]\b|\bN\b", t)], (s.key, labels)
    yearless = compute(Plan(scalars={"company": "X"}))
    commercial = next(s for s in deck_spec(yearless, []) if s.key == "commercial")
    assert "N\u20111" in commercial.title  # no year known: N-1 that cannot split at the hyphen


def test_bars_sorted_by_value_and_the_title_bar_highlighted(deck):
    for slide, chart in (("channels", "channel_mix"), ("leadgen_charts", "leads_by_source"), ("leadgen_charts", "cpl_by_source")):
        values = block(deck, slide, chart).series[0].values
        assert values == sorted(values, reverse=True), chart
    cpl = block(deck, "leadgen_charts", "cpl_by_source")
    assert cpl.highlight == [0] and cpl.categories[0] in deck["leadgen_charts"].title


def test_kpis_at_plan_time_show_last_year_to_target_without_status(deck, computed):
    table = block(deck, "kpis", "kpis")
    assert table.header == ["KPI", "2025", "", "Cible 2026", "Évolution"]
    assert not any("retard" in c or "temps" in c for r in table.rows for c in r)
    rows = [r for r in computed.rows["kpis"] if r.get("kpi")]
    new_customers = table.rows[[r["kpi"] for r in rows].index("Nouveaux clients")]
    assert new_customers[1:4] == ["90", "→", "110"]


def test_the_seed_grids(deck, computed):
    customers = block(deck, "customers", "customer_grid")
    assert customers.header[1:] == ["Nouveaux", "Stars", "Fidèles", "Irréguliers", "Dormants", "Perdus"]
    f = Formatter("fr")
    new = computed.rows["customer_segments"][0]
    assert customers.rows[0][1] == f"{f.count(new['count'])} / {f.pct(new['share'])}"
    assert customers.merges and all(c1 == 6 for _, _, c1 in customers.merges)
    from planmkg_xl.demo import demo_plan

    plan = demo_plan()  # revenue per category, as the invoice import fills it: one more row, in the deck's scale
    for row, revenue in zip(plan.tables["customer_segments"], (900_000, 5_000_000, 12_000_000, 2_000_000, 300_000, 0)):
        row["revenue"] = revenue
    grid = next(s for s in deck_spec(compute(plan), []) if s.key == "customers").block("customer_grid")
    assert grid.rows[1][0] == "C.A. 2025 (k€) / % du C.A." and grid.rows[1][3] == f"12\u202f000 / {f.pct(12_000_000 / 20_200_000)}"
    grid = block(deck, "leadgen_strategy", "leadgen_grid")
    assert grid.header[1:] == [r["stage"] for r in computed.rows["buying_stages"]]
    assert grid.rows[0][1] == "7\u202f200 · 2\u202f100\n22\u202f000 · 9\u202f500"  # companies · accounts / contacts · emails
    assert grid.rows[0][0] == "Nombre en base (entreprises · comptes / contacts · emails)"
    assert [r[0].split(" — ")[0] for r in grid.rows[1:]] == ["M2", "M1", "M4"]
    bridge = block(deck, "budget", "budget_bridge")
    s = computed.scalars
    assert bridge.chart_type == "waterfall" and bridge.series[1].values[0] == s["total_cost_prev"]
    assert bridge.series[1].values[-1] == s["total_cost"]
    ups = [v or 0 for v in bridge.series[2].values]
    downs = [v or 0 for v in bridge.series[3].values]
    assert s["total_cost_prev"] + sum(ups) - sum(downs) == pytest.approx(s["total_cost"])
    lines = block(deck, "budget", "budget_lines")
    assert [r[0] for r in lines.rows].count("Salons") == 1 and lines.rows[0][:3] == ["1. Stratégie clients", "70", "70"]


def test_a_source_line_on_each_data_slide(deck):
    assert deck["leadgen"].source == "Source : onglet Lead generation, 2025"
    assert all(deck[k].source for k in APPENDIX + EXECUTIVE)


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
                                  f.amount(total["spend"]), f.money(total["cost_per_qualified_lead"])]
    assert table.rows[-1][5] == "189\xa0€"


def test_commercial_total_matches_seed_arithmetic(deck, computed):
    table = block(deck, "commercial", "commercial")
    assert table.rows[0][:3] == ["Produit 1", "45", "20"] and table.rows[0][3] == "44,4\xa0%"
    assert table.rows[0][5] == "152" and table.header[5] == "C.A. 2025 (k€)"
    assert table.rows[-1][0] == "Total" and table.total


def test_charts_series_equal_the_computed_values(deck, computed):
    rows = computed.rows["leadgen"]
    leads = block(deck, "leadgen_charts", "leads_by_source")
    by_source = {r["source"]: r for r in rows}
    assert sorted(leads.categories) == sorted(by_source)
    assert leads.series[0].values == [by_source[c]["leads"] for c in leads.categories]
    assert leads.series[1].values == [by_source[c]["qualified_leads"] for c in leads.categories]
    cpl = block(deck, "leadgen_charts", "cpl_by_source")
    assert cpl.series[0].values == [by_source[c]["cost_per_qualified_lead"] for c in cpl.categories]
    visits = block(deck, "web", "web_visits")
    assert visits.series[0].values == [r["visits"] for r in computed.rows["web"]]
    mix = block(deck, "channels", "channel_mix")
    assert sum(mix.series[0].values) == computed.totals["channels"]["total"]
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
    assert f.amount_text(365_750) == "366\xa0k€"


def test_budget_scorecard_is_the_seed_example(deck):
    table = block(deck, "budget", "scorecard")
    by_label = {r[0]: r[1:] for r in table.rows}
    assert table.header[1:] == ["2025 (k€)", "2026 (k€)"]
    assert by_label["Total programmes (1+2+3)"][:2] == ["712", "745"]
    assert by_label["Total coûts marketing"][:2] == ["948", "990"]
    assert by_label["Coûts marketing / C.A."][:2] == ["4,5\xa0%", "4,1\xa0%"]


def test_swot_and_pitch_come_from_the_plan(deck, computed):
    strengths = block(deck, "swot", "swot_strength")
    assert [p.text for p in strengths.paragraphs] == [r["item"] for r in computed.rows["swot"] if r["quadrant"] == "strength"]
    assert block(deck, "pitch", "pitch_resources").paragraphs[0].text == computed.scalars["pitch_resources"]
    assert (0, 1) in block(deck, "ansoff", "ansoff").highlight  # market penetration chosen


def test_an_empty_plan_says_so_instead_of_empty_tables():
    specs = deck_spec(compute(Plan()), [])
    assert len(specs) == 1 + len(EXECUTIVE) + len(APPENDIX)
    for s in specs[1:]:
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
    spec = deck_spec(computed_demo(), findings, with_checks=True)[-1]
    table = spec.block("findings")
    assert [r[1] for r in table.rows] == ["FUN-004", "OBJ-002", "BEN-001"]
    assert table.rows[0][0] == "Erreur" and (0, 0) in table.highlight


def test_findings_slide_caps_the_list_and_handles_none():
    many = [FakeFinding(f"X-{i}", "warning", "m") for i in range(MAX_FINDINGS + 5)]
    spec = deck_spec(computed_demo(), many, with_checks=True)[-1]
    assert len(spec.block("findings").rows) == MAX_FINDINGS
    assert "5 autres" in spec.block("findings_summary").paragraphs[0].text
    none = deck_spec(computed_demo(), None, with_checks=True)[-1]
    assert none.blocks[0].kind == "empty"
    clean = deck_spec(computed_demo(), [], with_checks=True)[-1]
    assert "Aucune incohérence" in clean.blocks[0].paragraphs[0].text


def test_spec_and_fit_are_pure():
    code = ("import sys, planmkg_xl.deck.spec, planmkg_xl.deck.fit; "
            "bad = [m for m in ('pptx', 'openpyxl', 'xlwings', 'PIL') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_mixed_units_are_formatted_in_one_place(computed):
    """Ctx.measured: the row's own unit when the model gives one, else its metric, else its label; counts whole."""
    from planmkg_xl.deck.ctx import Ctx

    c = Ctx(computed, "fr")
    assert c.measured({"unit": "count"}, 27.5) == "28"
    assert c.measured({"unit": "money"}, 2_500_000) == "2\u202f500\xa0k€" and c.measured({"unit": "money"}, 189) == "189\xa0€"
    assert c.measured({"unit": "percent"}, 0.053) == "5,3\xa0%"
    assert c.measured({"metric": "new_customers"}, 687.5) == "688"
    assert c.measured({"metric": "lead_to_opportunity"}, 0.413) == "41,3\xa0%"
    assert c.measured({"kpi": "Coût par lead"}, 133, "Coût par lead") == "133\xa0€"
