"""The COSMOPlat (Haier Kaos) platform page: hero figures that count up, pyqtgraph charts styled to the theme
that show the content's values, capabilities and cases — driven by synthetic touch."""

from __future__ import annotations

import json

import pytest
import touch
from conftest import CONTENT, ROOT, load_shipped, minimal_content_dict, scale_content
from PySide6.QtCore import QAbstractAnimation, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontInfo, QFontMetrics, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScroller, QWidget

from kiosk.content.model import Chart, Content, PlatformSection
from kiosk.i18n import format_figure
from kiosk.widgets.labels import TextLabel

CJK = "Noto Sans CJK SC"


def t(zh: str, en: str) -> dict:
    return {"zh": zh, "en": en}


#: Charts the shipped platform page no longer shows (the park's data lives with the park),
#: kept here so a page with several chart kinds -- log scale, hbar, a unit -- stays tested.
MORE_CHARTS = [
    {"id": "framework-scale", "title": t("“个十百千万”框架", "The 1-10-100-1,000-10,000 framework"), "kind": "bar",
     "log_scale": True,
     "categories": [t("一个核心", "One core"), t("十个平台", "Ten platforms"), t("百个场景", "100 scenarios"),
                    t("千亩园区", "Thousand-mu parks"), t("万家企业上云", "10,000 firms on the cloud")],
     "series": [{"name": t("量级", "Scale"), "values": [1, 10, 100, 1000, 10000]}],
     "note": t("对数刻度", "Log scale")},
    {"id": "park-occupancy", "title": t("产业园规划容纳企业", "Planned companies in the park"), "kind": "hbar",
     "categories": [t("高新技术企业", "High-tech enterprises"), t("研发与总部经济企业", "R&D and HQ firms")],
     "series": [{"name": t("可容纳", "Capacity"), "values": [30, 70]}], "unit": t("家", "firms")},
    {"id": "park-area", "title": t("产业园面积", "Park area"), "kind": "bar",
     "categories": [t("占地面积", "Land area"), t("规划建筑面积", "Planned floor area")],
     "series": [{"name": t("面积（约）", "Area (approx.)"), "values": [35000, 180000]}], "unit": t("平方米", "m²")},
]


def shipped_with_more_charts() -> Content:
    """The shipped content with :data:`MORE_CHARTS` added to its platform page."""
    content = load_shipped()
    section = platform_section(content)
    extra = [Chart.model_validate(c) for c in MORE_CHARTS]
    richer = section.model_copy(update={"charts": [*section.charts, *extra]})
    return content.model_copy(update={"sections": [richer if s is section else s for s in content.sections]})


def platform_section(content: Content) -> PlatformSection:
    section = next(s for s in content.sections if s.type == "platform")
    assert isinstance(section, PlatformSection)
    return section


def open_platform(win, qtbot=None, section_id: str = "platform"):
    """Home → tap the platform tile, as a visitor would (with ``qtbot``: and wait for the
    page to finish sliding in — its own animations keep running)."""
    win.show_screen("home")
    win.view.finish_animations()
    touch.tap(win.findChild(QWidget, f"tile-{section_id}"))
    assert win.view.current == section_id
    if qtbot is not None:
        qtbot.waitUntil(lambda: not win.view.stack.animating, timeout=3000)
    return win.view.page(section_id)


def settle(win) -> None:
    win.view.finish_animations()
    QApplication.processEvents()


def running(page) -> list[QAbstractAnimation]:
    return [a for a in page.findChildren(QAbstractAnimation) if a.state() == QAbstractAnimation.State.Running]


def unwrap(label: str, lang: str) -> str:
    """A wrapped chart label back as one line (CJK lines join directly, hyphens too)."""
    out = ""
    for line in label.split("\n"):
        glue = "" if (lang == "zh" or not out or out.endswith("-")) else " "
        out += glue + line
    return out


def clipped_labels(page) -> list[str]:
    return [l.text() for l in page.findChildren(TextLabel)
            if l.isVisible() and l.wordWrap() and l.height() < l.heightForWidth(l.width()) - 1]


def three_charts_content() -> dict:
    """Minimal content whose platform section has a bar, a log-scale bar and a line chart,
    figures, a capability and a case linked to a partner."""
    data = minimal_content_dict()
    platform = next(s for s in data["sections"] if s["type"] == "platform")
    platform.update(
        figures=[{"id": "users", "value": 340000000, "label": t("用户", "Users")},
                 {"id": "res", "value": 3900000, "plus": True, "label": t("资源", "Resources")}],
        charts=[
            {"id": "reach", "title": t("覆盖", "Reach"), "kind": "bar",
             "categories": [t("生态", "Ecosystems"), t("行业", "Industries")],
             "series": [{"name": t("数量", "Number"), "values": [15, 60]}]},
            {"id": "scale", "title": t("量级", "Scale"), "kind": "bar", "log_scale": True,
             "categories": [t("一个核心", "One core"), t("十个平台", "Ten platforms"), t("百个场景", "100 scenarios"),
                            t("千亩园区", "Thousand-mu parks"), t("万家企业上云", "10,000 firms on the cloud")],
             "series": [{"name": t("量级", "Scale"), "values": [1, 10, 100, 1000, 10000]}],
             "note": t("对数刻度", "Log scale")},
            {"id": "growth", "title": t("增长", "Growth"), "kind": "line",
             "categories": [t("2019年", "2019"), t("2020年", "2020"), t("2021年", "2021")],
             "series": [{"name": t("企业", "Firms"), "values": [12, 30, 55]},
                        {"name": t("平台", "Platforms"), "values": [3, 8, 20]}],
             "unit": t("家", "firms")},
        ],
        capabilities=[{"id": "ai", "title": t("人工智能", "AI"), "text": t("智能方案。", "AI solutions."), "icon": "mdi6.brain"}],
        cases=[{"id": "rubber", "title": t("橡胶平台", "Rubber platform"), "text": t("上线发布。", "Went live."),
                "date": "2020-06-28", "partners": ["haier", "nobody"]}],
    )
    return data


# -- the path to the first frame -----------------------------------------------------------


def test_pyqtgraph_is_imported_only_when_the_page_is_built():
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        f"""
        import argparse, json, sys
        import kiosk.sections, kiosk.sections.platform.chart_card
        after_import = "pyqtgraph" in sys.modules
        import kiosk.app as app
        qapp = app.create_app(kiosk_mode=False)
        args = argparse.Namespace(content={str(CONTENT)!r}, lang=None, idle_timeout=None)
        win = app.build_window(args, kiosk_mode=False, size=(1920, 1080))
        win.show(); win.repaint()
        win.show_screen("home"); win.show_screen("history"); win.repaint()
        other_pages = "pyqtgraph" in sys.modules
        page = win.view.page("platform")
        built = "pyqtgraph" in sys.modules
        win.shutdown()
        print(json.dumps([after_import, other_pages, built, len(page.charts)]))
        """
    )
    import os

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [False, False, True, 1]


# -- the shipped content ----------------------------------------------------------------------


def test_opening_the_page_shows_the_contents_chart_values(make_kiosk, qtbot):
    content = shipped_with_more_charts()
    section = platform_section(content)
    win = make_kiosk(content)
    page = open_platform(win, qtbot)
    assert [v.chart.id for v in page.charts] == [c.id for c in section.charts]
    # Charts wait, empty, until the visitor opens their tab and scrolls to them.
    assert all(v.progress == 0.0 for v in page.charts)
    assert page.current_tab == "figures" and not page.charts[0].isVisible()
    touch.tap(page.tabs, page.tabs.tab_rect("charts").center().toPoint())
    assert page.current_tab == "charts" and page.current_panel is page.panels["charts"]
    qtbot.waitUntil(lambda: page.charts[0].progress == 1.0, timeout=3000)  # on screen: grows in
    last = page.charts[-1]
    assert last.progress == 0.0  # below the fold: waits
    viewport = page.current_panel.viewport()
    x = viewport.width() // 2
    scroller = QScroller.scroller(viewport)
    for _ in range(4):  # flick up until the last chart is on screen (a busy machine flicks shorter)
        touch.swipe(viewport, (x, viewport.height() - 100), (x, 150), steps=12, wait_ms=10)
        qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)
        if last.progress > 0.0 or last.animation.state() == QAbstractAnimation.State.Running:
            break
    assert page.current_panel.verticalScrollBar().value() > 0
    assert last.progress > 0.0 or last.animation.state() == QAbstractAnimation.State.Running
    qtbot.waitUntil(lambda: last.progress == 1.0, timeout=3000)  # grows in by itself
    settle(win)
    for view, chart in zip(page.charts, section.charts):
        assert view.isVisible()
        expected = [s.values for s in chart.series]
        assert view.plotted_values() == [pytest.approx(vals, rel=1e-9) for vals in expected]
        # Read straight off the pyqtgraph items, too.
        if chart.kind == "hbar":
            item = view.bar_items[0]
            assert list(item.opts["width"]) == pytest.approx(chart.series[0].values)
        elif chart.log_scale:
            item = view.bar_items[0]
            tops = [10 ** (a + b) for a, b in zip(item.opts["y0"], item.opts["height"])]
            assert tops == pytest.approx(chart.series[0].values)
        else:
            assert list(view.bar_items[0].opts["height"]) == pytest.approx(chart.series[0].values)
        assert len(view.value_texts()[0]) == len(chart.categories)
    framework = next(v for v in page.charts if v.chart.log_scale)
    assert framework.guide_texts() == ["1", "10", "100", "1,000", "1万"]
    assert framework.value_texts() == [["1", "10", "100", "1,000", "1万"]]
    area = next(v for v in page.charts if v.chart.id == "park-area")
    assert area.value_texts() == [["3.5万", "18万"]]  # one scale word across the chart


def test_charts_are_styled_to_the_theme_not_pyqtgraphs_defaults(make_kiosk):
    win = make_kiosk(shipped_with_more_charts())
    page = open_platform(win)
    settle(win)
    theme = page.theme
    reach = page.charts[0]
    page.open_item(reach.chart.id)
    settle(win)
    card = page.chart_cards[0]
    img = card.grab().toImage()  # the card and the chart on it, as the visitor sees them
    # Transparent: the card's surface shows through where nothing is drawn.
    blank = reach.mapTo(card, QPoint(reach.width() // 2 - 2, 4))
    assert QColor(img.pixel(blank)).name().upper() == theme.palette.surface.upper()
    # The largest bar is accent, the other primary (sample each bar's upper part).
    vb = reach.view_box
    for i, colour in ((0, theme.palette.primary), (1, theme.palette.accent)):
        top = reach.bar_items[0].opts["height"][i]
        p = reach.mapTo(card, reach.mapFromScene(vb.mapViewToScene(QPointF(i, top * 0.9))))
        got, want = QColor(img.pixel(p)), QColor(colour)
        assert abs(got.hue() - want.hue()) <= 12 and got.saturation() > 90, (i, got.name(), colour)
    # Fonts: bundled families, at least 24 px at 1080p.
    for view in page.charts:
        fonts = [it.textItem.font() for row in view.value_labels for it in row]
        fonts += [it.textItem.font() for it in view.category_items]
        if not view.category_items:
            fonts += [view.plot_item.getAxis(a).style["tickFont"] for a in ("bottom", "left")]
        for font in fonts:
            assert CJK in font.families()
            assert font.pixelSize() >= theme.px(24) >= 24
            assert QFontInfo(font).family() in ("Noto Sans", CJK)
        # Chinese labels have glyphs in the bundled CJK font (no tofu).
        cjk = QFontMetrics(_family_font(CJK))
        for text in view.category_texts():
            assert all(cjk.inFontUcs4(ord(ch)) for ch in text if ord(ch) > 0x2E80), text
    # Axis pens in theme colours, tick marks off, no top/right axes.
    left = reach.plot_item.getAxis("left")
    assert left.textPen().color().name().upper() == theme.palette.text_muted.upper()
    assert not reach.plot_item.getAxis("top").isVisible() and not reach.plot_item.getAxis("right").isVisible()
    assert reach.plot_item.getAxis("bottom").style["tickLength"] == 0


def _family_font(family: str):
    from PySide6.QtGui import QFont

    f = QFont()
    f.setFamilies([family])
    return f


def test_charts_cannot_be_panned_zoomed_or_given_a_menu(make_kiosk):
    win = make_kiosk(shipped_with_more_charts())
    page = open_platform(win)
    settle(win)
    for view in page.charts:
        pi, vb = view.plot_item, view.view_box
        assert vb.state["mouseEnabled"] == [False, False]
        assert not vb.menuEnabled() and not pi.menuEnabled()
        assert pi.buttonsHidden and (pi.autoBtn is None or not pi.autoBtn.isVisible())
        assert view.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    view = page.charts[1]
    page.open_item(view.chart.id)
    settle(win)
    before = view.view_box.viewRange()
    centre = view.rect().center()
    touch.pinch(view, centre, 80, 400)  # a two-finger spread over the chart: no zoom
    settle(win)
    assert win.view.current == "platform" and view.view_box.viewRange() == before
    # A mouse drag, a wheel turn and a right click over the chart (a desktop trial, a stray
    # trackpad) reach whatever Qt routes them to: the widget under the pointer.
    where = view.mapTo(win, centre)
    target = win.childAt(where)
    assert target is not view.viewport() and not view.isAncestorOf(target)  # the card, not the plot
    local = target.mapFrom(win, where)
    QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
    for dx in range(20, 220, 20):
        QTest.mouseMove(target, local + QPoint(dx, dx // 2))
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local + QPoint(200, 100))
    wheel = QWheelEvent(QPointF(local), QPointF(target.mapToGlobal(local)), QPoint(0, 0), QPoint(0, 480),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(target, wheel)
    QTest.mouseClick(target, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, local)
    settle(win)
    assert QApplication.activePopupWidget() is None  # no context menu
    assert view.view_box.viewRange() == before  # the chart never moved or zoomed


def test_hero_figures_count_up_to_the_contents_values(make_kiosk):
    content = load_shipped()
    section = platform_section(content)
    win = make_kiosk(content)
    page = open_platform(win)
    cards = page.figure_cards
    assert [c.figure.value for c in cards] == [15, 60, 340000000, 3900000]
    assert all(c.count.animation.state() == QAbstractAnimation.State.Running for c in cards)
    assert all(c.count.value < c.figure.value for c in cards)  # counting, not there yet
    anim = cards[2].count.animation
    anim.setCurrentTime(0)
    assert cards[2].value.text() == "0"  # from nothing
    anim.setCurrentTime(anim.duration() // 3)
    assert 0 < cards[2].count.value < 340000000
    settle(win)
    for card, figure in zip(cards, section.figures):
        assert card.count.value == figure.value
        value, unit = format_figure(figure, "zh")
        assert "".join(l.text() for l in (card.prefix, card.value, card.unit)) == value + unit
    # The band lays them out 4 across in landscape.
    tops = {c.geometry().top() for c in cards}
    assert len(tops) == 1


def test_language_switch_relabels_the_charts_in_place(make_kiosk):
    content = shipped_with_more_charts()
    section = platform_section(content)
    win = make_kiosk(content)
    page = open_platform(win)
    settle(win)
    page.show_tab("charts")
    settle(win)
    bar = page.current_panel.verticalScrollBar()
    assert bar.maximum() > 0  # four charts: two rows, each as tall as the tab
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    framework = next(v for v in page.charts if v.chart.log_scale)
    zh = [unwrap(c, "zh") for c in framework.category_texts()]
    assert zh == [c.zh for c in framework.chart.categories]
    toggle = win.findChild(QWidget, "lang-toggle")
    touch.tap(toggle, toggle.segment_rect("en").center().toPoint())
    assert win.view.lang == "en" and win.view.current == "platform"
    for view, chart in zip(page.charts, section.charts):
        en = [unwrap(c, "en") for c in view.category_texts()]
        assert en == [c.en for c in chart.categories]
        assert all(not any(ord(ch) > 0x2E80 for ch in c) for c in en)
    assert framework.guide_texts() == ["1", "10", "100", "1,000", "10,000"]
    area = next(v for v in page.charts if v.chart.id == "park-area")
    assert area.value_texts() == [["35,000", "180,000"]]
    texts = {l.text() for l in page.findChildren(TextLabel) if l.isVisible()}
    assert "Unit: m²" in texts and "Industries COSMOPlat (Haier Kaos) reaches" in texts
    assert page.current_panel.verticalScrollBar().value() == where  # the visitor stays where they were
    assert all(v.progress == 1.0 for v in page.charts)


def test_tapping_a_chart_replays_it_and_reports_it(make_kiosk, qtbot):
    win = make_kiosk(load_shipped())
    page = open_platform(win)
    settle(win)
    card = page.chart_cards[0]
    page.open_item(card.chart.id)
    QApplication.processEvents()
    with qtbot.waitSignal(page.item_tapped, timeout=1000) as sig:
        touch.tap(card, card.view.geometry().center())
    assert sig.args == [f"chart:{card.chart.id}"]
    assert card.view.animation.state() == QAbstractAnimation.State.Running
    assert card.view.progress < 1.0
    qtbot.waitUntil(lambda: card.view.progress == 1.0, timeout=3000)
    case = page.case_cards[0]
    page.open_item(case.case.id)
    QApplication.processEvents()
    with qtbot.waitSignal(page.item_tapped, timeout=1000) as sig:
        touch.tap(case, case.title.geometry().center())
    assert sig.args == [f"case:{case.case.id}"]


def test_case_partner_chip_opens_the_partner(make_kiosk):
    win = make_kiosk(load_shipped())
    page = open_platform(win)
    settle(win)
    case = page.case_cards[0]
    assert case.case.id == "rubber-platform"
    chip = case.chips["haier-kaos"]
    assert chip.text == "卡奥斯COSMOPlat"
    page.open_item(case.case.id)
    QApplication.processEvents()
    touch.tap(chip)
    assert win.view.current == "partners"


def test_idle_reset_restores_the_page(make_kiosk):
    win = make_kiosk(shipped_with_more_charts())
    page = open_platform(win)
    settle(win)
    card = page.chart_cards[-1]  # on the second row: the tab scrolls to it
    page.open_item(card.chart.id)
    settle(win)
    touch.tap(card, card.view.geometry().center())  # replaying when the visitor walks away
    win.view.language.set("en")
    assert page.current_panel.verticalScrollBar().value() > 0 and running(page)
    win.idle.trigger()
    for _ in range(win.countdown.remaining):
        win.countdown.tick()
    assert win.view.current == "attract" and win.view.lang == "zh"
    assert page.current_tab == "figures" and page.current_panel.verticalScrollBar().value() == 0
    assert not running(page)
    assert all(v.progress == 1.0 for v in page.charts)
    assert [unwrap(c, "zh") for c in page.charts[0].category_texts()] == ["赋能行业物联生态", "覆盖细分行业"]
    # Ready to animate again: the next visitor sees the figures count and the charts grow.
    page = open_platform(win)
    assert all(c.count.animation.state() == QAbstractAnimation.State.Running for c in page.figure_cards)
    assert all(v.progress == 0.0 for v in page.charts)


# -- other content --------------------------------------------------------------------------


def test_three_charts_from_minimal_content_with_log_and_line(make_kiosk):
    data = three_charts_content()
    win = make_kiosk(data)
    page = open_platform(win)
    settle(win)
    page.show_tab("charts")
    settle(win)
    views = {v.chart.id: v for v in page.charts}
    assert set(views) == {"reach", "scale", "growth"}
    assert views["reach"].plotted_values() == [pytest.approx([15, 60])]
    assert views["scale"].plotted_values() == [pytest.approx([1, 10, 100, 1000, 10000])]
    assert views["scale"].guide_texts() == ["1", "10", "100", "1,000", "1万"]
    lo, hi = views["scale"].view_box.viewRange()[1]
    assert lo < 0 <= 4 < hi  # every decade bar (1 … 10,000) sits inside the view
    growth = views["growth"]
    assert len(growth.line_items) == 2 and not growth.bar_items
    assert growth.plotted_values() == [pytest.approx([12, 30, 55]), pytest.approx([3, 8, 20])]
    assert list(growth.line_items[0].getData()[1]) == pytest.approx([12, 30, 55])
    assert growth.guide_texts() == ["0", "20", "40", "60"]
    # Line charts grow in as well.
    growth.animate_in()
    growth.animation.setCurrentTime(growth.animation.duration() // 4)
    mid = growth.plotted_values()[0]
    assert all(0 <= m < v for m, v in zip(mid, [12, 30, 55]))
    growth.finish()
    # The case links only the partner that exists.
    case = page.case_cards[0]
    assert set(case.chips) == {"haier"}
    win.view.language.set("en")
    assert [unwrap(c, "en") for c in views["scale"].category_texts()][-1] == "10,000 firms on the cloud"
    assert case.chips["haier"].text == "Haier"


def test_page_without_charts_or_figures_still_works(make_kiosk):
    win = make_kiosk(minimal_content_dict())  # the platform section has a summary only
    page = open_platform(win)
    settle(win)
    assert page.charts == [] and page.figure_cards == []
    texts = {l.text() for l in page.findChildren(TextLabel) if l.isVisible()}
    assert "卡奥斯。" in texts
    page.reset()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160)])
def test_layout_fits_every_screen(make_kiosk, qtbot, size):
    win = make_kiosk(shipped_with_more_charts(), size=size)
    page = open_platform(win)
    settle(win)
    theme = page.theme
    hero_rows = {c.geometry().top() for c in page.figure_cards}
    assert len(hero_rows) == (1 if theme.landscape else 2)
    cards = {"charts": page.chart_cards, "capabilities": page.capability_cards, "cases": page.case_cards}
    for lang in ("zh", "en"):
        page.set_language(lang)
        for key in page.panels:
            page.show_tab(key)
            settle(win)
            qtbot.waitUntil(lambda: not clipped_labels(page), timeout=3000)  # long texts wrap, never clip
            content_w = page.current_panel.widget().width()
            for card in cards.get(key, []):
                geo = card.geometry()
                top_left = card.mapTo(page.current_panel.widget(), QPoint(0, 0))
                assert top_left.x() >= 0 and top_left.x() + geo.width() <= content_w
        page.show_tab("charts")
        settle(win)
        grid = page.chart_cards[0].parentWidget()
        assert grid.columns == (2 if theme.landscape else 1)
        for card in page.figure_cards:  # the final numbers fit their column, unclipped
            for label in (card.prefix, card.value, card.unit, card.label):
                assert label.width() >= min(label.sizeHint().width(), label.minimumSizeHint().width()), label.text()
                assert card.geometry().contains(label.geometry().translated(card.pos()).adjusted(1, 1, -1, -1)) or not label.isVisible()
        viewport = page.current_panel.viewport()
        for card in page.chart_cards:  # each chart fits the tab: its axis never under the footer
            assert card.height() <= viewport.height(), (lang, card.chart.id)
        for view in page.charts:
            assert view.height() >= theme.px(240)
            # Category labels fit their slots (wrapped, never wider than slot + a little).
            if not view.category_items:
                fm = QFontMetrics(view.category_font)
                slot = view.view_box.width() / len(view.chart.categories)
                for text in view.category_texts():
                    assert max(fm.horizontalAdvance(line) for line in text.split("\n")) <= slot * 1.02, text
    for chip in page.findChildren(QWidget):
        if hasattr(chip, "tap_targets") and chip.isVisible():
            for r in chip.tap_targets():
                assert min(r.width(), r.height()) >= theme.min_target - 1


def test_ten_times_content_builds_and_paints(make_kiosk):
    """10x content builds every chart and paints; how long it takes is measured in benchmarks/."""
    data = scale_content().scaled(10)
    win = make_kiosk(data)
    page = open_platform(win)
    settle(win)
    painted = page.grab()
    assert not painted.isNull()
    assert len(page.charts) == len(platform_section(Content.model_validate(data)).charts)


def test_negative_values_grouped_bars_and_a_single_category(qtbot):
    """Edge cases staff may write: values below zero, two series side by side, one bar."""
    from kiosk.app import register_fonts
    from kiosk.content.model import Chart
    from kiosk.sections.platform.chart_card import ChartCard
    from kiosk.theme import build_theme

    theme = build_theme(None, (1920, 1080), families=register_fonts())
    host = QWidget()
    qtbot.addWidget(host)
    charts = [
        Chart.model_validate({"id": "delta", "title": t("变化", "Change"), "kind": "bar",
                              "categories": [t("甲", "A"), t("乙", "B"), t("丙", "C")],
                              "series": [{"name": t("今年", "This year"), "values": [-20, 35, 0]},
                                         {"name": t("去年", "Last year"), "values": [10, -5, 12.5]}]}),
        Chart.model_validate({"id": "one", "title": t("一项", "One"), "kind": "hbar",
                              "categories": [t("全部", "All")],
                              "series": [{"name": t("数", "N"), "values": [7]}, {"name": t("比", "M"), "values": [-3]}]}),
    ]
    cards = []
    for i, chart in enumerate(charts):
        card = ChartCard(theme, chart, "zh", parent=host)
        card.setGeometry(0, i * 700, 900, 680)
        cards.append(card)
    host.resize(900, 1400)
    host.show()
    qtbot.waitExposed(host)
    delta, one = (c.view for c in cards)
    assert delta.plotted_values() == [pytest.approx([-20, 35, 0]), pytest.approx([10, -5, 12.5])]
    assert delta.guide_texts()[0].startswith("-") and "0" in delta.guide_texts()
    lo, hi = delta.view_box.viewRange()[1]
    assert lo <= -20 and hi >= 35
    assert delta.value_texts() == [["-20", "35", "0"], ["10", "-5", "12.5"]]
    assert len(cards[0].meta_labels) == 2  # a colour key per series
    assert one.plotted_values() == [pytest.approx([7]), pytest.approx([-3])]
    delta.animate_in()
    delta.animation.setCurrentTime(delta.animation.duration() // 3)
    mid = delta.plotted_values()[0]
    assert -20 < mid[0] <= 0 and 0 <= mid[1] < 35
    delta.finish()
    assert not delta.grab().isNull() and not one.grab().isNull()


@pytest.mark.parametrize(
    ("lo", "hi", "ticks"),
    [(15, 60, [0, 20, 40, 60]), (35000, 180000, [0, 50000, 100000, 150000, 200000]),
     (-20, 35, [-20, 0, 20, 40]), (0, 0, [0, 0.25, 0.5, 0.75, 1.0]), (0.3, 0.7, [0, 0.2, 0.4, 0.6, 0.8])],
)
def test_guide_values_are_round_and_cover_the_data(lo, hi, ticks):
    from kiosk.widgets.chart_scale import linear_ticks

    assert linear_ticks(lo, hi) == pytest.approx(ticks)


def test_chart_numbers_and_log_decades():
    from kiosk.numbers import format_number
    from kiosk.widgets.chart_scale import log_decades

    assert log_decades(1, 10000) == [0, 1, 2, 3, 4]
    assert log_decades(3, 250) == [0, 1, 2, 3]
    assert [format_number(v, "zh") for v in (15, 35000, 180000, 10000, 340000000, -50000)] == [
        "15", "3.5万", "18万", "1万", "3.4亿", "-5万"]
    assert [format_number(v, "en") for v in (35000, 180000, 340000000, 12.5)] == [
        "35,000", "180,000", "340 million", "12.5"]


def test_category_labels_wrap_at_words_and_balance(qapp):
    from kiosk.app import register_fonts
    from kiosk.theme import build_theme
    from kiosk.widgets.chart_scale import chart_font, wrap_label

    font = chart_font(build_theme(None, (1920, 1080), families=register_fonts()), 26)
    fm = QFontMetrics(font)
    assert wrap_label("Thousand-mu parks", font, 130) == "Thousand-\nmu parks"  # after the hyphen
    assert wrap_label("One core", font, 400) == "One core"
    lines = wrap_label("万家企业上云", font, 150).split("\n")
    assert len(lines) == 2 and abs(len(lines[0]) - len(lines[1])) <= 1  # balanced, no lone 云
    cut = wrap_label("a very long label " * 8, font, 120)
    assert cut.count("\n") == 2 and cut.endswith("…")
    assert all(fm.horizontalAdvance(l) <= 120 * 1.08 for l in cut.split("\n"))


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920), (3840, 2160)])
def test_the_shipped_chart_fits_its_tab_at_every_size(make_kiosk, size):
    win = make_kiosk(load_shipped(), size=size)
    page = open_platform(win)
    settle(win)
    page.show_tab("charts")
    for lang in ("zh", "en"):
        page.set_language(lang)
        settle(win)
        panel = page.current_panel
        viewport = panel.viewport()
        assert panel.verticalScrollBar().maximum() == 0 and not panel.cue.has_more, (lang, size)
        assert panel.cue.more is not None and not panel.cue.more.isVisible()
        for card in page.chart_cards:
            r = card.rect().translated(card.mapTo(viewport, QPoint(0, 0)))
            assert viewport.rect().contains(r), (lang, size, r.getRect())  # its axis and note above the footer
            assert card.view.height() >= page.theme.px(240)


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
def test_a_tab_scrolls_only_as_far_as_its_content_goes(make_kiosk, size):
    """No "More below" over empty space: each tab is exactly as tall as its content needs at
    its width (the overview's wrapped summary once made it scroll for nothing)."""
    win = make_kiosk(load_shipped(), size=size)
    page = open_platform(win)
    settle(win)
    for lang in ("zh", "en"):
        page.set_language(lang)
        for key in page.panels:
            page.show_tab(key)
            settle(win)
            panel = page.current_panel
            vp = panel.viewport()
            need = panel.column.heightForWidth(vp.width())
            assert panel.verticalScrollBar().maximum() == max(0, need - vp.height()), (lang, key)
            assert panel.cue.has_more == (need - vp.height() > panel.cue.slack), (lang, key)
            assert not panel.cue.has_more, (lang, key)  # the shipped content: every tab fits
