"""Bytes → text, and libyaml's syntax errors → findings at the right line and column.

Positions are counted the way staff's editors count them: lines end at ``\\n`` only, and
columns are characters. libyaml also breaks lines at NEL, U+2028 and U+2029 and reports
reader errors as byte offsets; every position is therefore recomputed from the character
index. When libyaml fails, :mod:`~kiosk.content.yamlhints` looks for the real culprit on
the lines before the error point.
"""

from __future__ import annotations

import bisect
import codecs
import re
from typing import Any

import yaml

from kiosk.content import yamlhints
from kiosk.content.files import MAX_CONTENT_BYTES
from kiosk.content.findings import Finding

MAX_BYTES = MAX_CONTENT_BYTES
MAX_DEPTH = 48
_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class YamlProblem(Exception):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message if findings else "YAML problem")
        self.findings = findings


class Lines:
    """1-based (line, column) of a character index, lines ending at ``\\n`` only."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.simple = not re.search("[\x85\u2028\u2029]", text)

    def at(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def mark(self, mark: Any) -> tuple[int, int]:
        """The position of a libyaml mark."""
        if self.simple or mark.index is None:
            return (mark.line + 1, mark.column + 1)
        return self.at(min(mark.index, len(self.text)))


def decode(data: bytes, source: str) -> str:
    """UTF-8 text from ``data`` (a BOM is fine); anything else is a plain-language error."""

    def fail(message: str, line: int = 1, col: int = 1) -> YamlProblem:
        return YamlProblem([Finding(source, line, col, "error", message)])

    if len(data) > MAX_BYTES:
        raise fail(
            f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB; content.yaml may be at "
            f"most {MAX_BYTES // (1024 * 1024)} MB (put pictures in their own files, not in the text)"
        )
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise fail("the file is saved as UTF-32; save it as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(data) >= 4 and (data[1::2][:2] == b"\0\0" or data[0::2][:2] == b"\0\0")
    ):
        raise fail(
            "the file is saved as UTF-16 (Notepad calls it 'Unicode'); "
            "save it as UTF-8 (在记事本中“另存为”，编码选 UTF-8)"
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        line, col = Lines(good).at(len(good))
        raise fail(
            f"byte 0x{data[exc.start]:02X} is not valid UTF-8; the file may be saved as GBK "
            "or another legacy encoding: save it as UTF-8",
            line,
            col,
        ) from None
    nul = text.find("\0")
    if nul >= 0:
        line, col = Lines(text).at(nul)
        raise fail("the file contains a NUL character (the file may be damaged or not a text "
                   "file)", line, col)
    return text


_SYNTAX_HINTS = (
    ("cannot start any token", "a tab", "tabs cannot be used to indent YAML: use spaces"),
    ("tab character", "", "tabs cannot be used to indent YAML: use spaces"),
    ("mapping values are not allowed", "", "a ':' where YAML did not expect one — "
     "put text that contains ': ' in quotes, or check the indentation"),
    ("could not find expected ':'", "", "a key without ':' — or a text that needs quotes"),
    ("did not find expected key", "", "the indentation does not line up with the keys above"),
    ("did not find expected '-' indicator", "", "a list item is not indented like the ones above"),
    ("found undefined alias", "", "'*' starts an alias in YAML; put this text in quotes"),
    ("found unexpected ':'", "", "put text that contains ':' in quotes"),
    ("found character that cannot start any token", "", "this character cannot start a "
     "value (e.g. '@' or '`'): put the text in quotes"),
)


def syntax_findings(exc: yaml.YAMLError, source: str, lines: Lines) -> list[Finding]:
    """Findings for a libyaml error: the culprit found on the lines before it, if any."""
    text = lines.text
    if isinstance(exc, yaml.reader.ReaderError):
        m = _UNPRINTABLE.search(text)
        line, col = lines.at(m.start()) if m else (1, 1)
        code = ord(m.group()) if m else exc.character
        return [Finding(source, line, col, "error", f"character U+{code:04X} is a control "
                        "character, which YAML does not allow in a text file: delete it")]
    mark = getattr(exc, "problem_mark", None)
    line, col = lines.mark(mark) if mark is not None else (1, 1)
    split = text.split("\n")
    certain = [h for h in yamlhints.certain(split, text) if h.line <= line]
    if certain:
        return [Finding(source, h.line, h.col, "error", h.message) for h in certain]
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    if "quoted scalar" in context and context_mark is not None:
        line, col = lines.mark(context_mark)
        return [Finding(source, line, col, "error", "YAML syntax: a quote is opened here but "
                        "never closed: add the closing quote at the end of the text")]
    likely = yamlhints.likely(split, line)
    if likely is not None:
        return [Finding(source, likely.line, likely.col, "error", likely.message)]
    return [Finding(source, line, col, "error", _explained(exc, lines, line, col))]


def _explained(exc: yaml.YAMLError, lines: Lines, line: int, col: int) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    message = f"YAML syntax: {problem}"
    for needle, needs, hint in _SYNTAX_HINTS:
        if needle in problem:
            if needs == "a tab" and not _tab_at(lines.text, line, col):
                continue
            message = f"YAML syntax: {hint} ({problem})"
            break
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    if context_mark is not None and context:
        message += f"; {context} at line {lines.mark(context_mark)[0]}"
    return message


def _tab_at(text: str, line: int, col: int) -> bool:
    lines = text.split("\n")
    return 0 < line <= len(lines) and "\t" in lines[line - 1][: col + 1]


def flow_too_deep(text: str) -> tuple[int, int] | None:
    """Where '[' / '{' nesting first passes :data:`MAX_DEPTH` (quotes and comments skipped)."""
    depth, line, line_start, quote = 0, 1, 0, ""
    for m in re.finditer(r"[\[\]{}'\"#\n]", text):
        ch, i = m.group(), m.start()
        if ch == "\n":
            line, line_start = line + 1, i + 1
            quote = "" if quote == "#" else quote
        elif quote:
            if ch == quote or (quote == "#" and ch == "\n"):
                quote = ""
        elif ch in "'\"#":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth >= MAX_DEPTH:
                return line, i - line_start + 1
        else:
            depth -= 1
    return None
