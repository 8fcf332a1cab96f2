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
from ..model.strategy_tabs import ANSOFF_CHOICES, DECK_SLIDES, SWOT_QUADRANTS
from .blocks import ChartBlock, Para, Series, SlideSpec, TableBlock, TextBlock
from .ctx import Ctx
from .situation import count_format, money_format

MAX_TITLE = 100  # characters: about two lines of a 28 pt title on a 16:9 slide; longer conclusions fall back to shorter ones


def executive_slides(c: Ctx) -> list[SlideSpec]:
    """The ten slides in the seed's order; each title states its conclusion unless the workbook imposes one."""
    builders = {"swot": _swot, "objectives": _objectives, "ansoff": _ansoff, "customers": _customers,
                "leadgen_strategy": _leadgen_strategy, "brand": _brand, "content": _content, "budget": _budget, "kpis": _kpis,
                "pitch": _pitch}
    imposed = title_overrides(c)
    out = []
    for i, (key, topic) in enumerate(DECK_SLIDES, 1):
        slide = builders[key](c, f"Executive Summary · {i}/10 · {topic(c.lang)}")
        slide.title = imposed.get(key) or slide.title or topic(c.lang)
        out.append(slide)
    return out


def title_overrides(c: Ctx) -> dict[str, str]:
    """The titles typed in the workbook's "deck titles" table, by slide key (rows found by their label, FR or EN)."""
    keys = {topic(lang).casefold(): key for key, topic in DECK_SLIDES for lang in ("fr", "en")}
    keys.update({key: key for key, _ in DECK_SLIDES})
    out = {}
    for row in c.computed.rows.get("deck_titles", []):
        key = keys.get(str(row.get("slide") or "").strip().casefold())
        title = str(row.get("title") or "").strip()
        if key and title:
            out[key] = title
    return out


def _first(*candidates: str | None) -> str:
    """The first candidate conclusion short enough for a two-line title ("" when none: the topic is used)."""
    return next((t for t in candidates if t and len(t) <= MAX_TITLE), "")


def _lower_first(text: str) -> str:
    """"Nouveaux entrants" -> "nouveaux entrants" after a colon; acronyms ("NIS2") stay."""
    return text[:1].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _swot(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("swot", "executive", "", section,
                      notes=c.tr("Source : onglet Analyse, tableau SWOT.", "Source: Analysis tab, SWOT table."))
    rows = c.rows("swot")
    if not any(r.get("item") for r in rows):
        slide.blocks.append(c.empty("swot", "SWOT", c.tr("Analyse", "Analysis")))
        return slide
    heads = {"strength": c.tr("Forces internes", "Internal strengths"), "weakness": c.tr("Faiblesses internes", "Internal weaknesses"),
             "opportunity": c.tr("Opportunités externes", "External opportunities"), "threat": c.tr("Menaces externes", "External threats")}
    items = {q.key: [str(r["item"]) for r in rows if r.get("quadrant") == q.key and r.get("item")] for q in SWOT_QUADRANTS}
    for i, q in enumerate(SWOT_QUADRANTS):
        x, y = (i % 2) * 0.51, (i // 2) * 0.51
        slide.blocks.append(TextBlock(f"swot_{q.key}_head", [Para(heads[q.key], bold=True)], box=(x, y, 0.49, 0.09),
                                      style=f"heading_{q.key}", max_size=16, group="swot_head"))
        body = [Para(t) for t in items[q.key]] or [Para(c.tr("Non renseigné", "Not filled in"))]
        slide.blocks.append(TextBlock(f"swot_{q.key}", body, box=(x, y + 0.09, 0.49, 0.40), style="panel", bullets=bool(items[q.key]),
                                      max_size=18, group="swot"))
    slide.source = c.source("Analyse", "Analysis", None)
    strength, threat = (items["strength"] or [""])[0], (items["threat"] or [""])[0]
    colon = c.tr(" : ", ": ")
    slide.title = _first(strength and threat and c.tr(f"Atout : {strength} ; menace : {_lower_first(threat)}",
                                                      f"Strength: {strength}; threat: {_lower_first(threat)}"),
                         strength and c.tr("Atout principal", "Main strength") + colon + strength,
                         threat and c.tr("Menace principale", "Main threat") + colon + threat)
    return slide


def _objective_value(c: Ctx, row: dict) -> str:
    base, target = row.get("baseline"), row.get("target")
    if not is_number(target):
        return "–"
    def shown(value: object) -> str:  # objectives of both levels share one row-unit rule (unit column, else metric)
        return c.measured(row, value, table="strategic_objectives")

    if is_number(base):
        return f"{shown(base)} → {shown(target)}"
    return shown(target)


def _objectives_title(c: Ctx) -> str:
    """« Une croissance de 13,6 % portée d'abord par Produit 2 et Produit 3 »: the revenue target and the lines carrying it."""
    growth = c.computed.totals.get("commercial", {}).get("target_growth")
    strategic = [r for r in c.rows("strategic_objectives") if r.get("statement")]
    marketing = [r for r in c.rows("marketing_objectives") if r.get("statement")]
    counted = c.tr(f"{len(strategic)} objectifs stratégiques déclinés en {len(marketing)} objectifs marketing",
                   f"{len(strategic)} strategic objectives broken down into {len(marketing)} marketing objectives") if strategic else ""
    if not is_number(growth):
        return _first(counted)
    deltas = sorted(((r["target_revenue"] - r["revenue"], str(r.get("line") or "")) for r in c.rows("commercial")
                     if is_number(r.get("target_revenue")) and is_number(r.get("revenue"))), reverse=True)
    if growth < 0:  # a planned decline is said as one
        pct = c.f.pct(-growth)
        return _first(c.tr(f"Un C.A. {c.yr()} visé en baisse de {pct}", f"Revenue planned to fall by {pct} in {c.yr()}"), counted)
    lines = [name for delta, name in deltas[:2] if delta > 0 and name]
    by = c.tr(" et ", " and ").join(lines)
    pct = c.f.pct(growth)
    return _first(c.tr(f"Une croissance de {pct} en {c.yr()} portée d'abord par {by}", f"{pct} growth in {c.yr()}, led by {by}") if lines
                  else "", c.tr(f"Une croissance de {pct} du C.A. en {c.yr()}", f"{pct} revenue growth in {c.yr()}"), counted)


def _objectives(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("objectives", "executive", _objectives_title(c), section,
                      notes=c.tr("Source : onglet Objectifs.", "Source: Objectives tab."))
    slide.source = c.source("Objectifs", "Objectives", 0)
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
    slide = SlideSpec("ansoff", "executive", "", section, notes=c.tr("Source : onglet Stratégie, bloc Ansoff.",
                                                                     "Source: Strategy tab, Ansoff block."))
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
    slide.source = c.source("Stratégie", "Strategy", None)
    if choice in pos:
        path = _lower_first(c.scalar("ansoff_choice"))
        detail = str(s.get(texts[choice]) or "").strip()
        slide.title = _first(detail and c.tr(f"Priorité {c.yr()} : {path}, {_lower_first(detail)}", f"{c.yr()} priority: {path}, {_lower_first(detail)}"),
                             c.tr(f"Priorité {c.yr()} : {path}", f"{c.yr()} priority: {path}"))
        msg = c.tr(f"Chemin de croissance principal : {c.scalar('ansoff_choice')} — {s.get(texts[choice]) or ''}",
                   f"Main growth path: {c.scalar('ansoff_choice')} — {s.get(texts[choice]) or ''}")
        slide.blocks.append(TextBlock("ansoff_message", [Para(msg.rstrip(" —"))], box=(0.06, 0.8, 0.88, 0.14), style="callout", max_size=18))
    return slide


def _customers(c: Ctx, section: str) -> SlideSpec:
    """Seed slide 38: the marketing objectives × the customer categories, with counts and % of the base."""
    slide = SlideSpec("customers", "executive", "", section,
                      notes=c.tr("Source : onglet Stratégie, segments clients (récence / fréquence / valeur).",
                                 "Source: Strategy tab, customer segments (recency / frequency / value)."))
    segs = [r for r in c.rows("customer_segments") if r.get("segment")]
    filled = c.filled("customer_segments", ("count", "definition", "tactics"))
    tactics = [r for r in c.rows("customer_tactics") if r.get("tactics")]
    if not filled and not tactics:
        slide.blocks.append(c.empty("customers", c.tr("Stratégie clients", "Customer strategy"), c.tr("Stratégie", "Strategy")))
        return slide
    slide.source = c.source("Stratégie", "Strategy", -1)
    header = [c.tr("Objectifs / catégories", "Objectives / categories")] + [c.text("customer_segments", r, "segment") for r in segs]
    rows = [[c.tr("Nombre / % de la base", "Count / % of base")] +
            [f"{c.f.count(r.get('count'))} / {c.f.pct(r.get('share'))}" if is_number(r.get("count")) else "–" for r in segs],
            *([[c.tr(f"C.A. {c.yr(-1)} ({c.unit}) / % du C.A.", f"Revenue {c.yr(-1)} ({c.unit}) / % of revenue")] +
               [f"{c.f.amount(r.get('revenue'))} / {c.f.pct(r.get('revenue_share'))}" if is_number(r.get("revenue")) else "–" for r in segs]]
              if any(is_number(r.get("revenue")) for r in segs) else []),  # from the invoice import, when there is one
            [c.tr("Définition", "Definition")] + [str(r.get("definition") or "–") for r in segs],
            [c.tr("Tactiques", "Tactics")] + [str(r.get("tactics") or "–") for r in segs]]
    merges = []
    for r in tactics:
        merges.append((len(rows), 1, len(segs)))
        rows.append([_objective_label(c, r.get("objective_id")), str(r["tactics"])] + [""] * (len(segs) - 1))
    table = TableBlock("customer_grid", header, rows, widths=[2.0] + [1.5] * len(segs), align=["l"] + ["c"] * len(segs),
                       box=(0, 0, 1, 0.8), max_size=14, merges=merges, strong_rows=[0] + ([1] if rows[1][0].startswith(("C.A.", "Revenue")) else []))
    slide.blocks.append(table)
    t = c.computed.totals.get("key_metrics", {})
    total = sum(r["count"] for r in segs if is_number(r.get("count")))
    msg = c.tr(f"{c.f.count(total)} clients en base.", f"{c.f.count(total)} customers in the base.") if total else ""
    if is_number(t.get("existing_share")):
        msg = c.tr(f"{c.f.pct(t['existing_share'])} du C.A. {c.yr(-1)} réalisé avec les clients existants. ",
                   f"{c.f.pct(t['existing_share'])} of {c.yr(-1)} revenue made with existing customers. ") + msg
    if msg:
        slide.blocks.append(TextBlock("customers_message", [Para(msg.strip())], box=(0, 0.84, 1, 0.14), style="callout", max_size=16))
    counted = [r for r in segs if is_number(r.get("count")) and r["count"]]
    largest = max(counted, key=lambda r: r["count"]) if counted else None
    top = (f"{c.text('customer_segments', largest, 'segment')}{c.tr(' : ', ': ')}{c.f.pct(largest.get('share'))}"
           + c.tr(" de la base", " of the base")) if largest else ""
    share = t.get("existing_share")
    slide.title = _first(is_number(share) and top and c.tr(f"{c.f.pct(share)} du C.A. {c.yr(-1)} vient des clients existants ; {top}",
                                                           f"{c.f.pct(share)} of {c.yr(-1)} revenue comes from existing customers; {top}"),
                         is_number(share) and c.tr(f"{c.f.pct(share)} du C.A. {c.yr(-1)} vient des clients existants",
                                                   f"{c.f.pct(share)} of {c.yr(-1)} revenue comes from existing customers"),
                         total and top and c.tr(f"{c.f.count(total)} clients en base ; {top}", f"{c.f.count(total)} customers; {top}"))
    return slide


def _objective_label(c: Ctx, objective_id: object) -> str:
    """``M1 — Réduire de 30 % le coût au lead qualifié`` (the id alone when the objective is not found)."""
    ident = str(objective_id or "").strip()
    row = next((r for r in c.rows("marketing_objectives") if str(r.get("id") or "").strip() == ident and ident), None)
    if row and row.get("statement"):
        return f"{ident} — {row['statement']}"
    return ident or "–"


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
    """Seed slide 40: tactics by buying-cycle stage × marketing objective with the counts in base; the reverse funnel
    (what the revenue target requires) and the lead generation metrics below."""
    slide = SlideSpec("leadgen_strategy", "executive", "", section,
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
                                               [round(v) if is_number(v) else None for v in plan])], count_format(c), box=(0, 0.47, 0.5, 0.4)))
        if is_number(f["budget"]):
            objective = f["budget_rate_objective"]
            rate = c.f.money(f["budget_rate"])
            where = c.tr(f"objectif {objective}", f"objective {objective}") if objective else "N-1"
            where = c.years(where)
            msg = c.tr(f"Pour {c.f.count(f['budget_qualified_leads'])} leads qualifiés à {rate} ({where}), il faut "
                       f"{c.f.amount_text(f['budget'])} de lead generation ; le plan prévoit {c.f.amount_text(f['planned_budget'])}.",
                       f"For {c.f.count(f['budget_qualified_leads'])} qualified leads at {rate} ({where}), lead generation needs "
                       f"{c.f.amount_text(f['budget'])}; the plan provides {c.f.amount_text(f['planned_budget'])}.")
            slide.blocks.append(TextBlock("funnel_message", [Para(msg)], box=(0, 0.88, 0.5, 0.12), style="note", max_size=12))
    else:
        slide.blocks.append(c.empty("funnel", c.tr("Objectifs de C.A.", "Revenue targets"), c.tr("Commercial", "Sales"), box=(0, 0.47, 0.5, 0.15)))
    targets = c.filled("leadgen_targets", ("baseline", "target"))
    if targets:
        rows = [[c.text("leadgen_targets", r, "metric"), c.measured(r, r.get("baseline"), table="leadgen_targets"),
                 c.measured(r, r.get("target"), table="leadgen_targets")] for r in targets]
        slide.blocks.append(TableBlock("leadgen_targets", [c.tr("Métriques lead generation", "Lead generation metrics"), "N-1",
                                                           c.tr("Objectif N", "Target N")], rows, widths=[2.6, 1.0, 1.0],
                                       align=["l", "r", "r"], box=(0.53, 0.47, 0.47, 0.53), max_size=12, stretch=1.0))
    else:
        slide.blocks.append(c.empty("leadgen_targets", c.tr("Métriques lead generation", "Lead generation metrics"),
                                    c.tr("Stratégie", "Strategy"), box=(0.53, 0.47, 0.47, 0.15)))
    slide.blocks.insert(0, _leadgen_grid(c))
    slide.source = c.source("Stratégie", "Strategy", 0)
    slide.title = _leadgen_title(c, f)
    return slide


def _leadgen_grid(c: Ctx) -> TableBlock | TextBlock:
    """Buying-cycle stages as columns: the counts in base, then one row of tactics per marketing objective."""
    stages = [r for r in c.rows("buying_stages") if r.get("stage")]
    tactics = [r for r in c.rows("lead_tactics") if r.get("tactics")]
    if not stages and not tactics:
        return c.empty("leadgen_grid", c.tr("Cycle d'achat et tactiques", "Buying cycle and tactics"), c.tr("Stratégie", "Strategy"),
                       box=(0, 0, 1, 0.12))
    stages = stages or [{"stage": c.tr("Cycle d'achat", "Buying cycle")}]
    measures = [k for k in ("companies", "accounts", "contacts", "emails") if any(is_number(r.get(k)) for r in stages)]

    def pairs(items: list[str]) -> str:
        return "\n".join(" · ".join(items[i:i + 2]) for i in range(0, len(items), 2))

    def counts(r: dict) -> str:
        return pairs([c.f.count(r[k]) if is_number(r.get(k)) else "–" for k in measures]) or "–"

    header = [c.tr("Étapes du cycle d'achat", "Buying-cycle stages")] + [c.text("buying_stages", r, "stage") for r in stages]
    what = pairs([c.label("buying_stages", k).lower() for k in measures])
    rows = [[c.tr("Nombre en base", "Count in base") + f" ({what.replace(chr(10), ' / ')})"] + [counts(r) for r in stages]] if measures else []
    merges = []
    for r in tactics:
        merges.append((len(rows), 1, len(stages)))
        rows.append([_objective_label(c, r.get("objective_id")), str(r["tactics"])] + [""] * (len(stages) - 1))
    return TableBlock("leadgen_grid", header, rows, widths=[3.4] + [1.5] * len(stages), align=["l"] + ["c"] * len(stages),
                      box=(0, 0, 1, 0.44), max_size=13, merges=merges, strong_rows=[0] if measures else [])


def _leadgen_title(c: Ctx, f: dict) -> str:
    """« Le budget lead generation dépasse de 99 k€ ce qu'exige l'objectif de C.A. » (the reverse funnel's last step, FUN-006)."""
    need, planned = f.get("budget"), f.get("planned_budget")
    tolerance = c.computed.scalars.get("tolerance_ok")
    tolerance = tolerance if is_number(tolerance) else 0.05
    if is_number(need) and is_number(planned) and need > 0:
        gap = planned - need
        if abs(gap) <= tolerance * need:
            return c.tr("Le budget lead generation couvre ce qu'exige l'objectif de C.A.",
                        "The lead generation budget covers what the revenue target requires")
        if gap > 0:
            return c.tr(f"Le budget lead generation dépasse de {c.f.amount_text(gap)} ce qu'exige l'objectif de C.A.",
                        f"The lead generation budget exceeds what the revenue target requires by {c.f.amount_text(gap)}")
        return c.tr(f"Il manque {c.f.amount_text(-gap)} au budget lead generation pour atteindre l'objectif de C.A.",
                    f"The lead generation budget is {c.f.amount_text(-gap)} short of what the revenue target requires")
    need, planned = f.get("qualified_leads"), f.get("planned_qualified_leads")
    if is_number(need) and need > 0:
        if is_number(planned):
            return c.tr(f"L'objectif de C.A. exige {c.f.count(need)} leads qualifiés ; le plan en prévoit {c.f.count(planned)}",
                        f"The revenue target requires {c.f.count(need)} qualified leads; the plan provides {c.f.count(planned)}")
        return c.tr(f"L'objectif de C.A. exige {c.f.count(need)} leads qualifiés", f"The revenue target requires {c.f.count(need)} qualified leads")
    return ""


def _brand(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("brand", "executive", "", section,
                      notes=c.tr("Source : onglet Stratégie, blocs Marque.", "Source: Strategy tab, Brand blocks."))
    rows = c.filled("brand", ("current", "evolution"))
    metrics = c.filled("brand_metrics", ("baseline", "target"))
    if not rows and not metrics:
        slide.blocks.append(c.empty("brand", c.tr("Stratégie de marque", "Brand strategy"), c.tr("Stratégie", "Strategy")))
        return slide
    if rows:
        slide.blocks.append(c.table("brand", ("dimension", "current", "evolution"), rows, box=(0, 0, 0.64, 1), widths=[1.5, 2.0, 2.4],
                                    max_size=15))
    else:
        slide.blocks.append(c.empty("brand", c.tr("Stratégie de marque", "Brand strategy"), c.tr("Stratégie", "Strategy"), box=(0, 0, 0.64, 0.15)))
    if metrics:
        body = [[c.text("brand_metrics", r, "metric"), c.measured(r, r.get("baseline"), table="brand_metrics"),
                 c.measured(r, r.get("target"), table="brand_metrics")] for r in metrics]
        slide.blocks.append(TableBlock("brand_metrics", [c.tr("Métriques de marque", "Brand metrics"), "N-1", c.tr("Objectif N", "Target N")],
                                       body, widths=[2.0, 0.9, 1.0], align=["l", "r", "r"], box=(0.67, 0, 0.33, 0.7), max_size=15))
        slide.source = c.source("Stratégie", "Strategy", 0)
    changes = [r for r in rows if r.get("evolution")]
    first = next((r for r in metrics if is_number(r.get("baseline")) and is_number(r.get("target"))), None)
    moved = ""
    if first:
        name = c.text("brand_metrics", first, "metric")
        base, target = (c.measured(first, first[k], table="brand_metrics") for k in ("baseline", "target"))
        moved = f"{name}{c.tr(' : ', ': ')}{base} → {target}"
    work = c.tr(f"{len(changes)} chantiers de marque en {c.yr()}", f"{len(changes)} brand workstreams in {c.yr()}") if changes else ""
    slide.title = _first(work and moved and f"{work}{c.tr(' ; ', '; ')}{_lower_first(moved)}", moved and c.tr(f"Marque {c.yr()} : ", f"Brand {c.yr()}: ")
                         + _lower_first(moved), work)
    return slide


def _content(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("content", "executive", "", section,
                      notes=c.tr("Source : onglet Stratégie, plan de contenus.", "Source: Strategy tab, content plan."))
    rows = c.filled("content_plan", ("customer_goal", "marketing_goal", "content", "formats"))
    if not rows:
        slide.blocks.append(c.empty("content_plan", c.tr("Plan de contenus", "Content plan"), c.tr("Stratégie", "Strategy")))
        return slide
    slide.blocks.append(c.table("content_plan", ("stage", "customer_goal", "marketing_goal", "content", "formats"), rows,
                                widths=[1.7, 1.7, 1.9, 2.1, 2.3], max_size=16))
    slide.source = c.source("Stratégie", "Strategy", None)
    stages = [r for r in c.rows("content_plan") if r.get("stage")]
    missing = [c.text("content_plan", r, "stage") for r in stages if not r.get("content")]
    done = len(stages) - len(missing)
    slide.title = _first(c.tr(f"Un contenu pour chacune des {done} étapes du parcours d'achat",
                              f"Content for each of the {done} buying-journey stages") if not missing else
                         c.tr(f"{done} étapes du parcours d'achat sur {len(stages)} ont leur contenu ; à créer : {', '.join(missing)}",
                              f"{done} of {len(stages)} buying-journey stages have content; to create: {', '.join(missing)}"),
                         c.tr(f"{done} étapes du parcours d'achat sur {len(stages)} ont leur contenu",
                              f"{done} of {len(stages)} buying-journey stages have content"))
    return slide


def _budget(c: Ctx, section: str) -> SlideSpec:
    """Seed slide 51: the line items per block and the scorecard, with a waterfall from last year's cost to this year's."""
    slide = SlideSpec("budget", "executive", "", section,
                      notes=c.tr(f"Source : onglet Budget (montants en {c.unit}).", f"Source: Budget tab (amounts in {c.unit})."))
    s = c.computed.scalars
    lines = [r for r in c.rows("budget") if r.get("line") or is_number(r.get("budget")) or is_number(r.get("spend_prev"))]
    if not lines and not s.get("salaries"):
        slide.blocks.append(c.empty("budget", "Budget", "Budget"))
        return slide
    slide.source = c.source("Budget", "Budget", None) + c.tr(f" ({c.yr(-1)} : dépenses, {c.yr()} : budget)",
                                                              f" ({c.yr(-1)}: spend, {c.yr()}: budget)")
    head = [c.tr("Ligne de dépenses", "Spend line"), f"{c.yr(-1)} ({c.unit})", f"{c.yr()} ({c.unit})"]
    left: list[list[str]] = []
    left_strong: list[int] = []
    right: list[list[str]] = []
    right_strong: list[int] = []
    for n, block in enumerate(BUDGET_BLOCKS):
        rows, strong = (left, left_strong) if n < 2 else (right, right_strong)
        strong.append(len(rows))
        rows.append([block.label(c.lang), c.f.amount(s.get(f"total_{block.key}_prev")), c.f.amount(s.get(f"total_{block.key}"))])
        rows += [[str(r.get("line") or "–"), c.f.amount(r.get("spend_prev")), c.f.amount(r.get("budget"))]
                 for r in lines if r.get("block") == block.key]
    score = [("programmes", c.tr("Total programmes (1+2+3)", "Total programmes (1+2+3)")),
             ("salaries", c.tr("Salaires et frais marketing", "Marketing salaries and costs")),
             ("total_cost", c.tr("Total coûts marketing", "Total marketing cost"))]
    for key, label in score:
        if key != "salaries":
            right_strong.append(len(right))
        right.append([label, c.f.amount(s.get(f"{key}_prev")), c.f.amount(s.get(key))])
    right.append([c.tr("Coûts marketing / C.A.", "Marketing cost / revenue"), c.f.pct(s.get("cost_to_revenue_prev")), c.f.pct(s.get("cost_to_revenue"))])
    right.append([c.tr("Employés marketing", "Marketing headcount"), c.f.number(s.get("headcount_prev")), c.f.number(s.get("headcount"))])
    for key, rows, strong, box in (("budget_lines", left, left_strong, (0, 0, 0.32, 0.86)),
                                   ("scorecard", right, right_strong, (0.34, 0, 0.32, 0.86))):
        table = TableBlock(key, head, rows, widths=[2.3, 0.85, 0.85], align=["l", "r", "r"], box=box, max_size=12, stretch=1.0)
        table.strong_rows = strong
        slide.blocks.append(table)
    slide.blocks.append(_budget_waterfall(c))
    bench = c.rows("benchmarks") or [dict(r) for r in BENCHMARKS.rows]
    ref = next((r for r in bench if r.get("key") == "marketing_to_revenue_b2b_product"), None)
    parts = [c.tr(f"Enveloppe top-down {c.f.amount_text(s.get('envelope_used'))}, bottom-up {c.f.amount_text(s.get('programmes'))}",
                  f"Top-down envelope {c.f.amount_text(s.get('envelope_used'))}, bottom-up {c.f.amount_text(s.get('programmes'))}")]
    if ref and is_number(ref.get("value")):
        src = ", ".join(str(ref[k](c.lang) if callable(ref[k]) else ref[k]) for k in ("source", "date") if ref.get(k))  # the model's rows hold FR/EN texts
        parts.append(c.tr(f"repère : {c.f.pct(ref['value'])} du C.A. en B2B produits — {src}",
                          f"benchmark: {c.f.pct(ref['value'])} of revenue for B2B product firms — {src}"))
    slide.blocks.append(TextBlock("budget_message", [Para(c.tr(" ; ", "; ").join(parts) + ".")], box=(0, 0.89, 1, 0.11), style="note", max_size=12))
    slide.title = _budget_title(c, ref.get("value") if ref else None)
    return slide


def _budget_waterfall(c: Ctx) -> ChartBlock:
    """Total marketing cost last year -> each block's change -> this year's total (seed slide 51's scorecard as a bridge)."""
    s = c.computed.scalars
    short = {"customers": c.tr("Clients", "Customers"), "leadgen": "Lead gen.", "resources": c.tr("Ressources", "Resources")}
    steps = [(short.get(b.key) or b.label(c.lang), s.get(f"total_{b.key}_prev"), s.get(f"total_{b.key}")) for b in BUDGET_BLOCKS]
    steps.append((c.tr("Salaires", "Salaries"), s.get("salaries_prev"), s.get("salaries")))
    start = sum(a for _, a, _ in steps if is_number(a))
    cats, base, total, up, down = [f"Total {c.yr(-1)}"], [None], [start], [None], [None]
    level = start
    for label, a, b in steps:
        delta = (b if is_number(b) else 0) - (a if is_number(a) else 0)
        cats.append(label)
        base.append(min(level, level + delta))
        total.append(None)
        up.append(delta if delta > 0 else None)
        down.append(-delta if delta < 0 else None)
        level += delta
    cats.append(f"Total {c.yr()}")
    base.append(None)
    total.append(level)
    up.append(None)
    down.append(None)
    fmt = money_format(c, True)
    levels = [v for v in total if v is not None] + [b + (u or d or 0) for b, u, d in zip(base, up, down) if b is not None]
    return ChartBlock("budget_bridge", "waterfall", c.tr(f"Coûts marketing {c.yr(-1)} → {c.yr()} ({c.unit})",
                                                         f"Marketing cost {c.yr(-1)} → {c.yr()} ({c.unit})"), cats,
                      [Series("", base), Series("Total", total), Series(c.tr("Hausse", "Increase"), up, _signed(fmt, "+")),
                       Series(c.tr("Baisse", "Decrease"), down, _signed(fmt, "−"))],
                      fmt, box=(0.68, 0, 0.32, 0.86), legend=False, axis_min=bridge_floor(levels))


def bridge_floor(levels: list[float]) -> float:
    """Where a bridge's value axis starts: below the lowest level by 1.5× the bridge's span, rounded down.

    Why not zero: a 4 % change on a 990 k€ total would be a sliver; the labels carry the
    totals' values, the bars the changes (the usual consultant's bridge).
    """
    lo, hi = min(levels, default=0), max(levels, default=0)
    if lo <= 0 or hi <= lo:
        return 0.0
    floor = lo - 1.5 * (hi - lo)
    if floor <= 0:
        return 0.0
    step = 10 ** (len(str(int(hi - lo))) - 1)
    return float(int(floor // step) * step)


def _signed(fmt: str, sign: str) -> str:
    """The chart's format with a literal sign after its locale code: ``[$-40C]"+"#,##0," k€"``."""
    code, _, rest = fmt.rpartition("]")
    return f'{code}]"{sign}"{rest}' if code else f'"{sign}"{rest}'


def _budget_title(c: Ctx, benchmark: object) -> str:
    """« Un budget marketing de 990 k€ en 2026 (+4,4 %), soit 4,1 % du C.A., sous le repère B2B de 6,2 % »."""
    s = c.computed.scalars
    total, prev, ratio = s.get("total_cost"), s.get("total_cost_prev"), s.get("cost_to_revenue")
    if not is_number(total) or not total:
        return ""
    change = f" ({c.f.pct(total / prev - 1, True)})" if is_number(prev) and prev else ""
    head = c.tr(f"Un budget marketing de {c.f.amount_text(total)} en {c.yr()}{change}", f"A {c.f.amount_text(total)} marketing budget in {c.yr()}{change}")
    if not is_number(ratio):
        return _first(head)
    head += c.tr(f", soit {c.f.pct(ratio)} du C.A.", f", {c.f.pct(ratio)} of revenue")
    if is_number(benchmark):
        below = ratio < benchmark
        bench = c.tr(f", {'sous le' if below else 'au-dessus du'} repère B2B de {c.f.pct(benchmark)}",
                     f", {'below' if below else 'above'} the {c.f.pct(benchmark)} B2B benchmark")
        return _first(head + bench, head)
    return _first(head)


def _kpi_value(c: Ctx, row: dict, value: object) -> str:
    """A KPI value by what it measures (``Ctx.measured``: its unit, else its metric, else its label)."""
    return c.measured(row, value, row.get("kpi"), "kpis")


def _kpis(c: Ctx, section: str) -> SlideSpec:
    """Seed slides 53–54 at plan time: each KPI from last year's value to this year's target. Status and pacing
    belong to the monthly review deck, once months are reported."""
    slide = SlideSpec("kpis", "executive", "", section,
                      notes=c.tr("Source : onglet KPI. Suivi mensuel dans le deck de revue mensuelle.",
                                 "Source: KPI tab. Tracked monthly in the monthly review deck."))
    rows = [r for r in c.rows("kpis") if r.get("kpi")]
    if not rows:
        slide.blocks.append(c.empty("kpis", "KPI", "KPI"))
        return slide
    slide.source = c.source("KPI", "KPI", None)
    body, changes = [], []
    for r in rows:
        base, target = r.get("baseline"), r.get("target")
        change = target / base - 1 if is_number(base) and is_number(target) and base else None
        if change is not None:
            changes.append((abs(change), r))
        body.append([str(r["kpi"]), _kpi_value(c, r, base), "→", _kpi_value(c, r, target), c.f.pct(change, True)])
    header = ["KPI", "N-1", "", c.tr("Cible N", "Target N"), c.tr("Évolution", "Change")]
    table = TableBlock("kpis", header, body, widths=[4.6, 1.3, 0.4, 1.3, 1.3], align=["l", "r", "c", "r", "r"],
                       box=(0.08, 0, 0.84, 0.86), max_size=16)
    if changes:
        top = max(changes, key=lambda x: x[0])[1]
        table.highlight.append((rows.index(top), 4))
    slide.blocks.append(table)
    msg = c.tr(f"{len(rows)} KPI suivis chaque mois (10 au plus : au-delà, ce sont des PI).",
               f"{len(rows)} KPIs tracked monthly (10 at most: beyond that they are PIs).")
    slide.blocks.append(TextBlock("kpis_message", [Para(msg)], box=(0.08, 0.9, 0.84, 0.1), style="note", max_size=12))
    count = c.tr(f"{len(rows)} KPI pour {c.yr()}", f"{len(rows)} KPIs for {c.yr()}")
    if changes:
        top = max(changes, key=lambda x: x[0])[1]
        move = f"{_kpi_value(c, top, top['baseline'])} → {_kpi_value(c, top, top['target'])}"
        slide.title = _first(c.tr(f"{count} ; effort principal : « {top['kpi']} » ({move})", f"{count}; the biggest stretch: “{top['kpi']}” ({move})"),
                             count)
    else:
        slide.title = count
    return slide


def _pitch(c: Ctx, section: str) -> SlideSpec:
    slide = SlideSpec("pitch", "executive", "", section,
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
    slide.source = c.source("Plan d'action", "Action plan", None)
    slide.title = _first(str(s.get("pitch_objectives") or "").strip(), c.tr(f"Le plan {c.yr()} en quatre phrases",
                                                                            f"The {c.yr()} plan in four sentences"))
    return slide
