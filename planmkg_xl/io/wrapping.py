"""Row heights for wrapped text, computed (openpyxl cannot autofit; Excel does not on open).

Used by the builder and by the surgical writer of the Contrôles sheet, so it imports
nothing: the ribbon and ``recompute`` load it without openpyxl.
"""
from __future__ import annotations


LINE_HEIGHT = 13.0  # points per line of 10-pt Calibri
DEFAULT_ROW_HEIGHT = 15.0


def wrapped_lines(text: object, width: float) -> int:
    """How many lines Excel shows for ``text`` wrapped in a column ``width`` characters wide.

    Greedy word wrap (Excel breaks at spaces, and inside a word longer than the line),
    one paragraph per line break; 10 % margin for proportional glyphs wider than the
    column's "0" unit.
    """
    capacity = max(int((width - 1) / 1.1), 1)
    lines = 0
    for paragraph in str(text or "").split("\n"):
        used = None  # characters on the current line; None before the paragraph's first line
        for word in paragraph.split(" "):
            if used is not None and used + 1 + len(word) <= capacity:
                used += 1 + len(word)
                continue
            lines += 1
            while len(word) > capacity:  # a word longer than the line is broken across lines
                lines += 1
                word = word[capacity:]
            used = len(word)
    return max(lines, 1)


def row_height(texts: list[tuple[object, float]]) -> float | None:
    """The height a row needs for its wrapped texts ((text, column width) pairs); None when one line fits.

    openpyxl cannot autofit and Excel does not on open, and LibreOffice keeps a row
    without a height at the default, so wrapped text would overprint the next row.
    """
    lines = max((wrapped_lines(t, w) for t, w in texts if t), default=1)
    return LINE_HEIGHT * lines + 2 if lines > 1 else None
