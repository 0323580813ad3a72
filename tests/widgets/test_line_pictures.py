"""draw_line: big lines come from a kept picture that shows what a direct draw shows, at
any sub-pixel position, translation and device pixel ratio; moving text is drawn directly
and the kept pictures stay within their byte budget."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from kiosk.widgets import text

LINE = "青岛工业互联网 Plat·世界"
GOLD, BG = QColor("#f3b842"), QColor("#0b1626")


@pytest.fixture(autouse=True)
def _fresh_pictures():
    text.clear_line_pictures()
    yield
    text.clear_line_pictures()


def _font(px: int) -> QFont:
    from kiosk.app import register_fonts

    f = QFont()
    f.setFamilies(list(register_fonts()))
    f.setPixelSize(px)
    f.setWeight(QFont.Weight.Bold)
    return f


def _image(dpr: float) -> QImage:
    im = QImage(round(1400 * dpr), round(260 * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    im.setDevicePixelRatio(dpr)
    im.fill(BG)
    return im


def _paint(dpr, draw) -> np.ndarray:
    im = _image(dpr)
    p = QPainter(im)
    p.translate(7, 3)
    draw(p)
    p.end()
    return np.frombuffer(im.constBits(), np.uint8, im.sizeInBytes()).astype(np.int16)


@pytest.mark.parametrize("dpr", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("px", [72, 110])
@pytest.mark.parametrize("pos", [(10, 150), (10.3, 150.7), (33.55, 129.2)])
def test_kept_picture_shows_what_a_direct_draw_shows(qapp, dpr, px, pos):
    font = _font(px)

    def direct(p):
        p.setFont(font)
        p.setPen(GOLD)
        p.drawText(QPointF(*pos), LINE)

    def line(p):
        text.draw_line(p, LINE, font, GOLD, *pos)

    _paint(dpr, line)  # the first draw of a line is direct; the second comes from a picture
    assert text._RUNS == {} or dpr * px <= text.GLYPH_CACHE_PX
    kept = _paint(dpr, line)
    assert len(text._RUNS) == 1
    assert np.abs(kept - _paint(dpr, direct)).max() <= 10
    other = _paint(dpr, lambda p: text.draw_line(p, LINE, font, QColor("#ffffff"), *pos))
    assert (np.abs(other - kept) > 40).any(), "another colour reused the gold picture"


def test_small_text_and_moving_text_are_drawn_directly(qapp):
    small = _font(40)
    _paint(1.0, lambda p: [text.draw_line(p, LINE, small, GOLD, 10, 150) for _ in range(3)])
    assert not text._RUNS
    big = _font(90)
    _paint(1.0, lambda p: [text.draw_line(p, LINE, big, GOLD, 10 + i * 0.37, 150) for i in range(20)])
    assert not text._RUNS, "a line drifting across sub-pixel positions was kept frame by frame"


def test_pictures_stay_within_budget(qapp):
    big = _font(120)
    for i in range(400):
        line = f"{LINE} {i}"
        _paint(1.0, lambda p, s=line: [text.draw_line(p, s, big, GOLD, 10, 150) for _ in range(2)])
    assert text._runs_bytes <= text._RUNS_MAX_BYTES
    assert text._runs_bytes == sum(pm.width() * pm.height() * 4 for pm, _l, _t in text._RUNS.values())
    assert len(text._SEEN) <= text._SEEN_MAX
