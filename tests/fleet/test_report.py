"""Outbox exports and the merged report: dedupe by kiosk id + event id, dates, bad files,
and a PDF whose pages render."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import time

import pytest

from kiosk.analytics import connect
from kiosk.cli import main
from kiosk.fleet.identity import kiosk_id
from kiosk.fleet.report import export_outbox, load_exports, summarise

DAY = dt.date(2026, 11, 20)


def fill(db, days=3, per_day=4, lang="zh"):
    conn = connect(db)
    rows, s = [], 0
    for d in range(days):
        base = time.mktime((DAY + dt.timedelta(days=d)).timetuple()) + 10 * 3600
        for v in range(per_day):
            s += 1
            t = base + v * 600
            rows += [(t, s, "session_start", "home", None, lang, None),
                     (t + 5, s, "view", "partners", None, None, 30.0),
                     (t + 6, s, "language", "partners", None, "en", None) if v == 0 else
                     (t + 6, s, "tap", "partners", "haier", None, None),
                     (t + 60, s, "session_end", None, None, None, 60.0)]
    conn.executemany("INSERT INTO events (ts, session, kind, screen, item, lang, seconds) "
                     "VALUES (?,?,?,?,?,?,?)", rows)
    conn.close()


@pytest.fixture
def two_kiosks(tmp_path):
    outs = []
    for name in ("lobby", "floor3"):
        db = tmp_path / name / "analytics.db"
        fill(db)
        outs.append(tmp_path / name / "outbox")
        assert len(export_outbox(db, outs[-1], name)) == 3
    return outs


def test_export_is_dated_and_atomic(two_kiosks):
    files = sorted(p.name for p in two_kiosks[0].iterdir())
    assert files == [f"analytics-lobby-{DAY + dt.timedelta(days=d)}.csv" for d in range(3)]
    with (two_kiosks[0] / files[0]).open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["kiosk"] == "lobby" and rows[0]["kind"] == "session_start" and rows[0]["event_id"]


def test_merge_dedupes_by_kiosk_and_event(two_kiosks, tmp_path):
    copy = tmp_path / "synced-twice"
    shutil.copytree(two_kiosks[0], copy)
    events, problems = load_exports([*two_kiosks, copy])
    assert problems == []
    s = summarise(events)
    assert s.visitors == 24 and s.per_kiosk == {"lobby": 12, "floor3": 12}
    assert s.hours == {10: 24} and s.sections == {"partners": 24}
    assert s.languages == {"zh": 18, "en": 6}  # the first visitor each day switched to English
    assert s.guided == {"guided": 0, "self-guided": 24} and s.average_session_s == 60


def test_since_and_until_are_inclusive(two_kiosks):
    events, _ = load_exports(two_kiosks, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=1))
    assert summarise(events).per_day == {str(DAY + dt.timedelta(days=1)): 8}


def test_files_that_are_not_exports_are_named_and_skipped(two_kiosks, tmp_path):
    bad = tmp_path / "junk"
    bad.mkdir()
    (bad / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (bad / "rows.csv").write_text("kiosk,event_id,time,kind\nx,1,yesterday,tap\n", encoding="utf-8")
    (bad / "latin.csv").write_bytes(b"kiosk,event_id,time,kind\n\xff\xfe\n")
    (bad / "~syncthing~half.csv.tmp").write_text("x")
    events, problems = load_exports([*two_kiosks, bad, tmp_path / "missing"])
    assert len(events) == 96
    text = "\n".join(problems)
    assert "notes.csv:1:1: not a kiosk export (no column kiosk, event_id, time, kind)" in text
    assert "rows.csv:2:1: time 'yesterday'" in text and "latin.csv: cannot read" in text
    assert "missing: no such folder" in text


def test_report_command_writes_pdf_and_csv(two_kiosks, tmp_path, capsys, qapp):
    out = tmp_path / "report.pdf"
    from conftest import CONTENT

    assert main(["report", *map(str, two_kiosks), "--out", str(out), "--content", str(CONTENT)]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    assert "24 visitors on 2 kiosks" in capsys.readouterr().out
    table = out.with_suffix(".csv").read_text(encoding="utf-8-sig")
    assert "visitors per kiosk,lobby,12" in table and "访客总数" in table
    assert "most-visited sections,企业与伙伴 · Companies and Partners,24" in table  # titles from --content
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "30", str(out), str(tmp_path / "page")],
                       check=True, timeout=60)
        assert sorted(p.name for p in tmp_path.glob("page-*.png")) == ["page-1.png", "page-2.png"]


def test_report_with_nothing_found(tmp_path, capsys):
    assert main(["report", str(tmp_path), "--out", str(tmp_path / "r.pdf")]) == 1
    assert "no events found" in capsys.readouterr().err


def test_export_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_ID", "k1")
    fill(tmp_path / "data" / "analytics.db", days=1)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert main(["export", "--outbox", str(tmp_path / "out")]) == 0
    assert f"analytics-k1-{DAY}.csv" in capsys.readouterr().out


def test_kiosk_id_is_generated_once(tmp_path, monkeypatch):
    monkeypatch.delenv("KIOSK_ID", raising=False)
    first = kiosk_id(tmp_path)
    assert first == kiosk_id(tmp_path) and len(first) > 7
    monkeypatch.setenv("KIOSK_ID", "lobby")
    assert kiosk_id(tmp_path) == "lobby"


def test_guided_sessions_reach_the_report_as_guided(tmp_path):
    """A session the guide started (session_start with item 'guided', as the tour records it)
    is exported with mode 'guided' and counted apart from self-guided visitors."""
    db = tmp_path / "lobby" / "analytics.db"
    fill(db, days=1, per_day=3)
    conn = connect(db)
    conn.execute("UPDATE events SET item='guided' WHERE kind='session_start' AND session=2")
    conn.close()
    export_outbox(db, tmp_path / "outbox", "lobby")
    events, problems = load_exports([tmp_path / "outbox"])
    assert problems == []
    assert [e["mode"] for e in events if e["kind"] == "session_start"] == ["", "guided", ""]
    assert summarise(events).guided == {"guided": 1, "self-guided": 2}
