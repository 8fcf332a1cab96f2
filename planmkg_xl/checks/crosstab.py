"""Cross-tab consistency: the same plan element stated on two tabs must agree (issue 8).

- XTB-001: a line of the Budget tab's block "2. Lead generation strategy" that bears the
  name of a lead source carries that source's budget N from the Lead generation tab
  (seed slides "Budget spend, example" and "Marketing performance: lead generation").
  The totals are BUD-003; this finds which line disagrees. Lines and sources are paired
  by name (case, accents and spacing ignored); an unpaired line is not compared. The
  N-1 spend is a restatement another rule family handles (a formula to the source).
- XTB-002: a KPI and a whole-funnel objective on the same source metric state the same
  target N (seed slides "Measurement plan" and "Marketing objectives").
- XTB-003: a tactic cites the id of an existing marketing objective (seed slides
  "Customer strategy" and "Lead generation strategy": tactics are listed per objective).

Partially filled plans: a blank on either side is not compared (a blank is "not filled",
never 0).
"""
from __future__ import annotations

import re
import unicodedata

from ..model.findings import CellRef, Finding, Severity
from ..model.schema import TABLES
from ._common import Ctx, finding, num

_METRIC_NAMES = {c.key: c.label for c in TABLES["kpis"].field("metric").choices}
_UNITS = {"revenue": "money", "cost_per_qualified_lead": "money", "marketing_budget": "money", "win_ratio": "percent",
          "lead_to_opportunity": "percent", "email_ctr": "percent"}


def normal(text: object) -> str:
    """A name as people mean it: no accents, no case, single spaces."""
    plain = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().split())


def show(ctx: Ctx, metric: str, value: float) -> str:
    unit = _UNITS.get(metric, "count")
    if unit == "money":
        return ctx.money(value)
    if unit == "percent":
        return ctx.pct(value)
    return ctx.count(value) if float(value).is_integer() or value >= 100 else ctx.number(value, 2)


def check_leadgen_lines(ctx: Ctx) -> list[Finding]:
    """XTB-001: a lead-generation budget line named after a lead source carries that source's budget N."""
    sources = {}
    for i, row in ctx.rows("leadgen"):
        name = normal(row.get("source"))
        if name:
            sources.setdefault(name, (i, row))
    out = []
    for j, line in ctx.rows("budget"):
        if line.get("block") != "leadgen":
            continue
        pair = sources.get(normal(line.get("line")))
        if pair is None:
            continue
        i, source = pair
        planned, tab = num(line.get("budget")), num(source.get("budget"))
        if planned is None or tab is None or not (planned or tab):
            continue
        ratio = planned / tab - 1 if tab else 1.0
        severity = ctx.band(ratio)
        if severity is None:
            continue
        name = str(source.get("source"))
        out.append(finding("XTB-001", severity, ctx.t(
            f"Budget N de « {name} » : {ctx.money(planned)} sur l'onglet Budget (ligne {j + 1}), {ctx.money(tab)} sur l'onglet Lead "
            f"generation ; écart {ctx.gap(ctx.signed_money(planned - tab), ratio)}. Une même dépense doit avoir un seul montant.",
            f"Budget N of \"{name}\": {ctx.money(planned)} on the Budget tab (row {j + 1}), {ctx.money(tab)} on the Lead generation "
            f"tab; gap {ctx.gap(ctx.signed_money(planned - tab), ratio)}. One spend must have one amount."),
            (CellRef("budget", j, "budget"), CellRef("leadgen", i, "budget")), source=name, budget_tab=planned, leadgen_tab=tab,
            gap_pct=ratio))
    return out


def check_kpi_targets(ctx: Ctx) -> list[Finding]:
    """XTB-002: a KPI's target N vs the target of a whole-funnel objective on the same metric."""
    out = []
    for i, row in ctx.rows("kpis"):
        metric, target = row.get("metric"), num(row.get("target"))
        if not metric or metric == "other" or target is None:
            continue
        for o, stated, ratio, severity in ctx.objectives_off(str(metric), target):
            name = ctx.row_label("kpis", i)
            out.append(finding("XTB-002", severity, ctx.t(
                f"KPI « {name} » : cible N {show(ctx, metric, target)} ; l'objectif {o.id} vise {show(ctx, metric, stated)} sur la même "
                f"métrique ({_METRIC_NAMES[metric]('fr')}) ; écart {ctx.pct(ratio, signed=True)}. Le KPI suit l'objectif : une seule cible.",
                f"KPI \"{name}\": target N {show(ctx, metric, target)}; objective {o.id} targets {show(ctx, metric, stated)} on the same "
                f"metric ({_METRIC_NAMES[metric]('en')}); gap {ctx.pct(ratio, signed=True)}. The KPI tracks the objective: one target."),
                (CellRef("kpis", i, "target"), o.cell("target")), kpi=name, objective=o.id, metric=metric, kpi_target=target,
                objective_target=stated, gap_pct=ratio))
    return out


_SPLIT = re.compile(r"\s*(?:[,;/&+]|\bet\b|\band\b)\s*", re.IGNORECASE)


def check_tactic_ids(ctx: Ctx) -> list[Finding]:
    """XTB-003: every tactic cites existing marketing objective ids."""
    marketing = {normal(o.row.get("id")): str(o.row.get("id")).strip() for o in ctx.objectives()
                 if o.table == "marketing_objectives" and o.row.get("id")}
    if not marketing:  # no marketing objective yet: the plan is incomplete, not incoherent
        return []
    strategic = {normal(o.row.get("id")) for o in ctx.objectives() if o.table == "strategic_objectives" and o.row.get("id")}
    existing = ", ".join(marketing.values())
    out = []
    for table in ("customer_tactics", "lead_tactics"):
        title = TABLES[table].title(ctx.lang)
        for i, row in ctx.rows(table):
            cited = str(row.get("objective_id") or "").strip()
            if not cited:
                if str(row.get("tactics") or "").strip():
                    out.append(finding("XTB-003", Severity.WARNING, ctx.t(
                        f"{title}, ligne {i + 1} : la tactique ne cite aucun objectif marketing (existants : {existing}).",
                        f"{title}, row {i + 1}: the tactic cites no marketing objective (existing: {existing})."),
                        (CellRef(table, i, "objective_id"),), table=table, cited=""))
                continue
            unknown = [part for part in _SPLIT.split(cited) if part and normal(part) not in marketing]
            if not unknown:
                continue
            wrong = ", ".join(unknown)
            strategic_too = all(normal(u) in strategic for u in unknown)
            out.append(finding("XTB-003", Severity.WARNING, ctx.t(
                f"{title}, ligne {i + 1} : la tactique cite « {wrong} », "
                + ("un objectif stratégique ; une tactique sert un objectif marketing" if strategic_too else "qui n'est pas un objectif marketing")
                + f" (existants : {existing}).",
                f"{title}, row {i + 1}: the tactic cites \"{wrong}\", "
                + ("a strategic objective; a tactic serves a marketing objective" if strategic_too else "which is not a marketing objective")
                + f" (existing: {existing})."),
                (CellRef(table, i, "objective_id"),), table=table, cited=cited, unknown=unknown))
    return out
