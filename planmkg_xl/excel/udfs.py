"""Worksheet functions (UDFs) for users' own cells — Excel for Windows, through xlwings.

This module imports xlwings at the top on purpose: only xlwings' UDF machinery imports
it (``UDF MODULES`` = ``planmkg_xl.excel.udfs``), never the ribbon path nor the CLI, so
``planmkg_xl.excel.ribbon`` stays the only module the rest of the package loads xlwings from.

Enable (once per machine, Windows; see docs/excel.md):
1. ``planmkg excel setup --udfs`` (adds planmkg_xl.excel.udfs to UDF MODULES in your xlwings.conf);
2. in Excel, turn on "Trust access to the VBA project object model", press Alt+F8, run
   ``ImportPythonUDFs``: xlwings writes the VBA wrappers into the workbook.

Each function computes from the same metric definitions as the workbook's own formulas
(``model``), with the same blank rules: a division by zero or by a blank gives an empty
cell, never #DIV/0!.
"""
from __future__ import annotations

import xlwings as xw

from ..model.metrics import Div, R


class _Values:
    """A resolver over plain numbers: what ``Expr.evaluate`` needs, with Excel's N() on inputs."""

    def __init__(self, **values: object):
        self.values = values

    def is_derived(self, key: str) -> bool:
        return False

    def value(self, key: str) -> object:
        return self.values.get(key)


def _blank(value: float | None) -> float | str:
    return "" if value is None else value


def cost_per_qualified_lead(spend: object, qualified_leads: object) -> float | None:
    """Spend / qualified leads, as the Lead generation tab computes it (None when it is blank there)."""
    from ..model.schema import TABLES

    return TABLES["leadgen"].field("cost_per_qualified_lead").formula.evaluate(_Values(spend=spend, qualified_leads=qualified_leads))


def required_leads(target_revenue: object, average_deal: object, win_ratio: object, lead_to_opportunity: object,
                   qualification_rate: object = None) -> float | None:
    """The reverse funnel: revenue -> deals -> opportunities -> qualified leads -> (inbound) leads.

    deals = revenue / average deal; opportunities = deals / win ratio; qualified leads =
    opportunities / (qualified lead -> opportunity rate); leads = qualified leads /
    qualification rate, or the qualified leads when no qualification rate is given.
    """
    chain = Div(Div(Div(R("revenue"), R("avg")), R("win")), R("l2o"))
    if qualification_rate not in (None, ""):
        chain = Div(chain, R("qual"))
    return chain.evaluate(_Values(revenue=target_revenue, avg=average_deal, win=win_ratio, l2o=lead_to_opportunity,
                                  qual=qualification_rate))


@xw.func(category="Plan Marketing")
@xw.arg("spend", doc="Spend on the source (money)")
@xw.arg("qualified_leads", doc="Qualified leads it brought")
def PLANMKG_COST_PER_QUALIFIED_LEAD(spend, qualified_leads):  # noqa: N802 — Excel function names are upper case
    """Cost per qualified lead = spend / qualified leads (empty when there are none)."""
    return _blank(cost_per_qualified_lead(spend, qualified_leads))


@xw.func(category="Plan Marketing")
@xw.arg("target_revenue", doc="Revenue target")
@xw.arg("average_deal", doc="Average revenue per deal")
@xw.arg("win_ratio", doc="Deals / opportunities, e.g. 30%")
@xw.arg("lead_to_opportunity", doc="Opportunities / qualified leads, e.g. 25%")
@xw.arg("qualification_rate", doc="Optional: qualified leads / inbound leads, e.g. 40%")
def PLANMKG_REQUIRED_LEADS(target_revenue, average_deal, win_ratio, lead_to_opportunity, qualification_rate=None):  # noqa: N802
    """Leads the reverse funnel needs for a revenue target (qualified leads when no qualification rate)."""
    return _blank(required_leads(target_revenue, average_deal, win_ratio, lead_to_opportunity, qualification_rate))
