"""Drawing the park plan: the SVG as cached images, and the hotspots over it.

:class:`PlanPicture` loads the SVG once (after checking it the way ``kiosk validate`` does,
so a broken file never reaches Qt's parser) and draws it two ways:

* *base* images of the whole plan at 1× and 2× the fit resolution — blitted, scaled,
  while a finger moves or a zoom animates (a blit costs ≈ 1 ms, a fresh SVG render 5–20 ms);
* a *sharp* image of just the visible part at the exact screen scale — rendered once when
  the view comes to rest (then blitted 1:1), so a zoomed-in plan is crisp.

:class:`HotspotLayer` paints the hotspots (zones dashed, buildings solid, sites with a
marker; the selected one amber) and their names in screen space, skipping labels that do
not fit or would collide, so 100 hotspots stay legible and cheap.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from kiosk.content.model import Hotspot
from kiosk.sections.park.label_place import Request, marker_rect, place
from kiosk.theme import Theme
from kiosk.widgets.text import layout_lines

log = logging.getLogger(__name__)

#: Rendered hotspot labels kept for reuse (they are redrawn, not re-laid-out, each frame).
LABEL_CACHE_BYTES = 16 * 1024 * 1024


# -- hotspots --------------------------------------------------------------------------


@dataclass
class HotspotShape:
    """A hotspot's geometry in plan units, precomputed once."""

    hotspot: Hotspot
    path: QPainterPath
    bounds: QRectF
    area: float
    is_rect: bool = False
    """An axis-aligned rectangle (drawn with drawRect: much cheaper than a path)."""

    @classmethod
    def of(cls, hotspot: Hotspot) -> HotspotShape:
        poly = QPolygonF([QPointF(x, y) for x, y in hotspot.points()])
        path = QPainterPath()
        path.addPolygon(poly)
        path.closeSubpath()
        bounds = path.boundingRect()
        # Shoelace area (polygons), for "the smallest hotspot under the finger wins".
        pts = hotspot.points()
        n = len(pts)
        area = abs(sum(pts[i][0] * pts[(i + 1) % n][1] - pts[(i + 1) % n][0] * pts[i][1] for i in range(n))) / 2
        return cls(hotspot, path, bounds, max(area, 1e-6), hotspot.rect is not None)

    @property
    def id(self) -> str:
        return self.hotspot.id

    def distance(self, q: QPointF) -> float:
        """Plan-unit distance from ``q`` to the shape (0 inside)."""
        if self.is_rect:
            b = self.bounds
            dx = max(b.left() - q.x(), 0.0, q.x() - b.right())
            dy = max(b.top() - q.y(), 0.0, q.y() - b.bottom())
            return math.hypot(dx, dy)
        if self.path.contains(q):
            return 0.0
        pts = self.hotspot.points()
        return min(_segment_distance(q, pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts)))

    @property
    def kind(self) -> str:
        return self.hotspot.kind


def _segment_distance(q: QPointF, a: tuple[float, float], b: tuple[float, float]) -> float:
    ax, ay = a
    vx, vy = b[0] - ax, b[1] - ay
    length = vx * vx + vy * vy
    u = 0.0 if length == 0 else max(0.0, min(1.0, ((q.x() - ax) * vx + (q.y() - ay) * vy) / length))
    return math.hypot(q.x() - (ax + u * vx), q.y() - (ay + u * vy))


#: Label priority: the selected one first, then sites, buildings, zones.
def hit_smallest(shapes: list[HotspotShape], q: QPointF) -> str | None:
    """The smallest hotspot containing plan point ``q``."""
    best = None
    for shape in shapes:
        if shape.bounds.contains(q) and shape.path.contains(q) and (best is None or shape.area < best.area):
            best = shape
    return best.id if best else None


def hit_near(shapes: list[HotspotShape], q: QPointF, reach: float) -> str | None:
    """The hotspot nearest plan point ``q`` within ``reach`` (plan units), if any."""
    best, best_d = None, reach
    for shape in shapes:
        if shape.bounds.adjusted(-reach, -reach, reach, reach).contains(q):
            d = shape.distance(q)
            if d < best_d:
                best, best_d = shape.id, d
    return best


def inner_point(shape: HotspotShape, shapes: list[HotspotShape]) -> QPointF:
    """A plan point inside ``shape`` that no smaller hotspot covers (tests tap it)."""
    b = shape.bounds
    for fy in (0.5, 0.15, 0.85, 0.05, 0.95):
        for fx in (0.5, 0.15, 0.85, 0.05, 0.95):
            q = QPointF(b.left() + b.width() * fx, b.top() + b.height() * fy)
            if shape.path.contains(q) and hit_smallest(shapes, q) == shape.id:
                return q
    return b.center()


_KIND_ORDER = {"site": 0, "zone": 1, "building": 2}


class HotspotLayer:
    """Paints hotspot outlines and labels for a view transform (no widget)."""

    def __init__(self, theme: Theme, shapes: list[HotspotShape]) -> None:
        self.theme = theme
        self.shapes = shapes
        self.zone_font = theme.font("label")
        self.name_font = theme.font("caption")
        self._words: dict[tuple[str, str, bool], float] = {}
        self._label_cache: dict[tuple[Any, ...], QImage | None] = {}
        self._label_bytes = 0
        self._colours: dict[tuple[str, str], tuple[QColor, QColor, float, Qt.PenStyle]] = {}
        self.drawn_labels: dict[str, QRectF] = {}
        self.obstacles: list[QRectF] = []
        """Controls, notes and site markers the labels kept clear of (last paint; tests)."""
        """The label rectangles of the last paint (screen coordinates; tests read them)."""

    def colours(self, kind: str, state: str) -> tuple[QColor, QColor, float, Qt.PenStyle]:
        """(outline, fill, outline width in px, pen style) for a hotspot kind and state
        (``rest``, ``pressed`` or ``selected``)."""
        key = (kind, state)
        if key not in self._colours:
            self._colours[key] = self._make_colours(kind, state)
        return self._colours[key]

    def _make_colours(self, kind: str, state: str) -> tuple[QColor, QColor, float, Qt.PenStyle]:
        t = self.theme
        if state == "selected":
            return t.color("accent"), t.color("accent", 0.08), t.px(4), Qt.PenStyle.SolidLine
        if kind == "zone":
            # no fill at rest: zones are large, and a fill the size of the plan is the
            # dearest thing on a pinch frame
            line, fill, style = t.color("primary_text", 0.85), t.color("primary", 0.0), Qt.PenStyle.DashLine
            width = t.px(2.5)
        elif kind == "site":
            line, fill, style = t.color("primary_text", 0.95), t.color("primary", 0.12), Qt.PenStyle.SolidLine
            width = t.px(2.5)
        else:
            line, fill, style = t.color("primary", 0.95), t.color("primary", 0.16), Qt.PenStyle.SolidLine
            width = t.px(2.5)
        if state == "pressed":
            fill = t.color("primary", 0.38)
            line = t.color("text")
        return line, fill, width, style

    def paint(self, p: QPainter, transform: QTransform, viewport: QRectF, lang: str,
              selected: str | None, pressed: str | None, blocked: list[QRectF] | None = None) -> None:
        """Draw every hotspot under ``transform``; labels avoid ``blocked`` screen areas."""
        t = self.theme
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible: list[tuple[HotspotShape, QRectF]] = []
        ordered = sorted(self.shapes, key=lambda s: (s.id == selected, -s.area))  # big first, selected on top
        for shape in ordered:
            screen = transform.mapRect(shape.bounds)
            if not screen.intersects(viewport):
                continue
            visible.append((shape, screen))
            state = "selected" if shape.id == selected else ("pressed" if shape.id == pressed else "rest")
            line, fill, width, style = self.colours(shape.kind, state)
            pen = QPen(line, width, style, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin)
            if style == Qt.PenStyle.DashLine:
                pen.setDashPattern([5, 3.5])
            outline = screen if shape.is_rect else transform.map(shape.path)
            if state == "selected":  # a soft amber glow around the outline
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.setPen(QPen(t.color("accent", 0.28), t.px(14), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                              Qt.PenJoinStyle.RoundJoin))
                p.drawRect(outline) if isinstance(outline, QRectF) else p.drawPath(outline)
            # fill, then stroke without a brush: ~4× cheaper than both at once (100 hotspots);
            # axis-aligned rectangles need no antialiasing
            if isinstance(outline, QRectF):  # shape.is_rect, axis-aligned: no antialiasing needed, and no stroker
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                if fill.alpha():
                    p.fillRect(outline, fill)
                if style == Qt.PenStyle.SolidLine:
                    _frame(p, outline, width, line)
                else:  # a dashed pen costs ~0.4 ms a rectangle; dashes as fills ~20 µs
                    _dashed_frame(p, outline, width, line, viewport)
                p.setRenderHint(QPainter.RenderHint.Antialiasing)
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(fill)
                p.drawPath(outline)
                p.setPen(pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPath(outline)
            if shape.kind == "site":
                self._marker(p, screen.center(), state)
        self._labels(p, visible, viewport, lang, selected, blocked or [])
        p.restore()

    def _marker(self, p: QPainter, c: QPointF, state: str) -> None:
        t = self.theme
        r = t.px(14)
        p.setPen(QPen(t.color("text"), t.px(3)))
        p.setBrush(t.color("accent" if state == "selected" else "primary"))
        p.drawEllipse(c, r, r)

    def _longest_word(self, shape: HotspotShape, lang: str, font: QFont) -> float:
        key = (shape.id, lang, font is self.zone_font)
        widest = self._words.get(key)
        if widest is None:
            fm = QFontMetricsF(font)
            widest = max((fm.horizontalAdvance(w) for w in shape.hotspot.name.get(lang).split()), default=0.0) + 1
            self._words[key] = widest
        return widest

    def _label(self, shape: HotspotShape, lang: str, max_w: float, selected: bool, dpr: float) -> QImage | None:
        """The label (pill and name, wrapped to ``max_w``) as a cached image: labels stay
        the same size on screen at any zoom, so a blit replaces text layout and an
        antialiased rounded rectangle on every frame of a pinch."""
        t = self.theme
        step = t.px(40)
        max_w = math.ceil(max_w / step) * step  # a few widths only, so the cache stays small
        key = (shape.id, lang, max_w, selected, dpr)
        image = self._label_cache.get(key)
        if image is not None or key in self._label_cache:
            return image
        if self._label_bytes > LABEL_CACHE_BYTES:
            self._label_cache.clear()
            self._label_bytes = 0
        zone = shape.kind == "zone"
        font = self.zone_font if zone else self.name_font
        fm = QFontMetricsF(font)
        name = shape.hotspot.name.get(lang)
        if len(layout_lines(name, font, max_w)) > 2:  # a name in two lines, never cut
            max_w = max(max_w, min(fm.horizontalAdvance(name) / 2 + fm.height(), t.px(420) * t.text_scale))
        lines = layout_lines(name, font, max_w, max_lines=2)
        if not lines:
            self._label_cache[key] = None
            return None
        pad_x, pad_y = t.px(14), t.px(6)
        text_w = max(fm.horizontalAdvance(s) for s, _ in lines)
        w, h = math.ceil(text_w + 2 * pad_x), math.ceil(lines[-1][1] + fm.height() + 2 * pad_y)
        image = QImage(max(1, round(w * dpr)), max(1, round(h * dpr)), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        q = QPainter(image)
        q.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(0, 0, w, h)
        radius = min(h / 2, t.radius("sm"))
        if selected:
            q.setPen(Qt.PenStyle.NoPen)
            q.setBrush(t.color("accent_fill"))
            ink = t.color("on_accent")
        else:
            line = max(1.0, t.px(1.5))
            box = box.adjusted(line / 2, line / 2, -line / 2, -line / 2)
            q.setPen(QPen(t.color("line_strong"), line))
            q.setBrush(t.color("background_deep", 0.86))
            ink = t.color("text")
        q.drawRoundedRect(box, radius, radius)
        q.setFont(font)
        q.setPen(ink)
        for s, dy in lines:
            lx = pad_x if zone else (w - fm.horizontalAdvance(s)) / 2
            q.drawText(QPointF(lx, pad_y + dy + fm.ascent()), s)
        q.end()
        self._label_cache[key] = image
        self._label_bytes += image.sizeInBytes()
        return image

    def _labels(self, p: QPainter, visible: list[tuple[HotspotShape, QRectF]], viewport: QRectF, lang: str,
                selected: str | None, blocked: list[QRectF]) -> None:
        """Every visible hotspot's label, placed clear of the others (see :mod:`label_place`)."""
        t = self.theme
        dpr = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        order = sorted(visible, key=lambda v: (v[0].id != selected, _KIND_ORDER.get(v[0].kind, 3), v[0].area))
        images: dict[str, QImage] = {}
        requests: list[Request] = []
        for shape, screen in order:
            font = self.zone_font if shape.kind == "zone" else self.name_font
            room = screen.width() - t.px(28) if shape.kind == "building" else t.px(420)
            max_w = min(max(room, self._longest_word(shape, lang, font), t.px(200)), t.px(420))
            image = self._label(shape, lang, max_w, shape.id == selected, dpr)
            if image is not None:
                images[shape.id] = image
                requests.append(Request(shape.id, shape.kind, screen, (image.width() / dpr, image.height() / dpr)))
        hard = list(blocked) + [marker_rect(s.center(), t.px(18)) for shape, s in visible if shape.kind == "site"]
        self.obstacles = hard
        # a name with no clear place waits for zoom, the selected one too (its outline
        # and the detail panel name it): no label ever covers a control or another label
        boxes = place(requests, viewport, hard, inset=t.px(12), gap=t.px(8), margin=t.px(6), drop_blocked=True)
        self.drawn_labels = boxes
        for key, box in boxes.items():
            p.drawImage(QPointF(round(box.left()), round(box.top())), images[key])


def _frame(p: QPainter, r: QRectF, width: float, colour: QColor) -> None:
    """A solid rectangle outline of ``width`` centred on ``r``'s edges, as four fills."""
    h = width / 2
    p.fillRect(QRectF(r.left() - h, r.top() - h, r.width() + width, width), colour)
    p.fillRect(QRectF(r.left() - h, r.bottom() - h, r.width() + width, width), colour)
    p.fillRect(QRectF(r.left() - h, r.top() + h, width, r.height() - width), colour)
    p.fillRect(QRectF(r.right() - h, r.top() + h, width, r.height() - width), colour)


DASH, GAP = 5.0, 3.5
"""Zone outline dashes, in outline widths."""


def _dashed_frame(p: QPainter, r: QRectF, width: float, colour: QColor, clip: QRectF) -> None:
    """A dashed rectangle outline as small fills, only where it crosses ``clip``."""
    dash, period = DASH * width, (DASH + GAP) * width
    h = width / 2

    def run(start: float, length: float, lo: float, hi: float, place: Callable[[float, float], QRectF]) -> None:
        first = max(0, math.floor((lo - start) / period))
        last = min(math.ceil(length / period), math.ceil((hi - start) / period))
        for k in range(first, last + 1):
            a = start + k * period
            b = min(a + dash, start + length)
            if b > a:
                p.fillRect(place(a, b), colour)

    if clip.top() - h <= r.top() <= clip.bottom() + h:
        run(r.left(), r.width(), clip.left(), clip.right(), lambda a, b: QRectF(a, r.top() - h, b - a, width))
    if clip.top() - h <= r.bottom() <= clip.bottom() + h:
        run(r.left(), r.width(), clip.left(), clip.right(), lambda a, b: QRectF(a, r.bottom() - h, b - a, width))
    if clip.left() - h <= r.left() <= clip.right() + h:
        run(r.top(), r.height(), clip.top(), clip.bottom(), lambda a, b: QRectF(r.left() - h, a, width, b - a))
    if clip.left() - h <= r.right() <= clip.right() + h:
        run(r.top(), r.height(), clip.top(), clip.bottom(), lambda a, b: QRectF(r.right() - h, a, width, b - a))


# -- decorations ------------------------------------------------------------------------


