"""Visitor analytics: batching off the UI thread, surviving kill -9, healing corruption,
and the staff-facing summary and CSV export."""

from __future__ import annotations

import csv
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

from kiosk import analytics
from kiosk.cli import main as kiosk_main

WRITER = textwrap.dedent("""
    import sys, itertools
    from pathlib import Path
    from kiosk.analytics import Recorder
    rec = Recorder(Path(sys.argv[1]), batch_seconds=0.005,
                   on_commit=lambda n: print(n, flush=True))
    for i in itertools.count():
        rec.record("session_start" if i % 50 == 0 else "tap", screen="partners", item=f"p{i}")
        if i % 20 == 0:
            import time; time.sleep(0.001)
""")


def _count(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def test_kill_9_never_corrupts_and_keeps_committed_events(tmp_path):
    db = tmp_path / "analytics.db"
    analytics.connect(db).close()
    rng = random.Random(1234)
    for _ in range(50):
        before = _count(db)
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE,
                                text=True)
        reported = 0
        deadline = time.monotonic() + rng.uniform(0.02, 0.4)
        # wait for the first commit, then kill at a random moment after it
        line = proc.stdout.readline()
        reported = int(line) if line.strip() else 0
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            reported = int(line)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        rest = proc.stdout.read().split()
        reported = int(rest[-1]) if rest else reported
        proc.stdout.close()
        with closing(sqlite3.connect(db)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _count(db) >= before + reported


def test_corrupt_database_is_moved_aside(tmp_path):
    db = tmp_path / "analytics.db"
    db.write_bytes(b"this is not a database" * 100)
    conn = analytics.connect(db)
    conn.execute("INSERT INTO events (ts, session, kind) VALUES (1, 1, 'tap')")
    conn.close()
    aside = list(tmp_path.glob("analytics.db.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    assert _count(db) == 1


def test_recorder_sessions_summary_and_csv(tmp_path, capsys):
    db = tmp_path / "analytics.db"
    rec = analytics.Recorder(db, batch_seconds=0.01)
    for n in range(3):
        rec.record("session_start", screen="attract", lang="zh")
        rec.record("view", screen="park", seconds=12.5)
        rec.record("tap", screen="park", item="rd-hq")
        if n == 1:
            rec.record("language", lang="en")
        rec.record("session_end", seconds=40.0 + n)
    rec.close()
    assert rec.committed == 13
    data = analytics.summary(db)
    assert data["sessions"] == 3 and data["sessions_today"] == 3
    assert data["average_session_s"] == 41.0
    assert data["screens"] == [{"screen": "park", "views": 3, "dwell_s": 37.5}]
    assert data["items"] == [{"screen": "park", "item": "rd-hq", "taps": 3}]
    assert data["language_switches"] == {"en": 1}
    # session numbers continue after a restart
    rec2 = analytics.Recorder(db, batch_seconds=0.01)
    rec2.record("session_start")
    assert rec2.session == 4
    rec2.close()

    assert kiosk_main(["analytics", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "sessions: 4 (today 4), average 41 s" in out
    assert "park" in out and "rd-hq" in out
    target = tmp_path / "events.csv"
    assert kiosk_main(["analytics", "--data-dir", str(tmp_path), "--csv", str(target)]) == 0
    with target.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["time", "session", "kind", "screen", "item", "lang", "seconds"]
    assert len(rows) == 1 + 14
    assert kiosk_main(["analytics", "--data-dir", str(tmp_path), "--since", "2999-01-01"]) == 0
    assert "sessions: 0" in capsys.readouterr().out
