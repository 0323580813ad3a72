"""Chart scales and labels without pyqtgraph: guide values, log decades, chart
label wrapping, fonts and series colours — shared by the chart view and its card,
and testable without importing pyqtgraph."""

from __future__ import annotations

import math

from PySide6.QtCore import QEasingCurve
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextLayout, QTextOption

from kiosk.theme import Theme
from kiosk.widgets.text import layout_lines

#: Category labels wrap to at most this many lines (the last one ends in "…" if cut).
MAX_LABEL_LINES = 3


def chart_font(theme: Theme, units: float, *, bold: bool = False) -> QFont:
    """A chart font in the bundled families (Latin first, CJK second) at ``units`` design px."""
    font = theme.font("caption")
    font.setPixelSize(theme.px(units))
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.0)
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return font


def series_colours(theme: Theme) -> list[QColor]:
    """The colours of a chart's series, in order (a single series uses the first, with
    its largest bar in the accent colour)."""
    pal = theme.palette
    return [QColor(c) for c in (pal.primary, pal.accent, pal.primary_soft, pal.text_muted)]


def nice_step(span: float, target: int = 4) -> float:
    """A 1/2/2.5/5 × 10ⁿ step that cuts ``span`` into about ``target`` intervals."""
    raw = max(span, 1e-12) / target
    mag: float = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * mag >= raw - 1e-12:
            return m * mag
    return 10 * mag


def linear_ticks(lo: float, hi: float, target: int = 4) -> list[float]:
    """Round guide values covering ``lo``…``hi`` (always including 0)."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi - lo <= 0:
        hi = lo + 1.0
    step = nice_step(hi - lo, target)
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    return [round(i * step, 10) for i in range(first, last + 1)]


def log_decades(lo: float, hi: float) -> list[int]:
    """The powers of ten covering ``lo``…``hi`` (positive values)."""
    return list(range(math.floor(math.log10(lo) + 1e-9), math.ceil(math.log10(hi) - 1e-9) + 1))


def _word_lines(text: str, font: QFont, width: float) -> list[str]:
    """Lines broken only where the language allows (spaces, after hyphens, between CJK
    characters); a word longer than ``width`` stays whole."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return [l for l in lines if l]


def wrap_label(text: str, font: QFont, width: float, max_lines: int = MAX_LABEL_LINES) -> str:
    """``text`` wrapped to ``width`` px as newline-separated lines (plain text): at word
    boundaries when that fits (a word may overhang by a few percent), else anywhere, and
    at most ``max_lines`` lines (the last ends in "…" when cut)."""
    width = max(1.0, width)
    fm = QFontMetricsF(font)
    lines = _word_lines(text, font, width)
    if len(lines) <= max_lines and all(fm.horizontalAdvance(l) <= width * 1.08 for l in lines):
        if len(lines) > 1:  # balance: the narrowest width that still gives as many lines
            lo, hi = fm.horizontalAdvance(text) / len(lines), width
            for _ in range(12):
                mid = (lo + hi) / 2
                if len(_word_lines(text, font, mid)) <= len(lines):
                    hi = mid
                else:
                    lo = mid
            lines = _word_lines(text, font, hi)
        return "\n".join(lines)
    return "\n".join(line for line, _ in layout_lines(text, font, width, max_lines))


def ease(t: float) -> float:
    return QEasingCurve(QEasingCurve.Type.OutCubic).valueForProgress(min(1.0, max(0.0, t)))
