"""SVG files Qt may draw: self-contained, small and bounded. No Qt here.

The park plan is drawn by QSvgRenderer, which follows ``href``\\ s, loads images from
absolute paths and ``file:`` URLs, and expands every ``<use>`` again each time it paints.
So an SVG passes only when it:

* has no DOCTYPE or entities (XML bombs) and no ``<?xml-stylesheet?>``;
* refers to nothing outside itself: every ``href`` / ``xlink:href`` is ``#id`` (or an
  embedded ``data:image/…``), no ``url(…)`` or ``@import`` points elsewhere;
* has no ``<script>`` or ``<foreignObject>``;
* has at most :data:`MAX_ELEMENTS` elements, and at most :data:`MAX_EXPANDED` once every
  ``<use>`` is expanded (a 10-level × 10 fan-out is 10^10), with no ``<use>`` cycle;
* draws at most :data:`MAX_EFFECTS` shapes through a filter or a mask (each is rendered
  into a buffer of its own: 200 blurred rectangles take a minute).

Parsing is incremental and stops at the element cap, so a 5 MB file of tiny elements
costs a bounded amount of time and memory.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import cast

MAX_ELEMENTS = 20_000
MAX_EXPANDED = 50_000
MAX_EFFECTS = 8
_XLINK = "{http://www.w3.org/1999/xlink}href"
_URL_REF = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.I)
_IMPORT = re.compile(r"@import", re.I)
_FORBIDDEN = {"script": "a <script>", "foreignObject": "a <foreignObject> (HTML inside SVG)",
              "iframe": "an <iframe>", "audio": "an <audio>", "video": "a <video>"}


class SvgRefused(Exception):
    """Why an SVG may not be drawn (the message is for staff)."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _external(ref: str) -> bool:
    ref = ref.strip()
    return not (ref.startswith("#") or ref.lower().startswith("data:image/"))


def _check_refs(el: ET.Element) -> None:
    for name, value in el.attrib.items():
        if name in ("href", _XLINK) and _external(value):
            raise SvgRefused(f"the SVG refers to '{value[:80]}' outside itself "
                             f"(<{_local(el.tag)} {_local(name)}=…>); the kiosk only draws "
                             "self-contained SVG: embed or remove it and export again")
        if "url(" in value or "@import" in value:
            _check_css(value)
    if _local(el.tag) == "style" and el.text:
        _check_css(el.text)


def _check_css(css: str) -> None:
    if _IMPORT.search(css):
        raise SvgRefused("the SVG's style imports another file (@import); the kiosk only "
                         "draws self-contained SVG")
    for ref in _URL_REF.findall(css):
        if ref and _external(ref):
            raise SvgRefused(f"the SVG's style refers to '{ref[:80]}' outside itself; the "
                             "kiosk only draws self-contained SVG")


def _elements(raw: bytes) -> Iterator[ET.Element]:
    """Every element of ``raw`` as it closes, parsed in chunks; stops at the cap."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    started = 0
    starts = range(0, len(raw), 65536)
    for i in [*starts, -1]:
        if i >= 0:
            parser.feed(raw[i : i + 65536])
        else:
            parser.close()
        for item in parser.read_events():
            event, el = cast("tuple[str, ET.Element]", item)
            if event == "start":
                started += 1
                if started > MAX_ELEMENTS:
                    raise SvgRefused(f"the SVG has more than {MAX_ELEMENTS:,} elements; "
                                     "simplify the drawing (merge paths) and export again")
            elif event == "end" and isinstance(el, ET.Element):
                yield el


def check_svg(raw: bytes) -> None:
    """Raise :class:`SvgRefused` when ``raw`` may not be drawn by the kiosk."""
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise SvgRefused("the SVG has a DOCTYPE or entities, which are not allowed "
                         "(they can hide an XML bomb); export it again as plain SVG")
    if b"<?xml-stylesheet" in raw:
        raise SvgRefused("the SVG loads an external style sheet (<?xml-stylesheet?>); the "
                         "kiosk only draws self-contained SVG")
    root: ET.Element | None = None
    try:
        for el in _elements(raw):
            name = _local(el.tag)
            if name in _FORBIDDEN:
                raise SvgRefused(f"the SVG contains {_FORBIDDEN[name]}, which the kiosk "
                                 "never runs or draws: remove it and export again")
            _check_refs(el)
            root = el
    except ET.ParseError as exc:
        raise SvgRefused(f"the SVG cannot be read: {exc}") from None
    if root is None or _local(root.tag) != "svg":
        raise SvgRefused("this file is not an SVG drawing")
    _check_uses(root)


def _use_target(el: ET.Element, ids: dict[str, ET.Element]) -> ET.Element | None:
    if _local(el.tag) != "use":
        return None
    ref = (el.get("href") or el.get(_XLINK) or "").strip()
    return ids.get(ref[1:]) if ref.startswith("#") else None


def _effect(el: ET.Element, patterns: frozenset[str]) -> int:
    """1 when ``el`` is drawn through a filter, a mask or a pattern (offscreen work per
    draw that grows with the area covered)."""
    style = (el.get("style") or "").replace(" ", "")
    for name in ("filter", "mask"):
        value = (el.get(name) or "").strip()
        if (value and value != "none") or f"{name}:url(" in style:
            return 1
    if patterns:
        paints = " ".join([el.get("fill") or "", el.get("stroke") or "", style])
        if any(ref.lstrip("#") in patterns for ref in _URL_REF.findall(paints)):
            return 1
    return 0


def _check_uses(root: ET.Element) -> None:
    """Refuse ``<use>`` cycles, expansions beyond :data:`MAX_EXPANDED` elements and more
    than :data:`MAX_EFFECTS` filtered or masked draws (a blur costs ≈ 0.2 s each).

    The cost of an element is 1 + its children's + (for ``<use>``) its target's, computed
    once per element by an explicit depth-first walk (no recursion, whatever the depth)."""
    ids = {str(el.get("id")): el for el in root.iter() if el.get("id")}
    patterns = frozenset(i for i, el in ids.items() if _local(el.tag) == "pattern")
    cost: dict[int, tuple[int, int]] = {}
    started: set[int] = set()
    stack: list[tuple[ET.Element, bool]] = [(root, False)]
    while stack:
        el, done = stack.pop()
        target = _use_target(el, ids)
        if done:
            parts = [cost[id(c)] for c in el] + ([cost[id(target)]] if target else [])
            total = (1 + sum(p[0] for p in parts),
                     _effect(el, patterns) + sum(p[1] for p in parts))
            _within(total)
            cost[id(el)] = total
            continue
        if id(el) in cost:
            continue
        if id(el) in started:  # started and not finished: an ancestor of itself
            raise SvgRefused(f"the SVG's <use> elements refer back to themselves (#"
                             f"{el.get('id') or _local(el.tag)}); the drawing would never "
                             "finish: export it again")
        started.add(id(el))
        stack.append((el, True))
        stack.extend((d, False) for d in [*el, *([target] if target is not None else [])]
                     if id(d) not in cost)


def _within(total: tuple[int, int]) -> None:
    if total[0] > MAX_EXPANDED:
        raise SvgRefused(f"the SVG's <use> elements expand to more than {MAX_EXPANDED:,} "
                         "elements, which would stall the screen: simplify the drawing and "
                         "export again")
    if total[1] > MAX_EFFECTS:
        raise SvgRefused(f"the SVG draws more than {MAX_EFFECTS} shapes through filters, "
                         "masks or patterns (blur, shadow, hatching, …), which would stall the screen: remove the "
                         "effects or flatten them into the drawing")
