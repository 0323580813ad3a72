"""The attract screen: cycles the content's highlights, and nothing on it stays still long
enough to burn in."""

from __future__ import annotations

import pytest
from conftest import minimal_content_dict
from PySide6.QtCore import QRect


def test_highlights_cycle_with_the_configured_interval(make_kiosk):
    win = make_kiosk()
    attract = win.view.attract
    assert attract.interval == 5
    assert [attract.index_at(t) for t in (0, 4.9, 5.0, 9.9, 10.0)] == [0, 0, 1, 1, 0]
    attract.freeze(5.5)
    assert attract.current_highlight().title.en == "Platform"


def _cells_changed(images, cols=8, rows=6) -> list[tuple[int, int]]:
    w, h = images[0].width(), images[0].height()
    still = []
    for cx in range(cols):
        for cy in range(rows):
            r = QRect(cx * w // cols, cy * h // rows, w // cols, h // rows)
            crops = [img.copy(r) for img in images]
            if all(c == crops[0] for c in crops[1:]):
                still.append((cx, cy))
    return still


@pytest.mark.parametrize("size", [(960, 540), (540, 960)])
def test_no_region_stays_still_for_a_minute(make_kiosk, size):
    win = make_kiosk(minimal_content_dict(), size=size)
    attract = win.view.attract
    for start in (0.0, 137.0, 301.0):
        frames = []
        for dt in (0.0, 20.0, 40.0, 59.0):
            attract.freeze(start + dt)
            frames.append(attract.grab().toImage())
        assert _cells_changed(frames) == [], f"static regions in the minute after t={start}"


def test_elements_drift(make_kiosk):
    win = make_kiosk()
    a = win.view.attract
    for fn in (a.brand_origin, a.invitation_center):
        points = {(round(fn(t).x()), round(fn(t).y())) for t in range(0, 60, 10)}
        assert len(points) >= 5
    boxes = {tuple(round(v) for v in a.highlight_box(t).getRect()) for t in range(0, 60, 10)}
    assert len(boxes) >= 5
