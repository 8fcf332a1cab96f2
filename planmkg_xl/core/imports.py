"""What an import changes in the plan: a pure function from table rows to cell changes.

The import's readers (``planmkg_xl.sources``) turn exports into ``Aggregate`` rows —
one per offer line, lead source, month, campaign, event or customer segment. ``plan_changes``
matches them with the plan's rows (by label, ignoring case and accents, in French or
English) and lists, cell by cell, what would be written. The file shell
(``io.inputs``) and the Excel front end apply the same list, so both import alike.

A value the user typed is never overwritten silently: a different value already in a
cell is a *conflict*, kept unless ``replace``. Only input cells are ever named; rows
are added in blank rows first, then by growing the table.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from ..model.plan import Plan, is_blank_row
from ..model.schema import TABLES

NEW, SAME, CONFLICT, REPLACED = "new", "same", "conflict", "replaced"


@dataclass(frozen=True)
class Aggregate:
    """Rows for one table from one export.

    Each row holds ``key`` fields (matched with the plan's rows; ``aliases`` gives other
    labels the same row may carry, e.g. both languages), and values for input fields.
    ``create`` says whether an unmatched row becomes a new row (campaigns, events) or is
    reported as unmatched (the twelve months, the six segments, the KPIs).
    ``owned`` tables (the Sources provenance) are the import's own: no conflicts there.
    """

    table: str
    keys: tuple[str, ...]
    rows: tuple[dict, ...]
    create: bool = True
    owned: bool = False
    source: str = ""  # the file the numbers come from


@dataclass(frozen=True)
class CellChange:
    table: str
    row: int  # index of the row in the table (0 = first data row), blank rows included
    field: str
    old: object
    new: object
    status: str  # new | same | conflict | replaced
    source: str = ""

    @property
    def writes(self) -> bool:
        return self.status in (NEW, REPLACED)


@dataclass
class Changes:
    """Every cell an import touches, the tables that must grow, and what found no row."""

    cells: list[CellChange] = field(default_factory=list)
    grow: dict[str, int] = field(default_factory=dict)  # table -> data rows it must have
    unmatched: list[tuple[str, str, str]] = field(default_factory=list)  # (table, label, source)

    @property
    def writes(self) -> list[CellChange]:
        return [c for c in self.cells if c.writes]

    @property
    def conflicts(self) -> list[CellChange]:
        return [c for c in self.cells if c.status == CONFLICT]


def label_key(value: object) -> str:
    """A label as compared: no case, no accents, single spaces."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = unicodedata.normalize("NFKD", str(value))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^0-9a-z%]+", " ", s).strip()


def same_value(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)), abs(float(b)))
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return a == b
    return label_key(a) == label_key(b)


def plan_changes(plan: Plan, aggregates: list[Aggregate], replace: bool = False) -> Changes:
    """The changes that bring ``aggregates`` into ``plan`` (whose tables include their blank rows)."""
    changes = Changes()
    rows_of = {k: [dict(r) for r in rows] for k, rows in plan.tables.items()}
    for agg in aggregates:
        table = TABLES[agg.table]
        inputs = {f.key for f in table.inputs}
        rows = rows_of.setdefault(agg.table, [])
        claimed: set[int] = set()
        for new in agg.rows:
            idx = _find(rows, agg, new, claimed)
            found = idx is not None
            if idx is None:
                if not agg.create:
                    changes.unmatched.append((agg.table, str(new.get(agg.keys[0], "")), agg.source))
                    continue
                idx = next((i for i, r in enumerate(rows) if i not in claimed and _free(agg.table, i, r)), None)
                if idx is None:
                    rows.append({})
                    idx = len(rows) - 1
                    changes.grow[agg.table] = len(rows)
            claimed.add(idx)
            current = rows[idx]
            placeholder = not found and _free(agg.table, idx, current)
            for key, value in new.items():
                if key not in inputs or value is None or (found and key in agg.keys):
                    continue
                old = None if placeholder and key in agg.keys else current.get(key)
                if old is None or old == "":
                    status = NEW
                elif same_value(old, value):
                    status = SAME
                elif replace or agg.owned:
                    status = REPLACED
                else:
                    status = CONFLICT
                changes.cells.append(CellChange(agg.table, idx, key, old, value, status, agg.source))
                if status in (NEW, REPLACED):
                    current[key] = value
    return changes


def _free(table_key: str, i: int, row: dict) -> bool:
    """A row an import may take: blank, or still the placeholder a new workbook starts with ("Produit 1")."""
    if is_blank_row(row):
        return True
    defaults = TABLES[table_key].rows
    if i >= len(defaults):
        return False
    filled = {k: v for k, v in row.items() if v is not None and v != ""}
    return any(filled == {k: v for k, v in TABLES[table_key].default_rows(lang)[i].items() if v is not None} for lang in ("fr", "en"))


def _find(rows: list[dict], agg: Aggregate, new: dict, claimed: set[int]) -> int | None:
    wanted = []
    for key in agg.keys:
        labels = {label_key(new.get(key))} | {label_key(a) for a in new.get(f"_aliases_{key}", ())}
        wanted.append((key, labels))
    for i, row in enumerate(rows):
        if i in claimed:
            continue
        if all(row.get(key) is not None and label_key(row.get(key)) in labels for key, labels in wanted):
            return i
    return None


def apply_to_plan(plan: Plan, changes: Changes) -> Plan:
    """The plan with the changes written (what the workbook will hold): for previews and tests."""
    tables = {k: [dict(r) for r in rows] for k, rows in plan.tables.items()}
    for key, n in changes.grow.items():
        rows = tables.setdefault(key, [])
        rows.extend({} for _ in range(n - len(rows)))
    for c in changes.writes:
        tables[c.table][c.row][c.field] = c.new
    return Plan(plan.lang, dict(plan.scalars), tables)
