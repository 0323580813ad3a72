"""VisitTracker: turns what the shell does into analytics events. Wiring only — the
:class:`~kiosk.analytics.Recorder` writes them on its own thread.

A session starts when a visitor leaves the attract screen and ends when the kiosk goes
back to it (idle reset, or the countdown running out). Each screen view is recorded when
it ends, with its dwell time; taps on items come from the pages; language switches from
the toggle.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject

from kiosk.analytics import Recorder
from kiosk.shell.navigation import ATTRACT
from kiosk.shell.view import ShellView


class VisitTracker(QObject):
    def __init__(self, recorder: Recorder, *, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.recorder = recorder
        self.clock = clock
        self._view: ShellView | None = None
        self._screen = ATTRACT
        self._since = clock()
        self._session_start: float | None = None
        self.guided = False
        """A guided tour is on: sessions are recorded with ``item='guided'``."""

    def attach(self, view: ShellView | None) -> None:
        """Follow ``view`` (a new one after each content change)."""
        self._end_session()
        self._view = view
        self._screen, self._since = ATTRACT, self.clock()
        if view is not None:
            view.screen_changed.connect(self._on_view_screen_changed)
            view.item_tapped.connect(self._on_view_item_tapped)
            view.language.changed.connect(self._on_language_changed)

    def _on_view_screen_changed(self, key: str) -> None:
        now = self.clock()
        if self._screen != ATTRACT:
            self.recorder.record("view", screen=self._screen, seconds=round(now - self._since, 2))
        if key == ATTRACT and not self.guided:
            self._end_session()
        elif self._session_start is None:
            self._start_session(now, key)
        self._screen, self._since = key, now

    def set_guided(self, on: bool) -> None:
        """A guided tour starts or ends: the current session ends, a new one starts (a
        guided session at once; a self-guided one at the next screen change)."""
        if on == self.guided:
            return
        self._end_session()
        self.guided = on
        if on:
            self._start_session(self.clock(), self._screen)

    def _start_session(self, now: float, screen: str) -> None:
        self._session_start = now
        lang = self._view.lang if self._view is not None else None
        self.recorder.record("session_start", screen=screen, lang=lang,
                             item="guided" if self.guided else None)

    def _on_view_item_tapped(self, section_id: str, item: str) -> None:
        self.recorder.record("tap", screen=section_id, item=item)

    def _on_language_changed(self, lang: str) -> None:
        if self._session_start is not None:  # the reset back to default is not a choice
            self.recorder.record("language", screen=self._screen, lang=lang)

    def _end_session(self) -> None:
        if self._session_start is not None:
            self.recorder.record("session_end",
                                 seconds=round(self.clock() - self._session_start, 2))
            self._session_start = None
