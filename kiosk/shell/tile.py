"""Tile: a large home-screen button for a section — icon, number, title, subtitle, arrow.

The icon arrives later (:meth:`set_icon`, after the first frame); until then a monogram
of the title fills the icon disc. Everything is painted; texts are plain.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.i18n import LANGS
from kiosk.theme import Theme
from kiosk.widgets.glyphs import draw_glyph
from kiosk.widgets.labels import FollowsLanguage, Source, resolve
from kiosk.widgets.paintcache import StateCache
from kiosk.widgets.text import draw_text, text_height
from kiosk.widgets.touch import TouchButton


class Tile(FollowsLanguage, TouchButton):
    def __init__(
        self,
        theme: Theme,
        *,
        number: int,
        title: Source,
        subtitle: Source,
        lang: str,
        icon_name: str | None = None,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(theme, parent)
        self.compact = compact
        """Reach mode's short band: a low tile (a row of a list), still a generous target."""
        self.peers: list[Tile] = [self]
        """The tiles shown together: compact rows share one title size and disc choice."""
        self.number = number
        self._title = title
        self._subtitle = subtitle
        self._lang = lang
        self.icon_name = icon_name
        self._icon: QPixmap | None = None
        self._cache = StateCache(limit=1)  # the rest state (a 4K tile is ≈ 6 MB)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(max(theme.min_target, theme.px(96 if compact else 200)))
        self.setAccessibleName(self.title)

    @property
    def title(self) -> str:
        return resolve(self._title, self._lang)

    @property
    def subtitle(self) -> str:
        return resolve(self._subtitle, self._lang)

    @property
    def has_icon(self) -> bool:
        return self._icon is not None

    def _language_changed(self, lang: str) -> None:
        self.setAccessibleName(self.title)
        self.update()

    def icon_size(self) -> int:
        return round(self._disc() * 0.5)

    def set_icon(self, pixmap: QPixmap | None) -> None:
        self._icon = pixmap
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(840), self.theme.px(300))

    def _pad(self) -> int:
        return self.theme.px(24 if self.compact else 40)

    def _disc(self) -> int:
        return max(self.theme.px(64), min(self.theme.px(136), self.height() - 2 * self._pad()))

    def paintEvent(self, _e: QPaintEvent) -> None:
        if self.is_down:  # pressed for a moment only: painted live, not kept
            p = QPainter(self)
            self._paint(p)
            p.end()
            return
        state = (self._lang, id(self.theme), self._icon is not None and self._icon.cacheKey())
        self._cache.paint(self, state, self._paint)

    def _paint(self, p: QPainter) -> None:
        th, pal = self.theme, self.theme.palette
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        inset = th.px(6) if self.is_down else 1
        r = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        radius = th.radius("lg")
        g = QLinearGradient(r.topLeft(), r.bottomRight())
        if self.is_down:
            g.setColorAt(0, QColor(pal.surface_pressed))
            g.setColorAt(1, QColor(pal.surface_pressed))
        else:
            g.setColorAt(0, QColor(pal.surface_raised))
            g.setColorAt(1, QColor(pal.surface))
        border = QColor(pal.primary if self.is_down else pal.line)
        p.setPen(QPen(border, th.px(3) if self.is_down else max(1.0, th.px(1.5))))
        p.setBrush(g)
        p.drawRoundedRect(r, radius, radius)
        # accent notch on the left edge
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.accent))
        notch_h = min(r.height() * 0.36, th.px(96))
        p.drawRoundedRect(QRectF(r.left(), r.center().y() - notch_h / 2, th.px(7), notch_h), th.px(3), th.px(3))

        pad = self._pad()
        if self.compact:
            self._paint_compact(p, r, pad)
            return
        disc = self._paint_disc(p, r, pad)
        arrow = self._paint_arrow_and_number(p, r, pad)
        self._paint_texts(p, r, pad, disc, arrow)

    def _titles(self) -> list[str]:
        return [resolve(tile._title, lang) for tile in self.peers for lang in LANGS]

    def _compact_title_font(self, width: float) -> QFont:
        """The rows' title: h3 when every row's title fits one line in both languages,
        else a bold lead (the type scale's ratio between modes holds: both follow the
        large-text factor)."""
        font = self.theme.font("h3")
        fm = QFontMetricsF(font)
        if all(fm.horizontalAdvance(t) <= width for t in self._titles()):
            return font
        font = self.theme.font("lead")
        font.setWeight(QFont.Weight.Bold)
        return font

    def _paint_compact(self, p: QPainter, r: QRectF, pad: int) -> None:
        """A list row: the disc (when the titles leave room), the title on one line,
        the arrow; no number (the rows' order says it) and no subtitle."""
        th = self.theme
        arrow = self._paint_arrow(p, r, pad)
        right = r.right() - pad * 0.75 - arrow - th.px(20)
        with_disc = right - (r.left() + pad + self._disc() + th.px(28))
        fm = QFontMetricsF(self._compact_title_font(with_disc))
        if all(fm.horizontalAdvance(t) <= with_disc for t in self._titles()):
            tx = self._paint_disc(p, r, pad).right() + th.px(28)
        else:
            tx = r.left() + pad
        font = self._compact_title_font(right - tx)
        top = r.center().y() - QFontMetricsF(font).height() / 2
        draw_text(p, self.title, font, QColor(th.palette.text), tx, top, right - tx, max_lines=1)

    def _paint_disc(self, p: QPainter, r: QRectF, pad: int) -> QRectF:
        """The icon disc (or the title's first letter); returns its rect."""
        th, pal = self.theme, self.theme.palette
        d = self._disc()
        disc = QRectF(r.left() + pad, r.center().y() - d / 2, d, d)
        dg = QLinearGradient(disc.topLeft(), disc.bottomRight())
        dg.setColorAt(0, QColor(pal.primary_soft))
        dg.setColorAt(1, QColor(pal.primary_faint))
        p.setBrush(dg)
        p.drawEllipse(disc)
        if self._icon is not None:
            s = self.icon_size()
            p.drawPixmap(
                QRectF(disc.center().x() - s / 2, disc.center().y() - s / 2, s, s),
                self._icon,
                QRectF(self._icon.rect()),
            )
        else:
            draw_text(
                p,
                self.title[:1],
                th.font("h2"),
                QColor(pal.text),
                disc.left(),
                disc.center().y() - th.font_px("h2") * 0.7,
                disc.width(),
                max_lines=1,
                align=Qt.AlignmentFlag.AlignHCenter,
            )
        return disc

    def _paint_arrow(self, p: QPainter, r: QRectF, pad: int) -> float:
        """The round arrow: bottom right (centred on the right in a compact row); returns
        its size."""
        th, pal = self.theme, self.theme.palette
        arrow = th.px(64)
        top = r.center().y() - arrow / 2 if self.compact else r.bottom() - pad * 0.75 - arrow
        arrow_rect = QRectF(r.right() - pad * 0.75 - arrow, top, arrow, arrow)
        p.setPen(QPen(QColor(pal.accent), th.px(2.5)))
        p.setBrush(QColor(pal.accent) if self.is_down else Qt.BrushStyle.NoBrush)
        p.drawEllipse(arrow_rect)
        ink = QColor(pal.on_accent if self.is_down else pal.accent)
        draw_glyph(
            p, "next", arrow_rect.adjusted(arrow * 0.28, arrow * 0.28, -arrow * 0.28, -arrow * 0.28), ink, th.px(4)
        )
        return arrow

    def _paint_arrow_and_number(self, p: QPainter, r: QRectF, pad: int) -> float:
        """The round arrow (bottom right) and the tile's number (top right); returns the
        arrow's size."""
        th, pal = self.theme, self.theme.palette
        arrow = self._paint_arrow(p, r, pad)
        f_num = th.font("label")
        num_w = th.px(64)
        draw_text(
            p,
            f"{self.number:02d}",
            f_num,
            QColor(pal.accent_text),
            r.right() - pad * 0.75 - num_w,
            r.top() + pad * 0.6,
            num_w,
            max_lines=1,
            align=Qt.AlignmentFlag.AlignRight,
        )
        return arrow

    def _paint_texts(self, p: QPainter, r: QRectF, pad: int, disc: QRectF, arrow: float) -> None:
        """Title and subtitle beside the disc, dropping lines until the block fits:
        subtitle lines first."""
        th, pal = self.theme, self.theme.palette
        tx = disc.right() + th.px(36)
        tw = max(10.0, r.right() - pad * 0.75 - arrow - th.px(20) - tx)
        f_title, f_sub = th.font("h3"), th.font("body")
        gap = th.space("xs")
        avail = r.height() - 2 * th.px(12)
        for title_lines, sub_lines in ((2, 3), (2, 2), (2, 1), (2, 0), (1, 0)):
            blocks = [(self.title, f_title, pal.text, title_lines)]
            if sub_lines and self.subtitle:
                blocks.append((self.subtitle, f_sub, pal.text_muted, sub_lines))
            heights = [text_height(s, f, tw, n) for s, f, _, n in blocks]
            total = sum(heights) + gap * (len(blocks) - 1)
            if total <= avail:
                break
        y = r.center().y() - total / 2
        for (s, f, colour, n), hgt in zip(blocks, heights, strict=False):
            draw_text(p, s, f, QColor(colour), tx, y, tw, max_lines=n)
            y += hgt + gap
