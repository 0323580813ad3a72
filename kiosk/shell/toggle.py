"""SegmentedToggle: one control with a segment per option (the zh/en language switch).

Each segment is a full-height tap target; the selected one is filled. Tapping a segment
selects it (tapping the selected one does nothing), so each option keeps its place.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.theme import Theme
from kiosk.widgets.button import button_colours
from kiosk.widgets.paintcache import StateCache
from kiosk.widgets.touch import TouchButton


class SegmentedToggle(TouchButton):
    selected = Signal(str)

    def __init__(
        self,
        theme: Theme,
        options: list[tuple[str, str]],
        current: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(theme, parent)
        self._options = options
        self._current = current
        self._rest = StateCache(limit=2)
        """Rest states (per current option), painted once per theme, labels, font and size."""
        self.setFont(theme.font("label"))
        self.setFixedHeight(theme.size("button"))
        self._pad = theme.px(32)
        self.clicked.connect(self._on_clicked)
        self.setAccessibleName(" / ".join(label for _, label in options))

    @property
    def current(self) -> str:
        return self._current

    def set_current(self, key: str) -> None:
        if key != self._current:
            self._current = key
            self.update()

    def set_padding(self, pad: int) -> None:
        """The room either side of each segment's words (a tight bar uses less)."""
        if pad != self._pad:
            self._pad = pad
            self.updateGeometry()
            self.update()

    def segment_width(self) -> int:
        fm = QFontMetrics(self.font())
        widest = max(fm.horizontalAdvance(label) for _, label in self._options)
        return max(self.theme.min_target, self.height(), widest + 2 * self._pad)

    def segment_rect(self, key: str) -> QRectF:
        keys = [k for k, _ in self._options]
        w = self.width() / len(keys)
        return QRectF(keys.index(key) * w, 0, w, self.height())

    def tap_targets(self) -> list[QRectF]:
        return [self.segment_rect(key) for key, _ in self._options]

    def _key_at(self, pos: QPointF) -> str:
        w = max(1.0, self.width() / len(self._options))
        i = min(len(self._options) - 1, max(0, int(pos.x() // w)))
        return self._options[i][0]

    def sizeHint(self) -> QSize:
        return QSize(self.segment_width() * len(self._options), self.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _on_clicked(self) -> None:
        key = self._key_at(self.press_position)
        if key != self._current:
            self.selected.emit(key)

    def paintEvent(self, _e: QPaintEvent) -> None:
        if not self.is_down:  # the brief pressed state is painted live, not kept
            state = (self.theme, tuple(self._options), self._current, self.font().key())
            self._rest.paint(self, state, self._paint)
            return
        p = QPainter(self)
        self._paint(p)
        p.end()

    def _paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = outer.height() / 2
        pal = self.theme.palette
        p.setPen(QPen(QColor(pal.line_strong), max(1.5, self.theme.px(2))))
        p.setBrush(QColor(pal.surface_raised))
        p.drawRoundedRect(outer, radius, radius)
        pressed_key = self._key_at(self.press_position) if self.is_down else None
        pad = self.theme.px(6)
        p.setFont(self.font())
        for key, label in self._options:
            seg = self.segment_rect(key).adjusted(pad, pad, -pad, -pad)
            checked = key == self._current
            fill, ink, _ = button_colours(self.theme, "ghost", key == pressed_key, checked)
            if fill is not None:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(fill)
                p.drawRoundedRect(seg, seg.height() / 2, seg.height() / 2)
            p.setPen(ink)
            p.drawText(seg, int(Qt.AlignmentFlag.AlignCenter), label)
