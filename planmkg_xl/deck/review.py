"""The monthly review deck as data: a short deck (3–5 slides) on the committee deck's look.

Once the plan is approved its KPIs are followed every month (seed slide 53, "Plan de
mesures": "le suivi de ces indicateurs est mensuel en général"). The review answers
the three questions of a monthly marketing meeting, each slide titled with its
conclusion: are we on pace (each KPI's actual against its expected pace, linear or
seasonal from last year's profile)? where will the year end (forecast against target,
on one percentage scale)? is the budget spent at the planned rhythm (only when spend
actuals exist)? — then what needs attention.

Pure like ``deck.spec``: the figures come from ``core.pacing.Review``, the renderer
(``deck.render.render_specs``) draws them on the built-in or the user's template.
"""
from __future__ import annotations

from ..core import pacing
from ..core.compute import Computed
from ..model.metrics import is_number
from ..model.plan_tabs import MONTH_LABELS
from ..model.schema import LANGS
from .blocks import ChartBlock, Para, Series, SlideSpec, TableBlock, TextBlock
from .ctx import Ctx

MONTHS = {"fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")}
MAX_ATTENTION = 6


def review_spec(computed: Computed, review: pacing.Review, lang: str | None = None) -> list[SlideSpec]:
    """The review's slides, in order: title, KPI pace, year-end forecast, budget (when spend is tracked), attention points."""
    lang = lang or computed.plan.lang
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    c = Ctx(computed, lang)
    paces = [p for p in review.paces if p.kpi]
    slides = [_title(c, review), _pace_table(c, review, paces), _forecast(c, review, paces)]
    if review.spend:
        slides.append(_budget(c, review))
    slides.append(_attention(c, review, paces))
    return slides


def month_label(lang: str, month: int, year: object = None) -> str:
    text = MONTHS[lang][month - 1]
    return f"{text} {int(year)}" if is_number(year) else text


def value(c: Ctx, p: pacing.Pace, v: object) -> str:
    """A KPI figure in its metric's unit."""
    if not is_number(v):
        return "–"
    return {"percent": c.f.pct, "money": c.f.money, "count": c.f.count}.get(p.unit, c.f.number)(v)


def _section(c: Ctx, review: pacing.Review) -> str:
    return c.tr("Revue mensuelle · ", "Monthly review · ") + month_label(c.lang, review.month, c.computed.scalars.get("plan_year"))


def _title(c: Ctx, review: pacing.Review) -> SlideSpec:
    s = c.computed.scalars
    when = month_label(c.lang, review.month, s.get("plan_year"))
    title = c.tr(f"Revue mensuelle du plan marketing — {when}", f"Marketing plan monthly review — {when}")
    parts = [str(s[k]) for k in ("company", "author") if s.get(k)]
    parts.append(c.tr(f"KPI à fin {MONTHS['fr'][review.month - 1]}", f"KPIs at the end of {MONTHS['en'][review.month - 1]}"))
    return SlideSpec("review_title", "title", title, subtitle=" — ".join(parts))


_STATUS = {pacing.AHEAD: ("En avance", "Ahead"), pacing.ON_TRACK: ("Dans le rythme", "On pace"), pacing.BEHIND: ("En retard", "Behind"),
           pacing.NO_ACTUALS: ("Pas de réalisé", "No actuals"), pacing.NO_TARGET: ("Pas de cible", "No target")}


def _pace_table(c: Ctx, review: pacing.Review, paces: list[pacing.Pace]) -> SlideSpec:
    month = MONTHS[c.lang][review.month - 1]
    behind = [p for p in paces if p.status == pacing.BEHIND]
    tracked = [p for p in paces if p.status not in (pacing.NO_ACTUALS, pacing.NO_TARGET)]
    if not paces:
        title = c.tr("Aucun KPI à suivre : le plan de mesure est vide", "No KPI to follow: the measurement plan is empty")
    elif not tracked:
        title = c.tr(f"Aucun réalisé saisi à fin {month} : la revue attend les chiffres du mois",
                     f"No actual typed by the end of {month}: the review awaits the month's figures")
    elif behind:
        title = c.tr(f"{len(behind)} KPI sur {len(tracked)} en retard sur le rythme attendu à fin {month}",
                     f"{len(behind)} of {len(tracked)} KPIs behind their pace at the end of {month}")
    else:
        title = c.tr(f"Les {len(tracked)} KPI suivis sont dans leur rythme à fin {month}",
                     f"All {len(tracked)} KPIs tracked are on pace at the end of {month}")
    slide = SlideSpec("review_kpis", "review", title, _section(c, review),
                      notes=c.tr("Source : onglet KPI (réalisés mensuels). Attendu : cible × part de l'année écoulée, saisonnière "
                                 "(profil mensuel N-1 des onglets Web et Lead generation) ou linéaire ; moyenne : la cible. "
                                 "Au dernier mois saisi d'un KPI, c'est sa colonne « Attendu à date » de l'onglet KPI.",
                                 "Source: KPI tab (monthly actuals). Expected: target × share of the year gone, seasonal "
                                 "(N-1 monthly profile of the Web and Lead generation tabs) or linear; averages: the target. "
                                 "At a KPI's last month reported, it is its \"Expected to date\" column of the KPI tab."))
    if not paces:
        slide.blocks.append(c.empty("review_kpis", "KPI", "KPI"))
        return slide
    pace_word = {pacing.SEASONAL: c.tr("saisonnier", "seasonal"), pacing.LINEAR: c.tr("linéaire", "linear")}
    body, marks = [], []
    for i, p in enumerate(paces):
        expected = value(c, p, p.expected) if p.aggregation == "cumulative" else value(c, p, p.target)
        rhythm = c.tr("moyenne", "average") if p.aggregation == "average" else pace_word[p.profile]
        body.append([p.kpi, value(c, p, p.target), value(c, p, p.actual), expected, rhythm,
                     c.f.pct(p.gap, signed=True) if is_number(p.gap) else "–", value(c, p, p.forecast),
                     c.tr(*_STATUS[p.status])])
        if p.status == pacing.BEHIND:
            marks.append((i, 7))
    header = ["KPI", c.tr("Cible N", "Target N"), c.tr(f"Réalisé fin {month}", f"Actual end {month[:3]}"),
              c.tr("Attendu", "Expected"), c.tr("Rythme", "Pace"), c.tr("Écart", "Gap"),
              c.tr("Prévision fin d'année", "Year-end forecast"), c.tr("Statut", "Status")]
    table = TableBlock("review_kpis", header, body, widths=[3.4, 1.1, 1.2, 1.1, 1.1, 0.9, 1.3, 1.3],
                       align=["l", "r", "r", "r", "c", "r", "r", "c"], box=(0, 0, 1, 0.86), max_size=14)
    table.highlight += marks
    table.highlight_style = "alert"
    slide.blocks.append(table)
    band = pacing.pacing_band(c.computed.scalars)
    slide.blocks.append(TextBlock("review_kpis_message", [Para(c.tr(
        f"Écart : réalisé ÷ attendu − 1 (inversé pour un KPI en baisse). En retard au-delà de {c.f.pct(band)} (Paramètres).",
        f"Gap: actual ÷ expected − 1 (inverted for a 'down' KPI). Behind beyond {c.f.pct(band)} (Settings)."))],
        box=(0, 0.9, 1, 0.1), style="note", max_size=12))
    return slide


def _forecast(c: Ctx, review: pacing.Review, paces: list[pacing.Pace]) -> SlideSpec:
    shown = [p for p in paces if is_number(p.forecast_gap)]
    band = pacing.pacing_band(c.computed.scalars)
    short = [p for p in shown if p.forecast_gap < -band]
    if not shown:
        title = c.tr("Pas encore de prévision de fin d'année", "No year-end forecast yet")
    elif short:
        title = c.tr(f"À ce rythme, {len(short)} KPI sur {len(shown)} finiront l'année sous leur cible",
                     f"At this pace, {len(short)} of {len(shown)} KPIs will end the year short of target")
    else:
        title = c.tr(f"À ce rythme, les {len(shown)} KPI atteindront leur cible en fin d'année",
                     f"At this pace, all {len(shown)} KPIs will meet their target by year end")
    slide = SlideSpec("review_forecast", "review", title, _section(c, review),
                      notes=c.tr("Prévision : réalisé à date ÷ part de l'année attendue à date (cumul) ; moyenne des mois (taux, coûts). "
                                 "Écart à la cible, négatif = en dessous (au-dessus pour un KPI en baisse).",
                                 "Forecast: actual to date ÷ share of the year expected by now (cumulative); average of the months "
                                 "(rates, costs). Gap to target, negative = short (above, for a 'down' KPI)."))
    if not shown:
        slide.blocks.append(TextBlock("review_forecast", [Para(c.tr(
            "Saisissez les réalisés mensuels et les cibles dans l'onglet KPI.", "Type the monthly actuals and targets in the KPI tab."))],
            style="empty", kind="empty", max_size=16, box=(0, 0, 1, 0.2)))
        return slide
    slide.blocks.append(ChartBlock("review_forecast", "bar", c.tr("Prévision de fin d'année, écart à la cible", "Year-end forecast, gap to target"),
                                   [p.kpi for p in shown], [Series(c.tr("Écart à la cible", "Gap to target"),
                                                                   [round(p.forecast_gap, 4) for p in shown])],
                                   number_format="+0%;-0%;0%", box=(0, 0, 1, 0.88)))
    slide.blocks.append(TextBlock("review_forecast_message", [Para(c.tr(
        "Barre à gauche de zéro : la fin d'année manquerait la cible de ce pourcentage si le reste de l'année suit le même rythme.",
        "A bar left of zero: the year would miss its target by that share if the rest of the year keeps the same pace."))],
        box=(0, 0.9, 1, 0.1), style="note", max_size=12))
    return slide


def _budget(c: Ctx, review: pacing.Review) -> SlideSpec:
    month = MONTHS[c.lang][review.month - 1]
    spend = review.spend
    spent = sum(p.actual or 0 for p in spend)
    planned = sum(p.target or 0 for p in spend)
    share = spent / planned if planned else None
    title = (c.tr(f"Budget : {c.f.money(spent)} dépensés à fin {month}, {c.f.pct(share)} du budget de l'année",
                  f"Budget: {c.f.money(spent)} spent by the end of {month}, {c.f.pct(share)} of the year's budget")
             if share is not None else c.tr(f"Budget : {c.f.money(spent)} dépensés à fin {month}", f"Budget: {c.f.money(spent)} spent by the end of {month}"))
    slide = SlideSpec("review_budget", "review", title, _section(c, review),
                      notes=c.tr("Source : KPI de métrique « Budget marketing » (dépenses mensuelles) ; budget = leur cible N.",
                                 "Source: KPIs on the 'Marketing budget' metric (monthly spend); budget = their target N."))
    band = pacing.pacing_band(c.computed.scalars)
    body, marks = [], []
    for i, p in enumerate(spend):
        left = (p.target - p.actual) if is_number(p.target) and is_number(p.actual) else None
        body.append([p.kpi, c.f.money(p.target), c.f.money(p.actual), c.f.money(p.expected),
                     c.f.pct(p.actual / p.expected - 1, signed=True) if p.expected else "–", c.f.money(p.forecast), c.f.money(left)])
        if is_number(p.forecast) and is_number(p.target) and p.forecast > p.target * (1 + band):
            marks.append((i, 5))
    header = [c.tr("Dépenses", "Spend"), c.tr("Budget N", "Budget N"), c.tr(f"Dépensé fin {month}", f"Spent end {month[:3]}"),
              c.tr("Attendu au rythme", "Expected at pace"), c.tr("Dépensé vs attendu", "Spent vs expected"),
              c.tr("Prévision fin d'année", "Year-end forecast"), c.tr("Reste à dépenser", "Left to spend")]
    table = TableBlock("review_budget", header, body, widths=[3.0, 1.3, 1.3, 1.3, 1.2, 1.4, 1.3], align=["l"] + ["r"] * 6,
                       box=(0, 0, 1, 0.1 + 0.08 * len(body)), max_size=14, stretch=1.0)
    table.highlight += marks
    table.highlight_style = "alert"
    slide.blocks.append(table)
    months = list(range(1, review.month + 1))
    actual, expected = [], []
    for m in months:
        done = [sum(v for v in pacing.month_values(c.computed.rows["kpis"][p.index])[:m] if v is not None) for p in spend]
        actual.append(sum(done))
        expected.append(sum((p.target or 0) * m / 12 for p in spend))  # spend has no N-1 monthly profile: linear
    top = 0.14 + 0.08 * len(body)
    slide.blocks.append(ChartBlock("review_budget_months", "column", c.tr("Dépenses cumulées et budget au rythme linéaire",
                                                                           "Cumulative spend and budget at a linear pace"),
                                   [MONTH_LABELS[m - 1][0 if c.lang == "fr" else 1] for m in months],
                                   [Series(c.tr("Dépensé (cumul)", "Spent (cumulative)"), actual),
                                    Series(c.tr("Budget au rythme", "Budget at pace"), [round(v) for v in expected])],
                                   number_format=c.tr('#,##0," k€"', '"€"#,##0,"k"'), box=(0, top, 1, 0.88 - top), labels=False, legend=True))
    budget_tab = c.computed.scalars.get("total_cost")
    if is_number(budget_tab):
        slide.blocks.append(TextBlock("review_budget_message", [Para(c.tr(
            f"Pour mémoire, total des coûts marketing N de l'onglet Budget : {c.f.money(budget_tab)}.",
            f"For reference, total marketing cost N on the Budget tab: {c.f.money(budget_tab)}."))],
            box=(0, 0.9, 1, 0.1), style="note", max_size=12))
    return slide


def _attention(c: Ctx, review: pacing.Review, paces: list[pacing.Pace]) -> SlideSpec:
    behind = sorted((p for p in paces if p.status == pacing.BEHIND), key=lambda p: p.gap)
    missing = [p for p in paces if p.missing and p.aggregation == "cumulative"]
    title = (c.tr(f"Points d'attention : {len(behind)} KPI à remettre dans le rythme", f"Watch: {len(behind)} KPI{'s' if len(behind) > 1 else ''} to bring back on pace")
             if behind else c.tr("Aucun KPI en retard : maintenir le plan d'action", "No KPI behind: keep to the action plan"))
    slide = SlideSpec("review_attention", "review", title, _section(c, review),
                      notes=c.tr("Les mêmes constats figurent dans l'onglet Contrôles (PAC-001, PAC-002).",
                                 "The same findings are in the Checks tab (PAC-001, PAC-002)."))
    paras: list[Para] = []
    for p in behind[:MAX_ATTENTION]:
        if p.aggregation == "average":
            line = c.tr(f"{p.kpi} : moyenne {value(c, p, p.actual)} pour une cible de {value(c, p, p.target)} ({c.f.pct(p.gap, signed=True)}).",
                        f"{p.kpi}: average {value(c, p, p.actual)} against a target of {value(c, p, p.target)} ({c.f.pct(p.gap, signed=True)}).")
        else:
            line = c.tr(f"{p.kpi} : {value(c, p, p.actual)} pour {value(c, p, p.expected)} attendus ({c.f.pct(p.gap, signed=True)}) ; "
                        f"fin d'année ≈ {value(c, p, p.forecast)} pour {value(c, p, p.target)}.",
                        f"{p.kpi}: {value(c, p, p.actual)} against {value(c, p, p.expected)} expected ({c.f.pct(p.gap, signed=True)}); "
                        f"year end ≈ {value(c, p, p.forecast)} against {value(c, p, p.target)}.")
        paras.append(Para(line))
    for p in missing[:MAX_ATTENTION - len(paras)]:
        months = ", ".join(MONTHS[c.lang][m - 1] for m in p.missing)
        paras.append(Para(c.tr(f"{p.kpi} : réalisé manquant pour {months} — cumul sous-estimé.",
                               f"{p.kpi}: no actual for {months} — the total to date is understated.")))
    if not paras:
        paras = [Para(c.tr("Tous les KPI suivis sont dans leur rythme ou en avance.", "Every KPI tracked is on or ahead of pace."))]
        slide.blocks.append(TextBlock("review_attention", paras, style="callout", max_size=20, box=(0, 0, 1, 0.25)))
        return slide
    slide.blocks.append(TextBlock("review_attention", paras, bullets=True, max_size=18, box=(0, 0, 1, 0.9)))
    return slide
