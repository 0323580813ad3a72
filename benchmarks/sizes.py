"""Window sizes on the benchmarks' command lines (no Qt imported here)."""

from __future__ import annotations

import argparse


def parse_size(text: str) -> tuple[int, int]:
    """``"3840x2160"`` → (3840, 2160) (``×`` works too)."""
    w, _, h = text.strip().lower().replace("×", "x").partition("x")
    try:
        size = (int(w), int(h))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, not {text!r}") from None
    if min(size) < 320 or max(size) > 4096:
        raise argparse.ArgumentTypeError(f"size {text!r} is outside 320..4096 pixels")
    return size
