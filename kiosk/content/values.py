"""Checks that values fit what the screen can show: figures and chart values (sign), the
park's hotspot shapes (inside the plan, simple, with an area) and the timeline's order.
No Qt here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kiosk.content.findings import Severity
from kiosk.content.model import Content, Figure, HistorySection, ParkSection
from kiosk.content.yamlread import Path_

Add = Callable[[Severity, Path_, str], None]
Pt = tuple[float, float]


def area(points: Sequence[Pt]) -> float:
    """The signed area of a polygon (shoelace)."""
    return sum(a[0] * b[1] - b[0] * a[1]
               for a, b in zip(points, [*points[1:], points[0]], strict=True)) / 2


def _cross(o: Pt, a: Pt, b: Pt) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _on(p: Pt, q: Pt, r: Pt) -> bool:
    return min(p[0], r[0]) <= q[0] <= max(p[0], r[0]) and min(p[1], r[1]) <= q[1] <= max(p[1], r[1])


def _intersect(p1: Pt, p2: Pt, q1: Pt, q2: Pt) -> bool:
    d1, d2 = _cross(q1, q2, p1), _cross(q1, q2, p2)
    d3, d4 = _cross(p1, p2, q1), _cross(p1, p2, q2)
    if ((d1 > 0) != (d2 > 0)) and d1 and d2 and ((d3 > 0) != (d4 > 0)) and d3 and d4:
        return True
    return any(d == 0 and _on(a, c, b) for d, a, c, b in
               ((d1, q1, p1, q2), (d2, q1, p2, q2), (d3, p1, q1, p2), (d4, p1, q2, p2)))


CROSSING_BUDGET = 200_000
"""Edge pairs tested for crossings per file: bounds the time any input can take."""


def crossing(points: Sequence[Pt], budget: list[int] | None = None) -> tuple[int, int] | None:
    """The first pair of non-adjacent edges (1-based, edge i runs from point i) that cross.
    Edges are swept by x so only overlapping ones are tested; ``budget`` (a one-item list)
    counts down the pair tests and stops the search when spent."""
    n = len(points)
    edges = sorted(range(n), key=lambda i: min(points[i][0], points[(i + 1) % n][0]))
    budget = budget if budget is not None else [CROSSING_BUDGET]
    for k, i in enumerate(edges):
        a, b = points[i], points[(i + 1) % n]
        right = max(a[0], b[0])
        for j in edges[k + 1 :]:
            c, d = points[j], points[(j + 1) % n]
            if min(c[0], d[0]) > right:
                break
            budget[0] -= 1
            if budget[0] < 0:
                return None
            if abs(i - j) in (1, n - 1):
                continue  # neighbours share a point
            if _intersect(a, b, c, d):
                return min(i, j) + 1, max(i, j) + 1
    return None


def check_values(content: Content, add: Add) -> None:
    budget = [CROSSING_BUDGET]
    for si, s in enumerate(content.sections):
        base: Path_ = ("sections", si)
        if isinstance(s, ParkSection):
            _park(s, base, add, budget)
            for hi, spot in enumerate(s.hotspots):
                _figures(spot.figures, (*base, "hotspots", hi, "figures"), add)
        elif isinstance(s, HistorySection):
            _timeline(s, base, add)
        _figures(getattr(s, "figures", []), (*base, "figures"), add)
    for hi, h in enumerate(content.attract.highlights):
        if h.figure is not None:
            _figures([h.figure], ("attract", "highlights", hi, "figure"), add, single=True)


def _figures(figures: list[Figure], path: Path_, add: Add, *, single: bool = False) -> None:
    for fi, fig in enumerate(figures):
        here = path if single else (*path, fi)
        if fig.value < 0:
            add("warning", (*here, "value"), f"the figure is negative ({fig.value:g}); key "
                "figures are counts, areas and amounts — is the minus sign a typo?")


def _park(s: ParkSection, base: Path_, add: Add, budget: list[int]) -> None:
    w, h = s.plan.width, s.plan.height
    for hi, spot in enumerate(s.hotspots):
        shape = "rect" if spot.rect is not None else "polygon"
        here = (*base, "hotspots", hi, shape)
        points = spot.points()
        outside = [(x, y) for x, y in points if not (0 <= x <= w and 0 <= y <= h)]
        if outside:
            x, y = outside[0]
            add("error", here, f"hotspot '{spot.id}' reaches ({x:g}, {y:g}), outside the "
                f"plan (0–{w:g} × 0–{h:g})")
        if shape == "rect":
            continue
        crossed = crossing(points, budget)
        if crossed:
            add("error", here, f"hotspot '{spot.id}''s outline crosses itself (edges from "
                f"point {crossed[0]} and from point {crossed[1]}): list the points in order "
                "around the shape")
        elif abs(area(points)) < 1e-9 * max(w * h, 1):
            add("error", here, f"hotspot '{spot.id}' has no area (its points lie on one line "
                "or on top of each other): it could never be touched")


def _timeline(s: HistorySection, base: Path_, add: Add) -> None:
    previous = None
    for ei, era in enumerate(s.eras):
        for vi, event in enumerate(era.events):
            key = event.sort_key
            if previous is not None and key < previous:
                add("warning", (*base, "eras", ei, "events", vi, "date"),
                    "this event is dated before the one above it; the timeline shows "
                    "events in the order written")
            previous = key
