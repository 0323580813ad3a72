"""Painting the partner grid: card and header sizes, and the delegate that paints them.

A card is a rounded surface with the partner's logo (on a light plate) or monogram badge,
its name as large as fits whole, its category and one line of tags. A header is a
category's name, count and description. The delegate never paints selection, focus or
hover; the only state it shows is the pressed card.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kiosk.content.model import Category, Partner
from kiosk.sections.partners.model import KIND_ROLE, TAG_SEPARATOR, GridRow, RowKind, partner_title
from kiosk.theme import Theme
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
        self.f_cat = th.font("label")
        self.f_cat_small = th.font("caption")
        self.f_cat_small.setWeight(self.f_cat.weight())
        self.f_tags = th.font("caption")
        self.pad = th.px(26)
        self.badge = th.px(88)
        self.gap = th.px(22)
        self.header_top = th.px(28)
        self.header_bottom = th.px(12)
        self._lines: dict[tuple[Any, ...], list[tuple[str, float]]] = {}
        self._header_plans: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._plans: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    @staticmethod
    def _h(font: QFont) -> float:
        return QFontMetricsF(font).height()

    # -- sizes --------------------------------------------------------------------------
    def text_height(self) -> float:
        """Room for the text block: a two-line name and the category, a one-line name with
        the category and the tags, or three smaller name lines and a smaller category."""
        th = self.theme
        name = self._h(self.f_name)
        small = self._h(self.f_name_small)
        cat = th.space("xs") + self._h(self.f_cat)
        cat_small = th.space("xs") + self._h(self.f_cat_small)
        tags = th.space("xxs") + self._h(self.f_tags)
        return max(name * (1 + self.NAME_LINE) + cat, name + cat + tags, small * (1 + 2 * self.NAME_LINE) + cat_small)

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

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        m = self.view.metrics
        kind = index.data(KIND_ROLE)
        if kind == RowKind.CARD:
            return m.card
        if kind == RowKind.HEADER:
            row = index.model().row(index.row())
            return QSize(m.span, self.header_plan(row, index.model().lang, m.span)[-1])
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

    def _tags_line(
        self, partner: Partner, category: Category | None, lang: str, width: float
    ) -> list[tuple[str, float]]:
        """One line of whole tags (two if they fit, else one; the category's own name is
        not repeated as a tag)."""
        cat = category.name.get(lang) if category is not None else None
        tags = [t.get(lang) for t in partner.tags if t.get(lang) and t.get(lang) != cat]
        fm = QFontMetricsF(self.f_tags)
        for n in (2, 1):
            text = TAG_SEPARATOR.join(tags[:n])
            if text and fm.horizontalAdvance(text) <= width:
                return [(text, 0.0)]
        return self._layout(tags[0], self.f_tags, width, 1) if tags else []

    def card_plan(self, partner: Partner, category: Category | None, lang: str, width: float) -> tuple[Any, ...]:
        """``([(lines, font, colour token, gap before), …], height)`` for a card's text
        block: the name as large as fits whole (two lines at h3, else up to three smaller
        lines; else the short name), the category (at label size, wrapping to two lines, else a size smaller),
        then the tags when there is room. Nothing is cut unless no arrangement holds it."""
        key = (partner.id, lang, round(width))
        plan = self._plans.get(key)
        if plan is not None:
            return plan
        th = self.theme
        avail = self.text_height() + 0.5
        name = partner_title(partner, lang)
        cat = category.name.get(lang) if category is not None else ""
        tags = self._tags_line(partner, category, lang, width)

        def height(font: QFont, n_name: int, cat_block: Any, with_tags: bool) -> float:
            h = self._h(font) * (self.NAME_LINE * (n_name - 1) + 1)
            if cat_block:
                h += th.space("xs") + self._h(cat_block[0]) * len(cat_block[1])
            if with_tags:
                h += th.space("xxs") + self._h(self.f_tags)
            return h

        names = []  # the full name whole, else the short name whole, else the name cut
        short = partner.short_name.get(lang) if partner.short_name else ""
        for text in dict.fromkeys(t for t in (name, short) if t):
            for font, most in ((self.f_name, 2), (self.f_name_small, 3)):
                lines = self._layout(text, font, width, 0, self.NAME_LINE)
                if len(lines) <= most:
                    names.append((font, lines))
        names.append((self.f_name_small, self._layout(name, self.f_name_small, width, 3, self.NAME_LINE)))
        cats: list[tuple[Any, ...]] = [()]
        cut_cat: tuple[Any, ...] = ()
        if cat:
            cats = []
            for font, most in ((self.f_cat, 2), (self.f_cat_small, 2)):
                lines = self._layout(cat, font, width, 0)
                if len(lines) <= most:
                    cats.append((font, lines))
            cut_cat = (self.f_cat_small, self._layout(cat, self.f_cat_small, width, 1))
        # the first arrangement that holds, largest name first, nothing cut; then the
        # category cut to one line; then (a very long name) the name's third line ends in "…"
        combos = [(f, ls, c) for f, ls in names[:-1] for c in cats] + [(f, ls, cut_cat) for f, ls in names]
        chosen = next((x for x in combos if height(x[0], len(x[1]), x[2], False) <= avail), combos[-1])
        font, lines, cat_block = chosen
        blocks = [(lines, font, "text", 0)]
        if cat_block:
            blocks.append((cat_block[1], cat_block[0], "accent_text", th.space("xs")))
        with_tags = bool(tags) and height(font, len(lines), cat_block, True) <= avail
        if with_tags:
            blocks.append((tags, self.f_tags, "text_muted", th.space("xxs")))
        plan = (blocks, height(font, len(lines), cat_block, with_tags))
        if len(self._plans) > 6000:
            self._plans.clear()
        self._plans[key] = plan
        return plan

    # -- painting -----------------------------------------------------------------------
    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = index.model()
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
        self, p: QPainter, lines: Any, font: QFont, color: QColor, x: float, y: float, line_height: float = 1.0
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
        inset = th.px(3) if down else 1
        r = rect.adjusted(inset, inset, -inset, -inset)
        radius = th.radius("lg")
        if down:
            p.setPen(QPen(QColor(pal.primary), th.px(3)))
            p.setBrush(QColor(pal.surface_pressed))
        else:
            g = QLinearGradient(r.topLeft(), r.bottomRight())
            g.setColorAt(0, QColor(pal.surface_raised))
            g.setColorAt(1, QColor(pal.surface))
            p.setPen(QPen(QColor(pal.line), max(1.0, th.px(1.5))))
            p.setBrush(g)
        p.drawRoundedRect(r, radius, radius)

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


def draw_logo(p: QPainter, box: QRectF, logo: QImage | QPixmap, theme: Theme) -> None:
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
