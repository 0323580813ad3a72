"""Rest-state caches in the section painters (issue 14): history era chips, the timeline
track's rails and the partner card surface are painted once and blitted after; each cache
misses when what it shows changes (language, theme, size, state), and a blit looks the same
as painting live."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from kiosk.content.model import Settings
from kiosk.sections.history.chips import EraChip
from kiosk.sections.history.track import TimelineTrack
from kiosk.sections.partners.card import PartnerCardDelegate
from kiosk.theme import build_theme
from kiosk.theme.modes import ModeSet

SIZE = (1920, 1080)


def _themes():
    settings = Settings()
    return (build_theme(settings, SIZE), build_theme(settings, SIZE, modes=ModeSet(high_contrast=True)))


def _count(monkeypatch, widget, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(widget, name)
    monkeypatch.setattr(widget, name, lambda p: (calls.append(1), real(p)))
    return calls


def _live(widget, paint) -> QImage:
    """``widget`` painted directly (no cache) onto an opaque image of its background."""
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    p = QPainter(image)
    paint(p)
    p.end()
    return image


def _close(a: QImage, b: QImage, tolerance: int = 1) -> bool:
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    if a.size() != b.size():
        return False
    for y in range(0, a.height(), 3):
        for x in range(0, a.width(), 3):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()),
                   abs(ca.blue() - cb.blue()), abs(ca.alpha() - cb.alpha())) > tolerance:
                return False
    return True


def _grab(widget) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    from PySide6.QtWidgets import QWidget

    widget.render(image, renderFlags=QWidget.RenderFlag.DrawChildren)  # no window background
    return image


def test_era_chip_rest_states_are_cached_until_what_they_show_changes(qtbot, monkeypatch):
    theme, contrast = _themes()
    chip = EraChip(theme, lambda lang: "约百年前" if lang == "zh" else "A century ago",
                   lambda lang: "发源地" if lang == "zh" else "The cradle", "zh", milestone=True)
    qtbot.addWidget(chip)
    calls = _count(monkeypatch, chip, "_paint")
    first = _grab(chip)
    _grab(chip)
    assert len(calls) == 1  # the second paint is a blit
    assert _close(first, _live(chip, chip._paint))  # and looks as painted live
    chip.set_language("en")  # new texts (and width)
    english = _grab(chip)
    assert len(calls) == 3 and english != first  # one render for the cache, one live check
    chip.set_checked(True)
    _grab(chip)
    assert len(calls) == 4
    chip.set_checked(False)
    _grab(chip)
    assert len(calls) == 4  # both rest states kept
    chip.theme = contrast  # a theme change (visitor modes) misses
    _grab(chip)
    assert len(calls) == 5
    chip.setFixedWidth(chip.width() + 40)  # and so does a size change
    _grab(chip)
    assert len(calls) == 6


def test_timeline_track_keeps_its_rails_while_the_handle_moves(qtbot, monkeypatch):
    theme, contrast = _themes()
    track = TimelineTrack(theme)
    qtbot.addWidget(track)
    track.resize(900, theme.min_target)
    track.set_segments([(0.0, 0.4), (0.4, 1.0)])
    track.set_marks([(0.2, True), (0.7, True), (0.8, False)])
    calls = _count(monkeypatch, track, "_paint_rails")
    first = _grab(track)
    track.set_visible_span(0.5, 0.8)  # scrolling moves the handle only
    moved = _grab(track)
    assert len(calls) == 1 and moved != first
    track.set_current(1)
    _grab(track)
    track.theme = contrast
    _grab(track)
    track.resize(700, theme.min_target)
    _grab(track)
    track.set_marks([(0.5, True)])
    _grab(track)
    assert len(calls) == 5


def _delegate(qtbot, theme):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    host = SimpleNamespace(theme=theme, metrics=None, pressed_row=None,
                           count_text=lambda n, lang: str(n), paint_badge=lambda *a: None)
    return PartnerCardDelegate(host, parent)  # type: ignore[arg-type]


def test_partner_card_surface_is_painted_once_per_size_and_theme(qtbot):
    theme, contrast = _themes()
    delegate = _delegate(qtbot, theme)
    rect = QRectF(0, 0, 420, 150)
    surface = delegate._rest_surface(rect, 1.0)
    assert delegate._rest_surface(rect, 1.0).cacheKey() == surface.cacheKey()
    pad = 2 * delegate._surface_pad()
    assert surface.size() == QSize(420 + pad, 150 + pad)
    wider = delegate._rest_surface(QRectF(0, 0, 500, 150), 1.0)
    assert wider.width() == 500 + pad
    sharp = delegate._rest_surface(QRectF(0, 0, 500, 150), 2.0)
    assert (sharp.width(), sharp.devicePixelRatio()) == (2 * (500 + pad), 2.0)
    # the surface's colours are the theme's: another theme (a new page's delegate) differs
    other = _delegate(qtbot, contrast)._rest_surface(rect, 1.0)
    centre = (surface.width() // 2, surface.height() // 2)
    assert surface.toImage().pixelColor(*centre) != other.toImage().pixelColor(*centre)


def test_pill_button_rest_states_follow_text_state_font_and_theme(qtbot, monkeypatch):
    from kiosk.widgets.button import PillButton

    theme, contrast = _themes()
    button = PillButton(theme, "返回", glyph="back")
    qtbot.addWidget(button)
    button.resize(button.sizeHint())
    calls = _count(monkeypatch, button, "_paint")
    first = _grab(button)
    _grab(button)
    assert len(calls) == 1
    assert _close(first, _live(button, button._paint))
    steps = [lambda: button.set_text("Back"), lambda: button.set_checked(True),
             lambda: button.setEnabled(False), lambda: setattr(button, "theme", contrast),
             lambda: button.setFont(theme.font("h3")), lambda: button.resize(300, button.height())]
    for k, step in enumerate(steps):
        step()
        _grab(button)
        assert len(calls) == k + 3, k  # each change misses (the live check was one call)


def test_segmented_toggle_rest_state_follows_the_current_option(qtbot, monkeypatch):
    from kiosk.shell.toggle import SegmentedToggle

    theme, contrast = _themes()
    toggle = SegmentedToggle(theme, [("zh", "中文"), ("en", "English")], "zh")
    qtbot.addWidget(toggle)
    toggle.resize(toggle.sizeHint())
    calls = _count(monkeypatch, toggle, "_paint")
    zh = _grab(toggle)
    toggle.set_current("en")
    en = _grab(toggle)
    assert len(calls) == 2 and en != zh
    toggle.set_current("zh")
    assert _grab(toggle) == zh and len(calls) == 2  # both states kept
    toggle.theme = contrast
    _grab(toggle)
    assert len(calls) == 3
