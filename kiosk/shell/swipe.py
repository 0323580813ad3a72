"""SwipeDetector: notices a one-finger horizontal swipe over an area, without consuming it.

It watches the window's touch (and real mouse) events from an application event filter,
so kinetic scroll areas and buttons under the finger work as usual; a swipe counts when
the finger travels far (≥ 30 mm and ≥ 200 design px), mostly sideways (|dx| ≥ 2·|dy|) and
fast enough (≤ 1 s). ``allow(pos)`` lets the current page refuse (a timeline, a plan).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk.theme import Theme

MAX_DURATION_MS = 1000


class SwipeDetector(QObject):
    swiped = Signal(str)
    """``"left"`` (finger moved right-to-left) or ``"right"``."""

    def __init__(
        self, area: QWidget, theme: Theme, allow: Callable[[QPoint], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.area = area
        self.allow = allow
        self.threshold = max(theme.mm(30), theme.px(200))
        self._tracking = False
        self._start = QPointF()
        self._clock = QElapsedTimer()

    def _begin(self, pos: QPointF) -> None:
        self._tracking = False
        if not self.area.isVisible():
            return
        local = self.area.mapFrom(self.area.window(), pos.toPoint())
        if self.area.rect().contains(local) and self.allow(local):
            self._tracking = True
            self._start = QPointF(pos)
            self._clock.start()

    def _finish(self, pos: QPointF) -> None:
        if not self._tracking:
            return
        self._tracking = False
        dx = pos.x() - self._start.x()
        dy = pos.y() - self._start.y()
        if abs(dx) >= self.threshold and abs(dx) >= 2 * abs(dy) and self._clock.elapsed() <= MAX_DURATION_MS:
            self.swiped.emit("left" if dx < 0 else "right")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        window = self.area.window().windowHandle()
        if window is None or obj is not window:
            return False
        t = event.type()
        if t == QEvent.Type.TouchBegin:
            points = event.points()  # type: ignore[attr-defined]
            if len(points) == 1:
                self._begin(points[0].position())
            else:
                self._tracking = False
        elif t == QEvent.Type.TouchUpdate:
            points = event.points()  # type: ignore[attr-defined]
            if len(points) != 1:
                self._tracking = False  # a second finger: a pinch or mashing, not a swipe
        elif t == QEvent.Type.TouchEnd:
            self._on_touch_end(event)  # type: ignore[arg-type]
        elif t == QEvent.Type.TouchCancel:
            self._tracking = False
        elif t in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            self._on_mouse(event)  # type: ignore[arg-type]
        return False

    def _on_touch_end(self, event: QTouchEvent) -> None:
        points = event.points()
        if len(points) == 1:
            self._finish(points[0].position())
        else:
            self._tracking = False

    def _on_mouse(self, event: QMouseEvent) -> None:
        if event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            return  # touch already handled above
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if event.type() == QEvent.Type.MouseButtonPress:
            self._begin(event.position())
        else:
            self._finish(event.position())
