"""The platform page's previewable states (see :mod:`kiosk.states`): one per tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.states import Reach, section_memory, section_state, visitor_tap

if TYPE_CHECKING:
    from kiosk.sections.platform.page import PlatformPage


def _tab(page: PlatformPage, key: str) -> None:  # page: PlatformPage
    if key in page.tabs.keys:
        visitor_tap(page.tabs, page.tabs.tab_rect(key).center())


@section_state("platform", "charts", "the charts tab")
def _charts(page: PlatformPage) -> None:
    _tab(page, "charts")


@section_state("platform", "capabilities", "the capabilities tab")
def _capabilities(page: PlatformPage) -> None:
    _tab(page, "capabilities")


@section_state("platform", "cases", "the case studies tab")
def _cases(page: PlatformPage) -> None:
    _tab(page, "cases")


@section_memory("platform")
def _remember(page: PlatformPage) -> Reach:
    """Across a visitor-mode switch: the tab (its scroll position is carried by the shell)."""
    tab = page.current_tab

    def restore(new: PlatformPage) -> None:
        if tab != new.current_tab:
            new.show_tab(tab)

    return restore
