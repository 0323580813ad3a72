"""A short soak in CI: random touches, drags, pinches and mashes across every page of the
real content. No exception (pytest-qt fails on any raised in the event loop), no Qt
warning, the window still works at the end, memory stays bounded. The long run and its
figures are in benchmarks/ (python benchmarks/run.py)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import soak

from kiosk.content import load_file

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_soak_random_visitors(make_kiosk, size):
    window = make_kiosk(load_file(ROOT / "content.yaml").content, size=size)
    window.warm_up()
    soak.run(window, 200, seed=1, modes=False)  # warm: every page built, caches filled
    before = soak.rss_mb()
    counts = soak.run(window, 800, seed=2, modes=False)
    growth = soak.rss_mb() - before
    assert sum(counts.values()) == 800 and counts.get("mash", 0) > 15
    assert growth < 40, f"memory grew {growth:.1f} MB over 800 actions"
    window.reset()
    assert window.view.current == "attract"
    window.view.show_screen("home")
    assert window.view.current == "home"


def test_soak_with_visitor_mode_switches(make_kiosk):
    window = make_kiosk(load_file(ROOT / "content.yaml").content, size=(1920, 1080))
    window.warm_up()
    switches = []
    window.modes.changed.connect(switches.append)
    soak.run(window, 200, seed=1)
    _deleted_later()
    before = soak.rss_mb()
    soak.run(window, 800, seed=2)
    _deleted_later()
    growth = soak.rss_mb() - before
    assert len(switches) > 20  # the random visitors do switch modes
    assert growth < 40, f"memory grew {growth:.1f} MB over 800 actions with mode switches"


def _deleted_later() -> None:
    """Run Qt's pending deletions, as the event loop does right after a switch (the soak
    itself never returns to it): the last switch's old view is freed, then measured."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
