"""The last-good content copy: saved with its media, reused when content.yaml breaks."""

from __future__ import annotations

import logging

from content_fixtures import BASE, SVG, edit

from kiosk.content import lastgood, load_file
from kiosk.logs import setup


def _show(tmp_path, text=BASE):
    folder = tmp_path / "show"
    folder.mkdir(exist_ok=True)
    (folder / "plan.svg").write_text(SVG)
    (folder / "content.yaml").write_text(text, encoding="utf-8")
    return folder / "content.yaml"


def test_save_and_load_with_media(tmp_path):
    path = _show(tmp_path)
    loaded = load_file(path)
    data_dir = tmp_path / "data"
    assert lastgood.save(loaded, path.read_bytes(), data_dir) == data_dir / "last-good"
    assert (data_dir / "last-good" / "plan.svg").read_text() == SVG
    # staff break the file and even delete the plan: the copy is intact and loads
    path.write_text(edit("en: Welcome}", "en: no}"), encoding="utf-8")
    (path.parent / "plan.svg").unlink()
    copy, manifest = lastgood.load(data_dir)
    assert manifest["media"] == ["plan.svg"] and manifest["source"] == str(path)
    assert copy.content.attract.highlights[0].title.en == "Welcome"


def test_save_skips_identical_bytes_and_replaces_changed(tmp_path):
    path = _show(tmp_path)
    data_dir = tmp_path / "data"
    lastgood.save(load_file(path), path.read_bytes(), data_dir)
    stamp = (data_dir / "last-good" / "manifest.json").stat().st_mtime_ns
    lastgood.save(load_file(path), path.read_bytes(), data_dir)
    assert (data_dir / "last-good" / "manifest.json").stat().st_mtime_ns == stamp
    _show(tmp_path, edit("en: Welcome}", "en: Hello}"))
    lastgood.save(load_file(path), path.read_bytes(), data_dir)
    copy, _ = lastgood.load(data_dir)
    assert copy.content.attract.highlights[0].title.en == "Hello"
    assert sorted(p.name for p in data_dir.iterdir()) == ["last-good"]


def test_interrupted_swap_falls_back_to_old_copy(tmp_path):
    path = _show(tmp_path)
    data_dir = tmp_path / "data"
    lastgood.save(load_file(path), path.read_bytes(), data_dir)
    (data_dir / "last-good").replace(data_dir / "last-good.old")  # power cut mid-swap
    copy, _ = lastgood.load(data_dir)
    assert copy.content.sections[0].id == "history"


def test_no_copy_yet(tmp_path):
    assert lastgood.load(tmp_path) is None


def test_logging_to_rotating_file_and_stderr(tmp_path, capsys):
    log_file = setup(tmp_path / "logs")
    logging.getLogger("kiosk.test").warning("content has %d errors", 3)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "WARNING kiosk.test: content has 3 errors" in log_file.read_text(encoding="utf-8")
    assert "content has 3 errors" in capsys.readouterr().err
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_kiosk", False)]:
        root.removeHandler(handler)
        handler.close()


def test_validated_model_is_cached_for_unchanged_bytes_and_media(tmp_path):
    path = _show(tmp_path)
    data_dir = tmp_path / "data"
    loaded = load_file(path)
    lastgood.save(loaded, path.read_bytes(), data_dir)
    hit = lastgood.cached(path.read_bytes(), path, data_dir)
    assert hit is not None and hit.content == loaded.content and hit.findings == loaded.findings
    assert lastgood.cached(path.read_bytes() + b"\n# edited\n", path, data_dir) is None
    (path.parent / "plan.svg").rename(path.parent / "Plan.svg")  # staff renamed the plan
    assert lastgood.cached(path.read_bytes(), path, data_dir) is None
    (path.parent / "Plan.svg").rename(path.parent / "plan.svg")
    (data_dir / "last-good" / lastgood.CACHE).write_bytes(b"damaged")
    assert lastgood.cached(path.read_bytes(), path, data_dir) is None


def test_service_restart_uses_the_cache(tmp_path, monkeypatch):
    from kiosk.shell import content_service
    from kiosk.shell.content_service import ContentService

    path = _show(tmp_path)
    first = ContentService(path, tmp_path / "data", watch=False).start()

    def fail(*_args, **_kwargs):
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(content_service, "inspect_bytes", fail)
    again = ContentService(path, tmp_path / "data", watch=False).start()
    assert again.ok and again.content == first.content
