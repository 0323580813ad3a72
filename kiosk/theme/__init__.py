"""The theme: the one place that owns colours, spacing, radii and the type scale.

``build_theme(content.kiosk, (width, height), families=...)`` gives a :class:`Theme`;
widgets take it as a constructor argument. Sizes are design units at 1080p scaled by the
short side (``theme.px``), physical sizes come from the panel diagonal (``theme.mm``), and
``theme.min_target`` is the smallest allowed tap target.
"""

from kiosk.theme.color import contrast, ensure_contrast, mix
from kiosk.theme.stylesheet import build_stylesheet
from kiosk.theme.tokens import (
    DEFAULT_FAMILIES,
    RADIUS,
    SIZE,
    SPACE,
    TYPE_SCALE,
    Palette,
    Theme,
    TypeRole,
    build_theme,
    px_per_mm,
)

__all__ = [
    "DEFAULT_FAMILIES",
    "RADIUS",
    "SIZE",
    "SPACE",
    "TYPE_SCALE",
    "Palette",
    "Theme",
    "TypeRole",
    "build_stylesheet",
    "build_theme",
    "contrast",
    "ensure_contrast",
    "mix",
    "px_per_mm",
]
