"""The park page's previewable states (see :mod:`kiosk.states`)."""

from __future__ import annotations

from kiosk.states import section_state, visitor_tap


@section_state("park", "framework", "the 个十百千万 framework tab")
def _framework(page) -> None:  # page: ParkPage
    if "framework" in page.tabs.keys:
        visitor_tap(page.tabs, page.tabs.tab_rect("framework").center())


@section_state("park", "hotspot", "the first hotspot's detail panel")
def _hotspot(page) -> None:
    hotspots = page.section.hotspots
    if hotspots:
        page.select_hotspot(hotspots[0].id)


@section_state("park", "zoomed", "the plan zoomed in once")
def _zoomed(page) -> None:
    visitor_tap(page.plan.zoom_in_button)
