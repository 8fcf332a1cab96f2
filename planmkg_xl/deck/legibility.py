"""The smallest a generated block may be drawn and still be read, and what each block needs to get there.

Why one place: a corporate template with a tall title band leaves a small body, and fitting every
block into its share of it used to shrink tables to 5–7 pt with « … » in their cells and flatten charts
to one line of overlapping labels. The layout (``flow``) asks this module whether a block is readable
in a box and how tall a box it needs; below that it re-flows or continues on another slide instead.

The thresholds, all in points of the slide as saved (a slide is read at a table or on a screen the
size of the room, not blown up for the back row):

- ``TABLE_MIN`` / ``TEXT_MIN`` = 9 pt: one step under the 10–12 pt that print typography gives body
  text (Butterick, *Practical Typography*, 2013, « Point size »), the step consultants' decks take for
  dense tables and notes; for text read from the back of a room, Swinford's "8H" rule (*Fixing
  PowerPoint Annoyances*, O'Reilly, 2006) asks about 14 pt — so 9 pt is a floor, never a target: the
  fit still picks the largest size that fits (up to each block's ``max_size``).
- ``HEADER_MIN`` = 8 pt: column headers may go one step under the body before a header word is cut
  mid-word (« Opportunit/és »): a header is a caption, read once, like a footnote.
- ``NOTE_MIN`` = 8 pt: a footnote (a text of style « note »: a benchmark's source, how to read a
  chart) goes one step smaller than the content it annotates, as the source line under every data
  slide already does (footnotes are set smaller than body text in every typographic tradition).
- numbers are shown whole: a table whose number would be cut (« … ») or broken across lines is not
  readable, whatever its size.
- ``BAR_MIN`` = 8 pt: the thickness of one bar of a horizontal bar chart, so that the 10-pt data labels
  of neighbouring bars (Impress and PowerPoint centre them on their bar) do not overprint each other.
- ``PLOT_MIN`` = 90 pt: the plot height of a column, line or bridge chart (about 1.25 in: bars a tenth
  of the scale still show, labels above them do not collide with the title).
- a data label (``LABEL_SIZE`` text) no wider than the distance to its neighbour's (a category's width,
  or a bar's within a cluster): labels that collide cannot be read.
- ``DOUGHNUT_MIN`` = 140 pt: the ring's box.

Pure: no python-pptx; points throughout; text measured by ``fit`` in the template's font.
"""
from __future__ import annotations

import re

from . import fit
from .blocks import ChartBlock, TableBlock, TextBlock

TABLE_MIN = 9.0  # pt: table cells, header included
TEXT_MIN = 9.0  # pt: text boxes (messages, quadrants, panels)
NOTE_MIN = 8.0  # pt: footnotes (text blocks of style "note")
HEADER_MIN = 8.0  # pt: a table's column headers, when a header word would otherwise be cut mid-word
BAR_MIN = 8.0  # pt: one bar of a horizontal bar chart
PLOT_MIN = 90.0  # pt: plot height of a column, line or bridge chart
DOUGHNUT_MIN = 140.0  # pt: a doughnut's box, either side
LABEL_SIZE = 10.0  # pt: data labels (the renderer's size)
AXIS_SIZE = 11.0  # pt: category labels, legend (the renderer's size)
TITLE_SIZE = 14.0  # pt: a chart's title (the renderer's size)
CHART_PAD = 8.0  # pt: space LibreOffice / PowerPoint keep around a chart's title, legend and plot
GAPS = {"bar": (0.6, 0.45), "column": (0.6, 0.45)}  # gap width / bar (one series, several)


def table_sizes(block: TableBlock) -> tuple[float, float]:
    """(max, min) font sizes a table is fitted between: never below ``TABLE_MIN``."""
    return max(block.max_size, TABLE_MIN), max(block.min_size, TABLE_MIN)


def text_sizes(block: TextBlock) -> tuple[float, float]:
    """(max, min) font sizes a text box is fitted between: never below ``TEXT_MIN`` (``NOTE_MIN`` for a footnote)."""
    floor = NOTE_MIN if block.style == "note" else TEXT_MIN
    return max(block.max_size, floor), max(block.min_size, floor)


def number_widths(block: TableBlock, widths: list[float]) -> list[float]:
    """Column widths (points) in which every number of the table fits whole at ``TABLE_MIN``: a column too
    narrow takes the room it lacks from the columns of words (whose text wraps), never below their own
    longest word; then, from room no cell uses, the header's words. Unchanged when all fit already (a table
    that read keeps its look)."""
    n = len(widths)
    merged = {r for r, _, _ in block.merges}
    bold = set(block.strong_rows) | ({len(block.rows) - 1} if block.total else set())

    def word(texts, is_bold: bool) -> float:
        return max((fit.text_width(w, TABLE_MIN, is_bold) for t in texts for w in t.replace("\n", " ").split(" ") if w), default=0.0)

    def room(width: float) -> float:
        return width + 2 * fit.INSET_X + 0.05 if width else 0.0

    head = block.header if block.header_rows and block.header else [""] * n
    numbers = [room(max((fit.text_width(row[c], TABLE_MIN, i in bold) for i, row in enumerate(block.rows)
                         if c < len(row) and row[c] and fit.is_number(row[c])), default=0.0)) for c in range(n)]
    heads = [max(numbers[c], room(word([head[c]] if c < len(head) else [], True))) for c in range(n)]
    words = [word([row[c] for i, row in enumerate(block.rows) if i not in merged and c < len(row)], False) + 2 * fit.INSET_X
             for c in range(n)]
    lines = [max((fit.text_width(line, TABLE_MIN, i in bold) for i, row in enumerate(block.rows) if i not in merged and c < len(row)
                  for line in row[c].split("\n")), default=0.0) + 2 * fit.INSET_X for c in range(n)]
    out = _widen(list(widths), numbers, [max(numbers[c], words[c]) for c in range(n)])
    # the header's words only from room no cell uses: no row grows taller for them
    return _widen(out, heads, [max(heads[c], lines[c]) for c in range(n)])


def _widen(widths: list[float], need: list[float], floor: list[float]) -> list[float]:
    """Columns narrower than their ``need`` widened with the room the others have above their ``floor``."""
    short = [max(0.0, need[c] - w) for c, w in enumerate(widths)]
    deficit = sum(short)
    slack = [max(0.0, w - floor[c]) if not short[c] else 0.0 for c, w in enumerate(widths)]
    room = sum(slack)
    if deficit <= 0 or room <= 0:
        return widths
    give = min(1.0, room / deficit)
    take = deficit * give / room
    return [w + short[c] * give - slack[c] * take for c, w in enumerate(widths)]


def table_floor(cells: list[list[str]], widths: list[float], block: TableBlock, bold_rows,
                row_widths: list[list[float]] | None = None) -> float:
    """The least size a table may take at ``widths`` (the whole body width): ``TABLE_MIN``, unless one of
    its numbers is wider than its column even there — no re-flow can widen a column past the slide, so
    the table goes smaller rather than cut a number (``fit.NUMBER_FLOOR``)."""
    body = cells[block.header_rows:]
    rows = [row_widths[i + block.header_rows] if row_widths else widths for i in range(len(body))]
    return fit.number_min(body, rows, table_sizes(block)[1], 0.5, {i - block.header_rows for i in bold_rows})


def table_fits(cells: list[list[str]], widths: list[float], height: float, block: TableBlock, bold_rows,
               row_widths: list[list[float]] | None = None, floor: float = TABLE_MIN) -> bool:
    """True when the table fits ``height`` at ``floor`` (``TABLE_MIN`` unless the slide is too narrow for its
    numbers, ``table_floor``) or more, every cell whole (no « … », no row dropped)."""
    hi, lo = table_sizes(block)
    tf = fit.fit_table(cells, widths, height, hi, min(lo, floor), bold_rows, header_rows=block.header_rows, row_widths=row_widths,
                       header_min=HEADER_MIN)
    return not tf.truncated and tf.size >= floor and (tf.header_size or tf.size) >= min(floor, HEADER_MIN)


def text_fits(paras: list[fit.P], width: float, height: float, block: TextBlock) -> bool:
    """True when the text fits a box of inner ``width`` × ``height`` at ``TEXT_MIN`` or more, uncut."""
    hi, lo = text_sizes(block)
    return not fit.fit_text(paras, width, height, hi, lo).truncated


_QUOTED = re.compile(r'"([^"]*)"')


def label_text(fmt: str, value: float) -> str:
    """About what a data label shows for ``value`` under the Excel format ``fmt`` (for its width only)."""
    code = re.sub(r"\[[^\]]*\]", "", fmt)
    literal = "".join(_QUOTED.findall(code))
    bare = _QUOTED.sub("", code)
    if "%" in bare:
        value *= 100
    digits = re.search(r"[#0](?:[#0,]*[#0])?(\.0+)?(,*)", bare)
    decimals = len(digits.group(1)) - 1 if digits and digits.group(1) else 0
    value /= 1000 ** (len(digits.group(2)) if digits else 0)
    return f"{value:,.{decimals}f}".replace(",", " ") + literal + ("%" if "%" in bare else "")


def _lines(texts: list[str], width: float, size: float, bold: bool = False, extra: float = 0.0) -> int:
    """Lines that side-by-side items (legend entries) take in ``width``."""
    lines, used = 1, 0.0
    for t in texts:
        w = fit.text_width(t, size, bold) + extra
        if used and used + w > width:
            lines, used = lines + 1, 0.0
        used += w
    return lines


def chart_need(block: ChartBlock, width: float) -> tuple[float, float]:
    """(least width, least height) in points at which the chart reads: bars and plot not below their
    minimum, labels not wider than their column (title and legend wrapped at ``width``)."""
    inner = max(width - 2 * CHART_PAD, 1.0)
    title = len(fit.wrap(block.title, inner, TITLE_SIZE, True)) * TITLE_SIZE * fit.LINE + CHART_PAD if block.title else 0.0
    legend = block.legend if block.legend is not None else len(block.series) > 1
    names = [s.name for s in block.series if s.name]
    legend_h = _lines(names, inner, AXIS_SIZE, extra=3 * AXIS_SIZE) * AXIS_SIZE * fit.LINE + CHART_PAD if legend and names else 0.0
    head = title + legend_h + CHART_PAD
    n = max(len(block.categories), 1)
    shown = block.series[1:] if block.chart_type == "waterfall" else block.series  # a bridge's base series is invisible
    label = max((fit.text_width(label_text(s.number_format or block.number_format, v), LABEL_SIZE, True)
                 for s in shown for v in s.values if isinstance(v, (int, float))), default=0.0) if block.labels else 0.0
    if block.chart_type == "doughnut":
        return DOUGHNUT_MIN, DOUGHNUT_MIN + head
    if block.chart_type == "bar":
        k = len(block.series)
        gap = GAPS["bar"][k > 1]
        cat = max((fit.text_width(w, AXIS_SIZE) for c in block.categories for w in c.split()), default=0.0)
        return cat + label + 8 * BAR_MIN + 2 * CHART_PAD, head + n * (k + gap) * BAR_MIN
    k = len(block.series)
    # neighbouring labels must not collide: one per category (a line, a bridge, one series), else one per bar
    band = label * (k + GAPS["column"][1]) if block.chart_type == "column" and k > 1 else label
    axis = 2 * AXIS_SIZE * fit.LINE  # category labels, on two lines or turned
    return n * max(band, BAR_MIN) + 2 * CHART_PAD, head + PLOT_MIN + axis


def chart_fits(block: ChartBlock, width: float, height: float) -> bool:
    w, h = chart_need(block, width)
    return width >= w - 0.01 and height >= h - 0.01
