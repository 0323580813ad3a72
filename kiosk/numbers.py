"""Every number the kiosk shows, formatted by one rule per language. No Qt.

- Chinese: below 10,000 plain digits (grouped: 1,000); from 10,000 up always 万, from
  100,000,000 up always 亿 — 3.5万 next to 18万, never 35,000 next to 18万.
- English: grouped digits (35,000 · 180,000 · 999,999); from a million up the scale word,
  as English news writes it (1.5 billion · 340 million). Fully grouped billions
  (1,500,000,000) were tried: a visitor has to count the groups, and the park's seven
  figures no longer fit their panel (4 rows instead of 3) nor 340,000,000 its quarter of
  the platform's figure band (504 px in 412 px).

Key figures, count-ups, chart bars and guides, the framework steps and the attract loop all
format through :func:`format_number`; :func:`split_figure` adds 约/about, 余/+ and the unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.model import Figure

#: Scale words per language, largest first: (size, word). Below the smallest: digits.
SCALES: dict[str, tuple[tuple[float, str], ...]] = {
    "zh": ((1e8, "亿"), (1e4, "万")),
    "en": ((1e9, "billion"), (1e6, "million")),
}
#: Decimals kept when a value is divided into a scale word and none were asked for.
SCALED_DECIMALS = 2


def _digits(value: float, decimals: int | None, *, grouped: bool = True) -> str:
    """``value`` (≥ 0) with ``decimals`` places, or whole if it is whole, else up to two
    places with trailing zeros trimmed."""
    sep = "," if grouped else ""
    if decimals is not None:
        return f"{value:{sep}.{decimals}f}"
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):{sep}}"
    return f"{value:{sep}.{SCALED_DECIMALS}f}".rstrip("0").rstrip(".")


def _places(decimals: int | None) -> int:
    return SCALED_DECIMALS if decimals is None else decimals


def format_number(value: float, lang: str, decimals: int | None = None) -> str:
    """``value`` the way one screen in ``lang`` shows every number: 3.5万 · 18万 · 15亿 /
    35,000 · 180,000 · 1.5 billion."""
    sign = "-" if value < 0 else ""
    v = abs(value)
    scales = SCALES["zh" if lang == "zh" else "en"]
    smallest = scales[-1][0]
    for size, word in scales:
        # Past the smallest scale, rounding decides the word: 99,999,999 reads 1亿, not 10000万.
        if v >= size or (v >= smallest and round(v / size, _places(decimals)) >= 1):
            scaled = _digits(v / size, decimals, grouped=lang != "zh")
            return f"{sign}{scaled}{word}" if lang == "zh" else f"{sign}{scaled} {word}"
    return sign + _digits(v, decimals)


def join_unit(number: str, unit: str, lang: str) -> str:
    """A number and its unit: 18万平方米 / 180,000 m²."""
    if not unit:
        return number
    return f"{number} {unit}" if lang == "en" else f"{number}{unit}"


def _parts(figure: Figure, lang: str) -> tuple[str, str, str, str]:
    """(约/about, number, scale word with 余/+, unit)."""
    text = format_number(figure.value, lang, figure.decimals)
    number, scale = text, ""
    for _, word in SCALES["zh" if lang == "zh" else "en"]:
        if text.endswith(word):
            number, scale = text[: -len(word)].rstrip(), word
            break
    if figure.plus:
        if lang == "zh":
            scale = "余" + scale  # 390余万, 300余人
        elif scale:
            scale += "+"  # 3.9 million+
        else:
            number += "+"  # 300+
    prefix = ("约" if lang == "zh" else "about") if figure.approx else ""
    unit = figure.unit.get(lang) if figure.unit else ""
    return prefix, number, scale, unit


def split_figure(figure: Figure, lang: str) -> tuple[str, str, str]:
    """A key figure as ``(prefix, number, rest)`` for a big number with small words around
    it: ("约", "3.5", "万平方米"), ("", "390", "余万"), ("about", "1.5", "billion yuan"),
    ("", "300+", "people")."""
    prefix, number, scale, unit = _parts(figure, lang)
    return prefix, number, join_unit(scale, unit, lang) if scale else unit


def format_figure(figure: Figure, lang: str) -> tuple[str, str]:
    """``(value, unit)`` for a key figure, with 约/about and 余/+ applied: ("约15亿", "元"),
    ("about 1.5 billion", "yuan")."""
    prefix, number, scale, unit = _parts(figure, lang)
    value = number + scale if lang == "zh" or not scale else f"{number} {scale}"
    if prefix:
        value = f"{prefix}{value}" if lang == "zh" else f"{prefix} {value}"
    return value, unit


def figure_text(figure: Figure, lang: str) -> str:
    """A key figure in one string: 约18万平方米 / about 180,000 m²."""
    value, unit = format_figure(figure, lang)
    return join_unit(value, unit, lang)
