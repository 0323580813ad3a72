"""The partner detail panel: a card over a dimmed page with the partner's badge, names,
category, description, tags and — when it has a website — a QR code to take it away.

The kiosk never opens a browser: the QR code is the hand-off. A tap outside the card or on
the close button closes it. The card appears at once (the tap is answered on the next
frame) and then settles with a short slide while the scrim fades in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QPointF, QRect, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.content.model import Category, Partner
from kiosk.i18n import other, tr
from kiosk.sections.partners.detail_parts import DetailBody, DetailCard, PartnerBadge, TagRow, website_text
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.image import ImageLoader
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import FollowsLanguage, TextLabel
from kiosk.widgets.progress import progress_animation
from kiosk.widgets.qr import QrCodeWidget
from kiosk.widgets.tap import ForwardsTaps, TapTracker

OPEN_MS = 220


class PartnerDetail(ForwardsTaps, FollowsLanguage, QWidget):
    """Covers its parent (the page); :meth:`show_partner` opens it, a tap outside closes."""

    closed = Signal()

    def __init__(self, theme: Theme, lang: str, *, images: ImageLoader | None = None,
                 media: Callable[[str | None], Path | None] | None = None,
                 mouse_drag: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._lang = lang
        self.partner: Partner | None = None
        self.category: Category | None = None
        self._progress = 1.0
        self.tracker = TapTracker(theme, press=self._outside, tap=self._on_scrim_tap, cancel=lambda: None)
        self.setObjectName("partner-detail")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.hide()

        self.card = DetailCard(self)
        self.card.setObjectName("partner-detail-card")
        pad_h = theme.px(56) if theme.landscape else theme.px(44)
        pad_v = theme.px(40)
        outer = QVBoxLayout(self.card)
        outer.setContentsMargins(pad_h, pad_v, pad_h, pad_v)
        outer.setSpacing(theme.space("sm"))
        top = QHBoxLayout()
        top.setSpacing(theme.space("sm"))
        self.category_label = TextLabel(theme, self._category_text, lang, role="label", tone="accent", parent=self.card)
        self.close_button = PillButton(theme, "", glyph="close", variant="secondary", parent=self.card)
        self.close_button.setObjectName("partner-detail-close")
        self.close_button.setAccessibleName(tr("partners.close", lang))
        top.addWidget(self.category_label, 1, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        self.scroller = KineticScrollArea(theme, mouse_drag=mouse_drag, parent=self.card)
        self.scroller.setObjectName("partner-detail-scroll")
        self.body = DetailBody(self._layout_body)
        self.body.setObjectName("scroll-content")
        body = self.body
        self.badge = PartnerBadge(theme, theme.px(168), lang, images=images, media=media, parent=body)
        self.name_label = TextLabel(theme, self._name_text, lang, role="h2", parent=body)
        self.name_label.setObjectName("partner-detail-name")
        self.other_name_label = TextLabel(theme, self._other_name_text, lang, role="lead", tone="muted", parent=body)
        self.other_name_label.setObjectName("partner-detail-other-name")
        self.description_label = TextLabel(theme, self._description_text, lang, role="body", parent=body)
        self.description_label.setObjectName("partner-detail-description")
        self.tags = TagRow(theme, lang, parent=body)
        self.tags.setObjectName("partner-detail-tags")
        self.qr = QrCodeWidget("", side=theme.px(280), parent=body)
        self.qr.setObjectName("partner-qr")
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        align = centre if theme.landscape else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        self.qr_caption = TextLabel(theme, partial(tr, "partners.scan"), lang, role="label", align=align, parent=body)
        self.qr_caption.setObjectName("partner-qr-caption")
        self.url_label = TextLabel(theme, lambda _l: website_text(self.partner.website if self.partner else None), lang,
                                   role="caption", tone="primary", align=align, parent=body)
        self.url_label.setObjectName("partner-qr-url")
        self.scroller.setWidget(body)
        outer.addWidget(self.scroller, 1)

        self.anim = progress_animation(self, "partner-detail-open", self._on_anim_value_changed, duration_ms=OPEN_MS)
        self.close_button.clicked.connect(self.close_detail)

    # -- texts ------------------------------------------------------------------------
    def _name_text(self, lang: str) -> str:
        return self.partner.name.get(lang) if self.partner else ""

    def _other_name_text(self, lang: str) -> str:
        if self.partner is None:
            return ""
        here, there = self.partner.name.get(lang), self.partner.name.get(other(lang))
        return "" if there == here else there

    def _description_text(self, lang: str) -> str:
        return self.partner.description.get(lang) if self.partner else ""

    def _category_text(self, lang: str) -> str:
        return self.category.name.get(lang) if self.category else ""

    # -- state --------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return not self.isHidden()

    @property
    def has_qr(self) -> bool:
        return bool(self.qr.data) and not self.qr.isHidden()

    def _language_changed(self, lang: str) -> None:
        for child in (self.category_label, self.name_label, self.other_name_label, self.description_label,
                      self.qr_caption, self.url_label, self.badge, self.tags):
            child.set_language(lang)
        self.close_button.setAccessibleName(tr("partners.close", lang))
        self._place()

    def show_partner(self, partner: Partner, category: Category | None) -> None:
        """Fill the card for ``partner`` and open it (at once; the settle animation follows)."""
        self.partner, self.category = partner, category
        for label in (self.category_label, self.name_label, self.other_name_label, self.description_label,
                      self.url_label):
            label.refresh()
        self.badge.set_partner(partner)
        self.tags.set_partner(partner)
        self.qr.set_data(partner.website or "")
        self.qr_caption.setVisible(bool(partner.website))
        self.scroller.reset()
        was_open = not self.isHidden()
        if self.parentWidget() is not None:
            self.setGeometry(cast(QWidget, self.parentWidget()).rect())
        self.show()
        self.raise_()
        if was_open:
            self._on_anim_value_changed(1.0)
        else:
            self.anim.stop()
            self._on_anim_value_changed(0.0)
            self.anim.start()

    def close_detail(self) -> None:
        if self.isHidden():
            return
        self.anim.stop()
        self.tracker.reset()
        self.hide()
        self.partner = None
        self.category = None
        self.closed.emit()

    def finish(self) -> None:
        if self.anim.state() == QVariantAnimation.State.Running:
            self.anim.stop()
        self._on_anim_value_changed(1.0)

    # -- geometry -----------------------------------------------------------------------
    def card_width(self) -> int:
        th = self.theme
        if not th.landscape:
            return max(th.px(320), self.width() - 2 * th.px(48))
        want = th.px(1400) if (self.partner and self.partner.website) else th.px(1080)
        return max(th.px(320), min(want, self.width() - 2 * th.px(96)))

    def _layout_body(self, width: int, *, apply: bool = True) -> int:
        """Place the body's parts for ``width``; returns the height they need. Explicit
        geometry (not nested box layouts) so wrapped text never gets less than it needs."""
        th = self.theme
        gap = th.space("md")
        has_qr = bool(self.partner and self.partner.website)
        side = self.qr.width()
        qr_col = max(side, th.px(320))
        info_w = width - qr_col - th.space("xl") if (th.landscape and has_qr) else width
        info_w = max(th.px(200), info_w)
        geo: list[tuple[QWidget, QRect]] = []

        b = self.badge.width()
        nx = b + th.space("lg")
        nw = max(th.px(120), info_w - nx)
        name_h = self.name_label.heightForWidth(nw)
        other_text = bool(self.other_name_label.text())
        other_h = self.other_name_label.heightForWidth(nw) if other_text else 0
        names_h = name_h + (th.space("xxs") + other_h if other_text else 0)
        head_h = max(b, names_h)
        ny = (head_h - names_h) // 2
        geo.append((self.badge, QRect(0, (head_h - b) // 2, b, b)))
        geo.append((self.name_label, QRect(nx, ny, nw, name_h)))
        if other_text:
            geo.append((self.other_name_label, QRect(nx, ny + name_h + th.space("xxs"), nw, other_h)))
        y = head_h + gap
        desc_h = self.description_label.heightForWidth(info_w)
        geo.append((self.description_label, QRect(0, y, info_w, desc_h)))
        y += desc_h
        if self.tags.tags:
            tags_h = self.tags.heightForWidth(info_w)
            y += gap
            geo.append((self.tags, QRect(0, y, info_w, tags_h)))
            y += tags_h
        total = y
        if has_qr:
            total = self._layout_qr(geo, y, total, width, info_w, qr_col)
        if apply:
            for widget, rect in geo:
                widget.setGeometry(rect)
            self.body.setMinimumHeight(total)
        return total

    def _layout_qr(self, geo: list[tuple[QWidget, QRect]], y: int, total: int, width: int, info_w: int,
                   qr_col: int) -> int:
        """The QR code with its caption and address: a column on the right (landscape) or a
        row under the text (portrait). Returns the body's new height."""
        th = self.theme
        gap = th.space("md")
        side = self.qr.width()
        if th.landscape:
            qx = info_w + th.space("xl")
            geo.append((self.qr, QRect(qx + (qr_col - side) // 2, 0, side, side)))
            cy = side + gap
            cap_h = self.qr_caption.heightForWidth(qr_col)
            url_h = self.url_label.heightForWidth(qr_col)
            geo.append((self.qr_caption, QRect(qx, cy, qr_col, cap_h)))
            geo.append((self.url_label, QRect(qx, cy + cap_h + th.space("xxs"), qr_col, url_h)))
            total = max(total, cy + cap_h + th.space("xxs") + url_h)
        else:
            y += th.space("lg")
            tx = side + gap
            tw = max(th.px(120), width - tx)
            cap_h = self.qr_caption.heightForWidth(tw)
            url_h = self.url_label.heightForWidth(tw)
            text_h = cap_h + th.space("xxs") + url_h
            geo.append((self.qr, QRect(0, y, side, side)))
            ty = y + max(0, (side - text_h) // 2)
            geo.append((self.qr_caption, QRect(tx, ty, tw, cap_h)))
            geo.append((self.url_label, QRect(tx, ty + cap_h + th.space("xxs"), tw, url_h)))
            total = y + max(side, text_h)
        return total

    def _bar_width(self) -> int:
        bar = self.scroller.verticalScrollBar()
        return self.scroller.style().pixelMetric(self.scroller.style().PixelMetric.PM_ScrollBarExtent, None, bar)

    def _fit(self) -> tuple[QRect, bool]:
        """The card's resting place (centred, as tall as its content, never off the page)
        and whether the content fits without scrolling."""
        th = self.theme
        w = self.card_width()
        m = cast(QLayout, self.card.layout()).contentsMargins()
        frame = 2 * self.card.frameWidth()  # the card's border (from the stylesheet)
        inner_w = w - m.left() - m.right() - frame
        top_h = max(self.close_button.height(), self.category_label.heightForWidth(inner_w - self.close_button.width()))
        chrome = m.top() + top_h + cast(QLayout, self.card.layout()).spacing() + m.bottom() + frame
        cap = self.height() - 2 * th.px(40)
        body_h = self._layout_body(inner_w, apply=False)
        fits = chrome + body_h <= cap
        if not fits:  # it will scroll: lay out beside the scroll indicator
            body_h = self._layout_body(inner_w - self._bar_width(), apply=False)
        h = max(th.px(240), min(chrome + body_h, cap))
        return QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h), fits

    def card_rect(self) -> QRect:
        return self._fit()[0]

    def _place(self) -> None:
        r, fits = self._fit()
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else Qt.ScrollBarPolicy.ScrollBarAlwaysOn
        self.scroller.setVerticalScrollBarPolicy(policy)
        r.translate(0, round(self.theme.px(48) * (1.0 - self._progress)))
        self.card.setGeometry(r)
        cast(QLayout, self.card.layout()).activate()
        if self.body.width() > 0:
            self._layout_body(self.body.width())

    def _on_anim_value_changed(self, value: object) -> None:
        self._progress = float(value)  # type: ignore[arg-type]
        self._place()
        self.update()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._place()

    # -- input --------------------------------------------------------------------------
    def _outside(self, pos: QPointF) -> bool:
        return not self.card.geometry().contains(pos.toPoint())

    def _on_scrim_tap(self, pos: QPointF) -> None:
        if self._outside(pos):
            self.close_detail()

    def event(self, e: QEvent) -> bool:
        if self.forward_touch(e):
            return True  # nothing reaches the page underneath
        return super().event(e)

    def paintEvent(self, _e: QPaintEvent) -> None:
        c = QColor(self.theme.palette.background_deep)
        c.setAlphaF(0.86 * self._progress)
        p = QPainter(self)
        p.fillRect(self.rect(), c)
        p.end()
