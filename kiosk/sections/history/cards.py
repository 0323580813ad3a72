"""CardRenderer: the timeline's era panels and event cards rendered to pixmaps, kept in a
byte-bounded cache keyed by size, language and whether the picture has arrived; event
pictures load through the shared :class:`~kiosk.widgets.image.ImageLoader`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap

from kiosk.sections.history.layout import EraInfo, EventInfo, Metrics, Slot
from kiosk.sections.history.paint import PixmapCache, paint_card, paint_era
from kiosk.theme import Theme
from kiosk.widgets.image import ImageLoader


class CardRenderer:
    def __init__(self, theme: Theme, metrics: Metrics, eras: list[EraInfo], events: list[EventInfo],
                 loader: ImageLoader, cache_bytes: int) -> None:
        self.theme = theme
        self.metrics = metrics
        self.eras = eras
        self.events = events
        self.loader = loader
        self.cache = PixmapCache(cache_bytes)
        self.images: dict[int, QImage] = {}
        self._image_keys: dict[object, int] = {}

    def render(self, slot: Slot, lang: str, dpr: float) -> QPixmap:
        key = (
            slot.kind,
            slot.index,
            lang,
            slot.width,
            slot.height,
            slot.index in self.images if slot.kind == "event" else False,
        )
        pm = self.cache.get(key)
        if pm is not None:
            return pm
        m = self.metrics
        spread = self.theme.px(24)
        pm = QPixmap(QSize(round((slot.width + 2 * spread) * dpr), round((slot.height + 2 * spread) * dpr)))
        pm.setDevicePixelRatio(dpr)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.translate(spread, spread)
        if slot.kind == "era":
            paint_era(p, m, slot, self.eras[slot.index], slot.index + 1, lang)
        else:
            event = self.events[slot.index]
            paint_card(p, m, slot, event, lang, image=self.image_for(slot, dpr), motif=event.era, seed=slot.index)
        p.end()
        self.cache.put(key, pm)
        return pm

    def image_for(self, slot: Slot, dpr: float) -> QImage | None:
        event = self.events[slot.index]
        if event.image is None or slot.visual.isEmpty():  # reach mode's compact cards show none
            return None
        if slot.index in self.images:
            return self.images[slot.index]
        size = slot.visual.size() * dpr
        key, image = self.loader.request(Path(event.image), size)
        if key is not None:
            self._image_keys[key] = slot.index
        if image is not None:
            self.images[slot.index] = image
        return image

    def image_ready(self, key: object, image: QImage | None) -> bool:
        """The loader finished ``key``: keep the picture; whether it was one of ours."""
        index = self._image_keys.pop(key, None)
        if index is None:
            return False
        if image is not None:
            self.images[index] = image
        return True
