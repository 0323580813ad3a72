"""Soak: thousands of random visitor touches across every page of a real kiosk window,
offscreen. Used by tests/test_soak.py (a short run) and benchmarks/run.py (the long run).

Actions: taps anywhere, taps on the navigation and tiles, horizontal and vertical drags,
two-finger pinches, ten-finger mashes, language switches and idle resets.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import touch


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def _visible_controls(window: QWidget) -> list[QWidget]:
    names = ("nav-home", "nav-back", "lang-toggle")
    # not window.findChildren(): PySide6 makes the window own every wrapper it returns,
    # so the wrappers of Qt-made children (scroll bars, viewports) outlive them: the soak
    # itself grew ~1,000 dead wrappers per 30 mode switches
    found = [w for w in QApplication.allWidgets() if w.isVisible() and window.isAncestorOf(w)
             and (w.objectName() in names or w.objectName().startswith("tile-"))]
    return found


def step(window, rng: random.Random, taps_only: bool = False) -> str:
    """One random visitor action (or only taps); returns its name."""
    w, h = window.width(), window.height()

    def point() -> QPoint:
        return QPoint(rng.randrange(8, w - 8), rng.randrange(8, h - 8))

    r = rng.random() * (0.62 if taps_only else 1.0)
    if r < 0.45:
        p = point()
        touch.tap(window, p)
        return "tap"
    if r < 0.62:
        controls = _visible_controls(window)
        if controls:
            touch.tap(rng.choice(controls))
            return "control"
        return "none"
    if r < 0.72:
        a = point()
        b = QPoint(max(8, min(w - 8, a.x() + rng.choice((-1, 1)) * rng.randrange(100, 700))), a.y())
        touch.swipe(window, a, b, steps=rng.randrange(3, 12))
        return "swipe"
    if r < 0.82:
        a = point()
        b = QPoint(a.x(), max(8, min(h - 8, a.y() + rng.choice((-1, 1)) * rng.randrange(100, 600))))
        touch.swipe(window, a, b, steps=rng.randrange(3, 12))
        return "scroll"
    if r < 0.88:
        c = QPoint(rng.randrange(300, w - 300), rng.randrange(200, h - 200))
        touch.pinch(window, c, rng.randrange(60, 300), rng.randrange(60, 500))
        return "pinch"
    if r < 0.93:
        fingers = rng.randrange(3, 11)
        pts = [(i, point()) for i in range(fingers)]
        touch.sequence(window, [
            [("press", i, (p.x(), p.y())) for i, p in pts],
            [("move", i, (p.x() + rng.randrange(-40, 40), p.y() + rng.randrange(-40, 40)))
             for i, p in pts],
            [("release", i, (p.x(), p.y())) for i, p in pts],
        ])
        return "mash"
    if r < 0.97:
        view = window.view
        if view is not None:
            view.language.toggle()
        return "language"
    window.reset()
    return "reset"


def hold_modes(window) -> None:
    """Disable the visitor-modes button (mode switches are soaked on their own, see
    tests/test_soak.py::test_soak_with_visitor_mode_switches)."""
    for button in QApplication.allWidgets():
        if button.objectName() == "nav-modes" and window.isAncestorOf(button):
            button.setEnabled(False)


def run(window, steps: int, seed: int = 7, settle_every: int = 50,
        taps_only: bool = False, modes: bool = True) -> dict[str, int]:
    """``steps`` random actions (or taps) on ``window``; counts per action. ``modes=False``:
    random taps never switch a visitor mode."""
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    for i in range(steps):
        if not modes:
            hold_modes(window)
        name = step(window, rng, taps_only)
        if taps_only and i % 500 == 499:
            window.reset()  # visitors leave; the idle reset is part of a day
        counts[name] = counts.get(name, 0) + 1
        if i % settle_every == 0:
            QTest.qWait(1)  # let timers and animations run
            QApplication.processEvents()
    return counts
