"""The history page's previewable states (see :mod:`kiosk.states`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.states import Reach, section_memory, section_state

if TYPE_CHECKING:
    from kiosk.sections.history.page import HistoryPage


@section_state("history", "event", "the first event's detail panel")
def _event(page: HistoryPage) -> None:
    page.open_event(0, animate=False)


@section_state("history", "last-era", "the last era chosen with its chip")
def _last_era(page: HistoryPage) -> None:
    if page.eras:
        page.jump_to_era(len(page.eras) - 1, animated=False)


@section_memory("history")
def _remember(page: HistoryPage) -> Reach:
    """Across a visitor-mode switch: the era and the open event."""
    era = page.current_era
    event = page.detail.index if not page.detail.isHidden() else None

    def restore(new: HistoryPage) -> None:
        if 0 <= era < len(new.eras):
            new.jump_to_era(era, animated=False)
        if event is not None:
            new.open_event(event, animate=False)

    return restore
