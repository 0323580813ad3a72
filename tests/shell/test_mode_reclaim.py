"""Memory after visitor-mode switches: the idle reset gives the old views back.

Each switch retires the whole view; Qt deletes its C++ tree, but the Python side is a web
of cycles (closures connected to ``self``, pixmaps in attributes) that only a full garbage
collection frees. Without one, switches mixed with page visits ratcheted the resident size
up (+125 MB over 30 switches with every page visited, benchmarks/growth.py). Counted here
as live ShellView objects, with Python's automatic collection off so the count is exact.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.shell import mode_switch
from kiosk.shell.view import ShellView


def _live_views() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, ShellView))


@pytest.fixture
def no_auto_gc() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _switch(window, times: int) -> None:
    for _ in range(times):
        window.view.show_screen("home")
        window.view.finish_animations()
        window.modes.toggle("large_text")
        window.switcher.finish()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_idle_reset_frees_the_views_retired_by_switches(make_kiosk, qtbot, no_auto_gc):
    window = make_kiosk()
    _switch(window, 5)  # odd: large text stays on, so the reset rebuilds in the defaults
    assert _live_views() > 1  # the old views wait for a collection
    window.reset()
    qtbot.waitUntil(lambda: not mode_switch.retired() and _live_views() == 1)


def test_reset_without_a_rebuild_frees_the_views_of_earlier_switches(make_kiosk, qtbot, no_auto_gc):
    window = make_kiosk()
    _switch(window, 4)  # back in the defaults: the reset itself rebuilds nothing
    assert _live_views() > 1
    window.reset()
    assert window.view.current == "attract"
    qtbot.waitUntil(lambda: not mode_switch.retired() and _live_views() == 1)
