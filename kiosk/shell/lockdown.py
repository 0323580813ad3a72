"""Lockdown: nobody leaves the kiosk by accident or on purpose.

An application-wide event filter that, in kiosk mode, swallows the keys that close, leave
or un-fullscreen a window (Escape, F11, Alt+F4, Ctrl+Q, Ctrl+W, …) and, always, context
menus. :func:`block_external_urls` makes ``QDesktopServices.openUrl`` a logged no-op, so
no link can ever open a browser. The window itself ignores close requests (see window.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent

log = logging.getLogger(__name__)

K = Qt.Key
M = Qt.KeyboardModifier
#: Keys swallowed whatever the modifiers.
BLOCKED_KEYS = frozenset(
    {K.Key_Escape, K.Key_F11, K.Key_Close, K.Key_Exit, K.Key_Menu, K.Key_Back, K.Key_Super_L, K.Key_Super_R, K.Key_Meta}
)
#: (modifier, key) pairs swallowed.
BLOCKED_CHORDS = frozenset(
    {
        (M.AltModifier, K.Key_F4),
        (M.ControlModifier, K.Key_Q),
        (M.ControlModifier, K.Key_W),
        (M.ControlModifier, K.Key_F4),
        (M.AltModifier, K.Key_Tab),
        (M.AltModifier, K.Key_Escape),
        (M.ControlModifier, K.Key_Escape),
    }
)
KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


def is_blocked(event: QKeyEvent) -> bool:
    key = Qt.Key(event.key())
    if key in BLOCKED_KEYS:
        return True
    mods = event.modifiers()
    return any(mods & mod and key == k for mod, k in BLOCKED_CHORDS)


class Lockdown(QObject):
    def __init__(self, enabled: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.blocked = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        t = event.type()
        if t == QEvent.Type.ContextMenu:
            event.accept()
            return True
        if self.enabled and t in KEY_EVENTS and is_blocked(event):  # type: ignore[arg-type]
            self.blocked += 1
            event.accept()
            return True
        return False


class _UrlSink(QObject):
    @Slot(QUrl)
    def swallow(self, url: QUrl) -> None:
        log.warning("blocked an attempt to open %s (the kiosk opens no links)", url.toString())


_sink: _UrlSink | None = None


def block_external_urls() -> None:
    """Route http, https, mailto and file URLs to a sink that only logs."""
    global _sink
    if _sink is None:
        _sink = _UrlSink()
    for scheme in ("http", "https", "mailto", "file", "ftp", "tel"):
        QDesktopServices.setUrlHandler(scheme, _sink, "swallow")  # type: ignore[arg-type]  # stub says bytes; 6.11 rejects bytes
