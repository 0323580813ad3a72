"""One way to make a progress animation: a :class:`QVariantAnimation` from 0 to 1 (or to
``end``) whose every value goes to ``on_value``. Every open/slide/grow/reveal/count-up in the
kiosk is one of these; the tests' stray-timer guard finds them by ``name``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation


def progress_animation(
    parent: QObject,
    name: str,
    on_value: Callable[[Any], None],
    *,
    duration_ms: int | None = None,
    easing: QEasingCurve.Type = QEasingCurve.Type.OutCubic,
    end: float = 1.0,
) -> QVariantAnimation:
    """``QVariantAnimation(parent)`` named ``name``, 0.0 → ``end`` with ``easing``, over
    ``duration_ms`` (``None``: Qt's default, for animations whose callers set it per run)."""
    anim = QVariantAnimation(parent)
    if name:
        anim.setObjectName(name)
    if duration_ms is not None:
        anim.setDuration(duration_ms)
    anim.setStartValue(0.0)
    anim.setEndValue(end)
    anim.setEasingCurve(easing)
    anim.valueChanged.connect(on_value)
    return anim
