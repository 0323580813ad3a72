"""ChartView: a content chart (bar, hbar, line) drawn with pyqtgraph in the theme's look.

pyqtgraph costs ≈ 300 ms and 60 MB to import, so only this module imports it, and only the
platform page imports this module — from its constructor (via :mod:`kiosk.sections.platform.chart_card`),
never on the way to the first frame.

The look is an exhibit infographic, not a plotting tool: transparent background, no frame,
no grid noise (at most faint horizontal guides at the value ticks), rounded bars with a soft
gradient, the largest value in the accent colour, value labels on the bars, category labels
wrapped under the bars in the bundled fonts, log-scale decades labelled 1 · 10 · 100 …. The
chart is display-only: no panning, zooming, context menus or auto-range button, and the
widget is transparent to mouse and touch so a tap or a drag reaches the card and the page.

:meth:`ChartView.animate_in` grows the bars (or lines) from the baseline with a
``QVariantAnimation`` child of the view; :meth:`ChartView.set_language` re-renders every
label in place.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QMenu, QSizePolicy, QWidget

from kiosk.content.model import Chart
from kiosk.numbers import format_number
from kiosk.theme import Theme
from kiosk.widgets.chart_parts import ChartReadback, RoundedBarItem, configure
from kiosk.widgets.chart_scale import (
    chart_font,
    ease,
    linear_ticks,
    log_decades,
    series_colours,
    wrap_label,
)
from kiosk.widgets.labels import FollowsLanguage
from kiosk.widgets.progress import progress_animation

DURATION_MS = 850
#: Later bars start a little later (a fraction of the animation spread across the bars).
STAGGER = 0.3


# -- bars --------------------------------------------------------------------------------


# -- the view ----------------------------------------------------------------------------


def _adopt_menus(view: pg.PlotWidget) -> None:
    """pyqtgraph builds parentless QMenus (plot options, view box) even with the menu off;
    owned only by Python, they outlive the chart whenever anything still references its
    Python objects. Parented to the chart, Qt deletes them with it (content reloads)."""
    item = view.getPlotItem()
    for menu in (getattr(item, "ctrlMenu", None), getattr(item.getViewBox(), "menu", None)):
        if isinstance(menu, QMenu) and menu.parent() is None:
            menu.setParent(view, menu.windowFlags())


class ChartView(FollowsLanguage, ChartReadback, pg.PlotWidget):
    """One content chart. Display-only; re-renders per language; grows in on demand."""

    def __init__(self, theme: Theme, chart: Chart, lang: str, parent: QWidget | None = None) -> None:
        configure(theme)
        super().__init__(parent=parent, background=None, enableMenu=False)  # no menus shown
        _adopt_menus(self)
        self.theme = theme
        self.chart = chart
        self._lang = lang
        self._progress = 1.0
        self._log = chart.log_scale
        self._horizontal = chart.kind == "hbar"
        self.setObjectName(f"chart-{chart.id}")
        self._lock_down()

        self.category_font = chart_font(theme, 26)
        self.tick_font = chart_font(theme, 24)
        self.value_font = chart_font(theme, 28, bold=True)
        self._series_colours = series_colours(theme)

        # Data in plot space (log10 for log charts), the baseline, the guide values.
        self._data = [[self._to_plot(v) for v in s.values] for s in chart.series]
        flat = [v for s in self._data for v in s]
        if self._log:
            decades = log_decades(min(min(s.values) for s in chart.series), max(max(s.values) for s in chart.series))
            self._base = float(decades[0] - 1) if min(flat) <= decades[0] + 1e-9 else float(decades[0])
            self._guides = [float(d) for d in decades]
        else:
            self._guides = linear_ticks(min(flat), max(flat))
            self._base = 0.0
        self._lo = min(self._base, min(flat))
        self._hi = max([*flat, self._base])

        self.plot_item = self.getPlotItem()
        self.view_box = self.plot_item.getViewBox()
        self.bar_items: list[RoundedBarItem] = []
        self.line_items: list[pg.PlotDataItem] = []
        self.value_labels: list[list[pg.TextItem]] = []
        self.category_items: list[pg.TextItem] = []  # hbar: labels above the bars
        self._style_axes()
        self._build_items()

        self.animation = progress_animation(  # linear: eased per bar (stagger)
            self, f"chart-grow-{chart.id}", self._on_animation_value_changed,
            duration_ms=DURATION_MS, easing=QEasingCurve.Type.Linear,
        )

        self.view_box.sigResized.connect(self._on_view_box_resized)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(round(self._hbar_min_height()) if self._horizontal else theme.px(340))
        self._render_texts()
        self._fit()
        self.set_progress(1.0)

    # -- set-up -------------------------------------------------------------------------
    def _lock_down(self) -> None:
        """No default pyqtgraph behaviour a visitor could trip over."""
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("background: transparent; border: none;")
        self.viewport().setAutoFillBackground(False)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setContentsMargins(0, 0, 0, 0)
        pi.layout.setSpacing(0)
        vb = pi.getViewBox()
        vb.setMenuEnabled(False)
        vb.setMouseEnabled(x=False, y=False)
        vb.disableAutoRange()
        vb.setDefaultPadding(0.0)

    def _style_axes(self) -> None:
        pi, pal, th = self.plot_item, self.theme.palette, self.theme
        for name in ("top", "right"):
            pi.hideAxis(name)
        if self._horizontal:
            pi.hideAxis("left")
            pi.hideAxis("bottom")
            self.view_box.invertY(True)
            return
        guide = QColor(pal.line_strong)
        left = pi.getAxis("left")
        left.setStyle(tickFont=self.tick_font, tickLength=0, tickTextOffset=th.px(16), autoExpandTextSpace=False,
                      hideOverlappingLabels=th.px(24), tickAlpha=0.32)
        left.setPen(pg.mkPen(None))
        left.setTickPen(pg.mkPen(guide, width=max(1.0, th.px(1.5))))
        left.setTextPen(pg.mkPen(pal.text_muted))
        left.setGrid(255)  # the guides span the plot, drawn faint (tickAlpha)
        bottom = pi.getAxis("bottom")
        bottom.setStyle(tickFont=self.category_font, tickLength=0, tickTextOffset=th.px(14), autoExpandTextSpace=False,
                        hideOverlappingLabels=True)
        bottom.setPen(pg.mkPen(pal.line_strong, width=max(1.0, th.px(2))))
        bottom.setTickPen(pg.mkPen(None))
        bottom.setTextPen(pg.mkPen(pal.text))

    def _build_items(self) -> None:
        n_series = len(self._data)
        n = len(self.chart.categories)
        pal = self.theme.palette
        if self.chart.kind == "line":
            for k, values in enumerate(self._data):
                colour = self._series_colours[k % len(self._series_colours)]
                fill = QColor(colour)
                fill.setAlphaF(0.16 if n_series == 1 else 0.0)
                item = pg.PlotDataItem(
                    list(range(n)), values,
                    pen=pg.mkPen(colour, width=self.theme.px(5), cap=Qt.PenCapStyle.RoundCap,
                                 join=Qt.PenJoinStyle.RoundJoin),
                    symbol="o", symbolSize=self.theme.px(22), symbolBrush=QColor(pal.background),
                    symbolPen=pg.mkPen(colour, width=self.theme.px(4)),
                    fillLevel=self._base, fillBrush=fill, antialias=True,
                )
                self.plot_item.addItem(item)
                self.line_items.append(item)
        else:
            group = 0.62 if n_series > 1 else (0.42 if self._horizontal else 0.5)
            width = group / n_series
            for k, values in enumerate(self._data):
                offset = -group / 2 + width * (k + 0.5)
                colours = self._bar_colours(k, values)
                radius = self.theme.px(14)
                if self._horizontal:
                    item = RoundedBarItem(colours=colours, radius=radius, horizontal=True,
                                          y0=[0.0] * n, height=[0.0] * n, x0=[self._base] * n, width=list(values))
                else:
                    item = RoundedBarItem(colours=colours, radius=radius, horizontal=False,
                                          x=[i + offset for i in range(n)], width=width * 0.86,
                                          y0=[self._base] * n, height=[v - self._base for v in values])
                self.plot_item.addItem(item)
                self.bar_items.append(item)
        if not self._horizontal and self._lo < self._base:
            zero = pg.InfiniteLine(pos=self._base, angle=0, movable=False,
                                   pen=pg.mkPen(pal.line_strong, width=max(1.0, self.theme.px(2))))
            self.plot_item.addItem(zero)
        for k, values in enumerate(self._data):
            row = []
            for i in range(len(values)):
                colour = self._value_colour(k, i)
                label = pg.TextItem("", color=colour, anchor=(0.5, 1.0))
                label.setFont(self.value_font)
                label.textItem.document().setDocumentMargin(0)
                self.plot_item.addItem(label)
                row.append(label)
            self.value_labels.append(row)
        if self._horizontal:
            for _ in range(n):
                item = pg.TextItem("", color=QColor(pal.text), anchor=(0.0, 1.0))
                item.setFont(self.category_font)
                item.textItem.document().setDocumentMargin(0)
                self.plot_item.addItem(item)
                self.category_items.append(item)

    def _highlight_index(self, k: int, values: list[float]) -> int | None:
        """The bar drawn in the accent colour: the largest of a single-series chart."""
        if len(self._data) > 1 or len(values) < 2:
            return None
        return max(range(len(values)), key=lambda i: values[i])

    def _bar_colours(self, k: int, values: list[float]) -> list[QColor]:
        base = self._series_colours[k % len(self._series_colours)]
        hi = self._highlight_index(k, values)
        return [QColor(self.theme.palette.accent) if i == hi else base for i in range(len(values))]

    def _value_colour(self, k: int, i: int) -> QColor:
        pal = self.theme.palette
        return QColor(pal.accent_text if self._highlight_index(k, self._data[k]) == i else pal.text)

    # -- geometry -----------------------------------------------------------------------
    def _bar_px(self) -> float:
        """hbar: the thickness of one category's bar group, in pixels."""
        return self.theme.px(48) if len(self._data) == 1 else self.theme.px(30) * len(self._data)

    def _hbar_min_height(self) -> float:
        line = QFontMetricsF(self.category_font).lineSpacing()
        return len(self.chart.categories) * (2 * line + self.theme.px(10) + self._bar_px() + self.theme.px(28))

    def hbar_rows(self) -> list[tuple[float, float]]:
        """hbar, per category: (bottom of its label, top of its bar) in the view's y units,
        which are pixels from the top. Each row's block is centred in an equal share."""
        h = max(1.0, self.view_box.height())
        n = len(self.chart.categories)
        pitch = h / n
        line = QFontMetricsF(self.category_font).lineSpacing()
        gap = self.theme.px(10)
        rows = []
        for i, item in enumerate(self.category_items):
            label_h = (item.toPlainText().count("\n") + 1) * line
            block = label_h + gap + self._bar_px()
            top = i * pitch + (pitch - block) / 2
            rows.append((top + label_h, top + label_h + gap))
        return rows

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(720), max(self.minimumHeight(), self.theme.px(420)))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.theme.px(360), self.minimumHeight())

    def _fit(self) -> None:
        """Ranges, axis sizes and wrapped labels for the current size (pixel-exact headroom
        for the value labels, nothing that could be scrolled or zoomed away)."""
        vb = self.view_box
        w = max(1.0, vb.width())
        h = max(1.0, vb.height())
        n = len(self.chart.categories)
        value_h = QFontMetricsF(self.value_font).height()
        pad = self.theme.px(14)
        if self._horizontal:
            widest = max(QFontMetricsF(self.value_font).horizontalAdvance(t) for t in self._value_texts_flat())
            room = (widest + self.theme.px(20)) / w
            span = max(self._hi - self._lo, 1e-9)
            right = self._lo + span / max(0.2, 1 - room)
            vb.setXRange(self._lo, right, padding=0)
            vb.setYRange(0, h, padding=0)
            width = w - self.theme.px(4)
            for i, item in enumerate(self.category_items):
                item.setText(wrap_label(self.chart.categories[i].get(self._lang), self.category_font, width, 2))
            return
        # Category axis: labels wrapped to their slot, axis tall enough for the longest.
        bottom = self.plot_item.getAxis("bottom")
        slot = w / n * 0.92
        font = self.category_font
        ticks = [(i, wrap_label(c.get(self._lang), font, slot)) for i, c in enumerate(self.chart.categories)]
        lines = max(t.count("\n") + 1 for _, t in ticks)
        fm = QFontMetricsF(self.category_font)
        bottom.setTicks([ticks])
        bottom.setHeight(round(self.theme.px(14) + lines * fm.lineSpacing() + self.theme.px(8)))
        # Value axis: guides and labels; room at the top for the value labels.
        left = self.plot_item.getAxis("left")
        guides = [(g, self._guide_text(g)) for g in self._guides]
        left.setTicks([guides])
        tick_w = max(QFontMetricsF(self.tick_font).horizontalAdvance(t) for _, t in guides)
        left.setWidth(round(tick_w + self.theme.px(16) + self.theme.px(4)))
        # Room in pixels above the highest value (its label) and below the lowest (a
        # negative bar's label), then the data range that leaves exactly that room.
        data_lo = min(self._lo, self._base if self._log else self._guides[0])
        data_hi = max(self._hi, self._guides[-1])
        room_top = max(value_h + pad, QFontMetricsF(self.tick_font).height() / 2 + 2)
        room_bottom = value_h + pad if self._lo < self._base else 0.0
        span = max(data_hi - data_lo, 1e-9) / max(0.2, 1 - (room_top + room_bottom) / h)
        vb.setXRange(-0.5, n - 0.5, padding=0)
        vb.setYRange(data_lo - room_bottom * span / h, data_hi + room_top * span / h, padding=0)

    def _on_view_box_resized(self, _vb: object) -> None:
        self._fit()
        self.set_progress(self._progress)

    # -- texts --------------------------------------------------------------------------
    def _to_plot(self, v: float) -> float:
        return math.log10(v) if self.chart.log_scale else float(v)

    def _from_plot(self, v: float) -> float:
        return 10 ** v if self._log else v

    def _guide_text(self, g: float) -> str:
        return format_number(self._from_plot(g), self._lang)

    def _value_text(self, v: float) -> str:
        return format_number(v, self._lang)

    def _value_texts_flat(self) -> list[str]:
        return [self._value_text(v) for s in self.chart.series for v in s.values]

    def _render_texts(self) -> None:
        for k, series in enumerate(self.chart.series):
            for i, v in enumerate(series.values):
                self.value_labels[k][i].setText(self._value_text(v))

    def _language_changed(self, lang: str) -> None:
        self._render_texts()
        self._fit()
        self.set_progress(self._progress)

    # -- animation ----------------------------------------------------------------------
    def animate_in(self) -> None:
        """Grow from the baseline (restarts if running)."""
        self.animation.stop()
        self.set_progress(0.0)
        self.animation.start()

    def hold(self) -> None:
        """Empty bars, waiting for :meth:`animate_in` (the chart is not on screen yet)."""
        self.animation.stop()
        self.set_progress(0.0)

    def finish(self) -> None:
        """Jump to the full chart."""
        self.animation.stop()
        self.set_progress(1.0)

    @property
    def progress(self) -> float:
        return self._progress

    def _on_animation_value_changed(self, value: object) -> None:
        self.set_progress(float(value))  # type: ignore[arg-type]

    def _bar_progress(self, t: float, i: int, n: int) -> float:
        if n <= 1:
            return ease(t)
        start = STAGGER * i / (n - 1)
        return ease((t - start) / (1 - STAGGER))

    def set_progress(self, t: float) -> None:
        """Draw the chart ``t`` (0…1) of the way in: bars/points rise from the baseline,
        value labels ride on top and fade in."""
        self._progress = t
        n = len(self.chart.categories)
        base = self._base
        grow = self._bar_progress
        grown = [[base + (v - base) * grow(t, i, n) for i, v in enumerate(values)] for values in self._data]
        for k, item in enumerate(self.bar_items):
            if self._horizontal:
                thick = self._bar_px() / len(self._data)
                item.setOpts(x0=[self._base] * n, width=[g - self._base for g in grown[k]],
                             y0=[top + k * thick for _, top in self.hbar_rows()], height=[thick * 0.9] * n)
            else:
                item.setOpts(height=[g - self._base for g in grown[k]])
        for k, item in enumerate(self.line_items):
            item.setData(list(range(n)), grown[k])
        self._place_labels(grown, t)

    def mousePressEvent(self, e: QMouseEvent) -> None:  # never reached (transparent), belt and braces
        e.ignore()

    def wheelEvent(self, e: QWheelEvent) -> None:
        e.ignore()


__all__ = ["ChartView", "RoundedBarItem", "configure"]
