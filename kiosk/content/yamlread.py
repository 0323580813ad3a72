"""Reading YAML the strict way: bytes in, plain Python data plus the position of every
node out, or findings that say exactly what is wrong and where.

PyYAML's own loaders are not used to build the data. We walk libyaml's event stream with
an explicit stack, which lets us:

* refuse anchors and aliases (no alias bombs), tags (no ``!!python/object``) and a second
  document, each at its exact place;
* cap the nesting depth before anything recurses, and the file size before parsing;
* report both lines of a duplicate key instead of silently keeping the last;
* keep the source text of every scalar, so an error can say how YAML 1.1 read ``no``,
  ``0755`` or ``12:30`` and suggest quoting;
* turn impossible timestamps such as ``2024-02-30`` into a field error, not a crash.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from kiosk.content.findings import Finding

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 48

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Scalar:
    """Where a scalar stood and how it was written."""

    line: int
    col: int
    source: str
    quoted: bool


@dataclass
class Document:
    """Parsed data, with 1-based ``(line, col)`` for every node and every mapping key."""

    data: Any
    nodes: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[Path_, Scalar] = field(default_factory=dict)

    def where(self, path: Path_) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that exists."""
        while path:
            if path in self.nodes:
                return self.nodes[path]
            path = path[:-1]
        return self.nodes.get((), (1, 1))


class YamlProblem(Exception):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message if findings else "YAML problem")
        self.findings = findings


# ---------------------------------------------------------------------------------------
# Bytes → text


def decode(data: bytes, source: str) -> str:
    """UTF-8 text from ``data`` (a BOM is fine); anything else is a plain-language error."""

    def fail(message: str, line: int = 1, col: int = 1) -> YamlProblem:
        return YamlProblem([Finding(source, line, col, "error", message)])

    if len(data) > MAX_BYTES:
        raise fail(
            f"the file is {len(data) / 1e6:.1f} MB; content.yaml may be at most "
            f"{MAX_BYTES // (1024 * 1024)} MB (put pictures in their own files, not in the text)"
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
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(
            f"byte 0x{data[exc.start]:02X} is not valid UTF-8; the file may be saved as GBK "
            "or another legacy encoding: save it as UTF-8",
            line,
            col,
        ) from None
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise fail(
            "the file contains a NUL character (the file may be damaged or not a text file)",
            line,
            nul - (text.rfind("\n", 0, nul) + 1) + 1,
        )
    return text


# ---------------------------------------------------------------------------------------
# Text → data


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


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


def _syntax_finding(exc: yaml.YAMLError, source: str, text: str) -> Finding:
    problem = getattr(exc, "problem", None) or str(exc)
    mark = getattr(exc, "problem_mark", None)
    line, col = _pos(mark) if mark is not None else (1, 1)
    if isinstance(exc, yaml.reader.ReaderError):
        offset = exc.position
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return Finding(
            source, line, col, "error",
            f"character U+{exc.character:04X} is a control character, which YAML does not "
            "allow in a text file: delete it",
        )
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    if "quoted scalar" in context and context_mark is not None:
        line, col = _pos(context_mark)
        return Finding(source, line, col, "error", "YAML syntax: a quote is opened here but "
                       "never closed: add the closing quote at the end of the text")
    message = f"YAML syntax: {problem}"
    for needle, needs, hint in _SYNTAX_HINTS:
        if needle in problem:
            if needs == "a tab" and not _tab_at(text, line, col):
                continue
            message = f"YAML syntax: {hint} ({problem})"
            break
    if context_mark is not None and context:
        message += f"; {context} at line {context_mark.line + 1}"
    return Finding(source, line, col, "error", message)


def _tab_at(text: str, line: int, col: int) -> bool:
    lines = text.split("\n")
    return 0 < line <= len(lines) and "\t" in lines[line - 1][: col + 1]


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag in (None, "!"):
        tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
    node = yaml.ScalarNode(tag, event.value)
    if tag == _TAG + "str":
        return event.value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return _constructor.construct_yaml_bool(node)
    if tag == _TAG + "int":
        return _constructor.construct_yaml_int(node)
    if tag == _TAG + "float":
        return _constructor.construct_yaml_float(node)
    if tag == _TAG + "timestamp":
        try:
            return _constructor.construct_yaml_timestamp(node)
        except ValueError:  # 2024-02-30: keep the text, the model says it is no date
            return event.value
    return event.value


class _TreeBuilder:
    """Builds the document tree from parser events, recording every node's position and
    reporting what content.yaml does not allow (duplicate keys, aliases, tags, depth)."""

    def __init__(self, doc: Document, err: Callable[[tuple[int, int], str], None]) -> None:
        self.doc = doc
        self.err = err
        # Each frame: [container, path, pending key (mappings), key positions seen]
        self.stack: list[list[Any]] = []
        self.documents = 0
        self.root_set = False

    def attach(self, value: Any, pos: tuple[int, int], scalar: Scalar | None) -> tuple[Any, ...] | None:
        """Attach ``value`` to the open container; return its path (None if dropped)."""
        doc, stack, err = self.doc, self.stack, self.err
        if not stack:
            doc.data, self.root_set = value, True
            path: Path_ = ()
        else:
            frame = stack[-1]
            container, parent = frame[0], frame[1]
            if isinstance(container, list):
                path = (*parent, len(container))
                container.append(value)
            elif frame[2] is None:  # this is a key
                if scalar is None:
                    err(pos, "a key must be a plain name, not a list or a mapping")
                    frame[2] = ("", pos, True)
                    return None
                key = scalar.source
                first = frame[3].get(key)
                if first is not None:
                    err(pos, f"duplicate key '{key}': it appears at line {first[0]} and at "
                             f"line {pos[0]} in the same block; keep one")
                    frame[2] = (key, pos, True)
                    return None
                frame[3][key] = pos
                frame[2] = (key, pos, False)
                key_path: Path_ = (*parent, key)
                doc.keys[key_path] = pos
                return None
            else:
                key, _, dropped = frame[2]
                frame[2] = None
                if dropped:
                    return None
                path = (*parent, key)
                container[key] = value
        doc.nodes[path] = pos
        if scalar is not None:
            doc.scalars[path] = scalar
        return path

    def feed(self, event: yaml.Event) -> bool:
        """Take one parser event; ``False`` when reading must stop."""
        err = self.err
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                err(_pos(event.start_mark), "a second document starts here ('---'); "
                    "content.yaml holds exactly one: remove this line and what follows it "
                    "or merge it into the first")
                return False
            return True
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent,
                              yaml.DocumentEndEvent)):
            return True
        pos = _pos(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            err(pos, f"'*{event.anchor}' is an alias: aliases are not allowed in "
                     "content.yaml; write the value out in full (or quote text that "
                     "starts with '*')")
            self.attach(None, pos, Scalar(pos[0], pos[1], "*" + (event.anchor or ""), False))
            return True
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
            return True
        tag = self._check_anchor_and_tag(event, pos)
        if isinstance(event, yaml.ScalarEvent):
            quoted = event.style in ("'", '"', "|", ">")
            value = event.value if tag is None and event.tag not in (None, "!") \
                else _scalar_value(event)
            self.attach(value, pos, Scalar(pos[0], pos[1], event.value, quoted))
            return True
        if len(self.stack) >= MAX_DEPTH:
            err(pos, f"nesting is more than {MAX_DEPTH} levels deep here; content.yaml "
                     "never needs that many — check the indentation")
            return False
        container: dict[Any, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        path = self.attach(container, pos, None)
        self.stack.append([container, path if path is not None else ("<dropped>",), None, {}])
        return True

    def _check_anchor_and_tag(self, event: yaml.Event, pos: tuple[int, int]) -> str | None:
        """Report an anchor or a tag content.yaml does not allow; the tag to use (None: none)."""
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.err(pos, f"'&{anchor}' is an anchor: anchors and aliases are not allowed in "
                          "content.yaml; write the value out in full (or quote text that "
                          "starts with '&')")
        tag: str | None = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _ALLOWED_TAGS:
            self.err(pos, f"the tag '{tag}' is not allowed in content.yaml: remove it "
                          "(only plain text, numbers, lists and mappings are used)")
            tag = None
        return tag


def parse(text: str, source: str) -> Document:
    """Parse ``text`` into a :class:`Document`; raise :class:`YamlProblem` with findings."""
    findings: list[Finding] = []
    doc = Document(data=None)

    def err(pos: tuple[int, int], message: str) -> None:
        findings.append(Finding(source, pos[0], pos[1], "error", message))

    builder = _TreeBuilder(doc, err)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if not builder.feed(event):
                break
    except yaml.YAMLError as exc:
        deep = _flow_too_deep(text) if "nesting depth" in str(exc) else None
        if deep is not None:  # newer libyaml stops at its own limit (1000): say where ours is
            err(deep, f"nesting is more than {MAX_DEPTH} levels deep here; content.yaml "
                      "never needs that many — check the brackets")
        else:
            findings.append(_syntax_finding(exc, source, text))
    except RecursionError:  # pragma: no cover - the depth cap comes first
        err((1, 1), "the file is nested too deeply to read")

    if not findings:
        if not builder.root_set or doc.data is None:
            err((1, 1), "the file is empty: it needs at least 'attract:' and 'sections:' "
                        "(start from the bundled content.yaml)")
        elif not isinstance(doc.data, dict):
            kind = "a list" if isinstance(doc.data, list) else f"a single value ({doc.data!r:.40})"
            err(doc.nodes.get((), (1, 1)),
                f"the top level must be keys like 'kiosk:', 'attract:' and 'sections:', "
                f"not {kind}")
    if findings:
        raise YamlProblem(findings)
    return doc


def _flow_too_deep(text: str) -> tuple[int, int] | None:
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


def describe(value: Any, scalar: Scalar | None) -> str:
    """How YAML read a value, for messages: 'the yes/no value false', 'the number 493'."""
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if value is None:
        return "nothing"
    if isinstance(value, int):
        src = scalar.source if scalar else ""
        if ":" in src:
            return f"a base-60 number ({value})"
        if src.startswith("0") and len(src) > 1 and src.isdigit():
            return f"an octal number ({value})"
        return f"a number ({value})"
    if isinstance(value, float):
        return f"a number ({value:g})"
    if isinstance(value, dt.datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    return f"the text '{value}'"
