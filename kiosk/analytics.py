"""Local visitor analytics in SQLite (stdlib), written off the UI thread. No Qt here.

What is stored: session start and end (a session ends at the idle reset), screen views with
their dwell time, taps on items (a hotspot, a partner, an era), language switches — each
with a timestamp and a per-start session number. Nothing about the visitor: no ids, no
images, no text they could enter.

Durability: WAL mode with ``synchronous=NORMAL`` — a ``kill -9`` or a power cut can lose
at most the last batch (≤ 1 s) but never corrupts the file. At start the database gets a
``quick_check``; a damaged file is moved aside (``analytics.db.corrupt-…``) and a fresh
one is started, so the kiosk always has somewhere to write.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

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


def connect(path: Path) -> sqlite3.Connection:
    """Open the database at ``path``; a damaged file is moved aside and replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = _open(path)
        ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        if ok:
            return conn
        conn.close()
    except sqlite3.DatabaseError as exc:
        log.warning("analytics database %s cannot be opened: %s", path, exc)
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(path) + suffix)
        if part.exists():
            part.replace(Path(str(aside) + suffix))
    log.error("analytics database %s was damaged; moved aside to %s, starting a new one",
              path, aside)
    return _open(path)


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=5, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    return conn


class Recorder:
    """Queues events from the UI thread and writes them in batches on its own thread.

    ``record`` never blocks and never raises: analytics must not disturb a visitor."""

    def __init__(self, path: Path, *, batch_seconds: float = 1.0,
                 on_commit: Callable[[int], None] | None = None) -> None:
        self.path = path
        self._on_commit = on_commit
        self._queue: queue.SimpleQueue[tuple | None] = queue.SimpleQueue()
        self._batch_seconds = batch_seconds
        self._session = 0
        self.committed = 0
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

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued and stop the thread."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)

    # -- writer thread -------------------------------------------------------------------
    def _run(self) -> None:
        try:
            conn = connect(self.path)
            row = conn.execute("SELECT MAX(session) FROM events").fetchone()
            self._session = max(self._session, row[0] or 0)
        except (sqlite3.Error, OSError):
            log.exception("analytics disabled: cannot open %s", self.path)
            self._ready.set()
            self._drain_forever()
            return
        self._ready.set()
        stop = False
        while not stop:
            batch: list[tuple] = []
            try:
                first = self._queue.get()
            except Exception:  # pragma: no cover - interpreter shutdown
                break
            if first is None:
                break
            batch.append(first)
            deadline = time.monotonic() + self._batch_seconds
            while time.monotonic() < deadline:
                try:
                    more = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
                if more is None:
                    stop = True
                    break
                batch.append(more)
            self._write(conn, batch)
        conn.close()

    def _write(self, conn: sqlite3.Connection, batch: list[tuple]) -> None:
        try:
            with conn:
                conn.execute("BEGIN")
                conn.executemany(
                    f"INSERT INTO events ({', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    batch,
                )
            self.committed += len(batch)
            if self._on_commit is not None:
                self._on_commit(self.committed)
        except sqlite3.Error:
            log.exception("analytics: could not write %d events", len(batch))

    def _drain_forever(self) -> None:
        while self._queue.get() is not None:
            pass


# ---------------------------------------------------------------------------------------
# Reading: the summary for staff and the admin panel


def summary(path: Path, since: dt.date | None = None) -> dict[str, Any]:
    """Sessions, most-visited screens, top items, busy hours and languages since ``since``."""
    conn = connect(path)
    start = time.mktime(since.timetuple()) if since else 0.0
    q = lambda sql, *a: conn.execute(sql, (start, *a)).fetchall()  # noqa: E731
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
    conn.close()
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
    conn = connect(path)
    start = time.mktime(since.timetuple()) if since else 0.0
    rows = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM events WHERE ts >= ? ORDER BY id",
                        (start,)).fetchall()
    conn.close()
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
