"""The YAML mistakes staff make, found on their own line. No Qt here.

libyaml often notices a mistake lines later than it was made (a full-width colon turns a
key into text, and the *next* key is "not expected"). So when it fails, the lines before
its error point are scanned for the likeliest culprit, nearest first:

* :func:`certain` — mistakes that are wrong wherever they appear: a known key followed by a
  full-width colon ``：``, by a colon with no space (``idle_timeout:120``) or by a
  full-width space (U+3000); a full-width space used to indent; ``-`` with no space before
  a known key (``-id: x``). These are reported even when YAML happens to parse the line.
* :func:`likely` — used only when libyaml fails: curly quotes used as quotes, a quote that
  is opened and never closed on its line, and indentation that matches no outer level.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass
from functools import cache
from itertools import islice


@dataclass(frozen=True)
class Hint:
    line: int
    col: int
    message: str


@cache
def known_keys() -> frozenset[str]:
    """Every key the content model knows (for telling a glued key from text)."""
    from kiosk.content.model import content_models

    keys: set[str] = set()
    for cls in content_models().values():
        keys.update(cls.model_fields)
    return frozenset(keys)


_KEY = r"(?P<lead>[ \u3000]*(?:-[ \u3000]+)*)(?P<key>[A-Za-z_][A-Za-z0-9_]*)"
_FULL_COLON = re.compile(_KEY + r"[ \u3000]*(?P<mark>：)")
_GLUED = re.compile(_KEY + r"(?P<mark>:)(?=[^\s:/])")
_WIDE_SPACE = re.compile(_KEY + r":(?P<mark>\u3000)")
_WIDE_INDENT = re.compile(r"^ *(?P<mark>\u3000)")
_DASH = re.compile(r"^ *(?P<mark>-)(?P<key>[A-Za-z_][A-Za-z0-9_]*):")


MAX_LOOKS = 2000
"""Candidate lines examined at most (bounds the time on a pathological file)."""
# Lines that may hold one of the certain mistakes (found in one pass over the text). The
# line-start patterns begin with a newline (searched in "\n" + text, so a match starts at
# its line's first character in text): a literal first character lets the regex engine
# skip to the next line instead of trying every position of a large file.
_CANDIDATE_LINE = re.compile(r"\n(?:[ \u3000]*(?:-[ \u3000]*)*[A-Za-z_][A-Za-z0-9_]*"
                             r"(?:[ \u3000]*：|:[^\s:/])| *\u3000| *-[A-Za-z_])")
_CANDIDATE_ANYWHERE = re.compile(":\u3000")


def certain(lines: list[str], text: str | None = None) -> list[Hint]:
    """Mistakes that are wrong wherever they are (see the module doc). ``text`` (the lines
    joined) lets a single regex pass pick the lines worth a look."""
    keys = known_keys()
    if text is None:
        text = "\n".join(lines)
    where = list(islice(heapq.merge((m.start() for m in _CANDIDATE_LINE.finditer("\n" + text)),
                                    (m.start() for m in _CANDIDATE_ANYWHERE.finditer(text))),
                        MAX_LOOKS))
    if not where:
        return []
    breaks = [m.start() for m in re.finditer("\n", text)]
    numbers = sorted({bisect.bisect_left(breaks, i) + 1 for i in where})
    found: list[Hint] = []
    for number in numbers:
        hint = _certain_line(lines[number - 1], keys)
        if hint is not None:
            found.append(Hint(number, hint[0], hint[1]))
    return found


def _certain_line(text: str, keys: frozenset[str]) -> tuple[int, str] | None:
    if text.lstrip().startswith("#"):
        return None
    m = _WIDE_INDENT.match(text)
    if m:
        return m.start("mark") + 1, ("a full-width space (U+3000, 全角空格) is used to indent: "
                                     "indent with ordinary spaces")
    m = _FULL_COLON.match(text)
    if m and m.group("key") in keys:
        return m.start("mark") + 1, (f"use ':' (ASCII), not '：' (full-width colon) after "
                                     f"'{m.group('key')}': write '{m.group('key')}: '")
    m = _WIDE_SPACE.match(text)
    if m and m.group("key") in keys:
        return m.start("mark") + 1, ("after ':' use an ordinary space, not a full-width space "
                                     "(U+3000, 全角空格)")
    m = _GLUED.match(text)
    if m and m.group("key") in keys:
        return m.start("mark") + 1, (f"put a space after ':' — YAML reads "
                                     f"'{m.group('key')}:…' with no space as text, not as a key")
    m = _DASH.match(text)
    if m and m.group("key") in keys:
        return m.start("mark") + 1, (f"put a space after '-': a list item is written "
                                     f"'- {m.group('key')}:'")
    return None


_VALUE = re.compile(r"^[ ]*(?:-[ ]+)*(?:[^\s:#'\"][^:#]*?:[ ]+|-[ ]+)(?P<value>.*)$")


def likely(lines: list[str], upto: int) -> Hint | None:
    """The likeliest culprit on lines ``1..upto`` (nearest first) when libyaml failed at
    line ``upto``: curly quotes used as quotes, an unclosed quote, odd indentation."""
    last = min(upto, len(lines))
    for number in range(last, max(0, last - MAX_LOOKS), -1):
        near = number >= last - 1  # a separator breaks the line YAML fails on or the next
        for finder in (separator, curly, _unclosed) if near else (curly, _unclosed):
            found = finder(lines[number - 1])
            if found is not None:
                return Hint(number, found[0], found[1])
    return indentation(lines, upto) if upto <= 25 * MAX_LOOKS else None


_CURLY_VALUE = re.compile(r"(?:^[ ]*|[:,\[{-][ ]+)(?P<q>[“‘「])(?P<body>.*)$")


def curly(text: str) -> tuple[int, str] | None:
    """Curly quotes opening a value that holds what only real quotes protect."""
    m = _CURLY_VALUE.search(text)
    if not m:
        return None
    quote, body = m.group("q"), m.group("body")
    inside = body.split(_close(quote), 1)[0]
    if any(s in inside for s in (": ", " #", ",", "}", "]")) or inside.rstrip().endswith(":"):
        return m.start("q") + 1, (f"curly quotes {quote}…{_close(quote)} are not quotes in "
                                  "YAML: use straight quotes \"…\" around the text")
    return None


def separator(text: str) -> tuple[int, str] | None:
    """A line separator (NEL, U+2028, U+2029) that YAML breaks the line at."""
    m = re.search("[\x85\u2028\u2029]", text)
    if m is None:
        return None
    return m.start() + 1, (f"a line-separator character (U+{ord(m.group()):04X}, pasted from a "
                           "word processor) is here; YAML starts a new line at it: delete it")


def _close(opening: str) -> str:
    return {"“": "”", "‘": "’", "「": "」"}.get(opening, opening)


def _unclosed(text: str) -> tuple[int, str] | None:
    m = _VALUE.match(text)
    if not m or not m.group("value"):
        return None
    value, start = m.group("value"), m.start("value")
    quote = value[0]
    if quote == '"':
        body = re.sub(r'\\.', "", value[1:])
        if '"' not in body:
            return start + 1, ("a quote is opened here but never closed: add the closing \" "
                               "at the end of the text")
    elif quote == "'" and value[1:].replace("''", "").count("'") == 0:
        return start + 1, "a quote is opened here but never closed: add the closing ' at the end"
    return None


def indentation(lines: list[str], upto: int) -> Hint | None:
    """The last line before ``upto`` whose indentation matches no open block. When a line
    at an even indent closes a block opened at an odd one, the odd line is blamed (staff
    indent two spaces per level)."""
    levels = [(0, 0)]  # (indent, line that opened the level)
    opens = False
    culprit: Hint | None = None
    for number, text in enumerate(lines[:upto], 1):
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#") or "\t" in text[: len(text) - len(stripped)]:
            continue
        indent = len(text) - len(stripped)
        if opens and indent > levels[-1][0]:
            levels.append((indent, number))
        else:
            popped = None
            while indent < levels[-1][0]:
                popped = levels.pop()
            if indent != levels[-1][0]:
                if popped is not None and popped[0] % 2 and not indent % 2 and popped[1]:
                    culprit = Hint(popped[1], 1, _indent_message(popped[0], indent))
                else:
                    culprit = Hint(number, 1, _indent_message(indent, levels[-1][0]))
                levels.append((indent, number))
        item = re.match(r"((?:- +)+)", stripped)
        if item:
            levels.append((indent + len(item.group(1)), 0))
        code = stripped.split(" #", 1)[0].rstrip()
        opens = code.endswith((":", "-")) or bool(re.search(r":[ ]+[|>][-+]?$", code))
    return culprit


def _indent_message(indent: int, level: int) -> str:
    return (f"this line is indented {indent} spaces, but the keys it belongs with are at "
            f"{level}: line up keys at the same level (two spaces per level)")
