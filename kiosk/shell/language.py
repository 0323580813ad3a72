"""LanguageState: the visitor's current language, and the default it returns to on reset."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.i18n import LANGS


class LanguageState(QObject):
    changed = Signal(str)

    def __init__(self, default: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if default not in LANGS:
            raise ValueError(f"unknown language {default!r}")
        self.default = default
        self._lang = default

    @property
    def lang(self) -> str:
        return self._lang

    def set(self, lang: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        if lang != self._lang:
            self._lang = lang
            self.changed.emit(lang)

    def toggle(self) -> None:
        self.set("en" if self._lang == "zh" else "zh")

    def reset(self) -> None:
        self.set(self.default)
