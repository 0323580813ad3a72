"""Guided-tour mode: a guide (讲解员) drives the kiosk while talking to a delegation.

Started from the admin panel (behind the PIN). While it is on:

* the idle reset is suspended — for at most ``guided.limit_minutes`` (default 2 h); after
  that the normal countdown applies again, and its reset ends the tour;
* a small badge (top-left, dim) shows the mode; tapping it opens a jump row: the welcome
  screen (when a banner is on) and every section, and "end tour";
* analytics record the session as guided (see :class:`kiosk.shell.visits.VisitTracker`).

:class:`GuidedTour` holds the state; :class:`GuidedBar` is the badge and the jump row.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Text
from kiosk.i18n import tr
from kiosk.shell.admin import CornerTapGesture
from kiosk.shell.idle import IdleMonitor
from kiosk.shell.navigation import ATTRACT, HOME
from kiosk.theme import Theme
from kiosk.widgets.chip import Chip

if TYPE_CHECKING:
    from kiosk.shell.view import ShellView

log = logging.getLogger(__name__)

REASON = "guided-tour"
WELCOME = "welcome"


class GuidedTour(QObject):
    changed = Signal(bool)

    def __init__(self, idle: IdleMonitor, limit_minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle = idle
        self.active = False
        self.limit_timer = QTimer(self)
        self.limit_timer.setObjectName("guided-limit-timer")
        self.limit_timer.setSingleShot(True)
        self.limit_timer.setInterval(limit_minutes * 60_000)
        self.limit_timer.timeout.connect(self.limit_reached)

    @property
    def suspended(self) -> bool:
        """Is the idle reset held off right now?"""
        return self.limit_timer.isActive()

    def start(self) -> None:
        if self.active:
            return
        log.info("guided tour started")
        self.active = True
        self.idle.inhibit(REASON, True)
        self.limit_timer.start()
        self.changed.emit(True)

    def stop(self) -> None:
        if not self.active:
            return
        log.info("guided tour ended")
        self.active = False
        self.limit_timer.stop()
        self.idle.inhibit(REASON, False)
        self.changed.emit(False)

    def limit_reached(self) -> None:
        log.info("guided tour: time limit reached, the idle countdown applies again")
        self.idle.inhibit(REASON, False)


class GuidedBar(QWidget):
    """The badge; tapped, it opens the jump row. ``jump(key)``: a section id or "welcome"."""

    jump = Signal(str)
    end_requested = Signal()

    def __init__(self, theme: Theme, targets: list[tuple[str, Text]], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guided-bar")
        self.theme = theme
        self.targets = dict(targets)
        self.badge = self._chip("guided-badge", accent=True)
        self.badge.clicked.connect(self.toggle)
        self.chips: dict[str, Chip] = {}
        for key in self.targets:
            chip = self._chip(f"guided-jump-{key}")
            chip.clicked.connect(lambda k=key: self._on_chip_clicked(k))
            self.chips[key] = chip
        self.end_chip = self._chip("guided-end")
        self.end_chip.clicked.connect(self.end_requested)
        self._open = False
        self.set_language(lang)
        self.set_open(False)
        self.hide()

    def _chip(self, name: str, accent: bool = False) -> Chip:
        chip = Chip(self.theme, accent=accent, parent=self)
        chip.setObjectName(name)
        chip.setFont(self.theme.font("caption"))
        chip.setFixedHeight(self.theme.min_target)
        return chip

    def set_language(self, lang: str) -> None:
        """Compact labels in the visitor's language (the guide follows it)."""
        self.badge.set_text(tr("guided.badge", lang))
        for key, chip in self.chips.items():
            chip.set_text(self.targets[key].get(lang))
        self.end_chip.set_text(tr("guided.end", lang))
        self.place()

    @property
    def is_open(self) -> bool:
        return self._open

    def set_open(self, on: bool) -> None:
        self._open = on
        for chip in (*self.chips.values(), self.end_chip):
            chip.setVisible(on)
        self.place()

    def toggle(self) -> None:
        self.set_open(not self.is_open)

    def place(self) -> None:
        """Top centre: the badge alone, or the badge and the chips in centred rows."""
        parent = self.parentWidget()
        if parent is None:
            return
        m, gap = self.theme.space("xs"), self.theme.space("xs")
        limit = parent.width() - 4 * m
        chips = [self.badge, *([*self.chips.values(), self.end_chip] if self._open else [])]
        rows: list[list[Chip]] = [[]]
        width = 0
        for chip in chips:
            w = chip.sizeHint().width()
            if rows[-1] and width + gap + w > limit:
                rows.append([])
                width = 0
            width += (gap if rows[-1] else 0) + w
            rows[-1].append(chip)
        widths = [sum(c.sizeHint().width() for c in r) + gap * (len(r) - 1) for r in rows]
        outer = max(widths) + 2 * m
        h = self.badge.height()
        for i, (row, rw) in enumerate(zip(rows, widths, strict=True)):
            x = m + (outer - 2 * m - rw) / 2
            for chip in row:
                chip.setGeometry(round(x), m + i * (h + gap), chip.sizeHint().width(), h)
                x += chip.sizeHint().width() + gap
        height = m + len(rows) * (h + gap) - gap + m
        self.setGeometry(round((parent.width() - outer) / 2), 0, round(outer), height)
        self.raise_()

    def paintEvent(self, _e: QPaintEvent) -> None:
        if not self._open:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # opaque, with an edge: a menu laid over the page, not the page's title ghosting through
        p.setPen(QPen(self.theme.color("line_strong"), self.theme.px(2)))
        p.setBrush(self.theme.color("background_deep"))
        r = self.theme.radius("lg")
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0, -r, 0, 0), r, r)
        p.end()

    def _on_chip_clicked(self, key: str) -> None:
        self.set_open(False)
        self.jump.emit(key)


class GuidedGesture(CornerTapGesture):
    """The discreet way in for a guide: five taps in the top-left corner, then the PIN."""

    def in_corner(self, pos: QPointF) -> bool:
        return pos.x() <= self.corner and pos.y() <= self.corner


class GuidedMode(QObject):
    """The window's guided-tour wiring: the tour, its bar, and the jumps."""

    changed = Signal(bool)

    def __init__(self, window: QWidget, idle: IdleMonitor) -> None:
        super().__init__(window)
        self.window = window
        self.tour = GuidedTour(idle, 120, self)
        self.tour.changed.connect(self._on_tour_changed)
        self.bar: GuidedBar | None = None
        self.view: ShellView | None = None

    @property
    def active(self) -> bool:
        return self.tour.active

    def build(self, theme: Theme, view: ShellView | None, limit_minutes: int) -> None:
        """A new view (new content): the tour ends, the bar is rebuilt."""
        self.tour.stop()
        if self.bar is not None:
            self.bar.hide()
            self.bar.deleteLater()
            self.bar = None
        self.view = view
        self.tour.limit_timer.setInterval(limit_minutes * 60_000)
        if view is None:
            return
        content = view.content
        targets = [(WELCOME, Text(zh=tr("guided.welcome", "zh"), en=tr("guided.welcome", "en")))] \
            if content.welcome else []
        targets += [(s.id, s.title) for s in content.sections]
        self.bar = GuidedBar(theme, targets, view.lang, self.window)
        view.language.changed.connect(self.bar.set_language)
        self.bar.jump.connect(self._on_bar_jump)
        self.bar.end_requested.connect(self.tour.stop)

    def start(self) -> None:
        """Admin → Guided tour: on, from the home screen."""
        if self.view is None:
            return
        self.tour.start()
        self.view.show_screen(HOME)

    def raise_bar(self) -> None:
        if self.bar is not None and self.tour.active:
            self.bar.place()

    def _on_tour_changed(self, on: bool) -> None:
        if self.bar is not None:
            self.bar.set_open(False)
            self.bar.setVisible(on)
            self.raise_bar()
        self.changed.emit(on)

    def _on_bar_jump(self, key: str) -> None:
        if self.view is None:
            return
        self.view.show_screen(ATTRACT if key == WELCOME else key)
        self.raise_bar()
