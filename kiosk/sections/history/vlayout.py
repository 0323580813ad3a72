"""The portrait timeline's geometry and axis: a vertical strip read top to bottom.

The axis runs down the left; each era opens with its panel (numeral, period, title,
summary) and its event cards follow, stacked, one screen wide (less the axis), each as tall
as its text needs in the language shown (nothing clamped, nothing cut, no blank tail: the
view lays out anew on a language switch) with its picture or motif as a band on top and its
date on the axis just above it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QLinearGradient, QPainter, QPen

from kiosk.i18n import LANGS
from kiosk.sections.history.layout import EraInfo, EventInfo, Metrics, Slot, TimelineLayout
from kiosk.sections.history.paint import diamond_path
from kiosk.theme import Theme
from kiosk.widgets.labels import resolve
from kiosk.widgets.text import draw_text


@dataclass
class VerticalLayout(TimelineLayout):
    """A :class:`TimelineLayout` whose strip runs downwards: ``extent`` is its height in
    content px, ``spans`` are y ranges, offsets are vertical."""

    extent: int = 0
    axis_x: int = 0

    def __post_init__(self) -> None:
        self._starts = [s.top for s in self.slots]

    def visible(self, y0: float, y1: float) -> list[Slot]:
        """Slots (with the date row above them) that intersect content y range [y0, y1)."""
        i = max(0, bisect.bisect_right(self._starts, y0) - 1)
        out = []
        while i < len(self.slots) and self.slots[i].top - self.metrics.card_top < y1:
            s = self.slots[i]
            if s.top + s.height > y0:
                out.append(s)
            i += 1
        return out

    def slot_at(self, x: float, y: float) -> Slot | None:
        for s in self.visible(y, y + 1):
            if s.rect.contains(round(x), round(y)):
                return s
        return None

    def visible_events(self, offset: int, view: QRect, *, fully: bool = False) -> list[int]:
        out = []
        for s in self.visible(offset, offset + view.height()):
            r = s.rect.translated(0, -offset)
            if s.kind == "event" and (view.contains(r) if fully else view.intersects(r)):
                out.append(s.index)
        return out

    def era_fractions(self) -> list[tuple[float, float]]:
        return [(a / self.extent, b / self.extent) for a, b in self.spans]


def _event_height(m: Metrics, e: EventInfo, text_w: int, band: int, langs: tuple[str, ...]) -> int:
    need = max(m.card_text_height(e, lang, text_w) for lang in langs)
    return band + round(need) + 2 * m.pad


def _fit_card(m: Metrics, e: EventInfo, need: int, room: int) -> tuple[int, bool]:
    """A compact card's height and whether its text is clamped: no taller than ``room``
    (the view less the date row), yet always a line of its title (the card paints as much
    of its title and text as fits; the detail shows all)."""
    if need <= room:
        return need, False
    return max(room, round(m.fm(m.title_role(e.featured)).height()) + 2 * m.pad), True


def build_vertical_layout(
    metrics: Metrics, eras: list[EraInfo], events: list[EventInfo], viewport_w: int, viewport_h: int,
    lang: str | None = None,
) -> VerticalLayout:
    """Place every era panel and event card down a viewport of the given size, each as tall
    as ``lang``'s text needs (None: the taller of both languages)."""
    langs = (lang,) if lang else tuple(LANGS)
    m = metrics
    px = m.theme.px
    axis_x = m.margin + px(8)
    x = axis_x + px(48)
    card_w = max(px(320), viewport_w - x - m.margin)
    text_w = card_w - 2 * m.pad
    band = 0 if m.compact else round(min(px(300), card_w * 0.34))
    room = viewport_h - m.card_top - 2 * px(16)  # compact: a whole card fits the view
    by_era: list[list[int]] = [[] for _ in eras]
    for i, e in enumerate(events):
        by_era[e.era].append(i)
    event_slots: list[Slot | None] = [None] * len(events)
    era_slots: list[Slot] = []
    slots: list[Slot] = []
    spans: list[tuple[int, int]] = []
    y = px(8) if m.compact else px(16)
    for k, era in enumerate(eras):
        start = y
        text_h = max(m.era_height(era, lg, m.era_text_width(card_w)) for lg in langs)
        era_slot = Slot("era", k, x, y, card_w, round(text_h) + (px(8) if m.compact else m.pad + px(16)))
        era_slots.append(era_slot)
        slots.append(era_slot)
        y += era_slot.height + m.gap
        for i in by_era[k]:
            y += m.card_top  # the date on the axis above the card
            h = _event_height(m, events[i], text_w, band, langs)
            clamped = False
            if m.compact:
                h, clamped = _fit_card(m, events[i], h, room)
            s = Slot("event", i, x, y, card_w, h, QRect(0, 0, card_w, band) if band else QRect(), clamped=clamped)
            event_slots[i] = s
            slots.append(s)
            y += h + m.gap
        y += m.era_gap - m.gap
        spans.append((start, y - m.era_gap // 2))
    extent = max(y - m.era_gap + px(48), viewport_h)
    if spans:
        spans[-1] = (spans[-1][0], extent)
        spans[0] = (0, spans[0][1])
    lay = VerticalLayout(m, slots, [s for s in event_slots if s is not None], era_slots, spans,
                         viewport_w, viewport_h, extent=extent, axis_x=axis_x)
    return lay


def paint_vertical_axis(p: QPainter, m: Metrics, lay: VerticalLayout, visible: list[Slot], events: list[EventInfo],
                        lang: str, off: int, view_h: int, alpha_at: Callable[[float], float]) -> None:
    """The line down the left: a ring where each era begins, a dot (an amber diamond for
    milestones) beside each card's date, just above the card."""
    th = m.theme
    ax = lay.axis_x
    p.setPen(QPen(th.color("line_strong"), max(1.5, th.px(2.5))))
    p.drawLine(QPointF(ax, max(th.px(16) - off, -10)), QPointF(ax, min(lay.extent - off, view_h + 10)))
    date_font = m.font("label")
    for slot in visible:
        y = slot.top - off
        p.setOpacity(alpha_at(y))
        if slot.kind == "era":
            cy = y + m.era_head_h / 2
            r = m.featured_dot
            p.setPen(QPen(th.color("accent"), max(2.0, th.px(3))))
            p.setBrush(th.color("background"))
            p.drawEllipse(QPointF(ax, cy), r, r)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(th.color("accent"))
            p.drawEllipse(QPointF(ax, cy), r * 0.45, r * 0.45)
            continue
        event = events[slot.index]
        cy = y - m.card_top + m.date_top + m.date_h / 2 + th.px(2)
        p.setPen(QPen(th.color("accent" if event.featured else "line_strong"), max(1.0, th.px(2))))
        p.drawLine(QPointF(ax, cy), QPointF(slot.x, cy))
        p.setPen(Qt.PenStyle.NoPen)
        if event.featured:
            p.setBrush(th.color("accent", 0.25))
            p.drawEllipse(QPointF(ax, cy), m.featured_dot * 1.7, m.featured_dot * 1.7)
            p.setBrush(th.color("accent"))
            p.drawPath(diamond_path(QPointF(ax, cy), m.featured_dot))
        else:
            p.setBrush(th.color("background"))
            p.setPen(QPen(th.color("primary"), max(2.0, th.px(3))))
            p.drawEllipse(QPointF(ax, cy), m.dot, m.dot)
        colour = th.color("accent_text" if event.featured else "text")
        tx = slot.x + th.px(4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(th.color("background"))
        draw_text(p, resolve(event.when, lang), date_font, colour, tx, y - m.card_top + m.date_top + th.px(2),
                  slot.width - th.px(8), max_lines=1)
    p.setOpacity(1.0)


def paint_vertical_fades(p: QPainter, theme: Theme, rect: QRect, fade: int, more_up: float, more_down: float) -> None:
    """Fade the strip into the page at the top or bottom where there is more that way."""
    for side, amount in (("top", more_up), ("bottom", more_down)):
        strength = max(0.0, min(1.0, amount / max(1, fade)))
        if strength <= 0:
            continue
        y0 = rect.top() if side == "top" else rect.bottom() + 1 - fade
        g = QLinearGradient(QPointF(0, y0), QPointF(0, y0 + fade))
        g.setColorAt(0, theme.color("background", strength if side == "top" else 0.0))
        g.setColorAt(1, theme.color("background", 0.0 if side == "top" else strength))
        p.fillRect(QRectF(rect.left(), y0, rect.width(), fade), g)
