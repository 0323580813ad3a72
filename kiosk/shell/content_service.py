"""ContentService: where the kiosk's content comes from while it runs.

* At start: the content file if it is valid (and then it becomes the last-good copy);
  otherwise the last-good copy from the data folder, with the file's findings for the
  admin panel and the log; otherwise no content (the calm "we'll be right back" screen).
* While running: a :class:`~kiosk.watcher.ContentWatcher` validates every edit off the UI
  thread. Good versions are offered through :attr:`updated` (the window applies them at
  the next quiet moment); bad versions only update the findings (:attr:`findings_changed`)
  and the visitor keeps seeing the current content.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.content import ContentError, Finding, lastgood, summary
from kiosk.content.loader import Loaded, inspect_bytes, read_file
from kiosk.shell.status import ContentStatus
from kiosk.watcher import ContentWatcher

if TYPE_CHECKING:
    from kiosk.fleet.versions import VersionStore

log = logging.getLogger(__name__)


class ContentService(QObject):
    updated = Signal(object)
    """A new valid version: ContentStatus."""
    findings_changed = Signal(object)
    """The file changed but has errors: ContentStatus of what is shown, with the findings."""

    def __init__(self, path: Path, data_dir: Path, *, watch: bool = True,
                 debounce_ms: int = 400, versions: VersionStore | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.versions = versions
        """Content sets and kept versions (kiosk.fleet), when the kiosk is part of a fleet."""
        self.path = Path(path)
        self.data_dir = data_dir
        self.watch = watch
        self.debounce_ms = debounce_ms
        self.watcher: ContentWatcher | None = None
        self.current: ContentStatus | None = None
        self.start_bytes: bytes | None = None
        """The bytes of the file as validated by :meth:`start` or :meth:`load_now` (None
        when it fell back): the next start's attract payload is kept against them
        (kiosk.attract_payload)."""

    def start(self) -> ContentStatus:
        """Load once and start watching. Never raises."""
        data: bytes | None = None
        self.start_bytes = None
        try:
            data = read_file(self.path)
            status = self._status(data)
        except ContentError as exc:
            status = self._fallback(list(exc.findings))
        self.current = status
        if self.watch:
            self.watcher = ContentWatcher(self.path, debounce_ms=self.debounce_ms,
                                          current=data if status.path == self.path else None,
                                          gate=self.versions.check if self.versions else None,
                                          parent=self)
            self.watcher.loaded.connect(self._on_watcher_loaded)
            self.watcher.rejected.connect(self._on_watcher_rejected)
        return status

    def load_now(self) -> ContentStatus:
        """Read and validate the file now (the admin panel's Reload)."""
        self.start_bytes = None
        try:
            status = self._status(read_file(self.path))
        except ContentError as exc:
            status = self._fallback(list(exc.findings))
        self.current = status
        return status

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()

    # -- helpers -------------------------------------------------------------------------
    def _status(self, data: bytes) -> ContentStatus:
        if self.versions is not None:  # a content set: only whole and not rolled back from
            verdict = self.versions.check(self.path, data)
            if not verdict.ok:
                return self._fallback([Finding(str(self.path), 0, 0, "warning", verdict.reason)])
        hit = lastgood.cached(data, self.path, self.data_dir)
        if hit is not None:  # unchanged since it was validated: skip parsing and checks
            log.info("content %s unchanged since validated; using the cached model", self.path)
            self.start_bytes = data
            return self._kept(hit, data, ContentStatus(path=self.path, content=hit.content,
                                                       findings=hit.findings))
        content, findings = inspect_bytes(data, source=str(self.path), base_dir=self.path.parent)
        if content is None:
            return self._fallback(findings)
        for finding in findings:
            log.warning("  %s", finding)
        lastgood.save(Loaded(content, self.path, findings), data, self.data_dir)
        self.start_bytes = data
        return self._kept(Loaded(content, self.path, findings), data,
                          ContentStatus(path=self.path, content=content, findings=findings))

    def _kept(self, loaded: Loaded, data: bytes, status: ContentStatus) -> ContentStatus:
        """With kept versions: the version's own copy of the media is shown, so the next
        set arriving in the content folder never changes what is on screen."""
        version = self.versions.keep_version(loaded, data) if self.versions else None
        return dataclasses.replace(status, media_dir=version.folder) if version else status

    def _fallback(self, findings: list[Finding]) -> ContentStatus:
        log.error("content %s cannot be used (%s):", self.path, summary(findings))
        for finding in findings:
            log.error("  %s", finding)
        copy = lastgood.load(self.data_dir)
        if copy is None:
            log.error("no last-good copy in %s: visitors see the maintenance screen",
                      self.data_dir)
            return ContentStatus(path=self.path, content=None, findings=findings,
                                 error=f"{self.path} has errors and there is no last good copy")
        loaded, manifest = copy
        note = (f"{self.path} has errors; showing the last good copy saved "
                f"{manifest.get('saved_at', '?')}")
        log.warning(note)
        return ContentStatus(path=self.path, content=loaded.content, findings=findings,
                             media_dir=loaded.path.parent, note=note)

    def _on_watcher_loaded(self, loaded: Loaded, data: bytes) -> None:
        kept = self._kept(loaded, data, ContentStatus(path=self.path, content=loaded.content,
                                                      findings=loaded.findings))
        if self.versions is not None and kept.media_dir is None:
            log.info("content set in %s changed while it was kept; waiting for it to settle",
                     self.path.parent)  # the watcher is already looking at the newer files
            return
        lastgood.save(loaded, data, self.data_dir)
        self.current = kept
        self.updated.emit(self.current)

    def _on_watcher_rejected(self, findings: list[Finding]) -> None:
        base = self.current or ContentStatus(path=self.path, content=None)
        note = (f"{self.path} was edited and has errors; visitors still see the content "
                f"loaded {base.loaded_at:%Y-%m-%d %H:%M}")
        self.current = dataclasses.replace(base, findings=findings, note=note)
        self.findings_changed.emit(self.current)
