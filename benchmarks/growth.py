"""Where memory grows over visitor-mode switches mixed with page visits.

    python benchmarks/growth.py [--size WxH] [--rounds N] [--every K] [--trace]

Each round: switch a random visitor mode on the current page, visit every page, a few
random taps; every K rounds the settled state (idle reset, deletions run, gc) is measured:
RSS, live Python objects by type, live QObjects by class (window tree, top-level widgets,
QScroller instances) and, with --trace, a tracemalloc diff against the first measure.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import soak
from interaction import build_window, settled_rss
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QScroller

CONTENT = Path(__file__).resolve().parent.parent / "content.yaml"


def qt_counts(window) -> Counter[str]:
    """Live QObjects by class: the window's tree plus widgets outside it."""
    counts: Counter[str] = Counter(type(o).__name__ for o in window.findChildren(QObject))
    inside = set(map(id, window.findChildren(QObject)))
    for w in QApplication.allWidgets():
        if id(w) not in inside:
            counts["(outside) " + type(w).__name__] += 1
    counts["(QScroller.activeScrollers)"] = len(QScroller.activeScrollers())
    return counts


def py_counts() -> Counter[str]:
    return Counter(type(o).__qualname__ for o in gc.get_objects())


def diff(a: Counter[str], b: Counter[str], top: int = 15) -> list[tuple[str, int]]:
    d = [(k, b[k] - a[k]) for k in set(a) | set(b) if b[k] != a[k]]
    return sorted(d, key=lambda kv: -abs(kv[1]))[:top]


def heap_and_anon_mb() -> tuple[int, int]:
    """Resident MB of the main heap ([heap]) and of anonymous mappings (thread arenas,
    big buffers): fragmentation shows in the first, live pixel buffers in the second."""
    heap = anon = 0
    name = ""
    with open("/proc/self/smaps", encoding="ascii", errors="replace") as f:
        for line in f:
            parts = line.split()
            if parts and "-" in parts[0] and len(parts) >= 5:
                name = parts[5] if len(parts) > 5 else ""
            elif parts and parts[0] == "Rss:":
                if name == "[heap]":
                    heap += int(parts[1])
                elif name == "":
                    anon += int(parts[1])
    return heap // 1024, anon // 1024


def one_round(window, rng: random.Random) -> None:
    view = window.view
    sections = [s.id for s in view.content.sections]
    view.show_screen(rng.choice(sections))
    view.finish_animations()
    name = rng.choice(("large_text", "high_contrast", "reduced_motion", "reach"))
    window.modes.toggle(name)
    window.switcher.finish()
    for sid in rng.sample(sections, len(sections)):
        window.view.show_screen(sid)
        window.view.finish_animations()
        QApplication.processEvents()
        for _ in range(3):
            soak.step(window, rng, taps_only=True)
        soak.hold_modes(window)


def measure(window) -> float:
    """Settled RSS in one state whatever the modes were: the idle reset (which rebuilds
    the view when a mode was on), then every page built again, then reset and settled."""
    settled_rss(window)
    for section in window.view.content.sections:
        window.view.show_screen(section.id)
        window.view.finish_animations()
        QApplication.processEvents()
    return settled_rss(window)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--rounds", type=int, default=60)
    ap.add_argument("--every", type=int, default=10)
    ap.add_argument("--trace", action="store_true")
    ap.add_argument("--no-reclaim", action="store_true", help="as before the fix: no collection at the reset")
    args = ap.parse_args()
    if args.no_reclaim:
        from kiosk.shell import reclaim

        reclaim.reclaim = lambda: None
    size = tuple(int(v) for v in args.size.split("x"))
    window = build_window(CONTENT, size)
    rng = random.Random(5)
    for _ in range(6):  # warm: every page built in several modes
        one_round(window, rng)
    rss0 = measure(window)
    print(f"warm: RSS {rss0:.1f} MB; heap, anonymous MB: {heap_and_anon_mb()}", flush=True)
    py0, qt0 = py_counts(), qt_counts(window)
    if args.trace:
        tracemalloc.start(12)
        snap0 = tracemalloc.take_snapshot()
    for i in range(1, args.rounds + 1):
        one_round(window, rng)
        if i % args.every == 0:
            rss = measure(window)
            heap, anon = heap_and_anon_mb()
            print(f"round {i}: RSS {rss:.1f} MB ({rss - rss0:+.1f}); heap {heap} MB, anonymous {anon} MB",
                  flush=True)
    print("python objects:", diff(py0, py_counts()))
    print("qt objects:", diff(qt0, qt_counts(window)))
    if args.trace:
        snap = tracemalloc.take_snapshot()
        for stat in snap.compare_to(snap0, "traceback")[:12]:
            print(stat)
            for line in stat.traceback.format()[-8:]:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
