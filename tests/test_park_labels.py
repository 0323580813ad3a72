"""The park map's labels: every hotspot labelled in the visitor's language, at body size,
never over another label, a site marker, the caption card or a control; no text baked into
the plan picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from kiosk.sections.park.label_place import Request, place

ROOT = Path(__file__).resolve().parents[1]


def test_the_plan_picture_has_no_baked_text():
    svg = (ROOT / "assets" / "plan" / "park.svg").read_text(encoding="utf-8")
    assert "<text" not in svg


def test_placement_avoids_labels_and_obstacles():
    view = QRectF(0, 0, 400, 300)
    reqs = [Request("a", "building", QRectF(100, 100, 80, 60), (120, 40)),
            Request("b", "building", QRectF(110, 110, 80, 60), (120, 40)),
            Request("z", "zone", QRectF(50, 50, 300, 200), (160, 40))]
    boxes = place(reqs, view, [QRectF(300, 0, 100, 100)], inset=8, gap=6, margin=4)
    assert set(boxes) == {"a", "b", "z"}
    rects = list(boxes.values())
    for i, r in enumerate(rects):
        assert view.contains(r)
        assert not r.intersects(QRectF(300, 0, 100, 100))
        for other in rects[i + 1:]:
            assert not r.intersects(other)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_hotspot_is_labelled_clear_of_everything(make_kiosk, size, lang):
    from kiosk.shell import load_status

    win = make_kiosk(load_status(ROOT / "content.yaml"), size=size, kiosk_mode=False, lang=lang)
    win.show_screen("park")
    win.freeze_for_shot()
    page = win.view.page("park")
    plan = page.plan
    plan.grab()  # paint once
    QApplication.processEvents()
    layer = plan.layer
    section = win.view.content.section("park")
    assert set(layer.drawn_labels) == {h.id for h in section.hotspots}
    labels = list(layer.drawn_labels.items())
    for i, (key, box) in enumerate(labels):
        assert QRectF(plan.rect()).contains(box), key
        for other_key, other in labels[i + 1:]:
            assert not box.intersects(other), f"{key} overlaps {other_key}"
        for obstacle in layer.obstacles:
            assert not box.intersects(obstacle), f"{key} covers a control, note or marker"
    assert layer.name_font.pixelSize() >= page.theme.px(28) - 1
