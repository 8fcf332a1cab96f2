"""Last year's calendar: the share of a KPI's year expected by month m, one rule for the KPI sheet and Python.

The seed follows its KPIs every month once the plan is approved (seed slide 53, "le
suivi de ces indicateurs est mensuel en général"). A B2B year is rarely flat (summer
and December troughs), so the expected pace of a cumulative KPI follows last year's
monthly profile of the same metric when the tabs hold it, else the calendar (m / 12).

The KPI sheet's "Attendu à date" column, ``planmkg review`` and the PAC checks all
quote this one expected value: ``ExpectedToDate`` compiles to the workbook's formula
and evaluates to the same number in Python (``core.pacing`` calls the same functions
for a review month other than a KPI's last one), and the LibreOffice oracle test
recalculates the workbook to prove it.

The rules, chosen so that an Excel formula without helper cells can apply them:

- the month "to date" of a KPI is its last month with an actual (0: nothing to pace);
- a Web row counts for month k when its label names month k: after Excel's TRIM and
  LOWER, "é"→"e", "û"→"u", "juin"→"jun", "juil"→"jul" and without dots, its first
  three letters are one of ``MONTH_WORDS`` (Janvier, janv., Jan, Fév, févr., August,
  Sept., 9…). Labels decide, not row order, so blank rows and a shuffled tab change nothing;
- a Web column has a profile when each of the 12 months has exactly one row naming it
  that holds a number ≥ 0 (``web_monthly``); web visits, unique visitors and web leads use
  their own column (and a year of zeros has no profile);
- inbound and qualified leads use the leads of N-1 the tabs can date — web leads by
  month, emailing leads by send date, event leads by event date — and spread the rest
  of the Lead generation tab's N-1 total evenly over the twelve months; no profile
  when the web leads have none, the total is 0 or the dated leads exceed it;
- the share at month m is the profile's months 1..m over its year, linear (m / 12)
  when the profile is missing or nothing happened by month m.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Sequence

from .metrics import Compiled, Expr, is_number

# Metric -> the Web tab column whose 12 months of N-1 are its profile.
WEB_PROFILES = {"web_visits": "visits", "web_unique_visitors": "unique_visitors", "web_leads": "web_leads"}
# Metrics paced on the dated leads of N-1 (web + emailing + events, the rest spread evenly).
LEAD_METRICS = ("leads", "qualified_leads")

# The first three letters of a month's label (FR and EN words, the month's number) -> the month.
MONTH_WORDS = (
    ("jan", 1), ("fev", 2), ("feb", 2), ("mar", 3), ("avr", 4), ("apr", 4), ("mai", 5), ("may", 5), ("jun", 6), ("jul", 7),
    ("aou", 8), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
) + tuple((str(m), m) for m in range(1, 13))
_SUBSTITUTIONS = (("é", "e"), ("û", "u"), ("juin", "jun"), ("juil", "jul"), (".", ""))
_MONTH_OF = dict(MONTH_WORDS)
_ALL_ONCE = (13 ** 12 - 1) // 12  # Σ 13^(k-1), k = 1..12: each month exactly once (no digit can carry with 12 rows)


def month_key(label: object) -> str:
    """What Excel's ``LEFT(SUBSTITUTE(…(LOWER(TRIM(label)))…),3)`` gives for a cell's value."""
    if label is None:
        text = ""
    elif isinstance(label, bool):
        text = "TRUE" if label else "FALSE"
    elif isinstance(label, float) and label.is_integer():
        text = str(int(label))
    else:
        text = str(label)
    text = " ".join(part for part in text.split(" ") if part).lower()  # TRIM: outer spaces, runs of spaces
    for old, new in _SUBSTITUTIONS:
        text = text.replace(old, new)
    return text[:3]


def label_month(label: object) -> int | None:
    """The month a Web row's label names (see the module's rules), None when it names none."""
    if isinstance(label, (dt.date, dt.datetime)):
        return None  # a date cell is a number in Excel: its text is a serial, not a month name
    return _MONTH_OF.get(month_key(label))


def web_monthly(labels: Sequence[object], values: Sequence[object]) -> tuple[float, ...] | None:
    """A Web column's 12 months, when each month has exactly one row naming it with a number ≥ 0 (rows without
    one — blank, or negative, which the readers refuse anyway — do not count)."""
    months: dict[int, list[float]] = {}
    for label, value in zip(labels, values):
        m = label_month(label)
        if m is not None and is_number(value) and value >= 0:
            months.setdefault(m, []).append(float(value))
    if len(months) != 12 or any(len(v) != 1 for v in months.values()):
        return None
    return tuple(months[m][0] for m in range(1, 13))


def lead_monthly(web_labels: Sequence[object], web_leads: Sequence[object], dated: Sequence[tuple[Sequence[object], Sequence[object]]],
                 total: object) -> tuple[float, ...] | None:
    """The N-1 leads by month: web leads, plus each (dates, leads) column pair dated by month, plus the rest
    of ``total`` (the Lead generation tab's N-1 leads) spread evenly. None when not every lead fits."""
    web = web_monthly(web_labels, web_leads)
    if web is None or not is_number(total) or total == 0:
        return None
    months = list(web)
    for dates, leads in dated:
        for when, value in zip(dates, leads):
            if isinstance(when, dt.date) and is_number(value) and value > 0:
                months[when.month - 1] += value
    rest = total - sum(months)
    if rest < 0:
        return None
    return tuple(v + rest / 12 for v in months)


def share(profile: Sequence[float] | None, month: int) -> float | None:
    """The profile's share of the year done by the end of ``month``; None (linear) when nothing happened by then.

    Written ``1 / (year / to_date)`` as the workbook's formula is (a 0 to date is then an error it turns into linear).
    """
    if profile is None or not 1 <= month <= 12:
        return None
    to_date, year = sum(profile[:month]), sum(profile)
    return 1 / (year / to_date) if to_date > 0 and year > 0 else None


@dataclass(frozen=True)
class ExpectedToDate(Expr):
    """A KPI row's expected value at its last reported month: the target (average KPI), else target × share of the year.

    Blank when the target is not a number or no month is reported (nothing to pace), as ``core.pacing`` says.
    """

    target: str
    months: tuple[str, ...]
    metric: str
    aggregation: str

    def compile(self, r) -> Compiled:
        span = f"{r.cell(self.months[0])}:{r.cell(self.months[-1])}"
        m = f"SUMPRODUCT(MAX(ISNUMBER({span})*{{{','.join(str(i) for i in range(1, len(self.months) + 1))}}}))"
        lin = f"{m}/12"
        words = "{" + ",".join(f'"{w}"' for w, _ in MONTH_WORDS) + "}"
        nums = "{" + ",".join(str(n) for _, n in MONTH_WORDS) + "}"
        key = f"LOWER(TRIM({r.column('web.month')}))"
        for old, new in _SUBSTITUTIONS:
            key = f'SUBSTITUTE({key},"{old}","{new}")'
        named = f"(LEFT({key},3)={words})"  # rows × words: TRUE where a row's label is that word

        def through(col: str, month: str | None) -> str:  # Σ of a Web column over the rows of months 1..month
            upto = f"*({nums}<={month})" if month else ""
            return f"SUMPRODUCT({named}{upto}*({col}>=0)*{col})"

        def once(col: str) -> str:  # each month has exactly one row naming it with a number (≥ 0)
            return f"SUMPRODUCT({named}*ISNUMBER({col})*({col}>=0)*13^({nums}-1))={_ALL_ONCE}"

        label = lambda key: str(r.value(f"label:{self.metric}:{key}")).replace('"', '""')  # noqa: E731
        metric = r.cell(self.metric)
        web_labels = ",".join(f'"{label(k)}"' for k in WEB_PROFILES)
        col = f"CHOOSE(MATCH({metric},{{{web_labels}}},0),{','.join(r.column(f'web.{c}') for c in WEB_PROFILES.values())})"
        web_share = f"IF({once(col)},IFERROR(1/({through(col, None)}/{through(col, m)}),{lin}),{lin})"

        wl, total = r.column("web.web_leads"), r.cell("total:leadgen.leads")

        def dated(table: str, month: str | None) -> str:  # the table's leads > 0 whose date falls in months 1..month
            d, n = r.column(f"{table}.date"), r.column(f"{table}.leads")
            upto = f"*(MONTH({d})<={month})" if month else ""
            return f"SUMPRODUCT(ISNUMBER({d}){upto}*({n}>0)*{n})"

        def leads(month: str | None) -> str:
            return f"({through(wl, month)}+{dated('emailing', month)}+{dated('events', month)})"

        rest = f"({total}-{leads(None)})"
        lead_share = (f"IF(NOT({once(wl)}),{lin},IF(NOT(ISNUMBER({total})),{lin},IF({total}=0,{lin},IF({rest}<0,{lin},"
                      f"IFERROR(1/({total}/({leads(m)}+{rest}*{m}/12)),{lin})))))")
        lead_test = "OR(" + ",".join(f'{metric}="{label(k)}"' for k in LEAD_METRICS) + ")"
        seasonal = f"IF(ISNUMBER(MATCH({metric},{{{web_labels}}},0)),{web_share},IF({lead_test},{lead_share},{lin}))"
        target = r.cell(self.target)
        average = str(r.value(f"label:{self.aggregation}:average")).replace('"', '""')
        body = (f'IF(NOT(ISNUMBER({target})),"",IF({m}=0,"",IF({r.cell(self.aggregation)}="{average}",{target},'
                f"{target}*{seasonal})))")
        return Compiled((), body)

    def evaluate(self, r) -> float | None:
        target = r.value(self.target)
        month = last_month([r.value(k) for k in self.months])
        if not is_number(target) or month == 0:
            return None
        if r.value(self.aggregation) == r.value(f"label:{self.aggregation}:average"):
            return target
        chosen = next((k for k in (*WEB_PROFILES, *LEAD_METRICS) if r.value(self.metric) == r.value(f"label:{self.metric}:{k}")), None)
        part = share(profile_of(chosen, r.values, r.value("total:leadgen.leads")), month)
        value = target * (part if part is not None else month / 12)
        return value if is_number(value) else None

    def refs(self) -> set[str]:
        return {self.target, self.metric, self.aggregation, *self.months}


def last_month(values: Sequence[object]) -> int:
    """The last month (1–12) holding a number, 0 when none."""
    return max((i + 1 for i, v in enumerate(values) if is_number(v)), default=0)


def profile_of(metric: str | None, values: Callable[[str], Sequence[object]], total_leads: object) -> tuple[float, ...] | None:
    """The 12-month N-1 profile of ``metric``: ``values("table.column")`` gives a column over a table's rows,
    ``total_leads`` is the Lead generation tab's N-1 total."""
    if metric in WEB_PROFILES:
        profile = web_monthly(values("web.month"), values(f"web.{WEB_PROFILES[metric]}"))
        return profile if profile is not None and sum(profile) > 0 else None
    if metric in LEAD_METRICS:
        return lead_monthly(values("web.month"), values("web.web_leads"),
                            [(values(f"{t}.date"), values(f"{t}.leads")) for t in ("emailing", "events")], total_leads)
    return None
