"""The parts of the partner detail card: the logo/monogram badge, the row of tags, the card
frame that swallows touches, and the body that lays itself out on resize."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from kiosk.content.model import Partner
from kiosk.sections.partners.card import draw_logo
from kiosk.theme import Theme
from kiosk.widgets.image import ImageLoader, Key
from kiosk.widgets.labels import FollowsLanguage
from kiosk.widgets.monogram import initials, monogram_pixmap
from kiosk.widgets.tap import TOUCH_EVENTS


def website_text(url: str | None) -> str:
    """``https://www.haier.com/`` → ``www.haier.com`` (what a visitor would type)."""
    return (url or "").split("://", 1)[-1].rstrip("/")


class PartnerBadge(FollowsLanguage, QWidget):
    """The partner's logo on a light plate, or its monogram (also while the logo loads)."""

    def __init__(self, theme: Theme, side: int, lang: str, *, images: ImageLoader | None = None,
                 media: Callable[[str | None], Path | None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._lang = lang
        self.images = images
        self.media = media or (lambda _rel: None)
        self.partner: Partner | None = None
        self._key: Key | None = None
        self.monogram_of: Callable[[str, str], tuple[str, int]] | None = None
        """The grid's (letters, colourway) for a partner, so the card's badge matches."""
        self.setFixedSize(side, side)
        if images is not None:
            images.ready.connect(self._on_images_ready)

    def set_partner(self, partner: Partner | None) -> None:
        self.partner = partner
        self._key = None
        self.update()

    def _language_changed(self, lang: str) -> None:
        self.update()

    @property
    def monogram(self) -> str:
        p = self.partner
        if p is None:
            return ""
        if self.monogram_of is not None:
            return self.monogram_of(p.id, self._lang)[0]
        return initials(p.name.get(self._lang), p.short_name.get(self._lang) if p.short_name else None, self._lang)

    def logo(self) -> QImage | None:
        p = self.partner
        if p is None or p.logo is None or self.images is None:
            return None
        path = self.media(p.logo)
        if path is None:
            return None
        dpr = self.devicePixelRatioF()
        self._key, image = self.images.request(path, QSize(round(self.width() * dpr), round(self.height() * dpr)))
        return image

    def _on_images_ready(self, key: object, image: object) -> None:
        if key is not None and key == self._key and image is not None:
            self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        if self.partner is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        logo = self.logo()
        if logo is not None:
            draw_logo(p, QRectF(self.rect()), logo, self.theme)
        else:
            style = self.monogram_of(self.partner.id, self._lang)[1] if self.monogram_of is not None else None
            pixmap = monogram_pixmap(
                self.theme, self.partner.id, self.monogram, self.width(), self.devicePixelRatioF(), style
            )
            p.drawPixmap(0, 0, pixmap)
        p.end()


class TagRow(FollowsLanguage, QWidget):
    """The partner's tags as quiet, non-interactive labels that wrap."""

    def __init__(self, theme: Theme, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._lang = lang
        self.partner: Partner | None = None
        self.font_ = theme.font("caption")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def tags(self) -> list[str]:
        return [t.get(self._lang) for t in self.partner.tags] if self.partner else []

    def set_partner(self, partner: Partner | None) -> None:
        self.partner = partner
        self.setVisible(bool(self.tags))
        self.updateGeometry()
        self.update()

    def _language_changed(self, lang: str) -> None:
        self.updateGeometry()
        self.update()

    def _rects(self, width: int) -> list[tuple[str, QRectF]]:
        fm = QFontMetricsF(self.font_)
        pad, gap = self.theme.space("sm"), self.theme.space("xs")
        h = fm.height() + self.theme.px(12)
        x = y = 0.0
        out = []
        for tag in self.tags:
            w = min(width, fm.horizontalAdvance(tag) + 2 * pad)
            if x > 0 and x + w > width:
                x, y = 0.0, y + h + gap
            out.append((tag, QRectF(x, y, w, h)))
            x += w + gap
        return out

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self._rects(width)
        return round(max((r.bottom() for _, r in rects), default=0.0)) + 1

    def sizeHint(self) -> QSize:
        w = self.theme.px(600)
        return QSize(w, self.heightForWidth(w))

    def paintEvent(self, _e: QPaintEvent) -> None:
        pal = self.theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(self.font_)
        for tag, r in self._rects(self.width()):
            r = r.adjusted(0.5, 0.5, -0.5, -0.5)
            p.setPen(QPen(QColor(pal.line_strong), max(1.0, self.theme.px(1.5))))
            p.setBrush(QColor(pal.surface_raised))
            p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
            p.setPen(QColor(pal.text_muted))
            p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), tag)
        p.end()


class DetailBody(QWidget):
    """The card's scrolling content; its children are placed by the owner's function."""

    def __init__(self, place: Callable[[int], int]) -> None:
        super().__init__()
        self._place = place

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._place(self.width())


class DetailCard(QFrame):
    """The card itself: swallows touches so taps on it never reach the scrim."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setProperty("card", "plain")

    def event(self, e: QEvent) -> bool:
        if e.type() in TOUCH_EVENTS:
            e.accept()
            return True
        return super().event(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        e.accept()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        e.accept()
