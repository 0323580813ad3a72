"""A bundle's library graph, read with binutils' ``readelf`` (a build requirement already:
PyInstaller itself needs binutils on Linux).

Used by build/kiosk.spec (drop libraries nothing in the bundle loads any more once unused Qt
plugins are pruned; find the files that carry DWARF debug sections) and by build/build.py
(every library the self-contained bundle needs but does not ship is reported with the .tar.gz;
the .deb's Depends come from ``dpkg-shlibdeps``, see build/packaging/debdeps.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(.+)\]")
_SONAME = re.compile(r"\(SONAME\)\s+Library soname: \[(.+)\]")
_SECTION = re.compile(r"^\s+\[\s*\d+\]\s+(\S+)")
#: readelf accepts many files per call; one call per file would cost ~400 processes.
_BATCH = 200


class ElfInfo:
    """One file's DT_NEEDED sonames, DT_SONAME and section names."""

    def __init__(self) -> None:
        self.needed: list[str] = []
        self.sections: list[str] = []
        self.soname: str | None = None

    @property
    def has_debug_info(self) -> bool:
        return any(name.startswith(".debug_") for name in self.sections)


def is_elf(path: str | os.PathLike[str]) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def _readelf() -> str:
    tool = shutil.which("readelf")
    if tool is None:
        raise RuntimeError("readelf not found: install binutils (apt-get install binutils)")
    return tool


def scan(paths: Iterable[str | os.PathLike[str]]) -> dict[str, ElfInfo]:
    """``readelf -d -S`` of every ELF file among ``paths``: {path: its DT_NEEDED sonames and
    section names}. Files that are not ELF are left out."""
    elfs = [os.fspath(p) for p in paths if is_elf(p)]
    result: dict[str, ElfInfo] = {}
    tool = _readelf()
    for start in range(0, len(elfs), _BATCH):
        batch = elfs[start:start + _BATCH]
        out = subprocess.run([tool, "-d", "-S", "-W", *batch], capture_output=True, text=True,
                             check=False).stdout
        # With several files, readelf heads each one's output with "File: <path>".
        current = ElfInfo()
        if len(batch) == 1:
            result[batch[0]] = current
        for line in out.splitlines():
            if line.startswith("File: ") and len(batch) > 1:
                current = result.setdefault(line[len("File: "):], ElfInfo())
                continue
            if m := _NEEDED.search(line):
                current.needed.append(m.group(1))
            elif m := _SONAME.search(line):
                current.soname = m.group(1)
            elif m := _SECTION.match(line):
                current.sections.append(m.group(1))
    return result


def needed(path: str | os.PathLike[str]) -> list[str] | None:
    """The sonames ``path`` asks the dynamic loader for, or None when it is not an ELF file."""
    info = scan([path]).get(os.fspath(path))
    return None if info is None else info.needed


def has_debug_info(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an ELF file carrying DWARF debug sections (``.debug_*``)."""
    info = scan([path]).get(os.fspath(path))
    return info is not None and info.has_debug_info


def reachable(roots: Iterable[str], files: dict[str, str]) -> set[str]:
    """Basenames reachable from ``roots`` through DT_NEEDED, within ``files`` (basename → path)."""
    infos = scan(files.values())
    seen: set[str] = set()
    todo = [r for r in roots if r in files]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        info = infos.get(files[name])
        for dep in info.needed if info else []:
            if dep in files and dep not in seen:
                todo.append(dep)
    return seen


def unresolved(bundle: str | os.PathLike[str]) -> dict[str, set[str]]:
    """soname → the bundle files that need it, for every soname the bundle does not ship."""
    bundle = Path(bundle)
    every = sorted(bundle.rglob("*"))
    shipped = {p.name for p in every}
    files = [p for p in every if p.is_file() and not p.is_symlink()]
    missing: dict[str, set[str]] = {}
    for path, info in scan(files).items():
        for dep in info.needed:
            if dep not in shipped:
                missing.setdefault(dep, set()).add(str(Path(path).relative_to(bundle)))
    return missing
