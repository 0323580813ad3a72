"""TouchButton: the base of every tappable control.

Handles real touch (first finger only; extra fingers are ignored, so mashing can't wedge
it) and the mouse alike. The pressed state shows on the next frame after the finger lands;
``clicked`` fires on release inside the control. Moving further than the slop cancels the
press, so a drag that starts on a card scrolls its kinetic area instead of opening the card.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.theme import Theme

TOUCH_EVENTS = (
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
)


class TouchButton(QWidget):
    """A custom-painted control. Subclasses paint using :attr:`is_down` / :attr:`is_checked`."""

    clicked = Signal()
    pressed_changed = Signal(bool)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._down = False
        self._checked = False
        self._touch_id: int | None = None
        self._mouse = False
        self._origin = QPointF()
        self._press_pos = QPointF()

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
        return self._press_pos

    def tap_targets(self) -> list[QRectF]:
        """The separately tappable areas, in widget coordinates (tests check their size)."""
        return [QRectF(self.rect())]

    def slop(self) -> float:
        return float(max(self.theme.mm(4), self.theme.px(24)))

    def _set_down(self, down: bool) -> None:
        if down != self._down:
            self._down = down
            self.update()
            self.pressed_changed.emit(down)

    def _begin(self, pos: QPointF) -> None:
        self._origin = QPointF(pos)
        self._press_pos = QPointF(pos)
        self._set_down(True)

    def _move(self, pos: QPointF) -> None:
        if not self._down:
            return
        delta = pos - self._origin
        if abs(delta.x()) > self.slop() or abs(delta.y()) > self.slop():
            self._cancel()  # a drag, not a tap: let the scroller or swipe have it

    def _finish(self, pos: QPointF) -> None:
        was_down = self._down
        self._touch_id = None
        self._mouse = False
        self._set_down(False)
        hit = QRectF(self.rect()).adjusted(-self.slop(), -self.slop(), self.slop(), self.slop())
        if was_down and self.isEnabled() and hit.contains(pos):
            self.clicked.emit()

    def _cancel(self) -> None:
        self._touch_id = None
        self._mouse = False
        self._set_down(False)

    # -- touch ------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() in TOUCH_EVENTS:
            self._touch(e)  # type: ignore[arg-type]
            e.accept()
            return True
        return super().event(e)

    def _touch(self, e: QTouchEvent) -> None:
        t = e.type()
        if t == QEvent.Type.TouchCancel:
            self._cancel()
            return
        points = e.points()
        if t == QEvent.Type.TouchBegin:
            if points and not self._mouse:
                self._touch_id = points[0].id()
                self._begin(points[0].position())
            return
        mine = next((p for p in points if p.id() == self._touch_id), None)
        if mine is None:
            if t == QEvent.Type.TouchEnd and self._touch_id is not None:
                self._cancel()
            return
        if mine.state() == mine.State.Released or t == QEvent.Type.TouchEnd:
            self._finish(mine.position())
        else:
            self._move(mine.position())

    # -- mouse ------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton and self._touch_id is None:
            self._mouse = True
            self._begin(e.position())
        e.accept()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if self._mouse:
            self._move(e.position())
        e.accept()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if self._mouse and e.button() == Qt.MouseButton.LeftButton:
            self._finish(e.position())
        e.accept()

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        self.mousePressEvent(e)  # a quick second tap is a tap, not a double-click

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.EnabledChange and not self.isEnabled():
            self._cancel()
        super().changeEvent(e)

    def hideEvent(self, e: QEvent) -> None:
        self._cancel()
        super().hideEvent(e)
