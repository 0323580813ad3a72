"""A heartbeat that proves the screen: the watchdog is fed only while the window exists,
is shown and mapped, fills its screen and paints; a window lost for seconds ends the kiosk
(exit 75, restarted by the supervisor); an outside resize is undone. Offscreen with a fake
clock, and for real under Xvfb with xdotool (skipped when they are not installed)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRect

from kiosk.shell.frames import FrameMonitor
from kiosk.shell.screen_guard import ScreenGuard
from kiosk.watchdog import Heartbeat


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _guarded(window, qtbot):
    clock = Clock()
    frames = FrameMonitor(window, clock=clock)
    target = QRect(window.geometry())
    guard = ScreenGuard(window, frames, target=lambda: target, clock=clock, grace_s=5,
                        stale_s=3)
    lost: list[str] = []
    guard.lost.connect(lost.append)
    frames.request_frame()
    qtbot.waitUntil(lambda: frames.frames > 0)
    guard.check()
    assert guard.healthy(), guard.problems
    return guard, frames, clock, lost


def test_a_painting_full_screen_window_is_healthy(make_kiosk, qtbot):
    window = make_kiosk(size=(1280, 720))
    _guard, frames, _clock, _lost = _guarded(window, qtbot)
    assert frames.last_frame_wall_time is not None and "s ago" in frames.describe()
    assert FrameMonitor.of(window) is frames


def test_hidden_window_starves_the_watchdog_then_exits(make_kiosk, qtbot):
    window = make_kiosk(size=(1280, 720))
    guard, _frames, clock, lost = _guarded(window, qtbot)
    beat = Heartbeat(window, env={}, healthy=guard.healthy)
    window.hide()
    guard.check()
    assert not guard.healthy() and any("hidden" in p for p in guard.problems)
    beat._on_timer_timeout()
    assert beat.withheld == 1, "no WATCHDOG=1 while the screen is not there"
    clock.now += 2
    guard.check()
    assert lost == []
    clock.now += 4
    guard.check()
    assert len(lost) == 1 and "hidden" in lost[0]


def test_stale_frames_are_a_problem_until_a_frame_comes(make_kiosk, qtbot):
    window = make_kiosk(size=(1280, 720))
    guard, frames, clock, lost = _guarded(window, qtbot)
    clock.now += 10  # nothing painted for 10 s (a wedged paint path)
    guard.check()
    assert any("no frame painted" in p for p in guard.problems)
    qtbot.waitUntil(lambda: frames.age() == 0)  # check() asked for a frame
    guard.check()
    assert guard.healthy() and lost == []


def test_destroyed_window_exits(qtbot):
    from conftest import CONTENT, minimal_content_dict

    from kiosk.app import register_fonts
    from kiosk.content.model import Content
    from kiosk.shell import KioskWindow, ShellOptions, status_from_content

    status = status_from_content(Content.model_validate(minimal_content_dict()), CONTENT)
    window = KioskWindow(status, ShellOptions(kiosk_mode=True, size=(1280, 720)),
                         families=register_fonts())
    window.show()
    qtbot.waitExposed(window)
    guard, _frames, clock, lost = _guarded(window, qtbot)
    guard.setParent(None)  # like the app: the guard outlives the window
    window.destroy()  # the native window goes, the widget stays
    guard.check()
    assert not guard.healthy()
    window.shutdown()
    shiboken6.delete(window)
    guard.check()
    assert guard.problems == ["the window was destroyed"]
    clock.now += 6
    guard.check()
    assert lost == ["the window was destroyed"]


def test_outside_resize_is_undone(make_kiosk, qtbot):
    window = make_kiosk(size=(1280, 720))
    guard, _frames, _clock, _lost = _guarded(window, qtbot)
    guard.start()
    try:
        window.resize(800, 600)  # something outside shrinks the window
        qtbot.waitUntil(lambda: window.geometry() == guard._target())
        assert guard.reasserts == 1
        window.move(50, 50)
        qtbot.waitUntil(lambda: window.geometry() == guard._target())
        assert guard.reasserts == 2
    finally:
        guard.stop()


def test_first_frame_may_take_a_while_but_not_forever(make_kiosk):
    window = make_kiosk(size=(1280, 720))
    clock = Clock()
    frames = FrameMonitor(window, clock=clock)  # no frame seen yet by this monitor
    guard = ScreenGuard(window, frames, target=lambda: QRect(window.geometry()), clock=clock,
                        first_frame_s=60)
    assert not any("no frame painted" in p for p in guard.find_problems())
    clock.now += 61
    assert any("no frame painted" in p for p in guard.find_problems())
