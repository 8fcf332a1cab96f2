"""Every coherence rule, with its metadata, and the function that runs them all.

A rule has a stable id (``FUN-004``: family and number, never reused), the severities
it can report (a banded rule reports a warning within ``tolerance_warning`` and an
error beyond; its listed severity is the highest), a title, what it checks, why a
marketing controller checks it, its formula, and a source a user can read: a
publication and its year, or the seed template's slide described in words. Both
``planmkg rules`` and ``docs/rules.md`` (generated from this registry by
``checks.report.rules_markdown``) print exactly this.

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
from . import (benchmarks, budget, capacity, completeness, crosstab, envelope, funnel, funnel_lines, funnel_targets, jumps, kpi,
               objectives, pacing, readiness, restated, sanity, unit_costs)
from ._common import Ctx, finding

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Rule:
    """A coherence rule: what it checks, why, how, where the definition comes from, and the function that checks it."""

    id: str
    levels: tuple[Severity, ...]  # every severity it can report, lowest first
    title: Text
    checks: Text
    why: Text
    formula: Text
    source: Text
    run: Callable[[Ctx], list[Finding]]

    @property
    def family(self) -> str:
        return self.id.split("-")[0]

    @property
    def severity(self) -> Severity:
        """The highest severity it reports."""
        return max(self.levels)

    def severity_label(self, lang: str) -> str:
        """``Alerte / Erreur`` for a banded rule: what the user will see, in the order of the band."""
        return " / ".join(s.label(lang) for s in self.levels)


def _r(id_, levels, title, checks, *rest) -> Rule:
    """A rule from (fr, en) pairs: ``_r(id, levels, title, checks, why, formula, source, run)``.

    The older form ``_r(id, severity, title_fr, title_en, checks_fr, checks_en, definition, run)`` (rules written
    before the registry said why and how) still builds, with an empty why and formula, so that the registry test
    names what is left to write instead of the import failing.
    """
    levels = tuple(sorted(levels if isinstance(levels, tuple) else (levels,)))
    if isinstance(title, str):  # the older form
        title_en, checks_fr, checks_en, definition, run = checks, *rest
        return Rule(id_, levels, Text(title, title_en), Text(checks_fr, checks_en), Text("", ""), Text("", ""),
                    Text(definition, definition), run)
    why, formula, source, run = rest
    return Rule(id_, levels, Text(*title), Text(*checks), Text(*why), Text(*formula), Text(*source), run)


def seed(slide_fr: str, slide_en: str) -> tuple[str, str]:
    """The seed template's slide, described in words (the user has the template, not our specification)."""
    return (f"Modèle « Plan Marketing Opérationnel B to B, Modèle PME » (SO'xperts), slide « {slide_fr} »",
            f"The seed template \"Plan Marketing Opérationnel B to B, Modèle PME\" (SO'xperts), slide \"{slide_en}\"")


def _and(*sources: tuple[str, str]) -> tuple[str, str]:
    return " ; ".join(s[0] for s in sources), "; ".join(s[1] for s in sources)


BAND = (W, E)  # gap within tolerance_ok: nothing; up to tolerance_warning: warning; beyond: error
_BAND = (" L'écart est en unités et en % ; la bande tolerance_ok / tolerance_warning (Paramètres) fixe la gravité.",
         " The gap is in units and %; the tolerance_ok / tolerance_warning band (Settings) sets the severity.")

SALES = seed("Performances commerciales", "Sales performance")
LEADGEN = seed("Performances marketing lead generation", "Marketing performance: lead generation")
WEB = seed("Performances marketing online (Web KPI)", "Marketing performance online (Web KPIs)")
EMAIL = ("Modèle « Plan Marketing Opérationnel B to B, Modèle PME » (SO'xperts), fichier Excel d'indicateurs, onglet « Emailing »",
         "The seed template \"Plan Marketing Opérationnel B to B, Modèle PME\" (SO'xperts), indicators Excel file, tab \"Emailing\"")
EVENTS = ("Modèle « Plan Marketing Opérationnel B to B, Modèle PME » (SO'xperts), fichier Excel d'indicateurs, onglet « Évènements »",
          "The seed template \"Plan Marketing Opérationnel B to B, Modèle PME\" (SO'xperts), indicators Excel file, tab \"Events\"")
OBJECTIVES = seed("2. Objectifs", "2. Objectives")
STRATEGIC = seed("Objectifs stratégiques", "Strategic objectives")
MARKETING = seed("Objectifs marketing", "Marketing objectives")
BUDGET = seed("Budget dépenses (trois approches : top-down, bottom-up, coût par lead / ROI)",
              "Budget spend (three approaches: top-down, bottom-up, cost per lead / ROI)")
BUDGET_EX = seed("Budget dépenses, exemple (scorecard marketing)", "Budget spend, example (marketing scorecard)")
BENCH = seed("Benchmarks (The CMO Survey, août 2015)", "Benchmarks (The CMO Survey, August 2015)")
MEASURES = seed("Plan de mesures", "Measurement plan")
CUSTOMERS = seed("Stratégie clients", "Customer strategy")
CHANNELS = seed("Stratégie canaux", "Channel strategy")
KEY_METRICS = seed("Métriques clés", "Key metrics")
CHANNEL_PERF = seed("Performances canaux", "Channel performance")
LEADGEN_STRATEGY = seed("Stratégie lead generation", "Lead generation strategy")
SMART = ("Doran, « There's a S.M.A.R.T. way to write management's goals and objectives », Management Review, 1981",
         "Doran, \"There's a S.M.A.R.T. way to write management's goals and objectives\", Management Review, 1981")
FUNNEL_WHY = ("L'entonnoir inversé traduit l'objectif de C.A. en besoins marketing : un objectif qui n'en découle pas est soit hors "
              "d'atteinte, soit un budget mal employé.",
              "The reverse funnel turns the revenue target into marketing needs: a target that does not follow from it is either out "
              "of reach or budget spent for nothing.")
FUNNEL_SRC = _and(SALES, LEADGEN, OBJECTIVES)
SANE_WHY = ("Une valeur impossible trahit une saisie erronée ; tout ce qui en dépend est faux.",
            "An impossible value betrays a typing mistake; everything that depends on it is wrong.")
DUP_WHY = ("Le même chiffre dit deux fois doit dire la même chose, sinon le comité de direction ne sait pas lequel croire.",
           "The same figure stated twice must say the same thing, or the executive committee cannot tell which one to believe.")
JMP_WHY = ("Une hypothèse N très différente de N-1 change tout l'entonnoir ; si aucun objectif ne la porte, personne n'est chargé de "
           "la réaliser et le plan repose sur un vœu.",
           "An N assumption far from N-1 changes the whole funnel; if no objective carries it, nobody is in charge of making it "
           "happen and the plan rests on a wish.")
JMP_SRC = _and(SALES, MARKETING, ("Bande tolerance_jump (Paramètres)", "tolerance_jump band (Settings)"))
UCO_WHY = ("Un coût unitaire très éloigné de la moyenne du plan est soit une erreur de saisie, soit une ligne à arbitrer ; c'est plus "
           "grave quand les objectifs N misent sur elle.",
           "A unit cost far from the plan's own average is either a typing mistake or a line to reconsider; more serious when the "
           "N targets rely on it.")
CAP_WHY = ("Un objectif de canal que les volumes et rendements du plan ne peuvent pas produire ne sera pas atteint ; un objectif "
           "bien en dessous laisse des moyens sans emploi.",
           "A channel target the plan's own volumes and yields cannot produce will be missed; one far below leaves resources idle.")

RULES: tuple[Rule, ...] = (
    _r("FUN-001", BAND, ("C.A. visé cohérent", "Consistent revenue target"),
       ("Somme des objectifs C.A. de l'onglet Commercial = objectif stratégique de C.A. = C.A. entreprise N (Budget)." + _BAND[0],
        "Sum of the Commercial tab's revenue targets = strategic revenue objective = company revenue N (Budget)." + _BAND[1]),
       ("L'entonnoir part du C.A. visé : s'il y en a plusieurs, le plan n'a pas de point de départ.",
        "The funnel starts from the revenue target: with several, the plan has no starting point."),
       ("Σ Commercial.objectif C.A. N ÷ objectif C.A. − 1 ; C.A. entreprise N ÷ Σ − 1",
        "Σ Commercial.target revenue N ÷ revenue objective − 1; company revenue N ÷ Σ − 1"),
       _and(SALES, STRATEGIC, BUDGET_EX), funnel_targets.check_revenue_target),
    _r("FUN-002", BAND, ("Entonnoir : ventes", "Funnel: deals"),
       ("Ventes nécessaires (C.A. visé ÷ C.A. moyen retenu) vs un objectif marketing de ventes." + _BAND[0],
        "Deals required (revenue target ÷ average deal used) vs a deals objective." + _BAND[1]), FUNNEL_WHY,
       ("ventes = Σ lignes (objectif C.A. ÷ C.A. moyen retenu) ; écart = objectif ÷ ventes − 1",
        "deals = Σ lines (target revenue ÷ average deal used); gap = objective ÷ deals − 1"), FUNNEL_SRC, funnel.check_deals),
    _r("FUN-003", BAND, ("Entonnoir : opportunités", "Funnel: opportunities"),
       ("Opportunités nécessaires (ventes ÷ win ratio retenu) vs un objectif marketing d'opportunités." + _BAND[0],
        "Opportunities required (deals ÷ win ratio used) vs an opportunities objective." + _BAND[1]), FUNNEL_WHY,
       ("opportunités = Σ lignes (ventes ÷ win ratio retenu)", "opportunities = Σ lines (deals ÷ win ratio used)"),
       FUNNEL_SRC, funnel.check_opportunities),
    _r("FUN-004", BAND, ("Entonnoir : leads qualifiés", "Funnel: qualified leads"),
       ("Leads qualifiés nécessaires (opportunités nécessaires ÷ conversion visée, sinon N-1) vs objectif leads qualifiés N "
        "(onglet Lead generation, sinon objectif marketing)." + _BAND[0],
        "Qualified leads required (opportunities required ÷ target conversion, else N-1) vs target qualified leads N "
        "(Lead generation tab, else marketing objective)." + _BAND[1]), FUNNEL_WHY,
       ("leads qualifiés = opportunités ÷ conversion lead qualifié → opportunité", "qualified leads = opportunities ÷ qualified lead → opportunity rate"),
       FUNNEL_SRC, funnel.check_qualified_leads),
    _r("FUN-005", BAND, ("Entonnoir : leads entrants", "Funnel: inbound leads"),
       ("Leads nécessaires (leads qualifiés nécessaires ÷ taux de qualification N-1) vs objectif leads N (onglet Lead generation, "
        "sinon objectif marketing)." + _BAND[0],
        "Leads required (qualified leads required ÷ N-1 qualification rate) vs target leads N (Lead generation tab, else marketing "
        "objective)." + _BAND[1]), FUNNEL_WHY,
       ("leads = leads qualifiés ÷ taux de qualification N-1", "leads = qualified leads ÷ N-1 qualification rate"),
       FUNNEL_SRC, funnel.check_leads),
    _r("FUN-006", BAND, ("Entonnoir : budget lead generation", "Funnel: lead-generation budget"),
       ("Budget nécessaire (leads qualifiés nécessaires × coût au lead qualifié visé, sinon N-1) vs budget N de l'onglet Lead "
        "generation (sinon objectif de budget)." + _BAND[0],
        "Budget required (qualified leads required × target cost per qualified lead, else N-1) vs the Lead generation tab's budget N "
        "(else a budget objective)." + _BAND[1]), FUNNEL_WHY,
       ("budget = leads qualifiés × coût au lead qualifié", "budget = qualified leads × cost per qualified lead"),
       _and(FUNNEL_SRC, BUDGET), funnel.check_budget),
    _r("FUN-007", BAND, ("Objectifs de leads vs onglet Lead generation", "Lead objectives vs Lead generation tab"),
       ("Un objectif marketing de leads (ou leads qualifiés) portant sur tout l'entonnoir = l'objectif de l'onglet Lead generation."
        + _BAND[0], "A whole-funnel leads (or qualified leads) marketing objective = the Lead generation tab's target." + _BAND[1]),
       DUP_WHY, ("Σ Lead generation.objectif ÷ objectif marketing − 1", "Σ Lead generation.target ÷ marketing objective − 1"),
       _and(LEADGEN, MARKETING), funnel_targets.check_lead_objectives),
    _r("FUN-008", I, ("Entonnoir par ligne d'offre", "Funnel per offer line"),
       ("Croissance d'opportunités demandée par l'objectif d'une ligne vs celle de tout l'entonnoir (au-delà de tolerance_warning).",
        "Opportunity growth a line's target needs vs the whole funnel's (beyond tolerance_warning)."),
       ("La lead generation se planifie par source, pas par ligne : une ligne qui croît bien plus vite que l'ensemble doit être "
        "servie en priorité.", "Lead generation is planned by source, not by line: a line growing much faster than the whole must "
                               "be served first."),
       ("opportunités nécessaires de la ligne ÷ (Σ nécessaires × part N-1 de la ligne) − 1",
        "line's opportunities required ÷ (Σ required × line's N-1 share) − 1"), SALES, funnel_lines.check_line_mix),
    _r("FUN-009", W, ("Hypothèses d'une ligne manquantes", "Missing line assumptions"),
       ("Une ligne avec un objectif de C.A. a un C.A. moyen et un win ratio (hypothèse ou N-1).",
        "A line with a revenue target has an average deal and a win ratio (assumption or N-1)."),
       ("Sans eux, les ventes et opportunités de la ligne manquent à l'entonnoir.",
        "Without them, the line's deals and opportunities are missing from the funnel."),
       ("objectif C.A. renseigné ⇒ C.A. moyen retenu et win ratio retenu calculables", "revenue target given ⇒ average deal and win ratio used computable"),
       SALES, funnel_lines.check_line_assumptions),
    _r("OBJ-001", BAND, ("Objectifs contradictoires", "Contradicting objectives"),
       ("Budget = leads qualifiés × coût au lead qualifié ; opportunités = leads qualifiés × conversion ; ventes = opportunités × win "
        "ratio." + _BAND[0], "Budget = qualified leads × cost per qualified lead; opportunities = qualified leads × conversion; deals = "
                             "opportunities × win ratio." + _BAND[1]),
       ("Le modèle donne l'exemple : −30 % de coût au lead qualifié et +30 % de leads à budget stable sont incompatibles (−23 % au "
        "plus).", "The seed's own example: −30 % cost per qualified lead and +30 % leads at a stable budget cannot both hold (−23 % at "
                  "most)."),
       ("(1 + Δ budget) = (1 + Δ leads qualifiés) × (1 + Δ coût au lead qualifié), et de même pour les deux autres produits",
        "(1 + Δ budget) = (1 + Δ qualified leads) × (1 + Δ cost per qualified lead), and likewise for the two other products"),
       MARKETING, objectives.check_pairs),
    _r("OBJ-002", W, ("Liens objectifs stratégiques ↔ marketing", "Strategic ↔ marketing links"),
       ("Chaque objectif marketing cite un objectif stratégique ; chaque objectif stratégique a un objectif marketing.",
        "Every marketing objective cites a strategic objective; every strategic objective has a marketing objective."),
       ("Un objectif marketing sert une priorité du comité de direction ; une priorité sans objectif marketing n'a pas de plan.",
        "A marketing objective serves an executive-committee priority; a priority without a marketing objective has no plan."),
       ("objectif marketing.objectif stratégique lié ≠ vide ; chaque id stratégique est cité", "marketing objective.linked id ≠ blank; every strategic id is cited"),
       _and(STRATEGIC, MARKETING), objectives.check_links),
    _r("OBJ-003", W, ("Objectif mesurable", "Measurable objective"),
       ("Métrique, base N-1 et cible N renseignées.", "Metric, baseline N-1 and target N given."),
       ("Un objectif sans base ni cible ne peut être ni contrôlé ni suivi.", "An objective without baseline or target can be neither checked nor tracked."),
       ("métrique, base N-1 et cible N non vides", "metric, baseline N-1 and target N not blank"), _and(OBJECTIVES, SMART),
       objectives.check_measurable),
    _r("OBJ-004", W, ("Objectif délimité dans le temps", "Time-bound objective"),
       ("Échéance renseignée, dans l'année N (plan_year).", "Deadline given, within year N (plan_year)."),
       ("Sans échéance, personne ne sait quand juger l'objectif atteint.", "Without a deadline nobody knows when to judge the objective met."),
       ("échéance ∈ année N", "deadline ∈ year N"), _and(OBJECTIVES, SMART), objectives.check_time_bound),
    _r("OBJ-005", E, ("Objectif stratégique cité inexistant", "Cited strategic objective missing"),
       ("Un objectif marketing cite un id d'objectif stratégique qui n'existe pas.",
        "A marketing objective cites a strategic objective id that does not exist."),
       ("Le lien est cassé : l'objectif marketing ne sert rien de ce que le comité a décidé (faute de frappe ou objectif supprimé).",
        "The link is broken: the marketing objective serves nothing the committee decided (a typo or a deleted objective)."),
       ("objectif marketing.objectif stratégique lié ∈ ids stratégiques", "marketing objective.linked id ∈ strategic ids"),
       _and(STRATEGIC, MARKETING), objectives.check_link_targets),
    _r("BUD-001", E, ("Totaux des blocs budget", "Budget block totals"),
       ("Chaque ligne chiffrée du budget appartient à l'un des trois blocs (sinon absente du total programmes).",
        "Every budget line with an amount belongs to one of the three blocks (else missing from total programmes)."),
       ("Une ligne hors bloc n'est comptée nulle part : le total des programmes est faux.",
        "A line outside the blocks is counted nowhere: the programme total is wrong."),
       ("ligne avec montant ⇒ bloc ∈ {1, 2, 3}", "line with an amount ⇒ block ∈ {1, 2, 3}"), BUDGET_EX, budget.check_blocks),
    _r("BUD-002", (I, W, E), ("Bottom-up en deçà du top-down", "Bottom-up below top-down"),
       ("Total des lignes (programmes) nettement sous l'enveloppe retenue (montant, sinon % du C.A.), ou pas d'enveloppe du tout. "
        "Le dépassement est ENV-001." + _BAND[0],
        "Lines' total (programmes) well below the envelope used (amount, else % of revenue), or no envelope at all. An overrun "
        "is ENV-001." + _BAND[1]),
       ("Une enveloppe largement inemployée signale des lignes oubliées ou un budget à rendre.",
        "An envelope left largely unused points at forgotten lines or budget to hand back."),
       ("programmes ÷ enveloppe retenue − 1 < 0", "programmes ÷ envelope used − 1 < 0"), BUDGET, budget.check_envelope),
    _r("BUD-003", BAND, ("Budget lead generation : Budget vs Lead generation", "Lead-gen budget: Budget vs Lead generation"),
       ("Bloc « 2. Stratégie lead generation » N = budget N de l'onglet Lead generation." + _BAND[0],
        "Block \"2. Lead generation strategy\" N = the Lead generation tab's budget N." + _BAND[1]), DUP_WHY,
       ("Σ Budget[bloc 2].budget N ÷ Σ Lead generation.budget N − 1", "Σ Budget[block 2].budget N ÷ Σ Lead generation.budget N − 1"),
       _and(BUDGET_EX, LEADGEN), budget.check_leadgen_block),
    _r("ENV-001", BAND, ("L'enveloppe est un plafond", "The envelope is a ceiling"),
       ("Tout dépassement de l'enveloppe top-down approuvée par le total bottom-up des lignes est signalé : alerte dans la bande "
        "tolerance_warning, erreur au-delà.",
        "Any overrun of the approved top-down envelope by the bottom-up total of the lines is a finding: a warning within the "
        "tolerance_warning band, an error beyond."),
       ("L'enveloppe est ce que le comité a approuvé : la dépasser, même de peu, demande son accord.",
        "The envelope is what the committee approved: exceeding it, even slightly, needs its consent."),
       ("programmes − enveloppe retenue > 0 ; gravité selon (programmes ÷ enveloppe − 1)",
        "programmes − envelope used > 0; severity from (programmes ÷ envelope − 1)"), BUDGET, envelope.check_ceiling),
    _r("XTB-001", BAND, ("Budget N par source : Lead generation vs Budget", "Budget N by source: Lead generation vs Budget"),
       ("Une ligne du bloc « 2. Stratégie lead generation » qui porte le nom d'une source de leads a le même budget N que cette "
        "source sur l'onglet Lead generation." + _BAND[0],
        "A line of block \"2. Lead generation strategy\" named after a lead source has the same budget N as that source on the "
        "Lead generation tab." + _BAND[1]), DUP_WHY,
       ("Budget[ligne].budget N ÷ Lead generation[source de même nom].budget N − 1",
        "Budget[line].budget N ÷ Lead generation[source of the same name].budget N − 1"), _and(BUDGET_EX, LEADGEN),
       crosstab.check_leadgen_lines),
    _r("XTB-002", BAND, ("Cible KPI = cible de l'objectif", "KPI target = objective target"),
       ("Un KPI et un objectif (stratégique ou marketing, portant sur tout l'entonnoir) sur la même métrique source ont la même cible N."
        + _BAND[0], "A KPI and a whole-funnel objective (strategic or marketing) on the same source metric have the same target N."
        + _BAND[1]), DUP_WHY, ("KPI.cible N ÷ objectif.cible N − 1", "KPI.target N ÷ objective.target N − 1"),
       _and(MEASURES, MARKETING), crosstab.check_kpi_targets),
    _r("XTB-003", W, ("Tactiques rattachées à un objectif existant", "Tactics tied to an existing objective"),
       ("Chaque tactique (stratégie clients, stratégie lead generation) cite l'id d'un objectif marketing existant.",
        "Every tactic (customer strategy, lead generation strategy) cites the id of an existing marketing objective."),
       ("Une tactique sans objectif est une dépense sans but mesurable.", "A tactic without an objective is spend without a measurable purpose."),
       ("tactique.objectif marketing ∈ ids des objectifs marketing", "tactic.marketing objective ∈ marketing objective ids"),
       _and(CUSTOMERS, LEADGEN_STRATEGY), crosstab.check_tactic_ids),
    _r("JMP-001", W, ("Saut de win ratio", "Win ratio jump"),
       ("Le win ratio N supposé d'une ligne s'écarte de son N-1 de plus de tolerance_jump sans objectif de win ratio qui le porte.",
        "A line's assumed N win ratio moves from its N-1 value by more than tolerance_jump with no win-ratio objective behind it."),
       JMP_WHY, ("|hyp. win ratio N ÷ win ratio N-1 − 1| > tolerance_jump", "|assumed win ratio N ÷ win ratio N-1 − 1| > tolerance_jump"),
       JMP_SRC, jumps.check_win_ratio),
    _r("JMP-002", W, ("Saut de C.A. moyen", "Average deal jump"),
       ("Le C.A. moyen N supposé d'une ligne s'écarte de son N-1 de plus de tolerance_jump sans objectif de C.A. qui l'explique.",
        "A line's assumed N average deal moves from its N-1 value by more than tolerance_jump with no revenue objective explaining it."),
       JMP_WHY, ("|hyp. C.A. moyen N ÷ C.A. moyen N-1 − 1| > tolerance_jump", "|assumed average deal N ÷ average deal N-1 − 1| > tolerance_jump"),
       JMP_SRC, jumps.check_avg_deal),
    _r("JMP-003", W, ("Saut de taux de qualification", "Qualification rate jump"),
       ("Le taux de qualification implicite des objectifs N (leads qualifiés ÷ leads) s'écarte du N-1 de plus de tolerance_jump "
        "sans objectifs de leads et de leads qualifiés qui le portent.",
        "The qualification rate implied by the N targets (qualified leads ÷ leads) moves from N-1 by more than tolerance_jump with "
        "no leads and qualified-leads objectives behind it."),
       JMP_WHY, ("|(objectif leads qualifiés ÷ objectif leads) ÷ taux N-1 − 1| > tolerance_jump",
                 "|(target qualified leads ÷ target leads) ÷ N-1 rate − 1| > tolerance_jump"), _and(JMP_SRC, LEADGEN),
       jumps.check_qualification),
    _r("JMP-004", W, ("Saut de conversion en opportunité", "Conversion jump"),
       ("La conversion lead qualifié → opportunité implicite (objectif d'opportunités ÷ objectif de leads qualifiés) s'écarte du N-1 "
        "de plus de tolerance_jump sans objectif de conversion qui la porte.",
        "The qualified lead → opportunity conversion implied (opportunities objective ÷ qualified-leads target) moves from N-1 by "
        "more than tolerance_jump with no conversion objective behind it."),
       JMP_WHY, ("|(opportunités visées ÷ leads qualifiés visés) ÷ conversion N-1 − 1| > tolerance_jump",
                 "|(target opportunities ÷ target qualified leads) ÷ N-1 conversion − 1| > tolerance_jump"), _and(JMP_SRC, LEADGEN),
       jumps.check_conversion),
    _r("JMP-005", W, ("Saut de CTR emailing", "Emailing CTR jump"),
       ("Le CTR emailing visé (métriques lead generation de l'onglet Stratégie) s'écarte du CTR N-1 de l'onglet Emailing de plus "
        "de tolerance_jump sans objectif de taux de clic qui le porte.",
        "The target emailing CTR (Strategy tab's lead-generation metrics) moves from the Emailing tab's N-1 CTR by more than "
        "tolerance_jump with no click-rate objective behind it."),
       JMP_WHY, ("|CTR visé ÷ CTR N-1 − 1| > tolerance_jump", "|target CTR ÷ N-1 CTR − 1| > tolerance_jump"), _and(JMP_SRC, EMAIL),
       jumps.check_ctr),
    _r("JMP-006", W, ("Saut de conversion des landing pages", "Landing-page conversion jump"),
       ("La conversion des landing pages supposée en N s'écarte de celle de N-1 (onglet Web) de plus de tolerance_jump sans "
        "objectif de leads web qui la porte.",
        "The landing-page conversion assumed for N moves from the N-1 one (Web tab) by more than tolerance_jump with no web-leads "
        "objective behind it."),
       JMP_WHY, ("|hyp. conversion N ÷ conversion N-1 − 1| > tolerance_jump", "|assumed conversion N ÷ conversion N-1 − 1| > tolerance_jump"),
       _and(JMP_SRC, WEB), jumps.check_landing_conversion),
    _r("UCO-001", (I, W), ("Coût unitaire d'une source de leads", "Unit cost of a lead source"),
       ("Coût au lead qualifié N-1 d'une source vs celui de l'ensemble des sources, au-delà de tolerance_unit_cost : info, ou "
        "alerte quand la source est plus chère et que les objectifs N comptent sur elle pour croître.",
        "A source's N-1 cost per qualified lead vs all sources', beyond tolerance_unit_cost: info, or a warning when the source "
        "is dearer and the N targets rely on it for growth."),
       UCO_WHY, ("coût au lead qualifié de la source ÷ (Σ dépenses ÷ Σ leads qualifiés) − 1",
                 "source's cost per qualified lead ÷ (Σ spend ÷ Σ qualified leads) − 1"),
       _and(LEADGEN, ("Bande tolerance_unit_cost (Paramètres)", "tolerance_unit_cost band (Settings)")), unit_costs.check_sources),
    _r("UCO-002", I, ("Coût unitaire d'un événement", "Unit cost of an event"),
       ("Coût par lead d'un événement N-1 vs celui de l'ensemble des événements, au-delà de tolerance_unit_cost.",
        "An N-1 event's cost per lead vs all events', beyond tolerance_unit_cost."), UCO_WHY,
       ("coût par lead de l'événement ÷ (Σ budgets ÷ Σ leads) − 1", "event's cost per lead ÷ (Σ spend ÷ Σ leads) − 1"),
       _and(EVENTS, ("Bande tolerance_unit_cost (Paramètres)", "tolerance_unit_cost band (Settings)")), unit_costs.check_events),
    _r("UCO-003", I, ("Coût unitaire d'une campagne emailing", "Unit cost of an emailing campaign"),
       ("Coût par lead d'une campagne N-1 vs celui de l'ensemble des campagnes, au-delà de tolerance_unit_cost.",
        "An N-1 campaign's cost per lead vs all campaigns', beyond tolerance_unit_cost."), UCO_WHY,
       ("coût par lead de la campagne ÷ (Σ budgets ÷ Σ leads) − 1", "campaign's cost per lead ÷ (Σ spend ÷ Σ leads) − 1"),
       _and(EMAIL, ("Bande tolerance_unit_cost (Paramètres)", "tolerance_unit_cost band (Settings)")), unit_costs.check_campaigns),
    _r("CAP-001", (I, W, E), ("Capacité du web", "Web capacity"),
       ("Leads web que l'objectif de trafic produit (trafic visé × leads web par visite N-1, ajusté de la conversion des landing "
        "pages supposée) vs l'objectif de leads web." + _BAND[0],
        "Web leads the traffic objective yields (target traffic × N-1 web leads per visit, adjusted by the assumed landing-page "
        "conversion) vs the web-leads target." + _BAND[1]), CAP_WHY,
       ("leads web possibles = trafic visé × (leads web ÷ trafic)N-1 × (conversion LP N ÷ conversion LP N-1)",
        "possible web leads = target traffic × (web leads ÷ traffic)N-1 × (LP conversion N ÷ LP conversion N-1)"),
       _and(WEB, LEADGEN_STRATEGY), capacity.check_web),
    _r("CAP-002", (I, W, E), ("Capacité de l'emailing", "Emailing capacity"),
       ("Leads emailing que la base et le plan d'envoi produisent (contacts × envois par contact × délivrabilité × CTR × leads par "
        "clic N-1) vs l'objectif de leads emailing." + _BAND[0],
        "Emailing leads the list and the sending plan yield (contacts × sends per contact × delivery × CTR × N-1 leads per click) vs "
        "the emailing-leads target." + _BAND[1]), CAP_WHY,
       ("leads emailing possibles = contacts N × envois par contact × (délivrés ÷ envoyés)N-1 × CTR N × (leads ÷ clics)N-1",
        "possible emailing leads = contacts N × sends per contact × (delivered ÷ sent)N-1 × CTR N × (leads ÷ clicks)N-1"),
       _and(EMAIL, LEADGEN_STRATEGY), capacity.check_emailing),
    _r("CAP-003", (I, W, E), ("Capacité des événements", "Event capacity"),
       ("Leads que les participants visés produisent (participants × leads par participant N-1) vs l'objectif de leads événements."
        + _BAND[0], "Leads the target attendees yield (attendees × N-1 leads per attendee) vs the event-leads target." + _BAND[1]),
       CAP_WHY, ("leads événements possibles = participants visés × (leads ÷ participants)N-1",
                 "possible event leads = target attendees × (leads ÷ attendees)N-1"), _and(EVENTS, CHANNELS), capacity.check_events),
    _r("BEN-001", I, ("Coûts marketing / C.A. vs moyenne B2B", "Marketing cost / revenue vs B2B average"),
       ("Coûts marketing / C.A. N vs la moyenne B2B produits (ou B2B services si les services font la majorité du C.A. visé) du "
        "tableau des benchmarks, au-delà de tolerance_warning.",
        "Marketing cost / revenue N vs the B2B product average (or B2B services when services make most of the revenue target) of "
        "the benchmarks table, beyond tolerance_warning."),
       ("Une moyenne est un repère pour le comité, pas une limite : un écart demande une explication.",
        "An average is a reference for the committee, not a limit: a gap calls for an explanation."),
       ("(coûts marketing N ÷ C.A. entreprise N) ÷ benchmark − 1", "(marketing cost N ÷ company revenue N) ÷ benchmark − 1"),
       (BENCH[0] + " ; mis à jour : The CMO Survey (Duke Fuqua, AMA, Deloitte), 2025, et Gartner 2025 CMO Spend Survey",
        BENCH[1] + "; updated: The CMO Survey (Duke Fuqua, AMA, Deloitte), 2025, and Gartner 2025 CMO Spend Survey"),
       benchmarks.check_average),
    _r("BEN-002", W, ("Programmes / C.A. vs plafond petites entreprises", "Programmes / revenue vs small-company ceiling"),
       ("Programmes hors salaires / C.A. N ≤ benchmark marketing_to_revenue_small_max.",
        "Programmes excluding salaries / revenue N ≤ benchmark marketing_to_revenue_small_max."),
       ("Au-delà du plafond observé même dans les plus petites entreprises, le budget est hors norme.",
        "Beyond the ceiling seen even in the smallest companies, the budget is out of the ordinary."),
       ("programmes N ÷ C.A. entreprise N ≤ plafond", "programmes N ÷ company revenue N ≤ ceiling"), BENCH, benchmarks.check_ceiling),
    _r("BEN-003", I, ("Benchmark daté", "Dated benchmark"),
       ("Un benchmark utilisé par les contrôles date de plus de benchmark_max_age ans avant l'année du plan.",
        "A benchmark the checks use is more than benchmark_max_age years older than the plan year."),
       ("Les budgets marketing ont beaucoup bougé depuis 2015 (Gartner : 11 % du C.A. avant 2020, 7,7 % en 2025) : un repère "
        "ancien trompe.", "Marketing budgets moved a lot since 2015 (Gartner: 11 % of revenue before 2020, 7.7 % in 2025): an old "
                          "reference misleads."),
       ("année du plan − année de la source > benchmark_max_age", "plan year − source year > benchmark_max_age"),
       ("Gartner, 2025 CMO Spend Survey ; bande benchmark_max_age (Paramètres)", "Gartner, 2025 CMO Spend Survey; benchmark_max_age (Settings)"),
       benchmarks.check_age),
    _r("KPI-001", E, ("10 KPI au plus", "At most 10 KPIs"), ("Au plus 10 KPI, sinon ce sont des PI.", "At most 10 KPIs, otherwise they are PIs."),
       ("Au-delà de dix, le comité ne suit plus rien : ce sont des indicateurs de performance, pas des indicateurs clés.",
        "Beyond ten the committee follows nothing: they are performance indicators, not key ones."),
       ("nombre de KPI ≤ 10", "number of KPIs ≤ 10"), MEASURES, kpi.check_count),
    _r("KPI-002", W, ("KPI complet", "Complete KPI"), ("Chaque KPI a une valeur N-1 et une cible N.", "Every KPI has a value N-1 and a target N."),
       ("Sans point de départ ni cible, un KPI ne se suit pas.", "Without a starting point and a target, a KPI cannot be tracked."),
       ("N-1 retenu et cible N non vides", "N-1 used and target N not blank"), MEASURES, kpi.check_values),
    _r("KPI-003", W, ("KPI N-1 = onglets", "KPI N-1 = tabs"),
       ("La valeur N-1 saisie d'un KPI est celle des onglets pour sa métrique source." + _BAND[0],
        "A KPI's typed N-1 value is the tabs' value of its source metric." + _BAND[1]), DUP_WHY,
       ("KPI.N-1 saisi ÷ KPI.N-1 des onglets − 1", "KPI.N-1 typed ÷ KPI.N-1 from the tabs − 1"), MEASURES, restated.check("KPI-003", W)),
    _r("PAC-001", W, ("KPI en retard sur son rythme", "KPI behind its pace"),
       ("Réalisé à date d'un KPI vs rythme attendu au dernier mois saisi (saisonnier si le profil mensuel N-1 existe, sinon linéaire), "
        "au-delà de pacing_band (Paramètres) ; le message donne la prévision de fin d'année.",
        "A KPI's actual to date vs its expected pace at the last month reported (seasonal when the N-1 monthly profile exists, else "
        "linear), beyond pacing_band (Settings); the message gives the year-end forecast."),
       ("Un KPI suivi chaque mois qui prend du retard se rattrape d'autant moins bien que l'année avance : le dire à temps, avec la fin "
        "d'année à laquelle il mène, laisse le temps d'agir.",
        "A monthly KPI falling behind is harder to catch up the later in the year it is seen: saying it in time, with the year end it "
        "leads to, leaves time to act."),
       ("réalisé à date ÷ (cible × part de l'année attendue à fin du mois) − 1 ; prévision = réalisé ÷ part attendue",
        "actual to date ÷ (target × share of the year expected by month end) − 1; forecast = actual ÷ share expected"),
       MEASURES, pacing.check_behind),
    _r("PAC-002", W, ("Mois de réalisé manquant", "Missing month of actuals"),
       ("Un KPI cumulé n'a pas de réalisé pour un mois antérieur au dernier mois saisi.",
        "A cumulative KPI has no actual for a month before the last month reported."),
       ("Un mois vide sous-estime le cumul à date : l'avancement et la prévision sont faux.",
        "An empty month understates the actual to date: the pacing and the forecast are wrong."),
       ("mois vide avant le dernier mois saisi", "empty month before the last month reported"), MEASURES, pacing.check_gaps),
    _r("RDY-001", I, ("Test de préparation : réponse contredite par le plan", "Readiness test: answer contradicted by the plan"),
       ("Une réponse oui/non saisie au test de l'Accueil diffère de celle que le plan permet de lire (segments, objectifs liés, KPI, "
        "initiatives).",
        "A yes/no answer typed in the Home test differs from the one the plan shows (segments, linked objectives, KPIs, initiatives)."),
       ("Une réponse saisie qui contredit le plan est une surcharge qui diverge : le test doit refléter le plan réel.",
        "A typed answer the plan contradicts is an override that disagrees: the test must reflect the actual plan."),
       ("réponse saisie ≠ réponse du plan", "typed answer ≠ plan's answer"), seed("Faites le test", "Take the test"),
       readiness.check_overrides),
    _r("SAN-001", E, ("Leads qualifiés ≤ leads", "Qualified leads ≤ leads"),
       ("Leads qualifiés ≤ leads entrants (N-1, objectifs N, événements).", "Qualified leads ≤ inbound leads (N-1, targets N, events)."),
       SANE_WHY, ("leads qualifiés ≤ leads", "qualified leads ≤ leads"), LEADGEN, sanity.check_qualified_leads),
    _r("SAN-002", E, ("Ventes ≤ opportunités", "Deals ≤ opportunities"), ("Ventes ≤ opportunités, par ligne d'offre.",
                                                                         "Deals ≤ opportunities, per offer line."),
       SANE_WHY, ("ventes ≤ opportunités", "deals ≤ opportunities"), SALES, sanity.check_deals),
    _r("SAN-003", E, ("Visiteurs uniques ≤ visites", "Unique visitors ≤ visits"),
       ("Visiteurs uniques ≤ visites, chaque mois et sur 12 mois.", "Unique visitors ≤ visits, each month and over 12 months."),
       SANE_WHY, ("visiteurs uniques ≤ visites", "unique visitors ≤ visits"), WEB, sanity.check_visitors),
    _r("SAN-004", E, ("Ouvertures ≤ délivrés", "Opens ≤ delivered"), ("Bounces ≤ envoyés ; ouvertures uniques ≤ délivrés.",
                                                                     "Bounces ≤ sent; unique opens ≤ delivered."),
       SANE_WHY, ("bounces ≤ envoyés ; ouvertures ≤ envoyés − bounces", "bounces ≤ sent; opens ≤ sent − bounces"), EMAIL, sanity.check_opens),
    _r("SAN-005", BAND, ("C.A. par canal = C.A. commercial", "Revenue by channel = sales revenue"),
       ("Total du C.A. N-1 par canal = C.A. N-1 de l'onglet Commercial." + _BAND[0],
        "Total revenue N-1 by channel = the Commercial tab's revenue N-1." + _BAND[1]), DUP_WHY,
       ("Σ Canaux.total ÷ Σ Commercial.C.A. N-1 − 1", "Σ Channels.total ÷ Σ Sales.revenue N-1 − 1"), _and(CHANNEL_PERF, SALES),
       sanity.check_channel_revenue),
    _r("SAN-006", BAND, ("C.A. existants + nouveaux = C.A.", "Existing + new revenue = revenue"),
       ("Par ligne de produit : C.A. clients existants + C.A. nouveaux clients = C.A." + _BAND[0],
        "Per product line: revenue from existing + new customers = revenue." + _BAND[1]), SANE_WHY,
       ("(existants + nouveaux) ÷ C.A. − 1", "(existing + new) ÷ revenue − 1"), KEY_METRICS, sanity.check_revenue_split),
    _r("SAN-007", BAND, ("Segments clients actifs = clients", "Active customer segments = customers"),
       ("Somme des segments clients actifs (nouveaux, stars, fidèles, irréguliers ; les dormants et les perdus n'ont pas acheté "
        "en N-1) = clients de l'onglet Commercial." + _BAND[0],
        "Sum of the active customer segments (new, stars, loyal, irregular; dormant and lost customers did not buy in N-1) "
        "= the Commercial tab's customers." + _BAND[1]), DUP_WHY,
       ("Σ segments actifs ÷ Σ Commercial.clients − 1", "Σ active segments ÷ Σ Sales.customers − 1"), _and(CUSTOMERS, SALES),
       sanity.check_segment_counts),
    _r("SAN-008", BAND, ("Leads par canal = objectif de leads", "Leads by channel = lead target"),
       ("Leads entrants attendus par canal = objectif leads N de l'onglet Lead generation." + _BAND[0],
        "Inbound leads expected by channel = the Lead generation tab's target leads N." + _BAND[1]), DUP_WHY,
       ("Σ Stratégie canaux.leads attendus ÷ Σ Lead generation.objectif leads N − 1",
        "Σ Channel strategy.leads expected ÷ Σ Lead generation.target leads N − 1"), _and(CHANNELS, LEADGEN),
       sanity.check_channel_leads),
    _r("SAN-009", E, ("Taux entre 0 et 100 %", "Rates within 0–100%"), ("Tout taux saisi est entre 0 et 100 %.",
                                                                       "Every rate typed is within 0–100%."),
       SANE_WHY, ("0 ≤ taux ≤ 1", "0 ≤ rate ≤ 1"), _and(SALES, LEADGEN), sanity.check_rates),
    _r("SAN-010", E, ("Pas de valeur négative", "No negative value"), ("Aucun compte ni montant négatif.", "No negative count or amount."),
       SANE_WHY, ("compte, montant ≥ 0", "count, amount ≥ 0"), _and(SALES, LEADGEN), sanity.check_negatives),
)

ONE_SOURCE_WHY = ("Un chiffre saisi deux fois finit par avoir deux valeurs ; le plan le reprend de son onglet source, et une valeur "
                  "saisie par-dessus qui s'en écarte est signalée avec les deux cellules.",
                  "A figure typed twice ends up with two values; the plan takes it from its source tab, and a value typed over it "
                  "that departs from it is reported with both cells.")
COMPLETE_WHY = ("Sans ces saisies, les contrôles n'ont rien à comparer : « aucune incohérence » ne voudrait rien dire.",
                "Without these inputs the checks have nothing to compare: \"no incoherence\" would mean nothing.")
BRAND = seed("Stratégie de marque", "Brand strategy")

RULES += (
    _r("SRC-001", (I, W, E), ("Base N-1 d'un objectif = onglets", "Objective baseline N-1 = tabs"),
       ("La base N-1 saisie d'un objectif portant sur tout l'entonnoir est la valeur N-1 de sa métrique dans les onglets "
        "(vide = reprise des onglets ; « Une partie » = base propre). Une base hors de la moitié au double du total N-1 est "
        "signalée comme info : l'objectif porte sans doute sur une partie de l'entonnoir." + _BAND[0],
        "A whole-funnel objective's typed baseline N-1 is its metric's N-1 value in the tabs (empty = taken from the tabs; "
        "\"A part\" = its own baseline). A baseline outside half to twice the N-1 total is an info: the objective probably "
        "covers a part of the funnel." + _BAND[1]), ONE_SOURCE_WHY,
       ("Objectif.Base N-1 saisie ÷ Objectif.Base N-1 des onglets − 1", "Objective.Baseline N-1 typed ÷ Objective.Baseline N-1 from the tabs − 1"),
       _and(STRATEGIC, MARKETING), restated.check("SRC-001")),
    _r("SRC-002", BAND, ("Métriques Stratégie N-1 = onglets", "Strategy metrics N-1 = tabs"),
       ("Le N-1 saisi d'une métrique lead generation ou de marque est celui de sa métrique source dans les onglets." + _BAND[0],
        "A lead-generation or brand metric's typed N-1 is its source metric's N-1 value in the tabs." + _BAND[1]), ONE_SOURCE_WHY,
       ("Métrique.N-1 saisi ÷ Métrique.N-1 des onglets − 1", "Metric.N-1 typed ÷ Metric.N-1 from the tabs − 1"),
       _and(LEADGEN_STRATEGY, BRAND), restated.check("SRC-002")),
    _r("SRC-003", BAND, ("C.A. entreprise N-1 = onglet Commercial", "Company revenue N-1 = Sales tab"),
       ("Le C.A. entreprise N-1 saisi sur Budget est le total du C.A. N-1 de l'onglet Commercial (vide = repris de l'onglet)." + _BAND[0],
        "The company revenue N-1 typed on Budget is the Sales tab's total revenue N-1 (empty = taken from the tab)." + _BAND[1]),
       ONE_SOURCE_WHY, ("C.A. entreprise N-1 saisi ÷ Σ Commercial.C.A. N-1 − 1", "Company revenue N-1 typed ÷ Σ Sales.revenue N-1 − 1"),
       _and(BUDGET_EX, SALES), restated.check("SRC-003")),
    _r("SRC-004", BAND, ("Budget bloc 2 N-1 = dépenses Lead generation", "Budget block 2 N-1 = Lead generation spend"),
       ("Total N-1 du bloc « 2. Stratégie lead generation » = total des dépenses N-1 par source de l'onglet Lead generation." + _BAND[0],
        "N-1 total of block \"2. Lead generation strategy\" = the Lead generation tab's total N-1 spend by source." + _BAND[1]),
       ONE_SOURCE_WHY, ("Σ Budget.Dépenses N-1 (bloc 2) ÷ Σ Lead generation.Budget dépensé N-1 − 1",
                        "Σ Budget.Spend N-1 (block 2) ÷ Σ Lead generation.Spend N-1 − 1"),
       _and(BUDGET_EX, LEADGEN), restated.check("SRC-004")),
    _r("CMP-001", E, ("Plan incomplet", "Incomplete plan"),
       ("Les saisies obligatoires sont renseignées : Commercial (opportunités, ventes, C.A. N-1, objectif C.A. N), Lead generation "
        "(leads, leads qualifiés, dépenses N-1, objectifs N, budget N), un objectif stratégique et un objectif marketing, des lignes de "
        "budget N, l'année du plan. Sinon le plan est « incomplet », jamais « cohérent ».",
        "The required inputs are typed: Sales (opportunities, deals, revenue N-1, revenue target N), Lead generation (leads, qualified "
        "leads, spend N-1, targets N, budget N), a strategic and a marketing objective, budget lines N, the plan year. Otherwise the plan "
        "is \"incomplete\", never \"coherent\"."), COMPLETE_WHY,
       ("saisie obligatoire vide dans toutes les lignes", "required input empty in every row"), _and(SALES, LEADGEN, OBJECTIVES, BUDGET_EX),
       completeness.check_required),
    _r("CMP-002", I, ("Onglets facultatifs non renseignés", "Optional tabs not filled"),
       ("Canaux, Web, Emailing, Événements, Autres métriques clés, KPI : vides = « non renseigné », jamais 0 ni erreur.",
        "Channels, Web, Emailing, Events, Other key metrics, KPI: empty = \"not filled\", never 0 nor an error."), COMPLETE_WHY,
       ("aucune valeur numérique saisie dans l'onglet", "no number typed in the tab"), _and(CHANNEL_PERF, WEB, KEY_METRICS, MEASURES),
       completeness.check_optional),
)

INTERNAL = _r("INT-001", E, ("Contrôle interrompu", "Check interrupted"),
              ("Un contrôle a levé une exception : c'est une anomalie de l'outil ; les autres contrôles ont tourné.",
               "A check raised an exception: a bug of the tool; the other checks ran."),
              ("Un contrôle qui plante ne doit pas cacher les autres.", "One crashing check must not hide the others."),
              ("—", "—"), ("planmkg_xl, ce dépôt", "planmkg_xl, this repository"), lambda ctx: [])

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
