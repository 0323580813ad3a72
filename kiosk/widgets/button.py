"""PillButton: a rounded text button with an optional vector glyph, in four variants."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.theme import Theme
from kiosk.widgets.glyphs import draw_glyph
from kiosk.widgets.paintcache import StateCache
from kiosk.widgets.touch import TouchButton

VARIANTS = ("primary", "secondary", "ghost", "accent")


def button_colours(
    theme: Theme, variant: str, down: bool, checked: bool
) -> tuple[QColor | None, QColor, QColor | None]:
    """(fill, ink, border) for a control in ``variant`` and state. Pressed states differ
    visibly from rest states; every ink/fill pair is one the theme checks for contrast."""
    pal = theme.palette
    if checked or variant == "primary":
        fill = pal.primary_pressed if down else pal.primary_fill
        return QColor(fill), QColor(pal.on_primary), None
    if variant == "accent":
        fill = pal.accent_pressed if down else pal.accent_fill
        return QColor(fill), QColor(pal.on_accent), None
    if variant == "ghost":
        return (QColor(pal.surface_pressed) if down else None), QColor(pal.text), None
    fill = pal.surface_pressed if down else pal.surface_raised
    border = pal.primary if down else pal.line_strong
    return QColor(fill), QColor(pal.text), QColor(border)


class TextButton(TouchButton):
    """A touch control that shows one line of text (its accessible name too)."""

    def __init__(self, theme: Theme, text: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self._text = text
        self.setFont(theme.font("label"))
        self.setAccessibleName(text)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleName(text)
            self.updateGeometry()
            self.update()


class PillButton(TextButton):
    def __init__(
        self,
        theme: Theme,
        text: str = "",
        *,
        glyph: str | None = None,
        variant: str = "secondary",
        height: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(theme, text, parent)
        assert variant in VARIANTS, variant
        self._glyph = glyph
        self._variant = variant
        self._height = height or theme.size("button")
        self._pad = theme.px(32)
        self.setFixedHeight(self._height)
        self._rest = StateCache(limit=2)
        """Rest states, painted once per theme, text, glyph, font and size."""

    def set_padding(self, pad: int) -> None:
        """The room left and right of the glyph and words (a tight bar uses less)."""
        if pad != self._pad:
            self._pad = pad
            self.updateGeometry()
            self.update()

    def _glyph_size(self) -> int:
        return round(self.theme.font_px("label") * 1.15)

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        pad = self._pad
        w = fm.horizontalAdvance(self._text) if self._text else 0
        if self._glyph:
            w += self._glyph_size() + (self.theme.space("sm") if self._text else 0)
        return QSize(max(self._height, w + 2 * pad), self._height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _e: QPaintEvent) -> None:
        if not self.is_down:  # the brief pressed state is painted live, not kept
            state = (self.theme, self._variant, self._text, self._glyph, self.font().key(),
                     self.is_checked, self.isEnabled())
            self._rest.paint(self, state, self._paint)
            return
        p = QPainter(self)
        self._paint(p)
        p.end()

    def _paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill, ink, border = button_colours(self.theme, self._variant, self.is_down, self.is_checked)
        if not self.isEnabled():
            ink = QColor(self.theme.palette.text_muted)
        inset = self.theme.px(3) if self.is_down else 1
        r = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        radius = r.height() / 2
        if fill is not None:
            p.setPen(QPen(border, max(1.5, self.theme.px(2))) if border else Qt.PenStyle.NoPen)
            p.setBrush(fill)
            p.drawRoundedRect(r, radius, radius)
        fm = QFontMetrics(self.font())
        text_w = fm.horizontalAdvance(self._text) if self._text else 0
        g = self._glyph_size() if self._glyph else 0
        gap = self.theme.space("sm") if (self._glyph and self._text) else 0
        x = r.center().x() - (g + gap + text_w) / 2
        if self._glyph:
            box = QRectF(x, r.center().y() - g / 2, g, g)
            draw_glyph(p, self._glyph, box, ink, max(2.0, self.theme.px(3.2)))
        if self._text:
            p.setPen(ink)
            p.setFont(self.font())
            p.drawText(
                QRectF(x + g + gap, r.top(), text_w + 2, r.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                self._text,
            )
