"""The Kaos platform page: the title, then one tab per part — figures, charts, capabilities,
cases — so every part is one obvious tap away instead of below the fold.

Each tab is its own kinetic scroll area with the shared :class:`ScrollCue` (fade and a
"More below" pill) for the rare case its content is taller than the screen. Figures count up
when their tab shows; charts (pyqtgraph, styled to the theme) grow in as they come into view
and replay when tapped; case partner chips open the partners page.

pyqtgraph (≈ 300 ms, 60 MB) is imported only when this page is first built: the chart
module is imported by :class:`~kiosk.sections.platform.chart_card.ChartCard`'s constructor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.model import PartnersSection, PlatformSection, SectionBase
from kiosk.i18n import LANGS, tr
from kiosk.sections.base import PageContext, SectionPage
from kiosk.sections.layout import AccentRule
from kiosk.sections.platform.cards import BentoGrid, CapabilityCard, CaseCard, HeroBand
from kiosk.sections.platform.chart_card import ChartCard
from kiosk.sections.registry import register_page
from kiosk.widgets.figure import FigureCard
from kiosk.widgets.grid import ResponsiveGrid
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import TextLabel
from kiosk.widgets.scroll_cue import ScrollCue
from kiosk.widgets.tabs import TabBar

#: A chart grows in once this much of it is on screen.
REVEAL_FRACTION = 0.35
FIGURES, CHARTS, CAPABILITIES, CASES = "figures", "charts", "capabilities", "cases"
TAB_LABELS: dict[str, Callable[[str], str]] = {
    FIGURES: lambda l: tr("platform.tab_figures", l),
    CHARTS: lambda l: tr("platform.charts", l),
    CAPABILITIES: lambda l: tr("platform.capabilities", l),
    CASES: lambda l: tr("platform.cases", l),
}


class _Column(QWidget):
    """A tab's content. Its least height is none: the scroll area then makes it exactly as
    tall as its text needs at the tab's width (its height for width), not as tall as the
    text would wrap to at the least width — which scrolled the overview tab for nothing and
    showed "More below" over empty space."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


class TabPanel(KineticScrollArea):
    """One tab's content: a column in a kinetic scroll area with the shared scroll cue."""

    def __init__(self, page: PlatformPage, key: str) -> None:
        super().__init__(page.theme, mouse_drag=page.context.mouse_drag, parent=page)
        self.setObjectName(f"platform-{key}")
        inner = _Column()
        inner.setObjectName("scroll-content")
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(page.margin, page.theme.space("md"), page.margin, page.theme.space("md"))
        self.column.setSpacing(page.theme.space("lg"))
        self.setWidget(inner)
        self.inner = inner
        self.cue = ScrollCue(page.theme, self, page.lang)

    def finish(self) -> None:
        self.column.addStretch(1)

    def showEvent(self, e: QShowEvent) -> None:
        # A hidden tab is not told when its content rewraps (a language switch while another
        # tab shows): measure it again as it appears, so its scroll range is never stale.
        QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))
        super().showEvent(e)


@register_page("platform")
class PlatformPage(SectionPage):
    default_icon = "mdi6.chart-line"

    #: ``"chart:<id>"`` / ``"case:<id>"`` / ``"tab:<key>"`` when a visitor taps one (analytics).
    item_tapped = Signal(str)

    def __init__(self, section: SectionBase, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(section, context, parent)
        assert isinstance(section, PlatformSection)
        th = self.theme
        self.margin = th.px(96) if th.landscape else th.px(64)
        self.figure_cards: list[FigureCard] = []
        self.chart_cards: list[ChartCard] = []
        self.capability_cards: list[CapabilityCard] = []
        self.case_cards: list[CaseCard] = []
        self._waiting: list[ChartCard] = []  # charts that grow in when scrolled into view
        self.panels: dict[str, TabPanel] = {}
        self._header()
        self.stack = QStackedWidget(self)
        self._build_panels(section)
        self.tabs = TabBar(th, [(k, TAB_LABELS[k]) for k in self.panels], self.lang, self)
        self.tabs.setObjectName("platform-tabs")
        self.tabs.setVisible(len(self.panels) > 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        head = QVBoxLayout()
        head.setContentsMargins(self.margin, th.px(40), self.margin, 0)
        head.setSpacing(th.space("sm"))
        head.addWidget(self.title_label)
        head.addWidget(AccentRule(self))
        if th.landscape:  # subtitle and tabs share a row: the panels get the height
            row = QHBoxLayout()
            row.setSpacing(th.space("xl"))
            row.addWidget(self.subtitle_label, 1, Qt.AlignmentFlag.AlignBottom)
            self.tabs.setFixedWidth(self._tab_width() * max(1, len(self.panels)))
            row.addWidget(self.tabs, 0, Qt.AlignmentFlag.AlignBottom)
            head.addLayout(row)
        else:
            head.addWidget(self.subtitle_label)
            head.addSpacing(th.space("sm"))
            head.addWidget(self.tabs)
        outer.addLayout(head)
        outer.addWidget(self.stack, 1)
        self.tabs.selected.connect(self._on_tabs_selected)

    # -- building -------------------------------------------------------------------------
    def _header(self) -> None:
        th, s = self.theme, self.section
        self.title_label = TextLabel(th, s.title, self.lang, role="h1", parent=self)
        self.title_label.setObjectName("page-title")
        self.subtitle_label = TextLabel(th, s.subtitle, self.lang, role="lead", tone="muted", parent=self)

    def _tab_width(self) -> int:
        """One tab's width: its longest label in either language, with room around it."""
        fm = QFontMetrics(self.tabs.font())
        widest = max(fm.horizontalAdvance(TAB_LABELS[k](lang)) for k in self.panels for lang in LANGS)
        return max(self.theme.min_target, widest + self.theme.px(56))

    def _panel(self, key: str) -> TabPanel:
        panel = TabPanel(self, key)
        self.panels[key] = panel
        self.stack.addWidget(panel)
        return panel

    def _build_panels(self, section: PlatformSection) -> None:
        th = self.theme
        if section.summary or section.figures:
            panel = self._panel(FIGURES)
            if section.summary:
                self.summary = TextLabel(th, section.summary, self.lang, role="lead", parent=panel.inner)
                self.summary.setMaximumWidth(th.px(1480))
                panel.column.addWidget(self.summary)
            if section.figures:
                self.hero = HeroBand(th, self.lang, panel.inner)
                for figure in section.figures:
                    card = FigureCard(th, figure, self.lang)
                    self.hero.add(card)
                    self.figure_cards.append(card)
                panel.column.addWidget(self.hero)
            panel.finish()
        if section.charts:
            self._build_charts(section)
        if section.capabilities:
            panel = self._panel(CAPABILITIES)
            grid = BentoGrid(th, 3 if th.landscape else 2, panel.inner)
            panel.column.addWidget(grid)
            for cap in section.capabilities:
                self.capability_cards.append(grid.add(CapabilityCard(th, cap, self.lang)))  # type: ignore[arg-type]
            panel.finish()
        if section.cases:
            self._build_cases(section)

    def _build_charts(self, section: PlatformSection) -> None:
        th = self.theme
        panel = self._panel(CHARTS)
        hint = TextLabel(th, lambda l: tr("platform.charts_hint", l), self.lang, role="caption", tone="muted",
                         parent=panel.inner)
        hint.setObjectName("platform-charts-hint")
        panel.column.addWidget(hint)
        grid = ResponsiveGrid(th, min_width=th.px(640), max_columns=2 if th.landscape else 1, parent=panel.inner)
        panel.column.addWidget(grid)
        for chart in section.charts:
            card = ChartCard(th, chart, self.lang)
            card.clicked.connect(lambda cid=chart.id: self.item_tapped.emit(f"chart:{cid}"))
            grid.add(card)
            self.chart_cards.append(card)
        panel.column.setSpacing(th.space("sm"))  # the hint right above the charts: more room for them
        grid.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # as short as the cards fit
        panel.finish()
        panel.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        panel.inner.installEventFilter(self)
        panel.viewport().installEventFilter(self)
        self._charts_panel = panel
        self._charts_grid = grid
        self._charts_hint = hint

    def _fit_charts(self) -> None:
        """Every chart card fits the tab's height (the tab scrolls only between rows of
        charts, never within one): at any screen size the axis is never under the footer."""
        panel = self.panels.get(CHARTS)
        if panel is None or not self.chart_cards:
            return
        col = panel.column
        margins = col.contentsMargins()
        width = panel.viewport().width() - margins.left() - margins.right()
        hint_h = self._charts_hint.heightForWidth(width) if self._charts_hint.hasHeightForWidth() \
            else self._charts_hint.sizeHint().height()
        room = panel.viewport().height() - margins.top() - margins.bottom() - hint_h - col.spacing()
        grid = self._charts_grid
        cols = grid.columns_for(width)
        gap = grid.grid.horizontalSpacing()
        card_w = (width - gap * (cols - 1)) // max(1, cols)
        for card in self.chart_cards:
            card.fit_height(room, card_w)

    def _build_cases(self, section: PlatformSection) -> None:
        th = self.theme
        panel = self._panel(CASES)
        grid = ResponsiveGrid(th, min_width=th.px(720), max_columns=2, parent=panel.inner)
        panel.column.addWidget(grid)
        names = {pid: p.name for pid, p in self.context.content.partners().items()}
        for case in section.cases:
            card = CaseCard(th, case, self.lang, names)
            card.clicked.connect(lambda cid=case.id: self.item_tapped.emit(f"case:{cid}"))
            card.partner_tapped.connect(self._on_case_partner_tapped)
            grid.add(card)
            self.case_cards.append(card)
        panel.finish()

    # -- state ----------------------------------------------------------------------------
    @property
    def current_tab(self) -> str:
        return self.tabs.current

    @property
    def current_panel(self) -> TabPanel:
        """The current tab's scroll area."""
        panel = self.stack.currentWidget()
        assert isinstance(panel, TabPanel)
        return panel

    @property
    def charts(self) -> list[Any]:
        """The chart views (pyqtgraph), in content order."""
        return [card.view for card in self.chart_cards]

    def show_tab(self, key: str) -> None:
        """Show tab ``key`` (figures, charts, capabilities, cases) from its top."""
        panel = self.panels.get(key)
        if panel is None:
            return
        self.tabs.set_current(key)
        self.stack.setCurrentWidget(panel)
        if self.isVisible():
            self._animate(key)

    def _animate(self, key: str) -> None:
        if key == FIGURES:
            for card in self.figure_cards:
                card.count_up()
        elif key == CHARTS:
            self._reveal()

    def _on_screen(self, widget: QWidget) -> bool:
        panel = self.panels.get(CHARTS)
        if panel is None or not self.isVisible() or not widget.isVisible():
            return False
        viewport = panel.viewport()
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
        """Charts wait, empty, until they are on screen; the current tab animates now."""
        self._waiting = list(self.chart_cards)
        for card in self._waiting:
            card.view.hold()
        self._animate(self.tabs.current)

    def on_hidden(self) -> None:
        self._settle()

    def reset(self) -> None:
        super().reset()
        self._settle()
        if self.panels:
            self.show_tab(next(iter(self.panels)))

    def finish_animations(self) -> None:
        super().finish_animations()
        self._settle()

    def _settle(self) -> None:
        """Every figure and chart at its full value, nothing running or waiting."""
        self._waiting = []
        for figure in self.figure_cards:
            figure.count.finish()
        for chart in self.chart_cards:
            chart.view.finish()

    def open_item(self, item_id: str) -> bool:
        groups = ((CHARTS, self.chart_cards, "chart"), (CAPABILITIES, self.capability_cards, "capability"),
                  (CASES, self.case_cards, "case"))
        for key, cards, attr in groups:
            for card in cards:
                if getattr(card, attr).id == item_id:
                    self.show_tab(key)
                    panel = self.panels[key]
                    layout = panel.inner.layout()
                    if layout is not None:
                        layout.activate()  # a tab shown just now: its cards placed
                    panel.ensureWidgetVisible(card, 0, self.theme.space("lg"))
                    return True
        if item_id in self.panels:
            self.show_tab(item_id)
            return True
        return False

    # -- slots --------------------------------------------------------------------------
    def _on_tabs_selected(self, key: str) -> None:
        self.show_tab(key)
        self.item_tapped.emit(f"tab:{key}")

    def _on_scroll_value_changed(self, _value: int) -> None:
        if self._waiting:
            self._reveal()

    def _on_case_partner_tapped(self, partner_id: str) -> None:
        for s in self.context.content.sections:
            if isinstance(s, PartnersSection) and any(p.id == partner_id for p in s.partners):
                self.navigate_requested.emit(s.id, partner_id)
                return

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        self._fit_charts()  # titles wrap anew

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        charts = self.panels.get(CHARTS)
        if charts is not None and obj is charts.viewport() and e.type() == QEvent.Type.Resize:
            self._fit_charts()
        if charts is not None and obj is charts.inner and e.type() == QEvent.Type.Resize and self._waiting:
            self._reveal()
        return super().eventFilter(obj, e)
