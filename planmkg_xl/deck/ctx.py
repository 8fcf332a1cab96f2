"""Shared helpers of the slide builders: labels, rows, formatted cells, empty sections.

Why: every slide reads the computed plan the same way (labels from the schema in the
deck's language, choice keys turned into labels, blank rows skipped, values formatted
by kind), so the builders stay declarative and short.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..core.compute import Computed
from ..model.fields import Kind
from ..model.metrics import is_number
from ..model.schema import SCALARS, TABLES
from .blocks import FULL, Box, Para, TableBlock, TextBlock
from .fmt import Formatter


@dataclass
class Ctx:
    computed: Computed
    lang: str

    @property
    def f(self) -> Formatter:
        currency = self.computed.scalars.get("currency") or "EUR"
        return Formatter(self.lang, str(currency))

    def tr(self, fr: str, en: str) -> str:
        return fr if self.lang == "fr" else en

    def label(self, table: str, key: str) -> str:
        return TABLES[table].field(key).label(self.lang)

    def scalar_label(self, key: str) -> str:
        return SCALARS[key].label(self.lang)

    def rows(self, table: str) -> list[dict]:
        """The table's rows that hold something beyond their label column."""
        t = TABLES[table]
        first = t.fields[0].key
        out = []
        for row in self.computed.rows.get(table, []):
            inputs = [row.get(f.key) for f in t.inputs]
            if not any(v not in (None, "") for v in inputs):
                continue
            if row.get(first) in (None, "") and not any(is_number(row.get(f.key)) and row.get(f.key) for f in t.inputs):
                continue
            out.append(row)
        return out

    def filled(self, table: str, keys: tuple[str, ...]) -> list[dict]:
        """Rows where at least one of ``keys`` is non-blank (label rows of a new workbook drop out)."""
        return [r for r in self.rows(table) if any(r.get(k) not in (None, "", 0) for k in keys)]

    def text(self, table: str, row: dict, key: str) -> str:
        """A field of a row, formatted: choice keys become labels, numbers by kind."""
        return self._shown(TABLES[table].field(key), row.get(key))

    def _shown(self, field, value: object) -> str:
        if field.kind == Kind.CHOICE and isinstance(value, str):
            try:
                return field.choice_label(value, self.lang)
            except ValueError:
                return value
        return self.f.value(field.kind, value)

    def total(self, table: str, key: str) -> str:
        field = TABLES[table].field(key)
        return self.f.value(field.kind, self.computed.totals.get(table, {}).get(key))

    def scalar(self, key: str) -> str:
        return self._shown(SCALARS[key], self.computed.scalars.get(key))

    def table(self, table: str, keys: tuple[str, ...], rows: list[dict], *, name: str | None = None, box: Box = FULL,
              widths: list[float] | None = None, total_label: str | None = None, headers: dict[str, str] | None = None,
              max_size: float = 12.0, formats: dict[str, Callable[[object], str]] | None = None) -> TableBlock:
        """A table block over the given fields: left-aligned texts, right-aligned numbers, optional total row.

        ``formats`` overrides how some columns are shown (whole numbers, k€), rows and total alike.
        """
        t = TABLES[table]
        formats = formats or {}
        header = [(headers or {}).get(k) or self.label(table, k) for k in keys]
        body = [[formats[k](r.get(k)) if k in formats else self.text(table, r, k) for k in keys] for r in rows]
        align = ["r" if t.field(k).numeric else "l" for k in keys]
        if total_label is not None:
            totals = self.computed.totals.get(table, {})
            body.append([total_label if i == 0 else formats[k](totals.get(k)) if k in formats else
                         (self.total(table, k) if t.field(k).numeric else "") for i, k in enumerate(keys)])
        return TableBlock(name or table, header, body, widths=widths, align=align, total=total_label is not None, box=box,
                          max_size=max_size)

    def empty(self, key: str, what: str, sheet: str, box: Box = FULL) -> TextBlock:
        """The one line shown instead of an empty table."""
        msg = self.tr(f"{what} : non renseigné — à compléter dans l'onglet « {sheet} ».",
                      f"{what}: not filled in — complete the “{sheet}” tab.")
        return TextBlock(key, [Para(msg)], box=box, style="empty", kind="empty", max_size=14)
