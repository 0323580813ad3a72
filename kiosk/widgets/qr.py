"""A QR code a visitor can scan to take a website to their phone (the kiosk itself never
opens a browser). Encoded with segno; drawn dark-on-white with a quiet zone, as phone
scanners expect, whatever the theme."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 2  # modules of white around the code (segno's default 4 wastes space; 2 scans)


class QrCodeWidget(QWidget):
    def __init__(self, data: str = "", *, side: int = 240, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._side = side
        self._matrix: list[list[bool]] = []
        self.data = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(side, side)
        self.set_data(data)

    def set_data(self, data: str) -> None:
        self.data = data
        self._matrix = matrix(data) if data else []
        self.setVisible(bool(data))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def module_rect(self) -> QRectF:
        """Where the modules are drawn (inside the quiet zone), in widget pixels."""
        n = len(self._matrix) + 2 * QUIET_ZONE
        cell = self._side / n if n else 0
        return QRectF(QUIET_ZONE * cell, QUIET_ZONE * cell, len(self._matrix) * cell,
                      len(self._matrix) * cell)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if not self._matrix:
            return
        area = self.module_rect()
        cell = area.width() / len(self._matrix)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(area.x() + x * cell, area.y() + y * cell,
                                            cell + 0.5, cell + 0.5))


def matrix(data: str) -> list[list[bool]]:
    """The QR modules of ``data`` (True = dark), without the quiet zone."""
    code = segno.make(data, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix]
