"""Reusable touch widgets. Every tappable control derives from :class:`TouchButton`
(touch + mouse, pressed state on the next frame, drags cancel); every text is a plain-text
:class:`TextLabel` or painted with :mod:`kiosk.widgets.text`; anything that scrolls is a
:class:`KineticScrollArea` (or uses :func:`make_kinetic`)."""
