"""TabBar: underline tabs (one touch target per tab, the current one over an amber bar),
shared by the park's side panel and the platform page."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.i18n import LANGS
from kiosk.theme import Theme
from kiosk.widgets.labels import FollowsLanguage
from kiosk.widgets.touch import TouchButton


class TabBar(FollowsLanguage, TouchButton):
    """Underline tabs: the current tab's label in full text colour over an amber bar."""

    selected = Signal(str)

    def __init__(self, theme: Theme, options: list[tuple[str, Callable[[str], str]]], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self._options = options
        self._lang = lang
        self.current = options[0][0] if options else ""
        self.setFont(theme.font("label"))
        self.setFixedHeight(max(theme.min_target, theme.px(88)))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self._on_clicked)

    @property
    def keys(self) -> list[str]:
        return [k for k, _ in self._options]

    def label(self, key: str) -> str:
        return dict(self._options)[key](self._lang)

    def _language_changed(self, lang: str) -> None:
        self.update()

    def set_current(self, key: str) -> None:
        if key in self.keys and key != self.current:
            self.current = key
            self.update()

    def _natural(self) -> list[float]:
        """Each tab's label width (its widest language) plus its padding."""
        fm = QFontMetricsF(self.font())
        pad = 2 * self.theme.px(4) + self.theme.px(4)  # the tight inset (see _inset)
        return [max(fm.horizontalAdvance(text(lang)) for lang in LANGS) + pad for _, text in self._options]

    def _equal(self) -> bool:
        n = max(1, len(self._options))
        natural = self._natural()
        roomy = max(natural, default=0.0) + 2 * self.theme.px(4) <= self.width() / n
        return roomy or sum(natural) > self.width()

    def _inset(self) -> int:
        """Room either side of a label: less when the tabs are sized to their labels."""
        return self.theme.px(8) if self._equal() else self.theme.px(4)

    def _widths(self) -> list[float]:
        """Equal tabs when every label fits an equal share; else each tab as wide as its
        label needs plus an equal share of what is left (large text: "Capabilities" gets
        the room "Charts" does not need)."""
        n = max(1, len(self._options))
        natural = self._natural()
        if self._equal():
            return [self.width() / n] * len(self._options)
        extra = (self.width() - sum(natural)) / n
        return [w + extra for w in natural]

    def tab_rect(self, key: str) -> QRectF:
        i = self.keys.index(key)
        widths = self._widths()
        return QRectF(sum(widths[:i]), 0, widths[i], self.height())

    def tap_targets(self) -> list[QRectF]:
        return [self.tab_rect(k) for k in self.keys]

    def _key_at(self, pos: QPointF) -> str:
        right = 0.0
        for (key, _), width in zip(self._options, self._widths(), strict=True):
            right += width
            if pos.x() < right:
                return key
        return self._options[-1][0]

    def _on_clicked(self) -> None:
        key = self._key_at(self.press_position)
        if key != self.current:
            self.selected.emit(key)

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(600), self.height())

    def needed_width(self) -> int:
        """The width at which every tab's label fits its tab, in every language."""
        return math.ceil(sum(self._natural()))

    def clipped(self) -> list[str]:
        """Tab labels (in the current language) wider than their tab (layout tests)."""
        fm = QFontMetricsF(self.font())
        return [self.label(k) for k in self.keys
                if fm.horizontalAdvance(self.label(k)) > self.tab_rect(k).width() - 2 * self._inset() + 1]

    def paintEvent(self, _e: QPaintEvent) -> None:
        t = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = float(self.height())
        p.fillRect(QRectF(0, h - max(1.0, t.px(2)), self.width(), max(1.0, t.px(2))), t.color("line_strong"))
        pressed = self._key_at(self.press_position) if self.is_down else None
        p.setFont(self.font())
        for key in self.keys:
            r = self.tab_rect(key)
            if key == pressed:
                p.fillRect(r.adjusted(0, 0, 0, -t.px(2)), t.color("surface_pressed"))
            current = key == self.current
            p.setPen(t.color("text" if current else "text_muted"))
            inset = self._inset()
            p.drawText(r.adjusted(inset, 0, -inset, -t.px(6)), int(Qt.AlignmentFlag.AlignCenter), self.label(key))
            if current:
                bar = QRectF(r.left(), h - t.px(6), r.width(), t.px(6))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(t.color("accent"))
                p.drawRoundedRect(bar, t.px(3), t.px(3))
        p.end()
