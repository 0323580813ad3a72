"""TouchButton: the base of every tappable control.

Handles real touch and the mouse alike through the shared :class:`~kiosk.widgets.tap.TapTracker`
(one finger; a second finger, or moving further than the slop, cancels the press, so a drag
that starts on a card scrolls its kinetic area instead of opening the card). The pressed
state shows on the next frame after the finger lands; ``clicked`` fires on release inside
the control (give or take the slop).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.theme import Theme
from kiosk.widgets.tap import TOUCH_EVENTS, ForwardsTaps, TapTracker, tap_slop

__all__ = ["TOUCH_EVENTS", "TouchButton"]


class TouchButton(ForwardsTaps, QWidget):
    """A custom-painted control. Subclasses paint using :attr:`is_down` / :attr:`is_checked`.

    A subclass that scrubs (a drag along it adjusts something instead of cancelling) sets
    ``scrubs = True`` and overrides :meth:`_drag`."""

    clicked = Signal()
    pressed_changed = Signal(bool)
    scrubs = False

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._down = False
        self._checked = False
        self.tracker = TapTracker(
            theme, press=self._on_press, tap=self._finish, cancel=self._cancel,
            drag=self._drag if self.scrubs else None,
        )

    # -- state ------------------------------------------------------------------------
    @property
    def is_down(self) -> bool:
        return self._down

    @property
    def is_checked(self) -> bool:
        return self._checked

    def set_checked(self, checked: bool) -> None:
        if checked != self._checked:
            self._checked = checked
            self.update()

    @property
    def press_position(self) -> QPointF:
        """Where the current (or last) press landed, in widget coordinates."""
        return self.tracker.origin

    def tap_targets(self) -> list[QRectF]:
        """The separately tappable areas, in widget coordinates (tests check their size)."""
        return [QRectF(self.rect())]

    def slop(self) -> float:
        return tap_slop(self.theme)

    def _set_down(self, down: bool) -> None:
        if down != self._down:
            self._down = down
            self.update()
            self.pressed_changed.emit(down)

    # -- tracker callbacks --------------------------------------------------------------
    def _on_press(self, pos: QPointF) -> bool:
        self._begin(pos)
        return True

    def _begin(self, pos: QPointF) -> None:
        self._set_down(True)

    def _drag(self, pos: QPointF) -> None:
        """A scrubbing subclass's drag (only called when ``scrubs``)."""

    def _finish(self, pos: QPointF) -> None:
        self._set_down(False)
        hit = QRectF(self.rect()).adjusted(-self.slop(), -self.slop(), self.slop(), self.slop())
        if self.isEnabled() and hit.contains(pos):
            self.clicked.emit()

    def _cancel(self) -> None:
        self._set_down(False)

    # -- events -----------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if self.forward_touch(e):
            return True
        return super().event(e)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.EnabledChange and not self.isEnabled():
            self.tracker.reset()
        super().changeEvent(e)

    def hideEvent(self, e: QHideEvent) -> None:
        self.tracker.reset()
        super().hideEvent(e)
