"""PinPad: big digits for the admin PIN. Shows dots, never the digits."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.shell.reach import band_top
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.labels import TextLabel


class PinDots(QWidget):
    def __init__(self, theme: Theme, max_digits: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.theme = theme
        self.max_digits = max_digits
        self.count = 0
        self.setFixedHeight(theme.px(64))

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(56) * self.max_digits, self.theme.px(64))

    def paintEvent(self, _e: QPaintEvent) -> None:
        th, pal = self.theme, self.theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        d, gap = th.px(28), th.px(24)
        total = self.max_digits * d + (self.max_digits - 1) * gap
        x = (self.width() - total) / 2
        for i in range(self.max_digits):
            r = QRectF(x + i * (d + gap), (self.height() - d) / 2, d, d)
            if i < self.count:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(pal.accent))
            else:
                p.setPen(QPen(QColor(pal.line_strong), th.px(3)))
                p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(r)
        p.end()


class PinPad(QFrame):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, theme: Theme, title: str, *, max_digits: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pin-pad")
        self.setProperty("card", "plain")
        self.theme = theme
        self.max_digits = max_digits
        self._entered = ""
        self.keys: dict[str, PillButton] = {}
        compact = band_top(theme) > 0  # reach mode: every key in the band, the title above
        col = QVBoxLayout(self)
        pad = theme.px(48)
        col.setContentsMargins(pad, pad, pad, pad)
        col.setSpacing(theme.space("sm" if compact else "md"))
        centre = Qt.AlignmentFlag.AlignHCenter
        col.addWidget(TextLabel(theme, title, "zh", role="h2", align=centre, parent=self))
        row = QHBoxLayout()
        self.dots = PinDots(theme, max_digits, self)
        row.addWidget(self.dots, 1)
        self.back_key = self._key("", glyph="backspace", name="pin-back")
        self.back_key.clicked.connect(self.backspace)
        row.addWidget(self.back_key)
        self.message = TextLabel(theme, " ", "zh", role="lead", tone="danger", align=centre, parent=self)
        for part in (self.message, row) if compact else (row, self.message):
            col.addWidget(part) if isinstance(part, QWidget) else col.addLayout(part)
        grid = QGridLayout()
        grid.setSpacing(theme.space("sm" if compact else "md"))
        for i, digit in enumerate("123456789"):
            grid.addWidget(self._digit(digit), i // 3, i % 3)
        cancel = self._key("", glyph="close", name="pin-cancel")
        cancel.clicked.connect(self.cancelled)
        grid.addWidget(cancel, 3, 0)
        grid.addWidget(self._digit("0"), 3, 1)
        ok = self._key("", glyph="check", name="pin-ok", variant="primary")
        ok.clicked.connect(self._on_ok_clicked)
        grid.addWidget(ok, 3, 2)
        col.addLayout(grid)

    def _key(self, text: str, *, glyph: str | None = None, name: str, variant: str = "secondary") -> PillButton:
        th = self.theme
        tall = th.px(96 if band_top(th) else 112)
        key = PillButton(th, text, glyph=glyph, variant=variant, height=max(th.min_target, tall), parent=self)
        key.setObjectName(name)
        key.setMinimumWidth(max(th.min_target, th.px(168)))
        key.setFont(th.font("h2"))
        self.keys[name] = key
        return key

    def _digit(self, digit: str) -> PillButton:
        key = self._key(digit, name=f"pin-key-{digit}")
        key.clicked.connect(lambda d=digit: self.press(d))
        return key

    @property
    def entered(self) -> str:
        return self._entered

    def press(self, digit: str) -> None:
        if len(self._entered) < self.max_digits:
            self._entered += digit
            self.message.set_source(" ")
            self._sync()

    def backspace(self) -> None:
        self._entered = self._entered[:-1]
        self._sync()

    def clear(self) -> None:
        self._entered = ""
        self._sync()

    def show_message(self, text: str) -> None:
        self.message.set_source(text or " ")

    def set_locked(self, locked: bool) -> None:
        for name, key in self.keys.items():
            if name != "pin-cancel":
                key.setEnabled(not locked)

    def _sync(self) -> None:
        self.dots.count = len(self._entered)
        self.dots.update()

    def _on_ok_clicked(self) -> None:
        if self._entered:
            self.submitted.emit(self._entered)
