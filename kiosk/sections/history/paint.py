"""Painting for the timeline: event cards, era panels, the axis, the milestone badge and
the generated motifs that stand in for a missing picture, plus the byte-bounded cache the
view keeps rendered cards in. Every colour comes from the theme; every text is plain text
drawn with :mod:`kiosk.widgets.text`."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QRadialGradient,
)

from kiosk.sections.history.layout import EraInfo, EventInfo, Metrics, Slot, TimelineLayout, card_body_lines, text_width
from kiosk.sections.history.motifs import paint_motif
from kiosk.theme import Theme
from kiosk.widgets.labels import resolve
from kiosk.widgets.text import draw_text


class PixmapCache:
    """A byte-bounded LRU of rendered cards and era panels."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.bytes = 0
        self._items: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> QPixmap | None:
        pm = self._items.get(key)
        if pm is not None:
            self._items.move_to_end(key)
        return pm

    def put(self, key: tuple[Any, ...], pm: QPixmap) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= self._size(old)
        self._items[key] = pm
        self.bytes += self._size(pm)
        while self.bytes > self.limit and len(self._items) > 1:
            _, dropped = self._items.popitem(last=False)
            self.bytes -= self._size(dropped)

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)

    @staticmethod
    def _size(pm: QPixmap) -> int:
        return pm.width() * pm.height() * 4


def _c(theme: Theme, name: str, alpha: float = 1.0) -> QColor:
    return theme.color(name, alpha)


# -- small shapes ---------------------------------------------------------------------------


def star_path(center: QPointF, r: float) -> QPainterPath:
    """A five-pointed star (painted, so no font needs the ★ glyph)."""
    path = QPainterPath()
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        a = -math.pi / 2 + k * math.pi / 5
        pt = QPointF(center.x() + radius * math.cos(a), center.y() + radius * math.sin(a))
        if k == 0:
            path.moveTo(pt)
        else:
            path.lineTo(pt)
    path.closeSubpath()
    return path


def diamond_path(center: QPointF, r: float) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(center.x(), center.y() - r)
    path.lineTo(center.x() + r, center.y())
    path.lineTo(center.x(), center.y() + r)
    path.lineTo(center.x() - r, center.y())
    path.closeSubpath()
    return path


def _badge_font(m: Metrics) -> QFont:
    font = QFont(m.font("caption"))  # a copy: the metrics' fonts are shared
    font.setBold(True)
    return font


def badge_width(m: Metrics, lang: str) -> float:
    star = m.badge_h * 0.26
    pad = m.theme.px(18)
    return pad + 2 * star + m.theme.px(10) + QFontMetricsF(_badge_font(m)).horizontalAdvance(m.badge_text(lang)) + pad


def paint_badge(p: QPainter, m: Metrics, x: float, y: float, lang: str) -> float:
    """The amber "milestone" pill at (x, y); returns its width."""
    th = m.theme
    font = _badge_font(m)
    text = m.badge_text(lang)
    h = m.badge_h
    star = h * 0.26
    pad = th.px(18)
    w = badge_width(m, lang)
    rect = QRectF(x, y, w, h)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(_c(th, "accent_fill"))
    p.drawRoundedRect(rect, h / 2, h / 2)
    p.setBrush(_c(th, "on_accent"))
    p.drawPath(star_path(QPointF(x + pad + star, y + h / 2), star))
    p.setFont(font)
    p.setPen(_c(th, "on_accent"))
    align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
    p.drawText(QRectF(x + pad + 2 * star + th.px(10), y, w, h), align, text)
    return w


# -- motifs ---------------------------------------------------------------------------------


def paint_image_cover(p: QPainter, image: QImage, rect: QRectF) -> None:
    """``image`` filling ``rect``, cropped to cover (never stretched)."""
    scale = max(rect.width() / image.width(), rect.height() / image.height())
    w, h = rect.width() / scale, rect.height() / scale
    source = QRectF((image.width() - w) / 2, (image.height() - h) / 2, w, h)
    p.drawImage(rect, image, source)


# -- cards ----------------------------------------------------------------------------------


def card_path(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


def paint_glow(p: QPainter, theme: Theme, rect: QRectF, radius: float, spread: float) -> None:
    """A soft amber halo around ``rect`` (featured cards)."""
    p.save()
    p.setBrush(Qt.BrushStyle.NoBrush)
    steps = 7
    for k in range(steps, 0, -1):
        d = spread * k / steps
        p.setPen(QPen(_c(theme, "accent", 0.06 * (1 - (k - 1) / steps)), spread / steps * 1.6))
        p.drawRoundedRect(rect.adjusted(-d, -d, d, d), radius + d, radius + d)
    p.restore()


def _paint_visual(p: QPainter, th: Theme, shape: QPainterPath, vis: QRectF, image: QImage | None, motif: int,
                  seed: int, featured: bool, *, portrait: bool) -> None:
    """A card's picture (or its generated motif) in ``vis``, clipped to the card's shape."""
    p.save()
    p.setClipPath(shape)
    if image is not None and not image.isNull():
        paint_image_cover(p, image, vis)
    else:
        paint_motif(p, th, vis, motif, seed, featured=featured)
    edge = QLinearGradient(vis.topRight() if not portrait else vis.bottomLeft(), vis.topLeft())
    edge.setColorAt(0.0, _c(th, "surface", 0.55))
    edge.setColorAt(0.25, _c(th, "surface", 0.0))
    p.fillRect(vis, edge)
    p.restore()


def paint_card(
    p: QPainter,
    m: Metrics,
    slot: Slot,
    event: EventInfo,
    lang: str,
    *,
    image: QImage | None,
    motif: int,
    seed: int,
) -> None:
    """Paint the card for ``event`` with its top-left at (0, 0)."""
    th = m.theme
    featured = event.featured
    rect = QRectF(0, 0, slot.width, slot.height)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if featured:
        paint_glow(p, th, rect, m.radius, th.px(22))
    shape = card_path(rect.adjusted(0.5, 0.5, -0.5, -0.5), m.radius)
    fill = QLinearGradient(rect.topLeft(), rect.bottomLeft())
    fill.setColorAt(0.0, _c(th, "surface_raised" if featured else "surface"))
    fill.setColorAt(1.0, _c(th, "surface"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(fill))
    p.drawPath(shape)

    # the picture, or a generated motif (none on reach mode's compact cards)
    vis = QRectF(slot.visual)
    if not vis.isEmpty():
        _paint_visual(p, th, shape, vis, image, motif, seed, featured, portrait=m.portrait)

    border = _c(th, "accent") if featured else _c(th, "line_strong" if event.image else "line")
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(border, max(2.0, th.px(3)) if featured else max(1.0, th.px(1.5))))
    p.drawPath(shape)

    # text
    tw = text_width(m, slot)
    x = (vis.right() if not m.portrait else 0) + m.pad
    y = (vis.bottom() if m.portrait else 0) + m.pad
    if featured and not m.compact:  # compact: the amber frame and glow mark a milestone
        paint_badge(p, m, x, y, lang)
        y += m.badge_h + th.space("sm")
    role = m.title_role(featured)
    title = resolve(event.title, lang)
    room = slot.height - 2 * m.pad  # a compact card clamps even its title to its height
    lines = m.lines_fitting(role, room) if m.compact and m.height(title, role, tw) > room else 0
    y += draw_text(p, title, m.font(role), _c(th, "text"), x, y, tw, max_lines=lines)
    body = resolve(event.text, lang)
    if body and not (m.compact and y + th.space("sm") + m.fm("body").height() > slot.height - m.pad):
        y += th.space("sm")
        draw_text(p, body, m.font("body"), _c(th, "text"), x, y, tw,
                  max_lines=card_body_lines(m, event, slot, lang), line_height=m.line_height("body"))


def paint_era(p: QPainter, m: Metrics, slot: Slot, era: EraInfo, number: int, lang: str) -> None:
    """Paint the era panel (numeral, period, title, summary) with its top-left at (0, 0)."""
    th = m.theme
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0, 0, slot.width, slot.height)
    reach = min(rect.width(), rect.height()) * 1.1
    wash = QRadialGradient(QPointF(0, 0), reach)
    wash.setColorAt(0.0, _c(th, "primary_faint", 0.7))
    wash.setColorAt(0.6, _c(th, "primary_faint", 0.25))
    wash.setColorAt(1.0, _c(th, "primary_faint", 0.0))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(wash)
    p.drawRoundedRect(rect, m.radius, m.radius)
    bar = QLinearGradient(rect.topLeft(), rect.bottomLeft())
    bar.setColorAt(0.0, _c(th, "accent"))
    bar.setColorAt(1.0, _c(th, "accent", 0.0))
    p.setBrush(bar)
    p.drawRoundedRect(QRectF(0, 0, m.era_bar, rect.height() * 0.8), m.era_bar / 2, m.era_bar / 2)
    x = m.era_indent
    w = m.era_text_width(slot.width)
    y: float = th.px(2)
    numeral = f"{number:02d}"
    draw_text(p, numeral, m.font(m.numeral_role), _c(th, "accent"), x, y, m.numeral_width() + th.px(40), max_lines=1)
    period_x = x + m.numeral_width()
    fm_num, fm_label = m.fm(m.numeral_role), m.fm("label")
    # the period sits on the numeral's baseline (or starts there when it wraps)
    py = y + fm_num.ascent() - fm_label.ascent()
    ph = draw_text(p, m.era_head_text(era, lang), m.font("label"), _c(th, "accent_text"), period_x, py,
                   m.period_width(w))
    y = max(y + m.era_head_h, py + ph)
    avail = slot.height - th.px(8)
    for text, role, colour, gap in m.era_blocks(era, lang):
        if not text:
            continue
        y += gap
        if y + m.fm(role).height() > avail:
            break  # not a line of it fits (reach mode's short band): the detail has it all
        lines = m.lines_fitting(role, avail - y) if y + m.height(text, role, w) > avail else 0
        y += draw_text(p, text, m.font(role), _c(th, colour), x, y, w, max_lines=lines, line_height=m.line_height(role))


# -- the axis and the edges -----------------------------------------------------------------


def paint_axis(p: QPainter, m: Metrics, lay: TimelineLayout, visible: list[Slot], events: list[EventInfo], lang: str,
               off: int, view_w: int, alpha_at: Callable[[float], float]) -> None:
    """The line the cards hang from: a ring where each era begins, a dot (an amber diamond
    for milestones) and the date over each card, a stem down to the card."""
    th = m.theme
    y = m.axis_y
    p.setPen(QPen(th.color("line_strong"), max(1.5, th.px(2.5))))
    p.drawLine(QPointF(max(m.margin - off, -10), y), QPointF(min(lay.width - m.margin - off, view_w + 10), y))
    date_font = m.font("label")
    for slot in visible:
        x = slot.x - off
        p.setOpacity(alpha_at(x))
        if slot.kind == "era":
            r = m.featured_dot
            p.setPen(QPen(th.color("accent"), max(2.0, th.px(3))))
            p.setBrush(th.color("background"))
            p.drawEllipse(QPointF(x + m.era_bar / 2, y), r, r)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(th.color("accent"))
            p.drawEllipse(QPointF(x + m.era_bar / 2, y), r * 0.45, r * 0.45)
            continue
        event = events[slot.index]
        dot_x = x + m.pad
        p.setPen(QPen(th.color("accent" if event.featured else "line_strong"), max(1.0, th.px(2))))
        p.drawLine(QPointF(dot_x, y), QPointF(dot_x, slot.top))
        p.setPen(Qt.PenStyle.NoPen)
        if event.featured:
            p.setBrush(th.color("accent", 0.25))
            p.drawEllipse(QPointF(dot_x, y), m.featured_dot * 1.7, m.featured_dot * 1.7)
            p.setBrush(th.color("accent"))
            p.drawPath(diamond_path(QPointF(dot_x, y), m.featured_dot))
        else:
            p.setBrush(th.color("background"))
            p.setPen(QPen(th.color("primary"), max(2.0, th.px(3))))
            p.drawEllipse(QPointF(dot_x, y), m.dot, m.dot)
        colour = th.color("accent_text" if event.featured else "text")
        tx = dot_x + (m.featured_dot if event.featured else m.dot) + th.px(14)
        draw_text(p, resolve(event.when, lang), date_font, colour, tx, m.date_top + th.px(2),
                  max(th.px(120), slot.right - off - tx), max_lines=1)
    p.setOpacity(1.0)


def paint_edge_fades(p: QPainter, theme: Theme, rect: QRect, fade: int, more_left: float, more_right: float) -> None:
    """Fade the strip into the page at either edge where there is more that way."""
    for side, amount in (("left", more_left), ("right", more_right)):
        strength = max(0.0, min(1.0, amount / max(1, fade)))
        if strength <= 0:
            continue
        x0 = rect.left() if side == "left" else rect.right() + 1 - fade
        g = QLinearGradient(QPointF(x0, 0), QPointF(x0 + fade, 0))
        g.setColorAt(0, theme.color("background", strength if side == "left" else 0.0))
        g.setColorAt(1, theme.color("background", 0.0 if side == "left" else strength))
        p.fillRect(QRectF(x0, rect.top(), fade, rect.height()), g)


def paint_pressed(p: QPainter, m: Metrics, rect: QRect) -> None:
    """The pressed state over a card (viewport coordinates)."""
    th = m.theme
    p.setPen(QPen(th.color("primary"), max(2.0, th.px(3))))
    p.setBrush(th.color("surface_pressed", 0.35))
    r = QRectF(rect).adjusted(th.px(2), th.px(2), -th.px(2), -th.px(2))
    p.drawRoundedRect(r, m.radius, m.radius)
