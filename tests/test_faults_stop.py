"""Graceful stop: SIGTERM/SIGINT flush every recorded event, close the database, tell
systemd STOPPING=1 and exit 128+signal; the unit restarts after a stray kill but not after
``systemctl stop``; events reach the disk within a batch, a session at its first tap."""

from __future__ import annotations

import configparser
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing

import pytest
from conftest import ROOT, write_minimal_content

from kiosk import analytics
from kiosk.signals import exit_code

# `kiosk run` with a timer that records a tap every millisecond and prints the count
TAPPING_KIOSK = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from kiosk import app, cli
    build = app.build_window

    def build_tapping(*args, **kwargs):
        window = build(*args, **kwargs)
        count = [0]
        def tap():
            window.recorder.record("tap", screen="park", item=f"t{count[0]}")
            count[0] += 1
            print(count[0], flush=True)
        timer = QTimer(window)
        timer.timeout.connect(tap)
        timer.start(1)
        return window

    app.build_window = build_tapping
    sys.exit(cli.main(sys.argv[1:]))
""")


def _notify_socket(tmp_path):
    path = str(tmp_path / "notify.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(60)
    return server, path


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_mid_write_loses_no_events(tmp_path, signum):
    content = write_minimal_content(tmp_path / "show")
    data = tmp_path / "data"
    server, address = _notify_socket(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NOTIFY_SOCKET": address,
           "WATCHDOG_USEC": "2000000", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", TAPPING_KIOSK, "run", "--windowed", "--content", str(content),
         "--data-dir", str(data)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=str(ROOT))
    try:
        assert server.recv(64) == b"READY=1"
        recorded = 0
        while recorded < 300:  # taps are being recorded
            recorded = int(proc.stdout.readline())
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=60)
        messages = []
        server.settimeout(0)
        while True:
            try:
                messages.append(server.recv(64))
            except BlockingIOError:
                break
    finally:
        server.close()
        if proc.poll() is None:
            proc.kill()
    recorded = int(out.split()[-1]) if out.split() else recorded
    assert proc.returncode == exit_code(signum), err
    assert b"STOPPING=1" in messages and messages.count(b"STOPPING=1") == 1
    assert f"received {signal.Signals(signum).name}: stopping" in err
    assert "Traceback" not in err
    with closing(sqlite3.connect(data / "analytics.db")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == recorded


def test_systemd_unit_restarts_a_kill_but_not_a_stop():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read(ROOT / "build" / "packaging" / "kiosk.service", encoding="utf-8")
    service = unit["Service"]
    assert service["Restart"] == "always"
    prevent = service["RestartPreventExitStatus"].split()
    success = service["SuccessExitStatus"].split()
    for signum in (signal.SIGTERM, signal.SIGINT):
        code = str(exit_code(signum))
        assert code not in prevent, "a kill from outside must be restarted"
        assert code in success, "systemctl stop must not leave the unit failed"
    assert prevent == ["0"], "only the admin panel's Exit (0) is never restarted"


def test_session_is_written_at_its_first_tap(tmp_path):
    db = tmp_path / "analytics.db"
    rec = analytics.Recorder(db, batch_seconds=3600)  # no batch would ever end
    committed = []
    rec._on_commit = committed.append
    rec.record("session_start", screen="home", lang="zh")
    import threading

    done = threading.Event()
    for _ in range(1000):
        if committed:
            break
        done.wait(0.01)
    assert committed == [1], "a session start is written at once, not with the next batch"
    rec.close()


def test_batches_are_short():
    assert analytics.BATCH_SECONDS <= 0.5
