"""model.season: which Web row is which month, when a column is a profile, and the share of the year by month m."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from planmkg_xl.model import season
from planmkg_xl.model.kpi_tabs import MONTHS_EN, MONTHS_FR
from planmkg_xl.model.plan_tabs import MONTH_LABELS

SPELLINGS = {
    1: ("Janvier", "janv.", "JAN", " Jan ", "January", 1, 1.0, "1"), 2: ("Février", "févr.", "Fev", "Feb.", "February", 2),
    3: ("Mars", "March", "mar"), 4: ("Avril", "avr.", "April", "Apr"), 5: ("Mai", "May"), 6: ("Juin", "June", "Jun"),
    7: ("Juillet", "juil.", "July", "Jul"), 8: ("Août", "aout", "AOÛT", "August", "Aug"), 9: ("Septembre", "sept.", "Sep", "September"),
    10: ("Octobre", "oct.", "October", 10, "10"), 11: ("Novembre", "nov.", "November"), 12: ("Décembre", "déc.", "Dec", "December", 12),
}


@pytest.mark.parametrize("month, label", [(m, label) for m, labels in SPELLINGS.items() for label in labels])
def test_month_names_in_both_languages(month, label):
    assert season.label_month(label) == month


def test_the_workbooks_own_labels_are_months():
    assert [season.label_month(x) for x in MONTHS_FR] == list(range(1, 13))
    assert [season.label_month(x) for x in MONTHS_EN] == list(range(1, 13))
    assert [season.label_month(fr) for fr, _ in MONTH_LABELS] == list(range(1, 13))


@pytest.mark.parametrize("label", [None, "", "Total", "T1", "13", "2025-09", dt.date(2025, 9, 1), "ju", True])
def test_what_names_no_month(label):
    assert season.label_month(label) is None


def test_each_month_once_with_a_number_in_any_order():
    labels = list(reversed(MONTHS_FR)) + [None, "Août"]
    values = list(range(12, 0, -1)) + [99, None]  # a row without a label; a second August row without a number
    assert season.web_monthly(labels, values) == tuple(float(v) for v in range(1, 13))


@pytest.mark.parametrize("edit", ["duplicate", "missing_value", "missing_month", "negative"])
def test_no_profile_unless_every_month_once(edit):
    labels, values = list(MONTHS_FR), list(range(1, 13))
    if edit == "duplicate":
        labels.append("aout")
        values.append(5)
    elif edit == "missing_value":
        values[7] = None
    elif edit == "missing_month":
        labels[7] = "Vacances"
    else:
        values[0] = -1
    assert season.web_monthly(labels, values) is None


def test_leads_dated_by_month_and_the_rest_spread():
    web = [10] * 12
    emailing = ([dt.date(2025, 3, 4), None, dt.date(2025, 3, 20)], [30, 500, 0])  # an undated row and a 0 are not dated leads
    events = ([dt.date(2024, 6, 1)], [60])  # the month counts, whatever the year
    profile = season.lead_monthly(MONTHS_FR, web, [emailing, events], 1_200)
    rest = 1_200 - (120 + 30 + 60)
    assert profile[2] == pytest.approx(10 + 30 + rest / 12) and profile[5] == pytest.approx(10 + 60 + rest / 12)
    assert sum(profile) == pytest.approx(1_200)
    assert season.lead_monthly(MONTHS_FR, web, [emailing, events], 200) is None  # dated leads exceed the tab's total
    assert season.lead_monthly(MONTHS_FR, web, [], 0) is None
    assert season.lead_monthly(MONTHS_FR[:11], web, [], 1_200) is None


def test_share_and_its_linear_fallbacks():
    profile = (0, 0, 5, 5, 10, 10, 10, 10, 10, 10, 15, 15)
    assert season.share(profile, 4) == pytest.approx(0.1) and season.share(profile, 12) == pytest.approx(1)
    assert season.share(profile, 2) is None  # nothing happened by February last year: linear
    assert season.share(None, 3) is None and season.share(profile, 0) is None


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 10_000), min_size=12, max_size=12), st.integers(1, 12))
def test_share_is_months_to_date_over_the_year(values, month):
    part = season.share(tuple(values), month)
    if sum(values[:month]) == 0:
        assert part is None
    else:
        assert part == pytest.approx(sum(values[:month]) / sum(values))


def test_last_month_is_the_last_filled_one():
    assert season.last_month([1, None, 3] + [None] * 9) == 3
    assert season.last_month([None] * 12) == 0
    assert season.last_month(["x"] * 12) == 0


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_formula_fits_excel_even_with_31_character_sheet_names(lang):
    """Excel refuses a formula over 8 192 characters; renaming every sheet it names to Excel's longest (31) must fit."""
    import re

    from planmkg_xl.core.layout import cell_ref, formulas, plan_layout
    from planmkg_xl.model.schema import TABLES

    layout = plan_layout(lang, {k: max(1, len(t.rows) + t.blank_rows) for k, t in TABLES.items()})
    geom = layout.tables["kpis"]
    formula = formulas(layout)[(geom.sheet_title, cell_ref(geom.first_row, geom.cols["expected_to_date"]))]
    refs = re.findall(r"'((?:[^']|'')+)'!", formula)
    worst = len(formula) + sum(31 - len(title.replace("''", "'")) for title in refs)
    assert len(formula) < 6_000 and worst < 8_192, (len(formula), worst)
