"""Touch ergonomics: every control big enough on the configured panel, and no amount of
multi-finger mashing crashes or wedges the UI."""

from __future__ import annotations

import math

import pytest
import touch
from conftest import minimal_content_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QAbstractSlider, QLineEdit, QWidget

from kiosk.widgets.touch import TouchButton

SIZES = [(1920, 1080), (1080, 1920)]
SCREENS = ["home", "history", "park", "partners", "platform", "countdown", "pin", "admin"]


def min_edge_px(size: tuple[int, int], diagonal_in: float) -> float:
    """Computed here, independently of the theme: 64 px at 1080p scaled by the short side,
    and 20 mm on a panel of ``diagonal_in`` inches."""
    w, h = size
    px_per_mm = math.hypot(w, h) / (diagonal_in * 25.4)
    return max(64 * min(w, h) / 1080, 20 * px_per_mm)


def interactive_controls(win: QWidget) -> list[tuple[QWidget, list]]:
    found = []
    for w in win.findChildren(QWidget):
        if not w.isVisible() or w.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents):
            continue
        if isinstance(w, TouchButton):
            found.append((w, w.tap_targets()))
        elif isinstance(w, (QAbstractButton, QAbstractSlider, QLineEdit)):
            found.append((w, [w.rect()]))
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("diagonal", [55.0, 21.5])
def test_every_visible_control_is_big_enough(make_kiosk, size, diagonal):
    data = minimal_content_dict(screen_diagonal_in=diagonal)
    win = make_kiosk(data, size=size, kiosk_mode=False)
    need = min_edge_px(size, diagonal)
    checked = 0
    for screen in SCREENS:
        win.show_screen(screen)
        win.freeze_for_shot()
        controls = interactive_controls(win)
        assert controls, screen
        for widget, targets in controls:
            for r in targets:
                assert r.width() >= need - 0.5 and r.height() >= need - 0.5, (
                    f"{screen}: {widget.objectName() or type(widget).__name__} is "
                    f"{r.width():.0f}×{r.height():.0f}, needs {need:.0f}"
                )
                checked += 1
    assert checked > 20


def test_scroll_bars_are_indicators_not_controls(make_kiosk):
    win = make_kiosk()
    win.show_screen("history")
    for area in win.findChildren(QAbstractScrollArea):
        for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
            assert bar.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


def test_long_press_does_nothing_surprising(make_kiosk, qtbot):
    win = make_kiosk()
    win.show_screen("home")
    tile = win.findChild(QWidget, "tile-park")
    touch.press(tile)
    qtbot.wait(1200)  # hold the finger (an event-loop wait, not a sleep)
    from PySide6.QtWidgets import QApplication

    assert QApplication.activePopupWidget() is None
    touch.release(tile)
    assert win.view.current == "park"  # a long tap is still just a tap


def test_a_second_finger_does_not_confuse_a_button(make_kiosk):
    win = make_kiosk()
    win.show_screen("home")
    tile = win.findChild(QWidget, "tile-history")
    c = tile.rect().center()
    touch.sequence(win, [[("press", 0, tuple(tile.mapTo(win, c).toTuple()))]])
    touch.sequence(win, [[("press", 1, tuple(tile.mapTo(win, c + QPoint(30, 0)).toTuple()))]])
    touch.sequence(win, [[("release", 1, tuple(tile.mapTo(win, c + QPoint(30, 0)).toTuple()))]])
    touch.sequence(win, [[("release", 0, tuple(tile.mapTo(win, c).toTuple()))]])
    assert win.view.current == "history"


@st.composite
def touch_frames(draw, width: int, height: int):
    """A valid random multi-touch session: up to 5 fingers pressing, moving, lifting."""
    down: dict[int, tuple[int, int]] = {}
    frames = []
    for _ in range(draw(st.integers(1, 25))):
        frame = []
        action = draw(st.sampled_from(["press", "move", "release"]))
        free = [i for i in range(5) if i not in down]
        if action == "press" and free:
            tid = draw(st.sampled_from(free))
            pos = (draw(st.integers(0, width - 1)), draw(st.integers(0, height - 1)))
            down[tid] = pos
            frame.append(("press", tid, pos))
        elif action == "move" and down:
            for tid in list(down):
                pos = (draw(st.integers(0, width - 1)), draw(st.integers(0, height - 1)))
                down[tid] = pos
                frame.append(("move", tid, pos))
        elif down:
            tid = draw(st.sampled_from(sorted(down)))
            frame.append(("release", tid, down.pop(tid)))
        if frame:
            frames.append(frame)
    if down:
        frames.append([("release", tid, pos) for tid, pos in down.items()])
    return frames


def test_multi_finger_mashing_neither_crashes_nor_wedges(make_kiosk):
    win = make_kiosk(size=(1280, 720))
    win.show_screen("history")

    # derandomize: CI sees the same 60 sessions every run (one random run failed once and
    # could not be reproduced; the soak in tests/test_soak.py mashes with fixed seeds too)
    @settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(frames=touch_frames(win.width(), win.height()))
    def mash(frames):
        touch.sequence(win, frames)
        win.countdown.stop()
        if win.admin.is_open:
            win.admin.close()

    mash()
    # Still responsive: nothing is stuck pressed, and a plain tap navigates.
    win.view.finish_animations()
    assert not any(b.is_down for b in win.findChildren(TouchButton))
    win.show_screen("home")
    win.view.finish_animations()
    touch.tap(win.findChild(QWidget, "tile-platform"))
    assert win.view.current == "platform"
