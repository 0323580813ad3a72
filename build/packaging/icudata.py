"""Trim ICU's data library (libicudata.so.NN, 31 MB in PySide6's wheel) to what the kiosk can use.

Qt links ICU for exactly four things (the ICU symbols libQt6Core imports): case mapping
(u_strToUpper/Lower — its tables are compiled into libicuuc, no data file), collation
(QCollator: ucol_*), time-zone display names (ucal_*) and legacy text codecs
(QStringConverter: ucnv_*). The kiosk shows Chinese and English only and decodes its files
in Python, so this keeps, from ICU's common data package:

* every non-locale item: normalisation, properties, stringprep, the supplemental and
  time-zone tables (likelySubtags, metaZones, zoneinfo64, ...);
* locale data — main, collation (coll/), zone names (zone/), currencies, languages,
  regions, units — for ``root``, ``en*`` and ``zh*`` only (with each tree's index and pool);

and drops the legacy code-page converters (*.cnv), break-iterator rules and dictionaries
(brkitr/: Qt finds text boundaries with its own tables), transliterators (translit/),
spelled-out number rules (rbnf/) and the other ~700 locales. A QCollator for German, or a
GBK QStringConverter, would then fall back / be unavailable; nothing in the kiosk uses them.

The data symbol is found with binutils' readelf; the trimmed package is wrapped into a new
libicudata.so.NN with objcopy and ld, exporting the same ``icudtNN_dat`` symbol libicuuc
imports.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

KEEP_LOCALE = re.compile(r"^(root|en|zh)(_.*)?$")
LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
TREE_INDEX = {"res_index", "pool"}
DROP_TREES = {"brkitr", "translit", "rbnf"}
LOCALE_TREES = {"coll", "zone", "curr", "lang", "region", "unit"}

_BFD = {62: ("elf64-x86-64", "i386:x86-64"), 183: ("elf64-littleaarch64", "aarch64")}


def keep_item(name: str) -> bool:
    """``name`` is an item of the package, e.g. ``icudt73l/coll/zh.res``."""
    parts = name.split("/")[1:]
    if not parts:
        return False
    if len(parts) == 1:
        base, _, ext = parts[0].rpartition(".")
        if ext == "cnv":
            return False
        if ext == "res" and base not in TREE_INDEX and LOCALE_ID.match(base):
            return bool(KEEP_LOCALE.match(base))
        return True
    tree, leaf = parts[0], parts[-1]
    if tree in DROP_TREES:
        return False
    base, _, ext = leaf.rpartition(".")
    if tree in LOCALE_TREES and ext == "res" and base not in TREE_INDEX and LOCALE_ID.match(base):
        return bool(KEEP_LOCALE.match(base))
    return True


# -- ELF: where the data symbol sits ------------------------------------------------------------


_MACHINES = {"Advanced Micro Devices X86-64": 62, "AArch64": 183}
_SECTION_ROW = re.compile(r"^\s*\[\s*(\d+)\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s")
_SYMBOL_ROW = re.compile(r"^\s*\d+:\s+([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+\w+\s+\w+\s+\w+\s+(\d+)\s+(icudt\d+_dat)\b")


def _find_symbol(path: str | Path) -> tuple[str, int, int, int]:
    """(symbol name, file offset, size, e_machine) of the icudtNN_dat symbol, read with
    binutils' ``readelf`` (header, section table, dynamic symbols)."""
    out = subprocess.run(["readelf", "-h", "-S", "--dyn-syms", "-W", str(path)],
                         capture_output=True, text=True, check=True).stdout
    machine_name = re.search(r"^\s*Machine:\s+(.+?)\s*$", out, re.M)
    if "ELF64" not in out or "little endian" not in out or not machine_name:
        raise ValueError("not a 64-bit little-endian ELF file")
    sections = {int(m.group(1)): (int(m.group(2), 16), int(m.group(3), 16))
                for m in map(_SECTION_ROW.match, out.splitlines()) if m}
    for m in map(_SYMBOL_ROW.match, out.splitlines()):
        if m:
            value, size, ndx, name = int(m.group(1), 16), int(m.group(2), 0), int(m.group(3)), m.group(4)
            address, offset = sections[ndx]
            return name, value - address + offset, size, _MACHINES.get(machine_name.group(1), -1)
    raise ValueError("no icudtNN_dat symbol")


# -- ICU common data ("CmnD") --------------------------------------------------------------------


def parse_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header bytes, [(item name, item bytes)]) of an ICU common data package."""
    (header_size,) = struct.unpack_from("<H", blob, 0)
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    (count,) = struct.unpack_from("<I", blob, header_size)
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        name_start = header_size + name_off
        name = blob[name_start:blob.index(b"\0", name_start)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(blob) - header_size
        items.append((name, blob[header_size + data_off:header_size + end]))
    return blob[:header_size], items


def build_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The inverse of :func:`parse_package` (items sorted by name, data 16-byte aligned)."""
    items = sorted(items)
    toc_size = 4 + 8 * len(items)
    names = b"".join(n.encode("ascii") + b"\0" for n, _ in items)
    name_offsets, pos = [], toc_size
    for n, _ in items:
        name_offsets.append(pos)
        pos += len(n) + 1
    pos = (pos + 15) & ~15
    data_offsets, chunks = [], []
    for _, d in items:
        data_offsets.append(pos)
        padded = d + b"\0" * ((-len(d)) % 16)
        chunks.append(padded)
        pos += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    body = toc + names
    body += b"\0" * (data_offsets[0] - len(body) if data_offsets else 0)
    return header + body + b"".join(chunks)


def trim(src: str | Path, out: str | Path) -> tuple[int, int, int, int]:
    """Write a trimmed copy of the libicudata ``src`` to ``out``.
    Returns (items before, items after, data bytes before, data bytes after)."""
    for tool in ("readelf", "objcopy", "ld"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} (binutils) is needed to trim ICU's data")
    raw = Path(src).read_bytes()
    symbol, offset, size, machine = _find_symbol(src)
    if machine not in _BFD:
        raise RuntimeError(f"unsupported architecture (e_machine {machine})")
    header, items = parse_package(raw[offset:offset + size])
    kept = [(n, d) for n, d in items if keep_item(n)]
    blob = build_package(header, kept)
    # Round trip: the new package must parse back to exactly what was kept (+ zero padding).
    parsed = parse_package(blob)[1]
    if [n for n, _ in parsed] != [n for n, _ in sorted(kept)] or any(
        p[: len(d)] != d or p[len(d):].strip(b"\0") or len(p) - len(d) >= 16
        for (_, p), (_, d) in zip(parsed, sorted(kept), strict=True)
    ):
        raise RuntimeError("the trimmed ICU package does not round-trip")
    soname = re.search(rb"libicudata\.so\.\d+", raw)
    bfd, arch = _BFD[machine]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "icudt.bin").write_bytes(blob)
        obj = Path(tmp) / "icudt.o"
        # objcopy names the symbols after the input path as given: _binary_icudt_bin_start.
        subprocess.run(
            ["objcopy", "-I", "binary", "-O", bfd, "-B", arch,
             "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
             "--set-section-alignment", ".data=16",
             "--redefine-sym", f"_binary_icudt_bin_start={symbol}",
             "--strip-symbol", "_binary_icudt_bin_end",
             "--strip-symbol", "_binary_icudt_bin_size",
             "icudt.bin", "icudt.o"],
            check=True, cwd=tmp,
        )
        cmd = ["ld", "-shared", "-z", "noexecstack", "-o", str(out), str(obj)]
        if soname:
            cmd[2:2] = ["-soname", soname.group().decode()]
        subprocess.run(cmd, check=True)
    new_symbol, new_offset, _size, _m = _find_symbol(out)
    if new_symbol != symbol:
        raise RuntimeError("trimmed libicudata lacks the data symbol")
    check = Path(out).read_bytes()[new_offset:new_offset + len(blob)]
    if check != blob:
        raise RuntimeError("trimmed libicudata does not hold the package at its symbol")
    return len(items), len(kept), size, len(blob)
