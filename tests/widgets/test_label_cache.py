"""TextLabel paints big text from a cached picture: on every screen, in both languages and
orientations, what the visitor sees is what QLabel itself paints, and a changed text,
language, colour or count-up step never leaves the old picture on screen."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.widgets.labels import TextLabel
from kiosk.widgets.text import GLYPH_CACHE_PX

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ("home", "history", "park", "partners", "platform")
#: The two raster paths round antialiased edges a little differently (≤ 31 seen); a stale
#: or missing text differs by far more.
EDGE = 40


def _pixels(widget) -> np.ndarray:
    img = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes()).reshape(img.height(), -1).astype(np.int16)


def _live(widget) -> np.ndarray:
    TextLabel.cache_enabled = False
    try:
        return _pixels(widget)
    finally:
        TextLabel.cache_enabled = True


def _differ(a: np.ndarray, b: np.ndarray) -> int:
    return int((np.abs(a - b) > EDGE).sum())


@pytest.fixture
def kiosk(make_kiosk):
    from kiosk.shell import load_status

    def make(size=(1920, 1080), lang="zh"):
        win = make_kiosk(load_status(ROOT / "content.yaml"), size=size, kiosk_mode=False, lang=lang)
        return win

    return make


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cached_labels_paint_what_qlabel_paints(kiosk, size, lang):
    win = kiosk(size, lang)
    for screen in SCREENS:
        win.show_screen(screen)
        win.freeze_for_shot()
        QApplication.processEvents()
        cached = _pixels(win)
        big = [w for w in win.findChildren(TextLabel)
               if w.isVisible() and w.text() and w.font().pixelSize() > GLYPH_CACHE_PX]
        assert all(label._picture is not None for label in big), f"{screen}: a big label painted live"
        assert _differ(cached, _live(win)) == 0, f"{screen} ({lang}, {size}): cached text differs from QLabel's"


def test_label_never_shows_a_stale_picture(kiosk):
    win = kiosk()
    win.show_screen("platform")
    win.freeze_for_shot()
    QApplication.processEvents()
    title = win.view.page("platform").title_label
    assert title._picture is not None
    zh = _pixels(title)
    title.set_language("en")
    en = _pixels(title)
    assert _differ(en, zh), "the title still shows Chinese"
    assert _differ(en, _live(title)) == 0
    title.set_source("测试 · 新标题")
    assert _differ(_pixels(title), en) and _differ(_pixels(title), _live(title)) == 0
    title.setProperty("tone", "accent")  # a colour change through the stylesheet
    title.style().unpolish(title)
    title.style().polish(title)
    accent = _pixels(title)
    assert _differ(accent, _live(title)) == 0
    title.setProperty("tone", None)
    title.style().unpolish(title)
    title.style().polish(title)
    assert _differ(accent, _pixels(title)), "the title kept its old colour"
    title.resize(title.fontMetrics().horizontalAdvance(title.text()) * 2 // 3, title.height() * 3)  # rewraps
    assert _differ(_pixels(title), _live(title)) == 0


def test_count_up_steps_show_on_screen(kiosk):
    from kiosk.widgets.figure import FigureCard

    win = kiosk(lang="en")
    win.show_screen("platform")
    win.freeze_for_shot()
    QApplication.processEvents()
    card = next(c for c in win.findChildren(FigureCard) if c.isVisible() and c.figure.value >= 10)
    assert card.value._picture is not None
    final = _pixels(card)
    for step in (0.25, 0.5):
        card._on_count_value(card.figure.value * step)
        shown = _pixels(card)
        assert _differ(shown, final), f"the figure at {step:.0%} still shows its final value"
        assert _differ(shown, _live(card)) == 0
    card._on_count_value(card.figure.value)
    assert _differ(_pixels(card), final) == 0
