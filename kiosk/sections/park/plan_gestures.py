"""PlanGestures: what fingers (and the mouse) do to the park plan.

One finger pans (with a glide after a flick), two pinch-zoom around their midpoint, a tap
(the shared :class:`~kiosk.widgets.tap.TapTracker`: one finger within the slop, no second
finger) opens a hotspot or clears the selection, and a double tap zooms in (or back to fit
at the maximum zoom). The view owns the picture and the transform; this owns the gesture."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QElapsedTimer, QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication

from kiosk.widgets.tap import TapTracker

if TYPE_CHECKING:
    from kiosk.sections.park.plan_view import PlanView

#: The deepest zoom, as a multiple of "whole plan".
MAX_ZOOM = 4.0
#: A double tap multiplies the zoom by this.
DOUBLE_TAP_STEP = 2.0
GLIDE_MS = 650


class PlanGestures:
    def __init__(self, view: PlanView) -> None:
        self.view = view
        self._points: dict[int, QPointF] = {}
        self._mode = "idle"  # idle | tap | pan | pinch
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
        self.tracker = TapTracker(view.theme, press=self._tap_press, tap=self._tap_release,
                                  cancel=lambda: view.set_pressed(None))

    @property
    def active(self) -> bool:
        """A finger or the mouse button is down."""
        return bool(self._points) or self._mouse

    def reset(self) -> None:
        """No gesture in progress and no pending double tap (idle reset)."""
        self.tracker.reset()
        self._points.clear()
        self._mode = "idle"
        self._mouse = False
        self._last_tap_ms = -10_000

    def cancel(self) -> None:
        self.tracker.reset()
        self._points.clear()
        self._mode = "idle"
        self._mouse = False
        self.view.set_pressed(None)
        self.view.update()

    def _now(self) -> int:
        return self._clock.elapsed()

    # -- touch ------------------------------------------------------------------------
    def touch(self, e: QTouchEvent) -> None:
        self.tracker.touch_event(e)  # taps; the code below pans and pinches
        t = e.type()
        if t == QEvent.Type.TouchCancel:
            self.cancel()
            return
        if t == QEvent.Type.TouchBegin:
            self._points.clear()
            self.view.interacted.emit()
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

    def _regrip(self) -> None:
        """The number of fingers changed: re-anchor the gesture."""
        view = self.view
        view.anim.stop()
        pts = list(self._points.values())
        if not pts:
            return
        if len(pts) >= 2:
            view.set_pressed(None)
            a, b = pts[0], pts[1]
            self._mode = "pinch"
            self._anchor_dist = max(1.0, math.hypot(a.x() - b.x(), a.y() - b.y()))
            self._anchor_scale = view.scale
            self._anchor_plan = view.map_to_plan((a + b) / 2)
            return
        p = pts[0]
        # one finger: the tracker has the press (tap mode); the plan pans once it lets go,
        # and keeps panning when a pinch goes back to one finger
        self._mode = "tap" if self._mode == "idle" else "pan"
        self._anchor_offset = QPointF(view.offset)
        self._start = QPointF(p)
        self._samples = [(self._now(), QPointF(p))]

    def _follow(self) -> None:
        view = self.view
        pts = list(self._points.values())
        if not pts:
            return
        if self._mode == "pinch" and len(pts) >= 2:
            a, b = pts[0], pts[1]
            mid = (a + b) / 2
            dist = max(1.0, math.hypot(a.x() - b.x(), a.y() - b.y()))
            scale = view.clamp_scale(self._anchor_scale * dist / self._anchor_dist)
            view.set_view(scale, mid - self._anchor_plan * scale)
            return
        p = pts[0]
        if self._mode == "tap" and not self.tracker.live:
            self._mode = "pan"  # moved past the slop: a drag, not a tap
        if self._mode == "pan":
            view.set_view(view.scale, self._anchor_offset + (p - self._start))
            self._samples.append((self._now(), QPointF(p)))
            self._samples = self._samples[-6:]

    def _end(self, pos: QPointF) -> None:
        mode = self._mode
        self._mode = "idle"
        self.view.set_pressed(None)
        if mode == "pan":
            self._glide()
        self.view.update()

    # -- taps -------------------------------------------------------------------------
    def _tap_press(self, pos: QPointF) -> bool:
        self.view.set_pressed(self.view.hotspot_at(pos))
        return True  # a tap on the background is a tap too

    def _tap_release(self, pos: QPointF) -> None:
        view = self.view
        view.set_pressed(None)
        now = self._now()
        interval = QApplication.styleHints().mouseDoubleClickInterval()
        near = (pos - self._last_tap_pos).manhattanLength() <= view.theme.min_target
        double = now - self._last_tap_ms <= interval and near
        self._last_tap_ms = -10_000 if double else now
        self._last_tap_pos = QPointF(pos)
        hit = view.hotspot_at(pos)
        if hit is not None:
            view.hotspot_tapped.emit(hit)
        else:
            view.background_tapped.emit()
        if double:
            if view.zoom >= MAX_ZOOM - 1e-3:
                view.fit()
            else:
                view.zoom_to(view.zoom * DOUBLE_TAP_STEP, pos)

    def _glide(self) -> None:
        """Keep moving a little after a flick (velocity from the last ~100 ms)."""
        view = self.view
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
        cap = view.theme.px(6)
        if speed > cap:
            v = v * (cap / speed)
        travel = v * (GLIDE_MS / 3)
        target = view.clamp_offset(view.scale, view.offset + travel)
        if (target - view.offset).manhattanLength() < 2:
            return
        view.animate_to(view.scale, view.centre_for(view.scale, target), GLIDE_MS, QEasingCurve.Type.OutCubic)

    # -- mouse (desktop trials) -----------------------------------------------------------
    def mouse_press(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton and not self._points:
            self.tracker.mouse_event(e)
            self.view.interacted.emit()
            self._mouse = True
            self._points = {-1: QPointF(e.position())}
            self._regrip()
            self._points.clear()

    def mouse_move(self, e: QMouseEvent) -> None:
        if self._mouse:
            self.tracker.mouse_event(e)
            self._points = {-1: QPointF(e.position())}
            self._follow()
            self._points.clear()

    def mouse_release(self, e: QMouseEvent) -> None:
        if self._mouse and e.button() == Qt.MouseButton.LeftButton:
            self._mouse = False
            self.tracker.mouse_event(e)
            self._end(QPointF(e.position()))
