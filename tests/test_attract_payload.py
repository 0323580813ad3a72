"""Payload-first start (issue 14, item 4): the first attract frame is painted from a small
payload of the last validated content, and only when it still holds; anything missing,
stale or corrupt takes the normal path."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, minimal_content_dict, scale_content
from content_fixtures import SVG

from kiosk import attract_payload, boot
from kiosk.attract_payload import FILE, from_content
from kiosk.content import load_file
from kiosk.content.schedule import visible_at
from kiosk.theme import build_theme

NOON = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
SIZE = (1920, 1080)


def _show(tmp_path: Path, doc: dict | None = None) -> Path:
    folder = tmp_path / "show"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.svg").write_text(SVG, encoding="utf-8")
    path = folder / "content.yaml"
    plain = json.loads(json.dumps(doc or minimal_content_dict()))  # no shared nodes: no YAML anchors
    path.write_text(yaml.safe_dump(plain, allow_unicode=True),
                    encoding="utf-8")
    return path


def _written(tmp_path: Path, doc: dict | None = None):
    path = _show(tmp_path, doc)
    content = load_file(path).content
    data_dir = tmp_path / "data"
    theme = build_theme(content.kiosk, SIZE)
    assert attract_payload.write(data_dir, path, path.read_bytes(), content, theme, now=NOON)
    return path, content, data_dir, theme


def test_payload_is_the_validated_content_as_it_shows(tmp_path):
    path, content, data_dir, theme = _written(tmp_path)
    got = attract_payload.read(data_dir, path, now=NOON)
    assert got is not None
    assert got.payload == from_content(visible_at(content, NOON))
    assert got.payload.slides[1].figure is not None  # the key figure, formatted
    assert got.payload.slides[1].figure.value_en == "340 million"
    assert got.theme.palette == dataclasses.asdict(theme.palette)
    first = boot.boot_theme(got, SIZE, theme.families)
    assert (first.palette, first.modes, first.px_per_mm) == (theme.palette, theme.modes,
                                                               theme.px_per_mm)


def _edit_record(data_dir: Path, change) -> None:
    record = json.loads((data_dir / FILE).read_text(encoding="utf-8"))
    change(record)
    (data_dir / FILE).write_text(json.dumps(record), encoding="utf-8")


CORRUPT = {
    "no slides": lambda r: r["payload"].update(slides=[]),
    "interval as text": lambda r: r["payload"].update(interval="8"),
    "title not text": lambda r: r["payload"]["slides"][0]["title"].update(zh=7),
    "a colour missing": lambda r: r["theme"]["palette"].pop("text"),
    "an unknown mode": lambda r: r["theme"]["modes"].update(sparkle=True),
    "payload missing": lambda r: r.pop("payload"),
    "another format": lambda r: r.update(format=99),
    "another kiosk version": lambda r: r.update(kiosk="0.0.0"),
    "root a list": lambda r: (r.clear(), r.update({"x": []})),
}


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_malformed_payload_takes_the_normal_path(tmp_path, case):
    path, _, data_dir, _ = _written(tmp_path)
    _edit_record(data_dir, CORRUPT[case])
    assert attract_payload.read(data_dir, path, now=NOON) is None


@pytest.mark.parametrize("text", ["{not json", "", "[]", "null", "\x00\xff"])
def test_unreadable_payload_takes_the_normal_path(tmp_path, text):
    path, _, data_dir, _ = _written(tmp_path)
    (data_dir / FILE).write_bytes(text.encode("latin-1"))
    assert attract_payload.read(data_dir, path, now=NOON) is None


def test_stale_payload_takes_the_normal_path(tmp_path):
    path, _, data_dir, _ = _written(tmp_path)
    assert attract_payload.read(data_dir, path, now=NOON) is not None
    # the file edited since it was validated (even when still valid)
    original = path.read_bytes()
    path.write_bytes(original.replace("欢迎".encode(), "你好".encode()))
    assert attract_payload.read(data_dir, path, now=NOON) is None
    path.write_bytes(original)
    assert attract_payload.read(data_dir, path, now=NOON) is not None
    # a media file replaced
    (path.parent / "plan.svg").write_text(SVG + "\n", encoding="utf-8")
    assert attract_payload.read(data_dir, path, now=NOON) is None
    # another content file, no content file, no payload
    assert attract_payload.read(data_dir, tmp_path / "other.yaml", now=NOON) is None
    (data_dir / FILE).unlink()
    assert attract_payload.read(data_dir, path, now=NOON) is None


def test_payload_expires_with_the_schedule(tmp_path):
    doc = minimal_content_dict()
    doc["attract"]["highlights"][1]["show_until"] = "2026-12-03"
    path, _, data_dir, _ = _written(tmp_path, doc)
    assert attract_payload.read(data_dir, path, now=NOON + dt.timedelta(days=1)) is not None
    assert attract_payload.read(data_dir, path, now=NOON + dt.timedelta(days=3)) is None
    assert attract_payload.read(data_dir, path, now=NOON - dt.timedelta(hours=1)) is None
    # no change within the horizon: it still runs out
    path2, _, data_dir2, _ = _written(tmp_path / "b")
    assert attract_payload.read(data_dir2, path2, now=NOON + dt.timedelta(days=9)) is None


def test_no_payload_while_closed(tmp_path):
    path, _, data_dir, theme = _written(tmp_path)
    doc = minimal_content_dict()
    doc["schedule"] = {"timezone": "Asia/Shanghai", "hours": {"mon-sun": "09:00-10:00"}}
    closed = load_file(_show(tmp_path, doc)).content
    assert attract_payload.write(data_dir, path, path.read_bytes(), closed, theme, now=NOON) is None
    assert not (data_dir / FILE).exists()


def _version(data_dir: Path, vid: str, confirmed: bool) -> None:
    folder = data_dir / "versions" / vid
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "version.json").write_text(json.dumps({"token": vid, "confirmed": confirmed}),
                                         encoding="utf-8")


def test_start_guard_that_may_roll_back_takes_the_normal_path(tmp_path):
    from kiosk.fleet import versions

    assert attract_payload.START_MARKER == versions.MARKER
    assert attract_payload.VERSIONS == versions.FOLDER
    assert attract_payload.CRASHES_BEFORE_FALLBACK == versions.CRASHES_BEFORE_FALLBACK
    path, _, data_dir, _ = _written(tmp_path)
    marker = data_dir / attract_payload.START_MARKER
    assert not attract_payload.may_roll_back(data_dir)  # no marker: the last start lasted
    marker.write_text(json.dumps({"version": "v0002", "failed": 1}), encoding="utf-8")
    assert not attract_payload.may_roll_back(data_dir)  # no kept versions
    _version(data_dir, "v0002", confirmed=False)
    (data_dir / "versions" / "state.json").write_text('{"current": "v0002"}', encoding="utf-8")
    assert not attract_payload.may_roll_back(data_dir)  # nothing older to go back to
    _version(data_dir, "v0001", confirmed=True)
    assert attract_payload.may_roll_back(data_dir)  # the guard would roll back now
    assert boot.first_frame_payload(path, data_dir) is None
    marker.write_text(json.dumps({"version": "v0002", "failed": 0}), encoding="utf-8")
    assert not attract_payload.may_roll_back(data_dir)  # one failed start only
    marker.write_text(json.dumps({"version": "v0002", "failed": 1}), encoding="utf-8")
    _version(data_dir, "v0002", confirmed=True)
    assert not attract_payload.may_roll_back(data_dir)  # the current version ran before
    (data_dir / "versions" / "state.json").write_text("{broken", encoding="utf-8")
    assert attract_payload.may_roll_back(data_dir)  # unsure: the normal path decides


def test_first_frame_paints_what_the_model_paints(qtbot, tmp_path):
    """The first frame from the payload and the window's attract screen from the model
    draw the same pixels."""
    from kiosk.app import register_fonts
    from kiosk.shell.attract import AttractScreen

    families = register_fonts()
    path = _show(tmp_path)
    content = load_file(path).content
    theme = build_theme(content.kiosk, (960, 540), families=families)
    data_dir = tmp_path / "data"
    attract_payload.write(data_dir, path, path.read_bytes(), content, theme, now=NOON)
    got = attract_payload.read(data_dir, path, now=NOON)
    assert got is not None
    screens = [AttractScreen(visible_at(content, NOON), theme),
               AttractScreen(got.payload, boot.boot_theme(got, (960, 540), families))]
    images = []
    for screen in screens:
        qtbot.addWidget(screen)
        screen.resize(960, 540)
        screen.freeze(6.5)  # the second highlight, with its figure
        images.append(screen.grab().toImage())
    assert images[0] == images[1]
    screens[1].freeze(None)
    screens[1].continue_from(30.0)
    assert screens[1].now() >= 30.0
    screens[1].restart()
    assert screens[1].now() < 30.0


def _start(path: Path, data_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KIOSK_DATA_DIR": str(data_dir), "KIOSK_BENCH_FIRST_FRAME": "1",
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *extra, "-m", "kiosk", "run", "--windowed",
                           "--size", "800x600", "--content", str(path)],
                          capture_output=True, text=True, env=env, timeout=180, check=False)


def test_kiosk_run_first_frame_without_the_model(tmp_path):
    """End to end: the first start validates and keeps the payload; the next paints its
    first frame without importing pydantic, the model or the window; a corrupt payload
    falls back to the normal path (and is written afresh)."""
    path, data_dir = _show(tmp_path), tmp_path / "data"
    first = _start(path, data_dir)
    assert "FIRST_FRAME" in first.stdout, first.stderr[-2000:]
    assert (data_dir / FILE).is_file()
    second = _start(path, data_dir, "-X", "importtime")
    assert "FIRST_FRAME" in second.stdout, second.stderr[-2000:]
    assert "first frame from the attract payload" in second.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in second.stderr.splitlines()
                if line.startswith("import time:")}
    assert not imported & {"pydantic", "kiosk.content", "kiosk.content.model",
                           "kiosk.shell.window", "pyqtgraph", "qtawesome"}
    (data_dir / FILE).write_text("{broken", encoding="utf-8")
    third = _start(path, data_dir)
    assert "FIRST_FRAME" in third.stdout, third.stderr[-2000:]
    assert "attract payload not used" in third.stderr
    assert attract_payload.read(data_dir, path) is not None


def test_first_frame_reads_the_same_small_payload_at_any_content_size(tmp_path):
    """Start-up on 10x content (issue 14): before the first frame the kiosk reads the
    payload, hashes the content file and checks the media stamps — the payload and the
    stamps are those of the attract screen only, the same for 1x and 10x content."""
    records = []
    for scale in (1, 10):
        path = scale_content().write(scale, tmp_path / f"x{scale}" / "content.yaml")
        content = load_file(path).content
        data_dir = tmp_path / f"data-{scale}"
        theme = build_theme(content.kiosk, SIZE)
        assert attract_payload.write(data_dir, path, path.read_bytes(), content, theme, now=NOON)
        assert attract_payload.read(data_dir, path, now=NOON) is not None
        records.append(json.loads((data_dir / FILE).read_text(encoding="utf-8")))
    small, large = records
    assert small["payload"] == large["payload"]
    assert small["stamps"].keys() == large["stamps"].keys()
    assert small["sha256"] != large["sha256"]


def test_payload_kept_only_for_a_file_that_validated(qtbot, tmp_path):
    """A start on the last-good copy (the file is broken) keeps no bytes to write a payload
    against: the next start takes the normal path and shows the findings again."""
    from kiosk.shell.content_service import ContentService

    path, data_dir = _show(tmp_path), tmp_path / "data"
    good = ContentService(path, data_dir, watch=False)
    assert good.start().ok and good.start_bytes == path.read_bytes()
    path.write_text("kiosk: [\n", encoding="utf-8")
    broken = ContentService(path, data_dir, watch=False)
    status = broken.start()
    assert status.ok and status.media_dir is not None  # the last-good copy is shown
    assert broken.start_bytes is None


def test_full_window_takes_over_from_the_first_frame(tmp_path):
    """The real start on a payload: first frame, then the model and the window are built
    and take over, without a traceback."""
    import signal

    path, data_dir = _show(tmp_path), tmp_path / "data"
    assert "FIRST_FRAME" in _start(path, data_dir).stdout  # keeps the payload
    env = {**os.environ, "KIOSK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--windowed", "--size",
                             "800x600", "--content", str(path)], stderr=subprocess.PIPE,
                            text=True, env=env)
    seen: list[str] = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # the log, line by line, until the window is built
            seen.append(line)
            if "took over from the first frame" in line or "Traceback" in line:
                break
    finally:
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=60)[1]
    log = "".join(seen) + rest
    assert "first frame from the attract payload" in log
    assert "content file:" in log and "took over from the first frame" in log
    assert "Traceback" not in log
