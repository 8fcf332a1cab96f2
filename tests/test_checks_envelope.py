"""ENV-001: the approved envelope is a ceiling; the band decides only the severity."""
from __future__ import annotations

import pytest

from plans import coherent_plan, findings, scale_scalar

from planmkg_xl.model.findings import CellRef, Severity


def test_envelope_met_is_silent():
    assert findings(coherent_plan(), "ENV-001") == []
    assert findings(scale_scalar(coherent_plan(), "envelope", 1.5), "ENV-001") == []  # below the ceiling: BUD-002's business


@pytest.mark.parametrize("factor, severity", [(1 / 1.001, Severity.WARNING), (1 / 1.04, Severity.WARNING), (1 / 1.08, Severity.WARNING),
                                              (1 / 1.2, Severity.ERROR)])
def test_any_overrun_is_a_finding_the_band_sets_its_severity(factor, severity):
    plan = scale_scalar(coherent_plan(), "envelope", factor)
    (f,) = findings(plan, "ENV-001")
    assert f.severity is severity
    assert f.cells == (CellRef(None, None, "programmes"), CellRef(None, None, "envelope_used"), CellRef(None, None, "envelope_gap"))
    assert f.data["overrun"] == pytest.approx(f.data["programmes"] - f.data["envelope"])
    assert f.data["gap_pct"] == pytest.approx(1 / factor - 1)
    assert "plafond" in f.message and "dépassement de +" in f.message


def test_envelope_from_percent_of_revenue_and_english():
    plan = coherent_plan(lang="en")
    programmes = plan.scalars.pop("envelope")
    plan.scalars["envelope_pct"] = programmes / plan.scalars["company_revenue"] * 0.98
    (f,) = findings(plan, "ENV-001")
    assert f.severity is Severity.WARNING and "of company revenue N" in f.message and "overrun +" in f.message


def test_missing_envelope_or_lines_is_not_an_overrun():
    plan = coherent_plan()
    del plan.scalars["envelope"]
    assert findings(plan, "ENV-001") == []
    plan = coherent_plan()
    plan.tables["budget"] = []
    assert findings(plan, "ENV-001") == []
