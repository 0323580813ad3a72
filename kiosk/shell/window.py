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
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.clock import Clock, SystemClock
from kiosk.content.model import Text
from kiosk.shell import reclaim
from kiosk.shell.admin import AdminController
from kiosk.shell.calendar import CalendarShell
from kiosk.shell.countdown import CountdownOverlay
from kiosk.shell.guided import GuidedGesture, GuidedMode
from kiosk.shell.idle import IdleMonitor
from kiosk.shell.lockdown import Lockdown
from kiosk.shell.mode_switch import ModeSwitcher, Visit, restore_visit, retire, retired, take_retirements
from kiosk.shell.modes import VisitorModes, start_modes, system_modes
from kiosk.shell.modes_theme import mode_theme
from kiosk.shell.navigation import ATTRACT
from kiosk.shell.status import ContentStatus
from kiosk.shell.unavailable import UnavailableScreen
from kiosk.shell.view import ShellView
from kiosk.theme import Theme, build_stylesheet
from kiosk.theme.modes import ModeSet

if TYPE_CHECKING:
    from kiosk.analytics import Recorder
    from kiosk.fleet.health import FleetRuntime

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
    clock: Clock | None = None
    """The one clock (default: the system's); a FakeClock in tests and ``shot --at``."""
    system_modes: ModeSet | None = None
    """What the platform asks for (high contrast, no animation); None: ask it."""
    modes: ModeSet | None = None
    """Start (and reset) in these visitor modes, whatever the content says (``shot --mode``)."""


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
        self.calendar = CalendarShell(self, options.clock or SystemClock(), self.quiet)
        self.calendar.visibility_changed.connect(lambda: self.offer_content(self._pending or self.status))
        self.guided = GuidedMode(self, self.idle)
        self._pending: ContentStatus | None = None
        self._system = options.system_modes if options.system_modes is not None else system_modes()
        self.modes = VisitorModes(parent=self)
        self.modes.changed.connect(self._on_modes_changed)
        self.switcher = ModeSwitcher(self, lambda visit: self.set_content(self.status, resume=visit))
        self.theme: Theme
        self.view: ShellView | None = None
        self.unavailable: UnavailableScreen | None = None
        self.countdown: CountdownOverlay | None = None
        self.admin: AdminController | None = None
        self.recorder: Recorder | None = None  # analytics and the fleet runtime: set by `kiosk run`
        self.fleet: FleetRuntime | None = None
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

    def set_content(self, status: ContentStatus, *, resume: Visit | None = None) -> None:
        """Show ``status``'s content (or the unavailable screen); rebuilds every child.
        ``resume``: the visitor carries on there (a mode change)."""
        quiet = self.view is None or self.view.current == ATTRACT
        self.status = status
        self._teardown_children()
        self.modes.set_default(self._default_modes(status), apply=quiet)
        self.theme = mode_theme(status, self.options.size, self.families, self.modes.current)
        self.setStyleSheet(build_stylesheet(self.theme))
        settings = status.settings
        self.idle.stop()
        self.idle.set_timeout(1000 * (self.options.idle_timeout or settings.idle_timeout))
        shown = self.calendar.prepare(status.content, self.theme)
        if shown is not None:
            self.view = ShellView(
                shown,
                self.theme,
                base_dir=status.base_dir,
                lang=self.options.lang,
                mouse_drag=not self.options.kiosk_mode,
                modes=self.modes,
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
        self.admin.guided_requested.connect(self._on_admin_guided_requested)
        guided = status.content.guided if status.content is not None else None
        self.guided.build(self.theme, self.view, guided.limit_minutes if guided else 120)
        if self.view is not None and (guided is None or guided.gesture):
            gesture = GuidedGesture(self, self.admin.gesture.corner, parent=self.admin)
            gesture.triggered.connect(self._on_guided_gesture_triggered)
            self.admin.gesture.also.append(gesture)  # fed by the admin gesture's filter
        self._install(self.admin.gesture)
        self._layout_children()
        for child in (self.view, self.unavailable):
            if child is not None:
                child.show()
        self.calendar.start()
        if resume is not None and self.view is not None:
            restore_visit(self.view, resume)
        self.view_replaced.emit(self.view)

    def _teardown_children(self) -> None:
        self._uninstall_all(keep=(self.lockdown, self.idle))
        for child in (self.view, self.unavailable, self.countdown):
            if child is not None:
                if hasattr(child, "stop"):
                    child.stop()
                retire(child)
        if self.admin is not None:
            self.admin.close()
            for w in self.admin.overlays():
                retire(w)
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
        self.calendar.layout()
        self.guided.raise_bar()

    # -- commands -----------------------------------------------------------------------
    def reset(self) -> None:
        """Idle reset: close overlays, then the view back to attract in the default language."""
        if self.countdown is not None:
            self.countdown.stop()
        if self.admin is not None:
            self.admin.close()
        self.guided.tour.stop()
        if self.view is not None:
            self.view.reset()
        if self.modes.current != self.modes.default:
            self.modes.reset()  # rebuilds the view (at the attract screen: no cover)
        if take_retirements():  # views rebuilt since the last reset: their memory back
            reclaim.after_deleted(retired())
        self.idle.stop()

    def _default_modes(self, status: ContentStatus) -> ModeSet:
        if self.options.modes is not None:
            return self.options.modes
        access = status.content.accessibility if status.content is not None else None
        return start_modes(access, self._system)

    def _on_modes_changed(self, modes: ModeSet) -> None:
        """Apply the visitor's modes in place, like the language switch: the same screen,
        Back trail, inner states and open panel come back in the new theme, under a
        cross-fade from the old look (see :mod:`kiosk.shell.mode_switch`)."""
        self.switcher.apply(self.view, fade=not modes.reduced_motion)

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

    def quiet(self) -> bool:
        """Nobody is using the kiosk: the attract (or maintenance) screen, no admin."""
        if (self.admin is not None and self.admin.is_open) or self.guided.active:
            return False
        return self.view is None or self.view.current == ATTRACT

    def _apply_pending_if_quiet(self) -> None:
        if self._pending is None or not self.quiet():
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
        """Show a screen by name: attract, home, a section id, countdown, pin, admin,
        welcome, night or modes (the Aa panel)."""
        if self.countdown is not None:
            self.countdown.stop()
        if self.admin is not None:
            self.admin.close()
        self.guided.tour.stop()
        self.calendar.preview(name if name in ("welcome", "night") else None, self.view)
        if name in ("welcome", "night"):
            return
        if name == "guided":  # the tour's badge open on the first section
            self.guided.start()
            if self.view is not None:
                self.view.show_screen(self.view.content.sections[0].id)
            if self.guided.bar is not None:
                self.guided.bar.set_open(True)
            return
        if name == "modes" and self.view is not None:  # the Aa panel open over home
            self.view.show_screen("home")
            self.view.finish_animations()
            self.view.modes_overlay.open()
            return
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
        self.switcher.finish()
        if self.view is not None:
            self.view.finish_animations()
            self.view.attract.freeze(SHOT_TIME_S)
            self.view.home.load_icons()
        if self.unavailable is not None:
            self.unavailable.freeze(0.0)

    def shutdown(self) -> None:
        """Stop every timer and animation and remove the app-wide filters."""
        self.switcher.finish()
        self.idle.stop()
        self.calendar.stop()
        self.guided.tour.stop()
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

    def _on_guided_gesture_triggered(self) -> None:
        if self.admin is not None and not self.guided.active:
            self.admin.open("guided")  # the PIN first

    def _on_admin_guided_requested(self) -> None:
        if self.admin is not None:
            self.admin.close()
        self.guided.start()

    def _on_view_screen_changed(self, key: str) -> None:
        self.guided.raise_bar()
        if key == ATTRACT:
            self.idle.stop()
            if self._pending is not None:
                QTimer.singleShot(0, self, self._apply_pending_if_quiet)
            QTimer.singleShot(0, self, self.calendar.night.update)  # night waits for this
        else:
            self.idle.start()

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._layout_children()
        super().resizeEvent(e)

    def closeEvent(self, e: QCloseEvent) -> None:
        if not self.allow_close:
            log.info("close request ignored (kiosk mode)")
            e.ignore()
            return
        self.shutdown()
        e.accept()
