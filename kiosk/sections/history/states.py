"""The history page's previewable states (see :mod:`kiosk.states`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.states import section_state

if TYPE_CHECKING:
    from kiosk.sections.history.page import HistoryPage


@section_state("history", "event", "the first event's detail panel")
def _event(page: HistoryPage) -> None:
    page.open_event(0, animate=False)


@section_state("history", "last-era", "the last era chosen with its chip")
def _last_era(page: HistoryPage) -> None:
    if page.eras:
        page.jump_to_era(len(page.eras) - 1, animated=False)
