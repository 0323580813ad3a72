"""The page registry: section pages register themselves; the shell looks them up by type.

    @register_page("history")
    class HistoryPage(SectionPage):
        default_icon = "mdi6.timeline-clock-outline"

The shell never imports a page module by name: it calls :func:`create_page` (or
:func:`icon_for`), which imports every section package's ``page`` module (and any plain
module) of :mod:`kiosk.sections` on first use (:func:`load_pages`), so pages stay off the
path to the first frame.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from kiosk.content.model import SECTION_TYPES, SectionBase
from kiosk.sections.base import PageContext, SectionPage

log = logging.getLogger(__name__)

P = TypeVar("P", bound=type[SectionPage])

_PAGES: dict[str, type[SectionPage]] = {}
_fallback: type[SectionPage] | None = None


def register_page(section_type: str, *, replace: bool = False) -> Callable[[P], P]:
    """Class decorator: ``cls`` shows sections whose ``type`` is ``section_type``."""

    def decorate(cls: P) -> P:
        if not (isinstance(cls, type) and issubclass(cls, SectionPage)):
            raise TypeError(f"{cls!r} is not a SectionPage subclass")
        if section_type in _PAGES and not replace and _PAGES[section_type] is not cls:
            raise ValueError(f"a page for {section_type!r} is already registered: {_PAGES[section_type]!r}")
        if section_type not in SECTION_TYPES:
            log.warning("page registered for %r, which the content model does not know", section_type)
        cls.section_type = section_type
        _PAGES[section_type] = cls
        return cls

    return decorate


def register_fallback(cls: P) -> P:
    """The page used for a section type nobody registered (never a crash)."""
    global _fallback
    _fallback = cls
    return cls


_loaded = False


def load_pages() -> None:
    """Import every section package's ``page`` module (and every plain module) once: each
    registers its class.

    Discovery instead of a list: a new page module is picked up without touching the
    shell or this file. Called on first use, so the page modules (and what they import)
    stay off the path to the first frame."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib
    import pkgutil
    import sys

    package = __name__.rpartition(".")[0]  # kiosk.sections: imported before this module
    for info in pkgutil.iter_modules(sys.modules[package].__path__):
        if info.ispkg:  # a section package: its page module registers the page
            importlib.import_module(f"{package}.{info.name}.page")
        elif info.name not in ("base", "registry"):
            importlib.import_module(f"{package}.{info.name}")


def registered() -> dict[str, type[SectionPage]]:
    """Section type → page class, in registration order."""
    load_pages()
    return dict(_PAGES)


def unregister(section_type: str) -> None:
    """Remove a registration (tests)."""
    _PAGES.pop(section_type, None)


def page_class(section_type: str) -> type[SectionPage]:
    load_pages()
    cls = _PAGES.get(section_type) or _fallback
    if cls is None:
        raise LookupError(f"no page registered for section type {section_type!r}")
    return cls


def create_page(section: SectionBase, context: PageContext, parent: QWidget | None = None) -> SectionPage:
    section_type = getattr(section, "type", "")
    load_pages()
    if section_type not in _PAGES:
        log.warning("no page for section type %r; showing the fallback page", section_type)
    page = page_class(section_type)(section, context, parent)
    if context.theme.reach:
        page.hide_repeated_title()
    return page


def icon_for(section: SectionBase) -> str:
    """The section's icon, else its page class's default icon."""
    return section.icon or page_class(getattr(section, "type", "")).default_icon
