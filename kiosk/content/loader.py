"""The strict loader: content.yaml bytes → a validated :class:`Content` plus every finding.

Three stages, each collecting all it finds: :mod:`~kiosk.content.yamlread` (encoding,
syntax, duplicate keys, aliases, tags, depth), the pydantic model (types and required
keys, explained by :mod:`~kiosk.content.explain`), and :mod:`~kiosk.content.checks`
(references, media, warnings). Only the loader's own :class:`ContentError` ever escapes.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.findings import ContentError, ContentUnreadable, Finding
from kiosk.content.model import Content

if TYPE_CHECKING:
    from kiosk.content.refs import Previous

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    """Content that loaded without errors, with its warnings."""

    content: Content
    path: Path
    findings: list[Finding] = field(default_factory=list)


def inspect_bytes(
    data: bytes, *, source: str = "content.yaml", base_dir: Path | None = None,
    previous: Previous = None, at: dt.datetime | None = None,
) -> tuple[Content | None, list[Finding]]:
    """Every finding for ``data``; the content only when there is no error. Never raises
    anything but :class:`ContentError`'s family. ``previous`` (the last good content, when
    known, or a function that reads it — called only for a broken reference) lets a
    broken reference suggest the id it was renamed to; ``at``: the moment
    calendar checks judge by (default: now)."""
    # Imported here: a restart on unchanged content (lastgood.cached) never needs them.
    from pydantic import ValidationError

    from kiosk.content.checks import Checker
    from kiosk.content.explain import findings_from
    from kiosk.content.yamlread import YamlProblem, decode, parse

    try:
        text = decode(data, source)
        doc = parse(text, source)
    except YamlProblem as problem:
        return None, sorted(problem.findings)
    try:
        content = Content.model_validate(doc.data)
    except ValidationError as exc:
        return None, sorted(_line_hints(findings_from(exc, doc, source), text))
    except (RecursionError, ValueError, TypeError) as exc:  # defensive: never a traceback
        log.exception("content model failed unexpectedly")
        return None, [Finding(source, 1, 1, "error", f"could not check the content: {exc}")]
    checker = Checker(content, doc, source, base_dir, previous)
    checker.now = at
    findings = sorted(set(checker.run()))
    if any(f.is_error for f in findings):
        return None, findings
    return content, findings


def _line_hints(findings: list[Finding], text: str) -> list[Finding]:
    """A model error on a line where curly quotes were used as quotes, or where a pasted
    line separator split the line, is that mistake."""
    from kiosk.content.yamlhints import curly, separator

    lines = text.split("\n")
    out: dict[tuple[int, int, str], Finding] = {}
    for f in findings:
        line = lines[f.line - 1] if 0 < f.line <= len(lines) else ""
        hint = separator(line) or curly(line)
        if hint is not None:
            f = Finding(f.file, f.line, hint[0], "error", hint[1])
        out.setdefault((f.line, f.col, f.message), f)
    return list(out.values())


def load_bytes(
    data: bytes, *, source: str = "content.yaml", base_dir: Path | None = None
) -> Loaded:
    """Load content from ``data``; raise :class:`ContentError` listing every finding."""
    content, findings = inspect_bytes(data, source=source, base_dir=base_dir)
    if content is None:
        raise ContentError(findings)
    return Loaded(content, Path(source), findings)


def read_file(path: str | Path) -> bytes:
    """The bytes of a content file (at most the size cap + 1, so an oversized file is
    reported, not read whole), or :class:`ContentUnreadable` in plain words. FIFOs,
    devices and sockets are refused without blocking; every OS error becomes a finding."""
    from kiosk.content.files import MAX_CONTENT_BYTES, FileProblem, read_regular, shown

    path = Path(path)
    try:
        return read_regular(path, MAX_CONTENT_BYTES)
    except FileProblem as problem:
        message = str(problem)
        if message.startswith("this is a folder"):
            message += "; give the content.yaml file"
        raise ContentUnreadable([Finding(shown(path), 0, 0, "error", message)]) from None


def load_file(path: str | Path) -> Loaded:
    """Load and validate a content file; raise :class:`ContentError` with every finding."""
    from kiosk.content.files import shown

    path = Path(path)
    return load_bytes(read_file(path), source=shown(path), base_dir=path.parent)
