"""What a slide holds, independent of PowerPoint: tables, charts and texts with stable names.

Why a separate, pure description: the same specs drive the first build, the
update-in-place of an edited deck and the tests (which compare them with the
computed plan without opening a .pptx). Every generated shape carries its ``name``
in PowerPoint (``pmk:<type>:<key>``, see docs/deck.md) — that name is how an update
finds it again and how a user places it in a layout of their own.

Geometry is logical: ``box`` = (left, top, width, height) as fractions of the slide's
body area (below the title, above the footer), so a corporate template with other
margins still gets a sensible layout.
"""
from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[float, float, float, float]
FULL: Box = (0.0, 0.0, 1.0, 1.0)
LEFT: Box = (0.0, 0.0, 0.485, 1.0)
RIGHT: Box = (0.515, 0.0, 0.485, 1.0)


def shape_name(kind: str, key: str) -> str:
    """The stable name of a generated shape: ``pmk:table:leadgen``."""
    return f"pmk:{kind}:{key}"


@dataclass
class TableBlock:
    """A native table: header + rows of already-formatted strings.

    ``widths`` are relative column widths; ``align`` one of l/c/r per column;
    ``total`` marks the last row as a total row; ``highlight`` lists (row, col) of
    data cells to emphasise (row 0 = first data row).
    """

    key: str
    header: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None
    align: list[str] | None = None
    total: bool = False
    highlight: list[tuple[int, int]] = field(default_factory=list)
    box: Box = FULL
    max_size: float = 12.0
    min_size: float = 7.0
    header_rows: int = 1  # 0 for a matrix without a header band
    highlight_style: str = "accent"  # accent (chosen cell), strong (subtotal rows), alert (behind target, errors)
    stretch: float = 1.3  # rows may grow up to this factor to fill the box (airier tables, no gap)
    first_line_bold: bool = False  # a cell's first line is its heading (Ansoff quadrants)
    merges: list[tuple[int, int, int]] = field(default_factory=list)  # (data row, first col, last col) drawn as one cell
    strong_rows: list[int] = field(default_factory=list)  # data rows drawn as subtotals (budget blocks)

    @property
    def name(self) -> str:
        return shape_name("table", self.key)

    def cells(self) -> list[list[str]]:
        return ([self.header] if self.header_rows else []) + self.rows


@dataclass
class Series:
    name: str
    values: list[float | None]
    number_format: str = ""  # this series' data labels, when not the chart's (a waterfall's signed steps)


@dataclass
class ChartBlock:
    """A native chart. ``chart_type``: bar (horizontal), column, line, doughnut, waterfall
    (a stacked column whose first series is the invisible base of the floating steps).

    ``number_format`` is an Excel format code for data labels and the value axis
    (PowerPoint applies the viewer's separators to it).
    """

    key: str
    chart_type: str
    title: str
    categories: list[str]
    series: list[Series]
    number_format: str = "#,##0"
    box: Box = FULL
    labels: bool = True
    legend: bool | None = None  # None: shown when more than one series
    highlight: list[int] = field(default_factory=list)  # categories the title talks about, drawn in the accent colour
    axis_min: float | None = None  # value axis start when not zero (a bridge's floor)
    axis_max: float | None = None  # value axis end, shared by the parts of a chart continued on several slides (one scale)

    @property
    def name(self) -> str:
        return shape_name("chart", self.key)


@dataclass
class Para:
    text: str
    level: int = 0
    bold: bool = False


@dataclass
class TextBlock:
    """A text box: paragraphs (bullets when ``bullets``), styled by ``style``.

    Styles: body, heading (a coloured band: SWOT quadrant titles), callout (a key
    message on a tinted fill), note (small grey footnote), empty (the one line shown
    for a section the user left empty).
    """

    key: str
    paragraphs: list[Para]
    box: Box = FULL
    style: str = "body"
    bullets: bool = False
    max_size: float = 16.0
    min_size: float = 8.0
    kind: str = "text"  # "empty" for the placeholder line of an unfilled section
    group: str = ""  # boxes of one group share one font size (SWOT quadrants, agenda columns)

    @property
    def name(self) -> str:
        return shape_name(self.kind, self.key)


Block = TableBlock | ChartBlock | TextBlock


@dataclass
class SlideSpec:
    """One slide: its stable ``key`` (shapes' names derive from it), title and content.

    ``kind``: title, situation, executive, findings. ``section`` is the small band
    above the title (the slide's topic: "Executive Summary · 4/10 · Stratégie clients");
    the title itself states the slide's conclusion. ``source`` is the line under a data
    slide naming where its numbers come from (« Source : onglet Lead generation, 2025 »).
    """

    key: str
    kind: str
    title: str
    section: str = ""
    subtitle: str = ""
    blocks: list[Block] = field(default_factory=list)
    notes: str = ""
    source: str = ""

    def block(self, name: str) -> Block:
        for b in self.blocks:
            if b.name == name or b.key == name:
                return b
        raise KeyError(name)
