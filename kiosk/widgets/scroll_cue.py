"""ScrollCue: the one "there is more" affordance for every scrolling area.

A thin scroll bar is no cue on a public touchscreen. Over the far edge of the area's
viewport it paints a fade (and one over the near edge once scrolled), and puts a pill —
chevron plus "More below" / "向下滑动 查看更多" — in that fade while content remains
beyond it. Tapping the pill scrolls on by most of a screen, so it is also a button.
``horizontal=True`` does the same at the right edge (chips, timelines); ``fades=False``
leaves the fades to a view that paints its own (the partner grid); ``compact=True`` shows
the chevron alone (a row of chips).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QScroller, QWidget

from kiosk.i18n import tr
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton

STEP = 0.8
"""A tap on the pill scrolls this fraction of the viewport."""


class _Fade(QWidget):
    def __init__(self, cue: ScrollCue, parent: QWidget, *, near: bool) -> None:
        super().__init__(parent)
        self.cue = cue
        self.near = near
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, _e: QPaintEvent) -> None:
        horizontal = self.cue.horizontal
        length = self.width() if horizontal else self.height()
        end = QPoint(length, 0) if horizontal else QPoint(0, length)
        g = QLinearGradient(QPoint(0, 0), end)
        solid = QColor(self.cue.theme.color(self.cue.colour))
        clear = QColor(solid)
        clear.setAlpha(0)
        g.setColorAt(0.0, solid if self.near else clear)
        g.setColorAt(1.0, clear if self.near else solid)
        p = QPainter(self)
        p.fillRect(self.rect(), g)
        p.end()


class ScrollCue(QObject):
    """Attach to ``area``: fades and a "more" pill that follow its scroll position."""

    def __init__(self, theme: Theme, area: QAbstractScrollArea, lang: str, *, colour: str = "background",
                 horizontal: bool = False, pill: bool = True, fades: bool = True, compact: bool = False) -> None:
        super().__init__(area)
        self.theme, self.area, self.colour, self.horizontal = theme, area, colour, horizontal
        self._lang = lang
        self.fades = fades
        self.compact = compact
        self.far = _Fade(self, area, near=False)
        self.near = _Fade(self, area, near=True)
        self.more: PillButton | None = None
        if pill:
            self.more = PillButton(theme, "" if compact else self._label(lang), glyph="next" if horizontal else "down",
                                   variant="secondary", height=theme.min_target, parent=area)
            self.more.setObjectName("scroll-more")
            self.more.setAccessibleName(self._label(lang))
            self.more.clicked.connect(self.step)
            self.more.hide()
        self.bar.valueChanged.connect(self.update_cue)
        self.bar.rangeChanged.connect(self.update_cue)
        area.installEventFilter(self)
        area.viewport().installEventFilter(self)

    @property
    def bar(self) -> QScrollBar:
        return self.area.horizontalScrollBar() if self.horizontal else self.area.verticalScrollBar()

    def _label(self, lang: str) -> str:
        return tr("scroll.more_right" if self.horizontal else "scroll.more", lang)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self.more is not None:
            self.more.setAccessibleName(self._label(lang))
            if not self.compact:
                self.more.set_text(self._label(lang))
            self.update_cue()

    @property
    def has_more(self) -> bool:
        """Whether content lies beyond the far edge (what the cue says)."""
        return self.bar.maximum() - self.bar.value() > self.slack

    @property
    def slack(self) -> int:
        """Hidden pixels that don't count as "more" (a page's bottom margin)."""
        return self.theme.space("xl")

    def step(self) -> None:
        """Scroll on by most of a viewport (the pill's tap)."""
        vp = self.area.viewport()
        page = round((vp.width() if self.horizontal else vp.height()) * STEP)
        target = min(self.bar.maximum(), self.bar.value() + page)
        scroller = QScroller.scroller(vp)
        pos = QPoint(target, self.area.verticalScrollBar().value()) if self.horizontal \
            else QPoint(self.area.horizontalScrollBar().value(), target)
        if scroller is not None and self.area.isVisible():
            scroller.scrollTo(pos, 350)
        else:
            self.bar.setValue(target)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.update_cue()
        return False

    def update_cue(self, *_: object) -> None:
        vp = self.area.viewport().geometry()
        size = self.theme.px(120) if self.more is not None else self.theme.px(64)
        size = min(size, (vp.width() if self.horizontal else vp.height()) // 3)
        more, scrolled = self.has_more, self.bar.value() > self.bar.minimum()
        if self.horizontal:
            self.far.setGeometry(vp.right() + 1 - size, vp.top(), size, vp.height())
            self.near.setGeometry(vp.left(), vp.top(), size // 2, vp.height())
        else:
            self.far.setGeometry(vp.left(), vp.bottom() + 1 - size, vp.width(), size)
            self.near.setGeometry(vp.left(), vp.top(), vp.width(), size // 2)
        self.far.setVisible(more and self.fades)
        self.near.setVisible(scrolled and self.fades)
        for fade in (self.far, self.near):
            fade.raise_()
        if self.more is not None:
            self._place_pill(vp, more)

    def _place_pill(self, vp: QRect, more: bool) -> None:
        assert self.more is not None
        hint = self.more.sizeHint()
        margin = self.theme.space("sm")
        if self.horizontal:
            x, y = vp.right() + 1 - hint.width() - margin, vp.center().y() - hint.height() // 2
        else:
            x, y = vp.center().x() - hint.width() // 2, vp.bottom() + 1 - hint.height() - margin
        self.more.setGeometry(x, y, hint.width(), hint.height())
        self.more.setVisible(more)
        self.more.raise_()
