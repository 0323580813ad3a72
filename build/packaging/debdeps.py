"""The .deb's Depends, the Debian way: ``dpkg-shlibdeps`` (package ``dpkg-dev``) over every
ELF file in the package tree, in a throw-away source layout (``debian/control`` and
``debian/<package>/`` → the staged tree), so that the versions come from the Debian
libraries' own symbols/shlibs files (e.g. ``libc6 (>= 2.35)``, ``libxcb1 (>= 1.8)``)
instead of a hand-kept table. Libraries shipped in the package itself are private and
ignored, exactly as for a packaged program.

Also: :func:`system_packages` names the Debian package of a soname this machine resolves
(``ldconfig -p`` → ``dpkg -S``), for what the self-contained .tar.gz needs from the system.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from elfdeps import is_elf  # build/packaging is on sys.path (build.py puts it there)


class DependsError(RuntimeError):
    pass


def shlibdeps(stage: Path, package: str) -> list[str]:
    """``shlibs:Depends`` of the ELF files under ``stage`` (the .deb's root), as a list."""
    if shutil.which("dpkg-shlibdeps") is None:
        raise DependsError("dpkg-shlibdeps not found: apt-get install dpkg-dev")
    elfs = sorted(p for p in stage.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))
    # Private libraries sit next to their users (PyInstaller's _internal/, Qt/lib, *.libs):
    # -l lets dpkg-shlibdeps find them; being inside the package tree, they add no Depends.
    lib_dirs = sorted({p.parent for p in elfs if ".so" in p.name})
    with tempfile.TemporaryDirectory(prefix="shlibdeps-") as tmp:
        debian = Path(tmp, "debian")
        debian.mkdir()
        (debian / "control").write_text(
            f"Source: {package}\n\nPackage: {package}\nArchitecture: any\n", encoding="utf-8")
        (debian / package).symlink_to(stage.resolve(), target_is_directory=True)
        tree = f"debian/{package}"
        rel = [f"{tree}/{p.resolve().relative_to(stage.resolve())}" for p in elfs]
        # -l takes the installed path: dpkg-shlibdeps looks for it under each package tree.
        cmd = ["dpkg-shlibdeps", "-O", f"-T{os.devnull}",
               *(f"-l/{d.resolve().relative_to(stage.resolve())}" for d in lib_dirs),
               *(f"-e{r}" for r in rel)]
        res = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
    if res.returncode != 0:
        errors = [line for line in res.stderr.splitlines() if "error" in line]
        raise DependsError("dpkg-shlibdeps failed:\n  " + "\n  ".join(errors or res.stderr.splitlines()[-5:]))
    m = re.search(r"^shlibs:Depends=(.*)$", res.stdout, re.M)
    return [d.strip() for d in m.group(1).split(",")] if m else []


def merge(depends: Iterable[str], extra: Iterable[str]) -> list[str]:
    """``depends`` plus the packages of ``extra`` it does not name yet, sorted by name."""
    out = {re.split(r"[\s(]", d, maxsplit=1)[0]: d for d in depends}
    for pkg in extra:
        out.setdefault(pkg, pkg)
    return [out[name] for name in sorted(out)]


def system_packages(sonames: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """({soname: Debian package} for the sonames this machine has, [sonames it lacks or no
    package owns])."""
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    multiarch = getattr(sys.implementation, "_multiarch", "") or ""
    paths: dict[str, str] = {}
    for line in cache.splitlines():
        m = re.match(r"^\s*(\S+) \(([^)]*)\) => (.+)$", line)
        if m and f"/{multiarch}/" in m.group(3):  # this architecture's, not a multilib one
            paths.setdefault(m.group(1), m.group(3))
    found: dict[str, str] = {}
    missing: list[str] = []
    for so in sorted(set(sonames)):
        path = paths.get(so)
        owner = _owner(path) if path else None
        if owner:
            found[so] = owner
        else:
            missing.append(so)
    return found, missing


def _owner(path: str) -> str | None:
    for candidate in (path, os.path.realpath(path)):
        res = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if res.returncode == 0:
            return res.stdout.split(":", 1)[0].split(",")[0].strip()
        # /lib is a symlink to /usr/lib on merged-/usr systems: dpkg knows one spelling.
        alt = candidate.replace("/usr/lib/", "/lib/", 1) if candidate.startswith("/usr/lib/") \
            else candidate.replace("/lib/", "/usr/lib/", 1)
        res = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True)
        if res.returncode == 0:
            return res.stdout.split(":", 1)[0].split(",")[0].strip()
    return None
