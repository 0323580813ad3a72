"""Health for Prometheus without opening a port: a textfile for node_exporter's textfile
collector, written atomically with ``prometheus_client``'s ``write_to_textfile``. No Qt here;
``prometheus_client`` is imported only when a file is written or read (off the first-frame
path).

:class:`KioskStatus` is a plain snapshot, filled by a provider in the app
(:func:`kiosk.fleet.health.snapshot`); the same names are printed by ``kiosk status``.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry

METRICS_ENV = "KIOSK_METRICS_DIR"
MODES = ("attract", "visitor", "night", "guided", "maintenance")
SEVERITIES = ("error", "warning", "info")

#: Every metric the kiosk writes (the Grafana dashboard test checks against this).
METRIC_NAMES = (
    "kiosk_last_frame_timestamp_seconds", "kiosk_content_info", "kiosk_content_valid",
    "kiosk_content_findings", "kiosk_start_time_seconds", "kiosk_uptime_seconds",
    "kiosk_resident_memory_bytes", "kiosk_sessions_today", "kiosk_taps_today", "kiosk_mode",
    "kiosk_analytics_queue_length", "kiosk_analytics_dropped_events",
    "kiosk_metrics_written_timestamp_seconds",
)


@dataclass
class KioskStatus:
    """What the kiosk is doing, at one moment. Every field has a typed default."""

    kiosk_id: str = "kiosk"
    last_frame_time: float = 0.0
    """Unix time of the last painted frame; 0 before the first."""
    started_at: float = field(default_factory=time.time)
    content_version: str = ""
    content_hash: str = ""
    content_valid: bool = False
    findings: dict[str, int] = field(default_factory=dict)
    """Count by severity (error, warning, info)."""
    rss_bytes: int = 0
    sessions_today: dict[str, int] = field(default_factory=dict)
    """By language (zh, en)."""
    taps_today: dict[str, int] = field(default_factory=dict)
    mode: str = "attract"
    analytics_queue_length: int = 0
    analytics_dropped_events: int = 0
    now: float = field(default_factory=time.time)


def metrics_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """``--metrics-dir``, else ``KIOSK_METRICS_DIR``, else the data folder."""
    if option:
        return Path(option)
    env = os.environ.get(METRICS_ENV)
    if env:
        return Path(env)
    from kiosk.paths import data_dir

    return data_dir()


def file_name(kiosk_id: str) -> str:
    """One file per kiosk, so two kiosks on one machine can share a collector folder."""
    return f"kiosk-{kiosk_id}.prom"


def rss_bytes() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def analytics_today(db: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Sessions and taps since midnight, by language (a tap's language is its session's)."""
    if not db.exists():
        return {}, {}
    start = time.mktime(dt.date.today().timetuple())
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=2)
        try:
            sessions = conn.execute(
                "SELECT COALESCE(lang, ''), COUNT(*) FROM events WHERE ts >= ? AND "
                "kind = 'session_start' GROUP BY 1", (start,)).fetchall()
            taps = conn.execute(
                "SELECT COALESCE(s.lang, ''), COUNT(*) FROM events t LEFT JOIN events s ON "
                "s.kind = 'session_start' AND s.session = t.session AND s.ts <= t.ts AND "
                "s.ts >= ? WHERE t.ts >= ? AND t.kind = 'tap' GROUP BY 1", (start, start)).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return {}, {}
    return ({(lang or "unknown"): n for lang, n in sessions},
            {(lang or "unknown"): n for lang, n in taps})


def registry_for(status: KioskStatus) -> CollectorRegistry:
    from prometheus_client import CollectorRegistry, Enum, Gauge, Info

    reg = CollectorRegistry()
    k = ("kiosk",)
    kid = status.kiosk_id

    def gauge(name: str, doc: str, value: float) -> None:
        Gauge(name, doc, k, registry=reg).labels(kid).set(value)

    gauge("kiosk_last_frame_timestamp_seconds", "Unix time of the last painted frame",
          status.last_frame_time)
    Info("kiosk_content", "Content version shown", k, registry=reg).labels(kid).info(
        {"version": status.content_version, "hash": status.content_hash})
    gauge("kiosk_content_valid", "1 when the content file is valid and shown", status.content_valid)
    findings = Gauge("kiosk_content_findings", "Content findings by severity",
                     ("kiosk", "severity"), registry=reg)
    for sev in SEVERITIES:
        findings.labels(kid, sev).set(status.findings.get(sev, 0))
    gauge("kiosk_start_time_seconds", "Unix time the kiosk started", status.started_at)
    gauge("kiosk_uptime_seconds", "Seconds since the kiosk started", status.now - status.started_at)
    gauge("kiosk_resident_memory_bytes", "Resident memory", status.rss_bytes)
    for name, doc, counts in (("kiosk_sessions_today", "Visitor sessions today", status.sessions_today),
                              ("kiosk_taps_today", "Taps on items today", status.taps_today)):
        g = Gauge(name, f"{doc} by language", ("kiosk", "lang"), registry=reg)
        for lang in sorted({"zh", "en", *counts}):
            g.labels(kid, lang).set(counts.get(lang, 0))
    mode = status.mode if status.mode in MODES else "attract"
    Enum("kiosk_mode", "What the kiosk is showing", k, states=list(MODES),
         registry=reg).labels(kid).state(mode)
    gauge("kiosk_analytics_queue_length", "Analytics events waiting to be written",
          status.analytics_queue_length)
    gauge("kiosk_analytics_dropped_events", "Analytics events dropped since start",
          status.analytics_dropped_events)
    gauge("kiosk_metrics_written_timestamp_seconds", "When this file was written", status.now)
    return reg


def write(status: KioskStatus, folder: Path) -> Path:
    """Write the textfile atomically (temp + rename, by ``write_to_textfile``)."""
    from prometheus_client import write_to_textfile

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(status.kiosk_id)
    write_to_textfile(str(path), registry_for(status))
    return path


def describe_file(path: Path) -> Iterator[str]:
    """``kiosk status``: the textfile as plain lines for a person."""
    from prometheus_client.parser import text_string_to_metric_families

    yield f"{path}:"
    now = time.time()
    for family in text_string_to_metric_families(path.read_text(encoding="utf-8")):
        for s in family.samples:
            labels = {k: v for k, v in s.labels.items() if k != "kiosk"}
            name = s.name.removeprefix("kiosk_")
            if name == "mode" and not s.value:
                continue
            yield f"  {name}{_labels(labels)}: {_value(s.name, s.value, now)}"


def _labels(labels: dict[str, str]) -> str:
    return f" ({', '.join(f'{k}={v}' for k, v in labels.items())})" if labels else ""


def _value(name: str, value: float, now: float) -> str:
    if name.endswith("timestamp_seconds") or name == "kiosk_start_time_seconds":
        if not value:
            return "never"
        stamp = dt.datetime.fromtimestamp(value).strftime("%Y-%m-%d %H:%M:%S")
        return f"{stamp} ({now - value:.0f} s ago)"
    if name.endswith("_bytes"):
        return f"{value / 1e6:.1f} MB"
    return f"{value:g}"
