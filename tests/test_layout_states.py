"""Every state of every screen, at 1920×1080, 1080×1920 and 1366×768 (and 3840×2160, marked
slow), in both languages:
no text elided where it shouldn't be, no visible labels overlapping, nothing past the
screen edge, and no painted text (timeline cards, partner cards, plan labels…) cut or
overlapping. The states are the ones ``kiosk shot`` previews (kiosk.states)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.shot import leave_state, rows_for, show_state
from tests.layout_walk import (
    elided_labels,
    overlapping_labels,
    painted_text_problems,
    past_the_edge,
    recording_painted_text,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768),
                                  pytest.param((3840, 2160), marks=pytest.mark.slow)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_state_fits(make_kiosk, size, lang):
    from kiosk.shell import load_status

    problems: list[str] = []
    with recording_painted_text() as painted:  # from the start: cached cards are logged as they render
        win = make_kiosk(load_status(ROOT / "content.yaml"), size=size, kiosk_mode=False, lang=lang)
        for row in list(rows_for(win)):
            if row.screen == "attract":
                continue  # painted, no widgets
            show_state(win, row)
            for kind, found in (("elided", elided_labels(win)), ("overlap", overlapping_labels(win)),
                                ("past the edge", past_the_edge(win)),
                                ("painted", painted_text_problems(win, painted))):
                problems += [f"{row.label}: {kind}: {p}" for p in found]
            leave_state(win, row)
    assert not problems, "\n".join(problems)


def test_the_checks_catch_what_they_should(qtbot):
    from PySide6.QtWidgets import QLabel, QWidget

    window = QWidget()
    window.resize(400, 300)
    qtbot.addWidget(window)
    cut = QLabel("a label far too long for its tiny box", window)
    cut.setGeometry(10, 10, 60, 30)
    other = QLabel("overlapping", window)
    other.setGeometry(40, 20, 100, 30)
    out = QLabel("past", window)
    out.setGeometry(350, 280, 100, 40)
    window.show()
    qtbot.waitExposed(window)
    assert any("tiny box" in p or "far too" in p for p in elided_labels(window))
    assert overlapping_labels(window)
    assert any("QLabel" in p for p in past_the_edge(window))


def test_the_painted_text_checks_catch_what_they_should(qtbot):
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QScrollArea, QWidget

    class Painted(QWidget):
        def paintEvent(self, _e):
            p = QPainter(self)
            p.drawText(QPointF(10, 30), "two texts on")  # overlapping each other
            p.drawText(QPointF(40, 34), "top of each other")
            p.drawText(QPointF(self.width() - 20, 80), "past the edge")  # cut by the widget
            p.drawText(QRectF(0, 100, 200, 40), int(Qt.AlignmentFlag.AlignLeft), "fine")
            p.end()

    class CachedCard(QWidget):
        """Text painted into a cache, the cache drawn wider than a viewport that scrolls
        only up and down: cut across the axis it scrolls."""

        def __init__(self, parent):
            super().__init__(parent)
            self.cache = QPixmap(300, 40)
            self.cache.fill(Qt.GlobalColor.transparent)
            q = QPainter(self.cache)
            q.drawText(QPointF(150, 25), "cut sideways")
            q.end()

        def paintEvent(self, _e):
            p = QPainter(self)
            p.drawPixmap(QPointF(0, 0), self.cache)
            p.end()

    window = QWidget()
    window.resize(400, 300)
    qtbot.addWidget(window)
    with recording_painted_text() as log:
        Painted(window).setGeometry(0, 0, 200, 200)
        area = QScrollArea(window)
        area.setGeometry(210, 0, 180, 120)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner.setMinimumSize(160, 400)  # taller than the area: it scrolls vertically only
        area.setWidget(inner)
        area.setWidgetResizable(True)
        CachedCard(inner).setGeometry(0, 0, 300, 40)
        window.show()
        qtbot.waitExposed(window)
        problems = painted_text_problems(window, log)
    assert any("overlap" in p and "two texts on" in p for p in problems), problems
    assert any("cut" in p and "past the edge" in p for p in problems), problems
    assert any("cut" in p and "cut sideways" in p for p in problems), problems
    assert not any("fine" in p for p in problems)
    # and without a recording running it records one itself (the cache painted before is not seen)
    assert any("past the edge" in p for p in painted_text_problems(window))


def test_a_history_card_cut_by_the_screen_edge_is_caught(make_kiosk, monkeypatch):
    """The fault the portrait timeline once had: cards wider than the screen."""
    from kiosk.sections.history import vertical
    from kiosk.shell import load_status

    real = vertical.build_vertical_layout

    def too_wide(metrics, eras, events, w, h, lang=None):
        return real(metrics, eras, events, w + 400, h, lang)

    monkeypatch.setattr(vertical, "build_vertical_layout", too_wide)
    with recording_painted_text() as painted:
        win = make_kiosk(load_status(ROOT / "content.yaml"), size=(1080, 1920), kiosk_mode=False, lang="en")
        row = next(r for r in rows_for(win) if r.screen == "history" and not r.state)
        show_state(win, row)
        problems = painted_text_problems(win, painted)
        leave_state(win, row)
    assert any(p.startswith("cut: VerticalTimelineView") for p in problems), problems
