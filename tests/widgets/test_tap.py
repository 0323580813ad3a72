"""The one tap vocabulary (kiosk.widgets.tap): one finger, slop, a second finger cancels,
long press — driven with synthetic touch, as a touchscreen's events arrive."""

from __future__ import annotations

import pytest
import touch
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.theme import build_theme
from kiosk.widgets.tap import TOUCH_EVENTS, TapTracker, tap_slop


class Host(QWidget):
    def __init__(self, *, long_press_ms: int | None = None, pressable: bool = True, drag: bool = False) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)  # exact coordinates offscreen
        self.resize(600, 400)
        self.theme = build_theme(None, (1920, 1080))
        self.calls: list[tuple] = []
        self.pressable = pressable
        self.tracker = TapTracker(
            self.theme,
            press=self._press,
            tap=lambda pos: self.calls.append(("tap", pos.toPoint().toTuple())),
            cancel=lambda: self.calls.append(("cancel",)),
            drag=(lambda pos: self.calls.append(("drag", pos.toPoint().toTuple()))) if drag else None,
            long_press_ms=long_press_ms,
            long_press=lambda pos: self.calls.append(("long", pos.toPoint().toTuple())),
            parent=self,
        )

    def _press(self, pos: QPointF) -> bool:
        self.calls.append(("press", pos.toPoint().toTuple()))
        return self.pressable

    def event(self, e: QEvent) -> bool:
        if e.type() in TOUCH_EVENTS:
            self.tracker.touch_event(e)
            e.accept()
            return True
        if e.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
            self.tracker.mouse_event(e)
            return True
        return super().event(e)


@pytest.fixture
def host(qtbot):
    def make(**kw) -> Host:
        w = Host(**kw)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    return make


def test_a_tap_is_press_then_tap_at_the_release(host):
    w = host()
    touch.press(w, (100, 100))
    assert w.tracker.live
    touch.release(w, (104, 102))
    assert w.calls == [("press", (100, 100)), ("tap", (104, 102))]
    assert not w.tracker.live and not w.tracker.tracking


def test_moving_past_the_slop_cancels_and_the_release_is_no_tap(host):
    w = host()
    slop = tap_slop(w.theme)
    touch.press(w, (100, 100))
    touch.move(w, (100 + round(slop) - 1, 100))
    assert w.tracker.live  # still within the slop
    touch.move(w, (100 + round(slop) + 2, 100))
    assert not w.tracker.live and w.tracker.tracking
    touch.release(w, (100, 100))  # coming back does not revive it
    assert w.calls == [("press", (100, 100)), ("cancel",)]


def test_a_second_finger_cancels_until_every_finger_lifts(host):
    w = host()
    touch.sequence(w, [
        [("press", 0, (100, 100))],
        [("stationary", 0, (100, 100)), ("press", 1, (300, 100))],
        [("stationary", 0, (100, 100)), ("release", 1, (300, 100))],
        [("release", 0, (100, 100))],
    ])
    assert w.calls == [("press", (100, 100)), ("cancel",)]
    touch.tap(w, (200, 200))  # the next plain tap works
    assert w.calls[-2:] == [("press", (200, 200)), ("tap", (200, 200))]


def test_two_fingers_landing_together_never_tap(host):
    w = host()
    touch.sequence(w, [
        [("press", 0, (100, 100)), ("press", 1, (300, 100))],
        [("release", 0, (100, 100)), ("release", 1, (300, 100))],
    ])
    assert ("tap", (100, 100)) not in w.calls and w.calls[-1] == ("cancel",)


def test_touch_cancel_ends_a_live_press(host):
    w = host()
    touch.press(w, (100, 100))
    w.tracker.touch_event(_touch_cancel())
    assert w.calls == [("press", (100, 100)), ("cancel",)] and not w.tracker.tracking


def _touch_cancel():
    from PySide6.QtGui import QTouchEvent

    return QTouchEvent(QEvent.Type.TouchCancel, touch.device())


def test_a_press_the_host_refuses_is_followed_but_never_taps(host):
    w = host(pressable=False)
    touch.tap(w, (100, 100))
    assert w.calls == [("press", (100, 100))]


def test_the_mouse_taps_too_and_touch_and_mouse_never_mix(host):
    w = host()
    QTest.mousePress(w, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    touch.press(w, (200, 200), touch_id=3)  # a finger while the button is down is ignored
    touch.release(w, (200, 200), touch_id=3)
    QTest.mouseRelease(w, Qt.MouseButton.LeftButton, pos=QPoint(52, 50))
    assert w.calls == [("press", (50, 50)), ("tap", (52, 50))]


def test_a_scrubbing_host_gets_every_move_instead_of_a_cancel(host):
    w = host(drag=True)
    touch.swipe(w, (100, 100), (300, 100), steps=2)
    assert w.calls == [("press", (100, 100)), ("drag", (200, 100)), ("drag", (300, 100)), ("tap", (300, 100))]


def test_a_long_press_ends_the_press_without_a_tap(host, qtbot):
    w = host(long_press_ms=50)
    touch.press(w, (100, 100))
    qtbot.waitUntil(lambda: ("long", (100, 100)) in w.calls, timeout=2000)
    touch.release(w, (100, 100))
    assert w.calls == [("press", (100, 100)), ("long", (100, 100))]


def test_a_tap_shorter_than_the_long_press_stops_its_timer(host):
    w = host(long_press_ms=10_000)
    touch.tap(w, (100, 100))
    assert w.calls[-1] == ("tap", (100, 100))
    assert not w.findChild(QTimer, "tap-long-press").isActive()
