"""HomeScreen: the kiosk's name and one large tile per section (2×2 landscape, a column
in portrait). Tiles are built from content.yaml + the page registry's metadata."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.content.model import Content, SectionBase
from kiosk.i18n import tr
from kiosk.shell.backdrop import paint_backdrop
from kiosk.shell.tile import Tile
from kiosk.shell.welcome import WelcomeStrip
from kiosk.theme import Theme
from kiosk.widgets import icons
from kiosk.widgets.labels import TextLabel


def columns_for(count: int, landscape: bool) -> int:
    if landscape:
        return 2 if count <= 4 else 3
    return 1 if count <= 5 else 2


class HomeScreen(QWidget):
    tile_activated = Signal(str)

    def __init__(
        self,
        content: Content,
        theme: Theme,
        lang: str,
        icon_for: Callable[[SectionBase], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # the backdrop covers it all
        self.theme = theme
        self._lang = lang
        self._backdrop: QPixmap | None = None
        m = theme.px(96) if theme.landscape else theme.px(64)
        outer = QVBoxLayout(self)
        top = theme.space("lg") if theme.reach else theme.px(60)
        outer.setContentsMargins(m, top, m, theme.space("lg"))
        outer.setSpacing(theme.space("sm"))
        self.labels = [
            TextLabel(theme, lambda l: tr("home.kicker", l), lang, role="label", tone="accent", parent=self),
            TextLabel(theme, content.kiosk.name, lang, role="h1", parent=self),
            TextLabel(theme, lambda l: tr("home.prompt", l), lang, role="lead", tone="muted", parent=self),
        ]
        if content.welcome:  # the active welcome banners, slim, above the title
            outer.addWidget(WelcomeStrip(theme, list(content.welcome), self))
            outer.addSpacing(theme.space("md"))
        for label in self.labels:
            outer.addWidget(label)
            label.setVisible(not theme.reach)  # reach mode: the header above shows the name
        if not theme.reach:
            outer.addSpacing(theme.space("lg"))
        grid = QGridLayout()
        gap = theme.space("lg") if theme.landscape else theme.space("md")
        grid.setHorizontalSpacing(gap)
        grid.setVerticalSpacing(gap)
        # reach mode: the band is short and (in portrait) narrow: one tile a row, full width
        cols = columns_for(len(content.sections), theme.landscape)
        self.tiles: dict[str, Tile] = {}
        for i, section in enumerate(content.sections):
            tile = Tile(
                theme,
                number=i + 1,
                title=section.title,
                subtitle=section.subtitle,
                lang=lang,
                icon_name=icon_for(section),
                compact=theme.reach,
                parent=self,
            )
            tile.setObjectName(f"tile-{section.id}")
            tile.clicked.connect(lambda sid=section.id: self.tile_activated.emit(sid))
            grid.addWidget(tile, i // cols, i % cols)
            self.tiles[section.id] = tile
        for tile in self.tiles.values():
            tile.peers = list(self.tiles.values())
        rows = math.ceil(len(content.sections) / cols)
        for r in range(rows):
            grid.setRowStretch(r, 1)
        outer.addLayout(grid, 1)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        for label in self.labels:
            label.set_language(lang)
            label.setVisible(not self.theme.reach)
        for tile in self.tiles.values():
            tile.set_language(lang)

    def load_icons(self) -> None:
        """Render the tile icons (imports qtawesome: call after the first frame)."""
        colour = self.theme.palette.text
        for tile in self.tiles.values():
            if tile.icon_name and not tile.has_icon:
                tile.set_icon(icons.icon_pixmap(tile.icon_name, colour, tile.icon_size()))

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._backdrop = None
        super().resizeEvent(e)

    def paintEvent(self, _e: QPaintEvent) -> None:
        if self._backdrop is None or self._backdrop.size() != self.size():
            self._backdrop = paint_backdrop(self.theme, QSize(self.width(), self.height()), strength=0.45)
        p = QPainter(self)
        p.drawPixmap(0, 0, self._backdrop)
        p.end()
