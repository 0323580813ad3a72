"""A watcher that recovers from anything: the content folder deleted and recreated (rm -rf +
unzip), renamed away and replaced, swapped for a symlink, the folder above it deleted, the
file replaced by a symlink and retargeted, another filesystem mounted over the folder. After
each, the newest valid content is picked up, and a missing file is logged once."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess

import pytest
from content_fixtures import BASE, SVG, edit
from faults import tiny_fs

from kiosk.watcher import ContentWatcher

WAIT = 10_000


def version(n: int) -> str:
    return edit("en: Welcome}", f"en: Welcome {n}}}")


def make_show(folder, n: int | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.svg").write_text(SVG)
    path = folder / "content.yaml"
    path.write_text(BASE if n is None else version(n), encoding="utf-8")
    return path


def title(loaded) -> str:
    return loaded.content.attract.highlights[0].title.en


@pytest.fixture
def show(tmp_path):
    return make_show(tmp_path / "site" / "show")


@pytest.fixture
def watcher(show):
    w = ContentWatcher(show, debounce_ms=50, poll_ms=100, current=show.read_bytes())
    yield w
    w.stop()


def expect(qtbot, watcher, n: int):
    """Wait until version ``n`` is loaded (earlier intermediate loads are fine)."""
    seen: list[str] = []
    watcher.loaded.connect(lambda loaded, _data: seen.append(title(loaded)))
    return lambda: qtbot.waitUntil(lambda: f"Welcome {n}" in seen, timeout=WAIT)


def test_folder_deleted_then_recreated(show, watcher, qtbot, caplog):
    wait = expect(qtbot, watcher, 1)
    with caplog.at_level(logging.INFO, logger="kiosk.watcher"):
        shutil.rmtree(show.parent)
        qtbot.waitUntil(lambda: any("missing for now" in r.getMessage() for r in caplog.records),
                        timeout=WAIT)
        make_show(show.parent, 1)  # "unzip" a new copy
        wait()
    missing = [r for r in caplog.records if "missing for now" in r.getMessage()]
    assert len(missing) == 1, "a missing file is logged once, not every second"
    assert any("is back" in r.getMessage() for r in caplog.records)


def test_folder_renamed_away_and_replaced(show, watcher, qtbot):
    wait = expect(qtbot, watcher, 2)
    staged = make_show(show.parent.with_name("show.new"), 2)
    show.parent.rename(show.parent.with_name("show.old"))
    staged.parent.rename(show.parent)
    wait()
    # the old folder (where the watches went) no longer matters
    (show.parent.with_name("show.old") / "content.yaml").write_text(version(99))
    wait3 = expect(qtbot, watcher, 3)
    show.write_text(version(3), encoding="utf-8")
    wait3()


def test_folder_swapped_for_a_symlink(show, watcher, qtbot):
    wait = expect(qtbot, watcher, 4)
    release = make_show(show.parent.parent / "releases" / "r4", 4)
    shutil.rmtree(show.parent)
    os.symlink(release.parent, show.parent)
    wait()
    wait5 = expect(qtbot, watcher, 5)
    make_show(show.parent.parent / "releases" / "r5", 5)
    tmp_link = show.parent.with_name("show.tmp")
    os.symlink(show.parent.parent / "releases" / "r5", tmp_link)
    os.replace(tmp_link, show.parent)  # atomic symlink retarget (ln -sfn)
    wait5()


def test_file_replaced_by_a_symlink_and_retargeted(show, watcher, qtbot, tmp_path):
    wait = expect(qtbot, watcher, 6)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.yaml").write_text(version(6), encoding="utf-8")
    (elsewhere / "b.yaml").write_text(version(7), encoding="utf-8")
    show.unlink()
    os.symlink(elsewhere / "a.yaml", show)
    wait()
    wait7 = expect(qtbot, watcher, 7)
    show.unlink()
    os.symlink(elsewhere / "b.yaml", show)
    wait7()
    wait8 = expect(qtbot, watcher, 8)
    (elsewhere / "b.yaml").write_text(version(8), encoding="utf-8")  # edit through the link
    wait8()


def test_grandparent_deleted_then_restored(show, watcher, qtbot):
    wait = expect(qtbot, watcher, 9)
    shutil.rmtree(show.parent.parent)
    qtbot.waitUntil(lambda: str(show.parent.parent.parent) in watcher.watched, timeout=WAIT)
    make_show(show.parent, 9)
    wait()


def test_file_renamed_away_and_back(show, watcher, qtbot):
    wait = expect(qtbot, watcher, 10)
    backup = show.with_name("content.yaml.bak")
    show.rename(backup)
    backup.write_text(version(10), encoding="utf-8")
    backup.rename(show)
    wait()


def test_another_mount_over_the_folder(show, watcher, qtbot, tmp_path):
    wait = expect(qtbot, watcher, 11)
    with tiny_fs(show.parent, "1m"):  # a USB stick mounted where the folder was
        make_show(show.parent, 11)
        wait()
        wait12 = expect(qtbot, watcher, 12)
        show.write_text(version(12), encoding="utf-8")
        wait12()
        subprocess.run(["sync"], check=False)
    # unmounted: the original folder's content is back
    seen: list[str] = []
    watcher.loaded.connect(lambda loaded, _d: seen.append(title(loaded)))
    qtbot.waitUntil(lambda: seen[-1:] == ["Welcome"], timeout=WAIT)


def test_bad_content_in_a_new_folder_then_good(show, watcher, qtbot):
    shutil.rmtree(show.parent)
    show.parent.mkdir()
    with qtbot.waitSignal(watcher.rejected, timeout=WAIT):
        (show.parent / "content.yaml").write_text("sections: [", encoding="utf-8")
    wait = expect(qtbot, watcher, 13)
    make_show(show.parent, 13)
    wait()


def test_folder_swap_reaches_the_screen(tmp_path, make_kiosk, qtbot):
    """End to end: the running window shows the content of a folder replaced wholesale."""
    from kiosk.shell.content_service import ContentService

    show = make_show(tmp_path / "site" / "show")
    service = ContentService(show, tmp_path / "data", debounce_ms=30)
    window = make_kiosk(service.start(), loader=service.load_now)
    service.setParent(window)
    service.updated.connect(window.offer_content)
    service.watcher._poll.setInterval(100)
    try:
        shutil.rmtree(show.parent)
        make_show(show.parent, 14)
        qtbot.waitUntil(lambda: window.status.content.attract.highlights[0].title.en
                        == "Welcome 14", timeout=WAIT)
        assert window.view is not None and window.status.base_dir == show.parent
    finally:
        service.stop()
