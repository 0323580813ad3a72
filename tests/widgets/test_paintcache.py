"""Paint caches: rest-state pixmaps, text laid out once, snapshot transitions, heap tuning."""

from __future__ import annotations

import touch
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk import heap
from kiosk.widgets import text
from kiosk.widgets.paintcache import StateCache, render_pixmap


def test_state_cache_renders_once_per_state_size_and_ratio(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(120, 80)
    calls: list[str] = []

    def render(p: QPainter) -> None:
        calls.append("paint")
        p.fillRect(0, 0, 10, 10, QColor("red"))

    cache = StateCache(limit=2)
    first = cache.pixmap(w, ("rest", "zh"), render)
    assert cache.pixmap(w, ("rest", "zh"), render) is first
    assert len(calls) == 1
    cache.pixmap(w, ("rest", "en"), render)  # a language change misses
    w.resize(130, 80)  # and so does a size change
    resized = cache.pixmap(w, ("rest", "en"), render)
    assert len(calls) == 3
    assert len(cache) == 2  # bounded: the oldest state fell out
    assert resized.deviceIndependentSize().toSize() == QSize(130, 80)
    assert resized.devicePixelRatio() == w.devicePixelRatioF()


def test_rendered_pixmap_honours_the_device_pixel_ratio():
    pm = render_pixmap(QSize(50, 20), 2.0, lambda p: None)
    assert (pm.width(), pm.height(), pm.devicePixelRatio()) == (100, 40, 2.0)
    assert pm.toImage().pixelColor(0, 0).alpha() == 0  # transparent where nothing was drawn


def test_text_layout_is_reused_and_never_shared_mutably():
    font = QFont("Noto Sans", 20)
    a = text.layout_lines("one two three four five six", font, 80, max_lines=2)
    a.append(("intruder", 0.0))
    b = text.layout_lines("one two three four five six", font, 80, max_lines=2)
    assert ("intruder", 0.0) not in b
    assert b[-1][0].endswith("…")
    assert len(text._LAYOUTS) <= text._LAYOUTS_MAX


def test_tiles_repaint_from_their_rest_state_pixmap(make_kiosk, monkeypatch):
    win = make_kiosk(kiosk_mode=False)
    tile = next(iter(win.view.home.tiles.values()))
    tile.resize(400, 200)
    painted: list[int] = []
    real = tile._paint
    monkeypatch.setattr(tile, "_paint", lambda p: (painted.append(1), real(p)))
    first = tile.grab().toImage()
    assert tile.grab().toImage() == first
    assert len(painted) == 1 and len(tile._cache) == 1
    tile.set_language("en" if tile._lang == "zh" else "zh")
    tile.grab()
    assert len(painted) == 2  # the other language is drawn afresh
    tile._set_down(True)
    tile.grab()
    tile.grab()
    assert len(painted) == 4 and len(tile._cache) == 1  # pressed: live, never kept


def test_page_transition_slides_a_snapshot_and_lets_taps_through(make_kiosk):
    win = make_kiosk(kiosk_mode=False)
    view = win.view
    view.show_screen("home")
    view.finish_animations()
    section = view.content.sections[0].id
    view.show_screen(section)
    snap = view.stack.snapshot
    assert view.stack.animating and snap.isVisible()
    assert snap.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert view.stack.current_widget().pos().x() == 0  # the live page is already in place
    view.finish_animations()
    assert not snap.isVisible()
    buffer = snap._pixmap
    view.show_screen("home")
    view.finish_animations()
    assert snap._pixmap is buffer  # one buffer, reused by every transition
    touch.tap(win.findChild(QWidget, "nav-back"))
    view.finish_animations()
    assert view.current == "home"


def test_heap_tuning_is_harmless_to_call_twice():
    assert heap.return_large_buffers() == heap.return_large_buffers()


def test_snapshot_shows_the_new_page_whole_never_the_last_one(make_kiosk):
    """The home paints opaque and is captured without a background fill first: the
    reused buffer must not show the section captured before it anywhere."""
    import numpy as np
    from PySide6.QtGui import QImage

    def pixels(pixmap):
        img = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)
        return np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes()).astype(np.int16)

    win = make_kiosk(kiosk_mode=False)
    view = win.view
    view.show_screen("home")
    view.finish_animations()
    win.freeze_for_shot()
    for section in [s.id for s in view.content.sections]:
        page = view.show_screen(section) or view.stack.current_widget()  # transparent: over the background
        snap = view.stack.snapshot._pixmap
        fresh = QPixmap(snap.size())
        fresh.fill(QColor(win.theme.palette.background))
        page.render(fresh, renderFlags=QWidget.RenderFlag.DrawChildren)
        assert np.abs(pixels(snap) - pixels(fresh)).max() <= 2, section
        view.finish_animations()
        view.show_screen("home")  # captured into the buffer that holds the section
        snap = view.stack.snapshot._pixmap
        view.finish_animations()
        assert np.abs(pixels(snap) - pixels(view.home.grab())).max() <= 2, section
