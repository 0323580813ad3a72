"""Images decoded off the UI thread at display size; QR codes that encode the website."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from kiosk.widgets.image import AsyncImage, ImageCache, ImageLoader
from kiosk.widgets.qr import QrCodeWidget, matrix


@pytest.fixture
def photo(tmp_path):
    image = QImage(4000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    path = tmp_path / "photo.png"
    assert image.save(str(path))
    return path


def test_image_is_decoded_at_display_size_off_the_ui_thread(qtbot, photo):
    loader = ImageLoader()
    widget = AsyncImage(loader, photo)
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    assert not widget.loaded  # placeholder first: decoding happens on the pool
    qtbot.waitUntil(lambda: widget.loaded, timeout=5000)
    (image,) = loader.cache._items.values()
    assert (image.width(), image.height()) == (400, 300)
    assert widget.grab().toImage().pixelColor(200, 150) == QColor("#336699")


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", b"not an image"])
def test_broken_or_missing_image_keeps_the_placeholder(qtbot, tmp_path, content):
    path = tmp_path / "broken.png"
    path.write_bytes(content)
    loader = ImageLoader()
    for target in (path, tmp_path / "missing.png"):
        widget = AsyncImage(loader, target, placeholder=QColor("#1A2E48"))
        qtbot.addWidget(widget)
        widget.resize(100, 100)
        widget.show()
        loader.wait()
        qtbot.wait(0)  # deliver the queued result, if any
        assert not widget.loaded
        assert widget.grab().toImage().pixelColor(50, 50) == QColor("#1A2E48")


def test_cache_is_bounded():
    cache = ImageCache(limit=10 * 100 * 100 * 4)
    for i in range(50):
        image = QImage(100, 100, QImage.Format.Format_ARGB32)
        cache.put((f"p{i}", 100, 100, 0), image)
    assert len(cache) == 10 and cache.bytes <= cache.limit
    assert cache.get(("p49", 100, 100, 0)) is not None
    assert cache.get(("p0", 100, 100, 0)) is None


def test_qr_code_encodes_the_website(qtbot):
    url = "https://www.haier.com"
    widget = QrCodeWidget(url, side=300)
    qtbot.addWidget(widget)
    image = widget.grab().toImage()
    modules = matrix(url)
    area = widget.module_rect()
    cell = area.width() / len(modules)
    read = [[image.pixelColor(int(area.x() + (x + 0.5) * cell),
                              int(area.y() + (y + 0.5) * cell)).lightness() < 128
             for x in range(len(modules))] for y in range(len(modules))]
    assert read == modules
    assert image.pixelColor(1, 1) == QColor("#FFFFFF")  # quiet zone
    widget.set_data("")
    assert not widget.isVisibleTo(widget.parentWidget() or widget) and widget.data == ""
    assert QSize(300, 300) == widget.sizeHint()
