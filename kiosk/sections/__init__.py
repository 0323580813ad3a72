"""Section pages. Importing this package registers every page module's class.

The shell uses only :func:`create_page`, :func:`page_class` and :func:`icon_for`; it never
imports a page module by name. To add a page type: write a module here with a
``@register_page("type")`` :class:`SectionPage` subclass and import it below.
"""

from kiosk.sections.base import PageContext, SectionPage
from kiosk.sections.registry import (
    create_page,
    icon_for,
    page_class,
    register_fallback,
    register_page,
    registered,
    unregister,
)

# Page modules: imported for their registrations.
from kiosk.sections import layout as _layout  # noqa: E402,F401  (fallback page)
from kiosk.sections import history as _history  # noqa: E402,F401
from kiosk.sections import park as _park  # noqa: E402,F401
from kiosk.sections import partners as _partners  # noqa: E402,F401
from kiosk.sections import platform as _platform  # noqa: E402,F401

__all__ = [
    "PageContext",
    "SectionPage",
    "create_page",
    "icon_for",
    "page_class",
    "register_fallback",
    "register_page",
    "registered",
    "unregister",
]
