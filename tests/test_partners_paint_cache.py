"""The partners page's category chips paint their rest state once and never show a stale
one: a language switch, a checked change and a press all show on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]


def _grab(widget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def _same(a: QImage, b: QImage) -> bool:
    return a.size() == b.size() and a.constBits().tobytes() == b.constBits().tobytes()


def _fresh(chip) -> QImage:
    dpr = chip.devicePixelRatioF()
    image = QImage(round(chip.width() * dpr), round(chip.height() * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    chip._draw(p)
    p.end()
    return image


def _cached(chip) -> QImage:
    dpr = chip.devicePixelRatioF()
    image = QImage(round(chip.width() * dpr), round(chip.height() * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.drawPixmap(0, 0, chip._rest.pixmap(chip, (chip._lang, chip.is_checked, chip.count, chip.rail), chip._draw))
    p.end()
    return image


def test_category_chips_follow_language_and_checked_state(make_kiosk):
    from kiosk.shell import load_status

    win = make_kiosk(load_status(ROOT / "content.yaml"), size=(1920, 1080), kiosk_mode=False, lang="zh")
    win.show_screen("partners")
    win.freeze_for_shot()
    QApplication.processEvents()
    bar = win.view.page("partners").chips
    chip = bar.chips[1]
    zh = _grab(chip)
    assert len(chip._rest) == 1
    chip.set_language("en")
    en = _grab(chip)
    assert not _same(zh, en), "the chip still shows the other language"
    assert _same(_cached(chip), _fresh(chip))
    checked = not chip.is_checked
    chip.set_checked(checked)
    toggled = _grab(chip)
    assert not _same(toggled, en), "the chip still shows the old checked state"
    assert _same(_cached(chip), _fresh(chip))
    chip._down = True  # the brief pressed state paints live, not from the cache
    pressed = _grab(chip)
    assert not _same(pressed, toggled)
    chip._down = False
    assert _same(_grab(chip), toggled)
