"""History in portrait: a vertical timeline (axis down the left, cards stacked), driven as
a visitor would (synthetic touch) and measured (no text past the edges, no blank screen)."""

from __future__ import annotations

import pytest
import touch
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QScroller
from test_history_page import build, finish

from kiosk.i18n import tr
from kiosk.sections.history.layout import text_width
from kiosk.sections.history.vertical import VerticalTimelineView

PORTRAIT = (1080, 1920)


def fling_up(page, distance: int = 600) -> None:
    """A finger flicking bottom-to-top at a real finger's pace."""
    vp = page.timeline.viewport()
    x = vp.width() // 2
    y = vp.height() - 200
    touch.swipe(vp, (x, y), (x, y - distance), steps=12, wait_ms=8)


@pytest.mark.parametrize("size", [PORTRAIT, (2160, 3840)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_portrait_is_a_vertical_timeline_full_of_uncut_cards(qtbot, shipped, size, lang):
    page = build(qtbot, shipped, lang=lang, size=size)
    tl = page.timeline
    assert isinstance(tl, VerticalTimelineView)
    lay = tl.ensure_layout()
    vp = tl.viewport().rect()
    m = tl.metrics
    for slot in lay.events:
        assert not slot.clamped  # each card is as tall as its text: nothing hidden
        r = slot.rect
        text = QRect(r.left() + m.pad, r.top() + slot.visual.height(), text_width(m, slot), r.height())
        assert text.left() >= 0 and text.right() <= vp.right(), slot.index
        assert r.left() >= 0 and r.right() <= vp.right()
    # cards stacked top to bottom, each below the previous
    tops = [s.top for s in lay.slots]
    assert tops == sorted(tops)
    # the view below the chips is mostly cards, not blank, wherever the visitor scrolls
    for value in (0, tl.maximum // 2, tl.maximum):
        tl.scroll_to(value, animated=False)
        covered = sum(
            max(0, min(s.top + s.height - tl.value, vp.height()) - max(s.top - tl.value, 0))
            for s in lay.visible(tl.value, tl.value + vp.height())
        )
        assert covered > 0.6 * vp.height(), value
    assert tl.viewport().width() == page.width()  # the strip spans the screen


def test_the_hint_says_what_the_timeline_does(qtbot, shipped):
    page = build(qtbot, shipped, lang="zh", size=PORTRAIT)
    assert page.hint_label.text() == tr("history.scroll_hint", "zh") == "上下滑动时间轴 · 轻触卡片查看详情"
    assert page.hint_label.geometry().right() <= page.width()


def test_dragging_up_scrolls_down_with_momentum(qtbot, shipped):
    page = build(qtbot, shipped, size=PORTRAIT)
    tl = page.timeline
    states = []
    tl.scroller.stateChanged.connect(states.append)
    fling_up(page, 600)
    assert QScroller.State.Dragging in states
    qtbot.waitUntil(lambda: tl.scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert 600 < tl.value <= tl.maximum
    assert tl.visible_span()[0] > 0
    assert tl.pressed_event is None and not page.detail.isVisible()
    # a sideways swipe over the vertical timeline is the section swipe's (no conflict)
    assert page.allows_swipe_at(tl.geometry().center())


def test_tapping_a_card_opens_its_detail(qtbot, shipped):
    page = build(qtbot, shipped, size=PORTRAIT)
    tl = page.timeline
    rect = tl.event_rect(0)
    assert tl.viewport().rect().contains(rect.center())
    with qtbot.waitSignal(page.item_tapped) as tapped:
        touch.tap(tl.viewport(), rect.center())
    assert tapped.args == ["event:0"]
    finish(page)
    assert page.detail.isVisible() and page.detail.index == 0
    touch.tap(page.detail.next_button)
    finish(page)
    touch.tap(page.detail.close_button)
    assert 1 in tl.visible_events()  # the timeline followed to the card last read


def test_an_era_chip_jumps_down_to_its_era(qtbot, shipped):
    page = build(qtbot, shipped, size=PORTRAIT)
    tl = page.timeline
    last = len(page.eras) - 1
    page.jump_to_era(last, animated=False)
    rect = tl.era_rect(last)
    assert 0 <= rect.top() < tl.viewport().height() // 3
    assert tl.current_era == last and page.chips.current == last
    first = next(i for i, e in enumerate(page.events) if e.era == last)
    assert first in tl.visible_events()
    tl.scroll_to(0, animated=False)
    touch.tap(page.chips.chips[1])
    finish(page)
    assert 0 <= tl.era_rect(1).top() < tl.viewport().height() // 3
    assert tl.current_era == 1


@pytest.mark.parametrize("size", [PORTRAIT, (2160, 3840)])
def test_era_chips_wrap_so_every_era_is_in_view_in_both_languages(qtbot, shipped, size):
    page = build(qtbot, shipped, lang="en", size=size)
    bar = page.chips
    heights = {}
    for lang in ("en", "zh"):
        page.set_language(lang)
        qtbot.waitUntil(lambda: bar.height() == bar.widget().layout().heightForWidth(bar.width()))
        assert not bar.scrollable and not page.chips_cue.has_more  # no sideways scroll
        assert not page.chips_cue.more.isVisible()  # and no arrow
        assert bar.rows <= 2
        view = bar.viewport().rect()
        for chip in bar.chips:
            r = chip.geometry().translated(bar.widget().pos())
            assert view.contains(r), (lang, chip.texts)  # whole chip on screen
            assert chip.height() >= page.theme.min_target
        heights[lang] = bar.height()
    # the same rows in both languages: the timeline below does not jump on a switch
    assert heights["en"] == heights["zh"]
    # nothing scrolls sideways there: the section swipe may start on the chips
    assert page.allows_swipe_at(bar.geometry().center())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cards_are_sized_for_the_language_shown(qtbot, shipped, lang):
    page = build(qtbot, shipped, lang=lang, size=PORTRAIT)
    tl = page.timeline
    m = tl.metrics
    for slot in tl.vlayout.events:
        text_w = slot.width - 2 * m.pad
        need = m.card_text_height(tl.events[slot.index], lang, text_w)
        blank = slot.height - slot.visual.height() - 2 * m.pad - need
        assert -1 <= blank <= 2, (slot.index, blank)  # no blank tail sized for the other language


def test_a_language_switch_keeps_the_card_in_view(qtbot, shipped):
    page = build(qtbot, shipped, lang="en", size=PORTRAIT)
    tl = page.timeline
    tl.scroll_to(tl.event_target(5), animated=False)
    en_height = tl.vlayout.events[5].height
    page.set_language("zh")
    assert tl.vlayout.events[5].height < en_height  # Chinese is shorter: the card shrank
    assert 5 in tl.visible_events()
    assert tl.event_rect(5).top() == pytest.approx(m_top(tl), abs=2)


def m_top(tl) -> int:
    """Where event_target puts a card's top in the viewport."""
    return tl.metrics.card_top + tl.theme.px(16)


@pytest.mark.parametrize("size", [PORTRAIT, (1920, 1080), (1366, 768), (3840, 2160)])
def test_the_scrubber_handle_is_as_big_as_its_hit_area(qtbot, shipped, size):
    page = build(qtbot, shipped, size=size)
    track = page.track
    hit = track.rect()
    assert hit.height() >= page.theme.min_target
    handle = track.window_rect()
    assert handle.height() == hit.height() and handle.width() >= page.theme.min_target
    assert hit.contains(handle.toAlignedRect())
    # painted: the outline spans the strip's height at the handle's centre
    image = track.grab().toImage()
    x = round(handle.center().x() * image.devicePixelRatio())
    rows = [y for y in range(image.height()) if image.pixelColor(x, y).lightness() > 150]  # the light outline
    assert rows and rows[0] <= 2 and rows[-1] >= image.height() - 3, (rows[:1], rows[-1:], image.height())


def test_the_swipe_hint_is_true_in_both_orientations(qtbot, shipped):
    """"Swipe the title to change topic": the title takes the section swipe in both; in
    portrait the vertical timeline and the wrapped chips do too, the track never."""
    for size in (PORTRAIT, (1920, 1080)):
        page = build(qtbot, shipped, size=size)
        assert page.swipe_hint_key == "history.swipe_hint"
        assert page.allows_swipe_at(page.title_label.geometry().center())
        assert not page.allows_swipe_at(page.track.geometry().center())
        over_timeline = page.allows_swipe_at(page.timeline.geometry().center())
        assert over_timeline == (size == PORTRAIT)
