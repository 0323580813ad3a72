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

Two Debian libraries get the same treatment (:data:`POLICIES`), each linked by a kept library
for a feature the kiosk never reaches:

* ``libsndfile.so.1`` (with FLAC, Vorbis, Opus, mpg123 and LAME behind it, 2.8 MiB), linked by
  PulseAudio's ``libpulsecommon`` for the sound-*file* helpers of ``paplay``/``pacat``. Every
  function it imports takes an ``SNDFILE *`` handle, and only ``sf_open*`` make one, which
  nothing in the bundle imports (checked: the stand-in is refused if a consumer does), so
  the traps cannot be reached. Qt plays audio through PulseAudio streams, not sound files.
* ``libgssapi_krb5.so.2`` (with the Kerberos libraries behind it, 1.4 MiB), linked by
  ``libQt6Network`` for HTTP "Negotiate" (Kerberos) authentication of QNetworkAccessManager
  requests. The kiosk makes no such requests; should a future one meet a Negotiate server,
  every GSS-API function of the stand-in answers ``GSS_S_FAILURE`` (its minor status 0), as a
  machine without Kerberos credentials would, and Qt reports an authentication failure. Its
  one data import, the name-type OID ``GSS_C_NT_HOSTBASED_SERVICE``, is a null pointer, only
  ever passed to those functions.
* ``libsystemd.so.0`` (with libgcrypt, libgpg-error, liblz4 and libcap behind it, 2.4 MiB),
  linked by D-Bus's ``libdbus-1`` for socket activation of a *server* (``sd_listen_fds``,
  ``sd_is_socket``: the kiosk is only ever a D-Bus client) and by PulseAudio's
  ``libpulsecommon`` for logging to the journal (``sd_journal_send``, only with
  ``PULSE_LOG_JOURNAL`` set). The stand-in answers ``-ENOSYS`` to all three, as on a system
  without systemd, which both handle (an error / logging to stderr). Any other import keeps
  the real library.
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

#: Functions that trap (never reached).
TRAP = "\tud2"
#: GSS-API: ``OM_uint32 f(OM_uint32 *minor_status, ...)``: *minor_status = 0 (when given),
#: return GSS_S_FAILURE (13 << 16).
GSS_FAILURE = "\ttest %rdi, %rdi\n\tjz 1f\n\tmovl $0, (%rdi)\n1:\tmov $0xd0000, %eax\n\tret"

#: ``int f(...)`` → -ENOSYS ("not implemented here"), systemd's error convention.
ENOSYS = "\tmov $-38, %eax\n\tret"


class Policy:
    """How one library is stood in for: the body of every function, which data symbols may
    be zero-filled, and imports that make the stand-in unsafe (the real library is kept)."""

    def __init__(self, body: str = TRAP, objects: str = _SAFE_OBJECT.pattern,
                 refuse: str | None = None) -> None:
        self.body = body
        self.objects = re.compile(objects)
        self.refuse = re.compile(refuse) if refuse else None


#: soname → policy (the Qt libraries: traps and zeroed staticMetaObjects).
POLICIES: dict[str, Policy] = {
    "libQt6Quick.so.6": Policy(),
    "libQt6Qml.so.6": Policy(),
    # Without an sf_open* nothing can hold the SNDFILE * every other function needs.
    "libsndfile.so.1": Policy(objects=r"(?!)", refuse=r"^sf_open"),
    "libgssapi_krb5.so.2": Policy(body=GSS_FAILURE, objects=r"^GSS_C_NT_\w+$",
                                  refuse=r"^(?!gss_|GSS_C_NT_)"),
    "libsystemd.so.0": Policy(body=ENOSYS, objects=r"(?!)",
                              refuse=r"^(?!sd_(listen_fds|is_socket|journal_send)$)"),
}


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


def assembly(symbols: dict[str, tuple[str | None, int, str]], policy: Policy | None = None) -> str:
    policy = policy or Policy()
    lines = ['\t.section .note.GNU-stack,"",@progbits']
    for name, (_version, size, kind) in sorted(symbols.items()):
        if policy.refuse and policy.refuse.search(name):
            raise StubError(f"{name} is imported by a kept file: the library may be used")
        if kind == "FUNC":
            lines += ["\t.text", f"\t.globl {name}", f"\t.type {name},@function", f"{name}:",
                      policy.body, f"\t.size {name},.-{name}"]
        elif kind == "OBJECT" and policy.objects.match(name):
            lines += ["\t.data", "\t.balign 16", f"\t.globl {name}", f"\t.type {name},@object",
                      f"\t.size {name},{size}", f"{name}:", f"\t.zero {max(size, 1)}"]
        else:
            raise StubError(f"{name} ({kind}) is imported by a kept file; only functions and "
                            "the data the policy names can be stubbed")
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


def make_stub(real_lib: str, consumers: list[str], out: Path,
              policy: Policy | None = None) -> dict[str, tuple[str | None, int, str]]:
    """Write a stand-in for ``real_lib`` (same soname) to ``out``; returns what it defines."""
    for tool in ("readelf", "as", "ld"):
        if shutil.which(tool) is None:
            raise StubError(f"{tool} not found (binutils)")
    symbols = imported_from(real_lib, consumers)
    soname = Path(real_lib).name
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src, obj, vmap = Path(tmp, "stub.s"), Path(tmp, "stub.o"), Path(tmp, "stub.map")
        src.write_text(assembly(symbols, policy))
        subprocess.run(["as", "-o", str(obj), str(src)], check=True)
        cmd = ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out), str(obj)]
        if symbols:
            vmap.write_text(version_script(symbols))
            cmd[1:1] = ["--version-script", str(vmap)]
        subprocess.run(cmd, check=True)
    return symbols
