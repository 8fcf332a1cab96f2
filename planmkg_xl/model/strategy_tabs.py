"""The qualitative part of the plan (PLAN_SPEC §1.11): analysis, strategy, action plan.

These tables feed the executive-summary slides; their first column is the item's
label (pre-filled where the seed gives the list, e.g. the customer segments).
"""
from __future__ import annotations

from .fields import Choice, Field, Kind, RowUnit, Scalars, Sheet, Table, Text as T
from .metrics import Lookup, Override, R, Sum
from .plan_tabs import METRIC_SOURCES, METRICS, UNITS

F = Field
K = Kind


def _text(key: str, fr: str, en: str, width: float = 30, kind: Kind = K.LONGTEXT, required: bool = False) -> Field:
    return F(key, T(fr, en), kind, width=width, required=required)


MARKET_REVIEW = Table("market_review", "tMarketReview", T("Revue marché (5 tendances ou faits au plus)", "Market review (at most 5 trends or facts)"), (
    _text("trend", "Tendance / fait", "Trend / fact", 36, required=True),
    _text("market_impact", "Impact sur le marché", "Impact on the market", 36),
    _text("business_impact", "Impact sur votre business", "Impact on your business", 36)), blank_rows=5)

SEGMENTS = Table("segments", "tSegments", T("Segments clients et potentiels", "Customer segments and potential"), (
    _text("segment", "Segment", "Segment", 18, K.TEXT, True),
    _text("profile", "Profil (taille, secteur, nombre adressable)", "Profile (size, sector, addressable count)"),
    F("revenue_share", T("Part du C.A.", "Share of revenue"), K.RATE, width=10),
    _text("needs", "Besoins et challenges clés", "Key needs and challenges"),
    _text("offer", "Offre / proposition de valeur", "Offer / value proposition"),
    _text("potential", "Potentiel N", "Potential N", 18),
    _text("acquisition", "Clients existants vs nouveaux", "Existing vs new customers", 22)), blank_rows=4)

PERSONAS = Table("personas", "tPersonas", T("Vision client : fonctions cibles / personas", "Customer view: target functions / personas"), (
    _text("function", "Fonction / persona", "Function / persona", 22, K.TEXT, True),
    _text("description", "Description, nombre, profil", "Description, count, profile"),
    _text("benefits", "Bénéfices attendus", "Expected benefits"),
    _text("potential", "Potentiel", "Potential", 12, K.TEXT),
    _text("advantage", "Avantage de l'entreprise", "Company advantage", 20),
    F("priority", T("Priorité", "Priority"), K.NUMBER, width=9)), blank_rows=4)

COMPETITORS = Table("competitors", "tCompetitors", T("Analyse compétitive (4–5 concurrents)", "Competitive analysis (4–5 competitors)"), (
    _text("competitor", "Concurrent", "Competitor", 18, K.TEXT, True),
    _text("offer", "Offre compétitive", "Competitive offer"),
    _text("targets", "Cibles", "Targets", 22),
    _text("winner_loser", "Winner / loser et pourquoi", "Winner / loser and why", 24),
    _text("marketing", "Marketing", "Marketing", 22),
    _text("communication", "Communication", "Communication", 22)), blank_rows=5)

SWOT_QUADRANTS = (
    Choice("strength", T("Force", "Strength")), Choice("weakness", T("Faiblesse", "Weakness")),
    Choice("opportunity", T("Opportunité", "Opportunity")), Choice("threat", T("Menace", "Threat")),
)
SWOT = Table("swot", "tSWOT", T("SWOT (5 éléments par quadrant au plus)", "SWOT (at most 5 items per quadrant)"), (
    F("quadrant", T("Quadrant", "Quadrant"), K.CHOICE, choices=SWOT_QUADRANTS, width=14, required=True),
    _text("item", "Élément", "Item", 60)), blank_rows=8)

ANSOFF_CHOICES = (
    Choice("market_penetration", T("Pénétration de marché", "Market penetration")),
    Choice("product_development", T("Développement produit", "Product development")),
    Choice("market_development", T("Développement marché", "Market development")),
    Choice("diversification", T("Diversification", "Diversification")),
)
ANSOFF = Scalars("ansoff", T("Initiative stratégique (matrice d'Ansoff)", "Strategic initiative (Ansoff matrix)"), (
    F("ansoff_choice", T("Chemin de croissance principal", "Main growth path"), K.CHOICE, choices=ANSOFF_CHOICES),
    _text("ansoff_penetration", "Pénétration de marché : en quelques mots", "Market penetration: in a few words"),
    _text("ansoff_product", "Développement produit : en quelques mots", "Product development: in a few words"),
    _text("ansoff_market", "Développement marché : en quelques mots", "Market development: in a few words"),
    _text("ansoff_diversification", "Diversification : en quelques mots", "Diversification: in a few words")))

POSITIONING = Table("positioning", "tPositioning", T("Positionnement", "Positioning"), (
    _text("attribute", "Élément", "Element", 20, K.TEXT, True),
    _text("current", "Positionnement actuel", "Current positioning", 44),
    _text("evolution", "Évolutions à apporter", "Changes to make", 44)),
    rows=tuple({"attribute": T(fr, en)} for fr, en in (("Nom", "Name"), ("Catégorie", "Category"), ("Bénéfice", "Benefit"),
                                                        ("Marchés cibles", "Target markets"), ("Levier", "Lever"),
                                                        ("Avantage compétitif", "Competitive advantage"))))

MIX = Table("mix", "tMix", T("Mix produit et prix", "Product and price mix"), (
    _text("offer", "Offre produit / service", "Product / service offer", 20, K.TEXT, True),
    _text("evolutions", "Évolutions produit", "Product changes"),
    F("date", T("Date prévue", "Planned date"), K.DATE, width=12),
    _text("price_positioning", "Positionnement prix", "Price positioning", 20),
    _text("price_evolutions", "Évolutions prix", "Price changes", 26)), blank_rows=5)

DISTRIBUTION = Table("distribution", "tDistribution", T("Mix distribution", "Distribution mix"), (
    _text("channel", "Canal actuel", "Current channel", 24, K.TEXT, True),
    F("contribution", T("Contribution aux ventes", "Share of sales"), K.RATE, width=12),
    _text("products", "Produits / services distribués", "Products / services sold", 24),
    _text("evolutions", "Évolutions à prévoir", "Planned changes")),
    rows=tuple({"channel": T(fr, en)} for fr, en in (
        ("Ventes directes grands comptes", "Direct sales, key accounts"), ("Ventes directes SMB", "Direct sales, SMB"),
        ("Inside sales", "Inside sales"), ("Ventes sur internet", "Online sales"), ("Distributeurs", "Distributors"),
        ("Partenaires à valeur ajoutée (intégrateurs, ISV)", "Value-added partners (integrators, ISVs)"), ("Influenceurs", "Influencers"))))

CUSTOMER_SEGMENTS = Table("customer_segments", "tCustomerSegments", T("Stratégie clients : segments (récence / fréquence / valeur)",
                                                                      "Customer strategy: segments (recency / frequency / value)"), (
    _text("segment", "Segment", "Segment", 16, K.TEXT, True),
    _text("definition", "Définition", "Definition", 36),
    F("count", T("Nombre de clients", "Customers"), K.COUNT, total="sum", width=12),
    F("share", T("% de la base", "% of base"), K.RATIO, T("Nombre / total des segments.", "Count / total of the segments."),
      formula=R("count") / Sum("count")),
    F("revenue", T("C.A. N-1", "Revenue N-1"), K.MONEY, T("C.A. N-1 des clients du segment (import des factures).",
                                                          "Revenue N-1 of the segment's customers (invoice import)."), total="sum", width=12),
    F("revenue_share", T("% du C.A. N-1", "% of revenue N-1"), K.RATIO, T("C.A. du segment / C.A. total des segments.",
                                                                        "Segment revenue / total revenue of the segments."),
      formula=R("revenue") / Sum("revenue")),
    _text("tactics", "Tactiques", "Tactics", 40)),
    rows=tuple({"segment": T(fr, en)} for fr, en in (("Nouveaux", "New"), ("Stars", "Stars"), ("Fidèles", "Loyal"),
                                                      ("Irréguliers", "Irregular"), ("Dormants", "Dormant"), ("Perdus", "Lost"))), totals=True)

CUSTOMER_TACTICS = Table("customer_tactics", "tCustomerTactics", T("Stratégie clients : tactiques par objectif marketing",
                                                                    "Customer strategy: tactics per marketing objective"), (
    _text("objective_id", "Objectif marketing", "Marketing objective", 14, K.TEXT, True),
    _text("tactics", "Tactiques clients", "Customer tactics", 70)), blank_rows=5)

BUYING_STAGES = Table("buying_stages", "tBuyingStages", T("Stratégie lead generation : cycle d'achat", "Lead generation strategy: buying cycle"), (
    _text("stage", "Étape", "Stage", 26, K.TEXT, True),
    F("companies", T("Entreprises", "Companies"), K.COUNT, width=11),
    F("accounts", T("Comptes", "Accounts"), K.COUNT, width=11),
    F("contacts", T("Contacts", "Contacts"), K.COUNT, width=11),
    F("emails", T("Emails", "Emails"), K.COUNT, width=11)),
    rows=tuple({"stage": T(fr, en)} for fr, en in (("Marché adressable", "Addressable market"), ("Notoriété", "Awareness"),
                                                    ("Intérêt / leads", "Interest / leads"), ("Leads qualifiés", "Qualified leads"),
                                                    ("Opportunités", "Opportunities"), ("Achat", "Purchase"))))

LEAD_TACTICS = Table("lead_tactics", "tLeadTactics", T("Stratégie lead generation : tactiques par objectif", "Lead generation strategy: tactics per objective"), (
    _text("objective_id", "Objectif marketing", "Marketing objective", 14, K.TEXT, True),
    _text("tactics", "Tactiques prospects", "Prospect tactics", 70)), blank_rows=5)

def _metric_table(key: str, name: str, title: T, width: float, rows: tuple[tuple[str, str, str | None, str], ...]) -> Table:
    """A strategy metric table (N-1 and target N per metric): the N-1 is a live link to the tabs.

    A row names its source metric; its N-1 is then the tabs' value (one source), and a
    value typed in "N-1 typed" is an override that the checks compare with it (SRC-002).
    The unit (or the source metric's) formats, validates and reads the row's values.
    """
    return Table(key, name, title, (
        _text("metric", "Métrique", "Metric", width, K.TEXT, True),
        F("source", T("Métrique source", "Source metric"), K.CHOICE,
          T("La métrique des onglets dont la valeur N-1 est reprise ; vide ou « Autre » : saisissez le N-1.",
            "The tabs' metric whose N-1 value is used; empty or \"Other\": type the N-1."), choices=METRICS, width=18),
        F("unit", T("Unité", "Unit"), K.CHOICE, T("Vide = l'unité de la métrique source.", "Empty = the source metric's unit."),
          choices=UNITS, width=9),
        F("value_prev", T("N-1 saisi", "N-1 typed"), K.NUMBER,
          T("Vide = la valeur des onglets (colonne suivante). Saisi : il la remplace, et un écart est signalé.",
            "Empty = the tabs' value (next column). Typed: it replaces it, and a gap is reported."), width=11),
        F("value_tabs", T("N-1 des onglets", "N-1 from the tabs"), K.NUMBER,
          T("Valeur N-1 de la métrique source, lue dans les onglets.", "N-1 value of the source metric, read from the tabs."),
          formula=Lookup("source", METRIC_SOURCES), width=11),
        F("baseline", T("N-1 retenu", "N-1 used"), K.NUMBER, T("N-1 saisi, sinon celui des onglets.", "N-1 typed, else the tabs' one."),
          formula=Override("value_prev", "value_tabs"), width=11),
        F("target", T("Objectif N", "Target N"), K.NUMBER, width=11)),
        rows=tuple({k: v for k, v in (("metric", T(fr, en)), ("source", src), ("unit", unit)) if v is not None} for fr, en, src, unit in rows),
        row_unit=RowUnit("unit", ("value_prev", "value_tabs", "baseline", "target"), "source"))


LEADGEN_TARGETS = _metric_table("leadgen_targets", "tLeadGenTargets", T("Métriques lead generation", "Lead generation metrics"), 30, (
    ("Leads entrants", "Inbound leads", "leads", "count"), ("Leads qualifiés", "Qualified leads", "qualified_leads", "count"),
    ("Coût au lead qualifié", "Cost per qualified lead", "cost_per_qualified_lead", "money"),
    ("Visiteurs uniques web", "Web unique visitors", "web_unique_visitors", "count"), ("Leads web", "Web leads", "web_leads", "count"),
    ("CTR moyen emailing", "Average emailing CTR", "email_ctr", "percent"),
    ("Contacts avec email", "Contacts with an email", None, "count"), ("Participants webinars", "Webinar attendees", None, "count"),
    ("Leads en nurturing", "Leads in nurturing", None, "count")))

BRAND = Table("brand", "tBrand", T("Stratégie de marque", "Brand strategy"), (
    _text("dimension", "Dimension", "Dimension", 20, K.TEXT, True),
    _text("current", "Situation actuelle", "Current state", 40),
    _text("evolution", "Évolution / amélioration", "Change / improvement", 40)),
    rows=tuple({"dimension": T(fr, en)} for fr, en in (
        ("Purpose", "Purpose"), ("Personnalité", "Personality"), ("Architecture de marque", "Brand architecture"),
        ("Charte graphique", "Visual identity"), ("Promesse", "Promise"), ("Messages clés", "Key messages"), ("Expression", "Expression"),
        ("Investissements", "Investments"))))

BRAND_METRICS = _metric_table("brand_metrics", "tBrandMetrics", T("Métriques de marque", "Brand metrics"), 26, (
    ("Valeur de marque", "Brand value", None, "money"), ("Taux de notoriété", "Awareness rate", None, "percent"),
    ("Taux de recommandation", "Recommendation rate", None, "percent"), ("Évolution du trafic web", "Web traffic growth", None, "percent"),
    ("Part de voix", "Share of voice", None, "percent"), ("Articles presse", "Press articles", None, "count")))

CONTENT = Table("content_plan", "tContent", T("Plan de contenus par étape du parcours d'achat", "Content plan by buying-journey stage"), (
    _text("stage", "Étape", "Stage", 22, K.TEXT, True),
    _text("customer_goal", "Objectif client", "Customer goal", 26),
    _text("marketing_goal", "Objectif marketing", "Marketing goal", 26),
    _text("content", "Information / contenus", "Information / content", 34),
    _text("formats", "Formats / canaux", "Formats / channels", 34)),
    rows=tuple({"stage": T(fr, en)} for fr, en in (
        ("Bon profil", "Right profile"), ("Définition du problème", "Problem definition"), ("Évaluation des options", "Options review"),
        ("Consultation", "Consultation"), ("Achat", "Purchase"), ("Déploiement / utilisation", "Deployment / use"),
        ("Recommandation", "Recommendation"))))

CHANNEL_GROUPS = (
    Choice("traditional", T("Traditionnel", "Traditional")), Choice("web1", T("Web 1.0", "Web 1.0")), Choice("web2", T("Web 2.0", "Web 2.0")),
)
IMPORTANCE = (Choice("high", T("Forte", "High")), Choice("medium", T("Moyenne", "Medium")), Choice("low", T("Faible", "Low")),
              Choice("none", T("Aucune", "None")))
CHANNEL_PLAN = Table("channel_plan", "tChannelPlan", T("Stratégie canaux", "Channel strategy"), (
    F("group", T("Famille", "Group"), K.CHOICE, choices=CHANNEL_GROUPS, width=13, required=True),
    _text("channel", "Canal", "Channel", 22, K.TEXT),
    F("importance", T("Importance", "Importance"), K.CHOICE, choices=IMPORTANCE, width=11),
    _text("evolution", "Évolutions", "Changes", 34),
    F("expected_leads", T("# leads entrants attendus", "# inbound leads expected"), K.COUNT, total="sum", width=13)),
    rows=tuple({"group": g, "channel": T(fr, en)} for g, fr, en in (
        ("traditional", "Relations presse", "Press relations"), ("traditional", "Publicité offline", "Offline advertising"),
        ("traditional", "Salons", "Trade shows"), ("traditional", "Séminaires", "Seminars"), ("traditional", "Marketing direct", "Direct marketing"),
        ("traditional", "Télémarketing", "Telemarketing"), ("web1", "Site web", "Website"), ("web1", "Newsletter", "Newsletter"),
        ("web1", "Bannières", "Banners"), ("web1", "SEO", "SEO"), ("web1", "SEM (Ads)", "SEM (Ads)"), ("web2", "Réseaux sociaux", "Social networks"),
        ("web2", "Blog", "Blog"), ("web2", "Forum", "Forum"))),
    totals=True)

PRIORITY_MEDIA = Table("priority_media", "tPriorityMedia", T("Médias prioritaires et objectifs", "Priority media and targets"), (
    _text("media", "Média prioritaire", "Priority media", 22, K.TEXT, True),
    _text("target", "Objectif N", "Target N", 40)), blank_rows=4)

ACTION_MONTHS = (("Janvier", "January"), ("Février", "February"), ("Mars", "March"), ("Avril", "April"), ("Mai", "May"), ("Juin", "June"))
ACTION_PLAN = Table("action_plan", "tActionPlan", T("Plan d'action 6 mois", "6-month action plan"), (
    _text("category", "Actions", "Actions", 22, K.TEXT, True),
    *(_text(f"month{i}", fr, en, 18) for i, (fr, en) in enumerate(ACTION_MONTHS, 1))),
    rows=tuple({"category": T(fr, en)} for fr, en in (
        ("Roadmap produit", "Product roadmap"), ("Contenus", "Content"), ("Campagnes majeures", "Major campaigns"),
        ("Messages / marque", "Messages / brand"), ("Online", "Online"), ("Lead gen", "Lead gen"), ("Événements", "Events"),
        ("Relations presse", "Press relations"), ("Relation client", "Customer relations"), ("Interne", "Internal"), ("Outils", "Tools"))))

TEAM = Table("team", "tTeam", T("Organisation marketing", "Marketing organisation"), (
    _text("name", "Nom", "Name", 18, K.TEXT, True),
    _text("role", "Rôle", "Role", 26, K.TEXT),
    F("group", T("Pôle", "Group"), K.CHOICE, choices=(
        Choice("steering", T("Pilotage", "Steering")), Choice("operations", T("Marketing opérationnel", "Operational marketing")),
        Choice("product", T("Marketing produit", "Product marketing"))), width=22)), blank_rows=4)

TECHNOLOGIES = Table("technologies", "tTechnologies", T("Technologies marketing", "Marketing technologies"), (
    _text("technology", "Technologie", "Technology", 26, K.TEXT, True),
    _text("current_use", "Utilisation actuelle", "Current use", 26),
    _text("evolutions", "Évolutions à prévoir", "Planned changes", 26),
    F("budget", T("Budget nécessaire", "Budget needed"), K.MONEY, total="sum", width=12),
    F("date", T("Date prévue", "Planned date"), K.DATE, width=12)),
    rows=tuple({"technology": T(fr, en)} for fr, en in (
        ("CRM", "CRM"), ("Plateforme emailing", "Emailing platform"), ("CMS", "CMS"), ("Web analytics", "Web analytics"),
        ("Plateforme webinar", "Webinar platform"), ("Plateforme réseaux sociaux", "Social media platform"),
        ("Marketing automation", "Marketing automation"))), totals=True)

PITCH = Scalars("pitch", T("Résumé 1 page : le pitch en quatre phrases", "One-page summary: the pitch in four sentences"), (
    _text("pitch_diagnostic", "Diagnostic situation", "Situation", 90),
    _text("pitch_objectives", "Objectifs prioritaires", "Priority objectives", 90),
    _text("pitch_strategies", "Stratégies", "Strategies", 90),
    _text("pitch_resources", "Ressources", "Resources", 90)))

# The ten "Executive Summary" slides of the seed (22, 27, 30, 38, 40, 36, 43, 50, 53–54, 56), in the deck's order:
# each one's topic (the small label above its title) and the row of the "deck titles" table that overrides its title.
DECK_SLIDES = (
    ("swot", T("Analyse SWOT", "SWOT analysis")),
    ("objectives", T("Synthèse des objectifs", "Objectives at a glance")),
    ("ansoff", T("Initiatives stratégiques", "Strategic initiatives")),
    ("customers", T("Stratégie clients", "Customer strategy")),
    ("leadgen_strategy", T("Stratégie lead generation", "Lead generation strategy")),
    ("brand", T("Stratégie de marque", "Brand strategy")),
    ("content", T("Stratégie de contenus", "Content strategy")),
    ("budget", T("Budget marketing", "Marketing budget")),
    ("kpis", T("Indicateurs de performance (KPI)", "Key performance indicators")),
    ("pitch", T("Résumé 1 page", "One-page summary")),
)

DECK_TITLES = Table("deck_titles", "tDeckTitles", T("Titres des slides Executive Summary", "Executive Summary slide titles"), (
    _text("slide", "Slide", "Slide", 30, K.TEXT, True),
    _text("title", "Titre imposé (vide = conclusion calculée)", "Title override (empty = computed conclusion)", 70)),
    rows=tuple({"slide": topic} for _, topic in DECK_SLIDES),
    note=T("Le deck titre chaque slide par sa conclusion, calculée à partir des chiffres du plan ; un titre saisi ici la remplace.",
           "The deck titles each slide with its conclusion, computed from the plan's numbers; a title typed here replaces it."),
    optional=True)

STRATEGY_SHEETS = (
    Sheet("analysis", "shAnalyse", T("Analyse", "Analysis"), T("Situation actuelle : marché, segments, clients, concurrence, SWOT.",
                                                              "Current situation: market, segments, customers, competition, SWOT."),
          (MARKET_REVIEW, SEGMENTS, PERSONAS, COMPETITORS, SWOT), stacked=True),
    Sheet("strategy", "shStrategie", T("Stratégie", "Strategy"), T("Initiatives, positionnement, mix, clients, lead generation, marque, contenus, canaux.",
                                                                  "Initiatives, positioning, mix, customers, lead generation, brand, content, channels."),
          (ANSOFF, POSITIONING, MIX, DISTRIBUTION, CUSTOMER_SEGMENTS, CUSTOMER_TACTICS, BUYING_STAGES, LEAD_TACTICS, LEADGEN_TARGETS,
           BRAND, BRAND_METRICS, CONTENT, CHANNEL_PLAN, PRIORITY_MEDIA), stacked=True),
    Sheet("action", "shPlanAction", T("Plan d'action", "Action plan"), T("Plan d'action 6 mois, organisation, technologies, résumé 1 page.",
                                                                        "6-month action plan, organisation, technologies, one-page summary."),
          (ACTION_PLAN, TEAM, TECHNOLOGIES, PITCH, DECK_TITLES), stacked=True),
)
