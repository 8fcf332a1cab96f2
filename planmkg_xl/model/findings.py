"""What a coherence check says about a plan: a finding, its severity, the cells concerned.

An incoherent plan is data, not an exception (ARCHITECTURE.md): every check of
PLAN_SPEC §2 returns findings that the command line prints, the "Contrôles" sheet
lists with hyperlinks and the deck summarises. A finding is immutable and carries its
message already written in the plan's language, with the numbers that prove it, and
``data``: the same numbers for machines (JSON).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """How much a finding matters; ordered: ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def key(self) -> str:
        """Stable name for JSON and the command line: "info", "warning", "error"."""
        return self.name.lower()

    def label(self, lang: str) -> str:
        return _LABELS[self][0 if lang == "fr" else 1]

    @classmethod
    def parse(cls, text: str) -> Severity:
        """The severity named ``text`` ("error", "warning", "info"), as ``--fail-on`` gives it."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: expected error, warning or info") from None


_LABELS = {Severity.INFO: ("Info", "Info"), Severity.WARNING: ("Alerte", "Warning"), Severity.ERROR: ("Erreur", "Error")}


@dataclass(frozen=True)
class CellRef:
    """A cell of the plan, independent of where the workbook puts it.

    ``table=None``: the scalar (defined name) ``field``. Otherwise ``row`` is the
    0-based data-row index of ``table``, or None for the table's total row.
    """

    table: str | None
    row: int | None
    field: str

    def __post_init__(self) -> None:
        if self.table is None and self.row is not None:
            raise ValueError("a scalar has no row")


@dataclass(frozen=True)
class Finding:
    """One incoherence (or remark) found by rule ``rule_id``."""

    rule_id: str
    severity: Severity
    message: str
    cells: tuple[CellRef, ...] = ()
    data: dict = field(default_factory=dict, compare=False, hash=False)
