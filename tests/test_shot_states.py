"""Every declared inner state can be reached and previewed (``kiosk shot --state``), on the
real content. Quick: a few states per test, one window per test, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import states
from kiosk.shot import Row, grab, rows_for, show_state, states_for

ROOT = Path(__file__).resolve().parents[1]

REQUIRED = {
    ("park", "framework"), ("park", "hotspot"), ("partners", "detail"), ("history", "event"),
    ("platform", "charts"), ("platform", "capabilities"), ("platform", "cases"),
    ("platform", "charts"), ("platform", "capabilities"), ("platform", "cases"),
    ("countdown", "detail"), ("admin", "findings"),
}


@pytest.fixture
def real_kiosk(make_kiosk):
    from kiosk.shell import load_status

    status = load_status(ROOT / "content.yaml")
    assert status.ok

    def make(size=(1920, 1080), lang="en"):
        return make_kiosk(status, size=size, kiosk_mode=False, lang=lang)

    return make


def test_the_registry_declares_the_states_staff_need(real_kiosk):
    win = real_kiosk()
    rows = {(r.screen, r.state) for r in rows_for(win) if r.state}
    missing = REQUIRED - rows
    assert not missing, f"states not declared: {sorted(missing)}"
    for row in rows:
        assert states_for(win, row[0])[row[1]].doc, f"{row} has no description"


def test_a_declared_mode_adds_a_column():
    from kiosk.shot import columns

    before = len(columns())
    declared = {m.name for m in states.modes().values()}  # the visitor modes (issue 16)
    per_mode = before // (1 + len(declared))
    states.shot_mode("test-mode", "a test column")(lambda window: None)
    try:
        cols = columns()
        assert len(cols) == before + per_mode and {c.mode for c in cols} == {"", "test-mode", *declared}
        assert {c.mode for c in columns(["test-mode"])} == {"", "test-mode"}
        assert {c.mode for c in columns([])} == {""}
    finally:
        states._MODES.pop("test-mode")


def _image(win):
    return win.grab().toImage()


@pytest.mark.parametrize("screen", ["park", "partners", "history", "platform", "countdown", "admin"])
def test_each_state_changes_what_is_on_screen(real_kiosk, screen):
    win = real_kiosk(size=(1366, 768))
    base = Row(screen)
    show_state(win, base)
    before = _image(win)
    for name in states_for(win, screen):
        row = Row(screen, name)
        show_state(win, row)
        assert _image(win) != before, f"{row.label} looks like the screen's first state"
        if win.view is not None and win.view.content.section(screen) is not None:
            win.view.page(screen).reset()


def test_grab_writes_a_state_png(real_kiosk, tmp_path):
    from PySide6.QtGui import QImage

    win = real_kiosk(size=(1080, 1920), lang="zh")
    out = tmp_path / "park.framework.png"
    grab(win, Row("park", "framework"), out)
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1080, 1920)
    assert win.view is not None and win.view.page("park").current_panel == "figures"  # left clean


def test_contact_sheet(tmp_path):
    from PySide6.QtGui import QColor, QImage

    from kiosk.contact_sheet import write_contact_sheet
    from kiosk.shot import Column

    cells = {}
    for i, (w, h) in enumerate(((1920, 1080), (1080, 1920))):
        img = QImage(w // 10, h // 10, QImage.Format.Format_RGB32)
        img.fill(QColor("#ff0000" if i else "#00ff00"))
        path = tmp_path / f"s{i}.png"
        img.save(str(path))
        cells[(Row("home"), Column("zh", (w, h)))] = path
        cells[(Row("park", "framework"), Column("zh", (w, h)))] = path
    write_contact_sheet(tmp_path, cells)
    sheet = QImage(str(tmp_path / "overview.png"))
    assert not sheet.isNull() and sheet.width() > 300 and sheet.height() > 400
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "park · framework" in html and "s0.png" in html and "s1.png" in html


def test_all_takes_modes_by_name_or_all_and_names_an_unknown_one():
    from kiosk.shot import modes_for_all

    declared = list(states.modes())
    assert modes_for_all([]) == []
    assert modes_for_all(["all"]) == declared
    assert modes_for_all([f"{declared[0]},{declared[1]}"]) == declared[:2]
    with pytest.raises(ValueError, match="unknown mode 'larg-text'; choose from: all"):
        modes_for_all(["larg-text"])
