"""Timeline geometry: where every era panel and event card sits on the horizontal strip,
and how the text inside them is laid out. Pure layout from font metrics — no widgets.

The strip reads left to right: for each era an *era panel* (numeral, period, title,
summary) and then its event cards, hanging from one axis that carries the dates.

* **Landscape**: cards are as tall as the strip allows and as wide as their text needs
  (text never clips: a card grows sideways until its text fits, in both languages, so a
  language switch never moves anything). The picture — or a generated motif — is a column
  on the card's left.
* **Portrait** (:mod:`kiosk.sections.history.vlayout`): a vertical strip, cards one screen
  wide with the picture as a band on top (``Metrics.portrait`` draws them that way).

Featured events get taller, wider cards with a "milestone" badge.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetricsF

from kiosk.i18n import LANGS, tr
from kiosk.theme import Theme
from kiosk.widgets.labels import Source, resolve
from kiosk.widgets.text import layout_lines

#: Line spacing of painted body text (× the font's natural line height ≈ 1.5 em).
BODY_LINE = 1.1


@dataclass(frozen=True)
class EraInfo:
    """What the timeline shows for an era (texts as :data:`Source`: a Text, str or callable)."""

    key: str
    period: Source
    title: Source
    summary: Source = None


@dataclass(frozen=True)
class EventInfo:
    era: int
    when: Source
    """The date as shown (the event's label replaces it for approximate dates)."""
    title: Source
    text: Source
    image: Path | None = None
    featured: bool = False


@dataclass
class Slot:
    """One era panel or event card on the strip, in content coordinates."""

    kind: str  # "era" | "event"
    index: int
    x: int
    top: int
    width: int
    height: int
    visual: QRect = field(default_factory=QRect)
    """The picture/motif area, relative to the slot's top-left."""
    clamped: bool = False
    """The text did not fit even at the widest card (the detail view shows all of it)."""

    @property
    def rect(self) -> QRect:
        return QRect(self.x, self.top, self.width, self.height)

    @property
    def right(self) -> int:
        return self.x + self.width


class Metrics:
    """Sizes, fonts and a text-measuring cache for one theme and orientation."""

    def __init__(self, theme: Theme, *, portrait: bool) -> None:
        self.theme = theme
        self.portrait = portrait
        px = theme.px
        self.margin = px(64) if portrait else px(96)
        self.gap = px(40)
        self.era_gap = px(72)
        self.pad = px(32)
        self.radius = theme.radius("lg")
        self.date_top = px(6)
        self.dot = px(9)
        self.featured_dot = px(15)
        self.bottom = px(26)
        self.featured_drop = px(48) if portrait else px(36)
        self.motif_w = px(150)
        self.text_min = px(500)
        self.text_max = px(1040)
        self.era_min = px(440) if portrait else px(520)
        self.era_max = px(640) if portrait else px(900)
        self.era_bar = px(6)
        self.era_indent = px(36)
        self.fonts = {role: theme.font(role) for role in ("h2", "h3", "lead", "body", "label", "caption")}
        self.badge_h = max(px(48), round(self.fm("caption").height() + px(14)))
        self.date_h = round(self.fm("label").height())
        self.axis_y = self.date_top + self.date_h + px(16)
        self.card_top = self.axis_y + px(26)
        self.compact = portrait and theme.reach
        """Reach mode's short band: cards without their picture band and no taller than the
        view (the detail shows the rest), era headings without their summary."""
        if self.compact:
            self.pad = px(24)
            self.gap = px(16)
            self.era_gap = px(40)
            title = QFont(theme.font("lead"))
            title.setWeight(QFont.Weight.DemiBold)
            self.fonts["card-title"] = title
            self.card_top = self.date_top + self.date_h + px(12)
        self._heights: dict[tuple[str, str, int, int], float] = {}

    def font(self, role: str) -> QFont:
        font = self.fonts.get(role)
        if font is None:
            font = self.fonts[role] = self.theme.font(role)
        return font

    def fm(self, role: str) -> QFontMetricsF:
        return QFontMetricsF(self.font(role))

    def title_role(self, featured: bool) -> str:
        """Card titles share one size: milestones stand out by frame, badge and size
        (compact cards: a size down, so a whole card fits reach mode's band)."""
        return "card-title" if self.compact else "h3"

    def line_height(self, role: str) -> float:
        return BODY_LINE if role in ("body", "lead") else 1.0

    def height(self, text: str, role: str, width: int, max_lines: int = 0) -> float:
        """The painted height of ``text`` in ``role`` wrapped to ``width`` (cached)."""
        if not text or width <= 0:
            return 0.0
        key = (text, role, width, max_lines)
        h = self._heights.get(key)
        if h is None:
            lines = layout_lines(text, self.font(role), width, max_lines, self.line_height(role))
            h = (lines[-1][1] + self.fm(role).height()) if lines else 0.0
            self._heights[key] = h
        return h

    def lines_fitting(self, role: str, height: float) -> int:
        step = self.fm(role).height() * self.line_height(role)
        return max(1, int((height - self.fm(role).height()) // step) + 1)

    # -- blocks ---------------------------------------------------------------------------
    def card_text_height(self, event: EventInfo, lang: str, width: int, body_lines: int = 0) -> float:
        h = 0.0
        if event.featured and not self.compact:
            h += self.badge_h + self.theme.space("sm")
        h += self.height(resolve(event.title, lang), self.title_role(event.featured), width)
        body = resolve(event.text, lang)
        if body:
            h += self.theme.space("sm") + self.height(body, "body", width, body_lines)
        return h

    def era_blocks(self, era: EraInfo, lang: str) -> list[tuple[str, str, str, int]]:
        """``(text, role, colour token, gap before)`` under the numeral row, top to bottom."""
        sp = self.theme.space
        if self.compact:  # the title is in the numeral row (:meth:`era_head_text`)
            return []
        blocks = [(resolve(era.title, lang), "h2", "text", sp("sm"))]
        summary = resolve(era.summary, lang)
        if summary:
            blocks.append((summary, "lead", "text_muted", sp("md")))
        return blocks

    @property
    def numeral_role(self) -> str:
        """The era's numeral: large, or one line of label text on a compact heading."""
        return "label" if self.compact else "h2"

    def era_head_text(self, era: EraInfo, lang: str) -> str:
        """Beside the numeral: the period (compact: period and title, the one heading)."""
        period = resolve(era.period, lang)
        return f"{period} · {resolve(era.title, lang)}" if self.compact else period

    @property
    def era_head_h(self) -> float:
        """The numeral row: "01" beside the era's period."""
        return self.fm(self.numeral_role).height()

    def era_height(self, era: EraInfo, lang: str, width: int) -> float:
        h = self.era_head_h
        period_w = self.period_width(width)
        h = max(h, self.height(self.era_head_text(era, lang), "label", period_w))
        blocks = self.era_blocks(era, lang)
        return h + sum(gap + self.height(text, role, width) for text, role, _, gap in blocks if text)

    def era_text_width(self, slot_width: int) -> int:
        return slot_width - self.era_indent - self.theme.px(8)

    def numeral_width(self) -> float:
        return self.fm(self.numeral_role).horizontalAdvance("00") + self.theme.space("sm")

    def period_width(self, width: int) -> int:
        return max(1, round(width - self.numeral_width()))

    def badge_text(self, lang: str) -> str:
        return tr("history.featured", lang)


@dataclass
class TimelineLayout:
    metrics: Metrics
    slots: list[Slot]
    events: list[Slot]
    eras: list[Slot]
    spans: list[tuple[int, int]]
    """Each era's extent on the strip (content x from, to)."""
    width: int
    height: int
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.x for s in self.slots]

    def visible(self, x0: float, x1: float) -> list[Slot]:
        """Slots that intersect content x range [x0, x1)."""
        i = max(0, bisect.bisect_right(self._starts, x0) - 1)
        out = []
        while i < len(self.slots) and self.slots[i].x < x1:
            s = self.slots[i]
            if s.right + self.metrics.featured_dot * 3 > x0:
                out.append(s)
            i += 1
        return out

    def slot_at(self, x: float, y: float) -> Slot | None:
        for s in self.visible(x, x + 1):
            if s.rect.contains(round(x), round(y)):
                return s
        return None

    def visible_events(self, offset: int, view: QRect, *, fully: bool = False) -> list[int]:
        """Indices of the event cards in ``view`` (viewport coordinates) at scroll ``offset``."""
        out = []
        for s in self.visible(offset, offset + view.width()):
            r = s.rect.translated(-offset, 0)
            if s.kind == "event" and (view.contains(r) if fully else view.intersects(r)):
                out.append(s.index)
        return out

    def era_fractions(self) -> list[tuple[float, float]]:
        return [(a / self.width, b / self.width) for a, b in self.spans]

    def era_at(self, x: float) -> int:
        starts = [a for a, _ in self.spans]
        return max(0, bisect.bisect_right(starts, x) - 1)


def _fit(measure: Callable[[int], float], avail: float, lo: int, hi: int, step: int) -> tuple[int, bool]:
    """The smallest width in [lo, hi] whose measured height fits ``avail``."""
    h = measure(lo)
    if h <= avail:
        return lo, True
    # guess from the area the text needs, then walk up
    w = min(hi, max(lo + step, round(lo * h / max(1.0, avail))))
    while True:
        if measure(w) <= avail:
            # walk back down while it still fits
            while w - step >= lo and measure(w - step) <= avail:
                w -= step
            return w, True
        if w >= hi:
            return hi, False
        w = min(hi, w + step)


PEEK = 120
"""Design px of the second event card that shows beside the first at rest (landscape)."""


def _landscape_card(m: Metrics, e: EventInfo, h: int, step: int, room: int | None = None) -> tuple[int, QRect, bool]:
    """A landscape card's width, its picture's rect and whether its text fits: the picture
    beside the text, the text column as narrow as lets it fit in both languages. ``room``:
    the text width that leaves the next card peeking in (the first card), used if the text fits."""
    vis_w = round(h * 0.78) if e.image else m.motif_w
    lo = round(m.text_min * (1.15 if e.featured else 1.0))

    def measure(w: int) -> float:
        return max(m.card_text_height(e, lang, w) for lang in LANGS)

    tw, fits = _fit(measure, h - 2 * m.pad, lo, m.text_max, step)
    if room is not None and m.theme.px(320) <= room - vis_w < tw and measure(room - vis_w) <= h - 2 * m.pad:
        tw, fits = room - vis_w, True
    return vis_w + tw + 2 * m.pad, QRect(0, 0, vis_w, h), fits


def build_layout(
    metrics: Metrics, eras: list[EraInfo], events: list[EventInfo], viewport_w: int, viewport_h: int
) -> TimelineLayout:
    """Place every era panel and event card along a landscape strip for a viewport of the
    given size (portrait reads downwards: :func:`~kiosk.sections.history.vlayout.build_vertical_layout`)."""
    m = metrics
    th = m.theme
    step = th.px(24)
    # reach mode's short band: cards as short as the band (wider, then clamped: the detail shows all)
    full_h = max(th.px(160 if th.reach else 320), viewport_h - m.card_top - m.bottom)
    normal_h = full_h - m.featured_drop
    by_era = [[i for i, e in enumerate(events) if e.era == k] for k in range(len(eras))]
    event_slots: list[Slot | None] = [None] * len(events)
    era_slots: list[Slot] = []
    slots: list[Slot] = []
    spans: list[tuple[int, int]] = []

    x = m.margin
    for k, era in enumerate(eras):
        era_h = full_h

        def era_measure(w: int, era: EraInfo = era) -> float:
            return max(m.era_height(era, lang, m.era_text_width(w)) for lang in LANGS)

        ew, _ = _fit(era_measure, era_h - th.px(10), m.era_min, m.era_max, step)
        era_slot = Slot("era", k, x, m.card_top, ew, era_h)
        era_slots.append(era_slot)
        slots.append(era_slot)
        start = x
        x += ew + m.gap
        for i in by_era[k]:
            e = events[i]
            h = full_h if e.featured else normal_h
            room = viewport_w - x - m.margin - th.px(PEEK) - m.gap - 2 * m.pad if i == 0 else None
            w, visual, fits = _landscape_card(m, e, h, step, room)
            s = Slot("event", i, x, m.card_top, w, h, visual, clamped=not fits)
            event_slots[i] = s
            slots.append(s)
            x += w + m.gap
        x += m.era_gap - m.gap
        spans.append((start, x - m.era_gap // 2))
    width = max(x - m.era_gap + m.margin, viewport_w)  # a short timeline still fills the view
    if spans:
        spans[-1] = (spans[-1][0], width)
        spans[0] = (0, spans[0][1])
    return TimelineLayout(m, slots, [s for s in event_slots if s is not None], era_slots, spans, width, viewport_h)


def card_body_lines(metrics: Metrics, event: EventInfo, slot: Slot, lang: str) -> int:
    """How many body lines a clamped card may show (0 = all)."""
    if not slot.clamped:
        return 0
    m = metrics
    text_w = text_width(metrics, slot)
    avail = slot.height - 2 * m.pad - (slot.visual.height() if m.portrait else 0)
    used = m.card_text_height(
        EventInfo(event.era, event.when, event.title, "", event.image, event.featured), lang, text_w
    )
    return max(1, m.lines_fitting("body", avail - used - m.theme.space("sm")))


def text_width(metrics: Metrics, slot: Slot) -> int:
    if metrics.portrait:
        return slot.width - 2 * metrics.pad
    return slot.width - slot.visual.width() - 2 * metrics.pad
