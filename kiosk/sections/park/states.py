"""The park page's previewable states (see :mod:`kiosk.states`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from kiosk.states import Reach, section_memory, section_state, visitor_tap

if TYPE_CHECKING:
    from kiosk.content.model import ParkSection
    from kiosk.sections.park.page import ParkPage


@section_state("park", "framework", "the 个十百千万 framework tab")
def _framework(page: ParkPage) -> None:
    if "framework" in page.tabs.keys:
        visitor_tap(page.tabs, page.tabs.tab_rect("framework").center())


@section_state("park", "hotspot", "the first hotspot's detail panel")
def _hotspot(page: ParkPage) -> None:
    hotspots = cast("ParkSection", page.section).hotspots
    if hotspots:
        page.select_hotspot(hotspots[0].id)


@section_state("park", "zoomed", "the plan zoomed in once")
def _zoomed(page: ParkPage) -> None:
    visitor_tap(page.plan.zoom_in_button)


@section_memory("park")
def _remember(page: ParkPage) -> Reach:
    """Across a visitor-mode switch: the tab, the open hotspot and the zoom."""
    panel, hotspot, zoom = page.current_panel, page.selected_hotspot, page.plan.zoom

    def restore(new: ParkPage) -> None:
        new.show_panel(panel)
        if zoom > 1.001:
            new.plan.zoom_to(zoom, animated=False)
        if hotspot is not None:
            new.select_hotspot(hotspot)

    return restore
