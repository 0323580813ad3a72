"""The partner grid view: a touch-first QListView of painted cards.

Nothing here builds a widget per partner: :class:`PartnerGridView` is a :class:`QListView`
laid out left-to-right with wrapping (a grid) over a
:class:`~kiosk.sections.partners.model.PartnerListModel`, painted by
:class:`~kiosk.sections.partners.card.PartnerCardDelegate`, so 1,000 partners cost 1,000
small rows and only the visible cards are ever painted.

The view takes touch itself: the pressed card is painted on the next frame, a tap emits
:attr:`PartnerGridView.card_tapped`, a drag scrolls (QScroller, per pixel) and cancels the
press, and a tap that stops a fling only stops it. No selection, no focus frame, no hover.
The top and bottom edges fade into the page while there is more to scroll to.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QImage,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QScroller, QWidget

from kiosk.content.model import Partner
from kiosk.sections.partners.card import PartnerCardDelegate, draw_logo, grid_metrics
from kiosk.sections.partners.model import ID_ROLE, KIND_ROLE, PartnerListModel, RowKind
from kiosk.theme import Theme
from kiosk.widgets.image import ImageLoader
from kiosk.widgets.kinetic import make_kinetic
from kiosk.widgets.monogram import monogram_pixmap
from kiosk.widgets.tap import ForwardsTaps, TapTracker


class PartnerGridView(ForwardsTaps, QListView):
    """The card grid. Emits :attr:`card_tapped` with the partner id."""

    card_tapped = Signal(str)

    def __init__(
        self,
        theme: Theme,
        model: PartnerListModel,
        *,
        images: ImageLoader | None = None,
        media: Callable[[str | None], Path | None] | None = None,
        count_text: Callable[[int, str], str] = lambda n, _lang: str(n),
        mouse_drag: bool = False,
        min_card: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.images = images
        self.media = media or (lambda _rel: None)
        self.count_text = count_text
        self.min_card = min_card or theme.px(500)
        self.pressed_row: int | None = None
        self._reveal: str | None = None
        self.tracker = TapTracker(theme, press=self._press, tap=self._finish, cancel=self._cancel_press)
        self._pending_logos: set[Any] = set()
        self.setObjectName("partner-grid")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Fixed)
        self.setMovement(QListView.Movement.Static)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setUniformItemSizes(False)
        self.setSpacing(theme.space("md") // 2)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setDragEnabled(False)
        self.setAutoScroll(False)
        self.setMouseTracking(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(theme.px(48))
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover, False)
        self.viewport().setAutoFillBackground(False)
        self.setAutoFillBackground(False)
        self.delegate = PartnerCardDelegate(self, self)
        self.setItemDelegate(self.delegate)
        self.metrics = grid_metrics(theme, theme.px(1200), self.spacing(), self.min_card, self.delegate.card_height())
        self.setModel(model)
        model.modelAboutToBeReset.connect(self.tracker.drop)
        self.scroller = make_kinetic(self, mouse_drag=mouse_drag)
        self.scroller.stateChanged.connect(self._on_scroller_state_changed)
        if images is not None:
            images.ready.connect(self._on_images_ready)

    # -- queries ------------------------------------------------------------------------
    def grid_model(self) -> PartnerListModel:
        return self.model()  # type: ignore[return-value]

    def card_rect(self, partner_id: str) -> QRect:
        """Where ``partner_id``'s card is, in viewport coordinates (empty if filtered out)."""
        row = self.grid_model().row_of_partner(partner_id)
        return self.visualRect(self.model().index(row, 0)) if row is not None else QRect()

    def visible_cards(self) -> list[str]:
        """Ids of the cards at least partly inside the viewport."""
        area = self.viewport().rect()
        m = self.grid_model()
        return [
            pid
            for pid in m.visible_partner_ids()
            if self.visualRect(m.index(cast(int, m.row_of_partner(pid)), 0)).intersects(area)
        ]

    def is_at_start(self) -> bool:
        return self.verticalScrollBar().value() == 0

    # -- commands -----------------------------------------------------------------------
    def reset_scroll(self) -> None:
        self.scroller.stop()
        self._reveal = None
        self.verticalScrollBar().setValue(0)

    def reveal(self, partner_id: str) -> bool:
        """Scroll so ``partner_id``'s card is in view (centred where possible). On a view
        that has no size yet (a page built for a deep link) it happens once it has one."""
        if self.grid_model().row_of_partner(partner_id) is None:
            return False
        self.scroller.stop()
        self._reveal = partner_id
        self._apply_reveal()
        return True

    def _apply_reveal(self) -> None:
        row = self.grid_model().row_of_partner(self._reveal or "")
        if row is None:
            self._reveal = None
            return
        self.doItemsLayout()
        self.scrollTo(self.model().index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        if self.isVisible() and self.viewport().height() > self.metrics.card.height():
            self._reveal = None

    def set_language(self, lang: str) -> None:
        """Show the cards in ``lang``; the card at the top stays where it is on screen."""
        if lang == self.grid_model().lang:
            return
        anchor = self._anchor()
        self.grid_model().set_language(lang)
        self._relayout(anchor)

    def relayout(self) -> None:
        """Lay the items out again (new width), keeping the first visible card where it
        was on screen."""
        self._relayout(self._anchor())

    def _anchor(self) -> tuple[QPersistentModelIndex, int]:
        idx = self._top_index()
        return QPersistentModelIndex(idx), (self.visualRect(idx).top() if idx.isValid() else 0)

    def _relayout(self, anchor: tuple[QPersistentModelIndex, int]) -> None:
        if self._reveal is not None:
            self._apply_reveal()
            return
        index, offset = anchor
        self.doItemsLayout()
        if index.isValid():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.visualRect(self.model().index(index.row(), 0)).top() - offset)

    def _top_index(self) -> QModelIndex:
        x = self.spacing() + self.metrics.card.width() // 2
        step = max(4, self.spacing())
        for y in range(0, self.viewport().height(), step):
            idx = self.indexAt(QPoint(x, y))
            if idx.isValid():
                return idx
        return QModelIndex()

    # -- painting support ---------------------------------------------------------------
    def paint_badge(self, p: QPainter, box: QRectF, partner: Partner, lang: str) -> None:
        """The partner's logo on a light plate, or its monogram (also while loading)."""
        dpr = self.devicePixelRatioF()
        side = round(box.width())
        logo = self._logo(partner, side, dpr)
        if logo is None:
            text, style = self.grid_model().monogram(partner.id, lang)
            p.drawPixmap(box.topLeft(), monogram_pixmap(self.theme, partner.id, text, side, dpr, style))
            return
        draw_logo(p, box, logo, self.theme)

    def _logo(self, partner: Partner, side: int, dpr: float) -> QImage | None:
        if partner.logo is None or self.images is None:
            return None
        path = self.media(partner.logo)
        if path is None:
            return None
        device = QSize(round(side * dpr), round(side * dpr))
        key, image = self.images.request(path, device)
        if image is None and key is not None:
            self._pending_logos.add(key)
        return image

    def _on_images_ready(self, key: object, image: object) -> None:
        if key in self._pending_logos:
            self._pending_logos.discard(key)
            if image is not None:
                self.viewport().update()

    # -- layout -------------------------------------------------------------------------
    def usable_width(self) -> int:
        """Width the items are laid out in (QListView keeps room for the scroll bar)."""
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar())
        return self.maximumViewportSize().width() - bar

    def update_metrics(self) -> bool:
        m = grid_metrics(self.theme, self.usable_width(), self.spacing(), self.min_card, self.delegate.card_height())
        if m == self.metrics:
            return False
        self.metrics = m
        return True

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        if self.update_metrics() or self._reveal is not None:
            self.relayout()

    # -- edge fades -----------------------------------------------------------------------
    def fade_height(self) -> int:
        return self.theme.px(40)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        # the blit moved the painted fades: repaint both edge strips (plus what moved in)
        vp = self.viewport()
        strip = self.fade_height() + abs(dy) + 1
        vp.update(QRect(0, 0, vp.width(), strip))
        vp.update(QRect(0, vp.height() - strip, vp.width(), strip))

    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        bar = self.verticalScrollBar()
        h = self.fade_height()
        vp = self.viewport()
        p = QPainter(vp)
        bg = QColor(self.theme.palette.background)
        clear = QColor(bg)
        clear.setAlpha(0)
        if bar.value() > bar.minimum():
            g = QLinearGradient(0, 0, 0, h)
            g.setColorAt(0, bg)
            g.setColorAt(1, clear)
            p.fillRect(QRect(0, 0, vp.width(), h), g)
        if bar.value() < bar.maximum():
            g = QLinearGradient(0, vp.height() - h, 0, vp.height())
            g.setColorAt(0, clear)
            g.setColorAt(1, bg)
            p.fillRect(QRect(0, vp.height() - h, vp.width(), h), g)
        p.end()

    # -- touch and mouse ----------------------------------------------------------------
    def viewportEvent(self, e: QEvent) -> bool:
        if self.forward_touch(e):
            return True
        return super().viewportEvent(e)

    def _press(self, pos: QPointF) -> bool:
        self._cancel_press()
        if self.scroller.state() == QScroller.State.Scrolling:
            return False  # this touch stops the fling; it does not open a card
        idx = self.indexAt(pos.toPoint())
        if idx.isValid() and idx.data(KIND_ROLE) == RowKind.CARD:
            self.pressed_row = idx.row()
            self.viewport().update(self.visualRect(idx))
            return True
        return False

    def _finish(self, pos: QPointF) -> None:
        row = self.pressed_row
        self._cancel_press()
        if row is None:
            return
        idx = self.model().index(row, 0)
        if self.visualRect(idx).adjusted(-8, -8, 8, 8).contains(pos.toPoint()):
            self.card_tapped.emit(idx.data(ID_ROLE))

    def _cancel_press(self) -> None:
        if self.pressed_row is not None:
            idx = self.model().index(self.pressed_row, 0)
            self.pressed_row = None
            self.viewport().update(self.visualRect(idx))

    def _on_scroller_state_changed(self, state: QScroller.State) -> None:
        if state in (QScroller.State.Dragging, QScroller.State.Scrolling):
            self.tracker.drop()
            self._reveal = None  # the visitor took over

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        if self._reveal is not None:
            self._apply_reveal()

    def hideEvent(self, e: QHideEvent) -> None:
        self.tracker.reset()
        super().hideEvent(e)
