"""Where a slide's blocks go when their boxes are too small to read: re-flow, then continue on a next slide.

Why: a slide builder places its blocks in fractions of the body area (``blocks.Box``), drawn for a
body about 7 × 4 in. A corporate template with a tall title band leaves far less, and every block shrank
with it until it could not be read (a table at 7 pt with « … » in its number cells, a chart flattened to
one line). ``legibility`` says what each block needs; this module degrades in the order a person
laying out the slide would:

1. the builder's layout, untouched, when every block reads in its box (so a template with room for it
   renders exactly as before);
2. re-flow: the slide is read as horizontal bands of side-by-side columns (a table beside a chart);
   each band gets the height it needs, and a band whose columns cannot sit side by side has them
   regrouped in fewer, wider groups stacked one under the other (down to each column across the full
   width);
3. continue: what does not fit goes to a next slide titled like this one, marked « (suite) »; a block
   with no room left under the one before it goes beside it when both read so (two tables of a column
   too tall for the slide: side by side); a table too long for a whole slide is cut between rows
   (header repeated), a bar chart too tall between bars; a footnote stays on the slide when it fits the
   room left, and never stands alone on the next one (the last band's right-hand columns go on with it).

Nothing is squeezed below the minimum except a block that cannot reach it even alone on a slide, and
nothing is dropped. Pure: blocks and fractions in, blocks and fractions out; the renderer supplies how
a block is measured (``fits``) and cut (``split``), both in points.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from . import legibility
from .blocks import Block, Box, TextBlock

GAP = 0.03  # vertical space between re-flowed bands, as a fraction of the body height
TIGHT_GAP = 0.01  # the least space between bands, before anything moves to a next slide
TOUCH = 0.015  # blocks closer than this vertically belong to one band (a heading and its panel)
_EPS = 1e-6

Fits = Callable[[Block, float, float], bool]  # block, width pt, height pt -> readable there
Split = Callable[[Block, float, float], "tuple[Block, Block] | None"]  # block, width, height -> (this slide's part, the rest)


@dataclass
class _Unit:
    """Blocks laid out together: a band (columns side by side) or one of its columns given the full width."""

    blocks: list[Block]
    x0: float
    x1: float
    y0: float
    y1: float
    full: bool = False  # stretched across the whole width (a stacked column)

    @property
    def h(self) -> float:
        return max(self.y1 - self.y0, _EPS)

    def box(self, b: Block, top: float, height: float) -> Box:
        """``b``'s box when this unit is drawn from ``top`` with ``height`` (fractions of the area)."""
        bx, by, bw, bh = b.box
        if self.full:
            span = max(self.x1 - self.x0, _EPS)
            bx, bw = (bx - self.x0) / span, bw / span
        return (bx, top + (by - self.y0) / self.h * height, bw, bh / self.h * height)


def _groups(blocks: list[Block], lo, hi, touch: float) -> list[list[Block]]:
    """Blocks joined when their [lo, hi] intervals overlap (or come closer than ``touch``), in order."""
    order = sorted(blocks, key=lambda b: (lo(b), hi(b)))
    out: list[list[Block]] = []
    end = None
    for b in order:
        if out and lo(b) < end + touch - _EPS:
            out[-1].append(b)
            end = max(end, hi(b))
        else:
            out.append([b])
            end = hi(b)
    return out


def _unit(blocks: list[Block], full: bool = False) -> _Unit:
    return _Unit(blocks, min(b.box[0] for b in blocks), max(b.box[0] + b.box[2] for b in blocks),
                 min(b.box[1] for b in blocks), max(b.box[1] + b.box[3] for b in blocks), full)


def bands(blocks: list[Block]) -> list[_Unit]:
    """The slide's horizontal bands, top to bottom (blocks overlapping vertically, or touching)."""
    return [_unit(g) for g in _groups(blocks, lambda b: b.box[1], lambda b: b.box[1] + b.box[3], TOUCH)]


def columns(band: _Unit) -> list[_Unit]:
    """A band's columns, left to right (blocks overlapping horizontally), each to be drawn full width."""
    return [_unit(g, full=True) for g in _groups(band.blocks, lambda b: b.box[0], lambda b: b.box[0] + b.box[2], 0.0)]


class _Measure:
    def __init__(self, W: float, H: float, fits: Fits):
        self.W, self.H, self.fits = W, H, fits
        self._cache: dict[tuple, float] = {}

    def block(self, b: Block, wfrac: float) -> float:
        """Least height (fraction of H) at which ``b`` reads at width ``wfrac``; inf when even H is not enough."""
        key = (id(b), round(wfrac, 6))
        if key not in self._cache:
            w = wfrac * self.W
            if not self.fits(b, w, self.H):
                self._cache[key] = float("inf")
            else:
                lo, hi = 0.0, 1.0
                for _ in range(14):
                    mid = (lo + hi) / 2
                    if self.fits(b, w, mid * self.H):
                        hi = mid
                    else:
                        lo = mid
                self._cache[key] = hi
        return self._cache[key]

    def unit(self, u: _Unit) -> float:
        """Least height of a unit: every block its least height, in the unit's proportions."""
        need = 0.0
        for b in u.blocks:
            w = b.box[2] / max(u.x1 - u.x0, _EPS) if u.full else b.box[2]
            need = max(need, self.block(b, w) / (max(b.box[3], _EPS) / u.h))
        return need


def _regroup(cols: list[_Unit], m: _Measure) -> list[_Unit]:
    """A band's columns in as few side-by-side groups as read, left to right, each group widened to the
    full width (its columns in their proportions); a column that reads at no width stands alone."""
    out, i = [], 0
    while i < len(cols):
        j = len(cols)
        while j > i + 1 and m.unit(_unit([b for c in cols[i:j] for b in c.blocks], full=True)) > 1.0 + _EPS:
            j -= 1
        out.append(_unit([b for c in cols[i:j] for b in c.blocks], full=True))
        i = j
    return out


def _place(units: list[tuple[_Unit, float]]) -> list[tuple[Block, Box]]:
    """Units top to bottom, each its least height plus a share of the room left (by its original height; text
    panels no taller than their text needs at full size); the space between them narrows (down to
    ``TIGHT_GAP``) when they need it."""
    needs = sum(n for _, n in units)
    gaps = len(units) - 1
    gap = max(TIGHT_GAP, min(GAP, (1.0 - needs) / gaps)) if gaps else 0.0
    room = 1.0 - gap * gaps
    spare = max(room - needs, 0.0)
    pref = sum(u.h for u, _ in units) or 1.0
    out, top = [], 0.0
    for u, need in units:
        height = need + spare * u.h / pref
        if all(isinstance(b, TextBlock) for b in u.blocks):  # a text panel no taller than its text at full size (tables and charts use the room)
            full = max(legibility.text_sizes(b)[0] / legibility.text_sizes(b)[1] for b in u.blocks)
            height = max(need, min(height, max(u.h, need * full)))
        out += [(b, u.box(b, top, height)) for b in u.blocks]
        top += height + gap
    return out


def _is_note(b: Block) -> bool:
    """A footnote (a text of style « note »): it may move ahead of the blocks before it rather than stand alone."""
    return getattr(b, "style", "") == "note"


def _side_by_side(blocks: list[Block]) -> _Unit:
    """Blocks that were stacked in a column, put next to each other across the full width, in reading order."""
    gap = 0.02
    width = (1.0 - gap * (len(blocks) - 1)) / len(blocks)
    return _unit([replace(b, box=(i * (width + gap), 0.0, width, 1.0)) for i, b in enumerate(blocks)])


def _pair(left: _Unit, right: _Unit) -> _Unit | None:
    """Two one-column units (a table, a chart with its note) side by side across the full width, each keeping
    its own vertical layout; None when either has columns of its own."""
    if len(columns(left)) > 1 or len(columns(right)) > 1:
        return None
    gap, width = 0.02, 0.49
    blocks = []
    for x, u in ((0.0, left), (width + gap, right)):
        for b in u.blocks:
            _, by, _, bh = b.box
            blocks.append(replace(b, box=(x, (by - u.y0) / u.h, width, bh / u.h)))
    return _unit(blocks)


def _share_last(placed: list[tuple[_Unit, float]], queue: list[_Unit], m: _Measure) -> None:
    """Only footnotes are left for the next slide: rather than a slide holding a footnote alone, the last band
    placed here leaves its right-hand columns to go with it (the columns kept here widened to the full width)."""
    last, _ = placed[-1]
    cols = columns(last)
    if len(cols) < 2:
        return
    above = sum(n for _, n in placed[:-1]) + TIGHT_GAP * (len(placed) - 1)
    for k in range(len(cols) - 1, 0, -1):
        here = _unit([b for c in cols[:k] for b in c.blocks], full=True)
        need = m.unit(here)
        if above + need <= 1.0 + _EPS:
            placed[-1] = (here, need)
            queue.insert(0, _unit([b for c in cols[k:] for b in c.blocks], full=True))
            return


def _queued(units: list[_Unit]) -> list[Block]:
    """The units left for the next slide, as blocks whose boxes keep them apart: each unit in its own band,
    in order, its original height kept (scaled down when they add up to more than a slide; a stacked
    column keeps the full width)."""
    if not units:
        return []
    gap = min(2 * TOUCH, 0.5 / len(units))
    room = 1.0 - gap * (len(units) - 1)
    scale = min(1.0, room / sum(u.h for u in units))
    out, top = [], 0.0
    for u in units:
        height = u.h * scale
        out += [replace(b, box=u.box(b, top, height)) for b in u.blocks]
        top += height + gap
    return out


def first_page(blocks: list[Block], W: float, H: float, fits: Fits, split: Split, keep: bool = True) \
        -> tuple[list[tuple[Block, Box]], list[Block]]:
    """The blocks (with their boxes) that go on this slide, and the blocks that continue on the next one.

    ``W`` × ``H``: the body area in points. ``keep``: the builder's own layout is tried first (False on a
    continuation slide, whose blocks are packed from the top).
    """
    if not blocks:
        return [], []
    if W <= 1 or H <= 1:  # no body to speak of (a template all title): the builder's layout, as before
        return [(b, b.box) for b in blocks], []
    if keep and all(fits(b, b.box[2] * W, b.box[3] * H) for b in blocks):
        return [(b, b.box) for b in blocks], []
    m = _Measure(W, H, fits)
    units: list[_Unit] = []
    for band in bands(blocks):  # re-flow: a band side by side when it can be, else its columns in fewer, wider groups
        units += [band] if m.unit(band) <= 1.0 + _EPS else _regroup(columns(band), m)
    needs = [m.unit(u) for u in units]
    if sum(needs) + TIGHT_GAP * (len(units) - 1) <= 1.0 + _EPS:
        return _place(list(zip(units, needs))), []
    placed: list[tuple[_Unit, float]] = []
    used = 0.0
    queue = list(units)
    while queue:
        u = queue.pop(0)
        need = m.unit(u)
        gap = TIGHT_GAP if placed else 0.0
        if used + gap + need <= 1.0 + _EPS:
            placed.append((u, need))
            used += gap + need
            continue
        if placed and not _is_note(u.blocks[0]):  # not under the block before it: beside it, when both read so
            prev, prev_need = placed[-1]
            pair = _pair(prev, u)
            if pair is not None:
                pair_need = m.unit(pair)
                if used - prev_need + pair_need <= 1.0 + _EPS:
                    placed[-1] = (pair, pair_need)
                    used += pair_need - prev_need
                    continue
        if placed:  # the rest continues on the next slide; a footnote that fits stays on this one rather than alone on the next
            queue.insert(0, u)
            for v in [v for v in queue if all(_is_note(b) for b in v.blocks)]:
                need = m.unit(v)
                if used + TIGHT_GAP + need <= 1.0 + _EPS:
                    placed.append((v, need))
                    used += TIGHT_GAP + need
                    queue.remove(v)
            break
        # alone on the slide and still too small: take it apart
        cols = columns(u) if not u.full else [u]
        if len(cols) > 1:
            queue[:0] = cols
            continue
        if len(u.blocks) > 1:  # a column of stacked blocks: side by side if they read so, else one under the other
            ordered = sorted(u.blocks, key=lambda b: (b.box[1], b.box[0]))
            side = _side_by_side(ordered)
            queue[:0] = [side] if m.unit(side) <= 1.0 + _EPS else [_unit([b], full=True) for b in ordered]
            continue
        b = u.blocks[0]
        width = (1.0 if u.full else b.box[2]) * W
        cut = split(b, width, H)
        if cut is not None:
            head, tail = cut
            one = _Unit([head], u.x0, u.x1, u.y0, u.y1, u.full)
            placed.append((one, 1.0))
            queue.insert(0, _Unit([tail], u.x0, u.x1, u.y0, u.y1, u.full))
        else:
            placed.append((u, 1.0))  # cannot be cut and cannot read smaller: the whole slide for it
        break
    if queue and placed and all(_is_note(b) for v in queue for b in v.blocks):
        _share_last(placed, queue, m)
    rest = _queued(queue)
    return _place([(u, min(n, 1.0)) for u, n in placed]), rest
