"""Kept versions, rollback, the crash-at-start guard, and the content service on sets."""

from __future__ import annotations

import json

import pytest
from fleet_helpers import make_set, title_of

from kiosk.cli import main
from kiosk.content.loader import load_file
from kiosk.fleet.manifest import MANIFEST, pack
from kiosk.fleet.versions import MARKER, VersionStore, begin_start, clear_start_marker


def keep(store, folder):
    path = folder / "content.yaml"
    return store.keep_version(load_file(path), path.read_bytes())


@pytest.fixture
def store(tmp_path):
    return VersionStore(tmp_path / "data", keep=3)


def test_versions_are_kept_with_their_media(tmp_path, store):
    src = tmp_path / "hq"
    make_set(src, "One")
    pack(src, version="one", who="anna")
    v1 = keep(store, src)
    assert v1.id == "v0001" and v1.label == "one" and v1.by == "anna"
    assert (v1.folder / "plan.svg").read_bytes() == (src / "plan.svg").read_bytes()
    assert not (v1.folder / MANIFEST).exists()
    assert keep(store, src) == v1  # the same set is not copied twice
    make_set(src, "Two")
    pack(src, version="two")
    v2 = keep(store, src)
    assert v2.id == "v0002" and store.current() == v2
    assert [v.id for v in store.versions()] == ["v0002", "v0001"]


def test_only_the_last_n_are_kept(tmp_path, store):
    src = tmp_path / "hq"
    for n in range(5):
        make_set(src, f"T{n}")
        pack(src, version=f"t{n}")
        keep(store, src)
    assert [v.label for v in store.versions()] == ["t4", "t3", "t2"]


def test_a_set_changed_while_copied_is_not_kept(tmp_path, store, monkeypatch):
    src = tmp_path / "hq"
    make_set(src)
    pack(src)
    real = store.gate.check

    def check_then_change(path, data):
        verdict = real(path, data)
        (src / "plan.svg").write_text("<svg/>")  # Syncthing replaces it just now
        return verdict

    loaded = load_file(src / "content.yaml")
    monkeypatch.setattr(store.gate, "check", check_then_change)
    assert store.keep_version(loaded, (src / "content.yaml").read_bytes()) is None
    assert store.versions() == [] and not list(store.root.glob(".v*"))


def test_a_whole_set_is_linked_from_the_synced_folder(tmp_path, store):
    src = tmp_path / "hq"
    make_set(src)
    pack(src)
    v = keep(store, src)
    assert (v.folder / "plan.svg").stat().st_ino == (src / "plan.svg").stat().st_ino
    (src / "plan.svg").unlink()  # Syncthing replaces by rename: the kept copy stays
    assert (v.folder / "plan.svg").read_text().startswith("<svg")


def test_large_files_are_hashed_off_the_ui_thread(tmp_path, store, qtbot, monkeypatch):
    import kiosk.fleet.manifest as mod

    src = tmp_path / "hq"
    make_set(src)
    pack(src)
    monkeypatch.setattr(mod, "HASH_IN_BACKGROUND", 10)
    path = src / "content.yaml"
    first = store.check(path, path.read_bytes())
    assert not first.ok and first.waiting and "plan.svg is being checked" in first.reason
    qtbot.waitUntil(lambda: store.check(path, path.read_bytes()).ok, timeout=5000)


def test_rollback_and_forward(tmp_path, store, capsys, monkeypatch):
    src = tmp_path / "hq"
    for label in ("one", "two"):
        make_set(src, label.title())
        pack(src, version=label)
        keep(store, src)
    v1, loaded = store.rollback("one")
    assert v1.id == "v0001" and title_of(loaded.content) == "One"
    assert store.current().id == "v0001"
    gate = VersionStore(store.data_dir).gate  # a restart remembers what not to apply
    v = gate.check(src / "content.yaml", (src / "content.yaml").read_bytes())
    assert not v.ok and "rolled back" in v.reason
    last = json.loads((store.data_dir / "last-good" / "manifest.json").read_text())
    assert "v0001" in last["source"]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(store.data_dir))
    assert main(["rollback", "2"]) == 0
    assert store.current().label == "two"
    assert main(["versions"]) == 0
    out = capsys.readouterr().out
    assert "* v0002  two" in out and "  v0001  one" in out
    assert main(["rollback", "nine"]) == 1
    assert "no kept version 'nine'" in capsys.readouterr().err


def test_crash_at_start_twice_falls_back(tmp_path, store):
    src = tmp_path / "hq"
    make_set(src, "Good")
    pack(src, version="good")
    keep(store, src)
    assert begin_start(store) is None
    clear_start_marker(store)  # it ran: confirmed
    make_set(src, "Bad")
    pack(src, version="bad")
    keep(store, src)
    assert begin_start(store) is None  # 1st start on "bad"... crashes (marker stays)
    assert begin_start(store) is None  # 2nd start: one crash seen... crashes again
    note = begin_start(store)  # 3rd start: two crashes in a row → back to "good"
    assert note and "went back to good" in note
    assert store.current().label == "good"
    assert json.loads((store.data_dir / MARKER).read_text())["failed"] == 0
    src_path = src / "content.yaml"  # the crashing set is still in the synced folder: held
    verdict = VersionStore(store.data_dir).check(src_path, src_path.read_bytes())
    assert not verdict.ok and "stopped the kiosk at start 2 times" in verdict.reason
    clear_start_marker(store)
    assert not (store.data_dir / MARKER).exists()


def test_a_confirmed_version_is_not_rolled_back_by_the_guard(tmp_path, store):
    src = tmp_path / "hq"
    make_set(src)
    pack(src)
    keep(store, src)
    clear_start_marker(store)
    for _ in range(4):
        assert begin_start(store) is None


def test_guard_never_raises(tmp_path):
    store = VersionStore(tmp_path / "data")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / MARKER).write_text("{broken")
    assert begin_start(store) is None


def test_unchanged_media_are_linked_not_copied(tmp_path, store):
    src = tmp_path / "hq"
    make_set(src, "One")
    pack(src, version="one")
    v1 = keep(store, src)
    make_set(src, "Two", plan=(src / "plan.svg").read_text())  # same picture, new text
    pack(src, version="two")
    v2 = keep(store, src)
    assert (v1.folder / "plan.svg").stat().st_ino == (v2.folder / "plan.svg").stat().st_ino
    assert (v1.folder / "content.yaml").read_bytes() != (v2.folder / "content.yaml").read_bytes()
    store.keep = 1
    make_set(src, "Three", plan=(src / "plan.svg").read_text())
    pack(src, version="three")
    v3 = keep(store, src)
    assert [v.id for v in store.versions()] == [v3.id]  # pruned; the linked file lives on
    assert (v3.folder / "plan.svg").read_text().startswith("<svg")


def test_without_a_manifest_unchanged_media_are_linked_too(tmp_path, store):
    src = tmp_path / "plain"
    make_set(src, "One")
    v1 = keep(store, src)
    make_set(src, "Two", plan=(src / "plan.svg").read_text())  # rewritten: new mtime, copied
    import os

    os.utime(src / "plan.svg", ns=(1, 1))
    v2 = keep(store, src)
    path = src / "content.yaml"
    path.write_text(path.read_text().replace("Two", "Three"), encoding="utf-8")
    v3 = keep(store, src)
    assert (v2.folder / "plan.svg").stat().st_ino == (v3.folder / "plan.svg").stat().st_ino
    assert (v1.folder / "plan.svg").stat().st_ino != (v2.folder / "plan.svg").stat().st_ino


def test_a_restart_does_not_hash_kept_files_again(tmp_path, store, monkeypatch):
    src = tmp_path / "hq"
    make_set(src)
    pack(src)
    keep(store, src)
    import kiosk.fleet.manifest as mod

    monkeypatch.setattr(mod, "sha256_file", lambda p: pytest.fail(f"hashed {p} again"))
    path = src / "content.yaml"
    assert VersionStore(store.data_dir).check(path, path.read_bytes()).ok
