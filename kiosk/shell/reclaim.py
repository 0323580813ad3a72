"""Give a rebuilt view's memory back once nobody is looking (the idle reset).

A visitor-mode switch retires the whole view (:func:`kiosk.shell.mode_switch.retire`). Qt
deletes the C++ tree at the next event-loop turn, but the Python side of the old widgets
(closures, lambdas connected to ``self``, pixmaps kept in attributes) is a web of
reference cycles that only Python's full garbage collection frees, and that runs rarely.
Until it does, and until glibc hands the freed pages back, the resident size ratchets up
with every switch mixed with page visits (+30 MB per ten switches at 1080p).

So after the idle reset, once the retired widgets are really gone, :func:`reclaim` runs a
full collection and :func:`kiosk.heap.trim` (≈ 0.3–0.5 s: done only at the attract
screen, never while a visitor is tapping).
"""

from __future__ import annotations

import gc
from collections.abc import Collection

from PySide6.QtCore import QObject, QTimer

from kiosk import heap


def reclaim() -> None:
    """Collect Python's cycles, then return the heap's free pages to the system."""
    gc.collect()
    heap.trim()


def after_deleted(pending: Collection[QObject]) -> None:
    """:func:`reclaim` at the event-loop turn after every object in ``pending`` (widgets
    retired with ``deleteLater``) is destroyed; at the next turn if there are none."""
    left = [len(pending)]

    def gone(_obj: object = None) -> None:
        left[0] -= 1
        if left[0] == 0:
            QTimer.singleShot(0, reclaim)  # after the whole deletion, not in the middle of it

    if not pending:
        QTimer.singleShot(0, reclaim)
    for obj in pending:
        obj.destroyed.connect(gone)
