"""Category filter: a chip per category with its count, "All" first.

:class:`CategoryBar` lays its chips out as a vertical rail (``rail=True``: full-width rows,
names wrap to two lines, the selected one gets the amber notch) or as wrapping rows of
pills (``rail=False``, for portrait). One chip is checked at a time; a tap emits
:attr:`CategoryBar.selected` with the chip's key (``""`` for All).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.theme import Theme
from kiosk.widgets.button import button_colours
from kiosk.widgets.labels import FollowsLanguage
from kiosk.widgets.paintcache import StateCache
from kiosk.widgets.text import draw_text, layout_lines
from kiosk.widgets.touch import TouchButton

Label = Callable[[str], str]


class CategoryChip(FollowsLanguage, TouchButton):
    def __init__(self, theme: Theme, key: str, label: Label, count: int, lang: str, *,
                 rail: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.key = key
        self._label = label
        self.count = count
        self._lang = lang
        self.rail = rail
        self.setObjectName(f"chip-{key or 'all'}")
        self.setFont(theme.font("label"))
        self._count_font = theme.font("caption")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.text)
        self._rest = StateCache(limit=1)
        """The chip at rest (≈ 0.2–0.7 MB at 4K); the brief pressed state paints live."""

    @property
    def text(self) -> str:
        return self._label(self._lang)

    def _language_changed(self, lang: str) -> None:
        self.setAccessibleName(self.text)
        self.updateGeometry()
        self.update()

    # -- geometry -----------------------------------------------------------------------
    def _base_height(self) -> int:
        return max(self.theme.min_target, self.theme.px(72 if self.rail else 80))

    def _pad(self) -> int:
        return self.theme.space("md")

    def _badge_size(self) -> QSize:
        fm = QFontMetricsF(self._count_font)
        h = round(fm.height() + self.theme.px(6))
        w = max(h, round(fm.horizontalAdvance(str(self.count)) + self.theme.px(24)))
        return QSize(w, h)

    def _text_width_for(self, width: int) -> float:
        return width - 2 * self._pad() - self._badge_size().width() - self.theme.space("sm") - self._notch()

    def _notch(self) -> int:
        return self.theme.px(10) if self.rail else 0

    def height_for(self, width: int) -> int:
        if not self.rail:
            return self._base_height()
        lines = layout_lines(self.text, self.font(), max(1.0, self._text_width_for(width)), 2)
        text_h = len(lines) * QFontMetricsF(self.font()).height()
        return max(self._base_height(), round(text_h + 2 * self.theme.px(12)))

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        w = fm.horizontalAdvance(self.text) + 2 * self._pad() + self._badge_size().width() + self.theme.space("sm")
        return QSize(max(self._base_height(), round(w) + 2), self._base_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._base_height(), self._base_height())

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, _e: QPaintEvent) -> None:
        if not self.is_down:
            self._rest.paint(self, (self._lang, self.is_checked, self.count, self.rail), self._draw)
            return
        p = QPainter(self)
        self._draw(p)
        p.end()

    def _draw(self, p: QPainter) -> None:
        th, pal = self.theme, self.theme.palette
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill, ink, border = button_colours(th, "secondary", self.is_down, self.is_checked)
        if self.rail and not self.is_checked and not self.is_down:
            fill, border = QColor(pal.surface), QColor(pal.line)
        inset = th.px(3) if self.is_down else 1
        r = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        radius = th.radius("md") if self.rail else r.height() / 2
        p.setPen(QPen(border, max(1.5, th.px(2))) if border else Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(r, radius, radius)
        if self.rail and self.is_checked:
            notch_h = min(r.height() * 0.5, th.px(44))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(pal.accent))
            p.drawRoundedRect(
                QRectF(r.left() + th.px(10), r.center().y() - notch_h / 2, th.px(6), notch_h), th.px(3), th.px(3)
            )

        badge = self._badge_size()
        pad = self._pad()
        if self.rail:
            tx = r.left() + pad + self._notch()
            tw = self._text_width_for(self.width())
            lines = layout_lines(self.text, self.font(), max(1.0, tw), 2)
            fm = QFontMetricsF(self.font())
            th_text = len(lines) * fm.height()
            draw_text(p, self.text, self.font(), ink, tx, r.center().y() - th_text / 2, tw, max_lines=2)
            bx = r.right() - pad - badge.width()
        else:
            fm = QFontMetricsF(self.font())
            tw = fm.horizontalAdvance(self.text)
            total = tw + th.space("sm") + badge.width()
            tx = r.center().x() - total / 2
            draw_text(p, self.text, self.font(), ink, tx, r.center().y() - fm.height() / 2, tw + 2, max_lines=1)
            bx = tx + tw + th.space("sm")
        b = QRectF(bx, r.center().y() - badge.height() / 2, badge.width(), badge.height())
        if self.is_checked:
            b_fill, b_ink = QColor(pal.primary_pressed), QColor(pal.on_primary)
        else:
            b_fill, b_ink = QColor(pal.background_deep if self.rail else pal.surface), QColor(pal.text_muted)
            if self.is_down:
                b_fill = QColor(pal.surface)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(b_fill)
        p.drawRoundedRect(b, b.height() / 2, b.height() / 2)
        p.setPen(b_ink)
        p.setFont(self._count_font)
        p.drawText(b, int(Qt.AlignmentFlag.AlignCenter), str(self.count))


class CategoryBar(FollowsLanguage, QWidget):
    """The chips, laid out as a rail or as wrapping rows. Emits :attr:`selected`."""

    selected = Signal(str)

    def __init__(
        self,
        theme: Theme,
        entries: list[tuple[str, Label, int]],
        lang: str,
        *,
        rail: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.rail = rail
        self._lang = lang
        self._current = ""
        self.setObjectName("partner-categories")
        self.chips: list[CategoryChip] = []
        for key, label, count in entries:
            chip = CategoryChip(theme, key, label, count, lang, rail=rail, parent=self)
            chip.clicked.connect(lambda k=key: self.selected.emit(k))
            self.chips.append(chip)
        if self.chips:
            self.chips[0].set_checked(True)
            self._current = self.chips[0].key
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def current(self) -> str:
        return self._current

    def chip(self, key: str) -> CategoryChip | None:
        return next((c for c in self.chips if c.key == key), None)

    def set_current(self, key: str) -> None:
        self._current = key
        for c in self.chips:
            c.set_checked(c.key == key)

    def _language_changed(self, lang: str) -> None:
        for c in self.chips:
            c.set_language(lang)
        self.updateGeometry()
        self._place(self.width())

    # -- layout -------------------------------------------------------------------------
    def _gap(self) -> int:
        return self.theme.space("sm") if not self.rail else self.theme.px(10)

    def _geometries(self, width: int) -> list[QRect]:
        gap = self._gap()
        out: list[QRect] = []
        if self.rail:
            y = 0
            for c in self.chips:
                h = c.height_for(width)
                out.append(QRect(0, y, width, h))
                y += h + gap
            return out
        x = y = 0
        row_h = 0
        for c in self.chips:
            hint = c.sizeHint()
            w = min(hint.width(), width)
            if x > 0 and x + w > width:
                x, y = 0, y + row_h + gap
                row_h = 0
            out.append(QRect(x, y, w, hint.height()))
            x += w + gap
            row_h = max(row_h, hint.height())
        return out

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self._geometries(width)
        return max((r.bottom() + 1 for r in rects), default=0)

    def sizeHint(self) -> QSize:
        w = self.theme.px(480) if self.rail else self.theme.px(1200)
        return QSize(w, self.heightForWidth(w))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.theme.px(320), self.theme.min_target)

    def _place(self, width: int) -> None:
        for c, r in zip(self.chips, self._geometries(width), strict=False):
            c.setGeometry(r)

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._place(e.size().width())
        super().resizeEvent(e)
