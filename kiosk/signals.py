"""SIGTERM and SIGINT handled inside the Qt event loop.

A Python signal handler only runs when the interpreter gets control, which a Qt event loop
sitting in C++ may not give it for a long time. So the C-level handler writes the signal
number to a socket (:func:`signal.set_wakeup_fd`) and a :class:`QSocketNotifier` wakes the
event loop, which emits :attr:`StopSignals.received`. The kiosk then stops the way it stops
from the admin panel: analytics flushed, database closed, ``STOPPING=1`` to systemd.

Exit code: ``128 + signal`` (143 for SIGTERM, 130 for SIGINT), the shell's convention for
"ended by a signal". Not 0: 0 means "staff chose Exit" and is the one code the systemd unit
does not restart (``RestartPreventExitStatus=0``), so a stray ``kill`` is followed by a
restart, while ``systemctl stop`` never restarts anything and lists 143 as a clean stop
(``SuccessExitStatus=130 143``).
"""

from __future__ import annotations

import logging
import signal
import socket
from types import FrameType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Signal

if TYPE_CHECKING:
    from kiosk.watchdog import Heartbeat

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def exit_code(signum: int) -> int:
    return 128 + signum


class StopSignals(QObject):
    """Turns SIGTERM/SIGINT into :attr:`received` ``(signum)`` on the UI thread."""

    received = Signal(int)

    def __init__(self, signals: tuple[signal.Signals, ...] = STOP_SIGNALS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._old = {s: signal.signal(s, _ignore) for s in signals}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def restore(self) -> None:
        """Put back the previous handlers (tests; after the event loop has ended)."""
        self._notifier.setEnabled(False)
        for signum, handler in self._old.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._old_fd)
        self._read.close()
        self._write.close()

    def _on_notifier_activated(self) -> None:
        try:
            data = self._read.recv(64)
        except OSError:
            return
        for signum in data:
            if signum in self._old:
                log.info("received %s: stopping", signal.Signals(signum).name)
                self.received.emit(signum)


def _ignore(_signum: int, _frame: FrameType | None) -> None:
    """The Python-level handler does nothing: the work is done in the event loop."""


def stop_on_signals(app: QCoreApplication, heartbeat: list[Heartbeat]) -> StopSignals:
    """SIGTERM/SIGINT: tell systemd we are stopping and leave the event loop with 128+n;
    :func:`run_command` then flushes analytics and closes the database."""
    from kiosk.watchdog import notify

    stop = StopSignals(parent=app)

    def on_received(signum: int) -> None:
        for beat in heartbeat:
            beat.stop()  # STOPPING=1
        if not heartbeat:
            notify("STOPPING=1")
        app.exit(exit_code(signum))

    stop.received.connect(on_received)
    return stop
