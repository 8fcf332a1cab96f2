"""Monthly pacing of the KPIs: where each KPI should stand at month m, where it will end the year.

The seed tracks its KPIs every month once the plan is approved ("Le suivi de ces
indicateurs est mensuel en général", seed slide 53 — plan de mesures). A cumulative
KPI (leads, visits, new customers) is compared with the share of its year-N target
that should be done by the end of month m:

- linear: ``target × m / 12``;
- seasonal, when the tabs hold last year's monthly profile of the same metric:
  ``target × (N-1 months 1..m) / (N-1 year)`` — the Web tab's months for web visits,
  unique visitors and web leads; the dated web, emailing and event leads (the rest of
  the Lead generation tab's N-1 leads spread evenly) for inbound and qualified leads.
  A B2B year is rarely flat (summer and December troughs), so a linear pace calls a
  KPI late every August; last year's profile is the plan's own best guess of the
  calendar. The rules live in ``model.season``, which also writes the KPI sheet's
  "Attendu à date" formula: at a KPI's last reported month, the expected value here
  is the workbook's.

An average KPI (a rate, a cost) has no pace: its expected value is the target itself,
and its year-end forecast is the average of the months reported.

Year-end forecast of a cumulative KPI: the actual to date ÷ the share of the year
expected by month m (``× 12 / m`` when linear) — "if the rest of the year goes like
the part already done".

Status, with the band ``pacing_band`` of Paramètres (default 10 %): "behind" when the
actual is below the expected pace by more than the band (above, for a KPI whose
direction is "down"), "ahead" when beyond it the other way, else "on_track".

Pure: reads a ``Computed`` plan; no I/O, no wording (the checks, the command line and
the review deck word the figures in the plan's language).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import season
from ..model.metrics import is_number
from ..model.plan_tabs import MONTH_KEYS
from ..model.schema import TABLES
from ..model.units import row_unit
from .compute import Computed

DEFAULT_PACING_BAND = 0.10

AHEAD, ON_TRACK, BEHIND, NO_ACTUALS, NO_TARGET = "ahead", "on_track", "behind", "no_actuals", "no_target"
LINEAR, SEASONAL = "linear", "seasonal"

_RATE_METRICS = frozenset({"win_ratio", "lead_to_opportunity", "email_ctr", "market_penetration", "profitability"})
_MONEY_METRICS = frozenset({"revenue", "cost_per_qualified_lead", "marketing_budget"})
_COUNT_METRICS = frozenset({"new_customers", "customers", "deals", "opportunities", "leads", "qualified_leads", "web_visits",
                            "web_unique_visitors", "web_leads", "partners"})


def metric_unit(metric: str | None, sample: float | None = None) -> str:
    """How a KPI's figures read when its row names no unit ("percent", "money", "count" or "number"): its source
    metric says; a free metric ("other") below 1 is a share (a rate typed as 0.022)."""
    if metric in _RATE_METRICS:
        return "percent"
    if metric in _MONEY_METRICS:
        return "money"
    if metric in _COUNT_METRICS:
        return "count"
    if metric in (None, "other") and sample is not None and 0 < abs(sample) < 1:
        return "percent"
    return "number"


@dataclass(frozen=True)
class Pace:
    """One KPI at month ``month``: actual, expected pace, year-end forecast and status.

    ``gap`` is signed so that negative means late whatever the KPI's direction
    (actual ÷ expected − 1, inverted for a "down" KPI). ``missing`` lists the months
    1..m with no actual typed (the actual to date is then understated): the months
    skipped, and those after the last one reported when the review asks for a later month.
    """

    index: int  # 0-based row of the KPI table
    kpi: str
    metric: str | None
    direction: str
    aggregation: str
    month: int
    target: float | None
    actual: float | None
    expected: float | None
    forecast: float | None
    gap: float | None
    status: str
    profile: str
    missing: tuple[int, ...] = ()
    unit: str = "number"  # how its figures read: "percent", "money", "count" or another unit of the KPI sheet

    @property
    def forecast_gap(self) -> float | None:
        """Year-end forecast ÷ target − 1 (same sign convention as ``gap``)."""
        if self.forecast is None or not self.target:
            return None
        return _signed_ratio(self.forecast, self.target, self.direction)


@dataclass(frozen=True)
class Review:
    """The monthly review at ``month``: every KPI's pace, and the spend KPIs (budget spent vs plan)."""

    month: int
    paces: tuple[Pace, ...]

    @property
    def spend(self) -> tuple[Pace, ...]:
        """KPIs that track marketing spend month by month (source metric "marketing_budget", cumulative)."""
        return tuple(p for p in self.paces if p.metric == "marketing_budget" and p.aggregation == "cumulative")

    def count(self, status: str) -> int:
        return sum(1 for p in self.paces if p.status == status)


def review(computed: Computed, month: int | None = None) -> Review:
    """Every KPI paced at ``month`` (default: the latest month any KPI reports)."""
    month = month or reached_month(computed) or 1
    return Review(month, tuple(kpi_paces(computed, month)))


def pacing_band(scalars: Mapping[str, object]) -> float:
    """The band of Paramètres (``pacing_band``), default 10 %."""
    value = scalars.get("pacing_band")
    return float(value) if is_number(value) and 0 <= value < 1 else DEFAULT_PACING_BAND


def month_values(row: Mapping[str, object]) -> list[float | None]:
    """A KPI row's 12 monthly actuals (None where nothing is typed)."""
    return [row.get(k) if is_number(row.get(k)) else None for k in MONTH_KEYS]


def last_reported(row: Mapping[str, object]) -> int:
    """The last month (1–12) with an actual, 0 when none: the month "to date" of the KPI sheet's columns."""
    return season.last_month(month_values(row))


def reached_month(computed: Computed) -> int:
    """The latest month any KPI has an actual for (0 when no actual is typed yet)."""
    return max((last_reported(r) for r in computed.rows.get("kpis", [])), default=0)


def month_of(text: str, plan_year: object) -> int:
    """``"2026-09"`` -> 9, checked against the plan year when it is set. Raises ValueError with a reason."""
    try:
        when = dt.datetime.strptime(text.strip(), "%Y-%m")
    except ValueError:
        raise ValueError("format") from None
    if is_number(plan_year) and int(plan_year) != when.year:
        raise ValueError("year")
    return when.month


def seasonal_profiles(computed: Computed) -> dict[str, tuple[float, ...]]:
    """Metric -> its 12 N-1 monthly values, for the metrics whose profile the tabs hold (``model.season``)."""
    def column(key: str) -> list[object]:
        table, field = key.split(".", 1)
        return [r.get(field) for r in computed.rows.get(table, [])]

    out = {}
    for metric in (*season.WEB_PROFILES, *season.LEAD_METRICS):
        profile = season.profile_of(metric, column, computed.total("leadgen", "leads"))
        if profile is not None:
            out[metric] = profile
    return out


def kpi_paces(computed: Computed, month: int | None = None, band: float | None = None) -> list[Pace]:
    """Every KPI row with a name or a number, paced at ``month`` (default: each KPI's last reported month)."""
    band = pacing_band(computed.scalars) if band is None else band
    profiles = seasonal_profiles(computed)
    out = []
    for i, row in enumerate(computed.rows.get("kpis", [])):
        if not row.get("kpi") and not any(is_number(row.get(k)) for k in ("target", *MONTH_KEYS)):
            continue
        out.append(pace(i, row, month or last_reported(row), band, profiles))
    return out


def pace(index: int, row: Mapping[str, object], month: int, band: float,
         profiles: Mapping[str, Sequence[float]]) -> Pace:
    """One KPI row at ``month`` (1–12)."""
    metric = row.get("metric") if isinstance(row.get("metric"), str) else None
    direction = "down" if row.get("direction") == "down" else "up"
    aggregation = "average" if row.get("aggregation") == "average" else "cumulative"
    target = row.get("target") if is_number(row.get("target")) else None
    values = month_values(row)[:month] if month else []
    reported = [v for v in values if v is not None]
    missing = tuple(i + 1 for i, v in enumerate(values) if v is None) if reported else ()
    unit = row_unit(TABLES["kpis"], row) or metric_unit(metric, target)
    base = dict(index=index, kpi=str(row.get("kpi") or ""), metric=metric, direction=direction, aggregation=aggregation,
                month=month, target=target, missing=missing, unit=unit)
    if not reported:
        return Pace(**base, actual=None, expected=None, forecast=None, gap=None, status=NO_ACTUALS, profile=LINEAR)
    if aggregation == "average":
        actual = sum(reported) / len(reported)
        expected, forecast, profile = target, actual, LINEAR
    else:
        actual = float(sum(reported))
        share, profile = month / 12, LINEAR
        seasonal = season.share(profiles.get(metric) if metric else None, month)
        if seasonal is not None:
            share, profile = seasonal, SEASONAL
        expected = target * share if target is not None else None
        forecast = actual / share
    if target is None:
        return Pace(**base, actual=actual, expected=None, forecast=forecast, gap=None, status=NO_TARGET, profile=profile)
    gap = _signed_ratio(actual, expected, direction) if expected else None
    status = ON_TRACK if gap is None else BEHIND if gap < -band - 1e-12 else AHEAD if gap > band + 1e-12 else ON_TRACK
    return Pace(**base, actual=actual, expected=expected, forecast=forecast, gap=gap, status=status, profile=profile)


def _signed_ratio(actual: float, expected: float, direction: str) -> float | None:
    """actual ÷ expected − 1, inverted for a "down" KPI (negative = late)."""
    if direction == "down":
        return expected / actual - 1 if actual else None
    return actual / expected - 1 if expected else None
