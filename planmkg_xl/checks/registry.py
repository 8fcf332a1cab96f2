"""Every coherence rule of PLAN_SPEC §2, with its metadata, and the function that runs them all.

A rule has a stable id (``FUN-004``: family and number, never reused), the highest
severity it can report, a title and a description in French and English, and the
business definition it applies (the seed slide or PLAN_SPEC section), so that
``planmkg rules`` and the "Contrôles" sheet can explain what each finding means.

``run_checks`` runs every rule on one computed plan. A rule that raises is a bug of
ours, not of the plan: it becomes one ``INT-001`` finding naming the rule and the
exception, and the other rules still run (the isolation catches ``Exception``
explicitly, nothing broader).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..core.compute import Computed
from ..model.fields import Text
from ..model.findings import Finding, Severity
from . import benchmarks, budget, funnel, funnel_lines, funnel_targets, kpi, objectives, pacing, readiness, sanity
from ._common import Ctx, finding

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Rule:
    """A coherence rule: what it checks and why, and the function that checks it."""

    id: str
    severity: Severity  # the highest severity it reports
    title: Text
    checks: Text
    definition: str
    run: Callable[[Ctx], list[Finding]]

    @property
    def family(self) -> str:
        return self.id.split("-")[0]


def _r(id_, severity, title_fr, title_en, checks_fr, checks_en, definition, run) -> Rule:
    return Rule(id_, severity, Text(title_fr, title_en), Text(checks_fr, checks_en), definition, run)


_FUNNEL = "PLAN_SPEC §2 entonnoir inversé ; modèle slides 17, 19, 24"
_BANDS_FR = " Écart en unités et en %, bandes tolerance_ok / tolerance_warning."
_BANDS_EN = " Gap in units and %, tolerance_ok / tolerance_warning bands."

RULES: tuple[Rule, ...] = (
    _r("FUN-001", E, "C.A. visé cohérent", "Consistent revenue target",
       "Somme des objectifs C.A. de l'onglet Commercial = objectif stratégique de C.A. = C.A. entreprise N (Budget)." + _BANDS_FR,
       "Sum of the Commercial tab's revenue targets = strategic revenue objective = company revenue N (Budget)." + _BANDS_EN,
       _FUNNEL + " ; slide 51", funnel_targets.check_revenue_target),
    _r("FUN-002", E, "Entonnoir : ventes", "Funnel: deals",
       "Ventes nécessaires (C.A. visé ÷ C.A. moyen retenu) vs objectif marketing de ventes." + _BANDS_FR,
       "Deals required (revenue target ÷ average deal used) vs a deals objective." + _BANDS_EN, _FUNNEL, funnel.check_deals),
    _r("FUN-003", E, "Entonnoir : opportunités", "Funnel: opportunities",
       "Opportunités nécessaires (ventes ÷ win ratio retenu) vs objectif marketing d'opportunités." + _BANDS_FR,
       "Opportunities required (deals ÷ win ratio used) vs an opportunities objective." + _BANDS_EN, _FUNNEL, funnel.check_opportunities),
    _r("FUN-004", E, "Entonnoir : leads qualifiés", "Funnel: qualified leads",
       "Leads qualifiés nécessaires (opportunités ÷ conversion visée, sinon N-1) vs objectif leads qualifiés N de l'onglet Lead generation."
       + _BANDS_FR,
       "Qualified leads required (opportunities ÷ target conversion, else N-1) vs the Lead generation tab's target qualified leads N."
       + _BANDS_EN, _FUNNEL, funnel.check_qualified_leads),
    _r("FUN-005", E, "Entonnoir : leads entrants", "Funnel: inbound leads",
       "Leads nécessaires (leads qualifiés ÷ taux de qualification N-1) vs objectif leads N de l'onglet Lead generation." + _BANDS_FR,
       "Leads required (qualified leads ÷ N-1 qualification rate) vs the Lead generation tab's target leads N." + _BANDS_EN,
       _FUNNEL, funnel.check_leads),
    _r("FUN-006", E, "Entonnoir : budget lead generation", "Funnel: lead-generation budget",
       "Budget nécessaire (leads qualifiés × coût au lead qualifié visé, sinon N-1) vs budget N de l'onglet Lead generation." + _BANDS_FR,
       "Budget required (qualified leads × target cost per qualified lead, else N-1) vs the Lead generation tab's budget N." + _BANDS_EN,
       _FUNNEL + " ; PLAN_SPEC §2 budget (coût par lead / ROI), slide 49", funnel.check_budget),
    _r("FUN-007", E, "Objectifs de leads vs onglet Lead generation", "Lead objectives vs Lead generation tab",
       "Un objectif marketing de leads (ou leads qualifiés) portant sur tout l'entonnoir = l'objectif de l'onglet Lead generation."
       + _BANDS_FR,
       "A whole-funnel leads (or qualified leads) marketing objective = the Lead generation tab's target." + _BANDS_EN,
       "PLAN_SPEC §1.3, §1.8, §2 ; slides 19, 26", funnel_targets.check_lead_objectives),
    _r("FUN-008", I, "Entonnoir par ligne d'offre", "Funnel per offer line",
       "Croissance d'opportunités demandée par l'objectif d'une ligne vs celle de tout l'entonnoir (au-delà de tolerance_warning).",
       "Opportunity growth a line's target needs vs the whole funnel's (beyond tolerance_warning).",
       "PLAN_SPEC §1.1 partie verte, §2 ; slide 17", funnel_lines.check_line_mix),
    _r("FUN-009", W, "Hypothèses d'une ligne manquantes", "Missing line assumptions",
       "Une ligne avec un objectif de C.A. a un C.A. moyen et un win ratio (hypothèse ou N-1).",
       "A line with a revenue target has an average deal and a win ratio (assumption or N-1).",
       "PLAN_SPEC §1.1 ; slide 17", funnel_lines.check_line_assumptions),
    _r("OBJ-001", E, "Objectifs contradictoires", "Contradicting objectives",
       "Budget = leads qualifiés × coût au lead qualifié ; opportunités = leads qualifiés × conversion ; ventes = opportunités × win ratio."
       + _BANDS_FR,
       "Budget = qualified leads × cost per qualified lead; opportunities = qualified leads × conversion; deals = opportunities × win ratio."
       + _BANDS_EN, "PLAN_SPEC §2 (−30 % et +30 % à budget stable ⇒ −23 %) ; slides 24, 26", objectives.check_pairs),
    _r("OBJ-002", E, "Liens objectifs stratégiques ↔ marketing", "Strategic ↔ marketing links",
       "Chaque objectif marketing cite un objectif stratégique existant ; chaque objectif stratégique a un objectif marketing.",
       "Every marketing objective cites an existing strategic objective; every strategic objective has a marketing objective.",
       "PLAN_SPEC §1.8, §2 ; slides 25–26", objectives.check_links),
    _r("OBJ-003", W, "Objectif mesurable", "Measurable objective",
       "Métrique, base N-1 et cible N renseignées.", "Metric, baseline N-1 and target N given.",
       "PLAN_SPEC §2 SMART ; slide 24 (mesurable)", objectives.check_measurable),
    _r("OBJ-004", W, "Objectif délimité dans le temps", "Time-bound objective",
       "Échéance renseignée, dans l'année N (plan_year).", "Deadline given, within year N (plan_year).",
       "PLAN_SPEC §2 SMART ; slide 24 (délimité dans le temps)", objectives.check_time_bound),
    _r("BUD-001", E, "Totaux des blocs budget", "Budget block totals",
       "Chaque ligne chiffrée du budget appartient à l'un des trois blocs (sinon absente du total programmes).",
       "Every budget line with an amount belongs to one of the three blocks (else missing from total programmes).",
       "PLAN_SPEC §1.9 ; slides 50–51", budget.check_blocks),
    _r("BUD-002", E, "Bottom-up vs top-down", "Bottom-up vs top-down",
       "Total des lignes (programmes) vs enveloppe retenue (montant, sinon % du C.A.)." + _BANDS_FR,
       "Lines' total (programmes) vs envelope used (amount, else % of revenue)." + _BANDS_EN,
       "PLAN_SPEC §1.9 ; slide 49", budget.check_envelope),
    _r("BUD-003", E, "Budget lead generation : Budget vs Lead generation", "Lead-gen budget: Budget vs Lead generation",
       "Bloc « 2. Stratégie lead generation » N = budget N de l'onglet Lead generation." + _BANDS_FR,
       "Block \"2. Lead generation strategy\" N = the Lead generation tab's budget N." + _BANDS_EN,
       "PLAN_SPEC §1.3, §1.9, §2 ; slides 19, 50", budget.check_leadgen_block),
    _r("BEN-001", I, "Coûts marketing / C.A. vs moyenne B2B", "Marketing cost / revenue vs B2B average",
       "Coûts marketing / C.A. N vs benchmark marketing_to_revenue_b2b_product (6,2 %), au-delà de tolerance_warning.",
       "Marketing cost / revenue N vs benchmark marketing_to_revenue_b2b_product (6.2%), beyond tolerance_warning.",
       "The CMO Survey, août 2015 ; slide 52", benchmarks.check_average),
    _r("BEN-002", W, "Programmes / C.A. vs plafond petites entreprises", "Programmes / revenue vs small-company ceiling",
       "Programmes hors salaires / C.A. N ≤ benchmark marketing_to_revenue_small_max (25 %).",
       "Programmes excluding salaries / revenue N ≤ benchmark marketing_to_revenue_small_max (25%).",
       "The CMO Survey, août 2015 ; slide 52", benchmarks.check_ceiling),
    _r("KPI-001", E, "10 KPI au plus", "At most 10 KPIs", "Au plus 10 KPI, sinon ce sont des PI.",
       "At most 10 KPIs, otherwise they are PIs.", "PLAN_SPEC §1.10 ; slide 53", kpi.check_count),
    _r("KPI-002", W, "KPI complet", "Complete KPI", "Chaque KPI a une valeur N-1 et une cible N.",
       "Every KPI has a value N-1 and a target N.", "PLAN_SPEC §1.10 ; slides 53–54", kpi.check_values),
    _r("KPI-003", W, "KPI N-1 = onglets", "KPI N-1 = tabs",
       "La valeur N-1 saisie d'un KPI est celle des onglets pour sa métrique source." + _BANDS_FR,
       "A KPI's typed N-1 value is the tabs' value of its source metric." + _BANDS_EN, "PLAN_SPEC §1.10 (valeur N-1 reprise des onglets)",
       kpi.check_against_tabs),
    _r("PAC-001", W, "KPI en retard sur son rythme", "KPI behind its pace",
       "Réalisé à date d'un KPI vs rythme attendu au dernier mois saisi (saisonnier si le profil mensuel N-1 existe, sinon linéaire), "
       "au-delà de pacing_band ; le message donne la prévision de fin d'année.",
       "A KPI's actual to date vs its expected pace at the last month reported (seasonal when the N-1 monthly profile exists, else "
       "linear), beyond pacing_band; the message gives the year-end forecast.",
       "Modèle de plan marketing B2B, slide « Plan de mesures » (suivi mensuel des KPI)", pacing.check_behind),
    _r("PAC-002", W, "Mois de réalisé manquant", "Missing month of actuals",
       "Un KPI cumulé n'a pas de réalisé pour un mois antérieur au dernier mois saisi.",
       "A cumulative KPI has no actual for a month before the last month reported.",
       "Modèle de plan marketing B2B, slide « Plan de mesures » (suivi mensuel des KPI)", pacing.check_gaps),
    _r("RDY-001", I, "Test de préparation : réponse contredite par le plan", "Readiness test: answer contradicted by the plan",
       "Une réponse oui/non saisie au test de l'Accueil diffère de celle que le plan permet de lire (segments, objectifs liés, KPI, initiatives).",
       "A yes/no answer typed in the Home test differs from the one the plan shows (segments, linked objectives, KPIs, initiatives).",
       "Modèle de plan marketing B2B, slide « Faites le test » (neuf questions oui / non)", readiness.check_overrides),
    _r("SAN-001", E, "Leads qualifiés ≤ leads", "Qualified leads ≤ leads",
       "Leads qualifiés ≤ leads entrants (N-1, objectifs N, événements).", "Qualified leads ≤ inbound leads (N-1, targets N, events).",
       "PLAN_SPEC §1.3, §2", sanity.check_qualified_leads),
    _r("SAN-002", E, "Ventes ≤ opportunités", "Deals ≤ opportunities", "Ventes ≤ opportunités, par ligne d'offre.",
       "Deals ≤ opportunities, per offer line.", "PLAN_SPEC §1.1, §2", sanity.check_deals),
    _r("SAN-003", E, "Visiteurs uniques ≤ visites", "Unique visitors ≤ visits",
       "Visiteurs uniques ≤ visites, chaque mois et sur 12 mois.", "Unique visitors ≤ visits, each month and over 12 months.",
       "PLAN_SPEC §1.4, §2", sanity.check_visitors),
    _r("SAN-004", E, "Ouvertures ≤ délivrés", "Opens ≤ delivered", "Bounces ≤ envoyés ; ouvertures uniques ≤ délivrés.",
       "Bounces ≤ sent; unique opens ≤ delivered.", "PLAN_SPEC §1.5, §2", sanity.check_opens),
    _r("SAN-005", E, "C.A. par canal = C.A. commercial", "Revenue by channel = sales revenue",
       "Total du C.A. N-1 par canal = C.A. N-1 de l'onglet Commercial." + _BANDS_FR,
       "Total revenue N-1 by channel = the Commercial tab's revenue N-1." + _BANDS_EN, "PLAN_SPEC §1.2, §2 ; slide 18",
       sanity.check_channel_revenue),
    _r("SAN-006", E, "C.A. existants + nouveaux = C.A.", "Existing + new revenue = revenue",
       "Par ligne de produit : C.A. clients existants + C.A. nouveaux clients = C.A." + _BANDS_FR,
       "Per product line: revenue from existing + new customers = revenue." + _BANDS_EN, "PLAN_SPEC §1.7, §2 ; slide 21",
       sanity.check_revenue_split),
    _r("SAN-007", E, "Segments clients = clients", "Customer segments = customers",
       "Somme des segments clients (nouveaux, stars…) = clients de l'onglet Commercial." + _BANDS_FR,
       "Sum of the customer segments (new, stars…) = the Commercial tab's customers." + _BANDS_EN, "PLAN_SPEC §1.11, §2 ; slides 38–39",
       sanity.check_segment_counts),
    _r("SAN-008", E, "Leads par canal = objectif de leads", "Leads by channel = lead target",
       "Leads entrants attendus par canal = objectif leads N de l'onglet Lead generation." + _BANDS_FR,
       "Inbound leads expected by channel = the Lead generation tab's target leads N." + _BANDS_EN, "PLAN_SPEC §1.11, §2 ; slide 42",
       sanity.check_channel_leads),
    _r("SAN-009", E, "Taux entre 0 et 100 %", "Rates within 0–100%", "Tout taux saisi est entre 0 et 100 %.",
       "Every rate typed is within 0–100%.", "PLAN_SPEC §1, §2", sanity.check_rates),
    _r("SAN-010", E, "Pas de valeur négative", "No negative value", "Aucun compte ni montant négatif.",
       "No negative count or amount.", "PLAN_SPEC §1, §2", sanity.check_negatives),
)

INTERNAL = _r("INT-001", E, "Contrôle interrompu", "Check interrupted",
              "Un contrôle a levé une exception : c'est une anomalie de l'outil ; les autres contrôles ont tourné.",
              "A check raised an exception: a bug of the tool; the other checks ran.", "ARCHITECTURE.md (erreurs)", lambda ctx: [])

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES + (INTERNAL,)}


def run_checks(computed: Computed, rules: tuple[Rule, ...] = RULES) -> list[Finding]:
    """Every finding of every rule on ``computed``, most severe first, then by rule id."""
    ctx = Ctx(computed)
    found: list[Finding] = []
    for rule in rules:
        try:
            found.extend(rule.run(ctx))
        except Exception as exc:  # isolation: one broken rule must not hide the others' findings
            found.append(finding("INT-001", Severity.ERROR, ctx.t(
                f"Le contrôle {rule.id} ({rule.title('fr')}) n'a pas pu s'exécuter : {type(exc).__name__}: {exc}. "
                f"Les autres contrôles ont tourné ; signalez ce problème.",
                f"Check {rule.id} ({rule.title('en')}) could not run: {type(exc).__name__}: {exc}. "
                f"The other checks ran; please report this problem."), (), rule=rule.id, exception=type(exc).__name__))
    order = {r.id: n for n, r in enumerate(RULES)}
    return sorted(found, key=lambda f: (-f.severity, order.get(f.rule_id, -1)))
