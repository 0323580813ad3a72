"""Opening the analytics database, and telling a *storage* fault from a *damaged* file.

A full disk, a read-only mount or an I/O error say nothing about the database: the file is
fine and will be writable again once space is freed or the disk is remounted. Only a file
that SQLite can read and whose integrity check fails (or that is not a database at all) is
damaged. So:

* :func:`classify` maps an exception to ``full``, ``readonly``, ``io``, ``busy``,
  ``damaged`` or ``other`` (SQLite's primary result codes, then the message, then errno);
* :func:`open_for_writing` (the kiosk) moves a file aside only when it is damaged, under a
  name that never overwrites an earlier one, and raises :class:`StorageError` otherwise;
* :func:`open_readonly` (``kiosk analytics``, the admin panel) never writes, never moves.

No Qt here.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import time
from pathlib import Path

log = logging.getLogger(__name__)

# SQLite primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

_BY_CODE = {
    SQLITE_FULL: "full",
    SQLITE_READONLY: "readonly",
    SQLITE_PERM: "readonly",
    SQLITE_CANTOPEN: "readonly",
    SQLITE_IOERR: "io",
    SQLITE_BUSY: "busy",
    SQLITE_LOCKED: "busy",
    SQLITE_CORRUPT: "damaged",
    SQLITE_NOTADB: "damaged",
}
_BY_MESSAGE = (
    ("disk is full", "full"),
    ("readonly", "readonly"),
    ("read-only", "readonly"),
    ("unable to open", "readonly"),
    ("disk i/o error", "io"),
    ("locked", "busy"),
    ("malformed", "damaged"),
    ("not a database", "damaged"),
)
_BY_ERRNO = {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EROFS: "readonly",
             errno.EACCES: "readonly", errno.EPERM: "readonly"}

#: What staff read (log, admin panel) for each kind of storage fault.
DESCRIPTIONS = {
    "full": "the disk is full",
    "readonly": "the disk is read-only (or the folder cannot be written)",
    "io": "the disk reports input/output errors",
    "busy": "the database is locked by another program",
    "damaged": "the database file is damaged",
    "other": "the database cannot be written",
}


class StorageError(OSError):
    """The database cannot be opened or written because of the disk, not the file."""

    def __init__(self, kind: str, path: Path, cause: BaseException) -> None:
        super().__init__(f"{path}: {DESCRIPTIONS.get(kind, kind)} ({cause})")
        self.kind = kind
        self.path = path


class DamagedDatabase(sqlite3.DatabaseError):
    """A readable file whose integrity check fails, or that is not a database."""


def classify(exc: BaseException, path: Path | None = None) -> str:
    """``full``, ``readonly``, ``io``, ``busy``, ``damaged`` or ``other``. With ``path``,
    an I/O error on a disk with no space left (SQLite reports a full disk as an I/O error
    when it cannot grow its shared-memory file) or a read-only mount says so."""
    kind = _classify(exc)
    if path is not None and kind in ("io", "readonly", "other"):
        kind = disk_state(path) or kind
    return kind


def disk_state(path: Path) -> str | None:
    """``readonly`` or ``full`` for the filesystem holding ``path``, else None."""
    folder = path if path.is_dir() else path.parent
    try:
        st = os.statvfs(folder)
    except OSError:
        return None
    if st.f_flag & os.ST_RDONLY:
        return "readonly"
    if st.f_bavail * st.f_frsize < 64 * 1024:
        return "full"
    return None


def _classify(exc: BaseException) -> str:
    if isinstance(exc, DamagedDatabase):
        return "damaged"
    if isinstance(exc, StorageError):
        return exc.kind
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _BY_CODE:
        return _BY_CODE[code & 0xFF]
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        return _BY_ERRNO.get(exc.errno or 0, "io")
    text = str(exc).lower()
    for needle, kind in _BY_MESSAGE:
        if needle in text:
            return kind
    return "other"


def _open(path: Path, schema: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=5, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(schema)
    except BaseException:
        conn.close()
        raise
    return conn


def open_for_writing(path: Path, schema: str) -> sqlite3.Connection:
    """Open (or create) the database; a *damaged* file is moved aside and replaced.

    Raises :class:`StorageError` when the disk is the problem (the file is left alone)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(classify(exc, path), path, exc) from exc
    try:
        conn = _open(path, schema)
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:
        kind = classify(exc, path)
        if kind != "damaged":
            raise StorageError(kind, path, exc) from exc
        result = str(exc)
    else:
        if result == "ok":
            return conn
        conn.close()
    aside = move_aside(path)
    log.error("analytics database %s is damaged (%s); moved aside to %s, starting a new one",
              path, result, aside)
    try:
        return _open(path, schema)
    except sqlite3.Error as exc:
        raise StorageError(classify(exc, path), path, exc) from exc


def move_aside(path: Path) -> Path:
    """Rename ``path`` (and its -wal/-shm) to a name no earlier copy has; return it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        aside = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{n}" if n else ""))
        if not any(Path(str(aside) + s).exists() for s in ("", "-wal", "-shm")):
            break
        n += 1
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(path) + suffix)
        if part.exists():
            part.rename(Path(str(aside) + suffix))
    return aside


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open for reading only: never creates, writes, heals or moves anything.

    Raises :class:`DamagedDatabase` for a damaged file and :class:`StorageError` when
    the disk is the problem."""
    uri = path.absolute().as_uri()
    last: sqlite3.Error | None = None
    # mode=ro reads the WAL too; immutable=1 is for a read-only disk, where SQLite
    # cannot create the shared-memory file that reading a WAL database needs.
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(uri + query, uri=True, timeout=5)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error as exc:
            conn.close()
            last = exc
            if classify(exc) == "damaged":
                raise DamagedDatabase(f"{path} is damaged: {exc}") from exc
    assert last is not None
    raise StorageError(classify(last, path), path, last) from last
