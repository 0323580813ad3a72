"""The platform page's previewable states (see :mod:`kiosk.states`): one per tab."""

from __future__ import annotations

from kiosk.states import section_state, visitor_tap


def _tab(page, key: str) -> None:  # page: PlatformPage
    if key in page.tabs.keys:
        visitor_tap(page.tabs, page.tabs.tab_rect(key).center())


@section_state("platform", "charts", "the charts tab")
def _charts(page) -> None:
    _tab(page, "charts")


@section_state("platform", "capabilities", "the capabilities tab")
def _capabilities(page) -> None:
    _tab(page, "capabilities")


@section_state("platform", "cases", "the case studies tab")
def _cases(page) -> None:
    _tab(page, "cases")
