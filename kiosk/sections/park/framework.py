"""The 个十百千万 framework as a picture: five steps rising 1 → 10 → 100 → 1,000 → 10,000.

:class:`FrameworkStairs` paints one block per step, each taller than the last, with the
step's big character (个, 十, 百, 千, 万 — ``key.zh``) and its count; a tap selects a step
(amber). The blocks grow in, one after the other, when the panel is shown.
:class:`FrameworkPanel` puts the stairs above the selected step's title and text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QLinearGradient, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import FrameworkItem
from kiosk.numbers import format_number
from kiosk.theme import Theme
from kiosk.widgets.labels import FollowsLanguage, TextLabel
from kiosk.widgets.progress import progress_animation
from kiosk.widgets.touch import TouchButton

GROW_MS = 1100
STAGGER = 0.16


class FrameworkStairs(FollowsLanguage, TouchButton):
    step_tapped = Signal(int)

    def __init__(self, theme: Theme, items: Sequence[FrameworkItem], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.items = list(items)
        self._lang = lang
        self.selected = 0
        self.progress = 1.0
        self.char_font = theme.font("h1")
        self.count_font = theme.font("label")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(theme.px(290))
        self.grow = progress_animation(
            self, "framework-grow", self._on_grow_value_changed, duration_ms=GROW_MS, easing=QEasingCurve.Type.Linear
        )
        self.clicked.connect(self._on_clicked)

    def _language_changed(self, lang: str) -> None:
        self.update()

    def select(self, index: int) -> None:
        if 0 <= index < len(self.items) and index != self.selected:
            self.selected = index
            self.update()

    def start_growing(self) -> None:
        self.grow.stop()
        self.progress = 0.0
        self.grow.start()
        self.update()

    def finish_growing(self) -> None:
        self.grow.stop()
        self.progress = 1.0
        self.update()

    def _on_grow_value_changed(self, value: object) -> None:
        self.progress = float(value)  # type: ignore[arg-type]
        self.update()

    # -- geometry ---------------------------------------------------------------------
    def _count_h(self) -> float:
        return QFontMetricsF(self.count_font).height() + self.theme.space("xs")

    def step_rect(self, i: int, grown: bool = True) -> QRectF:
        """Step ``i``'s block (fully grown unless ``grown`` is False)."""
        n = max(1, len(self.items))
        gap = self.theme.space("sm")
        w = (self.width() - gap * (n - 1)) / n
        floor = self.height() - self._count_h()
        low = QFontMetricsF(self.char_font).height() + self.theme.space("md") * 2
        full = max(low, floor - self.theme.px(4))
        h = low + (full - low) * (i / (n - 1) if n > 1 else 1.0)
        if not grown:
            h *= self._growth(i)
        return QRectF(i * (w + gap), floor - h, w, h)

    def _growth(self, i: int) -> float:
        n = max(1, len(self.items))
        span = 1 + STAGGER * (n - 1)
        x = min(1.0, max(0.0, self.progress * span - STAGGER * i))
        return QEasingCurve(QEasingCurve.Type.OutCubic).valueForProgress(x)

    def tap_targets(self) -> list[QRectF]:
        """Each step's column, floor to top: the block, the air above it and its count."""
        return [
            QRectF(r.left(), 0, r.width(), self.height()) for r in (self.step_rect(i) for i in range(len(self.items)))
        ]

    def _index_at(self, pos: QPointF) -> int:
        for i, r in enumerate(self.tap_targets()):
            if r.adjusted(-self.theme.space("sm") / 2, 0, self.theme.space("sm") / 2, 0).contains(pos):
                return i
        return -1

    def _on_clicked(self) -> None:
        i = self._index_at(self.press_position)
        if i >= 0:
            self.step_tapped.emit(i)

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(640), self.height())

    def minimumSizeHint(self) -> QSize:
        n = max(1, len(self.items))
        return QSize(n * self.theme.min_target + (n - 1) * self.theme.space("sm"), self.height())

    def count_text(self, i: int) -> str:
        return format_number(self.items[i].count, self._lang)

    # -- painting -----------------------------------------------------------------------
    def _fitted_fonts(self) -> tuple[QFont, QFont]:
        """The characters' and the counts' fonts, shrunk to fit a narrow step."""
        t, w = self.theme, self.step_rect(0).width()
        chars = [i.key.zh or i.key.en for i in self.items]
        counts = [self.count_text(i) for i in range(len(self.items))]
        return (fit_font(self.char_font, chars, w - t.space("xs")),
                fit_font(self.count_font, counts, w + t.space("sm")))

    def paintEvent(self, _e: QPaintEvent) -> None:
        t = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        floor = self.height() - self._count_h()
        pressed = self._index_at(self.press_position) if self.is_down else -1
        radius = t.radius("md")
        char_font, count_font = self._fitted_fonts()
        fc = QFontMetricsF(char_font)
        fn = QFontMetricsF(count_font)
        for i, item in enumerate(self.items):
            r = self.step_rect(i, grown=False)
            if r.height() < 1:
                continue
            selected = i == self.selected
            path = QPainterPath()
            rr = min(radius, r.height() / 2, r.width() / 2)
            path.moveTo(r.left(), r.bottom())
            path.lineTo(r.left(), r.top() + rr)
            path.quadTo(r.left(), r.top(), r.left() + rr, r.top())
            path.lineTo(r.right() - rr, r.top())
            path.quadTo(r.right(), r.top(), r.right(), r.top() + rr)
            path.lineTo(r.right(), r.bottom())
            path.closeSubpath()
            if selected:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(t.color("accent_pressed" if i == pressed else "accent_fill"))
                ink = t.color("on_accent")
            else:
                g = QLinearGradient(r.topLeft(), r.bottomLeft())
                g.setColorAt(0, t.color("surface_pressed" if i == pressed else "primary_soft"))
                g.setColorAt(1, t.color("surface_raised"))
                p.setPen(QPen(t.color("primary" if i == pressed else "line_strong"), max(1.0, t.px(1.5))))
                p.setBrush(g)
                ink = t.color("text")
            p.drawPath(path)
            # the character, when the block has grown tall enough to hold it
            char = item.key.zh or item.key.en
            top = r.top() + t.space("md")
            if top + fc.height() <= floor - t.space("xs"):
                p.setFont(char_font)
                p.setPen(ink)
                p.drawText(
                    QRectF(r.left(), top, r.width(), fc.height()),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    char,
                )
            # the count under the floor
            p.setFont(count_font)
            p.setPen(t.color("accent_text" if selected else "text_muted"))
            text = fn.elidedText(self.count_text(i), Qt.TextElideMode.ElideRight, r.width() + t.space("sm"))
            p.drawText(
                QRectF(r.left() - t.space("sm") / 2, floor + t.space("xs"), r.width() + t.space("sm"), fn.height()),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                text,
            )
        p.fillRect(QRectF(0, floor, self.width(), max(1.0, t.px(2))), t.color("line_strong"))
        p.end()


def fit_font(font: QFont, texts: Sequence[str], width: float, least: float = 0.6) -> QFont:
    """``font``, made smaller (to ``least`` of its size at most) so the widest of ``texts``
    fits ``width``: narrow steps (large text, a short reach band) shrink their characters and
    counts instead of eliding "10,000" to "10…"."""
    def widest(f: QFont) -> float:
        fm = QFontMetricsF(f)
        return max((fm.horizontalAdvance(t) for t in texts), default=0.0)

    if font.pixelSize() <= 0 or widest(font) <= width:
        return font
    fitted = QFont(font)
    size, floor = font.pixelSize(), max(1, round(font.pixelSize() * least))
    while size > floor and widest(fitted) > width:
        size = max(floor, min(size - 1, int(size * width / widest(fitted))))
        fitted.setPixelSize(size)
    return fitted


class FrameworkPanel(QWidget):
    """The stairs, then the selected step: its gloss, title and text."""

    step_selected = Signal(int)

    def __init__(self, theme: Theme, items: Sequence[FrameworkItem], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.items = list(items)
        self.stairs = FrameworkStairs(theme, items, lang, self)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, theme.space("lg"), 0, theme.space("sm"))
        col.setSpacing(theme.space("sm"))
        col.addWidget(self.stairs)
        col.addSpacing(theme.space("lg"))
        self._sources = [
            (TextLabel(theme, self._kicker, lang, role="label", tone="accent", parent=self), self._kicker),
            (TextLabel(theme, self._title, lang, role="h3", parent=self), self._title),
            (TextLabel(theme, self._text, lang, role="body", parent=self), self._text),
        ]
        self.kicker, self.title, self.text = (label for label, _ in self._sources)
        for label, _ in self._sources:
            col.addWidget(label)
        col.addStretch(1)
        self.stairs.step_tapped.connect(self.select)

    def minimumSizeHint(self) -> QSize:
        # height from height-for-width (wrapped text), not from the narrowest layout
        return QSize(self.stairs.minimumSizeHint().width(), 0)

    def _item(self) -> FrameworkItem:
        return self.items[self.stairs.selected]

    def _title(self, lang: str) -> str:
        return self._item().title.get(lang)

    def _text(self, lang: str) -> str:
        return self._item().text.get(lang)

    def _kicker(self, lang: str) -> str:
        item = self._item()
        count = format_number(item.count, lang)
        key = item.key.get(lang)
        return f"{key} · {count}" if key and key != count else count

    @property
    def selected(self) -> int:
        return self.stairs.selected

    def select(self, index: int) -> None:
        if not 0 <= index < len(self.items):
            return
        changed = index != self.stairs.selected
        self.stairs.select(index)
        if changed:
            for label, source in self._sources:
                label.set_source(source)
        self.step_selected.emit(index)
