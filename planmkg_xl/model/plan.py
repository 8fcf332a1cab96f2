"""The plan as data: the user's inputs only, in canonical form.

Choices are stored by key (``"product"``), dates as ``datetime.date``, numbers as
int/float, text as str; derived values are never stored here, they are computed
(see ``core.compute``). A plan is what JSON holds and what a workbook's input cells
say, so both round-trip through it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .schema import LANGS, SCALARS, TABLES


@dataclass
class Plan:
    lang: str = "fr"
    scalars: dict[str, object] = field(default_factory=dict)
    tables: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Empty values are absent values: a blank cell, a missing JSON key and "" are one thing.
        self.scalars = {k: v for k, v in self.scalars.items() if not _empty(v)}
        self.tables = {k: [{f: v for f, v in row.items() if not _empty(v)} for row in rows] for k, rows in self.tables.items()}
        if self.lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}, not {self.lang!r}")
        for key in self.scalars:
            if key not in SCALARS or SCALARS[key].derived:
                raise ValueError(f"unknown input scalar {key!r}")
        for key, rows in self.tables.items():
            if key not in TABLES:
                raise ValueError(f"unknown table {key!r}")
            inputs = {f.key for f in TABLES[key].inputs}
            for row in rows:
                extra = set(row) - inputs
                if extra:
                    raise ValueError(f"table {key!r}: unknown input fields {sorted(extra)}")

    def rows(self, key: str) -> list[dict[str, object]]:
        return self.tables.get(key, [])

    def scalar(self, key: str) -> object:
        return self.scalars.get(key)


def _empty(value: object) -> bool:
    """Nothing in the cell. Whitespace-only text is something (the user typed it) and round-trips unchanged."""
    return value is None or value == ""


def is_blank_row(row: dict[str, object]) -> bool:
    return all(v is None or v == "" for v in row.values())
