"""The ten "Executive Summary" slides of the seed (slides 22, 27, 30, 36, 38, 40, 43, 50, 53–54, 56).

Why this shape: each slide answers one question of the executive committee, in the
seed's order — where are we (SWOT), where do we go (objectives), how (Ansoff,
customers, lead generation, brand, content), with what (budget, KPIs), and the
four-sentence pitch. Numbers come from the computed plan, texts from the strategy
tabs; an empty section says so in one line.
"""
from __future__ import annotations

from ..core.funnel import STEPS, plan_funnel
from ..model.metrics import is_number
from ..model.plan_tabs import BENCHMARKS, BUDGET_BLOCKS
from ..model.strategy_tabs import ANSOFF_CHOICES, SWOT_QUADRANTS
from .blocks import ChartBlock, Para, Series, SlideSpec, TableBlock, TextBlock
from .ctx import Ctx
from .situation import count_format, money_format

_PERCENT_METRICS = {"lead_to_opportunity", "email_ctr", "win_ratio", "profitability", "market_penetration"}
_MONEY_METRICS = {"cost_per_qualified_lead", "revenue", "marketing_budget"}


def executive_slides(c: Ctx) -> list[SlideSpec]:
    builders = (_swot, _objectives, _ansoff, _customers, _leadgen_strategy, _brand, _content, _budget, _kpis, _pitch)
    return [b(c, f"Executive Summary · {i}/10") for i, b in enumerate(builders, 1)]


def _swot(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("swot", "executive", c.tr("Analyse SWOT", "SWOT analysis"), section,
                      notes=c.tr("Source : onglet Analyse, tableau SWOT.", "Source: Analysis tab, SWOT table."))
    rows = c.rows("swot")
    if not any(r.get("item") for r in rows):
        slide.blocks.append(c.empty("swot", "SWOT", c.tr("Analyse", "Analysis")))
        return slide
    heads = {"strength": c.tr("Forces internes", "Internal strengths"), "weakness": c.tr("Faiblesses internes", "Internal weaknesses"),
             "opportunity": c.tr("Opportunités externes", "External opportunities"), "threat": c.tr("Menaces externes", "External threats")}
    for i, q in enumerate(SWOT_QUADRANTS):
        x, y = (i % 2) * 0.51, (i // 2) * 0.51
        items = [str(r["item"]) for r in rows if r.get("quadrant") == q.key and r.get("item")]
        slide.blocks.append(TextBlock(f"swot_{q.key}_head", [Para(heads[q.key], bold=True)], box=(x, y, 0.49, 0.09),
                                      style=f"heading_{q.key}", max_size=16, group="swot_head"))
        body = [Para(t) for t in items] or [Para(c.tr("Non renseigné", "Not filled in"))]
        slide.blocks.append(TextBlock(f"swot_{q.key}", body, box=(x, y + 0.09, 0.49, 0.40), style="panel", bullets=bool(items),
                                      max_size=18, group="swot"))
    return slide


def _objective_value(c: Ctx, row: dict) -> str:
    base, target = row.get("baseline"), row.get("target")
    if not is_number(target):
        return "–"
    unit = row.get("unit")
    if is_number(base):
        return f"{c.f.unit(unit, base)} → {c.f.unit(unit, target)}"
    return c.f.unit(unit, target)


def _objectives(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("objectives", "executive", c.tr("Synthèse des objectifs", "Objectives at a glance"), section,
                      notes=c.tr("Source : onglet Objectifs.", "Source: Objectives tab."))
    strategic = [r for r in c.rows("strategic_objectives") if r.get("statement")]
    marketing = [r for r in c.rows("marketing_objectives") if r.get("statement")]
    if not strategic and not marketing:
        slide.blocks.append(c.empty("objectives", c.tr("Objectifs", "Objectives"), c.tr("Objectifs", "Objectives")))
        return slide
    ids = {str(r.get("id")) for r in strategic}

    def mk(rows: list[dict]) -> str:
        return "\n".join(f"{r.get('id') or '–'}  {r['statement']} ({_objective_value(c, r)})" for r in rows) or "–"

    body = []
    for s in strategic:
        kind = c.text("strategic_objectives", s, "type")
        head = f"{s.get('id') or ''}  {kind + ' : ' if c.lang == 'fr' and kind else (kind + ': ' if kind else '')}{s['statement']}"
        linked = [m for m in marketing if str(m.get("strategic_id")) == str(s.get("id"))]
        body.append([head, _objective_value(c, s), mk(linked)])
    orphans = [m for m in marketing if str(m.get("strategic_id")) not in ids]
    if orphans:
        body.append([c.tr("Sans objectif stratégique lié", "No linked strategic objective"), "", mk(orphans)])
    header = [c.tr("Objectifs stratégiques", "Strategic objectives"), c.tr("N-1 → cible N", "N-1 → target N"),
              c.tr("Objectifs marketing (N-1 → cible N)", "Marketing objectives (N-1 → target N)")]
    slide.blocks.append(TableBlock("objectives", header, body, widths=[3.6, 1.7, 5.2], align=["l", "c", "l"], max_size=16))
    return slide


def _ansoff(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("ansoff", "executive", c.tr("Initiatives stratégiques : matrice d'Ansoff", "Strategic initiatives: Ansoff matrix"),
                      section, notes=c.tr("Source : onglet Stratégie, bloc Ansoff.", "Source: Strategy tab, Ansoff block."))
    s = c.computed.scalars
    texts = dict(zip((a.key for a in ANSOFF_CHOICES), ("ansoff_penetration", "ansoff_product", "ansoff_market", "ansoff_diversification")))
    choice = s.get("ansoff_choice")
    if not choice and not any(s.get(k) for k in texts.values()):
        slide.blocks.append(c.empty("ansoff", c.tr("Initiative stratégique", "Strategic initiative"), c.tr("Stratégie", "Strategy")))
        return slide

    def cell(key: str) -> str:
        label = next(a.label(c.lang) for a in ANSOFF_CHOICES if a.key == key)
        return f"{label}\n{s.get(texts[key]) or '–'}"

    header = ["", c.tr("Produits existants", "Existing products"), c.tr("Nouveaux produits", "New products")]
    rows = [[c.tr("Marchés existants", "Existing markets"), cell("market_penetration"), cell("product_development")],
            [c.tr("Nouveaux marchés", "New markets"), cell("market_development"), cell("diversification")]]
    pos = {"market_penetration": (0, 1), "product_development": (0, 2), "market_development": (1, 1), "diversification": (1, 2)}
    table = TableBlock("ansoff", header, rows, widths=[1.6, 3.2, 3.2], align=["l", "l", "l"], box=(0.06, 0, 0.88, 0.76), max_size=18,
                       stretch=10.0, first_line_bold=True)
    if choice in pos:
        table.highlight.append(pos[choice])
    slide.blocks.append(table)
    if choice in pos:
        msg = c.tr(f"Chemin de croissance principal : {c.scalar('ansoff_choice')} — {s.get(texts[choice]) or ''}",
                   f"Main growth path: {c.scalar('ansoff_choice')} — {s.get(texts[choice]) or ''}")
        slide.blocks.append(TextBlock("ansoff_message", [Para(msg.rstrip(" —"))], box=(0.06, 0.8, 0.88, 0.14), style="callout", max_size=18))
    return slide


def _customers(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("customers", "executive", c.tr("Stratégie clients", "Customer strategy"), section,
                      notes=c.tr("Source : onglet Stratégie, segments clients (récence / fréquence / valeur).",
                                 "Source: Strategy tab, customer segments (recency / frequency / value)."))
    segs = c.filled("customer_segments", ("count", "definition", "tactics"))
    tactics = [r for r in c.rows("customer_tactics") if r.get("tactics")]
    if not segs and not tactics:
        slide.blocks.append(c.empty("customers", c.tr("Stratégie clients", "Customer strategy"), c.tr("Stratégie", "Strategy")))
        return slide
    if segs:
        slide.blocks.append(c.table("customer_segments", ("segment", "definition", "count", "share", "tactics"), segs,
                                    box=(0, 0, 1, 0.66), total_label="Total", widths=[1.3, 2.8, 1.0, 0.9, 3.6], max_size=15))
    else:
        slide.blocks.append(c.empty("customer_segments", c.tr("Segments clients", "Customer segments"), c.tr("Stratégie", "Strategy"),
                                    box=(0, 0, 1, 0.12)))
    paras = [Para(c.tr("Tactiques par objectif marketing", "Tactics per marketing objective"), bold=True)]
    paras += [Para(f"{r.get('objective_id') or '–'} : {r['tactics']}" if c.lang == "fr" else f"{r.get('objective_id') or '–'}: {r['tactics']}",
                   level=1) for r in tactics] or [Para("–", level=1)]
    slide.blocks.append(TextBlock("customer_tactics", paras, box=(0, 0.7, 0.64, 0.3), style="body", bullets=True, max_size=16))
    t = c.computed.totals.get("key_metrics", {})
    if is_number(t.get("existing_share")):
        msg = c.tr(f"{c.f.pct(t['existing_share'])} du C.A. N-1 réalisé avec les clients existants",
                   f"{c.f.pct(t['existing_share'])} of revenue N-1 made with existing customers")
        slide.blocks.append(TextBlock("customers_message", [Para(msg)], box=(0.67, 0.72, 0.33, 0.24), style="callout", max_size=18))
    return slide


def reverse_funnel(c: Ctx) -> dict[str, float | None]:
    """Revenue target → deals → opportunities → qualified leads → leads → budget (``core.funnel``, PLAN_SPEC §2).

    The same steps as the checks FUN-002…FUN-006: per step, what the step above needs
    (``key``) and what the plan states (``planned_key``); blank where the funnel stops.
    ``budget_rate`` is the cost per qualified lead used, ``budget_rate_objective`` the
    objective it comes from (None: the Lead generation tab's N-1).
    """
    steps = {s.key: s for s in plan_funnel(c.computed)}
    out: dict[str, object] = {}
    for key in STEPS:
        s = steps.get(key)
        out[key] = s.required if s else None
        out[f"planned_{key}"] = s.stated.value if s and s.stated else None
    budget = steps.get("budget")
    out["budget_rate"] = budget.rate.value if budget else None
    out["budget_rate_objective"] = budget.rate.objective if budget else None
    out["budget_qualified_leads"] = budget.above if budget else None
    return out


def _leadgen_strategy(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("leadgen_strategy", "executive", c.tr("Stratégie lead generation", "Lead generation strategy"), section,
                      notes=c.tr("Entonnoir inversé des contrôles FUN-002 à FUN-006 : taux des objectifs marketing quand il y en a "
                                 "(conversion, coût au lead qualifié), sinon taux N-1 de l'onglet Lead generation ; « nécessaire » est "
                                 "chaîné depuis l'objectif de C.A. à chaque étape, « prévu » est ce que le plan indique.",
                                 "Reverse funnel of checks FUN-002 to FUN-006: the marketing objectives' rates where there are "
                                 "(conversion, cost per qualified lead), else the Lead generation tab's N-1 rates; \"required\" is "
                                 "chained from the revenue target at every step, \"planned\" is what the plan states."))
    f = reverse_funnel(c)
    if is_number(f["deals"]) and f["deals"] > 0:
        cats = [c.tr("Leads entrants", "Inbound leads"), c.tr("Leads qualifiés", "Qualified leads"), c.tr("Opportunités", "Opportunities"),
                c.tr("Ventes", "Deals")]
        keys = ("leads", "qualified_leads", "opportunities", "deals")
        need = [f[k] for k in keys]
        plan = [f[f"planned_{k}"] for k in keys]
        slide.blocks.append(ChartBlock("funnel", "bar", c.tr("Entonnoir inversé : nécessaire vs prévu",
                                                             "Reverse funnel: required vs planned"), cats,
                                       [Series(c.tr("Nécessaire (depuis l'objectif de C.A.)", "Required (from the revenue target)"),
                                               [round(v) if is_number(v) else None for v in need]),
                                        Series(c.tr("Prévu (indiqué dans le plan)", "Planned (stated)"),
                                               [round(v) if is_number(v) else None for v in plan])], count_format(c), box=(0, 0, 0.5, 0.68)))
        if is_number(f["budget"]):
            objective = f["budget_rate_objective"]
            rate = c.f.money(f["budget_rate"])
            where = c.tr(f"objectif {objective}", f"objective {objective}") if objective else "N-1"
            msg = c.tr(f"Pour {c.f.count(f['budget_qualified_leads'])} leads qualifiés à {rate} ({where}), il faut "
                       f"{c.f.money(f['budget'])} de lead generation ; le plan prévoit {c.f.money(f['planned_budget'])}.",
                       f"For {c.f.count(f['budget_qualified_leads'])} qualified leads at {rate} ({where}), lead generation needs "
                       f"{c.f.money(f['budget'])}; the plan provides {c.f.money(f['planned_budget'])}.")
            slide.blocks.append(TextBlock("funnel_message", [Para(msg)], box=(0, 0.71, 0.5, 0.12), style="note", max_size=13))
    else:
        slide.blocks.append(c.empty("funnel", c.tr("Objectifs de C.A.", "Revenue targets"), c.tr("Commercial", "Sales"), box=(0, 0, 0.5, 0.15)))
    targets = c.filled("leadgen_targets", ("value_prev", "target"))
    if targets:
        rows = [[str(r.get("metric") or ""), c.f.by_label(str(r.get("metric") or ""), r.get("value_prev")),
                 c.f.by_label(str(r.get("metric") or ""), r.get("target"))] for r in targets]
        slide.blocks.append(TableBlock("leadgen_targets", [c.tr("Métriques lead generation", "Lead generation metrics"), "N-1",
                                                           c.tr("Objectif N", "Target N")], rows, widths=[2.6, 1.0, 1.0],
                                       align=["l", "r", "r"], box=(0.53, 0, 0.47, 0.68), max_size=12))
    else:
        slide.blocks.append(c.empty("leadgen_targets", c.tr("Métriques lead generation", "Lead generation metrics"),
                                    c.tr("Stratégie", "Strategy"), box=(0.53, 0, 0.47, 0.15)))
    tactics = [r for r in c.rows("lead_tactics") if r.get("tactics")]
    paras = [Para(f"{r.get('objective_id') or '–'}{' :' if c.lang == 'fr' else ':'} {r['tactics']}") for r in tactics]
    slide.blocks.append(TextBlock("lead_tactics", paras or [Para("–")], box=(0, 0.85, 1, 0.15), style="body", bullets=True, max_size=14))
    return slide


def _brand(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("brand", "executive", c.tr("Stratégie de marque", "Brand strategy"), section,
                      notes=c.tr("Source : onglet Stratégie, blocs Marque.", "Source: Strategy tab, Brand blocks."))
    rows = c.filled("brand", ("current", "evolution"))
    metrics = c.filled("brand_metrics", ("value_prev", "target"))
    if not rows and not metrics:
        slide.blocks.append(c.empty("brand", c.tr("Stratégie de marque", "Brand strategy"), c.tr("Stratégie", "Strategy")))
        return slide
    if rows:
        slide.blocks.append(c.table("brand", ("dimension", "current", "evolution"), rows, box=(0, 0, 0.64, 1), widths=[1.5, 2.0, 2.4],
                                    max_size=15))
    else:
        slide.blocks.append(c.empty("brand", c.tr("Stratégie de marque", "Brand strategy"), c.tr("Stratégie", "Strategy"), box=(0, 0, 0.64, 0.15)))
    if metrics:
        body = [[str(r.get("metric") or ""), c.f.by_label(str(r.get("metric") or ""), r.get("value_prev")),
                 c.f.by_label(str(r.get("metric") or ""), r.get("target"))] for r in metrics]
        slide.blocks.append(TableBlock("brand_metrics", [c.tr("Métriques de marque", "Brand metrics"), "N-1", c.tr("Objectif N", "Target N")],
                                       body, widths=[2.0, 0.9, 1.0], align=["l", "r", "r"], box=(0.67, 0, 0.33, 0.7), max_size=15))
    return slide


def _content(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("content", "executive", c.tr("Stratégie de contenus : parcours d'achat", "Content strategy: buying journey"), section,
                      notes=c.tr("Source : onglet Stratégie, plan de contenus.", "Source: Strategy tab, content plan."))
    rows = c.filled("content_plan", ("customer_goal", "marketing_goal", "content", "formats"))
    if not rows:
        slide.blocks.append(c.empty("content_plan", c.tr("Plan de contenus", "Content plan"), c.tr("Stratégie", "Strategy")))
        return slide
    slide.blocks.append(c.table("content_plan", ("stage", "customer_goal", "marketing_goal", "content", "formats"), rows,
                                widths=[1.7, 1.7, 1.9, 2.1, 2.3], max_size=16))
    return slide


def _budget(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("budget", "executive", c.tr("Budget marketing N-1 et N", "Marketing budget N-1 and N"), section,
                      notes=c.tr("Source : onglet Budget (montants en k€).", "Source: Budget tab (amounts in k€)."))
    s = c.computed.scalars
    if not c.rows("budget") and not s.get("salaries"):
        slide.blocks.append(c.empty("budget", "Budget", "Budget"))
        return slide
    cats = [b.label(c.lang)[3:].capitalize() for b in BUDGET_BLOCKS] + [c.tr("Salaires et frais", "Salaries and costs")]
    prev = [s.get(f"total_{b.key}_prev") or 0 for b in BUDGET_BLOCKS] + [s.get("salaries_prev") or 0]
    now = [s.get(f"total_{b.key}") or 0 for b in BUDGET_BLOCKS] + [s.get("salaries") or 0]
    slide.blocks.append(ChartBlock("budget", "column", c.tr("Budget N-1 vs N", "Budget N-1 vs N"), cats,
                                   [Series(c.tr("Dépenses N-1", "Spend N-1"), prev), Series(c.tr("Budget N", "Budget N"), now)],
                                   money_format(c, True), box=(0, 0, 0.47, 0.8)))
    lines = [("total_customers", c.tr("1. Stratégie clients", "1. Customer strategy")),
             ("total_leadgen", c.tr("2. Stratégie lead generation", "2. Lead generation strategy")),
             ("total_resources", c.tr("3. Autres ressources", "3. Other resources")),
             ("programmes", c.tr("Total programmes (1+2+3)", "Total programmes (1+2+3)")),
             ("salaries", c.tr("Salaires et frais marketing", "Marketing salaries and costs")),
             ("total_cost", c.tr("Total coûts marketing", "Total marketing cost")),
             ("headcount", c.tr("Employés marketing", "Marketing headcount")),
             ("company_revenue", c.tr("C.A. entreprise", "Company revenue")),
             ("cost_to_revenue", c.tr("Coûts marketing / C.A.", "Marketing cost / revenue")),
             ("programme_share", c.tr("Programmes / coûts totaux", "Programmes / total cost")),
             ("per_person", c.tr("Programmes par personne", "Programmes per person"))]
    rows = []
    for key, label in lines:
        a, b = s.get(f"{key}_prev"), s.get(key)
        if key in ("cost_to_revenue", "programme_share"):
            rows.append([label, c.f.pct(a), c.f.pct(b), ""])
        elif key == "headcount":
            rows.append([label, c.f.number(a), c.f.number(b), ""])
        else:
            change = b / a - 1 if is_number(a) and is_number(b) and a else None
            rows.append([label, c.f.kmoney(a), c.f.kmoney(b), c.f.pct(change, True)])
    table = TableBlock("scorecard", [c.tr("Scorecard marketing", "Marketing scorecard"), "N-1", "N", c.tr("Évol.", "Change")], rows,
                       widths=[2.6, 1.0, 1.0, 0.9], align=["l", "r", "r", "r"], box=(0.51, 0, 0.49, 0.8), max_size=12)
    table.highlight += [(r, col) for r in (3, 5) for col in range(4)]
    table.highlight_style = "strong"
    slide.blocks.append(table)
    bench = c.rows("benchmarks") or [dict(r) for r in BENCHMARKS.rows]
    ref = next((r for r in bench if r.get("key") == "marketing_to_revenue_b2b_product"), None)
    parts = [c.tr(f"Enveloppe top-down {c.f.kmoney(s.get('envelope_used'))}, bottom-up {c.f.kmoney(s.get('programmes'))}",
                  f"Top-down envelope {c.f.kmoney(s.get('envelope_used'))}, bottom-up {c.f.kmoney(s.get('programmes'))}")]
    if ref and is_number(ref.get("value")):
        src = ", ".join(str(ref[k]) for k in ("source", "date") if ref.get(k))
        parts.append(c.tr(f"repère : {c.f.pct(ref['value'])} du C.A. en B2B produits — {src}",
                          f"benchmark: {c.f.pct(ref['value'])} of revenue for B2B product firms — {src}"))
    slide.blocks.append(TextBlock("budget_message", [Para(c.tr(" ; ", "; ").join(parts) + ".")], box=(0, 0.85, 1, 0.15), style="note", max_size=13))
    return slide


def _kpi_value(c: Ctx, row: dict, value: object) -> str:
    metric = row.get("metric")
    if metric in _PERCENT_METRICS:
        return c.f.pct(value)
    if metric in _MONEY_METRICS:
        return c.f.money(value)
    return c.f.by_label(str(row.get("kpi") or ""), value)


def _kpis(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("kpis", "executive", c.tr("Indicateurs de performance (KPI)", "Key performance indicators"), section,
                      notes=c.tr("Source : onglet KPI. Avancement = réalisé / attendu à date (inversé pour un KPI en baisse).",
                                 "Source: KPI tab. Pacing = actual / expected to date (inverted for a 'down' KPI)."))
    rows = [r for r in c.rows("kpis") if r.get("kpi")]
    if not rows:
        slide.blocks.append(c.empty("kpis", "KPI", "KPI"))
        return slide
    body, marks = [], []
    for i, r in enumerate(rows):
        pacing = r.get("pacing")
        status = "–"
        if is_number(pacing):
            status = c.tr("Dans les temps", "On track") if pacing >= 1 else c.tr("En retard", "Behind")
            if pacing < 1:
                marks.append((i, 6))
        body.append([str(r["kpi"]), _kpi_value(c, r, r.get("baseline")), _kpi_value(c, r, r.get("target")),
                     _kpi_value(c, r, r.get("actual_to_date")), _kpi_value(c, r, r.get("expected_to_date")), c.f.pct(pacing), status])
    header = ["KPI", "N-1", c.tr("Cible N", "Target N"), c.tr("Réalisé à date", "Actual to date"), c.tr("Attendu à date", "Expected"),
              c.tr("Avancement", "Pacing"), c.tr("Statut", "Status")]
    table = TableBlock("kpis", header, body, widths=[3.6, 1.1, 1.1, 1.2, 1.2, 1.1, 1.3], align=["l", "r", "r", "r", "r", "r", "c"],
                       box=(0, 0, 1, 0.86), max_size=15)
    table.highlight += marks
    table.highlight_style = "alert"
    slide.blocks.append(table)
    msg = c.tr(f"{len(rows)} KPI suivis chaque mois (10 au plus : au-delà, ce sont des PI).",
               f"{len(rows)} KPIs tracked monthly (10 at most: beyond that they are PIs).")
    slide.blocks.append(TextBlock("kpis_message", [Para(msg)], box=(0, 0.9, 1, 0.1), style="note", max_size=12))
    return slide


def _pitch(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("pitch", "executive", c.tr("Résumé 1 page", "One-page summary"), section,
                      notes=c.tr("Source : onglet Plan d'action, bloc Résumé 1 page.", "Source: Action plan tab, one-page summary."))
    keys = ("pitch_diagnostic", "pitch_objectives", "pitch_strategies", "pitch_resources")
    s = c.computed.scalars
    if not any(s.get(k) for k in keys):
        slide.blocks.append(c.empty("pitch", c.tr("Résumé 1 page", "One-page summary"), c.tr("Plan d'action", "Action plan")))
        return slide
    for i, key in enumerate(keys):
        y = i * 0.25
        slide.blocks.append(TextBlock(f"{key}_head", [Para(c.scalar_label(key), bold=True)], box=(0, y, 0.24, 0.23), style="label", max_size=18, group="pitch_head"))
        slide.blocks.append(TextBlock(key, [Para(str(s.get(key) or "–"))], box=(0.26, y, 0.74, 0.23), style="panel", max_size=20, group="pitch"))
    return slide
