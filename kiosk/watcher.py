"""Watching content.yaml for staff edits while the kiosk runs.

Editors save in different ways: in place, or by writing a new file and renaming it over
the old one (which makes a plain file watcher lose the file), or by deleting and
recreating it. So the watcher follows the file *and* its folder, re-arms itself after
every change, debounces bursts, and skips saves that did not change the bytes. Each new
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
from typing import TYPE_CHECKING

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

    def __init__(self, path: Path, *, debounce_ms: int = 400, current: bytes | None = None,
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
        self._fs = QFileSystemWatcher(self)
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._fs.fileChanged.connect(self._on_fs_changed)
        self._fs.directoryChanged.connect(self._on_fs_changed)
        courier().delivered.connect(self._on_courier_delivered)
        self._arm()

    def stop(self) -> None:
        self._timer.stop()
        self._retry.stop()
        paths = self._fs.files() + self._fs.directories()
        if paths:
            self._fs.removePaths(paths)
        self._generation += 1  # results still in flight are dropped

    def check_now(self) -> None:
        """Look at the file now (the admin panel's Reload)."""
        self._digest = None
        self._on_timer_timeout()

    # -- slots ---------------------------------------------------------------------------
    def _on_fs_changed(self, _path: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._arm()
        try:
            data = read_file(self.path)
        except ContentError:
            log.info("content file %s is missing for now; keeping the current content",
                     self.path)
            return
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
        loaded, result = payload  # type: ignore[misc]
        if loaded is not None:
            log.info("content file %s changed and is valid (%d warnings)", self.path,
                     len(loaded.findings))
            self.loaded.emit(loaded, result)
        else:
            findings: list[Finding] = result
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
        """(Re)watch the file and its folder: a rename or delete drops the file watch."""
        folder = str(self.path.parent)
        if folder not in self._fs.directories() and self.path.parent.is_dir():
            self._fs.addPath(folder)
        if str(self.path) not in self._fs.files() and self.path.is_file():
            self._fs.addPath(str(self.path))


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
