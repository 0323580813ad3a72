"""References between ids (highlight → section, hotspot/case → partner, partner →
category) and suggestions that don't mislead. No Qt here.

When a reference does not resolve, the suggestion comes in this order:

1. an id that replaced the missing one since the last good copy (it was renamed);
2. an id that nothing refers to and that shares a good part of its spelling — after a
   rename in the definition only, that is almost always the one meant
   ("'kaos' at line 1072 is defined but nothing refers to it — renamed?");
3. a spelling neighbour; if it is already referred to elsewhere, the message says so.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kiosk.content.findings import Severity
from kiosk.content.model import Content, ParkSection, PartnersSection, PlatformSection
from kiosk.content.yamlread import Document, Path_


@dataclass
class Ids:
    """The ids of one kind: where each is defined and where each is referred to."""

    kind: str
    defined: dict[str, Path_] = field(default_factory=dict)
    used: dict[str, list[Path_]] = field(default_factory=dict)
    previous: frozenset[str] | None = None
    """The ids of this kind in the last good content, when known."""

    def define(self, ident: str, path: Path_) -> Path_ | None:
        """Record a definition; return the first one's path when ``ident`` is a duplicate."""
        first = self.defined.get(ident)
        if first is None:
            self.defined[ident] = path
        return first

    def use(self, ident: str, path: Path_) -> None:
        self.used.setdefault(ident, []).append(path)

    def unresolved(self) -> Iterable[tuple[str, Path_]]:
        for ident, paths in self.used.items():
            if ident not in self.defined:
                for path in paths:
                    yield ident, path


def _related(a: str, b: str) -> float:
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    if len(min(a, b, key=len)) >= 3 and (a in b or b in a):
        ratio = max(ratio, 0.7)
    return ratio


def suggestion(missing: str, ids: Ids, doc: Document) -> str:
    """The text after "there is no … with id 'missing'" (starts with '; ' or is empty)."""
    unused = [i for i in ids.defined if i not in ids.used]

    def line(ident: str) -> int:
        return doc.where(ids.defined[ident])[0]

    if ids.previous is not None and missing in ids.previous:
        renamed = [i for i in unused if i not in ids.previous]
        if len(renamed) == 1 or (renamed and len(ids.previous - set(ids.defined)) == 1):
            best = max(renamed, key=lambda i: _related(missing, i))
            return (f"; '{best}' at line {line(best)} is new since the last good version and "
                    "nothing refers to it — renamed? Use the same id in both places")
    scored = sorted(((round(_related(missing, i), 3), i) for i in unused), reverse=True)
    if scored and scored[0][0] >= 0.8:  # a typo of an id nothing else uses
        return f"; did you mean '{scored[0][1]}'?"
    if scored and scored[0][0] >= 0.5:
        best = scored[0][1]
        return (f"; '{best}' at line {line(best)} is defined but nothing refers to it — "
                "renamed? Use the same id in both places")
    match = difflib.get_close_matches(missing, list(ids.defined), n=1, cutoff=0.6)
    if not match:
        return ""
    best = match[0]
    users = ids.used.get(best, [])
    if users:
        return (f"; did you mean '{best}'? (careful: '{best}' is already referred to at line "
                f"{doc.where(users[0])[0]} — check it is the same {ids.kind})")
    return f"; did you mean '{best}'?"


Add = Callable[[Severity, Path_, str], None]


def _ids(content: Content | None) -> tuple[frozenset[str], frozenset[str]] | None:
    if content is None:
        return None
    return (frozenset(s.id for s in content.sections),
            frozenset(content.partners()))


Previous = Content | Callable[[], Content | None] | None
"""The last good content, or a function that reads it: called only when a reference is
broken (reading the kept copy costs time a clean file never needs)."""


def check_references(content: Content, doc: Document, previous: Previous,
                     add: Add) -> None:
    """Every reference that does not resolve, and partner ids defined twice."""
    sections, partners = Ids("section"), Ids("partner")
    for si, s in enumerate(content.sections):
        sections.define(s.id, ("sections", si, "id"))
        if isinstance(s, PartnersSection):
            for pi, p in enumerate(s.partners):
                here = ("sections", si, "partners", pi, "id")
                first = partners.define(p.id, here)
                if first is not None:
                    add("error", here, f"the partner id '{p.id}' is used twice (first at "
                        f"line {doc.where(first)[0]}); ids must be unique")
            _categories(s, ("sections", si), doc, add)
    for hi, h in enumerate(content.attract.highlights):
        if h.section is not None:
            sections.use(h.section, ("attract", "highlights", hi, "section"))
    for si, s in enumerate(content.sections):
        owners: list[tuple[str, list[str]]] = []
        if isinstance(s, ParkSection):
            owners = [(f"hotspots/{i}", h.partners) for i, h in enumerate(s.hotspots)]
        elif isinstance(s, PlatformSection):
            owners = [(f"cases/{i}", c.partners) for i, c in enumerate(s.cases)]
        for owner, refs in owners:
            kind, index = owner.split("/")
            for ri, ref in enumerate(refs):
                partners.use(ref, ("sections", si, kind, int(index), "partners", ri))
    broken = [(ids, ident, path) for ids in (sections, partners)
              for ident, path in ids.unresolved()]
    if broken:
        before = _ids(previous() if callable(previous) else previous)
        if before is not None:
            sections.previous, partners.previous = before
    for ids, ident, path in broken:
        add("error", path, f"there is no {ids.kind} with id '{ident}'"
            f"{suggestion(ident, ids, doc)}")


def _categories(s: PartnersSection, base: Path_, doc: Document, add: Add) -> None:
    cats = Ids("category")
    for ci, c in enumerate(s.categories):
        cats.define(c.id, (*base, "categories", ci, "id"))
    for pi, p in enumerate(s.partners):
        cats.use(p.category, (*base, "partners", pi, "category"))
    for ident, path in cats.unresolved():
        add("error", path, f"there is no category '{ident}' in this section"
            f"{suggestion(ident, cats, doc)} (categories: {', '.join(cats.defined)})")
