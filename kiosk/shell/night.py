"""Night mode: the screen at rest outside opening hours.

* :class:`NightScreen` — near-black and burn-in safe: a small clock and the park's name
  (or only the name, or nothing), dim, drifting slowly over the whole screen so no pixel
  stays lit for long. A touch emits ``touched``.
* :class:`DisplayPower` — the optional ``display_off`` / ``display_on`` commands, run with
  :class:`QProcess` (never blocking the UI) and stopped after ``command_timeout`` seconds.
* :class:`NightController` — when to rest. It enters night only at a quiet moment (the
  attract screen, nobody at the admin panel, no guided tour): a visitor still browsing at
  closing time keeps going and gets the usual idle countdown first. A touch at night wakes
  the kiosk for ``wake_minutes``.

Time comes from the injected clock (:mod:`kiosk.clock`); tests call :meth:`check`.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import shlex
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.clock import Clock
from kiosk.content.calendar import NightMode
from kiosk.content.model import Text
from kiosk.theme import Theme
from kiosk.widgets.tap import swallow_touch

log = logging.getLogger(__name__)

DRIFT_PERIOD_S = (23 * 60.0, 17 * 60.0)
"""The clock crosses the screen in about 20 minutes: nothing stays put for a minute."""


def drift_fraction(t: float) -> tuple[float, float]:
    """Where the night block sits at time ``t`` (seconds), as fractions of the free area."""
    return (0.5 + 0.5 * math.sin(2 * math.pi * t / DRIFT_PERIOD_S[0]),
            0.5 + 0.5 * math.sin(2 * math.pi * t / DRIFT_PERIOD_S[1] + 1.3))


class NightScreen(QWidget):
    touched = Signal()

    def __init__(self, theme: Theme, name: Text, clock: Clock, tz: dt.tzinfo,
                 show: str = "clock", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("night")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.theme, self.name, self.clock, self.tz, self.show_mode = theme, name, clock, tz, show
        self.timer = QTimer(self)
        self.timer.setObjectName("night-frame-timer")
        self.timer.setInterval(10_000)  # a dim clock needs no more than this
        self.timer.timeout.connect(self.update)
        self.hide()

    def showEvent(self, e: QEvent) -> None:
        self.timer.start()
        super().showEvent(e)  # type: ignore[arg-type]

    def hideEvent(self, e: QEvent) -> None:
        self.timer.stop()
        super().hideEvent(e)  # type: ignore[arg-type]

    def stop(self) -> None:
        self.timer.stop()

    def block_origin(self, now: dt.datetime) -> QPointF:
        """Top-left of the clock block at ``now`` (public for the burn-in test)."""
        w, h = self._block_size()
        fx, fy = drift_fraction(now.timestamp())
        m = self.theme.px(48)
        return QPointF(m + fx * max(0.0, self.width() - w - 2 * m),
                       m + fy * max(0.0, self.height() - h - 2 * m))

    def _block_size(self) -> tuple[float, float]:
        th = self.theme
        big, small = QFontMetricsF(th.font("h1")), QFontMetricsF(th.font("caption"))
        width = max(big.horizontalAdvance("00:00"), small.horizontalAdvance(self.name.get("zh")),
                    small.horizontalAdvance(self.name.get("en")))
        return width, big.height() + 2 * small.height() + th.px(8)

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#000000"))
        if self.show_mode != "nothing":
            self._paint_block(p)
        p.end()

    def _paint_block(self, p: QPainter) -> None:
        th = self.theme
        now = self.clock.now().astimezone(self.tz)
        o = self.block_origin(now)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        dim = QColor(th.palette.text_muted)
        dim.setAlphaF(0.42)
        faint = QColor(th.palette.text_muted)
        faint.setAlphaF(0.3)
        y = o.y()
        if self.show_mode == "clock":
            font = th.font("h1")
            font.setWeight(font.Weight.Light)
            p.setFont(font)
            p.setPen(dim)
            fm = QFontMetricsF(font)
            p.drawText(QPointF(o.x(), y + fm.ascent()), now.strftime("%H:%M"))
            y += fm.height() + th.px(8)
        small = th.font("caption")
        fm = QFontMetricsF(small)
        p.setFont(small)
        p.setPen(faint)
        for line in (self.name.get("zh"), self.name.get("en")):
            p.drawText(QPointF(o.x(), y + fm.ascent()), line)
            y += fm.height()

    def event(self, e: QEvent) -> bool:
        if swallow_touch(e, self.touched.emit):
            return True
        return super().event(e)

    def mousePressEvent(self, e: QEvent) -> None:
        e.accept()
        self.touched.emit()


class DisplayPower(QObject):
    """Runs the display commands; a command that hangs is killed after ``timeout_s``."""

    finished = Signal(str, bool)
    """(which, ok) — for logs and tests."""

    def __init__(self, night: NightMode, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.night = night
        self.processes: list[QProcess] = []

    def off(self) -> None:
        self._run("display_off", self.night.display_off)

    def on(self) -> None:
        self._run("display_on", self.night.display_on)

    def _run(self, which: str, command: str | None) -> None:
        if not command:
            return
        try:
            words = shlex.split(command)
        except ValueError:
            words = []
        if not words:
            log.warning("night mode: %s command cannot be read: %r", which, command)
            return
        proc = QProcess(self)
        proc.setObjectName(f"display-{which}")
        killer = QTimer(proc)
        killer.setObjectName("display-command-timeout")
        killer.setSingleShot(True)
        killer.timeout.connect(proc.kill)
        proc.finished.connect(lambda code, _status: self._done(proc, killer, which, code == 0))
        proc.errorOccurred.connect(lambda err: self._failed(proc, killer, which, err))
        self.processes.append(proc)
        proc.start(words[0], words[1:])
        killer.start(1000 * self.night.command_timeout)

    def _done(self, proc: QProcess, killer: QTimer, which: str, ok: bool) -> None:
        killer.stop()
        if not ok:
            log.warning("night mode: %s command failed (%s)", which, proc.program())
        self._forget(proc)
        self.finished.emit(which, ok)

    def _failed(self, proc: QProcess, killer: QTimer, which: str, err: QProcess.ProcessError) -> None:
        if err == QProcess.ProcessError.FailedToStart:
            killer.stop()
            log.warning("night mode: %s command could not start (%s)", which, proc.program())
            self._forget(proc)
            self.finished.emit(which, False)
        elif err == QProcess.ProcessError.Crashed and not killer.isActive():
            log.warning("night mode: %s command took too long and was stopped", which)

    def _forget(self, proc: QProcess) -> None:
        if proc in self.processes:
            self.processes.remove(proc)
        proc.deleteLater()

    def stop(self) -> None:
        for proc in list(self.processes):
            for timer in proc.findChildren(QTimer):
                timer.stop()
            proc.kill()
            proc.waitForFinished(1000)


class NightController(QObject):
    """Decides when the night screen shows. ``quiet()`` says whether nobody is busy."""

    changed = Signal(bool)
    """True when the night screen comes up, False when it goes."""

    def __init__(self, quiet: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.quiet = quiet
        self.screen: NightScreen | None = None
        self.power = DisplayPower(NightMode(), self)
        self.open = True
        self.resting = False
        self.wake_timer = QTimer(self)
        self.wake_timer.setObjectName("night-wake-timer")
        self.wake_timer.setSingleShot(True)
        self.wake_timer.timeout.connect(self.update)

    def configure(self, screen: NightScreen, night: NightMode) -> None:
        """A new screen and settings (new content); a resting kiosk stays at rest."""
        self.screen = screen
        self.power.night = night
        self.wake_timer.setInterval(60_000 * night.wake_minutes)
        screen.touched.connect(self.wake)
        if self.resting:
            self._place()

    @property
    def awake(self) -> bool:
        return self.wake_timer.isActive()

    def set_open(self, open_: bool) -> None:
        self.open = open_
        if open_:
            self.wake_timer.stop()
        self.update()

    def update(self) -> None:
        """Rest or wake as the hours say — entering night only at a quiet moment."""
        if self.open:
            if self.resting:
                self._leave()
            return
        if self.resting or self.awake:
            return
        if self.quiet():
            self._enter()

    def wake(self) -> None:
        """A touch at night: the kiosk is back for ``wake_minutes``."""
        if self.resting:
            self._leave()
            self.wake_timer.start()

    def _place(self) -> None:
        if self.screen is None:
            return
        parent = self.screen.parentWidget()
        if parent is not None:
            self.screen.setGeometry(parent.rect())
        self.screen.show()
        self.screen.raise_()

    def _enter(self) -> None:
        log.info("night mode: resting")
        self.resting = True
        self._place()
        self.power.off()
        self.changed.emit(True)

    def _leave(self) -> None:
        log.info("night mode: awake")
        self.resting = False
        if self.screen is not None:
            self.screen.hide()
        self.power.on()
        self.changed.emit(False)

    def stop(self) -> None:
        self.wake_timer.stop()
        if self.screen is not None:
            self.screen.stop()
        self.power.stop()
