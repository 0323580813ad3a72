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

import math
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QEasingCurve,
    QElapsedTimer,
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTouchEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from kiosk.content.model import Hotspot
from kiosk.sections.park.controls import ZoomButton
from kiosk.sections.park.plan_paint import (
    HotspotLayer,
    HotspotShape,
    PlanPicture,
    caption_box,
    notice_box,
    paint_caption,
    paint_notice,
    paint_placeholder,
)
from kiosk.theme import Theme
from kiosk.widgets.touch import TOUCH_EVENTS

#: The deepest zoom, as a multiple of "whole plan".
MAX_ZOOM = 4.0
#: One press of + or − multiplies or divides the zoom by this.
BUTTON_STEP = 1.6
#: A double tap multiplies the zoom by this.
DOUBLE_TAP_STEP = 2.0
ZOOM_MS = 320
GLIDE_MS = 650


class PlanView(QWidget):
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
        self.selected: str | None = None
        self._pressed: str | None = None
        self.scale = 0.0
        self.offset = QPointF()
        self._zoom = 1.0  # relative to fit, kept across resizes
        self._centre = QPointF(self.plan_w / 2, self.plan_h / 2)
        # gesture state
        self._points: dict[int, QPointF] = {}
        self._mode = "idle"  # idle | tap | pan | pinch
        self._multi = False
        self._start = QPointF()
        self._anchor_offset = QPointF()
        self._anchor_scale = 0.0
        self._anchor_plan = QPointF()
        self._anchor_dist = 1.0
        self._samples: list[tuple[int, QPointF]] = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last_tap_ms = -10_000
        self._last_tap_pos = QPointF(-1e6, -1e6)
        self._mouse = False
        # one animation drives zooms and glides: (scale, plan centre) from → to
        self.anim = QVariantAnimation(self)
        self.anim.setObjectName("plan-zoom")
        self.anim.setStartValue(0.0)
        self.anim.setEndValue(1.0)
        self.anim.valueChanged.connect(self._on_anim_value_changed)
        self.anim.finished.connect(self._on_anim_finished)
        self._from = (1.0, QPointF())
        self._to = (1.0, QPointF())
        # controls
        names = labels or {}
        self.zoom_in_button = ZoomButton(theme, "plus", self)
        self.zoom_out_button = ZoomButton(theme, "minus", self)
        self.fit_button = ZoomButton(theme, "fit", self)
        for button, key in ((self.zoom_in_button, "zoom_in"), (self.zoom_out_button, "zoom_out"), (self.fit_button, "fit")):
            button.setAccessibleName(names.get(key, key))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit)

    # -- queries ----------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self._lang

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
        shape = self._by_id[hotspot_id]
        b = shape.bounds
        for fy in (0.5, 0.15, 0.85, 0.05, 0.95):
            for fx in (0.5, 0.15, 0.85, 0.05, 0.95):
                q = QPointF(b.left() + b.width() * fx, b.top() + b.height() * fy)
                if shape.path.contains(q) and self._hit(q) == hotspot_id:
                    return self.map_from_plan(q)
        return self.map_from_plan(b.center())

    def hotspot_at(self, pos: QPointF) -> str | None:
        """The hotspot under a screen point: the smallest containing one, else the nearest
        within a fingertip (so tiny hotspots at low zoom are still easy to hit)."""
        if self.scale <= 0:
            return None
        q = self.map_to_plan(pos)
        hit = self._hit(q)
        if hit is not None:
            return hit
        reach = (self.theme.min_target / 2) / self.scale
        best, best_d = None, reach
        for shape in self.shapes:
            b = shape.bounds
            if b.adjusted(-reach, -reach, reach, reach).contains(q):
                d = shape.distance(q)
                if d < best_d:
                    best, best_d = shape.id, d
        return best

    def _hit(self, q: QPointF) -> str | None:
        best = None
        for shape in self.shapes:
            if shape.bounds.contains(q) and shape.path.contains(q):
                if best is None or shape.area < best.area:
                    best = shape
        return best.id if best else None

    @property
    def pressed_hotspot(self) -> str | None:
        """The hotspot under a finger that is down (drawn pressed), if any."""
        return self._pressed

    @property
    def animating(self) -> bool:
        return self.anim.state() == QVariantAnimation.State.Running

    @property
    def interacting(self) -> bool:
        return bool(self._points) or self._mouse or self.animating

    # -- commands ---------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
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
        self._points.clear()
        self._mode = "idle"
        self._mouse = False
        self._pressed = None
        self.selected = None
        self._last_tap_ms = -10_000
        self._apply(self.fit_scale(), QPointF(self.plan_w / 2, self.plan_h / 2))

    def zoom_in(self) -> None:
        self.zoom_to(self.zoom * BUTTON_STEP)

    def zoom_out(self) -> None:
        self.zoom_to(self.zoom / BUTTON_STEP)

    def fit(self) -> None:
        self._animate_to(self.fit_scale(), QPointF(self.plan_w / 2, self.plan_h / 2), ZOOM_MS)

    def zoom_to(self, zoom: float, anchor: QPointF | None = None, *, animated: bool = True) -> None:
        """Zoom to ``zoom`` × "whole plan", keeping the plan point under ``anchor``
        (default: the view's centre) where it is."""
        fit = self.fit_scale()
        if fit <= 0:
            return
        target = self._clamp_scale(fit * zoom)
        anchor = anchor if anchor is not None else self._view_centre()
        q = self.map_to_plan(anchor)
        offset = self._clamp_offset(target, anchor - q * target)
        centre = self._centre_for(target, offset)
        if animated:
            self._animate_to(target, centre, ZOOM_MS)
        else:
            self._apply(target, centre)

    # -- transform helpers --------------------------------------------------------------
    def _view_centre(self) -> QPointF:
        return QPointF(self.width() / 2, self.height() / 2)

    def _clamp_scale(self, scale: float) -> float:
        fit = self.fit_scale()
        return min(max(scale, fit), fit * MAX_ZOOM)

    def _clamp_offset(self, scale: float, offset: QPointF) -> QPointF:
        vw, vh = float(self.width()), float(self.height())
        pw, ph = self.plan_w * scale, self.plan_h * scale
        x = (vw - pw) / 2 if pw <= vw else min(0.0, max(vw - pw, offset.x()))
        y = (vh - ph) / 2 if ph <= vh else min(0.0, max(vh - ph, offset.y()))
        return QPointF(x, y)

    def _centre_for(self, scale: float, offset: QPointF) -> QPointF:
        c = self._view_centre()
        return QPointF((c.x() - offset.x()) / scale, (c.y() - offset.y()) / scale)

    def _set_view(self, scale: float, offset: QPointF) -> None:
        scale = self._clamp_scale(scale)
        if scale <= 0:
            return
        offset = self._clamp_offset(scale, offset)
        if abs(scale - self.scale) < 1e-9 and (offset - self.offset).manhattanLength() < 1e-6:
            return
        self.scale, self.offset = scale, offset
        fit = self.fit_scale()
        self._zoom = scale / fit if fit else 1.0
        self._centre = self._centre_for(scale, offset)
        self._update_buttons()
        self.update()
        self.view_changed.emit()

    def _apply(self, scale: float, centre: QPointF) -> None:
        scale = self._clamp_scale(scale)
        c = self._view_centre()
        self._set_view(scale, QPointF(c.x() - centre.x() * scale, c.y() - centre.y() * scale))

    def _animate_to(self, scale: float, centre: QPointF, duration: int, curve: QEasingCurve.Type = QEasingCurve.Type.InOutCubic) -> None:
        self.anim.stop()
        scale = self._clamp_scale(scale)
        if self.scale <= 0:
            self._apply(scale, centre)
            return
        offset = self._clamp_offset(scale, self._view_centre() - centre * scale)
        centre = self._centre_for(scale, offset)
        self._from = (self.scale, self._centre_for(self.scale, self.offset))
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
        m = self.theme.px(24)
        gap = self.theme.space("sm")
        b = self.zoom_in_button.width()
        x = self.width() - m - b
        y = self.height() - m - b
        for button in (self.fit_button, self.zoom_out_button, self.zoom_in_button):
            button.move(x, y)
            y -= b + (gap * 2 if button is self.fit_button else gap)

    def event(self, e: QEvent) -> bool:
        if e.type() in TOUCH_EVENTS:
            self._touch(e)  # type: ignore[arg-type]
            e.accept()
            return True
        return super().event(e)

    def _now(self) -> int:
        return self._clock.elapsed()

    def _touch(self, e: QTouchEvent) -> None:
        t = e.type()
        if t == QEvent.Type.TouchCancel:
            self._cancel()
            return
        if t == QEvent.Type.TouchBegin:
            self._points.clear()
            self._multi = False
            self._on_first_touch()
        before = len(self._points)
        released: QPointF | None = None
        for pt in e.points():
            if pt.state() == pt.State.Released:
                if self._points.pop(pt.id(), None) is not None:
                    released = pt.position()
            else:
                self._points[pt.id()] = QPointF(pt.position())
        if t == QEvent.Type.TouchEnd:
            last = released if released is not None else (e.points()[0].position() if e.points() else QPointF())
            self._points.clear()
            self._end(QPointF(last))
            return
        if t == QEvent.Type.TouchBegin or len(self._points) != before:
            self._regrip()
        else:
            self._follow()

    def _on_first_touch(self) -> None:
        self.interacted.emit()

    def _regrip(self) -> None:
        """The number of fingers changed: re-anchor the gesture."""
        self.anim.stop()
        pts = list(self._points.values())
        if not pts:
            return
        if len(pts) >= 2:
            self._multi = True
            self._pressed_off()
            a, b = pts[0], pts[1]
            mid = (a + b) / 2
            self._mode = "pinch"
            self._anchor_dist = max(1.0, math.hypot(a.x() - b.x(), a.y() - b.y()))
            self._anchor_scale = self.scale
            self._anchor_plan = self.map_to_plan(mid)
            return
        p = pts[0]
        if self._mode == "idle":
            self._mode = "tap"
            self._start = QPointF(p)
            hit = self.hotspot_at(p)
            if hit != self._pressed:
                self._pressed = hit
                self.update()
        else:  # back to one finger after a pinch: keep panning from here
            self._mode = "pan"
        self._anchor_offset = QPointF(self.offset)
        self._start = QPointF(p)
        self._samples = [(self._now(), QPointF(p))]

    def _follow(self) -> None:
        pts = list(self._points.values())
        if not pts:
            return
        if self._mode == "pinch" and len(pts) >= 2:
            a, b = pts[0], pts[1]
            mid = (a + b) / 2
            dist = max(1.0, math.hypot(a.x() - b.x(), a.y() - b.y()))
            scale = self._clamp_scale(self._anchor_scale * dist / self._anchor_dist)
            self._set_view(scale, mid - self._anchor_plan * scale)
            return
        p = pts[0]
        if self._mode == "tap":
            d = p - self._start
            if max(abs(d.x()), abs(d.y())) > self._slop():
                self._mode = "pan"
                self._pressed_off()
        if self._mode == "pan":
            self._set_view(self.scale, self._anchor_offset + (p - self._start))
            self._samples.append((self._now(), QPointF(p)))
            self._samples = self._samples[-6:]

    def _end(self, pos: QPointF) -> None:
        mode, multi = self._mode, self._multi
        self._mode = "idle"
        self._multi = False
        pressed = self._pressed
        self._pressed_off()
        if mode == "tap" and not multi:
            self._tap(pos, pressed)
        elif mode == "pan":
            self._glide()
        self.update()

    def _cancel(self) -> None:
        self._points.clear()
        self._mode = "idle"
        self._multi = False
        self._mouse = False
        self._pressed_off()
        self.update()

    def _pressed_off(self) -> None:
        if self._pressed is not None:
            self._pressed = None
            self.update()

    def _slop(self) -> float:
        return float(max(self.theme.mm(4), self.theme.px(24)))

    def _tap(self, pos: QPointF, pressed: str | None) -> None:
        now = self._now()
        interval = QApplication.styleHints().mouseDoubleClickInterval()
        near = (pos - self._last_tap_pos).manhattanLength() <= self.theme.min_target
        double = now - self._last_tap_ms <= interval and near
        self._last_tap_ms = -10_000 if double else now
        self._last_tap_pos = QPointF(pos)
        hit = self.hotspot_at(pos)
        if hit is not None:
            self.hotspot_tapped.emit(hit)
        else:
            self.background_tapped.emit()
        if double:
            if self.zoom >= MAX_ZOOM - 1e-3:
                self.fit()
            else:
                self.zoom_to(self.zoom * DOUBLE_TAP_STEP, pos)

    def _glide(self) -> None:
        """Keep moving a little after a flick (velocity from the last ~100 ms)."""
        if len(self._samples) < 2:
            return
        t1, p1 = self._samples[-1]
        t0, p0 = next(((t, p) for t, p in self._samples if t1 - t <= 100), self._samples[0])
        dt = t1 - t0
        if dt < 8:
            return  # too few real milliseconds to know a speed
        v = (p1 - p0) / dt  # px per ms
        speed = math.hypot(v.x(), v.y())
        if speed < 0.3:
            return
        cap = self.theme.px(6)
        if speed > cap:
            v = v * (cap / speed)
        travel = v * (GLIDE_MS / 3)
        target = self._clamp_offset(self.scale, self.offset + travel)
        if (target - self.offset).manhattanLength() < 2:
            return
        self._animate_to(self.scale, self._centre_for(self.scale, target), GLIDE_MS, QEasingCurve.Type.OutCubic)

    # mouse (desktop trials; touch never arrives as mouse here because touch is accepted)
    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton and not self._points:
            self._on_first_touch()
            self._mouse = True
            self._points = {-1: QPointF(e.position())}
            self._multi = False
            self._regrip()
            self._points.clear()
        e.accept()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if self._mouse:
            self._points = {-1: QPointF(e.position())}
            self._follow()
            self._points.clear()
        e.accept()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if self._mouse and e.button() == Qt.MouseButton.LeftButton:
            self._mouse = False
            self._end(QPointF(e.position()))
        e.accept()

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        self.mousePressEvent(e)  # the second press; the release completes a double tap

    def wheelEvent(self, e: QWheelEvent) -> None:
        steps = e.angleDelta().y() / 120
        if steps:
            self.zoom_to(self.zoom * (1.25 ** steps), e.position(), animated=False)
        e.accept()

    def hideEvent(self, e: QEvent) -> None:
        self._cancel()
        super().hideEvent(e)  # type: ignore[arg-type]

    # -- painting -----------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(1000), self.theme.px(625))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.theme.px(320), self.theme.px(240))

    def paintEvent(self, _e: QPaintEvent) -> None:
        t = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        view = QRectF(self.rect())
        radius = t.radius("lg")
        frame = QPainterPath()
        frame.addRoundedRect(view.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        p.setClipRect(view)  # a rect clip: a path clip would make every fill ~10× dearer
        p.fillRect(view, t.color("surface"))
        note, note_lines = caption_box(t, view, self.caption, self.zoom_in_button.x() - t.space("md") - view.left())
        notice_text = self.unavailable_text if not self.picture.ok else ""
        notice = notice_box(t, view, notice_text)
        if self.scale > 0:
            self._paint_plan(p, view)
            # labels keep clear of the controls and the notes
            blocked = [QRectF(b.geometry()) for b in (self.zoom_in_button, self.zoom_out_button, self.fit_button)]
            blocked += [r for r in (note, notice) if not r.isEmpty()]
            self.layer.paint(p, self.transform(), view, self._lang, self.selected, self._pressed, blocked)
        paint_caption(p, t, note, note_lines)
        paint_notice(p, t, notice, notice_text)
        corners = QPainterPath()
        corners.addRect(view)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(t.color("background"))
        p.drawPath(corners.subtracted(frame))  # round the corners
        p.setPen(QPen(t.color("line_strong"), max(1.0, t.px(1.5))))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(frame)
        p.end()

    def _paint_plan(self, p: QPainter, view: QRectF) -> None:
        dpr = self.devicePixelRatioF()
        rect = self.plan_rect()
        if not self.picture.ok:
            paint_placeholder(p, self.theme, rect)
            return
        if self.interacting:  # moving: a scaled blit of a cached whole-plan image
            base = self.picture.base(self.scale, self.fit_scale(), dpr)
            if base is not None:
                p.drawImage(rect, base, QRectF(base.rect()))
        else:  # at rest: the visible part rendered at exactly this scale, blitted 1:1
            sharp = self.picture.sharp(self.size(), self.scale, self.offset, dpr)
            if sharp is not None:
                p.drawImage(view.topLeft(), sharp)
