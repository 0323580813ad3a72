"""Icons from qtawesome, loaded lazily.

qtawesome costs ≈ 150 ms to import, so nothing imports it on the way to the first frame:
widgets draw a placeholder (monogram) and ask :func:`icon_pixmap` after the first paint.
Pixmaps are cached per (name, colour, size). Unknown names give ``None``, never an error.

``qtawesome.icon`` loads all twelve bundled icon fonts on first use (≈ 15 MB: each font's
bytes kept in Python and again in Qt, plus 25,000 charmap entries) although content uses one
or two prefixes. :func:`_fonts_for` keeps a qtawesome :class:`IconicFont` of its own and loads
a bundled font the first time its prefix is asked for; the icon painter is qtawesome's, so
the pixels are the same. A prefix qtawesome does not bundle goes to ``qtawesome.icon``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtGui import QPixmap

log = logging.getLogger(__name__)

_cache: dict[tuple[str, str, int], QPixmap | None] = {}
_fonts: dict[str, Any] = {}  # "iconic": the IconicFont holding the prefixes loaded so far


def icon_pixmap(name: str, color: str, size: int) -> QPixmap | None:
    """A ``size``×``size`` pixmap of icon ``name`` (e.g. ``mdi6.factory``) in ``color``."""
    key = (name, color, size)
    if key not in _cache:
        _cache[key] = _render(name, color, size)
    return _cache[key]


def _render(name: str, color: str, size: int) -> QPixmap | None:
    try:
        icon = _fonts_for(name.partition(".")[0]).icon(name, color=color)
        pixmap = icon.pixmap(size, size)
    except Exception as exc:  # unknown prefix/name, broken font: fall back to the monogram
        log.warning("icon %r unavailable: %s", name, exc)
        return None
    return None if pixmap.isNull() else pixmap


def _fonts_for(prefix: str) -> Any:
    """An object with qtawesome's ``icon(name, color=...)`` that knows ``prefix``."""
    import qtawesome
    from qtawesome.iconic_font import IconicFont

    bundled = {args[0]: args for args in getattr(qtawesome, "_BUNDLED_FONTS", ())}
    if prefix not in bundled:
        return qtawesome  # not a bundled prefix (or a qtawesome without the list): its own way
    iconic = _fonts.get("iconic")
    if iconic is None or not qtawesome.has_valid_font_ids(iconic):  # a new QApplication
        iconic = _fonts["iconic"] = IconicFont()
    if prefix not in iconic.fontname:
        iconic.load_font(*bundled[prefix])
    return iconic


def loaded_prefixes() -> set[str]:
    """The icon font prefixes loaded so far (for tests and diagnostics)."""
    iconic = _fonts.get("iconic")
    return set(iconic.fontname) if iconic is not None else set()
