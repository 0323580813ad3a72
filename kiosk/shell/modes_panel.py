"""The "Aa" panel: four big switches (large text, high contrast, reduced motion, reach)
and Done. Each switch shows its state by shape as well as colour: the knob's side, a
check or a bar in the knob, and the written word (On / Off)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.shell.overlay import Overlay
from kiosk.theme import Theme
from kiosk.theme.modes import MODE_NAMES, ModeSet
from kiosk.widgets.button import PillButton
from kiosk.widgets.glyphs import draw_glyph
from kiosk.widgets.labels import TextLabel
from kiosk.widgets.touch import TouchButton


class ModeSwitch(TouchButton):
    """One full-width row: the mode's name on the left, an on/off switch on the right."""

    def __init__(self, theme: Theme, name: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.setObjectName(f"mode-{name}")
        self.name = name
        self._lang = lang
        self.setFont(theme.font("label"))
        self.setFixedHeight(max(theme.min_target, theme.size("button")))
        self._named()

    def _named(self) -> None:
        state = tr("modes.on" if self.is_checked else "modes.off", self._lang)
        self.setAccessibleName(f"{tr(f'modes.{self.name}', self._lang)}: {state}")

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._named()
        self.updateGeometry()
        self.update()

    def set_checked(self, checked: bool) -> None:
        super().set_checked(checked)
        self._named()

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        words = fm.horizontalAdvance(tr(f"modes.{self.name}", self._lang))
        return QSize(words + self._switch_width() + 3 * self.theme.space("md"), self.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _switch_width(self) -> int:
        fm = QFontMetrics(self.font())
        word = max(fm.horizontalAdvance(tr(k, self._lang)) for k in ("modes.on", "modes.off"))
        return self.height() * 2 + word

    def paintEvent(self, _e: QPaintEvent) -> None:
        th, pal = self.theme, self.theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QPen(QColor(pal.line_strong), max(1.5, th.px(2))))
        p.setBrush(QColor(pal.surface_pressed if self.is_down else pal.surface_raised))
        p.drawRoundedRect(r, th.radius("md"), th.radius("md"))
        p.setFont(self.font())
        p.setPen(QColor(pal.text))
        text = r.adjusted(th.space("md"), 0, -self._switch_width() - th.space("md"), 0)
        p.drawText(text, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                   tr(f"modes.{self.name}", self._lang))
        self._paint_switch(p, r)
        p.end()

    def _paint_switch(self, p: QPainter, r: QRectF) -> None:
        th, pal, on = self.theme, self.theme.palette, self.is_checked
        pad = th.px(10)
        sw = self._switch_width()
        track = QRectF(r.right() - sw - pad, r.top() + pad, sw, r.height() - 2 * pad)
        p.setPen(QPen(QColor(pal.text), max(2.0, th.px(3))))
        p.setBrush(QColor(pal.primary_fill if on else pal.surface))
        p.drawRoundedRect(track, track.height() / 2, track.height() / 2)
        d = track.height() - 2 * th.px(6)
        knob = QRectF(track.right() - d - th.px(6) if on else track.left() + th.px(6), track.top() + th.px(6), d, d)
        p.setBrush(QColor(pal.on_primary if on else pal.text))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(knob)
        mark = knob.adjusted(d * 0.25, d * 0.25, -d * 0.25, -d * 0.25)
        ink = QColor(pal.primary_fill if on else pal.surface)
        if on:
            draw_glyph(p, "check", mark, ink, max(2.0, th.px(4)))
        else:
            p.setPen(QPen(ink, max(2.0, th.px(4)), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawLine(QPointF(mark.left(), mark.center().y()), QPointF(mark.right(), mark.center().y()))
        word = track.adjusted(th.px(16), 0, -th.px(16), 0)
        p.setPen(QColor(pal.on_primary if on else pal.text))
        align = Qt.AlignmentFlag.AlignLeft if on else Qt.AlignmentFlag.AlignRight
        p.drawText(word, int(align | Qt.AlignmentFlag.AlignVCenter), tr("modes.on" if on else "modes.off", self._lang))


class ModesPanel(QFrame):
    toggled = Signal(str)
    done = Signal()

    def __init__(self, theme: Theme, lang: str, modes: ModeSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modes-panel")
        self.setProperty("card", "plain")
        col = QVBoxLayout(self)
        m = theme.space("md")
        col.setContentsMargins(m, m, m, m)
        col.setSpacing(theme.space("xs"))
        head = QHBoxLayout()  # the title, and Done where a thumb finds it
        self.title = TextLabel(theme, lambda l: tr("modes.title", l), lang, role="h3", wrap=False, parent=self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.title, 1)
        col.addLayout(head)
        self.switches: dict[str, ModeSwitch] = {}
        for name in MODE_NAMES:
            switch = ModeSwitch(theme, name, lang, self)
            switch.set_checked(getattr(modes, name))
            switch.clicked.connect(lambda n=name: self.toggled.emit(n))
            col.addWidget(switch)
            self.switches[name] = switch
        self.close_button = PillButton(theme, tr("modes.done", lang), glyph="check", variant="primary", parent=self)
        self.close_button.setObjectName("modes-done")
        self.close_button.clicked.connect(self.done)
        head.addWidget(self.close_button)

    def set_modes(self, modes: ModeSet) -> None:
        for name, switch in self.switches.items():
            switch.set_checked(getattr(modes, name))

    def set_language(self, lang: str) -> None:
        self.title.set_language(lang)
        for switch in self.switches.values():
            switch.set_language(lang)
        self.close_button.set_text(tr("modes.done", lang))


class ModesOverlay(Overlay):
    """The panel over a scrim; in reach mode it sits in the reachable band."""

    def __init__(self, theme: Theme, lang: str, modes: ModeSet, parent: QWidget | None = None) -> None:
        self.modes_panel = ModesPanel(theme, lang, modes)
        super().__init__(theme, self.modes_panel, width_units=860, parent=parent)
        self.setObjectName("modes-overlay")
        self.modes_panel.done.connect(self.close_overlay)
