"""The running kiosk's side of the fleet (Qt): the last painted frame, the Prometheus
textfile every 60 s and on every state change, the start marker, the periodic screenshot,
the analytics outbox, and rollback from the admin panel. :func:`install` wires it all.
The last frame comes from the window's :class:`~kiosk.shell.frames.FrameMonitor` (the same
one the screen guard feeds the watchdog from); the analytics queue and drops from the
:class:`~kiosk.analytics.Recorder`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from kiosk.fleet import metrics
from kiosk.fleet.metrics import KioskStatus
from kiosk.fleet.versions import VersionStore, clear_start_marker, end_start, take_request
from kiosk.shell.frames import FrameMonitor

if TYPE_CHECKING:
    import argparse

    from kiosk.analytics import Recorder
    from kiosk.shell.content_service import ContentService
    from kiosk.shell.view import ShellView
    from kiosk.shell.window import KioskWindow

log = logging.getLogger(__name__)

METRICS_INTERVAL_MS = 60_000
START_OK_AFTER_MS = 30_000
OUTBOX_INTERVAL_MS = 3_600_000
FIRST_WRITE_DELAY_MS = 2_000
SCREENSHOTS_ENV = "KIOSK_SCREENSHOTS"


@dataclass
class FleetOptions:
    kiosk_id: str
    metrics_dir: Path
    analytics_db: Path | None = None
    screenshots: bool = False
    screenshot_dir: Path | None = None
    outbox: Path | None = None


def snapshot(window: KioskWindow, versions: VersionStore | None, frames: FrameMonitor, kiosk_id: str,
             started_at: float, recorder: Recorder | None = None) -> KioskStatus:
    """The provider: what the window shows now, as a plain :class:`KioskStatus`."""
    from kiosk.shell.navigation import ATTRACT

    status = window.status
    findings: dict[str, int] = {}
    for f in status.findings:
        findings[f.severity] = findings.get(f.severity, 0) + 1
    current = versions.current() if versions is not None else None
    if status.content is None:
        mode = "maintenance"
    elif window.guided.active:
        mode = "guided"
    elif window.calendar.night.resting:
        mode = "night"
    elif window.view is None or window.view.current == ATTRACT:
        mode = "attract"
    else:
        mode = "visitor"
    return KioskStatus(
        kiosk_id=kiosk_id, last_frame_time=frames.last_frame_wall_time or 0.0, started_at=started_at,
        content_version=current.label if current else "",
        content_hash=current.token[:16] if current else "",
        content_valid=status.ok and not findings.get("error"), findings=findings,
        rss_bytes=metrics.rss_bytes(), mode=mode,
        analytics_queue_length=recorder.queue_length if recorder is not None else 0,
        analytics_dropped_events=recorder.dropped_events if recorder is not None else 0)


class HealthWriter(QObject):
    """Writes the textfile off the UI thread: every minute, and when the state changes."""

    def __init__(self, provider: Callable[[], KioskStatus], options: FleetOptions,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.provider, self.options = provider, options
        self._lock = threading.Lock()
        self._last_key: tuple[object, ...] | None = None
        self.timer = QTimer(self, interval=METRICS_INTERVAL_MS)
        self.timer.timeout.connect(self.write_now)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def state_changed(self) -> None:
        """Write when what the dashboard shows changed (mode, version, validity)."""
        s = self.provider()
        if self._key(s) != self._last_key:
            self._write_async(s)

    def write_now(self) -> None:
        self._write_async(self.provider())

    def write_sync(self) -> Path | None:
        return self._write(self.provider())

    def _key(self, s: KioskStatus) -> tuple[object, ...]:
        return (s.mode, s.content_version, s.content_valid, tuple(sorted(s.findings.items())))

    def _write_async(self, status: KioskStatus) -> None:
        self._last_key = self._key(status)
        threading.Thread(target=self._write, args=(status,), name="metrics", daemon=True).start()

    def _write(self, status: KioskStatus) -> Path | None:
        with self._lock:
            try:
                if self.options.analytics_db is not None:
                    status.sessions_today, status.taps_today = metrics.analytics_today(
                        self.options.analytics_db)
                return metrics.write(status, self.options.metrics_dir)
            except Exception:  # health must never disturb the kiosk
                log.exception("could not write the metrics file to %s", self.options.metrics_dir)
                return None


class Screenshotter(QObject):
    """A small JPEG of what the window shows, every 5 minutes, written atomically."""

    WIDTH = 480
    INTERVAL_MS = 300_000

    def __init__(self, window: QWidget, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.path = window, path
        self.timer = QTimer(self, interval=self.INTERVAL_MS)
        self.timer.timeout.connect(self.take)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def take(self) -> None:
        from PySide6.QtCore import Qt

        image = self.window.grab().toImage().scaledToWidth(
            self.WIDTH, Qt.TransformationMode.SmoothTransformation)
        threading.Thread(target=self.save, args=(image,), name="screenshot", daemon=True).start()

    def save(self, image: QImage) -> bool:
        tmp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}.jpg")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(tmp), None, 80):
                raise OSError(f"could not write {tmp}")
            os.replace(tmp, self.path)
            return True
        except OSError:
            log.exception("could not save the screenshot %s", self.path)
            tmp.unlink(missing_ok=True)
            return False


def screenshots_wanted(flag: bool) -> bool:
    return flag or os.environ.get(SCREENSHOTS_ENV, "").strip().lower() in ("1", "yes", "true", "on")


class FleetRuntime(QObject):
    """Everything above, for one window. :meth:`stop` stops every timer."""

    def __init__(self, window: KioskWindow, service: ContentService, versions: VersionStore,
                 options: FleetOptions, recorder: Recorder | None = None) -> None:
        super().__init__(window)
        self.window, self.service, self.versions, self.options = window, service, versions, options
        self.recorder = recorder
        self.started_at = time.time()
        self.frames = FrameMonitor.attach(window)
        self.health = HealthWriter(self.provide, options, self)
        self.screens = (Screenshotter(window, (options.screenshot_dir or options.metrics_dir)
                                      / f"screen-{options.kiosk_id}.jpg", self)
                        if options.screenshots else None)
        self.outbox_timer = QTimer(self, interval=OUTBOX_INTERVAL_MS)
        self.outbox_timer.timeout.connect(self.export_outbox)
        if options.outbox is not None and options.analytics_db is not None:
            self.outbox_timer.start()
        self.start_timer = QTimer(self, singleShot=True, interval=START_OK_AFTER_MS)
        self.start_timer.timeout.connect(lambda: clear_start_marker(self.versions))
        self.frames.first_frame.connect(self._on_first_frame)
        window.view_replaced.connect(self._on_view_replaced)
        versions.root.mkdir(parents=True, exist_ok=True)
        self.requests = QFileSystemWatcher([str(versions.root)], self)  # `kiosk rollback`
        self.requests.directoryChanged.connect(self._on_requests_changed)
        service.findings_changed.connect(lambda _s: self.health.state_changed())
        self._on_view_replaced(window.view)

    def provide(self) -> KioskStatus:
        return snapshot(self.window, self.versions, self.frames, self.options.kiosk_id, self.started_at,
                        self.recorder)

    def stop(self, exit_code: int | None = None) -> None:
        """Stop every timer. A clean exit (code 0: the admin panel's Exit, a SIGTERM) before
        the start counted as good is not a crash: the start marker goes, unconfirmed."""
        if exit_code == 0 and self.start_timer.isActive():
            end_start(self.versions)
        for timer in (self.health.timer, self.outbox_timer, self.start_timer):
            timer.stop()
        if self.screens is not None:
            self.screens.stop()

    def rollback(self, ref: str, *, now: bool = True) -> None:
        """Show version ``ref`` and keep it after a restart: at once (the admin panel's
        one tap) or at the next quiet moment (``kiosk rollback`` from a shell)."""
        from kiosk.content.findings import ContentError
        from kiosk.shell.status import ContentStatus

        try:
            version, loaded = self.versions.rollback(ref)
        except (LookupError, ContentError) as exc:
            log.error("rollback to %s failed: %s", ref, exc)
            return
        status = ContentStatus(path=self.service.path, content=loaded.content,
                               findings=loaded.findings, media_dir=version.folder,
                               note=f"rolled back to {version.label} ({version.id})")
        self.service.current = status
        if not now:
            self.window.offer_content(status)
            return
        self.window.set_content(status)
        self.window.warm_up()
        if self.window.admin is not None:
            self.window.admin.show_panel()

    def export_outbox(self) -> None:


        db, outbox, kid = self.options.analytics_db, self.options.outbox, self.options.kiosk_id
        since = dt.date.today() - dt.timedelta(days=2)  # older days were written already
        if db is not None and outbox is not None:
            threading.Thread(target=_export_quietly, args=(db, outbox, kid, since), name="outbox",
                             daemon=True).start()

    # -- slots ----------------------------------------------------------------------------
    def _on_requests_changed(self, _path: str) -> None:
        ref = take_request(self.versions)
        if ref is not None:
            log.info("rollback to %s requested from the shell", ref)
            self.rollback(ref, now=False)

    def _on_first_frame(self) -> None:
        # A moment later, not at once: the file's writer thread (and prometheus_client's
        # import) must not compete with the frames right after the first one.
        QTimer.singleShot(FIRST_WRITE_DELAY_MS, self.health, self.health.write_now)
        if self.outbox_timer.isActive():
            QTimer.singleShot(FIRST_WRITE_DELAY_MS, self, self.export_outbox)
        self.start_timer.start()
        if self.screens is not None:
            QTimer.singleShot(5_000, self.screens, self.screens.take)

    def _on_view_replaced(self, view: ShellView | None) -> None:
        if view is not None:
            view.screen_changed.connect(lambda _key: self.health.state_changed())
        if self.window.admin is not None:
            self.window.admin.panel_wrap = self._wrap_admin_stats
        if self.frames.last_frame_wall_time:
            self.health.state_changed()

    def _wrap_admin_stats(self, stats: QWidget | None) -> QWidget:
        from kiosk.fleet.versions_panel import VersionsPanel

        panel = VersionsPanel(self.window.theme, self.versions, stats)
        panel.rollback_requested.connect(self.rollback)
        return panel


def _export_quietly(db: Path, outbox: Path, kid: str, since: dt.date) -> None:
    from kiosk.fleet.report import export_outbox

    try:
        export_outbox(db, outbox, kid, since)
    except Exception:  # reports must never disturb the kiosk
        log.exception("could not export analytics into %s", outbox)


def install(window: KioskWindow, service: ContentService, versions: VersionStore,
            options: FleetOptions, recorder: Recorder | None = None) -> FleetRuntime:
    return FleetRuntime(window, service, versions, options, recorder)


def options_from(args: argparse.Namespace, analytics_db: Path | None) -> FleetOptions:
    """``kiosk run``'s options and environment → :class:`FleetOptions`."""
    from kiosk.fleet.identity import kiosk_id
    from kiosk.fleet.report import outbox_dir
    from kiosk.paths import data_dir

    return FleetOptions(kiosk_id=kiosk_id(),
                        metrics_dir=metrics.metrics_dir(getattr(args, "metrics_dir", None)),
                        analytics_db=analytics_db,
                        screenshots=screenshots_wanted(bool(getattr(args, "screenshots", False))),
                        screenshot_dir=data_dir(), outbox=outbox_dir(None))


