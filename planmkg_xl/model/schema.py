"""The whole plan, declared once: the ordered sheets and lookups over their blocks.

Everything else (builder, readers, JSON, checks, deck) walks these declarations.
"""
from __future__ import annotations

from .fields import Field, Scalars, Sheet, Table
from .kpi_tabs import KPI_SHEETS
from .plan_tabs import DEFAULT_SCALARS, PLAN_SHEETS
from .strategy_tabs import STRATEGY_SHEETS

SCHEMA_VERSION = 2  # 2: one source per number (typed baselines became overrides), units per row
LANGS = ("fr", "en")
WORKBOOK_CODENAME = "ThisWorkbook"
HOME_CODENAME = "shAccueil"
CHECKS_CODENAME = "shControles"
LISTS_CODENAME = "shListes"

_SETTINGS = PLAN_SHEETS[-1]
SHEETS: tuple[Sheet, ...] = KPI_SHEETS + PLAN_SHEETS[:-1] + STRATEGY_SHEETS + (_SETTINGS,)

TABLES: dict[str, Table] = {b.key: b for s in SHEETS for b in s.blocks if isinstance(b, Table)}
SCALAR_BLOCKS: dict[str, Scalars] = {b.key: b for s in SHEETS for b in s.blocks if isinstance(b, Scalars)}
SCALARS: dict[str, Field] = {f.key: f for b in SCALAR_BLOCKS.values() for f in b.fields}
SHEET_OF: dict[str, Sheet] = {b.key: s for s in SHEETS for b in s.blocks}


def default_scalars() -> dict[str, object]:
    """Values a new workbook starts with (currency, check tolerances)."""
    return dict(DEFAULT_SCALARS)
