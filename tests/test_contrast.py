"""Contrast of every text/background pair the UI paints, by the WCAG 2.x formula:
7:1 for body and label text, 4.5:1 for large display text, on plain fills, on gradients
(by their worst stop) and in selected and pressed states.

Why the worst stop is enough: a gradient interpolates each sRGB channel linearly between
two stops and relative luminance rises with every channel, so every pixel between two stops
has a luminance between theirs -- the contrast of text over the gradient is never below its
contrast on the worse stop.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kiosk.content.model import Theme as ThemeColours
from kiosk.theme.tokens import GRADIENTS, TEXT_PAIRS, TEXT_RATIOS, Palette

ROOT = Path(__file__).resolve().parent.parent
TEXT_TOKENS = {"text", "text_muted", "accent_text", "primary_text", "danger_text", "on_primary", "on_accent"}


def wcag_ratio(a: str, b: str) -> float:
    """The WCAG 2.x contrast ratio, written out here independently of kiosk.theme.color."""

    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    def lum(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def worst(palette: Palette, fg: str, bg: str) -> tuple[float, str]:
    """The lowest ratio of ``fg`` over ``bg`` (a token, or a gradient's stops) and where."""
    stops = GRADIENTS.get(bg, (bg,))
    return min((wcag_ratio(getattr(palette, fg), getattr(palette, s)), s) for s in stops)


def palettes() -> dict[str, Palette]:
    """The default palette and the one content.yaml's colours give (read with plain YAML:
    this test needs no loader, no Qt)."""
    data = yaml.safe_load((ROOT / "content.yaml").read_text(encoding="utf-8"))
    shipped = ThemeColours(**data["kiosk"]["theme"])
    return {"default": Palette.from_colours(ThemeColours()), "content.yaml": Palette.from_colours(shipped)}


def test_wcag_formula_reference_values():
    assert wcag_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert wcag_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert wcag_ratio("#F3F6FA", "#2666CB") == pytest.approx(5.04, abs=0.01)  # the old selected chip


@pytest.mark.parametrize("name", ["default", "content.yaml"])
def test_every_text_pair_meets_its_target(name):
    palette = palettes()[name]
    failures = []
    for fg, bg, role in TEXT_PAIRS:
        ratio, stop = worst(palette, fg, bg)
        if ratio < TEXT_RATIOS[role]:
            failures.append(f"{fg} ({role}) on {bg}/{stop}: {ratio:.2f} < {TEXT_RATIOS[role]}")
    assert failures == []


def test_targets_are_the_issue_s():
    assert TEXT_RATIOS == {"body": 7.0, "label": 7.0, "display": 4.5}


def test_the_failures_the_audit_found_are_fixed():
    pal = palettes()["content.yaml"]
    # selected states: white on the primary fill was 5.04:1
    assert wcag_ratio(pal.on_primary, pal.primary_fill) >= 7.0
    assert wcag_ratio(pal.on_primary, pal.primary_pressed) >= 7.0
    # figure labels on the platform's blue gradient were 5.96:1
    assert worst(pal, "text_muted", "figure_band")[0] >= 7.0
    # unselected chip second lines and case labels on raised cards were 6.41:1
    assert wcag_ratio(pal.text_muted, pal.surface_raised) >= 7.0
    assert wcag_ratio(pal.accent_text, pal.surface_raised) >= 7.0


def test_pressed_fills_still_look_pressed():
    pal = palettes()["content.yaml"]
    assert wcag_ratio(pal.primary_fill, pal.primary_pressed) > 1.25
    assert wcag_ratio(pal.accent_fill, pal.accent_pressed) > 1.1
    assert pal.surface_pressed not in (pal.surface, pal.surface_raised)


def test_the_declared_pairs_cover_the_palette():
    names = set(Palette.__dataclass_fields__)
    for fg, bg, role in TEXT_PAIRS:
        assert fg in TEXT_TOKENS and role in TEXT_RATIOS
        assert bg in names or bg in GRADIENTS, bg
    for stops in GRADIENTS.values():
        assert set(stops) <= names
    assert {fg for fg, _, _ in TEXT_PAIRS} == TEXT_TOKENS
    assert {bg for _, bg, _ in TEXT_PAIRS} >= set(GRADIENTS)  # every gradient has its text checked


def _gradient_stops_in_code() -> set[str]:
    """Palette tokens the code puts into gradients that carry text (``setColorAt`` with an
    opaque palette colour)."""
    found: set[str] = set()
    pattern = re.compile(r"setColorAt\([^,]+,\s*(?:QColor\()?(?:pal\.|_c\([a-z]+, \"|t\.color\(\")([a-z_]+)")
    for path in (ROOT / "kiosk").rglob("*.py"):
        found.update(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_gradient_colour_in_the_code_is_checked_somewhere():
    """A gradient stop the code paints must be a background some text pair checks (plain
    or as a gradient stop); decorative tints (primary, accent glows) carry no text."""
    checked = {bg for _, bg, _ in TEXT_PAIRS if bg not in GRADIENTS}
    checked |= {s for stops in GRADIENTS.values() for s in stops}
    decorative = {"primary", "accent"}
    missing = _gradient_stops_in_code() - checked - decorative
    assert missing == set()


def test_every_label_tone_has_its_pairs():
    sheet = (ROOT / "kiosk" / "theme" / "stylesheet.py").read_text(encoding="utf-8")
    tones = dict(re.findall(r'QLabel\[tone="([a-z]+)"\] \{\{ color: \{p\.([a-z_]+)\}', sheet))
    assert tones  # muted, accent, primary, danger
    fgs = {fg for fg, _, _ in TEXT_PAIRS}
    assert set(tones.values()) <= fgs
