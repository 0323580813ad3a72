"""Guard against PySide6 6.12.0's ``None`` reference-count bug on Python < 3.12.

PySide6/shiboken6 6.12.0 returns ``None`` from every C++ ``void`` method without taking a
reference. On Python 3.12+ ``None`` is immortal and nothing happens; on 3.11 each call
(``label.setText``, ``painter.setPen``, …) drops one reference, and after ~25,000 calls —
seconds of attract-screen animation — CPython aborts with "Fatal Python error:
none_dealloc". PySide6 6.11.x does not have the bug.

:func:`apply` measures whether the running PySide leaks, and if so makes ``None``
effectively immortal (what 3.12 does) by giving it a huge reference count. The real fix
is a PySide6 without the bug (``!=6.12.0``) or Python ≥ 3.12; this keeps the kiosk alive
meanwhile. :func:`kiosk.app.create_app` calls :func:`apply` before the QApplication exists
(and the tests' conftest does the same), so nothing depends on an import side effect.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 60
_applied = False


def leaks_none(calls: int = 64) -> bool:
    """Whether a void PySide call costs ``None`` a reference."""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - calls // 2


def apply() -> bool:
    """Make ``None`` immortal if this PySide needs it. Returns whether it was needed."""
    global _applied
    if _applied:
        return True
    if not leaks_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += HEADROOM
    _applied = True
    return True


def applied() -> bool:
    return _applied
