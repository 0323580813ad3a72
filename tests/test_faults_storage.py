"""Storage faults: a full, read-only or failing disk loses no visitor data, never moves a
healthy database aside and never floods the log; only a damaged file is moved, under a
unique name, and never by the read-only ``kiosk analytics``. Real tiny filesystems where
mount is permitted, injected faults everywhere."""

from __future__ import annotations

import logging
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from faults import FlakyConnection, fill, remount, sqlite_error, tiny_fs

from kiosk import analytics, storage
from kiosk.cli import main as kiosk_main
from kiosk.logs import SafeFileHandler


def _count(db: Path) -> int:
    with closing(storage.open_readonly(db)) as conn:
        return conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def _wait(predicate, timeout: float = 10.0) -> None:
    """Wait for the writer thread (no Qt event loop involved)."""
    import threading

    done = threading.Event()
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "timed out"
        done.wait(0.01)


@pytest.mark.parametrize(("code", "kind"), [
    (storage.SQLITE_FULL, "full"), (storage.SQLITE_READONLY, "readonly"),
    (storage.SQLITE_IOERR | (3 << 8), "io"), (storage.SQLITE_CANTOPEN, "readonly"),
    (storage.SQLITE_CORRUPT, "damaged"), (storage.SQLITE_NOTADB, "damaged"),
    (storage.SQLITE_BUSY, "busy")])
def test_classify_by_sqlite_code(code, kind):
    assert storage.classify(sqlite_error(code, "whatever")) == kind


def test_classify_real_errors(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 400)
    with pytest.raises(sqlite3.DatabaseError) as info:
        sqlite3.connect(bad).execute("SELECT * FROM sqlite_master").fetchall()
    assert storage.classify(info.value) == "damaged"
    assert storage.classify(OSError(28, "No space left on device")) == "full"
    assert storage.classify(OSError(30, "Read-only file system")) == "readonly"


def _flaky(monkeypatch, db: Path) -> FlakyConnection:
    flaky = FlakyConnection(analytics.connect(db))
    monkeypatch.setattr(analytics, "connect", lambda _path: flaky)
    return flaky


def test_injected_full_disk_holds_events_and_logs_once(tmp_path, monkeypatch, caplog):
    db = tmp_path / "analytics.db"
    flaky = _flaky(monkeypatch, db)
    flaky.fault = sqlite_error(storage.SQLITE_FULL, "database or disk is full")
    rec = analytics.Recorder(db, batch_seconds=0.01, retry_seconds=(0.01, 0.02))
    with caplog.at_level(logging.WARNING, logger="kiosk.analytics"):
        for i in range(20):
            rec.record("tap", screen="park", item=f"i{i}")
        _wait(lambda: flaky.attempts >= 5)
        assert rec.fault == "full" and rec.queue_length == 20
        assert analytics.storage_fault_kind(db) == "full"
        flaky.fault = None
        _wait(lambda: rec.committed == 20)
    rec.close()
    assert rec.fault is None and rec.dropped_events == 0 and rec.queue_length == 0
    messages = [r.getMessage() for r in caplog.records]
    assert sum("cannot write" in m for m in messages) == 1, messages
    assert sum("writable again" in m for m in messages) == 1
    assert all(r.exc_info is None for r in caplog.records), "no tracebacks"
    assert not list(tmp_path.glob("*.corrupt-*"))
    assert _count(db) == 20


def test_queue_is_bounded_and_drops_are_counted_once(tmp_path, monkeypatch, caplog):
    db = tmp_path / "analytics.db"
    flaky = _flaky(monkeypatch, db)
    flaky.fault = sqlite_error(storage.SQLITE_READONLY, "attempt to write a readonly database")
    rec = analytics.Recorder(db, batch_seconds=0.01, max_held=10, retry_seconds=(5, 5))
    with caplog.at_level(logging.WARNING, logger="kiosk.analytics"):
        for i in range(25):
            rec.record("tap", item=f"i{i}")
        _wait(lambda: rec.dropped_events == 15 and rec.fault is not None)
        assert rec.queue_length == 10 and rec.fault == "readonly"
        flaky.fault = None
        rec.close()  # the last attempt at exit writes what is held
    assert rec.committed == 10 and _count(db) == 10
    kept = [r[0] for r in flaky.conn.execute("SELECT item FROM events ORDER BY id")]
    assert kept == [f"i{i}" for i in range(15, 25)], "the newest events are kept"
    dropping = [r for r in caplog.records if "dropping the oldest" in r.getMessage()]
    assert len(dropping) == 1


def test_events_still_failing_at_exit_are_reported(tmp_path, monkeypatch, caplog):
    db = tmp_path / "analytics.db"
    flaky = _flaky(monkeypatch, db)
    flaky.fault = sqlite_error(storage.SQLITE_IOERR, "disk I/O error")
    rec = analytics.Recorder(db, batch_seconds=0.01, retry_seconds=(5, 5))
    rec.record("tap")
    rec.record("tap")
    with caplog.at_level(logging.ERROR, logger="kiosk.analytics"):
        rec.close()
    assert rec.dropped_events == 2
    assert any("2 events could not be written" in r.getMessage() for r in caplog.records)


def test_damaged_database_moved_aside_under_unique_names(tmp_path):
    db = tmp_path / "analytics.db"
    names = set()
    for n in range(3):  # within the same second: each copy keeps its own name
        db.write_bytes(f"damaged {n} ".encode() * 500)
        analytics.connect(db).close()
        names = {p.name for p in tmp_path.glob("analytics.db.corrupt-*")
                 if not p.name.endswith(("-wal", "-shm"))}
    assert len(names) == 3
    contents = {(tmp_path / n).read_bytes()[:9] for n in names}
    assert contents == {b"damaged 0", b"damaged 1", b"damaged 2"}


def test_kiosk_analytics_never_moves_a_damaged_file(tmp_path, capsys):
    db = tmp_path / "analytics.db"
    db.write_bytes(b"damaged " * 500)
    assert kiosk_main(["analytics", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "nothing was changed" in err and "Traceback" not in err
    assert db.read_bytes().startswith(b"damaged") and not list(tmp_path.glob("*corrupt*"))


def _seed(db: Path, n: int = 5) -> None:
    rec = analytics.Recorder(db, batch_seconds=0.01)
    for _ in range(n):
        rec.record("session_start", screen="home", lang="zh")
    rec.close()


def test_real_full_disk(tmp_path, capsys):
    with tiny_fs(tmp_path / "mnt", "1m") as mnt:
        db = mnt / "analytics.db"
        _seed(db)
        filler = fill(mnt)
        # the read-only command reads a healthy file on a full disk and leaves it alone
        assert kiosk_main(["analytics", "--data-dir", str(mnt)]) == 0
        assert "sessions: 5" in capsys.readouterr().out
        rec = analytics.Recorder(db, batch_seconds=0.01, retry_seconds=(0.02, 0.05))
        for i in range(300):  # more than the last free page can take
            rec.record("tap", screen="partners", item=f"partner-{i:04d}" * 8)
        _wait(lambda: rec.fault == "full")
        assert not list(mnt.glob("*corrupt*")), "a full disk is not a damaged database"
        filler.unlink()
        _wait(lambda: rec.committed == 300)
        rec.close()
        assert rec.fault is None and rec.dropped_events == 0
        assert _count(db) == 305
        # and at the next start the file is still the same healthy one
        analytics.connect(db).close()
        assert not list(mnt.glob("*corrupt*")) and _count(db) == 305


def test_real_read_only_disk(tmp_path, capsys):
    with tiny_fs(tmp_path / "mnt", "2m") as mnt:
        db = mnt / "analytics.db"
        _seed(db, 3)
        remount(mnt, "ro")
        assert kiosk_main(["analytics", "--data-dir", str(mnt)]) == 0
        assert "sessions: 3" in capsys.readouterr().out
        rec = analytics.Recorder(db, batch_seconds=0.01, retry_seconds=(0.02, 0.05))
        rec.record("session_start", screen="home")
        rec.record("tap", screen="park", item="hq")
        _wait(lambda: rec.fault == "readonly" and rec.queue_length == 2)
        remount(mnt, "rw")
        _wait(lambda: rec.committed == 2)
        rec.close()
        assert rec.session == 4, "session numbers continue once the file can be read"
        assert _count(db) == 5 and not list(mnt.glob("*corrupt*"))


def test_log_file_on_a_full_disk_says_so_once(tmp_path, capfd):
    with tiny_fs(tmp_path / "mnt", "256k") as mnt:
        handler = SafeFileHandler(mnt / "kiosk.log", retry_seconds=0.0)
        logger = logging.getLogger("test.faults.log")
        logger.addHandler(handler)
        logger.propagate = False
        try:
            logger.warning("before")
            filler = fill(mnt)
            for _ in range(50):
                logger.warning("x" * 2000)
            err = capfd.readouterr().err
            assert err.count("cannot write the log file") == 1, err
            assert "Traceback" not in err
            filler.unlink()
            logger.warning("after")
            assert "can be written again" in capfd.readouterr().err
            assert "after" in (mnt / "kiosk.log").read_text()
        finally:
            logger.removeHandler(handler)
            handler.close()


def test_log_folder_read_only_is_one_line(tmp_path, capfd):
    from kiosk.logs import setup

    root = logging.getLogger()
    before = list(root.handlers)
    with tiny_fs(tmp_path / "mnt", "256k") as mnt:
        remount(mnt, "ro")
        try:
            assert setup(mnt / "logs", stderr=False) is None
            err = capfd.readouterr().err
            assert err.count("\n") == 1 and "logging to stderr only" in err
        finally:
            for h in list(root.handlers):
                if h not in before:
                    root.removeHandler(h)


def test_admin_panel_says_storage_full_plainly(tmp_path, monkeypatch, make_kiosk):
    from kiosk.shell.admin_stats import AdminStats

    db = tmp_path / "analytics.db"
    flaky = _flaky(monkeypatch, db)
    flaky.fault = sqlite_error(storage.SQLITE_FULL, "database or disk is full")
    rec = analytics.Recorder(db, batch_seconds=0.01, retry_seconds=(5, 5))
    rec.record("session_start", screen="home")
    _wait(lambda: rec.fault == "full")
    window = make_kiosk(kiosk_mode=False)
    window.admin.analytics_db = db
    window.admin.show_panel()
    stats = window.findChild(AdminStats)
    assert stats.storage.isVisible() and "Storage full" in stats.storage.text()
    window.admin.close()
    flaky.fault = None
    rec.close()
    window.admin.show_panel()
    assert not stats.storage.isVisible()
    window.admin.close()
