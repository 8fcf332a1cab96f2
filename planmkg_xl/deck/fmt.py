"""The deck's numbers by the schema's ``Kind``, on top of ``core.numbers`` (Babel).

Why a layer over ``core.numbers``: the checks' messages and the slides print a figure
the same way (same module), but a slide needs a few policies of its own — amounts in
whole units (a table of costs per lead reads better without cents), budget amounts
in k€, units for months and years, and a blank value (``None``, text) shown as an en
dash, never as ``0`` or an error, so an unfilled input is visibly unfilled.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel.dates import format_date

from ..core import numbers
from ..model.fields import Kind
from ..model.metrics import is_number

BLANK = "–"
_UNITS = {
    "fr": {Kind.MONTHS: "mois", Kind.YEARS: "ans"},
    "en": {Kind.MONTHS: "mo", Kind.YEARS: "yrs"},
}
_PCT_WORDS = re.compile(r"taux|rate|%|part |share|conversion|ctr|évolution|growth|churn|marge|margin|notoriété|awareness|"
                        r"recommandation|recommendation|pénétration|penetration|rentabilité|profitab", re.I)


@dataclass(frozen=True)
class Formatter:
    """Formats values of the plan for one language and currency."""

    lang: str = "fr"
    currency: str = "EUR"
    scale: int = 1000  # the deck's one money scale for amounts (1 000: k€, 1 000 000: M€), see ``money_scale``

    @property
    def locale(self) -> str:
        return numbers.locale_of(self.lang)

    def money(self, value: object, digits: int = 0) -> str:
        """``1 234 €`` (whole units unless ``digits``: a cost per click needs cents)."""
        if not is_number(value):
            return BLANK
        return numbers.money(round(value, digits), self.lang, self.currency, digits)

    def kmoney(self, value: object) -> str:
        """An amount stored in units, shown in the deck's scale: ``745 k€`` / ``€745k``."""
        return self.amount_text(value)

    @property
    def scale_unit(self) -> str:
        """The scale's unit as headers state it: ``k€`` / ``M€`` (French), ``€k`` / ``€m`` (English)."""
        symbol = "€" if self.currency == "EUR" else self.currency
        prefix = "M" if self.scale == 1_000_000 else "k"
        return f"{prefix}{symbol}" if self.lang == "fr" else f"{symbol}{prefix.lower()}"

    def amount(self, value: object) -> str:
        """An amount in the deck's scale, without unit (the column header states it): ``21 130``."""
        if not is_number(value):
            return BLANK
        digits = 1 if self.scale == 1_000_000 and abs(value) < 100 * self.scale else 0
        return numbers.number(round(value / self.scale, digits), self.lang, digits)

    def amount_text(self, value: object, signed: bool = False) -> str:
        """An amount in the deck's scale with its unit, for a sentence: ``99 k€`` / ``€99k``."""
        if not is_number(value):
            return BLANK
        text = self.amount(abs(value) if signed else value)
        sign = ("+" if value >= 0 else "−") if signed else ""
        if self.lang == "fr":
            return f"{sign}{text}\xa0{self.scale_unit}"
        symbol = "€" if self.currency == "EUR" else self.currency
        return f"{sign}{symbol}{text}{'m' if self.scale == 1_000_000 else 'k'}"

    def cost(self, value: object) -> str:
        """A money value of unknown role: a unit cost (189 €) in euros, an amount (21,1 M€ of revenue) in the deck's scale."""
        if not is_number(value):
            return BLANK
        return self.amount_text(value) if abs(value) >= 10 * self.scale else self.money(value)

    def count(self, value: object) -> str:
        return numbers.count(value, self.lang) if is_number(value) else BLANK

    def number(self, value: object, digits: int = 1) -> str:
        return numbers.number(value, self.lang, digits) if is_number(value) else BLANK

    def pct(self, value: object, signed: bool = False) -> str:
        return numbers.percent(value, self.lang, 1, signed).replace("-", "−") if is_number(value) else BLANK

    def multiple(self, value: object) -> str:
        return BLANK if not is_number(value) else self.number(value) + "x"

    def date(self, value: object) -> str:
        if isinstance(value, (dt.date, dt.datetime)):
            return format_date(value, format="short" if self.lang == "en" else "dd/MM/yyyy", locale=self.locale)
        return BLANK if value in (None, "") else str(value)

    def value(self, kind: Kind, value: object, signed: bool = False) -> str:
        """Any value of a field of the given kind."""
        if kind in (Kind.TEXT, Kind.LONGTEXT, Kind.CHOICE):
            return "" if value is None else str(value)
        if kind == Kind.DATE:
            return self.date(value)
        if not is_number(value):
            return BLANK
        if kind == Kind.MONEY:
            return self.money(value)
        if kind == Kind.KMONEY:
            return self.kmoney(value)
        if kind in (Kind.RATE, Kind.RATIO):
            return self.pct(value, signed=signed)
        if kind == Kind.COUNT:
            return self.count(value)
        if kind == Kind.MULTIPLE:
            return self.multiple(value)
        if kind == Kind.YEAR:
            return str(int(value))
        if kind in (Kind.MONTHS, Kind.YEARS):
            return f"{self.number(value)}\xa0{_UNITS.get(self.lang, _UNITS['en'])[kind]}"
        return self.number(value)

    def by_label(self, label: str, value: object) -> str:
        """A free NUMBER whose meaning only its label tells (KPI, metric tables).

        Shares typed as fractions (0.047 for a click rate) read as percentages when
        the label says rate/share; costs as money; the rest as plain numbers.
        """
        if not is_number(value):
            return BLANK
        low = label.casefold()
        if "coût" in low or "cost" in low or "valeur de marque" in low or "brand value" in low:
            return self.cost(value)
        if _PCT_WORDS.search(label + " ") and abs(value) <= 1.5 and not float(value).is_integer():
            return self.pct(value)
        return self.number(value)

    def unit(self, unit: str | None, value: object) -> str:
        """A value of an objective, by its unit choice key (money, percent, count, days, other)."""
        if not is_number(value):
            return BLANK
        if unit == "money":
            return self.cost(value)
        if unit == "percent":
            return self.pct(value)
        if unit == "days":
            return f"{self.count(value)}\xa0{'jours' if self.lang == 'fr' else 'days'}"
        if unit == "count":
            return self.count(value)
        if unit == "months":
            return f"{self.number(value)}\xa0{_UNITS.get(self.lang, _UNITS['en'])[Kind.MONTHS]}"
        if unit == "kmoney":
            return self.amount_text(value)
        return self.number(value)


def money_scale(amounts: list[object]) -> int:
    """The deck's one money scale: M€ when the plan's smallest headline amount reaches 10 M€, else k€.

    Why the smallest: the budget lines are the smallest amounts a committee reads; in M€
    a 5 k€ line would print as 0,0. A plan whose marketing budget reaches 10 M€ reads
    in M€ throughout (its lines are then hundreds of k€ at least, 0,1 M€ and up).
    """
    values = [abs(v) for v in amounts if is_number(v) and v]
    return 1_000_000 if values and min(values) >= 10_000_000 else 1000
