"""Shared helpers of the slide builders: labels, rows, formatted cells, empty sections.

Why: every slide reads the computed plan the same way (labels from the schema in the
deck's language, choice keys turned into labels, blank rows skipped, values formatted
by kind), so the builders stay declarative and short.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from ..core.compute import Computed
from ..model.fields import Kind
from ..model.metrics import is_number
from ..model.schema import SCALARS, TABLES
from ..model.units import row_unit
from .blocks import FULL, Box, Para, TableBlock, TextBlock
from .fmt import Formatter, money_scale

_YEAR_TOKEN = re.compile(r"(?<![\w\-‑])N(?:\s?[-‑]\s?([12]))?(?![\w\-‑°º])")  # not "N°"


_PERCENT_METRICS = {"lead_to_opportunity", "email_ctr", "win_ratio", "profitability", "market_penetration"}
_MONEY_METRICS = {"cost_per_qualified_lead", "revenue", "marketing_budget"}
_COUNT_METRICS = {"new_customers", "customers", "deals", "opportunities", "leads", "qualified_leads", "web_visits",
                  "web_unique_visitors", "web_leads", "partners"}


def _default_labels(table: str, key: str, lang: str) -> dict[str, str]:
    """The label a new workbook pre-fills in a row (either language, casefolded) -> that label in ``lang``."""
    out = {}
    for row in TABLES[table].rows:
        text = row.get(key)
        if text is not None and not isinstance(text, str):
            for other in ("fr", "en"):
                out[text(other).casefold()] = text(lang)
    return out


@dataclass
class Ctx:
    computed: Computed
    lang: str

    @cached_property
    def f(self) -> Formatter:
        currency = self.computed.scalars.get("currency") or "EUR"
        return Formatter(self.lang, str(currency), self.scale)

    @cached_property
    def scale(self) -> int:
        """One money scale for the whole deck, from the plan's headline amounts (budget blocks, revenue)."""
        s, totals = self.computed.scalars, self.computed.totals
        amounts = [s.get(k) for k in ("total_customers", "total_leadgen", "total_resources", "salaries")]
        amounts += [totals.get("commercial", {}).get("revenue"), totals.get("commercial", {}).get("target_revenue")]
        return money_scale(amounts)

    @property
    def year(self) -> int | None:
        y = self.computed.scalars.get("plan_year")
        return int(y) if is_number(y) and 1900 < y < 3000 else None

    def yr(self, offset: int = 0) -> str:
        """The real year N+offset (2025 for N-1), or ``N‑1`` (unbreakable hyphen) when the plan has no year."""
        if self.year is not None:
            return str(self.year + offset)
        return "N" if offset == 0 else f"N\u2011{-offset}" if offset < 0 else f"N+{offset}"

    def years(self, text: str) -> str:
        """A label's ``N-1`` / ``N`` / ``N-2`` as real years ("C.A. N-1" -> "C.A. 2025")."""
        return _YEAR_TOKEN.sub(lambda m: self.yr(-int(m.group(1)) if m.group(1) else 0), text)

    @property
    def unit(self) -> str:
        """The money scale as headers state it: k€ / M€."""
        return self.f.scale_unit

    def source(self, sheet_fr: str, sheet_en: str, offset: int | None = -1) -> str:
        """The source line of a data slide: « Source : onglet Lead generation, 2025 »."""
        when = f", {self.yr(offset)}" if offset is not None else ""
        return self.tr(f"Source : onglet {sheet_fr}{when}", f"Source: {sheet_en} tab{when}")

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
        """A field of a row, formatted: choice keys become labels, numbers by kind, the model's own row labels
        ("Fidèles", "Salons") in the deck's language."""
        value = row.get(key)
        if isinstance(value, str):
            translated = _default_labels(table, key, self.lang).get(value.strip().casefold())
            if translated:
                return translated
        return self._shown(TABLES[table].field(key), value)

    def _shown(self, field, value: object) -> str:
        if field.kind == Kind.CHOICE and isinstance(value, str):
            try:
                return field.choice_label(value, self.lang)
            except ValueError:
                return value
        return self.f.value(field.kind, value)

    def measured(self, row: dict, value: object, label: object = "", table: str | None = None) -> str:
        """A value of a row of mixed units (KPIs, objectives, metric tables), in one place: the row's unit as the
        model states it (``model.units.row_unit``: its unit column, else its metric's), else the metric it
        points at, else what its label says."""
        unit = row_unit(TABLES[table], row) if table else None
        unit = unit or (row.get("unit") if isinstance(row.get("unit"), str) else None)
        metric = row.get("metric")
        if unit:
            return self.f.unit(unit, value)
        if metric in _PERCENT_METRICS:
            return self.f.pct(value)
        if metric in _MONEY_METRICS:
            return self.f.cost(value)
        if metric in _COUNT_METRICS:
            return self.f.count(value)
        return self.f.by_label(str(label or metric or ""), value)

    def total(self, table: str, key: str) -> str:
        field = TABLES[table].field(key)
        return self.f.value(field.kind, self.computed.totals.get(table, {}).get(key))

    def scalar(self, key: str) -> str:
        return self._shown(SCALARS[key], self.computed.scalars.get(key))

    def table(self, table: str, keys: tuple[str, ...], rows: list[dict], *, name: str | None = None, box: Box = FULL,
              widths: list[float] | None = None, total_label: str | None = None, headers: dict[str, str] | None = None,
              max_size: float = 12.0, formats: dict[str, Callable[[object], str]] | None = None,
              amounts: tuple[str, ...] = ()) -> TableBlock:
        """A table block over the given fields: left-aligned texts, right-aligned numbers, optional total row.

        ``formats`` overrides how some columns are shown (whole numbers), rows and total alike;
        ``amounts`` are money columns shown in the deck's one scale, stated in their header ("C.A. 2025 (k€)").
        """
        t = TABLES[table]
        formats = dict(formats or {})
        formats.update({k: self.f.amount for k in amounts})
        header = [self.years((headers or {}).get(k) or self.label(table, k)) + (f" ({self.unit})" if k in amounts else "")
                  for k in keys]
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
