"""Icons from qtawesome, loaded lazily.

qtawesome costs ≈ 150 ms to import, so nothing imports it on the way to the first frame:
widgets draw a placeholder (monogram) and ask :func:`icon_pixmap` after the first paint.
Pixmaps are cached per (name, colour, size). Unknown names give ``None``, never an error.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QPixmap

log = logging.getLogger(__name__)

_cache: dict[tuple[str, str, int], QPixmap | None] = {}


def icon_pixmap(name: str, color: str, size: int) -> QPixmap | None:
    """A ``size``×``size`` pixmap of icon ``name`` (e.g. ``mdi6.factory``) in ``color``."""
    key = (name, color, size)
    if key not in _cache:
        _cache[key] = _render(name, color, size)
    return _cache[key]


def _render(name: str, color: str, size: int) -> QPixmap | None:
    try:
        import qtawesome

        icon = qtawesome.icon(name, color=color)
        pixmap = icon.pixmap(size, size)
    except Exception as exc:  # unknown prefix/name, broken font: fall back to the monogram
        log.warning("icon %r unavailable: %s", name, exc)
        return None
    return None if pixmap.isNull() else pixmap
