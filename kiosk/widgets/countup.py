"""Count-up animation for key figures: a value runs from 0 to its target when a page is
shown. The owner renders each step (per language, e.g. 3.4亿 / 340 million)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from kiosk.widgets.progress import progress_animation

DURATION_MS = 1400


class CountUp(QObject):
    """Drives ``on_value(v)`` from 0 to ``target`` (whole numbers stay whole)."""

    def __init__(self, parent: QObject, target: float, on_value: Callable[[float], None], *,
                 duration_ms: int = DURATION_MS) -> None:
        super().__init__(parent)
        self._target = float(target)
        self._on_value = on_value
        self.value = self._target
        self.animation = progress_animation(
            self, "", self._on_animation_value_changed, duration_ms=duration_ms, end=self._target
        )

    def start(self) -> None:
        """Count from 0 (restarts if already running)."""
        self.animation.stop()
        self._set(0.0)
        self.animation.start()

    def finish(self) -> None:
        """Jump to the target (screenshots, idle reset)."""
        self.animation.stop()
        self._set(self._target)

    def _on_animation_value_changed(self, value: float) -> None:
        self._set(float(round(value)) if self._target.is_integer() else float(value))

    def _set(self, value: float) -> None:
        self.value = value
        self._on_value(value)
