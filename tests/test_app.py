"""Start-up: the path to the first frame, bundled fonts, the run and shot commands, and
what happens on an uncaught exception. Most run in a subprocess, as the kiosk does."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from conftest import CONTENT, ROOT, write_minimal_content


def run_py(code: str, *, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=full_env, cwd=str(ROOT), timeout=timeout)


def test_first_frame_imports_neither_pyqtgraph_nor_qtawesome():
    out = run_py(
        f"""
        import argparse, json, sys
        import kiosk.app as app
        qapp = app.create_app(kiosk_mode=False)
        args = argparse.Namespace(content={str(CONTENT)!r}, lang=None, idle_timeout=None)
        win = app.build_window(args, kiosk_mode=False, size=(1920, 1080))
        win.show()
        win.repaint()  # the first frame, painted synchronously
        first = {{m: m in sys.modules for m in ("pyqtgraph", "qtawesome", "numpy")}}
        win.view.warm_up()  # after the first frame: icons and every page
        later = {{m: m in sys.modules for m in ("qtawesome",)}}
        win.shutdown()
        print(json.dumps({{"first": first, "later": later}}))
        """
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["first"] == {"pyqtgraph": False, "qtawesome": False, "numpy": False}
    assert result["later"] == {"qtawesome": True}  # the check can tell the difference


def test_chinese_renders_with_only_the_bundled_font(tmp_path):
    """No system fonts at all (an empty fontconfig): the bundled CJK font must draw every
    character of the UI's Chinese strings as a real glyph, not the missing-glyph box."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"<?xml version='1.0'?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>", encoding="utf-8")
    out = run_py(
        """
        import json
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
        from PySide6.QtWidgets import QApplication
        qapp = QApplication([])
        system = sorted(QFontDatabase.families())
        import kiosk.app as app
        from kiosk.theme import build_theme
        families = app.register_fonts()
        font = build_theme(None, (1920, 1080), families=families).font("h2")

        def render(ch):
            img = QImage(96, 96, QImage.Format.Format_Grayscale8)
            img.fill(QColor("white"))
            p = QPainter(img)
            p.setFont(font)
            p.setPen(QColor("black"))
            p.drawText(img.rect(), int(Qt.AlignmentFlag.AlignCenter), ch)
            p.end()
            return bytes(img.constBits())

        text = "触摸屏幕开始探索还在浏览吗继续正在更新内容中文"
        glyphs = {ch: render(ch) for ch in text}
        missing = [render(ch) for ch in ("\\U0002A6A5", "\\U0002B820")]  # CJK Ext. B/E: not in the subset
        print(json.dumps({
            "system": system,
            "families": sorted(QFontDatabase.families()),
            "distinct": len(set(glyphs.values())),
            "count": len(set(text)),
            "blank": sum(1 for g in glyphs.values() if min(g) > 128),
            "tofu_like": sum(1 for g in glyphs.values() if g in missing),
            "missing_same": missing[0] == missing[1],
        }))
        """,
        env={"FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert not any("CJK" in f for f in r["system"]), r["system"]  # truly no system CJK font
    assert "Noto Sans CJK SC" in r["families"] and "Noto Sans" in r["families"]
    assert r["missing_same"]  # the missing-glyph box looks the same for any missing char…
    assert r["tofu_like"] == 0  # …and no UI character renders as it
    assert r["blank"] == 0
    assert r["distinct"] == r["count"]  # every character is its own glyph


def test_bundled_font_files_are_registered_latin_first(qapp):
    from PySide6.QtGui import QFontDatabase

    from kiosk.app import font_files, register_fonts

    files = font_files()
    assert any(f.suffix == ".otf" for f in files) and any(f.suffix == ".ttf" for f in files)
    families = register_fonts()
    assert families == ("Noto Sans", "Noto Sans CJK SC")
    assert {"Noto Sans", "Noto Sans CJK SC"} <= set(QFontDatabase.families())
    assert register_fonts() == families  # registering twice adds nothing


def test_uncaught_exception_logs_and_exits_non_zero():
    out = run_py(
        """
        import kiosk.app as app
        qapp = app.create_app(kiosk_mode=False)
        app.setup_logging()
        app.install_excepthook()
        from PySide6.QtCore import QTimer
        def boom():
            1 / 0
        QTimer.singleShot(0, boom)
        QTimer.singleShot(3000, qapp.quit)
        raise SystemExit(qapp.exec())
        """
    )
    assert out.returncode == 70
    assert "uncaught exception" in out.stderr and "ZeroDivisionError" in out.stderr


def _shot(*args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk", "shot", *args], capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=timeout)


def test_shot_one_screen(tmp_path):
    from PySide6.QtGui import QImage

    content = write_minimal_content(tmp_path / "c")
    out_file = tmp_path / "home.png"
    r = _shot("--content", str(content), "--lang", "en", "--size", "1080x1920", "--screen", "home", "--out", str(out_file))
    assert r.returncode == 0, r.stderr
    img = QImage(str(out_file))
    assert (img.width(), img.height()) == (1080, 1920)
    bad = _shot("--content", str(content), "--screen", "nowhere", "--out", str(tmp_path / "x.png"))
    assert bad.returncode == 2 and "unknown screen" in bad.stderr
    state = _shot("--content", str(content), "--screen", "park", "--state", "framework", "--out", str(tmp_path / "f.png"))
    assert state.returncode == 0, state.stderr
    assert QImage(str(tmp_path / "f.png")).width() == 1920
    bad = _shot("--content", str(content), "--screen", "park", "--state", "nowhere", "--out", str(tmp_path / "x.png"))
    assert bad.returncode == 2 and "unknown state 'nowhere'" in bad.stderr and "framework" in bad.stderr


def test_shot_all(tmp_path):
    content = write_minimal_content(tmp_path / "c")
    r = _shot("--content", str(content), "--all", str(tmp_path / "shots"))
    assert r.returncode == 0, r.stderr
    names = {p.name for p in (tmp_path / "shots").glob("*.png")}
    for screen in ("attract", "home", "history", "park", "partners", "platform", "night", "guided", "countdown", "pin",
                   "admin"):
        for lang in ("zh", "en"):
            for size in ("1920x1080", "1080x1920"):
                assert f"{screen}-{lang}-{size}.png" in names
    assert "unavailable-1920x1080.png" in names and "unavailable-1080x1920.png" in names
    assert "park.framework-en-1080x1920.png" in names and "admin.findings-zh-1920x1080.png" in names
    assert (tmp_path / "shots" / "index.html").is_file() and "overview.png" in names


def test_kiosk_runs_and_animates_without_crashing(tmp_path):
    """A few seconds of the real process (attract animation at 30 fps): no crash, no
    traceback — PySide6 6.12.0 on Python 3.11 would abort here without the guard."""
    content = write_minimal_content(tmp_path / "c")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path / "d")}
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "--content", str(content), "--idle-timeout", "30"], stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=4)  # it must still be running (animating) after 4 s
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    assert "Traceback" not in err and "Fatal Python error" not in err
    assert "content file:" in err


def test_run_command_fills_the_screen_hides_the_cursor_and_exits(qapp, tmp_path):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from kiosk import app
    from kiosk.shell import KioskWindow

    content = write_minimal_content(tmp_path / "c")
    seen = {}

    def inspect_and_exit():
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow))
        seen["geometry"] = win.geometry()
        seen["screen"] = QGuiApplication.primaryScreen().geometry()
        seen["cursor"] = QGuiApplication.overrideCursor().shape() if QGuiApplication.overrideCursor() else None
        seen["fullscreen"] = win.isFullScreen()
        seen["closable"] = win.close()
        win.request_exit()

    args = argparse.Namespace(content=str(content), windowed=False, size=None, lang="en", idle_timeout=None, data_dir=None)
    QTimer.singleShot(200, inspect_and_exit)
    try:
        code = app.run_command(args)
    finally:
        while QGuiApplication.overrideCursor() is not None:
            QGuiApplication.restoreOverrideCursor()
        sys.excepthook = sys.__excepthook__
        # Closing the last window inside exec() posted a Quit: drop it, or the next
        # test's event loop (qtbot.waitSignal) would end at once.
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.removePostedEvents(None, QEvent.Type.Quit)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        import logging

        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_kiosk", False)]:
            root.removeHandler(handler)
            handler.close()
    assert code == 0
    assert seen["geometry"] == seen["screen"]
    assert seen["fullscreen"]
    assert seen["cursor"] == Qt.CursorShape.BlankCursor
    assert seen["closable"] is False  # the kiosk ignored a plain close request


def test_pyside_none_guard_keeps_none_alive(qapp):
    from PySide6.QtWidgets import QLabel

    from kiosk import pyside_guard

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("x")
    if pyside_guard.leaks_none():
        assert pyside_guard.applied() and sys.getrefcount(None) > 2**59
    else:
        assert sys.getrefcount(None) >= before - 100


def test_shot_at_a_future_moment(tmp_path):
    from PySide6.QtGui import QImage

    content = write_minimal_content(tmp_path / "c")
    content.write_text(content.read_text(encoding="utf-8") + (
        "schedule:\n  timezone: Asia/Shanghai\nwelcome:\n"
        "  - greeting: {zh: 热烈欢迎代表团莅临参观指导, en: A warm welcome to the delegation}\n"
        '    start: "2031-05-06 09:00"\n    end: "2031-05-06 12:00"\n'), encoding="utf-8")
    out_file = tmp_path / "welcome.png"
    r = _shot("--content", str(content), "--screen", "welcome", "--at", "2031-05-06T10:00", "--out", str(out_file))
    assert r.returncode == 0, r.stderr
    assert QImage(str(out_file)).width() == 1920
    bad = _shot("--content", str(content), "--screen", "home", "--at", "next week", "--out", str(out_file))
    assert bad.returncode == 2 and "expected a moment like 2026-11-26T14:30" in bad.stderr
