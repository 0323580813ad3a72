"""The Kaos platform page: a hero band of key figures that count up, the content's charts
(pyqtgraph, styled to the theme, growing in as they come into view), what the platform
offers, and cases whose partner chips open the partners page.

pyqtgraph (≈ 300 ms, 60 MB) is imported only when this page is first built: the chart
module is imported by :class:`~kiosk.sections.platform.chart_card.ChartCard`'s constructor, never
by ``import kiosk.sections``.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import Capability, Case, PartnersSection, PlatformSection, Text
from kiosk.i18n import format_date, tr
from kiosk.sections.layout import ScrollingPage
from kiosk.sections.platform.chart_card import ChartCard, TapCard
from kiosk.sections.platform.hero_paint import paint_band
from kiosk.sections.registry import register_page
from kiosk.theme import Theme
from kiosk.widgets import icons
from kiosk.widgets.card import Card
from kiosk.widgets.chip import Chip
from kiosk.widgets.figure import FigureCard
from kiosk.widgets.labels import Source, TextLabel
from kiosk.widgets.paintcache import StateCache

#: A chart grows in once this much of it is on screen.
REVEAL_FRACTION = 0.35


class HeroBand(QWidget):
    """The key figures on one glowing band: 4 across in landscape, 2 × 2 in portrait,
    hairline dividers between them."""

    def __init__(self, theme: Theme, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("platform-hero")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        outer = QVBoxLayout(self)
        pad_x = theme.space("lg")
        outer.setContentsMargins(pad_x, theme.space("lg"), pad_x, theme.space("lg"))
        outer.setSpacing(theme.space("sm"))
        self.kicker = TextLabel(
            theme, lambda l: tr("platform.figures", l), lang, role="label", tone="accent", parent=self
        )
        outer.addWidget(self.kicker)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(theme.space("lg"))
        self.grid.setVerticalSpacing(theme.space("md"))
        outer.addLayout(self.grid)
        self.cards: list[FigureCard] = []
        self._band = StateCache(limit=2)

    def columns(self) -> int:
        n = len(self.cards) or 1
        return min(n, 4) if self.theme.landscape else min(n, 2)

    def add(self, card: FigureCard) -> None:
        card.setParent(self)
        card.setProperty("card", "flat")
        # Equal columns whatever the count-up shows mid-way (2.56亿 is wider than 3.4亿):
        # the band never jitters while the numbers run.
        card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        card.body.setContentsMargins(0, self.theme.space("xs"), 0, self.theme.space("xs"))
        self.cards.append(card)
        for c in self.cards:
            self.grid.removeWidget(c)
        cols = self.columns()
        for i, c in enumerate(self.cards):
            self.grid.addWidget(c, i // cols, i % cols)
        for c in range(cols):
            self.grid.setColumnStretch(c, 1)

    def paintEvent(self, _e: QPaintEvent) -> None:
        figures = [c.geometry() for c in self.cards]
        state = (id(self.theme), self.columns(), tuple(g.getRect() for g in figures))
        self._band.paint(self, state, lambda p: paint_band(
            p, self.theme, self.rect(), figures, self.columns(), self.grid.horizontalSpacing()))


class BentoGrid(QWidget):
    """Cards in ``columns`` columns; a short last row shares the full width (5 cards in 3
    columns: 3 + 2 wide ones), so no row ends in a hole."""

    def __init__(self, theme: Theme, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.cols = max(1, columns)
        self.items: list[QWidget] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(theme.space("md"))
        self.grid.setVerticalSpacing(theme.space("md"))

    def add(self, widget: QWidget) -> QWidget:
        widget.setParent(self)
        self.items.append(widget)
        self._flow()
        return widget

    def _flow(self) -> None:
        for w in self.items:
            self.grid.removeWidget(w)
        n, cols = len(self.items), min(self.cols, len(self.items))
        last = n % cols or cols
        sub = math.lcm(cols, last)  # sub-columns: regular cards span sub/cols, the last row sub/last
        full = n - last
        for i, w in enumerate(self.items):
            if i < full:
                span = sub // cols
                self.grid.addWidget(w, i // cols, (i % cols) * span, 1, span)
            else:
                span = sub // last
                self.grid.addWidget(w, full // cols, (i - full) * span, 1, span)
        for c in range(sub):
            self.grid.setColumnStretch(c, 1)


class IconDisc(QWidget):
    """A capability's icon (qtawesome) on a primary-tinted disc; a monogram if it has none."""

    def __init__(self, theme: Theme, icon_name: str | None, monogram: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.monogram = monogram[:1]
        side = theme.px(104)
        self.setFixedSize(side, side)
        self.pixmap: QPixmap | None = (
            icons.icon_pixmap(icon_name, theme.palette.text, round(side * 0.5)) if icon_name else None
        )

    def paintEvent(self, _e: QPaintEvent) -> None:
        pal = self.theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        g = QLinearGradient(r.topLeft(), r.bottomRight())
        g.setColorAt(0.0, QColor(pal.primary_soft))
        g.setColorAt(1.0, QColor(pal.primary_faint))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(g)
        p.drawEllipse(r)
        if self.pixmap is not None:
            pm = self.pixmap
            dpr = pm.devicePixelRatio() or 1.0
            w, h = pm.width() / dpr, pm.height() / dpr
            p.drawPixmap(QRectF(r.center().x() - w / 2, r.center().y() - h / 2, w, h), pm, QRectF(pm.rect()))
        else:
            p.setPen(QColor(pal.text))
            p.setFont(self.theme.font("h3"))
            p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), self.monogram)
        p.end()


class CapabilityCard(Card):
    """What the platform offers: icon disc, title, one line or two of text."""

    def __init__(self, theme: Theme, capability: Capability, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, lang, padding="lg" if theme.landscape else "md", parent=parent)
        self.capability = capability
        self.setObjectName(f"capability-{capability.id}")
        self.body.setSpacing(theme.space("xs"))
        self.disc = IconDisc(theme, capability.icon, capability.title.get(lang), self)
        self.body.addWidget(self.disc)
        self.body.addSpacing(theme.space("sm"))
        self.title = self.add_text(capability.title, role="h3")
        self.text = self.add_text(capability.text, role="body", tone="muted")
        self.body.addStretch(1)


class CaseCard(TapCard):
    """A case: date kicker, title, text, and a chip per linked partner."""

    partner_tapped = Signal(str)

    def __init__(self, theme: Theme, case: Case, lang: str, partner_names: dict[str, Text],
                 parent: QWidget | None = None) -> None:
        super().__init__(theme, featured=True, parent=parent)
        self.case = case
        self.setObjectName(f"case-{case.id}")
        self.setAccessibleName(case.title.get(lang))
        if case.date is not None:
            date = case.date
            self.body.addWidget(
                TextLabel(theme, lambda l: format_date(date, l), lang, role="label", tone="accent", parent=self)
            )
        self.title = TextLabel(theme, case.title, lang, role="h3", parent=self)
        self.text = TextLabel(theme, case.text, lang, role="body", parent=self)
        self.body.addWidget(self.title)
        self.body.addWidget(self.text)
        self.body.addStretch(1)
        self.chips: dict[str, Chip] = {}
        self._names = partner_names
        linked = [pid for pid in case.partners if pid in partner_names]
        if linked:
            row = QHBoxLayout()
            row.setSpacing(theme.space("sm"))
            self.partners_label = TextLabel(
                theme, lambda l: tr("platform.partners", l), lang, role="caption", tone="muted", wrap=False, parent=self
            )
            row.addWidget(self.partners_label, 0, Qt.AlignmentFlag.AlignVCenter)
            for pid in linked:
                chip = Chip(theme, partner_names[pid].get(lang), accent=True, parent=self)
                chip.setObjectName(f"case-partner-{pid}")
                chip.clicked.connect(lambda pid=pid: self.partner_tapped.emit(pid))
                row.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
                self.chips[pid] = chip
            row.addStretch(1)
            self.body.addSpacing(theme.space("xs"))
            self.body.addLayout(row)

    def set_language(self, lang: str) -> None:
        self.setAccessibleName(self.case.title.get(lang))
        for pid, chip in self.chips.items():
            chip.set_text(self._names[pid].get(lang))


@register_page("platform")
class PlatformPage(ScrollingPage):
    default_icon = "mdi6.chart-line"

    #: ``"chart:<id>"`` / ``"case:<id>"`` when a visitor taps one (analytics).
    item_tapped = Signal(str)

    def build(self) -> None:
        section = self.section
        assert isinstance(section, PlatformSection)
        th = self.theme
        self.figure_cards: list[FigureCard] = []
        self.chart_cards: list[ChartCard] = []
        self.capability_cards: list[CapabilityCard] = []
        self.case_cards: list[CaseCard] = []
        self._waiting: list[ChartCard] = []  # charts that grow in when scrolled into view
        if section.summary:
            self.summary = self.add_text(section.summary, role="lead", tone=None)
            self.summary.setMaximumWidth(th.px(1480))
        if section.figures:
            self.column.addSpacing(th.space("xs"))
            self.hero = HeroBand(th, self.lang, self.content_widget)
            for figure in section.figures:
                card = FigureCard(th, figure, self.lang)
                self.hero.add(card)
                self.figure_cards.append(card)
            self.add_widget(self.hero)
        if section.charts:
            self._add_heading(lambda l: tr("platform.charts", l), hint=lambda l: tr("platform.charts_hint", l))
            grid = self.add_grid(min_width=th.px(640), max_columns=2 if th.landscape else 1)
            for chart in section.charts:
                card = ChartCard(th, chart, self.lang)
                card.clicked.connect(lambda cid=chart.id: self.item_tapped.emit(f"chart:{cid}"))
                grid.add(card)
                self.chart_cards.append(card)
        if section.capabilities:
            self._add_heading(lambda l: tr("platform.capabilities", l))
            grid = BentoGrid(th, 3 if th.landscape else 2, self.content_widget)
            self.add_widget(grid)
            for cap in section.capabilities:
                card = CapabilityCard(th, cap, self.lang)
                grid.add(card)
                self.capability_cards.append(card)
        if section.cases:
            self._add_heading(lambda l: tr("platform.cases", l))
            grid = self.add_grid(min_width=th.px(720), max_columns=2)
            names = self._partner_names()
            for case in section.cases:
                card = CaseCard(th, case, self.lang, names)
                card.clicked.connect(lambda cid=case.id: self.item_tapped.emit(f"case:{cid}"))
                card.partner_tapped.connect(self._on_case_partner_tapped)
                grid.add(card)
                self.case_cards.append(card)
        self.scroll.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self.content_widget.installEventFilter(self)

    # -- helpers ------------------------------------------------------------------------
    def _add_heading(self, source: Source, *, hint: Source = None) -> TextLabel:
        """A block heading (h2) with an optional quiet hint at the right of the same line."""
        self.column.addSpacing(self.theme.space("md"))
        row = QHBoxLayout()
        row.setSpacing(self.theme.space("md"))
        label = TextLabel(self.theme, source, self.lang, role="h2", parent=self.content_widget)
        row.addWidget(label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        if hint is not None:
            tip = TextLabel(
                self.theme,
                hint,
                self.lang,
                role="caption",
                tone="muted",
                wrap=False,
                align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                parent=self.content_widget,
            )
            row.addWidget(tip, 0, Qt.AlignmentFlag.AlignBottom)
        self.column.addLayout(row)
        return label

    def _partner_names(self) -> dict[Any, Any]:
        return {pid: p.name for pid, p in self.context.content.partners().items()}

    def _partners_section_for(self, partner_id: str) -> str | None:
        for s in self.context.content.sections:
            if isinstance(s, PartnersSection) and any(p.id == partner_id for p in s.partners):
                return s.id
        return None

    @property
    def charts(self) -> list[Any]:
        """The chart views (pyqtgraph), in content order."""
        return [card.view for card in self.chart_cards]

    def _on_screen(self, widget: QWidget) -> bool:
        viewport = self.scroll.viewport()
        if not self.isVisible() or not widget.isVisible():
            return False
        top_left = widget.mapTo(viewport, QPoint(0, 0))
        visible = QRect(top_left, widget.size()).intersected(viewport.rect())
        return visible.height() >= min(widget.height(), viewport.height()) * REVEAL_FRACTION

    def _reveal(self) -> None:
        for card in list(self._waiting):
            if self._on_screen(card.view):
                self._waiting.remove(card)
                card.view.animate_in()

    # -- SectionPage hooks --------------------------------------------------------------
    def on_shown(self) -> None:
        for card in self.figure_cards:
            card.count_up()
        self._waiting = list(self.chart_cards)
        for card in self._waiting:
            card.view.hold()
        self._reveal()

    def on_hidden(self) -> None:
        self._settle()

    def reset(self) -> None:
        super().reset()
        self._settle()

    def finish_animations(self) -> None:
        super().finish_animations()
        self._settle()

    def _settle(self) -> None:
        """Every figure and chart at its full value, nothing running or waiting."""
        self._waiting = []
        for card in self.figure_cards:
            card.count.finish()
        for card in self.chart_cards:
            card.view.finish()

    def open_item(self, item_id: str) -> bool:
        cards = self.chart_cards + self.capability_cards + self.case_cards
        for card in cards:
            key = getattr(card, "chart", None) or getattr(card, "capability", None) or getattr(card, "case", None)
            if key is not None and key.id == item_id:
                self.scroll.ensureWidgetVisible(card, 0, self.theme.space("lg"))
                return True
        return False

    # -- slots --------------------------------------------------------------------------
    def _on_scroll_value_changed(self, _value: int) -> None:
        if self._waiting:
            self._reveal()

    def _on_case_partner_tapped(self, partner_id: str) -> None:
        section_id = self._partners_section_for(partner_id)
        if section_id:
            self.navigate_requested.emit(section_id, partner_id)

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if obj is self.content_widget and e.type() == QEvent.Type.Resize and self._waiting:
            self._reveal()
        return super().eventFilter(obj, e)
