"""Issue 16, portrait reach mode: the park plan's note (address, "schematic, not to scale")
is text, not a control, so it goes up into the tall reach header above the band instead of
covering the short band's plan (reach) or pushing the legend over it (large text + reach).
Landscape's short header keeps it on the page (on the plan, or below it in large text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from kiosk.theme.modes import ModeSet
from tests.conftest import ROOT, _shutdown_and_check


@pytest.fixture
def shipped(qtbot):
    def make(modes: ModeSet, size: tuple[int, int], lang: str):
        from kiosk.app import register_fonts
        from kiosk.shell import KioskWindow, ShellOptions, load_status

        options = ShellOptions(kiosk_mode=False, size=size, lang=lang, modes=modes, system_modes=ModeSet())
        window = KioskWindow(load_status(ROOT / "content.yaml"), options, families=register_fonts())
        qtbot.addWidget(window, before_close_func=_shutdown_and_check)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def _park(win):
    section = next(s for s in win.view.content.sections if s.type == "park")
    win.show_screen(section.id)
    win.freeze_for_shot()
    return section, win.view.page(section.id)


def _rect(w, win) -> QRect:
    return QRect(w.mapTo(win, QPoint(0, 0)), w.size())


@pytest.mark.parametrize("modes", [ModeSet(reach=True), ModeSet(reach=True, large_text=True)])
@pytest.mark.parametrize("size", [(1080, 1920), (2160, 3840)])
def test_portrait_reach_puts_the_map_note_in_the_header(shipped, qtbot, modes, size):
    win = shipped(modes, size, "en")
    section, page = _park(win)
    header = win.view.reach_header
    assert header is not None
    note = header.note
    for lang in ("en", "zh"):
        win.view.language.set(lang)
        win.freeze_for_shot()
        # the header's layout settles with the next round of the event loop
        qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()))
        assert note.isVisible() and section.address.get(lang) in note.text()
        assert section.plan.caption.get(lang) in note.text()
        assert not header.subtitle.isHidden(), "the note pushed the subtitle out"
        # above the band, below the title, and wholly shown
        assert _rect(note, win).bottom() < win.theme.reach_top
        assert _rect(note, win).top() > _rect(header.title, win).bottom()
        # on the page neither a painted caption nor a note below the plan
        assert page.plan.caption == [] and not page.note_below.isVisible()
        # the legend sits below the plan, not over it
        assert page.legend.geometry().top() > page.plan.geometry().bottom()
        assert page.legend.geometry().bottom() < page.height()
    # the site is named on the plan as a visitor first meets it
    page.plan.grab()
    site = next(h.id for h in section.hotspots if h.kind == "site")
    assert site in page.plan.layer.drawn_labels
    # another screen: no park note in the header
    win.show_screen("home")
    win.freeze_for_shot()
    assert not note.isVisible()


@pytest.mark.parametrize("modes,below", [(ModeSet(reach=True), False), (ModeSet(reach=True, large_text=True), True)])
def test_landscape_reach_keeps_the_note_on_the_page(shipped, modes, below):
    win = shipped(modes, (1920, 1080), "en")
    section, page = _park(win)
    assert not win.view.reach_header.note.isVisible()
    assert page.note_below.isVisible() == below
    assert (page.plan.caption == []) == below
    shown = page.note_below.text() if below else " ".join(text for text, _ in page.plan.caption)
    assert section.address.get("en") in shown
