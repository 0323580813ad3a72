"""TapCard: a card surface you can tap (pressed state, ``clicked``); ChartCard: a content
chart on such a card — title, series/unit line, the chart, the source note.

The chart itself (:class:`kiosk.widgets.charts.ChartView`) needs pyqtgraph, so this module
imports it only inside :class:`ChartCard` — importing this module stays cheap.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import Chart
from kiosk.i18n import tr
from kiosk.theme import Theme
from kiosk.widgets.chart_scale import series_colours
from kiosk.widgets.labels import FollowsLanguage, Source, TextLabel, resolve
from kiosk.widgets.touch import TouchButton

FLOOR = 240
"""A bar or line chart's least height (design px) when the tab is short."""
CEILING = 720
"""…and its greatest, however tall the tab (portrait)."""


class TapCard(TouchButton):
    """A rounded card that is also a button. ``featured`` cards get the amber frame. Child
    labels pass touches through to it; child buttons (chips) keep their own."""

    def __init__(
        self, theme: Theme, *, featured: bool = False, padding: str = "lg", parent: QWidget | None = None
    ) -> None:
        super().__init__(theme, parent)
        self.featured = featured
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.body = QVBoxLayout(self)
        pad = theme.space(padding)
        self.body.setContentsMargins(pad, pad, pad, pad)
        self.body.setSpacing(theme.space("sm"))

    def paintEvent(self, _e: QPaintEvent) -> None:
        th, pal = self.theme, self.theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(2.0, th.px(3)) if (self.featured or self.is_down) else max(1.0, th.px(1.5))
        r = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        fill = pal.surface_pressed if self.is_down else (pal.surface_raised if self.featured else pal.surface)
        border = pal.primary if self.is_down else (pal.accent if self.featured else pal.line)
        p.setPen(QPen(QColor(border), width))
        p.setBrush(QColor(fill))
        radius = th.radius("lg")
        p.drawRoundedRect(r, radius, radius)
        p.end()


class Swatch(QWidget):
    """A small rounded colour key for a legend."""

    def __init__(self, theme: Theme, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = colour
        side = theme.px(22)
        self.setFixedSize(side, side)

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._colour)
        r = QRectF(self.rect())
        p.drawRoundedRect(r, r.height() / 4, r.height() / 4)
        p.end()


class Badge(FollowsLanguage, QWidget):
    """A quiet outlined pill with a short label (e.g. "Log scale")."""

    def __init__(self, theme: Theme, source: Source, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._source = source
        self._lang = lang
        self.setFont(theme.font("caption"))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    @property
    def text(self) -> str:
        return resolve(self._source, self._lang)

    def _language_changed(self, lang: str) -> None:
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        return QSize(
            round(fm.horizontalAdvance(self.text) + 2 * self.theme.space("sm")),
            round(fm.height() + self.theme.space("xs")),
        )

    def paintEvent(self, _e: QPaintEvent) -> None:
        th = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen_w = max(1.0, th.px(2))
        r = QRectF(self.rect()).adjusted(pen_w / 2, pen_w / 2, -pen_w / 2, -pen_w / 2)
        p.setPen(QPen(QColor(th.palette.primary_text), pen_w))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
        p.setPen(QColor(th.palette.primary_text))
        p.setFont(self.font())
        p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), self.text)
        p.end()


class ChartCard(TapCard):
    """A chart with its title outside the plot. Tapping replays the grow-in animation
    (the page also reports the tap for analytics)."""

    def __init__(self, theme: Theme, chart: Chart, lang: str, parent: QWidget | None = None) -> None:
        from kiosk.widgets.charts import ChartView  # pyqtgraph: only when a chart is built

        super().__init__(theme, padding="md", parent=parent)
        self.chart = chart
        self.setObjectName(f"chart-card-{chart.id}")
        self.setAccessibleName(chart.title.get(lang))
        self.title = TextLabel(theme, chart.title, lang, role="h3", parent=self)
        self.body.addWidget(self.title)
        self.view = ChartView(theme, chart, lang, parent=self)
        self._natural_min = self.view.minimumHeight()
        self.meta = self._build_meta(lang)
        self.body.addSpacing(theme.space("xs"))
        self.body.addWidget(self.view, 1)
        self.note = TextLabel(theme, chart.note, lang, role="caption", tone="muted", parent=self)
        self.body.addWidget(self.note)
        self.clicked.connect(self.view.animate_in)

    def _build_meta(self, lang: str) -> QHBoxLayout:
        """Series names (a colour key when there are several) and the unit."""
        th, chart = self.theme, self.chart
        row = QHBoxLayout()
        row.setSpacing(th.space("xs"))
        colours = series_colours(th)
        self.meta_labels: list[TextLabel] = []
        for k, series in enumerate(chart.series):
            if len(chart.series) > 1:
                row.addWidget(Swatch(th, colours[k % len(colours)], self), 0, Qt.AlignmentFlag.AlignVCenter)
            label = TextLabel(th, series.name, lang, role="caption", tone="muted", wrap=False, parent=self)
            row.addWidget(label)
            self.meta_labels.append(label)
            row.addSpacing(th.space("sm"))
        if chart.unit is not None:
            unit = chart.unit
            label = TextLabel(
                th,
                lambda l: tr("platform.unit", l, unit=unit.get(l)),
                lang,
                role="caption",
                tone="muted",
                wrap=False,
                parent=self,
            )
            row.addWidget(label)
            self.meta_labels.append(label)
        row.addStretch(1)
        self.badge: Badge | None = None
        if chart.log_scale:
            self.badge = Badge(th, lambda l: tr("platform.log_scale", l), lang, parent=self)
            row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.body.addLayout(row)
        return row

    def fit_height(self, room: int, width: int) -> None:
        """Size the chart so the whole card, ``width`` wide, is at most ``room`` tall (the
        tab's height): the chart takes what the title, key and note leave, between a
        legible floor (an hbar's rows need their height) and a ceiling; the card is never
        taller than what fits, unless even the floor does not."""
        th, view = self.theme, self.view
        natural = self._natural_min if self.chart.kind == "hbar" else min(self._natural_min, th.px(FLOOR))
        item = self.body.itemAt(self.body.indexOf(view))
        assert item is not None
        body_h = self.body.heightForWidth(width) if self.body.hasHeightForWidth() else self.body.sizeHint().height()
        others = body_h - item.sizeHint().height()
        target = max(natural, min(th.px(CEILING), room - others))
        if (view.minimumHeight(), view.maximumHeight()) != (target, target):
            view.setFixedHeight(target)
        # Its least height is this (not the height its title would wrap to at the least
        # width, which would make the tab scroll for nothing).
        self.setMinimumHeight(others + target)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_language(self, lang: str) -> None:
        self.setAccessibleName(self.chart.title.get(lang))
