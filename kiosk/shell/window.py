"""KioskWindow: the top-level window. Wiring only.

It owns the application-wide filters (lockdown, idle monitor, admin gesture, swipe), the
countdown overlay and the admin flow, and shows either the :class:`ShellView` (content
loaded) or the calm :class:`UnavailableScreen` (content unusable). In kiosk mode it
ignores close requests until the admin panel's Exit.

No layout on the window itself: its children fill it in :meth:`resizeEvent` (offscreen Qt
warns about size-hint propagation for top-level layouts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.model import Text
from kiosk.shell.admin import AdminController
from kiosk.shell.countdown import CountdownOverlay
from kiosk.shell.idle import IdleMonitor
from kiosk.shell.lockdown import Lockdown
from kiosk.shell.navigation import ATTRACT
from kiosk.shell.status import ContentStatus
from kiosk.shell.unavailable import UnavailableScreen
from kiosk.shell.view import ShellView
from kiosk.theme import Theme, build_stylesheet, build_theme

log = logging.getLogger(__name__)

WARM_UP_AFTER_MS = 300
"""Pages are warmed this long after new content is applied, so its first frame comes first."""
SHOT_TIME_S = 3.0
"""Animation time pinned for screenshots: first highlight fully in, invitation mid-pulse."""


@dataclass(frozen=True)
class ShellOptions:
    kiosk_mode: bool = True
    """Full screen, locked down, no cursor. False with ``--windowed``."""
    size: tuple[int, int] = (1920, 1080)
    lang: str | None = None
    idle_timeout: int | None = None
    """Seconds; overrides content.kiosk.idle_timeout (``--idle-timeout``)."""
    analytics_db: Path | None = None
    """Where visits are recorded; the admin panel shows today's statistics from it."""


class KioskWindow(QWidget):
    exit_requested = Signal()
    view_replaced = Signal(object)
    """A new ShellView (or None) after :meth:`set_content`."""

    def __init__(
        self,
        status: ContentStatus,
        options: ShellOptions = ShellOptions(),
        *,
        families: tuple[str, ...] | None = None,
        loader: Callable[[], ContentStatus] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk-window")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        if options.kiosk_mode:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle("Qingdao Industrial Internet Cluster")
        self.options = options
        self.families = families
        self.loader = loader
        self.allow_close = not options.kiosk_mode
        self.resize(*options.size)
        self.lockdown = Lockdown(options.kiosk_mode, self)
        self.idle = IdleMonitor(90_000, self)
        self._filters: list[QObject] = []
        self._install(self.lockdown)
        self._install(self.idle)
        self.idle.idle.connect(self._on_idle_idle)
        self.status = status
        self._pending: ContentStatus | None = None
        self.theme: Theme
        self.view: ShellView | None = None
        self.unavailable: UnavailableScreen | None = None
        self.countdown: CountdownOverlay | None = None
        self.admin: AdminController | None = None
        self.set_content(status)

    # -- building -----------------------------------------------------------------------
    def _install(self, obj: QObject) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(obj)
            self._filters.append(obj)

    def _uninstall_all(self, keep: tuple[QObject, ...] = ()) -> None:
        app = QApplication.instance()
        for obj in list(self._filters):
            if obj in keep:
                continue
            if app is not None:
                app.removeEventFilter(obj)
            self._filters.remove(obj)

    def set_content(self, status: ContentStatus) -> None:
        """Show ``status``'s content (or the unavailable screen); rebuilds every child."""
        self.status = status
        self._teardown_children()
        self.theme = build_theme(status.settings, self.options.size, families=self.families)
        self.setStyleSheet(build_stylesheet(self.theme))
        settings = status.settings
        self.idle.stop()
        self.idle.set_timeout(1000 * (self.options.idle_timeout or settings.idle_timeout))
        if status.content is not None:
            self.view = ShellView(
                status.content,
                self.theme,
                base_dir=status.base_dir,
                lang=self.options.lang,
                mouse_drag=not self.options.kiosk_mode,
                parent=self,
            )
            self.view.screen_changed.connect(self._on_view_screen_changed)
            self.view.idle_inhibited.connect(lambda sid, on: self.idle.inhibit(f"page:{sid}", on))
            self._install(self.view.swipe)
        else:
            self.unavailable = UnavailableScreen(self.theme, self)
        self.countdown = CountdownOverlay(self.theme, settings.countdown, self)
        self.countdown.expired.connect(self.reset)
        self.countdown.continued.connect(self.idle.start)
        self.admin = AdminController(
            self, self.theme, kiosk_mode=self.options.kiosk_mode, status=lambda: self.status,
            analytics_db=self.options.analytics_db, section_titles=self._screen_title, parent=self)
        self.admin.reload_requested.connect(self.reload)
        self.admin.exit_requested.connect(self.request_exit)
        self._install(self.admin.gesture)
        self._layout_children()
        for child in (self.view, self.unavailable):
            if child is not None:
                child.show()
        self.view_replaced.emit(self.view)

    def _teardown_children(self) -> None:
        self._uninstall_all(keep=(self.lockdown, self.idle))
        for child in (self.view, self.unavailable, self.countdown):
            if child is not None:
                if hasattr(child, "stop"):
                    child.stop()
                child.hide()
                child.deleteLater()
        if self.admin is not None:
            self.admin.close()
            for w in self.admin.overlays():
                w.deleteLater()
            self.admin.deleteLater()
        self.view = self.unavailable = self.countdown = None
        self.admin = None

    def _layout_children(self) -> None:
        for child in (self.view, self.unavailable, self.countdown):
            if child is not None:
                child.setGeometry(self.rect())
        if self.admin is not None:
            for w in self.admin.overlays():
                w.setGeometry(self.rect())

    # -- commands -----------------------------------------------------------------------
    def reset(self) -> None:
        """Idle reset: close overlays, then the view back to attract in the default language."""
        if self.countdown is not None:
            self.countdown.stop()
        if self.admin is not None:
            self.admin.close()
        if self.view is not None:
            self.view.reset()
        self.idle.stop()

    def _screen_title(self, key: str) -> Text:
        section = self.status.content.section(key) if self.status.content is not None else None
        return section.title if section is not None else Text(zh=key, en=key)

    def offer_content(self, status: ContentStatus) -> None:
        """New valid content from the watcher: applied now if nobody is using the kiosk
        (attract screen or maintenance screen), else at the next quiet moment."""
        self._pending = status
        QTimer.singleShot(0, self, self._apply_pending_if_quiet)

    def update_status(self, status: ContentStatus) -> None:
        """Same content, new findings (a bad edit): only the admin panel changes."""
        self.status = status
        if self.admin is not None and self.admin.is_open:
            self.admin.refresh()

    def _apply_pending_if_quiet(self) -> None:
        quiet = self.view is None or self.view.current == ATTRACT
        if self._pending is None or not quiet or (self.admin is not None and self.admin.is_open):
            return
        status, self._pending = self._pending, None
        log.info("applying new content from %s", status.path)
        self.set_content(status)
        QTimer.singleShot(WARM_UP_AFTER_MS, self, self.warm_up)  # after the new first frame

    def reload(self) -> None:
        """Admin → Reload: load the content file again and rebuild."""
        if self.loader is None:
            return
        status = self.loader()
        self.set_content(status)
        self.warm_up()
        if self.admin is not None:
            self.admin.show_panel()

    def warm_up(self) -> None:
        """Icons and pages, after the first frame (see :meth:`ShellView.warm_up`)."""
        if self.view is not None:
            self.view.warm_up()

    def request_exit(self) -> None:
        """Admin → Exit: the only way out in kiosk mode."""
        log.info("exit requested from the admin panel")
        self.allow_close = True
        self.shutdown()
        self.exit_requested.emit()
        self.close()

    def show_screen(self, name: str) -> None:
        """Show a screen by name: attract, home, a section id, countdown, pin or admin."""
        if self.countdown is not None:
            self.countdown.stop()
        if self.admin is not None:
            self.admin.close()
        if name in ("countdown", "pin", "admin"):
            if self.view is not None:
                first = self.view.content.sections[0].id
                self.view.show_screen(first)
            if name == "countdown" and self.countdown is not None:
                self.countdown.start()
                self.countdown.tick_timer.stop()
            elif name == "pin" and self.admin is not None:
                self.admin.pin_overlay.open()
                for d in "1234":
                    self.admin.pinpad.press(d)
            elif name == "admin" and self.admin is not None:
                self.admin.show_panel()
        elif self.view is not None:
            self.view.show_screen(name)

    def freeze_for_shot(self) -> None:
        """Finish transitions and pin every animation at a representative moment."""
        if self.view is not None:
            self.view.finish_animations()
            self.view.attract.freeze(SHOT_TIME_S)
            self.view.home.load_icons()
        if self.unavailable is not None:
            self.unavailable.freeze(0.0)

    def shutdown(self) -> None:
        """Stop every timer and animation and remove the app-wide filters."""
        self.idle.stop()
        if self.countdown is not None:
            self.countdown.stop()
        if self.view is not None:
            self.view.stop()
        if self.unavailable is not None:
            self.unavailable.stop()
        self._uninstall_all()

    # -- Qt -----------------------------------------------------------------------------
    def _on_idle_idle(self) -> None:
        if self.view is not None and self.view.current != ATTRACT and self.countdown is not None:
            if self.admin is not None:
                self.admin.close()
            self.countdown.start()

    def _on_view_screen_changed(self, key: str) -> None:
        if key == ATTRACT:
            self.idle.stop()
            if self._pending is not None:
                QTimer.singleShot(0, self, self._apply_pending_if_quiet)
        else:
            self.idle.start()

    def resizeEvent(self, e: QEvent) -> None:
        self._layout_children()
        super().resizeEvent(e)  # type: ignore[arg-type]

    def closeEvent(self, e: QCloseEvent) -> None:
        if not self.allow_close:
            log.info("close request ignored (kiosk mode)")
            e.ignore()
            return
        self.shutdown()
        e.accept()
