"""Named inner states of the screens, for previews (``kiosk shot --state``) and layout tests.

Each section package declares its states in its own ``states`` module, next to its page::

    @section_state("park", "framework", "the 个十百千万 tab")
    def _framework(page: ParkPage) -> None:
        page.tabs.select("framework")      # as a visitor would: the tab

and the shell declares states of its own screens (``countdown``, ``admin``) the same way
with :func:`screen_state` (the reach function gets the window). Other parts add rows (a
welcome banner, night mode) with these decorators, and columns (an accessibility mode)
with :func:`shot_mode`. Sections also say what of a visitor's state survives a rebuild of
their page (a visitor-mode switch) with :func:`section_memory`. No Qt here: the reach functions import what they drive.

A reach function starts from the screen as it first appears and leaves it in the state;
the shot freezes animations afterwards.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Reach = Callable[[Any], None]


@dataclass(frozen=True)
class State:
    """One named state: ``owner`` is a section type or a shell screen name."""

    owner: str
    name: str
    reach: Reach
    doc: str = ""
    on_window: bool = False
    """True: ``reach`` gets the window (shell screens); False: the section's page."""


@dataclass(frozen=True)
class Mode:
    """A column of the contact sheet besides language and orientation (e.g. large text)."""

    name: str
    apply: Reach
    """Gets the window after it is built, before the screen is shown."""
    doc: str = ""


_SECTION: dict[str, dict[str, State]] = {}
_SCREEN: dict[str, dict[str, State]] = {}
_MODES: dict[str, Mode] = {}
_MEMORY: dict[str, Callable[[Any], Reach | None]] = {}


def section_state(section_type: str, name: str, doc: str = "") -> Callable[[Reach], Reach]:
    """Declare state ``name`` of every section of ``section_type``; reach(page)."""

    def decorate(fn: Reach) -> Reach:
        _SECTION.setdefault(section_type, {})[name] = State(section_type, name, fn, doc)
        return fn

    return decorate


def screen_state(screen: str, name: str, doc: str = "") -> Callable[[Reach], Reach]:
    """Declare state ``name`` of shell screen ``screen``; reach(window)."""

    def decorate(fn: Reach) -> Reach:
        _SCREEN.setdefault(screen, {})[name] = State(screen, name, fn, doc, on_window=True)
        return fn

    return decorate


def shot_mode(name: str, doc: str = "") -> Callable[[Reach], Reach]:
    """Declare a display mode: another column of ``kiosk shot --all``; apply(window)."""

    def decorate(fn: Reach) -> Reach:
        _MODES[name] = Mode(name, fn, doc)
        return fn

    return decorate


def section_memory(section_type: str) -> Callable[[Callable[[Any], Reach | None]], Callable[[Any], Reach | None]]:
    """Declare what a visitor has done on a page of ``section_type`` that a rebuilt page
    (a visitor-mode switch) takes up: ``capture(old_page)`` returns ``restore(new_page)``
    (or None: nothing to carry). Scroll positions are carried for every page anyway."""

    def decorate(fn: Callable[[Any], Reach | None]) -> Callable[[Any], Reach | None]:
        _MEMORY[section_type] = fn
        return fn

    return decorate


def memory(section_type: str) -> Callable[[Any], Reach | None] | None:
    load_states()
    return _MEMORY.get(section_type)


_loaded = False


def load_states() -> None:
    """Import every section package's ``states`` module and the shell's, once."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import kiosk.sections as package

    for info in pkgutil.iter_modules(package.__path__):
        name = f"{package.__name__}.{info.name}.states"
        if info.ispkg and importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    importlib.import_module("kiosk.shell.states")


def section_states(section_type: str) -> dict[str, State]:
    load_states()
    return dict(_SECTION.get(section_type, {}))


def screen_states(screen: str) -> dict[str, State]:
    load_states()
    return dict(_SCREEN.get(screen, {}))


def modes() -> dict[str, Mode]:
    load_states()
    return dict(_MODES)


def visitor_tap(widget: Any, pos: Any = None) -> None:
    """Tap ``widget`` at ``pos`` (its centre by default) as a visitor would: press and
    release of the left button, which every tap tracker treats like a finger."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    point = pos.toPoint() if hasattr(pos, "toPoint") else (pos or widget.rect().center())
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(point))
