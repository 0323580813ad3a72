"""Checks on validated content that a schema cannot express: unique ids, references that
resolve, hotspots inside the plan, media files, and the warnings staff need (one language
only, texts too long to read at a kiosk, characters the fonts lack, events out of order,
weak contrast, unknown icons)."""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kiosk.content import calendar_checks, media
from kiosk.content.explain import suggest
from kiosk.content.findings import Finding, Severity
from kiosk.content.model import (
    PANEL,
    Content,
    HistorySection,
    Media,
    ParkSection,
    PartnersSection,
    PlatformSection,
    Text,
)
from kiosk.content.yamlread import Document, Path_

MAX_EN_WORDS = 70
MAX_ZH_CHARS = 140
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>|&[a-z]+;")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Checker:
    def __init__(self, content: Content, doc: Document, source: str, base_dir: Path | None):
        self.content, self.doc, self.source, self.base_dir = content, doc, source, base_dir
        self.findings: list[Finding] = []
        self.now: dt.datetime | None = None
        """The moment calendar checks judge by (``kiosk validate --at``); None: now."""

    def add(self, severity: Severity, path: Path_, message: str, *, key: bool = False) -> None:
        line, col = self.doc.keys.get(path) if key and path in self.doc.keys \
            else self.doc.where(path)
        self.findings.append(Finding(self.source, line, col, severity, message))

    def run(self) -> list[Finding]:
        for path, value, meta in walk(self.content, ()):
            if isinstance(value, Text):
                self._text(path, value, PANEL in meta)
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
        self._references()
        self._sections()
        self._theme()
        calendar_checks.check(self.content, self.add, self.now or dt.datetime.now(dt.timezone.utc))
        return self.findings

    # -- texts ---------------------------------------------------------------------------
    def _text(self, path: Path_, text: Text, panel: bool) -> None:
        for lang, _other, name in (("zh", "en", "Chinese"), ("en", "zh", "English")):
            if not getattr(text, lang).strip():
                self.add("warning", path, f"only {'English' if lang == 'zh' else 'Chinese'} "
                         f"is given: add '{lang}:' — visitors reading {name} will see the "
                         f"{'English' if lang == 'zh' else 'Chinese'} text")
        if panel:
            words = len(text.en.split())
            if words > MAX_EN_WORDS:
                self.add("warning", (*path, "en"), f"the English text has {words} words; at a "
                         f"kiosk keep a panel under {MAX_EN_WORDS} — visitors stop reading")
            chars = len(_CJK.findall(text.zh))
            if chars > MAX_ZH_CHARS:
                self.add("warning", (*path, "zh"), f"the Chinese text has {chars} characters; "
                         f"keep a panel under {MAX_ZH_CHARS} — visitors stop reading")
        for lang in ("zh", "en"):
            s = getattr(text, lang)
            if _HTML.search(s):
                self.add("warning", (*path, lang), "this looks like HTML; the kiosk shows text "
                         "exactly as written, so the tags would appear on screen")
            missing = sorted(uncovered(s))
            if missing:
                shown = " ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:5])
                self.add("warning", (*path, lang), f"the bundled fonts cannot draw {shown}"
                         f"{' …' if len(missing) > 5 else ''}; it would show as a box — "
                         "use a common character instead")

    # -- media ---------------------------------------------------------------------------
    def _media(self, path: Path_, value: str, spec: Media) -> None:
        for severity, message in media.check(value, spec.kind, spec.required, self.base_dir):
            self.add(severity, path, message)

    # -- ids and references ---------------------------------------------------------------
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

    def _references(self) -> None:
        sections = [s.id for s in self.content.sections]
        partners: dict[str, Path_] = {}
        for si, s in enumerate(self.content.sections):
            if isinstance(s, PartnersSection):
                for pi, p in enumerate(s.partners):
                    here = ("sections", si, "partners", pi, "id")
                    if p.id in partners:
                        first = self.doc.where(partners[p.id])[0]
                        self.add("error", here, f"the partner id '{p.id}' is used twice "
                                 f"(first at line {first}); ids must be unique")
                    partners.setdefault(p.id, here)
        for hi, h in enumerate(self.content.attract.highlights):
            if h.section is not None and h.section not in sections:
                self.add("error", ("attract", "highlights", hi, "section"),
                         f"there is no section with id '{h.section}'"
                         f"{suggest(h.section, sections)}")
        for si, s in enumerate(self.content.sections):
            if isinstance(s, ParkSection):
                for hi, h in enumerate(s.hotspots):
                    self._partner_refs(("sections", si, "hotspots", hi), h.partners, partners)
            elif isinstance(s, PlatformSection):
                for ci, c in enumerate(s.cases):
                    self._partner_refs(("sections", si, "cases", ci), c.partners, partners)

    def _partner_refs(self, path: Path_, refs: list[str], partners: dict[str, Path_]) -> None:
        for i, ref in enumerate(refs):
            if ref not in partners:
                self.add("error", (*path, "partners", i), f"there is no partner with id "
                         f"'{ref}'{suggest(ref, partners)}")

    # -- per section ------------------------------------------------------------------------
    def _sections(self) -> None:
        for si, s in enumerate(self.content.sections):
            base: Path_ = ("sections", si)
            if isinstance(s, PartnersSection):
                cats = [c.id for c in s.categories]
                for pi, p in enumerate(s.partners):
                    if p.category not in cats:
                        self.add("error", (*base, "partners", pi, "category"),
                                 f"there is no category '{p.category}' in this section"
                                 f"{suggest(p.category, cats)} (categories: {', '.join(cats)})")
            elif isinstance(s, ParkSection):
                w, h = s.plan.width, s.plan.height
                for hi, spot in enumerate(s.hotspots):
                    shape = "rect" if spot.rect is not None else "polygon"
                    outside = [(x, y) for x, y in spot.points()
                               if not (0 <= x <= w and 0 <= y <= h)]
                    if outside:
                        x, y = outside[0]
                        self.add("error", (*base, "hotspots", hi, shape),
                                 f"hotspot '{spot.id}' reaches ({x:g}, {y:g}), outside the "
                                 f"plan (0–{w:g} × 0–{h:g})")
            elif isinstance(s, HistorySection):
                previous = None
                for ei, era in enumerate(s.eras):
                    for vi, event in enumerate(era.events):
                        key = event.sort_key
                        if previous is not None and key < previous:
                            self.add("warning", (*base, "eras", ei, "events", vi, "date"),
                                     "this event is dated before the one above it; the "
                                     "timeline shows events in the order written")
                        previous = key

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


def walk(obj: Any, path: Path_, meta: tuple[Any, ...] = ()) -> Iterator[tuple[Path_, Any, tuple]]:
    """Every value of a content model with its data path and its field's metadata."""
    yield path, obj, meta
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if value is not None:
                yield from walk(value, (*path, name), _field_meta(type(obj), name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from walk(item, (*path, i))


@cache
def _field_meta(cls: type[BaseModel], name: str) -> tuple[Any, ...]:
    field = cls.model_fields[name]
    found = list(field.metadata)
    for arg in typing.get_args(field.annotation):
        if typing.get_origin(arg) is typing.Annotated:
            found.extend(arg.__metadata__)
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


def uncovered(text: str) -> set[str]:
    """The characters of ``text`` the bundled fonts cannot draw (none when unknown)."""
    cov = _coverage()
    return set() if cov is None else set(text) - cov
