"""The reusable touch widgets, each in a small host window."""

from __future__ import annotations

import pytest
import touch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.content.model import Figure, Text
from kiosk.shell.toggle import SegmentedToggle
from kiosk.theme import build_theme
from kiosk.widgets.button import PillButton
from kiosk.widgets.grid import ResponsiveGrid
from kiosk.widgets.kinetic import KineticScrollArea
from kiosk.widgets.labels import TextLabel

THEME = build_theme(None, (1920, 1080))


@pytest.fixture
def host(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(800, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def _button(host) -> tuple[PillButton, list[int]]:
    b = PillButton(THEME, "Go", glyph="next", parent=host)
    b.move(100, 100)
    b.resize(b.sizeHint())
    b.show()
    clicks: list[int] = []
    b.clicked.connect(lambda: clicks.append(1))
    return b, clicks


def test_touch_tap_clicks_once(host):
    b, clicks = _button(host)
    touch.tap(b)
    assert clicks == [1]


def test_pressed_state_is_visible_while_down(host):
    b, clicks = _button(host)
    rest = b.grab().toImage()
    touch.press(b)
    assert b.is_down
    assert b.grab().toImage() != rest
    touch.release(b)
    assert not b.is_down and clicks == [1]


def test_dragging_off_cancels_the_press(host):
    b, clicks = _button(host)
    c = b.rect().center()
    touch.press(b, c)
    touch.move(b, c + QPoint(0, 120))
    assert not b.is_down
    touch.release(b, c)
    assert clicks == []


def test_mouse_works_too(host):
    b, clicks = _button(host)
    QTest.mouseClick(b, Qt.MouseButton.LeftButton)
    assert clicks == [1]
    # A quick second tap arrives as a double-click followed by a release: it is a tap too.
    QTest.mouseDClick(b, Qt.MouseButton.LeftButton)
    QTest.mouseRelease(b, Qt.MouseButton.LeftButton)
    assert len(clicks) == 2


def test_disabled_button_ignores_taps(host):
    b, clicks = _button(host)
    b.setEnabled(False)
    touch.tap(b)
    assert clicks == []


def test_toggle_selects_the_tapped_segment_only(host):
    t = SegmentedToggle(THEME, [("zh", "中文"), ("en", "English")], "zh", parent=host)
    t.resize(t.sizeHint())
    t.show()
    picked: list[str] = []
    t.selected.connect(picked.append)
    touch.tap(t, t.segment_rect("zh").center().toPoint())
    assert picked == []
    touch.tap(t, t.segment_rect("en").center().toPoint())
    assert picked == ["en"]
    for r in t.tap_targets():
        assert r.width() >= THEME.min_target and r.height() >= THEME.min_target


def test_text_label_is_plain_unselectable_and_follows_language(host):
    label = TextLabel(THEME, Text(zh="<b>你好</b>", en="<i>Hello</i>"), "zh", role="h2", parent=host)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert label.text() == "<b>你好</b>"
    label.set_language("en")
    assert label.text() == "<i>Hello</i>"
    assert label.property("role") == "h2"


def test_empty_text_label_hides_and_never_pops_up_alone(qtbot):
    lonely = TextLabel(THEME, None, "zh")
    qtbot.addWidget(lonely)
    lonely.set_source("now with text")
    assert not lonely.isVisible()  # a parentless label must not become a window


def test_kinetic_area_flicks_and_resets(host, qtbot):
    area = KineticScrollArea(THEME, parent=host)
    area.resize(600, 400)
    inner = QWidget()
    col = QVBoxLayout(inner)
    for i in range(60):
        col.addWidget(QLabel(f"row {i}"))
    area.setWidget(inner)
    area.show()
    touch.swipe(area, (300, 350), (300, 50), steps=12, wait_ms=10)
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 100, timeout=3000)
    area.reset()
    assert area.is_at_start()
    from PySide6.QtWidgets import QScroller

    qtbot.waitUntil(lambda: QScroller.scroller(area.viewport()).state() == QScroller.State.Inactive, timeout=3000)


def test_grid_balances_columns(host):
    grid = ResponsiveGrid(THEME, min_width=300, max_columns=4, parent=host)
    for _ in range(4):
        grid.add(QLabel("x"))
    assert grid.columns_for(1300) == 4
    assert grid.columns_for(1000) == 2  # 3 would leave one orphan
    assert grid.columns_for(200) == 1


def test_icons_load_lazily_and_unknown_names_are_harmless(qapp):
    from kiosk.widgets import icons

    assert icons.icon_pixmap("mdi6.no-such-icon-anywhere", "#FFFFFF", 32) is None
    pm = icons.icon_pixmap("mdi6.history", "#FFFFFF", 32)
    assert pm is not None and not pm.isNull()


@pytest.mark.parametrize(
    "value,lang,expected",
    [
        (340_000_000, "zh", "3.4亿"),
        (340_000_000, "en", "340 million"),
        (3_900_000, "zh", "390万"),
        (3_900_000, "en", "3.9 million"),
        (1_500_000_000, "en", "1.5 billion"),
        (15, "zh", "15"),
        (20_000, "zh", "2万"),
        (1_500, "en", "1,500"),
    ],
)
def test_number_formatting(value, lang, expected):
    from kiosk.i18n import format_number

    assert format_number(value, lang) == expected


def test_figure_and_date_formatting():
    import datetime as dt

    from kiosk.i18n import format_date, format_figure

    fig = Figure(value=3_900_000, label=Text(zh="资源", en="resources"), plus=True)
    assert format_figure(fig, "zh") == ("390余万", "")
    assert format_figure(fig, "en") == ("3.9 million+", "")
    fig = Figure(value=1_500_000_000, unit=Text(zh="元", en="yuan"), label=Text(zh="投资", en="investment"), approx=True)
    assert format_figure(fig, "zh") == ("约15亿", "元")
    assert format_figure(fig, "en") == ("about 1.5 billion", "yuan")
    assert format_date(dt.date(2020, 6, 28), "zh") == "2020年6月28日"
    assert format_date(dt.date(2020, 6, 28), "en") == "28 June 2020"
    assert format_date("2020-06", "en") == "June 2020"
    assert format_date(1902, "zh") == "1902年"


def test_ui_strings_exist_in_both_languages():
    from kiosk.i18n import LANGUAGE_NAMES, STRINGS

    for key, entry in STRINGS.items():
        assert entry.get("zh") and entry.get("en"), key
    assert LANGUAGE_NAMES == {"zh": "中文", "en": "English"}
