"""Helpers for the fault-injection tests: a tiny real filesystem (tmpfs, remountable
read-only) and a database connection that fails on demand like a full or read-only disk."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, check=False)


@contextlib.contextmanager
def tiny_fs(where: Path, size: str = "1m") -> Iterator[Path]:
    """A real tmpfs of ``size`` at ``where`` (skipped with the reason when mount is refused)."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tiny tmpfs needs root; the injected-fault tests cover this case")
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(where))
    if done.returncode != 0:
        pytest.skip(f"mount -t tmpfs is not permitted here ({done.stderr.strip()}); "
                    "the injected-fault tests cover this case")
    try:
        yield where
    finally:
        _run("umount", "-l", str(where))


def fill(folder: Path) -> Path:
    """Fill the filesystem of ``folder`` to the last byte; return the filler file."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as f:
        for chunk in (65536, 4096, 1):
            try:
                while True:
                    f.write(b"\0" * chunk)
            except OSError:
                pass
    return filler


def remount(folder: Path, mode: str) -> None:
    done = _run("mount", "-o", f"remount,{mode}", str(folder))
    assert done.returncode == 0, done.stderr


def sqlite_error(code: int, message: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


class FlakyConnection:
    """Wraps a real connection; raises ``fault`` from every write while it is set."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.fault: BaseException | None = None
        self.attempts = 0

    def __enter__(self) -> FlakyConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.__exit__(*exc)  # type: ignore[arg-type]

    def execute(self, sql: str, *args: object):
        return self.conn.execute(sql, *args)

    def executemany(self, sql: str, rows: object):
        self.attempts += 1
        if self.fault is not None:
            raise self.fault
        return self.conn.executemany(sql, rows)  # type: ignore[arg-type]

    def close(self) -> None:
        """Kept open: the recorder 'reopens' the same flaky connection."""
