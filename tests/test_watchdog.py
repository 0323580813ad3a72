"""sd_notify heartbeats go to systemd's socket from the event loop."""

from __future__ import annotations

import socket

from kiosk.watchdog import Heartbeat, notify


def test_no_socket_no_notification():
    assert notify("READY=1", {}) is False
    beat = Heartbeat(env={})
    assert not beat.timer.isActive()


def test_ready_then_heartbeats(tmp_path, qtbot):
    path = str(tmp_path / "notify.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(5)
    try:
        env = {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "2000000"}
        beat = Heartbeat(env=env)
        assert server.recv(64) == b"READY=1"
        assert beat.timer.interval() == 1000
        beat.timer.setInterval(10)
        with qtbot.waitSignal(beat.timer.timeout, timeout=2000):
            pass
        assert server.recv(64) == b"WATCHDOG=1"
        beat.stop()
        assert not beat.timer.isActive()
        while (message := server.recv(64)) == b"WATCHDOG=1":
            pass  # heartbeats sent before stop()
        assert message == b"STOPPING=1"
    finally:
        server.close()
