"""Reach mode: on a tall screen hung at standing height, the part above a comfortable
reach (≈ 1,200 mm, from ``accessibility.mounting``) shows only titles and imagery; the
pages, their controls and panels and the navigation bar all live in the band below.

:class:`ReachHeader` is that top part: the backdrop, the kiosk's name and the title of
the screen the visitor is on. It takes no input (a touch up there does nothing).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Content
from kiosk.shell.backdrop import paint_backdrop
from kiosk.theme import Theme
from kiosk.widgets.labels import Source, TextLabel


def band_top(theme: Theme) -> int:
    """Top row of the reachable band (0: the whole screen is in reach)."""
    return theme.reach_top if theme.reach else 0


def place_in_band(theme: Theme, outer: QRect, w: int, h: int, margin: int) -> QRect:
    """Where a ``w``×``h`` panel goes in a full-window ``outer``: centred; in reach mode
    centred in the reachable band, or, if it is taller, standing on the band's bottom
    with its controls (which panels keep at their foot) in the band and its title above."""
    x = outer.x() + (outer.width() - w) // 2
    top = max(outer.top(), band_top(theme))
    room = outer.bottom() + 1 - top
    if h + 2 * margin <= room:
        return QRect(x, top + (room - h) // 2, w, h)
    y = outer.bottom() + 1 - margin - h if theme.reach else outer.top() + (outer.height() - h) // 2
    return QRect(x, max(outer.top() + margin if theme.reach else outer.top(), y), w, h)


def set_role(label: TextLabel, theme: Theme, role: str) -> None:
    if label.property("role") != role:
        label.setProperty("role", role)
        label.setFont(theme.font(role))
        label.style().unpolish(label)  # the stylesheet sizes text by role
        label.style().polish(label)


class ReachHeader(QWidget):
    def __init__(self, content: Content, theme: Theme, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reach-header")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.theme = theme
        self.content = content
        self._backdrop: QPixmap | None = None
        self.setFixedHeight(theme.reach_top)
        col = QVBoxLayout(self)
        m = theme.px(64)
        col.setContentsMargins(m, m, m, theme.space("lg"))
        col.setSpacing(theme.space("sm"))
        col.addStretch(1)
        self.name = TextLabel(theme, content.kiosk.name, lang, role="label", tone="accent", parent=self)
        self.title = TextLabel(theme, content.kiosk.name, lang, role="display", parent=self)
        self.subtitle = TextLabel(theme, "", lang, role="lead", tone="muted", parent=self)
        # the page's note (e.g. the park plan's address and "not to scale"), nearest the band
        self.note = TextLabel(theme, "", lang, role="caption", tone="muted", parent=self)
        self.note.setObjectName("reach-note")
        col.addWidget(self.name)
        col.addWidget(self.title)
        col.addWidget(self.subtitle)
        col.addSpacing(theme.space("xs"))
        col.addWidget(self.note)
        self.subtitle.hide()
        self.note.hide()

    def set_screen(self, key: str, note: Source = None) -> None:
        """Show ``key``'s title and subtitle, and ``note`` (the page's
        :meth:`~kiosk.sections.base.SectionPage.header_note`) under them."""
        self.note.set_source(note)
        self.note.setVisible(note is not None)
        section = self.content.section(key)
        self.title.set_source(section.title if section is not None else self.content.kiosk.name)
        self.name.setVisible(section is not None)
        # the page's subtitle too: the band below keeps its height for the content
        subtitle = section.subtitle if section is not None else None
        self.subtitle.set_source(subtitle or "")
        self.subtitle.setVisible(subtitle is not None)
        self._fit()

    def _fit(self) -> None:
        """The title drops a size until name, title, subtitle and note fit the header (a
        landscape header is short, the more so in large text); then the subtitle goes."""
        layout = self.layout()
        if layout is None or self.width() <= 0:
            return
        m = layout.contentsMargins()
        width = self.width() - m.left() - m.right()
        room = self.height() - m.top() - m.bottom()
        shown = [w for w in (self.name, self.subtitle, self.note) if w.isVisibleTo(self)]
        for role in ("display", "h1", "h2", "h3"):
            set_role(self.title, self.theme, role)
            used = sum(w.heightForWidth(width) + self.theme.space("sm") for w in [self.title, *shown])
            used += self.theme.space("xs") if self.note in shown else 0
            if used <= room:
                return
        self.subtitle.hide()

    def set_language(self, lang: str) -> None:
        self.name.set_language(lang)
        self.title.set_language(lang)
        self.subtitle.set_language(lang)
        self.note.set_language(lang)
        self._fit()

    def resizeEvent(self, e: object) -> None:
        self._backdrop = None
        super().resizeEvent(e)  # type: ignore[arg-type]
        self._fit()

    def paintEvent(self, _e: QPaintEvent) -> None:
        if self._backdrop is None or self._backdrop.size() != self.size():
            self._backdrop = paint_backdrop(self.theme, QSize(self.width(), self.height()), strength=0.8)
        p = QPainter(self)
        p.drawPixmap(0, 0, self._backdrop)
        p.end()

