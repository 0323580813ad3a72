"""The park page: the zoomable plan, hotspots → detail → partner, key figures, the
个十百千万 framework, reset and scale — driven by synthetic touch, as a visitor would."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import touch
from conftest import ROOT, minimal_content_dict, write_minimal_content
from PySide6.QtCore import QAbstractAnimation, QPoint, QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from kiosk import sections
from kiosk.content.model import Content
from kiosk.i18n import format_number
from kiosk.sections import PageContext
from kiosk.sections.park.plan_view import BUTTON_STEP, MAX_ZOOM
from kiosk.theme import build_theme

_hosts: list[QWidget] = []


@pytest.fixture(autouse=True)
def _drop_hosts():
    yield
    for host in _hosts:
        for page in host.findChildren(sections.SectionPage):
            page.finish_animations()
    _hosts.clear()


@pytest.fixture(scope="module", autouse=True)
def _fonts(families):
    """The bundled fonts registered, as in the kiosk: no test depends on another's fonts."""


def build(qtbot, content: Content, base_dir: Path = ROOT, *, lang: str = "zh", size=(1920, 1080)):
    """The park page in a host of the page area's size (the navbar takes the rest)."""
    theme = build_theme(content.kiosk, size)
    host = QWidget()
    qtbot.addWidget(host)
    w, h = size
    host.resize(w, h - theme.size("navbar"))
    section = next(s for s in content.sections if s.type == "park")
    page = sections.create_page(section, PageContext(theme, content, base_dir, lang), host)
    page.resize(host.size())
    host.show()
    qtbot.waitExposed(host)
    _hosts.append(host)
    return page


def covers_or_centres(plan) -> bool:
    """The plan fills the view along any axis where it is larger, and is centred where smaller."""
    r, vw, vh = plan.plan_rect(), plan.width(), plan.height()
    ok_x = (r.left() <= 0.5 and r.right() >= vw - 0.5) if r.width() >= vw else abs(r.center().x() - vw / 2) < 1
    ok_y = (r.top() <= 0.5 and r.bottom() >= vh - 0.5) if r.height() >= vh else abs(r.center().y() - vh / 2) < 1
    return ok_x and ok_y


def empty_point(plan) -> QPoint:
    """A point on the plan away from every hotspot (and the zoom buttons)."""
    buttons = [b.geometry() for b in (plan.zoom_in_button, plan.zoom_out_button, plan.fit_button)]
    for fy in (0.5, 0.7, 0.3, 0.9, 0.1):
        for fx in (0.45, 0.55, 0.35, 0.25, 0.65, 0.15):
            p = QPoint(round(plan.width() * fx), round(plan.height() * fy))
            reach = plan.theme.min_target
            near = [plan.hotspot_at(QPointF(p.x() + dx, p.y() + dy)) for dx in (-reach, 0, reach) for dy in (-reach, 0, reach)]
            if not any(near) and not any(g.adjusted(-20, -20, 20, 20).contains(p) for g in buttons):
                return p
    raise AssertionError("no empty point on the plan")


def finish(page) -> None:
    page.finish_animations()


def color_near(c: QColor, ref: QColor, tol: int = 40) -> bool:
    return abs(c.red() - ref.red()) <= tol and abs(c.green() - ref.green()) <= tol and abs(c.blue() - ref.blue()) <= tol


# -- building ---------------------------------------------------------------------------


def test_shipped_content_shows_plan_hotspots_figures_and_framework(qtbot, shipped):
    page = build(qtbot, shipped, lang="zh")
    section = shipped.section("park")
    plan = page.plan
    assert plan.has_plan and plan.isVisible()
    assert {s.id for s in plan.shapes} == {h.id for h in section.hotspots}
    assert abs(plan.zoom - 1) < 1e-6 and covers_or_centres(plan)
    # the whole plan is visible at rest, and its picture is really drawn
    r = plan.plan_rect()
    assert r.width() <= plan.width() + 1 and r.height() <= plan.height() + 1
    image = plan.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 40
    # hotspot names are drawn in Chinese at fit
    assert "park" in plan.layer.drawn_labels and "cruise-port" in plan.layer.drawn_labels
    # key figures, in the panel, every one visible without scrolling
    assert page.current_panel == "figures" and page.panels["figures"].isVisible()
    assert [t.figure for t in page.figure_tiles] == list(section.figures)
    viewport = page.panels["figures"].viewport()
    for tile in page.figure_tiles:
        top_left = tile.mapTo(viewport, QPoint(0, 0))
        assert tile.isVisible() and top_left.y() + tile.height() <= viewport.height() + 1, tile.text()
    # framework steps and tabs
    assert [i.key.zh for i in page.framework.stairs.items] == ["个", "十", "百", "千", "万"]
    assert page.tabs.isVisible() and page.tabs.keys == ["figures", "framework"]
    # landscape: plan on the left, panels on the right
    assert page.plan.geometry().right() < page.tabs.geometry().left()
    # every control is at least a fingertip
    mt = page.theme.min_target
    for b in (plan.zoom_in_button, plan.zoom_out_button, plan.fit_button, page.detail.close_button):
        assert b.width() >= mt and b.height() >= mt
    assert all(r.width() >= mt and r.height() >= mt for r in page.tabs.tap_targets())


def test_minimal_content_builds_with_one_panel_and_no_hotspots(qtbot, tmp_path):
    folder = tmp_path / "c"
    write_minimal_content(folder)
    content = Content.model_validate(minimal_content_dict())
    page = build(qtbot, content, folder, lang="en")
    assert page.plan.has_plan and not page.plan.shapes
    assert not page.tabs.isVisible() and page.panels["figures"].isVisible()
    assert page.framework is None and not page.legend.isVisible()
    assert len(page.figure_tiles) == 1 and "35,000" in page.figure_tiles[0].text()
    touch.tap(page.plan, empty_point(page.plan))  # tapping a plan without hotspots is harmless
    assert not page.detail.isVisible()


def test_polygon_and_site_hotspots_from_content(qtbot, tmp_path):
    """Hotspots are drawn from content coordinates: a polygon is hit inside its outline
    only, a small site is easy to hit near its marker, and names follow the language."""
    t = lambda zh, en: {"zh": zh, "en": en}  # noqa: E731
    data = minimal_content_dict()
    park = next(s for s in data["sections"] if s["type"] == "park")
    park["hotspots"] = [
        {"id": "wedge", "kind": "zone", "name": t("三角地", "The wedge"), "description": t("一块三角形的地。", "A triangle."),
         "polygon": [[100, 100], [900, 100], [100, 900]]},
        {"id": "kiosk", "kind": "site", "name": t("展厅", "Showroom"), "description": t("你在这里。", "You are here."),
         "rect": [1300, 700, 20, 20], "partners": ["haier"]},
    ]
    folder = tmp_path / "c"
    write_minimal_content(folder, data)
    content = Content.model_validate(data)
    page = build(qtbot, content, folder, lang="en")
    plan = page.plan
    inside = plan.map_from_plan(QPointF(250, 250)).toPoint()
    outside = plan.map_from_plan(QPointF(800, 800)).toPoint()  # in the bounding box, not the triangle
    assert plan.hotspot_at(QPointF(inside)) == "wedge" and plan.hotspot_at(QPointF(outside)) is None
    site = plan.map_from_plan(QPointF(1310, 710))
    near = site + QPointF(page.theme.min_target * 0.4, 0)  # a 20-unit site is ~13 px: a fingertip away still hits
    assert plan.hotspot_at(near) == "kiosk"
    touch.tap(plan, inside)
    assert page.detail.name_label.text() == "The wedge" and page.detail.kicker.text() == "Zone"
    touch.tap(plan, outside)
    assert not page.detail.isVisible()
    touch.tap(plan, near.toPoint())
    finish(page)
    assert page.selected_hotspot == "kiosk" and [c.text for c in page.detail.chips] == ["Haier"]
    assert page.legend.texts()[:2] == ["Zone", "Site"]
    page.set_language("zh")
    assert page.detail.name_label.text() == "展厅" and [c.text for c in page.detail.chips] == ["海尔"]


def test_broken_or_missing_svg_shows_the_placeholder(qtbot, tmp_path, shipped):
    (tmp_path / "assets" / "plan").mkdir(parents=True)
    (tmp_path / "assets" / "plan" / "park.svg").write_bytes(b"<svg><rect width='10' height=\x00 oops")
    for base in (tmp_path, tmp_path / "nowhere"):
        page = build(qtbot, shipped, base, lang="en")
        plan = page.plan
        assert not plan.has_plan
        image = plan.grab().toImage()
        assert image.width() == plan.width()
        # the hotspots still work over the placeholder
        touch.tap(plan, plan.hotspot_point("guangxingli").toPoint())
        assert page.selected_hotspot == "guangxingli" and page.detail.isVisible()
        finish(page)


def test_ten_times_content_builds_and_paints(qtbot, scaled_10x):
    content, folder = scaled_10x
    section = next(s for s in content.sections if s.type == "park")
    assert len(section.hotspots) == 100
    page = build(qtbot, content, folder)
    page.plan.grab()
    page.plan.zoom_to(MAX_ZOOM, animated=False)
    page.plan.grab()
    assert len(page.findChildren(QWidget)) < 150  # hotspots are painted, not widgets
    target = section.hotspots[57].id
    page.plan.zoom_to(1, animated=False)
    touch.tap(page.plan, page.plan.hotspot_point(target).toPoint())
    assert page.selected_hotspot == target


# -- the plan -----------------------------------------------------------------------------


def test_pinch_zooms_in_and_out_within_bounds(qtbot, shipped):
    page = build(qtbot, shipped)
    plan = page.plan
    centre = QPoint(round(plan.width() * 0.42), plan.height() // 2)  # fingers clear of the zoom buttons
    touch.pinch(plan, centre, 200, 560)
    assert plan.zoom == pytest.approx(560 / 200, rel=0.05)
    assert covers_or_centres(plan)
    touch.pinch(plan, centre, 100, 760)  # far beyond the maximum
    assert plan.zoom == pytest.approx(MAX_ZOOM)
    touch.pinch(plan, centre, 760, 40)  # far below "whole plan"
    assert plan.zoom == pytest.approx(1.0)
    assert covers_or_centres(plan)
    assert not page.detail.isVisible()  # a pinch is never a tap


def test_drag_pans_but_the_plan_can_never_be_lost(qtbot, shipped):
    page = build(qtbot, shipped)
    plan = page.plan
    plan.zoom_to(3, animated=False)
    c = plan.rect().center()
    before = plan.offset
    touch.swipe(plan, c, c + QPoint(-200, -120))
    assert plan.offset.x() == pytest.approx(before.x() - 200, abs=1)
    assert plan.offset.y() == pytest.approx(before.y() - 120, abs=1)
    for dx, dy in ((5000, 0), (-5000, 0), (0, 5000), (0, -5000), (4000, 4000)):
        touch.swipe(plan, c, c + QPoint(dx, dy), steps=6)
        assert covers_or_centres(plan), (dx, dy)
        assert plan.zoom == pytest.approx(3)
    # at "whole plan" a drag cannot move it at all
    plan.zoom_to(1, animated=False)
    rest = plan.plan_rect()
    touch.swipe(plan, c, c + QPoint(400, 300))
    assert plan.plan_rect() == rest
    assert not page.detail.isVisible()  # a drag is never a tap


def test_double_tap_zooms_in_around_the_finger(qtbot, shipped):
    page = build(qtbot, shipped)
    plan = page.plan
    p = empty_point(plan)
    under = plan.map_to_plan(QPointF(p))
    touch.tap(plan, p)
    touch.tap(plan, p)
    assert plan.animating
    finish(page)
    assert plan.zoom == pytest.approx(2.0)
    assert covers_or_centres(plan)
    # an inner point never meets the bounds at 2×, so it stays under the finger
    assert (plan.map_from_plan(under) - QPointF(p)).manhattanLength() < 3
    # a double tap at full zoom goes back to the whole plan
    plan.zoom_to(MAX_ZOOM, animated=False)
    touch.tap(plan, p)
    touch.tap(plan, p)
    finish(page)
    assert plan.zoom == pytest.approx(1.0)


def test_plus_minus_and_whole_plan_buttons(qtbot, shipped):
    page = build(qtbot, shipped)
    plan = page.plan
    assert plan.zoom_out_button.dimmed and not plan.zoom_in_button.dimmed
    touch.tap(plan.zoom_in_button)
    assert plan.animating  # smooth, not a jump
    mid = plan.anim.duration() // 2
    plan.anim.setCurrentTime(mid)
    assert 1.0 < plan.zoom < BUTTON_STEP
    finish(page)
    assert plan.zoom == pytest.approx(BUTTON_STEP)
    for _ in range(5):
        touch.tap(plan.zoom_in_button)
        finish(page)
    assert plan.zoom == pytest.approx(MAX_ZOOM) and plan.zoom_in_button.dimmed
    touch.tap(plan.zoom_out_button)
    finish(page)
    assert plan.zoom == pytest.approx(MAX_ZOOM / BUTTON_STEP)
    touch.tap(plan.fit_button)
    finish(page)
    assert plan.zoom == pytest.approx(1.0) and covers_or_centres(plan)
    assert not page.detail.isVisible()  # the buttons are not taps on the plan


def test_fingers_mashing_the_plan_never_wedge_it(qtbot, shipped):
    page = build(qtbot, shipped)
    plan = page.plan
    win = plan.window()
    o = plan.mapTo(win, QPoint(0, 0))
    w, h = plan.width(), plan.height()

    def at(fx: float, fy: float) -> tuple[int, int]:
        return (o.x() + round(w * fx), o.y() + round(h * fy))

    frames = [
        [("press", 0, at(0.3, 0.3))],
        [("move", 0, at(0.32, 0.3)), ("press", 1, at(0.6, 0.6))],
        [("stationary", 0, at(0.32, 0.3)), ("move", 1, at(0.8, 0.8)), ("press", 2, at(0.5, 0.2))],
        [("release", 0, at(0.32, 0.3)), ("move", 1, at(0.9, 0.9)), ("move", 2, at(0.1, 0.9))],
        [("move", 1, at(0.2, 0.2)), ("release", 2, at(0.1, 0.9))],
        [("press", 3, at(0.7, 0.4)), ("move", 1, at(0.25, 0.15))],
        [("release", 1, at(0.25, 0.15)), ("release", 3, at(0.7, 0.4))],
    ]
    touch.sequence(win, frames)
    assert 1.0 <= plan.zoom <= MAX_ZOOM and covers_or_centres(plan)
    assert not plan.interacting
    # and it still answers a plain tap
    touch.tap(plan, plan.hotspot_point("guangxingli").toPoint())
    assert page.selected_hotspot == "guangxingli"


def test_swipes_over_the_plan_do_not_change_section(qtbot, shipped):
    page = build(qtbot, shipped)
    assert not page.allows_swipe_at(page.plan.geometry().center())
    assert page.allows_swipe_at(page.tabs.geometry().center())
    assert page.allows_swipe_at(page.title_label.geometry().center())


# -- hotspots → detail → partner ----------------------------------------------------------


def test_tap_hotspot_opens_its_detail_in_the_current_language(qtbot, shipped):
    page = build(qtbot, shipped, lang="zh")
    plan = page.plan
    tapped: list[str] = []
    page.item_tapped.connect(tapped.append)
    rest = plan.grab().toImage()
    touch.press(plan, plan.hotspot_point("park").toPoint())
    assert plan.pressed_hotspot == "park"  # feedback while the finger is down…
    assert plan.grab().toImage() != rest  # …that the visitor can see
    touch.release(plan, plan.hotspot_point("park").toPoint())
    assert tapped == ["hotspot:park"]
    assert page.selected_hotspot == "park" and page.detail.isVisible()
    finish(page)
    d = page.detail
    assert d.name_label.text() == "青岛工业互联网产业园"
    assert d.kicker.text() == "区域"
    assert d.description_label.text().startswith("青岛首个")
    assert [c.text for c in d.chips][:3] == ["浪潮", "国人集团", "青岛理工"]
    assert any("18" in t and "平方米" in t for t in (tile.text() for tile in d.figure_tiles))
    # the detail replaces the figures in the right-hand column
    assert d.geometry().intersects(page.panels["figures"].geometry())
    # the hotspot is drawn amber on the plan
    image = plan.grab().toImage()
    r = plan.hotspot_rect("park")
    amber = page.theme.color("accent")
    edge = [image.pixelColor(round(r.right() - 40), round(r.top()) + dy) for dy in (-1, 0, 1)]
    assert any(color_near(c, amber) for c in edge)
    # another hotspot replaces it; the smaller building wins inside the zone
    touch.tap(plan, plan.hotspot_point("rd-hq").toPoint())
    assert page.selected_hotspot == "rd-hq" and d.name_label.text() == "研发与总部经济"
    assert tapped == ["hotspot:park", "hotspot:rd-hq"]


def test_tap_empty_plan_or_close_button_closes_the_detail(qtbot, shipped):
    page = build(qtbot, shipped)
    plan = page.plan
    touch.tap(plan, plan.hotspot_point("guangxingli").toPoint())
    assert page.detail.isVisible()
    touch.tap(plan, empty_point(plan))
    assert not page.detail.isVisible() and page.selected_hotspot is None
    assert page.panels["figures"].isVisible()
    touch.tap(plan, plan.hotspot_point("cruise-port").toPoint())
    finish(page)
    touch.tap(page.detail.close_button)
    assert not page.detail.isVisible() and page.selected_hotspot is None


def test_language_switch_keeps_zoom_selection_and_panel(qtbot, shipped):
    page = build(qtbot, shipped, lang="zh")
    plan = page.plan
    plan.zoom_to(2.2, plan.hotspot_point("pilot"), animated=False)
    offset = QPointF(plan.offset)
    touch.tap(plan, plan.hotspot_point("pilot").toPoint())
    finish(page)
    page.set_language("en")
    assert plan.zoom == pytest.approx(2.2) and plan.offset == offset
    assert page.selected_hotspot == "pilot" and page.detail.isVisible()
    assert page.detail.name_label.text() == "Pilot testing and R&D"
    assert page.detail.kicker.text() == "Building"
    assert page.title_label.text() == "The Industrial Internet Park"
    assert page.tabs.label("figures") == "Key figures"
    plan.grab()
    assert plan.layer.drawn_labels  # labels re-drawn in English
    assert "Pilot testing and R&D" in page.detail.texts()


def test_partner_chip_asks_for_the_partner_card(qtbot, shipped):
    page = build(qtbot, shipped, lang="en")
    asked: list[tuple[str, str]] = []
    page.navigate_requested.connect(lambda s, i: asked.append((s, i)))
    touch.tap(page.plan, page.plan.hotspot_point("guangxingli").toPoint())
    finish(page)
    partner = next(p for p in shipped.section("partners").partners if p.id == "design-center")
    chip = page.detail.chips[0]
    assert chip.text == (partner.short_name or partner.name).en  # the partner's (short) name
    assert chip.isVisible() and chip.height() >= page.theme.min_target
    touch.tap(chip)
    assert asked == [("partners", "design-center")]


def test_partner_chip_in_the_kiosk_opens_the_partners_page(make_kiosk, shipped):
    window = make_kiosk(shipped, size=(1920, 1080), lang="zh")
    view = window.view
    view.show_screen("park")
    view.finish_animations()
    page = view.page("park")
    assert view.current == "park"
    touch.tap(page.plan, page.plan.hotspot_point("park").toPoint())
    page.finish_animations()
    chip = next(c for c in page.detail.chips if c.property("partner_id") == "inspur")
    assert chip.isVisible()
    touch.tap(chip)
    assert view.current == "partners"
    view.finish_animations()
    # idle reset brings the park page back to its initial state
    view.reset()
    assert page.selected_hotspot is None and not page.detail.isVisible() and page.plan.zoom == pytest.approx(1)


# -- key figures and framework ---------------------------------------------------------------


def test_figures_count_up_to_the_content_values(qtbot, shipped):
    page = build(qtbot, shipped, lang="en")
    tiles = page.figure_tiles
    page.on_shown()
    running = [t.count.animation for t in tiles]
    assert all(a.state() == QAbstractAnimation.State.Running for a in running)
    assert all(t.value == 0 for t in tiles)
    for a in running:
        a.setCurrentTime(a.duration() // 3)
    big = next(t for t in tiles if t.figure.value == 3_000_000_000)
    assert 0 < big.value < 3_000_000_000
    finish(page)
    for tile in tiles:
        assert tile.value == tile.figure.value
    texts = [t.text() for t in tiles]
    assert "about 35,000 m² Land area" in texts
    assert "3 billion yuan Annual output (target)" in texts
    assert "300+ people Senior talent (target)" in texts
    page.set_language("zh")
    assert "约15亿元 总投资" in [t.text() for t in tiles]
    # shown again: counting again from zero
    page.on_hidden()
    page.on_shown()
    assert all(t.value == 0 for t in tiles)
    finish(page)


def test_framework_shows_five_rising_steps_and_a_tap_reads_one(qtbot, shipped):
    page = build(qtbot, shipped, lang="zh")
    section = shipped.section("park")
    tapped: list[str] = []
    page.item_tapped.connect(tapped.append)
    touch.tap(page.tabs, page.tabs.tab_rect("framework").center().toPoint())
    assert page.current_panel == "framework" and page.panels["framework"].isVisible()
    assert not page.panels["figures"].isVisible()
    stairs = page.framework.stairs
    assert stairs.grow.state() == QAbstractAnimation.State.Running  # blocks grow in
    finish(page)
    rects = [stairs.step_rect(i) for i in range(5)]
    assert all(rects[i].height() < rects[i + 1].height() for i in range(4))  # 1 → 10,000 rising
    assert all(r.width() >= page.theme.min_target for r in stairs.tap_targets())
    assert [stairs.count_text(i) for i in range(5)] == [format_number(c, "zh") for c in (1, 10, 100, 1000, 10000)]
    assert page.framework.title.text() == section.framework[0].title.zh
    touch.tap(stairs, rects[3].center().toPoint())
    assert page.framework.selected == 3 and tapped == ["framework:4"]
    assert page.framework.title.text() == section.framework[3].title.zh == "千亩园区发力"
    assert page.framework.text.text() == section.framework[3].text.zh
    # the selected block is amber
    image = stairs.grab().toImage()
    c = rects[3].center()
    assert color_near(image.pixelColor(round(c.x()), round(rects[3].bottom() - 10)), page.theme.color("accent_fill"))
    page.set_language("en")
    assert page.framework.title.text() == "Parks of 1,000 mu" and page.framework.selected == 3


# -- reset and layout ---------------------------------------------------------------------------


def test_idle_reset_restores_zoom_selection_panels_and_counts(qtbot, shipped):
    page = build(qtbot, shipped)
    plan = page.plan
    touch.pinch(plan, plan.rect().center(), 200, 500)
    touch.tap(plan, plan.hotspot_point("services").toPoint())
    page.show_panel("framework")
    page.framework.select(4)
    page.on_shown()
    page.reset()
    assert plan.zoom == pytest.approx(1.0) and covers_or_centres(plan) and not plan.animating
    assert page.selected_hotspot is None and not page.detail.isVisible()
    assert page.current_panel == "figures" and page.panels["figures"].isVisible()
    assert page.framework.selected == 0 and page.framework.stairs.progress == 1.0
    assert all(t.value == t.figure.value for t in page.figure_tiles)
    assert not [a for a in page.findChildren(QAbstractAnimation) if a.state() == QAbstractAnimation.State.Running]
    page.on_shown()  # the count-ups are ready to run again
    assert all(t.count.animation.state() == QAbstractAnimation.State.Running for t in page.figure_tiles)
    finish(page)


@pytest.mark.parametrize("size", [(1080, 1920), (3840, 2160)])
def test_portrait_and_4k_layouts_keep_everything_on_screen(qtbot, shipped, size):
    page = build(qtbot, shipped, lang="en", size=size)
    plan = page.plan
    page_rect = page.rect()
    for w in (page.title_label, plan, page.legend, page.tabs, page.panels["figures"]):
        assert page_rect.contains(w.geometry()), w
    if size[0] < size[1]:
        assert plan.geometry().bottom() < page.tabs.geometry().top()  # plan on top, panels below
        assert plan.width() > page.width() * 0.8
    else:
        assert plan.geometry().right() < page.tabs.geometry().left()
    touch.tap(plan, plan.hotspot_point("hightech").toPoint())
    finish(page)
    assert page_rect.contains(page.detail.geometry())
    assert page.detail.name_label.text() == "High-tech enterprises"
    mt = page.theme.min_target
    assert plan.zoom_in_button.width() >= mt and all(c.height() >= mt for c in page.detail.chips)
    assert covers_or_centres(plan)
    assert math.isclose(plan.zoom, 1.0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_narrow_framework_steps_shrink_their_counts_instead_of_eliding(qtbot, lang):
    """Large text in a short reach band leaves each step ≈ 90 px: "10,000" must still read
    in full (the characters and counts shrink, down to 60 % at most)."""
    from painted_text import recording_painted_text

    from kiosk.content import load_file
    from kiosk.sections.park.framework import FrameworkStairs
    from kiosk.theme.modes import ModeSet

    content = load_file(ROOT / "content.yaml").content
    section = next(s for s in content.sections if s.type == "park")
    theme = build_theme(content.kiosk, (1080, 1920), modes=ModeSet(large_text=True))
    stairs = FrameworkStairs(theme, section.framework, lang)
    qtbot.addWidget(stairs)
    stairs.resize(5 * 88, theme.px(260))
    stairs.finish_growing()
    with recording_painted_text() as log:
        stairs.grab()
    painted = {t.text for t in log.on(stairs)}
    counts = {stairs.count_text(i) for i in range(len(section.framework))}
    assert counts <= painted, f"elided: {sorted(counts - painted)}"
    assert not any("…" in t for t in painted)
