"""History: a horizontal timeline by era.

The visitor drags the timeline (with momentum), jumps between eras with the era chips,
sees where they are on the position track (and taps or drags it to move), and taps a
card to read it large in a detail panel (previous/next step through the events).
Featured moments stand out in amber. Everything comes from the section's eras and events.

Analytics: :attr:`HistoryPage.item_tapped` reports ``era:<id>`` (an era chip) and
``event:<index>`` (a card; the index counts events in timeline order from 0).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Event, HistorySection, SectionBase
from kiosk.i18n import format_date, tr
from kiosk.sections.base import PageContext, SectionPage
from kiosk.sections.history.chips import EraChipBar
from kiosk.sections.history.detail import EventDetail
from kiosk.sections.history.layout import EraInfo, EventInfo
from kiosk.sections.history.timeline import TimelineView
from kiosk.sections.history.track import TimelineTrack
from kiosk.sections.history.vertical import VerticalTimelineView
from kiosk.sections.registry import register_page
from kiosk.widgets.labels import TextLabel
from kiosk.widgets.scroll_cue import ScrollCue


def event_when(event: Event, lang: str) -> str:
    """The date as shown: the event's label (approximate dates) or the formatted date."""
    return event.label.get(lang) if event.label else format_date(event.date, lang)


def timeline_data(section: HistorySection, context: PageContext) -> tuple[list[EraInfo], list[EventInfo]]:
    """The section's eras and its events in timeline order (by date within each era)."""
    eras = [EraInfo(era.id, era.period, era.title, era.summary) for era in section.eras]
    events = [
        EventInfo(
            k,
            partial(event_when, event),
            event.title,
            event.text,
            context.media(event.image),
            event.featured,
        )
        for k, era in enumerate(section.eras)
        for event in sorted(era.events, key=lambda e: e.sort_key)
    ]
    return eras, events


@register_page("history")
class HistoryPage(SectionPage):
    #: The timeline scrolls sideways: the section swipe lives above it (title, chips). In
    #: portrait (a vertical timeline) it works anywhere but the track: on the title too.
    swipe_hint_key = "history.swipe_hint"
    default_icon = "mdi6.timeline-clock-outline"

    item_tapped = Signal(str)
    """``era:<id>`` when an era chip is tapped, ``event:<index>`` when a card is."""

    def __init__(self, section: SectionBase, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(section, context, parent)
        assert isinstance(section, HistorySection)
        theme = self.theme
        lang = self.lang
        self.eras, self.events = timeline_data(section, context)
        margin = theme.px(48) if theme.reach else theme.px(96) if theme.landscape else theme.px(64)
        # reach mode: the band is short (the header above shows the title): little above
        top = theme.space("sm") if theme.reach else theme.px(32) if theme.landscape else theme.px(64)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, top, 0, theme.px(8))
        column.setSpacing(0)

        header = self._build_header(section, margin)
        column.addLayout(header)
        if not theme.reach:  # reach mode: the header above shows title and subtitle
            column.addSpacing(theme.space("md"))

        milestones = [any(e.featured for e in self.events if e.era == k) for k in range(len(self.eras))]
        self.chips = EraChipBar(
            theme,
            [(e.period, e.title, star) for e, star in zip(self.eras, milestones, strict=False)],
            lang,
            margin=margin,
            # portrait: every era in view, on two rows if need be; reach mode's short band:
            # one row of periods, scrolling sideways (the arrow cue shows there is more)
            wrap=not theme.landscape and not theme.reach,
            mouse_drag=context.mouse_drag,
            parent=self,
        )
        column.addWidget(self.chips)
        if theme.reach:
            for chip in self.chips.chips:
                chip.set_compact(True)
        self.chips_cue = ScrollCue(theme, self.chips, lang, horizontal=True, compact=True)
        column.addSpacing(theme.space("sm"))

        view = TimelineView if theme.landscape else VerticalTimelineView  # portrait reads downwards
        self.timeline = view(
            theme, self.eras, self.events, lang, loader=context.images, mouse_drag=context.mouse_drag, parent=self
        )
        column.addWidget(self.timeline, 1)

        column.addLayout(self._build_foot(margin))

        self.detail = EventDetail(theme, context.images, lang, mouse_drag=context.mouse_drag, parent=self)

        self.chips.era_selected.connect(self._on_chips_era_selected)
        self.timeline.current_era_changed.connect(self.chips.set_current)
        self.timeline.current_era_changed.connect(self.track.set_current)
        self.timeline.visible_span_changed.connect(self.track.set_visible_span)
        self.timeline.layout_changed.connect(self._sync_track)
        self.timeline.event_tapped.connect(self._on_timeline_event_tapped)
        self.track.seek_requested.connect(self._on_track_seek_requested)
        self.detail.step_requested.connect(self._on_detail_step_requested)

    def _build_foot(self, margin: int) -> QVBoxLayout:
        """The position track and (portrait) the scroll hint under the timeline."""
        foot = QVBoxLayout()
        foot.setContentsMargins(margin, 0, margin, 0)
        foot.setSpacing(0)
        self.track = TimelineTrack(self.theme, self)
        foot.addWidget(self.track)
        # reach mode's short band: the timeline gets the track's room (the chips jump
        # between eras; the timeline's fades show there is more above and below)
        self.track.setVisible(not self.theme.reach)
        if not self.theme.landscape:
            foot.addWidget(self.hint_label, 0, Qt.AlignmentFlag.AlignHCenter)
        if self.theme.reach and self.theme.text_scale > 1.0:  # large text in the band: room for a card
            self.hint_label.hide()
        return foot

    def _build_header(self, section: HistorySection, margin: int) -> QVBoxLayout:
        """Title, subtitle and the drag hint (beside the subtitle in landscape)."""
        theme, lang = self.theme, self.lang
        header = QVBoxLayout()
        header.setContentsMargins(margin, 0, margin, 0)
        header.setSpacing(theme.space("xxs"))
        self.title_label = TextLabel(theme, section.title, lang, role="h1", parent=self)
        self.title_label.setObjectName("page-title")
        self.subtitle_label = TextLabel(theme, section.subtitle, lang, role="lead", tone="muted", parent=self)
        hint = "history.drag_hint" if theme.landscape else "history.scroll_hint"
        self.hint_label = TextLabel(
            theme, lambda lg: tr(hint, lg), lang, role="caption", tone="muted", wrap=False, parent=self
        )
        self.hint_label.setObjectName("drag-hint")
        header.addWidget(self.title_label)
        if theme.landscape:
            under = QHBoxLayout()
            under.setSpacing(theme.space("lg"))
            under.addWidget(self.subtitle_label, 1, Qt.AlignmentFlag.AlignBottom)
            under.addWidget(self.hint_label, 0, Qt.AlignmentFlag.AlignBottom)
            header.addLayout(under)
        else:
            header.addWidget(self.subtitle_label)
        return header

    # -- state ----------------------------------------------------------------------------
    @property
    def current_era(self) -> int:
        return self.chips.current

    def open_event(self, index: int, *, animate: bool = True) -> None:
        """Show event ``index`` in the detail panel (and bring its card into view behind)."""
        if not 0 <= index < len(self.events):
            return
        event = self.events[index]
        self.detail.show_event(
            index, event, self.eras[event.era], event.era + 1, count=len(self.events), motif=event.era, animate=animate
        )
        self.timeline.scroll_to_event(index, animated=animate)

    def jump_to_era(self, era: int, *, animated: bool = True) -> None:
        self.chips.set_current(era)
        self.timeline.scroll_to_era(era, animated=animated)

    # -- SectionPage hooks ----------------------------------------------------------------
    def reset(self) -> None:
        super().reset()
        self.detail.close_detail()
        self.timeline.reset()
        self.chips.set_current(0)

    def on_shown(self) -> None:
        self.timeline.start_reveal()

    def on_hidden(self) -> None:
        self.timeline.stop()
        self.timeline.finish()
        self.detail.finish()

    def allows_swipe_at(self, pos: QPoint) -> bool:
        if self.detail.isVisible():
            return False
        for widget in (self.timeline, self.track):
            if widget is self.timeline and not self.theme.landscape:
                continue  # it scrolls vertically: a sideways swipe over it cannot conflict
            if widget.geometry().contains(pos):
                return False
        return not (self.chips.scrollable and self.chips.geometry().contains(pos))

    def open_item(self, item_id: str) -> bool:
        kind, _, key = item_id.partition(":")
        if not key:
            kind, key = "era", item_id
        if kind == "era":
            ids = [e.key for e in self.eras]
            if key in ids:
                self.jump_to_era(ids.index(key), animated=False)
                return True
        elif kind == "event" and key.isdigit() and int(key) < len(self.events):
            self.open_event(int(key), animate=False)
            return True
        return False

    # -- wiring ---------------------------------------------------------------------------
    def _sync_track(self) -> None:
        self.track.set_segments(self.timeline.era_fractions())
        self.track.set_marks(self.timeline.event_fractions())
        self.track.set_visible_span(*self.timeline.visible_span())

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self.detail.setGeometry(self.rect())

    def _on_chips_era_selected(self, era: int) -> None:
        self.jump_to_era(era)
        self.item_tapped.emit(f"era:{self.eras[era].key}")

    def _on_timeline_event_tapped(self, index: int) -> None:
        self.open_event(index)
        self.item_tapped.emit(f"event:{index}")

    def _on_track_seek_requested(self, fraction: float, animated: bool) -> None:
        self.timeline.scroll_to_fraction(fraction, animated=animated)

    def _on_detail_step_requested(self, step: int) -> None:
        if self.detail.index is not None:
            self.open_event(self.detail.index + step)
