"""EventDetail: the overlay a tapped timeline card opens — a large picture (or its motif),
the era, the date, the title and the whole text, with previous/next and close buttons.
A tap on the dimmed page around the panel closes it too. A text too long for the panel
scrolls (kinetic); nothing is cut off."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.sections.history.layout import EraInfo, EventInfo, Metrics
from kiosk.sections.history.motifs import paint_motif
from kiosk.sections.history.paint import badge_width, paint_badge, paint_image_cover
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.image import ImageLoader
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import FollowsLanguage, TextLabel, resolve
from kiosk.widgets.progress import progress_animation
from kiosk.widgets.scroll_cue import ScrollCue
from kiosk.widgets.tap import TOUCH_EVENTS, ForwardsTaps, TapTracker

OPEN_MS = 220


class EventVisual(QWidget):
    """The event's picture over its generated motif: the motif shows while the picture
    decodes (off the UI thread, at display size) and stays when there is none or it
    cannot be read. Rounded on the panel's outer corners only."""

    def __init__(
        self, theme: Theme, loader: ImageLoader, radius: int, *, side: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self._loader = loader
        self._radius = radius
        self._side = side  # "left" (landscape) or "top" (portrait)
        self._path: Path | None = None
        self._key: object = None
        self._image: QImage | None = None
        self._style = 0
        self._seed = 0
        self._featured = False
        loader.ready.connect(self._on_loader_ready)

    @property
    def loaded(self) -> bool:
        return self._image is not None

    def show_event(self, path: Path | None, style: int, seed: int, featured: bool) -> None:
        self._style, self._seed, self._featured = style, seed, featured
        if path != self._path:
            self._path, self._image, self._key = path, None, None
        self._request()
        self.update()

    def _request(self) -> None:
        if self._path is None or self._image is not None or self.width() < 2 or self.height() < 2:
            return
        size: QSize = self.size() * self.devicePixelRatioF()
        self._key, self._image = self._loader.request(self._path, size)

    def _on_loader_ready(self, key: object, image: QImage | None) -> None:
        if key == self._key and image is not None:
            self._image = image
            self.update()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._image = None
        self._request()

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRectF(self.rect())
        r = self._radius
        grown = rect.adjusted(0, 0, r, 0) if self._side == "left" else rect.adjusted(0, 0, 0, r)
        clip = QPainterPath()
        clip.addRoundedRect(grown, r, r)
        p.setClipRect(rect)
        p.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        if self._image is not None:
            paint_image_cover(p, self._image, rect)
        else:
            paint_motif(p, self.theme, rect, self._style, self._seed, featured=self._featured)
        p.end()


class _Badge(QWidget):
    """The amber milestone pill (painted like the card's)."""

    def __init__(self, metrics: Metrics, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metrics = metrics
        self._lang = lang
        self.setFixedHeight(metrics.badge_h)
        self.setFixedWidth(round(badge_width(metrics, lang)) + 2)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.setFixedWidth(round(badge_width(self.metrics, lang)) + 2)
        self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_badge(p, self.metrics, 0, 0, self._lang)
        p.end()


class _Panel(QWidget):
    """The detail card: raised surface, amber frame for milestones; swallows taps."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.featured = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)

    def border(self) -> float:
        return max(2.0, self.theme.px(3 if self.featured else 2))

    def paintEvent(self, _e: QPaintEvent) -> None:
        th = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        b = self.border()
        r = QRectF(self.rect()).adjusted(b / 2, b / 2, -b / 2, -b / 2)
        p.setBrush(th.color("surface_raised"))
        p.setPen(QPen(th.color("accent" if self.featured else "line_strong"), b))
        p.drawRoundedRect(r, th.radius("lg"), th.radius("lg"))
        p.end()

    def event(self, e: QEvent) -> bool:
        if e.type() in TOUCH_EVENTS:
            e.accept()  # taps on the panel's text do nothing (and never close it)
            return True
        return super().event(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        e.accept()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        e.accept()


class EventDetail(ForwardsTaps, FollowsLanguage, QWidget):
    closed = Signal()
    step_requested = Signal(int)
    """-1 for the previous event, +1 for the next."""

    def __init__(
        self, theme: Theme, loader: ImageLoader, lang: str, *, mouse_drag: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("event-detail")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.theme = theme
        self._lang = lang
        self.index: int | None = None
        self._progress = 1.0
        self.tracker = TapTracker(theme, press=self._outside, tap=self._on_scrim_tap, cancel=lambda: None)
        metrics = Metrics(theme, portrait=not theme.landscape)
        self.compact = theme.reach
        """Reach mode: a short panel in the band, text and buttons only (the text scrolls,
        with a cue, when it is long)."""
        self.panel = _Panel(theme, self)
        self.panel.setObjectName("event-detail-panel")
        landscape = theme.landscape
        outer = QBoxLayout(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom, self.panel
        )
        b = theme.px(3)
        outer.setContentsMargins(b, b, b, b)
        outer.setSpacing(0)
        self.visual = EventVisual(
            theme, loader, theme.radius("lg") - b, side="left" if landscape else "top", parent=self.panel
        )
        self.visual.setObjectName("event-detail-visual")
        outer.addWidget(self.visual, 0)
        # reach mode's short band: no picture (the card's text is what the band is for)
        self.visual.setVisible(not self.compact)

        right = QVBoxLayout()
        self.pad = theme.px(32) if self.compact else theme.px(56) if landscape else theme.px(48)
        right.setContentsMargins(self.pad, self.pad, self.pad, self.pad)
        right.setSpacing(theme.space("md"))
        self._build_body(metrics, lang, mouse_drag)
        buttons = self._build_buttons(lang)
        if self.compact:  # the band is wide and short: the text beside a column of buttons
            beside = QHBoxLayout()
            beside.setSpacing(theme.space("md"))
            beside.addWidget(self.scroller, 1)
            beside.addLayout(buttons)
            right.addLayout(beside, 1)
        else:
            right.addWidget(self.scroller, 1)
            right.addLayout(buttons)
        outer.addLayout(right, 1)

        self.prev_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.close_button.clicked.connect(self.close_detail)

        self.anim = progress_animation(self, "event-detail-open", self._on_anim_value_changed, duration_ms=OPEN_MS)
        self.hide()

    def _build_body(self, metrics: Metrics, lang: str, mouse_drag: bool) -> None:
        """The scrolling text column: badge and era, date, title, text."""
        theme = self.theme
        self.scroller = KineticScrollArea(theme, mouse_drag=mouse_drag, parent=self.panel)
        self.scroller.setObjectName("event-detail-scroll")
        body = QWidget()
        body.setObjectName("scroll-content")
        self.body = QVBoxLayout(body)
        # Height for width only: word-wrapped labels' minimum heights (at some narrow width)
        # would otherwise make the text scroll when it fits.
        self.body.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.body.setContentsMargins(0, 0, theme.px(12), 0)
        self.body.setSpacing(theme.space("sm"))
        head = QHBoxLayout()
        head.setSpacing(theme.space("sm"))
        self.badge = _Badge(metrics, lang, body)
        self.era_label = TextLabel(theme, None, lang, role="label", tone="muted", parent=body)
        self.era_label.setObjectName("event-detail-era")
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.era_label, 1, Qt.AlignmentFlag.AlignVCenter)
        self.body.addLayout(head)
        compact = self.compact  # reach mode: a size down, so the short band shows more text
        small = compact or theme.text_scale > 1.0  # large text: the text in view below a title
        self.date_label = TextLabel(theme, None, lang, role="label" if compact else "h3", tone="accent", parent=body)
        self.date_label.setObjectName("event-detail-date")
        self.title_label = TextLabel(theme, None, lang, role="h3" if small else "h2", parent=body)
        self.title_label.setObjectName("event-detail-title")
        self.text_label = TextLabel(theme, None, lang, role="body" if compact else "lead", parent=body)
        self.text_label.setObjectName("event-detail-text")
        self.body.addWidget(self.date_label)
        self.body.addWidget(self.title_label)
        self.body.addSpacing(theme.space("xs"))
        self.body.addWidget(self.text_label)
        self.body.addStretch(1)
        self.scroller.setWidget(body)
        self.cue = ScrollCue(theme, self.scroller, lang, colour="surface_raised", compact=True) \
            if small else None

    def _build_buttons(self, lang: str) -> QBoxLayout:
        """Previous, next and close in a row (compact: a column of glyphs, the words
        in their accessible names)."""
        theme = self.theme
        buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom if self.compact else QBoxLayout.Direction.LeftToRight)
        buttons.setSpacing(theme.space("sm"))
        self.prev_button = PillButton(theme, tr("history.previous", lang), glyph="back", parent=self.panel)
        self.prev_button.setObjectName("event-detail-previous")
        self.next_button = PillButton(theme, tr("history.next", lang), glyph="next", parent=self.panel)
        self.next_button.setObjectName("event-detail-next")
        self.close_button = PillButton(
            theme, tr("history.close", lang), glyph="close", variant="primary", parent=self.panel
        )
        self.close_button.setObjectName("event-detail-close")
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self._label_buttons(lang)
        return buttons

    def _label_buttons(self, lang: str) -> None:
        for button, key in ((self.prev_button, "history.previous"), (self.next_button, "history.next"),
                            (self.close_button, "history.close")):
            button.set_text("" if self.compact else tr(key, lang))
            button.setAccessibleName(tr(key, lang))

    # -- display --------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.isVisible() and self.index is not None

    def show_event(
        self, index: int, event: EventInfo, era: EraInfo, number: int, *, count: int, motif: int, animate: bool = True
    ) -> None:
        """Show event ``index`` (of ``count``) of era ``number`` (1-based)."""
        was_open = self.is_open
        self.index = index
        self.panel.featured = event.featured
        self.badge.setVisible(event.featured)
        if self.compact:  # one row, the date beside the badge (the timeline names the era)
            self.era_label.set_source(event.when)
        else:
            self.era_label.set_source(lambda lang: f"{number:02d} · {resolve(era.title, lang)}")
        self.date_label.set_source(event.when)
        self.date_label.setVisible(not self.compact)
        self.title_label.set_source(event.title)
        self.text_label.set_source(event.text)
        self.visual.show_event(event.image, motif, index, event.featured)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)
        self.scroller.reset()
        if self.parentWidget() is not None:
            self.setGeometry(cast(QWidget, self.parentWidget()).rect())
        self.show()
        self.raise_()
        self._place()
        if animate and not was_open:
            self.anim.stop()
            self._progress = 0.0
            self.anim.start()
        self.panel.update()

    def close_detail(self) -> None:
        if self.isVisible() or self.index is not None:
            self.anim.stop()
            self._progress = 1.0
            self.index = None
            self.hide()
            self.closed.emit()

    def _language_changed(self, lang: str) -> None:
        self._label_buttons(lang)
        self.badge.set_language(lang)
        for label in (self.era_label, self.date_label, self.title_label, self.text_label):
            label.set_language(lang)
        if self.cue is not None:
            self.cue.set_language(lang)
        self._place()

    # -- geometry -------------------------------------------------------------------------
    def _place(self) -> None:
        th = self.theme
        margin = th.px(16) if self.compact else th.px(72) if th.landscape else th.px(48)
        w = max(th.px(400), min(self.width() - 2 * margin, th.px(1560)))
        b = th.px(3)
        if self.compact:
            column = 3 * self.close_button.height() + 2 * th.space("sm")
            text_w = w - 2 * b - 2 * self.pad - self.close_button.sizeHint().width() - th.space("md")
            h = 2 * self.pad + 2 * b + max(column, self._text_height(text_w) - self._buttons_height())
        elif th.landscape:
            vis_w = round(w * (0.28 if th.text_scale > 1.0 else 0.36))
            self.visual.setFixedWidth(vis_w)
            text_w = w - vis_w - 2 * b - 2 * self.pad
            h = max(self._text_height(text_w), th.px(560))
        else:
            vis_h = round(w * 0.5)
            self.visual.setFixedHeight(vis_h)
            h = vis_h + self._text_height(w - 2 * b - 2 * self.pad)
        h = min(h, self.height() - 2 * margin)
        y = (self.height() - h) / 2 + (1.0 - self._progress) * th.px(40)
        self.panel.setGeometry(round((self.width() - w) / 2), round(y), w, h)

    def _text_height(self, width: int) -> int:
        """The panel height the text column needs at ``width`` (no scrolling)."""
        body = cast(QLayout, cast(QWidget, self.scroller.widget()).layout())
        width -= self.scroller.verticalScrollBar().sizeHint().width()  # as if the bar showed: then it won't
        content = body.heightForWidth(width) if body.hasHeightForWidth() else body.sizeHint().height()
        return 2 * self.pad + content + self._buttons_height() + 2 * self.theme.px(3)

    def _buttons_height(self) -> int:
        return self.theme.space("md") + self.close_button.height()

    def resizeEvent(self, e: QResizeEvent) -> None:
        self._place()
        super().resizeEvent(e)

    def _on_anim_value_changed(self, value: object) -> None:
        self._progress = float(value)  # type: ignore[arg-type]
        self._place()
        self.update()

    def finish(self) -> None:
        if self.anim.state() == QVariantAnimation.State.Running:
            self.anim.setCurrentTime(self.anim.totalDuration())
            self.anim.stop()

    # -- input: a tap on the scrim closes ---------------------------------------------------
    def _outside(self, pos: QPointF) -> bool:
        return not self.panel.geometry().contains(pos.toPoint())

    def _on_scrim_tap(self, pos: QPointF) -> None:
        if self._outside(pos):
            self.close_detail()

    def event(self, e: QEvent) -> bool:
        if self.forward_touch(e):
            return True
        return super().event(e)

    def paintEvent(self, _e: QPaintEvent) -> None:
        c = QColor(self.theme.palette.background_deep)
        c.setAlphaF(0.9 * self._progress)
        p = QPainter(self)
        p.fillRect(self.rect(), c)
        p.end()
