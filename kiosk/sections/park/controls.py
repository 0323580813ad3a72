"""Controls around the park plan: round zoom (+, −, whole plan) and close buttons (the
underline tabs are :class:`kiosk.widgets.tabs.TabBar`). Each is a :class:`TouchButton` at
least ``theme.min_target`` in size."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.theme import Theme
from kiosk.widgets.glyphs import draw_glyph
from kiosk.widgets.paintcache import StateCache
from kiosk.widgets.tabs import TabBar
from kiosk.widgets.touch import TouchButton

__all__ = ["CloseButton", "TabBar", "ZoomButton", "place_zoom_buttons"]


class ZoomButton(TouchButton):
    """A round control floating on the plan: ``plus``, ``minus`` or ``fit``."""

    def __init__(self, theme: Theme, glyph: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.glyph = glyph
        self.dimmed = False
        side = max(theme.min_target, theme.px(84))
        self.setFixedSize(side, side)
        self._states = StateCache(limit=2)  # rest and pressed, ≈ 0.1 MB each at 4K

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        self._states.paint(self, (self.is_down, self.dimmed, self.glyph), self._draw)

    def _draw(self, p: QPainter) -> None:
        t = self.theme
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = t.px(4) if self.is_down else t.px(1)
        r = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        p.setPen(QPen(t.color("primary" if self.is_down else "line_strong"), max(1.5, t.px(2))))
        p.setBrush(t.color("surface_pressed" if self.is_down else "surface_raised", 1.0 if self.is_down else 0.92))
        p.drawEllipse(r)
        ink = t.color("text_muted" if self.dimmed else "text")
        s = r.width() * 0.34
        c = r.center()
        pen = QPen(ink, max(2.0, t.px(4)), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if self.glyph in ("plus", "minus"):
            p.drawLine(QPointF(c.x() - s / 2, c.y()), QPointF(c.x() + s / 2, c.y()))
            if self.glyph == "plus":
                p.drawLine(QPointF(c.x(), c.y() - s / 2), QPointF(c.x(), c.y() + s / 2))
        else:  # fit: four corner brackets
            h, k = s / 2 + t.px(2), s * 0.32
            path = QPainterPath()
            for sx in (-1, 1):
                for sy in (-1, 1):
                    corner = QPointF(c.x() + sx * h, c.y() + sy * h)
                    path.moveTo(corner.x() - sx * k, corner.y())
                    path.lineTo(corner)
                    path.lineTo(corner.x(), corner.y() - sy * k)
            p.drawPath(path)


class CloseButton(TouchButton):
    """A round × button."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        side = max(theme.min_target, theme.px(80))
        self.setFixedSize(side, side)

    def paintEvent(self, _e: QPaintEvent) -> None:
        t = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = t.px(4) if self.is_down else t.px(1)
        r = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        p.setPen(QPen(t.color("primary" if self.is_down else "line_strong"), max(1.5, t.px(2))))
        p.setBrush(t.color("surface_pressed" if self.is_down else "surface"))
        p.drawEllipse(r)
        g = r.width() * 0.42
        draw_glyph(
            p, "close", QRectF(r.center().x() - g / 2, r.center().y() - g / 2, g, g), t.color("text"), max(2.0, t.px(4))
        )
        p.end()


def place_zoom_buttons(theme: Theme, buttons: tuple[QWidget, ...], size: QSize) -> None:
    """``buttons`` (bottom one first) in a column at the lower right of a ``size`` view;
    in a row along its bottom when the view is too short for the column (reach mode's
    band), so no control is ever half hidden."""
    m = theme.px(24)
    gap = theme.space("sm")
    b = buttons[0].width()
    column = size.height() >= 2 * m + len(buttons) * b + (len(buttons) + 1) * gap
    x = size.width() - m - b
    y = size.height() - m - b
    for i, button in enumerate(buttons):
        button.move(x, y)
        step = b + (gap * 2 if i == 0 else gap)
        if column:
            y -= step
        else:
            x -= step
