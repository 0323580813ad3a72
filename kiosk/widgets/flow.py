"""FlowLayout: items left to right, wrapping onto as many rows as they need; its height
follows its width (``heightForWidth``), so a box layout gives it exactly the rows it uses.
It honours the layout's contents margins; used by the history chips and the park's
hotspot panel.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, spacing: int, parent: QWidget | None = None, *, row_spacing: int | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._row_spacing = spacing if row_spacing is None else row_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def setSpacing(self, spacing: int) -> None:
        """The gap between items in a row (rows keep ``row_spacing``)."""
        self._spacing = spacing
        self.invalidate()

    def spacing(self) -> int:
        return self._spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def rows(self, width: int) -> int:
        """How many rows the items take at ``width``."""
        tops = {r.top() for r in self._places(QRect(0, 0, width, 0))}
        return max(1, len(tops))

    def _places(self, rect: QRect) -> list[QRect]:
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_h = inner.x(), inner.y(), 0
        out = []
        for item in self._items:
            hint = item.sizeHint()
            w = min(hint.width(), max(1, inner.width()))
            if x > inner.x() and x + w > inner.right() + 1:
                x = inner.x()
                y += row_h + self._row_spacing
                row_h = 0
            out.append(QRect(QPoint(x, y), QSize(w, hint.height())))
            x += w + self._spacing
            row_h = max(row_h, hint.height())
        return out

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        places = self._places(rect)
        if apply:
            for item, r in zip(self._items, places, strict=True):
                item.setGeometry(r)
        m = self.contentsMargins()
        bottom = max((r.bottom() + 1 for r in places), default=rect.y() + m.top())
        return bottom - rect.y() + m.bottom()
