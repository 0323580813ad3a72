"""Media files named in content.yaml: the rules both ``kiosk validate`` and the running
kiosk apply before anything is drawn. No Qt here.

:func:`check` gives staff every problem with a media path (as findings); :func:`loadable`
is what the UI's loaders call right before decoding a picture or parsing the plan, so a
file that would not pass validation — swapped, truncated or replaced after the content
was checked — is never handed to Qt. The rules:

* the path is relative, has no ``..``, is no URL, and — with symbolic links resolved —
  stays inside the content folder;
* it is a regular file (never a FIFO, a device or a folder), opened without blocking;
* its bytes are a real picture / SVG / video (:mod:`~kiosk.content.raster`,
  :mod:`~kiosk.content.svgcheck`).
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from kiosk.content import raster
from kiosk.content.files import FileProblem, read_ends, read_regular, shown
from kiosk.content.findings import Severity
from kiosk.content.icons import icon_problem
from kiosk.content.raster import MAX_SIDE, NotShowable
from kiosk.content.svgcheck import SvgRefused, check_svg

__all__ = ["MAX_SIDE", "check", "icon_problem", "loadable", "problems_in_file", "resolve"]

IMAGE_FORMATS = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp"}
VIDEO_FORMATS = {".mp4", ".webm", ".mkv", ".mov", ".m4v"}
MAX_IMAGE_BYTES = 30 * 1024 * 1024
MAX_SVG_BYTES = 5 * 1024 * 1024
MAX_NAME_BYTES = 255
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(//)?|^www\.|^data:", re.I)

Problem = tuple[Severity, str]


def _path_problem(value: str, kind: str) -> str | None:
    """What is wrong with the text of a media path (before the file system is asked)."""
    if not value.strip():
        return "the file name is empty"
    if _URL.search(value) and not PureWindowsPath(value).drive:
        return ("this must be a file in the content folder, not a web address (the kiosk "
                "works offline): save the file next to content.yaml")
    posix = value.replace("\\", "/")
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(value).is_absolute() \
            or PureWindowsPath(value).drive:
        return ("use a path relative to content.yaml's folder (like images/haier.png), "
                "not an absolute path")
    if ".." in PurePosixPath(posix).parts:
        return "'..' leaves the content folder; keep media files inside the folder of content.yaml"
    long = [p for p in PurePosixPath(posix).parts if len(p.encode("utf-8")) > MAX_NAME_BYTES]
    if long:
        return (f"the name '{long[0][:40]}…' is {len(long[0].encode('utf-8'))} bytes long; file "
                f"systems allow at most {MAX_NAME_BYTES}: rename the file to something shorter")
    return None


def resolve(value: str, base_dir: Path) -> Path:
    """The real file ``value`` names inside ``base_dir``, with symbolic links resolved;
    :class:`FileProblem` when it leads outside the folder."""
    path = base_dir / value.replace("\\", "/")
    try:
        real = Path(os.path.realpath(path))
        root = Path(os.path.realpath(base_dir))
    except (OSError, RuntimeError, ValueError) as exc:
        raise FileProblem(f"the path cannot be followed: {exc}") from None
    if real != root and root not in real.parents:
        raise FileProblem(f"'{value}' is a link to '{shown(real)}', outside the content "
                          "folder; copy the file into the folder instead of linking to it")
    return real


def check(value: str, kind: str, required: bool, base_dir: Path | None) -> list[Problem]:
    """Problems with the media path ``value`` (relative to ``base_dir``)."""
    missing: Severity = "error" if required else "warning"
    bad = _path_problem(value, kind)
    if bad:
        return [("error", bad)]
    suffix = PurePosixPath(value.replace("\\", "/")).suffix.lower()
    problems: list[Problem] = []
    allowed = {"image": IMAGE_FORMATS, "svg": {".svg"}, "video": VIDEO_FORMATS}[kind]
    if suffix not in allowed:
        problems.append((missing if kind == "svg" else "warning",
                         f"'{suffix or 'no extension'}' is not a supported {kind} format "
                         f"(use {', '.join(sorted(allowed))})"))
    if base_dir is None:
        return problems
    try:
        path = resolve(value, base_dir)
        found = problems_in_file(path, kind)
    except FileProblem as problem:
        return [_file_problem(problem, value, base_dir, required)]
    if found and kind == "svg" and suffix != ".svg":
        return problems
    return problems + [(missing if severity == "error" else severity, message)
                       for severity, message in found]


def _file_problem(problem: FileProblem, value: str, base_dir: Path, required: bool) -> Problem:
    missing: Severity = "error" if required else "warning"
    if problem.missing:
        hint = _similar(base_dir / value.replace("\\", "/"))
        shown_as = "the plan cannot be shown" if required else "the kiosk shows a placeholder"
        return missing, f"file not found: '{value}'{hint}; {shown_as}"
    if str(problem).startswith("this is a folder"):
        return "error", f"'{value}' is a folder, not a file"
    if "outside the content folder" in str(problem) or str(problem).startswith("this is a"):
        return "error", f"'{value}': {problem}"
    return missing, f"cannot read '{value}': {problem}"


def _similar(path: Path) -> str:
    try:
        names = [p.name for p in path.parent.iterdir()]
    except OSError:
        return " (its folder does not exist or cannot be read)"
    match = difflib.get_close_matches(path.name, names, n=1, cutoff=0.5)
    return f" — did you mean '{shown(match[0])}'?" if match else ""


def problems_in_file(path: Path, kind: str) -> list[Problem]:
    """Problems with the bytes of the media file ``path`` ("error" means it cannot be
    shown). :class:`FileProblem` when it cannot be read at all."""
    try:
        if kind == "svg":
            raw = read_regular(path, MAX_SVG_BYTES)
            if len(raw) > MAX_SVG_BYTES:
                return [("error", f"the SVG is larger than {MAX_SVG_BYTES // 2**20} MB — "
                                  "simplify the drawing")]
            check_svg(raw)
            return []
        head, tail, size = read_ends(path, raster.HEAD, raster.TAIL)
        if kind == "video":
            raster.video_container(head, size, _boxes(path, size) if head[4:8] else [])
            return []
        if size > MAX_IMAGE_BYTES:
            return [("error", f"the image is {size / 1e6:.0f} MB; at most "
                              f"{MAX_IMAGE_BYTES // 2**20} MB — save it smaller "
                              f"(at most {MAX_SIDE} px on a side)")]
        w, h = raster.image_dims(head, tail, size)
    except (NotShowable, SvgRefused) as exc:
        return [("error", str(exc))]
    if max(w, h) > MAX_SIDE:
        return [("warning", f"the image is {w}×{h} px, larger than 4K; it is scaled down on "
                 f"screen but costs memory — save it at most {MAX_SIDE} px on a side")]
    return []


def _boxes(path: Path, size: int) -> list[tuple[bytes, int]]:
    from kiosk.content.files import open_regular

    fd = open_regular(path)
    try:
        return raster.mp4_boxes(lambda offset, count: os.pread(fd, count, offset), size)
    except OSError:
        return []
    finally:
        os.close(fd)


def loadable(path: Path, kind: str, base_dir: Path | None = None) -> bool:
    """Whether the UI may hand ``path`` to Qt: the same rules as ``kiosk validate`` (inside
    ``base_dir`` when given, a regular file, bytes that are a real picture / safe SVG /
    video). Never raises; call it off the UI thread for pictures."""
    try:
        if base_dir is not None:
            resolve(os.path.relpath(path, base_dir), base_dir)
        return not any(severity == "error" for severity, _ in problems_in_file(path, kind))
    except (FileProblem, OSError, ValueError):
        return False
