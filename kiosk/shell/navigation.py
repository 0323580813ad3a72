"""Navigator: where the visitor is (attract, home or a section) and the way back. No widgets.

Screens are keys: ``"attract"``, ``"home"`` or a section id. ``changed(key, direction)``
tells the view what to show; direction is ``"forward"``, ``"back"`` or ``"none"`` so the
page stack can slide the right way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

ATTRACT = "attract"
HOME = "home"


class Navigator(QObject):
    changed = Signal(str, str)

    def __init__(self, section_ids: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.section_ids = list(section_ids)
        self._history: list[str] = [ATTRACT]

    @property
    def current(self) -> str:
        return self._history[-1]

    @property
    def history(self) -> tuple[str, ...]:
        return tuple(self._history)

    @property
    def can_go_back(self) -> bool:
        return self.current not in (ATTRACT, HOME)

    def _show(self, direction: str) -> None:
        self.changed.emit(self.current, direction)

    def open(self, key: str) -> None:
        """Open a section (or home). Opening the current screen does nothing."""
        if key != HOME and key not in self.section_ids:
            raise KeyError(f"no section {key!r}")
        if key == self.current:
            return
        if key == HOME:
            self.home()
            return
        if self.current == ATTRACT:
            self._history = [HOME]
        if key in self._history:  # going to a section already in the trail: unwind to it
            self._history = self._history[: self._history.index(key) + 1]
            self._show("back")
            return
        self._history.append(key)
        self._show("forward")

    def back(self) -> None:
        if not self.can_go_back:
            return
        self._history.pop()
        if not self._history:
            self._history = [HOME]
        self._show("back")

    def home(self) -> None:
        was = self.current
        self._history = [HOME]
        if was != HOME:
            self._show("back" if was != ATTRACT else "none")

    def next_section(self, step: int = 1) -> bool:
        """Open the section ``step`` places after the current one (no wrap-around)."""
        if self.current not in self.section_ids:
            return False
        i = self.section_ids.index(self.current) + step
        if not 0 <= i < len(self.section_ids):
            return False
        self.open(self.section_ids[i])
        return True

    def restore(self, history: tuple[str, ...]) -> None:
        """Take up a trail recorded by :attr:`history` (a view rebuilt for a visitor-mode
        switch): the same screen now, the same way back. Unknown keys (content changed
        meanwhile) are dropped; nothing left means the attract screen."""
        known = [k for k in history if k in (ATTRACT, HOME) or k in self.section_ids]
        trail = [ATTRACT] if not known or known[-1] == ATTRACT else [k for k in known if k != ATTRACT]
        was = self.current
        self._history = trail
        if self.current != was:
            self._show("none")

    def reset(self) -> None:
        """Back to the attract screen with an empty trail."""
        was = self.current
        self._history = [ATTRACT]
        if was != ATTRACT:
            self._show("none")
