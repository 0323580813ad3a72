"""Start-up: process start → first painted frame at 1920×1080 or another size (offscreen), for the kiosk
and for the floor — a bare PySide6 window of the same size with one label. Both print
``FIRST_FRAME <monotonic seconds> <rss bytes>``; the parent subtracts its own monotonic
time taken just before starting the process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
w = QLabel("Qingdao Industrial Internet Cluster")
w.resize(int(sys.argv[1]), int(sys.argv[2]))
def stamp():
    now = time.monotonic()
    with open("/proc/self/statm") as f:
        rss = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    print(f"FIRST_FRAME {now:.6f} {rss}", flush=True)
    app.quit()
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is w:
            app.removeEventFilter(self)
            QTimer.singleShot(0, stamp)
        return False
probe = Probe()
app.installEventFilter(probe)
w.show()
sys.exit(app.exec())
"""


PYC_DIR = Path(tempfile.gettempdir()) / "kiosk-bench-pyc"
"""Compiled bytecode for the timed processes: an installed kiosk (pip, the frozen bundle)
starts from ``.pyc`` files, so the benchmark does too, even where the shell sets
``PYTHONDONTWRITEBYTECODE`` (the first, untimed start of each kind fills this folder)."""


def first_frame(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(seconds from process start to first frame, RSS MB at that moment)."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                "PYTHONPYCACHEPREFIX": str(PYC_DIR), **(env or {})}
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=120,
                         check=False)
    for line in out.stdout.splitlines():
        if line.startswith("FIRST_FRAME "):
            _, stamp, rss = line.split()
            return float(stamp) - start, int(rss) / 1e6
    raise RuntimeError(f"no first frame from {cmd}: {out.stderr[-2000:]}")


def bare_cmd(size: tuple[int, int] = (1920, 1080)) -> list[str]:
    return [sys.executable, "-c", BARE, str(size[0]), str(size[1])]


def kiosk_cmd(content: Path | None = None, executable: list[str] | None = None,
              size: tuple[int, int] = (1920, 1080)) -> list[str]:
    cmd = executable or [sys.executable, "-m", "kiosk"]
    cmd = [*cmd, "run", "--windowed", "--size", f"{size[0]}x{size[1]}"]
    if content is not None:
        cmd += ["--content", str(content)]
    return cmd


KIOSK_ENV = {"KIOSK_BENCH_FIRST_FRAME": "1"}
