"""The Prometheus textfile: written with prometheus_client, read back with its parser; the
Grafana dashboard and alert rules only use metrics the kiosk writes."""

from __future__ import annotations

import json
import re
import sqlite3
import time

import pytest
from conftest import ROOT
from prometheus_client.parser import text_string_to_metric_families

from kiosk.cli import main
from kiosk.fleet import metrics
from kiosk.fleet.metrics import METRIC_NAMES, KioskStatus

DOCS = ROOT / "docs" / "fleet"


def families(path):
    return {f.name: f for f in text_string_to_metric_families(path.read_text(encoding="utf-8"))}


def sample(fams, family, **labels):
    return next(s.value for s in fams[family].samples
                if all(s.labels.get(k) == v for k, v in labels.items()))


@pytest.fixture
def written(tmp_path):
    status = KioskStatus(kiosk_id="lobby-1", last_frame_time=1_700_000_000.5, started_at=time.time() - 90,
                         content_version="spring", content_hash="abc123", content_valid=True,
                         findings={"warning": 3}, rss_bytes=123_456_789,
                         sessions_today={"zh": 4, "en": 2}, taps_today={"zh": 9}, mode="visitor",
                         analytics_queue_length=5, analytics_dropped_events=1)
    return metrics.write(status, tmp_path / "textfiles")


def test_textfile_parses_with_every_metric(written):
    assert written.name == "kiosk-lobby-1.prom"
    fams = families(written)
    assert sample(fams, "kiosk_last_frame_timestamp_seconds", kiosk="lobby-1") == 1_700_000_000.5
    info = next(s for s in fams["kiosk_content_info"].samples)
    assert info.name == "kiosk_content_info"
    assert info.labels == {"kiosk": "lobby-1", "version": "spring", "hash": "abc123"}
    assert sample(fams, "kiosk_content_valid") == 1
    assert sample(fams, "kiosk_content_findings", severity="warning") == 3
    assert sample(fams, "kiosk_content_findings", severity="error") == 0
    assert sample(fams, "kiosk_uptime_seconds") >= 90
    assert sample(fams, "kiosk_resident_memory_bytes") == 123_456_789
    assert sample(fams, "kiosk_sessions_today", lang="zh") == 4
    assert sample(fams, "kiosk_taps_today", lang="en") == 0
    assert sample(fams, "kiosk_mode", kiosk_mode="visitor") == 1
    assert sample(fams, "kiosk_mode", kiosk_mode="attract") == 0
    assert sample(fams, "kiosk_analytics_queue_length") == 5
    assert sample(fams, "kiosk_analytics_dropped_events") == 1
    names = {s.name for f in fams.values() for s in f.samples}
    assert names == set(METRIC_NAMES)
    assert all(s.labels["kiosk"] == "lobby-1" for f in fams.values() for s in f.samples)


def test_written_atomically_no_temp_left(written):
    assert [p.name for p in written.parent.iterdir()] == [written.name]


def test_unknown_mode_is_reported_as_attract(tmp_path):
    path = metrics.write(KioskStatus(mode="dancing"), tmp_path)
    assert sample(families(path), "kiosk_mode", kiosk_mode="attract") == 1


def test_kiosk_status_prints_plain_lines(written, capsys):
    assert main(["status", "--metrics-dir", str(written.parent)]) == 0
    out = capsys.readouterr().out
    assert "content_info (hash=abc123, version=spring): 1" in out
    assert "mode (kiosk_mode=visitor): 1" in out and "kiosk_mode=attract" not in out
    assert "resident_memory_bytes: 123.5 MB" in out and "s ago)" in out
    assert main(["status", "--metrics-dir", str(written.parent / "none")]) == 1


def test_analytics_today_by_language(tmp_path):
    from kiosk.analytics import connect

    db = tmp_path / "analytics.db"
    conn = connect(db)
    now = time.time()
    conn.executemany("INSERT INTO events (ts, session, kind, screen, item, lang) VALUES (?,?,?,?,?,?)", [
        (now, 1, "session_start", "home", None, "zh"), (now + 1, 1, "tap", "partners", "a", None),
        (now + 2, 1, "tap", "partners", "b", None), (now, 2, "session_start", "home", None, "en"),
        (now - 3 * 86400, 0, "session_start", "home", None, "en")])
    conn.close()
    assert metrics.analytics_today(db) == ({"zh": 1, "en": 1}, {"zh": 2})
    assert metrics.analytics_today(tmp_path / "none.db") == ({}, {})
    (tmp_path / "bad.db").write_bytes(b"not sqlite")
    assert metrics.analytics_today(tmp_path / "bad.db") == ({}, {})
    sqlite3.connect(tmp_path / "x.db").close()


def exprs(obj):
    """Every PromQL expression in a Grafana JSON document."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("expr", "definition") and isinstance(v, str):
                yield v
            elif isinstance(v, dict) and k == "query" and isinstance(v.get("query"), str):
                yield v["query"]
            else:
                yield from exprs(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from exprs(v)


def used_metrics(texts):
    return {m for t in texts for m in re.findall(r"\bkiosk_[a-z_]+\b", t)}


def test_dashboard_uses_only_metrics_the_kiosk_writes(written):
    dash = json.loads((DOCS / "grafana-dashboard.json").read_text(encoding="utf-8"))
    written_names = {s.name for f in families(written).values() for s in f.samples}
    used = used_metrics(exprs(dash))
    assert used and used <= written_names, used - written_names
    assert {"kiosk_last_frame_timestamp_seconds", "kiosk_content_valid", "kiosk_content_info"} <= used
    assert len({p["id"] for p in dash["panels"]}) == len(dash["panels"])


def test_alert_rules_cover_no_frame_and_invalid_content(written):
    written_names = {s.name for f in families(written).values() for s in f.samples}
    rules = json.loads((DOCS / "grafana-alert-rules.json").read_text(encoding="utf-8"))
    found = {r["uid"]: r for g in rules["groups"] for r in g["rules"]}
    frame = found["kiosk-no-frame"]
    assert "kiosk_last_frame_timestamp_seconds" in frame["data"][0]["model"]["expr"]
    assert frame["data"][2]["model"]["conditions"][0]["evaluator"] == {"type": "gt", "params": [120]}
    assert frame["noDataState"] == "Alerting"
    assert "kiosk_content_valid" in found["kiosk-content-invalid"]["data"][0]["model"]["expr"]
    prom = (DOCS / "prometheus-rules.yml").read_text(encoding="utf-8")
    import yaml

    prom_exprs = [r["expr"] for g in yaml.safe_load(prom)["groups"] for r in g["rules"]]
    assert used_metrics(list(exprs(rules)) + prom_exprs) <= written_names
