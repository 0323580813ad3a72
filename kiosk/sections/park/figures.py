"""Key figures for the park page: :class:`FigureTile` (a compact, counting figure) and
:class:`FigureGrid` (tiles in as many columns as fit, rows as tall as their tallest tile)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.model import Figure
from kiosk.numbers import split_figure
from kiosk.theme import Theme
from kiosk.widgets.countup import CountUp
from kiosk.widgets.labels import FollowsLanguage
from kiosk.widgets.paintcache import StateCache
from kiosk.widgets.text import draw_text, layout_lines, text_height

# -- figures ----------------------------------------------------------------------------


class FigureTile(FollowsLanguage, QWidget):
    """A key figure: a short amber rule, the number (with 约/about, unit) and its label.
    The unit wraps under the number when the tile is narrow; heights follow the width."""

    def __init__(self, theme: Theme, figure: Figure, lang: str, *, number_role: str = "h2", small_role: str = "lead",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.figure = figure
        self._lang = lang
        self._shown = figure
        self.number_role = number_role
        self.number_font = theme.font(number_role)
        self.small_font = theme.font(small_role)
        self.small_font.setWeight(QFont.Weight.Bold)
        self.label_font = theme.font("caption")
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.count = CountUp(self, figure.value, self._on_count_value)
        self.setAccessibleName(self.text())
        self._rest = StateCache(limit=1)
        """The tile showing its final value (≈ 0.4–0.9 MB at 4K); count-up steps paint live."""

    # -- state
    def _language_changed(self, lang: str) -> None:
        self.setAccessibleName(self.text())
        self.updateGeometry()
        self.update()

    def set_number_role(self, role: str) -> None:
        """The type role of the number (the page picks the largest that fits)."""
        if role != self.number_role:
            self.number_role = role
            self.number_font = self.theme.font(role)
            self.updateGeometry()
            self.update()

    def count_up(self) -> None:
        self.count.start()

    def finish(self) -> None:
        self.count.finish()

    @property
    def value(self) -> float:
        """The value shown now (mid count-up: between 0 and the figure's value)."""
        return self._shown.value

    def text(self, lang: str | None = None) -> str:
        """The figure as shown: "约3.5万平方米 占地面积" / "about 35,000 m² Land area"."""
        lang = lang or self._lang
        prefix, number, rest = split_figure(self._shown, lang)
        sep = " " if lang == "en" else ""
        value = sep.join(s for s in (prefix, number) if s)
        value = f"{value}{sep}{rest}" if rest else value
        return f"{value} {self.figure.label.get(lang)}"

    def _on_count_value(self, value: float) -> None:
        self._shown = self.figure if value == self.figure.value else self.figure.model_copy(update={"value": value})
        self.update()

    # -- layout
    def _parts(self, figure: Figure) -> tuple[str, str, str]:
        return split_figure(figure, self._lang)

    def _metrics(self, width: float) -> dict[Any, Any]:
        """Positions for the final value (so the count-up never reflows the tile)."""
        t = self.theme
        prefix, number, rest = self._parts(self.figure)
        fn, fs = QFontMetricsF(self.number_font), QFontMetricsF(self.small_font)
        gap = t.px(8)
        head = t.px(4) + t.space("xs")
        w_prefix = fs.horizontalAdvance(prefix) + gap if prefix else 0.0
        w_number = fn.horizontalAdvance(number)
        w_rest = fs.horizontalAdvance(rest) if rest else 0.0
        inline = w_prefix + w_number + (gap + w_rest if rest else 0) <= width
        # Digits have no accents or descenders: size the line by the cap height.
        base = head + fn.capHeight() + t.px(6)
        y = base + max(fs.descent(), fn.descent() * 0.4)
        rest_lines: list[tuple[str, float]] = []
        if rest and not inline:
            rest_lines = layout_lines(rest, self.small_font, width, max_lines=2)
            y += t.px(2) + rest_lines[-1][1] + fs.height()
        label_top = y + t.space("xs")
        label_h = text_height(self.figure.label.get(self._lang), self.label_font, width, 2, 1.15)
        return {
            "head": head, "inline": inline, "rest_lines": rest_lines, "number_base": base,
            "label_top": label_top, "height": label_top + label_h,
        }

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(float(self._metrics(max(1, width))["height"]))

    def sizeHint(self) -> QSize:
        w = self.theme.px(320)
        return QSize(w, self.heightForWidth(w))

    def min_width(self) -> int:
        """The narrowest the tile can be: the number and its 约/about on one line, in
        either language."""
        fn, fs = QFontMetricsF(self.number_font), QFontMetricsF(self.small_font)
        widest = 0.0
        for lang in ("zh", "en"):
            prefix, number, _ = split_figure(self.figure, lang)
            widest = max(
                widest,
                (fs.horizontalAdvance(prefix) + self.theme.px(8) if prefix else 0) + fn.horizontalAdvance(number),
            )
        return round(widest) + 2

    def minimumSizeHint(self) -> QSize:
        w = max(self.theme.px(160), self.min_width())
        return QSize(w, self.heightForWidth(w))

    def paintEvent(self, _e: QPaintEvent) -> None:
        if self._shown is self.figure:  # at rest: big digits are dear to draw, a blit is not
            self._rest.paint(self, (self._lang, self.number_role), self._draw)
            return
        p = QPainter(self)
        self._draw(p)
        p.end()

    def _draw(self, p: QPainter) -> None:
        t = self.theme
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = float(self.width())
        m = self._metrics(w)
        # rule: a hairline across, an amber segment at the start
        p.fillRect(QRectF(0, t.px(1.5), w, max(1.0, t.px(1.5))), t.color("line_strong"))
        p.fillRect(QRectF(0, 0, min(w, t.px(56)), t.px(4)), t.color("accent"))
        prefix, number, rest = self._parts(self._shown)
        fn, fs = QFontMetricsF(self.number_font), QFontMetricsF(self.small_font)
        ink = t.color("accent_text")
        gap = t.px(8)
        base = m["number_base"]
        x = 0.0
        p.setPen(ink)
        if prefix:
            p.setFont(self.small_font)
            p.drawText(QPointF(x, base), prefix)
            x += fs.horizontalAdvance(prefix) + gap
        p.setFont(self.number_font)
        p.drawText(QPointF(x, base), number)
        x += fn.horizontalAdvance(number) + gap
        if rest:
            p.setFont(self.small_font)
            if m["inline"]:
                p.drawText(QPointF(x, base), rest)
            else:
                top = base + max(fs.descent(), fn.descent() * 0.4) + t.px(2)
                for line, dy in m["rest_lines"]:
                    p.drawText(QPointF(0, top + dy + fs.ascent()), line)
        draw_text(
            p,
            self.figure.label.get(self._lang),
            self.label_font,
            t.color("text_muted"),
            0,
            m["label_top"],
            w,
            max_lines=2,
            line_height=1.15,
        )


class FigureGrid(QWidget):
    """Figure tiles in as many columns as fit (each ≥ ``min_width``), rows as tall as
    their tallest tile. Height follows width."""

    def __init__(
        self,
        theme: Theme,
        tiles: Sequence[QWidget],
        *,
        min_width: int,
        max_columns: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.tiles = list(tiles)
        self.min_width = min_width
        self.max_columns = max_columns
        self.gap_x = theme.space("md")
        self.gap_y = theme.space("md")
        for tile in self.tiles:
            tile.setParent(self)
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)

    def columns_for(self, width: int) -> int:
        n = len(self.tiles)
        widest = max([self.min_width] + [t.minimumSizeHint().width() for t in self.tiles])
        cols = max(1, min(self.max_columns, n or 1, (width + self.gap_x) // (widest + self.gap_x)))
        while cols > 2 and n % cols and n % cols < cols / 2:
            cols -= 1  # no lone orphan on the last row
        return cols

    def _rows(self, width: int) -> tuple[int, float, list[float]]:
        cols = self.columns_for(width)
        cw = (width - self.gap_x * (cols - 1)) / cols
        heights: list[float] = []
        for r in range(0, len(self.tiles), cols):
            heights.append(max(t.heightForWidth(round(cw)) for t in self.tiles[r : r + cols]))
        return cols, cw, heights

    def height_in(self, lang: str, width: int) -> int:
        """The grid's height at ``width`` if it showed ``lang``."""
        shown = [getattr(t, "lang", lang) for t in self.tiles]
        for tile in self.tiles:
            cast(FollowsLanguage, tile).set_language(lang)
        height = self.heightForWidth(width)
        for tile, was in zip(self.tiles, shown, strict=False):
            cast(FollowsLanguage, tile).set_language(was)
        return height

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self.tiles:
            return 0
        _, _, heights = self._rows(width)
        return round(sum(heights) + self.gap_y * (len(heights) - 1))

    def sizeHint(self) -> QSize:
        # at the width it has once laid out: a box layout gives a fixed-height widget its
        # hinted height (a hint taken at another width leaves it short and centred)
        w = self.width() if self.width() > 1 else self.theme.px(640)
        return QSize(w, self.heightForWidth(w))

    def minimumSizeHint(self) -> QSize:
        # Height comes from heightForWidth; a minimum height taken at the narrowest width
        # (one tall column) would make a scroll area think the grid is twice as tall.
        widest = max([self.min_width] + [t.minimumSizeHint().width() for t in self.tiles])
        return QSize(widest, 0)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        if e.oldSize().width() != e.size().width():
            self.updateGeometry()  # the hinted height follows the width
        self._place()

    def _place(self) -> None:
        if not self.tiles:
            return
        cols, cw, heights = self._rows(self.width())
        y = 0.0
        for r, h in enumerate(heights):
            for c, tile in enumerate(self.tiles[r * cols : (r + 1) * cols]):
                tile.setGeometry(round(c * (cw + self.gap_x)), round(y), round(cw), round(h))
            y += h + self.gap_y

    def relayout(self) -> None:
        self.updateGeometry()
        self._place()
