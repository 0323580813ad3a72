"""Every section-level mistake and every YAML typo staff make, reported at its own line and
column (issue 11 items 1 and 2). Each case marks the expected place with ⟨."""

from __future__ import annotations

import pytest
from content_fixtures import BASE, SVG, edit, split_marker

from kiosk.content.loader import inspect_bytes

E = "error"


def block(first: str, last: str, new: str, base: str = BASE) -> str:
    """``base`` with the lines from the one starting ``first`` up to (not including) the one
    starting ``last`` replaced by ``new``."""
    start = base.index(first)
    end = base.index(last, start + len(first))
    return base[:start] + new + base[end:]


# kiosk: with several keys, so a broken line sits between siblings as in the real file.
SETTINGS = edit("kiosk:\n  idle_timeout: 90\n",
                "kiosk:\n  idle_timeout: 90\n  countdown: 10\n  default_language: zh\n"
                "  name:\n    zh: 青岛\n    en: Qingdao\n")


def kiosk(old: str, new: str) -> str:
    return edit(old, new, SETTINGS)


SECTION_CASES = [
    # history
    ("history-typo-key", edit("    type: history\n", "    type: history\n    ⟨icno: mdi6.factory\n"),
     "unknown key 'icno'; did you mean 'icon'?"),
    ("history-empty-list", block("    eras:\n", "  - id: park", "    eras: ⟨[]\n"),
     "'eras' needs at least 1 item"),
    ("history-wrong-type", block("    eras:\n", "  - id: park", "    eras: ⟨5\n"),
     "expected a list below 'eras:' (lines starting with '- '), found a number (5)"),
    ("history-nested-typo", edit("        period: {zh: 约百年前", "        ⟨perod: {zh: 约百年前"),
     "unknown key 'perod'; did you mean 'period'?"),
    # park
    ("park-typo-key", edit("    type: park\n", "    type: park\n    ⟨subtitel: {zh: 园区, en: Park}\n"),
     "unknown key 'subtitel'; did you mean 'subtitle'?"),
    ("park-empty-list", edit("        rect: [100, 100, 200, 200]", "        polygon: ⟨[]"),
     "'polygon' needs at least 3 items"),
    ("park-wrong-type", edit("    plan: {image: plan.svg, width: 1600, height: 1000}", "    plan: ⟨plan.svg"),
     "expected a group of keys below 'plan:', found the text 'plan.svg'"),
    ("park-nested-typo", edit("        name: {zh: 研发楼", "        ⟨nmae: {zh: 研发楼"),
     "unknown key 'nmae'; did you mean 'name'?"),
    # partners: the section type 'partners' must not be confused with its 'partners:' list
    ("partners-typo-key", edit("    type: partners\n", "    type: partners\n    ⟨icno: mdi6.factory\n"),
     "unknown key 'icno'; did you mean 'icon'?"),
    ("partners-empty-list", block("    categories:\n", "    partners:\n", "    categories: ⟨[]\n"),
     "'categories' needs at least 1 item"),
    ("partners-wrong-type", block("    partners:\n      - id: haier", "  - id: platform",
                                  "    partners: ⟨haier\n"),
     "expected a list below 'partners:' (lines starting with '- '), found the text 'haier'"),
    ("partners-nested-typo", edit("        name: {zh: 五朵金花", "        ⟨nmae: {zh: 五朵金花"),
     "unknown key 'nmae'; did you mean 'name'?"),
    ("partners-partner-typo", edit("        category: flowers", "        ⟨categroy: flowers"),
     "unknown key 'categroy'; did you mean 'category'?"),
    ("partners-missing-key", edit("        category: flowers\n", "").replace(
        "      - id: haier", "      - ⟨id: haier"), "'category:' is missing; add it"),
    # platform
    ("platform-typo-key", edit("    type: platform\n", "    type: platform\n    ⟨sumary: {zh: 甲, en: A}\n"),
     "unknown key 'sumary'; did you mean 'summary'?"),
    ("platform-empty-list", block("        categories:\n", "        series:",
                                  "        categories: ⟨[]\n"),
     "'categories' needs at least 1 item"),
    ("platform-wrong-type", block("    figures:\n      - value: 15", "    charts:",
                                  "    figures: ⟨{}\n"),
     "expected a list below 'figures:' (lines starting with '- '), found a group of keys"),
    ("platform-nested-typo", edit("        title: {zh: 覆盖", "        kinds: bar\n        title: {zh: 覆盖")
     .replace("        kinds: bar", "        ⟨kinds: bar"), "unknown key 'kinds'; did you mean 'kind'?"),
]

YAML_CASES = [
    ("full-width-colon", kiosk("  idle_timeout: 90", "  idle_timeout⟨： 90"),
     "use ':' (ASCII), not '：' (full-width colon) after 'idle_timeout': write 'idle_timeout: '"),
    ("full-width-colon-no-space", kiosk("  countdown: 10", "  countdown⟨：10"),
     "use ':' (ASCII), not '：'"),
    ("full-width-colon-in-section", edit("    type: park", "    type⟨： park"),
     "use ':' (ASCII), not '：'"),
    ("full-width-space-after-colon", kiosk("  idle_timeout: 90", "  idle_timeout:⟨\u300090"),
     "after ':' use an ordinary space, not a full-width space (U+3000"),
    ("full-width-space-indent", kiosk("  countdown: 10", "⟨\u3000 countdown: 10"),
     "a full-width space (U+3000, 全角空格) is used to indent"),
    ("key-glued-to-value", kiosk("  idle_timeout: 90", "  idle_timeout⟨:120"),
     "put a space after ':' — YAML reads 'idle_timeout:…' with no space as text"),
    ("key-glued-in-list-item", edit("      - id: flowers", "      - id⟨:flowers"),
     "put a space after ':'"),
    ("url-glued", edit("        website: https://www.haier.com", "        website⟨:https://www.haier.com"),
     "put a space after ':'"),
    ("dash-without-space", edit("      - id: flowers", "      ⟨-id: flowers"),
     "put a space after '-': a list item is written '- id:'"),
    ("curly-quotes", kiosk("    en: Qingdao", "    en: ⟨“Qingdao: the city”"),
     "curly quotes “…” are not quotes in YAML: use straight quotes"),
    ("curly-quotes-in-flow", edit("en: The park}", "en: ⟨“The park, north”}"),
     "curly quotes “…” are not quotes in YAML"),
    ("unclosed-quote-later-quotes", kiosk("    zh: 青岛\n", "    zh: ⟨\"青岛\n").replace(
        "  default_language: zh", "  default_language: \"zh\""),
     "a quote is opened here but never closed"),
    ("unclosed-quote-far-from-error", kiosk("    en: Qingdao\n", "    en: ⟨'Qingdao\n") + "x: 'y'\n",
     "a quote is opened here but never closed"),
    ("three-space-indent", kiosk("  countdown: 10", "⟨   countdown: 10"),
     "this line is indented 3 spaces, but the keys it belongs with are at 2"),
    ("four-space-indent", kiosk("  countdown: 10", "⟨    countdown: 10"),
     "this line is indented 4 spaces, but the keys it belongs with are at 2"),
    ("one-space-indent", kiosk("  countdown: 10", "⟨ countdown: 10"),
     "this line is indented 1 spaces"),
    ("three-space-first-key", kiosk("  idle_timeout: 90", "⟨   idle_timeout: 90"),
     "this line is indented 3 spaces, but the keys it belongs with are at 2"),
    ("line-separator-breaks-a-key", kiosk("    en: Qingdao", "    en: Qing⟨\u2028dao: x"),
     "a line-separator character (U+2028, pasted from a word processor) is here"),
    ("vertical-tab", edit("en: Launch}", "en: La⟨\x0bunch}"),
     "character U+000B is a control character"),
    ("escape-char", edit("en: Launch}", "en: La⟨\x1bunch}"), "character U+001B"),
    ("after-line-separator", edit("en: Launch}", "en: La\u2028unch}").replace(
        "values: [15, 60]", "values: [15, ⟨sixty]"), "expected a number, found the text 'sixty'"),
    ("after-nel", edit("en: Launch}", "en: La\x85unch}").replace(
        "partners: [haier]", "partners: [⟨haeir]"), "there is no partner with id 'haeir'"),
    ("syntax-after-paragraph-separator", edit("en: Welcome}", "en: Wel\u2029come}") + "⟨]\n",
     "YAML syntax"),
]


@pytest.mark.parametrize(("name", "text", "words"), SECTION_CASES + YAML_CASES,
                         ids=[c[0] for c in SECTION_CASES + YAML_CASES])
def test_reported_at_its_own_line(name, text, words, tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    source, line, col = split_marker(text)
    content, findings = inspect_bytes(source.encode("utf-8"), source="c.yaml", base_dir=tmp_path)
    assert content is None
    first = findings[0] if findings else None
    assert first is not None and (first.line, first.col, first.severity) == (line, col, E) \
        and words in first.message, (
        f"expected {line}:{col}: error: …{words}…; got:\n" + "\n".join(map(str, findings)))


def test_the_section_type_is_never_reported_as_a_key(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    for _, text, _ in SECTION_CASES:
        source, _, _ = split_marker(text)
        findings = inspect_bytes(source.encode(), source="c.yaml", base_dir=tmp_path)[1]
        assert not any("did you mean 'partners'" in f.message for f in findings)


def test_text_with_chinese_colons_is_fine(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    text = edit("zh: 市北孕育了青岛近代工业。", "zh: 时间：1920年，地点：市北")
    text = edit("en: R&D building}", "en: “R&D” building}", text)
    assert inspect_bytes(text.encode(), source="c.yaml", base_dir=tmp_path)[1] == []


def test_shipped_content_has_no_hints():
    from pathlib import Path

    from kiosk.content import yamlhints

    lines = (Path(__file__).resolve().parent.parent / "content.yaml").read_text("utf-8").split("\n")
    assert yamlhints.certain(lines) == []
    assert yamlhints.indentation(lines, len(lines)) is None
