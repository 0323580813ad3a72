"""FrameMonitor: when the kiosk's window last painted a frame.

The one place that knows it: the screen guard (:mod:`kiosk.shell.screen_guard`) feeds the
systemd watchdog only while frames keep coming, the admin panel and the log show the time,
and the fleet's metrics read :attr:`FrameMonitor.last_frame_wall_time` /
:attr:`FrameMonitor.last_frame_monotonic`.

A frame is counted when the window runs a repaint pass (``UpdateRequest``: Qt paints every
dirty widget of the window and flushes it to the screen within that event) while it is
visible and exposed — a hidden, minimised or unmapped window paints nothing. A static
screen has no repaint passes, so :meth:`request_frame` asks for a 1-pixel one (a few
microseconds). Whether the native window still exists on the display is the screen
guard's question (:mod:`kiosk.shell.x11probe`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FrameMonitor(QObject):
    first_frame = Signal()
    """Emitted once, just after the window's first painted frame."""

    def __init__(self, window: QWidget, *, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> None:
        super().__init__(window)
        self.setObjectName("frame-monitor")
        self._window = window
        self._clock = clock
        self._wall_clock = wall_clock
        self.last_frame_monotonic: float | None = None
        """``time.monotonic()`` of the last painted frame (None: none yet)."""
        self.last_frame_wall_time: float | None = None
        """``time.time()`` of the last painted frame (None: none yet)."""
        self.frames = 0
        window.installEventFilter(self)

    @staticmethod
    def of(window: QWidget) -> FrameMonitor | None:
        """The monitor attached to ``window``, if any."""
        return window.findChild(FrameMonitor, "frame-monitor")

    @staticmethod
    def attach(window: QWidget) -> FrameMonitor:
        """The window's one monitor: the one already attached, or a new one."""
        return FrameMonitor.of(window) or FrameMonitor(window)

    def age(self) -> float | None:
        """Seconds since the last frame (None: none yet)."""
        if self.last_frame_monotonic is None:
            return None
        return self._clock() - self.last_frame_monotonic

    def request_frame(self) -> None:
        """Ask for a tiny repaint: proves the paint path works even on a static screen."""
        self._window.update(QRect(0, 0, 1, 1))

    def describe(self) -> str:
        """The last frame's time for people (admin panel, log)."""
        if self.last_frame_wall_time is None:
            return "no frame painted yet"
        stamp = time.strftime("%H:%M:%S", time.localtime(self.last_frame_wall_time))
        return f"{stamp} ({self.age() or 0.0:.1f} s ago)"

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._window and event.type() == QEvent.Type.UpdateRequest \
                and self._window.isVisible() and _exposed(self._window):
            self.last_frame_monotonic = self._clock()
            self.last_frame_wall_time = self._wall_clock()
            self.frames += 1
            if self.frames == 1:
                QTimer.singleShot(0, self, self.first_frame.emit)  # after this paint pass
        return False


def _exposed(window: QWidget) -> bool:
    handle = window.windowHandle()
    return handle is not None and handle.isExposed()
