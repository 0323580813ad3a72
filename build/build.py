#!/usr/bin/env python3
"""Build the kiosk's standalone bundle and its installers — one command:

    python build/build.py

1. PyInstaller, with build/kiosk.spec: a one-folder bundle in ``build/dist/kiosk/``
   (PyInstaller's scratch folder is ``build/work/``; both are git-ignored).
2. Checks on the bundle: the data files are there, the unused Qt parts are not, every shared
   library it needs but does not ship comes from a package in the .deb's Depends, and
   ``kiosk validate`` runs.
3. ``build/dist/qingdao-iic-kiosk_<version>_<arch>.deb`` with ``dpkg-deb`` (Linux with dpkg).
4. ``build/dist/qingdao-iic-kiosk-<version>-linux-<machine>.tar.gz`` of the bundle
   (on Windows: a .zip instead, and no .deb).

Sizes and timings go to ``build/dist/build-info.json``. Needs the build tools:
``pip install -e '.[build]'`` (PyInstaller), and on Linux binutils (PyInstaller itself needs
objdump; the spec uses readelf, strip, objcopy, as and ld) and, for the .deb, dpkg-deb and
dpkg-shlibdeps (package dpkg-dev), which derives its Depends.
Options: ``--skip-pyinstaller`` (reuse build/dist/kiosk), ``--no-deb``, ``--no-archive``,
``--clean`` (PyInstaller's --clean: rebuild its caches).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "kiosk.spec"
PACKAGING = HERE / "packaging"
WORK = HERE / "work"
DIST = HERE / "dist"
BUNDLE = DIST / "kiosk"
INTERNAL = "_internal"  # PyInstaller ≥ 6: the bundle's resource folder (sys._MEIPASS)

PACKAGE = "qingdao-iic-kiosk"
INSTALL_DIR = f"/opt/{PACKAGE}"
STAFF_DIR = f"/etc/{PACKAGE}"  # staff's editable content (created by postinst, never shipped)
TEMPLATE_DIR = f"/usr/share/{PACKAGE}/content-template"
LIBEXEC_DIR = f"/usr/libexec/{PACKAGE}"
DOC_DIR = f"/usr/share/doc/{PACKAGE}"
STAFF_GROUP = "kiosk-staff"
MAINTAINER = "Qingdao IIC showroom kiosk team <kiosk@qingdao-iic.invalid>"

#: Issue 6's size targets (MB on disk / MB file). Reported, see docs/installer.md "Size".
TARGET_BUNDLE_MB = 150
TARGET_DEB_MB = 60

#: Packages the bundle needs for their *data*, not their library: the bundled libfontconfig
#: reads the system's /etc/fonts (fontconfig-config; without it, "Fontconfig error: Cannot
#: load default config file"), the bundled libxkbcommon reads xkb-data's keymaps.
DATA_DEPENDS = ["libfontconfig1", "libxkbcommon0"]
#: Minimum libc6: the newest GLIBC_x.y symbol version the bundle's files reference is
#: computed at build time and becomes `libc6 (>= x.y)`.

#: Files the bundle must contain (relative to _internal/), and what it must not.
REQUIRED = [
    "content.yaml",
    "content.schema.json",
    "assets/fonts/OFL.txt",
    "assets/fonts/coverage.txt",
    "assets/fonts/NotoSans-Kiosk-Regular.ttf",
    "assets/fonts/NotoSans-Kiosk-Bold.ttf",
    "assets/fonts/NotoSansSC-Kiosk-Regular.otf",
    "assets/fonts/NotoSansSC-Kiosk-Bold.otf",
    "assets/plan/park.svg",
]
REQUIRED_LINUX = [
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/imageformats/libqwebp.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
    "PySide6/Qt/lib/libQt6OpenGL.so.6",
    "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6Multimedia.so.6",
]
FORBIDDEN = re.compile(
    r"QtWebEngine|Qt6WebEngine|libQt6Pdf|QtPdf|VirtualKeyboard|Qt63D|Qt3D|libQt6Charts|"
    r"DataVisualization|libQt6Graphs|libqgtk3|/qml/|QtQuick3D|libQt6Designer|"
    r"platforms/libq(eglfs|linuxfb|vnc|minimal)|imageformats/libq(pdf|tiff|icns|tga)|"
    r"libQt6Qml(Models|Meta|WorkerScript)|PySide6/QtOpenGL\.|/mypy/"
)


def log(msg: str) -> None:
    print(f"build: {msg}", flush=True)


def fail(msg: str) -> None:
    print(f"build: ERROR: {msg}", file=sys.stderr, flush=True)
    raise SystemExit(1)


def version() -> str:
    text = (ROOT / "kiosk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if not match:
        fail("no __version__ in kiosk/__init__.py")
    return match.group(1)


def deb_arch() -> str:
    if shutil.which("dpkg"):
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def source_date_epoch() -> int:
    """Timestamps inside the archives: SOURCE_DATE_EPOCH, else the last commit, else now."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, check=True).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


sys.path.insert(0, str(PACKAGING))  # elfdeps (readelf), debdeps (dpkg-shlibdeps), sizes
import debdeps  # noqa: E402
import elfdeps  # noqa: E402
import sizes  # noqa: E402


def du_bytes(path: Path) -> int:
    """Size on disk (like `du -s`): allocated blocks, symlinks not followed."""
    total = 0
    for p in [path, *path.rglob("*")]:
        st = p.lstat()
        total += getattr(st, "st_blocks", 0) * 512 or st.st_size
    return total


# -- 1. PyInstaller ----------------------------------------------------------------------------


def run_pyinstaller(clean: bool) -> float:
    if importlib.util.find_spec("PyInstaller") is None:
        fail("PyInstaller is not installed: pip install -e '.[build]'")
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
           "--workpath", str(WORK), "--distpath", str(DIST), "--log-level", "WARN"]
    if clean:
        cmd.append("--clean")
    log("PyInstaller: " + " ".join(cmd[1:]))
    start = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True)
    return time.monotonic() - start


def normalise_modes(folder: Path) -> None:
    """0755 for folders and executables, 0644 for the rest: no group/world-writable files."""
    for p in [folder, *folder.rglob("*")]:
        if p.is_symlink():
            continue
        mode = p.stat().st_mode
        p.chmod(0o755 if p.is_dir() or mode & 0o111 else 0o644)


# -- 2. checks -----------------------------------------------------------------------------------


def check_bundle() -> dict:
    internal = BUNDLE / INTERNAL
    exe = BUNDLE / ("kiosk.exe" if sys.platform == "win32" else "kiosk")
    missing = [r for r in REQUIRED if not (internal / r).is_file()]
    if sys.platform.startswith("linux"):
        missing += [r for r in REQUIRED_LINUX if not (internal / r).exists()]
    if not exe.is_file():
        missing.append(exe.name)
    if missing:
        fail(f"the bundle lacks: {', '.join(missing)}")
    forbidden = sorted(str(p.relative_to(BUNDLE)) for p in BUNDLE.rglob("*")
                       if FORBIDDEN.search(p.as_posix()))
    if forbidden:
        fail("the bundle contains parts we exclude:\n  " + "\n  ".join(forbidden[:20]))

    # The content checker and the fonts must agree: the bundled content validates cleanly.
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    start = time.monotonic()
    res = subprocess.run([str(exe), "validate", str(internal / "content.yaml")], env=env,
                         capture_output=True, text=True)
    validate_s = time.monotonic() - start
    if res.returncode != 0:
        fail(f"`kiosk validate` failed in the bundle ({res.returncode}):\n{res.stdout}{res.stderr}")
    log(f"bundle `kiosk validate`: OK ({validate_s:.2f} s)")

    size = du_bytes(BUNDLE)
    info: dict = {"bundle_mb": round(size / 1e6, 1), "bundle_mib": round(size / 2**20, 1),
                  "bundle_files": sum(1 for p in BUNDLE.rglob("*") if not p.is_dir()),
                  "components_mib": {name: round(n / 2**20, 1)
                                     for name, n in sizes.by_component(BUNDLE).items()}}
    if sys.platform.startswith("linux"):
        info.update(linux_dependencies())
    return info


def linux_dependencies() -> dict:
    """What the self-contained bundle (the .tar.gz) needs from the system: the Debian package
    of every soname its ELF files need and it does not ship (found with ``ldconfig -p`` and
    ``dpkg -S`` on this machine), and the minimum glibc."""
    unresolved = elfdeps.unresolved(BUNDLE)
    found, missing = debdeps.system_packages(unresolved)
    if missing:
        fail("the bundle needs libraries it does not ship and no installed Debian package "
             "provides (install them, or make the spec ship them):\n  "
             + "\n  ".join(f"{so} (needed by {', '.join(sorted(unresolved[so])[:3])})"
                           for so in missing))
    glibc = "2.34"
    for p in BUNDLE.rglob("*"):
        if p.is_file() and not p.is_symlink():
            for v in _glibc_versions(p):
                if _vkey(v) > _vkey(glibc):
                    glibc = v
    packages = sorted(set(found.values()) | set(DATA_DEPENDS))
    depends = [f"libc6 (>= {glibc})" if p == "libc6" else p for p in packages]
    if "libc6" not in packages:
        depends.insert(0, f"libc6 (>= {glibc})")
    return {"unresolved_sonames": sorted(unresolved), "depends": depends, "glibc": glibc}


def _vkey(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in v.split("."))


_GLIBC_RE = re.compile(rb"GLIBC_(\d+\.\d+(?:\.\d+)?)\x00")


def _glibc_versions(path: Path) -> set[str]:
    """GLIBC_x.y version names in an ELF file's version-needs strings (cheap: a byte scan of
    files that start with the ELF magic)."""
    with open(path, "rb") as f:
        if f.read(4) != b"\x7fELF":
            return set()
        data = f.read()
    return {m.decode() for m in _GLIBC_RE.findall(data)}


# -- 3. the .deb ---------------------------------------------------------------------------------


def _link_tree(src: Path, dst: Path) -> None:
    """Copy a tree as hard links (same file system, instant), falling back to copies."""

    def link(s: str, d: str) -> None:
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)

    shutil.copytree(src, dst, symlinks=True, copy_function=link)


def _install(src: Path, dst: Path, mode: int = 0o644, subst: dict[str, str] | None = None) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    if subst is None:
        shutil.copyfile(src, dst)
    else:
        text = src.read_text(encoding="utf-8")
        for key, value in subst.items():
            text = text.replace("@" + key + "@", value)
        leftover = re.findall(r"@[A-Z_]+@", text)
        if leftover:
            fail(f"{src.name}: unknown placeholders {leftover}")
        dst.write_text(text, encoding="utf-8")
    dst.chmod(mode)


def content_template(dest: Path) -> list[str]:
    """Staff's starting content: content.yaml, its schema (editor completion), the media it
    names, a short note, and an empty images/ folder (the staff guide's example)."""
    files = {
        "content.yaml": ROOT / "content.yaml",
        "content.schema.json": ROOT / "content.schema.json",
        "assets/plan/park.svg": ROOT / "assets" / "plan" / "park.svg",
        "README.txt": PACKAGING / "content-README.txt",
    }
    for p in sorted((ROOT / "assets" / "images").rglob("*")):
        if p.is_file() and not p.name.startswith("."):
            files[p.relative_to(ROOT).as_posix()] = p
    for rel, src in files.items():
        _install(src, dest / rel)
    (dest / "images").mkdir(parents=True, exist_ok=True)
    return sorted(files)


def use_debian_libraries(internal: Path) -> dict[str, str]:
    """In the .deb's copy of the bundle, drop the Debian 12 libraries PyInstaller copied from
    this machine (libX11, libxcb-*, OpenSSL, SQLite, glib, PulseAudio, ...) and depend on
    their packages instead: Debian then keeps them patched, and the .deb shrinks by ~11 MB.
    Only files byte-identical to a packaged library in the standard library folders are
    dropped (not pyenv's libpython, say), and only under their own soname (libavformat asks
    for ``libbz2.so.1``, a compatibility name of ``libbz2.so.1.0`` that no shlibs file maps
    to a package: that copy stays). Returns {file name: package}."""
    candidates = sorted(p for p in internal.iterdir()
                        if p.is_file() and not p.is_symlink() and re.match(r"lib.+\.so(\.|$)", p.name))
    infos = elfdeps.scan(candidates)
    candidates = [p for p in candidates if str(p) in infos and infos[str(p)].soname == p.name]
    if not candidates:
        return {}
    res = subprocess.run(["dpkg", "-S", *(f"*/{p.name}" for p in candidates)],
                         capture_output=True, text=True)
    multiarch = getattr(sys.implementation, "_multiarch", "") or ""
    lib_dirs = {f"/lib/{multiarch}", f"/usr/lib/{multiarch}", "/lib", "/usr/lib"}
    owners: dict[str, str] = {}
    for line in res.stdout.splitlines():
        pkgs, _, path = line.partition(": ")
        if "," in pkgs or not path:
            continue  # diversions or several owners: leave the bundled copy
        path = path.strip()
        name = os.path.basename(path)
        bundled = internal / name
        if os.path.dirname(path) in lib_dirs and name not in owners and bundled.is_file():
            with open(bundled, "rb") as a, open(path, "rb") as b:
                if a.read() == b.read():
                    owners[name] = pkgs.split(":")[0]
    for name in owners:
        (internal / name).unlink()
    return owners


def deb_depends(stage: Path) -> list[str]:
    """Depends of the .deb: ``dpkg-shlibdeps`` over every ELF file in the package tree
    (versioned, from the Debian libraries' symbols files), plus the packages needed for
    their data (DATA_DEPENDS)."""
    try:
        return debdeps.merge(debdeps.shlibdeps(stage, PACKAGE), DATA_DEPENDS)
    except debdeps.DependsError as exc:
        fail(str(exc))
        raise


def build_deb(ver: str, info: dict, epoch: int) -> Path:
    if not shutil.which("dpkg-deb"):
        fail("dpkg-deb not found (Debian/Ubuntu: apt-get install dpkg); or use --no-deb")
    arch = deb_arch()
    stage = WORK / "deb" / f"{PACKAGE}_{ver}_{arch}"
    if stage.exists():
        shutil.rmtree(stage)
    subst = {
        "PACKAGE": PACKAGE, "VERSION": ver, "ARCH": arch, "INSTALL_DIR": INSTALL_DIR,
        "STAFF_DIR": STAFF_DIR, "TEMPLATE_DIR": TEMPLATE_DIR, "LIBEXEC_DIR": LIBEXEC_DIR,
        "DOC_DIR": DOC_DIR, "STAFF_GROUP": STAFF_GROUP, "MAINTAINER": MAINTAINER,
    }
    # The bundle, minus the Debian libraries Depends brings (the .tar.gz keeps them all).
    opt = stage / INSTALL_DIR.lstrip("/")
    _link_tree(BUNDLE, opt)
    dropped = use_debian_libraries(opt / INTERNAL)
    start = time.monotonic()
    subst["DEPENDS"] = ", ".join(deb_depends(stage))
    info["shlibdeps_s"] = round(time.monotonic() - start, 1)
    info["deb_depends"] = subst["DEPENDS"].split(", ")
    info["deb_system_libraries"] = dropped
    _install(PACKAGING / "kiosk", stage / "usr/bin/kiosk", 0o755, subst)
    _install(PACKAGING / "kiosk-autostart", stage / LIBEXEC_DIR.lstrip("/") / "kiosk-autostart",
             0o755, subst)
    _install(PACKAGING / "kiosk.desktop", stage / "etc/xdg/autostart/kiosk.desktop", 0o644, subst)
    _install(PACKAGING / "kiosk.service", stage / "usr/lib/systemd/user/kiosk.service", 0o644, subst)
    content_template(stage / TEMPLATE_DIR.lstrip("/"))
    doc = stage / DOC_DIR.lstrip("/")
    _install(ROOT / "docs" / "installer.md", doc / "installer.md")
    _install(ROOT / "docs" / "staff-guide.md", doc / "staff-guide.md")
    _install(PACKAGING / "copyright", doc / "copyright", 0o644, subst)
    _install(ROOT / "assets" / "fonts" / "OFL.txt", doc / "fonts-OFL.txt")

    debian = stage / "DEBIAN"
    for script in ("postinst", "prerm", "postrm"):
        _install(PACKAGING / f"deb-{script}", debian / script, 0o755, subst)
    (debian / "conffiles").write_text("/etc/xdg/autostart/kiosk.desktop\n", encoding="utf-8")
    installed_kb = int(sum(p.lstat().st_size for p in stage.rglob("*") if not p.is_dir()) / 1024)
    subst["INSTALLED_SIZE"] = str(installed_kb)
    _install(PACKAGING / "deb-control", debian / "control", 0o644, subst)
    for p in [stage, *stage.rglob("*")]:
        if p.is_dir():
            p.chmod(0o755)

    out = DIST / f"{PACKAGE}_{ver}_{arch}.deb"
    out.unlink(missing_ok=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    log(f"dpkg-deb → {out.name}")
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", f"--threads-max={os.cpu_count() or 1}",
                    "--build", str(stage), str(out)],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return out


# -- 4. the archive ------------------------------------------------------------------------------


def build_archive(ver: str, epoch: int) -> Path:
    machine = platform.machine().lower() or "unknown"
    top = f"{PACKAGE}-{ver}"
    if sys.platform == "win32":
        out = DIST / f"{PACKAGE}-{ver}-windows-{machine}.zip"
        out.unlink(missing_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for p in sorted(BUNDLE.rglob("*")):
                zf.write(p, f"{top}/{p.relative_to(BUNDLE).as_posix()}")
        return out

    out = DIST / f"{PACKAGE}-{ver}-linux-{machine}.tar.gz"
    out.unlink(missing_ok=True)

    def normalise(ti: tarfile.TarInfo) -> tarfile.TarInfo:
        ti.uid = ti.gid = 0
        ti.uname = ti.gname = "root"
        ti.mtime = min(ti.mtime, epoch)
        return ti

    log(f"tar.gz → {out.name}")
    with tarfile.open(out, "w:gz", compresslevel=6) as tf:
        tf.add(BUNDLE, arcname=top, filter=normalise)
    return out


# -- main ----------------------------------------------------------------------------------------

LOCK = WORK / "build.lock"


@contextlib.contextmanager
def exclusive_build():
    """One build at a time per checkout: two runs writing build/work and build/dist at once
    corrupt each other (tests/test_bundle.py holds a shared lock on the same file while it
    uses the bundle)."""
    WORK.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "a+") as fh:
        try:
            import fcntl
        except ImportError:  # Windows: no concurrent builds to guard against
            yield
            return
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log("another build (or a bundle test) is using build/ in this checkout; waiting")
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-pyinstaller", action="store_true", help="reuse build/dist/kiosk")
    parser.add_argument("--no-deb", action="store_true", help="do not build the .deb")
    parser.add_argument("--no-archive", action="store_true", help="do not build the .tar.gz/.zip")
    parser.add_argument("--clean", action="store_true", help="PyInstaller --clean")
    args = parser.parse_args(argv)
    with exclusive_build():
        return build(args)


def build(args: argparse.Namespace) -> int:
    total_start = time.monotonic()
    ver = version()
    epoch = source_date_epoch()
    info: dict = {"version": ver, "python": platform.python_version(),
                  "platform": sys.platform, "machine": platform.machine()}
    try:
        import PySide6

        info["pyside6"] = PySide6.__version__
    except ImportError:
        fail("PySide6 is not installed in this Python: pip install -e '.[build]'")

    if args.skip_pyinstaller:
        if not BUNDLE.is_dir():
            fail(f"{BUNDLE} does not exist: run without --skip-pyinstaller")
    else:
        info["pyinstaller_s"] = round(run_pyinstaller(args.clean), 1)
    normalise_modes(BUNDLE)
    info.update(check_bundle())
    log(f"bundle: {BUNDLE.relative_to(ROOT)} — {info['bundle_mib']:.1f} MiB "
        f"({info['bundle_mb']:.1f} MB) on disk, {info['bundle_files']} files")

    if not args.no_deb and sys.platform.startswith("linux"):
        if shutil.which("dpkg-deb"):
            start = time.monotonic()
            deb = build_deb(ver, info, epoch)
            info["deb"] = deb.name
            info["deb_mb"] = round(deb.stat().st_size / 1e6, 1)
            info["deb_s"] = round(time.monotonic() - start, 1)
            log(f"deb: {deb.relative_to(ROOT)} — {info['deb_mb']:.1f} MB")
        else:
            log("dpkg-deb not found: no .deb (Debian/Ubuntu only)")
    if not args.no_archive:
        start = time.monotonic()
        archive = build_archive(ver, epoch)
        info["archive"] = archive.name
        info["archive_mb"] = round(archive.stat().st_size / 1e6, 1)
        info["archive_s"] = round(time.monotonic() - start, 1)
        log(f"archive: {archive.relative_to(ROOT)} — {info['archive_mb']:.1f} MB")

    info["total_s"] = round(time.monotonic() - total_start, 1)
    info["sha256"] = {
        name: hashlib.sha256((DIST / name).read_bytes()).hexdigest()
        for name in (info.get("deb"), info.get("archive")) if name
    }
    (DIST / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    over = []
    if info["bundle_mib"] > TARGET_BUNDLE_MB:
        over.append(f"bundle {info['bundle_mib']:.0f} MiB > {TARGET_BUNDLE_MB} MB")
    if info.get("deb_mb", 0) > TARGET_DEB_MB:
        over.append(f".deb {info['deb_mb']:.0f} MB > {TARGET_DEB_MB} MB")
    if over:
        log("over the size targets: " + "; ".join(over) + " (see docs/installer.md, Size)")
    log(f"done in {info['total_s']:.0f} s — build/dist/build-info.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
