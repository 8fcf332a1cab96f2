"""The situation slides, drawn from the KPI tabs (seed slides 17–21).

Why these choices: a director presents N-1 facts in one table per tab with its total
row (ratios of sums, as in the workbook) and one chart that carries the message
(channel mix, leads and their cost by source, monthly web visits).
"""
from __future__ import annotations

from babel.dates import get_month_names

from ..model.kpi_tabs import CHANNELS_DIRECT, CHANNELS_INDIRECT, MONTHS_EN, MONTHS_FR
from .blocks import LEFT, RIGHT, ChartBlock, Para, Series, SlideSpec, TableBlock, TextBlock
from .ctx import Ctx


LOCALE_CODES = {"fr": "[$-40C]", "en": "[$-809]"}  # French (France), English (UK): charts show the plan's separators


def count_format(c: Ctx) -> str:
    return LOCALE_CODES[c.lang] + "#,##0"


def money_format(c: Ctx, scaled: bool = False) -> str:
    """Excel number format for chart labels, pinned to the deck's locale; ``scaled``: in the deck's k€ / M€."""
    code = LOCALE_CODES[c.lang]
    mega = c.scale == 1_000_000
    if c.lang == "fr":
        return code + (('#,##0.0,," M€"' if mega else '#,##0," k€"') if scaled else '#,##0" €"')
    return code + (('"€"#,##0.0,,"m"' if mega else '"€"#,##0,"k"') if scaled else '"€"#,##0')


def situation_slides(c: Ctx) -> list[SlideSpec]:
    section = c.tr(f"Annexe · Situation {c.yr(-1)}", f"Appendix · {c.yr(-1)} situation")
    return [s(c, section) for s in (_commercial, _channels, _leadgen, _leadgen_charts, _web, _key_metrics)]


def _commercial(c: Ctx, section: str) -> SlideSpec:
    title = c.tr("Performances commerciales N-1 et objectifs N", "Sales performance N-1 and targets N")
    slide = SlideSpec("commercial", "situation", title, section, notes=c.tr("Source : onglet Commercial.", "Source: Sales tab."),
                      source=c.source("Commercial", "Sales"))
    rows = c.filled("commercial", ("opportunities", "deals", "revenue", "target_revenue"))
    if not rows:
        slide.blocks.append(c.empty("commercial", c.tr("Performances commerciales", "Sales performance"), c.tr("Commercial", "Sales")))
        return slide
    keys = ("line", "opportunities", "deals", "win_ratio", "avg_deal", "revenue", "growth", "target_revenue", "target_growth",
            "required_deals", "required_opportunities")
    short = {"opportunities": c.tr("Opportunités", "Opportunities"), "deals": c.tr("Ventes", "Deals"),
             "avg_deal": c.tr("C.A. moyen par vente", "Average deal"), "revenue": c.tr("C.A. N-1", "Revenue N-1"),
             "growth": c.tr("Croissance vs N-2", "Growth vs N-2"), "target_growth": c.tr("Croissance visée", "Target growth"),
             "required_deals": c.tr("Ventes nécessaires", "Deals required"),
             "required_opportunities": c.tr("Opportunités nécessaires", "Opps required")}
    table = c.table("commercial", keys, rows, box=(0, 0, 1, 0.8), total_label="Total", headers=short,
                    widths=[1.3, 1.2, 0.9, 0.9, 1.1, 1.3, 1.1, 1.3, 1.1, 1.1, 1.3],
                    formats={"required_deals": c.f.count, "required_opportunities": c.f.count},  # whole deals and opportunities
                    amounts=("revenue", "target_revenue"))
    slide.blocks.append(table)
    tot = c.computed.totals.get("commercial", {})
    msg = c.tr(
        f"C.A. N-1 {c.f.kmoney(tot.get('revenue'))} ({c.f.pct(tot.get('growth'), True)} vs N-2) ; objectif N "
        f"{c.f.kmoney(tot.get('target_revenue'))} ({c.f.pct(tot.get('target_growth'), True)}) : "
        f"{c.f.count(tot.get('required_deals'))} ventes et {c.f.count(tot.get('required_opportunities'))} opportunités nécessaires.",
        f"Revenue N-1 {c.f.kmoney(tot.get('revenue'))} ({c.f.pct(tot.get('growth'), True)} vs N-2); target N "
        f"{c.f.kmoney(tot.get('target_revenue'))} ({c.f.pct(tot.get('target_growth'), True)}): "
        f"{c.f.count(tot.get('required_deals'))} deals and {c.f.count(tot.get('required_opportunities'))} opportunities required.")
    slide.blocks.append(TextBlock("commercial_message", [Para(msg)], box=(0, 0.84, 1, 0.16), style="callout", max_size=16))
    return slide


def _channels(c: Ctx, section: str) -> SlideSpec:
    title = c.tr("Performances canaux : C.A. N-1 par canal de vente", "Channel performance: revenue N-1 by sales channel")
    slide = SlideSpec("channels", "situation", title, section, notes=c.tr("Source : onglet Canaux.", "Source: Channels tab."),
                      source=c.source("Canaux", "Channels"))
    rows = c.filled("channels", ("total",))
    if not rows:
        slide.blocks.append(c.empty("channels", c.tr("C.A. par canal", "Revenue by channel"), c.tr("Canaux", "Channels")))
        return slide
    tot = c.computed.totals.get("channels", {})
    channels = sorted(((label(c.lang), tot.get(k) or 0, k in dict(CHANNELS_INDIRECT)) for k, label in CHANNELS_DIRECT + CHANNELS_INDIRECT),
                      key=lambda x: -x[1])
    channels = [ch for ch in channels if ch[1]] or channels
    slide.blocks.append(ChartBlock("channel_mix", "bar", c.tr(f"C.A. N-1 par canal ({c.unit}, canaux indirects en couleur)",
                                                              f"Revenue N-1 by channel ({c.unit}, indirect channels in colour)"),
                                   [name for name, _, _ in channels], [Series(c.tr("C.A. N-1", "Revenue N-1"), [v for _, v, _ in channels])],
                                   money_format(c, True), box=(0, 0, 0.46, 1),
                                   highlight=[i for i, ch in enumerate(channels) if ch[2]]))
    keys = ("line", "total_direct", "total_indirect", "total", "indirect_share")
    table = c.table("channels", keys, rows, box=(0.5, 0, 0.5, 0.82), total_label="Total", widths=[1.7, 1.1, 1.1, 1.1, 0.9],
                    amounts=keys[1:4])
    slide.blocks.append(table)
    msg = c.tr(f"Indirect : {c.f.pct(tot.get('indirect_share'))} du C.A. ({c.f.kmoney(tot.get('total_indirect'))}).",
               f"Indirect: {c.f.pct(tot.get('indirect_share'))} of revenue ({c.f.kmoney(tot.get('total_indirect'))}).")
    slide.blocks.append(TextBlock("channels_message", [Para(msg)], box=(0.5, 0.86, 0.5, 0.14), style="callout", max_size=16))
    return slide


def _leadgen(c: Ctx, section: str) -> SlideSpec:
    title = c.tr("Lead generation N-1 par source et objectifs N", "Lead generation N-1 by source and targets N")
    slide = SlideSpec("leadgen", "situation", title, section, notes=c.tr("Source : onglet Lead generation.", "Source: Lead generation tab."),
                      source=c.source("Lead generation", "Lead generation"))
    rows = c.filled("leadgen", ("leads", "qualified_leads", "spend", "target_leads", "budget"))
    if not rows:
        slide.blocks.append(c.empty("leadgen", "Lead generation", "Lead generation"))
        return slide
    keys = ("source", "leads", "qualified_leads", "qualification_rate", "spend", "cost_per_qualified_lead", "opportunities",
            "lead_to_opportunity", "target_leads", "target_qualified_leads", "budget")
    short = {"leads": c.tr("Leads", "Leads"), "qualified_leads": c.tr("Leads qualifiés", "Qualified leads"),
             "qualification_rate": c.tr("Taux de qualif.", "Qualif. rate"), "spend": c.tr("Dépensé N-1", "Spend N-1"),
             "opportunities": c.tr("Opport.", "Opps"), "lead_to_opportunity": c.tr("Lead qualifié → opport.", "Qualified lead → opp."),
             "target_leads": c.tr("Objectif leads N", "Target leads N"), "target_qualified_leads": c.tr("Objectif qualifiés N", "Target qualified N")}
    has_lists = bool(c.rows("best_programs") or c.rows("programs_to_improve"))
    slide.blocks.append(c.table("leadgen", keys, rows, box=(0, 0, 1, 0.8 if has_lists else 1), total_label="Total", headers=short,
                                widths=[2.1, 0.8, 0.9, 0.9, 1.0, 1.1, 0.8, 1.0, 1.0, 1.0, 1.0], max_size=11, amounts=("spend", "budget")))
    if has_lists:
        for key, table, box, head in (("best_programs", "best_programs", (0, 0.83, 0.485, 0.17), "Best of"),
                                      ("programs_to_improve", "programs_to_improve", (0.515, 0.83, 0.485, 0.17),
                                       c.tr("À améliorer", "To improve"))):
            items = [f"{r.get('programme') or ''}{' — ' + r['result'] if r.get('result') else ''}" for r in c.rows(table)]
            paras = [Para(head, bold=True)] + [Para(i, level=1) for i in items or ["–"]]
            slide.blocks.append(TextBlock(key, paras, box=box, style="callout", bullets=True, max_size=13, group="programs"))
    return slide


def _leadgen_charts(c: Ctx, section: str) -> SlideSpec:
    title = c.tr("Leads et coût au lead qualifié par source (N-1)", "Leads and cost per qualified lead by source (N-1)")
    slide = SlideSpec("leadgen_charts", "situation", title, section,
                      notes=c.tr("Source : onglet Lead generation.", "Source: Lead generation tab."),
                      source=c.source("Lead generation", "Lead generation"))
    rows = c.filled("leadgen", ("leads", "qualified_leads", "spend"))
    if not rows:
        slide.blocks.append(c.empty("leadgen_charts", "Lead generation", "Lead generation"))
        return slide
    by_leads = sorted(rows, key=lambda r: -(r.get("leads") or 0))
    slide.blocks.append(ChartBlock("leads_by_source", "bar", c.tr("Leads entrants et qualifiés", "Inbound and qualified leads"),
                                   [c.text("leadgen", r, "source") for r in by_leads],
                                   [Series(c.label("leadgen", "leads"), [r.get("leads") or 0 for r in by_leads]),
                                    Series(c.label("leadgen", "qualified_leads"), [r.get("qualified_leads") or 0 for r in by_leads])],
                                   count_format(c), box=LEFT))
    costly = sorted((r for r in rows if r.get("cost_per_qualified_lead") is not None), key=lambda r: -r["cost_per_qualified_lead"])
    slide.blocks.append(ChartBlock("cpl_by_source", "bar", c.label("leadgen", "cost_per_qualified_lead"),
                                   [c.text("leadgen", r, "source") for r in costly],
                                   [Series(c.label("leadgen", "cost_per_qualified_lead"), [r["cost_per_qualified_lead"] for r in costly])],
                                   money_format(c), box=RIGHT, highlight=[0] if costly else []))
    if costly:
        top = costly[0]
        name = c.text("leadgen", top, "source")
        slide.title = c.tr(f"{name} : le coût au lead qualifié le plus élevé en N-1 ({c.f.money(top['cost_per_qualified_lead'])})",
                           f"{name}: the highest cost per qualified lead in N-1 ({c.f.money(top['cost_per_qualified_lead'])})")
    return slide


def _month_label(c: Ctx, text: object) -> str:
    """``Janvier`` / ``January`` -> ``Janv.`` / ``Jan`` (Babel's abbreviations); other labels stay as typed."""
    raw = str(text or "")
    for months in (MONTHS_FR, MONTHS_EN):
        if raw in months:
            short = get_month_names("abbreviated", locale=c.f.locale)[months.index(raw) + 1]
            return short[:1].upper() + short[1:]
    return raw


def _web(c: Ctx, section: str) -> SlideSpec:
    title = c.tr("Web, emailing et SEO / SEM (12 derniers mois)", "Web, emailing and SEO / SEM (last 12 months)")
    slide = SlideSpec("web", "situation", title, section,
                      notes=c.tr("Sources : onglets Web et Emailing.", "Sources: Web and Emailing tabs."),
                      source=c.tr(f"Sources : onglets Web et Emailing, {c.yr(-1)}", f"Sources: Web and Emailing tabs, {c.yr(-1)}"))
    web = c.filled("web", ("visits",))
    t = c.computed.totals.get("web", {})
    s = c.computed.scalars
    if web:
        slide.blocks.append(ChartBlock("web_visits", "column", c.tr("Visites web par mois", "Web visits by month"),
                                       [_month_label(c, r.get("month")) for r in web],
                                       [Series(c.label("web", "visits"), [r.get("visits") or 0 for r in web])], count_format(c),
                                       box=(0, 0, 0.44, 1), labels=False))
        items = [(c.tr("Visites (12 mois)", "Visits (12 months)"), c.f.count(t.get("visits"))),
                 (c.tr("Visiteurs uniques", "Unique visitors"), c.f.count(s.get("web_annual_unique_visitors"))),
                 (c.label("web", "new_visit_share"), c.f.pct(t.get("new_visit_share"))),
                 (c.label("web", "pages_per_visit"), c.f.number(t.get("pages_per_visit"))),
                 (c.label("web", "bounce_rate"), c.f.pct(t.get("bounce_rate"))),
                 (c.tr("Conversion landing pages", "Landing-page conversion"), c.f.pct(t.get("landing_conversion_rate"))),
                 (c.label("web", "web_leads"), c.f.count(t.get("web_leads"))),
                 (c.label("web", "cost_per_web_lead"), c.f.money(t.get("cost_per_web_lead")))]
        slide.blocks.append(_kv("web_kpis", "Web", items, (0.47, 0, 0.255, 0.54)))
    else:
        slide.blocks.append(c.empty("web_visits", "Web", "Web", box=(0, 0, 0.44, 0.2)))
    seo = any(s.get(k) for k in ("seo_leads", "sem_leads", "seo_keyword", "sem_spend"))
    if seo:
        keyword = str(s.get("seo_keyword") or "–")
        if s.get("seo_position"):
            keyword += f" ({c.f.number(s.get('seo_position'))})"
        items = [(c.tr("Mot clé (position)", "Keyword (position)"), keyword),
                 (c.scalar_label("seo_leads"), c.f.count(s.get("seo_leads"))),
                 (c.scalar_label("cost_per_seo_lead"), c.f.money(s.get("cost_per_seo_lead"))),
                 (c.scalar_label("sem_leads"), c.f.count(s.get("sem_leads"))),
                 (c.scalar_label("cost_per_sem_lead"), c.f.money(s.get("cost_per_sem_lead"))),
                 (c.tr("Coût par clic SEM", "SEM cost per click"), c.f.money(s.get("sem_cpc"), 2))]
        slide.blocks.append(_kv("seo_sem", "SEO / SEM", items, (0.47, 0.58, 0.255, 0.42)))
    else:
        slide.blocks.append(c.empty("seo_sem", "SEO / SEM", "Web", box=(0.47, 0.58, 0.255, 0.2)))
    mails = c.filled("emailing", ("sent",))
    e = c.computed.totals.get("emailing", {})
    if mails:
        items = [(c.tr("Campagnes", "Campaigns"), c.f.count(len(mails))), (c.label("emailing", "delivered"), c.f.count(e.get("delivered"))),
                 (c.label("emailing", "open_rate"), c.f.pct(e.get("open_rate"))), (c.label("emailing", "click_rate"), c.f.pct(e.get("click_rate"))),
                 (c.label("emailing", "click_to_open"), c.f.pct(e.get("click_to_open"))),
                 (c.label("emailing", "unsubscribe_rate"), c.f.pct(e.get("unsubscribe_rate"))),
                 (c.label("emailing", "leads"), c.f.count(e.get("leads"))),
                 (c.tr("Coût au lead", "Cost per lead"), c.f.money(e.get("cost_per_lead")))]
        slide.blocks.append(_kv("emailing_kpis", "Emailing", items, (0.745, 0, 0.255, 0.54)))
    else:
        slide.blocks.append(c.empty("emailing_kpis", "Emailing", "Emailing", box=(0.745, 0, 0.255, 0.2)))
    costs = [(label, value) for label, value in (("Web", t.get("cost_per_web_lead")), ("Emailing", e.get("cost_per_lead")),
                                                 ("SEO", s.get("cost_per_seo_lead")), ("SEM", s.get("cost_per_sem_lead")))
             if value is not None]
    if costs:
        paras = [Para(c.tr("Coût au lead", "Cost per lead"), bold=True)]
        paras += [Para(f"{label} : {c.f.money(v)}" if c.lang == "fr" else f"{label}: {c.f.money(v)}") for label, v in costs]
        slide.blocks.append(TextBlock("web_message", paras, box=(0.745, 0.58, 0.255, 0.42), style="callout", max_size=16))
    return slide


def _kv(key: str, head: str, items: list[tuple[str, str]], box) -> TableBlock:
    """A two-column (indicator, value) table under a one-word heading."""
    return TableBlock(key, [head, ""], [[a, b] for a, b in items], widths=[1.8, 1.1], align=["l", "r"], box=box, max_size=12,
                      stretch=1.0)


def _key_metrics(c: Ctx, section: str) -> SlideSpec:
    title = c.tr("Métriques clés : acquisition, fidélité et valeur client", "Key metrics: acquisition, loyalty and customer value")
    slide = SlideSpec("key_metrics", "situation", title, section,
                      notes=c.tr("Source : onglet Autres métriques clés.", "Source: Other key metrics tab."),
                      source=c.source("Autres métriques clés", "Other key metrics"))
    rows = c.filled("key_metrics", ("customers", "revenue", "new_customers"))
    if not rows:
        slide.blocks.append(c.empty("key_metrics", c.tr("Métriques clés", "Key metrics"), c.tr("Autres métriques clés", "Other key metrics")))
        return slide
    keys = ("product_line", "new_customers", "cac", "customers", "revenue_per_customer", "existing_share", "churn_rate",
            "lifetime_years", "ltv", "ltv_cac", "cac_payback_months")
    short = {"cac": "CAC", "revenue_per_customer": c.tr("C.A. par client", "Revenue per customer"),
             "existing_share": c.tr("% C.A. clients existants", "% revenue existing"),
             "lifetime_years": c.tr("Durée de vie", "Lifetime"), "ltv": "LTV", "cac_payback_months": c.tr("Retour sur CAC", "CAC payback")}
    table = c.table("key_metrics", keys, rows, box=(0, 0, 1, 0.7), total_label="Total", headers=short,
                    widths=[1.6, 1.0, 1.0, 0.8, 1.1, 1.1, 0.9, 0.9, 1.1, 0.8, 1.0], max_size=14)
    table.stretch = 1.8  # few product lines: taller rows rather than a hole above the message
    slide.blocks.append(table)
    t = c.computed.totals.get("key_metrics", {})
    msg = c.tr(f"{c.f.pct(t.get('existing_share'))} du C.A. N-1 vient des clients existants ; CAC moyen "
               f"{c.f.money(t.get('cac'))} pour {c.f.count(t.get('new_customers'))} nouveaux clients ; ventes en ligne "
               f"{c.f.pct(t.get('online_share'))} du C.A.",
               f"{c.f.pct(t.get('existing_share'))} of revenue N-1 comes from existing customers; average CAC "
               f"{c.f.money(t.get('cac'))} for {c.f.count(t.get('new_customers'))} new customers; online sales "
               f"{c.f.pct(t.get('online_share'))} of revenue.")
    slide.blocks.append(TextBlock("key_metrics_message", [Para(msg)], box=(0, 0.76, 1, 0.16), style="callout", max_size=16))
    return slide


__all__ = ["situation_slides", "money_format", "count_format"]
