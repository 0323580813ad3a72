"""Guided-tour mode: started from the admin panel, idle reset suspended up to a limit,
badge and jump row driven by synthetic touch, analytics recorded separately."""

from __future__ import annotations

import datetime as dt

import touch
from conftest import minimal_content_dict

from kiosk import analytics
from kiosk.clock import FakeClock, zone
from kiosk.shell.visits import VisitTracker

SH = zone("Asia/Shanghai")


class FakeRecorder:
    def __init__(self) -> None:
        self.events: list[tuple] = []

    def record(self, kind, **fields) -> None:
        self.events.append((kind, {k: v for k, v in fields.items() if v is not None}))


def content() -> dict:
    d = minimal_content_dict()
    d["schedule"] = {"timezone": "Asia/Shanghai"}
    d["guided"] = {"limit_minutes": 90}
    d["welcome"] = [{"greeting": {"zh": "热烈欢迎", "en": "Welcome"},
                     "start": "2026-12-01 09:00", "end": "2026-12-01 18:00"}]
    return d


def start_tour(make_kiosk):
    win = make_kiosk(content(), kiosk_mode=False, clock=FakeClock(dt.datetime(2026, 12, 1, 10, tzinfo=SH)))
    win.admin.open()  # windowed, no PIN: the panel opens directly
    touch.tap(win.admin.panel.guided_button)
    return win


def test_the_admin_panel_starts_a_tour(make_kiosk):
    win = start_tour(make_kiosk)
    assert win.guided.active and not win.admin.is_open
    assert win.view.current == "home"
    assert win.guided.bar.isVisible() and not win.guided.bar.is_open
    assert win.guided.tour.limit_timer.interval() == 90 * 60_000
    assert win.idle.inhibited and not win.quiet()


def test_idle_reset_is_suspended_up_to_the_limit(make_kiosk, qtbot):
    win = start_tour(make_kiosk)
    win.view.show_screen("park")
    win.idle.trigger()
    assert not win.countdown.isVisible()  # the guide talks as long as needed
    win.guided.tour.limit_reached()  # … up to the limit: then the normal countdown
    win.idle.trigger()
    assert win.countdown.isVisible()
    for _ in range(win.countdown.seconds):
        win.countdown.tick()
    assert not win.guided.active and win.view.current == "attract"
    assert not win.guided.bar.isVisible()


def test_the_jump_row(make_kiosk):
    win = start_tour(make_kiosk)
    bar = win.guided.bar
    touch.tap(bar.badge)
    assert bar.is_open and bar.chips["park"].isVisible() and bar.end_chip.isVisible()
    assert list(bar.chips) == ["welcome", "history", "park", "partners", "platform"]
    touch.tap(bar.chips["partners"])
    assert win.view.current == "partners" and not bar.is_open
    touch.tap(bar.badge)
    touch.tap(bar.chips["welcome"])
    assert win.view.current == "attract" and win.view.welcome.isVisible()
    assert win.guided.active and bar.isVisible()  # the tour goes on at the greeting
    assert bar.geometry().bottom() < win.height() * 0.2  # small, at the top
    touch.tap(win.view.welcome)
    assert win.view.current == "home"
    touch.tap(bar.badge)
    touch.tap(bar.end_chip)
    assert not win.guided.active and not bar.isVisible() and not win.idle.inhibited


def test_the_jump_row_fits_portrait(make_kiosk):
    win = make_kiosk(content(), kiosk_mode=False, size=(1080, 1920),
                     clock=FakeClock(dt.datetime(2026, 12, 1, 10, tzinfo=SH)))
    win.show_screen("guided")
    bar = win.guided.bar
    assert bar.is_open and bar.width() <= win.width()
    for chip in (*bar.chips.values(), bar.end_chip):
        assert bar.rect().contains(chip.geometry())


def test_guided_sessions_are_recorded_separately(make_kiosk):
    win = make_kiosk(content(), kiosk_mode=False, clock=FakeClock(dt.datetime(2026, 12, 1, 10, tzinfo=SH)))
    recorder = FakeRecorder()
    ticks = iter(range(0, 10_000, 5))
    tracker = VisitTracker(recorder, clock=lambda: next(ticks), parent=win)
    tracker.attach(win.view)
    win.guided.changed.connect(tracker.set_guided)
    win.show_screen("history")  # a self-guided visitor …
    win.admin.open()
    touch.tap(win.admin.panel.guided_button)  # … then a guide takes over
    win.view.show_screen("park")
    win.view.show_screen("attract")  # the welcome screen does not end a guided session
    win.guided.tour.stop()
    starts = [f for k, f in recorder.events if k == "session_start"]
    ends = [k for k, _ in recorder.events if k == "session_end"]
    assert [s.get("item") for s in starts] == [None, "guided"]
    assert len(ends) == 2


def test_summary_counts_guided_and_self_guided(tmp_path, capsys):
    from kiosk.cli import main

    db = tmp_path / "analytics.db"
    rec = analytics.Recorder(db, batch_seconds=0.01)
    for item in (None, None, "guided"):
        rec.record("session_start", screen="home", item=item)
        rec.record("session_end", seconds=30.0)
    rec.close()
    data = analytics.summary(db)
    assert data["sessions"] == 3 and data["sessions_guided"] == 1 and data["sessions_guided_today"] == 1
    assert main(["analytics", "--data-dir", str(tmp_path)]) == 0
    assert "guided tours: 1, self-guided: 2" in capsys.readouterr().out


def test_admin_statistics_show_both(make_kiosk, tmp_path):
    from kiosk.shell.admin_stats import AdminStats

    db = tmp_path / "analytics.db"
    rec = analytics.Recorder(db, batch_seconds=0.01)
    for item in (None, "guided"):
        rec.record("session_start", screen="home", item=item)
        rec.record("session_end", seconds=30.0)
    rec.close()
    win = make_kiosk()
    stats = AdminStats(win.theme, db, lambda key: win._screen_title(key), parent=win)
    stats.refresh()
    text = stats.headline.text()
    assert "自助参观 · self-guided 1" in text and "讲解导览 · guided 1" in text


def top_left_taps(win, n=5):
    from PySide6.QtCore import QPoint

    for _ in range(n):
        touch.tap(win, QPoint(10, 10))


def test_the_discreet_gesture_then_the_pin_starts_a_tour(make_kiosk):
    from PySide6.QtWidgets import QWidget

    from kiosk import pin

    pin.set_pin("2468")
    win = make_kiosk(content(), clock=FakeClock(dt.datetime(2026, 12, 1, 10, tzinfo=SH)))
    win.show_screen("park")
    top_left_taps(win)
    assert win.admin.pin_overlay.isVisible() and not win.guided.active
    for digit in "2468":
        touch.tap(win.findChild(QWidget, f"pin-key-{digit}"))
    touch.tap(win.findChild(QWidget, "pin-ok"))
    assert win.guided.active and not win.admin.is_open
    assert win.view.current == "home"


def test_the_gesture_can_be_switched_off(make_kiosk):
    data = content()
    data["guided"]["gesture"] = False
    win = make_kiosk(data, kiosk_mode=False, clock=FakeClock(dt.datetime(2026, 12, 1, 10, tzinfo=SH)))
    win.show_screen("park")
    top_left_taps(win)
    assert not win.guided.active and not win.admin.is_open
