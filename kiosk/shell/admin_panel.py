"""AdminPanel: content status (file, loaded at, findings) with Reload, Close and Exit."""

from __future__ import annotations

from typing import Protocol, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from kiosk.i18n import both
from kiosk.shell.reach import band_top
from kiosk.shell.status import ContentStatus
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import TextLabel


def status_key(status: ContentStatus) -> str:
    """The admin's one-line verdict: a status that says OK never lists errors beside it."""
    if not status.ok:
        return "admin.status_failed"
    if any(f.severity == "error" for f in status.findings):
        return "admin.status_fallback"  # the file is broken; the last good copy is shown
    return "admin.status_warnings" if status.findings else "admin.status_ok"


class _Refreshable(Protocol):
    """The statistics widget (or its wrapper from kiosk.fleet): it re-reads on demand."""

    def refresh(self) -> None: ...


class AdminPanel(QFrame):
    reload_clicked = Signal()
    close_clicked = Signal()
    exit_clicked = Signal()
    guided_clicked = Signal()

    def __init__(self, theme: Theme, stats: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin-panel")
        self.setProperty("card", "plain")
        self.theme = theme
        col = QVBoxLayout(self)
        pad = theme.px(56)
        col.setContentsMargins(pad, pad, pad, pad)
        col.setSpacing(theme.space("md"))
        col.addWidget(TextLabel(theme, both("admin.title"), "zh", role="h2", parent=self))
        facts = QGridLayout()
        facts.setHorizontalSpacing(theme.space("lg"))
        facts.setVerticalSpacing(theme.space("xs"))
        self.values: dict[str, TextLabel] = {}
        for row, key in enumerate(("admin.content_file", "admin.loaded_at", "admin.status", "admin.screen")):
            name = TextLabel(theme, both(key), "zh", role="caption", tone="muted", wrap=False, parent=self)
            facts.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            value = TextLabel(theme, "", "zh", role="body", parent=self)
            facts.addWidget(value, row, 1)
            self.values[key] = value
        facts.setColumnStretch(1, 1)
        col.addLayout(facts)
        self.stats = stats
        self.scroller = KineticScrollArea(theme, mouse_drag=True, parent=self)
        self.scroller.setObjectName("admin-findings")
        holder = QWidget()
        holder.setObjectName("scroll-content")
        inside = QVBoxLayout(holder)  # visitor statistics (if any), then the findings
        inside.setContentsMargins(0, 0, 0, 0)
        inside.setSpacing(theme.space("md"))
        if stats is not None:
            inside.addWidget(stats)
        self.findings_box = QVBoxLayout()
        self.findings_box.setSpacing(theme.space("xs"))
        inside.addLayout(self.findings_box, 1)
        self.scroller.setWidget(holder)
        self.scroller.setMinimumHeight(theme.px(200))
        col.addWidget(self.scroller, 1)
        buttons = QGridLayout()
        buttons.setSpacing(theme.space("md"))
        self.reload_button = PillButton(theme, both("admin.reload"), glyph="reload", variant="primary", parent=self)
        self.reload_button.setObjectName("admin-reload")
        self.close_button = PillButton(theme, both("admin.close"), glyph="close", parent=self)
        self.close_button.setObjectName("admin-close")
        self.exit_button = PillButton(theme, both("admin.exit"), glyph="exit", parent=self)
        self.exit_button.setObjectName("admin-exit")
        self.guided_button = PillButton(theme, both("admin.guided"), variant="accent", parent=self)
        self.guided_button.setObjectName("admin-guided")
        for button, signal in ((self.guided_button, self.guided_clicked), (self.reload_button, self.reload_clicked),
                               (self.close_button, self.close_clicked), (self.exit_button, self.exit_clicked)):
            button.clicked.connect(signal)
        buttons.addWidget(self.reload_button, 0, 0)
        buttons.addWidget(self.close_button, 0, 1)
        # portrait: not enough width for four bilingual buttons in a row
        row, at = (0, 2) if theme.landscape else (1, 0)
        buttons.addWidget(self.guided_button, row, at)
        buttons.addWidget(self.exit_button, row, at + 2 if theme.landscape else 1)
        buttons.setColumnStretch(3 if theme.landscape else 2, 1)
        col.addLayout(buttons)
        self._fit_band(pad + 2 * col.spacing() + buttons.sizeHint().height())

    def _fit_band(self, below: int) -> None:
        """Reach mode: the findings and the buttons (``below`` with the margins) in the
        band, the facts above it."""
        theme = self.theme
        if not band_top(theme):
            return
        room = theme.height - band_top(theme) - 2 * theme.space("md")
        self.scroller.setMinimumHeight(min(theme.px(200), room // 3))
        self.scroller.setMaximumHeight(max(room // 3, room - below))

    def set_status(self, status: ContentStatus) -> None:
        self.values["admin.content_file"].set_source(str(status.path))
        self.values["admin.loaded_at"].set_source(status.loaded_at.strftime("%Y-%m-%d %H:%M:%S"))
        key = status_key(status)
        state = both(key, sep="\n") if key == "admin.status_failed" else both(key)
        note = f"\n{status.note}" if status.note else ""
        self.values["admin.status"].set_source(f"{state}  ({status.summary()}){note}")
        self.values["admin.status"].setProperty("tone", None if status.ok else "danger")
        self.values["admin.status"].style().polish(self.values["admin.status"])
        while self.findings_box.count():
            item = self.findings_box.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()  # gone from this frame on, not only when the deletion runs
                old.deleteLater()
        lines = [str(f) for f in status.findings] or [both("admin.no_findings")]
        for line in lines:
            box = self.findings_box
            box.addWidget(TextLabel(self.theme, line, "zh", role="caption", parent=box.parentWidget()))
        self.findings_box.addStretch(1)
        self.scroller.reset()
        if self.stats is not None:
            cast(_Refreshable, self.stats).refresh()
