"""Where the plan's hotspot labels go: every hotspot labelled, no label over another label,
a site's marker, the caption card or the zoom buttons, and as little as possible over
other buildings.

Each label tries a few positions in order (a zone: a tab on its top edge, left then right,
then on its bottom edge, then inside its corners; a building: centred, then its top,
bottom, left or right inside, then just above or below it; a site: below its marker, above, right, left)
and takes the first that is inside the view and clear. If none is clear, the one that
covers least (other labels and markers weigh far more than buildings) after sliding the
first position sideways and up or down. With ``drop_blocked`` (the plan's own labels), a
label that would still cover another label, a marker or a control is left out instead —
a map's usual way when the view is too small for all its names at a legible size (large
text, reach mode's short band): it comes back as the visitor zooms in. Keys in ``keep``
(the selected hotspot) are never left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

HARD = 1000.0
"""Weight of covering a label, a marker or a control against covering a building."""


@dataclass(frozen=True)
class Request:
    key: str
    kind: str
    screen: QRectF
    """The hotspot's bounds on screen."""
    size: tuple[float, float]
    """The label's width and height."""


def _overlap(a: QRectF, b: QRectF) -> float:
    r = a.intersected(b)
    return 0.0 if r.isEmpty() else r.width() * r.height()


def candidates(req: Request, inset: float, gap: float) -> list[QRectF]:
    """The positions ``req``'s label may take, best first."""
    s, (w, h) = req.screen, req.size
    c = s.center()
    if req.kind == "zone":
        spots = [(s.left() + inset, s.top() - h / 2), (s.right() - inset - w, s.top() - h / 2),
                 (s.left() + inset, s.bottom() - h / 2), (s.right() - inset - w, s.bottom() - h / 2),
                 (s.left() + inset, s.top() + inset), (s.right() - inset - w, s.bottom() - inset - h)]
    elif req.kind == "site":
        r = inset + gap * 1.5  # clear of the marker (radius ≈ inset + gap)
        spots = [(c.x() - w / 2, c.y() + r), (c.x() - w / 2, c.y() - r - h),
                 (c.x() + r, c.y() - h / 2), (c.x() - r - w, c.y() - h / 2)]
    else:
        spots = [(c.x() - w / 2, c.y() - h / 2), (c.x() - w / 2, s.top() + inset),
                 (c.x() - w / 2, s.bottom() - inset - h), (s.left() + inset, c.y() - h / 2),
                 (s.right() - inset - w, c.y() - h / 2), (c.x() - w / 2, s.top() - gap - h),
                 (c.x() - w / 2, s.bottom() + gap)]
    return [QRectF(x, y, w, h) for x, y in spots]


def place(requests: list[Request], viewport: QRectF, hard: list[QRectF], *, inset: float, gap: float,
          margin: float, drop_blocked: bool = False, keep: frozenset[str] = frozenset()) -> dict[str, QRectF]:
    """A box for every request (in order: earlier ones get the better spots); with
    ``drop_blocked``, none for a request that finds no place clear of the hard obstacles
    and the labels placed before it (unless its key is in ``keep``)."""
    placed: dict[str, QRectF] = {}
    taken = list(hard)
    others = [(r.key, r.screen) for r in requests if r.kind != "zone"]
    for req in requests:
        blocked, best = _best(req, viewport, taken, others, inset, gap, margin)
        if blocked and drop_blocked and req.key not in keep:
            continue
        placed[req.key] = best
        taken.append(best)
    return placed


def _best(req: Request, viewport: QRectF, taken: list[QRectF], others: list[tuple[str, QRectF]],
          inset: float, gap: float, margin: float) -> tuple[bool, QRectF]:
    """The clear position for ``req``, else the one covering least, and whether that one
    still covers a hard obstacle. Only obstacles near the label's possible positions are
    weighed (100 hotspots stay cheap to place)."""
    w, h = req.size
    reach = req.screen.adjusted(-2 * w - gap, -2 * h - gap, 2 * w + gap, 2 * h + gap)
    near = [o for o in taken if o.intersects(reach)]
    soft = [r for key, r in others if key != req.key and r.intersects(reach)]
    best: tuple[float, float, QRectF] | None = None
    for batch in (candidates(req, inset, gap), _sweep(req, inset, gap)):
        for box in batch:
            if not viewport.contains(box):
                box = _nudge_inside(box, viewport, inset)
            grown = box.adjusted(-margin, -margin, margin, margin)
            hard = sum(_overlap(grown, o) for o in near)
            cost = HARD * hard + sum(_overlap(box, o) for o in soft)
            if not viewport.contains(box):  # wider or taller than the whole view
                hard += box.width() * box.height()
                cost += HARD * box.width() * box.height()
            if cost == 0:
                return False, box
            if best is None or cost < best[0]:
                best = (cost, hard, box)
    assert best is not None
    return best[1] > 0, best[2]


def _sweep(req: Request, inset: float, gap: float) -> list[QRectF]:
    """More positions when the usual ones are taken: the first one slid sideways and up
    or down by quarters of the label, as far as one label's size."""
    base = candidates(req, inset, gap)[0]
    w, h = req.size
    steps = (-1.0, -0.75, -0.5, -0.25, 0.25, 0.5, 0.75, 1.0)
    return [base.translated(dx * w, dy * h) for dy in (0.0, -1.0, 1.0) for dx in steps]


def _nudge_inside(box: QRectF, viewport: QRectF, inset: float) -> QRectF:
    x = min(max(box.left(), viewport.left() + inset), viewport.right() - inset - box.width())
    y = min(max(box.top(), viewport.top() + inset), viewport.bottom() - inset - box.height())
    return QRectF(QPointF(x, y), box.size())


def marker_rect(centre: QPointF, radius: float) -> QRectF:
    return QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
