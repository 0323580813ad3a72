"""The park plan at rest, painted once and blitted after.

At rest (no finger down, no zoom animating) the whole plan view — the sharp SVG, every
hotspot outline, the placed labels, the caption, the notice and the frame — depends only on
a handful of inputs. :class:`RestFrame` keeps ONE rendered image of it, keyed by all of
them, so a repaint of an unchanged plan (the page transition, a language toggle back, Back
from a detail) is a single blit instead of a re-layout of every label and a redraw of every
hotspot. Anything that changes the picture changes the key:

* the view's size and device pixel ratio, its zoom and position;
* the language, the selected and the pressed hotspot, the caption and the notice text;
* where the zoom buttons sit (labels keep clear of them) and whether the SVG loaded.

Theme and visitor-mode changes rebuild the page (a new view, an empty cache). While the
view moves nothing is cached (each frame differs). Cost: one image of the view, ≈ 9.6 MB
for the 1994×1200 plan at 3840×2160 (≈ 2.4 MB at 1920×1080).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QPainter, QPainterPath, QPixmap

from kiosk.sections.park import plan_notes as notes
from kiosk.widgets.paintcache import render_pixmap

if TYPE_CHECKING:
    from kiosk.sections.park.plan_view import PlanView


class RestFrame:
    """One cached image of a widget's rest state."""

    def __init__(self) -> None:
        self._key: Hashable | None = None
        self._image: QPixmap | None = None
        self.renders = 0
        """How many times the frame was painted afresh (tests read it)."""

    def clear(self) -> None:
        self._key = None
        self._image = None

    @property
    def bytes(self) -> int:
        return 0 if self._image is None else self._image.width() * self._image.height() * self._image.depth() // 8

    def draw(self, p: QPainter, key: Hashable, size: QSize, dpr: float, render: Callable[[QPainter], None]) -> None:
        """Blit the frame for ``key`` (painting it with ``render`` on a miss)."""
        if self._image is None or self._key != key:
            self._image = None  # free the old one before allocating the new
            self._image, self._key = render_pixmap(size, dpr, render), key
            self.renders += 1
        p.drawPixmap(QPointF(0, 0), self._image)


def rest_key(view: PlanView) -> Hashable:
    """Everything the plan view's rest picture depends on (see the module doc)."""
    buttons = tuple(b.geometry().getRect() for b in (view.zoom_in_button, view.zoom_out_button, view.fit_button))
    return (
        view.width(), view.height(), view.devicePixelRatioF(),
        round(view.scale, 9), round(view.offset.x(), 4), round(view.offset.y(), 4),
        view.language, view.selected, view.pressed_hotspot, tuple(view.caption), view.unavailable_text,
        view.picture.ok, buttons,
    )  # fmt: skip


def paint_view(view: PlanView, p: QPainter) -> None:
    """The whole plan view: surface, plan, hotspots and labels, caption, notice, frame."""
    t = view.theme
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    rect = QRectF(view.rect())
    radius = t.radius("lg")
    frame = QPainterPath()
    frame.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    p.setClipRect(rect)  # a rect clip: a path clip would make every fill ~10× dearer
    p.fillRect(rect, t.color("surface"))
    zin, fit = view.zoom_in_button, view.fit_button
    in_row = zin.y() == fit.y()  # a short plan: the note goes on top
    room = rect.width() if in_row else zin.x() - t.space("md") - rect.left()
    note, note_lines = notes.caption_box(t, rect, view.caption, room, top=in_row)
    notice_text = view.unavailable_text if not view.picture.ok else ""
    notice = notes.notice_box(t, rect, notice_text)
    if view.scale > 0:
        view.paint_plan(p, rect)
        # labels keep clear of the controls and the notes
        blocked = [QRectF(b.geometry()) for b in (zin, view.zoom_out_button, fit)]
        blocked += [r for r in (note, notice) if not r.isEmpty()]
        view.layer.paint(p, view.transform(), rect, view.language, view.selected, view.pressed_hotspot, blocked)
    notes.paint_caption(p, t, note, note_lines)
    notes.paint_notice(p, t, notice, notice_text)
    notes.paint_frame(p, t, rect, frame)
