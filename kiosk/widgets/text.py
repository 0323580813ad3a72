"""Plain-text layout for custom-painted widgets: wrap to a width, cap the line count with an
ellipsis, measure and draw. Text is never interpreted as markup."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

_LAYOUTS: OrderedDict[tuple[str, str, float, int, float], list[tuple[str, float]]] = OrderedDict()
_LAYOUTS_MAX = 4096


def layout_lines(
    text: str, font: QFont, width: float, max_lines: int = 0, line_height: float = 1.0
) -> list[tuple[str, float]]:
    """``text`` broken into lines that fit ``width``: ``[(line, y_offset), …]``.
    With ``max_lines`` the last kept line ends in an ellipsis when text was cut.
    Laid out once per (text, font, width, limits): painting again reuses the lines."""
    key = (text, font.key(), width, max_lines, line_height)
    hit = _LAYOUTS.get(key)
    if hit is not None:
        _LAYOUTS.move_to_end(key)
        return list(hit)
    lines = _layout_lines(text, font, width, max_lines, line_height)
    _LAYOUTS[key] = lines
    if len(_LAYOUTS) > _LAYOUTS_MAX:
        _LAYOUTS.popitem(last=False)
    return list(lines)


def _layout_lines(text: str, font: QFont, width: float, max_lines: int, line_height: float) -> list[tuple[str, float]]:
    fm = QFontMetricsF(font)
    step = fm.height() * line_height
    out: list[tuple[str, float]] = []
    for para in text.split("\n"):
        layout = QTextLayout(para, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            out.append((para[line.textStart() : line.textStart() + line.textLength()].rstrip(), 0.0))
        layout.endLayout()
    if max_lines and len(out) > max_lines:
        kept = out[:max_lines]
        last = kept[-1][0] + "…"
        kept[-1] = (fm.elidedText(last, Qt.TextElideMode.ElideRight, width), 0.0)
        if not kept[-1][0].endswith("…"):
            kept[-1] = (kept[-1][0] + "…", 0.0)
        out = kept
    return [(s, i * step) for i, (s, _) in enumerate(out)]


def text_height(text: str, font: QFont, width: float, max_lines: int = 0, line_height: float = 1.0) -> float:
    lines = layout_lines(text, font, width, max_lines, line_height)
    if not lines:
        return 0.0
    fm = QFontMetricsF(font)
    return lines[-1][1] + fm.height()


def draw_text(
    p: QPainter,
    text: str,
    font: QFont,
    color: QColor,
    x: float,
    y: float,
    width: float,
    *,
    max_lines: int = 0,
    line_height: float = 1.0,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> float:
    """Draw ``text`` wrapped to ``width`` with its top at ``y``; returns the height used."""
    lines = layout_lines(text, font, width, max_lines, line_height)
    if not lines:
        return 0.0
    fm = QFontMetricsF(font)
    p.setFont(font)
    p.setPen(color)
    for line, dy in lines:
        lx = x
        if align & Qt.AlignmentFlag.AlignHCenter:
            lx = x + (width - fm.horizontalAdvance(line)) / 2
        elif align & Qt.AlignmentFlag.AlignRight:
            lx = x + width - fm.horizontalAdvance(line)
        p.drawText(QPointF(lx, y + dy + fm.ascent()), line)
    return lines[-1][1] + fm.height()


def text_rect(text: str, font: QFont, x: float, y: float, width: float, **kw: object) -> QRectF:
    return QRectF(x, y, width, text_height(text, font, width, **kw))  # type: ignore[arg-type]
