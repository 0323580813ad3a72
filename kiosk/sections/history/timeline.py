"""TimelineView: a horizontal, kinetic, custom-painted timeline of era panels and event cards.

Only the cards in view are painted (from a byte-bounded pixmap cache), so 300 events cost
no more per frame than 8. Dragging flicks with momentum (QScroller); a tap on a card emits
:attr:`event_tapped`; jumps (era chips, the track) animate and a finger landing stops them.
Pictures decode off the UI thread (:class:`~kiosk.widgets.image.ImageLoader`); until one
is ready, and for any event without one, the card shows a generated motif.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRect, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QHideEvent, QImage, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QScroller, QWidget

from kiosk.sections.history.cards import CardRenderer
from kiosk.sections.history.layout import EraInfo, EventInfo, Metrics, TimelineLayout, build_layout
from kiosk.sections.history.paint import paint_axis, paint_edge_fades, paint_pressed
from kiosk.theme import Theme
from kiosk.widgets.image import ImageLoader
from kiosk.widgets.kinetic import make_kinetic
from kiosk.widgets.labels import FollowsLanguage
from kiosk.widgets.progress import progress_animation
from kiosk.widgets.tap import MOUSE_EVENTS, TOUCH_EVENTS, TapTracker

JUMP_MS = 520
REVEAL_MS = 650
CACHE_BYTES = 64 * 1024 * 1024
FADE = 72
"""Width of the edge fades, in design px."""


class TimelineView(FollowsLanguage, QAbstractScrollArea):
    event_tapped = Signal(int)
    current_era_changed = Signal(int)
    visible_span_changed = Signal(float, float)
    """The visible part of the strip as fractions of its width (start, end)."""
    layout_changed = Signal()
    """Cards were placed anew (a resize): era spans and milestone positions changed."""

    def __init__(
        self,
        theme: Theme,
        eras: list[EraInfo],
        events: list[EventInfo],
        lang: str,
        *,
        loader: ImageLoader,
        mouse_drag: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.theme = theme
        self.eras = eras
        self.events = events
        self._lang = lang
        self._loader = loader
        self.metrics = Metrics(theme, portrait=not theme.landscape)
        self.layout_: TimelineLayout | None = None
        self.cards = CardRenderer(theme, self.metrics, eras, events, loader, CACHE_BYTES)
        self._current_era = 0
        self._jump_era: int | None = None
        self._pressed: int | None = None
        self._flinging = False
        self.tracker = TapTracker(theme, press=self._begin, tap=self._finish, cancel=self._cancel_press)
        self._reveal = 1.0

        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        vp = self.viewport()
        vp.setAutoFillBackground(False)
        # Opaque (it paints the page colour itself), so scrolling blits the pixels already
        # drawn and repaints only the strip that comes into view, plus the edge fades.
        vp.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        vp.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.scroller = make_kinetic(self, mouse_drag=mouse_drag, horizontal=True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the page shows a track
        self.scroller.stateChanged.connect(self._on_scroller_state_changed)
        self.bar = self.horizontalScrollBar()  # the axis it scrolls along (VerticalTimelineView: vertical)
        self.bar.valueChanged.connect(self._on_scroll_value_changed)
        loader.ready.connect(self._on_loader_ready)

        self.jump = QVariantAnimation(self)
        self.jump.setObjectName("timeline-jump")
        self.jump.setDuration(JUMP_MS)
        self.jump.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.jump.valueChanged.connect(self._on_jump_value_changed)
        self.jump.stateChanged.connect(self._on_jump_state_changed)

        self.reveal = progress_animation(self, "timeline-reveal", self._on_reveal_value_changed, duration_ms=REVEAL_MS)

    # -- queries --------------------------------------------------------------------------
    @property
    def value(self) -> int:
        return self.bar.value()

    @property
    def maximum(self) -> int:
        return self.bar.maximum()

    @property
    def current_era(self) -> int:
        return self._current_era

    @property
    def pressed_event(self) -> int | None:
        return self._pressed

    def ensure_layout(self) -> TimelineLayout:
        if self.layout_ is None or self.layout_.height != self.viewport().height():
            self._relayout()
        assert self.layout_ is not None
        return self.layout_

    def event_rect(self, index: int) -> QRect:
        """Event ``index``'s card in viewport coordinates."""
        return self.ensure_layout().events[index].rect.translated(-self.value, 0)

    def era_rect(self, era: int) -> QRect:
        return self.ensure_layout().eras[era].rect.translated(-self.value, 0)

    def visible_events(self, *, fully: bool = False) -> list[int]:
        view = QRect(0, 0, self.viewport().width(), self.viewport().height())
        return self.ensure_layout().visible_events(self.value, view, fully=fully)

    def era_fractions(self) -> list[tuple[float, float]]:
        return self.ensure_layout().era_fractions()

    def event_fractions(self) -> list[tuple[float, bool]]:
        """(centre of each card as a fraction of the strip, featured)."""
        lay = self.ensure_layout()
        return [((s.x + s.width / 2) / lay.width, self.events[s.index].featured) for s in lay.events]

    def visible_span(self) -> tuple[float, float]:
        lay = self.ensure_layout()
        return self.value / lay.width, (self.value + self.viewport().width()) / lay.width

    def era_target(self, era: int) -> int:
        lay = self.ensure_layout()
        return max(0, min(self.maximum, lay.eras[era].x - self.metrics.margin))

    def event_target(self, index: int) -> int:
        """The scroll value that shows card ``index`` fully (centred when it fits)."""
        lay = self.ensure_layout()
        s = lay.events[index]
        vw = self.viewport().width()
        target = s.x - (vw - s.width) // 2 if s.width < vw - 2 * self.metrics.margin else s.x - self.metrics.margin
        return max(0, min(self.maximum, target))

    # -- commands -------------------------------------------------------------------------
    def _language_changed(self, lang: str) -> None:
        """Re-render in ``lang``. The layout is sized for both languages, so nothing moves."""
        self.viewport().update()

    def scroll_to(self, value: int, *, animated: bool = True) -> None:
        self.scroller.stop()
        self.jump.stop()
        value = max(0, min(self.maximum, int(value)))
        if not animated or value == self.value:
            self._jump_era = None
            self.bar.setValue(value)
            self._update_current_era()
            return
        self.jump.setStartValue(self.value)
        self.jump.setEndValue(value)
        self.jump.start()

    def scroll_to_era(self, era: int, *, animated: bool = True) -> None:
        if not 0 <= era < len(self.eras):
            return
        self._set_current_era(era)
        target = self.era_target(era)
        self.scroll_to(target, animated=animated)
        if animated and self.jump.state() == QVariantAnimation.State.Running:
            self._jump_era = era

    def scroll_to_event(self, index: int, *, animated: bool = True) -> None:
        if 0 <= index < len(self.events):
            self.scroll_to(self.event_target(index), animated=animated)

    def scroll_to_fraction(self, fraction: float, *, animated: bool = True) -> None:
        """Centre the window on ``fraction`` of the strip (the position track)."""
        lay = self.ensure_layout()
        self.scroll_to(round(fraction * lay.width - self.viewport().width() / 2), animated=animated)

    def stop(self) -> None:
        """Stop a fling or a jump where it is."""
        self.scroller.stop()
        self.jump.stop()

    def reset(self) -> None:
        """Back to the start, no card pressed, no animation running."""
        self.scroller.stop()
        self.jump.stop()
        self.reveal.stop()
        self._reveal = 1.0
        self._jump_era = None
        self.tracker.reset()
        self.bar.setValue(0)
        self._update_current_era(force=True)
        self.viewport().update()

    def start_reveal(self) -> None:
        self.reveal.stop()
        self._reveal = 0.0
        self.reveal.start()

    def finish(self) -> None:
        """Jump running animations to their end (screenshots, leaving the page)."""
        for anim in (self.jump, self.reveal):
            if anim.state() == QVariantAnimation.State.Running:
                anim.setCurrentTime(anim.totalDuration())
                anim.stop()
        self._reveal = 1.0
        self.viewport().update()

    # -- layout ---------------------------------------------------------------------------
    def _relayout(self) -> None:
        vp = self.viewport()
        old = self.layout_
        anchor = None
        if old is not None and old.slots:
            s = next((s for s in old.visible(self.value, self.value + 1)), old.slots[0])
            anchor = (s.kind, s.index, (self.value - s.x) / max(1, s.width))
        self.layout_ = build_layout(self.metrics, self.eras, self.events, vp.width(), vp.height())
        self.cards.cache.clear()
        bar = self.bar
        bar.blockSignals(True)
        bar.setRange(0, max(0, self.layout_.width - vp.width()))
        bar.setPageStep(max(1, vp.width()))
        bar.setSingleStep(self.theme.px(60))
        if self.metrics.portrait:  # one slot per screen: flicks come to rest on a whole card
            self.scroller.setSnapPositionsX([float(max(0, s.x - self.metrics.margin)) for s in self.layout_.slots])
        if anchor is not None:
            kind, index, frac = anchor
            slots = self.layout_.eras if kind == "era" else self.layout_.events
            s = slots[index]
            bar.setValue(round(s.x + frac * s.width))
        bar.blockSignals(False)
        vp.update()
        self.layout_changed.emit()
        self._emit_window()
        self._update_current_era()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._relayout()

    # -- painting -------------------------------------------------------------------------
    def scrollContentsBy(self, dx: int, dy: int) -> None:
        vp = self.viewport()
        if self._reveal < 1.0 or self._pressed is not None or abs(dx) >= vp.width() // 2:
            vp.update()
            return
        vp.scroll(dx, 0)
        fade = self.theme.px(FADE)
        vp.update(QRect(0, 0, fade, vp.height()))
        vp.update(QRect(vp.width() - fade, 0, fade, vp.height()))

    def paintEvent(self, e: QPaintEvent) -> None:
        lay = self.ensure_layout()
        th = self.theme
        vp = self.viewport()
        off = self.value
        p = QPainter(vp)
        area = e.rect()
        p.fillRect(area, th.color("background"))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = lay.visible(off + area.left() - th.px(24), off + area.right() + th.px(24))
        paint_axis(p, self.metrics, lay, visible, self.events, self._lang, off, vp.width(),
                   lambda x: self._reveal_at(x)[0])
        spread = th.px(24)
        for _n, slot in enumerate(visible):
            alpha, dy = self._reveal_at(slot.x - off)
            if alpha <= 0.0:
                continue
            pm = self.cards.render(slot, self._lang, self.devicePixelRatioF())
            p.setOpacity(alpha)
            p.drawPixmap(QPointF(slot.x - off - spread, slot.top - spread + dy), pm)
            if slot.kind == "event" and slot.index == self._pressed:
                paint_pressed(p, self.metrics, slot.rect.translated(-off, round(dy)))
        p.setOpacity(1.0)
        paint_edge_fades(p, self.theme, vp.rect(), self.theme.px(FADE), off, self.maximum - off)
        p.end()

    def _reveal_at(self, x: float) -> tuple[float, float]:
        if self._reveal >= 1.0:
            return 1.0, 0.0
        vw = max(1, self.viewport().width())
        delay = max(0.0, min(1.0, x / vw)) * 0.45
        t = max(0.0, min(1.0, (self._reveal - delay) / 0.55))
        return t, (1.0 - t) * self.theme.px(48)

    # -- input ----------------------------------------------------------------------------
    def viewportEvent(self, e: QEvent) -> bool:
        t = e.type()
        if t in TOUCH_EVENTS:
            self.tracker.touch_event(e)  # type: ignore[arg-type]
            e.accept()
            return True
        if t in MOUSE_EVENTS:
            if e.source() == Qt.MouseEventSource.MouseEventNotSynthesized:  # type: ignore[attr-defined]
                self.tracker.mouse_event(e)  # type: ignore[arg-type]
            e.accept()
            return True
        return super().viewportEvent(e)

    def _begin(self, pos: QPointF) -> bool:
        """A finger landed: press the event card under it (a touch that catches a fling or a
        jump only stops it)."""
        caught = self._flinging or self.jump.state() == QVariantAnimation.State.Running
        if self.jump.state() == QVariantAnimation.State.Running:
            self.stop()
        slot = None if caught else self.ensure_layout().slot_at(pos.x() + self.value, pos.y())
        self._set_pressed(slot.index if slot is not None and slot.kind == "event" else None)
        return self._pressed is not None

    def _finish(self, pos: QPointF) -> None:
        index = self._pressed
        self._set_pressed(None)
        if index is not None:
            slot = self.ensure_layout().slot_at(pos.x() + self.value, pos.y())
            if slot is not None and slot.kind == "event" and slot.index == index:
                self.event_tapped.emit(index)

    def _cancel_press(self) -> None:
        self._set_pressed(None)

    def _set_pressed(self, index: int | None) -> None:
        if index != self._pressed:
            self._pressed = index
            self.viewport().update()

    def wheelEvent(self, e: QWheelEvent) -> None:
        """A mouse wheel (desktop trials) scrolls sideways."""
        delta = e.angleDelta()
        step = delta.x() if abs(delta.x()) > abs(delta.y()) else delta.y()
        if step:
            self.stop()
            bar = self.bar
            bar.setValue(bar.value() - round(step / 120 * self.theme.px(160)))
        e.accept()

    def hideEvent(self, e: QHideEvent) -> None:
        self.tracker.reset()
        super().hideEvent(e)

    # -- slots ----------------------------------------------------------------------------
    def _on_scroller_state_changed(self, state: QScroller.State) -> None:
        if state == QScroller.State.Scrolling:
            self._flinging = True
            self.tracker.drop()
        elif state == QScroller.State.Dragging:
            self.tracker.drop()
        elif state == QScroller.State.Inactive:
            self._flinging = False

    def _on_scroll_value_changed(self, _value: int) -> None:
        self._emit_window()
        self._update_current_era()

    def _on_jump_value_changed(self, value: float) -> None:
        self.bar.setValue(int(value))

    def _on_jump_state_changed(self, state: QVariantAnimation.State, _old: QVariantAnimation.State) -> None:
        if state == QVariantAnimation.State.Stopped:
            self._jump_era = None
            self._update_current_era()

    def _on_reveal_value_changed(self, value: object) -> None:
        self._reveal = float(value)  # type: ignore[arg-type]
        self.viewport().update()

    def _on_loader_ready(self, key: object, image: QImage | None) -> None:
        if self.cards.image_ready(key, image):
            self.viewport().update()

    # -- helpers --------------------------------------------------------------------------
    def _emit_window(self) -> None:
        if self.layout_ is not None:
            a, b = self.visible_span()
            self.visible_span_changed.emit(a, min(1.0, b))

    def _update_current_era(self, *, force: bool = False) -> None:
        if self.layout_ is None:
            return
        if self._jump_era is not None and not force:
            era = self._jump_era
        else:
            # the era under the reader's eye (left of centre); at the very end, the last one
            share = 0.9 if self.value >= self.maximum > 0 else 0.45
            era = self.layout_.era_at(self.value + self.viewport().width() * share)
        self._set_current_era(era, force=force)

    def _set_current_era(self, era: int, *, force: bool = False) -> None:
        if era != self._current_era or force:
            self._current_era = era
            self.current_era_changed.emit(era)
