"""Partner cards that fit: tags shown or counted, monograms distinct, long shared-prefix
names still distinguishable."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from kiosk.sections.partners.card_text import TAG_SEPARATOR, all_shown, middle_elided, tag_lines
from kiosk.widgets.monogram_set import distinct_monograms


def _font(px: int = 26) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    return f


def test_tags_that_do_not_fit_are_counted(qapp):
    font = _font()
    tags = ["Golden Flower", "Industrial internet", "Home appliances", "Brewing", "Tyres"]
    width = QFontMetricsF(font).horizontalAdvance("Golden Flower" + TAG_SEPARATOR + "Industrial internet") + 2
    one = tag_lines(tags, font, width, 1)
    assert len(one) == 1 and not all_shown(one)
    *shown, more = one[0][0].split(TAG_SEPARATOR)
    assert more.startswith("+") and len(shown) + int(more[1:]) == len(tags) and all(t in tags for t in shown)
    two = tag_lines(tags, font, width, 2)
    assert len(two) == 2
    every = tag_lines(tags, font, 10_000, 1)
    assert all_shown(every) and every[0][0].count(TAG_SEPARATOR) == len(tags) - 1
    for lines in (one, two):
        for line, _ in lines:
            assert QFontMetricsF(font).horizontalAdvance(line) <= width + 1


def test_a_tag_wider_than_the_card_wraps_rather_than_clips(qapp):
    font = _font()
    tag = "Industrial internet platform for mass customization"
    width = QFontMetricsF(font).horizontalAdvance(tag) * 0.6
    lines = tag_lines([tag], font, width, 2)
    assert all_shown(lines) and "".join(l for l, _ in lines).replace(" ", "") == tag.replace(" ", "")


def test_monograms_are_distinct_within_a_set():
    entries = [("haier", "Haier", None), ("hisense", "Hisense", None), ("tsingtao", "Tsingtao Brewery", None),
               ("double-star", "Double Star", None), ("qust", "Qingdao University of Science and Technology", "QUST"),
               ("qut", "Qingdao University of Technology", "QUT")]
    got = distinct_monograms(entries, "en", 5)
    assert got["haier"][0] != got["hisense"][0]
    assert len(set(got.values())) == len(entries)
    zh = distinct_monograms([("haier", "海尔", None), ("hisense", "海信", None)], "zh", 5)
    assert zh["haier"][0] == "海尔" and zh["hisense"][0] == "海信"
    unis = distinct_monograms([("qust", "青岛科技大学", None), ("qut", "青岛理工大学", None),
                               ("design", "青岛工业设计创新中心", None)], "zh", 5)
    assert [unis[k][0] for k in ("qust", "qut", "design")] == ["科技", "理工", "工业"]


def test_same_letters_get_different_colourways():
    entries = [(f"p{i}", f"Acme {i}", None) for i in range(5)]
    got = distinct_monograms(entries, "en", 5)
    assert len(set(got.values())) == 5


def test_long_names_sharing_a_prefix_stay_distinguishable(qapp):
    font = _font(32)
    prefix = "Qingdao Shibei District Industrial Internet Innovation and Application Demonstration Centre for "
    names = [f"{prefix}Advanced Manufacturing Unit {i}" for i in range(200)]
    width = 420.0
    shown = {"|".join(l for l, _ in middle_elided(n, font, width, 3, 1.0)) for n in names}
    assert len(shown) == 200
    for n in names[:5]:
        lines = middle_elided(n, font, width, 3, 1.0)
        assert len(lines) == 3 and lines[0][0].startswith("Qingdao")
        assert all(QFontMetricsF(font).horizontalAdvance(l) <= width + 1 for l, _ in lines)
