"""The pure change list of an import: typed values are never overwritten silently, a second run changes nothing."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from planmkg_xl.core.imports import CONFLICT, NEW, REPLACED, SAME, Aggregate, apply_to_plan, label_key, plan_changes
from planmkg_xl.model.plan import Plan

labels = st.sampled_from(["Alpha", "alpha ", "Bêta", "BETA", "Gamma", "Produit 1", "Delta"])
values = st.one_of(st.none(), st.integers(0, 50))
plan_rows = st.lists(st.fixed_dictionaries({"line": labels, "deals": values, "revenue": values}), max_size=6)
agg_rows = st.lists(st.fixed_dictionaries({"line": labels, "deals": st.integers(0, 50), "revenue": st.integers(0, 50)}),
                    max_size=6, unique_by=lambda r: label_key(r["line"]))


@settings(max_examples=80, deadline=None)
@given(plan_rows, agg_rows, st.booleans())
def test_typed_values_kept_unless_replace_and_a_second_run_changes_nothing(rows, new_rows, replace):
    plan = Plan("fr", {}, {"commercial": [{k: v for k, v in r.items() if v is not None} for r in rows] + [{}]})
    agg = Aggregate("commercial", ("line",), tuple(new_rows))
    changes = plan_changes(plan, [agg], replace=replace)
    for c in changes.cells:
        assert c.status in (NEW, SAME, CONFLICT, REPLACED)
        assert (c.status == CONFLICT) == (not replace and c.old not in (None, "") and c.old != c.new and c.field != "line")
        if c.status == NEW:
            assert c.old in (None, "") or c.field == "line"
    after = apply_to_plan(plan, changes)
    for c in changes.conflicts:  # kept
        assert after.tables["commercial"][c.row][c.field] == c.old
    again = plan_changes(after, [agg], replace=replace)
    assert not again.writes and not again.grow  # idempotent
    # every imported row is in the plan afterwards, with its values unless a conflict kept the typed ones
    for r in new_rows:
        hits = [row for row in after.tables["commercial"] if label_key(row.get("line", "")) == label_key(r["line"])]
        assert hits
