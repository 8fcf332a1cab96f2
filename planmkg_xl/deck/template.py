"""What a corporate template offers the deck: which layouts, where the content goes, which
colours and fonts read well on it.

Why a module of its own: a template we have never seen must give a readable deck. So we
do not trust layout names, the first master, or fixed colours; we measure:

- **Layout.** Across all masters, the layout with a title and the largest clean content
  area (body placeholders, else the free band between title and footer), never a
  title-slide layout (one with a subtitle or a centred title). The title slide uses a
  layout with a centred title or a subtitle.
- **Background.** The layout's real background — its fill, gradient or picture, plus the
  master's and layout's own pictures and shapes — is painted at low resolution with
  Pillow (``Canvas``), so a colour's contrast is measured on what the viewer sees under
  the text, the WCAG 2.1 way (W3C, *Web Content Accessibility Guidelines 2.1*, 2018,
  "contrast ratio": 4.5:1 for text).
- **Text.** The template's body and title fonts and colours (master text styles, theme
  colours through the master's colour map); a colour that fails the contrast is replaced
  by the first theme or neutral colour that passes, and where no single colour passes
  (a busy picture), generated text and charts get an opaque panel.

Part of the renderer room: it reads python-pptx objects (layouts, masters) and their XML.
"""
from __future__ import annotations

import colorsys
import copy
import functools
import io
import weakref
from dataclasses import dataclass

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

EMU_IN = 914400
DPI = 16  # background raster resolution: enough to see bands, pictures and shapes
MIN_CONTRAST = 4.5  # WCAG 2.1 AA, normal text
MARGIN = 0.4  # asked of our own choices: the painted background is an estimate of the rendered one
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.TABLE, PP_PLACEHOLDER.CHART)
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
FOOTER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PRESET = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "blue": "0000FF", "green": "008000", "gray": "808080",
           "grey": "808080", "yellow": "FFFF00", "darkBlue": "00008B", "navy": "000080"}


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    @property
    def area(self) -> int:
        return max(self.w, 0) * max(self.h, 0)

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def right(self) -> int:
        return self.x + self.w


def box(shape) -> Box:
    return Box(int(shape.left or 0), int(shape.top or 0), int(shape.width or 0), int(shape.height or 0))


# --------------------------------------------------------------------------- colours


def luminance(rgb: str) -> float:
    """Relative luminance of ``RRGGBB`` (WCAG 2.1 definition)."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``RRGGBB`` colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "".join(f"{max(0, min(255, round(c * 255))):02X}" for c in rgb)


def _apply_mods(rgb: str, node) -> tuple[str, float]:
    """Colour modifiers (lumMod/lumOff, tint, shade, alpha) of a DrawingML colour element."""
    r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    alpha = 1.0
    for mod in node:
        tag = mod.tag.replace(_A, "")
        val = int(mod.get("val", "100000")) / 100000
        if tag in ("lumMod", "lumOff"):
            h, l, s = colorsys.rgb_to_hls(r, g, b)
            l = l * val if tag == "lumMod" else l + val
            r, g, b = colorsys.hls_to_rgb(h, max(0.0, min(1.0, l)), s)
        elif tag == "tint":
            r, g, b = (c + (1 - c) * (1 - val) for c in (r, g, b))
        elif tag == "shade":
            r, g, b = (c * val for c in (r, g, b))
        elif tag == "alpha":
            alpha = val
    return _hex((r, g, b)), alpha


class Palette:
    """Theme colours seen through a master's colour map (``tx1`` → ``dk1`` → 000000)."""

    def __init__(self, master):
        self.scheme: dict[str, str] = {}
        theme = _theme_xml(master)
        if theme is not None:
            scheme = theme.find(f".//{_A}clrScheme")
            for child in scheme if scheme is not None else []:
                name = child.tag.replace(_A, "")
                col = child[0] if len(child) else None
                if col is None:
                    continue
                self.scheme[name] = (col.get("lastClr") or col.get("val") or "000000").upper()
        self.bg_styles = list(theme.find(f".//{_A}bgFillStyleLst")) if theme is not None and \
            theme.find(f".//{_A}bgFillStyleLst") is not None else []
        cmap = master._element.find(f"{_P}clrMap")
        self.map = dict(cmap.attrib) if cmap is not None else {}
        self.fonts = _theme_fonts(theme)

    def background_style(self, idx: int):
        """The theme's background fill style ``idx`` (1001 = the first), or None."""
        k = idx - 1001
        return self.bg_styles[k] if 0 <= k < len(self.bg_styles) else None

    def scheme_color(self, name: str) -> str:
        name = self.map.get(name, name)
        defaults = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F497D", "lt2": "EEECE1"}
        return self.scheme.get(name, defaults.get(name, "808080"))

    def color(self, node, ph: str = "000000") -> tuple[str, float] | None:
        """(RRGGBB, alpha) of a colour element (srgbClr, schemeClr, sysClr, prstClr, scrgbClr, hslClr)."""
        if node is None:
            return None
        tag = node.tag.replace(_A, "")
        if tag == "srgbClr":
            base = node.get("val", "000000")
        elif tag == "schemeClr":
            base = ph if node.get("val") == "phClr" else self.scheme_color(node.get("val", "tx1"))
        elif tag == "sysClr":
            base = node.get("lastClr") or ("FFFFFF" if node.get("val") == "window" else "000000")
        elif tag == "prstClr":
            base = _PRESET.get(node.get("val", "black"), "808080")
        elif tag == "scrgbClr":
            base = _hex(tuple(int(node.get(k, "0")) / 100000 for k in ("r", "g", "b")))
        else:
            return None
        return _apply_mods(base.upper(), node)

    def fill(self, parent, ph: str = "000000") -> list[tuple[str, float]] | None:
        """Colours of the fill under ``parent`` (one for solid, the stops of a gradient, two for a pattern); None: no fill."""
        if parent is None:
            return None
        solid = parent.find(f"{_A}solidFill")
        if solid is not None and len(solid):
            found = self.color(solid[0], ph)
            return [found] if found else None
        grad = parent.find(f"{_A}gradFill")
        if grad is not None:
            stops = [self.color(gs[0], ph) for gs in grad.iter(f"{_A}gs") if len(gs)]
            return [s for s in stops if s] or None
        patt = parent.find(f"{_A}pattFill")
        if patt is not None:
            cols = [self.color(c[0], ph) for c in patt if len(c)]
            return [c for c in cols if c] or None
        return None


def _theme_xml(master):
    for rel in master.part.rels.values():
        if rel.reltype.endswith("/theme"):
            return etree.fromstring(rel.target_part.blob)
    return None


def _theme_fonts(theme) -> dict[str, str]:
    out = {}
    for kind, key in (("majorFont", "+mj-lt"), ("minorFont", "+mn-lt")):
        node = theme.find(f".//{_A}{kind}/{_A}latin") if theme is not None else None
        if node is not None and node.get("typeface"):
            out[key] = node.get("typeface")
    return out


# --------------------------------------------------------------------------- background raster


class Canvas:
    """The layout's background as the viewer sees it, at ``DPI`` pixels per inch (Pillow, RGB)."""

    def __init__(self, layout):
        from PIL import Image  # lazy: Pillow only when a template is analysed

        self.layout = layout
        self.plain = False
        self.trims: dict[tuple[Box, float], Box] = {}  # ``trim``'s answers: the image never changes once painted
        master = layout.slide_master
        self.palette = Palette(master)
        pres = layout.part.package.presentation_part.presentation
        self.W, self.H = int(pres.slide_width), int(pres.slide_height)
        self.img = Image.new("RGB", (max(1, self._px(self.W)), max(1, self._px(self.H))), "white")
        self._paint_background()
        if layout._element.get("showMasterSp", "1") not in ("0", "false"):
            self._paint_tree(master.shapes._spTree, master.part)
        self._paint_tree(layout.shapes._spTree, layout.part)

    def _px(self, emu: int) -> int:
        return round(emu / EMU_IN * DPI)

    def _paint_background(self) -> None:
        for owner in (self.layout, self.layout.slide_master):
            bg = owner._element.find(f"{_P}cSld/{_P}bg")
            if bg is None:
                continue
            pr = bg.find(f"{_P}bgPr")
            if pr is not None:
                self._paint_fill(pr, owner.part, (0, 0, self.W, self.H))
                return
            ref = bg.find(f"{_P}bgRef")
            if ref is not None and len(ref):
                col = self.palette.color(ref[0])
                style = self.palette.background_style(int(ref.get("idx", "0")))
                if style is not None and col:  # the theme's background fill style, in the referenced colour
                    holder = etree.Element("holder")
                    holder.append(copy.deepcopy(style))
                    cols = self.palette.fill(holder, ph=col[0])
                    if cols:
                        kind = "gradient" if style.tag == f"{_A}gradFill" else "pattern" if style.tag == f"{_A}pattFill" else "solid"
                        self._paint_colors(cols, (0, 0, self.W, self.H), None, kind)
                        return
                if col:
                    self._paint_colors([col], (0, 0, self.W, self.H))
                return

    def _paint_fill(self, parent, part, rect, geom=None) -> None:
        blip = parent.find(f"{_A}blipFill/{_A}blip")
        if blip is not None:
            self._paint_picture(blip.get(f"{_R}embed"), part, rect)
            return
        cols = self.palette.fill(parent)
        if cols:
            grad = parent.find(f"{_A}gradFill")
            lin = grad.find(f"{_A}lin") if grad is not None else None
            vertical = lin is None or 2700000 <= int(lin.get("ang", "5400000")) % 10800000 <= 8100000
            kind = "gradient" if grad is not None and parent.find(f"{_A}solidFill") is None else \
                "pattern" if parent.find(f"{_A}pattFill") is not None else "solid"
            self._paint_colors(cols, rect, geom, kind, vertical)

    def _paint_colors(self, cols: list[tuple[str, float]], rect, geom=None, kind: str = "solid", vertical: bool = True) -> None:
        """A fill: solid; a gradient interpolated between its stops (top to bottom, or left to right);
        a pattern as a fine checker of its two colours, so that text must read on both."""
        from PIL import Image, ImageDraw

        x, y, w, h = (self._px(v) for v in rect)
        alpha = sum(c[1] for c in cols) / len(cols)
        if w <= 0 or h <= 0 or alpha <= 0.05:
            return
        rgb = [tuple(int(c[0][k:k + 2], 16) for k in (0, 2, 4)) for c in cols]
        layer = Image.new("RGB", (w, h), rgb[0])
        if kind == "pattern" and len(rgb) > 1:
            px = layer.load()
            for i in range(w):
                for j in range(h):
                    px[i, j] = rgb[(i + j) % 2]
        elif kind == "gradient" and len(rgb) > 1:
            steps = h if vertical else w
            draw = ImageDraw.Draw(layer)
            for k in range(steps):
                t = k / max(steps - 1, 1) * (len(rgb) - 1)
                a, b = rgb[int(t)], rgb[min(int(t) + 1, len(rgb) - 1)]
                f = t - int(t)
                c = tuple(round(a[m] + (b[m] - a[m]) * f) for m in range(3))
                draw.line([(0, k), (w, k)] if vertical else [(k, 0), (k, h)], fill=c)
        mask = Image.new("L", self.img.size, 0)
        draw = ImageDraw.Draw(mask)
        points = _geometry_points(geom, x, y, w, h)
        if points == "ellipse":
            draw.ellipse([x, y, x + w - 1, y + h - 1], fill=round(255 * alpha))
        elif points:
            draw.polygon(points, fill=round(255 * alpha))
        else:
            draw.rectangle([x, y, x + w - 1, y + h - 1], fill=round(255 * alpha))
        full = Image.new("RGB", self.img.size, rgb[0])
        full.paste(layer, (x, y))
        self.img.paste(full, (0, 0), mask)

    def _paint_outline(self, sppr, rect, geom) -> None:
        """A decoration's visible outline (``a:ln`` with a solid fill), at its width."""
        from PIL import ImageDraw

        ln = sppr.find(f"{_A}ln")
        cols = self.palette.fill(ln) if ln is not None else None
        if not cols:
            return
        width = max(1, self._px(int(ln.get("w", "12700"))))
        x, y, w, h = (self._px(v) for v in rect)
        draw = ImageDraw.Draw(self.img)
        fill = cols[0][0]
        color = tuple(int(fill[k:k + 2], 16) for k in (0, 2, 4))
        points = _geometry_points(geom, x, y, w, h)
        if points == "ellipse":
            draw.ellipse([x, y, x + w, y + h], outline=color, width=width)
        elif points:
            draw.line(list(points) + [points[0]], fill=color, width=width)
        else:
            draw.rectangle([x, y, x + w, y + h], outline=color, width=width)

    def _paint_picture(self, rid: str | None, part, rect) -> None:
        from PIL import Image, UnidentifiedImageError

        if not rid or rid not in part.rels:
            return
        x, y, w, h = (self._px(v) for v in rect)
        if w <= 0 or h <= 0:
            return
        try:
            pic = Image.open(io.BytesIO(part.rels[rid].target_part.blob))
            pic = pic.convert("RGBA").resize((w, h))
        except (UnidentifiedImageError, OSError, ValueError):
            return  # a vector picture (EMF/SVG) Pillow cannot read: left unpainted, the contrast check then errs light
        self.img.paste(pic, (x, y), pic)

    def _paint_tree(self, tree, part, offset=(0, 0), scale=(1.0, 1.0)) -> None:
        for el in tree:
            tag = el.tag.replace(_P, "")
            if tag not in ("sp", "pic", "grpSp", "cxnSp"):
                continue
            if el.find(f".//{_P}nvPr/{_P}ph") is not None and tag == "sp":
                continue  # placeholders are prompts, not decoration
            xfrm = el.find(f"{_P}spPr/{_A}xfrm") if tag != "grpSp" else el.find(f"{_P}grpSpPr/{_A}xfrm")
            if xfrm is None or xfrm.find(f"{_A}off") is None or xfrm.find(f"{_A}ext") is None:
                continue
            off, ext = xfrm.find(f"{_A}off"), xfrm.find(f"{_A}ext")
            x = offset[0] + int(off.get("x", 0)) * scale[0]
            y = offset[1] + int(off.get("y", 0)) * scale[1]
            w, h = int(ext.get("cx", 0)) * scale[0], int(ext.get("cy", 0)) * scale[1]
            if tag == "grpSp":
                ch_off, ch_ext = xfrm.find(f"{_A}chOff"), xfrm.find(f"{_A}chExt")
                if ch_off is None or ch_ext is None:
                    continue
                sx = w / max(int(ch_ext.get("cx", 1)), 1)
                sy = h / max(int(ch_ext.get("cy", 1)), 1)
                self._paint_tree(el, part, (x - int(ch_off.get("x", 0)) * sx, y - int(ch_off.get("y", 0)) * sy), (sx, sy))
                continue
            rect = (x, y, w, h)
            if tag == "pic":
                blip = el.find(f"{_P}blipFill/{_A}blip")
                if blip is not None:
                    self._paint_picture(blip.get(f"{_R}embed"), part, rect)
                continue
            sppr = el.find(f"{_P}spPr")
            geom = sppr.find(f"{_A}prstGeom")
            geom = geom if geom is not None else sppr.find(f"{_A}custGeom")
            if sppr.find(f"{_A}noFill") is None and any(sppr.find(f"{_A}{k}") is not None for k in ("solidFill", "gradFill", "pattFill", "blipFill")):
                self._paint_fill(sppr, part, rect, geom)
            else:
                ref = el.find(f"{_P}style/{_A}fillRef")
                if ref is not None and ref.get("idx", "0") != "0" and len(ref) and sppr.find(f"{_A}noFill") is None:
                    col = self.palette.color(ref[0])
                    if col:
                        self._paint_colors([col], rect, geom)
            self._paint_outline(sppr, rect, geom)

    def crop(self, b: Box):
        """The background under ``b`` (clipped to the slide), as a Pillow image."""
        x0, y0 = max(0, self._px(b.x)), max(0, self._px(b.y))
        x1, y1 = min(self.img.width, max(x0 + 1, self._px(b.right))), min(self.img.height, max(y0 + 1, self._px(b.bottom)))
        return self.img.crop((x0, y0, max(x1, x0 + 1), max(y1, y0 + 1)))

    def worst_contrast(self, color: str, b: Box, share: float = 0.02) -> float:
        """The contrast of ``color`` against the background under ``b``, ignoring the worst ``share`` of pixels."""
        return contrast_floor(color, colors_of(self.crop(b)), share)

    def plainness(self, b: Box) -> float:
        """Share of ``b``'s pixels close to their median colour (1: a plain fill; low: a busy picture)."""
        counts = colors_of(self.crop(b))
        med = _median(counts)
        total = sum(n for n, _ in counts) or 1
        return sum(n for n, p in counts if sum(abs(p[i] - med[i]) for i in range(3)) < 45) / total

    def median(self, b: Box) -> str:
        return "%02X%02X%02X" % _median(colors_of(self.crop(b)))


def colors_of(image) -> list[tuple[int, tuple[int, int, int]]]:
    """(count, (r, g, b)) of every colour of an RGB image."""
    return image.getcolors(maxcolors=image.width * image.height + 1) or []


def _median(counts) -> tuple[int, int, int]:
    if not counts:
        return (255, 255, 255)
    total = sum(n for n, _ in counts)
    out = []
    for i in range(3):
        acc = 0
        for n, p in sorted(counts, key=lambda c: c[1][i]):
            acc += n
            if acc * 2 >= total:
                out.append(p[i])
                break
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _lum(rgb: tuple[int, int, int]) -> float:
    return luminance("%02X%02X%02X" % rgb[:3])


def contrast_floor(color: str, counts, share: float = 0.02) -> float:
    """The contrast ``color`` keeps against all but the worst ``share`` of the pixels, given as
    (count, (r, g, b)) pairs (``colors_of``)."""
    if not counts:
        return 21.0
    lc = luminance(color)
    ratios = sorted(((max(lc, lp) + 0.05) / (min(lc, lp) + 0.05), n) for n, p in counts for lp in (_lum(p),))
    total = sum(n for _, n in ratios)
    allowed, acc = total * share, 0
    for ratio, n in ratios:
        acc += n
        if acc > allowed:
            return ratio
    return ratios[-1][0]


def _geometry_points(geom, x: int, y: int, w: int, h: int):
    """A shape's outline in pixels: "ellipse", a polygon (custom paths, triangles), or None (its bounding box)."""
    if geom is None:
        return None
    if geom.tag == f"{_A}prstGeom":
        prst = geom.get("prst", "rect")
        if prst in ("ellipse", "flowChartConnector"):
            return "ellipse"
        if prst == "triangle":
            return [(x + w / 2, y), (x + w, y + h), (x, y + h)]
        if prst == "rtTriangle":
            return [(x, y), (x + w, y + h), (x, y + h)]
        if prst.startswith("wedge"):  # a callout: its box and the tail, which may reach far outside it
            adj = {gd.get("name"): gd.get("fmla", "val 0").split()[-1] for gd in geom.iter(f"{_A}gd")}
            tx = x + w * (0.5 + int(adj.get("adj1", "-20833")) / 100000)
            ty = y + h * (0.5 + int(adj.get("adj2", "62500")) / 100000)
            cx, cy = x + w / 2, y + h / 2
            if abs(ty - cy) / max(h, 1) >= abs(tx - cx) / max(w, 1):
                ey = y + h if ty > cy else y
                return [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y), (cx - w / 8, ey), (tx, ty), (cx + w / 8, ey),
                        (x + w, ey), (x + w, y + h if ey == y + h else y), (x, y + h if ey == y + h else y)]
            ex = x + w if tx > cx else x
            return [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y), (ex, cy - h / 8), (tx, ty), (ex, cy + h / 8)]
        return None
    points = []
    for path in geom.iter(f"{_A}path"):
        pw, ph = int(path.get("w", "0")) or None, int(path.get("h", "0")) or None
        if not pw or not ph:
            continue
        for pt in path.iter(f"{_A}pt"):
            points.append((x + int(pt.get("x", 0)) / pw * w, y + int(pt.get("y", 0)) / ph * h))
        break
    return points if len(points) >= 3 else None


# --------------------------------------------------------------------------- layouts


def placeholders(layout, types) -> list:
    return [ph for ph in layout.placeholders if ph.placeholder_format.type in types and not ph.name.startswith("pmk:")]


def title_placeholder(container):
    for ph in container.placeholders:
        if ph.placeholder_format.type in TITLE_TYPES:
            return ph
    return None


def is_title_slide(layout) -> bool:
    """A title-slide layout: a subtitle or a centred title, or declared so (``type="title"``)."""
    kinds = {ph.placeholder_format.type for ph in layout.placeholders}
    return (PP_PLACEHOLDER.SUBTITLE in kinds or PP_PLACEHOLDER.CENTER_TITLE in kinds
            or layout._element.get("type") in ("title", "secHead"))


def slide_size(layout) -> tuple[int, int]:
    pres = layout.part.package.presentation_part.presentation
    return int(pres.slide_width), int(pres.slide_height)


def _on_slide(b: Box, W: int, H: int) -> Box:
    x, y = max(b.x, 0), max(b.y, 0)
    return Box(x, y, min(b.right, W) - x, min(b.bottom, H) - y)


def footer_top(layout) -> int:
    """The top of the footer band: the highest footer, date or number placeholder in the slide's lower half."""
    W, H = slide_size(layout)
    tops = [int(ph.top) for c in (layout, layout.slide_master) for ph in placeholders(c, FOOTER_TYPES)
            if ph.top is not None and int(ph.top) > H // 2]
    return min(tops) if tops else int(H - H * 0.06)


def title_box(layout) -> Box:
    """Where a content slide's title goes (``_title_place``), narrowed to keep clear of decorations at its ends."""
    return _per_layout(layout, "title_box", lambda: trim(layout, _title_place(layout)))


# A layout's boxes, once per layout part (forgotten with its presentation): every slide on a layout asks for them
# again, and working them out walks the placeholders' inheritance (python-pptx) each time. A deck never edits a layout.
_BOXES: "weakref.WeakKeyDictionary[object, dict[str, Box]]" = weakref.WeakKeyDictionary()


def _per_layout(layout, what: str, work) -> Box:
    known = _BOXES.setdefault(layout.part, {})
    if what not in known:
        known[what] = work()
    return known[what]


def trim(layout, b: Box, most: float = 0.2) -> Box:
    """``b`` narrowed from the left and the right (by at most ``most`` of its width each) past columns where a
    decoration (a triangle, a band's end, a picture's edge) breaks the background that dominates the box.

    Once per background and box: every content slide of a deck asks for the same title box and content area.
    """
    c = canvas(layout)
    key = (b, most)
    if key not in c.trims:
        c.trims[key] = _trim(c, b, most)
    return c.trims[key]


def _trim(c: Canvas, b: Box, most: float) -> Box:
    img = c.crop(b)
    w, h = img.size
    if w < 8:
        return b
    counts = sorted(colors_of(img), reverse=True)
    total = sum(n for n, _ in counts) or 1
    main, acc = [], 0
    for n, rgb in counts:
        main.append(rgb)
        acc += n
        if acc >= 0.6 * total:
            break
    px = img.load()
    near: dict[tuple[int, int, int], bool] = {}  # a colour close to one of the dominant ones: decided once per colour

    def is_main(rgb) -> bool:
        if rgb not in near:
            near[rgb] = any(sum(abs(rgb[k] - m[k]) for k in range(3)) < 60 for m in main)
        return near[rgb]

    shares = [sum(1 for y in range(h) if is_main(px[col, y])) / h for col in range(w)]  # each column's share, once
    overall = sum(shares) / w
    limit = int(w * most)
    left = next((x for x in range(limit) if shares[x] >= overall - 0.1), limit)
    right = next((x for x in range(limit) if shares[w - 1 - x] >= overall - 0.1), limit)
    if not left and not right:
        return b
    scale = b.w / w
    return Box(b.x + int(left * scale), b.y, b.w - int((left + right) * scale), b.h)


def _title_place(layout) -> Box:
    """The title's box on a content slide: the layout's title placeholder, unless it sits low on the slide
    (a layout inconsistent with its master, as some converted templates have) and the master's title is
    at the top; then the master's."""
    W, H = slide_size(layout)
    own = title_placeholder(layout)
    master = title_placeholder(layout.slide_master)
    boxes = [_on_slide(box(ph), W, H) for ph in (own, master) if ph is not None]
    boxes = [b for b in boxes if b.area > 0]
    if not boxes:
        return Box(int(W * 0.05), int(H * 0.03), int(W * 0.9), int(H * 0.12))
    for b in boxes:
        if b.y < H * 0.25 and b.h < H * 0.3:
            return b
    return boxes[0]


def content_area(layout) -> Box:
    """Where the content goes on ``layout``: its body placeholders' bounding box, else the free band
    between title and footer — on the slide, below the title, above the footer."""
    return _per_layout(layout, "content_area", lambda: _content_area(layout))


def _content_area(layout) -> Box:
    W, H = slide_size(layout)
    gap = int(H * 0.015)
    tb = _title_place(layout)
    top = tb.bottom + gap
    bottom = footer_top(layout) - gap
    bodies = []
    for container in (layout, layout.slide_master):
        bodies = [_on_slide(box(ph), W, H) for ph in placeholders(container, BODY_TYPES)]
        bodies = [b for b in bodies if b.area > 0 and b.bottom > top + H * 0.2]
        if bodies:
            break
    margin = max(int(W * 0.04), min(tb.x, int(W * 0.08)))
    if bodies:
        x0, x1 = min(b.x for b in bodies), max(b.right for b in bodies)
        y0, y1 = min(b.y for b in bodies), max(b.bottom for b in bodies)
    else:
        x0, x1, y0, y1 = margin, W - margin, top, bottom
    x0, x1 = max(x0, int(W * 0.02)), min(x1, W - int(W * 0.02))
    if x1 - x0 < W * 0.6:  # a narrow body (a side column): use the slide's width between the margins
        x0, x1 = margin, W - margin
    y0, y1 = max(y0, top), min(y1, bottom)
    if y1 - y0 < H * 0.3:  # a body squeezed by the title: the free band instead
        y0, y1 = top, bottom
    return trim(layout, Box(x0, y0, x1 - x0, max(y1 - y0, int(H * 0.2))), 0.12)


_CANVASES: "weakref.WeakKeyDictionary[object, Canvas]" = weakref.WeakKeyDictionary()


def canvas(layout) -> Canvas:
    """The layout's painted background, once per layout part (forgotten with its presentation); layouts
    that add nothing to their master's background (no fill, no picture, no shape of their own) share one."""
    part = layout.part
    if part not in _CANVASES:
        plain = layout._element.find(f"{_P}cSld/{_P}bg") is None and layout._element.get("showMasterSp", "1") not in ("0", "false") \
            and not any(el.tag in (f"{_P}pic", f"{_P}grpSp", f"{_P}cxnSp") or
                        (el.tag == f"{_P}sp" and el.find(f".//{_P}nvPr/{_P}ph") is None) for el in layout.shapes._spTree)
        twin = next((c for p, c in _CANVASES.items() if plain and c.plain and c.layout.slide_master.part is layout.slide_master.part),
                    None)
        _CANVASES[part] = twin or Canvas(layout)
        _CANVASES[part].plain = plain
    return _CANVASES[part]


def _score(layout) -> float:
    area = content_area(layout)
    W, H = slide_size(layout)
    master = layout.slide_master
    title = title_placeholder(master)
    body = max((box(ph).area for ph in placeholders(master, BODY_TYPES)), default=0) / (W * H)
    content_master = title is not None and box(title).y < H * 0.25 and body > 0.25  # a master made for content slides
    own = title_placeholder(layout)
    moved = own is None or _on_slide(box(own), W, H) != _title_place(layout)  # its title sits low: the master's is used
    score = area.area / (W * H) * (0.6 + 0.4 * canvas(layout).plainness(area)) + (0.15 if content_master else 0.0)
    return score * (0.8 if moved else 1.0)


def content_layout(prs):
    """The layout for content slides: a title, the largest clean content area, not a title slide."""
    layouts = [lo for m in prs.slide_masters for lo in m.slide_layouts
               if not lo.name.startswith("pmk:") and title_placeholder(lo) is not None]
    fit = [lo for lo in layouts if not is_title_slide(lo) and _wide_title(lo)] or \
        [lo for lo in layouts if not is_title_slide(lo)] or layouts
    return max(fit, key=lambda lo: (round(_score(lo), 3), -len(placeholders(lo, BODY_TYPES))))


def _wide_title(layout) -> bool:
    """A title across the slide (not a caption column, not vertical text)."""
    W, _ = slide_size(layout)
    b = title_box(layout)
    return b.w >= W * 0.5 and b.w > b.h


def title_layout(prs, content):
    """The layout for the title slide: a title-slide layout, preferably on a master made for title pages
    (the tallest title), else on the content layout's master; the content layout when there is none."""
    found = [lo for m in prs.slide_masters for lo in m.slide_layouts
             if is_title_slide(lo) and title_placeholder(lo) is not None and not lo.name.startswith("pmk:")]
    if not found:
        return content

    def key(lo):
        mt = title_placeholder(lo.slide_master)
        return (box(mt).h if mt is not None else 0, lo.slide_master is content.slide_master)
    return max(found, key=key)


def title_slide_boxes(layout) -> tuple[Box, Box | None]:
    """Where the title slide's title and subtitle go: the layout's placeholders, unless its master's title is
    much taller (a title master whose layouts were written generically, as converted templates have): then
    the master's title and body placeholders."""
    W, H = slide_size(layout)
    lt = _on_slide(box(title_placeholder(layout)), W, H)
    subs = placeholders(layout, (PP_PLACEHOLDER.SUBTITLE,))
    sub = _on_slide(box(subs[0]), W, H) if subs else None
    mt_ph = title_placeholder(layout.slide_master)
    if mt_ph is not None and box(mt_ph).h > lt.h * 1.3:
        bodies = placeholders(layout.slide_master, BODY_TYPES + (PP_PLACEHOLDER.SUBTITLE,))
        mt = _on_slide(box(mt_ph), W, H)
        below = [_on_slide(box(b), W, H) for b in bodies if box(b).y >= mt.y + mt.h * 0.5]
        return mt, (below[0] if below else sub)
    if sub is not None and overlap(sub, lt) > 0:  # a generic subtitle box under the title: start it below
        sub = Box(sub.x, lt.bottom, sub.w, max(sub.bottom - lt.bottom, int(H * 0.1)))
    return lt, sub


# --------------------------------------------------------------------------- text styles


def _style_node(layout, ph_type: str):
    """The lvl1 run properties the master gives a title (``titleStyle``) or body text (``bodyStyle``)."""
    return layout.slide_master._element.find(f"{_P}txStyles/{_P}{ph_type}/{_A}lvl1pPr/{_A}defRPr")


def _ph_rpr(ph, own_runs: bool = False):
    """The run properties a placeholder passes on (its list style); with ``own_runs``, also those of its own
    prompt text, which some templates (converted ones) carry instead of a list style."""
    if ph is None:
        return []
    paths = [f"{_P}txBody/{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr"]
    if own_runs:
        paths += [f".//{_A}r/{_A}rPr", f".//{_A}endParaRPr"]
    return [n for n in (ph._element.find(p) for p in paths) if n is not None]


def text_props(layout, kind: str) -> tuple[str | None, str | None, float | None]:
    """(font family, RRGGBB colour, size in pt) the template gives ``kind`` ("title" or "body") text on ``layout``:
    the layout's placeholder list style, the master's, the master's text styles, then the prompts' own runs."""
    palette = Palette(layout.slide_master)
    if kind == "title":
        own, master = title_placeholder(layout), title_placeholder(layout.slide_master)
        style = "titleStyle"
    else:
        bodies = placeholders(layout, BODY_TYPES)
        mbodies = placeholders(layout.slide_master, BODY_TYPES)
        own, master = (bodies[0] if bodies else None), (mbodies[0] if mbodies else None)
        style = "bodyStyle"
    chain = _ph_rpr(own) + _ph_rpr(master) + [_style_node(layout, style)] + _ph_rpr(master, True) + _ph_rpr(own, True)
    family = color = size = None
    for node in chain:
        if node is None:
            continue
        latin = node.find(f"{_A}latin")
        if family is None and latin is not None and latin.get("typeface"):
            family = latin.get("typeface")
        fill = node.find(f"{_A}solidFill")
        if color is None and fill is not None and len(fill):
            c = palette.color(fill[0])
            color = c[0] if c else None
        if size is None and node.get("sz"):
            size = int(node.get("sz")) / 100
    default = "+mj-lt" if kind == "title" else "+mn-lt"
    family = palette.fonts.get(family or default, family or palette.fonts.get(default))
    return family, color or palette.scheme_color("tx1"), size


def readable(layout, preferred: str | None, under: Box, extra: tuple[str, ...] = ()) -> str | None:
    """The first colour (``preferred``, the theme's text and dark/light colours, then black, white) that keeps
    ``MIN_CONTRAST`` on the background under ``under``; None when none does (a busy picture)."""
    c = canvas(layout)
    pal = c.palette
    candidates = [x for x in (preferred, *extra, pal.scheme_color("tx1"), pal.scheme_color("tx2"), pal.scheme_color("bg1"),
                              pal.scheme_color("bg2"), "000000", "FFFFFF") if x]
    for col in candidates:
        if c.worst_contrast(col, under) >= MIN_CONTRAST + MARGIN:
            return col
    return None


def panel_for(layout, under: Box, preferred: str | None) -> tuple[str, str]:
    """(panel colour, text colour) for text no single colour can carry on ``under``: the background's own
    dominant colours first (a solid patch of the band it sits on), then the theme's light colour, white."""
    c = canvas(layout)
    common = [rgb for _, rgb in sorted(colors_of(c.crop(under)), reverse=True)[:3]]
    shades = [("%02X%02X%02X" % tuple(round(v * k) for v in rgb)) for rgb in common for k in (1.0, 0.7, 0.5)]
    for panel in (*shades, c.palette.scheme_color("bg1"), "FFFFFF"):
        for ink in (preferred, "FFFFFF", "000000"):
            if ink and contrast(ink, panel) >= MIN_CONTRAST + 0.3:
                return panel, ink
    return "FFFFFF", "000000"


@dataclass(frozen=True)
class Look:
    """How generated content looks on one layout.

    ``ink``: text colour on the background; ``panel``: an opaque fill under generated text when no colour
    reads on the whole background (a busy picture); ``card``: the fill under charts when their text or
    series would not read on the background (dark, busy, or too few theme accents that contrast);
    ``chart_ink``/``accents``: chart text and series colours (theme accents that keep 3:1 against what is
    under them, WCAG 2.1 non-text contrast); ``strong``: table header fill (theme dark or accent colour
    under white text); fonts: the template's body and title fonts.
    """

    ink: str
    panel: str | None
    card: str | None
    chart_ink: str
    accents: tuple[str, ...]
    strong: str
    body_font: str | None
    title_font: str | None

    def under_text(self, default: str) -> str:
        """The background generated text sits on."""
        return self.panel or default


def _best_ink(bg: str, preferred: str | None) -> str:
    if preferred and contrast(preferred, bg) >= MIN_CONTRAST:
        return preferred
    return "000000" if contrast(bg, "000000") >= contrast(bg, "FFFFFF") else "FFFFFF"


def look(layout, area: Box, fallback_accents: tuple[str, ...], fallback_strong: str) -> Look:
    c = canvas(layout)
    pal = c.palette
    body_font, body_color, _ = text_props(layout, "body")
    title_font, _, _ = text_props(layout, "title")
    ink = readable(layout, body_color, area)
    panel = None
    if ink is None:  # no colour reads everywhere: an opaque panel of the theme's light background colour
        panel = pal.scheme_color("bg1") if luminance(pal.scheme_color("bg1")) > 0.8 else "FFFFFF"
        ink = _best_ink(panel, body_color)
    bg = panel or c.median(area)
    theme = [pal.scheme_color(f"accent{i}") for i in range(1, 7)]
    accents = tuple(a for a in theme if contrast(a, bg) >= 3.0)
    card = None
    if panel is None and (len(set(accents)) < 3 or c.plainness(area) < 0.9 or luminance(bg) < 0.4):
        card = pal.scheme_color("bg1") if luminance(pal.scheme_color("bg1")) > 0.8 else "FFFFFF"
    chart_bg = panel or card or bg
    accents = tuple(a for a in theme if contrast(a, chart_bg) >= 3.0)
    if len(set(accents)) < 3:
        accents = tuple(a for a in fallback_accents if contrast(a, chart_bg) >= 3.0) or (_best_ink(chart_bg, None),)
    strong = next((x for x in (pal.scheme_color("tx2"), pal.scheme_color("accent1"), fallback_strong)
                   if contrast(x, "FFFFFF") >= MIN_CONTRAST), fallback_strong)
    return Look(ink, panel, card, _best_ink(chart_bg, ink if chart_bg == bg else body_color), accents, strong,
                body_font, title_font)


def overlap(a: Box, b: Box) -> int:
    """Overlap area of two boxes (0 when apart)."""
    w = min(a.right, b.right) - max(a.x, b.x)
    h = min(a.bottom, b.bottom) - max(a.y, b.y)
    return max(w, 0) * max(h, 0)
