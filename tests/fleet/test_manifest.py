"""kiosk pack and the content-set gate: only whole sets pass."""

from __future__ import annotations

import json
import os

import pytest
from conftest import PLAN_SVG, minimal_content_dict, write_minimal_content
from fleet_helpers import make_set

from kiosk.cli import main
from kiosk.fleet.manifest import MANIFEST, Manifest, PackError, SetGate, ignored, list_files, pack


def test_pack_lists_content_and_named_media_with_hashes(tmp_path):
    make_set(tmp_path)
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "extra.txt").write_text("notes")
    m = pack(tmp_path, version="spring", who="anna")
    doc = json.loads((tmp_path / MANIFEST).read_text())
    assert doc["version"] == "spring" and doc["created_by"] == "anna" and doc["created_at"]
    assert list(doc["files"]) == ["content.yaml", "plan.svg"]  # the extra file is not part of it
    assert doc["files"]["plan.svg"]["size"] == (tmp_path / "plan.svg").stat().st_size
    assert len(doc["files"]["content.yaml"]["sha256"]) == 64
    assert m.token and SetGate().check(tmp_path / "content.yaml",
                                       (tmp_path / "content.yaml").read_bytes()).ok


def with_plan(folder, name):
    data = minimal_content_dict()
    data["sections"][1]["plan"]["image"] = name
    path = write_minimal_content(folder, data)
    target = (folder / name) if not name.startswith("/") else None
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(PLAN_SVG)
    return path


@pytest.mark.parametrize(("name", "why"), [
    ("../plan.svg", "content folder"),  # the loader says so, at file:line:col
    (".hidden/plan.svg", "hidden or Syncthing name"),
    ("~syncthing~plan.svg", "hidden or Syncthing name"),
    ("media/./plan.svg", None),
])
def test_media_must_be_inside_the_folder_with_a_plain_name(tmp_path, name, why):
    folder = tmp_path / "set"
    with_plan(folder, name)
    if why is None:
        assert list(pack(folder).files) == ["content.yaml", "media/plan.svg"]
        return
    with pytest.raises(PackError, match=why):
        pack(folder)


def test_list_files_skips_duplicates():
    from pathlib import Path

    assert list_files(Path("/nonexistent"), []) == (["content.yaml"], [])


def test_ignored_patterns():
    from pathlib import PurePosixPath as P

    assert ignored(P("sub/.syncthing.a.jpg.tmp")) and ignored(P("~syncthing~a.jpg.tmp"))
    assert not ignored(P("media/a.jpg"))


def test_pack_refuses_bad_content(tmp_path, capsys):
    path = make_set(tmp_path)
    path.write_text(path.read_text().replace("sections:", "sectons:"), encoding="utf-8")
    with pytest.raises(PackError, match=r"content\.yaml:"):
        pack(tmp_path)
    assert not (tmp_path / MANIFEST).exists()
    assert main(["pack", str(tmp_path)]) == 1
    assert "not packed" in capsys.readouterr().err


def test_pack_refuses_missing_media(tmp_path):
    make_set(tmp_path)
    (tmp_path / "plan.svg").unlink()
    with pytest.raises(PackError):
        pack(tmp_path)


def test_pack_command(tmp_path, capsys):
    make_set(tmp_path)
    assert main(["pack", str(tmp_path), "--label", "v1"]) == 0
    assert "version v1, 2 files" in capsys.readouterr().out  # content.yaml and plan.svg
    assert main(["pack", str(tmp_path / "nowhere")]) == 2


def gate_check(folder, gate=None):
    path = folder / "content.yaml"
    return (gate or SetGate()).check(path, path.read_bytes())


def test_half_synced_sets_wait(tmp_path):
    make_set(tmp_path)
    pack(tmp_path)
    plan = tmp_path / "plan.svg"
    good = plan.read_bytes()
    plan.unlink()
    v = gate_check(tmp_path)
    assert not v.ok and v.waiting and "plan.svg missing" in v.reason
    plan.write_bytes(good[:10])
    assert "plan.svg has 10 of" in gate_check(tmp_path).reason
    plan.write_bytes(good.replace(b"#13243A", b"#13243B"))
    assert "plan.svg differs" in gate_check(tmp_path).reason
    plan.write_bytes(good)
    assert gate_check(tmp_path).ok


def test_new_content_yaml_before_its_manifest_waits(tmp_path):
    make_set(tmp_path, "One")
    pack(tmp_path)
    make_set(tmp_path, "Two")  # content.yaml of the next set, manifest still the old one
    v = gate_check(tmp_path)
    assert not v.ok and "content.yaml differs" in v.reason


def test_unlisted_extra_files_do_not_hold_a_set(tmp_path):
    make_set(tmp_path)
    pack(tmp_path)
    (tmp_path / "next-picture.jpg").write_bytes(b"early")
    (tmp_path / ".syncthing.content.yaml.tmp").write_bytes(b"half")
    assert gate_check(tmp_path).ok


@pytest.mark.parametrize("raw", [b"{", b"[]", b'{"files": {}}', b'{"files": {"content.yaml": 3}}',
                                 b"\xff\xfe"])
def test_a_broken_manifest_is_waited_on_never_applied(tmp_path, raw):
    make_set(tmp_path)
    (tmp_path / MANIFEST).write_bytes(raw)
    v = gate_check(tmp_path)
    assert not v.ok and "manifest" in v.reason
    with pytest.raises(ValueError):
        Manifest.parse(raw)


def test_without_a_manifest_content_passes(tmp_path):
    make_set(tmp_path)
    assert gate_check(tmp_path).ok


def test_skipped_sets_are_not_applied_and_not_waited_for(tmp_path):
    make_set(tmp_path)
    m = pack(tmp_path)
    gate = SetGate()
    gate.skip.add(m.token)
    v = gate_check(tmp_path, gate)
    assert not v.ok and not v.waiting


def test_hashes_are_cached_by_size_and_mtime(tmp_path, monkeypatch):
    make_set(tmp_path)
    pack(tmp_path)
    gate = SetGate()
    assert gate_check(tmp_path, gate).ok
    import kiosk.fleet.manifest as mod

    monkeypatch.setattr(mod, "sha256_file", lambda p: pytest.fail(f"hashed {p} again"))
    assert gate_check(tmp_path, gate).ok
    os.utime(tmp_path / "plan.svg", ns=(1, 1))
    monkeypatch.undo()
    assert gate_check(tmp_path, gate).ok
