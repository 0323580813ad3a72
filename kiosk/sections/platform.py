"""Kaos platform (interim): summary, key figures, capabilities, charts (as bar lists), cases.
The rich page (next issue) brings pyqtgraph — imported only when that page is built."""

from __future__ import annotations

from kiosk.content.model import PlatformSection
from kiosk.i18n import tr
from kiosk.sections.layout import ScrollingPage
from kiosk.sections.registry import register_page
from kiosk.widgets.bars import BarList
from kiosk.widgets.figure import FigureCard


@register_page("platform")
class PlatformPage(ScrollingPage):
    default_icon = "mdi6.chart-line"

    def build(self) -> None:
        section = self.section
        assert isinstance(section, PlatformSection)
        if section.summary:
            self.add_text(section.summary)
        if section.figures:
            self.add_heading(lambda lang: tr("platform.figures", lang))
            grid = self.add_grid(min_width=self.theme.px(380), max_columns=4)
            for figure in section.figures:
                grid.add(FigureCard(self.theme, figure, self.lang))
        if section.capabilities:
            self.add_heading(lambda lang: tr("platform.capabilities", lang))
            grid = self.add_grid(max_columns=3)
            for cap in section.capabilities:
                card = self.add_card(grid)
                card.add_text(cap.title, role="h3")
                card.add_text(cap.text, role="body")
                card.body.addStretch(1)
        if section.charts:
            self.add_heading(lambda lang: tr("platform.charts", lang))
            grid = self.add_grid(min_width=self.theme.px(720), max_columns=2)
            for chart in section.charts:
                card = self.add_card(grid)
                card.add_text(chart.title, role="h3")
                if chart.note:
                    card.add_text(chart.note, role="caption", tone="muted")
                card.add_widget(BarList(self.theme, chart, self.lang, parent=card))
                card.body.addStretch(1)
        if section.cases:
            self.add_heading(lambda lang: tr("platform.cases", lang))
            grid = self.add_grid(min_width=self.theme.px(720), max_columns=2)
            for case in section.cases:
                card = self.add_card(grid, featured=True)
                card.add_text(case.title, role="h3")
                card.add_text(case.text, role="body")
                card.body.addStretch(1)
