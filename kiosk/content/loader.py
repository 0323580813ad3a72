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

from kiosk.content.findings import ContentError, ContentUnreadable, Finding
from kiosk.content.model import Content

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    """Content that loaded without errors, with its warnings."""

    content: Content
    path: Path
    findings: list[Finding] = field(default_factory=list)


def inspect_bytes(
    data: bytes, *, source: str = "content.yaml", base_dir: Path | None = None,
    at: dt.datetime | None = None,
) -> tuple[Content | None, list[Finding]]:
    """Every finding for ``data``; the content only when there is no error. Never raises
    anything but :class:`ContentError`'s family. ``at``: the moment calendar checks judge
    by (default: now)."""
    # Imported here: a restart on unchanged content (lastgood.cached) never needs them.
    from pydantic import ValidationError

    from kiosk.content.checks import Checker
    from kiosk.content.explain import findings_from
    from kiosk.content.yamlread import YamlProblem, decode, parse

    try:
        doc = parse(decode(data, source), source)
    except YamlProblem as problem:
        return None, sorted(problem.findings)
    try:
        content = Content.model_validate(doc.data)
    except ValidationError as exc:
        return None, sorted(findings_from(exc, doc, source))
    except (RecursionError, ValueError, TypeError) as exc:  # defensive: never a traceback
        log.exception("content model failed unexpectedly")
        return None, [Finding(source, 1, 1, "error", f"could not check the content: {exc}")]
    checker = Checker(content, doc, source, base_dir)
    checker.now = at
    findings = sorted(set(checker.run()))
    if any(f.is_error for f in findings):
        return None, findings
    return content, findings


def load_bytes(
    data: bytes, *, source: str = "content.yaml", base_dir: Path | None = None
) -> Loaded:
    """Load content from ``data``; raise :class:`ContentError` listing every finding."""
    content, findings = inspect_bytes(data, source=source, base_dir=base_dir)
    if content is None:
        raise ContentError(findings)
    return Loaded(content, Path(source), findings)


def read_file(path: str | Path) -> bytes:
    """The bytes of a content file, or :class:`ContentUnreadable` in plain words."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ContentUnreadable([Finding(str(path), 0, 0, "error",
                                             "this is a folder; give the content.yaml file")])
        return path.read_bytes()
    except FileNotFoundError:
        message = "file not found"
    except PermissionError:
        message = "no permission to read this file"
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or exc}"
    raise ContentUnreadable([Finding(str(path), 0, 0, "error", message)])


def load_file(path: str | Path) -> Loaded:
    """Load and validate a content file; raise :class:`ContentError` with every finding."""
    path = Path(path)
    return load_bytes(read_file(path), source=str(path), base_dir=path.parent)
