"""VerticalTimelineView: the portrait timeline, read top to bottom (axis down the left, era
panels as headings, event cards stacked). Same behaviour as :class:`TimelineView` — kinetic
flicks, tap a card, era jumps, reveal — along the vertical axis, so a sideways swipe over it
is free for the section swipe."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt, QVariantAnimation
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.sections.history.layout import EraInfo, EventInfo, Slot
from kiosk.sections.history.paint import paint_pressed
from kiosk.sections.history.timeline import FADE, TimelineView
from kiosk.sections.history.vlayout import (
    VerticalLayout,
    build_vertical_layout,
    paint_vertical_axis,
    paint_vertical_fades,
)
from kiosk.theme import Theme
from kiosk.widgets.image import ImageLoader
from kiosk.widgets.kinetic import make_kinetic


class VerticalTimelineView(TimelineView):
    def __init__(self, theme: Theme, eras: list[EraInfo], events: list[EventInfo], lang: str, *,
                 loader: ImageLoader, mouse_drag: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(theme, eras, events, lang, loader=loader, mouse_drag=mouse_drag, parent=parent)
        self.bar = self.verticalScrollBar()
        self.scroller = make_kinetic(self, mouse_drag=mouse_drag, horizontal=False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the page shows a track
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bar.valueChanged.connect(self._on_scroll_value_changed)

    @property
    def vlayout(self) -> VerticalLayout:
        lay = self.ensure_layout()
        assert isinstance(lay, VerticalLayout)
        return lay

    # -- queries (along y) ----------------------------------------------------------------
    def event_rect(self, index: int) -> QRect:
        return self.ensure_layout().events[index].rect.translated(0, -self.value)

    def era_rect(self, era: int) -> QRect:
        return self.ensure_layout().eras[era].rect.translated(0, -self.value)

    def event_fractions(self) -> list[tuple[float, bool]]:
        lay = self.vlayout
        return [((s.top + s.height / 2) / lay.extent, self.events[s.index].featured) for s in lay.events]

    def visible_span(self) -> tuple[float, float]:
        lay = self.vlayout
        return self.value / lay.extent, (self.value + self.viewport().height()) / lay.extent

    def era_target(self, era: int) -> int:
        return max(0, min(self.maximum, self.vlayout.eras[era].top - self.theme.px(16)))

    def event_target(self, index: int) -> int:
        """The scroll value that shows card ``index`` (and its date) from its top."""
        s = self.vlayout.events[index]
        return max(0, min(self.maximum, s.top - self.metrics.card_top - self.theme.px(16)))

    def scroll_to_fraction(self, fraction: float, *, animated: bool = True) -> None:
        self.scroll_to(round(fraction * self.vlayout.extent - self.viewport().height() / 2), animated=animated)

    # -- layout ---------------------------------------------------------------------------
    def _language_changed(self, lang: str) -> None:
        """Cards are sized for the language shown: lay out anew, the same card in view."""
        self._relayout()

    def _relayout(self) -> None:
        vp = self.viewport()
        old = self.layout_
        anchor = None
        if isinstance(old, VerticalLayout) and old.slots:
            # the first slot that starts in view keeps its place; else the one filling it
            s = next((s for s in old.slots if self.value <= s.top < self.value + vp.height()), None) or next(
                (s for s in old.visible(self.value, self.value + 1)), old.slots[0])
            anchor = (s.kind, s.index, self.value - s.top, s.height)
        lay = build_vertical_layout(self.metrics, self.eras, self.events, vp.width(), vp.height(), self._lang)
        self.layout_ = lay
        self.cards.cache.clear()
        bar = self.bar
        bar.blockSignals(True)
        bar.setRange(0, max(0, lay.extent - vp.height()))
        bar.setPageStep(max(1, vp.height()))
        bar.setSingleStep(self.theme.px(60))
        if anchor is not None:  # the same slot at the same place (scaled when inside it)
            kind, index, offset, height = anchor
            s = (lay.eras if kind == "era" else lay.events)[index]
            bar.setValue(s.top + (offset if offset < 0 else round(offset * s.height / max(1, height))))
        bar.blockSignals(False)
        vp.update()
        self.layout_changed.emit()
        self._emit_window()
        self._update_current_era()

    # -- painting -------------------------------------------------------------------------
    def scrollContentsBy(self, dx: int, dy: int) -> None:
        vp = self.viewport()
        if self._reveal < 1.0 or self._pressed is not None or abs(dy) >= vp.height() // 2:
            vp.update()
            return
        vp.scroll(0, dy)
        fade = self.theme.px(FADE)
        vp.update(QRect(0, 0, vp.width(), fade))
        vp.update(QRect(0, vp.height() - fade, vp.width(), fade))

    def paintEvent(self, e: QPaintEvent) -> None:
        lay = self.vlayout
        th = self.theme
        vp = self.viewport()
        off = self.value
        p = QPainter(vp)
        area = e.rect()
        p.fillRect(area, th.color("background"))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = lay.visible(off + area.top() - th.px(24), off + area.bottom() + th.px(24))
        paint_vertical_axis(p, self.metrics, lay, visible, self.events, self._lang, off, vp.height(),
                            lambda y: self._reveal_at_y(y)[0])
        spread = th.px(24)
        for slot in visible:
            alpha, dy = self._reveal_at_y(slot.top - off)
            if alpha <= 0.0:
                continue
            pm = self.cards.render(slot, self._lang, self.devicePixelRatioF())
            p.setOpacity(alpha)
            p.drawPixmap(QPointF(slot.x - spread, slot.top - off - spread + dy), pm)
            if slot.kind == "event" and slot.index == self._pressed:
                paint_pressed(p, self.metrics, slot.rect.translated(0, round(dy) - off))
        p.setOpacity(1.0)
        paint_vertical_fades(p, th, vp.rect(), th.px(FADE), off, self.maximum - off)
        p.end()

    def _reveal_at_y(self, y: float) -> tuple[float, float]:
        """The reveal cascades downwards (the base cascades rightwards)."""
        return self._reveal_at(y * self.viewport().width() / max(1, self.viewport().height()))

    # -- input ----------------------------------------------------------------------------
    def _slot_under(self, pos: QPointF) -> Slot | None:
        return self.vlayout.slot_at(pos.x(), pos.y() + self.value)

    def _begin(self, pos: QPointF) -> bool:
        caught = self._flinging or self.jump.state() == QVariantAnimation.State.Running
        if self.jump.state() == QVariantAnimation.State.Running:
            self.stop()
        slot = None if caught else self._slot_under(pos)
        self._set_pressed(slot.index if slot is not None and slot.kind == "event" else None)
        return self._pressed is not None

    def _finish(self, pos: QPointF) -> None:
        index = self._pressed
        self._set_pressed(None)
        if index is not None:
            slot = self._slot_under(pos)
            if slot is not None and slot.kind == "event" and slot.index == index:
                self.event_tapped.emit(index)

    # -- helpers --------------------------------------------------------------------------
    def _update_current_era(self, *, force: bool = False) -> None:
        if not isinstance(self.layout_, VerticalLayout):
            return
        if self._jump_era is not None and not force:
            era = self._jump_era
        else:  # the era under the reader's eye (upper third); at the very end, the last one
            share = 0.95 if self.value >= self.maximum > 0 else 0.3
            era = self.layout_.era_at(self.value + self.viewport().height() * share)
        self._set_current_era(era, force=force)
