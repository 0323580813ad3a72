"""Park: the interactive site plan, the key figures and the 个十百千万 framework.

Landscape: the title and the plan on the left (~60 %), on the right either the tabs
(key figures / framework) or, once a hotspot is tapped, that hotspot's detail panel.
Portrait: the same blocks stacked — plan on top, panels below.

The plan (:class:`~kiosk.sections.park.plan_view.PlanView`) zooms and pans within bounds; a tap on
a hotspot highlights it and opens :class:`~kiosk.sections.park.panels.HotspotDetail`, whose
partner chips ask the shell to open that partner on the partners page. Tapping empty plan
closes the panel. Idle reset: whole plan, no selection, panels closed, first tab.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPoint, QRect, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from kiosk.content.model import Hotspot, ParkSection, Partner, SectionBase
from kiosk.i18n import LANGS, tr
from kiosk.sections.base import PageContext, SectionPage
from kiosk.sections.layout import AccentRule
from kiosk.sections.park.controls import TabBar
from kiosk.sections.park.figures import FigureGrid, FigureTile
from kiosk.sections.park.framework import FrameworkPanel
from kiosk.sections.park.legend import PlanLegend
from kiosk.sections.park.panels import HotspotDetail, PanelBody
from kiosk.sections.park.plan_view import PlanView
from kiosk.sections.registry import register_page
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import TextLabel
from kiosk.widgets.scroll_cue import ScrollCue

FIGURES, FRAMEWORK = "figures", "framework"
KINDS = ("zone", "building", "site")
#: Type roles for the key figures' numbers, largest first.
NUMBER_ROLES = ("figure", "h1", "h2", "h3")


def kind_name(kind: str, lang: str) -> str:
    return tr(f"park.kind.{kind}", lang)


def _height_in(label: TextLabel, text: str, width: int) -> int:
    """``label``'s height at ``width`` if it showed ``text``."""
    shown = label.text()
    if text == shown:
        return label.heightForWidth(width)
    label.setText(text)
    height = label.heightForWidth(width)
    label.setText(shown)
    return height


@register_page("park")
class ParkPage(SectionPage):
    default_icon = "mdi6.map-marker-radius"
    #: "hotspot:<id>" when a hotspot is tapped, "framework:<n>" (1-based step) for a step.
    item_tapped = Signal(str)

    def __init__(self, section: SectionBase, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(section, context, parent)
        assert isinstance(section, ParkSection)
        t, lang = self.theme, self.lang
        self.partners_section_id, self._partners = self._find_partners()
        self._hotspots = {h.id: h for h in section.hotspots}

        # header
        self.title_label = TextLabel(t, section.title, lang, role="h1", parent=self)
        self.title_label.setObjectName("page-title")
        self.rule = AccentRule(self)
        self.subtitle_label = TextLabel(t, section.subtitle, lang, role="lead", tone="muted", parent=self)

        # plan
        plan = section.plan
        self.plan = PlanView(
            t, context.media(plan.image), (plan.width, plan.height), section.hotspots, lang,
            unavailable_text=tr("park.plan_unavailable", lang),
            labels={k: tr(f"park.{k}", lang) for k in ("zoom_in", "zoom_out", "fit")},
            parent=self,
        )
        self.plan.setObjectName("park-plan")
        self.note_below = self._note_label()  # sets the caption too
        kinds = [k for k in KINDS if any(h.kind == k for h in section.hotspots)]
        self.legend = PlanLegend(
            t, kinds, kind_name, lambda l: tr("park.hint", l) if self._hotspots else "", lang,
            lambda kind: self.plan.layer.colours(kind, "rest"), parent=self,
        )
        self.legend.setVisible(bool(kinds))

        # right-hand panels
        self.figure_tiles = [FigureTile(t, f, lang) for f in section.figures]
        self.panels: dict[str, KineticScrollArea] = {}
        self.figures_grid: FigureGrid | None = None
        self.framework: FrameworkPanel | None = None
        if self.figure_tiles:
            self.panels[FIGURES] = self._figures_panel()
        if section.framework:
            area = self._scroll_area("park-framework")
            self.framework = FrameworkPanel(t, section.framework, lang)
            self.framework.setObjectName("scroll-content")
            area.setWidget(self.framework)
            self.panels[FRAMEWORK] = area
        labels = {FIGURES: lambda l: tr("park.figures", l), FRAMEWORK: lambda l: tr("park.framework", l)}
        self.tabs = TabBar(t, [(k, labels[k]) for k in self.panels], lang, self)
        self.tabs.setObjectName("park-tabs")
        self.tabs.setVisible(len(self.panels) > 1)
        self.detail = HotspotDetail(
            t, lang, kind_name=kind_name, partners_heading=lambda l: tr("park.partners", l),
            close_name=lambda l: tr("park.close", l), mouse_drag=context.mouse_drag, parent=self,
        )
        self._show_panel(self.tabs.current, animate=False)

        self.plan.hotspot_tapped.connect(self._on_plan_hotspot_tapped)
        self.plan.background_tapped.connect(self._on_plan_background_tapped)
        self.tabs.selected.connect(self._on_tabs_selected)
        self.detail.closed.connect(self._on_detail_closed)
        self.detail.partner_tapped.connect(self._on_detail_partner_tapped)
        if self.framework is not None:
            self.framework.step_selected.connect(self._on_framework_step_selected)

    # -- building -----------------------------------------------------------------------
    def _find_partners(self) -> tuple[str, dict[str, Partner]]:
        for s in self.context.content.sections:
            if getattr(s, "type", "") == "partners":
                return s.id, {p.id: p for p in getattr(s, "partners", [])}
        return "", {}

    def _note_label(self) -> TextLabel:
        """Large text: the map note (address, "schematic") below the plan, not over it —
        at ×1.4 it would cover a third of the plan and crowd the labels out. Puts the
        caption where it goes (below, or on the plan)."""
        label = TextLabel(self.theme, "", self.lang, role="caption", tone="muted", parent=self)
        label.setObjectName("park-plan-note")
        label.setVisible(self.theme.text_scale > 1)
        self.note_below = label
        self._set_caption(self.lang)
        return label

    def _scroll_area(self, name: str) -> KineticScrollArea:
        area = KineticScrollArea(self.theme, mouse_drag=self.context.mouse_drag, parent=self)
        area.setObjectName(name)
        area.fade = ScrollCue(self.theme, area, self.lang)  # type: ignore[attr-defined]
        area.hide()
        return area

    def _figures_panel(self) -> KineticScrollArea:
        t = self.theme
        area = self._scroll_area("park-figures")
        body = PanelBody()
        col = QVBoxLayout(body)
        col.setContentsMargins(0, t.space("md"), 0, 0)
        col.setSpacing(t.space("md"))
        self.figures_grid = FigureGrid(t, self.figure_tiles, min_width=t.px(270), max_columns=3, parent=body)
        col.addWidget(self.figures_grid)
        col.addStretch(1)
        area.setWidget(body)
        return area

    # -- layout -------------------------------------------------------------------------
    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._layout()

    def _layout(self) -> None:
        t = self.theme
        W, H = self.width(), self.height()
        if W <= 0 or H <= 0:
            return
        landscape = W >= H
        m = t.px(48) if t.reach else t.px(96) if landscape else t.px(64)
        top = bottom = t.space("md") if t.reach else t.space("lg")  # reach: the band is short
        gap = t.space("lg")
        inner = W - 2 * m
        has_side = bool(self.panels)
        if landscape:
            # the side panel at least as wide as its tabs' labels need
            side_w = min(max(round(inner * (0.36 if t.reach else 0.4)), self.tabs.needed_width()), round(inner * 0.56))
            left_w = inner - side_w - gap if has_side else inner
            # large text: the header heads the side column, so the plan keeps the whole
            # height of its column (at ×1.4 a header over it would leave a strip)
            over_side = t.text_scale > 1 and has_side
            side_x = m + left_w + gap
            side_top = self._place_header(side_x, top, side_w) if over_side else top
            y = top if over_side else self._place_header(m, top, left_w)
            legend_h = self.legend.height_for(left_w) if self.legend.isVisibleTo(self) else 0
            note_h = self._note_height(left_w)
            below = sum(h + t.space("sm") for h in (legend_h, note_h) if h)
            plan_bottom = H - bottom - below
            self.plan.setGeometry(m, y, left_w, max(t.px(200), plan_bottom - y))
            self.legend.setGeometry(m, self.plan.geometry().bottom() + 1 + t.space("sm"), left_w, legend_h)
            self.note_below.setGeometry(m, H - bottom - note_h, left_w, note_h)
            side = QRect(side_x, side_top, side_w, H - side_top - bottom)
            # the hotspot's detail covers the whole side column (header included)
            detail = QRect(side_x, top, side_w, H - top - bottom) if has_side else \
                QRect(m + inner - side_w, y, side_w, plan_bottom - y)
        else:
            y = self._place_header(m, top, inner)
            aspect = self.plan.plan_w / self.plan.plan_h
            plan_h = round(min(max(inner / aspect, H * 0.3), H * 0.46))
            self.plan.setGeometry(m, y, inner, plan_h)
            y += plan_h + t.space("sm")
            legend_h = self.legend.height_for(inner) if self.legend.isVisibleTo(self) else 0
            self.legend.setGeometry(m, y, inner, legend_h)
            y += legend_h
            note_h = self._note_height(inner)
            if note_h:
                self.note_below.setGeometry(m, y + t.space("xs"), inner, note_h)
                y += note_h + t.space("xs")
            y += gap
            side = QRect(m, y, inner, max(t.px(200), H - bottom - y))
            detail = side
        self._place_panels(side)
        self.detail.place(detail)

    def _place_header(self, x: int, y: int, w: int) -> int:
        """Title, rule and subtitle from ``y``; returns where the plan starts. Reach mode
        hides the title and rule (the header above the band shows the title) and the
        subtitle (the plan's note gives the address): the short band is the plan's."""
        t = self.theme
        if not self.title_label.isVisibleTo(self):
            self.subtitle_label.hide()
            return y
        # The header is as tall in both languages, so switching never moves the plan.
        title, subtitle = self.section.title, self.section.subtitle
        wide = max(QFontMetrics(t.font("h1")).horizontalAdvance(title.get(l)) for l in LANGS)
        role = "h1" if wide <= w else "h2"  # a title that would wrap drops a size
        if self.title_label.property("role") != role:
            self.title_label.setProperty("role", role)
            self.title_label.setFont(t.font(role))
            self.title_label.style().unpolish(self.title_label)
            self.title_label.style().polish(self.title_label)
        h = max(_height_in(self.title_label, title.get(l), w) for l in LANGS)
        self.title_label.setGeometry(x, y, w, h)
        y += h + t.space("sm")
        self.rule.move(x, y)
        y += self.rule.height() + t.space("sm")
        if subtitle is not None:
            h = max(_height_in(self.subtitle_label, subtitle.get(l), w) for l in LANGS)
            self.subtitle_label.setGeometry(x, y, w, h)
            y += h
        return y + t.space("md")

    def _place_panels(self, side: QRect) -> None:
        y = side.top()
        if self.tabs.isVisibleTo(self):
            self.tabs.setGeometry(side.left(), y, side.width(), self.tabs.height())
            y += self.tabs.height()
        for area in self.panels.values():
            area.setGeometry(side.left(), y, side.width(), side.bottom() + 1 - y)
        self._fit_figures(side.width(), side.bottom() + 1 - y)

    def _fit_figures(self, width: int, height: int) -> None:
        """The biggest number size at which every key figure is visible without scrolling."""
        area = self.panels.get(FIGURES)
        if area is None or self.figures_grid is None:
            return
        grid = self.figures_grid
        layout = cast(QLayout, cast(QWidget, area.widget()).layout())
        room = height - layout.contentsMargins().top() - layout.contentsMargins().bottom()

        def fits(role: str) -> bool:
            # the same size in both languages, so switching never makes numbers jump
            for tile in self.figure_tiles:
                tile.set_number_role(role)
            return all(grid.height_in(lang, width) <= room for lang in LANGS)

        role = next((r for r in NUMBER_ROLES if fits(r)), NUMBER_ROLES[-1])
        for tile in self.figure_tiles:
            tile.set_number_role(role)
        grid.relayout()

    def _set_caption(self, lang: str) -> None:
        """The map note: the address (where the visitor is) over the plan's caption."""
        section = self.section
        assert isinstance(section, ParkSection)
        lines = (section.address.get(lang) if section.address else "",
                 section.plan.caption.get(lang) if section.plan.caption else "")
        if self.note_below.isVisibleTo(self):
            self.note_below.setText(" · ".join(x for x in lines if x))
            self.plan.set_caption()
        else:
            self.plan.set_caption(*lines)

    def _note_height(self, width: int) -> int:
        """The note below the plan (large text): as tall in both languages."""
        if not self.note_below.isVisibleTo(self):
            return 0
        section = self.section
        assert isinstance(section, ParkSection)
        texts = [" · ".join(x for x in (section.address.get(l) if section.address else "",
                                          section.plan.caption.get(l) if section.plan.caption else "") if x)
                 for l in LANGS]
        return max(_height_in(self.note_below, text, width) for text in texts)

    # -- state --------------------------------------------------------------------------
    @property
    def current_panel(self) -> str:
        return self.tabs.current

    @property
    def selected_hotspot(self) -> str | None:
        return self.plan.selected

    def show_panel(self, key: str) -> None:
        """Switch the right-hand tab to ``key`` (``figures`` or ``framework``)."""
        if key in self.panels:
            self.tabs.set_current(key)
            self._show_panel(key, animate=self.isVisible())

    def _show_panel(self, key: str, *, animate: bool) -> None:
        for k, area in self.panels.items():
            area.setVisible(k == key)
        if not animate:
            return
        if key == FIGURES:
            for tile in self.figure_tiles:
                tile.count_up()
        elif key == FRAMEWORK and self.framework is not None:
            self.framework.stairs.start_growing()

    def select_hotspot(self, hotspot_id: str) -> bool:
        """Highlight ``hotspot_id`` and open its detail panel."""
        hotspot = self._hotspots.get(hotspot_id)
        if hotspot is None:
            return False
        self.plan.set_selected(hotspot_id)
        self.detail.show_hotspot(hotspot, self._linked_partners(hotspot))
        self.detail.open(animated=self.isVisible())
        return True

    def close_detail(self) -> None:
        self.plan.set_selected(None)
        self.detail.close_panel()

    def _linked_partners(self, hotspot: Hotspot) -> list[Partner]:
        return [self._partners[pid] for pid in hotspot.partners if pid in self._partners]

    # -- SectionPage hooks ----------------------------------------------------------------
    def retranslate(self, lang: str) -> None:
        self.plan.set_unavailable_text(tr("park.plan_unavailable", lang))
        self._set_caption(lang)
        for key, name in (("zoom_in", "zoom_in_button"), ("zoom_out", "zoom_out_button"), ("fit", "fit_button")):
            getattr(self.plan, name).setAccessibleName(tr(f"park.{key}", lang))
        self._layout()  # title heights may change

    def reset(self) -> None:
        super().reset()
        self.close_detail()
        self.plan.reset_view()
        for tile in self.figure_tiles:
            tile.finish()
        if self.framework is not None:
            self.framework.stairs.finish_growing()
            self.framework.select(0)
        if self.panels:
            first = next(iter(self.panels))
            self.tabs.set_current(first)
            self._show_panel(first, animate=False)

    def on_shown(self) -> None:
        self._show_panel(self.tabs.current, animate=True)

    def on_hidden(self) -> None:
        for tile in self.figure_tiles:
            tile.finish()
        if self.framework is not None:
            self.framework.stairs.finish_growing()
        self.finish_animations()  # nothing keeps moving off screen

    def allows_swipe_at(self, pos: QPoint) -> bool:
        return not self.plan.geometry().contains(pos)

    def open_item(self, item_id: str) -> bool:
        return self.select_hotspot(item_id)

    # -- slots (forward only) -------------------------------------------------------------
    def _on_plan_hotspot_tapped(self, hotspot_id: str) -> None:
        if self.select_hotspot(hotspot_id):
            self.item_tapped.emit(f"hotspot:{hotspot_id}")

    def _on_plan_background_tapped(self) -> None:
        self.close_detail()

    def _on_detail_closed(self) -> None:
        self.close_detail()

    def _on_detail_partner_tapped(self, partner_id: str) -> None:
        if self.partners_section_id:
            self.navigate_requested.emit(self.partners_section_id, partner_id)

    def _on_tabs_selected(self, key: str) -> None:
        self.show_panel(key)

    def _on_framework_step_selected(self, index: int) -> None:
        self.item_tapped.emit(f"framework:{index + 1}")
