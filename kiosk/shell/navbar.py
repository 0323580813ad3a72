"""NavBar: Home and Back on the left, the language toggle on the right, and in between a
page indicator (which section of how many) with a swipe hint when there is room. Always
at the bottom of the screen; Home/Back hide on the home screen, the language toggle keeps
its place and shows each language in its own script."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QWidget

from kiosk.content.model import Content
from kiosk.i18n import LANGS, LANGUAGE_NAMES, tr
from kiosk.shell.navigation import HOME
from kiosk.shell.toggle import SegmentedToggle
from kiosk.theme import Theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.labels import TextLabel

#: How a bar too narrow for everything tightens, step by step: (button padding, gap token,
#: side margin, Aa control without its words).
COMPACT_STEPS = ((32, "md", 48, False), (20, "sm", 32, False), (20, "sm", 32, True), (14, "xs", 24, True))
MODES_SHORT = "Aa"


class PagerDots(QWidget):
    """Non-interactive: one dot per section, the current one a wide amber pill."""

    def __init__(self, theme: Theme, count: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.theme = theme
        self.count = count
        self.index = -1

    def sizeHint(self) -> QSize:
        d, gap = self.theme.px(14), self.theme.px(14)
        return QSize(self.count * (d + gap) + self.theme.px(28), self.theme.px(24))

    def set_index(self, index: int) -> None:
        self.index = index
        self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        th, pal = self.theme, self.theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        d, gap, wide = th.px(14), th.px(14), th.px(42)
        x = (self.width() - (self.count * (d + gap) - gap + (wide - d))) / 2
        y = (self.height() - d) / 2
        for i in range(self.count):
            w = wide if i == self.index else d
            p.setBrush(QColor(pal.accent if i == self.index else pal.line_strong))
            p.drawRoundedRect(QRectF(x, y, w, d), d / 2, d / 2)
            x += w + gap
        p.end()


class NavBar(QWidget):
    home_clicked = Signal()
    back_clicked = Signal()
    language_selected = Signal(str)
    modes_clicked = Signal()

    def __init__(self, content: Content, theme: Theme, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navbar")
        self.theme = theme
        self._lang = lang
        self._screen = HOME
        self.section_ids = [s.id for s in content.sections]
        self.setFixedHeight(theme.size("navbar"))
        row = QHBoxLayout(self)
        m = theme.px(96) if theme.landscape else theme.px(48)
        v = (self.height() - theme.size("button")) // 2
        row.setContentsMargins(m, v, m, v)
        row.setSpacing(theme.space("md"))
        self.home = PillButton(theme, tr("nav.home", lang), glyph="home", parent=self)
        self.home.setObjectName("nav-home")
        self.back = PillButton(theme, tr("nav.back", lang), glyph="back", parent=self)
        self.back.setObjectName("nav-back")
        self.home.clicked.connect(self.home_clicked)
        self.back.clicked.connect(self.back_clicked)
        row.addWidget(self.home)
        row.addWidget(self.back)
        row.addStretch(1)
        self.pager = PagerDots(theme, len(self.section_ids), self)
        self.pager.setMinimumSize(self.pager.sizeHint())
        row.addWidget(self.pager)
        self.hint = TextLabel(
            theme, lambda l: tr("page.swipe_hint", l), lang, role="caption", tone="muted", wrap=False, parent=self
        )
        self.hint.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.hint)
        row.addStretch(1)
        self.modes = PillButton(theme, tr("modes.button", lang), parent=self)
        self.modes.setObjectName("nav-modes")
        self.modes.clicked.connect(self.modes_clicked)
        row.addWidget(self.modes)
        self.lang_toggle = SegmentedToggle(theme, [(k, LANGUAGE_NAMES[k]) for k in LANGS], lang, parent=self)
        self.lang_toggle.setObjectName("lang-toggle")
        self.lang_toggle.selected.connect(self.language_selected)
        row.addWidget(self.lang_toggle)
        self.set_screen(HOME)

    def set_hint(self, key: str) -> None:
        """The swipe hint for the page shown (an i18n key): where the section swipe works."""
        self.hint.set_source(lambda l: tr(key, l))

    def set_screen(self, key: str) -> None:
        self._screen = key
        on_page = key in self.section_ids
        self.home.setVisible(key != HOME)
        self.back.setVisible(key != HOME)
        self._label_buttons()
        self.pager.set_index(self.section_ids.index(key) if on_page else -1)
        self.pager.setVisible(on_page and len(self.section_ids) > 1 and self._fits(self.pager))
        self.hint.setVisible(self.pager.isVisibleTo(self) and self._fits(self.pager, self.hint))

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.home.set_text(tr("nav.home", lang))
        self.back.set_text(tr("nav.back", lang))
        self.hint.set_language(lang)
        self.lang_toggle.set_current(lang)
        self.set_screen(self._screen)

    def _label_buttons(self) -> None:
        """Home and Back keep their words for a first-time visitor: a bar too narrow for
        everything (portrait, large text) first tightens its padding and gaps, then shows
        the Aa control as "Aa" alone (its words stay its accessible name); only a bar
        narrower still drops Home and Back to their glyphs."""
        for level in range(len(COMPACT_STEPS)):
            self._compact(level)
            if self._fits():
                return
        for button, key in ((self.home, "nav.home"), (self.back, "nav.back")):
            button.set_text("")
            button.setAccessibleName(tr(key, self._lang))

    def _compact(self, level: int) -> None:
        t = self.theme
        pad, gap, margin, short_modes = COMPACT_STEPS[level]
        for control in (self.home, self.back, self.modes, self.lang_toggle):
            control.set_padding(t.px(pad))
        layout = cast(QLayout, self.layout())
        m = layout.contentsMargins()
        side = t.px(96) if t.landscape and not level else t.px(margin)
        layout.setContentsMargins(side, m.top(), side, m.bottom())
        layout.setSpacing(t.space(gap))
        for button, key in ((self.home, "nav.home"), (self.back, "nav.back")):
            button.set_text(tr(key, self._lang))
        self.modes.set_text(MODES_SHORT if short_modes else tr("modes.button", self._lang))
        self.modes.setAccessibleName(tr("modes.button", self._lang))

    def _fits(self, *extra: QWidget) -> bool:
        gap = cast(QLayout, self.layout()).spacing()
        widgets = (self.home, self.back, self.modes, self.lang_toggle, *extra)
        used = sum(w.sizeHint().width() + gap for w in widgets)
        margins = cast(QLayout, self.layout()).contentsMargins()
        width = self.width() or self.theme.width
        return used + margins.left() + margins.right() + self.theme.space("lg") <= width

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self.set_screen(self._screen)

    def paintEvent(self, _e: QPaintEvent) -> None:
        pal = self.theme.palette
        p = QPainter(self)
        r = QRectF(self.rect())
        g = QLinearGradient(0, 0, 0, r.height())
        g.setColorAt(0, QColor(pal.surface))
        g.setColorAt(1, QColor(pal.background_deep))
        p.fillRect(r, g)  # one solid colour in high contrast (both stops are black)
        p.setPen(QPen(QColor(pal.line), max(1.0, self.theme.px(1.5))))
        p.drawLine(r.topLeft(), r.topRight())
        p.end()
