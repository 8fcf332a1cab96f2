"""Where the plan states a channel figure outside the tabs: the Stratégie sheet's lead-generation metrics.

The seed's "Lead generation strategy" slide lists metrics with their N-1 value and
target N (web unique visitors, web leads, average emailing CTR, contacts with an email,
webinar attendees…). The table's rows are labelled in words (pre-filled, editable), so a
row is found by what its label says, in French or English, accents and case ignored.
A rate typed as a whole number (5 for 5 %) is read as a percentage, like everywhere
else in the workbook.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model.findings import CellRef
from ._common import Ctx, num
from .crosstab import normal

# metric -> every word group a label must contain one word of
_LABELS = {
    "web_unique_visitors": (("visiteur", "visitor"),),
    "web_visits": (("visite", "visit", "trafic", "traffic"),),
    "web_leads": (("lead",), ("web", "site")),
    "email_ctr": (("ctr", "taux de clic", "click rate", "click-through"),),
    "email_contacts": (("contact", "base", "list"), ("mail",)),
}
_EXCLUDE = {"web_visits": ("visiteur", "visitor", "lead"), "web_leads": ("cout", "cost")}
RATES = frozenset({"email_ctr"})


@dataclass(frozen=True)
class Stated:
    """A figure of the Stratégie lead-generation metrics: its N-1 value, its target N, its row."""

    index: int
    value_prev: float | None
    target: float | None

    def cell(self, field: str) -> CellRef:
        return CellRef("leadgen_targets", self.index, field)


def _rate(value: float | None) -> float | None:
    return value / 100 if value is not None and 1 < value <= 100 else value


def strategy_metric(ctx: Ctx, metric: str) -> Stated | None:
    """The first Stratégie lead-generation metric row whose label says ``metric``."""
    groups, exclude = _LABELS[metric], _EXCLUDE.get(metric, ())
    for i, row in ctx.rows("leadgen_targets"):
        label = normal(row.get("metric"))
        if not label or any(word in label for word in exclude):
            continue
        if all(any(word in label for word in group) for group in groups):
            prev, target = num(row.get("baseline")), num(row.get("target"))  # N-1 used: typed, else the tabs
            if metric in RATES:
                prev, target = _rate(prev), _rate(target)
            return Stated(i, prev, target)
    return None
