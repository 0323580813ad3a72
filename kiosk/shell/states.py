"""The shell's own previewable states (see :mod:`kiosk.states`): the countdown over each
page, and the admin panel with findings, as staff would meet them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.content import Finding
from kiosk.states import screen_state

if TYPE_CHECKING:
    from kiosk.shell.window import KioskWindow

#: What the admin panel shows in the preview when the content has no findings of its own.
SAMPLE_FINDINGS = (
    Finding("content.yaml", 88, 5, "error", "unknown key 'titel'; did you mean 'title'?"),
    Finding("content.yaml", 212, 19, "warning",
            "expected text, but YAML reads no as a yes/no value (false); put it in quotes: \"no\""),
)


@screen_state("admin", "findings", "the admin panel listing the content's findings")
def _admin_findings(window: KioskWindow) -> None:
    if not window.status.findings:
        window.status = replace(window.status, findings=list(SAMPLE_FINDINGS))
    window.show_screen("admin")


@screen_state("countdown", "detail", "the countdown over an open detail (the park's hotspot)")
def _countdown_over_detail(window: KioskWindow) -> None:
    view = window.view
    if view is None:
        return
    for section in view.content.sections:
        if section.type == "park":
            view.show_screen(section.id)
            hotspots = getattr(section, "hotspots", [])
            if hotspots:
                view.page(section.id).open_item(hotspots[0].id)
            break
    if window.countdown is not None:
        window.countdown.start()
        window.countdown.tick_timer.stop()
