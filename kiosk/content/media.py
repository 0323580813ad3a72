"""Checks on media files named in content.yaml, without Qt: where they are, whether they
exist, their format and size (read from the file header), and SVG safety."""

from __future__ import annotations

import difflib
import json
import re
import struct
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path, PurePosixPath, PureWindowsPath

from kiosk.content.findings import Severity

IMAGE_FORMATS = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp"}
VIDEO_FORMATS = {".mp4", ".webm", ".mkv", ".mov"}
MAX_SIDE = 4096
MAX_IMAGE_BYTES = 30 * 1024 * 1024
MAX_SVG_BYTES = 5 * 1024 * 1024
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://|^www\.|^data:", re.I)

Problem = tuple[Severity, str]


def check(value: str, kind: str, required: bool, base_dir: Path | None) -> list[Problem]:
    """Problems with the media path ``value`` (relative to ``base_dir``)."""
    missing: Severity = "error" if required else "warning"
    if not value.strip():
        return [("error", "the file name is empty")]
    if _URL.search(value):
        return [("error", "this must be a file in the content folder, not a web address "
                 "(the kiosk works offline): save the file next to content.yaml")]
    posix = value.replace("\\", "/")
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(value).is_absolute() \
            or PureWindowsPath(value).drive:
        return [("error", "use a path relative to content.yaml's folder (like "
                 "images/haier.png), not an absolute path")]
    if ".." in PurePosixPath(posix).parts:
        return [("error", "'..' leaves the content folder; keep media files inside the "
                 "folder of content.yaml")]
    suffix = PurePosixPath(posix).suffix.lower()
    problems: list[Problem] = []
    allowed = {"image": IMAGE_FORMATS, "svg": {".svg"}, "video": VIDEO_FORMATS}[kind]
    if suffix not in allowed:
        problems.append((missing if kind == "svg" else "warning",
                         f"'{suffix or 'no extension'}' is not a supported {kind} format "
                         f"(use {', '.join(sorted(allowed))})"))
    if base_dir is None:
        return problems
    path = base_dir / posix
    if path.is_dir():
        return [("error", f"'{value}' is a folder, not a file")]
    if not path.is_file():
        hint = _similar(path)
        shown = "the plan cannot be shown" if required else "the kiosk shows a placeholder"
        return [(missing, f"file not found: '{value}'{hint}; {shown}")]
    try:
        size = path.stat().st_size
    except OSError as exc:
        return [(missing, f"cannot read '{value}': {exc.strerror}")]
    if kind == "image" and suffix in IMAGE_FORMATS:
        problems += _image(path, size)
    elif kind == "svg" and suffix == ".svg":
        problems += svg_problems(path, size)
    return problems


def _similar(path: Path) -> str:
    try:
        names = [p.name for p in path.parent.iterdir()]
    except OSError:
        return " (its folder does not exist)"
    match = difflib.get_close_matches(path.name, names, n=1, cutoff=0.5)
    return f" — did you mean '{match[0]}'?" if match else ""


def _image(path: Path, size: int) -> list[Problem]:
    if size > MAX_IMAGE_BYTES:
        return [("warning", f"the image is {size / 1e6:.0f} MB; save it smaller "
                 f"(at most {MAX_SIDE} px on a side) so it loads quickly")]
    try:
        with path.open("rb") as f:
            head = f.read(64 * 1024)
    except OSError as exc:
        return [("warning", f"cannot read the image: {exc.strerror}")]
    dims = image_size(head)
    if dims is None:
        return [("warning", "this file does not look like a complete image (damaged, "
                 "truncated, or a different format than its name says); a placeholder is "
                 "shown instead")]
    w, h = dims
    if max(w, h) > MAX_SIDE:
        return [("warning", f"the image is {w}×{h} px, larger than 4K; it is scaled down on "
                 f"screen but costs memory — save it at most {MAX_SIDE} px on a side")]
    return []


def image_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from the first bytes of a PNG, JPEG, GIF, BMP or WebP file."""
    try:
        if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
            return struct.unpack(">II", head[16:24])
        if head[:6] in (b"GIF87a", b"GIF89a"):
            return struct.unpack("<HH", head[6:10])
        if head.startswith(b"BM"):
            w, h = struct.unpack("<ii", head[18:26])
            return abs(w), abs(h)
        if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
            chunk = head[12:16]
            if chunk == b"VP8X":
                return (int.from_bytes(head[24:27], "little") + 1,
                        int.from_bytes(head[27:30], "little") + 1)
            if chunk == b"VP8L":
                bits = int.from_bytes(head[21:25], "little")
                return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
            if chunk == b"VP8 ":
                w, h = struct.unpack("<HH", head[26:30])
                return w & 0x3FFF, h & 0x3FFF
        if head.startswith(b"\xff\xd8"):
            i = 2
            while i + 9 < len(head):
                if head[i] != 0xFF:
                    return None
                marker = head[i + 1]
                length = struct.unpack(">H", head[i + 2 : i + 4])[0]
                if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                    h, w = struct.unpack(">HH", head[i + 5 : i + 9])
                    return w, h
                i += 2 + length
    except struct.error:
        return None
    return None


def svg_problems(path: Path, size: int) -> list[Problem]:
    """SVG files are drawn by Qt: refuse entities (XML bombs) and <use> cycles."""
    if size > MAX_SVG_BYTES:
        return [("error", f"the SVG is {size / 1e6:.0f} MB; at most "
                 f"{MAX_SVG_BYTES // 2**20} MB — simplify the drawing")]
    raw = path.read_bytes()
    if b"<!ENTITY" in raw or b"<!DOCTYPE" in raw:
        return [("error", "the SVG has a DOCTYPE or entities, which are not allowed "
                 "(they can hide an XML bomb); export it again as plain SVG")]
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        return [("error", f"the SVG cannot be read: {exc}")]
    if not root.tag.endswith("svg"):
        return [("error", "this file is not an SVG drawing")]
    cycle = _use_cycle(root)
    if cycle:
        return [("error", f"the SVG's <use> elements refer back to themselves ({cycle}); "
                 "the drawing would never finish: export it again")]
    return []


_HREFS = ("href", "{http://www.w3.org/1999/xlink}href")


def _use_cycle(root: ET.Element) -> str | None:
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    refs: dict[str, set[str]] = {}
    for ident, el in ids.items():
        targets = set()
        for sub in el.iter():
            if sub.tag.rsplit("}", 1)[-1] == "use":
                href = next((sub.get(a) for a in _HREFS if sub.get(a)), "")
                if href.startswith("#"):
                    targets.add(href[1:])
        refs[ident] = targets
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> str | None:
        if state.get(node) == 1:
            return " → ".join([*trail, node])
        if state.get(node) == 2 or node not in refs:
            return None
        state[node] = 1
        for nxt in refs[node]:
            found = visit(nxt, [*trail, node])
            if found:
                return found
        state[node] = 2
        return None

    for ident in refs:
        found = visit(ident, [])
        if found:
            return "#" + found.replace(" → ", " → #")
    return None


_ICON_FONTS = {
    "mdi6": "materialdesignicons6", "mdi": "materialdesignicons5",
    "fa5s": "fontawesome5-solid", "fa5": "fontawesome5-regular", "fa5b": "fontawesome5-brands",
    "fa6s": "fontawesome6-solid", "fa6": "fontawesome6-regular", "fa6b": "fontawesome6-brands",
    "ph": "phosphor", "ri": "remixicon", "msc": "codicon", "ei": "elusiveicons",
}


@cache
def _charmap(prefix: str) -> frozenset[str] | None:
    import importlib.util

    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return None
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    found = sorted(fonts.glob(f"{_ICON_FONTS[prefix]}*charmap*.json"))
    if not found:
        return None
    return frozenset(json.loads(found[-1].read_text(encoding="utf-8")))


def icon_problem(name: str) -> str | None:
    prefix, _, icon = name.partition(".")
    if prefix not in _ICON_FONTS:
        return (f"unknown icon set '{prefix}' (use one of: {', '.join(_ICON_FONTS)}); "
                "the tile is shown without an icon")
    names = _charmap(prefix)
    if names is None or icon in names:
        return None
    match = difflib.get_close_matches(icon, names, n=1, cutoff=0.6)
    hint = f"; did you mean '{prefix}.{match[0]}'?" if match else ""
    return f"there is no icon '{name}'{hint} — the tile is shown without an icon"
