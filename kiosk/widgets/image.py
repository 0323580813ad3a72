"""Images decoded off the UI thread, at display size, with a bounded cache.

:class:`AsyncImage` shows a calm placeholder at once and the picture when it is ready —
or keeps the placeholder when the file is missing, truncated, too large or not an image.
Decoding uses :class:`QImageReader` with a scaled size (a 6000 px photo is never decoded
at full size) and an allocation limit, on :class:`QThreadPool`. Decoded images are kept
in a small LRU keyed by (path, size, mtime), so revisiting a page costs nothing and a
week of taps cannot grow memory without bound.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QRectF, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPainterPath, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.courier import courier

log = logging.getLogger(__name__)

ALLOCATION_LIMIT_MB = 256
CACHE_BYTES = 96 * 1024 * 1024

Key = tuple[str, int, int, int]


class ImageCache:
    """A byte-bounded LRU of decoded images."""

    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self.limit = limit
        self._items: OrderedDict[Key, QImage] = OrderedDict()
        self.bytes = 0

    def get(self, key: Key) -> QImage | None:
        image = self._items.get(key)
        if image is not None:
            self._items.move_to_end(key)
        return image

    def put(self, key: Key, image: QImage) -> None:
        if key in self._items:
            return
        self._items[key] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.limit and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            self.bytes -= old.sizeInBytes()

    def __len__(self) -> int:
        return len(self._items)


_shared: ImageCache | None = None


def shared_cache() -> ImageCache:
    """The app's one decoded-image cache: a content reload builds a new loader but the
    same picture (same path, size and mtime) is neither decoded nor held twice."""
    global _shared
    if _shared is None:
        _shared = ImageCache()
    return _shared


def decode(path: str, size: QSize) -> QImage | None:
    """``path`` decoded to fit ``size`` (keeping its aspect), or None if it cannot be."""
    from kiosk.content.media import loadable

    if not loadable(Path(path), "image"):  # the rules of `kiosk validate`, before Qt decodes
        log.warning("cannot show image %s: it does not pass the content checks", path)
        return None
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    source = reader.size()
    if source.isValid() and source.width() > 0 and source.height() > 0:
        reader.setScaledSize(source.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding)
                             .boundedTo(source))
    image = reader.read()
    if image.isNull():
        log.warning("cannot show image %s: %s", path, reader.errorString())
        return None
    return image


class _Job(QRunnable):
    def __init__(self, key: Key, path: str, size: QSize) -> None:
        super().__init__()
        self.key, self.path, self.size = key, path, size

    def run(self) -> None:
        courier().delivered.emit(self.key, decode(self.path, self.size))


class ImageLoader(QObject):
    """Decodes images on a thread pool; one loader serves the whole app."""

    ready = Signal(object, object)  # key, QImage | None

    def __init__(self, parent: QObject | None = None, *, cache: ImageCache | None = None) -> None:
        super().__init__(parent)
        self.cache = cache if cache is not None else ImageCache()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._pending: set[Key] = set()
        self._failed: set[Key] = set()
        courier().delivered.connect(self._on_courier_delivered)

    @staticmethod
    def key(path: Path, size: QSize) -> Key | None:
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        return (str(path), size.width(), size.height(), stamp)

    def request(self, path: Path, size: QSize) -> tuple[Key | None, QImage | None]:
        """The image now if cached; otherwise start decoding and return (key, None)."""
        key = self.key(path, size)
        if key is None or key in self._failed:
            return None, None
        cached = self.cache.get(key)
        if cached is not None:
            return key, cached
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(_Job(key, str(path), size))
        return key, None

    def wait(self, msecs: int = 5000) -> bool:
        """Block until queued decodes are done (for screenshots and tests)."""
        return self._pool.waitForDone(msecs)

    def _on_courier_delivered(self, key: object, image: object) -> None:
        if key not in self._pending:
            return  # another loader's image, or not an image at all
        self._pending.discard(key)
        if image is None:
            self._failed.add(key)
        else:
            self.cache.put(key, cast(QImage, image))  # our key: decode() made it
        self.ready.emit(key, image)


class AsyncImage(QWidget):
    """A picture that fills its rectangle (cropped to cover), with rounded corners and a
    placeholder while loading or when the file cannot be shown."""

    def __init__(self, loader: ImageLoader, path: Path | None, *, radius: int = 0,
                 placeholder: QColor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._path = path
        self._radius = radius
        self._placeholder = placeholder or QColor("#1A2E48")
        self._image: QImage | None = None
        self._key: Key | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        loader.ready.connect(self._on_loader_ready)

    @property
    def loaded(self) -> bool:
        return self._image is not None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._request()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._request()

    def _request(self) -> None:
        if self._path is None or self.width() < 2 or self.height() < 2:
            return
        size = self.size() * self.devicePixelRatioF()
        self._key, image = self._loader.request(self._path, size)
        if image is not None:
            self._image = image
            self.update()

    def _on_loader_ready(self, key: Key, image: QImage | None) -> None:
        if key == self._key and image is not None:
            self._image = image
            self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRectF(self.rect())
        clip = QPainterPath()
        clip.addRoundedRect(rect, self._radius, self._radius)
        painter.setClipPath(clip)
        if self._image is None:
            painter.fillRect(rect, self._placeholder)
            return
        img = self._image
        scale = max(rect.width() / img.width(), rect.height() / img.height())
        w, h = rect.width() / scale, rect.height() / scale
        source = QRectF((img.width() - w) / 2, (img.height() - h) / 2, w, h)
        painter.drawImage(rect, img, source)
