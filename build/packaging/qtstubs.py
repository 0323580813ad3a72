"""Stand-ins for Qt libraries that a kept plugin links but the kiosk never runs.

Qt's FFmpeg media plugin (6.11, 6.12) lists libQt6Quick and libQt6Qml as DT_NEEDED, which
drags ~16 MB of QML engine and Quick scene graph (libQt6Quick, libQt6Qml, libQt6QmlModels,
libQt6QmlMeta, libQt6QmlWorkerScript) into a Widgets application. Measured with ``readelf
--dyn-syms``: the plugin uses exactly two Quick symbols, both for *window capture of a
QQuickWindow* (``qobject_cast<QQuickWindow *>(window)`` then ``grabWindow()``), and nothing of
libQt6Qml. The kiosk plays files and captures no window, and it has no QQuickWindow at all.

So each such library is replaced by a tiny shared object with the same soname that defines
just the symbols the consumers import, under the same symbol versions, assembled with
binutils (``as`` + ``ld``):

* functions become a trap (``ud2``): never reached, because
* the only data a consumer may import is a class's ``staticMetaObject``, defined as zeros: a
  QMetaObject no real object's meta-object chain contains, so every ``qobject_cast`` to that
  class returns nullptr — true in this process, where that class is never instantiated.

Anything else (another data symbol, a consumer we did not expect) raises :class:`StubError`
and the spec ships the real libraries instead: bigger, never wrong. The bundle smoke test
decodes a video through the bundle (build/packaging/rthook_selfcheck.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

#: readelf --dyn-syms -W: "  Num: Value Size Type Bind Vis Ndx Name[@version]"
_SYM = re.compile(r"^\s*\d+:\s+[0-9a-f]+\s+(\d+|0x[0-9a-f]+)\s+(\w+)\s+(\w+)\s+\w+\s+(\w+)\s+(\S+)")
_SAFE_OBJECT = re.compile(r"_ZN\w+16staticMetaObjectE$")


class StubError(RuntimeError):
    """The library cannot be replaced safely: ship the real one."""


def _dyn_syms(path: str) -> list[tuple[str, str | None, int, str, bool]]:
    """(name, version, size, type, defined) for each dynamic symbol of ``path``."""
    out = subprocess.run(["readelf", "--dyn-syms", "-W", path], capture_output=True, text=True,
                         check=True).stdout
    syms = []
    for line in out.splitlines():
        m = _SYM.match(line)
        if not m:
            continue
        size, kind, bind, ndx, full = m.groups()
        if bind not in ("GLOBAL", "WEAK"):
            continue
        name, _, version = full.partition("@")
        version = version.lstrip("@").split(" ")[0] or None
        syms.append((name, version, int(size, 0), kind, ndx != "UND"))
    return syms


def imported_from(real_lib: str, consumers: list[str]) -> dict[str, tuple[str | None, int, str]]:
    """The symbols ``consumers`` import that ``real_lib`` defines: {name: (version, size, type)}."""
    defined = {n: (v, size, kind) for n, v, size, kind, d in _dyn_syms(real_lib) if d}
    wanted: dict[str, tuple[str | None, int, str]] = {}
    for consumer in consumers:
        for name, version, _size, _kind, is_defined in _dyn_syms(consumer):
            if not is_defined and name in defined:
                _v, size, kind = defined[name]
                wanted[name] = (version, size, kind)
    return wanted


def assembly(symbols: dict[str, tuple[str | None, int, str]]) -> str:
    lines = ['\t.section .note.GNU-stack,"",@progbits']
    for name, (_version, size, kind) in sorted(symbols.items()):
        if kind == "FUNC":
            lines += ["\t.text", f"\t.globl {name}", f"\t.type {name},@function", f"{name}:",
                      "\tud2", f"\t.size {name},.-{name}"]
        elif kind == "OBJECT" and _SAFE_OBJECT.match(name):
            lines += ["\t.data", "\t.balign 16", f"\t.globl {name}", f"\t.type {name},@object",
                      f"\t.size {name},{size}", f"{name}:", f"\t.zero {max(size, 1)}"]
        else:
            raise StubError(f"{name} ({kind}) is imported by a kept file; only functions and "
                            "staticMetaObject data can be stubbed")
    return "\n".join(lines) + "\n"


def version_script(symbols: dict[str, tuple[str | None, int, str]]) -> str:
    by_version: dict[str, list[str]] = {}
    for name, (version, _size, _kind) in symbols.items():
        by_version.setdefault(version or "", []).append(name)
    unversioned = by_version.pop("", [])
    if unversioned:
        raise StubError(f"unversioned imports {unversioned[:3]}: not stubbing")
    return "".join(f"{v} {{ global: {'; '.join(sorted(names))}; local: *; }};\n"
                   for v, names in sorted(by_version.items()))


def make_stub(real_lib: str, consumers: list[str], out: Path) -> dict[str, tuple[str | None, int, str]]:
    """Write a stand-in for ``real_lib`` (same soname) to ``out``; returns what it defines."""
    for tool in ("readelf", "as", "ld"):
        if shutil.which(tool) is None:
            raise StubError(f"{tool} not found (binutils)")
    symbols = imported_from(real_lib, consumers)
    soname = Path(real_lib).name
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src, obj, vmap = Path(tmp, "stub.s"), Path(tmp, "stub.o"), Path(tmp, "stub.map")
        src.write_text(assembly(symbols))
        subprocess.run(["as", "-o", str(obj), str(src)], check=True)
        cmd = ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out), str(obj)]
        if symbols:
            vmap.write_text(version_script(symbols))
            cmd[1:1] = ["--version-script", str(vmap)]
        subprocess.run(cmd, check=True)
    return symbols
