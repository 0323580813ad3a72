"""Text that custom painters draw (not widgets): where it lands, so a test can check that
it is not cut by the screen edge or by its widget, and that two texts don't overlap.

While :func:`recording_painted_text` is active, every ``QPainter.drawText`` called from
Python (the kiosk's painters: the history timeline and cards, the partners grid's cards,
the park plan's labels, chips, tiles…) is logged with its rectangle and clip, on the
painter's device. Text painted into a pixmap (a card cache) is carried along when the
pixmap is drawn onto a widget (``drawPixmap``), so cached cards count too — as long as
the recording was on when the pixmap was painted (start it before building the window, or
let :func:`painted_text_problems` repaint the window). Qt's own widgets (labels, buttons
drawn by the style) are C++ and are not logged: the widget checks cover them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


@dataclass
class PaintedText:
    text: str
    rect: QRectF
    """Where the glyphs go, in the device's logical coordinates."""
    clip: QRectF | None = None
    """The painter's clip then (device coordinates), if it clipped."""


@dataclass
class PaintedTextLog:
    widgets: dict[int, tuple[QWidget, list[PaintedText]]] = field(default_factory=dict)
    pixmaps: dict[int, list[PaintedText]] = field(default_factory=dict)

    def add(self, device: Any, item: PaintedText) -> None:
        if isinstance(device, QWidget):
            key = shiboken6.getCppPointer(device)[0]
            self.widgets.setdefault(key, (device, []))[1].append(item)
        elif isinstance(device, QPixmap | QImage):  # a cache: placed when it is drawn
            self.pixmaps.setdefault(_key(device), []).append(item)

    def clear_widgets(self) -> None:
        self.widgets.clear()

    def on(self, widget: QWidget) -> list[PaintedText]:
        """What was painted on ``widget`` (its own coordinates) since the last clear."""
        entry = self.widgets.get(shiboken6.getCppPointer(widget)[0])
        return list(entry[1]) if entry else []


_LOGS: list[PaintedTextLog] = []


def _key(source: QPixmap | QImage) -> tuple[str, int]:
    return type(source).__name__, source.cacheKey()


def _text_rect(p: QPainter, args: tuple[Any, ...]) -> tuple[str, QRectF] | None:
    """(text, rect in the painter's logical coordinates) for drawText's overloads."""
    fm = QFontMetricsF(p.font())
    text = next((a for a in args if isinstance(a, str)), None)
    if text is None or not text.strip():
        return None
    first = args[0]
    if isinstance(first, QPointF | QPoint) or (isinstance(first, int | float) and len(args) == 3):
        x, y = (first.x(), first.y()) if isinstance(first, QPointF | QPoint) else (args[0], args[1])
        return text, fm.tightBoundingRect(text).translated(x, y)  # the ink, from the baseline origin
    if isinstance(first, QRectF | QRect):
        flags = int(args[1]) if isinstance(args[1], int) else 0
        return text, _ink_in_box(fm, QRectF(first), flags, text)
    if isinstance(first, int | float) and len(args) >= 6:
        return text, _ink_in_box(fm, QRectF(*args[:4]), int(args[4]), text)
    return None


def _ink_in_box(fm: QFontMetricsF, box: QRectF, flags: int, text: str) -> QRectF:
    """Where drawText(box, flags, text) puts the ink: one line → its glyphs' bounds placed
    as the alignment puts the line; wrapped text → the laid-out block."""
    laid = fm.boundingRect(box, flags, text)
    if "\n" in text or flags & int(Qt.TextFlag.TextWordWrap):
        return laid
    return fm.tightBoundingRect(text).translated(laid.left(), laid.top() + fm.ascent())


def _pixmap_mapping(args: tuple[Any, ...]) -> tuple[QPixmap | QImage, QPointF, float, float, QRectF] | None:
    """drawPixmap's / drawImage's (source, where its logical origin lands, x scale, y
    scale, target rectangle) for the point and rectangle overloads."""
    pm = next((a for a in args if isinstance(a, QPixmap | QImage)), None)
    if pm is None or pm.isNull():
        return None
    dpr = pm.devicePixelRatio() or 1.0
    whole = QRectF(0, 0, pm.width(), pm.height())  # device pixels
    i = next(k for k, a in enumerate(args) if a is pm)
    before, after = args[:i], args[i + 1:]
    if len(before) == 1 and isinstance(before[0], QPointF | QPoint):
        target = QRectF(QPointF(before[0]), whole.size() / dpr)
    elif len(before) == 2 and all(isinstance(a, int | float) for a in before):
        target = QRectF(before[0], before[1], whole.width() / dpr, whole.height() / dpr)
    elif len(before) == 1 and isinstance(before[0], QRectF | QRect):
        target = QRectF(before[0])
    elif len(before) == 4 and all(isinstance(a, int | float) for a in before):
        target = QRectF(*before)
    else:
        return None
    source = QRectF(after[0]) if after and isinstance(after[0], QRectF | QRect) else whole
    if source.width() <= 0 or source.height() <= 0:
        source = whole
    sx = target.width() / source.width() * dpr
    sy = target.height() / source.height() * dpr
    origin = QPointF(target.left() - source.left() / dpr * sx, target.top() - source.top() / dpr * sy)
    return pm, origin, sx, sy, QRectF(target)


def _clip(p: QPainter) -> QRectF | None:
    return p.worldTransform().mapRect(p.clipBoundingRect()) if p.hasClipping() else None


def _and_clip(a: QRectF | None, b: QRectF | None) -> QRectF | None:
    if a is None or b is None:
        return a if b is None else b
    return a.intersected(b)


@contextlib.contextmanager
def recording_painted_text() -> Iterator[PaintedTextLog]:
    """Log every painted text (see the module doc) until the block ends."""
    log = PaintedTextLog()
    outermost = not _LOGS
    draw_text, draw_pixmap, draw_image = QPainter.drawText, QPainter.drawPixmap, QPainter.drawImage

    def logged_text(self: QPainter, *args: Any) -> Any:
        found = _text_rect(self, args)
        if found is not None:
            text, rect = found
            for lg in _LOGS:
                lg.add(self.device(), PaintedText(text, self.worldTransform().mapRect(rect), _clip(self)))
        return draw_text(self, *args)

    def logged_pixmap(self: QPainter, *args: Any) -> Any:
        _place(self, args)
        return draw_pixmap(self, *args)

    def logged_image(self: QPainter, *args: Any) -> Any:
        _place(self, args)
        return draw_image(self, *args)

    _LOGS.append(log)
    if outermost:
        QPainter.drawText = logged_text  # type: ignore[method-assign]
        QPainter.drawPixmap = logged_pixmap  # type: ignore[method-assign]
        QPainter.drawImage = logged_image  # type: ignore[method-assign]
    try:
        yield log
    finally:
        _LOGS.remove(log)
        if outermost:
            QPainter.drawText = draw_text  # type: ignore[method-assign]
            QPainter.drawPixmap = draw_pixmap  # type: ignore[method-assign]
            QPainter.drawImage = draw_image  # type: ignore[method-assign]


def _place(self: QPainter, args: tuple[Any, ...]) -> None:
    """A cached picture drawn: the texts painted into it land on this painter's device."""
    mapping = _pixmap_mapping(args)
    if mapping is None:
        return
    pm, origin, sx, sy, target = mapping
    t = self.worldTransform()
    clip = _and_clip(_clip(self), t.mapRect(target))
    for lg in _LOGS:
        for item in lg.pixmaps.get(_key(pm), []):
            r = item.rect
            placed = QRectF(origin.x() + r.x() * sx, origin.y() + r.y() * sy, r.width() * sx, r.height() * sy)
            inner = None
            if item.clip is not None:
                c = item.clip
                inner = t.mapRect(QRectF(origin.x() + c.x() * sx, origin.y() + c.y() * sy,
                                         c.width() * sx, c.height() * sy))
            lg.add(self.device(), PaintedText(item.text, t.mapRect(placed), _and_clip(clip, inner)))


# -- the checks -----------------------------------------------------------------------------


def _visible_rect(widget: QWidget, window: QWidget) -> QRectF:
    """``widget``'s rectangle in window coordinates, clipped by its ancestors and the window."""
    rect = QRectF(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRectF(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())))
        parent = parent.parentWidget()
    return rect.intersected(QRectF(window.rect()))


def _scroll_axes(widget: QWidget) -> tuple[bool, bool]:
    """(scrolls sideways, scrolls up/down) when ``widget`` is a scroll area's viewport: text
    cut along an axis it scrolls is content scrolled out of view, not a fault."""
    area = widget.parentWidget()
    if isinstance(area, QAbstractScrollArea) and area.viewport() is widget:
        return area.horizontalScrollBar().maximum() > 0, area.verticalScrollBar().maximum() > 0
    return False, False


def _name(widget: QWidget) -> str:
    area = widget.parentWidget()
    if isinstance(area, QAbstractScrollArea) and area.viewport() is widget:
        return f"{type(area).__name__} {area.objectName()!r} viewport"
    return f"{type(widget).__name__} {widget.objectName()!r}"


def _shown_texts(
    widget: QWidget, items: list[PaintedText], window: QWidget
) -> tuple[list[str], list[tuple[str, QRectF]]]:
    """(cut texts, [(text, rect in window coordinates) of every text on screen])."""
    origin = QPointF(widget.mapTo(window, QPoint(0, 0)))
    visible = _visible_rect(widget, window)
    sideways, downwards = _scroll_axes(widget)
    cut: list[str] = []
    shown: list[tuple[str, QRectF]] = []
    for item in items:
        rect = item.rect.translated(origin)
        area = visible if item.clip is None else visible.intersected(item.clip.translated(origin))
        if not rect.intersects(area):
            continue  # scrolled or clipped wholly out of view
        slack = area.adjusted(-1.5, -1.5, 1.5, 1.5)
        across = rect.left() < slack.left() or rect.right() > slack.right()
        along = rect.top() < slack.top() or rect.bottom() > slack.bottom()
        if (across and not sideways) or (along and not downwards):
            cut.append(f"{_name(widget)}: {item.text[:30]!r} at {_r(rect)} cut by {_r(area)}")
        shown.append((item.text, rect.intersected(area)))
    return cut, shown


def _r(rect: QRectF) -> tuple[int, int, int, int]:
    return rect.toAlignedRect().getRect()


def _overlaps(widget: QWidget, shown: list[tuple[str, QRectF]]) -> list[str]:
    out = []
    for i, (ta, a) in enumerate(shown):
        for tb, b in shown[i + 1:]:
            same_place = abs(a.x() - b.x()) <= 3 and abs(a.y() - b.y()) <= 3
            if ta == tb and same_place:
                continue  # one text drawn twice (a halo, a shadow)
            if a.adjusted(1, 1, -1, -1).intersects(b.adjusted(1, 1, -1, -1)):
                out.append(f"{_name(widget)}: {ta[:24]!r} {_r(a)} overlaps {tb[:24]!r} {_r(b)}")
    return out


def painted_text_problems(window: QWidget, log: PaintedTextLog | None = None) -> list[str]:
    """Painted text cut by its widget or the screen edge (other than scrolled out along a
    scroll area's axis), and painted texts of one widget overlapping each other. Repaints
    ``window`` (under ``log``, or a fresh recording) to see what is on screen now."""
    if log is None:
        with recording_painted_text() as fresh:
            return painted_text_problems(window, fresh)
    log.clear_widgets()
    window.grab()  # every visible widget paints now, into the log
    problems: list[str] = []
    for widget, items in list(log.widgets.values()):
        if not (widget.isVisible() and (widget is window or window.isAncestorOf(widget))):
            continue
        cut, shown = _shown_texts(widget, items, window)
        problems += [f"cut: {c}" for c in cut] + [f"overlap: {o}" for o in _overlaps(widget, shown)]
    return problems
