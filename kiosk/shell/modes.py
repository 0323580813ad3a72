"""VisitorModes: the visitor's accessibility modes (large text, high contrast, reduced
motion, reach), and the defaults they return to at the idle reset.

Like :class:`~kiosk.shell.language.LanguageState`: one object owned by the window, a
``changed`` signal every part of the UI follows, ``reset()`` at the idle reset. The
defaults come from ``content.yaml`` (``accessibility:``) and from the platform: a system
asking for high contrast or no animations starts the kiosk that way
(:func:`system_modes`).
"""

from __future__ import annotations

import configparser
import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from kiosk.content.access import Accessibility
from kiosk.theme.modes import MODE_NAMES, NO_MODES, ModeSet

log = logging.getLogger(__name__)


class VisitorModes(QObject):
    changed = Signal(object)
    """The new :class:`ModeSet`."""
    turned_on = Signal(str)
    """A mode the visitor switched on (for analytics; not emitted by reset)."""

    def __init__(self, default: ModeSet = NO_MODES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.default = default
        self._modes = default

    @property
    def current(self) -> ModeSet:
        return self._modes

    def set(self, name: str, on: bool) -> None:
        """The visitor switched ``name`` on or off."""
        modes = self._modes.with_(name, on)
        if modes != self._modes:
            self._modes = modes
            if on:
                self.turned_on.emit(name)
            self.changed.emit(modes)

    def toggle(self, name: str) -> None:
        self.set(name, not getattr(self._modes, name))

    def set_all(self, modes: ModeSet) -> None:
        if modes != self._modes:
            self._modes = modes
            self.changed.emit(modes)

    def set_default(self, default: ModeSet, *, apply: bool) -> None:
        """New defaults (new content); ``apply`` also makes them current, silently (the
        caller is building the UI in them)."""
        self.default = default
        if apply:
            self._modes = default

    def reset(self) -> None:
        """Back to the defaults (the idle reset: the next visitor starts fresh)."""
        self.set_all(self.default)


def content_modes(access: Accessibility | None) -> ModeSet:
    if access is None:
        return ModeSet()
    return ModeSet(**{name: getattr(access, name) for name in MODE_NAMES})


GTK_SETTINGS = Path.home() / ".config" / "gtk-3.0" / "settings.ini"


def gtk_modes(settings_file: Path = GTK_SETTINGS, env: Mapping[str, str] = os.environ) -> ModeSet:
    """The GTK/GNOME fallback: a HighContrast theme (``GTK_THEME`` or settings.ini's
    ``gtk-theme-name``) and ``gtk-enable-animations=false``."""
    theme = env.get("GTK_THEME", "")
    animations = True
    parser = configparser.ConfigParser()
    try:
        parser.read(settings_file, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError) as exc:
        log.info("ignoring %s: %s", settings_file, exc)
    if parser.has_section("Settings"):
        section = parser["Settings"]
        theme = theme or section.get("gtk-theme-name", "")
        animations = section.get("gtk-enable-animations", "true").strip().lower() not in ("false", "0", "no")
    return ModeSet(high_contrast="highcontrast" in theme.lower().replace(" ", ""), reduced_motion=not animations)


def qt_high_contrast() -> bool:
    """Qt's own answer (6.10+: ``QStyleHints.accessibility().contrastPreference()``)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    style_hints = QGuiApplication.styleHints()  # kept: the accessibility hints are its child
    preference = style_hints.accessibility().contrastPreference()
    return bool(preference == Qt.ContrastPreference.HighContrast)


def system_modes(qt: bool | None = None, gtk: ModeSet | None = None) -> ModeSet:
    """What the platform asks for (values injectable for tests)."""
    gtk = gtk if gtk is not None else gtk_modes()
    high = qt_high_contrast() if qt is None else qt
    return ModeSet(high_contrast=high or gtk.high_contrast, reduced_motion=gtk.reduced_motion)


def start_modes(access: Accessibility | None, system: ModeSet) -> ModeSet:
    """Content defaults, plus whatever the system asks for."""
    base = content_modes(access)
    for name in system.on():
        base = base.with_(name, True)
    return base
