"""The built-in demo plan: a French B2B SME ("Optilog Systèmes", 110 people, 21 M€).

Built from the seed's worked examples — the commercial example row (45 opportunities,
20 deals, 7 600 € per deal, 152 000 €, +10 %), the budget of slide 51 (712 → 745 k€
programmes, 236 → 245 k€ salaries, 4 people, 21 130 → 24 000 k€ revenue), the example
objectives of slides 25–26, the pitch of slide 56 — and figures typical of industrial
B2B elsewhere: 6 000 leads, 35 % qualified, 41 % of qualified leads turned into the
Commercial tab's 880 opportunities, 189 € per qualified lead; CAC 33 k€ with sales
costs, LTV/CAC ≈ 13, payback ≈ 9 months. It keeps the seed's objectives as a director
would type them (−30 % cost per qualified lead, +30 % leads, +30 % conversion), which
do not add up with a +13.6 % revenue target, and a few gaps, so that Vérifier has
something real to say.
"""
from __future__ import annotations

import datetime as dt

from .model.plan import Plan
from .model.plan_tabs import MONTH_KEYS
from .model.kpi_tabs import MONTHS_FR

# line, kind, family, opportunities, deals, customers, revenue N-1, revenue N-2, target revenue N
_COMMERCIAL = (
    ("Produit 1", "product", "Logiciels", 45, 20, 14, 152_000, 138_200, 167_200),
    ("Produit 2", "product", "Logiciels", 210, 62, 48, 6_200_000, 5_800_000, 7_000_000),
    ("Produit 3", "product", "Logiciels", 180, 51, 40, 5_100_000, 5_050_000, 5_600_000),
    ("Produit 4", "product", "Capteurs", 160, 68, 55, 3_400_000, 3_300_000, 3_700_000),
    ("Produit 5", "product", "Capteurs", 95, 36, 30, 1_278_000, 1_250_000, 1_632_800),
    ("Service 1", "service", "Services", 120, 80, 66, 3_200_000, 3_000_000, 3_700_000),
    ("Service 2", "service", "Services", 70, 45, 38, 1_800_000, 1_720_000, 2_200_000),
)
# direct key accounts, SMB, inside sales, online, distributors, integrators, agencies, ISV, other
_CHANNEL_SHARES = (0.30, 0.22, 0.10, 0.05, 0.15, 0.10, 0.03, 0.03, 0.02)
_CHANNEL_KEYS = ("direct_key_accounts", "direct_smb", "inside_sales", "online_sales", "distributors", "integrators", "agencies", "isv",
                 "other_indirect")

# source, leads, qualified, spend, opportunities, target leads, target qualified, budget N
# N-1: 6 000 leads, 35.5 % qualified, 41 % of qualified leads become opportunities (the Commercial tab's 880), 189 € per
# qualified lead. N: +30 % leads (M2) at the same qualification rate, fewer trade shows, the June launch under "Autres".
_LEADGEN = (
    ("Newsletter", 220, 55, 18_000, 18, 300, 75, 18_000),
    ("SEO", 900, 290, 20_000, 110, 1_500, 480, 25_000),
    ("SEM", 520, 150, 45_000, 53, 650, 190, 40_000),
    ("Médias sociaux", 260, 45, 15_000, 12, 450, 80, 18_000),
    ("Formulaires web", 700, 300, 10_000, 125, 1_000, 420, 10_000),
    ("Autres web", 120, 30, 5_000, 8, 120, 30, 5_000),
    ("Événements", 980, 300, 142_000, 110, 700, 220, 100_000),
    ("Télémarketing", 600, 210, 40_000, 80, 600, 210, 35_000),
    ("Account Based Marketing", 180, 110, 35_000, 55, 300, 180, 60_000),
    ("Prospection commerciale", 520, 250, 30_000, 130, 560, 270, 30_000),
    ("Appels entrants", 280, 180, 0, 100, 320, 200, 0),
    ("Nurturing", 600, 170, 20_000, 65, 1_000, 290, 24_000),
    ("Autres", 120, 40, 22_000, 14, 300, 105, 100_000),
)

# visits, new visits, page views, bounced, landing visits, conversions, web leads, spend (unique visitors ~ 62 % of visits)
_WEB_BASE = (9_800, 6_100, 27_400, 4_700, 1_900, 130, 180, 6_200)
_SEASON = (0.95, 1.0, 1.08, 1.02, 1.05, 1.1, 0.82, 0.6, 1.12, 1.15, 1.08, 0.85)

_EMAILING = (  # campaign, date, sent, bounces, opens, clicks, unsubscribes, leads, spend
    ("Newsletter janvier", dt.date(2025, 1, 14), 8_200, 210, 2_050, 310, 22, 18, 900),
    ("Invitation salon SIDO", dt.date(2025, 3, 4), 5_400, 160, 1_620, 270, 15, 34, 700),
    ("Newsletter avril", dt.date(2025, 4, 8), 8_300, 190, 2_010, 290, 25, 16, 900),
    ("Lancement Produit 5", dt.date(2025, 5, 20), 6_100, 140, 1_950, 410, 19, 52, 1_400),
    ("Webinar maintenance prédictive", dt.date(2025, 6, 12), 4_800, 120, 1_390, 260, 12, 41, 800),
    ("Newsletter septembre", dt.date(2025, 9, 9), 8_500, 230, 2_090, 300, 28, 17, 900),
    ("Relance clients dormants", dt.date(2025, 10, 7), 1_900, 80, 520, 95, 9, 11, 500),
    ("Newsletter décembre", dt.date(2025, 12, 2), 8_600, 220, 1_980, 270, 30, 12, 900),
)

_EVENTS = (  # event, type, date, spend, attendees, leads, qualified, opportunities, revenue won
    ("Salon SIDO Lyon", "trade_show", dt.date(2025, 3, 19), 52_000, 640, 380, 110, 38, 480_000),
    ("Global Industrie Paris", "trade_show", dt.date(2025, 3, 31), 48_000, 520, 330, 95, 32, 390_000),
    ("Séminaire clients Nantes", "seminar", dt.date(2025, 6, 5), 14_000, 85, 70, 35, 18, 150_000),
    ("Webinar maintenance prédictive", "webinar", dt.date(2025, 6, 12), 3_000, 210, 150, 45, 14, None),
    ("Journée clients VIP", "customer_day", dt.date(2025, 10, 16), 25_000, 70, 50, 15, 8, 260_000),
)

# Acquisition spend = marketing programmes and salaries + the sales team's time spent winning new customers
# (CAC ≈ 33 k€, LTV/CAC ≈ 13, payback ≈ 9 months). Churn ≈ 10 %: the SWOT's 90 % loyalty.
_KEY_METRICS = (  # line, new customers, acquisition spend, customers, revenue, existing, new, online, churn, margin
    ("Logiciels", 38, 2_090_000, 102, 11_452_000, 9_600_000, 1_852_000, 640_000, 0.10, 0.78),
    ("Capteurs", 22, 440_000, 85, 4_678_000, 3_950_000, 728_000, 410_000, 0.12, 0.46),
    ("Services", 30, 450_000, 104, 5_000_000, 4_300_000, 700_000, 0, 0.10, 0.35),
)


def demo_plan(lang: str = "fr") -> Plan:
    """A complete, realistic plan: every tab filled, qualitative tabs included."""
    p = Plan(lang=lang)
    p.scalars.update({
        "company": "Optilog Systèmes", "author": "Claire Martin, Directrice marketing", "plan_year": 2026,
        "plan_date": dt.date(2025, 11, 28), "currency": "EUR", "tolerance_ok": 0.05, "tolerance_warning": 0.10,
        "tolerance_jump": 0.25, "tolerance_unit_cost": 1.0, "benchmark_max_age": 3,
        "web_annual_unique_visitors": 61_500, "seo_keyword": "maintenance prédictive", "seo_position": 4, "seo_leads": 900,
        "seo_spend": 20_000, "sem_spend": 45_000, "sem_clicks": 15_800, "sem_leads": 520,
        "envelope_pct": 0.031, "salaries_prev": 236_000, "salaries": 245_000, "headcount_prev": 4, "headcount": 4,
        "company_revenue": 24_000_000,
        "ansoff_choice": "market_penetration",
        "ansoff_penetration": "Segment grands comptes : maintenance prédictive sur le parc installé",
        "ansoff_product": "Lancement de Produit 5 v2 en juin",
        "ansoff_market": "Premiers clients en Asie du Sud-Est (Vietnam) avec 2 partenaires",
        "ansoff_diversification": "",
        "pitch_strategies": "Nous concentrons nos efforts sur trois axes : la fidélisation client, le lancement produit de juin et l'optimisation de la lead generation.",
        "pitch_resources": "Avec un budget quasi stable, nous réduisons les salons et nous équipons d'une plateforme d'emailing et de web tracking plus performante.",
    })
    t = p.tables
    t["commercial"] = [dict(zip(("line", "kind", "family", "opportunities", "deals", "customers", "revenue", "revenue_prev", "target_revenue"), r))
                       for r in _COMMERCIAL]
    t["commercial"][0]["target_avg_deal"] = 7_600
    t["channels"] = [{"line": r[0], **{k: round(r[6] * s) for k, s in zip(_CHANNEL_KEYS, _CHANNEL_SHARES)}} for r in _COMMERCIAL]
    t["leadgen"] = [dict(zip(("source", "leads", "qualified_leads", "spend", "opportunities", "target_leads", "target_qualified_leads", "budget"), r))
                    for r in _LEADGEN]
    t["best_programs"] = [{"programme": "Lancement Produit 5 v1 (mai 2025)", "result": "52 leads en 3 semaines"},
                          {"programme": "Webinar maintenance prédictive", "result": "210 inscrits, 45 leads qualifiés"}]
    t["programs_to_improve"] = [{"programme": "Qualification des leads salons", "result": "505 leads de salons jamais qualifiés"},
                                {"programme": "Médias sociaux", "result": "Coût au lead qualifié 333 €, 27 % en opportunité"}]
    t["web"] = []
    for month, k in zip(MONTHS_FR, _SEASON):
        visits, new, views, bounced, landing, conv, leads, spend = (round(v * k) for v in _WEB_BASE)
        t["web"].append({"month": month, "visits": visits, "unique_visitors": round(visits * 0.62), "new_visits": new, "page_views": views,
                         "bounced_visits": bounced, "landing_visits": landing, "landing_conversions": conv, "web_leads": leads, "web_spend": spend})
    t["emailing"] = [dict(zip(("campaign", "date", "sent", "bounces", "unique_opens", "unique_clicks", "unsubscribes", "leads", "spend"), r))
                     for r in _EMAILING]
    t["events"] = [{k: v for k, v in zip(("event", "type", "date", "spend", "attendees", "leads", "qualified_leads", "opportunities", "revenue_won"), r)
                    if v is not None} for r in _EVENTS]
    t["key_metrics"] = [dict(zip(("product_line", "new_customers", "acquisition_spend", "customers", "revenue", "revenue_existing", "revenue_new",
                                  "online_revenue", "churn_rate", "gross_margin"), r)) for r in _KEY_METRICS]
    _objectives(p)
    _budget(p)
    _kpis(p)
    _strategy(p)
    if lang == "en":
        _translate(p)
    p.scalars.update(_pitch(lang))
    return Plan(p.lang, p.scalars, p.tables)  # normalised: no empty values


def _pitch(lang: str) -> dict[str, str]:
    """The one-page pitch's two sentences that quote numbers, with the numbers taken from the plan's own tables.

    The tool writes these texts, so their numbers must be the ones the workbook computes
    (last year's growth of the Commercial tab, the revenue objective of the Budget tab).
    """
    revenue, revenue_prev = (sum(r[i] for r in _COMMERCIAL) for i in (6, 7))
    growth, target = revenue / revenue_prev - 1, 24_000_000 / 21_130_000 - 1
    if lang == "fr":
        pct = lambda v: f"{v * 100:.1f}".replace(".", ",") + "\u00a0%"  # noqa: E731
        return {"pitch_diagnostic": f"Le business a souffert cette année d'un marché industriel atone : C.A. en hausse de {pct(growth)} "
                                    "seulement et 2 points de marge perdus.",
                "pitch_objectives": f"Notre challenge est d'améliorer le profit tout en générant +{pct(target)} de croissance, "
                                    "d'abord sur nos marchés existants."}
    pct = lambda v: f"{v * 100:.1f}%"  # noqa: E731
    return {"pitch_diagnostic": f"A flat industrial market hurt the business this year: revenue grew by only {pct(growth)} "
                                "and we lost 2 points of margin.",
            "pitch_objectives": f"Our challenge is to improve profit while growing {pct(target)}, first in our existing markets."}


def _translate(p: Plan) -> None:
    """English texts for the English demo (numbers and keys unchanged): see ``demo_en``."""
    from .demo_en import to_english
    from .model.fields import Kind
    from .model.schema import SCALARS, TABLES

    texts = (Kind.TEXT, Kind.LONGTEXT)
    for key, value in p.scalars.items():
        if isinstance(value, str) and SCALARS[key].kind in texts:
            p.scalars[key] = to_english(value)
    for key, rows in p.tables.items():
        fields = {f.key: f for f in TABLES[key].fields}
        for row in rows:
            for name, value in row.items():
                if isinstance(value, str) and fields[name].kind in texts:
                    row[name] = to_english(value)


def _objectives(p: Plan) -> None:
    d = dt.date(2026, 12, 31)
    p.tables["strategic_objectives"] = [
        {"id": "S1", "type": "financial", "statement": "Améliorer la profitabilité de 2 points sur l'année", "metric": "profitability",
         "baseline_typed": 0.08, "target": 0.10, "unit": "percent", "deadline": d},
        {"id": "S2", "type": "financial", "statement": "Générer +13,6 % de chiffre d'affaires par rapport à N-1", "metric": "revenue",
         "target": 24_000_000, "unit": "money", "deadline": d},
        {"id": "S3", "type": "commercial", "statement": "Réduire de 30 % la durée du cycle de vente grands comptes", "metric": "sales_cycle",
         "baseline_typed": 120, "target": 84, "unit": "days", "deadline": d},
        {"id": "S4", "type": "international", "statement": "Signer 20 premiers clients en Asie du Sud-Est au second semestre",
         "metric": "new_customers", "scope": "part", "baseline_typed": 0, "target": 20, "unit": "count", "deadline": d},
        {"id": "S5", "type": "business_development", "statement": "Augmenter la pénétration marché de 5 % sur l'année fiscale",
         "metric": "market_penetration", "baseline_typed": 0.12, "target": 0.126, "unit": "percent"},
    ]
    p.tables["marketing_objectives"] = [
        {"id": "M1", "strategic_id": "S1", "statement": "Réduire de 30 % le coût au lead qualifié, à budget stable",
         "metric": "cost_per_qualified_lead", "target": 133, "unit": "money", "deadline": d},
        {"id": "M2", "strategic_id": "S2", "statement": "Augmenter de 30 % les leads entrants, dont 300 sur le lancement de juin",
         "metric": "leads", "target": 7_800, "unit": "count", "deadline": d},
        {"id": "M3", "strategic_id": "S3", "statement": "Augmenter de 30 % la conversion lead qualifié → opportunité",
         "metric": "lead_to_opportunity", "target": 0.53, "unit": "percent", "deadline": d},
        {"id": "M4", "strategic_id": "S4", "statement": "Lancer l'entreprise au Vietnam et recruter 2 partenaires", "metric": "partners",
         "baseline_typed": 0, "target": 2, "unit": "count", "deadline": dt.date(2026, 9, 30)},
        {"id": "M5", "strategic_id": "S2", "statement": "Générer 50 opportunités de ventes croisées", "metric": "opportunities",
         "scope": "part", "baseline_typed": 18, "target": 50, "unit": "count", "deadline": d},
    ]


def _budget(p: Plan) -> None:
    lines = (  # block, line, N-1, N (slide 51, in €)
        ("customers", "Communauté clients", 0, 5_000), ("customers", "Parcours clients", 0, 10_000),
        ("customers", "Emailing clients dormants", 0, 5_000), ("customers", "Journées clients VIP", 60_000, 0),
        ("customers", "Webinars clients", 0, 50_000), ("customers", "Cadeaux de fin d'année", 10_000, 0),
        ("leadgen", "Lancement produit juin", 0, 200_000), ("leadgen", "Salons", 272_000, 100_000),
        ("leadgen", "Webinars", 20_000, 45_000), ("leadgen", "Adwords / bannières", 5_000, 25_000),
        ("leadgen", "Séminaires", 70_000, 40_000), ("leadgen", "Emailing et bases de données externes", 35_000, 35_000),
        ("leadgen", "SEO", 0, 20_000),
        ("resources", "Site web — design / hébergement", 80_000, 15_000), ("resources", "Relations presse", 45_000, 45_000),
        ("resources", "Documentation", 45_000, 15_000), ("resources", "Rédaction de contenus", 0, 20_000),
        ("resources", "Vidéos", 10_000, 30_000), ("resources", "Plateforme emailing", 15_000, 20_000), ("resources", "CRM", 45_000, 65_000),
    )
    p.tables["budget"] = [{"block": b, "line": line, "spend_prev": a, "budget": n} for b, line, a, n in lines]


def _leadgen_n1() -> dict[str, float]:
    """The Lead generation tab's N-1 totals, as the KPI plan and the strategy quote them."""
    leads, qualified, spend, opportunities = (sum(r[i] for r in _LEADGEN) for i in range(1, 5))
    return {"leads": leads, "qualified_leads": qualified, "cost_per_qualified_lead": round(spend / qualified),
            "lead_to_opportunity": round(opportunities / qualified, 2), "target_leads": sum(r[5] for r in _LEADGEN),
            "target_qualified_leads": sum(r[6] for r in _LEADGEN)}


def _kpis(p: Plan) -> None:
    def months(values):
        return dict(zip(MONTH_KEYS, values))

    web = p.tables["web"]
    visits, web_leads = sum(r["visits"] for r in web), sum(r["web_leads"] for r in web)
    lg = _leadgen_n1()
    # KPIs whose source metric is in the tabs take their N-1 value from there (no value typed); the others type it.
    # Actuals to March: on pace, except qualified leads, short of last year's March trade-show peak (PAC-001).
    p.tables["kpis"] = [
        {"kpi": "Web : visites", "metric": "web_visits", "direction": "up", "aggregation": "cumulative",
         "target": 133_000, **months((10_900, 11_600, 12_300))},
        {"kpi": "Web : taux de conversion en lead", "metric": "other", "unit": "percent", "direction": "up", "aggregation": "average",
         "value_prev": round(web_leads / visits, 4), "target": 0.022, **months((0.0205, 0.0212, 0.0218))},
        {"kpi": "Emailing clients : taux de clic", "metric": "email_ctr", "direction": "up", "aggregation": "average",
         "target": 0.05, **months((0.046, 0.049))},
        {"kpi": "Nouveaux clients", "metric": "new_customers", "direction": "up", "aggregation": "cumulative",
         "target": 110, **months((8, 9, 10))},
        {"kpi": "Lead generation : leads qualifiés", "metric": "qualified_leads", "direction": "up", "aggregation": "cumulative",
         "target": lg["target_qualified_leads"], **months((205, 224, 238))},
        {"kpi": "Lead generation : conversion en opportunité", "metric": "lead_to_opportunity", "direction": "up", "aggregation": "average",
         "target": 0.53, **months((0.49, 0.50, 0.52))},
        {"kpi": "Lead generation : coût par lead qualifié", "metric": "cost_per_qualified_lead", "direction": "down", "aggregation": "average",
         "target": 133, **months((142, 138, 135))},
        {"kpi": "Satisfaction clients (NPS)", "metric": "other", "unit": "other", "direction": "up", "aggregation": "average", "value_prev": 32, "target": 40,
         **months((37, 38))},
    ]


def _strategy(p: Plan) -> None:
    t = p.tables
    t["market_review"] = [
        {"trend": "Les budgets d'investissement industriels se contractent", "market_impact": "Arbitrages plus longs, promotions permanentes",
         "business_impact": "Notre offre premium est mise en concurrence ; taux de remise +20 %"},
        {"trend": "La maintenance prédictive devient un standard", "market_impact": "Nouveaux entrants logiciels",
         "business_impact": "Opportunité de vente croisée capteurs + logiciel"},
        {"trend": "Directive NIS2 sur la cybersécurité", "market_impact": "Audits obligatoires pour les sites sensibles",
         "business_impact": "Argument de conformité pour Produit 3"},
        {"trend": "Les acheteurs B2B s'informent en ligne avant tout contact", "market_impact": "70 % du parcours se fait sans commercial",
         "business_impact": "Le contenu et le SEO deviennent prioritaires"},
    ]
    t["segments"] = [
        {"segment": "Agroalimentaire", "profile": "ETI 200–2 000 salariés, 900 sites en France", "revenue_share": 0.35,
         "needs": "Disponibilité des lignes, traçabilité", "offer": "Produits 2 et 4, Service 1", "potential": "Fort : +15 %",
         "acquisition": "Surtout clients existants"},
        {"segment": "Pharma / chimie", "profile": "280 sites en France", "revenue_share": 0.25, "needs": "Conformité, planification de production",
         "offer": "Produit 3, Service 2", "potential": "Fort : +20 %", "acquisition": "Objectif : 1 nouveau labo"},
        {"segment": "Énergie / utilities", "profile": "Grands comptes, 40 cibles", "revenue_share": 0.22, "needs": "Cybersécurité, télémaintenance",
         "offer": "Produits 2 et 3", "potential": "Moyen", "acquisition": "Grands comptes existants"},
        {"segment": "Industrie manufacturière PME", "profile": "PME 50–250 salariés, 6 000 sites", "revenue_share": 0.18,
         "needs": "Simplicité, coût", "offer": "Produit 5, offre en ligne", "potential": "Fort en volume", "acquisition": "Nouveaux clients"},
    ]
    t["personas"] = [
        {"function": "Directeur de maintenance", "description": "Ingénieur, 45 ans, 3 000 en France", "benefits": "Moins d'arrêts non planifiés",
         "potential": "Oui", "advantage": "Oui : 20 ans de capteurs", "priority": 1},
        {"function": "Directeur d'usine", "description": "Responsable du TRS et des coûts", "benefits": "Productivité, visibilité",
         "potential": "Oui", "advantage": "Oui", "priority": 2},
        {"function": "DSI industrielle", "description": "Sécurité et intégration", "benefits": "Conformité NIS2, intégration SI",
         "potential": "Moyen", "advantage": "Non", "priority": 3},
    ]
    t["competitors"] = [
        {"competitor": "Sensix", "offer": "Offre en ligne de capteurs connectés", "targets": "PME France", "winner_loser": "Winner : prix",
         "marketing": "Plus que nous ; très bon SEO", "communication": "LinkedIn, Google Ads"},
        {"competitor": "MaintPro", "offer": "Suite GMAO + IA", "targets": "Grands comptes", "winner_loser": "Winner : lancement produit",
         "marketing": "Budget inconnu", "communication": "Salons, presse"},
        {"competitor": "Industria Group", "offer": "Intégrateur généraliste", "targets": "ETI", "winner_loser": "Loser : perte de 2 grands comptes",
         "marketing": "Moins que nous", "communication": "Salons"},
        {"competitor": "DataPlant", "offer": "Plateforme data industrielle", "targets": "Pharma", "winner_loser": "Winner : levée de fonds",
         "marketing": "Plus que nous", "communication": "Webinars, contenus"},
    ]
    swot = {
        "strength": ("20 ans d'expertise capteurs et un parc installé de 2 000 sites", "Taux de fidélité clients de 90 %",
                     "Service client noté 4,6/5"),
        "weakness": ("Notoriété faible hors de l'agroalimentaire", "Coût au lead qualifié des événements élevé (473 €)", "Peu de contenus en ligne"),
        "opportunity": ("Maintenance prédictive devenue standard", "Directive NIS2", "Demande en Asie du Sud-Est"),
        "threat": ("Nouveaux entrants logiciels à bas prix", "Budgets d'investissement en baisse"),
    }
    t["swot"] = [{"quadrant": q, "item": item} for q, items in swot.items() for item in items]
    t["positioning"] = [
        {"attribute": "Nom", "current": "Optilog", "evolution": "Optilog Predict pour l'offre logicielle"},
        {"attribute": "Catégorie", "current": "Capteurs et logiciels de maintenance industrielle", "evolution": "Maintenance prédictive"},
        {"attribute": "Bénéfice", "current": "Moins d'arrêts de production", "evolution": "Zéro arrêt non planifié, mesuré"},
        {"attribute": "Marchés cibles", "current": "Agroalimentaire et pharma", "evolution": "+ industrie manufacturière PME"},
        {"attribute": "Levier", "current": "Des sites qui veulent augmenter leur TRS", "evolution": "Idem + conformité NIS2"},
        {"attribute": "Avantage compétitif", "current": "Capteurs + logiciel d'un seul fournisseur", "evolution": "Données de 2 000 sites pour l'IA"},
    ]
    t["mix"] = [
        {"offer": "Produit 5", "evolutions": "Version 2 avec connectivité 5G", "date": dt.date(2026, 6, 15), "price_positioning": "Milieu de gamme",
         "price_evolutions": "Abonnement mensuel"},
        {"offer": "Service 1", "evolutions": "Télémaintenance 24/7", "date": dt.date(2026, 3, 1), "price_positioning": "Premium",
         "price_evolutions": "Forfaits par site"},
    ]
    t["distribution"] = [
        {"channel": "Ventes directes grands comptes", "contribution": 0.30, "products": "Toute l'offre", "evolutions": "Key account plans"},
        {"channel": "Ventes directes SMB", "contribution": 0.22, "products": "Produits 4 et 5", "evolutions": ""},
        {"channel": "Inside sales", "contribution": 0.10, "products": "Produit 5, Services", "evolutions": "+1 inside sales"},
        {"channel": "Ventes sur internet", "contribution": 0.05, "products": "Produit 5", "evolutions": "Boutique en ligne B2B"},
        {"channel": "Distributeurs", "contribution": 0.15, "products": "Capteurs", "evolutions": "2 partenaires au Vietnam"},
        {"channel": "Partenaires à valeur ajoutée (intégrateurs, ISV)", "contribution": 0.16, "products": "Logiciels", "evolutions": ""},
        {"channel": "Influenceurs", "contribution": 0.02, "products": "", "evolutions": ""},
    ]
    seg_counts = (("Nouveaux", 90, "Premier achat dans l'année", "Parcours d'onboarding"),
                  ("Stars", 35, "Récents, fréquents, gros montants", "Programme ambassadeurs, journée VIP"),
                  ("Fidèles", 136, "Achats réguliers", "Ventes croisées capteurs + logiciel"),
                  ("Irréguliers", 30, "Achats espacés", "Webinars clients"),
                  ("Dormants", 20, "Pas d'achat depuis 18 mois", "Emailing de réactivation"),
                  ("Perdus", 6, "Partis chez un concurrent", "Enquête de départ"))
    t["customer_segments"] = [{"segment": s, "count": c, "definition": d, "tactics": tac} for s, c, d, tac in seg_counts]
    t["customer_tactics"] = [
        {"objective_id": "M1", "tactics": "Communauté clients, parcours clients, emailing clients dormants"},
        {"objective_id": "M5", "tactics": "Campagne de ventes croisées capteurs + logiciel sur les clients stars"},
    ]
    lg = _leadgen_n1()
    web_leads = sum(r["web_leads"] for r in t["web"])
    t["buying_stages"] = [  # contacts N-1 from the Lead generation and Commercial tabs (6 000 leads, 2 130 qualified, 880, 362)
        {"stage": "Marché adressable", "companies": 7_200, "accounts": 2_100, "contacts": 22_000, "emails": 9_500},
        {"stage": "Notoriété", "companies": 3_600, "accounts": 1_300, "contacts": 11_000, "emails": 8_000},
        {"stage": "Intérêt / leads", "companies": 2_400, "accounts": 900, "contacts": lg["leads"], "emails": 5_200},
        {"stage": "Leads qualifiés", "companies": 1_300, "accounts": 620, "contacts": lg["qualified_leads"], "emails": lg["qualified_leads"]},
        {"stage": "Opportunités", "companies": 620, "accounts": 480, "contacts": 880, "emails": 880},
        {"stage": "Achat", "companies": 300, "accounts": 290, "contacts": 362, "emails": 362},
    ]
    t["lead_tactics"] = [
        {"objective_id": "M2", "tactics": "Lancement produit de juin : landing page, webinar, campagne Ads, 300 leads"},
        {"objective_id": "M1", "tactics": "Moins de salons, plus de SEO et de nurturing ; scoring des leads"},
        {"objective_id": "M4", "tactics": "Traduction du pitch et du site, campagne Business France, démos avec partenaires"},
    ]
    # Metrics with a source in the tabs take their N-1 from there (one source); the others type it.
    t["leadgen_targets"] = [
        {"metric": "Leads entrants", "source": "leads", "unit": "count", "target": lg["target_leads"]},
        {"metric": "Leads qualifiés", "source": "qualified_leads", "unit": "count", "target": lg["target_qualified_leads"]},
        {"metric": "Coût au lead qualifié", "source": "cost_per_qualified_lead", "unit": "money", "target": 133},
        {"metric": "Visiteurs uniques web", "source": "web_unique_visitors", "unit": "count", "target": 75_000},
        {"metric": "Leads web", "source": "web_leads", "unit": "count", "target": 2_800},
        {"metric": "CTR moyen emailing", "source": "email_ctr", "unit": "percent", "target": 0.05},
        {"metric": "Contacts avec email", "unit": "count", "value_prev": 9_500, "target": 12_000},
        {"metric": "Participants webinars", "unit": "count", "value_prev": 210, "target": 600},
        {"metric": "Leads en nurturing", "unit": "count", "value_prev": 1_800, "target": 2_500},
    ]
    t["brand"] = [
        {"dimension": "Purpose", "current": "Rendre l'industrie plus fiable", "evolution": "À formaliser avec la direction"},
        {"dimension": "Personnalité", "current": "Experte, fiable", "evolution": "Plus proche, plus pédagogique"},
        {"dimension": "Architecture de marque", "current": "Une marque, 5 produits", "evolution": "Gamme Optilog Predict"},
        {"dimension": "Charte graphique", "current": "Datée (2016)", "evolution": "Refonte avec le site web"},
        {"dimension": "Promesse", "current": "Moins d'arrêts", "evolution": "Zéro arrêt non planifié"},
        {"dimension": "Messages clés", "current": "Non formalisés", "evolution": "Plateforme de messages 50/100/250 mots"},
        {"dimension": "Expression", "current": "Salons et commerciaux", "evolution": "Contenus experts et webinars"},
        {"dimension": "Investissements", "current": "Salons", "evolution": "SEO, relations presse"},
    ]
    t["brand_metrics"] = [
        {"metric": "Taux de notoriété", "unit": "percent", "value_prev": 0.18, "target": 0.22},
        {"metric": "Taux de recommandation", "unit": "percent", "value_prev": 0.62, "target": 0.7},
        {"metric": "Évolution du trafic web", "unit": "percent", "value_prev": 0.08, "target": 0.15},
        {"metric": "Part de voix", "unit": "percent", "value_prev": 0.11, "target": 0.14},
        {"metric": "Articles presse", "unit": "count", "value_prev": 14, "target": 24},
    ]
    content = (
        ("Bon profil", "Aucun", "Rester à l'esprit", "Actualités métier", "Réseaux sociaux, newsletter"),
        ("Définition du problème", "Collecter de l'information", "Donner des idées", "Études, « comment faire »", "SEO, livres blancs, vidéos"),
        ("Évaluation des options", "Comparer", "Orienter le cahier des charges", "Cahiers des charges type", "Webinars, démos en ligne"),
        ("Consultation", "Faire une short list", "Être dans la short list en 1er", "Références, études de cas", "Présentations, démonstrations"),
        ("Achat", "Se décider", "Créer du lien", "Prix, équipe, service", "Meetings"),
        ("Déploiement / utilisation", "Adopter", "Développer la relation", "Formation, support", "Extranet, groupes clients"),
        ("Recommandation", "Partager ses résultats", "Fidéliser", "Témoignages", "Événements clients, LinkedIn"),
    )
    t["content_plan"] = [dict(zip(("stage", "customer_goal", "marketing_goal", "content", "formats"), c)) for c in content]
    channel_plan = (  # expected leads add up to the Lead generation tab's 7 800 (M2: +30 %)
        ("traditional", "Relations presse", "medium", "+ communiqués produit", 50), ("traditional", "Salons", "medium", "3 salons au lieu de 5", 600),
        ("traditional", "Séminaires", "medium", "2 séminaires régionaux", 100), ("traditional", "Télémarketing", "medium", "Qualification", 600),
        ("traditional", "Prospection commerciale", "medium", "Avec l'équipe commerciale", 560),
        ("web1", "Site web", "high", "Refonte, landing pages, appels entrants", 1_320), ("web1", "Newsletter", "high", "Mensuelle", 300),
        ("web1", "SEO", "high", "Contenus experts", 1_500), ("web1", "SEM (Ads)", "medium", "Recentré sur le lancement", 650),
        ("web1", "Nurturing (marketing automation)", "high", "Scoring et scénarios", 1_000),
        ("web1", "Lancement Produit 5 v2 (juin)", "high", "Landing page, webinar, Ads", 300),
        ("web2", "Réseaux sociaux", "medium", "LinkedIn", 450), ("web2", "Blog", "medium", "2 articles / mois", 70),
        ("traditional", "Account Based Marketing", "high", "40 comptes cibles", 300),
    )
    t["channel_plan"] = [dict(zip(("group", "channel", "importance", "evolution", "expected_leads"), c)) for c in channel_plan]
    t["priority_media"] = [
        {"media": "Site web", "target": "75 000 visiteurs uniques"}, {"media": "Emailing", "target": "3 000 emails / mois, CTR 5 %"},
        {"media": "Groupe LinkedIn", "target": "500 membres"}, {"media": "Relations presse", "target": "3 retombées / mois"},
    ]
    plan = {
        "Roadmap produit": ("", "", "Service 1 24/7", "", "", "Produit 5 v2"), "Contenus": ("Livre blanc NIS2", "", "3 études de cas", "", "Vidéos produit", ""),
        "Campagnes majeures": ("", "", "Salon SIDO", "", "", "Lancement Produit 5"), "Messages / marque": ("Plateforme de messages", "", "", "Nouvelle charte", "", ""),
        "Online": ("", "Refonte landing pages", "", "", "Nouveau site", ""), "Lead gen": ("Scoring des leads", "", "", "Nurturing", "", ""),
        "Événements": ("", "", "SIDO Lyon", "", "", "Séminaire Nantes"), "Relations presse": ("", "Dossier de presse", "", "", "", "Communiqué lancement"),
        "Relation client": ("Enquête NPS", "", "", "Communauté clients", "", ""), "Interne": ("Kick-off plan", "", "", "", "", "Revue semestrielle"),
        "Outils": ("Plateforme emailing", "Web tracking", "", "", "", ""),
    }
    t["action_plan"] = [{"category": c, **{f"month{i}": v for i, v in enumerate(vals, 1) if v}} for c, vals in plan.items()]
    t["team"] = [
        {"name": "Claire Martin", "role": "Directrice marketing", "group": "steering"},
        {"name": "Hugo Lefèvre", "role": "Marketing opérationnel, événements", "group": "operations"},
        {"name": "Inès Bernard", "role": "Webmaster, community management", "group": "operations"},
        {"name": "Thomas Roux", "role": "Chef de produit logiciels", "group": "product"},
    ]
    t["technologies"] = [
        {"technology": "CRM", "current_use": "Salesforce, ventes seulement", "evolutions": "Ouvrir au marketing", "budget": 20_000, "date": dt.date(2026, 3, 1)},
        {"technology": "Plateforme emailing", "current_use": "Outil basique", "evolutions": "Plateforme avec web tracking", "budget": 20_000,
         "date": dt.date(2026, 1, 15)},
        {"technology": "CMS", "current_use": "WordPress", "evolutions": "Refonte", "budget": 15_000, "date": dt.date(2026, 5, 1)},
        {"technology": "Web analytics", "current_use": "Google Analytics", "evolutions": "Tableaux de bord mensuels", "budget": 0},
        {"technology": "Plateforme webinar", "current_use": "Aucune", "evolutions": "Abonnement", "budget": 6_000, "date": dt.date(2026, 2, 1)},
        {"technology": "Marketing automation", "current_use": "Aucune", "evolutions": "Nurturing et scoring", "budget": 24_000,
         "date": dt.date(2026, 4, 1)},
    ]
