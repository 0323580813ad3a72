"""Handing results from worker threads to the UI thread.

Workers (content validation, image decoding) emit on one QObject that lives in the UI
thread for the whole run, so results arrive as queued signals and no Qt object is ever
created or destroyed on a worker thread. Receivers filter by the key they sent.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Courier(QObject):
    delivered = Signal(object, object)
    """(key, payload): the key says who asked and what for."""


_courier: Courier | None = None


def courier() -> Courier:
    """The process's courier (created on first use, from the UI thread)."""
    global _courier
    if _courier is None:
        _courier = Courier()
    return _courier
