"""Local visitor analytics in SQLite (stdlib), written off the UI thread. No Qt here.

What is stored: session start and end (a session ends at the idle reset), screen views with
their dwell time, taps on items (a hotspot, a partner, an era), language switches — each
with a timestamp and a per-start session number. Nothing about the visitor: no ids, no
images, no text they could enter.

Durability: WAL mode with ``synchronous=NORMAL`` — a ``kill -9`` or a power cut can lose
at most the last batch (≤ 0.2 s) but never corrupts the file. At start the database gets a
``quick_check``; only a *damaged* file is moved aside (``analytics.db.corrupt-…``, never
overwriting an earlier one) and a fresh one started. A full, read-only or failing disk is
not damage: events wait in memory and are retried (see :mod:`kiosk.storage`). Reading
(``kiosk analytics``, the admin panel) opens the file read-only and never moves it.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import logging
import queue
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

from kiosk import storage

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id      INTEGER PRIMARY KEY,
    ts      REAL    NOT NULL,            -- unix time, seconds
    session INTEGER NOT NULL,            -- visitor session number (0: none)
    kind    TEXT    NOT NULL,            -- session_start, session_end, view, tap, language
    screen  TEXT,                        -- attract, home or a section id
    item    TEXT,                        -- what was tapped; 'guided' on a guided session_start
    lang    TEXT,                        -- zh or en
    seconds REAL                         -- dwell time of a view, length of a session
);
CREATE INDEX IF NOT EXISTS events_ts ON events (ts);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
KINDS = ("session_start", "session_end", "view", "tap", "language")
_COLUMNS = ("ts", "session", "kind", "screen", "item", "lang", "seconds")
_INSERT = f"INSERT INTO events ({', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)"
Event = tuple[float, int, str, str | None, str | None, str | None, float | None]
BATCH_SECONDS = 0.2
"""Events reach the disk within this (a kill -9 loses at most this much)."""
MAX_HELD = 50_000
"""Events kept in memory while the disk cannot take them (≈ 10 MB)."""


def connect(path: Path) -> sqlite3.Connection:
    """Open the database for writing; only a *damaged* file is moved aside and replaced.
    Raises :class:`~kiosk.storage.StorageError` when the disk is the problem."""
    return storage.open_for_writing(path, SCHEMA)


_live: weakref.WeakValueDictionary[str, Recorder] = weakref.WeakValueDictionary()


def storage_fault_kind(path: Path) -> str | None:
    """What stops the running kiosk writing ``path`` (``full``, ``readonly``, …), or None."""
    recorder = _live.get(str(path))
    return recorder.fault if recorder is not None else None


class Recorder:
    """Queues events from the UI thread and writes them on its own thread.

    ``record`` never blocks and never raises: analytics must not disturb a visitor.
    Events are written within ``batch_seconds`` (a new session at once). When the disk
    cannot take them (full, read-only, I/O errors) they wait in memory — at most
    ``max_held``, the oldest dropped first and counted — and are retried with back-off;
    each fault is logged once, when it starts and when it clears."""

    def __init__(self, path: Path, *, batch_seconds: float = BATCH_SECONDS,
                 max_held: int = MAX_HELD, retry_seconds: tuple[float, float] = (1.0, 60.0),
                 on_commit: Callable[[int], None] | None = None) -> None:
        self.path = path
        self._on_commit = on_commit
        self._queue: queue.SimpleQueue[Event | None] = queue.SimpleQueue()
        self._held: collections.deque[Event] = collections.deque()
        self._batch_seconds = batch_seconds
        self._max_held = max_held
        self._retry_first, self._retry_max = retry_seconds
        self._delay = 0.0
        self._retry_at = 0.0
        self._stopping = False
        self._conn: sqlite3.Connection | None = None
        self._session = 0
        self.committed = 0
        self.dropped_events = 0
        """Events lost because storage failed for too long (or at exit)."""
        self.fault: str | None = None
        """What stops writing now: ``full``, ``readonly``, ``io``, … (None: all is well)."""
        _live[str(path)] = self
        self._thread = threading.Thread(target=self._run, name="analytics", daemon=True)
        self._ready = threading.Event()
        self._thread.start()
        self._ready.wait(timeout=10)

    # -- UI thread ---------------------------------------------------------------------
    def record(self, kind: str, *, screen: str | None = None, item: str | None = None,
               lang: str | None = None, seconds: float | None = None) -> None:
        if kind == "session_start":
            self._session += 1
        self._queue.put((time.time(), self._session, kind, screen, item, lang, seconds))

    @property
    def session(self) -> int:
        return self._session

    @property
    def queue_length(self) -> int:
        """Events recorded but not written yet (in flight or held while storage fails)."""
        return len(self._held) + self._queue.qsize()

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued (one last attempt) and stop the thread."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)

    # -- writer thread -------------------------------------------------------------------
    def _run(self) -> None:
        self._conn = self._try_open()
        self._session = max(self._session, self._last_session())
        self._ready.set()
        while not self._stopping:
            self._collect()
            self._flush()
        self._flush(final=True)
        if self._held:
            self._drop(len(self._held), at_exit=True)
        if self._conn is not None:
            self._conn.close()

    def _last_session(self) -> int:
        """The highest session number so far (read-only when the disk cannot be written)."""
        try:
            if self._conn is not None:
                return self._conn.execute("SELECT MAX(session) FROM events").fetchone()[0] or 0
            if self.path.exists():
                with closing(storage.open_readonly(self.path)) as conn:
                    return conn.execute("SELECT MAX(session) FROM events").fetchone()[0] or 0
        except (sqlite3.Error, OSError):
            pass
        return 0

    def _collect(self) -> None:
        """Wait for an event (or the next retry), then gather a batch."""
        timeout = max(0.0, self._retry_at - time.monotonic()) if self._held else None
        try:
            item = self._queue.get(timeout=timeout)
        except queue.Empty:
            return
        deadline = time.monotonic() + self._batch_seconds
        while self._take(item):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                item = self._queue.get(timeout=remaining)
            except queue.Empty:
                return

    def _take(self, item: Event | None) -> bool:
        """Hold ``item``; False when the batch should be written now."""
        if item is None:
            self._stopping = True
            return False
        if len(self._held) >= self._max_held:
            self._held.popleft()
            self._drop(1)
        self._held.append(item)
        return item[2] != "session_start"  # a session is on disk from its first tap

    def _try_open(self) -> sqlite3.Connection | None:
        try:
            return connect(self.path)
        except (sqlite3.Error, OSError) as exc:
            self._failed(exc)
            return None

    def _flush(self, *, final: bool = False) -> None:
        if not self._held or (not final and time.monotonic() < self._retry_at):
            return
        if self._conn is None:
            self._conn = self._try_open()
            if self._conn is None:
                return
        batch = list(self._held)
        try:
            with self._conn:
                self._conn.execute("BEGIN")
                self._conn.executemany(_INSERT, batch)
        except sqlite3.Error as exc:
            self._failed(exc)
            return
        self._held.clear()
        self.committed += len(batch)
        if self.fault is not None:
            log.warning("analytics: %s is writable again; %d held events written, %d dropped",
                        self.path, len(batch), self.dropped_events)
            self.fault, self._delay, self._retry_at = None, 0.0, 0.0
        if self._on_commit is not None:
            self._on_commit(self.committed)

    def _failed(self, exc: BaseException) -> None:
        """Log a fault once (not per batch), reopen later, back off."""
        kind = storage.classify(exc, self.path)
        if kind != self.fault:
            cause = exc.__cause__ if isinstance(exc, storage.StorageError) else exc
            log.warning("analytics: cannot write %s: %s (%s); keeping events in memory "
                        "(up to %d) and retrying", self.path,
                        storage.DESCRIPTIONS.get(kind, kind), cause, self._max_held)
        self.fault = kind
        if self._conn is not None:
            self._conn.close()  # reopened on the next attempt (a remount, a healed file)
            self._conn = None
        self._delay = min(self._retry_max, max(self._retry_first, 2 * self._delay))
        self._retry_at = time.monotonic() + self._delay

    def _drop(self, count: int, *, at_exit: bool = False) -> None:
        if at_exit:
            log.error("analytics: %d events could not be written to %s before exit (%s)",
                      count, self.path, storage.DESCRIPTIONS.get(self.fault or "", "?"))
        elif self.dropped_events == 0:
            log.error("analytics: more than %d events waiting for %s; dropping the oldest "
                      "from now on (the count is reported when storage recovers)",
                      self._max_held, self.path)
        self.dropped_events += count


# ---------------------------------------------------------------------------------------
# Reading: the summary for staff and the admin panel


def summary(path: Path, since: dt.date | None = None) -> dict[str, Any]:
    """Sessions, most-visited screens, top items, busy hours and languages since ``since``."""
    with closing(storage.open_readonly(path)) as conn:
        return _summary(conn, since)


def _summary(conn: sqlite3.Connection, since: dt.date | None) -> dict[str, Any]:
    start = time.mktime(since.timetuple()) if since else 0.0

    def q(sql: str, *more: object) -> list[Any]:
        return conn.execute(sql, (start, *more)).fetchall()

    sessions = q("SELECT COUNT(*), AVG(seconds) FROM events WHERE ts >= ? AND kind='session_end'")
    started = q("SELECT COUNT(*) FROM events WHERE ts >= ? AND kind='session_start'")[0][0]
    today = time.mktime(dt.date.today().timetuple())
    today_count = conn.execute("SELECT COUNT(*) FROM events WHERE ts >= ? AND "
                               "kind='session_start'", (today,)).fetchone()[0]
    screens = q("SELECT screen, COUNT(*), COALESCE(SUM(seconds), 0) FROM events WHERE ts >= ? "
                "AND kind='view' AND screen NOT IN ('attract') GROUP BY screen "
                "ORDER BY COUNT(*) DESC")
    items = q("SELECT screen, item, COUNT(*) FROM events WHERE ts >= ? AND kind='tap' "
              "GROUP BY screen, item ORDER BY COUNT(*) DESC LIMIT 10")
    hours = q("SELECT CAST(strftime('%H', ts, 'unixepoch', 'localtime') AS INTEGER), COUNT(*) "
              "FROM events WHERE ts >= ? AND kind='session_start' GROUP BY 1")
    langs = q("SELECT lang, COUNT(*) FROM events WHERE ts >= ? AND kind='language' "
              "GROUP BY lang")
    guided = q("SELECT COUNT(*), COALESCE(SUM(ts >= ?2), 0) FROM events WHERE ts >= ?1 AND "
               "kind='session_start' AND item='guided'", today)
    return {
        "sessions": started,
        "sessions_today": today_count,
        "average_session_s": sessions[0][1] or 0.0,
        "screens": [{"screen": s, "views": n, "dwell_s": d} for s, n, d in screens],
        "items": [{"screen": s, "item": i, "taps": n} for s, i, n in items],
        "busy_hours": {h: n for h, n in hours},
        "language_switches": {lang: n for lang, n in langs},
        "sessions_guided": guided[0][0],
        "sessions_guided_today": guided[0][1],
    }


def export_csv(path: Path, out: Path, since: dt.date | None = None) -> int:
    """Write every event since ``since`` to ``out`` as CSV; return the number of rows."""
    start = time.mktime(since.timetuple()) if since else 0.0
    with closing(storage.open_readonly(path)) as conn:
        rows = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM events WHERE ts >= ? ORDER BY id",
                            (start,)).fetchall()
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["time", *_COLUMNS[1:]])
        for row in rows:
            stamp = dt.datetime.fromtimestamp(row[0]).isoformat(timespec="seconds")
            writer.writerow([stamp, *row[1:]])
    return len(rows)


def format_summary(data: dict[str, Any], since: dt.date | None) -> Iterable[str]:
    yield f"Visitor analytics{f' since {since.isoformat()}' if since else ''}"
    yield (f"  sessions: {data['sessions']} (today {data['sessions_today']}), "
           f"average {data['average_session_s']:.0f} s")
    yield (f"  guided tours: {data['sessions_guided']}, self-guided: "
           f"{data['sessions'] - data['sessions_guided']}")
    yield "  most-visited screens:"
    for s in data["screens"][:8] or [{"screen": "—", "views": 0, "dwell_s": 0}]:
        yield f"    {s['screen']:<16} {s['views']:>6} views  {s['dwell_s'] / 60:>8.1f} min"
    yield "  most-tapped items:"
    for i in data["items"] or [{"screen": "—", "item": "", "taps": 0}]:
        yield f"    {i['screen']}/{i['item']:<24} {i['taps']:>6} taps"
    hours = data["busy_hours"]
    if hours:
        top = max(hours.values())
        yield "  busy hours (sessions started):"
        for h in range(24):
            if h in hours:
                yield f"    {h:02d}:00 {'█' * max(1, round(30 * hours[h] / top))} {hours[h]}"
