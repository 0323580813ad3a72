"""Parts of :class:`~kiosk.widgets.charts.ChartView`: pyqtgraph's global options, the rounded
gradient bar item, and the read-back of what the chart draws (tests, analytics)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPainterPath

from kiosk.content.model import Chart
from kiosk.theme import Theme

_configured = False


def configure(theme: Theme) -> None:
    """pyqtgraph's global options, once per process."""
    global _configured
    if not _configured:
        pg.setConfigOptions(antialias=True, background=None, foreground=theme.palette.text)
        _configured = True


class RoundedBarItem(pg.BarGraphItem):
    """A BarGraphItem painted in device pixels: the free end of each bar is rounded, the
    fill is a gradient that fades towards the baseline. ``opts`` stay the data (tests and
    :meth:`ChartView.plotted_values` read them back)."""

    def __init__(self, *, colours: list[QColor], radius: float, horizontal: bool, **opts: object) -> None:
        self._colours = colours
        self._radius = radius
        self._horizontal = horizontal
        super().__init__(pen=pg.mkPen(None), brush=pg.mkBrush(colours[0]), **opts)

    def paint(self, p: QPainter, *args: object) -> None:
        rects = self._rectarray.instances()
        if not rects:
            return
        t = p.transform()
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        lengths = self.opts["width"] if self._horizontal else self.opts["height"]
        lengths = list(lengths) if hasattr(lengths, "__len__") else [lengths] * len(rects)
        for i, rect in enumerate(rects):
            r = t.mapRect(rect)
            if r.width() < 0.5 or r.height() < 0.5:
                continue
            colour = self._colours[i % len(self._colours)]
            negative = lengths[i] < 0
            p.fillPath(self._bar_path(r, negative), self._gradient(r, colour, negative))
        p.restore()

    def _bar_path(self, r: QRectF, negative: bool) -> QPainterPath:
        """The bar with its free end rounded (top, or bottom for a negative value; the
        right end of a horizontal bar, or the left for a negative one)."""
        rad = min(self._radius, r.width() / 2, r.height() / 2)
        path = QPainterPath()
        path.addRoundedRect(r, rad, rad)
        square = QPainterPath()
        if self._horizontal:
            left = r.center().x() if negative else r.left()
            square.addRect(QRectF(left, r.top(), r.width() / 2, r.height()))
        else:
            top = r.top() if negative else r.center().y()
            square.addRect(QRectF(r.left(), top, r.width(), r.height() / 2))
        return path.united(square)

    def _gradient(self, r: QRectF, colour: QColor, negative: bool) -> QBrush:
        """Full colour at the free end, fading towards the baseline."""
        far = QColor(colour).lighter(112)
        near = QColor(colour)
        near.setAlphaF(0.62)
        if self._horizontal:
            a, b = (r.topRight(), r.topLeft()) if negative else (r.topLeft(), r.topRight())
        else:
            a, b = (r.topLeft(), r.bottomLeft()) if negative else (r.bottomLeft(), r.topLeft())
        g = QLinearGradient(a, b)
        g.setColorAt(0.0, near)
        g.setColorAt(1.0, far)
        return QBrush(g)


class ChartReadback:
    """Mixin for :class:`~kiosk.widgets.charts.ChartView`: value-label placement, and reading
    back what the chart draws now (tests, analytics)."""

    theme: Theme
    chart: Chart
    view_box: Any
    plot_item: Any
    bar_items: list[Any]
    line_items: list[Any]
    category_items: list[Any]
    value_labels: list[list[Any]]
    _horizontal: bool
    _base: float
    _data: list[list[float]]
    _from_plot: Callable[[float], float]
    _bar_progress: Callable[[float, int, int], float]
    _bar_px: Callable[[], float]
    hbar_rows: Callable[[], list[tuple[float, float]]]

    def _place_labels(self, grown: list[list[float]], t: float) -> None:
        vb = self.view_box
        w = max(1.0, vb.width())
        h = max(1.0, vb.height())
        (x0, x1), (y0, y1) = vb.viewRange()
        px_y = (y1 - y0) / h
        px_x = (x1 - x0) / w
        n = len(self.chart.categories)
        gap = self.theme.px(10)
        rows = self.hbar_rows() if self._horizontal else []
        thick = self._bar_px() / len(self._data)
        for item, (label_bottom, _) in zip(self.category_items, rows, strict=False):
            item.setPos(self._base, label_bottom)
        for k, row in enumerate(self.value_labels):
            for i, label in enumerate(row):
                local = self._bar_progress(t, i, n)
                shown = not (self.line_items and len(self._data) > 1 and i < n - 1)  # several lines: end labels only
                label.setOpacity(max(0.0, min(1.0, (local - 0.35) / 0.65)) if shown else 0.0)
                v = grown[k][i]
                if self._horizontal:
                    label.setAnchor((0.0, 0.5))
                    label.setPos(v + gap * px_x, rows[i][1] + (k + 0.45) * thick)
                    continue
                x: float = i
                if self.bar_items:
                    group = 0.62 if len(self._data) > 1 else 0.5
                    width = group / len(self._data)
                    x = i - group / 2 + width * (k + 0.5)
                below = v < self._base
                label.setAnchor((0.5, 0.0 if below else 1.0))
                dy = (self.theme.px(22) if self.line_items else gap) * px_y
                label.setPos(x, v - dy if below else v + dy)

    # -- read-back (tests, analytics) ---------------------------------------------------
    def plotted_values(self) -> list[list[float]]:
        """The values the chart draws now, read back from its items (inverse of log10)."""
        out: list[list[float]] = []
        for item in self.bar_items:
            if self._horizontal:
                tops = [a + b for a, b in zip(item.opts["x0"], item.opts["width"], strict=False)]
            else:
                tops = [a + b for a, b in zip(item.opts["y0"], item.opts["height"], strict=False)]
            out.append([self._from_plot(v) for v in tops])
        for item in self.line_items:
            out.append([self._from_plot(v) for v in item.getData()[1]])
        return out

    def category_texts(self) -> list[str]:
        """The category labels as drawn (wrapped lines joined by newlines)."""
        if self._horizontal:
            return [item.toPlainText() for item in self.category_items]
        levels = self.plot_item.getAxis("bottom")._tickLevels or [[]]
        return [text for _, text in levels[0]]

    def guide_texts(self) -> list[str]:
        if self._horizontal:
            return []
        levels = self.plot_item.getAxis("left")._tickLevels or [[]]
        return [text for _, text in levels[0]]

    def value_texts(self) -> list[list[str]]:
        return [[label.toPlainText() for label in row] for row in self.value_labels]
