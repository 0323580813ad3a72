"""Visitor modes as the theme sees them: large text, high contrast, reduced motion, reach.

:class:`ModeSet` is the plain value (hashable, no Qt); :func:`high_contrast_palette` is the
high-contrast variant of the palette: solid black surfaces, white text, yellow and cyan
for state, every text pair at 7:1 or more (display text too), and gradients flattened to
one colour (every stop of a gradient is the same token value).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from kiosk.theme.color import contrast

#: The whole type scale is multiplied by this in large-text mode (适老化: at least 1.35).
LARGE_TEXT_SCALE = 1.4
#: Every text pair reaches this in high-contrast mode, display text included.
HIGH_CONTRAST_RATIO = 7.0

MODE_NAMES: tuple[str, ...] = ("large_text", "high_contrast", "reduced_motion", "reach")
"""The modes, in the order the panel shows them."""


@dataclass(frozen=True)
class ModeSet:
    large_text: bool = False
    high_contrast: bool = False
    reduced_motion: bool = False
    reach: bool = False

    def with_(self, name: str, on: bool) -> ModeSet:
        if name not in MODE_NAMES:
            raise ValueError(f"unknown mode {name!r}")
        return replace(self, **{name: on})

    def on(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self) if getattr(self, f.name))

    @classmethod
    def parse(cls, names: list[str] | tuple[str, ...]) -> ModeSet:
        """From CLI names (``large-text``, ``high_contrast``…); comma-separated accepted."""
        out = cls()
        for item in names:
            for name in filter(None, (n.strip().replace("-", "_") for n in item.split(","))):
                out = out.with_(name, True)
        return out

    @property
    def text_scale(self) -> float:
        return LARGE_TEXT_SCALE if self.large_text else 1.0


NO_MODES = ModeSet()
"""The default: every mode off."""

_HC = {
    "background": "#000000",
    "background_deep": "#000000",
    "surface": "#000000",
    "surface_raised": "#000000",
    "surface_pressed": "#262626",
    "line": "#FFFFFF",
    "line_strong": "#FFFFFF",
    "text": "#FFFFFF",
    "text_muted": "#F0F0F0",
    "primary": "#FFE600",
    "primary_fill": "#FFE600",
    "primary_pressed": "#FFFFFF",
    "on_primary": "#000000",
    "primary_text": "#FFE600",
    "primary_soft": "#000000",
    "primary_faint": "#000000",
    "accent": "#00E5FF",
    "accent_fill": "#00E5FF",
    "accent_pressed": "#FFFFFF",
    "on_accent": "#000000",
    "accent_text": "#00E5FF",
    "danger_text": "#FFB8B0",
}


def high_contrast_colours() -> dict[str, str]:
    """Every palette token in high-contrast mode (checked by tests/test_contrast.py)."""
    return dict(_HC)


def passes(colours: dict[str, str], pairs: list[tuple[str, str, float]]) -> list[str]:
    """The pairs under :data:`HIGH_CONTRAST_RATIO` (empty when all pass)."""
    return [f"{fg}/{bg}" for fg, bg, _ in pairs if contrast(colours[fg], colours[bg]) < HIGH_CONTRAST_RATIO]
