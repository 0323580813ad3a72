"""The shell driven like a visitor would: synthetic touch on a real KioskWindow."""

from __future__ import annotations

import pytest
import touch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from kiosk.sections import SectionPage
from kiosk.widgets.labels import TextLabel


def visible(window: QWidget, name: str) -> bool:
    w = window.findChild(QWidget, name)
    return w is not None and w.isVisible()


def test_starts_on_the_attract_screen(make_kiosk):
    win = make_kiosk()
    assert visible(win, "attract")
    assert win.view.current == "attract"
    assert win.view.attract.frame_timer.isActive()  # it is animated
    assert not win.idle.timer.isActive()  # nothing to time out on attract


def test_touching_attract_opens_home_or_the_highlighted_section(make_kiosk):
    win = make_kiosk()
    win.view.attract.freeze(0.5)  # first highlight: section "history"
    touch.tap(win.view.attract)
    assert not visible(win, "attract")
    assert win.view.current == "history"
    assert win.view.navigator.history == ("home", "history")
    assert not win.view.attract.frame_timer.isActive()  # no animation while hidden
    win.view.navigator.reset()
    win.view.attract.freeze(5.5)  # second highlight: no section
    touch.tap(win.view.attract)
    assert win.view.current == "home"


@pytest.mark.parametrize("section_id", ["history", "park", "partners", "platform"])
def test_tapping_a_tile_shows_its_page_at_once(make_kiosk, section_id):
    win = make_kiosk()
    win.show_screen("home")
    win.view.finish_animations()
    tile = win.findChild(QWidget, f"tile-{section_id}")
    touch.tap(tile)
    page = win.findChild(QWidget, f"page-{section_id}")
    assert isinstance(page, SectionPage)
    # The page is current and visible right away: the transition runs afterwards.
    assert win.view.stack.current_widget() is page and page.isVisible()
    assert win.view.stack.animating
    assert page.section.id == section_id
    win.view.finish_animations()
    assert page.pos() == QPoint(0, 0)


def test_tile_shows_pressed_state_while_finger_is_down(make_kiosk):
    win = make_kiosk()
    win.show_screen("home")
    win.view.finish_animations()
    tile = win.findChild(QWidget, "tile-park")
    before = tile.grab().toImage()
    touch.press(tile)
    assert tile.is_down
    pressed = tile.grab().toImage()
    assert pressed != before
    touch.release(tile)
    assert not tile.is_down
    assert win.view.current == "park"


def test_a_tap_during_a_transition_is_not_lost(make_kiosk):
    win = make_kiosk()
    win.show_screen("home")
    win.view.finish_animations()
    touch.tap(win.findChild(QWidget, "tile-history"))
    assert win.view.stack.animating
    touch.tap(win.findChild(QWidget, "nav-home"))
    assert win.view.current == "home"


def test_nav_back_and_home(make_kiosk):
    win = make_kiosk()
    win.show_screen("home")
    touch.tap(win.findChild(QWidget, "tile-history"))
    win.view.finish_animations()
    touch.tap(win.findChild(QWidget, "nav-back"))
    assert win.view.current == "home"
    assert not visible(win, "nav-back") and not visible(win, "nav-home")
    touch.tap(win.findChild(QWidget, "tile-platform"))
    touch.tap(win.findChild(QWidget, "nav-home"))
    assert win.view.current == "home"


def test_swipe_left_opens_the_next_section_and_right_goes_back(make_kiosk):
    win = make_kiosk()
    win.show_screen("home")
    touch.tap(win.findChild(QWidget, "tile-history"))
    win.view.finish_animations()
    stack = win.view.stack
    mid = stack.height() // 12  # over the page headers: a timeline or a plan keeps its own swipes
    touch.swipe(stack, (stack.width() * 3 // 4, mid), (stack.width() // 4, mid))
    assert win.view.current == "park"
    win.view.finish_animations()
    touch.swipe(stack, (stack.width() // 4, mid), (stack.width() * 3 // 4, mid))
    assert win.view.current == "history"
    win.view.finish_animations()
    touch.swipe(stack, (stack.width() // 4, mid), (stack.width() * 3 // 4, mid))
    assert win.view.current == "home"


def test_short_or_vertical_drags_are_not_swipes(make_kiosk):
    win = make_kiosk()
    win.show_screen("history")
    win.view.finish_animations()
    stack = win.view.stack
    top = stack.height() // 12  # over the header, where swipes do change section
    touch.swipe(stack, (stack.width() // 2, top), (stack.width() // 2 - 40, top))  # too short
    touch.swipe(stack, (stack.width() // 2, top), (stack.width() // 2 - 260, top + 400))  # too steep
    assert win.view.current == "history"
    touch.swipe(stack, (stack.width() * 3 // 4, top), (stack.width() // 4, top))  # a real one
    assert win.view.current == "park"  # so the two above were refused by the detector


def test_swipe_on_home_does_nothing(make_kiosk):
    win = make_kiosk()
    win.show_screen("home")
    stack = win.view.stack
    mid = stack.height() // 2
    touch.swipe(stack, (stack.width() - 100, mid), (100, mid))
    assert win.view.current == "home"


def _page_texts(page: QWidget) -> list[str]:
    return [label.text() for label in page.findChildren(TextLabel) if label.text()]


def test_language_switch_keeps_the_page_and_changes_its_strings(make_kiosk):
    win = make_kiosk()
    win.show_screen("history")
    win.view.finish_animations()
    page = win.view.page("history")
    page.timeline.horizontalScrollBar().setValue(150)
    zh_texts = _page_texts(page)
    toggle = win.findChild(QWidget, "lang-toggle")
    touch.tap(toggle, toggle.segment_rect("en").center().toPoint())
    assert win.view.lang == "en"
    assert win.view.current == "history"  # in place, never home
    assert win.view.stack.current_widget() is page
    en_texts = _page_texts(page)
    assert "A century of industry" in en_texts and "工业百年" in zh_texts
    assert "工业百年" not in en_texts
    assert page.timeline.horizontalScrollBar().value() == 150  # the visitor stays where they were
    assert win.findChild(QWidget, "nav-back").text == "Back"
    # tapping the current language does nothing
    touch.tap(toggle, toggle.segment_rect("en").center().toPoint())
    assert win.view.lang == "en"
    touch.tap(toggle, toggle.segment_rect("zh").center().toPoint())
    assert win.view.lang == "zh" and win.findChild(QWidget, "nav-back").text == "返回"


def test_language_reaches_pages_built_later(make_kiosk):
    win = make_kiosk()
    win.show_screen("home")
    win.view.language.set("en")
    win.show_screen("partners")
    assert "Partners" in _page_texts(win.view.page("partners"))


def test_stable_object_names(make_kiosk, content_dict):
    win = make_kiosk()
    win.show_screen("home")
    for name in ("attract", "nav-home", "nav-back", "lang-toggle"):
        assert win.findChild(QWidget, name) is not None, name
    for section in content_dict["sections"]:
        assert win.findChild(QWidget, f"tile-{section['id']}") is not None
        win.show_screen(section["id"])
        assert win.findChild(QWidget, f"page-{section['id']}") is not None


def test_html_in_yaml_is_shown_as_plain_text(make_kiosk, content_dict):
    content_dict["sections"][0]["title"] = {"zh": "<b>粗</b>", "en": "<a href='https://x.example'>link</a>"}
    win = make_kiosk(content_dict)
    win.show_screen("history")
    page = win.view.page("history")
    title = page.title_label
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert title.text() == "<b>粗</b>"
    assert title.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    for label in win.findChildren(TextLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert not label.openExternalLinks()


def test_warm_up_builds_icons_then_every_page_without_blocking(make_kiosk, qtbot):
    win = make_kiosk()
    assert win.view.stack.built().keys() == {"home"}
    win.warm_up()
    assert all(tile.has_icon for tile in win.view.home.tiles.values())
    assert len(win.view.built_pages()) == 1  # one page now, the rest on later loop turns
    qtbot.waitUntil(lambda: win.view.warmed_up, timeout=3000)
    assert set(win.view.built_pages()) == {"history", "park", "partners", "platform"}
    assert win.view.current == "attract"  # warming up never navigates
