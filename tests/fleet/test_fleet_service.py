"""The content service on a content set: half-synced sets are never offered."""

from __future__ import annotations

import pytest
from fleet_helpers import make_set, title_of

from kiosk.fleet.manifest import pack
from kiosk.fleet.versions import VersionStore
from kiosk.shell.content_service import ContentService

WAIT = 8000


@pytest.fixture
def service(tmp_path, qtbot):
    made = []

    def build(folder):
        s = ContentService(folder / "content.yaml", tmp_path / "data", debounce_ms=50,
                           versions=VersionStore(tmp_path / "data"))
        made.append(s)
        return s

    yield build
    for s in made:
        s.stop()


def test_start_shows_the_kept_copy(tmp_path, service):
    src = tmp_path / "hq"
    make_set(src, "One")
    pack(src, version="one")
    status = service(src).start()
    assert status.ok and title_of(status.content) == "One"
    assert status.base_dir.parent.name == "versions"


def test_a_half_synced_set_at_start_shows_the_last_good(tmp_path, service):
    src = tmp_path / "hq"
    make_set(src, "One")
    pack(src)
    service(src).start().content  # noqa: B018 - kept as last good
    make_set(src, "Two")
    pack(src)
    (src / "plan.svg").unlink()
    status = service(src).start()
    assert title_of(status.content) == "One"
    assert any("plan.svg missing" in f.message for f in status.findings)


def test_a_set_arriving_file_by_file_is_offered_once_whole(tmp_path, service, qtbot):
    src = tmp_path / "hq"
    make_set(src, "One")
    pack(src)
    svc = service(src)
    svc.start()
    nxt = tmp_path / "next"
    make_set(nxt, "Two", plan=(src / "plan.svg").read_text().replace("#2E7CF6", "#FF0000"))
    pack(nxt)
    offered = []
    svc.updated.connect(offered.append)
    sub = src / "sub"
    sub.mkdir()
    for name in ("content.manifest.json", "content.yaml"):  # Syncthing: any order
        (src / name).write_bytes((nxt / name).read_bytes())
    qtbot.waitUntil(lambda: svc.watcher._retry.isActive(), timeout=WAIT)
    assert offered == []
    (src / "plan.svg").write_bytes((nxt / "plan.svg").read_bytes())  # the last file
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=WAIT)
    status = offered[0]
    assert title_of(status.content) == "Two"
    assert b"#FF0000" in (status.base_dir / "plan.svg").read_bytes()


def test_a_broken_set_is_never_offered(tmp_path, service, qtbot):
    src = tmp_path / "hq"
    make_set(src, "One")
    pack(src)
    svc = service(src)
    svc.start()
    rejected = []
    svc.findings_changed.connect(rejected.append)
    offered = []
    svc.updated.connect(offered.append)
    path = src / "content.yaml"
    path.write_text(path.read_text().replace("sections:", "sectons:"), encoding="utf-8")
    # the manifest matching the broken file (packed without checks, as a careless script might)
    import hashlib
    import json

    doc = json.loads((src / "content.manifest.json").read_text())
    doc["files"]["content.yaml"] = {"size": path.stat().st_size,
                                    "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    (src / "content.manifest.json").write_text(json.dumps(doc))
    qtbot.waitUntil(lambda: bool(rejected), timeout=WAIT)
    assert offered == []


def test_after_two_crashed_starts_the_kiosk_starts_on_the_previous_version(tmp_path, service):
    from kiosk.fleet.versions import begin_start, clear_start_marker

    src = tmp_path / "hq"
    make_set(src, "Good")
    pack(src, version="good")
    assert title_of(service(src).start().content) == "Good"
    store = VersionStore(tmp_path / "data")
    clear_start_marker(store)  # "good" ran fine
    make_set(src, "Crashing")
    pack(src, version="crashing")
    for _ in range(3):  # each start "crashes" before clearing its marker
        note = begin_start(store)
        status = service(src).start()
    assert note and "went back to good" in note
    assert title_of(status.content) == "Good"
    assert any("stopped the kiosk at start" in f.message for f in status.findings)


def test_a_set_that_changes_while_it_is_kept_is_not_offered(tmp_path, service, qtbot, monkeypatch):
    src = tmp_path / "hq"
    make_set(src, "One")
    pack(src)
    svc = service(src)
    svc.start()
    offered = []
    svc.updated.connect(offered.append)
    monkeypatch.setattr(svc.versions, "keep_version", lambda loaded, data: None)
    validated = []
    svc.watcher.loaded.connect(lambda loaded, data: validated.append(loaded))  # after the service's
    make_set(src, "Two")
    pack(src)
    qtbot.waitUntil(lambda: bool(validated), timeout=WAIT)
    assert title_of(validated[0].content) == "Two"
    assert offered == [] and title_of(svc.current.content) == "One"
