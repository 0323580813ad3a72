"""PlanView: the park plan, zoomable and pannable by touch, with tappable hotspots.

* one finger drags the plan (with a short glide when flicked); a tap on a hotspot emits
  :attr:`PlanView.hotspot_tapped`, a tap on empty plan :attr:`PlanView.background_tapped`;
* two fingers pinch-zoom around their midpoint (and pan as they move);
* a double tap zooms in around the finger (at full zoom: back to the whole plan);
* +, − and "whole plan" buttons do the same for one-finger visitors, animated.

The view is bounded: the zoom stays between "whole plan" and :data:`MAX_ZOOM` × that, and
the plan always covers the view along any axis where it is larger than the view, and is
centred along any axis where it is smaller — it can never be lost off-screen.

The transform is ``screen = offset + plan × scale`` (plan units = the SVG's viewBox).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, QSize, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.model import Hotspot
from kiosk.sections.park import plan_notes as notes
from kiosk.sections.park.controls import ZoomButton, place_zoom_buttons
from kiosk.sections.park.plan_gestures import MAX_ZOOM, PlanGestures
from kiosk.sections.park.plan_paint import HotspotLayer, HotspotShape, hit_near, hit_smallest, inner_point
from kiosk.sections.park.plan_picture import PlanPicture
from kiosk.sections.park.plan_rest import RestFrame, paint_view, rest_key
from kiosk.theme import Theme
from kiosk.widgets.labels import FollowsLanguage
from kiosk.widgets.progress import progress_animation
from kiosk.widgets.tap import TOUCH_EVENTS

#: One press of + or − multiplies or divides the zoom by this.
BUTTON_STEP = 1.6
ZOOM_MS = 320


class PlanView(FollowsLanguage, QWidget):
    hotspot_tapped = Signal(str)
    background_tapped = Signal()
    interacted = Signal()
    """A finger (or the mouse) landed on the plan."""
    view_changed = Signal()
    """The zoom or position changed."""

    def __init__(
        self,
        theme: Theme,
        svg: Path | None,
        plan_size: tuple[float, float],
        hotspots: Sequence[Hotspot],
        lang: str,
        *,
        unavailable_text: str = "",
        labels: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self._lang = lang
        self.unavailable_text = unavailable_text
        self.caption: list[tuple[str, str]] = []
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plan_w, self.plan_h = float(plan_size[0]), float(plan_size[1])
        self.picture = PlanPicture(svg, (self.plan_w, self.plan_h))
        self.shapes = [HotspotShape.of(h) for h in hotspots]
        self._by_id = {s.id: s for s in self.shapes}
        self.layer = HotspotLayer(theme, self.shapes)
        self.rest = RestFrame()  # the plan at rest, painted once (see plan_rest)
        self.selected: str | None = None
        self._pressed: str | None = None
        self.scale = 0.0
        self.offset = QPointF()
        self._zoom = 1.0  # relative to fit, kept across resizes
        self._centre = QPointF(self.plan_w / 2, self.plan_h / 2)
        self.gestures = PlanGestures(self)
        # one animation drives zooms and glides: (scale, plan centre) from → to
        self.anim = progress_animation(self, "plan-zoom", self._on_anim_value_changed, easing=QEasingCurve.Type.Linear)
        self.anim.finished.connect(self._on_anim_finished)
        self._from = (1.0, QPointF())
        self._to = (1.0, QPointF())
        # controls
        names = labels or {}
        self.zoom_in_button = ZoomButton(theme, "plus", self)
        self.zoom_out_button = ZoomButton(theme, "minus", self)
        self.fit_button = ZoomButton(theme, "fit", self)
        for button, key in (
            (self.zoom_in_button, "zoom_in"),
            (self.zoom_out_button, "zoom_out"),
            (self.fit_button, "fit"),
        ):
            button.setAccessibleName(names.get(key, key))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit)

    # -- queries ----------------------------------------------------------------------
    @property
    def has_plan(self) -> bool:
        return self.picture.ok

    def fit_scale(self) -> float:
        if self.width() <= 0 or self.height() <= 0:
            return 0.0
        return min(self.width() / self.plan_w, self.height() / self.plan_h)

    @property
    def zoom(self) -> float:
        """The zoom as a multiple of "whole plan" (1.0 … :data:`MAX_ZOOM`)."""
        fit = self.fit_scale()
        return self.scale / fit if fit else 1.0

    def plan_rect(self) -> QRectF:
        """Where the whole plan is on screen (widget coordinates)."""
        return QRectF(self.offset.x(), self.offset.y(), self.plan_w * self.scale, self.plan_h * self.scale)

    def transform(self) -> QTransform:
        return QTransform(self.scale, 0, 0, self.scale, self.offset.x(), self.offset.y())

    def map_to_plan(self, pos: QPointF) -> QPointF:
        s = self.scale or 1.0
        return QPointF((pos.x() - self.offset.x()) / s, (pos.y() - self.offset.y()) / s)

    def map_from_plan(self, pos: QPointF) -> QPointF:
        return QPointF(self.offset.x() + pos.x() * self.scale, self.offset.y() + pos.y() * self.scale)

    def hotspot_rect(self, hotspot_id: str) -> QRectF:
        """A hotspot's bounding box on screen."""
        return self.transform().mapRect(self._by_id[hotspot_id].bounds)

    def hotspot_point(self, hotspot_id: str) -> QPointF:
        """A point inside the hotspot that no smaller hotspot covers (tests tap it)."""
        return self.map_from_plan(inner_point(self._by_id[hotspot_id], self.shapes))

    def hotspot_at(self, pos: QPointF) -> str | None:
        """The hotspot under a screen point: the smallest containing one, else the nearest
        within a fingertip (so tiny hotspots at low zoom are still easy to hit)."""
        if self.scale <= 0:
            return None
        q = self.map_to_plan(pos)
        return hit_smallest(self.shapes, q) or hit_near(self.shapes, q, (self.theme.min_target / 2) / self.scale)

    @property
    def pressed_hotspot(self) -> str | None:
        """The hotspot under a finger that is down (drawn pressed), if any."""
        return self._pressed

    @property
    def language(self) -> str:
        return self._lang

    @property
    def animating(self) -> bool:
        return self.anim.state() == QVariantAnimation.State.Running

    @property
    def interacting(self) -> bool:
        return self.gestures.active or self.animating

    # -- commands ---------------------------------------------------------------------
    def _language_changed(self, lang: str) -> None:
        self.update()

    def set_unavailable_text(self, text: str) -> None:
        self.unavailable_text = text
        self.update()

    def set_caption(self, *lines: str) -> None:
        """A small note in the plan's lower-left corner: the first line (the address)
        bright, the rest ("schematic, not to scale") muted. Empty lines are skipped."""
        self.caption = [(text, "text" if i == 0 else "text_muted") for i, text in enumerate(lines) if text]
        self.update()

    def set_selected(self, hotspot_id: str | None) -> None:
        if hotspot_id is not None and hotspot_id not in self._by_id:
            hotspot_id = None
        if hotspot_id != self.selected:
            self.selected = hotspot_id
            self.update()

    def reset_view(self) -> None:
        """Whole plan, no selection, no gesture in progress (idle reset)."""
        self.anim.stop()
        self.gestures.reset()
        self._pressed = None
        self.selected = None
        self._apply(self.fit_scale(), QPointF(self.plan_w / 2, self.plan_h / 2))

    def zoom_in(self) -> None:
        self.zoom_to(self.zoom * BUTTON_STEP)

    def zoom_out(self) -> None:
        self.zoom_to(self.zoom / BUTTON_STEP)

    def fit(self) -> None:
        self.animate_to(self.fit_scale(), QPointF(self.plan_w / 2, self.plan_h / 2), ZOOM_MS)

    def zoom_to(self, zoom: float, anchor: QPointF | None = None, *, animated: bool = True) -> None:
        """Zoom to ``zoom`` × "whole plan", keeping the plan point under ``anchor``
        (default: the view's centre) where it is."""
        fit = self.fit_scale()
        if fit <= 0:
            return
        target = self.clamp_scale(fit * zoom)
        anchor = anchor if anchor is not None else self._view_centre()
        q = self.map_to_plan(anchor)
        offset = self.clamp_offset(target, anchor - q * target)
        centre = self.centre_for(target, offset)
        if animated:
            self.animate_to(target, centre, ZOOM_MS)
        else:
            self._apply(target, centre)

    # -- transform helpers --------------------------------------------------------------
    def _view_centre(self) -> QPointF:
        return QPointF(self.width() / 2, self.height() / 2)

    def clamp_scale(self, scale: float) -> float:
        fit = self.fit_scale()
        return min(max(scale, fit), fit * MAX_ZOOM)

    def clamp_offset(self, scale: float, offset: QPointF) -> QPointF:
        vw, vh = float(self.width()), float(self.height())
        pw, ph = self.plan_w * scale, self.plan_h * scale
        x = (vw - pw) / 2 if pw <= vw else min(0.0, max(vw - pw, offset.x()))
        y = (vh - ph) / 2 if ph <= vh else min(0.0, max(vh - ph, offset.y()))
        return QPointF(x, y)

    def centre_for(self, scale: float, offset: QPointF) -> QPointF:
        c = self._view_centre()
        return QPointF((c.x() - offset.x()) / scale, (c.y() - offset.y()) / scale)

    def set_view(self, scale: float, offset: QPointF) -> None:
        scale = self.clamp_scale(scale)
        if scale <= 0:
            return
        offset = self.clamp_offset(scale, offset)
        if abs(scale - self.scale) < 1e-9 and (offset - self.offset).manhattanLength() < 1e-6:
            return
        self.scale, self.offset = scale, offset
        fit = self.fit_scale()
        self._zoom = scale / fit if fit else 1.0
        self._centre = self.centre_for(scale, offset)
        self._update_buttons()
        self.update()
        self.view_changed.emit()

    def _apply(self, scale: float, centre: QPointF) -> None:
        scale = self.clamp_scale(scale)
        c = self._view_centre()
        self.set_view(scale, QPointF(c.x() - centre.x() * scale, c.y() - centre.y() * scale))

    def animate_to(
        self, scale: float, centre: QPointF, duration: int, curve: QEasingCurve.Type = QEasingCurve.Type.InOutCubic
    ) -> None:
        self.anim.stop()
        scale = self.clamp_scale(scale)
        if self.scale <= 0:
            self._apply(scale, centre)
            return
        offset = self.clamp_offset(scale, self._view_centre() - centre * scale)
        centre = self.centre_for(scale, offset)
        self._from = (self.scale, self.centre_for(self.scale, self.offset))
        self._to = (scale, centre)
        self.anim.setDuration(duration)
        self.anim.setEasingCurve(curve)
        self.anim.start()

    def _on_anim_value_changed(self, value: object) -> None:
        t = float(value)  # type: ignore[arg-type]
        (s0, c0), (s1, c1) = self._from, self._to
        s = s0 * (s1 / s0) ** t if s0 > 0 else s1
        c = c0 + (c1 - c0) * t
        self._apply(s, c)

    def _on_anim_finished(self) -> None:
        self.update()  # now at rest: render the sharp image

    def set_pressed(self, hotspot_id: str | None) -> None:
        """Draw ``hotspot_id`` pressed (``None``: nothing pressed)."""
        if hotspot_id != self._pressed:
            self._pressed = hotspot_id
            self.update()

    def _update_buttons(self) -> None:
        z = self.zoom
        self.zoom_in_button.set_dimmed(z >= MAX_ZOOM - 1e-3)
        self.zoom_out_button.set_dimmed(z <= 1 + 1e-3)
        self.fit_button.set_dimmed(z <= 1 + 1e-3)

    # -- events -----------------------------------------------------------------------
    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self.picture.invalidate()
        self.anim.stop()
        fit = self.fit_scale()
        if fit > 0:
            self._apply(fit * self._zoom, QPointF(self._centre))
        self._place_buttons()

    def _place_buttons(self) -> None:
        place_zoom_buttons(self.theme, (self.fit_button, self.zoom_out_button, self.zoom_in_button), self.size())

    def event(self, e: QEvent) -> bool:
        if e.type() in TOUCH_EVENTS:
            self.gestures.touch(e)  # type: ignore[arg-type]
            e.accept()
            return True
        return super().event(e)

    # mouse (desktop trials; touch never arrives as mouse here because touch is accepted)
    def mousePressEvent(self, e: QMouseEvent) -> None:
        self.gestures.mouse_press(e)
        e.accept()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        self.gestures.mouse_move(e)
        e.accept()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        self.gestures.mouse_release(e)
        e.accept()

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        self.mousePressEvent(e)  # the second press; the release completes a double tap

    def wheelEvent(self, e: QWheelEvent) -> None:
        steps = e.angleDelta().y() / 120
        if steps:
            self.zoom_to(self.zoom * (1.25**steps), e.position(), animated=False)
        e.accept()

    def hideEvent(self, e: QHideEvent) -> None:
        self.gestures.cancel()
        self.picture.invalidate()  # off screen only the rest frame is kept (≈ 9.6 MB saved at 4K)
        super().hideEvent(e)

    # -- painting -----------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(1000), self.theme.px(625))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.theme.px(320), self.theme.px(240))

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        if self.scale > 0 and not self.interacting:  # at rest: one blit of the cached frame
            self.rest.draw(p, rest_key(self), self.size(), self.devicePixelRatioF(), lambda q: paint_view(self, q))
        else:
            paint_view(self, p)
        p.end()

    def paint_plan(self, p: QPainter, view: QRectF) -> None:
        rect = self.plan_rect()
        if not self.picture.ok:
            notes.paint_placeholder(p, self.theme, rect)
            return
        self.picture.draw(
            p,
            rect,
            view,
            moving=self.interacting,
            scale=self.scale,
            fit_scale=self.fit_scale(),
            offset=self.offset,
            size=self.size(),
            dpr=self.devicePixelRatioF(),
        )
