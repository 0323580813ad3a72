"""The shortcuts that keep ``kiosk validate`` fast on large content change nothing staff
see: plain scalars read exactly as PyYAML's own loader reads them, the model walk visits
every value in document order, and the last good content is read only when a reference
is broken (and then still names the rename)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import scale_content
from content_fixtures import SVG, edit
from test_content_values import TWO_PARTNERS

from kiosk.content import load_bytes
from kiosk.content.checks import walk
from kiosk.content.loader import inspect_bytes
from kiosk.content.model import Content
from kiosk.content.yamlread import parse

# Every way YAML 1.1 may read a scalar: each resolver's kind, in plain, quoted, block and
# explicitly tagged forms, and the near-misses that stay text.
SCALARS = [
    "yes", "No", "on", "OFF", "true", "False", "y", "n", "~", "null", "Null", "",
    "0", "-12", "+7", "0755", "0o17", "0x1F", "0b101", "1_000", "12:30", "190:20:30",
    "1.5", "-.5", "1e3", "6.8523015e+5", ".inf", "-.Inf", ".NaN", "1.2.3",
    "2024-02-29", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10",
    "hello", "09:00-17:30", "0.", "+", "-x", "a:b", "yes please", "1 000",
    "'quoted yes'", '"0755"', "'12:30'", "!!str 0755", "!!int '42'", "! yes", "!!bool yes",
    "!!float 1", "!!null ''", "|\n    block yes\n", ">\n    folded 12:30\n",
]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and a != a:
        return isinstance(b, float) and b != b
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_read_as_pyyaml_reads_them(scalar):
    text = f"key: {scalar}\nlist:\n  - {scalar}\n"
    expected = yaml.load(text, Loader=yaml.SafeLoader)  # the pure-Python reference
    got = parse(text, "c.yaml").data
    for key in ("key", "list"):
        want = expected[key][0] if key == "list" else expected[key]
        have = got[key][0] if key == "list" else got[key]
        if isinstance(want, str) or want is None or isinstance(want, (bool, int, float)):
            assert _same(have, want), (scalar, have, want)
        else:  # dates: the same value
            assert have == want, (scalar, have, want)


@pytest.mark.parametrize("scalar", ["2024-02-30", "=", "<<", "!!str <<"])
def test_scalars_pyyaml_cannot_build_stay_text(scalar):
    """An impossible date, and the YAML 1.1 'value' and 'merge' keys as values: the text
    as written (the model then says what is wrong with it), never a crash."""
    text = scalar.removeprefix("!!str ")
    assert parse(f"key: {scalar}\n", "c.yaml").data == {"key": text}


def _walk_reference(obj: Any, path: tuple[Any, ...], meta: tuple[Any, ...] = ()) -> Any:
    from pydantic import BaseModel

    from kiosk.content.checks import field_meta

    yield path, obj, meta
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if value is not None:
                yield from _walk_reference(value, (*path, name), field_meta(type(obj), name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _walk_reference(item, (*path, i), meta)


def test_walk_visits_every_value_in_document_order():
    content = Content.model_validate(scale_content().scaled(1))
    got = [(p, id(v), m) for p, v, m in walk(content, ())]
    want = [(p, id(v), m) for p, v, m in _walk_reference(content, ())]
    assert got == want


def _renamed(tmp_path: Path) -> tuple[Content, str]:
    (tmp_path / "plan.svg").write_text(SVG, encoding="utf-8")
    before = load_bytes(TWO_PARTNERS.encode(), base_dir=tmp_path).content
    text = edit("      - id: haier-kaos\n", "      - id: cosmoplat\n", TWO_PARTNERS).replace(
        "partners: [haier]", "partners: [haier, haier-kaos]")
    return before, text


def test_last_good_content_is_read_only_for_a_broken_reference(tmp_path):
    before, broken = _renamed(tmp_path)
    calls: list[int] = []

    def previous() -> Content:
        calls.append(1)
        return before

    content, _ = inspect_bytes(TWO_PARTNERS.encode(), base_dir=tmp_path, previous=previous)
    assert content is not None and calls == []
    lazy = inspect_bytes(broken.encode(), base_dir=tmp_path, previous=previous)[1]
    assert calls == [1]
    eager = inspect_bytes(broken.encode(), base_dir=tmp_path, previous=before)[1]
    assert lazy == eager
    assert "is new since the last good version" in lazy[0].message


def test_unreadable_last_good_content_still_gives_a_suggestion(tmp_path):
    _, broken = _renamed(tmp_path)
    findings = inspect_bytes(broken.encode(), base_dir=tmp_path, previous=lambda: None)[1]
    assert findings == inspect_bytes(broken.encode(), base_dir=tmp_path)[1]
    assert "there is no partner with id 'haier-kaos'" in findings[0].message


_CANDIDATE_BEFORE = re.compile(r"^[ \u3000]*(?:-[ \u3000]*)*[A-Za-z_][A-Za-z0-9_]*(?:[ \u3000]*：|:[^\s:/])"
                               r"|^ *\u3000|:\u3000|^ *-[A-Za-z_]", re.MULTILINE)
CERTAIN_LINES = ["idle_timeout:120", "  title：x", "  - id：a", "\u3000\u3000id: a", "-id: x",
                 "  -id: x", "key:\u3000value", "  text: 'a:\u3000b'", "url: https://x.y/z",
                 "time: 12:30", "  - 12:30", "a: b", "", "  # idle_timeout:1", "x:/y"]


@pytest.mark.parametrize("first", CERTAIN_LINES)
def test_certain_mistakes_found_on_the_same_lines_as_one_regex_pass(first, monkeypatch):
    """The candidate lines of :func:`yamlhints.certain` (now two quick passes) are the
    lines the single multi-line regex found, wherever the mistake stands."""
    from kiosk.content import yamlhints

    lines = [first, *CERTAIN_LINES, *reversed(CERTAIN_LINES), first]
    text = "\n".join(lines)
    want = sorted({text.count("\n", 0, m.start()) + 1
                   for m in _CANDIDATE_BEFORE.finditer(text)})
    checked: list[int] = []
    real = yamlhints._certain_line
    monkeypatch.setattr(yamlhints, "_certain_line",
                        lambda line, keys: checked.append(line) or real(line, keys))
    yamlhints.certain(lines, text)
    assert checked == [lines[n - 1] for n in want]
