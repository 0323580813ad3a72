"""BarList: a light horizontal bar chart painted with QPainter (no pyqtgraph), used by the
interim platform page. One row per category; the first series' values; plain text only."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.model import Chart
from kiosk.numbers import format_number
from kiosk.theme import Theme


class BarList(QWidget):
    def __init__(self, theme: Theme, chart: Chart, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.chart = chart
        self.lang = lang
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._row_h() * len(chart.categories))

    def _row_h(self) -> int:
        return self.theme.font_px("body") * 2 + self.theme.space("sm")

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(600), self.height())

    def _scaled(self, v: float) -> float:
        return math.log10(max(v, 1e-9)) if self.chart.log_scale else v

    def paintEvent(self, _e: QPaintEvent) -> None:
        t = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        values = self.chart.series[0].values
        scaled = [self._scaled(v) for v in values]
        lo = min(0.0, min(scaled)) if not self.chart.log_scale else min(scaled) - 0.3
        hi = max(scaled) or 1.0
        body = t.font("body")
        label_font = t.font("label")
        fm = QFontMetrics(body)
        row_h = self._row_h()
        unit = self.chart.unit.get(self.lang) if self.chart.unit else ""
        texts = [format_number(v, self.lang) + (f" {unit}" if unit and self.lang == "en" else unit) for v in values]
        value_w = max(QFontMetrics(label_font).horizontalAdvance(s) for s in texts) + t.space("sm")
        bar_h = t.px(18)
        for i, (cat, v) in enumerate(zip(self.chart.categories, scaled)):
            top = i * row_h
            p.setFont(body)
            p.setPen(QColor(t.palette.text))
            name = fm.elidedText(cat.get(self.lang), Qt.TextElideMode.ElideRight, self.width())
            p.drawText(QRectF(0, top, self.width(), fm.height()), int(Qt.AlignmentFlag.AlignLeft), name)
            track = QRectF(0, top + fm.height() + t.px(10), self.width() - value_w, bar_h)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(t.palette.surface_raised))
            p.drawRoundedRect(track, bar_h / 2, bar_h / 2)
            frac = 0.0 if hi == lo else max(0.02, (v - lo) / (hi - lo))
            bar = QRectF(track.left(), track.top(), track.width() * frac, bar_h)
            p.setBrush(QColor(t.palette.accent if i == scaled.index(max(scaled)) else t.palette.primary))
            p.drawRoundedRect(bar, bar_h / 2, bar_h / 2)
            p.setFont(label_font)
            p.setPen(QColor(t.palette.accent_text))
            p.drawText(
                QRectF(track.right(), track.top() - fm.height(), value_w, fm.height() * 2),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                texts[i],
            )
        p.end()
