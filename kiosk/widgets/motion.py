"""Reduced motion: every animation under a widget jumps to its end value at once.

:func:`settle` gives each :class:`QVariantAnimation` (count-ups, chart growth, panel
slides, timeline jumps…) a duration of 0 and delivers its end value the moment it
starts, so owners see the same ``valueChanged`` → ``finished`` sequence, only instant.
The page transition (a short cross-fade in this mode) is left to the page stack.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QObject, QVariantAnimation

from kiosk.theme import Theme

#: Animations :func:`settle` leaves alone (they follow the mode themselves).
OWN_MOTION = frozenset({"page-transition"})
_SETTLED = "kiosk-settled"


def settle(root: QObject, theme: Theme) -> None:
    """In reduced-motion mode, make every animation under ``root`` instant."""
    if not theme.reduced_motion:
        return
    for anim in root.findChildren(QVariantAnimation):
        if anim.objectName() in OWN_MOTION or anim.property(_SETTLED):
            continue
        anim.setProperty(_SETTLED, True)
        anim.setDuration(0)
        anim.setLoopCount(1)
        anim.stateChanged.connect(lambda new, _old, a=anim: _jump(a, new))


def _jump(anim: QVariantAnimation, state: QAbstractAnimation.State) -> None:
    if state == QAbstractAnimation.State.Running:
        anim.valueChanged.emit(anim.endValue())


def running(root: QObject) -> list[QAbstractAnimation]:
    """The animations under ``root`` that are running now (tests, shots)."""
    return [a for a in root.findChildren(QAbstractAnimation) if a.state() == QAbstractAnimation.State.Running]
