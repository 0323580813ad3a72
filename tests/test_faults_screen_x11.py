"""The screen guard against a real X server (Xvfb) attacked with xdotool, as a hostile
desktop would: the window destroyed (XDestroyWindow), unmapped, and resized from outside.
Skipped, with the reason, where Xvfb or xdotool are not installed (build/setup.sh test
installs them)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, write_minimal_content

from kiosk.shell.screen_guard import EXIT_SCREEN_LOST
from kiosk.signals import exit_code

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool x11-utils)")

SIZE = (1280, 720)


def _poll(predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
    pause = threading.Event()
    for _ in range(int(timeout / 0.1)):
        if predicate():
            return True
        pause.wait(0.1)
    return predicate()


@pytest.fixture(scope="module")
def display(tmp_path_factory) -> Iterator[str]:
    for n in range(91, 120):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            break
    xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24",
                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        assert _poll(lambda: Path(f"/tmp/.X11-unix/X{n}").exists(), 20), "Xvfb did not start"
        yield f":{n}"
    finally:
        xvfb.terminate()
        xvfb.wait(10)


class Kiosk:
    """``kiosk run`` (kiosk mode) on the display, with a notify socket like systemd's."""

    def __init__(self, display: str, tmp_path: Path) -> None:
        content = write_minimal_content(tmp_path / "show")
        address = str(tmp_path / "notify.sock")
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.server.bind(address)
        self.server.settimeout(90)
        self.display = display
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "NOTIFY_SOCKET": address, "WATCHDOG_USEC": "2000000",
               "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--content", str(content),
             "--data-dir", str(tmp_path / "data")], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))
        assert self.server.recv(64) == b"READY=1"
        assert self.server.recv(64) == b"WATCHDOG=1", "the healthy kiosk feeds the watchdog"
        ids = self.xdotool("search", "--onlyvisible", "--name", "Qingdao").split()
        assert ids, "the kiosk window is on the display"
        self.window = ids[0]

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], capture_output=True, text=True,
                              env={**os.environ, "DISPLAY": self.display}, check=False)
        return done.stdout

    def geometry(self) -> str:
        return self.xdotool("getwindowgeometry", self.window)

    def heartbeats_after(self) -> list[bytes]:
        self.server.settimeout(0)
        found = []
        while True:
            try:
                found.append(self.server.recv(64))
            except BlockingIOError:
                return found

    def close(self) -> tuple[str, str]:
        if self.proc.poll() is None:
            self.proc.kill()
        out, err = self.proc.communicate(timeout=30)
        self.server.close()
        return out, err


@pytest.mark.parametrize("attack", ["windowclose", "windowunmap"])
def test_window_lost_from_outside_ends_the_kiosk(display, tmp_path, attack):
    kiosk = Kiosk(display, tmp_path)
    try:
        kiosk.heartbeats_after()  # drain
        kiosk.xdotool(attack, kiosk.window)
        kiosk.proc.wait(timeout=30)
        messages = kiosk.heartbeats_after()
    finally:
        _out, err = kiosk.close()
    assert kiosk.proc.returncode == EXIT_SCREEN_LOST, err
    assert messages.count(b"WATCHDOG=1") <= 1, f"the watchdog kept being fed: {messages}"
    assert "screen lost" in err and "Traceback" not in err


def test_outside_resize_is_undone_on_a_real_display(display, tmp_path):
    kiosk = Kiosk(display, tmp_path)
    full = f"{SIZE[0]}x{SIZE[1]}"
    try:
        assert full in kiosk.geometry()
        kiosk.xdotool("windowsize", kiosk.window, "800", "600")
        assert _poll(lambda: full in kiosk.geometry()), kiosk.geometry()
        assert kiosk.proc.poll() is None
        kiosk.proc.terminate()
        kiosk.proc.wait(timeout=30)
    finally:
        _out, err = kiosk.close()
    assert kiosk.proc.returncode == exit_code(15), err
    assert "restoring full screen" in err
