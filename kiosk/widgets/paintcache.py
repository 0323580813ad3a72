"""Paint once, blit after: pixmaps of a widget's rest states, and text laid out once.

A widget whose look depends only on a few inputs (its size, language, pressed state, theme)
renders each state once into a pixmap at the screen's device pixel ratio and afterwards
only draws that pixmap. The key holds everything the picture depends on, so a language,
theme or size change simply misses and renders afresh; old states fall out of a small
LRU so a widget never holds more than a handful of pixmaps.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget


class StateCache:
    """Rendered pixmaps of one widget's states (at most ``limit`` of them)."""

    def __init__(self, limit: int = 4) -> None:
        self._limit = limit
        self._pixmaps: OrderedDict[Hashable, QPixmap] = OrderedDict()

    def __len__(self) -> int:
        return len(self._pixmaps)

    def clear(self) -> None:
        self._pixmaps.clear()

    def pixmap(self, widget: QWidget, state: Hashable, render: Callable[[QPainter], None]) -> QPixmap:
        """The pixmap of ``widget`` in ``state`` (rendered by ``render`` on a miss)."""
        dpr = widget.devicePixelRatioF()
        key = (state, widget.width(), widget.height(), dpr)
        hit = self._pixmaps.get(key)
        if hit is not None:
            self._pixmaps.move_to_end(key)
            return hit
        pixmap = render_pixmap(widget.size(), dpr, render)
        self._pixmaps[key] = pixmap
        while len(self._pixmaps) > self._limit:
            self._pixmaps.popitem(last=False)
        return pixmap

    def paint(self, widget: QWidget, state: Hashable, render: Callable[[QPainter], None]) -> None:
        """Draw ``widget`` in ``state`` from the cache (call from ``paintEvent``)."""
        pixmap = self.pixmap(widget, state, render)
        p = QPainter(widget)
        p.drawPixmap(0, 0, pixmap)
        p.end()


def render_pixmap(size: QSize, dpr: float, render: Callable[[QPainter], None]) -> QPixmap:
    """A transparent pixmap of ``size`` logical pixels at ``dpr``, painted by ``render``."""
    pixmap = QPixmap(max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    try:
        render(p)
    finally:
        p.end()
    return pixmap
