"""Values the screen can show (issue 11 item 5) and suggestions that don't mislead
(item 6). Each case marks the expected place with ⟨."""

from __future__ import annotations

import pytest
from content_fixtures import SVG, edit, split_marker

from kiosk.content import load_bytes
from kiosk.content.fields import limit_for
from kiosk.content.loader import inspect_bytes
from kiosk.content.model import HistorySection, Hotspot, Partner, SectionBase

E, W = "error", "warning"

VALUE_CASES = [
    ("huge-float", edit("      - value: 15\n", "      - value: ⟨1.0e+308\n"), E,
     "1.0e+308 is too large to show: numbers here are at most 1,000,000,000,000,000 (10^15)"),
    ("thirty-digits", edit("      - value: 15\n", "      - value: ⟨123456789012345678901234567890\n"),
     E, "123456789012345678901234567890 is too large to show"),
    ("huge-chart-value", edit("values: [15, 60]", "values: [15, ⟨6.0e+20]"), E, "too large to show"),
    ("negative-area", edit("      - value: 35000", "      - value: ⟨-35000"), W,
     "the figure is negative (-35000)"),
    ("self-intersecting", edit("        rect: [100, 100, 200, 200]",
                               "        polygon: ⟨[[100, 100], [300, 300], [300, 100], [100, 300]]"), E,
     "hotspot 'tower''s outline crosses itself (edges from point 1 and from point 3)"),
    ("zero-area", edit("        rect: [100, 100, 200, 200]",
                       "        polygon: ⟨[[100, 100], [200, 200], [300, 300]]"), E,
     "hotspot 'tower' has no area"),
    ("repeated-points", edit("        rect: [100, 100, 200, 200]",
                             "        polygon: ⟨[[100, 100], [100, 100], [100, 100]]"), E, "has no area"),
    ("long-title", edit("    title: {zh: 产业园, en: The park}", "    title: {zh: 产业园, en: ⟨" + "x" * 10_000 + "}"),
     W, "the English text has 10,000 characters; at most 32 fit where 'title' is shown"),
    ("long-partner-name", edit("name: {zh: 海尔, en: Haier}", "name: {zh: ⟨" + "海" * 31 + ", en: Haier}"), W,
     "the Chinese text has 31 characters; at most 30 fit where 'name' is shown"),
    ("long-tag", edit("        website: https://www.haier.com\n",
                      "        website: https://www.haier.com\n        tags: [{zh: 家电, en: ⟨"
                      + "t" * 40 + "}]\n"), W, "at most 36 fit where 'tags' is shown"),
    ("zero-width-only", edit("title: {zh: 产业园, en: The park}",
                             "title: ⟨{zh: \"\\u200b\", en: \"\\u200d\\u2060\"}"), E,
     "Text is empty in both languages (or shows nothing"),
    ("zero-width-one-language", edit("title: {zh: 产业园, en: The park}",
                                     "title: ⟨{zh: 产业园, en: \"\\u200b\\ufeff\"}"), W,
     "only Chinese is given"),
    ("bidi-control", edit("en: Launch}", "en: ⟨\"La\\u202Eunch\"}"), W,
     "direction-control characters (U+202E)"),
    ("combining-run", edit("en: Launch}", "en: ⟨\"La" + "\\u0301" * 12 + "unch\"}"), W,
     "stacks 12 combining marks on one letter"),
    ("line-separator-in-text", edit("en: Launch}", "en: ⟨\"La\\u2028unch\"}"), W,
     "invisible control or line-separator characters (U+2028)"),
]

REF_CASES = [
    ("typo", edit("partners: [haier]", "partners: [⟨haeir]"), E,
     "there is no partner with id 'haeir'; did you mean 'haier'?"),
    ("renamed-in-definition-only", edit("      - id: haier\n", "      - id: haier-group\n")
     .replace("partners: [haier]", "partners: [⟨haier]"), E,
     "there is no partner with id 'haier'; 'haier-group' at line 44 is defined but nothing "
     "refers to it — renamed?"),
    ("neighbour-already-used", edit("partners: [haier]", "partners: [haier, ⟨haeir]"), E,
     "did you mean 'haier'? (careful: 'haier' is already referred to at line 31"),
]

TWO_PARTNERS = edit("        website: https://www.haier.com\n",
                    "        website: https://www.haier.com\n"
                    "      - id: haier-kaos\n        name: {zh: 卡奥斯, en: Kaos}\n"
                    "        category: flowers\n        description: {zh: 平台。, en: A platform.}\n")
RENAMED = edit("      - id: haier-kaos\n", "      - id: kaos\n", TWO_PARTNERS).replace(
    "partners: [haier]", "partners: [haier, ⟨haier-kaos]")
REF_CASES.append(("renamed-not-the-spelling-neighbour", RENAMED, E,
                  "there is no partner with id 'haier-kaos'; 'kaos' at line 49 is defined but "
                  "nothing refers to it — renamed?"))


@pytest.mark.parametrize(("name", "text", "severity", "words"), VALUE_CASES + REF_CASES,
                         ids=[c[0] for c in VALUE_CASES + REF_CASES])
def test_reported_exactly(name, text, severity, words, tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    source, line, col = split_marker(text)
    content, findings = inspect_bytes(source.encode("utf-8"), source="c.yaml", base_dir=tmp_path)
    located = [f for f in findings if (f.line, f.col, f.severity) == (line, col, severity)]
    assert any(words in f.message for f in located), (
        f"expected {severity} at {line}:{col} containing {words!r}; got:\n"
        + "\n".join(map(str, findings)))
    assert (content is None) == (severity == E)


def test_renamed_since_the_last_good_version(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    before = load_bytes(TWO_PARTNERS.encode(), base_dir=tmp_path).content
    text = edit("      - id: haier-kaos\n", "      - id: cosmoplat\n", TWO_PARTNERS).replace(
        "partners: [haier]", "partners: [haier, haier-kaos]")
    findings = inspect_bytes(text.encode(), base_dir=tmp_path, previous=before)[1]
    assert "'cosmoplat' at line 49 is new since the last good version and nothing refers to " \
        "it — renamed?" in findings[0].message


def test_valid_polygon_passes(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    text = edit("        rect: [100, 100, 200, 200]",
                "        polygon: [[100, 100], [300, 100], [350, 200], [300, 300], [100, 300]]")
    assert inspect_bytes(text.encode(), base_dir=tmp_path)[1] == []


@pytest.mark.parametrize("date", ['"2023"', "'1902'", "2023", '"2020-06"', "2020-06-28"])
def test_quoted_year_is_a_year(date, tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    text = edit("date: 2020-06-28", f"date: {date}").replace("date: 1920", "date: 1900")
    content, findings = inspect_bytes(text.encode(), base_dir=tmp_path)
    assert findings == [] and content is not None
    event = content.sections[0].eras[0].events[1]
    assert event.year == int(date.strip("\"'")[:4])


def test_limits_are_exported_for_the_ui():
    assert limit_for(HistorySection, "title") == limit_for(SectionBase, "title")
    assert limit_for(HistorySection, "title").of("en") == 32
    assert limit_for(Hotspot, "name").of("zh") == 16
    assert limit_for(Partner, "tags").of("en") == 36
    assert limit_for(Partner, "description") is None  # a panel: word counts, not a limit
