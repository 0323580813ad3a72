"""Section pages. Every sub-package (``history``, ``park``, ``partners``, ``platform``) is one
section type: its ``page`` module registers the page, and the package holds everything only
that section uses (views, painting, layout, panels, models).

The shell uses only :func:`create_page`, :func:`page_class` and :func:`icon_for`; it never
imports a page module by name — the registry imports every package's ``page`` module on first
use (:func:`load_pages`). To add a page type: add a package here whose ``page`` module holds a
``@register_page("type")`` :class:`SectionPage` subclass. That is all (see README, Architecture).
"""

from kiosk.sections.base import PageContext, SectionPage
from kiosk.sections.registry import (
    create_page,
    icon_for,
    load_pages,
    page_class,
    register_fallback,
    register_page,
    registered,
    unregister,
)

__all__ = [
    "PageContext",
    "SectionPage",
    "create_page",
    "icon_for",
    "load_pages",
    "page_class",
    "register_fallback",
    "register_page",
    "registered",
    "unregister",
]
