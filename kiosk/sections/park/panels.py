"""Panels around the park plan: the legend, and the detail panel a hotspot opens.

* :class:`PlanLegend` — what zones, buildings and sites look like, and a how-to note;
* :class:`HotspotDetail` — kind, name, description, linked partners as chips, figures;
* the shared :class:`~kiosk.widgets.scroll_cue.ScrollCue` marks a scroll area with more below;
* :class:`PanelBody` — a scroll area's content sized by height-for-width;
* chips wrap with the shared :class:`~kiosk.widgets.flow.FlowLayout`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QPoint,
    QRect,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Hotspot, Partner
from kiosk.sections.park.controls import CloseButton
from kiosk.sections.park.figures import FigureGrid, FigureTile
from kiosk.theme import Theme
from kiosk.widgets.chip import Chip
from kiosk.widgets.flow import FlowLayout
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import FollowsLanguage, TextLabel
from kiosk.widgets.progress import progress_animation
from kiosk.widgets.scroll_cue import ScrollCue

# -- scroll content -----------------------------------------------------------------------


class PanelBody(QWidget):
    """The content widget of a panel's scroll area. Its height comes from its layout's
    height-for-width: the default minimum (every wrapped label at its narrowest) would
    make the scroll area think the panel is far taller than it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scroll-content")

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)


# -- hotspot detail ---------------------------------------------------------------------


class HotspotDetail(FollowsLanguage, QFrame):
    """The panel a tapped hotspot opens. :meth:`show_hotspot` fills it; it slides in."""

    closed = Signal()
    partner_tapped = Signal(str)

    def __init__(
        self,
        theme: Theme,
        lang: str,
        *,
        kind_name: Callable[[str, str], str],
        partners_heading: Callable[[str], str],
        close_name: Callable[[str], str],
        mouse_drag: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self._lang = lang
        self.kind_name = kind_name
        self.partners_heading = partners_heading
        self.close_name = close_name
        self.hotspot: Hotspot | None = None
        self.partners: list[Partner] = []
        self.setObjectName("hotspot-detail")
        self.setProperty("card", "featured")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)  # touches never fall through
        outer = QVBoxLayout(self)
        pad = theme.space("lg")
        outer.setContentsMargins(pad, theme.space("md"), theme.space("md"), pad)
        outer.setSpacing(theme.space("xs"))
        top = QHBoxLayout()
        top.setSpacing(theme.space("sm"))
        self.kicker = TextLabel(theme, "", lang, role="label", tone="accent", parent=self)
        top.addWidget(self.kicker, 1, Qt.AlignmentFlag.AlignVCenter)
        self.close_button = CloseButton(theme, self)
        self.close_button.setAccessibleName(close_name(lang))
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.scroller = KineticScrollArea(theme, mouse_drag=mouse_drag, parent=self)
        self.scroller.setObjectName("hotspot-detail-scroll")
        outer.addWidget(self.scroller, 1)
        self.fade = ScrollCue(theme, self.scroller, lang, colour="surface_raised")
        self.body: QWidget | None = None
        self.chips: list[Chip] = []
        self.figure_tiles: list[FigureTile] = []
        self.name_label: TextLabel | None = None
        self.description_label: TextLabel | None = None
        self.close_button.clicked.connect(self.closed)
        self.slide = progress_animation(self, "hotspot-detail-slide", self._on_slide_value_changed, duration_ms=240)
        self._home = QPoint()
        self.hide()

    def _language_changed(self, lang: str) -> None:
        self.close_button.setAccessibleName(self.close_name(lang))
        if self.hotspot is not None:
            keep = self.scroller.verticalScrollBar().value()
            self._rebuild()
            self.scroller.verticalScrollBar().setValue(keep)

    def show_hotspot(self, hotspot: Hotspot, partners: list[Partner]) -> None:
        same = self.hotspot is not None and self.hotspot.id == hotspot.id and self.isVisible()
        self.hotspot = hotspot
        self.partners = partners
        if not same:
            self._rebuild()
            self.scroller.reset()

    def place(self, rect: QRect) -> None:
        """Where the panel sits when open."""
        self._home = rect.topLeft()
        self.resize(rect.size())
        if self.slide.state() != QVariantAnimation.State.Running:
            self.move(self._home)

    def open(self, animated: bool = True) -> None:
        was_open = self.isVisible()
        self.show()
        self.raise_()
        if animated and not was_open:
            self.slide.stop()
            self._on_slide_value_changed(0.0)
            self.slide.start()
        else:
            self.move(self._home)

    def close_panel(self) -> None:
        self.slide.stop()
        self.hide()
        self.move(self._home)
        self.hotspot = None

    def _on_slide_value_changed(self, value: object) -> None:
        v = float(value)  # type: ignore[arg-type]
        self.move(self._home + QPoint(round((1 - v) * self.theme.px(72)), 0))

    def texts(self) -> list[str]:
        """Every visible text in the panel (tests)."""
        found = [l.text() for l in self.findChildren(TextLabel) if l.isVisibleTo(self) and l.text()]
        found += [c.text for c in self.chips]
        found += [tile.text() for tile in self.figure_tiles]
        return found

    def _rebuild(self) -> None:
        h = self.hotspot
        assert h is not None
        t, lang = self.theme, self._lang
        old = self.scroller.takeWidget()
        if old is not None:
            old.deleteLater()
        body = PanelBody()
        col = QVBoxLayout(body)
        col.setContentsMargins(0, 0, t.space("sm"), t.space("sm"))
        col.setSpacing(t.space("sm"))
        self.kicker.set_source(self.kind_name(h.kind, lang))
        # reach mode: a short panel in the band; the name must leave room for the text
        self.name_label = TextLabel(t, h.name, lang, role="h3" if t.reach else "h2", parent=body)
        self.name_label.setObjectName("hotspot-name")
        col.addWidget(self.name_label)
        self.description_label = TextLabel(t, h.description, lang, role="body", parent=body)
        col.addWidget(self.description_label)
        self.chips = []
        if self.partners:
            col.addSpacing(t.space("sm"))
            col.addWidget(TextLabel(t, self.partners_heading(lang), lang, role="label", tone="muted", parent=body))
            holder = QWidget(body)
            flow = FlowLayout(t.space("sm"), holder)
            for partner in self.partners:
                name = (partner.short_name or partner.name).get(lang)
                chip = Chip(t, name, parent=holder)
                chip.setProperty("partner_id", partner.id)
                chip.clicked.connect(lambda pid=partner.id: self.partner_tapped.emit(pid))
                flow.addWidget(chip)
                self.chips.append(chip)
            col.addWidget(holder)
        self.figure_tiles = []
        if h.figures:
            col.addSpacing(t.space("sm"))
            tiles = [FigureTile(t, f, lang, number_role="h3", small_role="label") for f in h.figures]
            self.figure_tiles = tiles
            col.addWidget(FigureGrid(t, tiles, min_width=t.px(220), max_columns=3, parent=body))
        col.addStretch(1)
        self.scroller.setWidget(body)
