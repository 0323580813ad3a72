"""Unattended operation: content from the file or its last-good copy, edits picked up at
a quiet moment, bad edits never reaching visitors, and visits recorded as analytics."""

from __future__ import annotations

import pytest
from content_fixtures import BASE, SVG, edit
from touch import tap

from kiosk.shell import KioskWindow
from kiosk.shell.content_service import ContentService
from kiosk.shell.navigation import ATTRACT
from kiosk.shell.visits import VisitTracker

WAIT = 5000


@pytest.fixture
def show(tmp_path):
    folder = tmp_path / "show"
    folder.mkdir()
    (folder / "plan.svg").write_text(SVG)
    path = folder / "content.yaml"
    path.write_text(BASE, encoding="utf-8")
    return path


def welcome(status) -> str:
    return status.content.attract.highlights[0].title.en


def test_valid_file_becomes_the_last_good_copy(show, tmp_path):
    service = ContentService(show, tmp_path / "data", watch=False)
    status = service.start()
    assert status.ok and status.note is None and status.base_dir == show.parent
    assert (tmp_path / "data" / "last-good" / "content.yaml").read_bytes() == show.read_bytes()


def test_broken_file_starts_on_the_last_good_copy(show, tmp_path):
    ContentService(show, tmp_path / "data", watch=False).start()
    show.write_text(edit("en: Welcome}", "en: no}"), encoding="utf-8")
    (show.parent / "plan.svg").unlink()
    status = ContentService(show, tmp_path / "data", watch=False).start()
    assert status.ok and welcome(status) == "Welcome"
    assert "showing the last good copy" in status.note
    assert any("yes/no value" in f.message for f in status.findings)
    assert (status.base_dir / "plan.svg").is_file()  # media come from the copy


def test_broken_file_and_no_copy_means_maintenance_screen(show, tmp_path, make_kiosk):
    show.write_text("sections: [", encoding="utf-8")
    status = ContentService(show, tmp_path / "data", watch=False).start()
    assert not status.ok and status.findings
    window = make_kiosk(status)
    assert window.view is None and window.unavailable.isVisible()


def _window(make_kiosk, show, tmp_path):
    service = ContentService(show, tmp_path / "data", debounce_ms=30)
    window = make_kiosk(service.start(), loader=service.load_now)
    service.setParent(window)
    service.updated.connect(window.offer_content)
    service.findings_changed.connect(window.update_status)
    return window, service


def test_good_edit_waits_for_a_quiet_moment(show, tmp_path, make_kiosk, qtbot):
    window, service = _window(make_kiosk, show, tmp_path)
    window.show_screen("park")  # a visitor is on a page
    with qtbot.waitSignal(service.updated, timeout=WAIT):
        show.write_text(edit("en: Welcome}", "en: Hello}"), encoding="utf-8")
    qtbot.wait(0)
    assert window.view.current == "park" and welcome(window.status) == "Welcome"
    with qtbot.waitSignal(window.view_replaced, timeout=WAIT):
        window.reset()  # the visitor left: idle reset → attract
    assert welcome(window.status) == "Hello" and window.view.current == ATTRACT
    service.stop()


def test_good_edit_on_the_attract_screen_applies_at_once(show, tmp_path, make_kiosk, qtbot):
    window, service = _window(make_kiosk, show, tmp_path)
    with qtbot.waitSignal(window.view_replaced, timeout=WAIT):
        show.write_text(edit("en: Welcome}", "en: Hi}"), encoding="utf-8")
    assert welcome(window.status) == "Hi"
    service.stop()


def test_bad_edit_keeps_the_content_and_reports(show, tmp_path, make_kiosk, qtbot):
    window, service = _window(make_kiosk, show, tmp_path)
    view = window.view
    with qtbot.waitSignal(service.findings_changed, timeout=WAIT):
        show.write_text(edit("en: Welcome}", "en: no}"), encoding="utf-8")
    assert window.view is view and welcome(window.status) == "Welcome"
    assert "has errors; visitors still see" in window.status.note
    assert any("yes/no value" in f.message for f in window.status.findings)
    service.stop()


class FakeRecorder:
    def __init__(self) -> None:
        self.events: list[tuple] = []

    def record(self, kind, **fields) -> None:
        self.events.append((kind, {k: v for k, v in fields.items() if v is not None}))


def test_a_visit_is_recorded(make_kiosk, qtbot):
    window: KioskWindow = make_kiosk()
    clock = iter(range(0, 1000, 5))
    recorder = FakeRecorder()
    tracker = VisitTracker(recorder, clock=lambda: next(clock), parent=window)
    tracker.attach(window.view)
    tap(window.view.attract)  # touching a highlight opens its section (history)
    assert window.view.current == "history"
    window.view.item_tapped.emit("history", "era:cradle")
    window.view.language.set("en")
    window.reset()
    kinds = [kind for kind, _ in recorder.events]
    assert kinds == ["session_start", "view", "tap", "language", "view", "session_end"]
    assert recorder.events[0][1] == {"screen": "home", "lang": "zh"}
    assert recorder.events[1][1]["screen"] == "home" and recorder.events[1][1]["seconds"] > 0
    assert recorder.events[2][1] == {"screen": "history", "item": "era:cradle"}
    assert recorder.events[3][1] == {"screen": "history", "lang": "en"}
    assert recorder.events[4][1]["screen"] == "history"
    assert recorder.events[5][1]["seconds"] > 0


def test_admin_panel_shows_todays_visitors_as_charts(make_kiosk, tmp_path, qtbot):
    from kiosk.analytics import Recorder
    from kiosk.shell import ShellOptions  # noqa: F401 - options come through make_kiosk
    from kiosk.shell.admin_stats import AdminStats

    db = tmp_path / "analytics.db"
    recorder = Recorder(db, batch_seconds=0.01)
    for screen, views in (("park", 3), ("history", 1)):
        for _ in range(views):
            recorder.record("session_start", screen="home", lang="zh")
            recorder.record("view", screen=screen, seconds=20.0)
            recorder.record("session_end", seconds=30.0)
    recorder.close()
    window = make_kiosk(kiosk_mode=False)
    window.admin.analytics_db = db
    window.admin.show_panel()
    stats = window.findChild(AdminStats)
    assert stats is not None and stats.isVisible()
    assert "4" in stats.headline.text() and "30 s" in stats.headline.text()
    visits = next(c for c in stats.charts if c.chart.id == "visits")
    assert [t.zh for t in visits.chart.categories] == ["产业园", "工业百年"]
    assert visits.chart.series[0].values == [3.0, 1.0]
    assert any(c.chart.id == "hours" for c in stats.charts)
    window.admin.close()


def test_admin_stats_without_data_say_so(make_kiosk, tmp_path):
    from kiosk.shell.admin_stats import AdminStats

    window = make_kiosk(kiosk_mode=False)
    window.admin.analytics_db = tmp_path / "none.db"
    window.admin.show_panel()
    stats = window.findChild(AdminStats)
    assert stats.charts == [] and "No visitor data yet today" in stats.headline.text()
    window.admin.close()
