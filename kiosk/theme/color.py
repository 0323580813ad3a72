"""Colour arithmetic for the theme: WCAG 2.x contrast and contrast repair. No Qt here.

Colours are ``#RRGGBB`` strings throughout, so tokens stay hashable, printable and testable.
"""

from __future__ import annotations

WHITE = "#FFFFFF"
BLACK = "#000000"


def _rgb(colour: str) -> tuple[int, int, int]:
    h = colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(r: float, g: float, b: float) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(max(0, min(255, round(v))) for v in (r, g, b)))


def luminance(colour: str) -> float:
    """WCAG relative luminance (0 = black, 1 = white)."""

    def lin(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two opaque colours, 1.0 … 21.0."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def mix(a: str, b: str, t: float) -> str:
    """``a`` blended towards ``b`` by ``t`` (0 = a, 1 = b)."""
    ra, ga, ba = _rgb(a)
    rb, gb, bb = _rgb(b)
    return _hex(ra + (rb - ra) * t, ga + (gb - ga) * t, ba + (bb - ba) * t)


def with_alpha(colour: str, alpha: float) -> str:
    """A QSS ``rgba(…)`` string for ``colour`` at ``alpha`` (0…1)."""
    r, g, b = _rgb(colour)
    return f"rgba({r}, {g}, {b}, {round(alpha * 255)})"


def ensure_contrast(fg: str, bg: str, ratio: float) -> str:
    """``fg`` moved towards white or black (whichever gains contrast on ``bg``) just far
    enough to reach ``ratio``. Returns ``fg`` unchanged when it already passes."""
    if contrast(fg, bg) >= ratio:
        return fg
    target = WHITE if contrast(WHITE, bg) >= contrast(BLACK, bg) else BLACK
    for step in range(1, 41):
        candidate = mix(fg, target, step / 40)
        if contrast(candidate, bg) >= ratio:
            return candidate
    return target


def ensure_fill(fill: str, fg: str, ratio: float) -> str:
    """A fill colour near ``fill`` on which ``fg`` reaches ``ratio``: the fill is pushed
    away from the text's lightness (darkened under light text, lightened under dark)."""
    if contrast(fg, fill) >= ratio:
        return fill
    target = BLACK if luminance(fg) > 0.18 else WHITE
    for step in range(1, 41):
        candidate = mix(fill, target, step / 40)
        if contrast(fg, candidate) >= ratio:
            return candidate
    return target


def readable_on(fill: str, *candidates: str, ratio: float = 4.5) -> str:
    """The first of ``candidates`` reaching ``ratio`` on ``fill``; else the best of them,
    repaired with :func:`ensure_contrast`."""
    for c in candidates:
        if contrast(c, fill) >= ratio:
            return c
    best = max(candidates or (WHITE, BLACK), key=lambda c: contrast(c, fill))
    return ensure_contrast(best, fill, ratio)
