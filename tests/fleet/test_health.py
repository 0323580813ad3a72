"""The running kiosk's fleet side: metrics after the first frame and on state changes,
the screenshot, the start marker, and rollback from the admin panel."""

from __future__ import annotations

import argparse

import pytest
from fleet_helpers import make_set, title_of
from prometheus_client.parser import text_string_to_metric_families
from touch import tap

from kiosk.fleet.manifest import pack
from kiosk.fleet.versions import MARKER

WAIT = 10_000


def metric(path, name, **labels):
    for family in text_string_to_metric_families(path.read_text(encoding="utf-8")):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                return s
    return None


@pytest.fixture
def kiosk(qtbot, tmp_path, monkeypatch):
    from kiosk import app

    monkeypatch.setenv("KIOSK_METRICS_DIR", str(tmp_path / "metrics"))
    monkeypatch.setenv("KIOSK_ID", "test-kiosk")
    monkeypatch.setenv("KIOSK_SCREENSHOTS", "1")
    src = tmp_path / "hq"
    make_set(src, "One")
    pack(src, version="one")
    args = argparse.Namespace(content=str(src / "content.yaml"), lang=None, idle_timeout=None)
    win = app.build_window(args, kiosk_mode=False, size=(1280, 800))

    def close(w):
        w.fleet.stop()
        w.fleet.service.stop()
        w.shutdown()
        w.allow_close = True
        w.recorder.close()

    qtbot.addWidget(win, before_close_func=close)
    win.show()
    qtbot.waitExposed(win)
    return win, src, tmp_path / "metrics" / "kiosk-test-kiosk.prom"


def test_metrics_after_the_first_frame(kiosk, qtbot):
    win, _, prom = kiosk
    qtbot.waitUntil(prom.exists, timeout=WAIT)
    assert win.fleet.frames.last_frame_wall_time > 0
    assert metric(prom, "kiosk_last_frame_timestamp_seconds").value > 0
    assert metric(prom, "kiosk_content_info").labels["version"] == "one"
    assert metric(prom, "kiosk_content_valid").value == 1
    assert metric(prom, "kiosk_mode", kiosk_mode="attract").value == 1
    assert win.fleet.start_timer.isActive()  # the start marker is cleared after it


def test_start_marker_is_cleared_after_a_good_start(kiosk, qtbot):
    win, _, _ = kiosk
    marker = win.fleet.versions.data_dir / MARKER
    marker.write_text("{}")
    qtbot.waitUntil(win.fleet.start_timer.isActive, timeout=WAIT)
    win.fleet.start_timer.timeout.emit()
    assert not marker.exists() and win.fleet.versions.current().confirmed


def test_screenshot_is_a_small_jpeg(kiosk, qtbot):
    from PySide6.QtGui import QImage

    win, _, _ = kiosk
    shot = win.fleet.screens.path
    image = win.grab().toImage().scaledToWidth(480)
    assert win.fleet.screens.save(image)
    loaded = QImage(str(shot))
    assert loaded.width() == 480 and shot.read_bytes()[:2] == b"\xff\xd8"
    assert [p.name for p in shot.parent.glob(".screen*")] == []


def test_new_set_then_one_tap_rollback(kiosk, qtbot):
    win, src, prom = kiosk
    qtbot.waitUntil(prom.exists, timeout=WAIT)
    make_set(src, "Two")
    pack(src, version="two")
    qtbot.waitUntil(lambda: title_of(win.status.content) == "Two", timeout=WAIT)
    qtbot.waitUntil(lambda: metric(prom, "kiosk_content_info").labels["version"] == "two", timeout=WAIT)
    win.admin.show_panel()
    panel = win.admin.panel.stats
    assert set(panel.buttons) == {"v0001"}  # the current version has no button
    tap(panel.buttons["v0001"])
    assert title_of(win.status.content) == "One"
    assert win.fleet.versions.current().label == "one"
    assert "v0001" in str(win.status.base_dir)
    qtbot.waitUntil(lambda: metric(prom, "kiosk_content_info").labels["version"] == "one", timeout=WAIT)
    win.admin.close()


def test_prometheus_client_stays_off_the_first_frame_path(tmp_path):
    import json
    import os
    import subprocess
    import sys
    import textwrap

    from conftest import CONTENT, ROOT

    code = textwrap.dedent(f"""
        import argparse, json, sys
        import kiosk.app as app
        qapp = app.create_app(kiosk_mode=False)
        args = argparse.Namespace(content={str(CONTENT)!r}, lang=None, idle_timeout=None)
        win = app.build_window(args, kiosk_mode=False, size=(1920, 1080))
        win.show()
        win.repaint()
        first = "prometheus_client" in sys.modules
        win.fleet.health.write_sync()
        print(json.dumps([first, "prometheus_client" in sys.modules]))
        win.fleet.stop(); win.shutdown(); win.recorder.close()
        """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path / "data"),
           "KIOSK_CONFIG_DIR": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=str(ROOT), timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [False, True]
    assert list((tmp_path / "data").glob("kiosk-*.prom"))


def test_kiosk_rollback_from_a_shell_reaches_the_running_kiosk(kiosk, qtbot, monkeypatch):
    from kiosk.cli import main

    win, src, _ = kiosk
    make_set(src, "Two")
    pack(src, version="two")
    qtbot.waitUntil(lambda: title_of(win.status.content) == "Two", timeout=WAIT)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(win.fleet.versions.data_dir))
    assert main(["rollback", "one"]) == 0
    qtbot.waitUntil(lambda: title_of(win.status.content) == "One", timeout=WAIT)
    assert not (win.fleet.versions.root / "rollback-request").exists()
    assert not win.admin.is_open


def test_a_clean_exit_is_not_a_crash(kiosk, qtbot):
    win, _, _ = kiosk
    marker = win.fleet.versions.data_dir / MARKER
    marker.write_text("{}")
    qtbot.waitUntil(win.fleet.start_timer.isActive, timeout=WAIT)
    win.fleet.stop(exit_code=70)  # a crash: the marker stays
    assert marker.exists()
    win.fleet.start_timer.start()
    win.fleet.stop(exit_code=0)  # the admin panel's Exit within 30 s
    assert not marker.exists() and not win.fleet.versions.current().confirmed


def test_snapshot_reports_guided_tour_and_the_analytics_queue(kiosk, qtbot):
    """The dashboard's mode follows the guide's tour; the queue and drop counts are the
    recorder's own (what the textfile exports for 'storage is failing' alerts)."""
    win, _, _ = kiosk
    assert win.fleet.provide().mode == "attract"
    win.guided.start()
    assert win.fleet.provide().mode == "guided"
    win.guided.tour.stop()
    win.recorder.dropped_events = 7
    status = win.fleet.provide()
    assert status.mode != "guided" and status.analytics_dropped_events == 7
    assert status.analytics_queue_length == win.recorder.queue_length
