"""Logging: a rotating file in the log folder plus stderr, with timestamps. No Qt here
(the Qt message handler that feeds this is installed by the app).

A log file that cannot be opened or written (a full or read-only disk) never stops the
kiosk and never floods stderr with tracebacks: stderr gets one clear line, the file is
retried every :data:`RETRY_SECONDS`, and one line says when it works again."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
import time
from pathlib import Path
from typing import Any

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
RETRY_SECONDS = 60.0


class SafeFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler that goes quiet (one stderr line) while its disk fails."""

    def __init__(self, filename: Path, *, retry_seconds: float = RETRY_SECONDS, **kw: Any) -> None:
        self.retry_seconds = retry_seconds
        self.failing_since: float | None = None
        self._retry_at = 0.0
        super().__init__(filename, delay=True, encoding="utf-8", **kw)

    def emit(self, record: logging.LogRecord) -> None:
        if self.failing_since is not None and time.monotonic() < self._retry_at:
            return
        try:
            if self.shouldRollover(record):
                self.doRollover()
            if self.stream is None:
                self.stream = self._open()
            self.stream.write(self.format(record) + self.terminator)
            self.stream.flush()
        except OSError as exc:
            self._failed(exc)
            return
        if self.failing_since is not None:
            self.failing_since = None
            _say(f"kiosk: the log file {self.baseFilename} can be written again")

    def handleError(self, record: logging.LogRecord) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError):
            self._failed(exc)
        else:
            super().handleError(record)

    def _failed(self, exc: OSError) -> None:
        if self.failing_since is None:
            self.failing_since = time.monotonic()
            _say(f"kiosk: cannot write the log file {self.baseFilename} ({exc.strerror or exc});"
                 f" logging to stderr only, retrying every {self.retry_seconds:.0f} s")
        self._retry_at = time.monotonic() + self.retry_seconds
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def _say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


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
        with open(log_dir / "kiosk.log", "a", encoding="utf-8"):
            pass
    except OSError as exc:
        target = None
        _say(f"kiosk: cannot write logs to {log_dir} ({exc.strerror or exc}); "
             "logging to stderr only")
    if target is not None:
        file_handler = SafeFileHandler(target, maxBytes=1_000_000, backupCount=5)
        file_handler.setFormatter(formatter)
        file_handler._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    if stderr:
        err = logging.StreamHandler(sys.stderr)
        err.setFormatter(formatter)
        err._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(err)
    return target
