"""One source for each number: every input that restates a value another tab holds.

Each entry is a value the plan used to ask twice (an objective's baseline N-1 and the
Commercial tab's revenue, a KPI's N-1 and the Lead generation totals…). The model now
holds it as a live formula to its source (``source``), an optional typed override
(``typed``) and the value used (``used`` = the override, else the source). The
``checks.restated`` rule compares every override with its source and reports a gap
beyond the tolerance, naming both cells; ``docs/sources.md`` lists the same entries.

``table=None``: named scalars. ``typed=None``: nothing can be typed over the source;
the entry compares two sums that must agree (``used`` is then the other sum).
"""
from __future__ import annotations

from dataclasses import dataclass

from .fields import Text as T


@dataclass(frozen=True)
class Restated:
    """A value with one source: where it is typed (optional), linked, and used."""

    rule: str
    table: str | None
    typed: str | None
    source: str
    used: str
    what: T
    origin: T


RESTATED: tuple[Restated, ...] = (
    Restated("SRC-001", "strategic_objectives", "baseline_typed", "baseline_tabs", "baseline",
             T("Base N-1 d'un objectif stratégique", "Baseline N-1 of a strategic objective"),
             T("Total N-1 de sa métrique dans les onglets (C.A., ventes, leads…)", "Its metric's N-1 total in the tabs (revenue, deals, leads…)")),
    Restated("SRC-001", "marketing_objectives", "baseline_typed", "baseline_tabs", "baseline",
             T("Base N-1 d'un objectif marketing", "Baseline N-1 of a marketing objective"),
             T("Total N-1 de sa métrique dans les onglets (coût au lead qualifié, conversion…)",
               "Its metric's N-1 total in the tabs (cost per qualified lead, conversion…)")),
    Restated("SRC-002", "leadgen_targets", "value_prev", "value_tabs", "baseline",
             T("N-1 d'une métrique lead generation (Stratégie)", "N-1 of a lead generation metric (Strategy)"),
             T("Total N-1 de sa métrique source (Lead generation, Web, Emailing)", "Its source metric's N-1 total (Lead generation, Web, Emailing)")),
    Restated("SRC-002", "brand_metrics", "value_prev", "value_tabs", "baseline",
             T("N-1 d'une métrique de marque (Stratégie)", "N-1 of a brand metric (Strategy)"),
             T("Total N-1 de sa métrique source, quand elle en a une", "Its source metric's N-1 total, when it has one")),
    Restated("KPI-003", "kpis", "value_prev", "value_tabs", "baseline",
             T("N-1 d'un KPI", "N-1 of a KPI"), T("Total N-1 de sa métrique source dans les onglets", "Its source metric's N-1 total in the tabs")),
    Restated("SRC-003", None, "company_revenue_prev_typed", "company_revenue_prev_tabs", "company_revenue_prev",
             T("C.A. entreprise N-1 (Budget)", "Company revenue N-1 (Budget)"),
             T("Total du C.A. N-1 de l'onglet Commercial", "Total revenue N-1 of the Commercial tab")),
    Restated("SRC-004", None, None, "leadgen_spend_prev_tabs", "total_leadgen_prev",
             T("Total N-1 du bloc 2 « Stratégie lead generation » (Budget)", "N-1 total of block 2 \"Lead generation strategy\" (Budget)"),
             T("Total des dépenses N-1 de l'onglet Lead generation", "Total N-1 spend of the Lead generation tab")),
)
