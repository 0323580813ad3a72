"""Welcome banners for visiting delegations.

* :class:`WelcomeScreen` — the full-screen reception greeting that leads the attract loop:
  the park's name, 热烈欢迎…莅临参观指导 large in gold, the English greeting, the guest and
  organisation, an optional logo and the date, framed by gold rules. Composed for landscape
  and portrait; the whole composition drifts a little (burn-in).
* :class:`WelcomeLead` — while the attract screen shows: each active banner in time order
  for :data:`BANNER_S` seconds, then one round of the usual highlights, then again.
* :class:`WelcomeStrip` — the slim banner on the home screen.

The banners are the ones active now: the shell gets them already filtered
(:func:`kiosk.content.schedule.visible_at`).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageReader,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from kiosk.content.calendar import Banner
from kiosk.content.model import Text
from kiosk.i18n import format_date
from kiosk.theme import Theme
from kiosk.widgets.tap import swallow_touch
from kiosk.widgets.text import draw_text, text_height

BANNER_S = 12.0
"""Seconds each greeting leads the attract loop."""


def drift(t: float, ax: float, ay: float) -> QPointF:
    return QPointF(ax * math.sin(2 * math.pi * t / 71), ay * math.sin(2 * math.pi * t / 53 + 0.7))


def load_logo(base_dir: Path, banner: Banner, size: QSize) -> QImage | None:
    """The banner's logo scaled to fit ``size`` (a small file; None when missing)."""
    if not banner.logo:
        return None
    reader = QImageReader(str(base_dir / banner.logo))
    reader.setAutoTransform(True)
    src = reader.size()
    if src.isValid() and not src.isEmpty():
        reader.setScaledSize(src.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def formal_lines(text: str) -> str:
    """Break a formal greeting where a reader expects it: 热烈欢迎… / …莅临参观指导."""
    if "\n" in text or len(text) <= 10:
        return text
    out = text
    for word in ("莅临", "光临", "来访"):
        i = out.find(word)
        if i > 4:
            out = out[:i] + "\n" + out[i:]
            break
    return out


def _fits(text: str, font: QFont, width: float) -> bool:
    fm = QFontMetricsF(font)
    return all(fm.horizontalAdvance(line) <= width for line in text.split("\n"))


def banner_dates(b: Banner) -> str:
    """The day(s) of a banner in both languages: 2026年12月1日 · 1 December 2026."""
    first = b.start.date() if isinstance(b.start, dt.datetime) else b.start
    last = b.end.date() if isinstance(b.end, dt.datetime) else b.end
    if isinstance(b.end, dt.datetime) and b.end.time() == dt.time(0) and last > first:
        last -= dt.timedelta(days=1)  # ends at midnight: the day before is the last
    if last <= first:
        return f"{format_date(first, 'zh')}  ·  {format_date(first, 'en')}"
    return (f"{format_date(first, 'zh')}—{format_date(last, 'zh')}  ·  "
            f"{format_date(first, 'en')} – {format_date(last, 'en')}")


class WelcomeScreen(QWidget):
    activated = Signal()

    def __init__(self, theme: Theme, name: Text, banners: list[Banner], base_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.theme, self.name, self.banners = theme, name, banners
        self.base_dir = base_dir
        self.index = 0
        self.t = 0.0
        self._logos: dict[int, QImage | None] = {}
        self._cache: tuple[tuple[object, ...], QPixmap] | None = None
        self.hide()

    def show_banner(self, index: int, t: float = 0.0) -> None:
        self.index = index % max(1, len(self.banners))
        self.t = t
        self.update()

    @property
    def banner(self) -> Banner | None:
        return self.banners[self.index] if self.banners else None

    def _logo(self) -> QImage | None:
        if self.index not in self._logos and self.banner is not None:
            side = self.theme.px(200)
            self._logos[self.index] = load_logo(self.base_dir, self.banner, QSize(side * 2, side))
        return self._logos.get(self.index)

    # -- input ------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if swallow_touch(e, self.activated.emit):
            return True
        return super().event(e)

    def mousePressEvent(self, e: QEvent) -> None:
        e.accept()
        self.activated.emit()

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, _e: QPaintEvent) -> None:
        key = (self.index, self.t, self.width(), self.height(), len(self.banners))
        if self._cache is None or self._cache[0] != key:  # composed once, then blitted
            pm = QPixmap(max(1, self.width()), max(1, self.height()))
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_ground(p)
            if self.banner is not None:
                self._paint_greeting(p, self.banner)
            p.end()
            self._cache = (key, pm)
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache[1])
        p.end()

    def _paint_ground(self, p: QPainter) -> None:
        th, pal = self.theme, self.theme.palette
        w, h = self.width(), self.height()
        g = QLinearGradient(0, 0, 0, h)
        g.setColorAt(0.0, QColor(pal.background))
        g.setColorAt(1.0, QColor(pal.background_deep))
        p.fillRect(self.rect(), g)
        inset = th.px(40)
        gold = QColor(pal.accent)
        gold.setAlphaF(0.55)
        p.setPen(QPen(gold, th.px(2)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(inset, inset, w - 2 * inset, h - 2 * inset))
        gold.setAlphaF(0.25)
        p.setPen(QPen(gold, th.px(1)))
        d = th.px(14)
        p.drawRect(QRectF(inset + d, inset + d, w - 2 * (inset + d), h - 2 * (inset + d)))

    def _blocks(self, b: Banner, width: float) -> list[tuple[str, str, QColor, float]]:
        th, pal = self.theme, self.theme.palette
        gold, ink, muted = QColor(pal.accent_text), QColor(pal.text), QColor(pal.text_muted)
        zh, role = self._greeting_layout(b.greeting.zh, width)
        blocks = [(zh, role, gold, 0.0), (b.greeting.en, "h2", ink, th.px(20))]
        for text, role_, colour, gap in ((b.guest, "h3", ink, th.px(44)),
                                         (b.organisation, "lead", muted, th.px(12))):
            if text is not None:
                both_ = f"{text.zh}  ·  {text.en}" if text.en and text.en != text.zh else text.zh
                blocks.append((both_, role_, colour, gap))
        return blocks

    def _greeting_layout(self, text: str, width: float) -> tuple[str, str]:
        """The largest type the greeting fits in, broken where a reader expects it."""
        one = formal_lines(text)
        two = one
        for opener in ("热烈欢迎", "欢迎"):
            if one.startswith(opener) and not one.startswith(opener + "\n"):
                two = opener + "\n" + one[len(opener):]
                break
        for role in ("display", "h1"):
            for candidate in (one, two):
                if _fits(candidate, self.theme.font(role), width):
                    return candidate, role
        return two, "h2"

    def _paint_greeting(self, p: QPainter, b: Banner) -> None:
        th, pal = self.theme, self.theme.palette
        w, h = self.width(), self.height()
        width = w * (0.74 if w >= h else 0.82)
        x = (w - width) / 2
        off = drift(self.t, th.px(14), th.px(10))
        blocks = self._blocks(b, width)
        rule_gap = th.px(56)
        heights = [text_height(s, th.font(r), width, 4, 1.1) for s, r, _, _ in blocks]
        logo = self._logo()
        logo_h = (logo.height() + th.px(32)) if logo is not None else 0
        total = sum(heights) + sum(gap for *_, gap in blocks) + 2 * rule_gap + logo_h
        top = self._paint_brand(p, off) + th.px(40)
        bottom = h - th.px(40) - th.px(14) - th.px(64) + off.y()
        share = 0.5 if w >= h else 0.4  # portrait: the optical centre sits higher
        y = max(top, top + (bottom - top - total) * share)
        if logo is not None:
            p.drawImage(QPointF((w - logo.width()) / 2 + off.x(), y), logo)
            y += logo_h
        self._rule(p, w / 2 + off.x(), y, width * 0.5)
        y += rule_gap
        centre = Qt.AlignmentFlag.AlignHCenter
        for (text, role, colour, gap), hgt in zip(blocks, heights, strict=True):
            y += gap
            draw_text(p, text, th.font(role), colour, x + off.x(), y, width, max_lines=4,
                      line_height=1.1, align=centre)
            y += hgt
        y += rule_gap * 0.6
        self._rule(p, w / 2 + off.x(), y, width * 0.5)
        date = banner_dates(b)
        draw_text(p, date, th.font("caption"), QColor(pal.text_muted), x + off.x(),
                  y + rule_gap * 0.5, width, max_lines=1, align=centre)

    def _paint_brand(self, p: QPainter, off: QPointF) -> float:
        """The park's name at the top; returns where it ends."""
        th, pal = self.theme, self.theme.palette
        top = th.px(96) if self.width() >= self.height() else th.px(140)
        width = self.width() * 0.8
        x = (self.width() - width) / 2 + off.x()
        centre = Qt.AlignmentFlag.AlignHCenter
        y = top + off.y()
        y += draw_text(p, self.name.get("zh"), th.font("h3"), QColor(pal.text), x, y, width,
                       max_lines=1, align=centre)
        y += draw_text(p, self.name.get("en"), th.font("caption"), QColor(pal.text_muted), x, y,
                       width, max_lines=1, align=centre)
        return y

    def _rule(self, p: QPainter, cx: float, y: float, length: float) -> None:
        th = self.theme
        gold = QColor(self.theme.palette.accent)
        p.setPen(QPen(gold, th.px(2)))
        d = th.px(10)
        p.drawLine(QPointF(cx - length / 2, y), QPointF(cx - d * 2, y))
        p.drawLine(QPointF(cx + d * 2, y), QPointF(cx + length / 2, y))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(gold)
        p.drawPolygon([QPointF(cx, y - d), QPointF(cx + d, y), QPointF(cx, y + d), QPointF(cx - d, y)])


class WelcomeLead(QObject):
    """Alternates the greeting(s) with one round of the attract highlights."""

    def __init__(self, screen: WelcomeScreen, round_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.screen = screen
        self.round_s = round_s
        self.step = 0
        self.timer = QTimer(self)
        self.timer.setObjectName("welcome-timer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.advance)

    @property
    def active(self) -> bool:
        return bool(self.screen.banners)

    def start(self) -> None:
        """The attract screen came up: lead with the first greeting."""
        if not self.active:
            return
        self.step = 0
        self._show_step()

    def stop(self) -> None:
        self.timer.stop()
        self.screen.hide()

    def advance(self) -> None:
        self.step = (self.step + 1) % (len(self.screen.banners) + 1)
        self._show_step()

    def _show_step(self) -> None:
        n = len(self.screen.banners)
        if self.step < n:
            parent = self.screen.parentWidget()
            if parent is not None:
                self.screen.setGeometry(parent.rect())
            self.screen.show_banner(self.step)
            self.screen.show()
            self.screen.raise_()
            self.timer.start(round(BANNER_S * 1000))
        else:  # one round of the usual highlights
            self.screen.hide()
            self.timer.start(round(self.round_s * 1000))


class WelcomeStrip(QWidget):
    """The slim greeting at the top of the home screen (both languages, one line each)."""

    def __init__(self, theme: Theme, banners: list[Banner], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome-strip")
        self.theme, self.banners = theme, banners
        self.zh_role = "h3" if theme.landscape else "label"  # a portrait line holds less
        fm_zh, fm_en = QFontMetricsF(theme.font(self.zh_role)), QFontMetricsF(theme.font("caption"))
        per = fm_zh.height() + fm_en.height()
        self.setFixedHeight(round(theme.px(36) + per * len(banners) + theme.px(12) * (len(banners) - 1)))

    def paintEvent(self, _e: QPaintEvent) -> None:
        th, pal = self.theme, self.theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        fill = QColor(pal.surface)
        fill.setAlphaF(0.9)
        p.setPen(QPen(QColor(pal.accent), th.px(1.5)))
        p.setBrush(fill)
        p.drawRoundedRect(r.adjusted(1, 1, -1, -1), th.radius("md"), th.radius("md"))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.accent))
        bar = th.px(8)
        p.drawRoundedRect(QRectF(th.px(24), th.px(18), bar, r.height() - th.px(36)), bar / 2, bar / 2)
        x = th.px(24) + bar + th.px(24)
        width = r.width() - x - th.px(24)
        y = float(th.px(18))
        for b in self.banners:
            zh, en = b.greeting.zh, b.greeting.en
            y += draw_text(p, zh, th.font(self.zh_role), QColor(pal.accent_text), x, y, width, max_lines=1)
            y += draw_text(p, en, th.font("caption"), QColor(pal.text), x, y, width, max_lines=1)
            y += th.px(12)
        p.end()
