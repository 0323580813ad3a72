"""Idle: any input keeps the visitor's session; silence → countdown → everything resets.
Timers are driven directly (their slots) or with short intervals — never by sleeping."""

from __future__ import annotations

import touch
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.shell.idle import IdleMonitor


def test_idle_timer_runs_only_while_a_visitor_is_there(make_kiosk):
    win = make_kiosk()
    assert not win.idle.timer.isActive()
    win.show_screen("home")
    assert win.idle.timer.isActive()
    win.view.navigator.reset()
    assert not win.idle.timer.isActive()


def test_timeout_comes_from_the_yaml_or_the_option(make_kiosk, content_dict):
    content_dict["kiosk"]["idle_timeout"] = 45
    assert make_kiosk(content_dict).idle.timer.interval() == 45_000
    assert make_kiosk(content_dict, idle_timeout=30).idle.timer.interval() == 30_000


def test_touch_events_reset_the_idle_timer(make_kiosk, qtbot):
    """A touch on a plain label (not a button) must count: touch, not just mouse/keys."""
    win = make_kiosk()
    win.show_screen("history")
    win.view.finish_animations()
    win.idle.set_timeout(400)
    win.idle.start()
    page = win.view.page("history")
    label = page.title_label
    seen = win.idle.events_seen
    for _ in range(4):
        QTest.qWait(150)  # an event loop turn, not a sleep: the timer must keep being pushed back
        touch.press(label)
        touch.release(label)
        assert win.idle.timer.isActive()
    assert win.idle.events_seen > seen
    assert win.countdown.isHidden()
    with qtbot.waitSignal(win.idle.idle, timeout=2000):
        pass  # with no more input it does fire
    assert win.countdown.isVisible()


def test_monitor_counts_touch_mouse_and_keys(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(400, 300)
    host.show()
    qtbot.waitExposed(host)
    monitor = IdleMonitor(60_000, host)
    from PySide6.QtWidgets import QApplication

    QApplication.instance().installEventFilter(monitor)
    try:
        monitor.start()
        for send in (
            lambda: touch.tap(host, (50, 50)),
            lambda: QTest.mouseClick(host, Qt.MouseButton.LeftButton),
            lambda: QTest.keyClick(host, Qt.Key.Key_A),
        ):
            monitor.timer.stop()
            send()
            assert monitor.timer.isActive()
    finally:
        QApplication.instance().removeEventFilter(monitor)
        monitor.stop()


def test_inhibited_monitor_never_fires(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    monitor = IdleMonitor(10, host)
    fired = []
    monitor.idle.connect(lambda: fired.append(1))
    monitor.start()
    monitor.inhibit("video", True)
    assert not monitor.timer.isActive()
    monitor.trigger()
    assert fired == []
    monitor.inhibit("video", False)
    assert monitor.timer.isActive()
    monitor.trigger()
    assert fired == [1]
    monitor.stop()


def _visit_and_change_everything(win):
    win.show_screen("history")
    win.view.finish_animations()
    page = win.view.page("history")
    page.timeline.horizontalScrollBar().setValue(200)
    assert page.timeline.horizontalScrollBar().value() == 200
    win.view.language.set("en")
    touch.tap(win.findChild(QWidget, "nav-home"))
    touch.tap(win.findChild(QWidget, "tile-partners"))
    win.view.finish_animations()
    return page


def test_idle_countdown_then_full_reset(make_kiosk):
    win = make_kiosk()
    page = _visit_and_change_everything(win)
    win.idle.trigger()  # the idle timeout
    overlay = win.findChild(QWidget, "countdown")
    assert overlay.isVisible() and overlay.tick_timer.isActive()
    assert overlay.remaining == 10
    for _ in range(9):
        overlay.tick()
    assert overlay.isVisible() and overlay.remaining == 1
    assert win.view.current == "partners"  # nothing reset yet
    overlay.tick()  # zero: reset everything
    assert not overlay.isVisible() and not overlay.tick_timer.isActive()
    assert win.findChild(QWidget, "attract").isVisible()
    assert win.view.current == "attract"
    assert win.view.lang == "zh"
    assert page.timeline.horizontalScrollBar().value() == 0
    assert win.view.navigator.history == ("attract",)
    assert not win.idle.timer.isActive()
    assert win.view.attract.index_at(win.view.attract.now()) == 0  # the loop starts over


def test_countdown_uses_the_configured_seconds(make_kiosk, content_dict):
    content_dict["kiosk"]["countdown"] = 15
    win = make_kiosk(content_dict)
    win.show_screen("home")
    win.idle.trigger()
    assert win.countdown.remaining == 15


def test_continue_button_keeps_the_session(make_kiosk):
    win = make_kiosk()
    _visit_and_change_everything(win)
    win.idle.trigger()
    touch.tap(win.findChild(QWidget, "idle-continue"))
    assert win.countdown.isHidden() and not win.countdown.tick_timer.isActive()
    assert win.view.current == "partners" and win.view.lang == "en"
    assert win.idle.timer.isActive()


def test_touch_anywhere_on_the_countdown_continues(make_kiosk):
    win = make_kiosk()
    win.show_screen("park")
    win.idle.trigger()
    touch.tap(win.countdown, (20, 20))
    assert win.countdown.isHidden()
    assert win.view.current == "park"


def test_countdown_with_short_real_timer(make_kiosk, qtbot):
    win = make_kiosk()
    win.show_screen("park")
    win.countdown.tick_timer.setInterval(5)
    win.idle.set_timeout(5)
    win.idle.start()
    with qtbot.waitSignal(win.countdown.expired, timeout=3000):
        pass
    assert win.view.current == "attract"


def test_idle_on_attract_does_nothing(make_kiosk):
    win = make_kiosk()
    win.idle.trigger()
    assert win.countdown.isHidden()
