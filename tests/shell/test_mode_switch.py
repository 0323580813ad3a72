"""A visitor-mode switch behaves like the language switch (issue 16): the same screen, the
same way back, the same open panel and inner state, no flash, no memory left behind."""

from __future__ import annotations

import gc
import os

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication

from kiosk.content.model import Content
from kiosk.theme.modes import MODE_NAMES, NO_MODES, ModeSet
from tests.conftest import ROOT, _shutdown_and_check, minimal_content_dict


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


@pytest.fixture
def kiosk(qtbot):
    def make(content=None, *, size=(1920, 1080), lang="zh"):
        from kiosk.app import register_fonts
        from kiosk.content import load_file
        from kiosk.shell import KioskWindow, ShellOptions, status_from_content

        content = content or Content.model_validate(minimal_content_dict())
        if content == "shipped":
            content = load_file(ROOT / "content.yaml").content
        status = status_from_content(content, ROOT / "content.yaml")
        options = ShellOptions(size=size, lang=lang, system_modes=NO_MODES)
        window = KioskWindow(status, options, families=register_fonts())
        qtbot.addWidget(window, before_close_func=_shutdown_and_check)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def _walk(win, *screens):
    for key in screens:
        win.view.navigator.open(key)
    win.view.finish_animations()


def _freed():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_a_switch_on_a_deep_page_keeps_the_back_trail(kiosk):
    win = kiosk()
    _walk(win, "home", "history", "park", "partners")
    win.view.language.set("en")
    trail = win.view.navigator.history
    old = win.view
    win.modes.set("large_text", True)
    view = win.view
    assert view is not old and win.theme.text_scale > 1
    assert view.navigator.history == trail and view.current == "partners" and view.lang == "en"
    assert view.navbar.back.isVisible()
    view.navigator.back()  # Back returns to the page before, as before the switch
    assert view.current == "park"
    view.navigator.back()
    assert view.current == "history"


def test_a_switch_keeps_open_details_tabs_and_the_aa_panel(kiosk, qtbot):
    win = kiosk()
    _walk(win, "home", "history")
    win.view.page("history").open_event(2, animate=False)
    _walk(win, "park")
    park = win.view.page("park")
    park.show_panel("framework") if "framework" in park.panels else None
    _walk(win, "partners")
    win.view.page("partners").open_partner("haier")
    qtbot.mouseClick(win.view.navbar.modes, _left())
    panel = win.view.modes_overlay.modes_panel
    qtbot.mouseClick(panel.switches["high_contrast"], _left())

    view = win.view
    assert win.theme.high_contrast
    assert view.modes_overlay.isVisible() and view.modes_overlay.modes_panel.switches["high_contrast"].is_checked
    partners = view.page("partners")
    assert partners.detail.is_open and partners.detail.partner.id == "haier"
    assert "park" not in view.built_pages()  # the trail's other pages: built when Back reaches them
    view.navigator.back()
    view.finish_animations()
    assert view.page("park").current_panel == park.current_panel
    view.navigator.back()
    view.finish_animations()
    history = view.page("history")
    assert history.detail.index == 2 and not history.detail.isHidden()


def test_a_switch_keeps_the_scroll_position(kiosk):
    win = kiosk("shipped", size=(1080, 1920))
    _walk(win, "home", "partners")
    grid = win.view.page("partners").grid
    bar = grid.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    fraction = bar.value() / bar.maximum()
    win.modes.set("reduced_motion", True)
    bar = win.view.page("partners").grid.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() / bar.maximum() == pytest.approx(fraction, abs=0.02)


def test_the_switch_is_covered_by_the_old_look_then_fades(kiosk, qtbot):
    win = kiosk()
    _walk(win, "home", "park")
    win.modes.set("large_text", True)
    cover = win.switcher.cover
    assert cover is not None and cover.isVisible() and cover.geometry() == win.rect()
    assert cover is win.children()[-1] or all(  # on top of every rebuilt child
        not c.isWidgetType() or not c.isVisible() for c in win.children()[win.children().index(cover) + 1:])
    qtbot.waitUntil(lambda: win.switcher.cover is None)
    win.modes.set("reduced_motion", True)  # no cross-fade in reduced motion: it goes at once
    assert win.switcher.cover is None


def test_a_switch_on_the_attract_screen_just_rebuilds(kiosk):
    win = kiosk()
    assert win.view.current == "attract"
    win.modes.set_all(ModeSet(large_text=True))
    assert win.switcher.cover is None and win.view.current == "attract"


def test_the_idle_reset_clears_every_mode_and_the_trail(kiosk):
    win = kiosk()
    _walk(win, "home", "platform", "history")
    for name in MODE_NAMES:
        win.modes.set(name, True)
    assert win.modes.current == ModeSet(True, True, True, True)
    assert win.view.navigator.history == ("home", "platform", "history")
    win.reset()
    assert win.modes.current == NO_MODES
    assert not (win.theme.reach or win.theme.high_contrast or win.theme.reduced_motion)
    assert win.theme.text_scale == 1.0
    assert win.view.current == "attract" and win.view.lang == "zh"
    win.view.show_screen("home")
    assert win.view.navigator.history == ("home",)


@pytest.mark.parametrize("switches", [40, pytest.param(200, marks=pytest.mark.slow)])
def test_many_switches_leave_no_objects_or_memory_behind(kiosk, switches):
    win = kiosk()
    _walk(win, "home", "park", "partners")
    app = QApplication.instance()
    names = list(MODE_NAMES)

    def switch(n):
        for i in range(n):
            win.modes.toggle(names[i % len(names)])
            win.switcher.finish()
            if i % 10 == 9:
                _freed()
        _freed()

    switch(16)  # every combination once: fonts, icons and caches for each theme exist
    widgets, objects, rss = len(app.allWidgets()), len(win.findChildren(QObject)), rss_mb()
    switch(switches)
    assert win.modes.current == NO_MODES and win.view.current == "partners"
    assert len(app.allWidgets()) <= widgets + 5
    assert len(win.findChildren(QObject)) <= objects + 5
    assert rss_mb() - rss < 25, f"memory grew {rss_mb() - rss:.1f} MB over {switches} switches"


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
