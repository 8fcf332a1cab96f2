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
