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
