"""Locale-aware formatting of the deck's numbers (Babel), by the schema's ``Kind``.

Why here and not in ``core.numbers``: that module did not exist when the deck was
written; this one only formats for slides (no Excel number formats) and can be folded
into ``core.numbers`` once it lands. A blank value (``None``, text) shows as an en
dash, never as ``0`` or an error, so an unfilled input is visibly unfilled.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from ..model.fields import Kind
from ..model.metrics import is_number

BLANK = "–"
LOCALES = {"fr": "fr_FR", "en": "en_GB"}
_UNITS = {
    "fr": {Kind.MONTHS: "mois", Kind.YEARS: "ans"},
    "en": {Kind.MONTHS: "mo", Kind.YEARS: "yrs"},
}
_PCT_WORDS = re.compile(r"taux|rate|%|part |share|conversion|ctr|évolution|growth|churn|marge|margin|notoriété|awareness|"
                        r"recommandation|recommendation|pénétration|penetration|rentabilité|profitab", re.I)


def _one_decimal(pattern: str) -> str:
    """``#,##0 %`` -> ``#,##0.0 %``: add one decimal after the last digit placeholder."""
    return re.sub(r"0(?=[^0]*$)", "0.0", pattern, count=1)


@dataclass(frozen=True)
class Formatter:
    """Formats values of the plan for one language and currency."""

    lang: str = "fr"
    currency: str = "EUR"

    @property
    def locale(self) -> str:
        return LOCALES.get(self.lang, "en_GB")

    def _currency_pattern(self, digits: int) -> str:
        pattern = Locale.parse(self.locale).currency_formats["standard"].pattern
        return pattern.replace(".00", "." + "0" * digits if digits else "")

    def money(self, value: object, digits: int = 0) -> str:
        """``1 234 €`` (whole units unless ``digits``: a cost per click needs cents)."""
        if not is_number(value):
            return BLANK
        return format_currency(round(value, digits) if digits else round(value), self.currency,
                               format=self._currency_pattern(digits), locale=self.locale, currency_digits=False)

    def kmoney(self, value: object) -> str:
        """An amount stored in units, shown in thousands: ``745 k€`` / ``€745k``."""
        if not is_number(value):
            return BLANK
        text = self.money(value / 1000)
        if self.lang == "fr":
            return text.replace("\xa0€", "\xa0k€") if "€" in text else text + "\xa0k"
        return text + "k"

    def count(self, value: object) -> str:
        if not is_number(value):
            return BLANK
        return format_decimal(round(value), format="#,##0", locale=self.locale)

    def number(self, value: object, digits: int = 1) -> str:
        if not is_number(value):
            return BLANK
        if float(value).is_integer():
            return self.count(value)
        return format_decimal(value, format="#,##0." + "0" * digits, locale=self.locale)

    def pct(self, value: object, signed: bool = False) -> str:
        if not is_number(value):
            return BLANK
        pattern = _one_decimal(Locale.parse(self.locale).percent_formats[None].pattern)
        text = format_percent(value, format=pattern, locale=self.locale)
        return ("+" + text) if signed and value > 0 else text.replace("-", "−")

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
            return self.money(value)
        if _PCT_WORDS.search(label + " ") and abs(value) <= 1.5 and not float(value).is_integer():
            return self.pct(value)
        return self.number(value)

    def unit(self, unit: str | None, value: object) -> str:
        """A value of an objective, by its unit choice key (money, percent, count, days, other)."""
        if not is_number(value):
            return BLANK
        if unit == "money":
            return self.money(value)
        if unit == "percent":
            return self.pct(value)
        if unit == "days":
            return f"{self.count(value)}\xa0{'jours' if self.lang == 'fr' else 'days'}"
        return self.number(value)
