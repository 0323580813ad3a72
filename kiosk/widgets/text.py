"""Plain-text layout for custom-painted widgets: wrap to a width, cap the line count with an
ellipsis, measure and draw. Text is never interpreted as markup.

Lines in glyphs larger than Qt's glyph cache takes (64 device pixels: headings at 4K, a
pressed tile's title) are drawn from a picture of the line once the same line has been drawn
at the same place twice, rendered per (text, font, colour, scale, sub-pixel phase to 1/64)
and kept in a small LRU bounded by bytes: Qt would fill their outlines again on every
paint. The picture is placed on whole device pixels with the line's fractional offset
rendered into it, so it shows the same pixels as a direct draw (within ±8 per channel on
edges); moving text never repeats its phase and is drawn directly.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPixmap,
    QTextLayout,
    QTextOption,
    QTransform,
)

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
        draw_line(p, line, font, color, lx, y + dy + fm.ascent())
    return lines[-1][1] + fm.height()


#: Glyphs above this many device pixels are outlines to Qt's raster engine (not cached).
GLYPH_CACHE_PX = 64


def outlined(font: QFont, dpr: float) -> bool:
    """Whether ``font`` at ``dpr`` is too big for Qt's glyph cache (filled on every paint)."""
    return QFontInfo(font).pixelSize() * dpr > GLYPH_CACHE_PX


_RUNS: OrderedDict[tuple[object, ...], tuple[QPixmap, int, int]] = OrderedDict()
_RUNS_MAX_BYTES = 16 << 20
_SEEN: OrderedDict[tuple[object, ...], None] = OrderedDict()
_SEEN_MAX = 1024
_runs_bytes = 0


def draw_line(p: QPainter, line: str, font: QFont, color: QColor, x: float, baseline: float) -> None:
    """``p.drawText`` of one line (pen and font set), big glyphs from a kept picture."""
    p.setFont(font)
    p.setPen(color)
    t = p.transform()
    dpr = p.device().devicePixelRatioF()
    if (not line or t.type().value > QTransform.TransformationType.TxTranslate.value
            or p.compositionMode() != QPainter.CompositionMode.CompositionMode_SourceOver
            or not outlined(font, dpr)):
        p.drawText(QPointF(x, baseline), line)
        return
    dev_x, dev_y = (x + t.dx()) * dpr, (baseline + t.dy()) * dpr
    ix, iy = math.floor(dev_x), math.floor(dev_y)
    phase = (round((dev_x - ix) * 64) / 64, round((dev_y - iy) * 64) / 64)
    key = (line, font.key(), QColor(color).rgba(), dpr, phase)
    hit = _RUNS.get(key)
    if hit is None:
        if key not in _SEEN:  # drawn once (or moving): direct; the second time, kept
            _SEEN[key] = None
            if len(_SEEN) > _SEEN_MAX:
                _SEEN.popitem(last=False)
            p.drawText(QPointF(x, baseline), line)
            return
        del _SEEN[key]
        hit = _render_line(line, font, QColor(color), dpr, phase)
        _keep(key, hit)
    else:
        _RUNS.move_to_end(key)
    pixmap, left, top = hit
    p.drawPixmap(QPointF((ix + left) / dpr - t.dx(), (iy + top) / dpr - t.dy()), pixmap)


def _render_line(
    line: str, font: QFont, color: QColor, dpr: float, phase: tuple[float, float]
) -> tuple[QPixmap, int, int]:
    """The line on a transparent picture whose origin is ``(left, top)`` device pixels
    from the baseline's whole-pixel origin."""
    ink = QFontMetricsF(font).boundingRect(line)
    pad = max(2, math.ceil(QFontInfo(font).pixelSize() * dpr * 0.15))
    left, top = math.floor(ink.left() * dpr) - pad, math.floor(ink.top() * dpr) - pad
    width = math.ceil(ink.right() * dpr) + pad + 1 - left
    height = math.ceil(ink.bottom() * dpr) + pad + 1 - top
    pixmap = QPixmap(max(1, width), max(1, height))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    q = QPainter(pixmap)
    q.setFont(font)
    q.setPen(color)
    q.drawText(QPointF((phase[0] - left) / dpr, (phase[1] - top) / dpr), line)
    q.end()
    return pixmap, left, top


def _keep(key: tuple[object, ...], hit: tuple[QPixmap, int, int]) -> None:
    global _runs_bytes
    _RUNS[key] = hit
    _runs_bytes += hit[0].width() * hit[0].height() * 4
    while _runs_bytes > _RUNS_MAX_BYTES and len(_RUNS) > 1:
        _, (old, _l, _t) = _RUNS.popitem(last=False)
        _runs_bytes -= old.width() * old.height() * 4


def clear_line_pictures() -> None:
    """Forget every kept line picture (tests; a theme's fonts changing is a key miss)."""
    global _runs_bytes
    _RUNS.clear()
    _SEEN.clear()
    _runs_bytes = 0


def text_rect(text: str, font: QFont, x: float, y: float, width: float, **kw: object) -> QRectF:
    return QRectF(x, y, width, text_height(text, font, width, **kw))  # type: ignore[arg-type]
