"""The platform page's cards: the hero band of figures, the bento grid of capabilities,
capability and case cards."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import Capability, Case, Text
from kiosk.i18n import format_date, tr
from kiosk.sections.platform.chart_card import TapCard
from kiosk.sections.platform.hero_paint import paint_band
from kiosk.theme import Theme
from kiosk.widgets import icons
from kiosk.widgets.card import Card
from kiosk.widgets.chip import Chip
from kiosk.widgets.figure import FigureCard
from kiosk.widgets.labels import TextLabel
from kiosk.widgets.paintcache import StateCache


class HeroBand(QWidget):
    """The key figures on one glowing band: 4 across in landscape, 2 × 2 in portrait,
    hairline dividers between them."""

    def __init__(self, theme: Theme, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("platform-hero")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        outer = QVBoxLayout(self)
        pad_x = theme.space("lg")
        outer.setContentsMargins(pad_x, theme.space("lg"), pad_x, theme.space("lg"))
        outer.setSpacing(theme.space("sm"))
        self.kicker = TextLabel(
            theme, lambda l: tr("platform.figures", l), lang, role="label", tone="accent", parent=self
        )
        outer.addWidget(self.kicker)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(theme.space("lg"))
        self.grid.setVerticalSpacing(theme.space("md"))
        outer.addLayout(self.grid)
        self.cards: list[FigureCard] = []
        self._band = StateCache(limit=2)

    def columns(self) -> int:
        n = len(self.cards) or 1
        wide = self.theme.landscape and self.theme.text_scale == 1.0  # large text: 2 × 2
        if not self.theme.landscape and self.theme.text_scale > 1:
            return 1  # portrait in large text: a number and its unit need the whole width
        return min(n, 4) if wide else min(n, 2)

    def add(self, card: FigureCard) -> None:
        card.setParent(self)
        card.setProperty("card", "flat")
        # Equal columns whatever the count-up shows mid-way (2.56亿 is wider than 3.4亿):
        # the band never jitters while the numbers run.
        card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        card.body.setContentsMargins(0, self.theme.space("xs"), 0, self.theme.space("xs"))
        self.cards.append(card)
        for c in self.cards:
            self.grid.removeWidget(c)
        cols = self.columns()
        for i, c in enumerate(self.cards):
            self.grid.addWidget(c, i // cols, i % cols)
        for col in range(cols):
            self.grid.setColumnStretch(col, 1)

    def paintEvent(self, _e: QPaintEvent) -> None:
        # Drawn once per layout: the count-up repaints only its figures over the cached band.
        figures = [c.geometry() for c in self.cards]
        state = (id(self.theme), self.columns(), tuple(g.getRect() for g in figures))
        self._band.paint(self, state, lambda p: paint_band(
            p, self.theme, self.rect(), figures, self.columns(), self.grid.horizontalSpacing()))


class BentoGrid(QWidget):
    """Cards in ``columns`` columns; a short last row shares the full width (5 cards in 3
    columns: 3 + 2 wide ones), so no row ends in a hole."""

    def __init__(self, theme: Theme, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.cols = max(1, columns)
        self.items: list[QWidget] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(theme.space("md"))
        self.grid.setVerticalSpacing(theme.space("md"))

    def add(self, widget: QWidget) -> QWidget:
        widget.setParent(self)
        self.items.append(widget)
        self._flow()
        return widget

    def _flow(self) -> None:
        for w in self.items:
            self.grid.removeWidget(w)
        n, cols = len(self.items), min(self.cols, len(self.items))
        last = n % cols or cols
        sub = math.lcm(cols, last)  # sub-columns: regular cards span sub/cols, the last row sub/last
        full = n - last
        for i, w in enumerate(self.items):
            if i < full:
                span = sub // cols
                self.grid.addWidget(w, i // cols, (i % cols) * span, 1, span)
            else:
                span = sub // last
                self.grid.addWidget(w, full // cols, (i - full) * span, 1, span)
        for c in range(sub):
            self.grid.setColumnStretch(c, 1)


class IconDisc(QWidget):
    """A capability's icon (qtawesome) on a primary-tinted disc; a monogram if it has none."""

    def __init__(self, theme: Theme, icon_name: str | None, monogram: str, parent: QWidget | None = None,
                 *, side: int = 104) -> None:
        super().__init__(parent)
        self.theme = theme
        self.monogram = monogram[:1]
        side = theme.px(side)
        self.setFixedSize(side, side)
        self.pixmap: QPixmap | None = (
            icons.icon_pixmap(icon_name, theme.palette.text, round(side * 0.5)) if icon_name else None
        )

    def paintEvent(self, _e: QPaintEvent) -> None:
        pal = self.theme.palette
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        g = QLinearGradient(r.topLeft(), r.bottomRight())
        g.setColorAt(0.0, QColor(pal.primary_soft))
        g.setColorAt(1.0, QColor(pal.primary_faint))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(g)
        p.drawEllipse(r)
        if self.pixmap is not None:
            pm = self.pixmap
            dpr = pm.devicePixelRatio() or 1.0
            w, h = pm.width() / dpr, pm.height() / dpr
            p.drawPixmap(QRectF(r.center().x() - w / 2, r.center().y() - h / 2, w, h), pm, QRectF(pm.rect()))
        else:
            p.setPen(QColor(pal.text))
            p.setFont(self.theme.font("h3"))
            p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), self.monogram)
        p.end()


class CapabilityCard(Card):
    """What the platform offers: icon disc, title, one line or two of text."""

    def __init__(self, theme: Theme, capability: Capability, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, lang, padding="md", parent=parent)  # two rows fit a landscape tab
        self.capability = capability
        self.setObjectName(f"capability-{capability.id}")
        self.body.setSpacing(theme.space("xs"))
        self.disc = IconDisc(theme, capability.icon, capability.title.get(lang), self,
                             side=72 if theme.landscape else 104)
        self.title = TextLabel(theme, capability.title, lang, role="h3", parent=self)
        if theme.landscape:  # disc beside the title: two rows of cards fit one screen
            row = QHBoxLayout()
            row.setSpacing(theme.space("md"))
            row.addWidget(self.disc, 0, Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
            self.body.addLayout(row)
        else:
            self.body.addWidget(self.disc)
            self.body.addSpacing(theme.space("sm"))
            self.body.addWidget(self.title)
        self.text = self.add_text(capability.text, role="body", tone="muted")
        self.body.addStretch(1)


class CaseCard(TapCard):
    """A case: date kicker, title, text, and a chip per linked partner."""

    partner_tapped = Signal(str)

    def __init__(self, theme: Theme, case: Case, lang: str, partner_names: dict[str, Text],
                 parent: QWidget | None = None) -> None:
        super().__init__(theme, featured=True, parent=parent)
        self.case = case
        self.setObjectName(f"case-{case.id}")
        self.setAccessibleName(case.title.get(lang))
        if case.date is not None:
            date = case.date
            self.body.addWidget(
                TextLabel(theme, lambda l: format_date(date, l), lang, role="label", tone="accent", parent=self)
            )
        self.title = TextLabel(theme, case.title, lang, role="h3", parent=self)
        self.text = TextLabel(theme, case.text, lang, role="body", parent=self)
        self.body.addWidget(self.title)
        self.body.addWidget(self.text)
        self.body.addStretch(1)
        self.chips: dict[str, Chip] = {}
        self._names = partner_names
        linked = [pid for pid in case.partners if pid in partner_names]
        if linked:
            row = QHBoxLayout()
            row.setSpacing(theme.space("sm"))
            self.partners_label = TextLabel(
                theme, lambda l: tr("platform.partners", l), lang, role="caption", tone="muted", wrap=False, parent=self
            )
            row.addWidget(self.partners_label, 0, Qt.AlignmentFlag.AlignVCenter)
            for pid in linked:
                chip = Chip(theme, partner_names[pid].get(lang), accent=True, parent=self)
                chip.setObjectName(f"case-partner-{pid}")
                chip.clicked.connect(lambda pid=pid: self.partner_tapped.emit(pid))
                row.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
                self.chips[pid] = chip
            row.addStretch(1)
            self.body.addSpacing(theme.space("xs"))
            self.body.addLayout(row)

    def set_language(self, lang: str) -> None:
        self.setAccessibleName(self.case.title.get(lang))
        for pid, chip in self.chips.items():
            chip.set_text(self._names[pid].get(lang))
