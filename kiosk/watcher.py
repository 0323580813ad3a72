"""Watching content.yaml for staff edits while the kiosk runs.

Editors save in different ways: in place, or by writing a new file and renaming it over
the old one (which makes a plain file watcher lose the file), or by deleting and
recreating it; sync tools and USB copies replace the whole folder (``rm -rf`` + unzip, a
rename, a symlink swap, another mount). So the watcher follows the file *and* its folder —
or, while they are gone, the nearest folder above that exists — re-arms itself after every
change, and also polls the path's identity every second (inotify follows inodes, not
paths: a folder renamed away or swapped for a symlink takes its watches with it). It
debounces bursts and skips saves that did not change the bytes. Each new
version is validated on a worker thread; the result comes back as a signal on the UI
thread: :attr:`ContentWatcher.loaded` for good content, :attr:`ContentWatcher.rejected`
with every finding for bad content. Applying good content is the shell's decision (it
waits for a quiet moment).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.content.findings import ContentError, Finding
from kiosk.content.loader import Loaded, load_bytes, read_file
from kiosk.courier import courier

if TYPE_CHECKING:
    from kiosk.fleet.manifest import Verdict

log = logging.getLogger(__name__)


class ContentWatcher(QObject):
    loaded = Signal(object, bytes)
    """A new version loaded without errors: (Loaded, the file's bytes)."""
    rejected = Signal(list)
    """A new version has errors: the list of findings. The current content stays."""

    def __init__(self, path: Path, *, debounce_ms: int = 400, poll_ms: int = 1000,
                 current: bytes | None = None,
                 gate: Callable[[Path, bytes], Verdict] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path).absolute()
        self.gate = gate
        """A content set's gate (:mod:`kiosk.fleet`): a version is validated only when its
        whole set is there; while files are still arriving it looks again every second."""
        self._retry = QTimer(self, singleShot=True, interval=1000)
        self._retry.timeout.connect(self._on_timer_timeout)
        self._held = ""
        self._digest = self._key(current) if current is not None else None
        self._generation = 0
        self._missing = False
        self._fs = QFileSystemWatcher(self)
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.setObjectName("content-poll")
        self._poll.timeout.connect(self._on_poll_timeout)
        self._fs.fileChanged.connect(self._on_fs_changed)
        self._fs.directoryChanged.connect(self._on_fs_changed)
        courier().delivered.connect(self._on_courier_delivered)
        self._identity = identity(self.path)
        self._arm()
        self._poll.start()

    def stop(self) -> None:
        self._timer.stop()
        self._poll.stop()
        self._retry.stop()
        paths = self._fs.files() + self._fs.directories()
        if paths:
            self._fs.removePaths(paths)
        self._generation += 1  # results still in flight are dropped

    @property
    def watched(self) -> list[str]:
        return sorted(self._fs.files() + self._fs.directories())

    def check_now(self) -> None:
        """Look at the file now (the admin panel's Reload)."""
        self._digest = None
        self._on_timer_timeout()

    # -- slots ---------------------------------------------------------------------------
    def _on_fs_changed(self, _path: str) -> None:
        self._timer.start()

    def _on_poll_timeout(self) -> None:
        """Catch what inotify cannot see: the path now names another file or folder."""
        now = identity(self.path)
        if now != self._identity:
            self._identity = now
            self._arm()
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._identity = identity(self.path)
        self._arm()
        try:
            data = read_file(self.path)
        except ContentError:
            if not self._missing:
                self._missing = True
                log.warning("content file %s is missing for now; keeping the current content "
                            "and watching %s until it is back", self.path, self.watched)
            return
        if self._missing:
            self._missing = False
            log.info("content file %s is back", self.path)
        digest = self._key(data)
        if digest is None:
            return
        if digest == self._digest:
            return
        self._digest = digest
        self._generation += 1
        generation = self._generation
        threading.Thread(target=_validate, args=(id(self), generation, self.path, data),
                         name="content-validate", daemon=True).start()

    def _on_courier_delivered(self, key: object, payload: object) -> None:
        if key != ("content", id(self), self._generation):
            return  # another receiver's, or a newer save is being checked
        loaded, result = cast("tuple[Loaded | None, object]", payload)
        if loaded is not None:
            log.info("content file %s changed and is valid (%d warnings)", self.path,
                     len(loaded.findings))
            self.loaded.emit(loaded, result)
        else:
            findings = cast("list[Finding]", result)
            log.warning("content file %s changed but has errors; keeping the current "
                        "content:\n%s", self.path, "\n".join(map(str, findings)))
            self.rejected.emit(findings)

    # -- helpers -------------------------------------------------------------------------
    def _key(self, data: bytes) -> str | None:
        """What identifies this version; None when its content set may not be applied yet."""
        if self.gate is None:
            return hashlib.sha256(data).hexdigest()
        verdict = self.gate(self.path, data)
        if not verdict.ok:
            if verdict.reason != self._held:  # once per reason, not once a second
                log.info("content %s not applied yet: %s", self.path, verdict.reason)
            self._held = verdict.reason
            if verdict.waiting:
                self._retry.start()
            return None
        self._held = ""
        return f"{hashlib.sha256(data).hexdigest()}:{verdict.token}"

    def _arm(self) -> None:
        """(Re)watch the file and its folder — or the nearest folder above that exists.
        Everything is re-added: a watch may have followed a renamed folder elsewhere."""
        wanted = []
        if self.path.is_file():
            wanted.append(str(self.path))
        folder = nearest_existing(self.path.parent)
        if folder is not None:
            wanted.append(str(folder))
        old = self._fs.files() + self._fs.directories()
        if old:
            self._fs.removePaths(old)
        if wanted:
            self._fs.addPaths(wanted)


def nearest_existing(folder: Path) -> Path | None:
    """``folder`` or the closest folder above it that exists."""
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            return candidate
    return None


def identity(path: Path) -> tuple[object, ...]:
    """What ``path`` and its folder are now (following symlinks): a change of file, folder,
    symlink target or mount shows as a different identity even when inotify says nothing."""
    parts: list[object] = []
    for p in (path.parent, path):
        try:
            st = p.stat()
            parts.append((st.st_dev, st.st_ino, st.st_size if p is path else 0,
                          st.st_mtime_ns if p is path else 0))
        except OSError:
            parts.append(None)
    return tuple(parts)


def _validate(watcher: int, generation: int, path: Path, data: bytes) -> None:
    """Worker thread: validate ``data``; hand the result to the UI thread."""
    result: tuple[Loaded | None, object]
    try:
        loaded = load_bytes(data, source=str(path), base_dir=path.parent)
        result = (loaded, data)
    except ContentError as exc:
        result = (None, exc.findings)
    except Exception as exc:  # never let a worker thread die silently
        log.exception("validating %s failed unexpectedly", path)
        result = (None, [Finding(str(path), 0, 0, "error", str(exc))])
    courier().delivered.emit(("content", watcher, generation), result)
