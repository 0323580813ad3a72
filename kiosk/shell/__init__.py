"""The kiosk shell: window, navigation, attract/home screens, idle reset, language, lockdown
and the admin door. Wiring only — it builds section pages through :mod:`kiosk.sections`'
registry and never imports a page module by name.

The names below load on first use (PEP 562), so a light module such as
:mod:`kiosk.shell.attract` can be imported for the first frame without the whole window
(see :mod:`kiosk.boot`)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.shell.status import ContentStatus, load_status, status_from_content
    from kiosk.shell.window import KioskWindow, ShellOptions

_LAZY = {
    "ContentStatus": "kiosk.shell.status",
    "load_status": "kiosk.shell.status",
    "status_from_content": "kiosk.shell.status",
    "KioskWindow": "kiosk.shell.window",
    "ShellOptions": "kiosk.shell.window",
}

__all__ = ["ContentStatus", "KioskWindow", "ShellOptions", "load_status", "status_from_content"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
