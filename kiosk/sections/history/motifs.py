"""The generated motifs that stand in for an event's missing picture: factory roofs, a bloom of
rings, a network of nodes, a perspective grid. Deterministic per seed."""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
)

from kiosk.theme import Theme

MOTIFS = ("works", "bloom", "network", "grid")


def paint_motif(p: QPainter, theme: Theme, rect: QRectF, style: int, seed: int, *, featured: bool = False) -> None:
    """A calm, generated picture of industry for an event without a photo: factory roofs,
    a blooming flower of rings, a network of nodes, or a perspective grid with rising bars.
    Deterministic: the same ``seed`` always paints the same picture."""
    rng = random.Random(seed * 7919 + style)
    p.save()
    p.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    g = QLinearGradient(rect.topLeft(), rect.bottomRight())
    g.setColorAt(0.0, theme.color("primary_faint"))
    g.setColorAt(1.0, theme.color("background_deep"))
    p.fillRect(rect, g)
    glow = QRadialGradient(
        QPointF(rect.left() + rect.width() * rng.uniform(0.25, 0.75), rect.top() + rect.height() * 0.3),
        max(rect.width(), rect.height()) * 0.7,
    )
    glow.setColorAt(0.0, theme.color("accent" if featured else "primary", 0.28 if featured else 0.22))
    glow.setColorAt(1.0, theme.color("primary", 0.0))
    p.fillRect(rect, glow)
    line = max(1.0, theme.px(1.6))
    kind = MOTIFS[style % len(MOTIFS)]
    if kind == "works":
        _motif_works(p, theme, rect, rng, line, featured)
    elif kind == "bloom":
        _motif_bloom(p, theme, rect, rng, line, featured)
    elif kind == "network":
        _motif_network(p, theme, rect, rng, line, featured)
    else:
        _motif_grid(p, theme, rect, rng, line, featured)
    p.restore()


def _motif_works(p: QPainter, theme: Theme, r: QRectF, rng: random.Random, line: float, featured: bool) -> None:
    """Factory halls with north-light sawtooth roofs, chimneys and a distant skyline."""
    W, H = r.width(), r.height()
    horizon = r.top() + H * rng.uniform(0.6, 0.68)
    _works_skyline(p, theme, r, rng, horizon)
    tooth = max(float(theme.px(30)), min(float(theme.px(84)), W / 4.2))
    rise = tooth * 0.5
    # chimneys, behind the halls
    count = 1 if theme.px(200) > W else rng.randint(2, 3)
    cw = max(float(theme.px(9)), W * 0.04)
    for k in range(count):
        cx = r.left() + W * (0.2 + 0.6 * (k + rng.uniform(0.2, 0.8)) / count) - cw / 2
        ch = H * rng.uniform(0.26, 0.4)
        top = horizon - rise - ch
        for n in range(4):  # smoke drifting away
            rad = cw * (0.8 + n * 0.7)
            p.setBrush(theme.color("text_muted", 0.13 - n * 0.025))
            p.drawEllipse(QPointF(cx + cw / 2 + n * cw * 1.1, top - rad * 0.9 - n * cw * 0.6), rad, rad)
        p.setBrush(theme.color("background_deep"))
        p.setPen(QPen(theme.color("primary", 0.7), line))
        p.drawRect(QRectF(cx, top, cw, ch + rise + 2))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(theme.color("accent", 0.75))
        p.drawRect(QRectF(cx, top + cw * 0.5, cw, cw * 0.45))
    # the halls: sawtooth roofs, glazed faces catching the light
    halls = QPainterPath(QPointF(r.left(), r.bottom()))
    x = r.left() - rng.uniform(0, tooth * 0.6)
    halls.lineTo(x, horizon)
    faces = []
    while x < r.right():
        halls.lineTo(x + tooth, horizon - rise)
        halls.lineTo(x + tooth, horizon)
        faces.append(x + tooth)
        x += tooth
    halls.lineTo(r.right() + line, horizon)
    halls.lineTo(r.right() + line, r.bottom())
    halls.closeSubpath()
    p.setBrush(theme.color("background_deep", 0.96))
    p.setPen(QPen(theme.color("primary", 0.85), line))
    p.drawPath(halls)
    p.setPen(QPen(theme.color("accent", 0.8 if featured else 0.6), line * 1.6))
    for fx in faces:
        p.drawLine(QPointF(fx, horizon - rise + line * 2), QPointF(fx, horizon - line))
    _works_windows(p, theme, r, rng, horizon, tooth)


def _works_skyline(p: QPainter, theme: Theme, r: QRectF, rng: random.Random, horizon: float) -> None:
    """The distant skyline behind the factory halls."""
    W, H = r.width(), r.height()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(theme.color("primary", 0.16))
    x = r.left() - rng.uniform(0, W * 0.1)
    while x < r.right():
        bw = W * rng.uniform(0.07, 0.15)
        bh = H * rng.uniform(0.05, 0.17)
        p.drawRect(QRectF(x, horizon - bh, bw, bh + 1))
        x += bw + W * rng.uniform(0.0, 0.04)


def _works_windows(p: QPainter, theme: Theme, r: QRectF, rng: random.Random, horizon: float, tooth: float) -> None:
    """Rows of windows in the halls, a few lit."""
    p.setPen(Qt.PenStyle.NoPen)
    step = tooth * 0.42
    wsz = step * 0.42
    y = horizon + step * 0.7
    while y + wsz < r.bottom() - step * 0.4:
        x = r.left() + step * 0.5
        while x + wsz < r.right():
            lit = rng.random() < 0.16
            p.setBrush(theme.color("accent", 0.75) if lit else theme.color("primary", 0.22))
            p.drawRect(QRectF(x, y, wsz, wsz * 0.75))
            x += step
        y += step * 0.9


def _motif_bloom(p: QPainter, theme: Theme, r: QRectF, rng: random.Random, line: float, featured: bool) -> None:
    """Five rings around a centre: a flower drawn like a machine part."""
    c = QPointF(r.left() + r.width() * rng.uniform(0.4, 0.6), r.top() + r.height() * rng.uniform(0.4, 0.55))
    size = min(r.width(), r.height()) * rng.uniform(0.24, 0.3)
    turn = rng.uniform(0, math.pi)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for ring in range(3):
        p.setPen(QPen(theme.color("primary", 0.16 + 0.1 * ring), line))
        p.drawEllipse(c, size * (2.6 - ring * 0.5), size * (2.6 - ring * 0.5))
    for k in range(5):
        a = turn + k * 2 * math.pi / 5
        pc = QPointF(c.x() + size * 0.95 * math.cos(a), c.y() + size * 0.95 * math.sin(a))
        p.setPen(QPen(theme.color("accent" if featured or k == 0 else "primary", 0.85), line))
        p.setBrush(theme.color("accent" if featured else "primary", 0.14))
        p.drawEllipse(pc, size * 0.62, size * 0.62)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(theme.color("accent", 0.9))
    p.drawEllipse(c, size * 0.2, size * 0.2)


def _motif_network(p: QPainter, theme: Theme, r: QRectF, rng: random.Random, line: float, featured: bool) -> None:
    """Nodes and links: the industrial internet."""
    n = max(7, int(r.width() * r.height() / (theme.px(70) ** 2)))
    n = min(n, 28)
    pts = [QPointF(rng.uniform(r.left(), r.right()), rng.uniform(r.top(), r.bottom())) for _ in range(n)]
    p.setPen(QPen(theme.color("primary", 0.45), line))
    for a in pts:
        near = sorted(range(n), key=lambda j: (pts[j].x() - a.x()) ** 2 + (pts[j].y() - a.y()) ** 2)
        for j in near[1:3]:
            p.drawLine(a, pts[j])
    p.setPen(Qt.PenStyle.NoPen)
    hubs = set(rng.sample(range(n), k=max(1, n // 6)))
    for i, pt in enumerate(pts):
        if i in hubs:
            rad = theme.px(16)
            g = QRadialGradient(pt, rad)
            g.setColorAt(0, theme.color("accent", 0.55))
            g.setColorAt(1, theme.color("accent", 0.0))
            p.setBrush(g)
            p.drawEllipse(pt, rad, rad)
            p.setBrush(theme.color("accent"))
            p.drawEllipse(pt, theme.px(4.5), theme.px(4.5))
        else:
            p.setBrush(theme.color("primary", 0.9))
            p.drawEllipse(pt, theme.px(3.5), theme.px(3.5))


def _motif_grid(p: QPainter, theme: Theme, r: QRectF, rng: random.Random, line: float, featured: bool) -> None:
    """A perspective floor grid with rising bars: growth on the factory floor."""
    horizon = r.top() + r.height() * 0.5
    vx = r.left() + r.width() * rng.uniform(0.35, 0.65)
    near = r.width() * 0.22
    for i in range(-9, 10):
        fade = QLinearGradient(QPointF(0, horizon), QPointF(0, r.bottom()))
        fade.setColorAt(0.0, theme.color("primary", 0.0))
        fade.setColorAt(1.0, theme.color("primary", 0.4 * (1 - abs(i) / 11)))
        p.setPen(QPen(QBrush(fade), line))
        p.drawLine(QPointF(vx + i * near * 0.12, horizon), QPointF(vx + i * near, r.bottom()))
    for k in range(1, 8):
        y = horizon + (r.bottom() - horizon) * (k / 7) ** 1.8
        p.setPen(QPen(theme.color("primary", 0.06 + 0.26 * k / 7), line))
        p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
    bars = rng.randint(3, 5)
    bw = r.width() / (bars * 2.2)
    x = r.left() + (r.width() - bars * bw * 1.7 + bw * 0.7) / 2
    base = horizon + (r.bottom() - horizon) * 0.35
    for k in range(bars):
        h = r.height() * (0.12 + 0.09 * k + rng.uniform(0, 0.06))
        rect = QRectF(x, base - h, bw, h)
        g = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        top = "accent" if (featured or k == bars - 1) else "primary"
        g.setColorAt(0, theme.color(top, 0.85))
        g.setColorAt(1, theme.color(top, 0.08))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(g)
        p.drawRoundedRect(rect, bw * 0.18, bw * 0.18)
        x += bw * 1.7
