"""Small vector glyphs painted with QPainter (no icon font, so they are ready on the first
frame): home, back, next, close, check, backspace, reload, exit."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

GLYPHS = ("home", "back", "next", "close", "check", "backspace", "reload", "exit")


def draw_glyph(p: QPainter, name: str, rect: QRectF, color: QColor, stroke: float) -> None:
    """Draw glyph ``name`` centred in ``rect`` as a rounded stroke of width ``stroke``."""
    s = min(rect.width(), rect.height())
    c = rect.center()
    r = QRectF(c.x() - s / 2, c.y() - s / 2, s, s)

    def pt(x: float, y: float) -> QPointF:
        return QPointF(r.left() + x * s, r.top() + y * s)

    pen = QPen(color, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    if not _trace_lines(path, name, pt):
        _trace_more(path, name, pt, s)
    p.drawPath(path)
    p.restore()


Point = Callable[[float, float], QPointF]


def _trace_lines(path: QPainterPath, name: str, pt: Point) -> bool:
    """Home, back/next, close and play; whether ``name`` was one of them."""
    if name == "home":
        path.moveTo(pt(0.12, 0.48))
        path.lineTo(pt(0.5, 0.14))
        path.lineTo(pt(0.88, 0.48))
        path.moveTo(pt(0.22, 0.4))
        path.lineTo(pt(0.22, 0.86))
        path.lineTo(pt(0.78, 0.86))
        path.lineTo(pt(0.78, 0.4))
        path.moveTo(pt(0.42, 0.86))
        path.lineTo(pt(0.42, 0.62))
        path.lineTo(pt(0.58, 0.62))
        path.lineTo(pt(0.58, 0.86))
    elif name in ("back", "next"):
        flip = name == "next"

        def f(x: float) -> float:
            return 1 - x if flip else x

        path.moveTo(pt(f(0.62), 0.16))
        path.lineTo(pt(f(0.28), 0.5))
        path.lineTo(pt(f(0.62), 0.84))
    elif name in ("down", "up"):
        flip = name == "up"

        def g(y: float) -> float:
            return 1 - y if flip else y

        path.moveTo(pt(0.16, g(0.38)))
        path.lineTo(pt(0.5, g(0.72)))
        path.lineTo(pt(0.84, g(0.38)))
    elif name == "close":
        path.moveTo(pt(0.22, 0.22))
        path.lineTo(pt(0.78, 0.78))
        path.moveTo(pt(0.78, 0.22))
        path.lineTo(pt(0.22, 0.78))
    elif name == "play":
        path.moveTo(pt(0.3, 0.18))
        path.lineTo(pt(0.82, 0.5))
        path.lineTo(pt(0.3, 0.82))
        path.closeSubpath()
    else:
        return False
    return True


def _trace_more(path: QPainterPath, name: str, pt: Point, s: float) -> None:
    """Check, backspace, reload and exit (``s``: the glyph's size in pixels)."""
    if name == "check":
        path.moveTo(pt(0.16, 0.52))
        path.lineTo(pt(0.4, 0.76))
        path.lineTo(pt(0.86, 0.26))
    elif name == "backspace":
        path.moveTo(pt(0.34, 0.22))
        path.lineTo(pt(0.9, 0.22))
        path.lineTo(pt(0.9, 0.78))
        path.lineTo(pt(0.34, 0.78))
        path.lineTo(pt(0.08, 0.5))
        path.closeSubpath()
        path.moveTo(pt(0.48, 0.36))
        path.lineTo(pt(0.74, 0.64))
        path.moveTo(pt(0.74, 0.36))
        path.lineTo(pt(0.48, 0.64))
    elif name == "reload":
        box = QRectF(pt(0.18, 0.18), pt(0.82, 0.82))
        path.arcMoveTo(box, 60)
        path.arcTo(box, 60, 280)
        end = path.currentPosition()
        a = math.radians(340)
        tip = QPointF(end.x() + 0.16 * s * math.cos(a + 1.9), end.y() - 0.16 * s * math.sin(a + 1.9))
        path.moveTo(tip)
        path.lineTo(end)
        path.lineTo(QPointF(end.x() + 0.17 * s * math.cos(a - 0.1), end.y() - 0.17 * s * math.sin(a - 0.1)))
    elif name == "exit":
        box = QRectF(pt(0.16, 0.2), pt(0.84, 0.88))
        path.arcMoveTo(box, 120)
        path.arcTo(box, 120, 300)
        path.moveTo(pt(0.5, 0.1))
        path.lineTo(pt(0.5, 0.5))
