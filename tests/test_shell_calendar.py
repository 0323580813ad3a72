"""The calendar on screen, driven by an injected clock and synthetic touch: night mode at
closing time (after the visitor's countdown), waking on touch, exceptions, midnight,
welcome banners that wait for a quiet moment, hidden partners, display commands."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
import touch
from conftest import minimal_content_dict

from kiosk.clock import FakeClock, zone
from kiosk.shell.night import DRIFT_PERIOD_S

SH = zone("Asia/Shanghai")


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SH)


def calendar_content(**night) -> dict:
    d = minimal_content_dict()
    d["schedule"] = {
        "timezone": "Asia/Shanghai",
        "hours": {"mon-fri": "09:00-17:00", "sat": "22:00-02:00+1"},
        "exceptions": [{"date": dt.date(2026, 12, 25), "hours": "closed"}],
        "night": {"wake_minutes": 5, **night},
    }
    d["welcome"] = [{
        "greeting": {"zh": "热烈欢迎青岛市代表团莅临参观指导", "en": "A warm welcome to the Qingdao delegation"},
        "guest": {"zh": "青岛市代表团", "en": "Qingdao delegation"},
        "start": "2026-12-01 11:00", "end": "2026-12-01 12:00"}]
    return d


@pytest.fixture
def kiosk(make_kiosk):
    def make(start: dt.datetime, data: dict | None = None, **kw):
        clock = FakeClock(start)
        win = make_kiosk(data or calendar_content(), clock=clock, **kw)
        win.calendar.check()
        return win, clock

    return make


def visit(win, section: str = "history") -> None:
    win.show_screen("home")
    touch.tap(win.view.home.tiles[section])
    assert win.view.current == section


def test_closing_time_waits_for_the_visitor_then_rests(kiosk, qtbot):
    win, clock = kiosk(at(2026, 12, 1, 16, 59))
    night = win.calendar.night
    assert not night.resting
    visit(win)
    clock.set(at(2026, 12, 1, 17, 0))
    win.calendar.check()
    assert not night.resting and win.view.current == "history"  # never mid-visit
    win.idle.trigger()  # the usual idle timeout …
    assert win.countdown.isVisible()
    for _ in range(win.countdown.seconds):
        win.countdown.tick()  # … and the usual countdown
    qtbot.waitUntil(lambda: night.resting)
    assert win.calendar.screen.isVisible()


def test_a_touch_wakes_the_kiosk_for_a_while(kiosk, qtbot):
    win, _ = kiosk(at(2026, 12, 1, 20, 0))
    night = win.calendar.night
    qtbot.waitUntil(lambda: night.resting)
    touch.tap(win.calendar.screen)
    assert not night.resting and night.awake
    assert night.wake_timer.interval() == 5 * 60_000
    visit(win, "park")  # a late visitor browses
    night.wake_timer.stop()
    night.update()  # the wake time is over, but somebody is here
    assert not night.resting
    win.reset()
    qtbot.waitUntil(lambda: night.resting)


def test_opening_in_the_morning_ends_the_night(kiosk, qtbot):
    win, clock = kiosk(at(2026, 12, 2, 8, 59))
    qtbot.waitUntil(lambda: win.calendar.night.resting)
    clock.advance(minutes=1)
    win.calendar.check()
    assert not win.calendar.night.resting and not win.calendar.screen.isVisible()


@pytest.mark.parametrize(("moment", "resting"), [
    (at(2026, 12, 25, 11, 0), True),    # a Friday, closed by its exception
    (at(2026, 12, 5, 23, 30), False),   # Saturday night, open until 02:00
    (at(2026, 12, 6, 1, 59), False),    # … past midnight
    (at(2026, 12, 6, 2, 0), True),
    (at(2028, 2, 29, 10, 0), False),    # a leap day (a Tuesday)
])
def test_exceptions_midnight_and_leap_days(kiosk, qtbot, moment, resting):
    win, _ = kiosk(moment)
    win.calendar.night.update()
    assert win.calendar.night.resting is resting


def test_time_zone_setting(kiosk, qtbot):
    data = calendar_content()
    data["schedule"]["timezone"] = "Europe/Berlin"
    win, _ = kiosk(at(2026, 12, 1, 10, 0), data)  # 03:00 in Berlin
    qtbot.waitUntil(lambda: win.calendar.night.resting)


def test_a_banner_starting_during_a_visit_waits_for_a_quiet_moment(kiosk, qtbot):
    win, clock = kiosk(at(2026, 12, 1, 10, 59))
    assert win.view.welcome.banners == []
    visit(win)
    view = win.view
    clock.set(at(2026, 12, 1, 11, 0))
    win.calendar.check()
    qtbot.wait(10)
    assert win.view is view and win.view.current == "history"  # not under the visitor's finger
    win.reset()
    qtbot.waitUntil(lambda: win.view is not view)
    assert [b.guest.en for b in win.view.welcome.banners] == ["Qingdao delegation"]
    assert win.view.welcome.isVisible()  # the greeting leads the attract loop
    touch.tap(win.view.welcome)
    assert win.view.current == "home"
    strip = next(w for w in win.view.home.children() if w.objectName() == "welcome-strip")
    assert strip.isVisible()
    clock.set(at(2026, 12, 1, 12, 0))
    win.reset()
    win.calendar.check()
    qtbot.waitUntil(lambda: win.view.welcome.banners == [])


def test_welcome_lead_alternates_with_the_highlights(kiosk, qtbot):
    win, _ = kiosk(at(2026, 12, 1, 11, 30))
    lead, screen = win.view.welcome_lead, win.view.welcome
    assert screen.isVisible() and lead.timer.isActive()
    lead.advance()
    assert not screen.isVisible()  # one round of the usual highlights
    assert lead.timer.interval() == (1000 * 2 * 5)
    lead.advance()
    assert screen.isVisible()


def test_hidden_partner_links_degrade_gracefully(kiosk, qtbot):
    data = calendar_content()
    data["sections"][2]["partners"][0]["show_from"] = "2026-12-10"
    data["sections"][1]["hotspots"] = [{"id": "b1", "name": {"zh": "楼", "en": "B1"}, "rect": [1, 1, 10, 10],
                                        "description": {"zh": "楼。", "en": "A building."}, "partners": ["haier"]}]
    win, _ = kiosk(at(2026, 12, 1, 10, 0), data)
    assert win.view.content.section("partners").partners == []
    assert win.view.content.section("park").hotspots[0].partners == []
    for sid in ("park", "partners"):
        win.show_screen(sid)
        assert win.view.current == sid


def test_the_night_clock_drifts(kiosk, qtbot):
    win, clock = kiosk(at(2026, 12, 1, 20, 0))
    screen = win.calendar.screen
    qtbot.waitUntil(screen.isVisible)
    a = screen.block_origin(clock.now())
    b = screen.block_origin(clock.now() + dt.timedelta(seconds=60))
    assert (a - b).manhattanLength() >= 2  # nothing stays put for a minute
    far = [screen.block_origin(clock.now() + dt.timedelta(seconds=s)) for s in range(0, int(DRIFT_PERIOD_S[0]), 60)]
    assert max(p.x() for p in far) - min(p.x() for p in far) > screen.width() / 2


@pytest.mark.skipif(sys.platform == "win32", reason="sh")
def test_display_commands_run_without_blocking_and_time_out(kiosk, qtbot, tmp_path):
    log = tmp_path / "display.log"
    data = calendar_content(display_off=f"sh -c 'echo off >> {log}'", display_on="sleep 30",
                            command_timeout=1)
    win, _ = kiosk(at(2026, 12, 1, 20, 0), data)
    qtbot.waitUntil(lambda: win.calendar.night.resting)
    power = win.calendar.night.power
    qtbot.waitUntil(lambda: log.exists() and log.read_text() == "off\n" and not power.processes)
    with qtbot.waitSignal(power.finished, timeout=5000) as blocker:
        touch.tap(win.calendar.screen)  # display_on hangs: killed after 1 s
        assert not win.calendar.night.resting  # the UI did not wait for it
    assert blocker.args == ["display_on", False]
    qtbot.waitUntil(lambda: not power.processes)


def test_a_banner_logo_is_shown_and_a_missing_one_is_not_an_error(kiosk, qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from kiosk.shell.welcome import WelcomeScreen

    logo = QImage(400, 200, QImage.Format.Format_RGB32)
    logo.fill(QColor("#C8102E"))
    assert logo.save(str(tmp_path / "logo.png"))
    data = calendar_content()
    data["welcome"][0]["logo"] = "logo.png"
    win, _ = kiosk(at(2026, 12, 1, 11, 30), data)
    banner = win.view.content.welcome[0]
    screen = WelcomeScreen(win.theme, win.view.content.kiosk.name, [banner], tmp_path, win)
    screen.resize(win.size())
    assert screen._logo() is not None and screen._logo().width() <= win.theme.px(400)
    screen.grab()
    missing = WelcomeScreen(win.theme, win.view.content.kiosk.name, [banner], tmp_path / "nowhere", win)
    missing.resize(win.size())
    assert missing._logo() is None
    missing.grab()  # paints without the logo
