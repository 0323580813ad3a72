"""TextLabel: the only way content text reaches the screen.

Always ``Qt.PlainText`` (markup in content.yaml shows literally, never as HTML), never
selectable, word-wrapped, styled by ``role`` (type scale) and ``tone`` (colour) through the
theme's stylesheet. Bound to a :class:`~kiosk.content.model.Text` (or a function of the
language), it re-renders itself on :meth:`set_language`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.content.model import Text
from kiosk.theme import Theme

Source = Text | str | Callable[[str], str] | None


@runtime_checkable
class Localized(Protocol):
    """Anything that can re-render itself in another language."""

    def set_language(self, lang: str) -> None: ...


class FollowsLanguage:
    """Mixin for a widget shown in one language at a time (put it first in the bases).

    The widget sets ``self._lang`` in its constructor and implements
    :meth:`_language_changed`; :meth:`set_language` ignores the language it already shows."""

    _lang: str

    @property
    def lang(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            self._language_changed(lang)

    def _language_changed(self, lang: str) -> None:
        """Re-render in ``lang`` (already stored in ``self._lang``)."""


def resolve(source: Source, lang: str) -> str:
    if source is None:
        return ""
    if isinstance(source, Text):
        return source.get(lang)
    if isinstance(source, str):
        return source
    return source(lang)


def make_plain(label: QLabel) -> QLabel:
    """Lock a QLabel down: plain text, no selection, no links, no context menu."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setOpenExternalLinks(False)
    label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return label


class TextLabel(FollowsLanguage, QLabel):
    def __init__(
        self,
        theme: Theme,
        source: Source,
        lang: str,
        *,
        role: str = "body",
        tone: str | None = None,
        wrap: bool = True,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        make_plain(self)
        self._source = source
        self._lang = lang
        self._auto_hidden = False
        self.setProperty("role", role)
        if tone:
            self.setProperty("tone", tone)
        self.setFont(theme.font(role))
        self.setWordWrap(wrap)
        self.setAlignment(align)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._render()

    def set_source(self, source: Source) -> None:
        self._source = source
        self._render()

    def refresh(self) -> None:
        """Re-render from the source (a function source whose inputs changed)."""
        self._render()

    def _language_changed(self, lang: str) -> None:
        self._render()

    def _render(self) -> None:
        text = resolve(self._source, self._lang)
        self.setText(text)
        if not text and not self._auto_hidden:
            self._auto_hidden = True
            self.hide()
        elif text and self._auto_hidden:
            self._auto_hidden = False
            if self.parentWidget() is not None:  # never pop up as a window of its own
                self.show()
