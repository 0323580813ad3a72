"""Design tokens: palette, spacing, radii and the type scale.

Everything is specified in *design units* at 1920×1080 and scaled by the screen's short side
(``scale = min(width, height) / 1080``), so 1080×1920 portrait uses the same sizes as
1920×1080 and 3840×2160 doubles them. Physical sizes (tap targets) come from
``content.kiosk.screen_diagonal_in``: ``theme.mm(20)`` is 20 mm on the configured panel.

Colours start from ``content.kiosk.theme`` and are *repaired* where needed so every
text/background pair the UI paints (:data:`TEXT_PAIRS`, gradients by their worst stop in
:data:`GRADIENTS`) meets WCAG: 7:1 for body and label text, 4.5:1 for large display text
(checked by tests/test_contrast.py and, for any content colours, tests/test_theme.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from kiosk.theme.color import (
    BLACK,
    WHITE,
    contrast,
    ensure_contrast,
    ensure_fill,
    luminance,
    mix,
    readable_on,
)
from kiosk.theme.modes import NO_MODES, ModeSet, high_contrast_colours

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QFont

    from kiosk.content.model import Settings
    from kiosk.content.model import Theme as ThemeColours

#: Latin first (the CJK font draws Latin punctuation full-width), CJK second.
DEFAULT_FAMILIES: tuple[str, ...] = ("Noto Sans", "Noto Sans CJK SC")

DESIGN_SHORT_SIDE = 1080
BODY_RATIO = 7.0
UI_RATIO = 4.5

#: The contrast each kind of text needs: body and label text 7:1 (WCAG AAA), large
#: display text -- headings, key-figure numbers, monograms -- 4.5:1.
TEXT_RATIOS: dict[str, float] = {"body": BODY_RATIO, "label": BODY_RATIO, "display": UI_RATIO}

#: Gradients painted under text, by their stops (text must pass on the worst one).
GRADIENTS: dict[str, tuple[str, ...]] = {
    "backdrop": ("primary_faint", "background", "background_deep"),  # page and attract glow
    "figure_band": ("primary_faint", "surface", "background_deep"),  # platform key figures
    "navbar": ("surface", "background_deep"),
    "tile": ("surface_raised", "surface"),  # home tiles, partner and event cards
    "step": ("primary_soft", "surface_raised"),  # a framework step at rest
    "step_pressed": ("surface_pressed", "surface_raised"),
    "disc": ("primary_soft", "primary_faint"),  # icon discs, monogram badges
}

_PLAIN = ("background", "background_deep", "surface", "surface_raised", "surface_pressed")

#: Every text-on-background pair the UI paints: (text token, background token or gradient
#: name, role). Selected and pressed states are listed like any other.
TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    *(("text", bg, "body") for bg in (*_PLAIN, "backdrop", "figure_band", "navbar", "tile")),
    *(("text_muted", bg, "body") for bg in (*_PLAIN, "backdrop", "figure_band", "navbar", "tile")),
    *(("accent_text", bg, "label") for bg in (*_PLAIN, "backdrop", "tile")),
    ("accent_text", "figure_band", "display"),  # the key figures' numbers, 约 and units
    *(("primary_text", bg, "label") for bg in ("background", "surface", "surface_raised")),
    *(("danger_text", bg, "body") for bg in ("background", "surface", "surface_raised")),
    ("on_primary", "primary_fill", "label"),  # selected chips, primary buttons
    ("on_primary", "primary_pressed", "label"),  # ... pressed
    ("on_accent", "accent_fill", "label"),  # accent buttons, selected framework step, plan pins
    ("on_accent", "accent_pressed", "label"),
    ("text", "step", "display"),  # the framework's 个十百千万 characters
    ("text", "step_pressed", "display"),
    ("text", "disc", "display"),  # monogram letters on a tinted disc
)

#: Fills that the repair darkens (or lightens) under the text, instead of changing the
#: text colour: state and tint fills. Text on the base surfaces is repaired instead.
_REPAIR_FILL = ("surface_pressed", "primary_faint", "primary_soft", "primary_fill", "primary_pressed",
                "accent_fill", "accent_pressed")


def expand_pairs(pairs: tuple[tuple[str, str, str], ...] = TEXT_PAIRS) -> list[tuple[str, str, float]]:
    """``TEXT_PAIRS`` as (text token, background token, required ratio), one row per
    gradient stop."""
    return [(fg, stop, TEXT_RATIOS[role]) for fg, bg, role in pairs for stop in GRADIENTS.get(bg, (bg,))]


def _repair(colours: dict[str, str]) -> dict[str, str]:
    """Raise every pair of :data:`TEXT_PAIRS` to its ratio (with a hair of margin)."""
    for _ in range(6):
        changed = False
        for fg, bg, need in expand_pairs():
            if contrast(colours[fg], colours[bg]) >= need:
                continue
            changed = True
            if bg in _REPAIR_FILL or fg in ("on_primary", "on_accent"):
                colours[bg] = ensure_fill(colours[bg], colours[fg], need + 0.05)
            else:
                colours[fg] = ensure_contrast(colours[fg], colours[bg], need + 0.05)
        if not changed:
            break
    return colours


def _text_colours(c: ThemeColours, dark: bool, bgs: tuple[str, str, str, str, str]) -> tuple[str, str, str, str, str]:
    """Body, muted, primary, accent and danger text, each nudged until it reads on every
    surface it is drawn on (``bgs``: background, deep, surface, raised, pressed)."""
    background, _deep, surface, surface_raised, surface_pressed = bgs
    text = c.text
    for _ in range(3):
        for bg in bgs:
            text = ensure_contrast(text, bg, BODY_RATIO)
    muted = c.text_muted
    for _ in range(3):
        for bg in (background, surface, surface_raised, surface_pressed):
            muted = ensure_contrast(muted, bg, UI_RATIO + 0.3)
    primary_text = c.primary
    accent_text = c.accent
    danger = "#FF7A6E" if dark else "#B3261E"
    for _ in range(3):
        for bg in (background, surface, surface_raised):
            primary_text = ensure_contrast(primary_text, bg, UI_RATIO + 0.3)
            accent_text = ensure_contrast(accent_text, bg, UI_RATIO + 0.3)
            danger = ensure_contrast(danger, bg, UI_RATIO + 0.3)
    return text, muted, primary_text, accent_text, danger


@dataclass(frozen=True)
class Palette:
    """Every colour the UI paints, as ``#RRGGBB``."""

    background: str
    background_deep: str
    surface: str
    surface_raised: str
    surface_pressed: str
    line: str
    line_strong: str
    text: str
    text_muted: str
    primary: str
    """Decorative primary (glows, rules, icons on dark)."""
    primary_fill: str
    """Primary as a fill under ``on_primary`` text (selected chips, main buttons)."""
    primary_pressed: str
    on_primary: str
    primary_text: str
    """Primary used as text on background or surface."""
    primary_soft: str
    """A primary-tinted disc/badge fill that still carries ``text`` (tile icon discs)."""
    primary_faint: str
    """The faint end of primary-tinted gradients (icon discs, backdrop glow)."""
    accent: str
    accent_fill: str
    accent_pressed: str
    on_accent: str
    accent_text: str
    danger_text: str

    @classmethod
    def from_colours(cls, c: ThemeColours) -> Palette:
        dark = luminance(c.text) >= luminance(c.background)
        ink = WHITE if dark else BLACK
        # Surfaces must leave room for 7:1 body text in the theme's polarity.
        background = ensure_fill(c.background, ink, 8.5)
        surface = ensure_fill(c.surface, ink, 8.5)
        toward_ink = 0.07 if dark else 0.04
        surface_raised = ensure_fill(mix(surface, ink, toward_ink), ink, 8.0)
        surface_pressed = ensure_fill(mix(surface, c.primary, 0.30), ink, 7.5)
        background_deep = mix(background, BLACK if dark else WHITE, 0.35)
        text, muted, primary_text, accent_text, danger = _text_colours(
            c, dark, (background, background_deep, surface, surface_raised, surface_pressed)
        )
        # Filled primary controls keep the theme's text colour; the fill darkens to fit.
        # Chip and button labels are label text: 7:1 on the rest and the pressed fill.
        label = TEXT_RATIOS["label"] + 0.05
        on_primary = text
        primary_fill = ensure_fill(c.primary, on_primary, label)
        on_accent = readable_on(c.accent, background, BLACK, WHITE, ratio=label)
        accent_fill = ensure_fill(c.accent, on_accent, label)
        # Pressed fills: visibly different from the rest state, still readable.
        away_primary = BLACK if luminance(on_primary) > 0.18 else WHITE
        away_accent = BLACK if luminance(on_accent) > 0.18 else WHITE
        primary_pressed = ensure_fill(mix(primary_fill, away_primary, 0.25), on_primary, label)
        accent_pressed = ensure_fill(mix(accent_fill, away_accent, 0.2), on_accent, label)
        primary_soft = ensure_fill(mix(surface, c.primary, 0.55), text, UI_RATIO + 0.3)
        primary_faint = ensure_fill(mix(surface, c.primary, 0.25), text, UI_RATIO + 0.3)
        colours = {
            "background": background,
            "background_deep": background_deep,
            "surface": surface,
            "surface_raised": surface_raised,
            "surface_pressed": surface_pressed,
            "line": mix(surface, ink, 0.12),
            "line_strong": mix(surface, ink, 0.28),
            "text": text,
            "text_muted": muted,
            "primary": c.primary,
            "primary_fill": primary_fill,
            "primary_pressed": primary_pressed,
            "on_primary": on_primary,
            "primary_text": primary_text,
            "primary_soft": primary_soft,
            "primary_faint": primary_faint,
            "accent": c.accent,
            "accent_fill": accent_fill,
            "accent_pressed": accent_pressed,
            "on_accent": on_accent,
            "accent_text": accent_text,
            "danger_text": danger,
        }
        return cls(**_repair(colours))

    def contrast_pairs(self) -> list[tuple[str, str, float]]:
        """(text token, background token, required ratio) for every text/background
        combination the UI paints (:data:`TEXT_PAIRS`, gradients by each stop)."""
        return expand_pairs()

    def ratio(self, fg: str, bg: str) -> float:
        return contrast(getattr(self, fg), getattr(self, bg))

    def names(self) -> list[str]:
        return [f.name for f in fields(self)]


@dataclass(frozen=True)
class TypeRole:
    size: int
    """Pixel size in design units (at 1080p)."""
    weight: int = 400
    heading: bool = False
    letter_spacing: float = 0.0
    line_height: float = 1.3


#: The type scale. Body text ≥ 28 px and headings ≥ 48 px at 1080p (tests enforce it).
TYPE_SCALE: dict[str, TypeRole] = {
    "display": TypeRole(104, 700, heading=True, line_height=1.1),
    "figure": TypeRole(88, 700, heading=True, line_height=1.05),
    "h1": TypeRole(72, 700, heading=True, line_height=1.15),
    "h2": TypeRole(56, 700, heading=True, line_height=1.2),
    "h3": TypeRole(48, 700, heading=True, line_height=1.2),
    "lead": TypeRole(36, 400, line_height=1.45),
    "body": TypeRole(32, 400, line_height=1.5),
    "label": TypeRole(30, 700, letter_spacing=0.5),
    "caption": TypeRole(28, 400, letter_spacing=0.5),
}

#: Spacing in design units.
SPACE: dict[str, int] = {"xxs": 4, "xs": 8, "sm": 16, "md": 24, "lg": 40, "xl": 64, "xxl": 96}
#: Corner radii in design units.
RADIUS: dict[str, int] = {"sm": 12, "md": 20, "lg": 32, "xl": 48}
#: Components holding text grow with the type scale (large text: ×1.29 for ×1.4 text).
_TEXT_SIZED = ("button", "navbar", "key")
#: Component sizes in design units (scaled, then floored at the physical minimum).
SIZE: dict[str, int] = {
    "min_target": 64,
    "button": 96,
    "navbar": 136,
    "key": 150,
    "icon": 40,
    "tile_icon": 96,
    "page_margin": 64,
    "card_min_width": 520,
}


@dataclass(frozen=True)
class Theme:
    """Tokens resolved for one screen. Pass it to every widget; nothing else holds colours."""

    palette: Palette
    width: int
    height: int
    px_per_mm: float
    families: tuple[str, ...] = DEFAULT_FAMILIES
    modes: ModeSet = NO_MODES
    """The visitor's modes: the type scale, palette and motion follow them."""
    reach_top: int = 0
    """Top pixel row of the reachable band (reach mode moves every control below it)."""
    scale: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "scale", min(self.width, self.height) / DESIGN_SHORT_SIDE)

    # -- sizes ------------------------------------------------------------------------
    @property
    def landscape(self) -> bool:
        return self.width >= self.height

    def px(self, units: float) -> int:
        """Design units → device-independent pixels on this screen."""
        return max(1, round(units * self.scale))

    def mm(self, millimetres: float) -> int:
        """Millimetres on the configured physical panel → pixels (rounded up)."""
        return math.ceil(millimetres * self.px_per_mm)

    def space(self, name: str) -> int:
        return self.px(SPACE[name])

    def radius(self, name: str) -> int:
        return self.px(RADIUS[name])

    @property
    def min_target(self) -> int:
        """Smallest allowed tap target edge: 64 px at 1080p and 20 mm on the panel."""
        return max(self.px(SIZE["min_target"]), self.mm(20))

    def size(self, name: str) -> int:
        """A component size; interactive sizes never fall below :attr:`min_target`."""
        units = SIZE[name] * (self.text_scale ** 0.75 if name in _TEXT_SIZED else 1.0)
        value = self.px(units)
        if name in ("button", "key", "navbar", "min_target"):
            value = max(value, self.min_target + (self.px(32) if name == "navbar" else 0))
        return value

    # -- type -------------------------------------------------------------------------
    @property
    def text_scale(self) -> float:
        """The factor on the whole type scale (large-text mode: ×1.4)."""
        return self.modes.text_scale

    @property
    def reduced_motion(self) -> bool:
        return self.modes.reduced_motion

    @property
    def high_contrast(self) -> bool:
        return self.modes.high_contrast

    @property
    def reach(self) -> bool:
        """Reach mode with part of the screen out of reach."""
        return self.modes.reach and self.reach_top > 0

    def font_px(self, role: str) -> int:
        return self.px(TYPE_SCALE[role].size * self.text_scale)

    def font(self, role: str) -> QFont:
        from PySide6.QtGui import QFont

        spec = TYPE_SCALE[role]
        f = QFont()
        f.setFamilies(list(self.families))
        f.setPixelSize(self.font_px(role))
        f.setWeight(QFont.Weight(spec.weight))
        if spec.letter_spacing:
            f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spec.letter_spacing * self.scale * self.text_scale)
        f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return f

    # -- colours ----------------------------------------------------------------------
    def color(self, name: str, alpha: float = 1.0) -> QColor:
        from PySide6.QtGui import QColor

        c = QColor(getattr(self.palette, name))
        if alpha < 1.0:
            c.setAlphaF(max(0.0, alpha))
        return c


def px_per_mm(width: int, height: int, diagonal_in: float) -> float:
    """Logical pixels per millimetre for a panel of ``diagonal_in`` inches whose whole
    surface shows ``width``×``height`` logical pixels (the device pixel ratio cancels out)."""
    return math.hypot(width, height) / (diagonal_in * 25.4)


def build_theme(
    settings: Settings | None,
    size: tuple[int, int],
    *,
    families: tuple[str, ...] | list[str] | None = None,
    modes: ModeSet = NO_MODES,
    reach_top: int = 0,
) -> Theme:
    """The theme for a screen of ``size`` (logical px) from the content's settings, in
    the visitor's ``modes``."""
    if settings is None:  # the model (and pydantic) only when needed: see kiosk.boot
        from kiosk.content.model import Settings

        settings = Settings()
    w, h = size
    palette = Palette(**high_contrast_colours()) if modes.high_contrast else Palette.from_colours(settings.theme)
    return Theme(
        palette=palette,
        modes=modes,
        reach_top=reach_top,
        width=w,
        height=h,
        px_per_mm=px_per_mm(w, h, settings.screen_diagonal_in),
        families=tuple(families) if families else DEFAULT_FAMILIES,
    )
