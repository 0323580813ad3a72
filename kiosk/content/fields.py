"""Field metadata of the content model, and the limits of what the screen can show.

:class:`Media` marks a path to a media file, :data:`PANEL` a text a visitor reads as a
panel (word-count warnings). :func:`limit_for` gives the most characters of a text field
that fit where the screen shows it; ``kiosk validate`` warns beyond it and the UI elides
there. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MAX_ABS_VALUE = 1e15
"""Figures, chart values and coordinates beyond this cannot be shown (or are typos)."""
MAX_POLYGON_POINTS = 500


@dataclass(frozen=True)
class Media:
    """Marks a field as a path to a media file, relative to content.yaml's folder."""

    kind: Literal["image", "svg", "video"]
    required: bool = False


@dataclass(frozen=True)
class _Panel:
    """Marks a text that a visitor reads as a panel: it gets a length warning."""


PANEL = _Panel()


@dataclass(frozen=True)
class Limit:
    """The most characters of a text that fit on screen, per language."""

    zh: int
    en: int

    def of(self, lang: str) -> int:
        return self.zh if lang == "zh" else self.en


#: Limits by field name, wherever the field is.
FIELD_LIMITS: dict[str, Limit] = {
    "title": Limit(24, 60), "subtitle": Limit(30, 80), "name": Limit(30, 80),
    "short_name": Limit(8, 20), "label": Limit(16, 40), "unit": Limit(6, 16),
    "period": Limit(16, 32), "key": Limit(6, 16), "tags": Limit(12, 36),
    "caption": Limit(60, 160), "note": Limit(60, 160), "address": Limit(40, 120),
    "categories": Limit(12, 32),
}
#: Limits of a field in one model (and its subclasses), where it has less room.
CLASS_LIMITS: dict[tuple[str, str], Limit] = {
    ("SectionBase", "title"): Limit(12, 32),
    ("Highlight", "title"): Limit(20, 50),
    ("Hotspot", "name"): Limit(16, 40),
    ("Category", "name"): Limit(12, 40),
    ("Settings", "name"): Limit(20, 60),
    ("Series", "name"): Limit(12, 30),
}


def limit_for(model: type, field: str) -> Limit | None:
    """The on-screen limit of ``field`` of ``model`` (None for panel texts and non-texts)."""
    for cls in model.__mro__:
        found = CLASS_LIMITS.get((cls.__name__, field))
        if found is not None:
            return found
    return FIELD_LIMITS.get(field)
