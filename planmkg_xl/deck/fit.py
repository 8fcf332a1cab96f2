"""Text fitting computed by us, because PowerPoint only autofits when a person edits a box.

Why measure: a generated deck opens with whatever size we wrote; if a long statement
overflows, nobody sees it until the committee does. We measure with the advance widths
of the template's font or its metric-compatible twin (``fonts``: Carlito for Calibri,
Liberation Sans for Arial…), so the widths are those PowerPoint and LibreOffice lay out,
wrap greedily like they do, then pick the largest font size that fits the box — and, at
the minimum size, cut with an ellipsis. A number is never cut in two: a table shrinks
further (down to ``NUMBER_FLOOR``) instead.

Pure: no python-pptx. Units are points. The font being measured is a context
(``measuring``) set by the renderer for the template at hand.
"""
from __future__ import annotations

import contextlib
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from . import fonts

LINE = 1.2  # line height / font size (PowerPoint and LibreOffice single spacing for Arial)
SAFETY = 1.04  # widths measured a little wider: kerning and renderer differences
ELLIPSIS = "…"
INSET_X, INSET_Y = 7.2, 3.6  # text box and table cell insets (0.1", 0.05")
PARA_GAP = 0.3  # space before each paragraph but the first, as a fraction of the font size
INDENT = 1.1  # bullet indent per level, as a fraction of the font size (plus one for the bullet)
NUMBER_FLOOR = 5.0  # a table shrinks below its minimum size rather than cut a number in two
_FAMILY: ContextVar[str | None] = ContextVar("family", default=None)
_NUMBER = re.compile(r"^[-+−]?[\d\u202f\u00a0 .,]*\d[\d\u202f\u00a0 .,]*\s?(%|k€|M€|€|pts?|x)?$")


@contextlib.contextmanager
def measuring(family: str | None):
    """Measure every text inside the ``with`` block in ``family`` (the template's body font)."""
    token = _FAMILY.set(family)
    try:
        yield
    finally:
        _FAMILY.reset(token)


def family() -> str | None:
    return _FAMILY.get()


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of one line of text at ``size`` points, in the font being measured (a stray line break measures as a space)."""
    return _em(_FAMILY.get(), text, bold) * size * SAFETY


@lru_cache(maxsize=1 << 16)
def _em(family: str | None, text: str, bold: bool) -> float:
    """Width in em, remembered: the layout measures the same cells at many sizes and widths (a large plan's deck
    asked for 12 million widths of far fewer texts)."""
    if "\n" in text or "\r" in text:
        text = text.replace("\r", " ").replace("\n", " ")
    return fonts.width(family, text, bold)


@lru_cache(maxsize=1 << 16)
def is_number(text: str) -> bool:
    """A formatted number ("115 836", "13,6 %", "-99 k€"): never broken across lines."""
    return bool(_NUMBER.match(text.strip())) if text.strip() else False


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap into lines no wider than ``width``; over-long words are broken."""
    return list(_wrap(_FAMILY.get(), text, width, size, bold))


@lru_cache(maxsize=1 << 16)
def _wrap(family: str | None, text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    """``wrap`` for one font, remembered (the flow tries the same cells in the same boxes again and again)."""
    lines: list[str] = []
    for raw in text.split("\n"):
        line = ""
        for word in raw.split(" "):
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while text_width(line, size, bold) > width and len(line) > 1:
                cut = _longest_prefix(line, width, size, bold)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return tuple(lines)


def _longest_prefix(text: str, width: float, size: float, bold: bool, suffix: str = "") -> int:
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid] + suffix, size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def ellipsize(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` cut to one line of ``width`` ending with an ellipsis (unchanged when it fits)."""
    if text_width(text, size, bold) <= width:
        return text
    cut = _longest_prefix(text, width, size, bold, ELLIPSIS)
    return text[:cut].rstrip() + ELLIPSIS


@dataclass(frozen=True)
class P:
    """A paragraph to fit: its text, weight and bullet level (None: no bullet)."""

    text: str
    bold: bool = False
    level: int | None = None


def indent(level: int | None, size: float) -> float:
    """Left indent of a paragraph: the renderer writes the same value (marL)."""
    return 0.0 if level is None else (level + 1) * INDENT * size


@dataclass
class Fit:
    size: float
    texts: list[str]  # the paragraphs' texts, cut with an ellipsis when they had to be
    height: float
    truncated: bool = False


def layout_height(paras: list[P], width: float, size: float) -> tuple[float, list[list[str]]]:
    """Height of the paragraphs at ``size`` in a box of inner ``width``, and their lines."""
    height, lines = 0.0, []
    for i, p in enumerate(paras):
        ls = wrap(p.text, max(width - indent(p.level, size), size), size, p.bold)
        lines.append(ls)
        height += len(ls) * size * LINE + (PARA_GAP * size if i else 0)
    return height, lines


def fits(paras: list[P], width: float, height: float, size: float) -> bool:
    """True when the paragraphs at ``size`` fit a box of inner ``width`` × ``height``."""
    return layout_height(paras, width, size)[0] <= height + 0.01


def fit_text(paras: list[P], width: float, height: float, max_size: float, min_size: float, step: float = 0.5) -> Fit:
    """The largest size in [min_size, max_size] (by ``step``) at which the paragraphs fit; else cut."""
    size = max_size
    while size >= min_size:
        h, _ = layout_height(paras, width, size)
        if h <= height:
            return Fit(size, [p.text for p in paras], h)
        size -= step
    size = min_size
    _, lines = layout_height(paras, width, size)
    texts, used, truncated = [], 0.0, False
    for i, (p, ls) in enumerate(zip(paras, lines)):
        gap = PARA_GAP * size if i else 0
        room = int((height - used - gap) // (size * LINE))
        if room <= 0:
            truncated = True
            break
        if room >= len(ls):
            texts.append(p.text)
            used += gap + len(ls) * size * LINE
            continue
        kept = ls[:room]
        w = max(width - indent(p.level, size), size)
        kept[-1] = ellipsize(kept[-1] + " " + ELLIPSIS, w, size, p.bold) if text_width(kept[-1] + ELLIPSIS, size, p.bold) > w \
            else kept[-1] + ELLIPSIS
        texts.append(" ".join(kept))
        used += gap + room * size * LINE
        truncated = True
        break
    if truncated and texts and not texts[-1].endswith(ELLIPSIS):
        texts[-1] = texts[-1] + ELLIPSIS if text_width(texts[-1] + ELLIPSIS, size, paras[len(texts) - 1].bold) <= width \
            else texts[-1]
    return Fit(size, texts, used, truncated)


@dataclass
class TableFit:
    size: float
    cells: list[list[str]]
    row_heights: list[float]
    truncated: bool = False
    dropped_rows: int = 0
    header_size: float | None = None  # header rows may be smaller than the body (a long header word)

    @property
    def height(self) -> float:
        return sum(self.row_heights)


def cell_lines(text: str, width: float, size: float, bold: bool) -> list[str]:
    return wrap(text, max(width - 2 * INSET_X, size), size, bold)


def breaks_words(text: str, width: float, size: float, bold: bool) -> bool:
    """True when a word of ``text`` is wider than the cell: it would be cut mid-word."""
    widest = _widest_word(_FAMILY.get(), text, bold)
    return widest is not None and widest * size * SAFETY > width - 2 * INSET_X  # no word: nothing to cut, even in a covered cell


@lru_cache(maxsize=1 << 16)
def _widest_word(family: str | None, text: str, bold: bool) -> float | None:
    """The widest word of ``text`` in em (remembered); None when it has no word."""
    return max((_em(family, w, bold) for w in text.replace("\n", " ").split(" ") if w), default=None)


def row_height(row: list[str], widths: list[float], size: float, bold: bool, max_lines: int | None = None) -> float:
    """Height of a table row: its tallest cell plus the cell insets."""
    return _row_height(_FAMILY.get(), tuple(row), tuple(widths), size, bool(bold), max_lines)


@lru_cache(maxsize=1 << 15)
def _row_height(family: str | None, row: tuple[str, ...], widths: tuple[float, ...], size: float, bold: bool,
                max_lines: int | None) -> float:
    """``row_height`` for one font, remembered: the layout fits the same rows at the same sizes for every way of
    placing a table (a large plan's deck asked for 450 000 row heights)."""
    n = 1
    for text, w in zip(row, widths):
        k = len(_wrap(family, text, max(w - 2 * INSET_X, size), size, bold))
        n = max(n, min(k, max_lines) if max_lines else k)
    return n * size * LINE + 2 * INSET_Y


def table_height(cells: list[list[str]], widths: list[float], size: float, bold_rows: set[int] | frozenset = frozenset(),
                 header_rows: int = 0, header_size: float | None = None) -> float:
    return sum(row_height(r, widths, header_size if i < header_rows and header_size else size, i in bold_rows)
               for i, r in enumerate(cells))


def _header_size(cells: list[list[str]], widths: list[float], header_rows: int, size: float, min_size: float, step: float) -> float:
    s = size
    while s > min_size and any(breaks_words(t, w, s, True) for r in cells[:header_rows] for t, w in zip(r, widths)):
        s -= step
    return max(s, min_size)


def fit_table(cells: list[list[str]], widths: list[float], height: float, max_size: float, min_size: float,
              bold_rows: set[int] | frozenset = frozenset(), step: float = 0.5, header_rows: int = 0,
              row_widths: list[list[float]] | None = None, header_min: float | None = None) -> TableFit:
    """The largest font size at which the table fits ``height`` without cutting words.

    Header rows get their own (smaller or equal) size so one long header word does
    not shrink the whole table (down to ``header_min`` when given, else the body's minimum, so that a
    header word is made smaller before it is cut mid-word); at the minimum size cells keep fewer lines (ellipsis),
    then rows are dropped. ``row_widths`` gives a row its own column widths (a merged
    cell measured at the merged width, the cells it covers empty).
    """
    def wid(i: int) -> list[float]:
        return row_widths[i] if row_widths else widths

    body = cells[header_rows:]
    min_size = number_min(body, [wid(i + header_rows) for i in range(len(body))], min_size, step,
                           {i - header_rows for i in bold_rows})
    size = max(max_size, min_size)
    while size >= min_size:
        hsize = _header_size(cells, widths, header_rows, size, min(header_min or min_size, min_size), step)
        heights = [row_height(r, wid(i), hsize if i < header_rows else size, i in bold_rows) for i, r in enumerate(cells)]
        clean = not any(breaks_words(t, w, size, (i + header_rows) in bold_rows) for i, r in enumerate(body)
                        for t, w in zip(r, wid(i + header_rows)))
        if sum(heights) <= height and (clean or size - step < min_size):
            return TableFit(size, [list(r) for r in cells], heights, header_size=hsize)
        size -= step
    size = min_size
    hsize = _header_size(cells, widths, header_rows, size, min(header_min or min_size, min_size), step)
    most = max((len(cell_lines(t, w, size, i in bold_rows)) for i, r in enumerate(cells) for t, w in zip(r, wid(i))), default=1)
    for cap in range(most - 1, 0, -1):
        heights = [row_height(r, wid(i), size, i in bold_rows, cap) for i, r in enumerate(cells)]
        if sum(heights) <= height:
            return TableFit(size, _cap_cells(cells, widths, size, bold_rows, cap, row_widths), heights, truncated=True, header_size=hsize)
    capped = _cap_cells(cells, widths, size, bold_rows, 1, row_widths)
    heights = [row_height(r, wid(i), size, i in bold_rows, 1) for i, r in enumerate(capped)]
    last = len(capped) - 1
    tail = [last] if last in bold_rows and last >= header_rows else []  # a total row stays, under a "…" row
    keep = len(capped) - len(tail)
    while keep > header_rows + 1 and sum(heights[:keep]) + sum(heights[i] for i in tail) > height:
        keep -= 1
    rows = capped[:keep] + [capped[i] for i in tail]
    kept_heights = heights[:keep] + [heights[i] for i in tail]
    dropped = len(capped) - len(rows)
    if dropped:
        rows[keep - 1] = [ELLIPSIS] + [""] * (len(widths) - 1)
        dropped += 1
    return TableFit(size, rows, kept_heights, truncated=True, dropped_rows=dropped, header_size=hsize)


def number_min(body: list[list[str]], widths: list[list[float]], min_size: float, step: float, bold_rows: set[int]) -> float:
    """The minimum size, lowered (down to ``NUMBER_FLOOR``) until no number is wider than its cell
    (``widths``: each body row's column widths)."""
    size = min_size
    while size > NUMBER_FLOOR and any(is_number(t) and breaks_words(t, w, size, i in bold_rows)
                                      for i, r in enumerate(body) for t, w in zip(r, widths[i])):
        size -= step
    return max(size, NUMBER_FLOOR)


def _cap_cells(cells: list[list[str]], widths: list[float], size: float, bold_rows, cap: int,
               row_widths: list[list[float]] | None = None) -> list[list[str]]:
    out = []
    for i, row in enumerate(cells):
        bold = i in bold_rows
        new = []
        for text, w in zip(row, row_widths[i] if row_widths else widths):
            lines = cell_lines(text, w, size, bold)
            if len(lines) <= cap:
                new.append(text)
                continue
            kept = lines[:cap]
            kept[-1] = ellipsize(kept[-1] + " " + ELLIPSIS, max(w - 2 * INSET_X, size), size, bold)
            if not kept[-1].endswith(ELLIPSIS):
                kept[-1] += ELLIPSIS
            new.append(" ".join(kept))
        out.append(new)
    return out
