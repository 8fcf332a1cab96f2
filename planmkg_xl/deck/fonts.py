"""Font metrics for the text fit: the template's own font, or a metric-compatible stand-in.

Why: the fit decides font sizes and line breaks before any renderer sees the deck, so it
must measure with the widths the renderer will use. A template set in Calibri is laid
out by PowerPoint in Calibri and by LibreOffice in Carlito — the same advance widths by
design — so measuring Carlito is measuring Calibri. For a font that is neither installed
nor has a metric-compatible substitute, the renderer falls back to some other font
(fontconfig's choice on Linux); we measure with the wider of that fallback and
Liberation Sans, add a margin, and say which font was missing.

Pure: fontTools reads the advance widths (``hmtx``) of the font file; ``fc-match``
(fontconfig) finds the file. Nothing at import time; fonts load once and are cached.
"""
from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Metric-compatible substitutes (same advance widths), as fontconfig and LibreOffice use them:
# Carlito/Caladea (Google, for Calibri/Cambria), Liberation 2 (Red Hat, for Arial/Times New Roman/Courier New).
SUBSTITUTES = {
    "calibri": "Carlito", "calibri light": "Carlito", "cambria": "Caladea",
    "arial": "Liberation Sans", "helvetica": "Liberation Sans", "helvetica neue": "Liberation Sans", "arimo": "Liberation Sans",
    "arial narrow": "Liberation Sans Narrow",
    "times new roman": "Liberation Serif", "times": "Liberation Serif", "tinos": "Liberation Serif",
    "courier new": "Liberation Mono", "courier": "Liberation Mono", "cousine": "Liberation Mono",
}
DEFAULT = "Liberation Sans"
STAND_INS = ("Liberation Sans", "Arial", "Arimo", "DejaVu Sans")  # the first installed measures an unknown font
UNKNOWN_MARGIN = 1.08  # an unknown font is measured this much wider than the widest stand-in


@dataclass(frozen=True)
class Face:
    """How a family is measured: the file used, and whether it is the font itself (or its metric twin)."""

    family: str
    regular: str | None
    bold: str | None
    exact: bool  # False: neither the font nor a metric-compatible substitute is installed
    scale: float = 1.0


FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts",  # Linux
             "/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts",  # macOS
             "C:/Windows/Fonts", "~/AppData/Local/Microsoft/Windows/Fonts")  # Windows


@functools.lru_cache(maxsize=1)
def _installed() -> dict[str, dict[bool, str]]:
    """family (lower case) -> {bold: file}, read from the fonts' name tables (no fontconfig: Windows, macOS)."""
    import logging

    from fontTools.ttLib import TTFont, TTLibError

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    found: dict[str, dict[bool, str]] = {}
    for root in FONT_DIRS:
        base = Path(root).expanduser()
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            if path.suffix.lower() not in (".ttf", ".otf"):
                continue
            try:
                font = TTFont(str(path), lazy=True)
                name = font["name"]
                family = str(name.getDebugName(16) or name.getDebugName(1) or "")
                style = str(name.getDebugName(17) or name.getDebugName(2) or "").lower()
                font.close()
            except (TTLibError, OSError, KeyError, ValueError, AssertionError):
                continue
            if family and "italic" not in style and "oblique" not in style:
                bold = "bold" in style
                if bold or style in ("regular", "normal", "book", "roman", ""):
                    found.setdefault(family.lower(), {}).setdefault(bold, str(path))
    return found


def _fc_file(pattern: str) -> tuple[str, str] | None:
    """(family, file) for ``pattern`` ("Family" or "Family:bold"): fontconfig's choice, else the font
    directories' own (then only an installed family matches; there is no fallback)."""
    if not shutil.which("fc-match"):
        family, _, style = pattern.partition(":")
        files = _installed().get(family.lower())
        if not files:
            return None
        return family, files.get(style == "bold") or files.get(False) or next(iter(files.values()))
    out = subprocess.run(["fc-match", "-f", "%{family[0]}\t%{file}", pattern], capture_output=True, text=True,
                         check=False).stdout.strip()
    if "\t" not in out:
        return None
    family, path = out.split("\t", 1)
    return (family, path) if path.lower().endswith((".ttf", ".otf", ".ttc")) else None


@functools.lru_cache(maxsize=64)
def face(family: str | None) -> Face:
    """The face that measures ``family`` (None: the default sans)."""
    name = (family or DEFAULT).strip()
    wanted = [name] + ([SUBSTITUTES[name.lower()]] if name.lower() in SUBSTITUTES else [])
    for candidate in wanted:
        regular = _fc_file(candidate)
        if regular and regular[0].lower() == candidate.lower():
            bold = _fc_file(f"{candidate}:bold")
            return Face(name, regular[1], bold[1] if bold and bold[0].lower() == candidate.lower() else regular[1], True)
    fallback = _fc_file(name)
    return Face(name, fallback[1] if fallback else None, (_fc_file(f"{name}:bold") or fallback or (None, None))[1], False,
                UNKNOWN_MARGIN)


@functools.lru_cache(maxsize=16)
def _widths(path: str | None) -> tuple[dict[int, float], float]:
    """Advance width per code point (in em) and the font's average width, from the file's hmtx table."""
    if path is None:
        return {}, 0.6
    import logging

    from fontTools.ttLib import TTFont  # lazy: fontTools only when a deck is measured

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # a font's odd 'created' date is not the user's business
    font = TTFont(path, fontNumber=0, lazy=True)
    upem = font["head"].unitsPerEm
    hmtx = font["hmtx"]
    cmap = font.getBestCmap() or {}
    widths = {cp: hmtx[glyph][0] / upem for cp, glyph in cmap.items()}
    avg = sum(widths.values()) / len(widths) if widths else 0.6
    font.close()
    return widths, avg


def _raw(path: str | None, text: str) -> float:
    widths, avg = _widths(path)
    return sum(widths.get(ord(ch), avg) for ch in text)


@functools.lru_cache(maxsize=50000)
def width(family: str | None, text: str, bold: bool = False) -> float:
    """Width of ``text`` in em (multiply by the size in points) set in ``family``."""
    f = face(family)
    path = f.bold if bold else f.regular
    if f.exact:
        return _raw(path, text)
    base = next((b for b in map(face, STAND_INS) if b.exact), face(DEFAULT))
    return max(_raw(path, text), _raw(base.bold if bold else base.regular, text)) * f.scale


def missing(families: list[str | None]) -> list[str]:
    """The families measured with a stand-in that is not metric-compatible (to warn about)."""
    return sorted({f for f in families if f and not face(f).exact})
