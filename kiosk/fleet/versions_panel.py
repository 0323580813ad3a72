"""The admin panel's list of kept content versions, each with a one-tap rollback (Qt).
It wraps the panel's statistics widget (if any) so the admin panel itself hardly changes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.fleet.versions import VersionStore
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.labels import TextLabel


class VersionsPanel(QWidget):
    rollback_requested = Signal(str)
    """A version id."""

    def __init__(self, theme: Theme, store: VersionStore, stats: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin-versions")
        self.theme, self.store, self.stats = theme, store, stats
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.space("sm"))
        if stats is not None:
            column.addWidget(stats)
        column.addWidget(TextLabel(theme, "内容版本 · Content versions", "zh", role="label",
                                   tone="muted", parent=self))
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(theme.space("md"))
        self.grid.setVerticalSpacing(theme.space("xs"))
        column.addLayout(self.grid)
        self.buttons: dict[str, PillButton] = {}
        self.refresh()

    def refresh(self) -> None:
        """Re-read the store (the admin panel calls this each time it opens)."""
        if self.stats is not None and hasattr(self.stats, "refresh"):
            self.stats.refresh()
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # now, not at the next event loop turn
                widget.deleteLater()
        self.buttons = {}
        current = self.store.current()
        kept = self.store.versions()
        if not kept:
            self.grid.addWidget(TextLabel(self.theme, "还没有保存的版本 · No kept versions yet", "zh",
                                          role="caption", parent=self), 0, 0)
            return
        for row, v in enumerate(kept):
            is_current = current is not None and v.id == current.id
            text = (f"{v.label}  ·  {v.applied_at.replace('T', ' ')[:16]}  ·  {v.by or '?'}"
                    + ("  ·  当前 current" if is_current else ""))
            self.grid.addWidget(TextLabel(self.theme, text, "zh", role="caption", parent=self), row, 0,
                                Qt.AlignmentFlag.AlignVCenter)
            if not is_current:
                button = PillButton(self.theme, "回滚 · Roll back", glyph="reload", parent=self)
                button.setObjectName(f"rollback-{v.id}")
                button.clicked.connect(lambda _=False, vid=v.id: self.rollback_requested.emit(vid))
                self.grid.addWidget(button, row, 1)
                self.buttons[v.id] = button
        self.grid.setColumnStretch(0, 1)
