"""What the plan paints around itself: the placeholder when there is no plan, the address caption
and the notice box."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPen

from kiosk.theme import Theme
from kiosk.widgets.text import draw_text, layout_lines, text_height


def paint_placeholder(p: QPainter, t: Theme, rect: QRectF) -> None:
    """A calm blueprint grid where the plan would be (hotspots still work over it)."""
    p.fillRect(rect, t.color("surface"))
    p.setPen(QPen(t.color("line"), 1))
    step = rect.width() / 16
    if step > 4:
        x = rect.left()
        while x <= rect.right() + 0.5:
            p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            x += step
        y = rect.top()
        while y <= rect.bottom() + 0.5:
            p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            y += step


def caption_box(
    t: Theme, view: QRectF, lines: list[tuple[str, str]], room: float, *, top: bool = False
) -> tuple[QRectF, list[tuple[str, str]]]:
    """Where the map note goes (lower-left, or upper-left with ``top``; at most ``room``
    wide) and its elided lines."""
    font = t.font("caption")
    fm = QFontMetricsF(font)
    pad, edge = t.space("sm"), t.px(24)
    width = max(0.0, room - edge - 2 * pad)
    # reach mode's small plan: a line too long for the room wraps (three lines at most)
    # rather than losing most of its words; elsewhere it is elided to one line
    most = 3 if t.reach else 1
    shown = [(line, tone) for text, tone in lines if text for line, _ in layout_lines(text, font, width, most)]
    shown = [(text, tone) for text, tone in shown if text]
    if not shown:
        return QRectF(), []
    box_h = fm.height() * len(shown) + t.px(8) + t.px(4) * (len(shown) - 1)
    box_w = max(fm.horizontalAdvance(text) for text, _ in shown) + 2 * pad
    y = view.top() + edge if top else view.bottom() - edge - box_h
    return QRectF(view.left() + edge, y, box_w, box_h), shown


def paint_caption(p: QPainter, t: Theme, box: QRectF, shown: list[tuple[str, str]]) -> None:
    """The map note: one line per (text, colour token), e.g. the address over
    "schematic, not to scale"."""
    if not shown:
        return
    font = t.font("caption")
    fm = QFontMetricsF(font)
    radius = min(box.height() / 2, t.radius("md"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(t.color("background_deep", 0.78))
    p.drawRoundedRect(box, radius, radius)
    p.setFont(font)
    y = box.top() + t.px(4)
    for text, tone in shown:
        p.setPen(t.color(tone))
        p.drawText(QPointF(box.left() + t.space("sm"), y + fm.ascent()), text)
        y += fm.height() + t.px(4)


def notice_box(t: Theme, view: QRectF, text: str) -> QRectF:
    """Where a notice (e.g. "the plan cannot be shown") goes: centred near the top."""
    if not text:
        return QRectF()
    font = t.font("body")
    pad = t.space("md")
    w = min(view.width() - 2 * t.space("lg"), t.px(760), QFontMetricsF(font).horizontalAdvance(text) + 2 * pad + 2)
    h = text_height(text, font, w - 2 * pad, 3) + 2 * pad
    return QRectF(view.center().x() - w / 2, view.top() + t.space("lg"), w, h)


def paint_notice(p: QPainter, t: Theme, box: QRectF, text: str) -> None:
    """A calm message box."""
    if box.isEmpty():
        return
    pad = t.space("md")
    p.setPen(QPen(t.color("line_strong"), max(1.0, t.px(1.5))))
    p.setBrush(t.color("surface_raised", 0.95))
    p.drawRoundedRect(box, t.radius("md"), t.radius("md"))
    draw_text(
        p,
        text,
        t.font("body"),
        t.color("text_muted"),
        box.left() + pad,
        box.top() + pad,
        box.width() - 2 * pad,
        max_lines=3,
        align=Qt.AlignmentFlag.AlignHCenter,
    )


def paint_frame(p: QPainter, t: Theme, view: QRectF, frame: QPainterPath) -> None:
    """Round the view's corners (page colour outside ``frame``) and draw its border."""
    corners = QPainterPath()
    corners.addRect(view)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(t.color("background"))
    p.drawPath(corners.subtracted(frame))
    p.setPen(QPen(t.color("line_strong"), max(1.0, t.px(1.5))))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(frame)
