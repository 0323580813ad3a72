"""Reusable touch widgets. Every tappable control derives from :class:`TouchButton`
(touch + mouse, pressed state on the next frame, drags cancel); every text is a plain-text
:class:`TextLabel` or painted with :mod:`kiosk.widgets.text`; anything that scrolls is a
:class:`KineticScrollArea` (or uses :func:`make_kinetic`)."""

from kiosk.widgets import pyside_guard as _pyside_guard

_pyside_guard.apply()  # PySide6 6.12.0 on Python 3.11 would abort within seconds otherwise
