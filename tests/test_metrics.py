"""Metric expressions: one definition, an Excel formula and a Python value that agree."""
from __future__ import annotations

from planmkg_xl.model.metrics import Const, Div, Fallback, IfGiven, R, RowSum, Sum


class FakeRow:
    """A resolver over a dict: inputs a,b,c; derived d; column values for sums."""

    def __init__(self, values, derived=("d",), columns=None):
        self.values_, self.derived, self.columns = values, set(derived), columns or {}

    def cell(self, key):
        return {"a": "A2", "b": "B2", "c": "C2", "d": "D2", "m1": "E2", "m2": "F2", "m3": "G2"}[key]

    def column(self, key):
        return f"${key.upper()}$2:${key.upper()}$9"

    def is_derived(self, key):
        return key in self.derived

    def value(self, key):
        return self.values_.get(key)

    def values(self, key):
        return self.columns.get(key, [])


def test_ratio_formula_guards_zero_and_blank_denominator():
    expr = R("a") / R("b")
    assert expr.excel(FakeRow({})) == '=IFERROR(IF(N(B2)=0,"",N(A2)/N(B2)),"")'
    assert expr.evaluate(FakeRow({"a": 3, "b": 0})) is None
    assert expr.evaluate(FakeRow({"a": 3})) is None
    assert expr.evaluate(FakeRow({"a": 3, "b": 4})) == 0.75


def test_text_in_an_input_counts_as_zero_like_excel_n():
    assert (R("a") / R("b")).evaluate(FakeRow({"a": "abc", "b": 4})) == 0


def test_blank_derived_operand_blanks_the_result():
    expr = R("d") / R("b")
    assert expr.evaluate(FakeRow({"d": None, "b": 2})) is None
    assert expr.evaluate(FakeRow({"d": "", "b": 2})) is None
    assert expr.evaluate(FakeRow({"d": 4, "b": 2})) == 2
    assert expr.excel(FakeRow({})).startswith('=IFERROR(IF(NOT(ISNUMBER(D2)),"",IF(N(B2)=0,"",')


def test_growth_is_blank_without_a_base_year():
    expr = R("a") / R("b") - 1
    assert expr.evaluate(FakeRow({"a": 110, "b": 100})) == 0.10000000000000009
    assert expr.evaluate(FakeRow({"a": 110})) is None


def test_fallback_takes_the_typed_assumption_else_the_default():
    expr = Fallback("a", "d")
    assert expr.evaluate(FakeRow({"a": 0.3, "d": 0.5})) == 0.3
    assert expr.evaluate(FakeRow({"d": 0.5})) == 0.5
    assert expr.evaluate(FakeRow({"d": ""})) is None
    assert expr.excel(FakeRow({})) == '=IF(N(A2)<>0,N(A2),IF(ISNUMBER(D2),D2,""))'


def test_if_given_blanks_roi_without_revenue():
    expr = IfGiven("a", (R("a") - R("b")) / R("b"))
    assert expr.evaluate(FakeRow({"b": 100})) is None
    assert expr.evaluate(FakeRow({"a": 300, "b": 100})) == 2


def test_sums_and_row_sums_skip_text():
    assert Sum("a").evaluate(FakeRow({}, columns={"a": [1, "x", None, 2.5]})) == 3.5
    assert RowSum(("m1", "m2", "m3"), "average").evaluate(FakeRow({"m1": 2, "m3": 4})) == 3
    assert RowSum(("m1", "m2", "m3"), "average").evaluate(FakeRow({})) is None
    assert RowSum(("m1", "m2", "m3"), "count").evaluate(FakeRow({"m1": 2, "m2": "x"})) == 1


def test_division_by_a_nonzero_constant_needs_no_guard():
    assert "=0" not in (R("a") / Const(12)).excel(FakeRow({}))


def test_overflow_is_blank_not_infinite():
    assert (R("a") / R("b")).evaluate(FakeRow({"a": 1e308, "b": 1e-10})) is None
    assert (Div(R("a"), R("b"))).excel(FakeRow({})).startswith("=IFERROR(")


def test_lookup_reads_the_chosen_metric_from_the_tabs():
    from planmkg_xl.model.metrics import Lookup

    class Row(FakeRow):
        def cell(self, key):
            return {"metric": "B6", "total:leadgen.leads": "'LG'!$B$19", "budget_prev": "budget_prev"}[key]

        def value(self, key):
            if key.startswith("label:"):
                return {"leads": "Leads entrants", "budget": "Budget"}[key.split(":")[2]]
            return self.values_.get(key)

    expr = Lookup("metric", (("leads", "leadgen.leads"), ("budget", "budget_prev")))
    # an empty input scalar must read blank, as in Python, not the 0 a bare reference gives (LibreOffice oracle, random plan)
    assert expr.excel(Row({})) == ('=IFERROR(CHOOSE(MATCH(B6,{"Leads entrants","Budget"},0),\'LG\'!$B$19,'
                                   'IF(ISNUMBER(budget_prev),budget_prev,"")),"")')
    assert expr.evaluate(Row({"metric": "Leads entrants", "total:leadgen.leads": 6000})) == 6000
    assert expr.evaluate(Row({"metric": "Budget", "budget_prev": ""})) is None
    assert expr.evaluate(Row({"metric": "Autre"})) is None
