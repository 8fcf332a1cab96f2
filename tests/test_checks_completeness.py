"""Completeness (CMP-001, CMP-002) and the one verdict every output states, both ways."""
from __future__ import annotations

from planmkg_xl.checks.report import format_table, verdict, verdict_key
from planmkg_xl.core.compute import compute
from planmkg_xl.model.completeness import OPTIONAL_TABLES, REQUIRED_TABLES
from planmkg_xl.model.findings import CellRef, Severity
from planmkg_xl.model.plan import Plan
from planmkg_xl.model.schema import default_scalars
from plans import coherent_plan, findings, make_plan


def test_empty_plan_is_incomplete_never_coherent():
    for lang in ("fr", "en"):
        found = findings(Plan(lang, default_scalars()))
        cmp = [f for f in found if f.rule_id == "CMP-001"]
        sheets = {f.data["sheet"] for f in cmp}
        expected = {"fr": {"Commercial", "Lead generation", "Objectifs", "Budget", "Paramètres"},
                    "en": {"Sales", "Lead generation", "Objectives", "Budget", "Settings"}}[lang]
        assert sheets == expected and all(f.severity is Severity.ERROR for f in cmp)
        assert verdict_key(found) == "incomplete"
        text = verdict(found, lang)
        assert ("incomplet" in text if lang == "fr" else "Incomplete" in text) and "cohérent." not in text and "is coherent" not in text
        assert text in format_table(found, lang)


def test_a_required_input_names_its_tab_and_input():
    plan = coherent_plan()
    for row in plan.tables["leadgen"]:
        row.pop("target_leads")
    (f,) = findings(plan, "CMP-001")
    assert "Lead generation" in f.message and "Objectif leads N" in f.message
    assert f.cells == (CellRef("leadgen", 0, "target_leads"),)


def test_complete_plans_have_no_cmp001():
    assert findings(coherent_plan(), "CMP-001") == [] and findings(make_plan(), "CMP-001") == []
    for table, fields in REQUIRED_TABLES:  # every required input is filled somewhere in the coherent plan
        assert any(all(r.get(k) not in (None, "") for k in fields[:1]) for r in coherent_plan().tables[table]), table


def test_empty_optional_tab_is_not_filled_not_zero():
    """SAN-005 read an empty Canaux tab as 0 € by channel (−100 %): now "not filled", an info, no error."""
    plan = coherent_plan()
    plan.tables["channels"] = [{"line": "Produit 1"}, {"line": "Produit 2"}]  # the template's labels, no amount
    assert findings(plan, "SAN-005") == []
    (f,) = findings(plan, "CMP-002")
    assert f.severity is Severity.INFO and "channels" in f.data["tables"] and "Canaux" in f.message
    assert verdict_key(findings(plan)) == "coherent"


def test_filled_optional_tab_is_still_checked():
    plan = coherent_plan()
    for row in plan.tables["channels"]:
        row["direct_key_accounts"] *= 0.5
    assert findings(plan, "SAN-005")
    assert all("channels" not in f.data["tables"] for f in findings(plan, "CMP-002"))


def test_all_optional_tabs_filled_gives_no_cmp002():
    plan = make_plan()
    assert all(t in plan.tables for t in OPTIONAL_TABLES)
    assert findings(plan, "CMP-002") == []


def test_verdict_sentences():
    assert verdict([], "fr") == "Aucune incohérence trouvée : le plan est cohérent."
    assert verdict([], "en") == "No incoherence found: the plan is coherent."
    found = findings(make_plan())
    assert verdict_key(found) == "incoherent" and verdict(found, "fr").startswith("Le plan n'est pas cohérent : ")
    coherent = findings(coherent_plan())
    assert verdict_key(coherent) == "coherent"
    assert all(f.severity is Severity.INFO for f in coherent)


def test_deck_findings_slide_uses_the_verdict():
    from planmkg_xl.deck.spec import deck_spec

    spec = deck_spec(compute(coherent_plan()), [], with_checks=True)
    texts = [p.text for s in spec for b in s.blocks if b.key == "findings" for p in getattr(b, "paragraphs", [])]
    assert verdict([], "fr") in texts


def test_deck_says_incomplete_like_the_cli():
    from planmkg_xl.checks import run_checks
    from planmkg_xl.deck.spec import deck_spec

    computed = compute(Plan("fr", default_scalars()))
    found = run_checks(computed)
    spec = deck_spec(computed, found, with_checks=True)
    texts = [p.text for s in spec for b in s.blocks if b.key == "findings_summary" for p in b.paragraphs]
    assert any(t.startswith(verdict(found, "fr")) for t in texts)
    assert not any("cohérent." in p.text for s in spec for b in s.blocks for p in getattr(b, "paragraphs", []))
