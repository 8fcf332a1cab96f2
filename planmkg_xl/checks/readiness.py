"""The readiness test on Accueil (seed slide 4, "Faites le test").

- RDY-001 (info): the director's typed answer contradicts what the plan shows (e.g.
  "yes, KPIs are defined" with no KPI target, or "no" while three initiatives are
  stated). The plan's answer is a formula over the tabs; the typed one is an override,
  and an override that disagrees is said, never silently kept.
"""
from __future__ import annotations

from ..model.findings import CellRef, Finding, Severity
from ..model.metrics import is_number
from ._common import Ctx, finding


def check_overrides(ctx: Ctx) -> list[Finding]:
    """RDY-001: a typed yes/no that the plan contradicts."""
    out = []
    for i, row in enumerate(ctx.computed.rows.get("readiness", [])):
        typed, plan = row.get("answer"), row.get("plan_answer")
        if typed not in ("yes", "no") or not is_number(plan) or (plan == 1) == (typed == "yes"):
            continue
        qid, question = row.get("id") or f"#{i + 1}", str(row.get("question") or "")
        yes, no = ctx.t("oui", "yes"), ctx.t("non", "no")
        said, shown = (yes, no) if typed == "yes" else (no, yes)
        out.append(finding("RDY-001", Severity.INFO, ctx.t(
            f"Test de préparation, {qid} « {question} » : vous répondez {said}, le plan dit {shown}. "
            f"Complétez les onglets concernés, ou corrigez votre réponse.",
            f"Readiness test, {qid} \"{question}\": you answer {said}, the plan says {shown}. "
            f"Fill in the tabs concerned, or correct your answer."),
            (CellRef("readiness", i, "answer"), CellRef("readiness", i, "plan_answer")), question=qid, typed=typed, plan=int(plan)))
    return out
