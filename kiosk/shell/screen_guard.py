"""ScreenGuard: the systemd watchdog is fed only while visitors can actually see the kiosk.

Every second it checks that the window still exists (in Qt and, on X11, on the X server),
is visible and mapped, fills its screen (kiosk mode) and has painted a frame recently
(:class:`~kiosk.shell.frames.FrameMonitor`). While anything is wrong :meth:`healthy` is
False — the heartbeat withholds ``WATCHDOG=1`` — and if it stays wrong for
``grace_s`` seconds, :attr:`lost` is emitted: the app exits with :data:`EXIT_SCREEN_LOST`
and the supervisor starts a fresh kiosk. Never a black screen with a happy watchdog.

A resize or move from outside (``xdotool windowsize``, a window manager) is undone at once:
the window is put back on its screen's full geometry.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.shell.frames import FrameMonitor
from kiosk.shell.x11probe import X11Probe

log = logging.getLogger(__name__)

EXIT_SCREEN_LOST = 75  # EX_TEMPFAIL: "try again" — the supervisor restarts the kiosk
_GEOMETRY_EVENTS = (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.WindowStateChange)


class ScreenGuard(QObject):
    lost = Signal(str)
    """The screen stayed broken for ``grace_s``: the reason, for the log."""

    def __init__(self, window: QWidget, frames: FrameMonitor, *, full_screen: bool = True,
                 interval_ms: int = 1000, grace_s: float = 5.0, stale_s: float = 3.0,
                 first_frame_s: float = 60.0,
                 target: Callable[[], QRect] | None = None, probe: X11Probe | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self.frames = frames
        self.full_screen = full_screen
        self.grace_s, self.stale_s = grace_s, stale_s
        self.first_frame_s = first_frame_s
        """How long a slow machine may take to paint the very first frame."""
        self._created = clock()
        self._target = target or (lambda: window.screen().geometry())
        self.probe = probe
        self._clock = clock
        self._gone = False
        self._bad_since: float | None = None
        self._reasserting = False
        self.problems: list[str] = []
        self.reasserts = 0
        window.destroyed.connect(self._on_window_destroyed)
        window.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setObjectName("screen-guard")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def healthy(self) -> bool:
        """Whether the last check found the screen fine (the heartbeat asks this)."""
        return not self.problems and not self._gone

    # -- checks ----------------------------------------------------------------------------
    def find_problems(self) -> list[str]:
        window = self._window
        if self._gone or not shiboken6.isValid(window):
            return ["the window was destroyed"]
        found = []
        if not window.isVisible() or window.isMinimized():
            found.append("the window is hidden")
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            found.append("the window is not exposed (unmapped or covered)")
        if self.probe is not None and window.internalWinId():
            state = self.probe.state(int(window.internalWinId()))
            if not state.exists:
                found.append("the window was destroyed on the X server")
            elif state.map_state != "viewable":
                found.append(f"the window is {state.map_state} on the X server")
        if self.full_screen and window.geometry() != self._target():
            found.append(f"the window does not fill its screen ({_size(window.geometry())} "
                         f"instead of {_size(self._target())})")
        age = self.frames.age()
        if age is None and self._clock() - self._created < self.first_frame_s:
            pass  # still starting up: the first frame may take a while on a cold machine
        elif age is None or age > self.stale_s:
            found.append(f"no frame painted since {self.frames.describe()}")
        return found

    def check(self) -> None:
        problems = self.find_problems()
        if problems and not self._gone and self.full_screen:
            self.reassert()
        if problems != self.problems:
            if problems:
                log.error("screen: %s; last frame %s; not feeding the watchdog",
                          "; ".join(problems), self.frames.describe())
            elif self.problems:
                log.info("screen: fine again (last frame %s)", self.frames.describe())
        self.problems = problems
        if not self._gone:
            self.frames.request_frame()
        if not problems:
            self._bad_since = None
            return
        now = self._clock()
        self._bad_since = self._bad_since if self._bad_since is not None else now
        if now - self._bad_since >= self.grace_s:
            log.critical("screen lost for %.0f s (%s): exiting so the kiosk is restarted",
                         now - self._bad_since, "; ".join(problems))
            self.timer.stop()
            self.lost.emit("; ".join(problems))

    def reassert(self) -> None:
        """Back to full screen on the window's screen (after a resize from outside)."""
        self._reasserting = False
        if self._gone or not shiboken6.isValid(self._window) or not self.full_screen:
            return
        target = self._target()
        window = self._window
        if window.geometry() == target:
            return
        self.reasserts += 1
        log.warning("window is %s; restoring full screen %s", _size(window.geometry()),
                    _size(target))
        window.setGeometry(target)
        if target == window.screen().geometry() and not window.isFullScreen():
            window.showFullScreen()

    # -- Qt --------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (self.full_screen and obj is self._window and event.type() in _GEOMETRY_EVENTS
                and not self._reasserting and self.timer.isActive()):
            self._reasserting = True
            QTimer.singleShot(0, self, self.reassert)
        return False

    def _on_window_destroyed(self) -> None:
        self._gone = True


def _size(rect: QRect) -> str:
    return f"{rect.width()}×{rect.height()}+{rect.x()}+{rect.y()}"


def watch_screen(app: QGuiApplication, window: QWidget, target: QRect | None) -> ScreenGuard | None:
    """Record painted frames (:class:`FrameMonitor`); in kiosk mode (``target`` is the
    full-screen geometry) also guard the screen: the watchdog is fed only while the window
    is really there, and a window lost for seconds ends the kiosk (a fresh one starts)."""
    from kiosk.shell.x11probe import probe_for_platform

    frames = FrameMonitor.attach(window)  # the fleet's health writer may have attached it
    if target is None:
        return None
    guard = ScreenGuard(window, frames, target=lambda: target,
                        probe=probe_for_platform(app.platformName()), parent=app)
    guard.lost.connect(lambda _reason: app.exit(EXIT_SCREEN_LOST))
    guard.start()
    return guard
