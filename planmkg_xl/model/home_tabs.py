"""The Accueil sheet's two tables: the readiness test and the checklist of input data.

Readiness test — seed slide 4 ("Faites le test", nine yes/no questions asked before
writing the plan). Each question the plan itself can answer gets its answer from the
plan (a formula: segments described, three initiatives stated, KPIs with a target…);
the director types the others, and may override the plan's answer (an override that
disagrees is finding RDY-001).

Checklist of input data — seed slide 9 ("Les données d'entrée nécessaires": market,
competition, customers incl. recency / frequency / value, sales, marketing, each
"disponible oui / non"). The seed calls its list an example; the marketing rows also
name the exports `planmkg import` reads (leads, web, emailing, events, monthly KPI
actuals), so that an import ticks its row with the file it came from
(``IMPORT_CHECKLIST``, applied by ``core.checklist``). The director ticks the rest.
"""
from __future__ import annotations

from .fields import Choice, Field, Kind, Sheet, Table, Text as T
from .metrics import AtLeast, ByRow, Const, Filled, R, Switch

F = Field
K = Kind

YES_NO = (Choice("yes", T("Oui", "Yes")), Choice("no", T("Non", "No")))

# id, question (seed slide 4, in its order), how the plan answers it (None: the director answers).
READINESS_QUESTIONS = (
    ("Q1", T("Avez-vous un plan marketing écrit ?", "Do you have a written marketing plan?"), None),
    ("Q2", T("Vos segments de marché et/ou de clients sont-ils clairement définis ?",
             "Are your market and/or customer segments clearly defined?"),
     AtLeast(Filled(("segments.profile",)), 2)),  # at least two segments described (Analyse)
    ("Q3", T("Êtes-vous certain que les attentes de vos clients sont prises en compte dans votre plan ?",
             "Are you sure your customers' expectations are taken into account in your plan?"),
     AtLeast(Filled(("personas.benefits",)), 1)),  # expected benefits of a target persona (Analyse)
    ("Q4", T("Votre plan repose-t-il sur une analyse récente de votre concurrence ?",
             "Does your plan rest on a recent analysis of your competition?"),
     AtLeast(Filled(("competitors.offer",)), 1)),  # a competitor's offer analysed (Analyse)
    ("Q5", T("Pouvez-vous relier facilement votre plan marketing avec la stratégie ou le plan de ventes ?",
             "Can you easily link your marketing plan with the sales strategy or plan?"),
     AtLeast(Filled(("marketing_objectives.strategic_id",)), 1)),  # marketing objectives linked to strategic ones
    ("Q6", T("Savez-vous si la croissance de votre C.A. va correspondre à une augmentation de vos parts de marché "
             "ou à une croissance de votre catégorie de marché ?",
             "Do you know whether your revenue growth will come from a larger market share or from the growth of "
             "your market category?"), None),
    ("Q7", T("Avez-vous défini les indicateurs de mesure permettant d'évaluer la performance des actions marketing ?",
             "Have you defined the measures to assess the performance of marketing actions?"),
     AtLeast(Filled(("kpis.target",)), 1)),  # KPIs with a target N (KPI)
    ("Q8", T("Pouvez-vous citer les 3 initiatives stratégiques du marketing cette année ?",
             "Can you name the 3 strategic initiatives of marketing this year?"),
     AtLeast(Filled(("ansoff_penetration", "ansoff_product", "ansoff_market", "ansoff_diversification")), 3)),
    ("Q9", T("Si vous avez répondu oui à la 1re question : tout le monde en interne connaît-il ce plan, en comprend-il les "
             "priorités et sait-il comment y contribuer ?",
             "If you answered yes to the first question: does everyone internally know this plan, understand its "
             "priorities and know how to contribute?"), None),
)

READINESS = Table(
    key="readiness", name="tReadiness", title=T("Faites le test : êtes-vous prêt ?", "Take the test: are you ready?"),
    fields=(
        F("id", T("N°", "No."), K.TEXT, width=5, required=True),
        F("question", T("Question", "Question"), K.LONGTEXT, width=62),
        F("plan_answer", T("Selon le plan", "Per the plan"), K.YESNO,
          T("Réponse lue dans le plan quand il peut répondre (segments décrits, objectifs liés, KPI, initiatives) ; vide sinon.",
            "Answer read from the plan where it can answer (segments described, linked objectives, KPIs, initiatives); empty otherwise."),
          formula=ByRow("id", tuple((qid, expr) for qid, _, expr in READINESS_QUESTIONS if expr is not None)), width=12),
        F("answer", T("Votre réponse", "Your answer"), K.CHOICE,
          T("Répondez quand le plan ne le peut pas, ou pour corriger sa réponse.", "Answer where the plan cannot, or to correct its answer."),
          choices=YES_NO, width=12),
        F("used", T("Réponse retenue", "Answer used"), K.YESNO, T("Votre réponse, sinon celle du plan.", "Your answer, else the plan's."),
          formula=Switch("answer", "yes", Const(1), Switch("answer", "no", Const(0), R("plan_answer"))), width=12),
    ),
    rows=tuple({"id": qid, "question": text} for qid, text, _ in READINESS_QUESTIONS),
    optional=True,
)

CATEGORIES = {
    "market": T("Données marché", "Market data"),
    "competition": T("Données concurrence", "Competition data"),
    "customers": T("Données clients", "Customer data"),
    "sales": T("Ventes", "Sales"),
    "marketing": T("Marketing", "Marketing"),
}

# id, category, item (seed slide 9; the last five marketing rows are the exports `planmkg import` reads).
CHECKLIST_ITEMS = (
    ("economic_report", "market", T("Rapport économique", "Economic report")),
    ("market_data", "market", T("Performance / données marché", "Market performance / data")),
    ("trend_studies", "market", T("Études tendances", "Trend studies")),
    ("competitor_profiles", "competition", T("Profils concurrents", "Competitor profiles")),
    ("competitor_figures", "competition", T("C.A. et dépenses", "Revenue and spend")),
    ("competitive_analysis", "competition", T("Analyse compétitive", "Competitive analysis")),
    ("competitor_shares", "competition", T("Parts de marché", "Market shares")),
    ("segmentation", "customers", T("Segmentation / ciblage", "Segmentation / targeting")),
    ("customer_counts", "customers", T("Comptages par catégorie, C.A. et produits achetés", "Counts by category, revenue and products bought")),
    ("rfm", "customers", T("Récence / fréquence / valeur", "Recency / frequency / value")),
    ("demographics", "customers", T("Profils démographiques", "Demographic profiles")),
    ("usage_studies", "customers", T("Études comportements & usages", "Behaviour & usage studies")),
    ("customer_database", "customers", T("Base de données clients", "Customer database")),
    ("revenue_analysis", "sales", T("Chiffre d'affaires : analyses et objectifs", "Revenue: analyses and targets")),
    ("sales_cycles", "sales", T("Analyse cycles de vente et performance", "Sales cycles and performance")),
    ("pipeline", "sales", T("Analyse distribution / opportunités", "Distribution / opportunities analysis")),
    ("product_strategy", "marketing", T("Stratégie produit", "Product strategy")),
    ("price_strategy", "marketing", T("Stratégie prix", "Price strategy")),
    ("marketing_shares", "marketing", T("Parts de marché", "Market shares")),
    ("spend", "marketing", T("Dépenses", "Spend")),
    ("leads", "marketing", T("Leads et qualification (CRM)", "Leads and qualification (CRM)")),
    ("web", "marketing", T("Audience web (analytics)", "Web audience (analytics)")),
    ("emailing", "marketing", T("Campagnes emailing", "Emailing campaigns")),
    ("events", "marketing", T("Événements : coûts, participants, leads", "Events: cost, attendees, leads")),
    ("kpi_actuals", "marketing", T("Réalisés mensuels des KPI", "Monthly KPI actuals")),
)

# What each `planmkg import` kind proves available: import kind -> checklist item ids.
IMPORT_CHECKLIST: dict[str, tuple[str, ...]] = {
    "deals": ("revenue_analysis", "sales_cycles", "pipeline"),
    "leads": ("leads",),
    "web": ("web",),
    "emailing": ("emailing",),
    "events": ("events",),
    "spend": ("spend",),
    "invoices": ("customer_counts", "rfm", "customer_database"),
    "kpi-actuals": ("kpi_actuals",),
}

# What filling a table proves, whatever the kind of export that filled it: Canaux (revenue by sales channel, from deals
# or invoices) is the distribution analysis.
TABLE_CHECKLIST: dict[str, tuple[str, ...]] = {"channels": ("pipeline",)}

INPUT_DATA = Table(
    key="input_data", name="tInputData", title=T("Les données d'entrée nécessaires", "The input data you need"),
    fields=(
        F("category", T("Données", "Data"), K.TEXT, width=16),
        F("item", T("Élément", "Item"), K.TEXT, width=36, required=True),
        F("available", T("Disponible", "Available"), K.CHOICE, choices=YES_NO, width=12),
        F("source", T("Source (fichier, étude…)", "Source (file, study…)"), K.TEXT,
          T("Rempli par planmkg import avec le nom du fichier ; sinon, d'où vient la donnée.",
            "Filled by planmkg import with the file name; otherwise, where the data comes from."), width=30),
        F("updated", T("Mis à jour le", "Updated on"), K.DATE, width=12),
    ),
    rows=tuple({"category": CATEGORIES[cat], "item": text} for _, cat, text in CHECKLIST_ITEMS),
    blank_rows=2,
    optional=True,
    note=T("L'objectif n'est pas de tout avoir, mais de collecter ce qui existe et de voir ce qui manque.",
           "The aim is not to have everything, but to collect what exists and see what is missing."),
)

HOME_SHEET = Sheet(
    "home", "shAccueil", T("Accueil", "Home"),
    T("Avant de commencer : faites le test et listez les données disponibles.", "Before you start: take the test and list the data you have."),
    (READINESS, INPUT_DATA), stacked=True, first_col=4,
)
