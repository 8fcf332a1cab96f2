"""The vocabulary of the plan's declarative description: kinds, fields, tables, sheets.

One description drives the workbook builder, the readers, JSON, the checks and the
deck, so these classes carry everything each of them needs (labels in both
languages, units, formats, validation, derived formulas) and nothing that is tied to
one file format.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from enum import Enum

from .metrics import Expr


class Kind(str, Enum):
    """What a cell holds; drives validation, number format and JSON type."""

    TEXT = "text"  # short text
    LONGTEXT = "longtext"  # a sentence or a paragraph
    COUNT = "count"  # whole number >= 0 (leads, deals, visits)
    MONEY = "money"  # amount in the plan's currency, >= 0
    KMONEY = "kmoney"  # amount in thousands of the plan's currency (budget, scorecard)
    NUMBER = "number"  # decimal >= 0 without unit (Google position, headcount)
    RATE = "rate"  # an input share between 0 and 1, shown as %
    RATIO = "ratio"  # a derived share or growth, may exceed 100 % or be negative
    MONTHS = "months"  # a duration in months
    YEARS = "years"  # a duration in years
    MULTIPLE = "multiple"  # a ratio shown as "3.2x" (LTV/CAC)
    DATE = "date"
    YEAR = "year"  # a calendar year such as 2027
    CHOICE = "choice"  # one value of a fixed list
    YESNO = "yesno"  # a derived answer: 1 shown "Oui"/"Yes", 0 shown "Non"/"No"


NUMERIC_KINDS = frozenset(
    {Kind.COUNT, Kind.MONEY, Kind.KMONEY, Kind.NUMBER, Kind.RATE, Kind.RATIO, Kind.MONTHS, Kind.YEARS, Kind.MULTIPLE, Kind.YEAR,
     Kind.YESNO}
)


@dataclass(frozen=True)
class Text:
    """A text in both languages of the workbook."""

    fr: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class Choice:
    """One value of a closed list: a stable key for JSON, labels for the workbook."""

    key: str
    label: Text


@dataclass(frozen=True)
class Field:
    """A column of a table or a named scalar.

    ``formula`` makes it derived (never typed by the user); ``total`` says what its
    cell in the table's total row holds: ``"sum"``, an expression evaluated on the
    total row, or None for an empty total cell.
    """

    key: str
    label: Text
    kind: Kind
    definition: Text | None = None
    formula: Expr | None = None
    total: str | Expr | None = None
    choices: tuple[Choice, ...] = ()
    width: float | None = None
    required: bool = False

    @property
    def derived(self) -> bool:
        return self.formula is not None

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    def choice_label(self, key: str, lang: str) -> str:
        for choice in self.choices:
            if choice.key == key:
                return choice.label(lang)
        raise ValueError(f"{self.key}: unknown choice {key!r}")

    def choice_key(self, label: object) -> str | None:
        """The key of a label typed in either language (or of the key itself)."""
        if not isinstance(label, str):
            return None
        wanted = label.strip().casefold()
        for choice in self.choices:
            if wanted in (choice.key.casefold(), choice.label.fr.casefold(), choice.label.en.casefold()):
                return choice.key
        return None


@dataclass(frozen=True)
class RowUnit:
    """A table whose value columns change unit from row to row (objectives, KPI, metric tables).

    ``unit``: the choice field that states the row's unit (keys of ``plan_tabs.UNITS``);
    ``metric``: a choice field whose metric implies the unit when ``unit`` is empty;
    ``fields``: the columns whose unit is the row's (formats, validation, reading).
    """

    unit: str
    fields: tuple[str, ...]
    metric: str | None = None


@dataclass(frozen=True)
class Table:
    """A list the user can extend: one Excel Table (ListObject) with a stable name.

    ``rows`` are the rows a new workbook starts with (their label column filled, as
    ``Text`` in both languages: lead sources, months, customer segments); ``blank_rows`` empty rows are added
    after them so that a new user sees where to type.
    """

    key: str
    name: str  # Excel table name, stable across languages
    title: Text
    fields: tuple[Field, ...]
    rows: tuple[dict, ...] = ()
    blank_rows: int = 0
    totals: bool = False
    note: Text | None = None
    row_unit: RowUnit | None = None
    optional: bool = False  # added after workbooks were in use: a workbook without it still reads (its rows are empty)

    def default_rows(self, lang: str) -> list[dict]:
        """The rows a new workbook starts with, their labels in ``lang``."""
        return [{k: v(lang) if isinstance(v, Text) else v for k, v in row.items()} for row in self.rows]

    # The table is immutable: its field index and input/derived split are worked out once
    # (readers, compute and rules ask for them per row and per cell).
    def field(self, key: str) -> Field:
        f = self._by_key.get(key)
        if f is None:
            raise KeyError(f"{self.key}.{key}")
        return f

    @cached_property
    def _by_key(self) -> dict[str, Field]:
        out: dict[str, Field] = {}
        for f in self.fields:
            out.setdefault(f.key, f)  # the first field of a key, as a scan would find
        return out

    @cached_property
    def inputs(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.derived)

    @cached_property
    def derived(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.derived)


@dataclass(frozen=True)
class Scalars:
    """A block of named single values (each an Excel defined name equal to its key)."""

    key: str
    title: Text
    fields: tuple[Field, ...]
    note: Text | None = None


Block = Table | Scalars


@dataclass(frozen=True)
class Sheet:
    """A worksheet: blocks laid out left to right under a title and an introduction.

    ``codename`` is the VBA code name: stable when the user renames the tab, so the
    readers find sheets by it.
    """

    key: str
    codename: str
    title: Text
    intro: Text
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    stacked: bool = False  # blocks one under the other (qualitative sheets) instead of side by side
    first_col: int = 1  # column of the blocks (Accueil keeps columns A–B for its text)
