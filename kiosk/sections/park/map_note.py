"""The park plan's map note (the address, then "schematic, not to scale") and the height a
label needs for a text it may show."""

from __future__ import annotations

from kiosk.content.model import ParkSection
from kiosk.widgets.labels import TextLabel


def note_lines(section: ParkSection, lang: str) -> tuple[str, str]:
    """The address and the plan's caption in ``lang`` (either may be empty)."""
    return (section.address.get(lang) if section.address else "",
            section.plan.caption.get(lang) if section.plan.caption else "")


def note_text(section: ParkSection, lang: str) -> str:
    """The map note on one line."""
    return " · ".join(x for x in note_lines(section, lang) if x)


def height_in(label: TextLabel, text: str, width: int) -> int:
    """``label``'s height at ``width`` if it showed ``text``."""
    shown = label.text()
    if text == shown:
        return label.heightForWidth(width)
    label.setText(text)
    height = label.heightForWidth(width)
    label.setText(shown)
    return height
