"""Lockdown: a visitor can't close, leave or un-fullscreen the kiosk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

K, M = Qt.Key, Qt.KeyboardModifier
ESCAPES = [
    (K.Key_Escape, M.NoModifier),
    (K.Key_F11, M.NoModifier),
    (K.Key_F4, M.AltModifier),
    (K.Key_Q, M.ControlModifier),
    (K.Key_W, M.ControlModifier),
]


@pytest.mark.parametrize("key,mods", ESCAPES)
def test_escape_keys_are_swallowed_in_kiosk_mode(make_kiosk, key, mods):
    win = make_kiosk()
    win.show_screen("history")
    seen: list[int] = []

    class Spy(QWidget):
        def keyPressEvent(self, e):
            seen.append(e.key())

    spy = Spy(win)
    spy.show()
    before = win.lockdown.blocked
    QTest.keyClick(spy, key, mods)
    assert win.lockdown.blocked > before
    assert key not in seen  # the key never reached a widget (lone modifiers may)
    assert win.isVisible() and win.view.current == "history"


def test_ordinary_keys_pass_and_count_as_activity(make_kiosk):
    win = make_kiosk()
    win.show_screen("home")
    win.idle.timer.stop()
    QTest.keyClick(win, K.Key_A)
    assert win.idle.timer.isActive()


def test_keys_are_not_blocked_when_windowed(make_kiosk):
    win = make_kiosk(kiosk_mode=False)
    before = win.lockdown.blocked
    QTest.keyClick(win, K.Key_Escape)
    assert win.lockdown.blocked == before


def test_close_requests_are_ignored_in_kiosk_mode(make_kiosk):
    win = make_kiosk()
    assert win.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not win.close()
    assert win.isVisible()
    QApplication.sendEvent(win, QEvent(QEvent.Type.Close))
    assert win.isVisible()


def test_windowed_mode_closes_normally(make_kiosk):
    win = make_kiosk(kiosk_mode=False)
    assert not (win.windowFlags() & Qt.WindowType.FramelessWindowHint)
    assert win.close()
    assert not win.isVisible()


def test_context_menus_never_open(make_kiosk):
    win = make_kiosk()
    win.show_screen("history")
    page = win.view.page("history")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    assert QApplication.sendEvent(page.title_label, event)  # swallowed by the lockdown filter
    assert QApplication.activePopupWidget() is None


def test_links_never_open_a_browser(make_kiosk, caplog):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from kiosk.shell.lockdown import block_external_urls

    make_kiosk()
    block_external_urls()
    with caplog.at_level("WARNING"):
        assert QDesktopServices.openUrl(QUrl("https://example.com/"))
    assert "blocked an attempt to open https://example.com/" in caplog.text
