"""The last-good copy: the most recent content that loaded without errors, with the media
it names, kept in the data folder. A kiosk restarted with a broken content.yaml starts on
it instead of a blank screen. No Qt here.

The copy is written to a temporary folder and swapped in by renames, so a power cut leaves
either the old copy or the new one (``last-good.old`` is used if the swap was cut short).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import time
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk.content.findings import ContentError
from kiosk.content.loader import Loaded, load_file
from kiosk.content.model import Content, Media

log = logging.getLogger(__name__)

FOLDER = "last-good"
CACHE = "content.pickle"  # the validated model; written and read only by the kiosk


def media_files(content: Content) -> list[str]:
    """Every media path the content names (relative to its file), without duplicates."""
    from kiosk.content.checks import walk

    found: dict[str, None] = {}
    for _, value, meta in walk(content, ()):
        if isinstance(value, str) and any(isinstance(m, Media) for m in meta):
            found[value.replace("\\", "/")] = None
    return list(found)


def _stamps(source_dir: Path, media: list[str]) -> dict[str, list[int] | None]:
    """Size and mtime of each media file (None when missing): a renamed picture changes
    the findings even when content.yaml did not change."""
    stamps: dict[str, list[int] | None] = {}
    for rel in media:
        try:
            st = (source_dir / PurePosixPath(rel)).stat()
            stamps[rel] = [st.st_size, st.st_mtime_ns]
        except OSError:
            stamps[rel] = None
    return stamps


def _manifest(data_dir: Path) -> dict[str, Any]:
    try:
        found = json.loads((data_dir / FOLDER / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def cached(data: bytes, path: Path, data_dir: Path) -> Loaded | None:
    """The validated content for ``data`` from the last-good copy's cache, when the bytes
    and every media file are unchanged since it was validated — a restart then skips
    parsing and validation (see benchmarks). None otherwise; never raises."""
    manifest = _manifest(data_dir)
    if manifest.get("sha256") != hashlib.sha256(data).hexdigest() \
            or manifest.get("cache") != _cache_tag():
        return None
    if _stamps(path.parent, manifest.get("media", [])) != manifest.get("stamps"):
        return None
    try:
        content, findings = pickle.loads((data_dir / FOLDER / CACHE).read_bytes())
    except Exception:
        return None
    if not isinstance(content, Content):
        return None
    return Loaded(content, path, findings)


def _cache_tag() -> str:
    import pydantic

    from kiosk import __version__

    return f"kiosk {__version__}; pydantic {pydantic.VERSION}"


def save(loaded: Loaded, data: bytes, data_dir: Path) -> Path | None:
    """Keep ``data`` (the bytes ``loaded`` came from) and its media as the last-good copy,
    with a cache of the validated model. Does nothing when the copy is already of these
    bytes and media. Never raises."""
    target = data_dir / FOLDER
    digest = hashlib.sha256(data).hexdigest()
    media = media_files(loaded.content)
    stamps = _stamps(loaded.path.parent, media)
    manifest = _manifest(data_dir)
    if manifest.get("sha256") == digest and manifest.get("stamps") == stamps:
        return target
    tmp = data_dir / f"{FOLDER}.tmp-{os.getpid()}"
    old = data_dir / f"{FOLDER}.old"
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        source_dir = loaded.path.parent
        for rel in media:
            src = source_dir / PurePosixPath(rel)
            if src.is_file():
                dst = tmp / PurePosixPath(rel)
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dst)
        (tmp / "content.yaml").write_bytes(data)
        (tmp / CACHE).write_bytes(pickle.dumps((loaded.content, loaded.findings)))
        (tmp / "manifest.json").write_text(json.dumps({
            "source": str(loaded.path), "sha256": digest, "media": media, "stamps": stamps,
            "cache": _cache_tag(), "saved_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        }, ensure_ascii=False, indent=2), encoding="utf-8")
        _fsync_tree(tmp)
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.replace(old)
        tmp.replace(target)
        shutil.rmtree(old, ignore_errors=True)
        log.info("saved last-good content copy (%d media files) to %s", len(media), target)
        return target
    except OSError:
        log.exception("could not save the last-good content copy in %s", data_dir)
        shutil.rmtree(tmp, ignore_errors=True)
        return None


def load(data_dir: Path) -> tuple[Loaded, dict[str, Any]] | None:
    """The last-good content and its manifest, or None when there is no usable copy."""
    for folder in (data_dir / FOLDER, data_dir / f"{FOLDER}.old"):
        if not (folder / "content.yaml").is_file():
            continue
        try:
            loaded = load_file(folder / "content.yaml")
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            return loaded, manifest
        except (ContentError, OSError, ValueError) as exc:
            log.warning("last-good copy in %s is not usable: %s", folder, exc)
    return None


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as f:
                os.fsync(f.fileno())


def previous_content(data_dir: Path) -> Content | None:
    """The content of the last-good copy, from its cache (not validated again), for
    telling a renamed id in a new edit. None when there is none; never raises."""
    if _manifest(data_dir).get("cache") != _cache_tag():
        return None
    try:
        content, _ = pickle.loads((data_dir / FOLDER / CACHE).read_bytes())
    except Exception:
        return None
    return content if isinstance(content, Content) else None
