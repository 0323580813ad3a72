"""Every state of every screen, at 1920×1080, 1080×1920 and 1366×768, in both languages:
no text elided where it shouldn't be, no visible labels overlapping, nothing past the
screen edge. The states are the ones ``kiosk shot`` previews (kiosk.states)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.shot import leave_state, rows_for, show_state
from tests.layout_walk import elided_labels, overlapping_labels, past_the_edge

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_state_fits(make_kiosk, size, lang):
    from kiosk.shell import load_status

    win = make_kiosk(load_status(ROOT / "content.yaml"), size=size, kiosk_mode=False, lang=lang)
    problems: list[str] = []
    for row in list(rows_for(win)):
        if row.screen == "attract":
            continue  # painted, no widgets
        show_state(win, row)
        for kind, found in (("elided", elided_labels(win)), ("overlap", overlapping_labels(win)),
                            ("past the edge", past_the_edge(win))):
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
