"""The six KPI tabs of the seed's Excel file (PLAN_SPEC §1.1–1.7), declared once.

Inputs are counts and amounts of year N-1; every ratio is derived. Totals are ratios
of sums: a derived column's total applies its own formula to the total row.
Definitions (shown as cell comments) follow the seed's slide 17–21 wording.
"""
from __future__ import annotations

from .fields import Choice, Field, Kind, Scalars, Sheet, Table, Text as T
from .metrics import Const, Div, Fallback, IfGiven, R, Sum, SumProduct

F = Field
K = Kind

OFFER_KINDS = (Choice("product", T("Produit", "Product")), Choice("service", T("Service", "Service")))

COMMERCIAL = Table(
    key="commercial",
    name="tCommercial",
    title=T("Performances commerciales N-1 et objectifs N", "Sales performance N-1 and targets N"),
    fields=(
        F("line", T("Ligne d'offre", "Offer line"), K.TEXT, T("Produit ou service vendu.", "Product or service sold."), width=22, required=True),
        F("kind", T("Type", "Kind"), K.CHOICE, choices=OFFER_KINDS, width=11),
        F("family", T("Famille", "Family"), K.TEXT, T("Famille de produits (facultatif).", "Product family (optional)."), width=14),
        F("opportunities", T("Total opportunités", "Opportunities"), K.COUNT,
          T("Nombre d'opportunités de vente ouvertes sur l'année N-1.", "Sales opportunities opened in year N-1."), total="sum"),
        F("deals", T("Total ventes", "Deals won"), K.COUNT, T("Nombre de ventes signées en N-1.", "Deals signed in N-1."), total="sum"),
        F("customers", T("# Clients", "# Customers"), K.COUNT, T("Nombre de clients ayant acheté en N-1.", "Customers who bought in N-1."), total="sum"),
        F("revenue", T("C.A. total N-1", "Revenue N-1"), K.MONEY, T("Chiffre d'affaires réalisé en N-1.", "Revenue booked in N-1."), total="sum"),
        F("revenue_prev", T("C.A. N-2", "Revenue N-2"), K.MONEY, T("Chiffre d'affaires de N-2, pour la croissance.", "Revenue of N-2, for growth."), total="sum"),
        F("win_ratio", T("Win ratio", "Win ratio"), K.RATIO,
          T("Taux de signature = ventes / opportunités.", "Win ratio = deals / opportunities."), formula=R("deals") / R("opportunities")),
        F("avg_deal", T("C.A. moyen par vente", "Average deal"), K.MONEY,
          T("C.A. moyen par vente = C.A. / ventes.", "Average deal = revenue / deals."), formula=R("revenue") / R("deals")),
        F("growth", T("Croissance vs N-2", "Growth vs N-2"), K.RATIO,
          T("Croissance = C.A. N-1 / C.A. N-2 − 1.", "Growth = revenue N-1 / revenue N-2 − 1."), formula=R("revenue") / R("revenue_prev") - 1),
        F("target_revenue", T("Objectif C.A. N", "Target revenue N"), K.MONEY,
          T("Objectif de chiffre d'affaires de l'année N (partie verte du modèle).", "Revenue target for year N (the seed's green part)."), total="sum"),
        F("target_win_ratio", T("Hyp. win ratio N", "Assumed win ratio N"), K.RATE,
          T("Hypothèse de taux de signature N ; vide = celui de N-1.", "Assumed win ratio for N; empty = the N-1 one.")),
        F("target_avg_deal", T("Hyp. C.A. moyen N", "Assumed average deal N"), K.MONEY,
          T("Hypothèse de C.A. moyen par vente N ; vide = celui de N-1.", "Assumed average deal for N; empty = the N-1 one.")),
        F("eff_win_ratio", T("Win ratio retenu", "Win ratio used"), K.RATIO,
          T("Hypothèse saisie, sinon win ratio N-1.", "The assumption typed, else the N-1 win ratio."),
          formula=Fallback("target_win_ratio", "win_ratio"), total=R("required_deals") / R("required_opportunities")),
        F("eff_avg_deal", T("C.A. moyen retenu", "Average deal used"), K.MONEY,
          T("Hypothèse saisie, sinon C.A. moyen N-1.", "The assumption typed, else the N-1 average deal."),
          formula=Fallback("target_avg_deal", "avg_deal"), total=R("target_revenue") / R("required_deals")),
        F("target_growth", T("Croissance visée", "Target growth"), K.RATIO,
          T("Objectif C.A. N / C.A. N-1 − 1.", "Target revenue N / revenue N-1 − 1."), formula=R("target_revenue") / R("revenue") - 1),
        F("required_deals", T("Ventes nécessaires", "Deals required"), K.COUNT,
          T("Entonnoir inversé : objectif C.A. / C.A. moyen retenu.", "Reverse funnel: target revenue / average deal used."),
          formula=R("target_revenue") / R("eff_avg_deal"), total="sum"),
        F("required_opportunities", T("Opportunités nécessaires", "Opportunities required"), K.COUNT,
          T("Entonnoir inversé : ventes nécessaires / win ratio retenu.", "Reverse funnel: deals required / win ratio used."),
          formula=R("required_deals") / R("eff_win_ratio"), total="sum"),
    ),
    rows=tuple({"line": T(f"Produit {i}", f"Product {i}"), "kind": "product"} for i in range(1, 6))
    + tuple({"line": T(f"Service {i}", f"Service {i}"), "kind": "service"} for i in (1, 2)),
    totals=True,
)

CHANNELS_DIRECT = (
    ("direct_key_accounts", T("Direct grands comptes", "Direct key accounts")),
    ("direct_smb", T("Direct SMB", "Direct SMB")),
    ("inside_sales", T("Inside sales", "Inside sales")),
    ("online_sales", T("Ventes en ligne", "Online sales")),
)
CHANNELS_INDIRECT = (
    ("distributors", T("Distributeurs", "Distributors")),
    ("integrators", T("Intégrateurs", "Integrators")),
    ("agencies", T("Agences", "Agencies")),
    ("isv", T("ISV", "ISV")),
    ("other_indirect", T("Autres indirects", "Other indirect")),
)


def _sum_of(keys: tuple[str, ...]):
    expr = R(keys[0])
    for key in keys[1:]:
        expr = expr + R(key)
    return expr


CHANNELS = Table(
    key="channels",
    name="tCanaux",
    title=T("C.A. N-1 par canal", "Revenue N-1 by channel"),
    fields=(
        F("line", T("Ligne d'offre / famille", "Offer line / family"), K.TEXT, width=22, required=True),
        *(F(k, label, K.MONEY, T(f"C.A. N-1 réalisé via : {label.fr}.", f"Revenue N-1 through: {label.en}."), total="sum", width=13)
          for k, label in CHANNELS_DIRECT + CHANNELS_INDIRECT),
        F("total_direct", T("Total direct", "Total direct"), K.MONEY, T("Somme des canaux directs.", "Sum of the direct channels."),
          formula=_sum_of(tuple(k for k, _ in CHANNELS_DIRECT)), total="sum"),
        F("total_indirect", T("Total indirect", "Total indirect"), K.MONEY, T("Somme des canaux indirects.", "Sum of the indirect channels."),
          formula=_sum_of(tuple(k for k, _ in CHANNELS_INDIRECT)), total="sum"),
        F("total", T("Total C.A.", "Total revenue"), K.MONEY, T("Direct + indirect.", "Direct + indirect."),
          formula=R("total_direct") + R("total_indirect"), total="sum"),
        F("indirect_share", T("% indirect", "% indirect"), K.RATIO, T("Part du C.A. réalisée en indirect.", "Share of revenue through indirect channels."),
          formula=R("total_indirect") / R("total")),
    ),
    rows=tuple({"line": T(f"Produit {i}", f"Product {i}")} for i in range(1, 6)) + tuple({"line": T(f"Service {i}", f"Service {i}")} for i in (1, 2)),
    totals=True,
)

LEAD_SOURCES = (
    T("Newsletter", "Newsletter"), T("SEO", "SEO"), T("SEM", "SEM"), T("Médias sociaux", "Social media"), T("Formulaires web", "Web forms"),
    T("Autres web", "Other web"), T("Événements", "Events"), T("Télémarketing", "Telemarketing"),
    T("Account Based Marketing", "Account-based marketing"), T("Prospection commerciale", "Sales prospecting"),
    T("Appels entrants", "Inbound calls"), T("Nurturing", "Nurturing"), T("Autres", "Other"),
)
OTHER_SOURCE = LEAD_SOURCES[-1]  # where an import puts leads and spend whose source the export leaves blank
ALL_OFFERS = T("Toutes offres", "All offers")  # the one product line of a deals export without a line column
NO_LINE = T("(sans ligne)", "(no line)")  # deals or invoices whose line is blank in the export

LEADGEN = Table(
    key="leadgen",
    name="tLeadGen",
    title=T("Sources de leads N-1 et objectifs N", "Lead sources N-1 and targets N"),
    fields=(
        F("source", T("Source de leads", "Lead source"), K.TEXT, width=24, required=True),
        F("leads", T("Total leads entrants", "Inbound leads"), K.COUNT, T("Leads bruts reçus en N-1 (contacts identifiés).", "Raw leads received in N-1."), total="sum"),
        F("qualified_leads", T("Total leads qualifiés", "Qualified leads"), K.COUNT,
          T("Leads ayant passé les critères de qualification (MQL) en N-1.", "Leads that met the qualification criteria (MQL) in N-1."), total="sum"),
        F("spend", T("Budget dépensé N-1", "Spend N-1"), K.MONEY, T("Dépenses de programme N-1 pour cette source.", "Programme spend in N-1 for this source."), total="sum"),
        F("opportunities", T("Total opportunités", "Opportunities"), K.COUNT, T("Opportunités issues de ces leads en N-1.", "Opportunities generated from these leads in N-1."), total="sum"),
        F("qualification_rate", T("Taux de qualification", "Qualification rate"), K.RATIO,
          T("Leads qualifiés / leads entrants.", "Qualified leads / inbound leads."), formula=R("qualified_leads") / R("leads")),
        F("cost_per_lead", T("Coût par lead", "Cost per lead"), K.MONEY, T("Budget dépensé / leads entrants.", "Spend / inbound leads."),
          formula=R("spend") / R("leads")),
        F("cost_per_qualified_lead", T("Coût au lead qualifié", "Cost per qualified lead"), K.MONEY,
          T("Budget dépensé / leads qualifiés.", "Spend / qualified leads."), formula=R("spend") / R("qualified_leads")),
        F("cost_per_opportunity", T("Coût à l'opportunité", "Cost per opportunity"), K.MONEY,
          T("Budget dépensé / opportunités.", "Spend / opportunities."), formula=R("spend") / R("opportunities")),
        F("lead_to_opportunity", T("Conversion lead qualifié → opportunité", "Qualified lead → opportunity"), K.RATIO,
          T("Opportunités / leads qualifiés.", "Opportunities / qualified leads."), formula=R("opportunities") / R("qualified_leads")),
        F("target_leads", T("Objectif leads N", "Target leads N"), K.COUNT, T("Leads entrants visés en N.", "Inbound leads targeted in N."), total="sum"),
        F("target_qualified_leads", T("Objectif leads qualifiés N", "Target qualified leads N"), K.COUNT,
          T("Leads qualifiés visés en N.", "Qualified leads targeted in N."), total="sum"),
        F("budget", T("Budget N", "Budget N"), K.MONEY, T("Budget de programme prévu en N pour cette source.", "Programme budget planned for N."), total="sum"),
        F("target_cost_per_qualified_lead", T("Coût visé au lead qualifié", "Target cost per qualified lead"), K.MONEY,
          T("Budget N / objectif leads qualifiés N.", "Budget N / target qualified leads N."), formula=R("budget") / R("target_qualified_leads")),
    ),
    rows=tuple({"source": s} for s in LEAD_SOURCES),
    totals=True,
)

# What each channel must deliver in N and the N assumptions it rests on (issue 8, channel capacity CAP-001…003):
# the traffic objective, the list size and the emailing CTR are read where the plan already states them
# (objectives, the Stratégie lead-generation metrics); these are the figures the plan has nowhere else.
CHANNEL_TARGETS = Scalars(
    key="channel_targets",
    title=T("Canaux : hypothèses et objectifs N", "Channels: assumptions and targets N"),
    fields=(
        F("target_landing_conversion_rate", T("Hyp. conversion landing pages N", "Assumed landing-page conversion N"), K.RATE,
          T("Conversions / visites des landing pages visées en N ; vide = celle de N-1 (onglet Web).",
            "Landing-page conversions / visits assumed for N; empty = the N-1 one (Web tab).")),
        F("target_email_sends_per_contact", T("Envois par contact N", "Sends per contact N"), K.NUMBER,
          T("Plan d'envoi : emails envoyés par contact de la base en N ; vide = celui de N-1.",
            "Sending plan: emails sent per contact of the list in N; empty = the N-1 one.")),
        F("target_email_leads", T("Objectif leads emailing N", "Target emailing leads N"), K.COUNT,
          T("Leads que l'emailing doit générer en N.", "Leads emailing must generate in N.")),
        F("target_event_attendees", T("Participants visés N (événements)", "Target event attendees N"), K.COUNT,
          T("Participants attendus sur l'ensemble des événements de N.", "Attendees expected over all events of N.")),
        F("target_event_leads", T("Objectif leads événements N", "Target event leads N"), K.COUNT,
          T("Leads que les événements doivent générer en N.", "Leads events must generate in N.")),
    ),
)

BEST_PROGRAMS = Table(
    key="best_programs", name="tBestOf", title=T("« Best of » programmes", "Best programmes"),
    fields=(F("programme", T("Programme", "Programme"), K.TEXT, width=28, required=True),
            F("result", T("Résultat", "Result"), K.TEXT, width=22)),
    blank_rows=3,
)
PROGRAMS_TO_IMPROVE = Table(
    key="programs_to_improve", name="tToImprove", title=T("Programmes à améliorer", "Programmes to improve"),
    fields=(F("programme", T("Programme", "Programme"), K.TEXT, width=28, required=True),
            F("result", T("Résultat", "Result"), K.TEXT, width=22)),
    blank_rows=3,
)

MONTHS_FR = ("Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

WEB = Table(
    key="web",
    name="tWeb",
    title=T("Web — 12 derniers mois", "Web — last 12 months"),
    fields=(
        F("month", T("Mois", "Month"), K.TEXT, width=12, required=True),
        F("visits", T("Total visites", "Visits"), K.COUNT, T("Sessions sur le site.", "Site sessions."), total="sum"),
        F("unique_visitors", T("Visiteurs uniques", "Unique visitors"), K.COUNT,
          T("Visiteurs uniques du mois (ne s'additionnent pas sur l'année : voir le total annuel à droite).",
            "Unique visitors in the month (they do not add up over the year: see the annual figure on the right).")),
        F("new_visits", T("Nouvelles visites", "New visits"), K.COUNT, T("Visites de nouveaux visiteurs.", "Visits by first-time visitors."), total="sum"),
        F("page_views", T("Pages vues", "Page views"), K.COUNT, total="sum"),
        F("bounced_visits", T("Visites rebond", "Bounced visits"), K.COUNT, T("Visites d'une seule page.", "Single-page visits."), total="sum"),
        F("landing_visits", T("Visites landing pages", "Landing-page visits"), K.COUNT, total="sum"),
        F("landing_conversions", T("Conversions landing pages", "Landing-page conversions"), K.COUNT,
          T("Formulaires remplis sur les landing pages.", "Forms submitted on landing pages."), total="sum"),
        F("web_leads", T("Total leads web", "Web leads"), K.COUNT, total="sum"),
        F("web_spend", T("Budget web dépensé", "Web spend"), K.MONEY, total="sum"),
        F("new_visit_share", T("% nouvelles visites", "% new visits"), K.RATIO, T("Nouvelles visites / visites.", "New visits / visits."),
          formula=R("new_visits") / R("visits")),
        F("pages_per_visit", T("Pages vues par visite", "Pages per visit"), K.NUMBER, T("Pages vues / visites.", "Page views / visits."),
          formula=R("page_views") / R("visits")),
        F("bounce_rate", T("Taux de rebond", "Bounce rate"), K.RATIO, T("Visites rebond / visites.", "Bounced visits / visits."),
          formula=R("bounced_visits") / R("visits")),
        F("landing_conversion_rate", T("Taux de conversion landing pages", "Landing-page conversion rate"), K.RATIO,
          T("Conversions / visites des landing pages.", "Conversions / landing-page visits."), formula=R("landing_conversions") / R("landing_visits")),
        F("cost_per_web_lead", T("Coût au lead web", "Cost per web lead"), K.MONEY, T("Budget web / leads web.", "Web spend / web leads."),
          formula=R("web_spend") / R("web_leads")),
    ),
    rows=tuple({"month": T(fr, en)} for fr, en in zip(MONTHS_FR, MONTHS_EN)),
    totals=True,
)

SEO_SEM = Scalars(
    key="seo_sem",
    title=T("Web annuel, SEO et SEM", "Annual web, SEO and SEM"),
    fields=(
        F("web_annual_unique_visitors", T("Visiteurs uniques sur 12 mois", "Unique visitors over 12 months"), K.COUNT,
          T("Visiteurs uniques dédoublonnés sur l'année (outil d'analytics).", "Deduplicated unique visitors over the year (analytics tool).")),
        F("seo_keyword", T("Mot clé principal", "Main keyword"), K.TEXT),
        F("seo_position", T("Position Google", "Google position"), K.NUMBER, T("Position moyenne sur le mot clé principal.", "Average position on the main keyword.")),
        F("seo_leads", T("Leads SEO", "SEO leads"), K.COUNT),
        F("seo_spend", T("Budget SEO", "SEO spend"), K.MONEY),
        F("sem_spend", T("Budget SEM (Adwords)", "SEM spend (Ads)"), K.MONEY),
        F("sem_clicks", T("Clics SEM", "SEM clicks"), K.COUNT),
        F("sem_leads", T("Leads SEM", "SEM leads"), K.COUNT),
        F("cost_per_seo_lead", T("Coût au lead SEO", "Cost per SEO lead"), K.MONEY, T("Budget SEO / leads SEO.", "SEO spend / SEO leads."),
          formula=R("seo_spend") / R("seo_leads")),
        F("cost_per_sem_lead", T("Coût au lead SEM", "Cost per SEM lead"), K.MONEY, T("Budget SEM / leads SEM.", "SEM spend / SEM leads."),
          formula=R("sem_spend") / R("sem_leads")),
        F("sem_cpc", T("Coût par clic SEM", "SEM cost per click"), K.MONEY, T("Budget SEM / clics.", "SEM spend / clicks."),
          formula=R("sem_spend") / R("sem_clicks")),
    ),
)

EMAILING = Table(
    key="emailing",
    name="tEmailing",
    title=T("Emailing — campagnes des 12 derniers mois", "Emailing — campaigns of the last 12 months"),
    fields=(
        F("campaign", T("Campagne / mois", "Campaign / month"), K.TEXT, width=22, required=True),
        F("date", T("Date d'envoi", "Send date"), K.DATE, width=12),
        F("sent", T("Envoyés", "Sent"), K.COUNT, total="sum"),
        F("bounces", T("Bounces", "Bounces"), K.COUNT, T("Emails non délivrés.", "Emails not delivered."), total="sum"),
        F("unique_opens", T("Ouvertures uniques", "Unique opens"), K.COUNT, total="sum"),
        F("unique_clicks", T("Clics uniques", "Unique clicks"), K.COUNT, total="sum"),
        F("unsubscribes", T("Désinscrits", "Unsubscribes"), K.COUNT, total="sum"),
        F("leads", T("Leads générés", "Leads"), K.COUNT, total="sum"),
        F("spend", T("Budget dépensé", "Spend"), K.MONEY, total="sum"),
        F("delivered", T("Délivrés", "Delivered"), K.COUNT, T("Envoyés − bounces.", "Sent − bounces."), formula=R("sent") - R("bounces"), total="sum"),
        F("open_rate", T("Taux d'ouverture", "Open rate"), K.RATIO, T("Ouvertures uniques / délivrés.", "Unique opens / delivered."),
          formula=R("unique_opens") / R("delivered")),
        F("click_rate", T("Taux de clic (CTR)", "Click rate (CTR)"), K.RATIO, T("Clics uniques / délivrés.", "Unique clicks / delivered."),
          formula=R("unique_clicks") / R("delivered")),
        F("click_to_open", T("Clics / ouvertures", "Click-to-open"), K.RATIO, T("Clics uniques / ouvertures uniques.", "Unique clicks / unique opens."),
          formula=R("unique_clicks") / R("unique_opens")),
        F("bounce_rate", T("Taux de bounce", "Bounce rate"), K.RATIO, T("Bounces / envoyés.", "Bounces / sent."), formula=R("bounces") / R("sent")),
        F("unsubscribe_rate", T("Taux de désinscription", "Unsubscribe rate"), K.RATIO, T("Désinscrits / délivrés.", "Unsubscribes / delivered."),
          formula=R("unsubscribes") / R("delivered")),
        F("cost_per_lead", T("Coût au lead emailing", "Cost per emailing lead"), K.MONEY, T("Budget / leads.", "Spend / leads."),
          formula=R("spend") / R("leads")),
    ),
    blank_rows=12,
    totals=True,
)

EVENT_TYPES = (
    Choice("trade_show", T("Salon", "Trade show")), Choice("seminar", T("Séminaire", "Seminar")),
    Choice("webinar", T("Webinar", "Webinar")), Choice("conference", T("Conférence", "Conference")),
    Choice("customer_day", T("Journée clients", "Customer day")), Choice("other", T("Autre", "Other")),
)

EVENTS = Table(
    key="events",
    name="tEvents",
    title=T("Événements N-1", "Events N-1"),
    fields=(
        F("event", T("Événement", "Event"), K.TEXT, width=24, required=True),
        F("type", T("Type", "Type"), K.CHOICE, choices=EVENT_TYPES, width=14),
        F("date", T("Date", "Date"), K.DATE, width=12),
        F("spend", T("Budget dépensé", "Spend"), K.MONEY, total="sum"),
        F("attendees", T("Participants", "Attendees"), K.COUNT, total="sum"),
        F("leads", T("Leads", "Leads"), K.COUNT, total="sum"),
        F("qualified_leads", T("Leads qualifiés", "Qualified leads"), K.COUNT, total="sum"),
        F("opportunities", T("Opportunités", "Opportunities"), K.COUNT, total="sum"),
        F("revenue_won", T("C.A. gagné", "Revenue won"), K.MONEY, T("C.A. signé attribué à l'événement (facultatif).", "Revenue won attributed to the event (optional)."), total="sum"),
        F("cost_per_attendee", T("Coût par participant", "Cost per attendee"), K.MONEY, T("Budget / participants.", "Spend / attendees."), formula=R("spend") / R("attendees")),
        F("cost_per_lead", T("Coût par lead", "Cost per lead"), K.MONEY, T("Budget / leads.", "Spend / leads."), formula=R("spend") / R("leads")),
        F("cost_per_qualified_lead", T("Coût au lead qualifié", "Cost per qualified lead"), K.MONEY, T("Budget / leads qualifiés.", "Spend / qualified leads."), formula=R("spend") / R("qualified_leads")),
        F("cost_per_opportunity", T("Coût à l'opportunité", "Cost per opportunity"), K.MONEY, T("Budget / opportunités.", "Spend / opportunities."), formula=R("spend") / R("opportunities")),
        F("roi", T("ROI", "ROI"), K.RATIO, T("(C.A. gagné − budget) / budget, quand le C.A. est renseigné.", "(Revenue won − spend) / spend, when revenue is given."),
          formula=IfGiven("revenue_won", (R("revenue_won") - R("spend")) / R("spend"))),
    ),
    blank_rows=6,
    totals=True,
)

KEY_METRICS = Table(
    key="key_metrics",
    name="tKeyMetrics",
    title=T("Autres métriques clés par ligne de produit (N-1)", "Other key metrics by product line (N-1)"),
    fields=(
        F("product_line", T("Ligne de produit", "Product line"), K.TEXT, width=20, required=True),
        F("new_customers", T("Nouveaux clients", "New customers"), K.COUNT, total="sum"),
        F("acquisition_spend", T("Dépenses d'acquisition", "Acquisition spend"), K.MONEY,
          T("Dépenses marketing + ventes consacrées à l'acquisition de nouveaux clients.", "Marketing + sales spend on winning new customers."), total="sum"),
        F("customers", T("Clients", "Customers"), K.COUNT, total="sum"),
        F("revenue", T("C.A.", "Revenue"), K.MONEY, total="sum"),
        F("revenue_existing", T("C.A. clients existants", "Revenue from existing customers"), K.MONEY, total="sum"),
        F("revenue_new", T("C.A. nouveaux clients", "Revenue from new customers"), K.MONEY, total="sum"),
        F("online_revenue", T("C.A. en ligne", "Online revenue"), K.MONEY, total="sum"),
        F("churn_rate", T("Churn annuel", "Annual churn"), K.RATE, T("Part des clients perdus sur l'année.", "Share of customers lost over the year."),
          total=Div(SumProduct("churn_rate", "customers"), Sum("customers"))),
        F("gross_margin", T("Marge brute %", "Gross margin %"), K.RATE, total=Div(SumProduct("gross_margin", "revenue"), Sum("revenue"))),
        F("cac", T("Coût d'acquisition client", "Customer acquisition cost"), K.MONEY, T("CAC = dépenses d'acquisition / nouveaux clients.", "CAC = acquisition spend / new customers."),
          formula=R("acquisition_spend") / R("new_customers")),
        F("lifetime_years", T("Durée de vie client (ans)", "Customer lifetime (years)"), K.YEARS, T("1 / churn annuel.", "1 / annual churn."),
          formula=Div(Const(1), R("churn_rate"))),
        F("revenue_per_customer", T("C.A. moyen par client", "Revenue per customer"), K.MONEY, T("C.A. / clients.", "Revenue / customers."), formula=R("revenue") / R("customers")),
        F("existing_share", T("% C.A. clients existants", "% revenue existing customers"), K.RATIO, T("C.A. clients existants / C.A.", "Revenue from existing customers / revenue."), formula=R("revenue_existing") / R("revenue")),
        F("new_share", T("% C.A. nouveaux clients", "% revenue new customers"), K.RATIO, T("C.A. nouveaux clients / C.A.", "Revenue from new customers / revenue."), formula=R("revenue_new") / R("revenue")),
        F("online_share", T("Part des ventes en ligne", "Online share of sales"), K.RATIO, T("C.A. en ligne / C.A.", "Online revenue / revenue."), formula=R("online_revenue") / R("revenue")),
        F("ltv", T("Valeur vie client (LTV)", "Customer lifetime value (LTV)"), K.MONEY,
          T("LTV = C.A. par client × marge brute × durée de vie.", "LTV = revenue per customer × gross margin × lifetime."),
          formula=R("revenue_per_customer") * R("gross_margin") * R("lifetime_years")),
        F("ltv_cac", T("LTV / CAC", "LTV / CAC"), K.MULTIPLE, T("Au-dessus de 3, l'acquisition est rentable.", "Above 3, acquisition pays back."),
          formula=R("ltv") / R("cac")),
        F("cac_payback_months", T("Retour sur CAC (mois)", "CAC payback (months)"), K.MONTHS,
          T("CAC / marge brute mensuelle par client.", "CAC / monthly gross margin per customer."),
          formula=R("cac") / (R("revenue_per_customer") * R("gross_margin") / 12)),
    ),
    rows=tuple({"product_line": T(f"Ligne de produit {i}", f"Product line {i}")} for i in range(1, 5)),
    totals=True,
)

KPI_SHEETS = (
    Sheet("commercial", "shCommercial", T("Commercial", "Sales"),
          T("Onglet 1 — performances commerciales N-1 (gauche) et objectifs N (partie verte, droite). Les ratios sont calculés.",
            "Tab 1 — sales performance N-1 (left) and targets N (green part, right). Ratios are calculated."), (COMMERCIAL,)),
    Sheet("channels", "shCanaux", T("Canaux", "Channels"),
          T("C.A. N-1 par ligne d'offre et par canal de vente, direct et indirect.", "Revenue N-1 by offer line and sales channel, direct and indirect."), (CHANNELS,)),
    Sheet("leadgen", "shLeadGen", T("Lead generation", "Lead generation"),
          T("Onglet 2 — leads, coûts et conversions par source en N-1, objectifs N.", "Tab 2 — leads, costs and conversions by source in N-1, targets N."),
          (LEADGEN, BEST_PROGRAMS, PROGRAMS_TO_IMPROVE, CHANNEL_TARGETS)),
    Sheet("web", "shWeb", T("Web", "Web"), T("Onglet 3 — audience et conversion du site sur 12 mois, SEO et SEM.",
                                              "Tab 3 — site audience and conversion over 12 months, SEO and SEM."), (WEB, SEO_SEM)),
    Sheet("emailing", "shEmailing", T("Emailing", "Emailing"), T("Onglet 4 — une ligne par campagne (ou par mois). Taux calculés sur les emails délivrés.",
                                                                  "Tab 4 — one row per campaign (or month). Rates on delivered emails."), (EMAILING,)),
    Sheet("events", "shEvents", T("Événements", "Events"), T("Onglet 5 — une ligne par salon, séminaire, webinar…",
                                                            "Tab 5 — one row per trade show, seminar, webinar…"), (EVENTS,)),
    Sheet("key_metrics", "shKeyMetrics", T("Autres métriques clés", "Other key metrics"),
          T("Onglet 6 — acquisition, fidélité et valeur client par ligne de produit.", "Tab 6 — acquisition, loyalty and customer value by product line."),
          (KEY_METRICS,)),
)
