"""History (interim): eras as headings, events as cards; featured moments in amber."""

from __future__ import annotations

from kiosk.content.model import Event, HistorySection
from kiosk.i18n import format_date, tr
from kiosk.sections.layout import ScrollingPage
from kiosk.sections.registry import register_page


def event_when(event: Event, lang: str) -> str:
    return event.label.get(lang) if event.label else format_date(event.date, lang)


@register_page("history")
class HistoryPage(ScrollingPage):
    default_icon = "mdi6.timeline-clock-outline"

    def build(self) -> None:
        section = self.section
        assert isinstance(section, HistorySection)
        for era in section.eras:
            self.add_heading(era.title, note=era.period)
            if era.summary:
                self.add_text(era.summary)
            grid = self.add_grid(max_columns=3)
            for event in sorted(era.events, key=lambda e: e.sort_key):
                card = self.add_card(grid, featured=event.featured)
                when = card.add_text(lambda lang, e=event: event_when(e, lang), role="label", tone="accent")
                when.setObjectName("event-date")
                if event.featured:
                    card.add_text(lambda lang: "★ " + tr("history.featured", lang), role="caption", tone="accent")
                card.add_text(event.title, role="h3")
                card.add_text(event.text, role="body")
                card.body.addStretch(1)
