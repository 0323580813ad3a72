"""Issue 16: the layout checks of every state (tests/test_layout_states.py) in the visitor
modes. Large text (×1.4 type scale) must pass the same geometry checks as the normal mode
at 1920×1080, 1080×1920 and 1366×768; in reach mode (the shipped mounting: a 55" panel
whose bottom edge is 800 mm above the floor, so the top of the screen is out of reach in
both orientations) every interactive widget of every state lies in the reachable band,
the top shows no interactive content and no page repeats the title the top shows; and the
portrait navigation bar labels Home and Back in words for a first-time visitor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.shot import leave_state, rows_for, show_state
from kiosk.theme.modes import ModeSet
from tests.conftest import _shutdown_and_check
from tests.layout_walk import elided_labels, overlapping_labels, past_the_edge, shown

ROOT = Path(__file__).resolve().parents[1]
SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]
#: Staff screens and the shell's own overlays (issue-16-apply puts those in the band).
NOT_VISITOR_PAGES = ("attract", "admin", "pin", "night", "countdown", "guided", "welcome")


@pytest.fixture
def kiosk_in(qtbot):
    """A shown window over the shipped content in ``modes``."""

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


def _walk(win, check) -> list[str]:
    problems: list[str] = []
    for row in list(rows_for(win)):
        if row.screen == "attract":
            continue  # painted, no widgets
        show_state(win, row)
        problems += [f"{row.label}: {p}" for p in check(win, row)]
        leave_state(win, row)
    return problems


def _plan_labels(win, row) -> list[str]:
    """The park plan's painted labels: none over another label, a site marker, the
    caption card or a zoom control (as tests/test_park_labels.py). A name with no clear
    place waits for the visitor to zoom (every hotspot is named at the normal size:
    tests/test_park_labels.py); the plan as a visitor first meets it names the site
    (reach mode's short band: at least that), in large text also the zones and a
    selected hotspot."""
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QApplication

    section = win.view.content.section(row.screen)
    if getattr(section, "type", "") != "park":
        return []
    plan = win.view.page(row.screen).plan
    plan.grab()  # paint once
    QApplication.processEvents()
    layer, out = plan.layer, []
    first = row.state in ("", "framework")
    kinds = () if not first else ("site",) if win.theme.reach else ("site", "zone")
    must = {h.id for h in section.hotspots if h.kind in kinds}
    if plan.selected and not win.theme.reach:
        must.add(plan.selected)
    out += [f"{key} not named on the plan" for key in sorted(must - set(layer.drawn_labels))]
    labels = list(layer.drawn_labels.items())
    for i, (key, box) in enumerate(labels):
        if not QRectF(plan.rect()).contains(box):
            out.append(f"plan label {key} outside the plan")
        out += [f"plan label {key} overlaps {other}" for other, rect in labels[i + 1:] if box.intersects(rect)]
        out += [f"plan label {key} covers a control, the note or a marker"
                for obstacle in layer.obstacles if box.intersects(obstacle)]
    return out


def _painted_controls(win, _row) -> list[str]:
    """Painted texts the widget walk cannot see: tab labels and the plan's legend."""
    from kiosk.sections.park.legend import PlanLegend
    from kiosk.widgets.tabs import TabBar

    out = [f"tab {text!r} clipped" for bar in win.findChildren(TabBar) if shown(bar, win) for text in bar.clipped()]
    for page in [w for w in win.findChildren(QWidget, "park-plan") if shown(w, win)]:
        blocks = [w for w in page.parentWidget().children()
                  if isinstance(w, QWidget) and shown(w, win) and w.objectName() in ("park-plan", "park-plan-note")]
        blocks += [w for w in win.findChildren(PlanLegend) if shown(w, win)]
        out += [f"{a.objectName() or type(a).__name__} overlaps {b.objectName() or type(b).__name__}"
                for i, a in enumerate(blocks) for b in blocks[i + 1:] if a.geometry().intersects(b.geometry())]
    return out + ["the plan legend is cut" for legend in win.findChildren(PlanLegend)
                  if shown(legend, win) and legend.elided()]


def _history_readable(win, row) -> list[str]:
    """Painted history the walk cannot see (issue 16, reach mode's short band): every card
    of the timeline fits its view whole (with its date), so a visitor can always see one;
    the event detail's text column is tall enough for a line of text, its text starts in
    view, and no button covers it."""
    from kiosk.sections.history.page import HistoryPage
    from kiosk.sections.history.vlayout import VerticalLayout

    out: list[str] = []
    for page in [p for p in win.findChildren(HistoryPage) if shown(p, win)]:
        timeline, detail = page.timeline, page.detail
        if not detail.isVisible():
            lay, vp = timeline.ensure_layout(), timeline.viewport()
            for s in lay.events if win.theme.reach else []:  # (normal portrait: cards as tall as their text)
                top = lay.metrics.card_top if isinstance(lay, VerticalLayout) else s.top
                if top + s.height > vp.height():
                    out.append(f"timeline card {s.index} ({top + s.height} px) taller than its view ({vp.height()} px)")
            continue
        area = detail.scroller.viewport()
        text_box = QRect(area.mapTo(win, QPoint(0, 0)), area.size())
        line = detail.text_label.fontMetrics().height()
        if area.height() < line:
            out.append(f"detail text area {area.height()} px, less than a line ({line} px)")
        text_top = detail.text_label.mapTo(area, QPoint(0, 0)).y()
        if text_top + line > area.height():
            out.append("the detail's text starts out of view")
        for button in (detail.prev_button, detail.next_button, detail.close_button):
            box = QRect(button.mapTo(win, QPoint(0, 0)), button.size())
            if shown(button, win) and box.intersects(text_box):
                out.append(f"{button.objectName()} covers the detail's text")
        if not detail.rect().contains(detail.panel.geometry()):
            out.append("the detail panel is cut by its page")
    return out


def _geometry(win, row) -> list[str]:
    return [f"{kind}: {p}" for kind, found in (
        ("elided", elided_labels(win)), ("overlap", overlapping_labels(win)), ("past the edge", past_the_edge(win)),
        ("painted", _plan_labels(win, row)), ("painted", _painted_controls(win, row)),
        ("history", _history_readable(win, row)),
    ) for p in found]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_large_text_every_state_fits(kiosk_in, size, lang):
    win = kiosk_in(ModeSet(large_text=True), size, lang)
    assert win.theme.text_scale >= 1.35
    problems = _walk(win, _geometry)
    assert not problems, "\n".join(problems)


def _interactive(root: QWidget):
    from kiosk.widgets.touch import TouchButton

    for w in root.findChildren(QWidget):
        if not shown(w, root.window()):
            continue
        if isinstance(w, (TouchButton, QAbstractButton)) or (
                w.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
                and not w.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)):
            yield w


def _outside_band(win, row) -> list[str]:
    if row.screen in NOT_VISITOR_PAGES:
        return []
    view = win.view
    band = QRect(0, win.theme.reach_top, win.width(), win.height() - win.theme.reach_top)
    out = []
    for w in _interactive(view):
        if w is view.modes_overlay or view.modes_overlay.isAncestorOf(w) or view.attract.isAncestorOf(w):
            continue
        rect = QRect(w.mapTo(win, QPoint(0, 0)), w.size()).intersected(win.rect())
        if not rect.isEmpty() and not band.contains(rect):
            out.append(f"{w.objectName() or type(w).__name__} at {rect.getRect()} outside the band")
    return out


def _title_twice(win, row) -> list[str]:
    """The top shows the screen's title; the page below must not show it again."""
    from PySide6.QtWidgets import QLabel

    header = win.view.reach_header
    if header is None or row.screen in NOT_VISITOR_PAGES or row.screen == "home":
        return []
    title = header.title.text()
    return [f"title {title!r} shown again at {label.mapTo(win, QPoint(0, 0)).y()}"
            for label in win.view.stack.findChildren(QLabel)
            if shown(label, win) and label.text() == title and label.isVisible()]


@pytest.mark.parametrize("size,modes", [
    ((1080, 1920), ModeSet(reach=True)),
    ((1080, 1920), ModeSet(reach=True, large_text=True)),
    ((1920, 1080), ModeSet(reach=True)),
    ((1366, 768), ModeSet(reach=True)),
    ((1080, 1920), ModeSet(reach=True, large_text=True)),
    ((1920, 1080), ModeSet(reach=True, large_text=True)),
    ((1366, 768), ModeSet(reach=True, large_text=True)),
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reach_every_state_in_the_band_and_fits(kiosk_in, size, modes, lang):
    win = kiosk_in(modes, size, lang)
    assert win.theme.reach, "the shipped mounting leaves the top of the screen out of reach"

    def check(w, row):
        return [*_outside_band(w, row), *_title_twice(w, row), *_geometry(w, row)]

    problems = _walk(win, check)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("modes", [ModeSet(), ModeSet(large_text=True), ModeSet(reach=True),
                                   ModeSet(large_text=True, reach=True)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_portrait_navbar_labels_home_and_back(kiosk_in, modes, lang):
    from kiosk.i18n import tr

    win = kiosk_in(modes, (1080, 1920), lang)
    win.show_screen(win.view.content.sections[0].id)
    win.freeze_for_shot()
    bar = win.view.navbar
    for button, key in ((bar.home, "nav.home"), (bar.back, "nav.back")):
        assert shown(button, win)
        assert button.text == tr(key, lang), f"{key} shows no words"
    assert not elided_labels(win)


@pytest.mark.parametrize("size,modes", [
    ((1080, 1920), ModeSet(reach=True)), ((1080, 1920), ModeSet(reach=True, large_text=True)),
    ((1920, 1080), ModeSet(reach=True)), ((1080, 1920), ModeSet()), ((1080, 1920), ModeSet(large_text=True)),
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_shows_whole_cards_and_readable_detail(kiosk_in, size, modes, lang):
    """The history screen alone (quick to run): the checks above that catch a band showing
    a sliver of a card or a detail whose text hides behind its buttons."""
    from kiosk.shot import Row, states_for

    win = kiosk_in(modes, size, lang)
    problems: list[str] = []
    for row in [Row("history"), *(Row("history", name) for name in states_for(win, "history"))]:
        show_state(win, row)
        band = _outside_band(win, row) if win.theme.reach else []
        problems += [f"{row.label}: {p}" for p in [*_history_readable(win, row), *band]]
        leave_state(win, row)
    assert not problems, "\n".join(problems)
