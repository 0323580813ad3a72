"""TimelineTrack: the position indicator under the timeline.

A slim track split into one segment per era (the current era's segment lit), amber dots
where the milestones are, and a handle showing the part of the timeline in view. Tapping
the track jumps there (animated); dragging along it scrubs. The whole strip is the tap
target (at least ``theme.min_target`` tall); only the line is drawn slim.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.theme import Theme
from kiosk.widgets.paintcache import StateCache
from kiosk.widgets.touch import TouchButton


class TimelineTrack(TouchButton):
    seek_requested = Signal(float, bool)
    """(fraction of the timeline to centre on, animated)."""
    scrubs = True

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setObjectName("timeline-track")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(theme.min_target)
        self._segments: list[tuple[float, float]] = []
        self._marks: list[tuple[float, bool]] = []
        self._window = (0.0, 1.0)
        self._current = 0
        self._rails = StateCache(limit=1)
        """The segments and milestone dots, painted once; the handle is drawn over them."""

    # -- display --------------------------------------------------------------------------
    def set_segments(self, segments: list[tuple[float, float]]) -> None:
        self._segments = list(segments)
        self.update()

    def set_marks(self, marks: list[tuple[float, bool]]) -> None:
        """Event positions (fraction, featured); only featured ones are drawn."""
        self._marks = [m for m in marks if m[1]]
        self.update()

    def set_visible_span(self, start: float, end: float) -> None:
        if (start, end) != self._window:
            self._window = (start, end)
            self.update()

    def set_current(self, era: int) -> None:
        if era != self._current:
            self._current = era
            self.update()

    @property
    def visible_span(self) -> tuple[float, float]:
        return self._window

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(600), self.theme.min_target)

    # -- geometry -------------------------------------------------------------------------
    def _span(self) -> tuple[float, float]:
        inset = self.theme.px(12)
        return inset, self.width() - inset

    def fraction_at(self, x: float) -> float:
        a, b = self._span()
        return max(0.0, min(1.0, (x - a) / max(1.0, b - a)))

    def x_at(self, fraction: float) -> float:
        a, b = self._span()
        return a + fraction * (b - a)

    def window_rect(self) -> QRectF:
        """The handle (the part of the timeline in view), in widget coordinates: as tall as
        the strip, which is its hit area (≥ ``theme.min_target``), and at least as wide;
        its outline is drawn inside this rectangle."""
        th = self.theme
        h = float(self.height())
        x0, x1 = self.x_at(self._window[0]), self.x_at(self._window[1])
        w = min(max(x1 - x0, float(th.min_target)), float(self.width()))
        x0 = max(0.0, min(x0, self.width() - w))
        return QRectF(x0, 0.0, w, h)

    # -- input ----------------------------------------------------------------------------
    def _begin(self, pos: QPointF) -> None:
        super()._begin(pos)
        self.seek_requested.emit(self.fraction_at(pos.x()), True)

    def _drag(self, pos: QPointF) -> None:
        if self.is_down:  # a drag along the track scrubs instead of cancelling
            self.seek_requested.emit(self.fraction_at(pos.x()), False)

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, _e: QPaintEvent) -> None:
        th = self.theme
        state = (th, tuple(self._segments), tuple(self._marks), self._current)
        rails = self._rails.pixmap(self, state, self._paint_rails)
        p = QPainter(self)
        p.drawPixmap(0, 0, rails)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = max(1.5, th.px(2.5))
        handle = self.window_rect().adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2)  # outline inside
        p.setBrush(th.color("text", 0.30 if self.is_down else 0.16))  # pressed: a firmer fill
        p.setPen(QPen(th.color("text"), pen))
        p.drawRoundedRect(handle, handle.height() / 2, handle.height() / 2)
        p.end()

    def _paint_rails(self, p: QPainter) -> None:
        th = self.theme
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        cy = self.height() / 2
        thick = th.px(6)
        gap = th.px(6)
        p.setPen(Qt.PenStyle.NoPen)
        segments = self._segments or [(0.0, 1.0)]
        for k, (a, b) in enumerate(segments):
            x0 = self.x_at(a) + (gap / 2 if k else 0)
            x1 = self.x_at(b) - (gap / 2 if k < len(segments) - 1 else 0)
            p.setBrush(th.color("primary" if k == self._current else "line_strong"))
            p.drawRoundedRect(QRectF(x0, cy - thick / 2, max(thick, x1 - x0), thick), thick / 2, thick / 2)
        for f, _featured in self._marks:
            r = th.px(6)
            p.setBrush(th.color("accent"))
            p.drawEllipse(QPointF(self.x_at(f), cy), r, r)
