"""Monograms that tell partners apart: the letters and colourway of every partner's badge,
chosen for the whole set at once, so two badges on one screen never look the same.

Haier and Hisense both start with "H": they get "Ha" and "Hi". When letters still collide
(two "QU…" institutes), the colliding badges get different colourways. Chinese names use
their first two characters (海尔 / 海信), and when those repeat, the two after the shared
prefix (青岛科技大学 / 青岛理工大学 → 科技 / 理工).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kiosk.widgets.monogram import _CJK, _PARENS, _WORD, STOP_WORDS, initials, style_index

Entry = tuple[str, str, str | None]
"""(key, name, short name) of one partner in one language."""


def _longer(name: str, short: str | None, base: str) -> list[str]:
    """Next candidates after ``base``: the first word's first two letters, then the first
    letter of each of up to three words."""
    words = [w for w in _WORD.findall(_PARENS.sub(" ", short or name)) if w.lower() not in STOP_WORDS]
    out = []
    if words and len(words[0]) > 1 and words[0][:2].isalpha():
        out.append(words[0][0].upper() + words[0][1].lower())
    if len(words) >= 3:
        out.append("".join(w[0].upper() for w in words[:3]))
    return [c for c in out if c != base]


def _cjk(text: str) -> str:
    return "".join(_CJK.findall(text))


def _common_cjk_prefix(names: list[str]) -> str:
    chars = [_cjk(n) for n in names]
    n = 0
    while chars and all(len(c) > n for c in chars) and len({c[n] for c in chars}) == 1:
        n += 1
    return chars[0][:n] if chars else ""


def _later_chars(name: str, prefix: str) -> list[str]:
    """Chinese: the two characters after the prefix the colliding names share
    (青岛科技大学 / 青岛理工大学 → 科技 / 理工)."""
    chars = _cjk(name)[len(prefix):]
    return [chars[:2]] if len(chars) >= 2 else ([chars] if chars else [])


def distinct_monograms(entries: Iterable[Entry], lang: str, styles: int) -> dict[str, tuple[str, int]]:
    """Key → (letters, colourway index) with no two keys sharing both."""
    items = list(entries)
    text = {key: initials(name, short, lang) for key, name, short in items}
    by_text: dict[str, list[Entry]] = defaultdict(list)
    for entry in items:
        by_text[text[entry[0]]].append(entry)
    taken = set(text.values())
    for base, group in by_text.items():
        if len(group) < 2:
            continue
        prefix = _common_cjk_prefix([short or name for _key, name, short in group]) if lang == "zh" else ""
        for key, name, short in group:
            later = _later_chars(short or name, prefix) if lang == "zh" else _longer(name, short, base)
            for candidate in later:
                if candidate not in taken:
                    text[key] = candidate
                    taken.add(candidate)
                    break
    return {key: (text[key], style) for key, style in _styles(items, text, styles).items()}


def _styles(items: list[Entry], text: dict[str, str], count: int) -> dict[str, int]:
    """The stable colourway of each key, moved on for keys whose letters repeat."""
    used: dict[str, set[int]] = defaultdict(set)
    out: dict[str, int] = {}
    for key, _name, _short in items:
        style = style_index(key, count)
        seen = used[text[key]]
        for step in range(count):
            if (style + step) % count not in seen:
                style = (style + step) % count
                break
        seen.add(style)
        out[key] = style
    return out
