"""UnavailableScreen: the calm "正在更新内容 · We'll be right back" page visitors see when the
content can't be used. No error details here (they are behind the admin gesture); the text
drifts slowly so it never burns in."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QHideEvent, QPainter, QPaintEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import QWidget

from kiosk.i18n import tr
from kiosk.shell.backdrop import paint_backdrop
from kiosk.theme import Theme
from kiosk.widgets.text import draw_text

STEP_MS = 250


class UnavailableScreen(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unavailable")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.theme = theme
        self._backdrop: QPixmap | None = None
        self._clock = QElapsedTimer()
        self._clock.start()
        self._frozen: float | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("unavailable-drift-timer")
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self.update)

    def freeze(self, t: float | None) -> None:
        self._frozen = t
        self.update()

    def now(self) -> float:
        return self._frozen if self._frozen is not None else self._clock.elapsed() / 1000

    def stop(self) -> None:
        self.timer.stop()

    def showEvent(self, e: QShowEvent) -> None:
        if self._frozen is None:
            self.timer.start()
        super().showEvent(e)

    def hideEvent(self, e: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(e)

    def text_origin(self, t: float) -> tuple[float, float]:
        th = self.theme
        dx = th.px(80) * math.sin(2 * math.pi * t / 71)
        dy = th.px(50) * math.sin(2 * math.pi * t / 53 + 0.7)
        return dx, dy

    def paintEvent(self, _e: QPaintEvent) -> None:
        th, pal = self.theme, self.theme.palette
        if self._backdrop is None or self._backdrop.size() != self.size():
            self._backdrop = paint_backdrop(th, QSize(self.width(), self.height()), strength=0.35)
        t = self.now()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.drawPixmap(0, 0, self._backdrop)
        dx, dy = self.text_origin(t)
        w = self.width() * 0.8
        x = (self.width() - w) / 2 + dx
        f1, f2, f3 = th.font("display"), th.font("h2"), th.font("lead")
        total = sum(QFontMetricsF(f).height() for f in (f1, f2, f3)) + th.space("xl") * 2
        y = (self.height() - total) / 2 + dy
        centre = Qt.AlignmentFlag.AlignHCenter
        y += draw_text(p, tr("unavailable.title", "zh"), f1, QColor(pal.text), x, y, w, max_lines=1, align=centre)
        y += th.space("md")
        bar_w = th.px(120)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.accent))
        p.drawRoundedRect(QRectF(x + (w - bar_w) / 2, y, bar_w, th.px(8)), th.px(4), th.px(4))
        y += th.space("lg")
        y += draw_text(p, tr("unavailable.title", "en"), f2, QColor(pal.text), x, y, w, max_lines=1, align=centre)
        y += th.space("sm")
        body = f"{tr('unavailable.body', 'zh')}\n{tr('unavailable.body', 'en')}"
        draw_text(p, body, f3, QColor(pal.text_muted), x, y, w, max_lines=4, align=centre)
        p.end()
