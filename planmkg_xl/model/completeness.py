"""What a plan must state before its coherence means anything, and what it may leave out.

Seed slides 17–19 and 49–51 build the plan from the sales figures N-1 and their
targets (Commercial), the lead sources (Lead generation), the objectives and the
budget lines: without them the checks have nothing to compare and "no incoherence"
would be an empty promise. The other KPI tabs (channels, web, emailing, events,
other key metrics) and the KPI plan are optional: left empty they are "not filled",
never zeros.

Each required entry is (table, inputs): every listed input must be typed in at least
one row of the table. Required scalars must be typed.
"""
from __future__ import annotations

REQUIRED_TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("commercial", ("opportunities", "deals", "revenue", "target_revenue")),
    ("leadgen", ("leads", "qualified_leads", "spend", "target_leads", "target_qualified_leads", "budget")),
    ("strategic_objectives", ("statement", "metric", "target")),
    ("marketing_objectives", ("statement", "metric", "target")),
    ("budget", ("block", "budget")),
)
REQUIRED_SCALARS: tuple[str, ...] = ("plan_year",)
OPTIONAL_TABLES: tuple[str, ...] = ("channels", "web", "emailing", "events", "key_metrics", "kpis")
