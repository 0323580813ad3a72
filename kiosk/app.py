"""Application start-up: QApplication, bundled fonts, excepthook, and ``kiosk run``.

``kiosk run`` → :func:`run_command`, called by :mod:`kiosk.cli` (``kiosk shot`` lives in
:mod:`kiosk.shot` and uses the start-up helpers here). Nothing here imports pyqtgraph or qtawesome: they load after the
first frame (tile icons) or with the page that needs them.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from kiosk import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.shell import KioskWindow
    from kiosk.shell.attract import AttractScreen
    from kiosk.watchdog import Heartbeat

log = logging.getLogger("kiosk")

EXIT_CRASH = 70  # EX_SOFTWARE
LATIN_FAMILY = "Noto Sans"
CJK_FAMILY = "Noto Sans CJK SC"


# -- process set-up ------------------------------------------------------------------------


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if not any(getattr(h, "_kiosk", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)


def excepthook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Log an uncaught exception to stderr and end the event loop with a non-zero code.
    Never a dialog, never a traceback on screen: a supervisor restarts the kiosk."""
    text = "".join(traceback.format_exception(etype, value, tb))
    log.critical("uncaught exception, exiting:\n%s", text)
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        app.exit(EXIT_CRASH)
    else:
        os._exit(EXIT_CRASH)


def install_excepthook() -> None:
    sys.excepthook = excepthook


_registered: dict[str, list[str]] = {}


def font_files(folder: Path = paths.FONTS_DIR) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".otf", ".ttf", ".ttc"))


def register_fonts(folder: Path = paths.FONTS_DIR) -> tuple[str, ...]:
    """Register every bundled font; set the app font. Returns the family list (Latin
    first, CJK second) for the theme. Missing fonts are logged, not fatal."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    found: set[str] = set()
    for path in font_files(folder):
        key = str(path.resolve())
        if key not in _registered:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.error("could not load font %s", path)
                continue
            _registered[key] = QFontDatabase.applicationFontFamilies(font_id)
        found.update(_registered[key])
    if not found:
        log.error("no bundled fonts in %s: Chinese text may show as boxes", folder)
    families = (LATIN_FAMILY, CJK_FAMILY)
    for family in families:
        if family not in found:
            log.warning("bundled font family %r missing (have: %s)", family, ", ".join(sorted(found)) or "none")
    app = QApplication.instance()
    if app is not None:
        font = QFont()
        font.setFamilies(list(families))
        font.setPixelSize(28)
        QApplication.setFont(font)
    return families


def create_app(argv: list[str] | None = None, *, kiosk_mode: bool = True) -> QApplication:
    """The QApplication, set up for touch: fonts registered, cursor hidden in kiosk mode."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from kiosk import heap, import_sources, pyside_guard
    from kiosk.shell.lockdown import block_external_urls

    pyside_guard.apply()  # PySide6 6.12.0 on Python 3.11 would abort within seconds otherwise
    heap.return_large_buffers()  # freed 4K pixmaps go back to the system (kiosk/heap.py)
    import_sources.install()  # PySide's import hook keeps no module sources (import_sources.py)
    app = cast("QApplication | None", QApplication.instance())
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(paths.APP_NAME)
    app.setAttribute(Qt.ApplicationAttribute.AA_SynthesizeMouseForUnhandledTouchEvents, True)
    app.setAttribute(Qt.ApplicationAttribute.AA_SynthesizeTouchForUnhandledMouseEvents, False)
    app.setQuitOnLastWindowClosed(True)
    block_external_urls()
    if kiosk_mode:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    return app


# -- building the window -------------------------------------------------------------------


def build_window(args: argparse.Namespace, *, kiosk_mode: bool, size: tuple[int, int]) -> KioskWindow:
    """The window on the content file, with hot reload, the last-good copy and analytics."""
    from kiosk.analytics import Recorder
    from kiosk.shell import KioskWindow, ShellOptions
    from kiosk.shell.content_service import ContentService
    from kiosk.shell.visits import VisitTracker

    content_path = paths.find_content(getattr(args, "content", None))
    log.info("content file: %s; data folder: %s", content_path, paths.data_dir())
    families = register_fonts()
    options = ShellOptions(
        kiosk_mode=kiosk_mode,
        size=size,
        lang=getattr(args, "lang", None),
        idle_timeout=getattr(args, "idle_timeout", None),
        analytics_db=paths.analytics_db(),
    )
    from kiosk.fleet.versions import VersionStore

    versions = VersionStore(paths.data_dir())  # content sets and kept versions (kiosk.fleet)
    service = ContentService(content_path, paths.data_dir(), versions=versions)
    window = KioskWindow(service.start(), options, families=families, loader=service.load_now)
    service.setParent(window)
    service.updated.connect(window.offer_content)
    service.findings_changed.connect(window.update_status)
    recorder = Recorder(paths.analytics_db())
    tracker = VisitTracker(recorder, parent=window)
    tracker.attach(window.view)
    window.view_replaced.connect(tracker.attach)
    window.guided.changed.connect(tracker.set_guided)
    window.destroyed.connect(lambda: recorder.close())
    window.recorder = recorder
    from kiosk.fleet.health import install, options_from

    window.fleet = install(window, service, versions,
                           options_from(args, paths.analytics_db()), recorder)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, window, lambda: keep_attract_payload(window, service.start_bytes))
    return window


def keep_attract_payload(window: KioskWindow, data: bytes | None) -> None:
    """Keep the attract payload of the content the window started on (validated from
    ``data``, the content file's bytes) for the next start's first frame (kiosk.boot)."""
    from kiosk import attract_payload

    status = window.status
    if data is None or status.content is None or window.view is None:
        (paths.data_dir() / attract_payload.FILE).unlink(missing_ok=True)
        return
    attract_payload.write(paths.data_dir(), status.path, data, status.content, window.theme)


def install_qt_message_handler() -> None:
    """Route Qt's own warnings into the log (and so to stderr and the log file)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(mode: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def run_command(args: argparse.Namespace) -> int:
    """``kiosk run``: full screen, locked down, until the admin panel's Exit."""
    if getattr(args, "data_dir", None):
        os.environ[paths.DATA_DIR_ENV] = str(args.data_dir)
    try:
        from kiosk import logs

        logs.setup(paths.log_dir())
    except Exception:  # logging must never stop the kiosk
        setup_logging()
    install_excepthook()
    from kiosk import boot

    payload = boot.first_frame_payload(paths.find_content(getattr(args, "content", None)),
                                       paths.data_dir())
    if payload is None:
        _begin_start()
    kiosk_mode = not args.windowed
    app = create_app(kiosk_mode=kiosk_mode)
    install_qt_message_handler()
    screen = app.primaryScreen()
    geometry = screen.geometry()
    size = args.size or ((geometry.width(), geometry.height()) if kiosk_mode else (1920, 1080))
    full = (geometry.x(), geometry.y(), size[0], size[1]) if kiosk_mode else None
    first = None
    if payload is not None:  # the first frame now; the model and the window just after it
        first = boot.show_first_frame(payload, size, register_fonts(), full)
        if os.environ.get(BENCH_FIRST_FRAME_ENV):
            _exit_after_first_frame(app, first)
            return app.exec()
        boot.wait_for_paint(app, first)
        _begin_start()
    window = _show_window(app, args, size, full, first)
    if os.environ.get(BENCH_FIRST_FRAME_ENV):
        _exit_after_first_frame(app, window)
    return _serve(app, window, full)


def _show_window(app: QApplication, args: argparse.Namespace, size: tuple[int, int],
                 full: tuple[int, int, int, int] | None, first: AttractScreen | None) -> KioskWindow:
    """Build and show the window (full screen on ``full``); it takes over from ``first``."""
    from kiosk import boot

    window = build_window(args, kiosk_mode=full is not None, size=size)
    window.exit_requested.connect(lambda: app.exit(0))
    if full is not None:
        window.setGeometry(*full)
        window.showFullScreen()
    else:
        window.show()
    if first is not None:
        boot.hand_over(first, window.view.attract if window.view is not None else None)
    return window


def _serve(app: QApplication, window: KioskWindow, full: tuple[int, int, int, int] | None) -> int:
    """The event loop until the admin panel's Exit (or a signal); then stop cleanly."""
    from PySide6.QtCore import QRect, QTimer

    from kiosk.shell.screen_guard import watch_screen
    from kiosk.signals import stop_on_signals
    from kiosk.watchdog import Heartbeat

    # After the first frame: icons (qtawesome) and page warm-up (pyqtgraph, images),
    # and tell systemd we are up (heartbeats come from this event loop).
    QTimer.singleShot(300, window, window.warm_up)
    guard = watch_screen(app, window, QRect(*full) if full is not None else None)
    heartbeat: list[Heartbeat] = []
    QTimer.singleShot(0, window, lambda: heartbeat.append(
        Heartbeat(window, healthy=guard.healthy if guard is not None else None)))
    stop = stop_on_signals(app, heartbeat)
    code = app.exec()
    for beat in heartbeat:
        beat.stop()
    if guard is not None:
        guard.stop()
    if window.fleet is not None:
        window.fleet.stop(exit_code=code)
    import shiboken6

    recorder = window.recorder
    if shiboken6.isValid(window):
        window.shutdown()
    if recorder is not None:
        recorder.close()
    stop.restore()
    log.info("kiosk stopped (exit code %d)", code)
    return code


BENCH_FIRST_FRAME_ENV = "KIOSK_BENCH_FIRST_FRAME"


def _begin_start() -> None:
    """The start guard: two crashed starts on a new content version go back to the last."""
    from kiosk.fleet.versions import VersionStore, begin_start

    begin_start(VersionStore(paths.data_dir()))


def _exit_after_first_frame(app: QApplication, window: QWidget) -> None:
    """Benchmarks: print ``FIRST_FRAME <monotonic> <rss bytes>`` once the window's first
    frame is painted (just after its first paint pass), then quit (benchmarks/startup.py)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    def stamp() -> None:
        import time

        now = time.monotonic()
        with open("/proc/self/statm", encoding="ascii") as f:
            rss = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        print(f"FIRST_FRAME {now:.6f} {rss}", flush=True)
        app.exit(0)  # not quit(): a kiosk-mode window vetoes close requests

    class Probe(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) \
                    and obj.window() is window:
                app.removeEventFilter(self)
                QTimer.singleShot(0, stamp)  # after the whole paint pass
            return False

    window._bench_probe = Probe(window)  # type: ignore[attr-defined]
    app.installEventFilter(window._bench_probe)  # type: ignore[attr-defined]
