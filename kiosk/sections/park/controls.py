"""Controls around the park plan: round zoom (+, −, whole plan) and close buttons, and
underline tabs. Each is a :class:`TouchButton` at least ``theme.min_target`` in size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.theme import Theme
from kiosk.widgets.glyphs import draw_glyph
from kiosk.widgets.labels import FollowsLanguage
from kiosk.widgets.touch import TouchButton


class ZoomButton(TouchButton):
    """A round control floating on the plan: ``plus``, ``minus`` or ``fit``."""

    def __init__(self, theme: Theme, glyph: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.glyph = glyph
        self.dimmed = False
        side = max(theme.min_target, theme.px(84))
        self.setFixedSize(side, side)

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        t = self.theme
        p = QPainter(self)
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
        p.end()


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


class TabBar(FollowsLanguage, TouchButton):
    """Underline tabs: the current tab's label in full text colour over an amber bar."""

    selected = Signal(str)

    def __init__(
        self, theme: Theme, options: list[tuple[str, Callable[[str], str]]], lang: str, parent: QWidget | None = None
    ) -> None:
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

    def tab_rect(self, key: str) -> QRectF:
        i = self.keys.index(key)
        w = self.width() / max(1, len(self._options))
        return QRectF(i * w, 0, w, self.height())

    def tap_targets(self) -> list[QRectF]:
        return [self.tab_rect(k) for k in self.keys]

    def _key_at(self, pos: QPointF) -> str:
        w = max(1.0, self.width() / max(1, len(self._options)))
        i = min(len(self._options) - 1, max(0, int(pos.x() // w)))
        return self._options[i][0]

    def _on_clicked(self) -> None:
        key = self._key_at(self.press_position)
        if key != self.current:
            self.selected.emit(key)

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(600), self.height())

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
            p.drawText(r.adjusted(t.px(8), 0, -t.px(8), -t.px(6)), int(Qt.AlignmentFlag.AlignCenter), self.label(key))
            if current:
                bar = QRectF(r.left(), h - t.px(6), r.width(), t.px(6))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(t.color("accent"))
                p.drawRoundedRect(bar, t.px(3), t.px(3))
        p.end()
