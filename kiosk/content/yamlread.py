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

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from kiosk.content import yamlhints
from kiosk.content.findings import Finding
from kiosk.content.yamlsyntax import (
    MAX_BYTES,
    MAX_DEPTH,
    Lines,
    YamlProblem,
    decode,
    flow_too_deep,
    syntax_findings,
)

MAX_NODES = 60_000
"""YAML events (keys, values, lists, mappings) read at most: the shipped content has
≈ 2,500, ten times it ≈ 47,000. Bounds the time any file under the size cap can take."""

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "Document", "Path_", "Scalar", "YamlProblem", "decode",
           "describe", "parse"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
_resolve: Callable[..., str] = _resolver.resolve

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}

Path_ = tuple[str | int, ...]


class Scalar(NamedTuple):
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


_implicit = yaml.resolver.Resolver.yaml_implicit_resolvers
_WILDCARD = tuple(_implicit.get(None, ()))
_STR, _NULL = _TAG + "str", _TAG + "null"
_QUOTED = frozenset(("'", '"', "|", ">"))


def _plain_tag(value: str) -> str:
    """The tag YAML 1.1 gives a plain (unquoted, untagged) scalar — what the resolver says,
    without building a node (this runs for every scalar of the file)."""
    for resolvers in (_implicit.get(value[:1], ()), _WILDCARD):
        for tag, regexp in resolvers:
            if regexp.match(value):
                return str(tag)
    return _STR


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag in (None, "!"):
        implicit = event.implicit
        if implicit[0]:
            tag = _plain_tag(event.value)
        elif implicit[1]:  # quoted: always text
            return event.value
        else:
            tag = _resolve(yaml.ScalarNode, event.value, implicit)
    if tag == _STR:
        return event.value
    if tag == _NULL:
        return None
    node = yaml.ScalarNode(tag, event.value)
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


class _Builder:
    """Builds the data and the positions from libyaml's events, with an explicit stack."""

    def __init__(self, source: str, lines: Lines) -> None:
        self.source, self.lines = source, lines
        self.findings: list[Finding] = []
        self.doc = Document(data=None)
        # Each frame: [container, path, pending key (mappings), key positions seen]
        self.stack: list[list[Any]] = []
        self.documents = 0
        self.count = 0
        self.root_set = False
        self.simple = lines.simple

    def err(self, pos: tuple[int, int], message: str) -> None:
        self.findings.append(Finding(self.source, pos[0], pos[1], "error", message))

    def attach(self, value: Any, pos: tuple[int, int], scalar: Scalar | None) -> Path_ | None:
        """Attach ``value`` to the open container; return its path (None if dropped)."""
        if not self.stack:
            self.doc.data, self.root_set = value, True
            path: Path_ = ()
        else:
            frame = self.stack[-1]
            container, parent = frame[0], frame[1]
            if isinstance(container, list):
                path = (*parent, len(container))
                container.append(value)
            elif frame[2] is None:  # this is a key
                self._key(frame, pos, scalar)
                return None
            else:
                key, _, dropped = frame[2]
                frame[2] = None
                if dropped:
                    return None
                path = (*parent, key)
                container[key] = value
        self.doc.nodes[path] = pos
        if scalar is not None:
            self.doc.scalars[path] = scalar
        return path

    def _key(self, frame: list[Any], pos: tuple[int, int], scalar: Scalar | None) -> None:
        if scalar is None:
            self.err(pos, "a key must be a plain name, not a list or a mapping")
            frame[2] = ("", pos, True)
            return
        key = scalar.source
        first = frame[3].get(key)
        if first is not None:
            self.err(pos, f"duplicate key '{key}': it appears at line {first[0]} and at "
                          f"line {pos[0]} in the same block; keep one")
            frame[2] = (key, pos, True)
            return
        frame[3][key] = pos
        frame[2] = (key, pos, False)
        key_path: Path_ = (*frame[1], key)
        self.doc.keys[key_path] = pos

    def event(self, event: Any) -> bool:
        """Handle one event; False when reading must stop."""
        self.count += 1
        if self.count > MAX_NODES:
            self.err(self.lines.mark(event.start_mark), f"content.yaml has more than "
                     f"{MAX_NODES:,} entries (keys, values and list items) by here — far more "
                     "than the kiosk can show; is a list repeated by mistake?")
            return False
        if type(event) is yaml.ScalarEvent:
            mark: Any = event.start_mark
            pos = (mark.line + 1, mark.column + 1) if self.simple else self.lines.mark(mark)
            if event.anchor is None and event.tag is None:  # the usual case, kept short
                self.attach(_scalar_value(event), pos,
                            Scalar(pos[0], pos[1], event.value, event.style in _QUOTED))
                return True
            return self._node(event, pos)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.err(self.lines.mark(event.start_mark), "a second document starts here "
                         "('---'); content.yaml holds exactly one: remove this line and what "
                         "follows it or merge it into the first")
                return False
            return True
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            return True
        pos = self.lines.mark(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            self.err(pos, f"'*{event.anchor}' is an alias: aliases are not allowed in "
                          "content.yaml; write the value out in full (or quote text that "
                          "starts with '*')")
            self.attach(None, pos, Scalar(pos[0], pos[1], "*" + str(event.anchor), False))
            return True
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
            return True
        return self._node(event, pos)

    def _node(self, event: Any, pos: tuple[int, int]) -> bool:
        anchor = event.anchor
        if anchor is not None:
            self.err(pos, f"'&{anchor}' is an anchor: anchors and aliases are not allowed in "
                          "content.yaml; write the value out in full (or quote text that "
                          "starts with '&')")
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _ALLOWED_TAGS:
            self.err(pos, f"the tag '{tag}' is not allowed in content.yaml: remove it "
                          "(only plain text, numbers, lists and mappings are used)")
            tag = None
        if isinstance(event, yaml.ScalarEvent):
            quoted = event.style in _QUOTED
            value = event.value if tag is None and event.tag not in (None, "!") \
                else _scalar_value(event)
            self.attach(value, pos, Scalar(pos[0], pos[1], event.value, quoted))
            return True
        if len(self.stack) >= MAX_DEPTH:
            self.err(pos, f"nesting is more than {MAX_DEPTH} levels deep here; content.yaml "
                          "never needs that many — check the indentation")
            return False
        container: dict[str, Any] | list[Any] = \
            {} if isinstance(event, yaml.MappingStartEvent) else []
        path = self.attach(container, pos, None)
        self.stack.append([container, path if path is not None else ("<dropped>",), None, {}])
        return True

    def run(self, text: str) -> None:
        try:
            loader = _Loader(text)
            try:  # get_event directly: yaml.parse's generator costs per event
                event = loader.get_event()
                while event is not None and self.event(event):
                    event = loader.get_event()
            finally:
                loader.dispose()
        except yaml.YAMLError as exc:
            deep = flow_too_deep(text) if "nesting depth" in str(exc) else None
            if deep is not None:  # newer libyaml stops at its own limit (1000): say ours
                self.err(deep, f"nesting is more than {MAX_DEPTH} levels deep here; "
                               "content.yaml never needs that many — check the brackets")
            else:
                self.findings.extend(syntax_findings(exc, self.source, self.lines))
        except RecursionError:  # pragma: no cover - the depth cap comes first
            self.err((1, 1), "the file is nested too deeply to read")

    def check_root(self) -> None:
        data = self.doc.data
        if not self.root_set or data is None:
            self.err((1, 1), "the file is empty: it needs at least 'attract:' and 'sections:' "
                             "(start from the bundled content.yaml)")
        elif not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else f"a single value ({data!r:.40})"
            self.err(self.doc.nodes.get((), (1, 1)),
                     f"the top level must be keys like 'kiosk:', 'attract:' and 'sections:', "
                     f"not {kind}")


def parse(text: str, source: str) -> Document:
    """Parse ``text`` into a :class:`Document`; raise :class:`YamlProblem` with findings."""
    builder = _Builder(source, Lines(text))
    builder.run(text)
    if not builder.findings:
        hints = yamlhints.certain(text.split("\n"), text)
        builder.findings += [Finding(source, h.line, h.col, "error", h.message) for h in hints]
    if not builder.findings:
        builder.check_root()
    if builder.findings:
        raise YamlProblem(builder.findings)
    return builder.doc


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
