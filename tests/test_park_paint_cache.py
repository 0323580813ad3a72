"""The park page's paint caches never show a stale state: the plan's rest frame and the
figure tiles follow the language, the selection, the pressed hotspot and the zoom, and a
cached frame is pixel-for-pixel the frame painted afresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.sections.park.plan_rest import paint_view, rest_key

ROOT = Path(__file__).resolve().parents[1]


def _grab(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def _fresh(size: QSize, dpr: float, draw) -> QImage:
    image = QImage(round(size.width() * dpr), round(size.height() * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    draw(p)
    p.end()
    return image


def _same(a: QImage, b: QImage) -> bool:
    return a.size() == b.size() and a.constBits().tobytes() == b.constBits().tobytes()


@pytest.fixture
def park(make_kiosk):
    from kiosk.shell import load_status

    win = make_kiosk(load_status(ROOT / "content.yaml"), size=(1920, 1080), kiosk_mode=False, lang="zh")
    win.show_screen("park")
    win.freeze_for_shot()
    QApplication.processEvents()
    return win.view.page("park")


def _plan_fresh(plan) -> QImage:
    """The plan view painted without its cache, composed over an opaque grab background."""
    return _fresh(plan.size(), plan.devicePixelRatioF(), lambda p: paint_view(plan, p))


def test_plan_rest_frame_is_reused_and_follows_every_change(park):
    plan = park.plan
    first = _grab(plan)
    renders = plan.rest.renders
    assert renders >= 1
    assert _same(_grab(plan), first)
    assert plan.rest.renders == renders, "an unchanged plan is blitted, not painted again"

    hotspot, other = [s.id for s in plan.shapes if s.kind == "building"][:2]
    steps = [
        ("language", lambda: plan.set_language("en")),
        ("selection", lambda: plan.set_selected(hotspot)),
        ("pressed", lambda: plan.set_pressed(other)),
        ("zoom", lambda: plan.zoom_to(2.0, animated=False)),
        ("pan", lambda: plan.set_view(plan.scale, plan.offset + QPointF(-40, -30))),
        ("caption", lambda: plan.set_caption("Somewhere else", "not to scale")),
    ]
    before = first
    for name, change in steps:
        change()
        after = _grab(plan)
        assert plan.rest.renders == renders + 1, f"{name}: the rest frame was not repainted"
        renders = plan.rest.renders
        assert not _same(after, before), f"{name}: the plan still shows the old state"
        before = after
    # the cached frame holds exactly what a fresh paint draws, and the labels laid out for it
    size, dpr = plan.size(), plan.devicePixelRatioF()
    cached = _fresh(size, dpr, lambda p: plan.rest.draw(p, rest_key(plan), size, dpr, lambda q: None))
    assert plan.rest.renders == renders
    assert _same(cached, _plan_fresh(plan))


def test_a_moving_plan_is_painted_live(park):
    plan = park.plan
    _grab(plan)
    renders = plan.rest.renders
    plan.zoom_to(2.0)  # animated
    assert plan.animating
    _grab(plan)
    assert plan.rest.renders == renders
    plan.anim.stop()


def test_figure_tiles_follow_language_and_count_up(park):
    tile = park.figure_tiles[0]
    park.show_panel("figures")
    QApplication.processEvents()
    zh = _grab(tile)
    assert len(tile._rest) == 1
    tile.set_language("en")
    en = _grab(tile)
    assert not _same(zh, en)
    fresh = _fresh(tile.size(), tile.devicePixelRatioF(), tile._draw)
    assert _same(_fresh(tile.size(), tile.devicePixelRatioF(), lambda p: p.drawPixmap(0, 0, tile._rest.pixmap(
        tile, ("en", tile.number_role), tile._draw))), fresh)
    tile._on_count_value(tile.figure.value / 2)  # mid count-up the tile paints live
    assert tile._shown is not tile.figure
    counting = _grab(tile)
    assert not _same(counting, en)
    tile.finish()
    assert _same(_grab(tile), en)


def test_a_hidden_plan_keeps_only_its_rest_frame(park):
    plan = park.plan
    shown = _grab(plan)
    renders = plan.rest.renders
    plan.hide()
    assert plan.picture._sharp is None and not plan.picture._bases
    plan.show()
    assert _same(_grab(plan), shown)
    assert plan.rest.renders == renders
    plan.set_language("en")  # the plan picture is rendered again when the frame changes
    assert not _same(_grab(plan), shown)
    assert plan.picture._sharp is not None
