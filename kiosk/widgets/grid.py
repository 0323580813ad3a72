"""ResponsiveGrid: lays cards out in as many columns as fit (≥ a minimum card width)."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from kiosk.theme import Theme


class ResponsiveGrid(QWidget):
    def __init__(
        self,
        theme: Theme,
        *,
        min_width: int | None = None,
        max_columns: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.min_width = min_width or theme.px(520)
        self.max_columns = max_columns
        self.items: list[QWidget] = []
        self._columns = 0
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        gap = theme.space("md")
        self.grid.setHorizontalSpacing(gap)
        self.grid.setVerticalSpacing(gap)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def add(self, widget: QWidget) -> QWidget:
        widget.setParent(self)
        self.items.append(widget)
        self._columns = 0  # re-flow
        self._reflow(self.width() or self.theme.width)
        return widget

    def columns_for(self, width: int) -> int:
        """As many columns as fit, balanced so the last row is not a lone orphan
        (4 items that fit 3 across go 2 × 2)."""
        gap = self.grid.horizontalSpacing()
        widest = max([self.min_width] + [w.minimumSizeHint().width() for w in self.items])
        cols = max(1, min(self.max_columns, (width + gap) // (widest + gap)))
        n = len(self.items)
        if n and cols >= n:
            return n
        while cols > 2 and n % cols and n % cols < cols / 2:
            cols -= 1
        return cols

    @property
    def columns(self) -> int:
        return self._columns

    def _reflow(self, width: int) -> None:
        cols = self.columns_for(width)
        if cols == self._columns:
            return
        self._columns = cols
        for w in self.items:
            self.grid.removeWidget(w)
        for i, w in enumerate(self.items):
            self.grid.addWidget(w, i // cols, i % cols)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 1 if c < cols else 0)

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._reflow(e.size().width())
        super().resizeEvent(e)
