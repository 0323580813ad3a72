"""Card: a rounded surface that stacks text lines; ``featured`` cards get the amber frame."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from kiosk.theme import Theme
from kiosk.widgets.labels import Source, TextLabel


class Card(QFrame):
    def __init__(
        self,
        theme: Theme,
        lang: str,
        *,
        featured: bool = False,
        flat: bool = False,
        padding: str = "lg",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.lang = lang
        self.setProperty("card", "flat" if flat else ("featured" if featured else "plain"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.featured = featured
        self.body = QVBoxLayout(self)
        pad = theme.space(padding)
        self.body.setContentsMargins(pad, pad, pad, pad)
        self.body.setSpacing(theme.space("sm"))

    def add_text(self, source: Source, *, role: str = "body", tone: str | None = None) -> TextLabel:
        label = TextLabel(self.theme, source, self.lang, role=role, tone=tone, parent=self)
        self.body.addWidget(label)
        return label

    def add_widget(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget
