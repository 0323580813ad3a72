"""Park (interim): the plan as a picture, key figures, the 个十百千万 framework, places."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.model import Figure, Hotspot, ParkSection
from kiosk.i18n import format_figure, tr
from kiosk.sections.layout import ScrollingPage
from kiosk.sections.registry import register_page
from kiosk.theme import Theme
from kiosk.widgets.figure import FigureCard

log = logging.getLogger(__name__)


class PlanPicture(QWidget):
    """The park plan SVG, fitted to the width (a static picture; the zoomable view is next)."""

    def __init__(self, theme: Theme, path: str, aspect: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtSvg import QSvgRenderer

        self.theme = theme
        self.aspect = aspect
        self.renderer = QSvgRenderer(path, self)
        self.max_height = round(theme.height * 0.5)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return min(self.max_height, round(width / self.aspect))

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(400), self.heightForWidth(self.theme.px(1200)))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.theme.px(200), self.theme.px(120))

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = min(self.height(), self.heightForWidth(self.width()))
        w = h * self.aspect
        self.renderer.render(p, QRectF((self.width() - w) / 2, 0, w, h))
        p.end()


def hotspot_figures(h: Hotspot, lang: str) -> str:
    parts = []
    for f in h.figures:
        value, unit = format_figure(f, lang)
        sep = " " if lang == "en" and unit else ""
        parts.append(f"{f.label.get(lang)} {value}{sep}{unit}")
    return "  ·  ".join(parts)


@register_page("park")
class ParkPage(ScrollingPage):
    default_icon = "mdi6.map-marker-radius"

    def build(self) -> None:
        section = self.section
        assert isinstance(section, ParkSection)
        self._add_plan(section)
        self._add_figures(section.figures)
        if section.framework:
            self.add_heading(lambda lang: tr("park.framework", lang))
            grid = self.add_grid(min_width=self.theme.px(400), max_columns=5)
            for item in section.framework:
                card = self.add_card(grid)
                card.add_text(item.key, role="h1", tone="accent")
                card.add_text(item.title, role="h3")
                card.add_text(item.text, role="body")
                card.body.addStretch(1)
        if section.hotspots:
            self.add_heading(lambda lang: tr("park.places", lang))
            grid = self.add_grid(max_columns=3)
            for spot in section.hotspots:
                card = self.add_card(grid)
                card.add_text(spot.name, role="h3")
                card.add_text(spot.description, role="body")
                if spot.figures:
                    card.add_text(lambda lang, s=spot: hotspot_figures(s, lang), role="caption", tone="accent")
                card.body.addStretch(1)
        if section.address:
            card = self.add_card()
            card.add_text(lambda lang: tr("park.address", lang), role="label", tone="muted")
            card.add_text(section.address, role="lead")

    def _add_plan(self, section: ParkSection) -> None:
        path = self.context.media(section.plan.image)
        if path is None or not path.is_file():
            log.warning("park plan %s not found", path)
            return
        card = self.add_card()
        card.add_widget(PlanPicture(self.theme, str(path), section.plan.width / section.plan.height, parent=card))
        if section.plan.caption:
            card.add_text(section.plan.caption, role="caption", tone="muted")

    def _add_figures(self, figures: list[Figure]) -> None:
        if not figures:
            return
        self.add_heading(lambda lang: tr("park.figures", lang))
        grid = self.add_grid(min_width=self.theme.px(380), max_columns=4)
        for figure in figures:
            grid.add(FigureCard(self.theme, figure, self.lang))
