"""The history page: a horizontal timeline by era, driven as a visitor would (synthetic touch)."""

from __future__ import annotations


import pytest
import touch
from conftest import ROOT, minimal_content_dict
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QScroller, QWidget

from kiosk.app import register_fonts
from kiosk.content.model import Content
from kiosk.sections import PageContext, create_page
from kiosk.sections.history.layout import card_body_lines
from kiosk.theme import build_theme
from kiosk.widgets.image import ImageLoader
from kiosk.widgets.labels import resolve

NAVBAR = 136
_hosts: list[QWidget] = []


@pytest.fixture(autouse=True)
def _drop_hosts():
    yield
    for host in _hosts:
        page = host.findChild(QWidget, "page-history")
        if page is not None:
            page.timeline.scroller.stop()
            page.finish_animations()
    _hosts.clear()


def build(qtbot, content: Content, *, lang: str = "en", size=(1920, 1080), base_dir=ROOT):
    """The page in a frameless host the size of the page area (screen minus the nav bar)."""
    theme = build_theme(content.kiosk, size, families=register_fonts())
    host = QWidget()
    host.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    qtbot.addWidget(host)
    host.resize(size[0], size[1] - theme.px(NAVBAR))
    page = create_page(content.section("history"), PageContext(theme, content, base_dir, lang, images=ImageLoader(host)), host)
    page.resize(host.size())
    host.show()
    qtbot.waitExposed(host)
    _hosts.append(host)
    return page


def finish(page) -> None:
    page.finish_animations()


def viewport_image(page) -> QImage:
    return page.timeline.viewport().grab().toImage()


def close_to(a: QColor, b: QColor, tolerance: int = 24) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tolerance


def fling_left(page, distance: int = 600) -> None:
    """A finger flicking right-to-left: 12 moves, 8 ms apart (a real finger's pace, which
    QScroller needs to measure the velocity; nothing here waits for a result)."""
    vp = page.timeline.viewport()
    y = vp.height() // 2
    x = vp.width() - 300
    touch.swipe(vp, (x, y), (x - distance, y), steps=12, wait_ms=8)


# -- building -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_shipped_history_builds_eras_chips_and_cards(qtbot, shipped, lang):
    page = build(qtbot, shipped, lang=lang)
    section = shipped.section("history")
    assert page.title_label.text() == section.title.get(lang)
    assert [c.texts for c in page.chips.chips] == [(e.period.get(lang), e.title.get(lang)) for e in section.eras]
    assert len(page.events) == sum(len(e.events) for e in section.eras) == 8
    assert page.chips.chips[0].is_checked and not any(c.is_checked for c in page.chips.chips[1:])
    # The first era's heading is where the strip begins, its first card right after it.
    tl = page.timeline
    assert tl.value == 0
    assert tl.era_rect(0).left() == tl.metrics.margin
    assert 0 in tl.visible_events(fully=True)
    # The label replaces the date for approximate dates; real dates are formatted.
    whens = [resolve(e.when, lang) for e in page.events]
    assert whens[0] == section.eras[0].events[0].label.get(lang)
    assert ("2020年6月28日" if lang == "zh" else "28 June 2020") in whens
    # Within an era, events run in date order.
    era3 = [e for e in page.events if e.era == 3]
    assert [resolve(e.title, "en") for e in era3][:2] == ["Six parks of 1,000 mu", "A three-year plan"]


def test_minimal_content_builds_and_scrolls(qtbot):
    page = build(qtbot, Content.model_validate(minimal_content_dict()))
    assert len(page.events) == 8 and len(page.chips.chips) == 1
    assert page.timeline.maximum > 0
    page.timeline.scroll_to(page.timeline.maximum, animated=False)
    assert page.timeline.visible_events()[-1] == 7


def test_every_card_fits_its_text_without_clipping(qtbot, shipped):
    page = build(qtbot, shipped)
    layout = page.timeline.ensure_layout()
    assert not any(s.clamped for s in layout.events)
    m = page.timeline.metrics
    for slot in layout.events:
        event = page.events[slot.index]
        for lang in ("zh", "en"):
            assert m.card_text_height(event, lang, slot.width - slot.visual.width() - 2 * m.pad) <= slot.height - 2 * m.pad
    # cards never overlap, and run left to right in timeline order
    rights = [s.right for s in layout.slots]
    lefts = [s.x for s in layout.slots]
    assert all(r < l for r, l in zip(rights, lefts[1:]))


# -- dragging -------------------------------------------------------------------------------


def test_drag_scrolls_the_timeline_with_momentum(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    states = []
    tl.scroller.stateChanged.connect(states.append)
    fling_left(page, 600)
    assert QScroller.State.Dragging in states
    # released: the timeline keeps moving on its own…
    assert tl.scroller.state() == QScroller.State.Scrolling
    qtbot.waitUntil(lambda: tl.value > 0, timeout=3000)
    moving = tl.value
    qtbot.waitUntil(lambda: tl.value > moving, timeout=3000)
    qtbot.waitUntil(lambda: tl.scroller.state() == QScroller.State.Inactive, timeout=5000)
    # …and ends further than the finger travelled (momentum), inside the strip.
    assert 600 < tl.value <= tl.maximum
    assert 0 not in tl.visible_events(fully=True)
    assert tl.pressed_event is None and not page.detail.isVisible()


def test_dragging_back_past_the_start_springs_back(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    vp = tl.viewport()
    touch.swipe(vp, (300, vp.height() // 2), (900, vp.height() // 2), steps=10)
    qtbot.waitUntil(lambda: tl.scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert tl.value == 0


def test_a_touch_during_a_fling_catches_it_without_opening_a_card(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    fling_left(page, 700)
    assert tl.scroller.state() == QScroller.State.Scrolling
    vp = tl.viewport()
    touch.tap(vp, (vp.width() // 2, vp.height() // 2))
    qtbot.waitUntil(lambda: tl.scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert not page.detail.isVisible()


def test_the_timeline_keeps_horizontal_swipes_from_changing_section(qtbot, make_kiosk, shipped):
    window = make_kiosk(shipped)
    window.show_screen("history")
    page = window.view.page("history")
    window.view.finish_animations()
    vp = page.timeline.viewport()
    touch.swipe(vp, (vp.width() - 200, vp.height() // 2), (200, vp.height() // 2), steps=10, wait_ms=8)
    qtbot.waitUntil(lambda: page.timeline.scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert window.view.current == "history"
    assert page.timeline.value > 0
    assert not page.allows_swipe_at(page.track.geometry().center())
    # a swipe over the page title does navigate (back home), so the checks above can fail
    y = page.title_label.geometry().center().y()
    touch.swipe(page, (200, y), (page.width() - 200, y), steps=10)
    assert window.view.current != "history"
    window.view.finish_animations()


# -- era chips ------------------------------------------------------------------------------


def test_tapping_an_era_chip_jumps_there_and_lights_the_chip(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    with qtbot.waitSignal(page.item_tapped) as tapped:
        touch.tap(page.chips.chips[3])
    assert tapped.args == ["era:new-golden-flower"]
    assert page.chips.chips[3].is_checked and not page.chips.chips[0].is_checked
    assert tl.jump.state() == tl.jump.State.Running  # an animated scroll…
    tl.jump.setCurrentTime(tl.jump.duration() // 2)
    assert 0 < tl.value < tl.era_target(3)
    assert page.chips.current == 3  # the chip does not flicker through the eras on the way
    tl.jump.setCurrentTime(tl.jump.duration())  # …that lands on the era
    qtbot.waitUntil(lambda: tl.jump.state() == tl.jump.State.Stopped, timeout=1000)
    first = next(i for i, e in enumerate(page.events) if e.era == 3)
    assert first in tl.visible_events(fully=True)
    assert tl.era_rect(3).left() == tl.metrics.margin
    assert tl.current_era == 3 and page.track.visible_span[0] > 0.3


def test_scrolling_by_hand_moves_the_lit_chip(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    tl.scroll_to(tl.era_target(2), animated=False)
    assert page.chips.current == 2 and page.chips.chips[2].is_checked
    tl.scroll_to(0, animated=False)
    assert page.chips.current == 0


# -- the position track ---------------------------------------------------------------------


def test_position_track_follows_the_scroll_and_jumps_where_tapped(qtbot, shipped):
    page = build(qtbot, shipped)
    tl, track = page.timeline, page.track
    width = tl.ensure_layout().width
    start, end = track.visible_span
    assert start == 0 and end == pytest.approx(tl.viewport().width() / width)
    tl.scroll_to(tl.maximum // 2, animated=False)
    assert track.visible_span[0] == pytest.approx(tl.value / width)
    # the handle is drawn where the window is
    handle = track.window_rect()
    assert handle.left() == pytest.approx(track.x_at(track.visible_span[0]), abs=2)
    before = track.grab().toImage()
    tl.scroll_to(0, animated=False)
    after = track.grab().toImage()
    assert before != after
    # one era segment per era, milestones marked
    assert len(track._segments) == 4 and len(track._marks) == 2
    # tap near the end: the timeline glides there
    touch.tap(track, (round(track.x_at(0.9)), track.height() // 2))
    assert tl.jump.state() == tl.jump.State.Running
    finish(page)
    centre = (track.visible_span[0] + track.visible_span[1]) / 2
    assert centre == pytest.approx(0.9, abs=0.02) or tl.value == tl.maximum
    # dragging along the track scrubs (no animation, follows the finger)
    touch.press(track, (round(track.x_at(0.1)), track.height() // 2))
    finish(page)
    touch.move(track, (round(track.x_at(0.5)), track.height() // 2))
    assert tl.jump.state() == tl.jump.State.Stopped
    assert (track.visible_span[0] + track.visible_span[1]) / 2 == pytest.approx(0.5, abs=0.02)
    touch.release(track, (round(track.x_at(0.5)), track.height() // 2))
    assert track.height() >= page.theme.min_target


# -- cards and the detail panel -------------------------------------------------------------


def test_featured_cards_stand_out(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    layout = tl.ensure_layout()
    featured = [s for s in layout.events if page.events[s.index].featured]
    plain = [s for s in layout.events if not page.events[s.index].featured]
    assert [s.index for s in featured] == [1, 6]  # the five golden flowers; 28 June 2020
    assert all(f.height > p.height for f in featured for p in plain)
    # amber frame on the featured card, a quiet line on the others (pixels)
    accent = page.theme.color("accent")
    for slot, is_featured in ((featured[0], True), (plain[1], False)):
        tl.scroll_to_event(slot.index, animated=False)
        rect = tl.event_rect(slot.index)
        image = viewport_image(page)
        edge = image.pixelColor(rect.left() + 1, rect.center().y())
        assert close_to(edge, accent, 40) is is_featured, (slot.index, edge.name())


def test_tapping_a_card_opens_the_detail_and_close_returns(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    rect = tl.event_rect(0)
    with qtbot.waitSignal(page.item_tapped) as tapped:
        touch.tap(tl.viewport(), rect.center())
    assert tapped.args == ["event:0"]
    finish(page)
    detail = page.detail
    assert detail.isVisible() and detail.index == 0
    event = page.events[0]
    assert detail.title_label.text() == resolve(event.title, "en")
    assert detail.text_label.text() == resolve(event.text, "en")
    assert detail.date_label.text() == "About a century ago"
    assert not detail.badge.isVisible()
    assert not detail.prev_button.isEnabled() and detail.next_button.isEnabled()
    # the whole text shows (no scrolling needed for the shipped texts)
    assert detail.scroller.verticalScrollBar().maximum() == 0
    assert detail.panel.geometry().bottom() < page.height()
    touch.tap(detail.next_button)
    assert detail.index == 1 and detail.badge.isVisible()
    assert detail.title_label.text() == resolve(page.events[1].title, "en")
    finish(page)  # the timeline glides to that card behind the panel…
    touch.tap(detail.close_button)
    assert not detail.isVisible()
    assert 1 in tl.visible_events(fully=True)  # …so closing lands on the card last read


def test_a_tap_on_the_dimmed_page_closes_the_detail(qtbot, shipped):
    page = build(qtbot, shipped)
    page.open_event(2, animate=False)
    detail = page.detail
    assert detail.isVisible()
    touch.tap(detail.panel)  # taps on the panel itself do nothing
    assert detail.isVisible()
    touch.tap(detail, (10, 10))
    assert not detail.isVisible()


def test_a_drag_that_starts_on_a_card_scrolls_instead_of_opening_it(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    rect = tl.event_rect(0)
    touch.press(tl.viewport(), rect.center())
    assert tl.pressed_event == 0  # pressed state shows at once
    touch.move(tl.viewport(), rect.center() - QPoint(200, 0))
    assert tl.pressed_event is None
    touch.release(tl.viewport(), rect.center() - QPoint(200, 0))
    qtbot.waitUntil(lambda: tl.scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert not page.detail.isVisible()


def test_mashing_with_many_fingers_is_harmless(qtbot, shipped):
    page = build(qtbot, shipped)
    window = page.window()
    origin = page.timeline.viewport().mapTo(window, QPoint(0, 0))
    pts = [(origin.x() + 300 + 200 * k, origin.y() + 200) for k in range(4)]
    frames = [[("press", k, p) for k, p in enumerate(pts)]]
    for step in range(1, 6):
        frames.append([("move", k, (x - 40 * step * (1 if k % 2 else -1), y)) for k, (x, y) in enumerate(pts)])
    frames.append([("release", k, (x, y)) for k, (x, y) in enumerate(pts)])
    touch.sequence(window, frames)
    qtbot.waitUntil(lambda: page.timeline.scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert not page.detail.isVisible() and page.timeline.pressed_event is None


def test_an_overlong_text_widens_its_card_and_reads_whole_in_the_detail(qtbot):
    data = minimal_content_dict()
    events = data["sections"][0]["eras"][0]["events"]
    long_en = " ".join(["The cluster grew year after year, firm after firm, street after street."] * 14)
    events[0] = {**events[0], "text": {"zh": "集聚区逐年壮大。" * 40, "en": long_en}}
    page = build(qtbot, Content.model_validate(data))
    tl = page.timeline
    layout = tl.ensure_layout()
    long_card, short_card = layout.events[0], layout.events[2]
    assert long_card.width > short_card.width
    assert long_card.clamped  # even the widest card cannot hold ~200 words…
    m = tl.metrics
    event = page.events[0]
    lines = card_body_lines(m, event, long_card, "en")
    tw = long_card.width - long_card.visual.width() - 2 * m.pad
    assert m.card_text_height(event, "en", tw, lines) <= long_card.height - 2 * m.pad  # …so it ends in "…"
    page.open_event(0, animate=False)
    detail = page.detail
    assert detail.text_label.text() == long_en  # the detail has all of it
    assert detail.panel.geometry().bottom() <= page.height()
    assert detail.scroller.verticalScrollBar().maximum() > 0  # and scrolls (kinetic) to show it


def test_pictures_load_off_thread_and_missing_ones_keep_the_motif(qtbot, tmp_path):
    data = minimal_content_dict()
    events = data["sections"][0]["eras"][0]["events"]
    events[0] = {**events[0], "image": "photo.png"}
    events[1] = {**events[1], "image": "missing.png"}
    photo = QImage(1200, 800, QImage.Format.Format_RGB32)
    photo.fill(QColor("#C03030"))
    assert photo.save(str(tmp_path / "photo.png"))
    page = build(qtbot, Content.model_validate(data), base_dir=tmp_path)
    tl = page.timeline
    slot = tl.ensure_layout().events[0]
    assert slot.visual.width() > tl.metrics.motif_w  # a picture gets a wider column than a motif
    viewport_image(page)  # first paint asks for the picture
    page.context.images.wait()
    qtbot.waitUntil(lambda: 0 in tl.cards.images, timeout=5000)
    rect = tl.event_rect(0)
    vis = slot.visual.translated(rect.topLeft())
    image = viewport_image(page)
    assert close_to(image.pixelColor(vis.center()), QColor("#C03030"))
    # the missing picture: the card still paints its motif (not an empty box)
    rect1 = tl.event_rect(1)
    vis1 = tl.ensure_layout().events[1].visual.translated(rect1.topLeft())
    colours = {image.pixelColor(vis1.left() + dx, vis1.top() + dy).name() for dx in range(5, vis1.width() - 5, 9)
               for dy in range(5, vis1.height() - 5, 23)}
    assert len(colours) > 10
    # the detail shows the picture large
    page.open_event(0, animate=False)
    page.context.images.wait()
    qtbot.waitUntil(lambda: page.detail.visual.loaded, timeout=5000)


# -- language, reset, deep links ------------------------------------------------------------


def test_language_switch_keeps_the_place_and_the_open_detail(qtbot, shipped):
    page = build(qtbot, shipped, lang="zh")
    tl = page.timeline
    tl.scroll_to(tl.era_target(2) + 150, animated=False)
    value, visible = tl.value, tl.visible_events()
    page.open_event(visible[0], animate=False)
    tl.scroll_to(value, animated=False)
    before = viewport_image(page)
    page.set_language("en")
    assert tl.value == value and tl.visible_events() == visible
    assert page.chips.current == 2
    assert page.detail.isVisible() and page.detail.title_label.text() == resolve(page.events[visible[0]].title, "en")
    assert page.chips.chips[2].texts == ("21st century", "Led by innovation")
    assert page.hint_label.text() == "Drag the timeline · tap a card for more"
    assert viewport_image(page) != before  # the cards were re-rendered in English


def test_idle_reset_returns_to_the_start(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    touch.tap(page.chips.chips[2])
    tl.jump.setCurrentTime(tl.jump.duration() // 3)  # mid-jump
    page.open_event(5, animate=True)
    fling_left(page)
    page.reset()
    assert tl.value == 0 and tl.scroller.state() == QScroller.State.Inactive
    assert tl.jump.state() == tl.jump.State.Stopped
    assert not page.detail.isVisible()
    assert page.chips.current == 0 and page.chips.chips[0].is_checked
    assert sum(c.is_checked for c in page.chips.chips) == 1
    assert page.track.visible_span[0] == 0 and page.track._current == 0


def test_the_kiosk_idle_reset_resets_the_timeline_and_its_language(qtbot, make_kiosk, shipped):
    window = make_kiosk(shipped)
    window.show_screen("history")
    window.view.finish_animations()
    page = window.view.page("history")
    touch.tap(page.chips.chips[3])
    window.view.finish_animations()
    window.view.language.set("en")
    touch.tap(page.timeline.viewport(), page.timeline.event_rect(3).center())
    assert page.detail.isVisible() and page.detail.index == 3 and page.lang == "en"
    window.reset()  # what the idle countdown does when it runs out
    assert page.timeline.value == 0 and not page.detail.isVisible()
    assert page.chips.current == 0 and page.lang == shipped.kiosk.default_language
    assert page.chips.chips[0].texts[0] == shipped.section("history").eras[0].period.get(page.lang)


def test_shown_page_reveals_its_cards_and_stops_when_hidden(qtbot, shipped):
    page = build(qtbot, shipped)
    tl = page.timeline
    page.on_shown()
    assert tl.reveal.state() == tl.reveal.State.Running
    tl.reveal.setCurrentTime(0)
    hidden = viewport_image(page)
    tl.reveal.setCurrentTime(tl.reveal.duration())
    shown = viewport_image(page)
    assert hidden != shown
    page.on_shown()
    page.on_hidden()
    assert tl.reveal.state() == tl.reveal.State.Stopped


def test_deep_links_open_eras_and_events(qtbot, shipped):
    page = build(qtbot, shipped)
    assert page.open_item("era:new-generation")
    assert page.chips.current == 2 and page.timeline.value == page.timeline.era_target(2)
    assert page.open_item("golden-flowers") and page.chips.current == 1
    assert page.open_item("event:6") and page.detail.index == 6
    assert not page.open_item("event:99") and not page.open_item("era:nope")


# -- orientations and scale -----------------------------------------------------------------


def test_4k_doubles_every_size(qtbot, shipped):
    hd = build(qtbot, shipped, size=(1920, 1080)).timeline.ensure_layout()
    uhd = build(qtbot, shipped, size=(3840, 2160)).timeline.ensure_layout()
    for a, b in zip(hd.slots, uhd.slots):
        assert b.width == pytest.approx(2 * a.width, abs=48)
        assert b.height == pytest.approx(2 * a.height, abs=4)


def test_tenfold_content_builds_and_scrolls(qtbot, scaled_10x):
    """300 events build as a painted view and scroll to the end; timings live in benchmarks/."""
    page = build(qtbot, scaled_10x[0])
    tl = page.timeline
    layout = tl.ensure_layout()
    assert len(page.events) >= 300 and len(layout.events) == len(page.events)
    # a painted view: no widget per event
    assert len(page.findChildren(QWidget)) < 80
    # paint at the far end, then jump by era and drag
    tl.scroll_to(tl.maximum, animated=False)
    viewport_image(page)
    assert tl.visible_events()[-1] == len(page.events) - 1
    assert page.chips.current == len(page.chips.chips) - 1
    touch.tap(page.chips.chips[1])
    finish(page)
    assert tl.era_rect(1).left() == tl.metrics.margin
    value = tl.value
    fling_left(page)
    qtbot.waitUntil(lambda: tl.scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert tl.value > value
    assert len(tl.cards.cache) < 40  # only what was on screen was rendered
