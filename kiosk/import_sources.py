"""Keep PySide6's import hook from filling :mod:`linecache` with every module's source.

Once PySide6 is imported, shiboken wraps ``builtins.__import__``; for every module imported
after it, ``shibokensupport.feature._mod_uses_pyside`` asks ``"PySide6" in
inspect.getsource(module)`` (so ``from __feature__ import snake_case`` applies only to
modules that use PySide). :func:`inspect.getsource` reads through :mod:`linecache`, which
keeps every file's text and lines for the life of the process: after every kiosk page is
built that is ≈ 550 files, ≈ 9 MB of strings nobody reads (6 MB of it during
``import pyqtgraph``).

:func:`install` wraps that check: the original still runs and gives the same answer, and
the lines it added to :mod:`linecache` are dropped straight away, so the memory is reused
by the next import instead of piling up between other allocations. :mod:`linecache`
re-reads a file on demand (a traceback), so nothing is lost. Off PySide6 (or a PySide6
without the hook) :func:`install` does nothing and returns False.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_kiosk_drops_sources"


def _forgetting(check: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        before = set(linecache.cache)
        try:
            return check(module)
        finally:
            for name in linecache.cache.keys() - before:
                linecache.cache.pop(name, None)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside


def install() -> bool:
    """Wrap PySide6's source check (once); True when the hook is present and wrapped.

    Also drops the file sources the hook put in :mod:`linecache` before this ran."""
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(check):
        return False
    if not getattr(check, _MARK, False):
        feature._mod_uses_pyside = _forgetting(check)  # type: ignore[attr-defined]
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:  # read from a file: re-read on demand
            linecache.cache.pop(name, None)
    return True
