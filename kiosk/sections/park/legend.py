"""PlanLegend: under the park plan, a swatch per hotspot kind present and a how-to note.

The items flow left to right and wrap onto another line when the plan's column is too
narrow for them (large text, reach mode's band); the note sits at the right end of the
last line when it fits there, else on a line of its own — nothing is ever elided. In
reach mode's short band a note that would need a line of its own is left out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.i18n import LANGS
from kiosk.theme import Theme
from kiosk.widgets.labels import FollowsLanguage

Colours = Callable[[str], tuple[QColor, QColor, float, Qt.PenStyle]]


class PlanLegend(FollowsLanguage, QWidget):
    """Swatches for the hotspot kinds present, and a how-to note."""

    def __init__(self, theme: Theme, kinds: list[str], kind_name: Callable[[str, str], str],
                 note: Callable[[str], str], lang: str, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.kinds = kinds
        self.kind_name = kind_name
        self.note = note
        self.colours = colours
        self._lang = lang
        self.font_ = theme.font("caption")
        self._line_h = round(QFontMetricsF(self.font_).height() + theme.px(12))
        self.setFixedHeight(self._line_h)
        self.note_shown = True

    def _language_changed(self, lang: str) -> None:
        self.update()

    def texts(self) -> list[str]:
        return [self.kind_name(k, self._lang) for k in self.kinds] + [self.note(self._lang)]

    # -- layout -----------------------------------------------------------------------
    def _item_width(self, kind: str, lang: str) -> float:
        t = self.theme
        return t.px(40) + t.space("xs") + 2 * t.px(3) + QFontMetricsF(self.font_).horizontalAdvance(
            self.kind_name(kind, lang))

    def _flow(self, lang: str, width: float) -> tuple[list[tuple[str, float, int]], tuple[float, int] | None, int]:
        """Each kind's (kind, x, line), the note's (x, line) and the number of lines."""
        gap = self.theme.space("lg")
        items: list[tuple[str, float, int]] = []
        x, line = 0.0, 0
        for kind in self.kinds:
            w = self._item_width(kind, lang)
            if x > 0 and x + w > width:
                x, line = 0.0, line + 1
            items.append((kind, x, line))
            x += w + gap
        note_w = QFontMetricsF(self.font_).horizontalAdvance(self.note(lang)) if self.note(lang) else 0.0
        if not note_w:
            return items, None, line + 1
        if x + note_w - gap <= width or not items:
            return items, (width - note_w, line), line + 1
        return items, (0.0, line + 1), line + 2

    @staticmethod
    def _note_alone(flow: tuple[list[tuple[str, float, int]], tuple[float, int] | None, int]) -> bool:
        items, note, _ = flow
        return note is not None and bool(items) and note[1] > items[-1][2]

    def _lines(self, lang: str, width: float) -> int:
        flow = self._flow(lang, width)
        return flow[2] - (1 if not self.note_shown and self._note_alone(flow) else 0)

    def height_for(self, width: int) -> int:
        """The height the legend needs at ``width``, the taller language's (switching never
        moves the plan); sets it too. Reach mode drops a note that needs its own line."""
        self.note_shown = not (self.theme.reach and any(self._note_alone(self._flow(l, width)) for l in LANGS))
        self.setFixedHeight(self._line_h * max(self._lines(lang, width) for lang in LANGS))
        return self.height()

    def elided(self) -> bool:
        """Whether a text is cut (layout tests): more lines needed than the legend has,
        or an item wider than the legend."""
        items = self._flow(self._lang, self.width())[0]
        too_wide = any(x + self._item_width(k, self._lang) > self.width() + 1 for k, x, _ in items)
        return too_wide or self._lines(self._lang, self.width()) * self._line_h > self.height() + 1

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, _e: QPaintEvent) -> None:
        t = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font_)
        p.setFont(self.font_)
        items, note, _ = self._flow(self._lang, self.width())
        sw, sh = t.px(40), t.px(26)
        for kind, x, line in items:
            cy = self._line_h * (line + 0.5)
            colour, fill, width, style = self.colours(kind)
            pen = QPen(colour, width, style)
            if style == Qt.PenStyle.DashLine:
                pen.setDashPattern([3, 2.5])
            p.setPen(pen)
            p.setBrush(fill)
            box = QRectF(x + width, cy - sh / 2, sw, sh)
            p.drawRect(box)
            if kind == "site":
                p.setPen(QPen(t.color("text"), t.px(2)))
                p.setBrush(t.color("primary"))
                p.drawEllipse(box.center(), t.px(8), t.px(8))
            p.setPen(t.color("text_muted"))
            p.drawText(QPointF(box.right() + t.space("xs") + width, cy - fm.height() / 2 + fm.ascent()),
                       self.kind_name(kind, self._lang))
        if note is not None and (self.note_shown or not self._note_alone((items, note, 0))):
            cy = self._line_h * (note[1] + 0.5)
            p.setPen(t.color("text_muted"))
            p.drawText(QPointF(note[0], cy - fm.height() / 2 + fm.ascent()), self.note(self._lang))
        p.end()
