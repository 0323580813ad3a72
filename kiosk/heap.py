"""Hand large freed buffers back to the system (glibc).

Painting at 4K allocates and frees many multi-megabyte buffers (pixmaps, page snapshots,
raster scratch). glibc's default raises its mmap threshold after the first such free, so
later big buffers come from the heap and stay resident after they are freed: the process
grows with fragmentation (≈ 60 MB at 4K after visiting every page). A fixed 1 MB
threshold keeps every big buffer in its own mapping, returned to the system on free.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3
THRESHOLD_BYTES = 1 << 20


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


def trim() -> bool:
    """Give the heap's free pages back to the system now (glibc ``malloc_trim``), after a
    big tree of widgets was freed (a visitor-mode switch rebuilds the view). Small,
    fragmented frees otherwise stay resident. False off glibc."""
    libc = _libc()
    fn = getattr(libc, "malloc_trim", None) if libc is not None else None
    if fn is None:
        return False
    return bool(fn(0))


def return_large_buffers() -> bool:
    """Fix glibc's mmap threshold at 1 MB; False (and nothing changed) off glibc."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to tune
        return False
    ok = bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES))
    log.debug("mmap threshold fixed at %d bytes: %s", THRESHOLD_BYTES, ok)
    return ok
