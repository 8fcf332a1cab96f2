"""The whole plan, declared once: the ordered sheets and lookups over their blocks.

Everything else (builder, readers, JSON, checks, deck) walks these declarations.
"""
from __future__ import annotations

from .fields import Field, Scalars, Sheet, Table
from .home_tabs import HOME_SHEET
from .kpi_tabs import KPI_SHEETS
from .plan_tabs import DEFAULT_SCALARS, PLAN_SHEETS
from .strategy_tabs import STRATEGY_SHEETS

SCHEMA_VERSION = 2  # 2: one source per number (typed baselines became overrides), units per row
LANGS = ("fr", "en")
WORKBOOK_CODENAME = "ThisWorkbook"
HOME_CODENAME = HOME_SHEET.codename
CHECKS_CODENAME = "shControles"
LISTS_CODENAME = "shListes"

_SETTINGS = PLAN_SHEETS[-1]
SHEETS: tuple[Sheet, ...] = (HOME_SHEET,) + KPI_SHEETS + PLAN_SHEETS[:-1] + STRATEGY_SHEETS + (_SETTINGS,)

TABLES: dict[str, Table] = {b.key: b for s in SHEETS for b in s.blocks if isinstance(b, Table)}
SCALAR_BLOCKS: dict[str, Scalars] = {b.key: b for s in SHEETS for b in s.blocks if isinstance(b, Scalars)}
SCALARS: dict[str, Field] = {f.key: f for b in SCALAR_BLOCKS.values() for f in b.fields}
# Named cells added after the first release (tables say it with ``Table.optional``): a workbook built before them
# has none, and reads as if they were empty (``io.sheets.layout_from``) instead of being refused.
ADDED_LATER = frozenset({"pacing_band", "tolerance_jump", "tolerance_unit_cost", "benchmark_max_age"})

SHEET_OF: dict[str, Sheet] = {b.key: s for s in SHEETS for b in s.blocks}


def default_scalars() -> dict[str, object]:
    """Values a new workbook starts with (currency, check tolerances)."""
    return dict(DEFAULT_SCALARS)
