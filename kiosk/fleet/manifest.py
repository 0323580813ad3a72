"""Content sets: ``kiosk pack`` writes ``content.manifest.json``; a kiosk applies a set only
when every listed file is present with its listed size and SHA-256. No Qt here.

Syncthing renames each file into place when it is complete, but a *set* of files cannot
appear at once: the manifest is what makes a half-synced folder recognisable.

Which files are listed: ``content.yaml`` and every media file it names (each with its size
and SHA-256) — nothing else. A file in the folder that the manifest does not list (a file of
the *next* set that arrived early, a note, Syncthing's own ``.stfolder``, ``.stversions/``,
temp files ``.syncthing.*.tmp`` and ``~syncthing~*``) is ignored: it never holds a set back
and is never copied into the kiosk's versions. Media must be inside the folder.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import getpass
import hashlib
import json
import os
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = "content.manifest.json"
CONTENT = "content.yaml"
FORMAT = 1
HASH_IN_BACKGROUND = 8_000_000
"""Bytes above which the running kiosk hashes a file on a worker thread (~25 ms of hashing)."""
#: Names never listed and never waited for (Syncthing's temp and bookkeeping files).
IGNORED = (".syncthing.*.tmp", "~syncthing~*", ".stfolder", ".stignore", ".stversions",
           ".st*", MANIFEST, f"{MANIFEST}.tmp*")


class PackError(Exception):
    """``kiosk pack`` cannot write a manifest; the message says why and what to do."""


def ignored(rel: PurePosixPath) -> bool:
    """Syncthing's files, hidden files and the manifest: never part of a set."""
    return any(part.startswith(".") or any(fnmatch.fnmatchcase(part, p) for p in IGNORED)
               for part in rel.parts)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class Manifest:
    version: str
    files: dict[str, dict[str, int | str]]
    """Relative POSIX path → {"size": bytes, "sha256": hex}."""
    created_at: str = ""
    created_by: str = ""
    raw: bytes = b""
    token: str = field(default="", compare=False)
    """SHA-256 of the manifest's bytes: identifies the set."""

    @classmethod
    def parse(cls, raw: bytes, source: str = MANIFEST) -> Manifest:
        """Read a manifest; ``ValueError`` with a plain message when it is not one."""
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ValueError(f"{source}: not a readable manifest ({exc})") from None
        files = doc.get("files") if isinstance(doc, dict) else None
        if not isinstance(files, dict) or CONTENT not in files or not all(
                isinstance(v, dict) and isinstance(v.get("size"), int)
                and isinstance(v.get("sha256"), str) for v in files.values()):
            raise ValueError(f"{source}: the manifest has no valid file list; run `kiosk pack` again")
        return cls(str(doc.get("version", "")), files, str(doc.get("created_at", "")),
                   str(doc.get("created_by", "")), raw, hashlib.sha256(raw).hexdigest())


def list_files(folder: Path, media: list[str]) -> tuple[list[str], list[str]]:
    """The files a pack lists (content.yaml first, then the media, POSIX relative paths) and
    a message for each named media file that cannot be listed."""
    listed, problems = [CONTENT], []
    source = folder / CONTENT
    for name in media:
        rel = PurePosixPath(name)
        if rel.is_absolute() or ".." in rel.parts or ":" in name:
            problems.append(f"{source}: media file {name!r} is outside the content folder; move it "
                            f"into {folder} and name it relative to content.yaml")
        elif ignored(rel):
            problems.append(f"{source}: media file {name!r} has a hidden or Syncthing name; rename it")
        elif not (folder / rel).is_file():
            problems.append(f"{source}: media file {name!r} is not in {folder} (put it there, or fix "
                            "the path in content.yaml)")
        elif str(rel) not in listed:
            listed.append(str(rel))
    return listed, problems


def pack(folder: Path, *, version: str | None = None, who: str | None = None) -> Manifest:
    """Validate ``folder``/content.yaml and write its manifest atomically. Raises
    :class:`PackError` when the content has errors or a named media file is missing."""
    from kiosk.content import lastgood
    from kiosk.content.findings import ContentUnreadable, summary
    from kiosk.content.loader import inspect_bytes, read_file

    path = folder / CONTENT
    try:
        data = read_file(path)
    except ContentUnreadable as exc:
        raise PackError("\n".join(map(str, exc.findings))) from None
    content, findings = inspect_bytes(data, source=str(path), base_dir=folder)
    if content is None:
        raise PackError("\n".join([*map(str, findings),
                                   f"{path}: {summary(findings)} — fix them, then pack again"]))
    files, problems = list_files(folder, lastgood.media_files(content))
    if problems:
        raise PackError("\n".join([*problems, f"{path}: not packed"]))
    now = dt.datetime.now().astimezone()
    doc = {
        "format": FORMAT,
        "version": version or now.strftime("%Y-%m-%d-%H%M"),
        "created_at": now.isoformat(timespec="seconds"),
        "created_by": who or f"{_user()}@{socket.gethostname()}",
        "files": {rel: {"size": (folder / rel).stat().st_size, "sha256": sha256_file(folder / rel)}
                  for rel in files},
    }
    raw = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    tmp = folder / f"{MANIFEST}.tmp{os.getpid()}"
    tmp.write_bytes(raw)
    os.replace(tmp, folder / MANIFEST)
    return Manifest.parse(raw)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "staff"


@dataclass(frozen=True)
class Verdict:
    """Whether the content next to a manifest may be applied now."""

    ok: bool
    token: str = ""
    """What identifies the set: the manifest's SHA-256, or the content's without one."""
    waiting: bool = False
    """Files are still arriving (look again soon)."""
    reason: str = ""
    manifest: Manifest | None = None


class SetGate:
    """Checks a content folder against its manifest. Hashes are cached by path, size and
    mtime (and seeded from the kiosk's kept versions, so a restart hashes nothing it has
    kept), so looking again while a set arrives costs a ``stat`` per file; a new media
    file is hashed once, when it has its listed size — on a worker thread when it is large
    and ``background`` is set (the running kiosk), meanwhile the set counts as arriving."""

    def __init__(self, *, background: bool = False) -> None:
        self._hashes: dict[tuple[str, int, int], str] = {}
        self._hashing: set[tuple[str, int, int]] = set()
        self.background = background
        self.skip: set[str] = set()
        """Tokens never applied (a set rolled back from, or one that crashed the kiosk)."""
        self.skip_reason = ""
        """Why (shown with the findings in the admin panel)."""

    def check(self, content_path: Path, data: bytes) -> Verdict:
        folder = content_path.parent
        try:
            raw = (folder / MANIFEST).read_bytes()
        except FileNotFoundError:
            token = hashlib.sha256(data).hexdigest()
            return self._skipped(token) or Verdict(True, token)
        except OSError as exc:
            return Verdict(False, waiting=True, reason=f"{folder / MANIFEST}: cannot read ({exc})")
        try:
            manifest = Manifest.parse(raw, str(folder / MANIFEST))
        except ValueError as exc:
            return Verdict(False, waiting=True, reason=str(exc))
        skipped = self._skipped(manifest.token)
        if skipped:
            return skipped
        problems = self.problems(folder, manifest, data)
        if problems:
            return Verdict(False, manifest.token, True, f"content set {manifest.version!r} is not "
                           f"complete yet: {'; '.join(problems[:3])}"
                           + (f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""), manifest)
        return Verdict(True, manifest.token, manifest=manifest)

    def problems(self, folder: Path, manifest: Manifest, data: bytes | None = None) -> list[str]:
        """What is missing or different, one line per file (empty: the set is complete)."""
        out = []
        for rel, meta in manifest.files.items():
            if rel == CONTENT and data is not None:
                if hashlib.sha256(data).hexdigest() != meta["sha256"]:
                    out.append(f"{rel} differs")
                continue
            path = folder / PurePosixPath(rel)
            try:
                st = path.stat()
            except OSError:
                out.append(f"{rel} missing")
                continue
            if st.st_size != meta["size"]:
                out.append(f"{rel} has {st.st_size} of {meta['size']} bytes")
                continue
            digest = self.digest(path, st.st_size, st.st_mtime_ns)
            if digest is None:
                out.append(f"{rel} is being checked ({st.st_size / 1e6:.0f} MB)")
            elif digest != meta["sha256"]:
                out.append(f"{rel} differs")
        return out

    def digest(self, path: Path, size: int, mtime_ns: int) -> str | None:
        """The file's SHA-256 (cached). A file larger than :data:`HASH_IN_BACKGROUND` is
        hashed on a worker thread, so the UI never waits for it: None until it is done."""
        key = (str(path), size, mtime_ns)
        if key in self._hashes:
            return self._hashes[key]
        if size > HASH_IN_BACKGROUND and self.background:
            if key not in self._hashing:
                self._hashing.add(key)
                threading.Thread(target=self._hash, args=(key, path), name="set-hash",
                                 daemon=True).start()
            return None
        self._hash(key, path)
        return self._hashes.get(key, "unreadable")

    def _hash(self, key: tuple[str, int, int], path: Path) -> None:
        try:
            self._hashes[key] = sha256_file(path)
        except OSError:
            self._hashes[key] = "unreadable"
        finally:
            self._hashing.discard(key)

    def known(self, path: Path) -> str | None:
        """The SHA-256 of ``path`` as it is now, if it was hashed (never hashes)."""
        try:
            st = path.stat()
        except OSError:
            return None
        return self._hashes.get((str(path), st.st_size, st.st_mtime_ns))

    def remember(self, path: Path, size: int, mtime_ns: int, sha256: str) -> None:
        """A hash known from elsewhere (the kept versions)."""
        self._hashes[(str(path), size, mtime_ns)] = sha256

    def _skipped(self, token: str) -> Verdict | None:
        if token in self.skip:
            return Verdict(False, token, reason=(self.skip_reason or "this content set was rolled "
                           "back from") + "; waiting for a newer one")
        return None
