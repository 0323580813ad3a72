"""Key figures count up from 0 per language, and end exactly on the content's value."""

from __future__ import annotations

from kiosk.content.model import Figure, Settings, Text
from kiosk.theme import build_theme
from kiosk.widgets.figure import FigureCard


def shown(card: FigureCard) -> str:
    return "".join(label.text() for label in (card.prefix, card.value, card.unit))


def test_figure_counts_up_and_switches_language(qtbot):
    theme = build_theme(Settings(), (1920, 1080))
    figure = Figure(value=1500000000, approx=True, unit=Text(zh="元", en="yuan"),
                    label=Text(zh="总投资", en="Investment"))
    card = FigureCard(theme, figure, "zh")
    qtbot.addWidget(card)
    assert shown(card) == "约15亿元"
    card.count_up()
    assert card.value.text() == "0"
    anim = card.count.animation
    anim.setCurrentTime(anim.duration() // 4)
    assert 0 < card.count.value < 1500000000
    for label in (card.prefix, card.value, card.unit):
        label.set_language("en")
    assert card.unit.text().endswith("yuan") and card.prefix.text() == "about"
    anim.setCurrentTime(anim.duration())
    assert shown(card) == "about1.5billion yuan"
    card.count_up()
    card.count.finish()
    assert card.value.text() == "1.5" and anim.state() == anim.State.Stopped
