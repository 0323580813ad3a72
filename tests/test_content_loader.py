"""The strict loader against every kind of bad input staff and files will produce.

Each case marks the expected place of the finding with ⟨ in the YAML text; the test
asserts the exact line, column, severity and the key words of the message."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from content_fixtures import BASE, SVG, edit, split_marker

from kiosk.content import ContentError, load_bytes, load_file
from kiosk.content.loader import inspect_bytes

E, W = "error", "warning"

CASES = [
    # -- YAML itself -------------------------------------------------------------------
    ("python-tag", edit("kiosk:\n", "kiosk: ⟨!!python/object:os.system {}\n"), E,
     "the tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
    ("custom-tag", edit("idle_timeout: 90", "idle_timeout: ⟨!secret 90"), E, "is not allowed"),
    ("anchor", edit("  idle_timeout: 90\n", "  idle_timeout: ⟨&t 90\n"), E, "'&t' is an anchor"),
    ("alias-bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: ⟨*a\n", E, "'*a' is an alias"),
    ("deep-flow-nesting", "kiosk: " + "[" * 47 + "⟨" + "[" * 3000 + "]" * 3047 + "\n", E,
     "nesting is more than 48 levels deep"),
    ("deep-block-nesting", "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 48))
     + " " * 48 + "⟨c: [1]\n", E, "nesting is more than 48 levels"),
    ("duplicate-key", edit("  idle_timeout: 90\n", "  idle_timeout: 90\n  ⟨idle_timeout: 60\n"), E,
     "duplicate key 'idle_timeout': it appears at line 2 and at line 3"),
    ("duplicate-nested-key", edit("        approx: true\n",
                                  "        approx: true\n        ⟨label: {zh: 甲, en: A}\n"), E,
     "duplicate key 'label'"),
    ("tab-indent", edit("  idle_timeout: 90\n", "  idle_timeout: 90\n⟨\tcountdown: 10\n"), E,
     "tabs cannot be used to indent YAML"),
    ("unclosed-quote", "kiosk:\n  name: {zh: ⟨\"青岛, en: Qingdao}\n", E,
     "a quote is opened here but never closed"),
    ("two-documents", BASE + "⟨---\nkiosk: {}\n", E, "a second document starts here"),
    ("colon-in-text", "kiosk:\n  name:\n    en: Note⟨: this breaks\n", E,
     "put text that contains ': ' in quotes"),
    ("empty-file", "⟨", E, "the file is empty"),
    ("only-comments", "⟨# nothing here\n", E, "the file is empty"),
    ("root-list", "⟨- kiosk\n- attract\n", E, "not a list"),
    ("root-number", "⟨42\n", E, "not a single value (42)"),
    ("root-null", "⟨~\n", E, "the file is empty"),
    # -- YAML 1.1 traps in text fields ------------------------------------------------------
    ("yes-no-as-text", edit("en: Welcome}", "en: ⟨no}"), E,
     "expected text, but YAML reads no as a yes/no value (false); put it in quotes: \"no\""),
    ("on-as-text", edit("en: Launch}", "en: ⟨on}"), E, "reads on as a yes/no value (true)"),
    ("octal-as-text", edit("en: Welcome}", "en: ⟨0755}"), E,
     "reads 0755 as an octal number (493)"),
    ("base60-as-text", edit("en: Welcome}", "en: ⟨12:30}"), E,
     "reads 12:30 as a base-60 number (750)"),
    ("number-as-text", edit("zh: 欢迎", "zh: ⟨2020"), E, "reads 2020 as a number (2020)"),
    ("date-as-text", edit("en: Launch}", "en: ⟨2020-06-28}"), E,
     "reads 2020-06-28 as a date (2020-06-28)"),
    ("impossible-date", edit("date: 2020-06-28", "date: ⟨2024-02-30"), E,
     "'2024-02-30' is not a date"),
    ("datetime-for-date", edit("date: 2020-06-28", "date: ⟨2020-06-28 10:00:00"), E,
     "without a time"),
    ("single-language-string", edit("title: {zh: 产业园, en: The park}", "title: ⟨产业园"), E,
     "expected a text in two languages"),
    ("empty-text", edit("title: {zh: 启动, en: Launch}", "title: ⟨{zh: '', en: ''}"), E,
     "Text is empty in both languages"),
    ("html-in-text", edit("en: An appliance maker.}", "en: ⟨<b>An appliance maker.</b>}"), W,
     "looks like HTML"),
    # -- model -------------------------------------------------------------------------------
    ("unknown-key", edit("    title: {zh: 产业园", "    ⟨titel: {zh: 产业园"), E,
     "unknown key 'titel'; did you mean 'title'?"),
    ("unknown-top-key", edit("attract:\n", "⟨atract: {}\nattract:\n"), E,
     "unknown key 'atract'; did you mean 'attract'?"),
    ("missing-key", edit("        name: {zh: 研发楼, en: R&D building}\n", "").replace(
        "      - id: tower", "      - ⟨id: tower"), E,
     "'name:' is missing"),
    ("unknown-section-type", edit("    type: history", "    type: ⟨histroy"), E,
     "unknown section type 'histroy'; did you mean 'history'?"),
    ("bad-literal", edit("  idle_timeout: 90\n", "  idle_timeout: 90\n  default_language: ⟨cn\n"),
     E, "'cn' is not allowed here"),
    ("bad-id", edit("  - id: park\n", "  - id: ⟨Park Area\n"), E, "ids use lowercase letters"),
    ("bad-colour", edit("  idle_timeout: 90\n",
                        "  idle_timeout: 90\n  theme:\n    accent: ⟨'gold'\n"), E,
     "colours are written #RRGGBB"),
    ("idle-too-short", edit("idle_timeout: 90", "idle_timeout: ⟨5"), E,
     "'idle_timeout' must be at least 30"),
    ("idle-as-text", edit("idle_timeout: 90", "idle_timeout: ⟨ninety"), E, "expected a whole number"),
    ("no-highlights", edit("  highlights:\n    - title: {zh: 欢迎, en: Welcome}\n      section: "
                           "history\n", "  highlights: ⟨[]\n"), E, "needs at least 1 item"),
    ("nan-coordinate", edit("rect: [100, 100, 200, 200]", "rect: [⟨.nan, 100, 200, 200]"), E,
     "expected a real number, not .nan"),
    ("both-shapes", edit("        rect: [100, 100, 200, 200]\n",
                         "        rect: [100, 100, 200, 200]\n        polygon: [[0,0],[1,0],[1,1]]\n"
                         ).replace("      - id: tower", "      - ⟨id: tower"), E,
     "Give exactly one shape"),
    ("outside-plan", edit("rect: [100, 100, 200, 200]", "rect: ⟨[1500, 100, 200, 200]"), E,
     "reaches (1700, 100), outside the plan"),
    ("chart-length", edit("values: [15, 60]", "values: [15]").replace(
        "      - id: reach", "      - ⟨id: reach"), E, "has 1 values but the chart has 2"),
    ("bad-url", edit("website: https://www.haier.com", "website: ⟨www.haier.com"), E,
     "a website starts with https://"),
    # -- references and ids ------------------------------------------------------------------
    ("missing-partner-ref", edit("partners: [haier]", "partners: [⟨haeir]"), E,
     "there is no partner with id 'haeir'; did you mean 'haier'?"),
    ("missing-section-ref", edit("      section: history", "      section: ⟨histry"), E,
     "there is no section with id 'histry'; did you mean 'history'?"),
    ("missing-category", edit("        category: flowers", "        category: ⟨flower"), E,
     "there is no category 'flower'"),
    ("duplicate-section-id", edit("  - id: park\n", "  - id: ⟨history\n"), E,
     "the id 'history' is used twice"),
    # -- warnings ----------------------------------------------------------------------------
    ("only-chinese", edit("title: {zh: 产业园, en: The park}", "title: ⟨{zh: 产业园}"), W,
     "only Chinese is given: add 'en:'"),
    ("long-english", edit("en: Shibei gave birth to modern industry.}",
                          "en: ⟨" + "word " * 80 + "}"), W, "the English text has 80 words"),
    ("long-chinese", edit("zh: 市北孕育了青岛近代工业。", "zh: ⟨" + "工业" * 80), W,
     "the Chinese text has 160 characters"),
    ("uncovered-char", edit("zh: 家电企业。", "zh: ⟨家电企业𠀀。"), W,
     "the bundled fonts cannot draw '𠀀' (U+20000)"),
    ("events-out-of-order", edit("date: 2020-06-28", "date: ⟨1900-01-01"), W,
     "dated before the one above it"),
    ("unknown-icon", edit("    type: park\n", "    type: park\n    icon: ⟨mdi6.factroy\n"), W,
     "did you mean 'mdi6.factory'?"),
    ("low-contrast", edit("  idle_timeout: 90\n",
                          "  idle_timeout: 90\n  theme:\n    text: ⟨\"#333333\"\n"), W,
     "text on background has a contrast of"),
]


@pytest.mark.parametrize(("name", "text", "severity", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_exactly(name, text, severity, words, tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    source, line, col = split_marker(text)
    content, findings = inspect_bytes(source.encode("utf-8"), source="c.yaml", base_dir=tmp_path)
    located = [f for f in findings if (f.line, f.col, f.severity) == (line, col, severity)]
    assert any(words in f.message for f in located), (
        f"expected {severity} at {line}:{col} containing {words!r}; got:\n"
        + "\n".join(map(str, findings))
    )
    if severity == "error":
        assert content is None
        with pytest.raises(ContentError) as info:
            load_bytes(source.encode("utf-8"), source="c.yaml", base_dir=tmp_path)
        assert any(words in f.message for f in info.value.errors)


def test_base_fixture_is_clean(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    content, findings = inspect_bytes(BASE.encode(), source="c.yaml", base_dir=tmp_path)
    assert findings == []
    assert [s.id for s in content.sections] == ["history", "park", "partners", "platform"]


def test_all_findings_are_collected_not_just_the_first(tmp_path):
    text = edit("en: Welcome}", "en: no}")
    text = edit("    title: {zh: 产业园", "    titel: {zh: 产业园", text)
    text = edit("idle_timeout: 90", "idle_timeout: 5", text)
    _, findings = inspect_bytes(text.encode(), source="c.yaml", base_dir=tmp_path)
    messages = " | ".join(f.message for f in findings)
    assert "yes/no value" in messages and "unknown key 'titel'" in messages
    assert "must be at least 30" in messages


# -- bytes and encodings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "col", "words"),
    [
        ("kiosk: {}\n".encode("utf-16"), 1, 1, "saved as UTF-16"),
        ("kiosk: {}\n".encode("utf-16-le"), 1, 1, "saved as UTF-16"),
        (b"kiosk:\n  name: {zh: \xc7\xe0\xb5\xba, en: Q}\n", 2, 14, "byte 0xC7 is not valid UTF-8"),
        (b"kiosk: {}\nattract:\0\n", 2, 9, "NUL character"),
        (b"kiosk: {}\nattract: \x07\n", 2, 10, "control character"),
        (b"#" * (5 * 1024 * 1024 + 1), 1, 1, "may be at most 5 MB"),
    ],
    ids=["utf16-bom", "utf16-no-bom", "gbk-bytes", "nul", "control-char", "too-big"],
)
def test_encoding_problems(data, line, col, words):
    content, findings = inspect_bytes(data, source="c.yaml")
    assert content is None
    assert [(f.line, f.col) for f in findings] == [(line, col)]
    assert words in findings[0].message


def test_utf8_bom_is_fine(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    content, findings = inspect_bytes(b"\xef\xbb\xbf" + BASE.encode(), base_dir=tmp_path)
    assert content is not None and findings == []


def test_alias_bomb_is_refused_quickly():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    content, findings = inspect_bytes("\n".join(lines).encode())
    assert content is None
    assert findings[0].message.startswith("'&a0' is an anchor")
    assert len(findings) < 200


# -- media -------------------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\0" + b"\0\0\0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _logo(value: str) -> str:
    return edit("        website: https://www.haier.com\n",
                f"        website: https://www.haier.com\n        logo: ⟨{value}\n")


MEDIA_CASES = [
    ("missing-optional", _logo("logos/haier.png"), W, "file not found: 'logos/haier.png'"),
    ("renamed", _logo("logos/Haier-logo.png"), W, "did you mean 'haier-logo.png'?"),
    ("absolute", _logo("/etc/passwd.png"), E, "not an absolute path"),
    ("windows-absolute", _logo("'C:\\logos\\haier.png'"), E, "not an absolute path"),
    ("dotdot", _logo("../secret.png"), E, "'..' leaves the content folder"),
    ("url", _logo("https://example.com/haier.png"), E, "not a web address"),
    ("directory", _logo("logos.png"), E, "is a folder, not a file"),
    ("huge-image", _logo("logos/huge.png"), W, "larger than 4K"),
    ("truncated-image", _logo("logos/truncated.png"), W, "header is cut short"),
    ("unsupported", _logo("logos/haier.tiff"), W, "not a supported image format"),
    ("missing-plan", edit("image: plan.svg", "image: ⟨plan2.svg"), E, "file not found"),
    ("recursive-svg", edit("image: plan.svg", "image: ⟨loop.svg"), E,
     "<use> elements refer back to themselves"),
    ("svg-entities", edit("image: plan.svg", "image: ⟨bomb.svg"), E, "DOCTYPE or entities"),
    ("plan-not-svg", edit("image: plan.svg", "image: ⟨logos/small.png"), E,
     "not a supported svg format"),
]


@pytest.mark.parametrize(("name", "text", "severity", "words"), MEDIA_CASES,
                         ids=[c[0] for c in MEDIA_CASES])
def test_media_paths(name, text, severity, words, tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    logos = tmp_path / "logos"
    logos.mkdir()
    (logos / "haier-logo.png").write_bytes(_png(8, 8))
    (logos / "small.png").write_bytes(_png(8, 8))
    (logos / "huge.png").write_bytes(_png(5000, 10))
    (logos / "truncated.png").write_bytes(_png(8, 8)[:12])
    (logos / "haier.tiff").write_bytes(b"II*\0")
    (tmp_path / "logos.png").mkdir()
    (tmp_path / "loop.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<g id="a"><use xlink:href="#b"/></g><g id="b"><use href="#a"/></g></svg>')
    (tmp_path / "bomb.svg").write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>')
    test_bad_input_is_reported_exactly(name, text, severity, words, tmp_path)


def test_load_file_reads_media_relative_to_the_file(tmp_path):
    folder = tmp_path / "show"
    folder.mkdir()
    (folder / "content.yaml").write_text(BASE, encoding="utf-8")
    (folder / "plan.svg").write_text(SVG, encoding="utf-8")
    loaded = load_file(folder / "content.yaml")
    assert loaded.content.section("park").plan.image == "plan.svg"
    (folder / "plan.svg").unlink()
    with pytest.raises(ContentError) as info:
        load_file(folder / "content.yaml")
    assert "file not found: 'plan.svg'" in info.value.errors[0].message


@pytest.mark.parametrize("target", ["missing.yaml", "."])
def test_unreadable_file(tmp_path, target):
    from kiosk.content import ContentUnreadable

    with pytest.raises(ContentUnreadable):
        load_file(tmp_path / target if target != "." else tmp_path)


def test_model_is_frozen(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    content = load_bytes(BASE.encode(), base_dir=tmp_path).content
    with pytest.raises(Exception, match="frozen"):
        content.kiosk.idle_timeout = 5  # type: ignore[misc]


def test_shipped_content_loads_without_errors():
    root = Path(__file__).resolve().parent.parent
    loaded = load_file(root / "content.yaml")
    assert [f for f in loaded.findings if f.is_error] == []
    ids = [s.id for s in loaded.content.sections]
    assert ids == ["history", "park", "partners", "platform"]
