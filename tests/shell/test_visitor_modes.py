"""Visitor modes (issue 16): the state, its defaults (content, system), the Aa control,
the type scale in large text, reduced motion and the reset per visitor."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.access import Accessibility, Mounting, reach_band, screen_height_mm
from kiosk.content.model import Content
from kiosk.shell.modes import VisitorModes, gtk_modes, start_modes, system_modes
from kiosk.theme import TYPE_SCALE, build_theme
from kiosk.theme.modes import LARGE_TEXT_SCALE, MODE_NAMES, NO_MODES, ModeSet
from kiosk.widgets.motion import running
from tests.conftest import ROOT, _shutdown_and_check, minimal_content_dict

SECTIONS = ["history", "park", "partners", "platform"]


@pytest.fixture
def kiosk(qtbot):
    """A shown window with the system's modes injected (none unless given)."""

    def make(data=None, *, size=(1920, 1080), modes=None, system=NO_MODES, lang=None):
        from kiosk.app import register_fonts
        from kiosk.shell import KioskWindow, ShellOptions, status_from_content

        content = Content.model_validate(data or minimal_content_dict())
        status = status_from_content(content, ROOT / "content.yaml")
        options = ShellOptions(size=size, lang=lang, system_modes=system, modes=modes)
        window = KioskWindow(status, options, families=register_fonts())
        qtbot.addWidget(window, before_close_func=_shutdown_and_check)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


# -- content and state ----------------------------------------------------------------------
def test_accessibility_block_defaults_and_errors():
    assert Content.model_validate(minimal_content_dict()).accessibility == Accessibility()
    data = minimal_content_dict()
    data["accessibility"] = {"large_text": True, "mounting": {"bottom_edge_mm": 900, "height_mm": 1200}}
    access = Content.model_validate(data).accessibility
    assert access.large_text and not access.reach and access.mounting.height_mm == 1200
    for bad in ({"large_txt": True}, {"large_text": "yes"}, {"mounting": {"bottom_edge_mm": -5}}):
        data["accessibility"] = bad
        with pytest.raises(ValueError):
            Content.model_validate(data)


def test_shipped_content_validates_with_its_accessibility_block():
    from kiosk.content.loader import load_file

    access = load_file(ROOT / "content.yaml").content.accessibility
    assert access.mounting.bottom_edge_mm == 800
    assert (access.large_text, access.high_contrast, access.reduced_motion, access.reach) == (False,) * 4


def test_reach_band_from_the_mounting():
    portrait = (1080, 1920)
    # a 55" portrait panel is 1,218 mm tall; bottom edge 800 mm: the top ~818 mm are above 1,200 mm
    height = screen_height_mm(Mounting(), 55.0, portrait)
    assert height == pytest.approx(1217.6, abs=0.5)
    top, bottom = reach_band(Mounting(bottom_edge_mm=800), 55.0, portrait)
    assert bottom == 1920 and top == pytest.approx(1920 * (800 + height - 1200) / height, abs=1)
    # landscape 55": 685 mm tall, bottom at 500 mm -> top at 1,185 mm: all in reach
    assert reach_band(Mounting(bottom_edge_mm=500), 55.0, (1920, 1080)) == (0, 1080)
    # given height wins; a screen entirely above reach leaves nothing reachable
    assert reach_band(Mounting(bottom_edge_mm=1300, height_mm=600), 55.0, portrait) == (1920, 1920)


def test_visitor_modes_toggle_signal_and_reset(qapp):
    modes = VisitorModes(ModeSet(large_text=True))
    seen, on = [], []
    modes.changed.connect(seen.append)
    modes.turned_on.connect(on.append)
    modes.toggle("high_contrast")
    modes.set("large_text", False)
    assert modes.current == ModeSet(high_contrast=True)
    assert on == ["high_contrast"]
    modes.reset()
    assert modes.current == ModeSet(large_text=True) and len(seen) == 3 and on == ["high_contrast"]
    with pytest.raises(ValueError):
        modes.set("big", True)


def test_mode_names_parse_like_the_command_line():
    assert ModeSet.parse(["large-text,high-contrast", "reach"]) == ModeSet(True, True, False, True)
    assert ModeSet.parse(["reduced_motion"]).on() == ("reduced_motion",)
    with pytest.raises(ValueError):
        ModeSet.parse(["huge-text"])


def test_system_modes_from_gtk_settings_and_qt(tmp_path: Path, qapp):
    ini = tmp_path / "settings.ini"
    ini.write_text("[Settings]\ngtk-theme-name=HighContrast\ngtk-enable-animations=false\n", encoding="utf-8")
    assert gtk_modes(ini, env={}) == ModeSet(high_contrast=True, reduced_motion=True)
    assert gtk_modes(tmp_path / "missing.ini", env={}) == ModeSet()
    assert gtk_modes(tmp_path / "missing.ini", env={"GTK_THEME": "Adwaita:HighContrast"}).high_contrast
    (tmp_path / "bad.ini").write_bytes(b"\xff\xfe not ini")
    assert gtk_modes(tmp_path / "bad.ini", env={}) == ModeSet()  # unreadable: ignored
    assert system_modes(qt=True, gtk=ModeSet()) == ModeSet(high_contrast=True)
    assert system_modes(qt=False, gtk=ModeSet(reduced_motion=True)) == ModeSet(reduced_motion=True)
    assert isinstance(system_modes(gtk=ModeSet()), ModeSet)  # asks Qt itself
    assert start_modes(Accessibility(large_text=True), ModeSet(reduced_motion=True)) == ModeSet(
        large_text=True, reduced_motion=True)


# -- type scale -----------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_large_text_multiplies_the_whole_type_scale(size):
    normal = build_theme(None, size)
    large = build_theme(None, size, modes=ModeSet(large_text=True))
    assert LARGE_TEXT_SCALE >= 1.35
    for role in TYPE_SCALE:
        assert large.font_px(role) >= round(normal.font_px(role) * 1.35) - 1, role
        assert large.font(role).pixelSize() == large.font_px(role)
    assert large != normal  # caches keyed by the theme see a new key


# -- the window -----------------------------------------------------------------------------
def _open_panel(win, qtbot):
    view = win.view
    qtbot.mouseClick(view.navbar.modes, _left())
    assert view.modes_overlay.isVisible()
    return view.modes_overlay.modes_panel


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_aa_button_is_on_every_page_and_big_enough(kiosk, size):
    win = kiosk(size=size)
    for screen in ["home", *SECTIONS]:
        win.show_screen(screen)
        button = win.view.navbar.modes
        assert button.isVisible(), screen
        assert min(button.width(), button.height()) >= max(64, win.theme.min_target)
        assert "Aa" in button.text


def test_toggling_a_mode_applies_in_place_and_the_idle_reset_clears_it(kiosk, qtbot):
    win = kiosk(lang="zh")
    win.show_screen("partners")
    win.view.language.set("en")
    panel = _open_panel(win, qtbot)
    body = win.theme.font_px("body")
    qtbot.mouseClick(panel.switches["large_text"], _left())
    assert win.modes.current == ModeSet(large_text=True)
    assert win.theme.font_px("body") > body
    view = win.view
    assert view.current == "partners" and view.lang == "en"  # the same screen and language
    assert view.modes_overlay.isVisible() and view.modes_overlay.modes_panel.switches["large_text"].is_checked
    qtbot.mouseClick(view.modes_overlay.modes_panel.close_button, _left())
    assert not view.modes_overlay.isVisible()
    win.reset()
    assert win.modes.current == ModeSet() and win.theme.font_px("body") == body
    assert win.view.current == "attract" and win.view.lang == "zh"


def test_content_defaults_start_the_kiosk_and_come_back_at_reset(kiosk, qtbot):
    data = minimal_content_dict()
    data["accessibility"] = {"large_text": True}
    win = kiosk(data, system=ModeSet(high_contrast=True))
    assert win.modes.current == ModeSet(large_text=True, high_contrast=True)
    assert win.theme.high_contrast and win.theme.text_scale >= 1.35
    win.show_screen("home")
    win.modes.set("large_text", False)
    assert win.theme.text_scale == 1.0
    win.reset()
    assert win.modes.current == ModeSet(large_text=True, high_contrast=True)


def test_the_panel_follows_the_language(kiosk, qtbot):
    win = kiosk(lang="zh")
    win.show_screen("home")
    panel = _open_panel(win, qtbot)
    assert "大字" in panel.switches["large_text"].accessibleName()
    win.view.language.set("en")
    assert panel.switches["large_text"].accessibleName() == "Large text: Off"
    assert win.view.navbar.modes.text == "Aa Access"
    assert set(panel.switches) == set(MODE_NAMES)


# -- reduced motion -------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_reduced_motion_leaves_no_animation_running(kiosk, qtbot, size):
    win = kiosk(size=size, modes=ModeSet(reduced_motion=True))
    win.show_screen("home")
    for screen in SECTIONS:
        win.view.navigator.open(screen)  # a real transition: a cross-fade, no slide
        page = win.view.stack.current_widget()
        assert page.pos().x() == 0
        qtbot.waitUntil(lambda: not win.view.stack.animating)
        assert running(win) == [], screen
        win.view.navigator.home()
        qtbot.waitUntil(lambda: not win.view.stack.animating)


def test_count_ups_show_their_final_value_at_once(kiosk):
    win = kiosk(modes=ModeSet(reduced_motion=True))
    win.show_screen("park")
    from kiosk.widgets.countup import CountUp

    ups = win.view.page("park").findChildren(CountUp)
    assert ups
    for up in ups:
        up.start()
        assert up.value == up._target and not running(up)


# -- analytics ------------------------------------------------------------------------------
def test_turning_a_mode_on_is_counted_and_the_visit_goes_on(kiosk, qtbot, tmp_path):
    from kiosk import analytics
    from kiosk.analytics import Recorder
    from kiosk.shell.admin_stats import modes_line
    from kiosk.shell.visits import VisitTracker

    db = tmp_path / "a.db"
    recorder = Recorder(db, batch_seconds=0.01)
    win = kiosk()
    tracker = VisitTracker(recorder, parent=win)
    tracker.attach(win.view)
    win.view_replaced.connect(tracker.attach)
    win.show_screen("park")
    win.modes.set("large_text", True)
    win.modes.set("high_contrast", True)
    win.modes.set("high_contrast", False)  # off: not counted
    assert win.view.current == "park"
    win.reset()  # the reset back to the defaults is not a visitor's choice
    recorder.close()
    data = analytics.summary(db)
    assert data["modes_turned_on"] == {"large_text": 1, "high_contrast": 1}
    assert data["sessions"] == 1  # one visit, not one per mode change
    line = modes_line(data["modes_turned_on"])
    assert "大字模式/Large text 1" in line and "High contrast" in line
    assert any("visitor modes turned on" in row for row in analytics.format_summary(data, None))


# -- reach ----------------------------------------------------------------------------------
def _interactive(root):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QWidget

    from kiosk.widgets.touch import TouchButton

    for w in root.findChildren(QWidget):
        if not w.isVisible() or w.window() is not root.window():
            continue
        if isinstance(w, (TouchButton, QAbstractButton)) or (
                w.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
                and not w.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)):
            yield w


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_reach_mode_puts_every_control_in_the_reachable_band(kiosk, qtbot, size):
    from PySide6.QtCore import QPoint, QRect

    win = kiosk(size=size, modes=ModeSet(reach=True))
    top = win.theme.reach_top
    # the shipped mounting (a 55" panel, bottom edge 800 mm): the top is out of reach in
    # both orientations (portrait: the top 1,290 of 1,920 rows; landscape: 450 of 1,080)
    assert top == {(1080, 1920): 1290, (1920, 1080): 450}[size]
    assert win.view.reach_header is not None and win.view.reach_header.height() == top
    band = QRect(0, top, size[0], size[1] - top)
    for screen in ["home", *SECTIONS]:
        win.show_screen(screen)
        win.freeze_for_shot()
        if screen == "home":
            _open_panel(win, qtbot)
        outside = []
        for w in _interactive(win.view):
            if w is win.view.attract or win.view.attract.isAncestorOf(w) or w is win.view.modes_overlay:
                continue
            rect = QRect(w.mapTo(win, QPoint(0, 0)), w.size()).intersected(win.rect())
            if not rect.isEmpty() and not band.contains(rect):
                outside.append(f"{w.objectName() or type(w).__name__} {rect.getRect()}")
        assert outside == [], screen
        win.view.modes_overlay.close_overlay()


# -- large text reflows ---------------------------------------------------------------------
def _clipped_labels(win):
    """Visible labels whose text does not fit their box (wrapped: too short; one line: too
    narrow) -- only where the label is not inside a scrolling area (those scroll)."""
    from PySide6.QtWidgets import QAbstractScrollArea, QLabel

    bad = []
    for label in win.view.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.width() <= 0:
            continue
        parent, scrolled = label.parentWidget(), False
        while parent is not None:
            scrolled = scrolled or isinstance(parent, QAbstractScrollArea)
            parent = parent.parentWidget()
        if scrolled:
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 2:
                bad.append(f"{label.text()[:30]!r} {need}>{label.height()}")
        elif label.sizeHint().width() > label.width() + 2:
            bad.append(f"{label.text()[:30]!r} w {label.sizeHint().width()}>{label.width()}")
    return bad


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_large_text_labels_are_not_clipped(kiosk, size, lang):
    win = kiosk(size=size, lang=lang, modes=ModeSet(large_text=True))
    found = {}
    for screen in ["home", *SECTIONS]:
        win.show_screen(screen)
        win.freeze_for_shot()
        bad = _clipped_labels(win)
        if bad:
            found[screen] = bad
    assert found == {}


@pytest.mark.parametrize("size", [(1080, 1920), (2160, 3840)])
@pytest.mark.parametrize("overlay", ["countdown", "pin", "admin", "modes"])
def test_reach_mode_puts_every_overlay_control_in_the_reachable_band(kiosk, qtbot, size, overlay):
    """The countdown's Continue, the PIN pad, the admin panel and the Aa panel: every
    control inside the band (their scrims take a touch anywhere, so they are not counted)."""
    from PySide6.QtCore import QPoint, QRect

    win = kiosk(size=size, modes=ModeSet(reach=True))
    top = win.theme.reach_top
    assert 0 < top < size[1]
    band = QRect(0, top, size[0], size[1] - top)
    win.show_screen(overlay)
    win.freeze_for_shot()
    scrims = {"countdown": [win.countdown], "modes": [win.view.modes_overlay]}.get(overlay, win.admin.overlays())
    scrim = next(s for s in scrims if s.isVisible())
    controls = [w for w in _interactive(scrim) if w is not scrim]
    assert controls, overlay
    outside = []
    for w in controls:
        rect = QRect(w.mapTo(win, QPoint(0, 0)), w.size())
        if not band.contains(rect):
            outside.append(f"{w.objectName() or type(w).__name__} {rect.getRect()}")
    assert outside == [], f"{overlay}: band from {top}"
