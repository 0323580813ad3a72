"""Checks on validated content that a schema cannot express: unique ids, references that
resolve, media files, values the screen can show, and the warnings staff need (one
language only, texts too long for their place, characters the fonts lack or that show
nothing, events out of order, weak contrast, unknown icons)."""

from __future__ import annotations

import datetime as dt
import re
import typing
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kiosk.content import calendar_checks, media, text
from kiosk.content.fields import Limit, limit_for
from kiosk.content.findings import Finding, Severity
from kiosk.content.model import PANEL, Content, Media, Text
from kiosk.content.refs import Previous, check_references
from kiosk.content.values import check_values
from kiosk.content.yamlread import Document, Path_

MAX_EN_WORDS = 70
MAX_ZH_CHARS = 140
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>|&[a-z]+;")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LANG = {"zh": "Chinese", "en": "English"}


class Checker:
    def __init__(self, content: Content, doc: Document, source: str, base_dir: Path | None,
                 previous: Previous = None) -> None:
        self.content, self.doc, self.source, self.base_dir = content, doc, source, base_dir
        self.previous = previous
        self.findings: list[Finding] = []
        self.now: dt.datetime | None = None
        """The moment calendar checks judge by (``kiosk validate --at``); None: now."""

    def add(self, severity: Severity, path: Path_, message: str, *, key: bool = False) -> None:
        line, col = self.doc.keys[path] if key and path in self.doc.keys \
            else self.doc.where(path)
        self.findings.append(Finding(self.source, line, col, severity, message))

    def run(self) -> list[Finding]:
        for path, value, meta in walk(self.content, ()):
            if isinstance(value, Text):
                self._text(path, value, meta)
            elif isinstance(value, str):
                for m in meta:
                    if isinstance(m, Media):
                        self._media(path, value, m)
                if path[-1:] == ("icon",):
                    problem = media.icon_problem(value)
                    if problem:
                        self.add("warning", path, problem)
            if isinstance(value, list):
                self._unique_ids(path, value)
        check_references(self.content, self.doc, self.previous, self.add)
        check_values(self.content, self.add)
        self._theme()
        calendar_checks.check(self.content, self.add, self.now or dt.datetime.now(dt.timezone.utc))
        return self.findings

    # -- texts ---------------------------------------------------------------------------
    def _text(self, path: Path_, value: Text, meta: tuple[Any, ...]) -> None:
        for lang, other in (("zh", "en"), ("en", "zh")):
            if not text.visible(getattr(value, lang)) and text.visible(getattr(value, other)):
                self.add("warning", path, f"only {_LANG[other]} is given: add '{lang}:' — "
                         f"visitors reading {_LANG[lang]} will see the {_LANG[other]} text")
        if PANEL in meta:
            self._panel(path, value)
        limit = next((m for m in meta if isinstance(m, Limit)), None)
        for lang in ("zh", "en"):
            s = getattr(value, lang)
            if limit is not None and text.shown_length(s) > limit.of(lang):
                self.add("warning", (*path, lang), f"the {_LANG[lang]} text has "
                         f"{text.shown_length(s):,} characters; at most {limit.of(lang)} fit "
                         f"where '{_field(path)}' is shown — the screen cuts it off with '…'")
            if _HTML.search(s):
                self.add("warning", (*path, lang), "this looks like HTML; the kiosk shows text "
                         "exactly as written, so the tags would appear on screen")
            for problem in text.problems(s):
                self.add("warning", (*path, lang), problem)
            missing = sorted(uncovered(s))
            if missing:
                shown = " ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:5])
                self.add("warning", (*path, lang), f"the bundled fonts cannot draw {shown}"
                         f"{' …' if len(missing) > 5 else ''}; it would show as a box — "
                         "use a common character instead")

    def _panel(self, path: Path_, value: Text) -> None:
        words = len(value.en.split())
        if words > MAX_EN_WORDS:
            self.add("warning", (*path, "en"), f"the English text has {words} words; at a "
                     f"kiosk keep a panel under {MAX_EN_WORDS} — visitors stop reading")
        chars = len(_CJK.findall(value.zh))
        if chars > MAX_ZH_CHARS:
            self.add("warning", (*path, "zh"), f"the Chinese text has {chars} characters; "
                     f"keep a panel under {MAX_ZH_CHARS} — visitors stop reading")

    # -- media and ids ----------------------------------------------------------------------
    def _media(self, path: Path_, value: str, spec: Media) -> None:
        for severity, message in media.check(value, spec.kind, spec.required, self.base_dir):
            self.add(severity, path, message)

    def _unique_ids(self, path: Path_, items: list[Any]) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            ident = getattr(item, "id", None)
            if not isinstance(ident, str):
                continue
            if ident in seen:
                first = self.doc.where((*path, seen[ident], "id"))[0]
                self.add("error", (*path, i, "id"), f"the id '{ident}' is used twice in "
                         f"'{path[-1]}' (first at line {first}); ids must be unique")
            else:
                seen[ident] = i

    def _theme(self) -> None:
        t = self.content.kiosk.theme
        for fg, bg, need, what in (
            ("text", "background", 7.0, "body text"),
            ("text", "surface", 7.0, "text on cards"),
            ("text_muted", "background", 4.5, "secondary text"),
        ):
            ratio = contrast_ratio(getattr(t, fg), getattr(t, bg))
            if ratio < need:
                self.add("warning", ("kiosk", "theme", fg), f"{fg} on {bg} has a contrast of "
                         f"{ratio:.1f}:1; {what} needs at least {need:g}:1 to be readable")


def _field(path: Path_) -> str:
    return next((str(p) for p in reversed(path) if isinstance(p, str)), "text")


Walked = tuple[Path_, Any, tuple[Any, ...]]


def walk(obj: Any, path: Path_, meta: tuple[Any, ...] = ()) -> Iterator[Walked]:
    """Every value of a content model with its data path and its field's metadata (items
    of a list carry the metadata of the list's field), parents before their children in
    document order — with an explicit stack, not nested generators (each level of those
    costs every value below it a step)."""
    stack: list[Walked] = [(path, obj, meta)]
    while stack:
        item = stack.pop()
        yield item
        path, obj, meta = item
        if isinstance(obj, BaseModel):
            cls = type(obj)
            children = [((*path, name), value, field_meta(cls, name))
                        for name in _fields(cls) if (value := getattr(obj, name)) is not None]
            stack.extend(reversed(children))
        elif isinstance(obj, list):
            stack.extend(reversed([((*path, i), v, meta) for i, v in enumerate(obj)]))


@cache
def _fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The field names of a model class (pydantic looks them up anew on each access)."""
    return tuple(cls.model_fields)


@cache
def field_meta(cls: type[BaseModel], name: str) -> tuple[Any, ...]:
    field = cls.model_fields[name]
    found = list(field.metadata)
    for arg in typing.get_args(field.annotation):
        if typing.get_origin(arg) is typing.Annotated:
            found.extend(arg.__metadata__)
    limit = limit_for(cls, name)
    if limit is not None:
        found.append(limit)
    return tuple(found)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""

    def lum(h: str) -> float:
        rgb = [int(h[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@lru_cache(maxsize=1)
def _coverage() -> frozenset[str] | None:
    """Every character the bundled fonts draw (from assets/fonts/coverage.txt)."""
    from kiosk.paths import FONT_COVERAGE_FILE

    try:
        lines = FONT_COVERAGE_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    chars: set[str] = set(map(chr, range(0x20, 0x7F))) | set("\n\t\r")
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            lo, _, hi = line.partition("-")
            chars.update(map(chr, range(int(lo, 16), int(hi or lo, 16) + 1)))
    return frozenset(chars)


def uncovered(s: str) -> set[str]:
    """The characters of ``s`` the bundled fonts cannot draw (none when unknown) —
    format and control characters are reported by :func:`kiosk.content.text.problems`."""
    cov = _coverage()
    if cov is None:
        return set()
    return {c for c in set(s) - cov if not text.odd_breaks(c) and c not in text.BIDI_CONTROLS
            and not (c.isspace() or _invisible(c))}


def _invisible(c: str) -> bool:
    return unicodedata.category(c) == "Cf"
