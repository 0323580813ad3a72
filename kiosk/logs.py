"""Logging: a rotating file in the log folder plus stderr, with timestamps. No Qt here
(the Qt message handler that feeds this is installed by the app)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup(log_dir: Path, *, level: int = logging.INFO, stderr: bool = True) -> Path | None:
    """Log to ``log_dir/kiosk.log`` (1 MB × 5 files) and to stderr. Returns the log file,
    or None when the folder cannot be written (then stderr only)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(FORMAT)
    target: Path | None = log_dir / "kiosk.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        file_handler.setFormatter(formatter)
        file_handler._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    except OSError as exc:
        target = None
        print(f"kiosk: cannot write logs to {log_dir}: {exc}", file=sys.stderr)
    if stderr:
        err = logging.StreamHandler(sys.stderr)
        err.setFormatter(formatter)
        err._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(err)
    return target
