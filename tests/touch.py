"""Synthetic touch for tests: tap, swipe, pinch and multi-finger sequences, sent through
``QTest.createTouchDevice`` + ``QTest.touchEvent`` to the widget's window (as a real
touchscreen's events arrive), with positions given in the widget's coordinates."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

_device: QPointingDevice | None = None


def device() -> QPointingDevice:
    global _device
    if _device is None:
        _device = QTest.createTouchDevice()
    return _device


def _to_window(widget: QWidget, pos: QPoint | QPointF | tuple[int, int] | None) -> tuple[QWidget, QPoint]:
    window = widget.window()
    if pos is None:
        pos = widget.rect().center()
    if isinstance(pos, tuple):
        pos = QPoint(*pos)
    if isinstance(pos, QPointF):
        pos = pos.toPoint()
    return window, widget.mapTo(window, pos)


def _flush() -> None:
    QApplication.processEvents()


def press(widget: QWidget, pos=None, touch_id: int = 0) -> None:
    window, p = _to_window(widget, pos)
    QTest.touchEvent(window, device()).press(touch_id, p, window).commit()
    _flush()


def move(widget: QWidget, pos, touch_id: int = 0) -> None:
    window, p = _to_window(widget, pos)
    QTest.touchEvent(window, device()).move(touch_id, p, window).commit()
    _flush()


def release(widget: QWidget, pos=None, touch_id: int = 0) -> None:
    window, p = _to_window(widget, pos)
    QTest.touchEvent(window, device()).release(touch_id, p, window).commit()
    _flush()


def tap(widget: QWidget, pos=None) -> None:
    """One finger down and up at ``pos`` (default: the widget's centre)."""
    press(widget, pos)
    release(widget, pos)


def swipe(widget: QWidget, start, end, steps: int = 10, wait_ms: int = 0) -> None:
    """One finger from ``start`` to ``end`` (widget coordinates) in ``steps`` moves."""
    window, a = _to_window(widget, start)
    _, b = _to_window(widget, end)
    dev = device()
    QTest.touchEvent(window, dev).press(0, a, window).commit()
    _flush()
    for i in range(1, steps + 1):
        p = QPoint(round(a.x() + (b.x() - a.x()) * i / steps), round(a.y() + (b.y() - a.y()) * i / steps))
        if wait_ms:
            QTest.qWait(wait_ms)
        QTest.touchEvent(window, dev).move(0, p, window).commit()
        _flush()
    QTest.touchEvent(window, dev).release(0, b, window).commit()
    _flush()


def pinch(widget: QWidget, center, start_gap: int, end_gap: int, steps: int = 8) -> None:
    """Two fingers either side of ``center`` moving from ``start_gap`` to ``end_gap`` apart."""
    window, c = _to_window(widget, center)
    dev = device()

    def pts(gap: float) -> tuple[QPoint, QPoint]:
        return QPoint(round(c.x() - gap / 2), c.y()), QPoint(round(c.x() + gap / 2), c.y())

    a, b = pts(start_gap)
    QTest.touchEvent(window, dev).press(0, a, window).press(1, b, window).commit()
    _flush()
    for i in range(1, steps + 1):
        a, b = pts(start_gap + (end_gap - start_gap) * i / steps)
        QTest.touchEvent(window, dev).move(0, a, window).move(1, b, window).commit()
        _flush()
    QTest.touchEvent(window, dev).release(0, a, window).release(1, b, window).commit()
    _flush()


def sequence(window: QWidget, frames: Iterable[list[tuple[str, int, tuple[int, int]]]]) -> None:
    """Send raw multi-touch frames: each frame is ``[(action, id, (x, y)), …]`` with action
    ``press``/``move``/``release``/``stationary``, in window coordinates."""
    dev = device()
    for frame in frames:
        seq = QTest.touchEvent(window, dev)
        for action, touch_id, (x, y) in frame:
            p = QPoint(x, y)
            if action == "press":
                seq.press(touch_id, p, window)
            elif action == "move":
                seq.move(touch_id, p, window)
            elif action == "release":
                seq.release(touch_id, p, window)
            else:
                seq.stationary(touch_id)
        seq.commit()
        _flush()
