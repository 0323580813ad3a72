"""Reports that come home. Each kiosk writes its analytics as dated CSV files into an
outbox folder (a send-only Syncthing folder); ``kiosk report`` merges any number of
kiosks' exports, deduplicated by kiosk id + event id, into one summary (drawn as a PDF by
:mod:`kiosk.fleet.report_pdf`) and a CSV of the same tables. No Qt here.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

OUTBOX_ENV = "KIOSK_OUTBOX_DIR"
COLUMNS = ("kiosk", "event_id", "time", "session", "kind", "screen", "item", "lang", "seconds", "mode")
REQUIRED = ("kiosk", "event_id", "time", "kind")


def outbox_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """``--outbox``, else ``KIOSK_OUTBOX_DIR``, else ``outbox`` in the data folder."""
    if option:
        return Path(option)
    env = os.environ.get(OUTBOX_ENV)
    if env:
        return Path(env)
    from kiosk.paths import data_dir

    return data_dir() / "outbox"


def export_outbox(db: Path, outbox: Path, kiosk_id: str, since: dt.date | None = None) -> list[Path]:
    """One CSV per day with events (since ``since``), each written atomically:
    ``analytics-<kiosk>-<YYYY-MM-DD>.csv``. Event ids are the row id and its time in ms, so
    they stay unique even when a damaged database was replaced by a new one."""
    if not db.exists():
        return []
    start = dt.datetime.combine(since, dt.time()).timestamp() if since else 0.0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute("SELECT id, ts, session, kind, screen, item, lang, seconds FROM events "
                            "WHERE ts >= ? ORDER BY id", (start,)).fetchall()
    finally:
        conn.close()
    by_day: dict[str, list[list[object]]] = {}
    for rid, ts, session, kind, screen, item, lang, seconds in rows:
        when = dt.datetime.fromtimestamp(ts)
        by_day.setdefault(when.date().isoformat(), []).append(
            [kiosk_id, f"{rid}-{round(ts * 1000)}", when.isoformat(timespec="seconds"), session,
             kind, screen or "", item or "", lang or "", "" if seconds is None else seconds,
             "guided" if kind == "session_start" and item == "guided" else ""])
    outbox.mkdir(parents=True, exist_ok=True)
    written = []
    for day, day_rows in sorted(by_day.items()):
        path = outbox / f"analytics-{kiosk_id}-{day}.csv"
        tmp = outbox / f".{path.name}.tmp-{os.getpid()}"
        with tmp.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(COLUMNS)
            writer.writerows(day_rows)
        os.replace(tmp, path)
        written.append(path)
    return written


def load_exports(folders: list[Path], since: dt.date | None = None,
                 until: dt.date | None = None) -> tuple[list[dict[str, str]], list[str]]:
    """Every event in the CSV files under ``folders`` (recursively), deduplicated, within
    the dates (both inclusive); and a plain message for every file or row not understood."""
    events: dict[tuple[str, str], dict[str, str]] = {}
    problems: list[str] = []
    for folder in folders:
        if not folder.exists():
            problems.append(f"{folder}: no such folder")
            continue
        files = [folder] if folder.is_file() else sorted(folder.rglob("*.csv"))
        for path in files:
            if path.name.startswith((".", "~syncthing~")):
                continue
            _read_one(path, since, until, events, problems)
    return sorted(events.values(), key=lambda e: e["time"]), problems


def _read_one(path: Path, since: dt.date | None, until: dt.date | None,
              events: dict[tuple[str, str], dict[str, str]], problems: list[str]) -> None:
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                problems.append(f"{path}:1:1: not a kiosk export (no column {', '.join(missing)}); skipped")
                return
            for line, row in enumerate(reader, start=2):
                try:
                    day = dt.datetime.fromisoformat(row["time"]).date()
                except (TypeError, ValueError):
                    problems.append(f"{path}:{line}:1: time {row.get('time')!r} is not a date and time; row skipped")
                    continue
                if (since and day < since) or (until and day > until):
                    continue
                events[(row["kiosk"], row["event_id"])] = {k: (row.get(k) or "") for k in COLUMNS}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(f"{path}: cannot read ({exc}); skipped")


@dataclass
class Summary:
    since: dt.date | None
    until: dt.date | None
    kiosks: list[str] = field(default_factory=list)
    visitors: int = 0
    per_day: dict[str, int] = field(default_factory=dict)
    per_kiosk: dict[str, int] = field(default_factory=dict)
    hours: dict[int, int] = field(default_factory=dict)
    sections: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    modes: dict[str, int] = field(default_factory=dict)
    guided: dict[str, int] = field(default_factory=dict)
    average_session_s: float = 0.0


def summarise(events: list[dict[str, str]], since: dt.date | None = None,
              until: dt.date | None = None) -> Summary:
    starts = [e for e in events if e["kind"] == "session_start"]
    s = Summary(since, until, kiosks=sorted({e["kiosk"] for e in events}), visitors=len(starts))
    s.per_day = dict(sorted(Counter(e["time"][:10] for e in starts).items()))
    s.per_kiosk = dict(Counter(e["kiosk"] for e in starts).most_common())
    s.hours = dict(sorted(Counter(int(e["time"][11:13]) for e in starts).items()))
    s.sections = dict(Counter(e["screen"] for e in events
                              if e["kind"] == "view" and e["screen"] not in ("", "attract")).most_common(10))
    langs = {(e["kiosk"], e["session"]): e["lang"] or "?" for e in starts}
    for e in events:  # the language a visitor switched to is the one they used
        if e["kind"] == "language" and (e["kiosk"], e["session"]) in langs:
            langs[(e["kiosk"], e["session"])] = e["lang"] or "?"
    s.languages = dict(Counter(langs.values()).most_common())
    s.modes = dict(Counter(e["mode"] or "visitor" for e in starts).most_common())
    s.guided = {"guided": sum(1 for e in starts if e["mode"] == "guided")}
    s.guided["self-guided"] = s.visitors - s.guided["guided"]
    lengths = [float(e["seconds"]) for e in events if e["kind"] == "session_end" and _number(e["seconds"])]
    s.average_session_s = sum(lengths) / len(lengths) if lengths else 0.0
    return s


def _number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


TABLES = (("per_day", "访客/天", "visitors per day"), ("per_kiosk", "访客/终端", "visitors per kiosk"),
          ("hours", "繁忙时段", "busiest hours"), ("sections", "最常访问", "most-visited sections"),
          ("languages", "语言", "languages"), ("modes", "模式", "modes"),
          ("guided", "导览/自助", "guided vs self-guided"))


def write_summary_csv(summary: Summary, out: Path) -> Path:
    """The report's tables as CSV: table (zh), table (en), key, value."""
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    with tmp.open("w", newline="", encoding="utf-8-sig") as f:  # BOM: Excel reads the Chinese
        writer = csv.writer(f)
        writer.writerow(["表 table", "table", "key", "value"])
        writer.writerow(["访客总数", "visitors", "total", summary.visitors])
        for attr, zh, en in TABLES:
            for key, value in getattr(summary, attr).items():
                writer.writerow([zh, en, key, value])
    os.replace(tmp, out)
    return out
