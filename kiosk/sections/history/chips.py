"""Era chips: one two-line pill per era (its period over its title) to jump along the
timeline; the current era's chip is filled. Eras with a milestone carry an amber star.
The row scrolls sideways (kinetic) when the eras do not fit; with ``wrap`` (portrait) the
chips wrap onto a second row instead, so every era is always in view."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QSizePolicy, QWidget

from kiosk.sections.history.paint import star_path
from kiosk.theme import Theme
from kiosk.widgets.button import button_colours
from kiosk.widgets.flow import FlowLayout
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import FollowsLanguage, Source, resolve
from kiosk.widgets.paintcache import StateCache
from kiosk.widgets.touch import TouchButton

MAX_ROWS = 2
"""A wrapping bar's rows at most (with two-line chips; beyond, the chips go one-line)."""


class EraChip(FollowsLanguage, TouchButton):
    def __init__(self, theme: Theme, period: Source, title: Source, lang: str, *, milestone: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self._period, self._title, self._lang = period, title, lang
        self.milestone = milestone
        self.compact = False
        """Only the period (one line): what a wrapping bar uses when two-line chips would
        need more than two rows. The era's title stays in the accessible name and on the
        timeline's era heading."""
        self._top = theme.font("label")
        self._bottom = theme.font("caption")
        self.setFixedHeight(theme.size("button"))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._rest = StateCache(limit=2)
        """Rest states (checked or not), painted once per theme, texts and size."""
        self._sync()

    @property
    def texts(self) -> tuple[str, str]:
        return resolve(self._period, self._lang), resolve(self._title, self._lang)

    def _language_changed(self, lang: str) -> None:
        self._sync()
        self.update()

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self._sync()
            self.update()

    def _sync(self) -> None:
        period, title = self.texts
        self.setAccessibleName(f"{period} {title}".strip())
        self.setFixedWidth(self.sizeHint().width())

    def _star_space(self) -> float:
        return self.theme.px(34) if self.milestone else 0.0

    def sizeHint(self) -> QSize:
        period, title = self.texts
        w = max(
            QFontMetricsF(self._top).horizontalAdvance(period),
            0.0 if self.compact else QFontMetricsF(self._bottom).horizontalAdvance(title),
        )
        pad = self.theme.px(34)
        return QSize(max(self.theme.min_target, round(w + 2 * pad + self._star_space())), self.height())

    def paintEvent(self, _e: QPaintEvent) -> None:
        if not self.is_down:  # the brief pressed state is painted live, not kept
            state = (self.theme, self.texts, self.is_checked, self.milestone, self.compact)
            self._rest.paint(self, state, self._paint)
            return
        p = QPainter(self)
        self._paint(p)
        p.end()

    def _paint(self, p: QPainter) -> None:
        th = self.theme
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill, ink, border = button_colours(th, "secondary", self.is_down, self.is_checked)
        inset = th.px(3) if self.is_down else 1
        r = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        p.setPen(QPen(border, max(1.5, th.px(2))) if border else Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
        pad = th.px(34)
        x = r.left() + pad
        if self.milestone:
            s = th.px(11)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(th.color("on_primary" if self.is_checked else "accent"))
            p.drawPath(star_path(QPointF(x + s, r.center().y()), s))
            x += self._star_space()
        period, title = self.texts
        f1, f2 = QFontMetricsF(self._top), QFontMetricsF(self._bottom)
        total = f1.height() + (0.0 if self.compact else f2.height())
        y = r.center().y() - total / 2
        p.setFont(self._top)
        p.setPen(ink if self.is_checked else th.color("accent_text"))
        p.drawText(QPointF(x, y + f1.ascent()), period)
        if self.compact:
            return
        p.setFont(self._bottom)
        p.setPen(ink if self.is_checked else th.color("text_muted"))
        p.drawText(QPointF(x, y + f1.height() + f2.ascent()), title)


class EraChipBar(KineticScrollArea):
    era_selected = Signal(int)

    def __init__(
        self,
        theme: Theme,
        eras: list[tuple[Source, Source, bool]],
        lang: str,
        *,
        margin: int = 0,
        wrap: bool = False,
        mouse_drag: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(theme, mouse_drag=mouse_drag, horizontal=True, parent=parent)
        self.setObjectName("era-chips")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.wrap = wrap
        row = QWidget()
        row.setObjectName("scroll-content")
        box: QHBoxLayout | FlowLayout = (
            FlowLayout(theme.space("sm"), row, row_spacing=theme.space("xs")) if wrap else QHBoxLayout(row)
        )
        box.setContentsMargins(margin, 0, margin, 0)
        box.setSpacing(theme.space("sm"))
        self._box = box
        self.chips: list[EraChip] = []
        for k, (period, title, milestone) in enumerate(eras):
            chip = EraChip(theme, period, title, lang, milestone=milestone, parent=row)
            chip.setObjectName(f"era-chip-{k}")
            chip.clicked.connect(lambda k=k: self.era_selected.emit(k))
            box.addWidget(chip)
            self.chips.append(chip)
        if isinstance(box, QHBoxLayout):
            box.addStretch(1)
        self.setWidget(row)
        self.setFixedHeight(theme.size("button"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._current = -1
        self.set_current(0)

    @property
    def current(self) -> int:
        return self._current

    @property
    def scrollable(self) -> bool:
        return self.horizontalScrollBar().maximum() > 0

    @property
    def rows(self) -> int:
        """Rows of chips (1 unless wrapping)."""
        return self._box.rows(self.width()) if isinstance(self._box, FlowLayout) else 1

    def _fit_rows(self) -> None:
        """Wrapping: two-line chips if they fit on two rows, else one-line (period) chips;
        the bar exactly as tall as the rows they take at this width."""
        if isinstance(self._box, FlowLayout) and self.width() > 0:
            for compact in (False, True):
                for chip in self.chips:
                    chip.set_compact(compact)
                self._box.invalidate()
                if self._box.rows(self.width()) <= MAX_ROWS:
                    break
            h = self._box.heightForWidth(self.width())
            if h != self.height():
                self.setFixedHeight(h)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._fit_rows()

    def set_current(self, era: int) -> None:
        if era == self._current or not 0 <= era < len(self.chips):
            return
        self._current = era
        for k, chip in enumerate(self.chips):
            chip.set_checked(k == era)
        if self.isVisible() and self.scrollable:
            self.ensureWidgetVisible(self.chips[era], self.theme.px(96), 0)

    def set_language(self, lang: str) -> None:
        for chip in self.chips:
            chip.set_language(lang)
        cast(QLayout, cast(QWidget, self.widget()).layout()).invalidate()
        self._fit_rows()

    def reset(self) -> None:
        super().reset()
        self.set_current(0)
