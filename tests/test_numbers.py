"""One number style per language (kiosk.numbers): Chinese 万/亿 from 10,000 up, English
grouped digits and million/billion from a million up; key figures with 约/about, 余/+ and
units. Pure functions, no Qt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content.model import Figure, Text
from kiosk.numbers import figure_text, format_figure, format_number, join_unit, split_figure

NUMBERS = [
    # value, lang, decimals, expected
    (0, "zh", None, "0"),
    (15, "zh", None, "15"),
    (300, "zh", None, "300"),
    (1_000, "zh", None, "1,000"),
    (9_999, "zh", None, "9,999"),
    (10_000, "zh", None, "1万"),
    (20_000, "zh", None, "2万"),
    (35_000, "zh", None, "3.5万"),  # not 35,000 next to 18万
    (180_000, "zh", None, "18万"),
    (3_900_000, "zh", None, "390万"),
    (12_345_678, "zh", None, "1234.57万"),  # no grouping inside a 万 number
    (99_999_999, "zh", None, "1亿"),  # rounding picks the word: not 10000万
    (340_000_000, "zh", None, "3.4亿"),
    (1_500_000_000, "zh", None, "15亿"),
    (3_000_000_000, "zh", None, "30亿"),
    (-50_000, "zh", None, "-5万"),
    (12.5, "zh", None, "12.5"),
    (35_000, "zh", 1, "3.5万"),
    (0, "en", None, "0"),
    (15, "en", None, "15"),
    (1_000, "en", None, "1,000"),
    (35_000, "en", None, "35,000"),
    (180_000, "en", None, "180,000"),
    (999_999, "en", None, "999,999"),
    (3_900_000, "en", None, "3.9 million"),
    (999_999_999, "en", None, "1 billion"),
    (340_000_000, "en", None, "340 million"),
    (1_500_000_000, "en", None, "1.5 billion"),
    (3_000_000_000, "en", None, "3 billion"),
    (-50_000, "en", None, "-50,000"),
    (12.5, "en", None, "12.5"),
    (1234.5678, "en", None, "1,234.57"),
    (2.0, "en", 1, "2.0"),
]


@pytest.mark.parametrize(("value", "lang", "decimals", "expected"), NUMBERS)
def test_format_number(value, lang, decimals, expected):
    assert format_number(value, lang, decimals) == expected


def _fig(value, *, unit=None, approx=False, plus=False, decimals=None) -> Figure:
    return Figure(value=value, unit=Text(zh=unit[0], en=unit[1]) if unit else None,
                  label=Text(zh="标签", en="label"), approx=approx, plus=plus, decimals=decimals)


M2 = ("平方米", "m²")

FIGURES = [
    # figure, lang, split_figure, format_figure, figure_text
    (_fig(35_000, unit=M2, approx=True), "zh", ("约", "3.5", "万平方米"), ("约3.5万", "平方米"), "约3.5万平方米"),
    (_fig(35_000, unit=M2, approx=True), "en", ("about", "35,000", "m²"), ("about 35,000", "m²"), "about 35,000 m²"),
    (_fig(180_000, unit=M2, approx=True), "zh", ("约", "18", "万平方米"), ("约18万", "平方米"), "约18万平方米"),
    (_fig(1_500_000_000, unit=("元", "yuan"), approx=True), "zh", ("约", "15", "亿元"), ("约15亿", "元"), "约15亿元"),
    (_fig(1_500_000_000, unit=("元", "yuan"), approx=True), "en", ("about", "1.5", "billion yuan"),
     ("about 1.5 billion", "yuan"), "about 1.5 billion yuan"),
    (_fig(3_900_000, plus=True), "zh", ("", "390", "余万"), ("390余万", ""), "390余万"),
    (_fig(3_900_000, plus=True), "en", ("", "3.9", "million+"), ("3.9 million+", ""), "3.9 million+"),
    (_fig(300, unit=("人", "people"), plus=True), "zh", ("", "300", "余人"), ("300余", "人"), "300余人"),
    (_fig(300, unit=("人", "people"), plus=True), "en", ("", "300+", "people"), ("300+", "people"), "300+ people"),
    (_fig(340_000_000), "zh", ("", "3.4", "亿"), ("3.4亿", ""), "3.4亿"),
    (_fig(340_000_000), "en", ("", "340", "million"), ("340 million", ""), "340 million"),
    (_fig(70, unit=("家", "firms")), "zh", ("", "70", "家"), ("70", "家"), "70家"),
    (_fig(70, unit=("家", "firms")), "en", ("", "70", "firms"), ("70", "firms"), "70 firms"),
    (_fig(2.5, decimals=1), "en", ("", "2.5", ""), ("2.5", ""), "2.5"),
]


@pytest.mark.parametrize(("figure", "lang", "parts", "pair", "text"), FIGURES)
def test_figures(figure, lang, parts, pair, text):
    assert split_figure(figure, lang) == parts
    assert format_figure(figure, lang) == pair
    assert figure_text(figure, lang) == text


def test_join_unit():
    assert join_unit("18万", "平方米", "zh") == "18万平方米"
    assert join_unit("180,000", "m²", "en") == "180,000 m²"
    assert join_unit("15", "", "en") == "15"


def test_one_style_per_screen_in_each_language():
    """Every value of the park's and the platform's screens reads by the same rule: Chinese
    never shows grouped digits from 10,000 up, English groups digits below a million and
    says million/billion from there."""
    values = [35_000, 180_000, 1_500_000_000, 30, 70, 300, 3_000_000_000, 340_000_000, 3_900_000, 15, 60]
    for v in values:
        zh, en = format_number(v, "zh"), format_number(v, "en")
        assert (zh[-1] in "万亿") == (v >= 10_000), zh
        assert "," not in zh or v < 10_000, zh
        if v < 1_000_000:
            assert en == f"{v:,}"
        else:
            assert en.split()[-1] in ("million", "billion") and "," not in en, en


def test_widgets_and_i18n_share_the_one_function():
    """No second formatter: the widgets import this module's functions (read from their
    source, so this pure test imports no Qt)."""
    import kiosk.i18n

    assert kiosk.i18n.format_number is format_number
    assert kiosk.i18n.format_figure is format_figure
    root = Path(__file__).resolve().parent.parent / "kiosk"
    for rel in ("widgets/figure.py", "sections/park/figures.py"):
        source = (root / rel).read_text(encoding="utf-8")
        assert "from kiosk.numbers import split_figure" in source and "def split_figure" not in source, rel
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if path.name != "numbers.py":
            assert not re.search(r"def (format_number|chart_number|format_figure|split_figure)\b", source), path
