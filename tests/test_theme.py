"""The theme: WCAG contrast for every colour pair the UI paints, the type scale, scaling
with the screen, and physical sizes from the panel diagonal."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.model import Settings
from kiosk.content.model import Theme as ThemeColours
from kiosk.theme import TYPE_SCALE, Palette, build_stylesheet, build_theme, contrast, px_per_mm
from kiosk.theme.color import ensure_contrast, luminance


def test_wcag_reference_values():
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert luminance("#FFFFFF") == pytest.approx(1.0)


def _check(palette: Palette) -> list[str]:
    return [
        f"{fg} on {bg}: {palette.ratio(fg, bg):.2f} < {need}"
        for fg, bg, need in palette.contrast_pairs()
        if palette.ratio(fg, bg) < need
    ]


def test_default_colours_pass():
    assert _check(Palette.from_colours(ThemeColours())) == []


def test_shipped_yaml_colours_pass():
    from kiosk.content import load_file

    colours = load_file(ROOT / "content.yaml").content.kiosk.theme
    assert _check(Palette.from_colours(colours)) == []


def test_body_text_gets_seven_to_one():
    pal = Palette.from_colours(ThemeColours())
    for bg in ("background", "surface", "surface_raised", "surface_pressed"):
        assert pal.ratio("text", bg) >= 7.0
    pairs = {(fg, bg): need for fg, bg, need in pal.contrast_pairs()}
    assert pairs[("text", "surface")] == 7.0
    assert min(pairs.values()) >= 4.5


hex_colour = st.integers(0, 0xFFFFFF).map(lambda v: f"#{v:06X}")


@settings(max_examples=300, deadline=None)
@given(bg=hex_colour, surface=hex_colour, primary=hex_colour, accent=hex_colour, text=hex_colour, muted=hex_colour)
def test_any_configured_colours_are_repaired_to_pass(bg, surface, primary, accent, text, muted):
    colours = ThemeColours(background=bg, surface=surface, primary=primary, accent=accent, text=text, text_muted=muted)
    assert _check(Palette.from_colours(colours)) == []


def test_repair_leaves_good_colours_alone_and_fixes_bad_ones():
    assert ensure_contrast("#FFFFFF", "#000000", 7) == "#FFFFFF"
    fixed = ensure_contrast("#777777", "#666666", 4.5)
    assert contrast(fixed, "#666666") >= 4.5


def test_type_scale_minimums_at_1080p():
    theme = build_theme(None, (1920, 1080))
    for role, spec in TYPE_SCALE.items():
        assert theme.font_px(role) >= (48 if spec.heading else 28), role
    assert theme.font_px("body") >= 28 and theme.font_px("h1") >= 48


@pytest.mark.parametrize("size,scale", [((1920, 1080), 1.0), ((1080, 1920), 1.0), ((3840, 2160), 2.0), ((1280, 720), 2 / 3)])
def test_sizes_scale_with_the_short_side(size, scale):
    theme = build_theme(None, size)
    assert theme.scale == pytest.approx(scale)
    assert theme.font_px("body") == round(TYPE_SCALE["body"].size * scale)
    assert theme.space("lg") == round(40 * scale)
    assert theme.landscape == (size[0] >= size[1])


def test_millimetres_follow_the_panel_diagonal():
    assert px_per_mm(1920, 1080, 55) == pytest.approx(1.577, abs=0.01)
    big = build_theme(Settings(screen_diagonal_in=55), (1920, 1080))
    small = build_theme(Settings(screen_diagonal_in=21.5), (1920, 1080))
    assert big.mm(20) == 32  # 20 mm on a 55" 1080p panel
    assert small.mm(20) >= 80
    assert big.min_target == 64  # the 64 px floor wins on a big panel
    assert small.min_target == small.mm(20)  # 20 mm wins on a small one
    assert small.size("button") >= small.min_target


def test_stylesheet_uses_only_theme_colours():
    theme = build_theme(None, (1920, 1080))
    sheet = build_stylesheet(theme)
    palette_values = {getattr(theme.palette, n).upper() for n in theme.palette.names()}
    used = {c.upper() for c in re.findall(r"#[0-9A-Fa-f]{6}\b", sheet)}
    assert used and used <= palette_values
    for role in TYPE_SCALE:
        assert f'QLabel[role="{role}"]' in sheet


def test_fonts_use_the_family_list_latin_first():
    theme = build_theme(None, (1920, 1080), families=("Noto Sans", "Noto Sans CJK SC"))
    assert theme.font("body").families() == ["Noto Sans", "Noto Sans CJK SC"]
    assert theme.font("body").pixelSize() == theme.font_px("body")
