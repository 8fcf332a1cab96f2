"""Numbers formatted for people, in the plan's language ("1 234 €", "4,1 %" / "€1,234", "4.1%").

Why one small module: the checks' messages and the deck must print the same figure
the same way, following the locale's own patterns (Babel's CLDR data) rather than
hand-made separators. French uses a narrow no-break space to group thousands and a
no-break space before "%" and "€", which keeps a figure on one line.

Pure: no I/O. ``lang`` is the plan's language ("fr" or "en").
"""
from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberPattern, get_currency_symbol, parse_pattern

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(locale_of(lang))


@lru_cache(maxsize=None)
def _pattern(lang: str, kind: str, decimals: int) -> str:
    loc = _locale(lang)
    base = loc.percent_formats[None] if kind == "percent" else loc.currency_formats["standard"]
    return _with_decimals(base.pattern, decimals)


# Why parsed once: Babel's format_decimal/format_currency parse the pattern on every call, and
# format_currency also looks up the currency's plural display name (for the rare "¤¤¤" pattern)
# whether or not the pattern shows it. A check run on a large plan formats thousands of figures
# (bench/: 4 per unit-cost finding); the text is the same, made by the same ``NumberPattern.apply``.
@lru_cache(maxsize=None)
def _parsed(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


@lru_cache(maxsize=None)
def _symbol(currency: str, lang: str) -> str:
    return get_currency_symbol(currency, _locale(lang))


def _apply(pattern: str, value: float, lang: str) -> str:
    return _parsed(pattern).apply(value, _locale(lang))


def _currency(value: float, currency: str, pattern: str, lang: str) -> str:
    """Babel's ``format_currency(value, currency, format=pattern, currency_digits=False)``, the pattern parsed once.

    With ``currency_digits=False`` the currency never changes the digits, so the number is
    rendered without it and its signs put in as ``NumberPattern.apply`` does (same order).
    """
    symbol = _symbol(currency, lang)
    if "¤¤¤" in pattern or "'" in currency + symbol:
        # the currency's plural name, or a quote Babel would strip after putting the symbol in: Babel itself
        from babel.numbers import format_currency

        return format_currency(value, currency, format=pattern, locale=_locale(lang), currency_digits=False)
    text = _parsed(pattern).apply(value, _locale(lang), currency=None)
    if "¤" in text:
        text = text.replace("¤¤", currency.upper()).replace("¤", symbol)
    return text


def locale_of(lang: str) -> str:
    """The Babel locale of a plan language (French for anything unknown but "en")."""
    return LOCALES.get(lang, "fr_FR")


def _with_decimals(pattern: str, decimals: int) -> str:
    """A CLDR pattern with exactly ``decimals`` fraction digits ("#,##0.00 ¤" -> "#,##0 ¤")."""
    match = re.search(r"#,##0(\.[0#]+)?", pattern)
    if match is None:  # pragma: no cover - every CLDR number pattern has one
        raise ValueError(f"unexpected number pattern {pattern!r}")
    digits = "#,##0" + ("." + "0" * decimals if decimals else "")
    return pattern[: match.start()] + digits + pattern[match.end():]


HUGE = 1e15  # beyond any plan's figure (a ratio over a near-zero cell): Babel's decimal context cannot format it


def _huge(value: float, lang: str, suffix: str = "") -> str | None:
    """``1,2e+150`` for a value no plan can mean (a typing mistake a finding must still be able to quote), else None."""
    if abs(value) < HUGE:
        return None
    text = f"{value:.2g}"
    return (text.replace(".", ",") if lang != "en" else text) + suffix


def count(value: float, lang: str) -> str:
    """A whole number: ``1 234`` / ``1,234`` (rounded to the unit)."""
    huge = _huge(value, lang)
    if huge:
        return huge
    return _apply("#,##0", round(value), lang)


def number(value: float, lang: str, decimals: int = 1) -> str:
    """A decimal with at most ``decimals`` fraction digits (trailing zeros dropped)."""
    huge = _huge(value, lang)
    if huge:
        return huge
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return _apply(pattern, value, lang)


def percent(value: float, lang: str, decimals: int = 1, signed: bool = False) -> str:
    """A share: ``4,1 %`` / ``4.1%``; ``signed`` prefixes "+" to a positive change."""
    huge = _huge(value * 100, lang, "\u00a0%" if lang != "en" else "%")
    if huge:
        return ("+" if signed and value > 0 else "") + huge
    text = _apply(_pattern(lang, "percent", decimals), value, lang)
    return "+" + text if signed and round(value * 100, decimals) > 0 else text


def money(value: float, lang: str, currency: str = "EUR", decimals: int | None = None) -> str:
    """An amount: ``465 000 €`` / ``€465,000``; cents only under 100 unless ``decimals`` says."""
    huge = _huge(value, lang, "\u00a0" + (currency or "EUR"))
    if huge:
        return huge
    if decimals is None:
        decimals = 0 if abs(value) >= 100 else 2
    return _currency(value, currency or "EUR", _pattern(lang, "currency", decimals), lang)


def points(value: float, lang: str, decimals: int = 1) -> str:
    """A difference between two percentages, in points: ``+3,2 pts`` / ``+3.2 pts``."""
    text = number(value * 100, lang, decimals)
    return ("+" if round(value * 100, decimals) > 0 else "") + text + "\u00a0pts"
