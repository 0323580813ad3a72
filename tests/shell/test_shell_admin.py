"""The admin door: five corner taps → PIN pad → panel; safe when no PIN is set."""

from __future__ import annotations

from pathlib import Path

import pytest
import touch
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from kiosk import pin
from kiosk.shell import ContentStatus, load_status
from kiosk.widgets.labels import TextLabel

ROOT = Path(__file__).resolve().parents[2]


def corner_taps(win, n=5):
    for _ in range(n):
        touch.tap(win, QPoint(win.width() - 10, 10))


def overlay_open(win, name) -> bool:
    w = win.findChild(QWidget, name)
    return w is not None and w.isVisible()


def test_no_pin_in_kiosk_mode_the_gesture_does_nothing(make_kiosk, caplog):
    assert not pin.has_pin()
    win = make_kiosk()
    win.show_screen("home")
    with caplog.at_level("WARNING"):
        corner_taps(win)
    assert not overlay_open(win, "admin-pin") and not overlay_open(win, "admin")
    assert "no admin PIN is set" in caplog.text


def test_no_pin_windowed_opens_the_panel(make_kiosk):
    win = make_kiosk(kiosk_mode=False)
    win.show_screen("home")
    corner_taps(win)
    assert overlay_open(win, "admin")


def test_pin_pad_then_panel(make_kiosk):
    pin.set_pin("2468")
    win = make_kiosk()
    win.show_screen("home")
    corner_taps(win, 4)
    assert not overlay_open(win, "admin-pin")
    corner_taps(win, 1)
    assert overlay_open(win, "admin-pin")
    pad = win.admin.pinpad
    for digit in "1111":
        touch.tap(win.findChild(QWidget, f"pin-key-{digit}"))
    touch.tap(win.findChild(QWidget, "pin-ok"))
    assert overlay_open(win, "admin-pin") and not overlay_open(win, "admin")
    assert pad.message.text() == "密码错误 · Wrong PIN"
    assert pad.entered == ""
    for digit in "2468":
        touch.tap(win.findChild(QWidget, f"pin-key-{digit}"))
    touch.tap(win.findChild(QWidget, "pin-ok"))
    assert not overlay_open(win, "admin-pin")
    assert overlay_open(win, "admin")
    texts = " ".join(l.text() for l in win.admin.panel.findChildren(TextLabel))
    assert "content.yaml" in texts and "正常 · OK" in texts


def test_taps_spread_over_more_than_three_seconds_do_not_open(make_kiosk):
    pin.set_pin("2468")
    win = make_kiosk()
    now = [100.0]
    win.admin.gesture.clock = lambda: now[0]
    for _ in range(5):
        corner_taps(win, 1)
        now[0] += 0.9
    assert not overlay_open(win, "admin-pin")


def test_taps_elsewhere_do_not_count(make_kiosk):
    pin.set_pin("2468")
    win = make_kiosk()
    win.show_screen("home")
    for _ in range(5):
        touch.tap(win, QPoint(win.width() // 2, 10))
    assert not overlay_open(win, "admin-pin")


def test_five_wrong_pins_lock_the_pad(make_kiosk):
    pin.set_pin("2468")
    win = make_kiosk()
    now = [1000.0]
    win.admin.clock = lambda: now[0]
    win.admin.open()
    for _ in range(5):
        win.admin.submit_pin("0000")
    assert not win.findChild(QWidget, "pin-key-1").isEnabled()
    win.admin.submit_pin("2468")  # even the right PIN, while locked
    assert not overlay_open(win, "admin")
    now[0] += 61
    win.admin.close()
    win.admin.open()
    assert win.findChild(QWidget, "pin-key-1").isEnabled()
    win.admin.submit_pin("2468")
    assert overlay_open(win, "admin")


def test_exit_from_the_panel_closes_the_kiosk(make_kiosk, qtbot):
    win = make_kiosk(kiosk_mode=False)
    win.options = win.options  # windowed: no PIN needed
    win.admin.show_panel()
    with qtbot.waitSignal(win.exit_requested, timeout=1000):
        touch.tap(win.findChild(QWidget, "admin-exit"))
    assert not win.isVisible()


def test_exit_in_kiosk_mode_really_closes(make_kiosk, qtbot):
    pin.set_pin("2468")
    win = make_kiosk()
    win.admin.open()
    win.admin.submit_pin("2468")
    with qtbot.waitSignal(win.exit_requested, timeout=1000):
        touch.tap(win.findChild(QWidget, "admin-exit"))
    assert not win.isVisible()


def test_idle_reset_closes_the_admin_overlays(make_kiosk):
    pin.set_pin("2468")
    win = make_kiosk()
    win.show_screen("home")
    win.admin.open()
    win.idle.trigger()
    assert not overlay_open(win, "admin-pin")
    win.countdown.expired.emit()
    assert win.view.current == "attract"


BROKEN = "attract:\n  highlights: []\nsections: oops\n"


def test_unusable_file_shows_the_calm_screen_and_findings_behind_the_door(make_kiosk, tmp_path):
    bad = tmp_path / "content.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    status = load_status(bad)
    assert status.content is None and status.findings
    win = make_kiosk(status, kiosk_mode=False)
    screen = win.findChild(QWidget, "unavailable")
    assert screen is not None and screen.isVisible()
    assert win.view is None
    assert screen.timer.isActive()  # it drifts: no burn-in
    corner_taps(win)
    texts = [l.text() for l in win.admin.panel.findChildren(TextLabel)]
    assert any(str(bad) in t and ": error:" in t for t in texts)


def test_reload_picks_up_a_fixed_file(make_kiosk, tmp_path):
    from conftest import write_minimal_content

    path = tmp_path / "content.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    win = make_kiosk(load_status(path), kiosk_mode=False, loader=lambda: load_status(path))
    assert win.view is None
    write_minimal_content(tmp_path)
    win.admin.show_panel()
    touch.tap(win.findChild(QWidget, "admin-reload"))
    assert win.status.ok, win.status.findings
    assert win.view is not None and win.view.isVisible()
    assert win.unavailable is None
    assert win.admin.panel_overlay.isVisible()  # the panel now shows the new status


def test_status_of_a_missing_file(tmp_path):
    status = load_status(tmp_path / "nope.yaml")
    assert isinstance(status, ContentStatus) and not status.ok
    assert "error" in status.summary()


@pytest.fixture(autouse=True)
def _no_pin_leaks():
    yield
    pin.pin_file().unlink(missing_ok=True)


@pytest.mark.parametrize(
    ("severities", "shown", "hidden"),
    [
        ((), "OK", "error"),
        (("warning",), "OK, with warnings", "errors"),
        (("error", "warning"), "last good version shown", "OK"),
    ],
    ids=["clean", "warnings", "last-good-shown"],
)
def test_the_status_line_never_says_ok_beside_errors(make_kiosk, severities, shown, hidden):
    """A file with errors while the last good copy plays: the verdict says so, not "OK"."""
    from kiosk.content import Finding, load_file

    content = load_file(ROOT / "content.yaml").content
    findings = [Finding("content.yaml", 3, 1, s, "something") for s in severities]
    win = make_kiosk(ContentStatus(path=ROOT / "content.yaml", content=content, findings=findings),
                     kiosk_mode=False)
    corner_taps(win)
    status = win.admin.panel.values["admin.status"].text()
    verdict = status.split("(")[0]
    assert shown in verdict and hidden not in verdict, status
