"""Monthly pacing of the KPIs (seed slide 53: KPIs are tracked every month once the plan is approved).

- PAC-001 (warning): a KPI behind its expected pace at its last reported month by more
  than ``pacing_band`` (Paramètres); the message gives the year-end forecast. Silent on
  pace, ahead, or with no actual typed. The pace is seasonal when the tabs hold last
  year's monthly profile (see ``core.pacing``), else linear.
- PAC-002 (warning): a cumulative KPI whose monthly actuals skip a month before its last reported
  one: the actual to date is understated, and the pace with it.
"""
from __future__ import annotations

from ..core import pacing
from ..model.findings import CellRef, Finding, Severity
from ..model.plan_tabs import MONTH_KEYS
from ._common import Ctx, finding

MONTHS = {"fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")}


def kpi_value(ctx: Ctx, unit: str, value: float) -> str:
    """A KPI figure in its row's unit (``Pace.unit``)."""
    return {"percent": ctx.pct, "money": ctx.money, "count": ctx.count}.get(unit, ctx.number)(value)


def month_name(lang: str, month: int) -> str:
    return MONTHS[lang][month - 1]


def check_behind(ctx: Ctx) -> list[Finding]:
    """PAC-001: behind pace by more than the band; the year-end forecast says where it leads."""
    out = []
    band = pacing.pacing_band(ctx.computed.scalars)
    for p in pacing.kpi_paces(ctx.computed, band=band):
        if p.status != pacing.BEHIND:
            continue
        v = lambda x: kpi_value(ctx, p.unit, x)  # noqa: E731
        month = month_name(ctx.lang, p.month)
        pace_fr = "rythme saisonnier de N-1" if p.profile == pacing.SEASONAL else "rythme linéaire"
        pace_en = "last year's seasonal pace" if p.profile == pacing.SEASONAL else "linear pace"
        if p.aggregation == "average":
            said = ctx.t(f"moyenne {v(p.actual)} à fin {month} pour une cible de {v(p.target)} (écart {ctx.pct(p.gap, signed=True)}, "
                         f"au-delà des {ctx.pct(band, 0)} acceptés)",
                         f"average {v(p.actual)} at the end of {month} against a target of {v(p.target)} (gap {ctx.pct(p.gap, signed=True)}, "
                         f"beyond the {ctx.pct(band, 0)} accepted)")
            fcst = ctx.t(f"Si la tendance se maintient, l'année finira vers {v(p.forecast)}.",
                         f"If the trend holds, the year will end near {v(p.forecast)}.")
        else:
            said = ctx.t(f"{v(p.actual)} à fin {month} pour {v(p.expected)} attendus au {pace_fr} (écart {ctx.pct(p.gap, signed=True)}, "
                         f"au-delà des {ctx.pct(band, 0)} acceptés)",
                         f"{v(p.actual)} at the end of {month} against {v(p.expected)} expected at {pace_en} (gap {ctx.pct(p.gap, signed=True)}, "
                         f"beyond the {ctx.pct(band, 0)} accepted)")
            fcst = ctx.t(f"À ce rythme, fin d'année ≈ {v(p.forecast)} pour une cible de {v(p.target)} "
                         f"({ctx.pct(p.forecast_gap, signed=True)}).",
                         f"At this pace, year end ≈ {v(p.forecast)} against a target of {v(p.target)} "
                         f"({ctx.pct(p.forecast_gap, signed=True)}).")
        name = p.kpi or ctx.t(f"ligne {p.index + 1}", f"row {p.index + 1}")
        out.append(finding("PAC-001", Severity.WARNING, ctx.t(
            f"KPI « {name} » en retard : {said}. {fcst} Revoyez les actions du mois ou la cible.",
            f"KPI \"{name}\" behind: {said}. {fcst} Review this month's actions or the target."),
            (CellRef("kpis", p.index, MONTH_KEYS[p.month - 1]), CellRef("kpis", p.index, "target")),
            kpi=name, month=p.month, actual=p.actual, expected=p.expected, gap=p.gap, forecast=p.forecast,
            target=p.target, profile=p.profile, band=band))
    return out


def check_gaps(ctx: Ctx) -> list[Finding]:
    """PAC-002: a month left empty before the last month reported."""
    out = []
    for p in pacing.kpi_paces(ctx.computed):
        if not p.missing or p.aggregation == "average":  # an average of the months reported stays right
            continue
        months = ", ".join(month_name(ctx.lang, m) for m in p.missing)
        name = p.kpi or ctx.t(f"ligne {p.index + 1}", f"row {p.index + 1}")
        out.append(finding("PAC-002", Severity.WARNING, ctx.t(
            f"KPI « {name} » : pas de réalisé pour {months} alors que {month_name(ctx.lang, p.month)} est saisi. "
            f"Le cumul à date et l'avancement sont faussés : saisissez ces mois (0 s'il n'y a rien eu).",
            f"KPI \"{name}\": no actual for {months} although {month_name(ctx.lang, p.month)} is filled in. "
            f"The actual to date and the pacing are wrong: fill these months in (0 if nothing happened)."),
            tuple(CellRef("kpis", p.index, MONTH_KEYS[m - 1]) for m in p.missing), kpi=name, missing=list(p.missing)))
    return out
