"""The hidden admin door: five taps in the top-right corner within 3 s → PIN pad → panel.

* With a PIN set (``kiosk set-pin``): the PIN pad opens; 5 wrong PINs lock it for 60 s.
* With **no PIN set**: in kiosk mode the gesture does nothing (it is logged, so staff
  reading the log learn to run ``kiosk set-pin``) — an unconfigured kiosk can't be opened
  by a visitor. With ``--windowed`` (a desktop trial, closable anyway) the panel opens
  directly.

The corner taps are observed from an application event filter on the window's touch
and mouse presses; they are not consumed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk import pin as pin_store
from kiosk.content.model import Text
from kiosk.i18n import both
from kiosk.shell.admin_panel import AdminPanel
from kiosk.shell.admin_stats import AdminStats
from kiosk.shell.frames import FrameMonitor
from kiosk.shell.overlay import Overlay
from kiosk.shell.pinpad import PinPad
from kiosk.shell.status import ContentStatus
from kiosk.theme import Theme

log = logging.getLogger(__name__)

TAPS = 5
WINDOW_S = 3.0
MAX_ATTEMPTS = 5
LOCKOUT_S = 60.0


class CornerTapGesture(QObject):
    triggered = Signal()

    def __init__(
        self,
        window: QWidget,
        corner: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.corner = corner
        self.clock = clock
        self._taps: list[float] = []
        self.also: list[CornerTapGesture] = []
        """Other corner gestures fed from this one filter (one Python filter per event)."""

    def in_corner(self, pos: QPointF) -> bool:
        return pos.x() >= self.window.width() - self.corner and pos.y() <= self.corner

    def tap(self, pos: QPointF) -> None:
        if not self.in_corner(pos):
            self._taps.clear()
            return
        now = self.clock()
        self._taps = [t for t in self._taps if now - t <= WINDOW_S] + [now]
        if len(self._taps) >= TAPS:
            self._taps.clear()
            self.triggered.emit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self.window.windowHandle():
            return False
        t = event.type()
        if t == QEvent.Type.TouchBegin:
            for point in event.points():  # type: ignore[attr-defined]
                for gesture in (self, *self.also):
                    gesture.tap(point.position())
        elif t == QEvent.Type.MouseButtonPress and event.source() == Qt.MouseEventSource.MouseEventNotSynthesized:  # type: ignore[attr-defined]
            for gesture in (self, *self.also):
                gesture.tap(event.position())  # type: ignore[attr-defined]
        return False


class AdminController(QObject):
    """Runs the admin flow on top of ``window``; emits what the window should do."""

    reload_requested = Signal()
    exit_requested = Signal()
    guided_requested = Signal()

    def __init__(
        self,
        window: QWidget,
        theme: Theme,
        *,
        kiosk_mode: bool,
        status: Callable[[], ContentStatus],
        has_pin: Callable[[], bool] = pin_store.has_pin,
        verify: Callable[[str], bool] = pin_store.verify,
        clock: Callable[[], float] = time.monotonic,
        analytics_db: Path | None = None,
        section_titles: Callable[[str], Text] = lambda key: Text(zh=key, en=key),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.analytics_db = analytics_db
        self.section_titles = section_titles
        self.kiosk_mode = kiosk_mode
        self.status = status
        self.has_pin = has_pin
        self.verify = verify
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0
        self.gesture = CornerTapGesture(window, max(theme.min_target, theme.px(120)), clock=clock, parent=self)
        self.gesture.triggered.connect(self.open)
        self.pinpad = PinPad(theme, both("admin.pin_title", sep="\n"))
        self.pin_overlay = Overlay(theme, self.pinpad, width_units=760, parent=window)
        self.pin_overlay.setObjectName("admin-pin")
        self.pinpad.submitted.connect(self.submit_pin)
        self.pinpad.cancelled.connect(self.close)
        self._window, self._theme = window, theme
        self._panel: AdminPanel | None = None
        self.purpose = "panel"
        self._panel_overlay: Overlay | None = None
        self.panel_wrap: Callable[[QWidget | None], QWidget | None] | None = None
        """Wraps the statistics widget with more (kiosk.fleet: the content versions)."""

    @property
    def panel(self) -> AdminPanel:
        """The panel, built on first use (it stays off the path to the first frame)."""
        if self._panel is None:
            stats: QWidget | None = None
            if self.analytics_db is not None:
                stats = AdminStats(self._theme, self.analytics_db, self.section_titles)
            if self.panel_wrap is not None:
                stats = self.panel_wrap(stats)
            self._panel = AdminPanel(self._theme, stats)
            self._panel_overlay = Overlay(self._theme, self._panel, width_units=1500, parent=self._window)
            self._panel_overlay.setObjectName("admin")
            self._panel.close_clicked.connect(self.close)
            self._panel.reload_clicked.connect(self.reload_requested)
            self._panel.exit_clicked.connect(self.exit_requested)
            self._panel.guided_clicked.connect(self.guided_requested)
        return self._panel

    @property
    def panel_overlay(self) -> Overlay:
        self.panel  # noqa: B018 - builds it
        assert self._panel_overlay is not None
        return self._panel_overlay

    def overlays(self) -> list[Overlay]:
        """The overlays built so far."""
        return [self.pin_overlay] + ([self._panel_overlay] if self._panel_overlay else [])

    @property
    def is_open(self) -> bool:
        return any(o.isVisible() for o in self.overlays())

    def open(self, purpose: str = "panel") -> None:
        """The gesture was made. ``purpose``: after the PIN, the panel or a guided tour."""
        if self.is_open:
            return
        self.purpose = purpose
        if self.has_pin():
            self.pinpad.clear()
            self.pinpad.show_message(self._lock_message())
            self.pinpad.set_locked(self._locked())
            self.pin_overlay.open()
        elif not self.kiosk_mode:
            self._unlocked()
        else:
            log.warning("admin gesture ignored: no admin PIN is set (run `kiosk set-pin`)")

    def submit_pin(self, pin: str) -> None:
        if self._locked():
            self.pinpad.show_message(self._lock_message())
            return
        if self.verify(pin):
            self.failures = 0
            self.pin_overlay.close_overlay()
            self._unlocked()
            return
        self.failures += 1
        self.pinpad.clear()
        log.warning("wrong admin PIN (%d in a row)", self.failures)
        if self.failures >= MAX_ATTEMPTS:
            self.failures = 0
            self.locked_until = self.clock() + LOCKOUT_S
            self.pinpad.set_locked(True)
            self.pinpad.show_message(self._lock_message())
        else:
            self.pinpad.show_message(both("admin.pin_wrong"))

    def _unlocked(self) -> None:
        if self.purpose == "guided":
            self.guided_requested.emit()
        else:
            self.show_panel()

    def show_panel(self) -> None:
        self.panel.set_status(self.status())
        frames = FrameMonitor.of(self._window)  # the screen's health (kiosk.shell.frames)
        self.panel.values["admin.screen"].set_source(frames.describe() if frames else "—")
        self.panel_overlay.open()

    def refresh(self) -> None:
        if self._panel_overlay is not None and self._panel_overlay.isVisible():
            self.panel.set_status(self.status())

    def close(self) -> None:
        self.pinpad.clear()
        for overlay in self.overlays():
            overlay.close_overlay()

    def _locked(self) -> bool:
        return self.clock() < self.locked_until

    def _lock_message(self) -> str:
        return both("admin.pin_locked", sep="\n") if self._locked() else " "
