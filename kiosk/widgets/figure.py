"""FigureCard: a key figure — big amber number with its scale word and unit, a label under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.content.model import Figure
from kiosk.numbers import split_figure
from kiosk.theme import Theme
from kiosk.widgets.card import Card
from kiosk.widgets.countup import CountUp
from kiosk.widgets.labels import TextLabel

__all__ = ["FigureCard", "split_figure"]


class FigureCard(Card):
    """A key figure card. :meth:`count_up` runs the number from 0 (pages call it when
    shown); the labels always show the value in the current language."""

    def __init__(self, theme: Theme, figure: Figure, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, lang, parent=parent)
        self.figure = figure
        self._shown = figure
        row = QHBoxLayout()
        row.setSpacing(theme.space("xs"))
        bottom = Qt.AlignmentFlag.AlignBaseline
        self.prefix = TextLabel(
            theme, lambda l: split_figure(self._shown, l)[0], lang, role="h3", tone="accent", wrap=False, parent=self
        )
        self.value = TextLabel(
            theme,
            lambda l: split_figure(self._shown, l)[1],
            lang,
            role="figure",
            tone="accent",
            wrap=False,
            parent=self,
        )
        self.unit = TextLabel(
            theme, lambda l: split_figure(self._shown, l)[2], lang, role="h3", tone="accent", wrap=False, parent=self
        )
        for label in (self.prefix, self.value, self.unit):
            row.addWidget(label, 0, bottom)
        row.addStretch(1)
        self.body.addLayout(row)
        self.label = self.add_text(figure.label, role="body", tone="muted")
        self.body.addStretch(1)
        self.count = CountUp(self, figure.value, self._on_count_value)

    def count_up(self) -> None:
        self.count.start()

    def _on_count_value(self, value: float) -> None:
        self._shown = self.figure if value == self.figure.value else self.figure.model_copy(update={"value": value})
        for label in (self.prefix, self.value, self.unit):
            label.refresh()  # re-render from the shown value
