"""No default Qt look anywhere: no stock grey window/button/base colour on any screen, and
the window's own background is the theme's."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

SCREENS = ["attract", "home", "history", "park", "partners", "platform", "countdown", "pin", "admin"]


def stock_colours() -> set[int]:
    pal = QApplication.style().standardPalette()
    roles = (QPalette.ColorRole.Window, QPalette.ColorRole.Button, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Midlight)
    return {pal.color(role).rgb() & 0xFFFFFF for role in roles}


@pytest.mark.parametrize("size", [(1280, 720), (720, 1280)])
def test_no_stock_grey_on_any_screen(make_kiosk, size):
    stock = stock_colours()
    win = make_kiosk(size=size, kiosk_mode=False)
    for screen in SCREENS:
        win.show_screen(screen)
        win.freeze_for_shot()
        img = win.grab().toImage()
        hits = total = 0
        for y in range(0, img.height(), 6):
            for x in range(0, img.width(), 6):
                total += 1
                if img.pixel(x, y) & 0xFFFFFF in stock:
                    hits += 1
        assert hits / total < 0.001, f"{screen}: {hits} stock-grey samples"


def test_window_background_is_the_theme_background(make_kiosk):
    win = make_kiosk(kiosk_mode=False)
    win.show_screen("history")
    win.freeze_for_shot()
    img = win.grab().toImage()
    corner = QColor(img.pixel(img.width() - 3, 3))  # above the page content, right edge
    assert corner.name().upper() == win.theme.palette.background.upper()
