"""CalendarShell: the calendar's part of the window — the one clock, the periodic check,
time-windowed content and night mode. Wiring only: the answers come from
:mod:`kiosk.content.schedule` (pure functions of the content and a moment).

* :meth:`prepare` turns the loaded content into what shows *now* (items outside their
  window hidden, only the active welcome banners) and sets up the night screen.
* :meth:`check` (every :data:`CHECK_MS`, and directly from tests with a fake clock) emits
  ``visibility_changed`` when something appears or expires or a banner starts or ends —
  the window then rebuilds at the next quiet moment, never under a visitor's finger — and
  tells the night controller whether the showroom is open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.clock import Clock
from kiosk.content.calendar import NightMode
from kiosk.content.model import Content
from kiosk.content.schedule import is_open, tz_of, visibility_key, visible_at
from kiosk.shell.navigation import ATTRACT
from kiosk.shell.night import NightController, NightScreen
from kiosk.theme import Theme

if TYPE_CHECKING:
    from kiosk.shell.view import ShellView

CHECK_MS = 15_000


class CalendarShell(QObject):
    visibility_changed = Signal()

    def __init__(self, window: QWidget, clock: Clock, quiet: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window, self.clock = window, clock
        self.content: Content | None = None
        self._key: tuple[Any, ...] | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("calendar-timer")
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.night = NightController(quiet, self)
        self.screen: NightScreen | None = None

    def now(self) -> dt.datetime:
        return self.clock.now().astimezone(tz_of(self.content))

    def prepare(self, content: Content | None, theme: Theme) -> Content | None:
        """What ``content`` shows now; builds the night screen for ``theme``."""
        self.content = content
        if self.screen is not None:
            self.screen.stop()
            self.screen.hide()
            self.screen.deleteLater()
            self.screen = None
        if content is None:
            self._key = None
            self.night.set_open(True)
            return None
        now = self.now()
        self._key = visibility_key(content, now)
        night = content.schedule.night if content.schedule is not None else NightMode()
        self.screen = NightScreen(theme, content.kiosk.name, self.clock, tz_of(content),
                                  night.show, self.window)
        self.night.configure(self.screen, night)
        return visible_at(content, now)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self, self.check)

    def check(self) -> None:
        """Compare the moment with the calendar (the timer's slot; tests call it)."""
        if self.content is None:
            return
        now = self.clock.now()
        key = visibility_key(self.content, now)
        if key != self._key:
            self._key = key
            self.visibility_changed.emit()
        self.night.set_open(is_open(self.content, now))

    def stop(self) -> None:
        self.timer.stop()
        self.night.stop()

    def preview(self, name: str | None, view: ShellView | None) -> None:
        """``kiosk shot``: show the ``welcome`` or ``night`` screen now, whatever the time
        (a welcome screen with no active banner previews the content's first banners);
        None puts both away."""
        if view is not None:
            view.welcome_lead.stop()
        if self.night.resting and name != "night":
            self.night.resting = False
            if self.screen is not None:
                self.screen.hide()
        if name == "night":
            self.night.resting = True
            self.night._place()
        elif name == "welcome" and view is not None:
            view.show_screen(ATTRACT)
            if not view.welcome.banners and self.content is not None:
                view.welcome.banners = list(self.content.welcome)
            view.welcome_lead.start()
            view.welcome_lead.timer.stop()

    def layout(self) -> None:
        if self.screen is not None:
            self.screen.setGeometry(self.window.rect())
