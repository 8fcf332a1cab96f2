"""Objectives, budget, KPI plan and settings (PLAN_SPEC §1.8–1.10), declared once.

The budget scorecard follows seed slides 49–52: three blocks of lines (top-down
envelope vs bottom-up sum), programmes + salaries = total marketing cost, ratios to
company revenue and per marketing head. Benchmarks live in an editable table.
"""
from __future__ import annotations

from .fields import Choice, Field, Kind, RowUnit, Scalars, Sheet, Table, Text as T
from .metrics import Blank, Fallback, Lookup, Override, R, RowSum, SumIf, Switch, TotalOf
from .season import ExpectedToDate

F = Field
K = Kind

STRATEGIC_TYPES = (
    Choice("financial", T("Financier", "Financial")), Choice("commercial", T("Commercial", "Commercial")),
    Choice("international", T("International", "International")),
    Choice("business_development", T("Business développement", "Business development")), Choice("other", T("Autre", "Other")),
)

# Metrics an objective or a KPI can point at; the coherence checks understand these keys.
METRICS = (
    Choice("revenue", T("C.A.", "Revenue")), Choice("profitability", T("Rentabilité", "Profitability")),
    Choice("sales_cycle", T("Durée du cycle de vente", "Sales cycle length")),
    Choice("new_customers", T("Nouveaux clients", "New customers")), Choice("customers", T("Nombre de clients", "Customers")),
    Choice("market_penetration", T("Pénétration marché", "Market penetration")),
    Choice("deals", T("Ventes", "Deals")), Choice("opportunities", T("Opportunités", "Opportunities")),
    Choice("leads", T("Leads entrants", "Inbound leads")), Choice("qualified_leads", T("Leads qualifiés", "Qualified leads")),
    Choice("cost_per_qualified_lead", T("Coût au lead qualifié", "Cost per qualified lead")),
    Choice("lead_to_opportunity", T("Conversion lead → opportunité", "Lead → opportunity conversion")),
    Choice("win_ratio", T("Win ratio", "Win ratio")),
    Choice("marketing_budget", T("Budget marketing", "Marketing budget")),
    Choice("web_visits", T("Visites web", "Web visits")), Choice("web_unique_visitors", T("Visiteurs uniques web", "Web unique visitors")),
    Choice("web_leads", T("Leads web", "Web leads")), Choice("email_ctr", T("Taux de clic emailing", "Emailing click rate")),
    Choice("partners", T("Partenaires", "Partners")), Choice("other", T("Autre", "Other")),
)

UNITS = (
    Choice("money", T("€", "€")), Choice("percent", T("%", "%")), Choice("count", T("nombre", "count")),
    Choice("days", T("jours", "days")), Choice("months", T("mois", "months")), Choice("other", T("autre", "other")),
)

# The unit a metric is measured in: a row that names its metric needs no unit typed.
METRIC_UNITS = {
    "revenue": "money", "profitability": "percent", "sales_cycle": "days", "new_customers": "count", "customers": "count",
    "market_penetration": "percent", "deals": "count", "opportunities": "count", "leads": "count", "qualified_leads": "count",
    "cost_per_qualified_lead": "money", "lead_to_opportunity": "percent", "win_ratio": "percent", "marketing_budget": "money",
    "web_visits": "count", "web_unique_visitors": "count", "web_leads": "count", "email_ctr": "percent", "partners": "count",
}

# Where each metric's N-1 value lives in the tabs (a table total or a named cell): the one
# source an objective's baseline, a KPI's N-1 and a strategy metric's N-1 are linked to.
METRIC_SOURCES = (
    ("revenue", "commercial.revenue"), ("deals", "commercial.deals"), ("opportunities", "commercial.opportunities"),
    ("win_ratio", "commercial.win_ratio"), ("customers", "commercial.customers"), ("new_customers", "key_metrics.new_customers"),
    ("leads", "leadgen.leads"), ("qualified_leads", "leadgen.qualified_leads"),
    ("cost_per_qualified_lead", "leadgen.cost_per_qualified_lead"), ("lead_to_opportunity", "leadgen.lead_to_opportunity"),
    ("marketing_budget", "total_cost_prev"), ("web_visits", "web.visits"), ("web_unique_visitors", "web_annual_unique_visitors"),
    ("web_leads", "web.web_leads"), ("email_ctr", "emailing.click_rate"),
)
# Objectives: a "marketing budget" objective is the lead-generation budget the funnel checks (OBJ-001).
OBJECTIVE_SOURCES = tuple((k, "leadgen.spend" if k == "marketing_budget" else src) for k, src in METRIC_SOURCES)

SCOPES = (Choice("whole", T("Tout l'entonnoir", "Whole funnel")), Choice("part", T("Une partie", "A part")))

_OBJECTIVE_COMMON = (
    F("statement", T("Énoncé", "Statement"), K.LONGTEXT, width=46, required=True),
    F("metric", T("Métrique", "Metric"), K.CHOICE, T("Ce que l'on mesure : les contrôles de cohérence s'appuient dessus.",
                                                     "What is measured: the coherence checks rely on it."), choices=METRICS, width=20),
    F("scope", T("Périmètre", "Scope"), K.CHOICE,
      T("Tout l'entonnoir (vide) : la base N-1 est celle des onglets. Une partie (une offre, un pays) : saisissez sa base N-1.",
        "Whole funnel (empty): the baseline N-1 is the tabs' one. A part (one offer, one country): type its baseline N-1."),
      choices=SCOPES, width=13),
    F("baseline_typed", T("Base N-1 saisie", "Baseline N-1 typed"), K.NUMBER,
      T("Vide = la base N-1 des onglets (colonne suivante). Saisie : elle la remplace, et un écart est signalé.",
        "Empty = the tabs' baseline N-1 (next column). Typed: it replaces it, and a gap is reported."), width=11),
    F("baseline_tabs", T("Base N-1 des onglets", "Baseline N-1 from the tabs"), K.NUMBER,
      T("Valeur N-1 de la métrique, lue dans les onglets (vide pour une partie de l'entonnoir).",
        "The metric's N-1 value, read from the tabs (empty for a part of the funnel)."),
      formula=Switch("scope", "part", Blank(), Lookup("metric", OBJECTIVE_SOURCES)), width=11),
    F("baseline", T("Base N-1 retenue", "Baseline N-1 used"), K.NUMBER, T("La base saisie, sinon celle des onglets.",
                                                                          "The baseline typed, else the tabs' one."),
      formula=Override("baseline_typed", "baseline_tabs"), width=11),
    F("target", T("Cible N", "Target N"), K.NUMBER, T("Valeur visée en N.", "Value targeted for N."), width=12),
    F("unit", T("Unité", "Unit"), K.CHOICE, T("Vide = l'unité de la métrique.", "Empty = the metric's unit."), choices=UNITS, width=9),
    F("deadline", T("Échéance", "Deadline"), K.DATE, T("Date à laquelle la cible doit être atteinte (dans l'année N).",
                                                       "Date by which the target must be met (within year N)."), width=12),
    F("change", T("Évolution visée", "Targeted change"), K.RATIO, T("Cible / base − 1.", "Target / baseline − 1."),
      formula=R("target") / R("baseline") - 1),
)
_OBJECTIVE_UNIT = RowUnit("unit", ("baseline_typed", "baseline_tabs", "baseline", "target"), "metric")

STRATEGIC = Table(
    key="strategic_objectives", name="tStrategicObjectives",
    title=T("Objectifs stratégiques (comité de direction)", "Strategic objectives (executive committee)"),
    fields=(F("id", T("Id", "Id"), K.TEXT, width=7, required=True),
            F("type", T("Type", "Type"), K.CHOICE, choices=STRATEGIC_TYPES, width=18)) + _OBJECTIVE_COMMON,
    blank_rows=5, row_unit=_OBJECTIVE_UNIT,
)
MARKETING = Table(
    key="marketing_objectives", name="tMarketingObjectives",
    title=T("Objectifs marketing", "Marketing objectives"),
    fields=(F("id", T("Id", "Id"), K.TEXT, width=7, required=True),
            F("strategic_id", T("Objectif stratégique lié", "Linked strategic objective"), K.TEXT,
              T("Id de l'objectif stratégique auquel cet objectif contribue.", "Id of the strategic objective this one serves."), width=12)) + _OBJECTIVE_COMMON,
    blank_rows=5, row_unit=_OBJECTIVE_UNIT,
)

BUDGET_BLOCKS = (
    Choice("customers", T("1. Stratégie clients", "1. Customer strategy")),
    Choice("leadgen", T("2. Stratégie lead generation", "2. Lead generation strategy")),
    Choice("resources", T("3. Autres ressources", "3. Other resources")),
)

BUDGET = Table(
    key="budget", name="tBudget", title=T("Budget des programmes (bottom-up)", "Programme budget (bottom-up)"),
    fields=(
        F("block", T("Bloc", "Block"), K.CHOICE, choices=BUDGET_BLOCKS, width=28, required=True),
        F("line", T("Ligne", "Line"), K.TEXT, width=30),
        F("spend_prev", T("Dépenses N-1", "Spend N-1"), K.KMONEY, T("Dépensé en N-1 (en €, affiché en k€).", "Spent in N-1 (in €, shown in k€)."), total="sum"),
        F("budget", T("Budget N", "Budget N"), K.KMONEY, T("Prévu en N (en €, affiché en k€).", "Planned for N (in €, shown in k€)."), total="sum"),
        F("change", T("Évolution", "Change"), K.RATIO, T("Budget N / dépenses N-1 − 1.", "Budget N / spend N-1 − 1."), formula=R("budget") / R("spend_prev") - 1),
    ),
    blank_rows=8,
    totals=True,
)


def _block_sum(block: str, key: str):
    return SumIf("budget", "block", block, key)


BUDGET_INPUTS = Scalars(
    key="budget_inputs", title=T("Enveloppe et ressources", "Envelope and resources"),
    fields=(
        F("envelope", T("Enveloppe programmes N (top-down)", "Programme envelope N (top-down)"), K.KMONEY,
          T("Montant fixé par le comité de direction ; vide = % du C.A. ci-dessous.", "Amount set by the executive committee; empty = % of revenue below.")),
        F("envelope_pct", T("Enveloppe en % du C.A. N", "Envelope as % of revenue N"), K.RATE,
          T("Approche top-down recommandée par le modèle : un % du C.A.", "Top-down approach recommended by the seed: a % of revenue.")),
        F("salaries_prev", T("Salaires et frais marketing N-1", "Marketing salaries and costs N-1"), K.KMONEY),
        F("salaries", T("Salaires et frais marketing N", "Marketing salaries and costs N"), K.KMONEY),
        F("headcount_prev", T("Employés marketing N-1", "Marketing headcount N-1"), K.NUMBER),
        F("headcount", T("Employés marketing N", "Marketing headcount N"), K.NUMBER),
        F("company_revenue_prev_typed", T("C.A. entreprise N-1 saisi", "Company revenue N-1 typed"), K.KMONEY,
          T("Vide = le C.A. N-1 de l'onglet Commercial. Saisi : il le remplace, et un écart est signalé.",
            "Empty = the Commercial tab's revenue N-1. Typed: it replaces it, and a gap is reported.")),
        F("company_revenue", T("C.A. entreprise N", "Company revenue N"), K.KMONEY),
    ),
)

_SCORE = []
for _b in BUDGET_BLOCKS:
    _SCORE.append(F(f"total_{_b.key}_prev", T(f"Total {_b.label.fr[3:]} N-1", f"Total {_b.label.en[3:]} N-1"), K.KMONEY,
                    T(f"Somme des dépenses N-1 du bloc {_b.label.fr}.", f"Sum of the N-1 spend of block {_b.label.en}."),
                    formula=_block_sum(_b.key, "spend_prev")))
    _SCORE.append(F(f"total_{_b.key}", T(f"Total {_b.label.fr[3:]} N", f"Total {_b.label.en[3:]} N"), K.KMONEY,
                    T(f"Somme des budgets N du bloc {_b.label.fr}.", f"Sum of the N budgets of block {_b.label.en}."),
                    formula=_block_sum(_b.key, "budget")))

SCORECARD = Scalars(
    key="scorecard", title=T("Scorecard marketing", "Marketing scorecard"),
    fields=(
        F("company_revenue_prev_tabs", T("C.A. N-1 de l'onglet Commercial", "Revenue N-1 from the Commercial tab"), K.KMONEY,
          T("Total du C.A. N-1 de l'onglet Commercial.", "Total revenue N-1 of the Commercial tab."), formula=TotalOf("commercial", "revenue")),
        F("company_revenue_prev", T("C.A. entreprise N-1 retenu", "Company revenue N-1 used"), K.KMONEY,
          T("Le C.A. saisi, sinon celui de l'onglet Commercial.", "The revenue typed, else the Commercial tab's."),
          formula=Override("company_revenue_prev_typed", "company_revenue_prev_tabs")),
        F("leadgen_spend_prev_tabs", T("Dépenses N-1 de l'onglet Lead generation", "Spend N-1 from the Lead generation tab"), K.KMONEY,
          T("Total des dépenses N-1 par source de leads : le bloc 2 N-1 doit lui être égal.",
            "Total N-1 spend by lead source: block 2 N-1 must equal it."), formula=TotalOf("leadgen", "spend")),
    ) + tuple(_SCORE) + (
        F("programmes_prev", T("Total programmes N-1 (1+2+3)", "Total programmes N-1 (1+2+3)"), K.KMONEY,
          T("Bottom-up : blocs 1 + 2 + 3.", "Bottom-up: blocks 1 + 2 + 3."), formula=R("total_customers_prev") + R("total_leadgen_prev") + R("total_resources_prev")),
        F("programmes", T("Total programmes N (1+2+3)", "Total programmes N (1+2+3)"), K.KMONEY,
          T("Bottom-up : blocs 1 + 2 + 3.", "Bottom-up: blocks 1 + 2 + 3."), formula=R("total_customers") + R("total_leadgen") + R("total_resources")),
        F("total_cost_prev", T("Total coûts marketing N-1", "Total marketing cost N-1"), K.KMONEY,
          T("Programmes + salaires et frais.", "Programmes + salaries and costs."), formula=R("programmes_prev") + R("salaries_prev")),
        F("total_cost", T("Total coûts marketing N", "Total marketing cost N"), K.KMONEY,
          T("Programmes + salaires et frais.", "Programmes + salaries and costs."), formula=R("programmes") + R("salaries")),
        F("cost_to_revenue_prev", T("Coûts marketing / C.A. N-1", "Marketing cost / revenue N-1"), K.RATIO,
          T("Total coûts marketing / C.A. entreprise.", "Total marketing cost / company revenue."), formula=R("total_cost_prev") / R("company_revenue_prev")),
        F("cost_to_revenue", T("Coûts marketing / C.A. N", "Marketing cost / revenue N"), K.RATIO,
          T("À comparer aux benchmarks de l'onglet Paramètres (The CMO Survey, Gartner CMO Spend Survey).",
            "Compare with the benchmarks of the Settings tab (The CMO Survey, Gartner CMO Spend Survey)."),
          formula=R("total_cost") / R("company_revenue")),
        F("programme_share_prev", T("Programmes / coûts totaux N-1", "Programmes / total cost N-1"), K.RATIO,
          T("Programmes / total coûts marketing.", "Programmes / total marketing cost."), formula=R("programmes_prev") / R("total_cost_prev")),
        F("programme_share", T("Programmes / coûts totaux N", "Programmes / total cost N"), K.RATIO,
          T("Programmes / total coûts marketing.", "Programmes / total marketing cost."), formula=R("programmes") / R("total_cost")),
        F("per_person_prev", T("Budget programmes moyen par personne N-1", "Programme budget per person N-1"), K.KMONEY,
          T("Programmes / employés marketing (modèle, slide 51).", "Programmes / marketing headcount (seed slide 51)."), formula=R("programmes_prev") / R("headcount_prev")),
        F("per_person", T("Budget programmes moyen par personne N", "Programme budget per person N"), K.KMONEY,
          T("Programmes / employés marketing (modèle, slide 51).", "Programmes / marketing headcount (seed slide 51)."), formula=R("programmes") / R("headcount")),
        F("envelope_from_pct", T("Enveloppe issue du % du C.A.", "Envelope from % of revenue"), K.KMONEY,
          T("% du C.A. × C.A. entreprise N.", "% of revenue × company revenue N."), formula=R("envelope_pct") * R("company_revenue")),
        F("envelope_used", T("Enveloppe top-down retenue", "Top-down envelope used"), K.KMONEY,
          T("Le montant saisi, sinon celui issu du % du C.A.", "The amount typed, else the one from the % of revenue."), formula=Fallback("envelope", "envelope_from_pct")),
        F("envelope_gap", T("Bottom-up − top-down", "Bottom-up − top-down"), K.KMONEY,
          T("Positif : les lignes dépassent l'enveloppe.", "Positive: the lines exceed the envelope."), formula=R("programmes") - R("envelope_used")),
    ),
)

DIRECTIONS = (Choice("up", T("hausse", "up")), Choice("down", T("baisse", "down")))
AGGREGATIONS = (Choice("cumulative", T("cumul", "cumulative")), Choice("average", T("moyenne", "average")))
MONTH_KEYS = tuple(f"m{i:02d}" for i in range(1, 13))
MONTH_LABELS = (
    ("Jan", "Jan"), ("Fév", "Feb"), ("Mar", "Mar"), ("Avr", "Apr"), ("Mai", "May"), ("Juin", "Jun"),
    ("Juil", "Jul"), ("Août", "Aug"), ("Sep", "Sep"), ("Oct", "Oct"), ("Nov", "Nov"), ("Déc", "Dec"),
)

KPI_SOURCES = METRIC_SOURCES  # the name the KPI plan used first

_actual = Switch("aggregation", "average", RowSum(MONTH_KEYS, "average"), RowSum(MONTH_KEYS, "sum"))
_expected = ExpectedToDate("target", MONTH_KEYS, "metric", "aggregation")

KPI = Table(
    key="kpis", name="tKPI", title=T("Plan de mesure : 10 KPI au plus", "Measurement plan: at most 10 KPIs"),
    fields=(
        F("kpi", T("KPI", "KPI"), K.TEXT, width=30, required=True),
        F("metric", T("Métrique source", "Source metric"), K.CHOICE, choices=METRICS, width=18),
        F("unit", T("Unité", "Unit"), K.CHOICE, T("Vide = l'unité de la métrique source.", "Empty = the source metric's unit."),
          choices=UNITS, width=9),
        F("direction", T("Sens", "Direction"), K.CHOICE, T("hausse : plus c'est haut, mieux c'est.", "up: higher is better."), choices=DIRECTIONS, width=9),
        F("aggregation", T("Cumul", "Aggregation"), K.CHOICE, T("cumul (leads) ou moyenne (taux, coûts).", "cumulative (leads) or average (rates, costs)."),
          choices=AGGREGATIONS, width=11),
        F("value_prev", T("N-1 saisi", "N-1 typed"), K.NUMBER,
          T("Réalisé N-1 si vous voulez le saisir ; vide = la valeur des onglets (colonne suivante).",
            "Actual N-1 if you want to type it; empty = the value from the tabs (next column)."), width=11),
        F("value_tabs", T("N-1 des onglets", "N-1 from the tabs"), K.NUMBER,
          T("Valeur N-1 de la métrique source, lue dans les onglets (total).", "N-1 value of the source metric, read from the tabs (total)."),
          formula=Lookup("metric", METRIC_SOURCES), width=11),
        F("baseline", T("N-1 retenu", "N-1 used"), K.NUMBER, T("N-1 saisi, sinon celui des onglets.", "N-1 typed, else the one from the tabs."),
          formula=Override("value_prev", "value_tabs"), width=11),
        F("target", T("Cible N", "Target N"), K.NUMBER, width=11),
        *(F(k, T(fr, en), K.NUMBER, width=8) for k, (fr, en) in zip(MONTH_KEYS, MONTH_LABELS)),
        F("months_reported", T("Mois saisis", "Months reported"), K.COUNT, T("Nombre de mois renseignés.", "Number of months filled in."), formula=RowSum(MONTH_KEYS, "count")),
        F("actual_to_date", T("Réalisé à date", "Actual to date"), K.NUMBER, T("Somme (cumul) ou moyenne des mois saisis.", "Sum (cumulative) or average of the months reported."),
          formula=_actual),
        F("expected_to_date", T("Attendu à date", "Expected to date"), K.NUMBER,
          T("Moyenne : la cible. Cumul : cible × part de l'année écoulée à fin du dernier mois saisi, selon le profil mensuel N-1 "
            "de la métrique quand les onglets l'ont (visites, visiteurs uniques et leads web : onglet Web ; leads entrants et "
            "qualifiés : leads web, emailing et événements datés, le reste de l'onglet Lead generation réparti sur 12 mois), "
            "sinon mois / 12. La revue mensuelle (planmkg review) et les contrôles PAC citent ce même chiffre.",
            "Average: the target. Cumulative: target × share of the year done by the end of the last month reported, following "
            "the metric's N-1 monthly profile when the tabs hold it (web visits, unique visitors and web leads: Web tab; inbound "
            "and qualified leads: dated web, emailing and event leads, the rest of the Lead generation tab spread over 12 months), "
            "else months / 12. The monthly review (planmkg review) and the PAC checks quote this same figure."), formula=_expected),
        F("pacing", T("Avancement", "Pacing"), K.RATIO, T("Réalisé / attendu (inversé pour un KPI en baisse) : ≥ 100 % = dans les temps.",
                                                          "Actual / expected (inverted for a 'down' KPI): ≥ 100 % = on track."),
          formula=Switch("direction", "down", R("expected_to_date") / R("actual_to_date"), R("actual_to_date") / R("expected_to_date"))),
    ),
    blank_rows=10,
    row_unit=RowUnit("unit", ("value_prev", "value_tabs", "baseline", "target") + MONTH_KEYS + ("actual_to_date", "expected_to_date"), "metric"),
)

SETTINGS = Scalars(
    key="settings", title=T("Paramètres du plan", "Plan settings"),
    fields=(
        F("company", T("Entreprise", "Company"), K.TEXT),
        F("author", T("Auteur", "Author"), K.TEXT),
        F("plan_year", T("Année du plan (N)", "Plan year (N)"), K.YEAR, T("Année N du plan ; N-1 est l'année écoulée.", "Plan year N; N-1 is the year just closed.")),
        F("plan_date", T("Date", "Date"), K.DATE),
        F("currency", T("Devise", "Currency"), K.TEXT, T("Code ISO 4217 (EUR).", "ISO 4217 code (EUR).")),
    ),
)

# The benchmarks a new plan starts with (issue 8: the latest editions we could source, each with its source and date;
# a figure we could only read in a secondary source says so). BEN-003 flags a row older than ``benchmark_max_age``.
BENCHMARK_ROWS = (
    {"key": "marketing_to_revenue_b2b_product", "label": T("Budget marketing / C.A., entreprises B2B produits (moyenne)",
                                                           "Marketing budget / revenue, B2B product companies (average)"), "value": 0.064,
     "source": T("The CMO Survey (Duke Fuqua, AMA, Deloitte), secteur B2B produits ; chiffre relevé dans SalesFuel, « CMO Survey: "
                 "Marketing Spend Optimization Now Critical », édition exacte non vérifiée dans le rapport",
                 "The CMO Survey (Duke Fuqua, AMA, Deloitte), B2B product sector; figure read in SalesFuel, \"CMO Survey: Marketing "
                 "Spend Optimization Now Critical\", exact edition not verified in the report"), "date": "2025"},
    {"key": "marketing_to_revenue_b2b_services", "label": T("Budget marketing / C.A., entreprises B2B services (moyenne)",
                                                            "Marketing budget / revenue, B2B service companies (average)"), "value": 0.09,
     "source": T("The CMO Survey (Duke Fuqua, AMA, Deloitte), secteur B2B services ; chiffre relevé dans SalesFuel, même article, "
                 "édition exacte non vérifiée dans le rapport",
                 "The CMO Survey (Duke Fuqua, AMA, Deloitte), B2B services sector; figure read in SalesFuel, same article, "
                 "exact edition not verified in the report"), "date": "2025"},
    {"key": "marketing_to_revenue_all", "label": T("Budget marketing / C.A., tous secteurs, grandes entreprises (moyenne)",
                                                   "Marketing budget / revenue, all industries, large companies (average)"), "value": 0.077,
     "source": T("Gartner, 2025 CMO Spend Survey (402 responsables marketing, Amérique du Nord, Royaume-Uni, Europe ; surtout > 1 Md$ de C.A.)",
                 "Gartner, 2025 CMO Spend Survey (402 marketing leaders, North America, UK, Europe; mostly > $1B revenue)"),
     "date": "2025-05"},
    {"key": "marketing_to_revenue_small_max", "label": T("Coûts marketing hors salaires / C.A., très petites entreprises (plafond)",
                                                         "Marketing cost excluding salaries / revenue, very small companies (ceiling)"),
     "value": 0.25, "source": T("The CMO Survey (Duke / AMA / Deloitte), août 2015, cité par le modèle (slide « Budget : benchmarks ») ; "
                                "pas d'édition plus récente trouvée", "The CMO Survey (Duke / AMA / Deloitte), August 2015, quoted by the "
                                "seed (slide \"Budget: benchmarks\"); no newer edition found"), "date": "2015-08"},
)

BENCHMARKS = Table(
    key="benchmarks", name="tBenchmarks", title=T("Benchmarks (modifiables)", "Benchmarks (editable)"),
    fields=(
        F("key", T("Clé", "Key"), K.TEXT, width=24, required=True),
        F("label", T("Repère", "Benchmark"), K.TEXT, width=44),
        F("value", T("Valeur", "Value"), K.RATE, width=10),
        F("source", T("Source", "Source"), K.TEXT, width=40),
        F("date", T("Date de la source", "Source date"), K.TEXT, width=14),
    ),
    rows=BENCHMARK_ROWS,
)

TOLERANCES = Scalars(
    key="tolerances", title=T("Tolérances des contrôles", "Check tolerances"),
    fields=(
        F("tolerance_ok", T("Écart accepté", "Accepted gap"), K.RATE, T("En deçà : cohérent.", "Below: coherent.")),
        F("tolerance_warning", T("Écart d'alerte", "Warning gap"), K.RATE, T("Au-delà : erreur ; entre les deux : alerte.", "Beyond: error; in between: warning.")),
        F("pacing_band", T("Retard accepté sur le rythme des KPI", "KPI pace: accepted delay"), K.RATE,
          T("Suivi mensuel : un KPI en retard sur son rythme attendu de plus que cet écart est signalé (PAC-001).",
            "Monthly tracking: a KPI behind its expected pace by more than this gap is reported (PAC-001).")),
        F("tolerance_jump", T("Saut d'hypothèse toléré", "Assumption jump allowed"), K.RATE,
          T("Écart relatif maximal entre une hypothèse N (win ratio, C.A. moyen, taux) et sa valeur N-1 sans objectif qui l'explique.",
            "Largest relative move of an N assumption (win ratio, average deal, rates) from its N-1 value without an objective explaining it.")),
        F("tolerance_unit_cost", T("Écart de coût unitaire toléré", "Unit-cost gap allowed"), K.RATE,
          T("Écart relatif maximal entre le coût par lead d'une source, d'un événement ou d'une campagne et celui de l'ensemble "
            "(100 % : plus du double ou moins de la moitié).",
            "Largest relative gap between a source's, event's or campaign's cost per lead and the plan's weighted one "
            "(100 %: more than twice or less than half).")),
        F("benchmark_max_age", T("Âge maximal d'un benchmark (ans)", "Benchmark maximum age (years)"), K.YEARS,
          T("Au-delà, un benchmark utilisé est signalé comme daté.", "Beyond it, a benchmark in use is flagged as dated.")),
    ),
)

# Customer segmentation from invoices (seed slide 38: recency / frequency / value). Editable thresholds;
# the rules themselves are in core/segments.py and justified in docs/import.md.
SEGMENT_RULES = Scalars(
    key="segment_rules", title=T("Segmentation clients (règles)", "Customer segmentation (rules)"),
    fields=(
        F("seg_active_months", T("Actif : dernier achat depuis moins de (mois)", "Active: last purchase less than (months) ago"), K.MONTHS,
          T("Au-delà, le client est Dormant (ou Perdu).", "Beyond, the customer is Dormant (or Lost).")),
        F("seg_lost_months", T("Perdu : pas d'achat depuis plus de (mois)", "Lost: no purchase for more than (months)"), K.MONTHS,
          T("Entre les deux seuils : Dormant.", "Between the two thresholds: Dormant.")),
        F("seg_new_months", T("Nouveau : premier achat depuis moins de (mois)", "New: first purchase less than (months) ago"), K.MONTHS),
        F("seg_loyal_purchases", T("Fidèle : achats sur 24 mois, au moins", "Loyal: purchases over 24 months, at least"), K.COUNT,
          T("Nombre de jours d'achat distincts sur les 24 derniers mois.", "Distinct purchase days over the last 24 months.")),
        F("seg_star_share", T("Star : part des clients actifs au plus gros C.A.", "Star: share of active customers with the highest revenue"),
          K.RATE, T("Les meilleurs clients fidèles par C.A. sur 12 mois (ex. 20 %).", "The loyal customers with the highest 12-month revenue (e.g. 20 %).")),
    ),
)

IMPORT_KINDS = tuple(Choice(k, T(k, k)) for k in ("deals", "leads", "web", "emailing", "events", "spend", "invoices", "kpi-actuals"))

SOURCES = Table(
    key="sources", name="tSources", title=T("Sources importées (planmkg import)", "Imported sources (planmkg import)"),
    fields=(
        F("file", T("Fichier", "File"), K.TEXT, T("Nom du fichier importé.", "Name of the imported file."), width=26, required=True),
        F("kind", T("Nature", "Kind"), K.CHOICE, choices=IMPORT_KINDS, width=11),
        F("preset", T("Format reconnu", "Format recognised"), K.TEXT, width=18),
        F("year", T("Année", "Year"), K.YEAR, width=8),
        F("rows_read", T("Lignes lues", "Rows read"), K.COUNT, width=9),
        F("rows_used", T("Lignes utilisées", "Rows used"), K.COUNT, width=9),
        F("rows_skipped", T("Lignes ignorées", "Rows skipped"), K.COUNT, width=9),
        F("imported_on", T("Importé le", "Imported on"), K.DATE, width=11),
        F("targets", T("Tableaux remplis", "Tables filled"), K.TEXT, width=30),
    ),
    blank_rows=1,
    note=T("Rempli par l'import : chaque nombre importé a ici son fichier d'origine.", "Filled by the import: every imported number has its source file here."),
)

PLAN_SHEETS = (
    Sheet("objectives", "shObjectifs", T("Objectifs", "Objectives"),
          T("Un objectif doit être réaliste, mesurable, cohérent avec les priorités, délimité dans le temps et important.",
            "An objective must be realistic, measurable, consistent with priorities, time-bound and important."), (STRATEGIC, MARKETING), stacked=True),
    Sheet("budget", "shBudget", T("Budget", "Budget"),
          T("Lignes de dépenses par bloc (bottom-up), enveloppe top-down et scorecard. Montants en €, affichés en k€.",
            "Spend lines by block (bottom-up), top-down envelope and scorecard. Amounts in €, shown in k€."), (BUDGET, BUDGET_INPUTS, SCORECARD)),
    Sheet("kpi", "shKPI", T("KPI", "KPI"), T("10 KPI au maximum, sinon ce ne sont pas des KPI mais des PI. Suivi mensuel.",
                                          "10 KPIs at most, otherwise they are not KPIs but PIs. Tracked monthly."), (KPI,)),
    Sheet("settings", "shParametres", T("Paramètres", "Settings"), T("Entreprise, année du plan, benchmarks, tolérances des contrôles, règles de segmentation et sources importées.",
                                                                    "Company, plan year, benchmarks, check tolerances, segmentation rules and imported sources."), (SETTINGS, TOLERANCES, BENCHMARKS, SEGMENT_RULES, SOURCES)),
)

DEFAULT_SCALARS = {"currency": "EUR", "tolerance_ok": 0.05, "tolerance_warning": 0.10, "tolerance_jump": 0.25, "tolerance_unit_cost": 1.0,
                   "benchmark_max_age": 3, "pacing_band": 0.10,
                   "seg_active_months": 12, "seg_lost_months": 24, "seg_new_months": 12, "seg_loyal_purchases": 3, "seg_star_share": 0.2}
