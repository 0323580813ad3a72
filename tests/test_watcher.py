"""Hot reload: every way an editor saves, bursts, half-written files, bad then good."""

from __future__ import annotations

import os

import pytest
from content_fixtures import BASE, SVG, edit

from kiosk.watcher import ContentWatcher

WAIT = 5000


def version(n: int) -> str:
    return edit("en: Welcome}", f"en: Welcome {n}}}")


@pytest.fixture
def show(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG)
    path = tmp_path / "content.yaml"
    path.write_text(BASE, encoding="utf-8")
    return path


@pytest.fixture
def watcher(show, qtbot):
    w = ContentWatcher(show, debounce_ms=50, current=show.read_bytes())
    yield w
    w.stop()


def title(loaded) -> str:
    return loaded.content.attract.highlights[0].title.en


def test_in_place_write(show, watcher, qtbot):
    with qtbot.waitSignal(watcher.loaded, timeout=WAIT) as sig:
        show.write_text(version(1), encoding="utf-8")
    assert title(sig.args[0]) == "Welcome 1"


def test_write_temp_then_rename_keeps_watching(show, watcher, qtbot):
    for n in (1, 2, 3):
        tmp = show.with_name(".content.yaml.swp")
        tmp.write_text(version(n), encoding="utf-8")
        with qtbot.waitSignal(watcher.loaded, timeout=WAIT) as sig:
            os.replace(tmp, show)
        assert title(sig.args[0]) == f"Welcome {n}"


def test_delete_and_recreate(show, watcher, qtbot):
    show.unlink()
    with qtbot.waitSignal(watcher.loaded, timeout=WAIT) as sig:
        show.write_text(version(7), encoding="utf-8")
    assert title(sig.args[0]) == "Welcome 7"


def test_burst_of_saves_ends_on_the_last(show, watcher, qtbot):
    seen = []
    watcher.loaded.connect(lambda loaded, _data: seen.append(title(loaded)))
    for n in range(100):
        show.write_text(version(n), encoding="utf-8")
    qtbot.waitUntil(lambda: seen[-1:] == ["Welcome 99"], timeout=WAIT)
    assert len(seen) < 10, "a burst must be debounced, not validated 100 times"


def test_half_written_then_full(show, watcher, qtbot):
    full = version(5)
    with qtbot.waitSignal(watcher.rejected, timeout=WAIT) as bad:
        show.write_text(full[: len(full) // 3], encoding="utf-8")
    assert bad.args[0], "the half-written file is rejected with findings"
    with qtbot.waitSignal(watcher.loaded, timeout=WAIT) as sig:
        show.write_text(full, encoding="utf-8")
    assert title(sig.args[0]) == "Welcome 5"


def test_invalid_then_valid(show, watcher, qtbot):
    with qtbot.waitSignal(watcher.rejected, timeout=WAIT) as bad:
        show.write_text(edit("en: Welcome}", "en: no}"), encoding="utf-8")
    assert "yes/no value" in bad.args[0][0].message
    with qtbot.waitSignal(watcher.loaded, timeout=WAIT) as sig:
        show.write_text(version(2), encoding="utf-8")
    assert title(sig.args[0]) == "Welcome 2"


def test_unchanged_save_is_ignored_and_check_now_reloads(show, watcher, qtbot):
    with qtbot.assertNotEmitted(watcher.loaded, wait=300):
        show.write_text(BASE, encoding="utf-8")
    with qtbot.waitSignal(watcher.loaded, timeout=WAIT):
        watcher.check_now()
