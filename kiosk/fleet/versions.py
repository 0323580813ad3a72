"""The last N good content versions, kept with their media in the data folder, rollback,
and the crash-at-start guard. No Qt here.

Layout in the data folder::

    versions/v0007/            one applied version: content.yaml, its media, version.json
    versions/state.json        {"current": "v0007", "skip": [tokens never applied again]}
    start-marker.json          written at start, removed after the first frame + N seconds

A version is copied into a temporary folder, checked against its manifest (Syncthing may
be replacing files at that very moment) and renamed into place, as
:mod:`kiosk.content.lastgood` does: a power cut leaves the old store or the new one.
Rolling back also makes the chosen version the last-good copy, so a restart shows it too.

Disk and time: a media file already kept (same SHA-256) is hard-linked, and a file of a
whole set in the synced folder (hashed by the gate, as it is now) is hard-linked from there
(Syncthing replaces files by renaming, never in place) — five versions of the same videos
cost the space of one, and keeping a set copies nothing on the UI thread.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk.content import lastgood
from kiosk.content.loader import Loaded, load_file
from kiosk.fleet.manifest import CONTENT, SetGate, Verdict, sha256_file

log = logging.getLogger(__name__)

FOLDER = "versions"
KEEP = 5
MARKER = "start-marker.json"
REQUEST = "rollback-request"
"""Written by ``kiosk rollback`` into versions/; a running kiosk applies it and removes it."""
CRASHES_BEFORE_FALLBACK = 2


@dataclass(frozen=True)
class Version:
    id: str
    label: str
    token: str
    applied_at: str
    by: str
    folder: Path
    confirmed: bool = False
    """The kiosk started and ran on it (see :func:`clear_start_marker`)."""

    @property
    def content_path(self) -> Path:
        return self.folder / CONTENT

    def line(self, current: bool = False) -> str:
        mark = "*" if current else " "
        return f"{mark} {self.id}  {self.label:<20} applied {self.applied_at}  by {self.by or '?'}"


@dataclass
class VersionStore:
    data_dir: Path
    keep: int = KEEP
    gate: SetGate = field(default_factory=lambda: SetGate(background=True))

    def __post_init__(self) -> None:
        self.root = self.data_dir / FOLDER
        self.gate.skip = set(self._state().get("skip", []))
        self.gate.skip_reason = str(self._state().get("note", ""))
        self._seed_gate()

    def _seed_gate(self) -> None:
        """The content folder's files that were kept need no hashing again after a restart."""
        for v in self.versions():
            try:
                meta = json.loads((v.folder / "version.json").read_text(encoding="utf-8"))
                folder = Path(meta["source"]).parent
                for rel, info in meta.get("files", {}).items():
                    size, mtime = (int(x) for x in str(info["source"]).split(":"))
                    self.gate.remember(folder / PurePosixPath(rel), size, mtime, str(info["sha256"]))
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue

    # -- reading -----------------------------------------------------------------------
    def versions(self) -> list[Version]:
        """Every kept version, newest first."""
        found = []
        for folder in sorted(self.root.glob("v[0-9]*"), reverse=True):
            try:
                meta = json.loads((folder / "version.json").read_text(encoding="utf-8"))
                found.append(Version(folder.name, str(meta.get("label", "")), str(meta["token"]),
                                     str(meta.get("applied_at", "")), str(meta.get("by", "")),
                                     folder, bool(meta.get("confirmed"))))
            except (OSError, ValueError, KeyError):
                continue
        return found

    def current(self) -> Version | None:
        cur = self._state().get("current")
        return next((v for v in self.versions() if v.id == cur), None)

    def find(self, ref: str) -> Version | None:
        """By id (``v0007`` or ``7``) or by label (the newest with it)."""
        ref = ref.strip()
        ids = {ref, f"v{int(ref):04d}"} if ref.isdigit() else {ref}
        kept = self.versions()
        return next((v for v in kept if v.id in ids), None) or next(
            (v for v in kept if v.label == ref), None)

    # -- the content service's hooks ----------------------------------------------------
    def check(self, content_path: Path, data: bytes) -> Verdict:
        """May the content at ``content_path`` (bytes ``data``) be applied now?"""
        return self.gate.check(content_path, data)

    def keep_version(self, loaded: Loaded, data: bytes) -> Version | None:
        """Keep a validated version (copied, checked, renamed in); it becomes current.
        None when its files changed while being copied (it is looked at again later)."""
        verdict = self.gate.check(loaded.path, data)
        if not verdict.ok:
            return None
        for v in self.versions():
            if v.token == verdict.token:
                if self._state().get("current") != v.id:
                    self._set_state(current=v.id)
                return v
        try:
            version = self._copy_in(loaded, data, verdict)
        except OSError:
            log.exception("could not keep content version in %s", self.root)
            return None
        if version is not None:
            self._set_state(current=version.id)
            self._prune()
        return version

    # -- rollback ------------------------------------------------------------------------
    def rollback(self, ref: str, reason: str = "") -> tuple[Version, Loaded]:
        """Make version ``ref`` current (and the last-good copy); the set it replaces is not
        applied again until a newer one arrives. ``LookupError`` / ``ContentError``."""
        target = self.find(ref)
        if target is None:
            kept = ", ".join(f"{v.id} ({v.label})" for v in self.versions()) or "none"
            raise LookupError(f"no kept version {ref!r}; kept: {kept}")
        loaded = load_file(target.content_path)
        current = self.current()
        skip = set(self._state().get("skip", []))
        if current is not None and current.id != target.id:
            skip.add(current.token)
        skip.discard(target.token)
        note = reason or f"rolled back to {target.label} ({target.id})"
        self._set_state(current=target.id, skip=sorted(skip), note=note)
        self.gate.skip, self.gate.skip_reason = skip, note
        lastgood.save(loaded, target.content_path.read_bytes(), self.data_dir)
        log.warning("content rolled back to %s (%s)", target.id, target.label)
        return target, loaded

    def previous(self, version: Version) -> Version | None:
        """The newest kept version older than ``version`` that the kiosk ran on."""
        older = [v for v in self.versions() if v.id < version.id]
        return next((v for v in older if v.confirmed), older[0] if older else None)

    def confirm(self, version: Version) -> None:
        path = version.folder / "version.json"
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
            meta["confirmed"] = True
            _write_json(path, meta)
        except (OSError, ValueError):
            log.warning("could not mark version %s as confirmed", version.id)

    # -- helpers -------------------------------------------------------------------------
    def _copy_in(self, loaded: Loaded, data: bytes, verdict: Verdict) -> Version | None:
        """Copy the set into a new version folder, checking every media file against the
        manifest. A file already kept (same SHA-256, or same source size and mtime without
        a manifest) is hard-linked instead: a new content.yaml with the same media costs
        nothing, however large the videos."""
        source = loaded.path.parent
        if verdict.manifest is not None:
            files = {rel: str(meta["sha256"]) for rel, meta in verdict.manifest.files.items()
                     if rel != CONTENT}
        else:
            files = {rel: "" for rel in lastgood.media_files(loaded.content)
                     if (source / PurePosixPath(rel)).is_file()}
        self.root.mkdir(parents=True, exist_ok=True)
        number = max((int(v.id[1:]) for v in self.versions()), default=0) + 1
        vid = f"v{number:04d}"
        tmp = self.root / f".{vid}.tmp-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        try:
            record = self._fill(tmp, source, files)
            if record is None:
                shutil.rmtree(tmp, ignore_errors=True)
                return None
            (tmp / CONTENT).write_bytes(data)
            manifest = verdict.manifest
            meta = {"label": manifest.version if manifest else dt.datetime.now().strftime("%Y-%m-%d-%H%M"),
                    "token": verdict.token, "by": manifest.created_by if manifest else "",
                    "created_at": manifest.created_at if manifest else "",
                    "applied_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                    "source": str(loaded.path), "confirmed": False, "files": record}
            _write_json(tmp / "version.json", meta)
            _fsync_tree(tmp)
            tmp.replace(self.root / vid)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        log.info("kept content version %s (%s)", vid, meta["label"])
        return next(v for v in self.versions() if v.id == vid)

    def _fill(self, tmp: Path, source: Path, files: dict[str, str]) -> dict[str, dict[str, str]] | None:
        """Link or copy each file into ``tmp``; None when one does not match its hash."""
        by_sha, by_stamp = self._kept_files()
        record: dict[str, dict[str, str]] = {}
        for rel, digest in files.items():
            src, dst = source / PurePosixPath(rel), tmp / PurePosixPath(rel)
            dst.parent.mkdir(parents=True, exist_ok=True)
            stamp = _stamp(src)
            have = by_sha.get(digest) if digest else by_stamp.get((rel, stamp))
            if have is not None and _link(have[0], dst):
                sha = have[1]
            elif digest and self.gate.known(src) == digest and _link(src, dst):
                sha = digest  # Syncthing replaces files by renaming, never in place
            else:
                shutil.copy2(src, dst)
                sha = sha256_file(dst)
                if digest and sha != digest:
                    log.info("content set changed while it was copied (%s); later", rel)
                    return None
            record[rel] = {"sha256": sha, "source": stamp}
        return record

    def _kept_files(self) -> tuple[dict[str, tuple[Path, str]], dict[tuple[str, str], tuple[Path, str]]]:
        """Files in the kept versions, by SHA-256 and by (path, source size:mtime)."""
        by_sha: dict[str, tuple[Path, str]] = {}
        by_stamp: dict[tuple[str, str], tuple[Path, str]] = {}
        for v in self.versions():
            try:
                files = json.loads((v.folder / "version.json").read_text(encoding="utf-8")).get("files", {})
            except (OSError, ValueError):
                continue
            for rel, info in files.items():
                path = v.folder / PurePosixPath(rel)
                if isinstance(info, dict) and path.is_file():
                    by_sha.setdefault(str(info.get("sha256")), (path, str(info.get("sha256"))))
                    by_stamp.setdefault((rel, str(info.get("source"))), (path, str(info.get("sha256"))))
        return by_sha, by_stamp

    def _prune(self) -> None:
        current = self._state().get("current")
        for v in self.versions()[self.keep:]:
            if v.id != current:
                shutil.rmtree(v.folder, ignore_errors=True)

    def _state(self) -> dict[str, Any]:
        try:
            state = json.loads((self.root / "state.json").read_text(encoding="utf-8"))
            return state if isinstance(state, dict) else {}
        except (OSError, ValueError):
            return {}

    def _set_state(self, **changes: object) -> None:
        state = {**self._state(), **changes}
        self.root.mkdir(parents=True, exist_ok=True)
        _write_json(self.root / "state.json", state)


def request_rollback(store: VersionStore, version_id: str) -> None:
    """Tell a running kiosk (if any) to show ``version_id`` at its next quiet moment."""
    store.root.mkdir(parents=True, exist_ok=True)
    tmp = store.root / f".{REQUEST}.tmp-{os.getpid()}"
    tmp.write_text(version_id, encoding="utf-8")
    os.replace(tmp, store.root / REQUEST)


def take_request(store: VersionStore) -> str | None:
    """The requested version id, removing the request; None when there is none."""
    path = store.root / REQUEST
    try:
        ref = path.read_text(encoding="utf-8").strip()
        path.unlink()
    except OSError:
        return None
    return ref or None


# -- the crash-at-start guard --------------------------------------------------------------


def begin_start(store: VersionStore) -> str | None:
    """Call before building the window. When the start marker is still there, the last
    start did not last (a crash or a kill): after :data:`CRASHES_BEFORE_FALLBACK` such
    starts in a row on a version that never ran, roll back to the previous good version.
    Returns a message for staff when it did. Never raises."""
    try:
        return _begin_start(store)
    except Exception:  # the guard must never stop the kiosk
        log.exception("start guard failed")
        return None


def _begin_start(store: VersionStore) -> str | None:
    marker = store.data_dir / MARKER
    try:
        previous = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = None
    current = store.current()
    cid = current.id if current else ""
    failed = 0
    if isinstance(previous, dict):
        failed = int(previous.get("failed", 0)) + 1 if previous.get("version") == cid else 1
    note = None
    if current is not None and not current.confirmed and failed >= CRASHES_BEFORE_FALLBACK:
        fallback = store.previous(current)
        if fallback is not None:
            note = (f"content version {current.label} ({current.id}) stopped the kiosk at start "
                    f"{failed} times in a row; went back to {fallback.label} ({fallback.id})")
            store.rollback(fallback.id, note)
            log.error(note)
            cid, failed = fallback.id, 0
    store.data_dir.mkdir(parents=True, exist_ok=True)
    _write_json(marker, {"version": cid, "failed": failed,
                         "at": dt.datetime.now().astimezone().isoformat(timespec="seconds")})
    return note


def clear_start_marker(store: VersionStore) -> None:
    """Call once the kiosk has painted and run for a while: this start counts as good."""
    try:
        (store.data_dir / MARKER).unlink(missing_ok=True)
        current = store.current()
        if current is not None and not current.confirmed:
            store.confirm(current)
    except OSError:
        log.warning("could not clear the start marker in %s", store.data_dir)


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def _link(existing: Path, new: Path) -> bool:
    """Hard-link a kept file (versions are never changed in place); False when impossible."""
    try:
        os.link(existing, new)
        return True
    except OSError:
        return False


def end_start(store: VersionStore) -> None:
    """A clean exit: remove the start marker without confirming the version."""
    try:
        (store.data_dir / MARKER).unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove the start marker in %s", store.data_dir)


def _write_json(path: Path, data: object) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as f:
                os.fsync(f.fileno())
