"""Reload memory and save → on-screen latency, as staff who save often see it.

A real kiosk window (offscreen, 1920×1080) on a copy of content.yaml, wired exactly as
``kiosk run`` wires it (ContentService → watcher → KioskWindow.offer_content, pages warmed
after each apply). Each round a visitor looks at every section, the kiosk goes back to
attract, and a new version of the file is saved (a changed comment),
waits until the window has applied it and painted a frame, and records the latency and the
process RSS. Memory growth is reported after the first few reloads (caches and lazily
imported modules settle there).

    python benchmarks/reload.py [--reloads 100] [--json out.json]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SETTLE = 10
"""Reloads before the memory baseline (first-use caches, lazy imports)."""


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def build(folder: Path):
    """The window exactly as ``kiosk run --windowed`` builds it (hot reload, analytics)."""
    import argparse

    from kiosk.app import build_window, create_app
    from kiosk.shell.frames import FrameMonitor

    os.environ["KIOSK_DATA_DIR"] = str(folder / "data")
    app = create_app(kiosk_mode=False)
    args = argparse.Namespace(content=str(folder / "content.yaml"), lang=None, idle_timeout=None)
    window = build_window(args, kiosk_mode=False, size=(1920, 1080))
    frames = FrameMonitor(window)
    window.show()
    return app, window, frames


def wait_for(app, predicate, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("the new content never reached the screen")
        app.processEvents()
        time.sleep(0.002)


def visit(app, window, actions: int = 0, rng=None) -> None:
    """A visitor looks at every section (and with ``actions``, taps, swipes and pinches at
    random, as benchmarks/soak.py does), then the kiosk goes idle (back to attract)."""
    for section in window.view.content.sections:
        window.show_screen(section.id)
        for _ in range(3):
            app.processEvents()
    if actions:
        from soak import step

        for _ in range(actions):
            step(window, rng)
            app.processEvents()
    window.reset()
    app.processEvents()


def run(reloads: int, actions: int = 0) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-reload-"))
    try:
        folder = tmp / "show"
        shutil.copytree(ROOT / "assets", folder / "assets")
        source = (ROOT / "content.yaml").read_text(encoding="utf-8")
        (folder / "content.yaml").write_text(source, encoding="utf-8")
        app, window, frames = build(folder)
        wait_for(app, lambda: frames.frames > 0)
        window.warm_up()
        rss, latency = [rss_mb()], []
        rng = random.Random(13)
        for n in range(reloads):
            visit(app, window, actions, rng)
            replaced: list[object] = []
            window.view_replaced.connect(replaced.append)
            marker = f"reload-{n}"
            start = time.monotonic()
            (folder / "content.yaml").write_text(source + f"\n# {marker}\n", encoding="utf-8")
            wait_for(app, lambda r=replaced: bool(r))
            applied = frames.frames
            wait_for(app, lambda a=applied: frames.frames > a)
            latency.append(time.monotonic() - start)
            window.view_replaced.disconnect(replaced.append)
            wait_for(app, lambda: window.view.warmed_up, 30)  # every page built, as in the kiosk
            gc.collect()
            app.processEvents()
            rss.append(rss_mb())
        window.shutdown()
        window.recorder.close()
        base = rss[min(SETTLE, len(rss) - 1)]
        return {
            "reloads": reloads,
            "actions_per_reload": actions,
            "rss_start_mb": round(rss[0], 1),
            "rss_after_settle_mb": round(base, 1),
            "rss_end_mb": round(rss[-1], 1),
            "growth_after_settle_mb": round(rss[-1] - base, 1),
            "rss_every_10_mb": [round(r, 1) for r in rss[::10]],
            "latency_median_s": round(statistics.median(latency), 3),
            "latency_p95_s": round(sorted(latency)[int(0.95 * (len(latency) - 1))], 3),
            "latency_max_s": round(max(latency), 3),
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reloads", type=int, default=100)
    parser.add_argument("--actions", type=int, default=0,
                        help="random visitor actions (taps, swipes, pinches) between reloads")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    result = run(args.reloads, args.actions)
    for key, value in result.items():
        print(f"reload.{key}: {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
