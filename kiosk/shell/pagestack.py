"""PageStack: holds the home screen and the section pages; builds pages lazily; switches
instantly and *then* animates.

The new page is current (and takes taps) the moment :meth:`show_key` returns; the slide
and the fading curtain run afterwards, so an animation never delays a tap's response.
The slide moves a snapshot of the page (:mod:`kiosk.shell.transition`), not the live page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QVariantAnimation
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.shell.transition import SlideSnapshot
from kiosk.theme import Theme
from kiosk.widgets.progress import progress_animation

DURATION_MS = 280


class PageStack(QWidget):
    def __init__(self, theme: Theme, factory: Callable[[str], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-stack")
        self.theme = theme
        self.factory = factory
        self._pages: dict[str, QWidget] = {}
        self._current: str | None = None
        self._offset = 0
        self.snapshot = SlideSnapshot(theme, self)
        self.anim = progress_animation(self, "page-transition", self._on_anim_value_changed, duration_ms=DURATION_MS)

    def current_widget(self) -> QWidget | None:
        return self._pages.get(self._current) if self._current else None

    def built(self) -> dict[str, QWidget]:
        return dict(self._pages)

    def add(self, key: str, widget: QWidget) -> None:
        widget.setParent(self)
        widget.hide()
        widget.setGeometry(self.rect())
        self._pages[key] = widget

    def widget(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self._pages:
            self.add(key, self.factory(key))
        return self._pages[key]

    def show_key(self, key: str, direction: str = "none") -> QWidget:
        new = self.widget(key)
        old = self.current_widget()
        self._current = key
        if old is new:
            return new
        if old is not None:
            old.hide()
            _call(old, "on_hidden")
        self.anim.stop()
        self._offset = {"forward": 1, "back": -1}.get(direction, 0) * self.theme.px(140)
        new.setGeometry(self.rect())
        new.show()
        new.raise_()
        _call(new, "on_shown")
        if direction == "none":
            self._on_anim_value_changed(1.0)
        else:
            self.snapshot.setGeometry(self.rect())
            self.snapshot.capture(new)
            self.snapshot.raise_()
            self._on_anim_value_changed(0.0)
            self.anim.start()
        return new

    def finish(self) -> None:
        """Jump any running transition to its end."""
        if self.anim.state() == QVariantAnimation.State.Running:
            self.anim.stop()
        self._on_anim_value_changed(1.0)
        current = self.current_widget()
        if current is not None:
            _call(current, "finish_animations")

    @property
    def animating(self) -> bool:
        return self.anim.state() == QVariantAnimation.State.Running

    def _on_anim_value_changed(self, value: object) -> None:
        v = float(value)  # type: ignore[arg-type]
        alpha = 0.8 * (1 - v)
        if alpha <= 0.01:
            self.snapshot.release()
            return
        self.snapshot.set_frame(round(self._offset * (1 - v)), alpha)
        self.snapshot.show()

    def resizeEvent(self, e: QResizeEvent) -> None:
        for w in self._pages.values():
            w.resize(self.size())
        self.snapshot.setGeometry(self.rect())
        super().resizeEvent(e)


def _call(widget: QWidget, name: str) -> None:
    hook = getattr(widget, name, None)
    if callable(hook):
        hook()
