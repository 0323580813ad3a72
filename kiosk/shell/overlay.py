"""Overlay: a full-window scrim that swallows input and centres one panel on top."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.shell.reach import place_in_band
from kiosk.theme import Theme


class Overlay(QWidget):
    def __init__(self, theme: Theme, panel: QWidget, *, width_units: int = 900, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.theme = theme
        self.panel = panel
        self.width_units = width_units
        panel.setParent(self)
        self.hide()

    def open(self) -> None:
        if self.parentWidget() is not None:
            self.setGeometry(cast(QWidget, self.parentWidget()).rect())
        self.show()
        self.raise_()
        self._place()

    def close_overlay(self) -> None:
        self.hide()

    def _place(self) -> None:
        margin = self.theme.px(48)
        w = min(self.width() - 2 * margin, max(self.theme.px(self.width_units), self.panel.minimumSizeHint().width()))
        h = self.panel.heightForWidth(w) if self.panel.hasHeightForWidth() else -1
        if h <= 0:
            h = self.panel.sizeHint().height()
        h = min(self.height() - 2 * margin, max(h, self.panel.minimumSizeHint().height()))
        self.panel.setGeometry(place_in_band(self.theme, self.rect(), w, h, self.theme.space("md")))

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._place()
        super().resizeEvent(e)

    def event(self, e: QEvent) -> bool:
        if e.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            e.accept()  # nothing reaches the page underneath
            return True
        return super().event(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        e.accept()

    def paintEvent(self, _e: QPaintEvent) -> None:
        c = QColor(self.theme.palette.background_deep)
        c.setAlphaF(0.9)
        p = QPainter(self)
        p.fillRect(self.rect(), c)
        p.end()
