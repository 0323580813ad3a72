"""The platform hero band's panel: a glowing rounded gradient with hairlines between the
figures of a row. Drawn once per layout into the band's cached pixmap
(:class:`kiosk.widgets.paintcache.StateCache`); the count-up repaints only its figures."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRect, QRectF
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen

from kiosk.theme import Theme


def paint_band(p: QPainter, theme: Theme, rect: QRect, figures: list[QRect], cols: int, spacing: float) -> None:
    """The panel over ``rect`` and a hairline left of every figure not first in its row."""
    pal = theme.palette
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    line = max(1.0, theme.px(1.5))
    r = QRectF(rect).adjusted(line / 2, line / 2, -line / 2, -line / 2)
    g = QLinearGradient(r.topLeft(), r.bottomRight())
    g.setColorAt(0.0, QColor(pal.primary_faint))
    g.setColorAt(0.55, QColor(pal.surface))
    g.setColorAt(1.0, QColor(pal.background_deep))
    radius = theme.radius("xl")
    p.setPen(QPen(QColor(pal.line), line))
    p.setBrush(g)
    p.drawRoundedRect(r, radius, radius)
    p.setPen(QPen(QColor(pal.line_strong), line))
    for i, geo in enumerate(figures):
        if i % cols == 0:
            continue
        x = geo.left() - spacing / 2
        p.drawLine(QLineF(x, geo.top() + theme.px(12), x, geo.bottom() - theme.px(12)))
