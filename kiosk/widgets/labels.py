"""TextLabel: the only way content text reaches the screen.

Always ``Qt.PlainText`` (markup in content.yaml shows literally, never as HTML), never
selectable, word-wrapped, styled by ``role`` (type scale) and ``tone`` (colour) through the
theme's stylesheet. Bound to a :class:`~kiosk.content.model.Text` (or a function of the
language), it re-renders itself on :meth:`set_language`.

Big text is painted once into a pixmap and blitted afterwards. Qt's raster engine keeps
rasterised glyphs only up to 64 device pixels (``QT_MAX_CACHED_GLYPH_SIZE``); larger ones
— every heading at 4K, h1 and up at 1080p — are filled as outlines on every paint, and
QLabel lays its text out again each time: the platform title alone cost 17 ms a paint at
3840×2160. The picture is cropped to the ink and keyed by everything it shows (text, font,
colour, alignment, rectangle, device pixel ratio), so a language, theme, size or count-up
step renders afresh. Smaller text paints live, as QLabel does: it comes from the glyph
cache, and drawn onto a transparent picture it would lose the gamma-corrected edges Qt
gives text on an opaque background.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QWidget

from kiosk.content.model import Text
from kiosk.theme import Theme
from kiosk.widgets.paintcache import render_pixmap
from kiosk.widgets.text import outlined

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
    #: Off in tests that compare the cached picture with QLabel's own painting.
    cache_enabled = True

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
        self._picture: tuple[tuple[object, ...], QRect, QPixmap] | None = None
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

    def paintEvent(self, e: QPaintEvent) -> None:
        if not TextLabel.cache_enabled:
            super().paintEvent(e)
            return
        text, dpr = self.text(), self.devicePixelRatioF()
        if not text or not outlined(self.font(), dpr):
            self._picture = None
            super().paintEvent(e)
            return
        m = self.margin()
        rect = self.contentsRect().adjusted(m, m, -m, -m)
        flags = int(QStyle.visualAlignment(Qt.LayoutDirection.LeftToRight, self.alignment()).value)
        flags |= int(Qt.TextFlag.TextForceLeftToRight.value)
        if self.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap.value)
        pal = self.palette()
        key = (text, self.font().key(), pal.color(self.foregroundRole()).rgba(), flags, rect.getRect(), dpr,
               self.isEnabled())
        if self._picture is None or self._picture[0] != key:
            ink = _ink_rect(self, rect, flags, text)

            def render(p: QPainter) -> None:
                p.translate(-ink.topLeft())
                p.setFont(self.font())
                self.style().drawItemText(p, rect, flags, pal, self.isEnabled(), text, self.foregroundRole())

            self._picture = (key, ink, render_pixmap(ink.size(), dpr, render))
        p = QPainter(self)
        p.drawPixmap(self._picture[1].topLeft(), self._picture[2])
        p.end()


def _ink_rect(label: QLabel, rect: QRect, flags: int, text: str) -> QRect:
    """Where ``text`` lands in ``label``, with room for glyphs that overhang their advance."""
    fm = QFontMetrics(label.font())
    pad = max(2, fm.height() // 4)
    return fm.boundingRect(rect, flags, text).adjusted(-pad, -pad, pad, pad).intersected(label.rect())
