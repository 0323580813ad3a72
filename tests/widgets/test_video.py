"""An optional video in any section: looping, muted, paused off screen, idle paused while
it plays, and memory flat across many loops."""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import PLAN_SVG, ROOT, minimal_content_dict
from PySide6.QtWidgets import QWidget
from touch import tap

MEDIA = ROOT / "tests" / "media"
QT_NOISE = ["No RHI backend", "No HW decoder", "pipewire", "Couldn't load", "Couldn't resolve"]
pytestmark = pytest.mark.qt_log_ignore(*QT_NOISE)


@pytest.fixture
def video_kiosk(make_kiosk, tmp_path):
    shutil.copy(MEDIA / "clip.mp4", tmp_path / "clip.mp4")
    (tmp_path / "plan.svg").write_text(PLAN_SVG)
    data = minimal_content_dict()
    data["sections"][0]["video"] = {"file": "clip.mp4",
                                    "caption": {"zh": "市北工业", "en": "Industry in Shibei"}}
    (tmp_path / "content.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    window = make_kiosk(data, path=tmp_path / "content.yaml")
    window.show_screen("history")
    window.view.finish_animations()
    return window


def _rss_mb() -> float:
    import os

    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def test_video_plays_muted_in_a_loop_and_pauses_idle(video_kiosk, qtbot):
    window = video_kiosk
    button = window.findChild(QWidget, "video-history")
    assert button is not None and button.isVisible()
    assert window.findChild(QWidget, "video-park") is None  # only sections with a video
    tap(button)
    page = window.view.page("history")
    overlay = page._video
    assert overlay.isVisible() and overlay.caption.text() == "市北工业"
    player = overlay.player
    qtbot.waitUntil(lambda: player.playing, timeout=10000)
    assert player.player.audioOutput() is None  # muted: no sound path at all
    assert window.idle.inhibited  # nobody is sent back to attract mid-video

    wraps = {"n": 0, "last": 0}

    def on_position(pos: int) -> None:
        if pos < wraps["last"]:
            wraps["n"] += 1
        wraps["last"] = pos

    player.player.positionChanged.connect(on_position)
    qtbot.waitUntil(lambda: wraps["n"] >= 2, timeout=20000)
    before = _rss_mb()
    qtbot.waitUntil(lambda: wraps["n"] >= 12, timeout=60000)
    assert player.surface.frames > 12  # frames reach the screen, loop after loop
    assert _rss_mb() - before < 25, "memory must stay flat across loops"

    window.view.language.set("en")
    assert overlay.caption.text() == "Industry in Shibei"
    tap(window.findChild(QWidget, "video-close"))
    assert not overlay.isVisible() and not player.playing
    assert not window.idle.inhibited


def test_video_stops_when_the_page_is_left_or_reset(video_kiosk, qtbot):
    window = video_kiosk
    page = window.view.page("history")
    page.open_video()
    qtbot.waitUntil(lambda: page._video.player.playing, timeout=10000)
    window.view.show_screen("park")  # off screen: never plays unseen
    assert not page._video.player.playing
    window.view.show_screen("history")
    page.open_video()
    qtbot.waitUntil(lambda: page._video.player.playing, timeout=10000)
    window.reset()
    assert not page._video.isVisible() and not page._video.player.playing


def test_missing_video_shows_a_message_not_a_black_box(make_kiosk, tmp_path, qtbot):
    data = minimal_content_dict()
    data["sections"][0]["video"] = {"file": "missing.mp4"}
    window = make_kiosk(data, path=tmp_path / "content.yaml")
    window.show_screen("history")
    page = window.view.page("history")
    page.open_video()
    qtbot.waitUntil(lambda: page._video.message.isVisible(), timeout=10000)
    assert not page._video.player.isVisible()
    page.close_video()
