"""Chip: a checkable pill for filters, era jumps and section shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.theme import Theme
from kiosk.widgets.button import TextButton, button_colours


class Chip(TextButton):
    """A pill with a label; ``checked`` chips are filled with the primary colour.
    ``accent`` chips get an amber dot (featured things)."""

    def __init__(
        self,
        theme: Theme,
        text: str = "",
        *,
        checked: bool = False,
        accent: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(theme, text, parent)
        self._accent = accent
        self._checked = checked
        self.setFixedHeight(max(theme.min_target, theme.px(80)))

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        dot = self.theme.px(28) if self._accent else 0
        w = fm.horizontalAdvance(self._text) + 2 * self.theme.space("md") + dot
        return QSize(max(self.height(), w), self.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill, ink, border = button_colours(self.theme, "secondary", self.is_down, self.is_checked)
        inset = self.theme.px(3) if self.is_down else 1
        r = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        p.setPen(QPen(border, max(1.5, self.theme.px(2))) if border else Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
        text_rect = r.adjusted(self.theme.space("md"), 0, -self.theme.space("md"), 0)
        if self._accent:
            d = self.theme.px(14)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(self.theme.palette.accent))
            p.drawEllipse(QRectF(text_rect.left(), r.center().y() - d / 2, d, d))
            text_rect.setLeft(text_rect.left() + self.theme.px(28))
        p.setPen(ink)
        p.setFont(self.font())
        p.drawText(text_rect, int(Qt.AlignmentFlag.AlignCenter), self._text)
        p.end()
