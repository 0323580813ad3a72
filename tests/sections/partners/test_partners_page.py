"""The partners page: category chips filter the painted card grid, a card opens a detail card
with a QR code of the website, deep links open a partner, 1,000 partners stay light, and
idle reset / language switch behave — all driven by synthetic touch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import touch
import yaml
from conftest import ROOT, minimal_content_dict
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from kiosk import sections
from kiosk.content.model import Content
from kiosk.sections import PageContext
from kiosk.sections.partners.model import RowKind
from kiosk.theme import build_theme
from kiosk.widgets.image import ImageLoader
from kiosk.widgets.labels import TextLabel
from kiosk.widgets.monogram import badge_styles, initials, monogram_image, monogram_pixmap, style_index
from kiosk.widgets.touch import TouchButton

NAVBAR = 136


_hosts: list[QWidget] = []


@pytest.fixture(autouse=True)
def _drop_hosts():
    yield
    _hosts.clear()


def build(qtbot, content: Content, *, lang: str = "zh", size=(1920, 1080), families=None,
          base_dir: Path = ROOT, show: bool = True, loader: ImageLoader | None = None):
    """The partners page in a host the size of the page area (screen minus the nav bar)."""
    theme = build_theme(content.kiosk, size, families=families)
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(size[0], size[1] - NAVBAR * min(size) // 1080)
    section = next(s for s in content.sections if s.type == "partners")
    ctx = PageContext(theme, content, base_dir, lang, images=loader or ImageLoader())
    page = sections.create_page(section, ctx, host)
    page.resize(host.size())
    if show:
        host.show()
        qtbot.waitExposed(host)
    _hosts.append(host)
    return page


def category_ids(content: Content, category: str) -> list[str]:
    section = next(s for s in content.sections if s.type == "partners")
    return [p.id for p in section.partners if p.category == category]


def tap_card(page, partner_id: str) -> None:
    rect = page.grid.card_rect(partner_id)
    assert rect.isValid() and page.grid.viewport().rect().contains(rect.center()), partner_id
    touch.tap(page.grid.viewport(), rect.center())


def background_share(image: QImage, rect: QRect, colour: str, step: int = 6) -> float:
    bg = QColor(colour).rgb() & 0xFFFFFF
    hits = total = 0
    for y in range(rect.top(), rect.bottom(), step):
        for x in range(rect.left(), rect.right(), step):
            total += 1
            hits += (image.pixel(x, y) & 0xFFFFFF) == bg
    return hits / max(1, total)


# -- filtering ------------------------------------------------------------------------------


def test_chip_tap_shows_only_that_category_with_right_counts(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families)
    taps: list[str] = []
    page.item_tapped.connect(taps.append)
    chips = {c.key: c for c in page.chips.chips}
    assert chips[""].text == "全部" and chips[""].count == 21 and chips[""].is_checked
    section = shipped.section("partners")
    for category in section.categories:
        assert chips[category.id].count == len(category_ids(shipped, category.id))
        assert chips[category.id].text == category.name.zh
    for chip in chips.values():  # every chip is a real tap target
        assert chip.isVisible() and min(chip.width(), chip.height()) >= page.theme.min_target

    touch.tap(chips["new-generation"])
    wanted = category_ids(shipped, "new-generation")
    assert page.model.visible_partner_ids() == wanted
    assert chips["new-generation"].is_checked and not chips[""].is_checked
    on_screen = page.grid.visible_cards()
    assert on_screen and set(on_screen) <= set(wanted)
    assert taps == ["category:new-generation"]
    headers = [page.model.row(i) for i in range(page.model.rowCount()) if page.model.row(i).kind == RowKind.HEADER]
    assert [h.category.id for h in headers] == ["new-generation"] and headers[0].count == 4

    touch.tap(chips[""])
    assert len(page.model.visible_partner_ids()) == 21
    assert taps[-1] == "category:all"


def test_all_is_grouped_by_category_in_content_order(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families)
    m = page.model
    order = [m.row(i).category.id for i in range(m.rowCount()) if m.row(i).kind == RowKind.HEADER]
    assert order == [c.id for c in shipped.section("partners").categories]
    # cards follow their header; the first screen shows the first group's header and cards
    first_header = page.grid.visualRect(m.index(0, 0))
    haier = page.grid.card_rect("haier")
    assert first_header.bottom() < haier.top() and haier.left() == first_header.left()
    assert page.grid.metrics.columns == 2  # 1920×1080: two columns beside the rail


# -- the detail card ---------------------------------------------------------------------------


def test_tapping_a_card_shows_pressed_feedback_then_its_detail_with_qr(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families)
    taps: list[str] = []
    page.item_tapped.connect(taps.append)
    grid = page.grid
    rect = grid.card_rect("haier")
    rest = grid.viewport().grab(rect).toImage()
    touch.press(grid.viewport(), rect.center())
    assert grid.pressed_row == page.model.row_of_partner("haier")
    assert grid.viewport().grab(rect).toImage() != rest  # the pressed card looks different at once
    assert page.detail.isHidden()
    touch.release(grid.viewport(), rect.center())
    assert grid.pressed_row is None

    detail = page.detail
    assert detail.isVisible() and taps == ["partner:haier"]
    page.finish_animations()
    assert detail.name_label.text() == "海尔" and detail.name_label.isVisible()
    assert detail.other_name_label.text() == "Haier"
    assert detail.category_label.text() == "五朵金花"
    assert "五朵金花" in detail.description_label.text()
    assert detail.tags.tags == ["五朵金花", "工业互联网"]
    assert detail.qr.isVisible() and detail.qr.data == "https://www.haier.com"
    assert detail.qr_caption.isVisible() and detail.qr_caption.text() == "扫码访问官网"
    assert detail.url_label.text() == "www.haier.com"
    # the QR code is drawn: dark modules on white
    qr = detail.qr.grab().toImage()
    dark = sum(1 for y in range(0, qr.height(), 4) for x in range(0, qr.width(), 4) if QColor(qr.pixel(x, y)).lightness() < 60)
    assert dark > 50
    # every label fits inside the card (nothing clipped)
    card = detail.card
    for label in (detail.name_label, detail.other_name_label, detail.description_label, detail.qr_caption, detail.url_label):
        top_left = label.mapTo(card, QPoint(0, 0))
        assert card.rect().contains(QRect(top_left, label.size())), label.objectName()
        assert label.height() >= label.heightForWidth(label.width())
    assert not page.allows_swipe_at(QPoint(10, 10))  # no section swipes under an open card

    close = detail.close_button
    assert min(close.width(), close.height()) >= page.theme.min_target
    touch.tap(close)
    assert detail.isHidden() and page.allows_swipe_at(QPoint(10, 10))


def test_partner_without_website_gets_no_qr_and_no_empty_box(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families)
    assert page.open_item("red-collar")
    detail = page.detail
    page.finish_animations()
    assert detail.name_label.text() == "红领"
    assert detail.qr.isHidden() and detail.qr.data == ""
    assert detail.qr_caption.isHidden() and detail.url_label.isHidden()
    assert not detail.has_qr
    narrow = detail.card.width()
    assert page.open_item("haier")
    page.finish_animations()
    assert detail.has_qr and detail.card.width() > narrow  # room is made only for a real code


def test_tap_outside_the_card_closes_it_and_taps_on_it_do_not(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families)
    page.open_item("qust")
    page.finish_animations()
    detail = page.detail
    touch.tap(detail.description_label)
    assert detail.isVisible()
    card = detail.card.geometry()
    touch.tap(detail, QPoint(card.left() // 2, card.center().y()))
    assert detail.isHidden()
    # the tap on the scrim did not reach the page underneath
    assert page.grid.pressed_row is None


def test_detail_fits_long_english_names_in_every_orientation(qtbot, shipped, families):
    for size in ((1920, 1080), (1080, 1920), (3840, 2160)):
        page = build(qtbot, shipped, lang="en", size=size, families=families)
        page.open_item("saifeite")
        page.finish_animations()
        detail = page.detail
        assert detail.card.geometry().bottom() < page.height() and detail.card.geometry().top() > 0
        for label in (detail.name_label, detail.description_label):
            assert label.height() >= label.heightForWidth(label.width()), size
            bottom = label.mapTo(detail.scroller.viewport(), QPoint(0, label.height())).y()
            assert bottom <= detail.scroller.viewport().height(), size


# -- deep links ---------------------------------------------------------------------------------


def test_open_item_on_a_fresh_page_reveals_and_opens_the_partner(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families, show=False)
    assert page.open_item("design-center")  # the last card, far below the first screen
    assert not page.open_item("no-such-partner")
    page.parentWidget().show()
    qtbot.waitExposed(page.parentWidget())
    assert page.model.filter is None and page.chips.current == ""
    assert "design-center" in page.grid.visible_cards()
    assert page.grid.viewport().rect().contains(page.grid.card_rect("design-center"))
    assert page.detail.isVisible() and page.detail.name_label.text() == "青岛工业设计创新中心"

    fresh = build(qtbot, shipped, families=families)
    assert fresh.open_item("haier")
    assert fresh.detail.isVisible() and fresh.detail.name_label.text() == "海尔"
    assert fresh.detail.qr.data == "https://www.haier.com"
    assert "haier" in fresh.grid.visible_cards()


def test_open_item_clears_a_category_filter(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families)
    touch.tap(page.chips.chip("institutions"))
    assert page.open_item("haier")
    assert page.model.filter is None and page.chips.chip("").is_checked
    assert "haier" in page.grid.visible_cards()


def test_deep_link_through_the_shell_opens_haier(make_kiosk, shipped):
    win = make_kiosk(shipped, kiosk_mode=False)
    win.show_screen("home")
    other = win.view.page("history")
    other.navigate_requested.emit("partners", "haier")
    assert win.view.current == "partners"
    page = win.view.page("partners")
    win.view.finish_animations()
    assert page.detail.isVisible() and page.detail.name_label.text() == "海尔"
    assert page.detail.qr.data == "https://www.haier.com"
    assert "haier" in page.grid.visible_cards()


# -- scale --------------------------------------------------------------------------------------


def test_a_thousand_partners_build_stay_light_and_paint_to_the_end(qtbot, scaled_10x, families):
    content, base = scaled_10x
    page = build(qtbot, content, families=families, base_dir=base)
    page.grab()
    assert page.model.total() == 1000 and len(page.model.visible_partner_ids()) == 1000
    assert len(page.findChildren(QWidget)) < 200  # painted cards, not a thousand widgets
    assert page.chips.chip("").count == 1000

    grid = page.grid
    bar = grid.verticalScrollBar()
    assert bar.maximum() > 100 * grid.metrics.card.height()
    bar.setValue(bar.maximum())
    last = page.model.visible_partner_ids()[-1]
    assert last in grid.visible_cards()
    rect = grid.card_rect(last)
    image = grid.viewport().grab().toImage()
    assert background_share(image, rect.intersected(grid.viewport().rect()), page.theme.palette.background) < 0.2

    # filtering 1,000 rows answers at once
    touch.tap(page.chips.chip("platform-leaders"))
    grid.viewport().repaint()
    assert len(page.model.visible_partner_ids()) == page.chips.chip("platform-leaders").count == 96
    assert bar.value() == 0


# -- monograms ------------------------------------------------------------------------------


def test_monogram_initials_for_chinese_and_english_names():
    assert initials("海尔", None, "zh") == "海尔"
    assert initials("青岛啤酒", "青啤", "zh") == "青啤"
    assert initials("浪潮（青岛）科技集团", None, "zh") == "浪潮"
    assert initials("Tsingtao Brewery", None, "en") == "TB"
    assert initials("Tsingtao Brewery", "Tsingtao", "en") == "TB"
    assert initials("Haier", None, "en") == "H"
    assert initials("Qingdao University of Science and Technology", "QUST", "en") == "QUST"
    assert initials("Guoren Group", None, "en") == "G"
    assert initials("CRRC", None, "zh") == "CRRC"  # no Chinese characters: Latin rules


def test_monogram_badges_are_crisp_deterministic_and_cached():
    theme = build_theme(None, (1920, 1080))
    styles = badge_styles(theme)
    assert style_index("haier", len(styles)) == style_index("haier", len(styles))  # stable across runs (crc32)
    assert len({style_index(f"p{i}", len(styles)) for i in range(50)}) == len(styles)  # all colourways used
    style = styles[0]
    for side in (48, 112, 400):
        image = monogram_image("海尔", side, style, theme.families)
        assert (image.width(), image.height()) == (side, side)
        assert image.pixelColor(0, 0).alpha() == 0  # rounded corners
        assert image.pixelColor(side // 10, side // 2).name().upper() != "#000000"
    big = monogram_image("TB", 400, style, theme.families)
    ink = QColor(style.ink)
    inked = sum(1 for y in range(0, 400, 4) for x in range(0, 400, 4)
                if abs(big.pixelColor(x, y).lightness() - ink.lightness()) < 12)
    assert inked > 200  # the letters are there, in the style's ink
    a = monogram_pixmap(theme, "haier", "海尔", 96, 2.0)
    assert a.devicePixelRatio() == 2.0 and a.width() == 192
    assert monogram_pixmap(theme, "haier", "海尔", 96, 2.0).cacheKey() == a.cacheKey()


def test_logo_replaces_the_monogram_once_decoded(qtbot, families, tmp_path):
    data = minimal_content_dict()
    partners = data["sections"][2]
    partners["partners"][0]["logo"] = "logo.png"
    logo = QImage(200, 100, QImage.Format.Format_RGB32)
    logo.fill(QColor("#E0201B"))
    assert logo.save(str(tmp_path / "logo.png"))
    content = Content.model_validate(json.loads(json.dumps(data)))
    loader = ImageLoader()
    page = build(qtbot, content, families=families, base_dir=tmp_path, loader=loader)
    grid = page.grid
    loader.wait()
    qtbot.waitUntil(lambda: not grid._pending_logos, timeout=3000)
    rect = grid.card_rect("haier")
    badge_centre = QPoint(rect.left() + grid.delegate.pad + grid.delegate.badge // 2, rect.center().y())
    qtbot.waitUntil(lambda: grid.viewport().grab().toImage().pixelColor(badge_centre).name().upper() == "#E0201B", timeout=3000)


# -- state -------------------------------------------------------------------------------------


def test_language_switch_keeps_filter_scroll_and_open_card(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families)
    grid = page.grid
    bar = grid.verticalScrollBar()
    bar.setValue(bar.value() + grid.card_rect("crrc").top() - grid.spacing())
    top = grid.visible_cards()[0]
    y_before = grid.card_rect(top).top()
    assert top == "crrc" and bar.value() > 0
    tap_card(page, "crrc")
    assert page.detail.name_label.text() == "中车"

    page.set_language("en")
    assert grid.visible_cards()[0] == top and abs(grid.card_rect(top).top() - y_before) <= 2
    assert page.detail.isVisible() and page.detail.name_label.text() == "CRRC"
    assert page.detail.other_name_label.text() == "中车"
    assert page.detail.qr_caption.text() == "Scan to visit the website"
    assert page.chips.chip("").text == "All" and page.title_label.text() == "Companies and Partners"
    page.detail.close_detail()

    touch.tap(page.chips.chip("park-residents"))
    page.set_language("zh")
    assert page.model.filter == "park-residents" and page.chips.chip("park-residents").is_checked
    assert page.model.visible_partner_ids() == category_ids(shipped, "park-residents")
    texts = {l.text() for l in page.findChildren(TextLabel) if l.isVisible()}
    assert "企业与伙伴" in texts and "Companies and Partners" not in texts


def test_idle_reset_restores_the_first_screen(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families)
    first = page.grid.visible_cards()
    touch.tap(page.chips.chip("park-residents"))
    page.grid.verticalScrollBar().setValue(200)
    page.open_item("qust")
    assert page.detail.isVisible()
    page.reset()
    assert page.detail.isHidden()
    assert page.model.filter is None and page.chips.current == "" and page.chips.chip("").is_checked
    assert page.grid.verticalScrollBar().value() == 0
    assert page.grid.visible_cards() == first
    assert page.grid.pressed_row is None


def test_idle_reset_through_the_shell(make_kiosk, shipped):
    win = make_kiosk(shipped, kiosk_mode=False)
    win.show_screen("partners")
    page = win.view.page("partners")
    touch.tap(page.chips.chip("institutions"))
    tap_card(page, "qust")
    assert page.detail.isVisible()
    win.reset()
    assert page.detail.isHidden() and page.model.filter is None
    assert page.grid.verticalScrollBar().value() == 0


# -- touch ----------------------------------------------------------------------------------


def test_dragging_the_grid_scrolls_instead_of_opening(qtbot, shipped, families):
    from PySide6.QtWidgets import QScroller

    page = build(qtbot, shipped, families=families)
    vp = page.grid.viewport()
    start = page.grid.card_rect("tsingtao").center()
    touch.swipe(vp, start, start - QPoint(0, 400), steps=12, wait_ms=10)
    qtbot.waitUntil(lambda: page.grid.verticalScrollBar().value() > 100, timeout=3000)
    assert page.detail.isHidden() and page.grid.pressed_row is None
    page.reset()
    qtbot.waitUntil(lambda: QScroller.scroller(vp).state() == QScroller.State.Inactive, timeout=3000)
    assert page.grid.verticalScrollBar().value() == 0


def test_multi_finger_mashing_on_the_grid_leaves_nothing_stuck(qtbot, shipped, families):
    page = build(qtbot, shipped, families=families)
    window = page.window()
    vp = page.grid.viewport()
    a = vp.mapTo(window, page.grid.card_rect("haier").center())
    b = vp.mapTo(window, page.grid.card_rect("hisense").center())
    touch.sequence(window, [
        [("press", 0, a.toTuple())],
        [("stationary", 0, a.toTuple()), ("press", 1, b.toTuple())],
        [("move", 0, (a + QPoint(5, 5)).toTuple()), ("move", 1, (b + QPoint(200, 0)).toTuple())],
        [("release", 1, (b + QPoint(200, 0)).toTuple()), ("stationary", 0, (a + QPoint(5, 5)).toTuple())],
        [("release", 0, (a + QPoint(5, 5)).toTuple())],
    ])
    assert page.grid.pressed_row is None
    assert not any(btn.is_down for btn in page.findChildren(TouchButton))
    page.reset()  # (the second finger's slide may have scrolled the grid)
    tap_card(page, "hisense")  # still answers a plain tap
    assert page.detail.isVisible() and page.detail.name_label.text() == "海信"


# -- layouts and content sizes --------------------------------------------------------------


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_layout_at_every_screen_size(qtbot, shipped, families, size, lang):
    page = build(qtbot, shipped, lang=lang, size=size, families=families)
    theme = page.theme
    assert page.chips.rail == theme.landscape
    chips_area = page.chips.rect()
    for chip in page.chips.chips:  # every chip on screen, whole, and big enough
        geo = chip.geometry()
        assert chips_area.contains(geo) and min(geo.width(), geo.height()) >= theme.min_target
        top_left = chip.mapTo(page, QPoint(0, 0))
        assert page.rect().contains(QRect(top_left, chip.size())), chip.key
    m = page.grid.metrics
    assert m.columns == (2 if theme.landscape else 1)
    assert m.card.width() >= theme.px(500)
    # cards sit inside the viewport, side by side without overlap
    first_row = [page.grid.card_rect(pid) for pid in ("haier", "hisense")]
    assert all(page.grid.viewport().rect().contains(r) for r in first_row)
    if m.columns == 2:
        assert first_row[0].top() == first_row[1].top() and first_row[0].right() < first_row[1].left()
    for label in (page.title_label, page.subtitle_label, page.hint_label):
        assert label.height() >= label.heightForWidth(label.width())
    # the shipped content is never cut on a card or a group heading
    delegate, model = page.grid.delegate, page.model
    text_w = m.card.width() - 2 * delegate.pad - delegate.badge - delegate.gap
    for i in range(model.rowCount()):
        row = model.row(i)
        if row.kind == RowKind.CARD:
            blocks, used = delegate.card_plan(row.partner, row.category, lang, text_w)
            assert used <= delegate.text_height() + 0.5
            name_lines = blocks[0][0]
            shown = "".join(t for t, _ in name_lines).replace(" ", "")
            names = {n.get(lang).replace(" ", "") for n in (row.partner.name, row.partner.short_name) if n}
            assert shown in names  # whole: the name, or the short name when the name is too long
            assert_tags_accounted(blocks, row, lang)
        elif row.kind == RowKind.HEADER:
            title, _count, _at, desc, _h = delegate.header_plan(row, lang, m.span)
            assert "".join(t for t, _ in title).replace(" ", "") == row.category.name.get(lang).replace(" ", "")
            assert "".join(t for t, _ in desc).replace(" ", "") == row.category.description.get(lang).replace(" ", "")


def assert_tags_accounted(blocks, row, lang) -> None:
    """No category line (the heading says it); every tag shown whole or counted in "+N"."""
    cat = row.category.name.get(lang) if row.category else None
    tags = [t.get(lang) for t in row.partner.tags if t.get(lang) and t.get(lang) != cat]
    text = [line for lines, *_ in blocks[1:] for line, _ in lines]
    assert not any(line == cat for line in text)
    parts = [p.strip() for line in text for p in line.split("·")]
    more = sum(int(p[1:]) for p in parts if p.startswith("+") and p[1:].isdigit())
    whole = [p for p in parts if p in tags]
    assert len(whole) + more == len(tags), (row.partner.id, text, tags)


def test_minimal_content(qtbot, families):
    content = Content.model_validate(minimal_content_dict())
    page = build(qtbot, content, lang="en", families=families)
    assert [c.key for c in page.chips.chips] == ["", "flowers"]
    assert page.chips.chip("").count == 1
    tap_card(page, "haier")
    assert page.detail.isVisible() and page.detail.name_label.text() == "Haier"
    assert not page.detail.has_qr
    page.reset()
    assert page.detail.isHidden()


def test_a_category_without_partners_gets_no_chip(qtbot, families):
    data = minimal_content_dict()
    data["sections"][2]["categories"].append({"id": "empty", "name": {"zh": "空", "en": "Empty"}})
    page = build(qtbot, Content.model_validate(data), families=families)
    assert page.chips.chip("empty") is None
    assert page.model.set_filter("empty") is False  # an unknown/empty filter falls back to all


def test_ten_x_content_through_yaml_roundtrip_is_valid(scaled_10x):
    content, base = scaled_10x
    data = yaml.safe_load((base / "content.yaml").read_text(encoding="utf-8"))
    assert len(next(s for s in data["sections"] if s["type"] == "partners")["partners"]) == 1000
    assert content.section("partners") is not None
