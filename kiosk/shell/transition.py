"""SlideSnapshot: a page transition drawn from one picture of the new page.

The new page is rendered once into a pixmap when the transition starts; every frame then
only fills the background and draws that pixmap, shifted and faded in (the same picture as
the page sliding under a background-coloured curtain of alpha ``a``: the page at opacity
``1 - a`` over the background). The live page sits in its final place underneath and
takes the taps (this overlay is transparent for mouse events); Qt skips painting it while
this opaque overlay covers it, so a frame costs two fills whatever the page holds.
One buffer of the page's size is reused for every transition.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.theme import Theme


class SlideSnapshot(QWidget):
    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("page-transition-snapshot")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._background = QColor(theme.palette.background)
        self._pixmap: QPixmap | None = None
        self.offset = 0
        self.alpha = 0.0
        self.hide()

    def capture(self, page: QWidget) -> None:
        """Picture ``page`` as it looks now (reusing the pixmap while the size holds)."""
        dpr = page.devicePixelRatioF()
        w, h = max(1, round(page.width() * dpr)), max(1, round(page.height() * dpr))
        if self._pixmap is None or self._pixmap.width() != w or self._pixmap.height() != h:
            self._pixmap = QPixmap(w, h)
        self._pixmap.setDevicePixelRatio(dpr)
        if not page.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent):  # the home covers it all
            self._pixmap.fill(self._background)
        layout = page.layout()
        if layout is not None:  # a page built just now: place its children before the picture
            layout.activate()
        page.render(self._pixmap, renderFlags=QWidget.RenderFlag.DrawChildren)

    def release(self) -> None:
        """Hide; the buffer is kept for the next transition (a 4K page is ≈ 30 MB: a fresh
        one each time cost more in page faults and unmapping than the whole slide)."""
        self.hide()

    def set_frame(self, offset: int, alpha: float) -> None:
        if (offset, alpha) == (self.offset, self.alpha) and self.isVisible():
            return
        self.offset, self.alpha = offset, alpha
        self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self._background)
        if self._pixmap is not None:
            p.setOpacity(max(0.0, 1.0 - self.alpha))
            p.drawPixmap(QPoint(self.offset, 0), self._pixmap)
        p.end()
