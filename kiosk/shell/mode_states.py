"""The visitor modes as contact-sheet columns (:func:`kiosk.states.shot_mode`) and the
``kiosk shot --mode`` switch: the window starts (and resets) in the given modes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk.states import shot_mode
from kiosk.theme.modes import MODE_NAMES, ModeSet

if TYPE_CHECKING:
    from kiosk.shell.window import KioskWindow


def apply_modes(window: KioskWindow, modes: ModeSet) -> None:
    """Rebuild ``window`` in ``modes``, as its defaults (a reset keeps them)."""
    window.options = replace(window.options, modes=modes)
    window.modes.set_default(modes, apply=True)
    window.set_content(window.status)


def apply_named(window: KioskWindow, names: str) -> None:
    """``large-text,high-contrast`` …; raises ValueError naming an unknown mode."""
    apply_modes(window, ModeSet.parse([names]))


def _register(name: str) -> None:
    label = name.replace("_", "-")

    @shot_mode(label, f"the visitor mode {label}")
    def _apply(window: KioskWindow) -> None:
        apply_modes(window, ModeSet().with_(name, True))


for _name in MODE_NAMES:
    _register(_name)
