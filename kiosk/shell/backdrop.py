"""A generated, abstract industrial backdrop: a perspective floor grid and a network of
nodes and links, painted once per size into a pixmap; travelling pulses move along the
links. Deterministic (seeded), so screenshots are stable."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen, QPixmap, QRadialGradient

from kiosk.theme import Theme


@dataclass(frozen=True)
class Network:
    nodes: list[tuple[float, float]]
    """Node positions in 0…1 units of the backdrop."""
    edges: list[tuple[int, int]]
    hubs: frozenset[int]


def make_network(seed: int = 1897, columns: int = 11, rows: int = 7) -> Network:
    rng = random.Random(seed)
    nodes: list[tuple[float, float]] = []
    for r in range(rows):
        for c in range(columns):
            x = (c + 0.5 + rng.uniform(-0.38, 0.38)) / columns
            y = (r + 0.5 + rng.uniform(-0.38, 0.38)) / rows
            nodes.append((x, y))
    edges: set[tuple[int, int]] = set()
    for i, (x, y) in enumerate(nodes):
        near = sorted(range(len(nodes)), key=lambda j: (nodes[j][0] - x) ** 2 + (nodes[j][1] - y) ** 2)
        for j in near[1 : 2 + rng.randint(1, 2)]:
            edges.add((min(i, j), max(i, j)))
    hubs = frozenset(rng.sample(range(len(nodes)), k=max(3, len(nodes) // 12)))
    return Network(nodes, sorted(edges), hubs)


NETWORK = make_network()


def _paint_floor(p: QPainter, theme: Theme, w: int, h: int, strength: float) -> None:
    """A perspective floor grid in the lower part: the factory floor, fading into the distance."""
    pal = theme.palette
    horizon = h * 0.55
    vanish = QPointF(w * 0.5, horizon - h * 0.3)
    line_w = max(1.0, theme.px(1.2))

    def floor_pen(alpha: float, y_top: float) -> QPen:
        g = QLinearGradient(0, y_top, 0, h)
        c = QColor(pal.primary)
        c.setAlphaF(0.0)
        g.setColorAt(0.0, c)
        c.setAlphaF(alpha)
        g.setColorAt(1.0, c)
        return QPen(QBrush(g), line_w)

    t = (horizon - vanish.y()) / (h - vanish.y())
    for i in range(-14, 15):
        start = QPointF(w * 0.5 + i * w * 0.22, h)
        top = QPointF(vanish.x() + (start.x() - vanish.x()) * t, horizon)
        p.setPen(floor_pen(0.16 * strength * (1 - abs(i) / 16), horizon))
        p.drawLine(start, top)
    for k in range(1, 12):
        y = horizon + (h - horizon) * (k / 11) ** 1.8
        p.setPen(floor_pen(0.14 * strength, horizon))
        p.drawLine(QPointF(0, y), QPointF(w, y))


def _paint_network(p: QPainter, theme: Theme, w: int, h: int, strength: float, network: Network) -> None:
    """The network: links, then nodes; hubs glow amber."""
    pal = theme.palette
    link = QColor(pal.primary)
    link.setAlphaF(0.22 * strength)
    p.setPen(QPen(link, max(1.0, theme.px(1.5))))
    pts = [QPointF(x * w, y * h) for x, y in network.nodes]
    for i, j in network.edges:
        p.drawLine(pts[i], pts[j])
    p.setPen(Qt.PenStyle.NoPen)
    for i, pt in enumerate(pts):
        if i in network.hubs:
            r = theme.px(26)
            g = QRadialGradient(pt, r)
            c = QColor(pal.accent)
            c.setAlphaF(0.45 * strength)
            g.setColorAt(0, c)
            c.setAlphaF(0.0)
            g.setColorAt(1, c)
            p.setBrush(g)
            p.drawEllipse(pt, r, r)
            c.setAlphaF(0.9 * strength)
            p.setBrush(c)
            p.drawEllipse(pt, theme.px(4.5), theme.px(4.5))
        else:
            c = QColor(pal.primary)
            c.setAlphaF(0.55 * strength)
            p.setBrush(c)
            p.drawEllipse(pt, theme.px(3), theme.px(3))


def paint_backdrop(theme: Theme, size: QSize, *, strength: float = 1.0, network: Network = NETWORK,
                   scale: float = 1.0) -> QPixmap:
    """The static layer at ``size``: gradient, floor grid, links and nodes. With ``scale``
    below 1 the pixmap holds ``size`` × ``scale`` pixels (draw it into a ``size`` rect)."""
    pal = theme.palette
    w, h = max(1, size.width()), max(1, size.height())
    pm = QPixmap(max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale)))
    pm.fill(QColor(pal.background))
    if theme.high_contrast:
        return pm  # a solid background behind text: no glow, grid or network
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(scale, scale)
    glow = QRadialGradient(QPointF(w * 0.72, h * 0.28), max(w, h) * 0.75)
    centre = QColor(pal.primary_faint)
    centre.setAlphaF(min(1.0, 0.75 * strength))
    glow.setColorAt(0.0, centre)
    glow.setColorAt(0.55, QColor(pal.background))
    glow.setColorAt(1.0, QColor(pal.background_deep))
    p.fillRect(QRectF(0, 0, w, h), glow)

    _paint_floor(p, theme, w, h, strength)
    _paint_network(p, theme, w, h, strength, network)
    p.end()
    return pm


def pulses(t: float, count: int = 14, network: Network = NETWORK) -> list[tuple[float, float, float]]:
    """Travelling pulses at time ``t`` (s): ``(x, y, brightness)`` in 0…1 backdrop units."""
    out = []
    n = len(network.edges)
    for k in range(count):
        speed = 0.09 + 0.04 * ((k * 7) % 5) / 5
        phase = t * speed + k * 0.618
        lap = math.floor(phase)
        i, j = network.edges[(k * 37 + lap * 11) % n]
        f = phase - lap
        (x1, y1), (x2, y2) = network.nodes[i], network.nodes[j]
        brightness = math.sin(math.pi * f)
        out.append((x1 + (x2 - x1) * f, y1 + (y2 - y1) * f, brightness))
    return out
