"""systemd notification (sd_notify) without a dependency: READY=1 once the first frame is
up, then WATCHDOG=1 heartbeats sent *from the Qt event loop*. If the UI thread wedges, the
heartbeats stop and systemd (``WatchdogSec=``) restarts the kiosk. Does nothing when not
started by systemd (no ``NOTIFY_SOCKET``)."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def notify(message: str, env: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Send ``message`` to systemd's notify socket; False when there is none or it fails."""
    address = env.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]  # abstract socket namespace
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
        return True
    except OSError as exc:
        log.warning("sd_notify(%s) failed: %s", message, exc)
        return False


class Heartbeat(QObject):
    """Sends READY=1 now and WATCHDOG=1 at half the interval systemd asked for — only
    while ``healthy()`` says visitors can see the kiosk (:mod:`kiosk.shell.screen_guard`)."""

    def __init__(self, parent: QObject | None = None,
                 env: dict[str, str] | os._Environ[str] = os.environ, *,
                 healthy: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._healthy = healthy
        self.withheld = 0
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timer_timeout)
        usec = int(env.get("WATCHDOG_USEC", "0") or 0)
        if notify("READY=1", env) and usec > 0:
            self.timer.start(max(1000, usec // 2000))
            log.info("systemd watchdog: heartbeat every %d ms", self.timer.interval())

    def stop(self) -> None:
        """Stop the heartbeats and tell systemd we are stopping (once)."""
        self.timer.stop()
        if not self._stopped:
            self._stopped = True
            notify("STOPPING=1", self._env)

    def _on_timer_timeout(self) -> None:
        if self._healthy is not None and not self._healthy():
            self.withheld += 1  # the guard logs why
            return
        notify("WATCHDOG=1", self._env)
