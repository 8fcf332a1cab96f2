"""core.numbers: figures as a French or English reader expects them (CLDR via Babel)."""
from __future__ import annotations

from planmkg_xl.core import numbers as n

NNBSP, NBSP = "\u202f", "\u00a0"


def test_french():
    assert n.count(1234.4, "fr") == f"1{NNBSP}234"
    assert n.money(465_000, "fr") == f"465{NNBSP}000{NBSP}€"
    assert n.money(34.8, "fr") == f"34,80{NBSP}€"
    assert n.percent(0.0412, "fr") == f"4,1{NBSP}%"
    assert n.percent(0.3, "fr", signed=True) == f"+30,0{NBSP}%"
    assert n.percent(-0.3, "fr", 0, signed=True) == f"-30{NBSP}%"
    assert n.number(2.75, "fr", 2) == "2,75"
    assert n.points(0.032, "fr") == f"+3,2{NBSP}pts"


def test_english():
    assert n.count(1234.4, "en") == "1,234"
    assert n.money(465_000, "en") == "€465,000"
    assert n.money(465_000, "en", "USD") == "US$465,000"
    assert n.percent(0.0412, "en") == "4.1%"
    assert n.percent(0, "en", signed=True) == "0.0%"


def test_unknown_language_falls_back_to_french():
    assert n.locale_of("de") == "fr_FR"


def test_absurd_magnitudes_are_quoted_not_crashed():
    """A ratio over a near-zero cell (1e150 %) must still be printable in a finding."""
    from planmkg_xl.core import numbers

    assert numbers.percent(1.2e150, "fr").startswith("1,2e+152") and numbers.percent(1.2e150, "en", signed=True) == "+1.2e+152%"
    assert numbers.money(3e20, "en") == "3e+20\u00a0EUR" and numbers.count(-4e16, "fr") == "-4e+16"
    assert numbers.count(1234, "en") == "1,234"  # ordinary figures unchanged


# Independent oracle: Babel's own format_* functions. ``core.numbers`` parses each pattern once and puts the
# currency sign in itself (bench/: thousands of figures per check run); the text must stay Babel's, character for character.
from babel.numbers import format_currency, format_decimal, format_percent  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

_FIGURES = st.one_of(st.floats(min_value=-9e14, max_value=9e14, allow_nan=False, allow_infinity=False),
                     st.integers(min_value=-10 ** 14, max_value=10 ** 14),
                     st.sampled_from([0, -0.0, 0.005, 0.015, 2.675, 99.995, 100, -100.5, 1e-9]))
_CURRENCIES = st.sampled_from(["EUR", "USD", "GBP", "CHF", "JPY", "XYZ", "eur", "€", "A'B", "A'B'C", "$"])


@settings(max_examples=300, deadline=None)
@given(value=_FIGURES, lang=st.sampled_from(["fr", "en"]), currency=_CURRENCIES, decimals=st.sampled_from([None, 0, 1, 2]))
def test_money_is_babels_format_currency(value, lang, currency, decimals):
    digits = decimals if decimals is not None else (0 if abs(value) >= 100 else 2)
    expected = format_currency(value, currency, format=n._pattern(lang, "currency", digits), locale=n._locale(lang),
                               currency_digits=False)
    assert n.money(value, lang, currency, decimals) == expected


@settings(max_examples=300, deadline=None)
@given(value=_FIGURES, lang=st.sampled_from(["fr", "en"]), decimals=st.sampled_from([0, 1, 2, 4]))
def test_number_percent_and_count_are_babels(value, lang, decimals):
    loc = n._locale(lang)
    assert n.number(value, lang, decimals) == format_decimal(value, format="#,##0" + ("." + "#" * decimals if decimals else ""),
                                                             locale=loc)
    assert n.count(value, lang) == format_decimal(round(value), format="#,##0", locale=loc)
    if abs(value * 100) < n.HUGE:
        assert n.percent(value, lang, decimals) == format_percent(value, format=n._pattern(lang, "percent", decimals), locale=loc)
