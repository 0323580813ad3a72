"""Painting the partner grid: card and header sizes, and the delegate that paints them.

A card is a rounded surface with the partner's logo (on a light plate) or monogram badge,
its name as large as fits whole and its tags (see :mod:`~kiosk.sections.partners.card_text`). A header is a
category's name, count and description. The delegate never paints selection, focus or
hover; the only state it shows is the pressed card.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kiosk.content.model import Category, Partner
from kiosk.sections.partners.card_text import all_shown, middle_elided, tag_lines
from kiosk.sections.partners.model import KIND_ROLE, GridRow, PartnerListModel, RowKind, partner_title
from kiosk.theme import Theme
from kiosk.widgets.paintcache import render_pixmap
from kiosk.widgets.text import layout_lines

DESC_LINE = 1.2
"""Line step of a group's description, as a share of the font's height."""


# -- geometry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GridMetrics:
    """Card and header sizes for one viewport width."""

    columns: int
    card: QSize
    span: int
    """Width of a full row (headers): the cards' total width."""


def grid_metrics(
    theme: Theme, usable: int, spacing: int, min_card: int, card_height: int, max_columns: int = 4
) -> GridMetrics:
    """As many columns of at least ``min_card`` as fit ``usable``, each card as wide as
    the columns allow. QListView keeps ``spacing`` around every item (so cards are
    ``2 * spacing`` apart) and wraps an item that would *reach* the right edge."""
    pitch = min_card + 2 * spacing
    cols = max(1, min(max_columns, (usable - 1) // pitch))
    width = max(1, (usable - 2 * spacing * cols - 1) // cols)
    return GridMetrics(cols, QSize(width, card_height), cols * width + (cols - 1) * 2 * spacing)


# -- delegate -----------------------------------------------------------------------------


class CardHost(Protocol):
    """What the delegate needs from its view (:class:`~kiosk.sections.partners.grid.PartnerGridView`)."""

    theme: Theme
    metrics: GridMetrics
    pressed_row: int | None
    count_text: Callable[[int, str], str]

    def paint_badge(self, p: QPainter, box: QRectF, partner: Partner, lang: str) -> None: ...


class PartnerCardDelegate(QStyledItemDelegate):
    """Paints headers and cards; the view supplies metrics, the pressed row and logos."""

    NAME_LINE = 0.92
    """Line step of card names, as a share of the font's height (the CJK font is airy)."""

    def __init__(self, view: CardHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view
        th = view.theme
        self.theme = th
        self.f_header = th.font("h2")
        self.f_count = th.font("label")
        self.f_desc = th.font("body")
        self.f_name = th.font("h3")
        self.f_name_small = th.font("lead")
        self.f_name_small.setWeight(self.f_name.weight())
        self.f_tags = th.font("caption")
        self.pad = th.px(26)
        self.badge = th.px(88)
        self.gap = th.px(22)
        self.header_top = th.px(28)
        self.header_bottom = th.px(12)
        self._lines: dict[tuple[Any, ...], list[tuple[str, float]]] = {}
        self._header_plans: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._plans: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._surface: tuple[tuple[int, int, float], QPixmap] | None = None
        """The rest-state card surface (every card has the same), keyed by size and DPR."""

    @staticmethod
    def _h(font: QFont) -> float:
        return QFontMetricsF(font).height()

    # -- sizes --------------------------------------------------------------------------
    def text_height(self) -> float:
        """Room for the text block: a two-line name or three smaller name lines, then one
        line of tags (two when the name leaves room)."""
        th = self.theme
        tags = th.space("xs") + self._h(self.f_tags)
        two = self._h(self.f_name) * (1 + self.NAME_LINE)
        three = self._h(self.f_name_small) * (1 + 2 * self.NAME_LINE)
        return max(two, three) + tags

    def card_height(self) -> int:
        return round(2 * self.pad + max(self.badge, self.text_height()))

    def header_plan(self, row: GridRow, lang: str, width: float) -> tuple[Any, ...]:
        """``(title lines, count text, count position (x, line), description lines, height)``:
        the title wraps (never cut); the count follows its last line, or gets its own."""
        category = row.category
        assert category is not None
        key = (category.id, row.count, lang, round(width))
        plan = self._header_plans.get(key)
        if plan is not None:
            return plan
        th = self.theme
        count = self.view.count_text(row.count, lang)
        gap = th.space("md")
        count_w = QFontMetricsF(self.f_count).horizontalAdvance(count)
        fm = QFontMetricsF(self.f_header)
        title = self._layout(category.name.get(lang), self.f_header, width, 0)
        last_w = fm.horizontalAdvance(title[-1][0]) if title else 0.0
        count_at = (last_w + gap, len(title) - 1) if last_w + gap + count_w <= width else (0.0, len(title))
        n_lines = max(len(title), count_at[1] + 1)
        height = self.header_top + fm.height() * n_lines
        desc = category.description.get(lang) if category.description else ""
        desc_lines = self._layout(desc, self.f_desc, width, 0, DESC_LINE) if desc else []
        if desc_lines:
            height += th.space("xs") + desc_lines[-1][1] + self._h(self.f_desc)
        plan = (title, count, count_at, desc_lines, round(height + self.header_bottom))
        self._header_plans[key] = plan
        return plan

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        m = self.view.metrics
        kind = index.data(KIND_ROLE)
        if kind == RowKind.CARD:
            return m.card
        if kind == RowKind.HEADER:
            model = cast(PartnerListModel, index.model())
            return QSize(m.span, self.header_plan(model.row(index.row()), model.lang, m.span)[-1])
        return QSize(m.span, self.theme.px(40))

    def _layout(
        self, text: str, font: QFont, width: float, max_lines: int, line_height: float = 1.0
    ) -> list[tuple[str, float]]:
        key = (text, font.pixelSize(), font.weight(), round(width), max_lines, line_height)
        lines = self._lines.get(key)
        if lines is None:
            if len(self._lines) > 6000:
                self._lines.clear()
            lines = layout_lines(text, font, max(1.0, width), max_lines, line_height)
            self._lines[key] = lines
        return lines

    def _tags(self, partner: Partner, category: Category | None, lang: str) -> list[str]:
        """The partner's tags, without the category's own name (the heading says it)."""
        cat = category.name.get(lang) if category is not None else None
        return [t.get(lang) for t in partner.tags if t.get(lang) and t.get(lang) != cat]

    def _names(self, partner: Partner, lang: str, width: float) -> list[tuple[QFont, list[tuple[str, float]]]]:
        """(font, lines) candidates, largest first: the full name whole, the short name
        whole, and last the full name on three lines, its middle elided."""
        name = partner_title(partner, lang)
        short = partner.short_name.get(lang) if partner.short_name else ""
        names = []
        for text in dict.fromkeys(t for t in (name, short) if t):
            for font, most in ((self.f_name, 2), (self.f_name_small, 3)):
                lines = self._layout(text, font, width, 0, self.NAME_LINE)
                if len(lines) <= most:
                    names.append((font, lines))
        names.append((self.f_name_small, middle_elided(name, self.f_name_small, width, 3, self.NAME_LINE)))
        return names

    def card_plan(self, partner: Partner, category: Category | None, lang: str, width: float) -> tuple[Any, ...]:
        """``([(lines, font, colour token, gap before), …], height)`` for a card's text
        block: the largest whole name that leaves room for the tags (two lines of them if
        they need it and fit, else one line ending in "+N")."""
        key = (partner.id, lang, round(width))
        plan = self._plans.get(key)
        if plan is not None:
            return plan
        avail = self.text_height() + 0.5
        gap = self.theme.space("xs")
        tags = self._tags(partner, category, lang)
        tag_h = self._h(self.f_tags)
        options = []
        for font, lines in self._names(partner, lang, width):
            name_h = self._h(font) * (self.NAME_LINE * (len(lines) - 1) + 1)
            for n in (2, 1):
                t = tag_lines(tags, self.f_tags, width, n) if tags else []
                h = name_h + ((gap + tag_h * len(t)) if t else 0)
                options.append((font, lines, t, h))
        fitting = [o for o in options if o[3] <= avail] or options[-1:]
        font, lines, t, used = next((o for o in fitting if all_shown(o[2])), fitting[0])
        blocks = [(lines, font, "text", 0)]
        if t:
            blocks.append((t, self.f_tags, "text_muted", gap))
        plan = (blocks, used)
        if len(self._plans) > 6000:
            self._plans.clear()
        self._plans[key] = plan
        return plan

    # -- painting -----------------------------------------------------------------------
    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        model = cast(PartnerListModel, index.model())
        row = model.row(index.row())
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if row.kind == RowKind.CARD:
            self._paint_card(p, QRectF(option.rect), row, model.lang, index.row() == self.view.pressed_row)
        elif row.kind == RowKind.HEADER:
            self._paint_header(p, QRectF(option.rect), row, model.lang)
        p.restore()

    def _draw_lines(
        self, p: QPainter, lines: list[tuple[str, float]], font: QFont, color: QColor, x: float, y: float,
        line_height: float = 1.0
    ) -> float:
        fm = QFontMetricsF(font)
        p.setFont(font)
        p.setPen(color)
        step = fm.height() * line_height
        for i, (line, _dy) in enumerate(lines):
            p.drawText(QPointF(x, y + i * step + fm.ascent()), line)
        return (step * (len(lines) - 1) + fm.height()) if lines else 0.0

    def _paint_header(self, p: QPainter, r: QRectF, row: GridRow, lang: str) -> None:
        th, pal = self.theme, self.theme.palette
        title, count, (count_x, count_line), desc, _h = self.header_plan(row, lang, r.width())
        y = r.top() + self.header_top
        fm = QFontMetricsF(self.f_header)
        self._draw_lines(p, title, self.f_header, QColor(pal.text), r.left(), y)
        p.setFont(self.f_count)
        p.setPen(QColor(pal.accent_text))
        p.drawText(QPointF(r.left() + count_x, y + count_line * fm.height() + fm.ascent()), count)
        y += fm.height() * max(len(title), count_line + 1)
        if desc:
            y += th.space("xs")
            self._draw_lines(p, desc, self.f_desc, QColor(pal.text_muted), r.left(), y, DESC_LINE)

    def _paint_card(self, p: QPainter, rect: QRectF, row: GridRow, lang: str, down: bool) -> None:
        th, pal = self.theme, self.theme.palette
        partner = row.partner
        assert partner is not None
        if down:
            r = rect.adjusted(th.px(3), th.px(3), -th.px(3), -th.px(3))
            p.setPen(QPen(QColor(pal.primary), th.px(3)))
            p.setBrush(QColor(pal.surface_pressed))
            p.drawRoundedRect(r, th.radius("lg"), th.radius("lg"))
        else:
            pad = self._surface_pad()
            p.drawPixmap(rect.topLeft() - QPointF(pad, pad),
                         self._rest_surface(rect, p.device().devicePixelRatioF()))

        b = self.badge
        badge = QRectF(rect.left() + self.pad, rect.center().y() - b / 2, b, b)
        self.view.paint_badge(p, badge, partner, lang)

        tx = badge.right() + self.gap
        tw = rect.right() - self.pad - tx
        blocks, used = self.card_plan(partner, row.category, lang, tw)
        y = rect.center().y() - used / 2
        for lines, font, colour, gap in blocks:
            y += gap
            lh = self.NAME_LINE if font in (self.f_name, self.f_name_small) else 1.0
            y += self._draw_lines(p, lines, font, QColor(getattr(pal, colour)), tx, y, lh)


    def _rest_surface(self, rect: QRectF, dpr: float) -> QPixmap:
        """The card's rest surface (a rounded gradient with its border), painted once per
        size: at 4K the antialiased shape cost ≈ 4 ms a card on every paint."""
        key = (round(rect.width()), round(rect.height()), dpr)
        if self._surface is None or self._surface[0] != key:
            pad = 2 * self._surface_pad()  # the border's outer half may cross the item's edge
            size = QSize(key[0] + pad, key[1] + pad)
            self._surface = (key, render_pixmap(size, dpr, self._draw_surface))
        return self._surface[1]

    def _surface_pad(self) -> int:
        return int(max(1.0, self.theme.px(1.5)) / 2) + 1

    def _draw_surface(self, p: QPainter) -> None:
        th, pal = self.theme, self.theme.palette
        dev, pad = p.device(), self._surface_pad()
        r = QRectF(0, 0, dev.width() / dev.devicePixelRatioF(),
                   dev.height() / dev.devicePixelRatioF()).adjusted(pad + 1, pad + 1, -pad - 1, -pad - 1)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        g = QLinearGradient(r.topLeft(), r.bottomRight())
        g.setColorAt(0, QColor(pal.surface_raised))
        g.setColorAt(1, QColor(pal.surface))
        p.setPen(QPen(QColor(pal.line), max(1.0, th.px(1.5))))
        p.setBrush(g)
        p.drawRoundedRect(r, th.radius("lg"), th.radius("lg"))


def draw_logo(p: QPainter, box: QRectF, logo: QImage, theme: Theme) -> None:
    """A logo fitted (not cropped) on a light rounded plate, as printed logos expect."""
    radius = box.width() * 0.24
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(theme.palette.text))
    p.drawRoundedRect(box, radius, radius)
    inner = box.adjusted(box.width() * 0.12, box.height() * 0.12, -box.width() * 0.12, -box.height() * 0.12)
    w, h = logo.width(), logo.height()
    if w > 0 and h > 0:
        s = min(inner.width() / w, inner.height() / h)
        target = QRectF(inner.center().x() - w * s / 2, inner.center().y() - h * s / 2, w * s, h * s)
        p.drawImage(target, logo)
    p.restore()
