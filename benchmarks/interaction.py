"""In-process measurements on a real kiosk window (offscreen, 1920×1080 unless ``--size``),
run as its own process by benchmarks/run.py or on its own, printing JSON:

* tap latency: synthetic tap on every home tile and every visible control → the new state
  painted. A frame is painted the way Qt paints it: pending events processed, which runs
  the repaint manager over the *dirty* region only and flushes it to the screen (offscreen:
  the backing store). ``--check-screen`` then compares that screen, pixel for pixel, with a
  fresh render of the whole window, so a region left unpainted would show (the smoke run
  does this). ``--full-repaint`` forces a repaint of the whole window instead, as earlier
  runs of this benchmark did. The reference is a bare Qt button whose tap changes a label,
  measured the same way;
* frame times while a page transition and the count-up animations run, stepped frame by
  frame (each step: advance the animations by 16.7 ms, paint what they made dirty);
* first paint of each section page (build + paint), for the scale benchmarks;
* memory: RSS after start, after visiting every page, after N random taps (with an idle
  reset every 500 taps).

    python benchmarks/interaction.py [--size 3840x2160] [--content PATH] [--taps 200]
                                     [--soak 20000] [--profile OUT.prof]
                                     [--full-repaint] [--check-screen]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    # a screen as big as the window (QScroller finds its targets by screen position)
    _cfg = Path(os.environ.get("TMPDIR", "/tmp")) / "kiosk-bench-screen.json"
    _cfg.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": 4096,
                                             "height": 4096, "logicalDpi": 96,
                                             "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_cfg}"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(HERE))

import soak  # noqa: E402
import touch  # noqa: E402
from PySide6.QtCore import QAbstractAnimation, QVariantAnimation  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget  # noqa: E402
from sizes import parse_size  # noqa: E402

FRAME_MS = 1000 / 60


class Painter:
    """Paints one frame: Qt's own dirty-region repaint (or, with ``full``, the whole window),
    and with ``check`` counts frames whose screen differs from a full render."""

    def __init__(self, full: bool = False, check: bool = False) -> None:
        self.full, self.check = full, check
        self.mismatches = 0

    def frame(self, window: QWidget) -> None:
        if self.full:
            window.repaint()
        else:
            QApplication.processEvents()

    def verify(self, window: QWidget) -> None:
        """Outside the timed part: what is on the screen is what a full render draws."""
        if not self.check:
            return
        from PySide6.QtGui import QImage

        # Animations running on the wall clock (a count-up under a stepped slide) may tick
        # after the frame's paint: hold them, and paint what that tick made dirty, first.
        held = [a for a in window.findChildren(QAbstractAnimation)
                if a.state() == QAbstractAnimation.State.Running]
        for anim in held:
            anim.pause()
        QApplication.processEvents()
        fmt = QImage.Format.Format_RGB32
        shown = window.screen().grabWindow(window.winId()).toImage().convertToFormat(fmt)
        if stale_pixels(shown, window.grab().toImage().convertToFormat(fmt)):
            self.mismatches += 1
        for anim in held:
            anim.resume()


PAINT = Painter()


def stale_pixels(a, b, tolerance: int = 40) -> int:
    """Pixels where two RGB32 images differ by more than ``tolerance`` in a channel. The
    screen and a fresh render of the same state differ by up to ≈ 20 on antialiased text
    edges (two raster paths); a stale region (an old figure, a missed update) by far more."""
    import numpy as np

    def pixels(img):
        return np.frombuffer(img.constBits(), dtype=np.uint8,
                             count=img.sizeInBytes()).reshape(img.height(), -1).astype(np.int16)

    return int((np.abs(pixels(a) - pixels(b)) > tolerance).sum())


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summary(samples_s: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in samples_s]
    return {"p50_ms": statistics.median(ms), "p95_ms": pct(ms, 0.95), "max_ms": max(ms),
            "n": len(ms)}


def reference_taps(n: int, size: tuple[int, int]) -> list[float]:
    """A bare Qt window of the same size: tapping a button changes a label."""
    window = QWidget()
    window.resize(*size)
    layout = QVBoxLayout(window)
    label = QLabel("0")
    button = QPushButton("tap")
    button.setMinimumSize(200, 120)
    button.clicked.connect(lambda: label.setText(str(int(label.text()) + 1)))
    layout.addWidget(label)
    layout.addWidget(button)
    window.show()
    QApplication.processEvents()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        touch.tap(button)
        PAINT.frame(window)
        samples.append(time.perf_counter() - start)
    window.close()
    return samples


def build_window(content: Path, size: tuple[int, int]):
    from kiosk.app import create_app, register_fonts
    from kiosk.shell import KioskWindow, ShellOptions, load_status

    create_app(kiosk_mode=False)
    window = KioskWindow(load_status(content), ShellOptions(kiosk_mode=False, size=size),
                         families=register_fonts())
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    return window


def kiosk_taps(window, n: int) -> list[float]:
    """Taps on tiles, navigation and in-page controls, cycling until ``n`` taps."""
    view = window.view
    samples: list[float] = []
    sections = [s.id for s in view.content.sections]
    while len(samples) < n:
        for sid in sections:
            view.show_screen("home")
            view.finish_animations()
            QApplication.processEvents()
            tile = window.findChild(QWidget, f"tile-{sid}")
            start = time.perf_counter()
            touch.tap(tile)
            PAINT.frame(window)
            samples.append(time.perf_counter() - start)
            PAINT.verify(window)
            view.finish_animations()
            for name in ("lang-toggle", "lang-toggle", "nav-back"):
                control = window.findChild(QWidget, name)
                if control is None or not control.isVisible():
                    continue
                start = time.perf_counter()
                touch.tap(control)
                PAINT.frame(window)
                samples.append(time.perf_counter() - start)
                PAINT.verify(window)
                view.finish_animations()
    return samples[:n]


def _step_frames(window, animations: list[QAbstractAnimation], frames: int) -> list[float]:
    samples = []
    for i in range(1, frames + 1):
        start = time.perf_counter()
        for anim in animations:
            anim.setCurrentTime(min(anim.totalDuration(), round(i * FRAME_MS)))
        PAINT.frame(window)
        samples.append(time.perf_counter() - start)
        PAINT.verify(window)
    return samples


def transition_frames(window) -> dict[str, list[float]]:
    """Frame costs of page transitions and of each page's count-up/animated-in effects."""
    view = window.view
    out: dict[str, list[float]] = {"transition": [], "page_animations": []}
    for section in view.content.sections:
        view.show_screen("home")
        view.finish_animations()
        view.show_screen(section.id)
        stack_anim = view.stack.anim
        stack_anim.pause()
        frames = max(1, round(stack_anim.duration() / FRAME_MS))
        out["transition"] += _step_frames(window, [stack_anim], frames)
        stack_anim.stop()
        view.finish_animations()
        page = view.page(section.id)
        page.on_hidden()
        page.on_shown()
        anims = [a for a in page.findChildren(QVariantAnimation)
                 if a.state() == QAbstractAnimation.State.Running and a.loopCount() == 1]
        for anim in anims:
            anim.pause()
        if anims:
            longest = max(a.totalDuration() for a in anims)
            out["page_animations"] += _step_frames(window, anims, round(longest / FRAME_MS))
        page.finish_animations()
    return out


def page_first_paint(window) -> dict[str, float]:
    """Seconds to build and paint each section page (pages are built on first use)."""
    view = window.view
    result = {}
    for section in view.content.sections:
        start = time.perf_counter()
        view.show_screen(section.id)
        view.finish_animations()
        window.repaint()
        result[section.id] = time.perf_counter() - start
        view.show_screen("home")
    return result


def settled_rss(window) -> float:
    """RSS in the same state at both ends of the soak: after an idle reset (visitors
    left), its events processed and Python's garbage collected — so the growth figure is
    what stays, not what the last random tap happened to have open."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    window.reset()  # a visitor mode still on: the reset rebuilds the view in the defaults
    for _ in range(3):
        QApplication.processEvents()
        # processEvents() never runs deleteLater(): the old view would still be counted
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return soak.rss_mb()


def profiled(path: Path | None, fn, *args):
    """``fn(*args)``, under cProfile (written to ``path``) when a path is given."""
    if path is None:
        return fn(*args)
    import cProfile

    prof = cProfile.Profile()
    result = prof.runcall(fn, *args)
    prof.dump_stats(str(path))
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=Path, default=ROOT / "content.yaml")
    parser.add_argument("--taps", type=int, default=200)
    parser.add_argument("--soak", type=int, default=0)
    parser.add_argument("--only-first-paint", action="store_true")
    parser.add_argument("--size", type=parse_size, default=(1920, 1080), help="WxH, e.g. 3840x2160")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the taps here")
    parser.add_argument("--full-repaint", action="store_true",
                        help="repaint the whole window per frame (the old method)")
    parser.add_argument("--check-screen", action="store_true",
                        help="after every timed frame, compare the screen with a full render")
    args = parser.parse_args()
    PAINT.full, PAINT.check = args.full_repaint, args.check_screen
    out: dict = {"size": f"{args.size[0]}x{args.size[1]}"}
    window = build_window(args.content, args.size)
    if window.view is None:  # the content was refused (e.g. 100× is over the 5 MB cap)
        window.shutdown()
        print(json.dumps({"refused": [f.message for f in window.status.findings[:3]],
                          "page_first_paint_s": {}}))
        return 0
    out["rss_after_start_mb"] = soak.rss_mb()
    out["page_first_paint_s"] = page_first_paint(window)
    if args.only_first_paint:
        window.shutdown()
        print(json.dumps(out))
        return 0
    out["rss_after_pages_mb"] = soak.rss_mb()
    out["tap_reference"] = summary(reference_taps(args.taps, args.size))
    out["tap_kiosk"] = summary(profiled(args.profile, kiosk_taps, window, args.taps))
    frames = transition_frames(window)
    out["frames_transition"] = summary(frames["transition"])
    out["frames_page_animations"] = summary(frames["page_animations"] or [0.0])
    out["paint_method"] = "full-window" if args.full_repaint else "dirty-region"
    if args.check_screen:
        out["screen_mismatches"] = PAINT.mismatches
    if args.soak:
        window.reset()
        soak.run(window, min(500, args.soak), seed=3)  # every page built, caches warm
        before = settled_rss(window)
        soak.run(window, args.soak, seed=4, taps_only=True)
        out["rss_soak_before_mb"] = before
        out["rss_soak_after_mb"] = settled_rss(window)
        out["soak_actions"] = args.soak
    window.shutdown()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
