"""AttractScreen: what the kiosk shows while nobody is there.

A drifting, slowly zooming generated backdrop with pulses travelling along its network;
the content's highlights cross-fade every ``attract.interval`` seconds, in both languages;
the invitation "触摸屏幕 开始探索 · Touch to explore" pulses gently and wanders. Every
element moves continuously (burn-in: nothing stays put for a minute). Any touch emits
``activated(section_id)`` — the current highlight's section, or "".

Animation time comes from :meth:`now`; :meth:`freeze` pins it (screenshots, tests).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHideEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.content.model import Content

from kiosk.attract_payload import AttractPayload, Slide, from_content
from kiosk.i18n import tr
from kiosk.shell.backdrop import paint_backdrop, pulses
from kiosk.theme import Theme
from kiosk.widgets.text import draw_text, text_height

FRAME_MS = 33
FADE_S = 1.4
HEADROOM = 1.16
HALF_RES_FROM = 1800
"""From this short side on (4K) the backdrop layer is painted at half resolution: it is
drawn resampled every frame anyway (drift and zoom), and a full-resolution 4K layer costs
≈ 45 MB and ≈ 0.2 s to paint before the first frame."""


def drift(t: float, period_x: float, period_y: float, ax: float, ay: float, phase: float = 0.0) -> QPointF:
    return QPointF(
        ax * math.sin(2 * math.pi * t / period_x + phase), ay * math.sin(2 * math.pi * t / period_y + phase * 1.7)
    )


class AttractScreen(QWidget):
    activated = Signal(str)

    def __init__(self, content: Content | AttractPayload, theme: Theme,
                 parent: QWidget | None = None) -> None:
        """``content``: the content as it shows now, or its payload (the first frame
        paints from the payload kept by kiosk.attract_payload, before the model loads)."""
        super().__init__(parent)
        self.setObjectName("attract")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.payload = content if isinstance(content, AttractPayload) else from_content(content)
        self.theme = theme
        self.highlights: list[Slide] = list(self.payload.slides)
        self.interval = self.payload.interval
        self.frame_timer = QTimer(self)
        self.frame_timer.setObjectName("attract-frame-timer")
        self.frame_timer.setInterval(FRAME_MS)
        self.frame_timer.timeout.connect(self.update)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._frozen: float | None = None
        self._offset = 0.0
        self._backdrop: QPixmap | None = None
        self._backdrop_size = QSize()
        """The backdrop layer's logical size (the pixmap may hold fewer pixels)."""
        self._shade: QLinearGradient | None = None

    # -- time -------------------------------------------------------------------------
    def now(self) -> float:
        if self._frozen is not None:
            return self._frozen
        return self._offset + self._clock.elapsed() / 1000.0

    def freeze(self, t: float | None) -> None:
        """Pin animation time at ``t`` seconds (None: run freely again)."""
        self._frozen = t
        self.update()

    def restart(self) -> None:
        """Start the loop again from the first highlight."""
        self._offset = 0.0
        self._clock.restart()
        self.update()

    def continue_from(self, t: float) -> None:
        """Go on from animation time ``t`` (the first frame's screen hands over to this one)."""
        self._offset = t
        self._clock.restart()
        self.update()

    def index_at(self, t: float) -> int:
        return int(t // self.interval) % len(self.highlights)

    def current_highlight(self) -> Slide:
        return self.highlights[self.index_at(self.now())]

    # -- lifecycle --------------------------------------------------------------------
    def showEvent(self, e: QShowEvent) -> None:
        if self._frozen is None:
            self.frame_timer.start()
        super().showEvent(e)

    def hideEvent(self, e: QHideEvent) -> None:
        self.frame_timer.stop()
        # The backdrop layer is ≈ 11 MB at 4K: not kept while visitors use the pages (painted
        # again, identically, when the screen next shows).
        self._backdrop = None
        self._shade = None
        super().hideEvent(e)

    def stop(self) -> None:
        self.frame_timer.stop()

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._backdrop = None
        self._shade = None
        super().resizeEvent(e)

    # -- input ------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        t = e.type()
        if t == QEvent.Type.TouchBegin:
            e.accept()
            self._activate()
            return True
        if t in (QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            e.accept()
            return True
        return super().event(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        e.accept()
        self._activate()

    def _activate(self) -> None:
        if self.isVisible():
            self.activated.emit(self.current_highlight().section or "")

    # -- geometry (public for burn-in tests) ------------------------------------------
    def margin(self) -> float:
        return self.theme.px(96) if self.width() >= self.height() else self.theme.px(72)

    def brand_origin(self, t: float) -> QPointF:
        m = self.margin()
        return QPointF(m, m * 0.8) + drift(t, 53, 41, self.theme.px(30), self.theme.px(20), 0.4)

    def highlight_box(self, t: float) -> QRectF:
        w, h, m = self.width(), self.height(), self.margin()
        if w >= h:
            box = QRectF(m, h * 0.2, min(w * 0.52, self.theme.px(1040)), h * 0.5)
        else:
            box = QRectF(m, h * 0.2, w - 2 * m, h * 0.46)
        return box.translated(drift(t, 59, 43, self.theme.px(26), self.theme.px(18), 1.1))

    def invitation_center(self, t: float) -> QPointF:
        w, h = self.width(), self.height()
        base = QPointF(w * 0.76, h * 0.82) if w >= h else QPointF(w * 0.5, h * 0.8)
        return base + drift(t, 67, 47, self.theme.px(70), self.theme.px(44), 2.3)

    # -- painting ---------------------------------------------------------------------
    def _ensure_layers(self) -> None:
        if self._backdrop is None:
            size = QSize(math.ceil(self.width() * HEADROOM), math.ceil(self.height() * HEADROOM))
            scale = 0.5 if min(self.width(), self.height()) >= HALF_RES_FROM else 1.0
            self._backdrop = paint_backdrop(self.theme, size, scale=scale)
            self._backdrop_size = size
        if self._shade is None:
            self._shade = self._shade_gradient()

    def _shade_gradient(self) -> QLinearGradient:
        """The shade over the backdrop behind the text (filled directly: no 4K layer)."""
        w, h = max(1, self.width()), max(1, self.height())
        deep = QColor(self.theme.palette.background_deep)
        if w >= h:
            g = QLinearGradient(0, 0, w, 0)
            stops: tuple[tuple[float, float], ...] = ((0.0, 0.88), (0.45, 0.7), (0.75, 0.0))
        else:
            g = QLinearGradient(0, 0, 0, h)
            stops = ((0.0, 0.6), (0.2, 0.75), (0.7, 0.75), (1.0, 0.3))
        for pos, alpha in stops:
            c = QColor(deep)
            c.setAlphaF(alpha)
            g.setColorAt(pos, c)
        return g

    def paintEvent(self, _e: QPaintEvent) -> None:
        self._ensure_layers()
        t = self.now()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._paint_backdrop(p, t)
        assert self._shade is not None  # _ensure_layers() made it
        p.fillRect(self.rect(), self._shade)
        self._paint_brand(p, t)
        self._paint_highlights(p, t)
        self._paint_progress(p, t)
        self._paint_invitation(p, t)
        p.end()

    def _paint_backdrop(self, p: QPainter, t: float) -> None:
        pm = self._backdrop
        assert pm is not None
        bw, bh = self._backdrop_size.width(), self._backdrop_size.height()
        zoom = 1.0 + 0.07 * (0.5 + 0.5 * math.sin(2 * math.pi * t / 97))
        pw, ph = bw * zoom, bh * zoom
        max_dx, max_dy = (pw - self.width()) / 2, (ph - self.height()) / 2
        x = -max_dx + 0.92 * max_dx * math.sin(2 * math.pi * t / 83)
        y = -max_dy + 0.92 * max_dy * math.sin(2 * math.pi * t / 71 + 0.8)
        p.save()
        p.translate(x, y)
        p.scale(zoom, zoom)
        p.drawPixmap(QRectF(0, 0, bw, bh), pm, QRectF(pm.rect()))
        p.setPen(Qt.PenStyle.NoPen)
        r = self.theme.px(16)
        for px_, py_, b in pulses(t):
            c = QColor(self.theme.palette.accent)
            c.setAlphaF(0.55 * b)
            g = QRadialGradient(QPointF(px_ * bw, py_ * bh), r)
            g.setColorAt(0, c)
            c.setAlphaF(0.0)
            g.setColorAt(1, c)
            p.setBrush(g)
            p.drawEllipse(QPointF(px_ * bw, py_ * bh), r, r)
        p.restore()

    def _paint_brand(self, p: QPainter, t: float) -> None:
        th, pal = self.theme, self.theme.palette
        o = self.brand_origin(t)
        bar_h = th.px(64)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.accent))
        p.drawRoundedRect(QRectF(o.x(), o.y() + th.px(6), th.px(8), bar_h), th.px(4), th.px(4))
        x = o.x() + th.px(28)
        name = self.payload.name
        width = self.width() * 0.6
        y = o.y()
        y += draw_text(p, name.get("zh"), th.font("h3"), QColor(pal.text), x, y, width, max_lines=1)
        draw_text(p, name.get("en"), th.font("caption"), QColor(pal.text_muted), x, y + th.px(2), width, max_lines=1)

    def _paint_highlights(self, p: QPainter, t: float) -> None:
        i = self.index_at(t)
        phase = t % self.interval
        fade = min(1.0, phase / FADE_S)
        eased = 1 - (1 - fade) ** 3
        if fade < 1.0 and t >= self.interval:
            prev = self.index_at(t - self.interval)
            self._paint_highlight(p, self.highlights[prev], t, 1.0 - eased, 0.0)
        self._paint_highlight(p, self.highlights[i], t, eased, (1 - eased) * self.theme.px(28))

    def _highlight_blocks(self, hl: Slide, level: int) -> list[tuple[str, str, str, int]]:
        """The text blocks at detail ``level`` (0 = everything; higher drops the least
        important lines so a long highlight still fits its box)."""
        pal = self.theme.palette
        big = len(hl.title.get("zh")) <= 9 and level < 2
        blocks = [
            (hl.title.get("zh"), "display" if big else "h1", pal.text, 2),
            (hl.title.get("en"), "h3", pal.text, 2),
        ]
        if hl.text and level < 3:
            blocks.append((hl.text.get("zh"), "lead", pal.text, 3))
            if level < 1:
                blocks.append((hl.text.get("en"), "body", pal.text_muted, 3))
        return blocks

    def _paint_highlight(self, p: QPainter, hl: Slide, t: float, alpha: float, dy: float) -> None:
        if alpha <= 0.01:
            return
        th = self.theme
        box = self.highlight_box(t)
        x, w = box.x(), box.width()
        gap = th.space("sm")
        fig_h = 0.0
        if hl.figure is not None:
            fig_h = (
                QFontMetricsF(th.font("display")).height() + QFontMetricsF(th.font("lead")).height() + th.space("lg")
            )
        for level in range(4):
            blocks = self._highlight_blocks(hl, level)
            heights = [text_height(s, th.font(role), w, n) for s, role, _, n in blocks]
            total = fig_h + sum(heights) + gap * (len(blocks) + 1)
            if total <= box.height():
                break
        y = box.bottom() - total + dy
        p.save()
        p.setOpacity(alpha)
        if hl.figure is not None:
            y += self._paint_figure(p, hl, x, y, w)
        for (s, role, colour, n), hgt in zip(blocks, heights, strict=False):
            if role == "lead":
                y += gap
            draw_text(p, s, th.font(role), QColor(colour), x, y, w, max_lines=n)
            y += hgt + gap
        p.restore()

    def _paint_figure(self, p: QPainter, hl: Slide, x: float, y: float, w: float) -> float:
        th, pal = self.theme, self.theme.palette
        fig = hl.figure
        assert fig is not None
        value_zh, unit_zh, value_en, unit_en = fig.value_zh, fig.unit_zh, fig.value_en, fig.unit_en
        big = th.font("display")
        fm = QFontMetricsF(big)
        accent = QColor(pal.accent_text)
        draw_text(p, value_zh, big, accent, x, y, w, max_lines=1)
        unit_x = x + fm.horizontalAdvance(value_zh) + th.space("xs")
        unit_font = th.font("h2")
        ufm = QFontMetricsF(unit_font)
        draw_text(p, unit_zh, unit_font, accent, unit_x, y + fm.ascent() - ufm.ascent(), w, max_lines=1)
        y2 = y + fm.height()
        sub = f"{fig.label.get('zh')}  ·  {fig.label.get('en')}: {value_en} {unit_en}".strip()
        draw_text(p, sub, th.font("lead"), QColor(pal.text_muted), x, y2, w, max_lines=1)
        return fm.height() + QFontMetricsF(th.font("lead")).height() + th.space("lg")

    def _paint_progress(self, p: QPainter, t: float) -> None:
        th, pal = self.theme, self.theme.palette
        n = len(self.highlights)
        if n < 2:
            return
        seg_w, seg_h, gap = th.px(56), th.px(6), th.px(12)
        box = self.highlight_box(t)
        x0 = box.x()
        y0 = self.height() - self.margin() * 0.9 + drift(t, 61, 53, 0, th.px(10)).y()
        i = self.index_at(t)
        frac = (t % self.interval) / self.interval
        p.setPen(Qt.PenStyle.NoPen)
        for k in range(n):
            r = QRectF(x0 + k * (seg_w + gap), y0, seg_w, seg_h)
            p.setBrush(QColor(pal.line_strong))
            p.drawRoundedRect(r, seg_h / 2, seg_h / 2)
            done = 1.0 if k < i else (frac if k == i else 0.0)
            if done > 0:
                p.setBrush(QColor(pal.accent))
                p.drawRoundedRect(QRectF(r.x(), r.y(), seg_w * done, seg_h), seg_h / 2, seg_h / 2)

    def _paint_invitation(self, p: QPainter, t: float) -> None:
        th, pal = self.theme, self.theme.palette
        c = self.invitation_center(t)
        zh, en = tr("attract.invite", "zh"), tr("attract.invite", "en")
        f1, f2 = th.font("h3"), th.font("lead")
        fm1, fm2 = QFontMetricsF(f1), QFontMetricsF(f2)
        icon = th.px(88)
        pad, gap = th.px(48), th.px(28)
        text_w = max(fm1.horizontalAdvance(zh), fm2.horizontalAdvance(en))
        w = pad * 2 + icon + gap + text_w
        h = fm1.height() + fm2.height() + th.px(44)
        rect = QRectF(c.x() - w / 2, c.y() - h / 2, w, h)
        pulse = 0.5 + 0.5 * math.sin(2 * math.pi * t / 3.2)
        # glow
        glow = QColor(pal.primary)
        glow.setAlphaF(0.18 + 0.22 * pulse)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(glow)
        spread = th.px(10) + th.px(10) * pulse
        p.drawRoundedRect(rect.adjusted(-spread, -spread, spread, spread), h / 2 + spread, h / 2 + spread)
        p.setBrush(QColor(pal.primary_fill))
        p.setPen(QPen(QColor(pal.accent), th.px(2.5)))
        p.drawRoundedRect(rect, h / 2, h / 2)
        # touch ripple
        ic = QPointF(rect.left() + pad + icon / 2, rect.center().y())
        for k in range(2):
            f = ((t / 2.4) + k * 0.5) % 1.0
            ring = QColor(pal.on_primary)
            ring.setAlphaF(0.8 * (1 - f))
            p.setPen(QPen(ring, th.px(3)))
            p.setBrush(Qt.BrushStyle.NoBrush)
            rr = icon * (0.18 + 0.32 * f)
            p.drawEllipse(ic, rr, rr)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.accent))
        p.drawEllipse(ic, icon * 0.14, icon * 0.14)
        tx = ic.x() + icon / 2 + gap
        ty = rect.top() + th.px(20)
        ink = QColor(pal.on_primary)
        draw_text(p, zh, f1, ink, tx, ty, text_w + 2, max_lines=1)
        draw_text(p, en, f2, ink, tx, ty + fm1.height(), text_w + 2, max_lines=1)
