"""The monthly review: its slides (pure specs) against core.pacing, the rendered deck, and `planmkg review`."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from deck_helpers import open_deck, overflows
from plans import make_plan

from planmkg_xl import app
from planmkg_xl.cli import main
from planmkg_xl.core import pacing
from planmkg_xl.core.compute import compute
from planmkg_xl.deck.review import review_spec
from planmkg_xl.model.plan_tabs import MONTH_KEYS

SPEND = (70_000, 85_000, 120_000, 80_000, 75_000, 110_000, 60_000, 30_000, 95_000)


def _plan(lang="fr", spend=True, behind=True):
    plan = make_plan(lang)
    for r in plan.tables["kpis"]:
        if r["metric"] == "new_customers":
            r.update(dict(zip(MONTH_KEYS, (8, 9, 10, 9, 8, 9, 4, 3, 7) if behind else (9,) * 9)))
        else:
            for k in MONTH_KEYS[:9]:
                r.setdefault(k, r.get("m03", r.get("m02")))
    if spend:
        plan.tables["kpis"].append({"kpi": "Dépenses marketing", "metric": "marketing_budget", "direction": "down",
                                    "aggregation": "cumulative", "target": 990_000, **dict(zip(MONTH_KEYS, SPEND))})
    return plan


def _spec(plan, month=9):
    computed = compute(plan)
    return computed, pacing.review(computed, month), review_spec(computed, pacing.review(computed, month))


def test_five_slides_with_spend_four_without():
    assert [s.key for s in _spec(_plan())[2]] == ["review_title", "review_kpis", "review_forecast", "review_budget", "review_attention"]
    assert [s.key for s in _spec(_plan(spend=False))[2]] == ["review_title", "review_kpis", "review_forecast", "review_attention"]


def test_kpi_table_shows_the_pacing_figures():
    computed, review, slides = _spec(_plan())
    table = slides[1].block("review_kpis")
    behind = [p for p in review.paces if p.status == pacing.BEHIND]
    assert slides[1].title.startswith(f"{len(behind)} KPI sur {len(review.paces)} en retard") and "septembre" in slides[1].title
    new = next(p for p in review.paces if p.metric == "new_customers")
    row = table.rows[new.index]
    assert row[0] == new.kpi and row[2] == "67" and row[3] == str(round(110 * 9 / 12))  # 8+9+10+9+8+9+4+3+7, linear
    assert row[-1] == "En retard" and (new.index, 7) in table.highlight


def test_forecast_chart_is_the_gap_to_target_on_one_scale():
    _, review, slides = _spec(_plan())
    chart = slides[2].block("review_forecast")
    shown = [p for p in review.paces if p.forecast_gap is not None]
    assert chart.categories == [p.kpi for p in shown]
    assert chart.series[0].values == pytest.approx([p.forecast / p.target - 1 if p.direction == "up" else p.target / p.forecast - 1
                                                    for p in shown], abs=1e-4)


def test_budget_slide_spent_vs_plan():
    _, _, slides = _spec(_plan())
    budget = slides[3]
    spent = sum(SPEND)
    assert "725\u202f000\u00a0€" in budget.title and "73,2\u00a0%" in budget.title
    row = budget.block("review_budget").rows[0]
    assert row[1] == "990\u202f000\u00a0€" and row[2] == "725\u202f000\u00a0€" and row[3] == "742\u202f500\u00a0€"
    chart = budget.block("review_budget_months")
    running = [sum(SPEND[:m]) for m in range(1, 10)]
    assert chart.series[0].values == running and spent == running[-1]
    assert chart.series[1].values == [round(990_000 * m / 12) for m in range(1, 10)]


def test_all_on_pace_says_so():
    plan = _plan(spend=False, behind=False)
    for r in plan.tables["kpis"]:
        if r["metric"] == "qualified_leads":
            r.update(dict(zip(MONTH_KEYS, (260, 290, 340, 240, 230, 290, 180, 120, 220))))
    _, review, slides = _spec(plan)
    assert review.count(pacing.BEHIND) == 0, [(p.kpi, p.gap) for p in review.paces if p.status == pacing.BEHIND]
    assert "dans leur rythme" in slides[1].title and slides[-1].title.startswith("Aucun KPI en retard")


def test_no_actuals_and_no_kpis():
    plan = make_plan()
    for r in plan.tables["kpis"]:
        for k in MONTH_KEYS:
            r.pop(k, None)
    _, _, slides = _spec(plan, 4)
    assert slides[1].title.startswith("Aucun réalisé saisi à fin avril")
    plan.tables["kpis"] = []
    _, _, slides = _spec(plan, 4)
    assert "vide" in slides[1].title


def test_english_review():
    computed, review, slides = _spec(_plan("en"))
    assert "September" in slides[0].title
    assert slides[1].title.startswith(f"{review.count(pacing.BEHIND)} of {len(review.paces)} KPIs behind")
    assert slides[3].block("review_budget").rows[0][2] == "€725,000"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rendered_review_fits(lang):
    computed = compute(_plan(lang))
    data = app.review_deck_for(computed, pacing.review(computed, 9))
    prs = open_deck(data)
    assert len(prs.slides) == 5
    assert overflows(prs) == []
    names = {shape.name for slide in prs.slides for shape in slide.shapes}
    assert {"pmk:table:review_kpis", "pmk:chart:review_forecast", "pmk:table:review_budget"} <= names


def test_cli_review(tmp_path):
    book = tmp_path / "Plan.xlsm"
    app.new_workbook(book, plan=_plan())
    out = tmp_path / "Revue.pptx"
    runner = CliRunner()
    result = runner.invoke(main, ["review", str(book), "--month", "2026-09", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "Revue à fin septembre" in result.output and "Nouveaux clients" in result.output and "EN RETARD" in result.output
    assert "725 000 € / 990 000 € (73,2 %)" in result.output.replace("\u202f", " ").replace("\u00a0", " ")
    assert len(open_deck(out.read_bytes()).slides) == 5
    before = book.read_bytes()
    again = runner.invoke(main, ["review", str(book), "--month", "2026-09", "--output", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    assert runner.invoke(main, ["review", str(book), "--month", "2026-09", "--output", str(out), "--force"]).exit_code == 0
    assert book.read_bytes() == before  # the review never writes to the workbook


@pytest.mark.parametrize("month, words", [("2025-09", "2026"), ("sept", "AAAA-MM"), ("2026-13", "AAAA-MM")])
def test_cli_review_bad_month(tmp_path, month, words):
    book = tmp_path / "Plan.xlsm"
    app.new_workbook(book, plan=_plan(spend=False))
    result = CliRunner().invoke(main, ["review", str(book), "--month", month, "--no-deck"])
    assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("make", ["seasonal_plan", "linear_plan"])
def test_review_quotes_the_kpi_sheets_expected_value(make):
    """At a KPI's last reported month, the review's « Attendu » is the KPI sheet's "Attendu à date", as it shows."""
    import pacing_plans

    computed = compute(getattr(pacing_plans, make)())
    rows = computed.rows["kpis"]
    checked = 0
    for month in range(1, 6):
        review = pacing.review(computed, month)
        table = review_spec(computed, review)[1].block("review_kpis")
        for p, shown in zip(review.paces, table.rows):
            if p.month == pacing.last_reported(rows[p.index]) and p.expected is not None:
                assert p.expected == rows[p.index]["expected_to_date"]
                assert shown[3] == (shown[1] if p.aggregation == "average" else _fmt(computed, p, rows[p.index]["expected_to_date"]))
                checked += 1
    assert checked >= 7


def _fmt(computed, p, v):
    """The figure as the deck formats a KPI value (the workbook's number, the deck's format)."""
    from planmkg_xl.deck.ctx import Ctx
    from planmkg_xl.deck.review import value

    return value(Ctx(computed, computed.plan.lang), p, v)
