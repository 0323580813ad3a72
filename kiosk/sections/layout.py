"""ScrollingPage: a section page with a header and a kinetic, scrolling column of blocks.

Subclasses implement :meth:`build` with the helpers:
:meth:`add_grid` (responsive card grid) and :meth:`add_widget`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import SectionBase
from kiosk.i18n import tr
from kiosk.sections.base import TITLE_RULE, PageContext, SectionPage
from kiosk.sections.registry import register_fallback
from kiosk.widgets.grid import ResponsiveGrid
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import Source, TextLabel
from kiosk.widgets.scroll_cue import ScrollCue


class AccentRule(QWidget):
    """A short amber bar under a heading."""

    def __init__(self, page: SectionPage) -> None:
        super().__init__(page)
        self.setObjectName(TITLE_RULE)
        self._color = page.theme.color("accent")
        self.setFixedSize(page.theme.px(96), page.theme.px(8))

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(self._color))
        r = self.rect()
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
        p.end()


class ScrollingPage(SectionPage):
    def __init__(self, section: SectionBase, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(section, context, parent)
        theme = self.theme
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = KineticScrollArea(theme, mouse_drag=context.mouse_drag, parent=self)
        self.scroller.setObjectName(f"scroll-{section.id}")
        outer.addWidget(self.scroller)
        content = QWidget()
        content.setObjectName("scroll-content")
        self.column = QVBoxLayout(content)
        margin = theme.px(96) if theme.landscape else theme.px(64)
        self.column.setContentsMargins(margin, theme.space("xl"), margin, theme.space("xl"))
        self.column.setSpacing(theme.space("lg"))
        self.scroller.setWidget(content)
        self.content_widget = content
        self.cue = ScrollCue(theme, self.scroller, self.lang)
        self._build_header()
        self.build()
        self.column.addStretch(1)

    # -- building blocks --------------------------------------------------------------
    def _build_header(self) -> None:
        s = self.section
        head = QVBoxLayout()
        head.setSpacing(self.theme.space("sm"))
        self.title_label = TextLabel(self.theme, s.title, self.lang, role="h1", parent=self.content_widget)
        self.title_label.setObjectName("page-title")
        head.addWidget(self.title_label)
        head.addWidget(AccentRule(self))
        self.subtitle_label = TextLabel(
            self.theme, s.subtitle, self.lang, role="lead", tone="muted", parent=self.content_widget
        )
        head.addWidget(self.subtitle_label)
        self.column.addLayout(head)

    def add_text(self, source: Source, *, role: str = "lead", tone: str | None = "muted") -> TextLabel:
        label = TextLabel(self.theme, source, self.lang, role=role, tone=tone, parent=self.content_widget)
        self.column.addWidget(label)
        return label

    def add_grid(self, *, min_width: int | None = None, max_columns: int = 3) -> ResponsiveGrid:
        grid = ResponsiveGrid(
            self.theme, min_width=min_width or self.theme.px(520), max_columns=max_columns, parent=self.content_widget
        )
        self.column.addWidget(grid)
        return grid

    def add_widget(self, widget: QWidget) -> QWidget:
        self.column.addWidget(widget)
        return widget

    def build(self) -> None:
        """Add the page's blocks (override)."""


@register_fallback
class FallbackPage(ScrollingPage):
    """Shown for a section type without a registered page: its title and a calm note."""

    def build(self) -> None:
        self.add_text(lambda lang: tr("page.empty", lang))
