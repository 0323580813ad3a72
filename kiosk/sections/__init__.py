"""Section pages. Every module of this package is a page type that registers itself.

The shell uses only :func:`create_page`, :func:`page_class` and :func:`icon_for`; it never
imports a page module by name — the registry imports every module here on first use
(:func:`load_pages`). To add a page type: write a module here with a
``@register_page("type")`` :class:`SectionPage` subclass. That is all.
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
