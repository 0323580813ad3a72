"""Payload-first start: the first attract frame from the kept attract payload, the rest
just after it.

``kiosk run`` asks :func:`first_frame_payload` for the payload of the last validated
content (:mod:`kiosk.attract_payload`). When it holds, :func:`show_first_frame` puts an
:class:`~kiosk.shell.attract.AttractScreen` painted from it on screen — with no content
model, pydantic, section pages or pyqtgraph imported — and the full window is built right
after that frame and takes over with the same animation time. When there is no payload, or
it is stale or corrupt, or the start guard may roll the content back, the kiosk starts the
normal way (the model first, then the window).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import attract_payload

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.attract_payload import Boot
    from kiosk.shell.attract import AttractScreen
    from kiosk.theme import Theme

log = logging.getLogger(__name__)

FIRST_PAINT_TIMEOUT_MS = 3000


def first_frame_payload(content_path: Path, data_dir: Path) -> Boot | None:
    """The payload for the first frame, or None for the normal path. Never raises."""
    if attract_payload.may_roll_back(data_dir):
        log.info("attract payload not used: the start guard may roll the content back")
        return None
    boot = attract_payload.read(data_dir, content_path)
    if boot is not None:
        log.info("first frame from the attract payload of the validated content")
    return boot


def boot_theme(boot: Boot, size: tuple[int, int], families: tuple[str, ...]) -> Theme:
    """The start theme, from the payload (no content model needed)."""
    from kiosk.theme.modes import ModeSet
    from kiosk.theme.tokens import Palette, Theme, px_per_mm

    w, h = size
    return Theme(palette=Palette(**boot.theme.palette), width=w, height=h,
                 px_per_mm=px_per_mm(w, h, boot.theme.diagonal_in),
                 families=families, modes=ModeSet(**boot.theme.modes))


def show_first_frame(boot: Boot, size: tuple[int, int], families: tuple[str, ...],
                     geometry: tuple[int, int, int, int] | None) -> AttractScreen:
    """A top-level attract screen painted from ``boot``; full screen on ``geometry``
    (kiosk mode) or a normal window of ``size``."""
    from kiosk.shell.attract import AttractScreen

    screen = AttractScreen(boot.payload, boot_theme(boot, size, families))
    screen.setObjectName("attract-first-frame")
    if geometry is not None:
        screen.setGeometry(*geometry)
        screen.showFullScreen()
    else:
        screen.resize(*size)
        screen.show()
    return screen


def wait_for_paint(app: QApplication, screen: AttractScreen,
                   timeout_ms: int = FIRST_PAINT_TIMEOUT_MS) -> bool:
    """Run the event loop until ``screen`` has painted (at most ``timeout_ms``)."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    loop = QEventLoop()
    painted: list[bool] = []

    class Probe(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and obj is screen and not painted:
                painted.append(True)
                QTimer.singleShot(0, loop.quit)  # after the whole paint pass
            return False

    probe = Probe()
    app.installEventFilter(probe)
    limit = QTimer()
    limit.setSingleShot(True)
    limit.timeout.connect(loop.quit)
    limit.start(timeout_ms)
    if not painted:
        loop.exec()
    limit.stop()
    app.removeEventFilter(probe)
    return bool(painted)


def hand_over(screen: AttractScreen, attract: AttractScreen | None) -> None:
    """The full window is up: its attract screen goes on where the first one was."""
    if attract is not None:
        attract.continue_from(screen.now())
    screen.stop()
    screen.close()
    screen.deleteLater()
    log.info("the window took over from the first frame at %.1f s", screen.now())
