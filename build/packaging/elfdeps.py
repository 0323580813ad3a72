"""Read the DT_NEEDED entries of ELF files (no binutils needed) and walk a bundle's library graph.

Used by build/kiosk.spec (drop libraries nothing in the bundle loads any more once unused Qt
plugins are pruned) and by build/build.py (every library the bundle needs but does not ship
must come from a package in the .deb's Depends).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterable
from pathlib import Path

_SHT_DYNAMIC = 6
_DT_NEEDED = 1


def needed(path: str | os.PathLike[str]) -> list[str] | None:
    """The sonames ``path`` asks the dynamic loader for, or None when it is not an ELF file."""
    info = _read(path)
    return None if info is None else info[0]


def has_debug_info(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an ELF file carrying DWARF debug sections (``.debug_*``)."""
    info = _read(path)
    return info is not None and any(n.startswith(".debug_") for n in info[1])


def _read(path: str | os.PathLike[str]) -> tuple[list[str], list[str]] | None:
    """(DT_NEEDED sonames, section names), or None when ``path`` is not an ELF file."""
    with open(path, "rb") as f:
        ident = f.read(16)
        if len(ident) < 16 or ident[:4] != b"\x7fELF":
            return None
        is64 = ident[4] == 2
        end = "<" if ident[5] == 1 else ">"
        if is64:
            f.seek(0x28)
            (shoff,) = struct.unpack(end + "Q", f.read(8))
            f.seek(0x3A)
        else:
            f.seek(0x20)
            (shoff,) = struct.unpack(end + "I", f.read(4))
            f.seek(0x2E)
        shentsize, shnum, shstrndx = struct.unpack(end + "HHH", f.read(6))
        if shoff == 0 or shnum == 0:
            return [], []
        sec_fmt = end + ("IIQQQQIIQQ" if is64 else "IIIIIIIIII")
        sections = []
        for i in range(shnum):
            f.seek(shoff + i * shentsize)
            s = struct.unpack(sec_fmt, f.read(struct.calcsize(sec_fmt)))
            # name, type, flags, addr, offset, size, link, info, addralign, entsize
            sections.append(s)
        result: list[str] = []
        for s in sections:
            if s[1] != _SHT_DYNAMIC:
                continue
            strtab = sections[s[6]]
            f.seek(strtab[4])
            strings = f.read(strtab[5])
            f.seek(s[4])
            raw = f.read(s[5])
            ent_fmt = end + ("qQ" if is64 else "iI")
            step = struct.calcsize(ent_fmt)
            for off in range(0, len(raw) - step + 1, step):
                tag, val = struct.unpack_from(ent_fmt, raw, off)
                if tag == 0:
                    break
                if tag == _DT_NEEDED:
                    result.append(strings[val:strings.index(b"\0", val)].decode())
        names: list[str] = []
        if shstrndx < len(sections):
            f.seek(sections[shstrndx][4])
            shstr = f.read(sections[shstrndx][5])
            for s in sections:
                end_ = shstr.find(b"\0", s[0])
                names.append(shstr[s[0]:end_ if end_ >= 0 else None].decode(errors="replace"))
        return result, names


def reachable(roots: Iterable[str], files: dict[str, str]) -> set[str]:
    """Basenames reachable from ``roots`` through DT_NEEDED, within ``files`` (basename → path)."""
    seen: set[str] = set()
    todo = [r for r in roots if r in files]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for dep in needed(files[name]) or []:
            if dep in files and dep not in seen:
                todo.append(dep)
    return seen


def unresolved(bundle: str | os.PathLike[str]) -> dict[str, set[str]]:
    """soname → the bundle files that need it, for every soname the bundle does not ship."""
    bundle = Path(bundle)
    shipped = {p.name for p in bundle.rglob("*")}
    missing: dict[str, set[str]] = {}
    for p in sorted(bundle.rglob("*")):
        if p.is_symlink() or not p.is_file():
            continue
        for dep in needed(p) or []:
            if dep not in shipped:
                missing.setdefault(dep, set()).add(str(p.relative_to(bundle)))
    return missing
