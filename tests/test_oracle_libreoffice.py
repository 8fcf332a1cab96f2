"""Oracle: LibreOffice recalculates our workbooks; every derived cell equals the Python value.

Covers the demo plan, the empty workbook in both languages and 25 random plans
(hypothesis), and checks that no cell of any sheet holds an Excel error value.
"""
from __future__ import annotations

import math

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from conftest import needs_lo
from lo import recalculate, strip_cached_values
from planmkg_xl import app
from planmkg_xl.core.compute import compute
from planmkg_xl.demo import demo_plan
from planmkg_xl.io.read import read_workbook
from planmkg_xl.io.write import cell_values
from planmkg_xl.model.plan import Plan
from planmkg_xl.model.schema import default_scalars
from strategies import plans

pytestmark = [needs_lo, pytest.mark.lo]
_RANDOM: list[Plan] = []


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(plans())
def _collect(plan):
    _RANDOM.append(plan)


def _compare(path_ours, path_lo) -> tuple[int, list[str]]:
    data = read_workbook(path_ours)
    expected = cell_values(data.layout, compute(data.plan))
    wb = openpyxl.load_workbook(path_lo, data_only=True)
    problems = []
    for (title, ref), py in expected.items():
        lo = wb[title][ref].value
        if py is None:
            if lo not in (None, ""):
                problems.append(f"{title}!{ref}: Python blank, LibreOffice {lo!r}")
        elif not isinstance(lo, (int, float)) or not math.isclose(py, lo, rel_tol=1e-9, abs_tol=1e-9):
            problems.append(f"{title}!{ref}: Python {py!r}, LibreOffice {lo!r}")
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "e":
                    problems.append(f"{ws.title}!{c.coordinate}: Excel error {c.value}")
    return len(expected), problems


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    _collect()
    cases = {"demo": demo_plan("fr"), "demo_en": demo_plan("en"), "empty_fr": Plan("fr", default_scalars()),
             "empty_en": Plan("en", default_scalars())}
    cases.update({f"random_{i:02d}": p for i, p in enumerate(_RANDOM)})
    src = tmp_path_factory.mktemp("ours")
    stripped = tmp_path_factory.mktemp("stripped")
    ours, feed = {}, []
    for name, plan in cases.items():
        data = app.build_xlsm(plan)
        (src / f"{name}.xlsm").write_bytes(data)
        (stripped / f"{name}.xlsm").write_bytes(strip_cached_values(data))
        ours[name] = src / f"{name}.xlsm"
        feed.append(stripped / f"{name}.xlsm")
    outs = recalculate(feed, tmp_path_factory.mktemp("lo"), tmp_path_factory.mktemp("profile"))
    return {name: (ours[name], out) for name, out in zip(cases, outs)}


def test_at_least_25_random_plans(recalculated):
    assert sum(name.startswith("random_") for name in recalculated) >= 25


@pytest.mark.parametrize("name", ["demo", "demo_en", "empty_fr", "empty_en"])
def test_named_workbooks_match_libreoffice(recalculated, name):
    n, problems = _compare(*recalculated[name])
    assert n > 500
    assert problems == []


def test_random_plans_match_libreoffice(recalculated):
    failures = {}
    for name, (ours, lo) in recalculated.items():
        if name.startswith("random_"):
            _, problems = _compare(ours, lo)
            if problems:
                failures[name] = problems[:5]
    assert failures == {}
