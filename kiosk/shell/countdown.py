"""CountdownOverlay: "还在浏览吗？· Still there?" with a big Continue button.

Shown after the idle timeout. Counts down once a second (``tick_timer``; :meth:`tick` is
its slot, so tests step it); at zero it emits ``expired``, and any touch on the overlay —
the button or anywhere else — emits ``continued``. Bilingual on purpose: the visitor who
walked up may not read the language the last one chose.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QLayout, QVBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.shell.reach import place_in_band
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.labels import TextLabel


class Ring(QWidget):
    """Remaining seconds as a number inside a shrinking amber ring."""

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.theme = theme
        self.total = 10
        self.remaining = 10
        self.setFixedSize(theme.px(200), theme.px(200))

    def set_state(self, remaining: int, total: int) -> None:
        self.remaining, self.total = remaining, max(1, total)
        self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        th, pal = self.theme, self.theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = th.px(12)
        r = QRectF(self.rect()).adjusted(w, w, -w, -w)
        p.setPen(QPen(QColor(pal.line_strong), w))
        p.drawEllipse(r)
        pen = QPen(QColor(pal.accent), w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(r, 90 * 16, round(-360 * 16 * self.remaining / self.total))
        font = th.font("figure")
        p.setFont(font)
        p.setPen(QColor(pal.text))
        p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), str(self.remaining))
        p.end()


class CountdownOverlay(QWidget):
    expired = Signal()
    continued = Signal()

    def __init__(self, theme: Theme, seconds: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.theme = theme
        self.seconds = seconds
        self.remaining = seconds
        self.tick_timer = QTimer(self)
        self.tick_timer.setObjectName("countdown-timer")
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self.tick)

        self.panel = QFrame(self)
        self.panel.setProperty("card", "plain")
        col = QVBoxLayout(self.panel)
        pad = theme.px(72)
        col.setContentsMargins(pad, pad, pad, pad)
        col.setSpacing(theme.space("md"))
        centre = Qt.AlignmentFlag.AlignHCenter
        self.ring = Ring(theme, self.panel)
        col.addWidget(self.ring, 0, centre)
        col.addSpacing(theme.space("sm"))
        for key, role, tone, lang in (("idle.title", "h1", None, "zh"), ("idle.title", "h2", None, "en")):
            col.addWidget(TextLabel(theme, tr(key, lang), lang, role=role, tone=tone, align=centre, parent=self.panel))
        self.body = TextLabel(theme, "", "zh", role="lead", tone="muted", align=centre, parent=self.panel)
        col.addWidget(self.body)
        col.addSpacing(theme.space("md"))
        self.button = PillButton(
            theme,
            f"{tr('idle.continue', 'zh')} · {tr('idle.continue', 'en')}",
            variant="primary",
            height=max(theme.size("button"), theme.px(120)),
            parent=self.panel,
        )
        self.button.setObjectName("idle-continue")
        self.button.setFont(theme.font("h3"))
        self.button.setMinimumWidth(theme.px(520))
        self.button.clicked.connect(self.cont)
        col.addWidget(self.button, 0, centre)
        self.hide()

    def start(self) -> None:
        self.remaining = self.seconds
        self._render()
        if self.parentWidget() is not None:
            self.setGeometry(cast(QWidget, self.parentWidget()).rect())
        self.show()
        self.raise_()
        self._place()
        self.tick_timer.start()

    def stop(self) -> None:
        self.tick_timer.stop()
        self.hide()

    def tick(self) -> None:
        """One second passed (the timer's slot)."""
        if not self.isVisible():
            self.tick_timer.stop()
            return
        self.remaining -= 1
        if self.remaining <= 0:
            self.stop()
            self.expired.emit()
        else:
            self._render()

    def cont(self) -> None:
        if self.isVisible():
            self.stop()
            self.continued.emit()

    def _render(self) -> None:
        n = self.remaining
        self.ring.set_state(n, self.seconds)
        self.body.set_source(f"{tr('idle.body', 'zh', n=n)}\n{tr('idle.body', 'en', n=n)}")

    # -- input: a touch anywhere continues --------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.TouchBegin:
            e.accept()
            self.cont()
            return True
        if e.type() in (QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            e.accept()
            return True
        return super().event(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        e.accept()
        self.cont()

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._place()
        super().resizeEvent(e)

    def _place(self) -> None:
        cast(QLayout, self.panel.layout()).activate()
        hint = self.panel.sizeHint()
        w = min(self.width() - 2 * self.theme.px(64), max(hint.width(), self.theme.px(820)))
        h = self.panel.heightForWidth(w) if self.panel.hasHeightForWidth() else hint.height()
        h = max(h, hint.height())
        self.panel.setGeometry(place_in_band(self.theme, self.rect(), w, h, self.theme.space("md")))

    def paintEvent(self, _e: QPaintEvent) -> None:
        c = QColor(self.theme.palette.background_deep)
        c.setAlphaF(0.86)
        p = QPainter(self)
        p.fillRect(self.rect(), c)
        p.end()
