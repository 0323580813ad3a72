"""Every number the kiosk shows, formatted by one rule per language. No Qt.

- Chinese: below 10,000 plain digits (grouped: 1,000); from 10,000 up always 万, from
  100,000,000 up always 亿 (3.5万 next to 18万, never 35,000 next to 18万).
- English: grouped digits at every size (35,000 · 180,000 · 1,500,000,000).

Key figures, count-ups, chart bars and guides, the framework steps and the attract loop all
format through :func:`format_number`; :func:`split_figure` adds 约/about, 余/+ and the unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.model import Figure

#: Chinese scale words, largest first: (size, word).
ZH_SCALES: tuple[tuple[float, str], ...] = ((1e8, "亿"), (1e4, "万"))
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
    35,000 · 180,000 · 1,500,000,000."""
    sign = "-" if value < 0 else ""
    v = abs(value)
    if lang == "zh":
        smallest = ZH_SCALES[-1][0]
        for size, word in ZH_SCALES:
            # From 10,000 up, rounding decides the word: 99,999,999 reads 1亿, not 10000万.
            if v >= size or (v >= smallest and round(v / size, _places(decimals)) >= 1):
                return f"{sign}{_digits(v / size, decimals, grouped=False)}{word}"
    return sign + _digits(v, decimals)


def join_unit(number: str, unit: str, lang: str) -> str:
    """A number and its unit: 18万平方米 / 180,000 m²."""
    if not unit:
        return number
    return f"{number} {unit}" if lang == "en" else f"{number}{unit}"


def _parts(figure: Figure, lang: str) -> tuple[str, str, str, str]:
    """(约/about, number, scale word and 余, unit)."""
    text = format_number(figure.value, lang, figure.decimals)
    number, scale = text, ""
    if lang == "zh" and text[-1:] in {w for _, w in ZH_SCALES}:
        number, scale = text[:-1], text[-1]
    if figure.plus:
        if lang == "zh":
            scale = "余" + scale  # 390余万, 300余人
        else:
            number += "+"
    prefix = ("约" if lang == "zh" else "about") if figure.approx else ""
    unit = figure.unit.get(lang) if figure.unit else ""
    return prefix, number, scale, unit


def split_figure(figure: Figure, lang: str) -> tuple[str, str, str]:
    """A key figure as ``(prefix, number, rest)`` for a big number with small words around
    it: ("约", "3.5", "万平方米"), ("", "390", "余万"), ("about", "1,500,000,000", "yuan"),
    ("", "3,900,000+", "")."""
    prefix, number, scale, unit = _parts(figure, lang)
    return prefix, number, (scale + unit if lang == "zh" else unit)


def format_figure(figure: Figure, lang: str) -> tuple[str, str]:
    """``(value, unit)`` for a key figure, with 约/about and 余/+ applied: ("约15亿", "元"),
    ("about 1,500,000,000", "yuan")."""
    prefix, number, scale, unit = _parts(figure, lang)
    value = number + scale
    if prefix:
        value = f"{prefix}{value}" if lang == "zh" else f"{prefix} {value}"
    return value, unit


def figure_text(figure: Figure, lang: str) -> str:
    """A key figure in one string: 约18万平方米 / about 180,000 m²."""
    value, unit = format_figure(figure, lang)
    return join_unit(value, unit, lang)
