"""TapTracker: the one definition of a tap, shared by every custom view and :class:`TouchButton`.

The rules, decided here once (and tested once, in ``tests/widgets/test_tap.py``):

* **One finger.** The first finger down owns the press; touch and mouse never mix (a mouse
  press while a finger is down is ignored, and the other way round).
* **Slop.** Moving further than :func:`tap_slop` from where the finger landed turns the press
  into a drag: the press is cancelled (the scroller or swipe has it), unless the host scrubs
  (it passes ``drag``, and gets every move instead).
* **A second finger cancels.** Another finger on the same widget while the press is live
  cancels it (a pinch or mashing is never a tap); the gesture stays cancelled until the
  owning finger lifts.
* **Long press** (only if the host asks, with ``long_press_ms``): holding still that long ends
  the press with ``long_press(pos)`` instead of a tap.
* A tap is the owning finger (or the left button) lifting while the press is still live:
  ``tap(pos)`` with the release position; the host decides what was hit. Any other end of a
  live press calls ``cancel()``. ``TouchCancel``, hiding and disabling end it too (the host
  calls :meth:`TapTracker.reset`).

The host's ``press(pos)`` says whether a press started at all (``False``: nothing tappable
under the finger, or the touch only caught a fling): the tracker then just follows the finger
until it lifts, and calls nothing else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QTouchEvent

from kiosk.theme import Theme

TOUCH_EVENTS = (
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
)
MOUSE_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
)


def tap_slop(theme: Theme) -> float:
    """How far a finger may wander and still tap: 4 mm, at least 24 design px."""
    return float(max(theme.mm(4), theme.px(24)))


class TapTracker:
    """Follows one finger (or the left mouse button) for a host widget; see the module doc."""

    def __init__(
        self,
        theme: Theme,
        *,
        press: Callable[[QPointF], bool],
        tap: Callable[[QPointF], None],
        cancel: Callable[[], None],
        drag: Callable[[QPointF], None] | None = None,
        long_press_ms: int | None = None,
        long_press: Callable[[QPointF], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.theme = theme
        self._press, self._tap, self._cancel, self._drag = press, tap, cancel, drag
        self._long_press = long_press
        self._touch_id: int | None = None
        self._mouse = False
        self._live = False
        self._origin = QPointF()
        self._last = QPointF()
        self._timer: QTimer | None = None
        if long_press_ms is not None:
            self._timer = QTimer(parent)
            self._timer.setObjectName("tap-long-press")
            self._timer.setSingleShot(True)
            self._timer.setInterval(long_press_ms)
            self._timer.timeout.connect(self._on_long_press)

    # -- state ------------------------------------------------------------------------
    @property
    def live(self) -> bool:
        """Whether a press is down and may still become a tap."""
        return self._live

    @property
    def tracking(self) -> bool:
        """Whether a finger or the mouse button is down (live or not)."""
        return self._touch_id is not None or self._mouse

    @property
    def touching(self) -> bool:
        return self._touch_id is not None

    @property
    def origin(self) -> QPointF:
        """Where the current (or last) press landed."""
        return self._origin

    def slop(self) -> float:
        return tap_slop(self.theme)

    def drop(self) -> None:
        """End the live press without a tap (a scroller took over); keep following the finger."""
        if self._live:
            self._live = False
            if self._timer is not None:
                self._timer.stop()
            self._cancel()

    def reset(self) -> None:
        """Forget the finger or button entirely (TouchCancel, hide, disable)."""
        self._touch_id = None
        self._mouse = False
        self.drop()

    # -- events -----------------------------------------------------------------------
    def touch_event(self, e: QTouchEvent) -> None:
        t = e.type()
        if t == QEvent.Type.TouchCancel:
            self.reset()
            return
        points = e.points()
        if t == QEvent.Type.TouchBegin:
            if not points or self._mouse:
                return
            self._touch_id = points[0].id()
            self._begin(points[0].position())
        if len(points) > 1:
            self.drop()  # a second finger: not a tap
        mine = next((pt for pt in points if pt.id() == self._touch_id), None)
        if mine is None:
            if t == QEvent.Type.TouchEnd and self._touch_id is not None:
                self.reset()
            return
        if t == QEvent.Type.TouchBegin:
            return
        if mine.state() == mine.State.Released or t == QEvent.Type.TouchEnd:
            self._finish(mine.position())
        else:
            self._move(mine.position())

    def mouse_event(self, e: QMouseEvent) -> None:
        t = e.type()
        left = e.button() == Qt.MouseButton.LeftButton
        if t in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            if left and self._touch_id is None:  # a quick second click is a tap, not a double-click
                self._mouse = True
                self._begin(e.position())
        elif t == QEvent.Type.MouseMove:
            if self._mouse:
                self._move(e.position())
        elif t == QEvent.Type.MouseButtonRelease and self._mouse and left:
            self._finish(e.position())

    # -- steps ------------------------------------------------------------------------
    def _begin(self, pos: QPointF) -> None:
        self.drop()
        self._origin = QPointF(pos)
        self._last = QPointF(pos)
        self._live = bool(self._press(QPointF(pos)))
        if self._live and self._timer is not None:
            self._timer.start()

    def _move(self, pos: QPointF) -> None:
        self._last = QPointF(pos)
        if not self._live:
            return
        if self._drag is not None:
            self._drag(QPointF(pos))
            return
        d = pos - self._origin
        if abs(d.x()) > self.slop() or abs(d.y()) > self.slop():
            self.drop()  # a drag, not a tap: let the scroller or swipe have it

    def _finish(self, pos: QPointF) -> None:
        was_live = self._live
        self._touch_id = None
        self._mouse = False
        self._live = False
        if self._timer is not None:
            self._timer.stop()
        if was_live:
            self._tap(QPointF(pos))

    def _on_long_press(self) -> None:
        if self._live:
            self._live = False
            if self._long_press is not None:
                self._long_press(QPointF(self._last))
            else:
                self._cancel()


class ForwardsTaps:
    """Mixin for a widget that owns a :class:`TapTracker` as ``tracker``: the mouse (press,
    move, release, double-click) and touch events go to it and stop there. Touch arrives
    through :meth:`forward_touch`, called from the host's ``event`` (or ``viewportEvent``)."""

    tracker: TapTracker

    def forward_touch(self, e: QEvent) -> bool:
        """Give a touch event to the tracker (True: it was one, and it is handled)."""
        if e.type() not in TOUCH_EVENTS:
            return False
        self.tracker.touch_event(e)  # type: ignore[arg-type]
        e.accept()
        return True

    def _forward_mouse(self, e: QMouseEvent) -> None:
        self.tracker.mouse_event(e)  # a quick second tap is a tap, not a double-click
        e.accept()

    def mousePressEvent(self, e: QMouseEvent) -> None:
        self._forward_mouse(e)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        self._forward_mouse(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        self._forward_mouse(e)

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        self._forward_mouse(e)


def swallow_touch(e: QEvent, on_begin: Callable[[], object]) -> bool:
    """For a full-screen sleeper (night, welcome): the first finger down calls ``on_begin``
    and every touch event stops here. True: ``e`` was a touch event (handled)."""
    if e.type() not in TOUCH_EVENTS:
        return False
    e.accept()
    if e.type() == QEvent.Type.TouchBegin:
        on_begin()
    return True
