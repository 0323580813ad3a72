"""Smoke tests of the frozen build and its installers (issue 6), the way qutebrowser's
build_release.py checks its releases: build it, run it, fail on anything unexpected on stderr.

One module-scoped fixture runs ``python build/build.py`` (≈ 4 min on a quiet 2-core machine), unless
build/dist holds a build newer than every input (kiosk/, content, assets, build/) made by
this same Python. Then, with no display (QT_QPA_PLATFORM=offscreen), from the bundle:
``kiosk validate``; ``kiosk shot`` of home and the platform page into a fresh data dir;
a video decoded and a pyqtgraph chart drawn by the bundle's own libraries; Chinese drawn
with the bundled font while fontconfig sees no system font at all; the
.tar.gz unpacked elsewhere still runs. As root with dpkg: the .deb installs with
``dpkg -i``, the installed launcher runs, staff's edits survive an upgrade, ``dpkg -r``
and ``dpkg -P``; everything the package made is removed again (library packages apt had to
add for Depends stay).

Run only these: ``pytest -m bundle``; skip them: ``pytest -m "not bundle"``.
``KIOSK_BUNDLE_REBUILD=1`` forces a fresh build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = ROOT / "build" / "build.py"
DIST = ROOT / "build" / "dist"
BUNDLE = DIST / "kiosk"
INTERNAL = BUNDLE / "_internal"
BUILD_INFO = DIST / "build-info.json"
BUILD_LOCK = ROOT / "build" / "work" / "build.lock"
INPUTS = [
    ROOT / "kiosk", ROOT / "content.yaml", ROOT / "content.schema.json", ROOT / "assets",
    ROOT / "build" / "kiosk.spec", ROOT / "build" / "build.py", ROOT / "build" / "packaging",
    ROOT / "docs" / "installer.md", ROOT / "docs" / "staff-guide.md",
]
PACKAGE = "qingdao-iic-kiosk"
INSTALL_DIR = Path("/opt") / PACKAGE
STAFF_DIR = Path("/etc") / PACKAGE
STATE_DIR = Path("/var/lib") / PACKAGE
STAFF_GROUP = "kiosk-staff"
ENABLE_LINK = Path("/etc/systemd/user/graphical-session.target.wants/kiosk.service")

#: Issue 14's targets (MB = 10**6 bytes on disk): the bundle's ≤ 150 MB (met since the no-BLAS
#: numpy and the Debian-library stand-ins, see docs/installer.md, "Size"; this also catches
#: the QML engine, WebEngine, OpenBLAS or all translations coming back) and the .deb's ≤ 60 MB.
BUNDLE_BUDGET_MB = 150
DEB_BUDGET_MB = 60
MEDIA = ROOT / "tests" / "media"

#: stderr lines a healthy run may print, each explained. Anything else fails the test.
HARMLESS_STDERR = [
    # The kiosk's own informational log lines (timestamp, level, logger) — not warnings.
    re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO)\s+[\w.]+: "),
]

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle tests are Linux-only"),
]


# -- helpers -------------------------------------------------------------------------------------


def _newest_input() -> float:
    newest = 0.0
    for item in INPUTS:
        paths = [item] if item.is_file() else [p for p in item.rglob("*") if p.is_file()]
        for p in paths:
            if "__pycache__" not in p.parts:
                newest = max(newest, p.stat().st_mtime)
    return newest


def _build_is_current() -> bool:
    if os.environ.get("KIOSK_BUNDLE_REBUILD") or not BUILD_INFO.is_file():
        return False
    info = json.loads(BUILD_INFO.read_text(encoding="utf-8"))
    return (
        info.get("python") == ".".join(map(str, sys.version_info[:3]))
        and all((DIST / info.get(k, "-")).is_file() for k in ("deb", "archive"))
        and BUILD_INFO.stat().st_mtime > _newest_input()
    )


def clean_env(tmp: Path, **extra: str) -> dict[str, str]:
    """What a kiosk session has, and nothing from this test run: no KIOSK_* variables, a
    home and caches in ``tmp``, a UTF-8 locale, offscreen Qt."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
        "HOME": str(tmp / "home"),
        "XDG_CACHE_HOME": str(tmp / "cache"),
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_DATA_HOME": str(tmp / "share"),
        "XDG_RUNTIME_DIR": str(tmp / "runtime"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_DATA_DIR": str(tmp / "data"),
        "KIOSK_CONFIG_DIR": str(tmp / "kiosk-config"),
    }
    for key in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    Path(env["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(extra)
    return env


def run(cmd: list[str | Path], env: dict[str, str], cwd: Path,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def unexpected_stderr(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if line.strip() and not any(p.search(line) for p in HARMLESS_STDERR)]


def assert_clean_run(res: subprocess.CompletedProcess[str], what: str) -> None:
    assert res.returncode == 0, f"{what}: exit {res.returncode}\nstdout:\n{res.stdout}\nstderr:\n{res.stderr}"
    assert unexpected_stderr(res.stderr) == [], f"{what}: unexpected stderr:\n{res.stderr}"


def image_stats(path: Path) -> tuple[int, int, int, float]:
    """(width, height, distinct colours, luminance std-dev) of a PNG, read with Qt."""
    import numpy as np
    from PySide6.QtGui import QImage

    img = QImage(str(path))
    assert not img.isNull(), f"{path} is not a readable image"
    img = img.convertToFormat(QImage.Format.Format_RGB32)
    a = _pixels(img)
    colours = len(np.unique(a.reshape(-1, 3)[:: 7], axis=0))
    return img.width(), img.height(), colours, float(a.mean(axis=2).std())


def _pixels(img):
    import numpy as np

    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    return buf.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, : img.width(), :3].astype(np.int16)


def changed_fraction(a: Path, b: Path) -> float:
    """Share of pixels that differ clearly (sum of |ΔRGB| > 48) between two same-size PNGs."""
    from PySide6.QtGui import QImage

    ia = QImage(str(a)).convertToFormat(QImage.Format.Format_RGB32)
    ib = QImage(str(b)).convertToFormat(QImage.Format.Format_RGB32)
    assert ia.size() == ib.size()
    return float((abs(_pixels(ia) - _pixels(ib)).sum(axis=2) > 48).mean())


def assert_real_screenshot(path: Path, size: tuple[int, int] = (1920, 1080)) -> None:
    assert path.is_file(), f"no screenshot at {path}"
    w, h, colours, spread = image_stats(path)
    assert (w, h) == size
    assert colours > 200 and spread > 5, f"{path} looks blank ({colours} colours, σ={spread:.1f})"


def dpkg_installed(package: str) -> bool:
    res = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return res.returncode == 0 and "install ok installed" in res.stdout


# -- the build -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def build_info():
    """Build the bundle, .deb and .tar.gz once per run (or reuse a current build), then hold
    a shared lock on build/ so that no other build in this checkout rewrites it meanwhile."""
    if not _build_is_current():
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            pytest.fail("PyInstaller is missing: the bundle tests build the bundle. "
                        "Install the build tools: pip install -e '.[build]'")
        res = subprocess.run([sys.executable, str(BUILD_SCRIPT)], cwd=ROOT, capture_output=True,
                             text=True, timeout=1800)
        if res.returncode != 0:
            pytest.fail(f"build/build.py failed ({res.returncode}):\n{res.stdout[-4000:]}\n{res.stderr[-4000:]}")
    import fcntl

    with open(BUILD_LOCK, "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_SH)  # waits for a build another session may have started
        yield json.loads(BUILD_INFO.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exe(build_info: dict) -> Path:  # the fixture builds it
    return BUNDLE / "kiosk"


def test_bundle_holds_what_the_kiosk_needs_and_nothing_we_excluded(build_info: dict) -> None:
    for rel in ("content.yaml", "content.schema.json", "assets/plan/park.svg", "assets/fonts/OFL.txt",
                "assets/fonts/coverage.txt", "assets/fonts/NotoSansSC-Kiosk-Regular.otf",
                "assets/fonts/NotoSans-Kiosk-Regular.ttf"):
        assert (INTERNAL / rel).is_file(), rel
    assert (INTERNAL / "content.yaml").read_bytes() == (ROOT / "content.yaml").read_bytes()
    assert list((INTERNAL / "qtawesome" / "fonts").glob("*.ttf")), "qtawesome's icon fonts"
    plugins = INTERNAL / "PySide6" / "Qt" / "plugins"
    kept = {p.relative_to(plugins).as_posix() for p in plugins.rglob("*.so")}
    for needed in ("platforms/libqoffscreen.so", "platforms/libqxcb.so", "platforms/libqwayland.so",
                   "imageformats/libqsvg.so", "imageformats/libqjpeg.so", "imageformats/libqwebp.so",
                   "iconengines/libqsvgicon.so", "multimedia/libffmpegmediaplugin.so"):
        assert needed in kept
    assert "platformthemes/libqgtk3.so" not in kept
    assert not any(k.startswith(("platforms/libqeglfs", "platforms/libqvnc", "imageformats/libqpdf"))
                   for k in kept)
    names = {p.name for p in INTERNAL.rglob("*")}
    for banned in ("libQt6WebEngineCore.so.6", "libQt6Pdf.so.6", "libQt6VirtualKeyboard.so.6",
                   "libQt63DCore.so.6", "libQt6Charts.so.6", "libQt6Quick3D.so.6", "libgtk-3.so.0",
                   "libQt6QmlModels.so.6", "libQt6QmlMeta.so.6", "QtOpenGL.abi3.so",
                   "ast_serialize.abi3.so", "readline.cpython-311-x86_64-linux-gnu.so",
                   "QtDBus.abi3.so",
                   # only behind the stand-ins below: libsndfile's codecs, Kerberos, libgcrypt
                   "libFLAC.so.12", "libvorbisenc.so.2", "libopus.so.0", "libmpg123.so.0",
                   "libmp3lame.so.0", "libkrb5.so.3", "libk5crypto.so.3", "libgcrypt.so.20"):
        assert banned not in names, banned
    # numpy built without BLAS (build/packaging/numpy_noblas.py): no OpenBLAS, no gfortran.
    assert not [n for n in names if "openblas" in n or "gfortran" in n], "the wheel's OpenBLAS"
    assert "libQt6OpenGL.so.6" in names and "QtOpenGLWidgets.abi3.so" in names  # pyqtgraph
    # Linked, never run: stand-ins of a few KB (qtstubs.py) — the FFmpeg plugin's Qt Quick/QML,
    # PulseAudio's libsndfile, QtNetwork's GSS-API, D-Bus's and PulseAudio's libsystemd.
    for stub in ("PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6",
                 "libsndfile.so.1", "libgssapi_krb5.so.2", "libsystemd.so.0"):
        assert (INTERNAL / stub).stat().st_size < 64 * 1024, stub
    translations = [p.name for p in (INTERNAL / "PySide6" / "Qt" / "translations").glob("*.qm")]
    assert all(t.endswith("_zh_CN.qm") for t in translations), translations
    assert build_info["bundle_mb"] <= BUNDLE_BUDGET_MB, build_info["components_mib"]
    assert build_info["deb_mb"] < DEB_BUDGET_MB
    assert {"libgl1", "libegl1"} <= set(build_info["depends"])


def test_validate_from_the_bundle(exe: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    res = run([exe, "--version"], env, tmp_path)
    assert_clean_run(res, "kiosk --version")
    assert res.stdout.strip().startswith("kiosk ")
    # No --content, no KIOSK_CONTENT, no content.yaml in the working directory: the bundled one.
    res = run([exe, "validate"], env, tmp_path)
    assert_clean_run(res, "kiosk validate")
    assert str(INTERNAL / "content.yaml") in res.stdout
    assert res.stdout.rstrip().endswith("OK")
    # Staff's broken file: findings with positions, exit 1 (never a traceback).
    bad = tmp_path / "bad.yaml"
    bad.write_text("kiosk:\n  idle_timeout: 九十\n", encoding="utf-8")
    res = run([exe, "validate", bad], env, tmp_path)
    assert res.returncode == 1 and "bad.yaml:2:17: error" in res.stdout, res.stdout + res.stderr
    assert res.stderr == ""


@pytest.mark.parametrize("screen", ["home", "platform"])
def test_shot_from_the_bundle(exe: Path, tmp_path: Path, screen: str) -> None:
    """A fresh data dir, offscreen. `platform` is the page whose charts load pyqtgraph →
    numpy (the bundle's no-BLAS build), the libraries pruning and stripping would break."""
    env = clean_env(tmp_path)
    out = tmp_path / f"{screen}.png"
    res = run([exe, "shot", "--screen", screen, "--out", out], env, tmp_path)
    assert_clean_run(res, f"kiosk shot --screen {screen}")
    assert_real_screenshot(out)


#: What Qt's FFmpeg backend prints while it decodes (stderr), each explained: its plugin
#: probing for optional system libraries (PipeWire, VA-API) it does without, its version
#: banner, FFmpeg's dump of the opened file, no hardware decoder, no GPU offscreen.
VIDEO_STDERR = [
    re.compile(r"^qt\.multimedia\.(symbolsresolver|ffmpeg|playbackengine\.codec): "),
    re.compile(r"^(Input #\d|  )"),
    re.compile(r"No RHI backend\. Using CPU conversion\.$"),
]


def test_video_decodes_and_charts_draw_in_the_bundle(exe: Path, tmp_path: Path) -> None:
    """The bundle's own libraries decode tests/media/clip.mp4 (H.264) through Qt's FFmpeg
    plugin into the kiosk's VideoSurface, with every stand-in in place (Qt Quick/QML,
    libsndfile, GSS-API, libsystemd), and draw a pyqtgraph bar + line chart while numpy
    multiplies and inverts a matrix (numpy without BLAS: its own matmul and lapack_lite) —
    build/packaging/rthook_selfcheck.py, run with KIOSK_BUNDLE_SELFCHECK."""
    shutil.copy(MEDIA / "clip.mp4", tmp_path / "clip.mp4")
    env = clean_env(tmp_path, KIOSK_BUNDLE_SELFCHECK=str(tmp_path / "clip.mp4"))
    res = run([exe], env, tmp_path, timeout=60)
    assert res.returncode == 0, f"self-check failed:\n{res.stdout}\n{res.stderr[-3000:]}"
    result = json.loads(res.stdout.strip().splitlines()[-1])
    assert result["video"]["frames"] >= 5 and result["video"]["size"] == [320, 180], result
    assert result["video"]["error"] is None
    assert result["video"]["surface_frames"] >= 5, result
    chart = result["chart"]
    assert chart["blas"] and chart["bar_px"] > 100 and chart["line_px"] > 10, chart
    assert chart["numpy_blas"] == "none", chart  # the no-BLAS numpy, not the wheel's
    noise = [line for line in unexpected_stderr(res.stderr)
             if not any(p.search(line) for p in VIDEO_STDERR)]
    assert noise == [], "\n".join(noise)


def test_fleet_status_reads_metrics_in_the_bundle(exe: Path, tmp_path: Path) -> None:
    """`kiosk status` parses a Prometheus textfile with prometheus_client, whose package
    imports ssl: the modules the spec leaves out must not include one it needs."""
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "kiosk.prom").write_text("# TYPE kiosk_up gauge\nkiosk_up 1.0\n", encoding="utf-8")
    res = run([exe, "status", "--metrics-dir", folder], clean_env(tmp_path), tmp_path)
    assert_clean_run(res, "kiosk status")
    assert str(folder / "kiosk.prom") in res.stdout and "up" in res.stdout, res.stdout


def test_chinese_is_drawn_with_the_bundled_font_alone(exe: Path, tmp_path: Path) -> None:
    """fontconfig sees no font at all (FONTCONFIG_FILE lists no font folder), like a bare
    Debian. The home screen in Chinese is compared with the same screen whose Hanzi were
    replaced by U+E000, which no font has: were the real render tofu too, the two would be
    the same picture."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = clean_env(tmp_path, FONTCONFIG_FILE=str(conf))
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copytree(INTERNAL / "assets", folder / "assets")  # a link out of the folder is refused
    text = (INTERNAL / "content.yaml").read_text(encoding="utf-8")
    (folder / "content.yaml").write_text(text, encoding="utf-8")
    (folder / "tofu.yaml").write_text(re.sub(r"[\u3400-\u9fff]", "\ue000", text), encoding="utf-8")

    res = run([exe, "shot", "--content", folder / "content.yaml", "--lang", "zh", "--screen", "home",
               "--out", tmp_path / "zh.png"], env, tmp_path)
    assert_clean_run(res, "kiosk shot (no system fonts)")
    assert_real_screenshot(tmp_path / "zh.png")
    res = run([exe, "shot", "--content", folder / "tofu.yaml", "--lang", "zh", "--screen", "home",
               "--out", tmp_path / "tofu.png"], env, tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]  # its stderr warns about U+E000, rightly
    assert changed_fraction(tmp_path / "zh.png", tmp_path / "tofu.png") > 0.01


def test_the_bundle_notifies_systemd_from_its_main_process(exe: Path, tmp_path: Path) -> None:
    """kiosk.service is Type=notify, NotifyAccess=main, WatchdogSec=30: the frozen kiosk must
    send READY=1 and then WATCHDOG=1 heartbeats itself, from the PID systemd started (no
    bootloader child process), at half the watchdog interval."""
    import socket
    import struct
    import time

    address = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        sock.bind(str(address))
        sock.settimeout(0.5)
        env = clean_env(tmp_path, NOTIFY_SOCKET=str(address), WATCHDOG_USEC="2000000")
        proc = subprocess.Popen([str(exe), "run", "--windowed"], env=env, cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        messages: list[tuple[str, int]] = []
        deadline = time.monotonic() + 30
        try:
            while time.monotonic() < deadline and sum(m == "WATCHDOG=1" for m, _ in messages) < 2:
                try:
                    data, ancillary, _flags, _addr = sock.recvmsg(256, socket.CMSG_SPACE(12))
                except TimeoutError:
                    assert proc.poll() is None, f"the kiosk exited: {proc.communicate()}"
                    continue
                pid = next(struct.unpack("iII", d[:12])[0] for level, kind, d in ancillary
                           if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS)
                messages.append((data.decode(), pid))
        finally:
            proc.terminate()
            _out, err = proc.communicate(timeout=30)
    assert messages[:1] == [("READY=1", proc.pid)], messages
    assert [m for m in messages if m[0] == "WATCHDOG=1"][:2] == [("WATCHDOG=1", proc.pid)] * 2
    assert unexpected_stderr(err) == [], err


def test_the_archive_runs_from_anywhere(build_info: dict, tmp_path: Path) -> None:
    with tarfile.open(DIST / build_info["archive"]) as tf:
        tf.extractall(tmp_path / "x", filter="tar")
    (top,) = (tmp_path / "x").iterdir()
    assert top.name == f"{PACKAGE}-{build_info['version']}"
    res = run([top / "kiosk", "validate"], clean_env(tmp_path), tmp_path)
    assert_clean_run(res, "kiosk validate from the unpacked .tar.gz")
    assert str(top / "_internal" / "content.yaml") in res.stdout


# -- the .deb ------------------------------------------------------------------------------------


needs_dpkg_deb = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not available")


@needs_dpkg_deb
def test_deb_metadata_and_layout(build_info: dict) -> None:
    deb = DIST / build_info["deb"]
    fields = {f: subprocess.run(["dpkg-deb", "-f", deb, f], capture_output=True, text=True,
                                check=True).stdout.strip()
              for f in ("Package", "Version", "Architecture", "Depends")}
    assert fields["Package"] == PACKAGE and fields["Version"] == build_info["version"]
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert "libgl1" in depends and "libegl1" in depends
    assert any(d.startswith("libc6 (>= 2.") for d in depends)
    # dpkg-shlibdeps' versions (from the libraries' symbols files), not a hand-kept table.
    assert any(re.fullmatch(r"libxcb1 \(>= [\d.]+\)", d) for d in depends), depends
    assert "libfontconfig1" in " ".join(depends)  # for its configuration data too
    assert len(depends) == len({re.split(r"[\s(]", d)[0] for d in depends})  # no duplicates
    listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True, check=True).stdout
    paths = {line.split()[5].lstrip(".") for line in listing.splitlines()}
    for p in ("/opt/qingdao-iic-kiosk/kiosk", "/usr/bin/kiosk", "/etc/xdg/autostart/kiosk.desktop",
              "/usr/lib/systemd/user/kiosk.service",
              "/usr/share/qingdao-iic-kiosk/content-template/content.yaml",
              "/usr/share/doc/qingdao-iic-kiosk/installer.md"):
        assert p in paths, p
    # Staff's folder is never part of the package: dpkg must not own (and so replace) it.
    assert not [p for p in paths if p.startswith(str(STAFF_DIR))]
    conffiles = subprocess.run(["dpkg-deb", "-I", deb, "conffiles"], capture_output=True, text=True,
                               check=True).stdout.split()
    assert conffiles == ["/etc/xdg/autostart/kiosk.desktop"]


@pytest.fixture
def machine_for_deb():
    """Root with dpkg, and no kiosk installed for real: then install, and always clean up."""
    if os.geteuid() != 0:
        pytest.skip("installing the .deb needs root (CI runs as root)")
    if shutil.which("dpkg") is None or shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg is not available")
    if dpkg_installed(PACKAGE) or STAFF_DIR.exists():
        pytest.skip(f"{PACKAGE} (or {STAFF_DIR}) is already on this machine; not touching it")
    group_existed = subprocess.run(["getent", "group", STAFF_GROUP], capture_output=True).returncode == 0
    yield
    # Library packages installed for Depends stay: removing them could break whatever else
    # came to rely on them meanwhile; everything the kiosk package made goes.
    subprocess.run(["dpkg", "--purge", PACKAGE], capture_output=True)
    shutil.rmtree(STAFF_DIR, ignore_errors=True)
    shutil.rmtree(STATE_DIR, ignore_errors=True)
    if not group_existed:
        subprocess.run(["groupdel", STAFF_GROUP], capture_output=True)


def _install_missing_depends(deb: Path) -> None:
    """dpkg -i does not fetch dependencies: install the Depends this machine lacks (as an
    integrator would with apt), so that dpkg -i itself must succeed."""
    depends = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], capture_output=True, text=True,
                             check=True).stdout
    names = [re.split(r"[\s(]", d.strip())[0] for d in depends.split(",")]
    missing = [n for n in names if not dpkg_installed(n)]
    if missing:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        res = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                             capture_output=True, text=True, env=env, timeout=600)
        if res.returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], capture_output=True, env=env, timeout=600)
            res = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                                 capture_output=True, text=True, env=env, timeout=600)
        assert res.returncode == 0, f"cannot install the .deb's Depends {missing}:\n{res.stderr}"


def _dpkg(*args: str | Path) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(["dpkg", *map(str, args)], capture_output=True, text=True, timeout=600,
                         env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    assert res.returncode == 0, f"dpkg {' '.join(map(str, args))}: {res.stdout}\n{res.stderr}"
    return res


def _upgrade_deb(deb: Path, tmp: Path) -> Path:
    """The same package as version <v>+upgradetest, with a changed template (content.yaml and
    content.schema.json), to exercise the upgrade path."""
    root = tmp / "upgrade"
    subprocess.run(["dpkg-deb", "-R", deb, root], check=True)
    control = root / "DEBIAN" / "control"
    text = control.read_text(encoding="utf-8")
    control.write_text(re.sub(r"^Version: (.+)$", r"Version: \1+upgradetest", text, flags=re.M),
                       encoding="utf-8")
    template = root / "usr/share/qingdao-iic-kiosk/content-template"
    with open(template / "content.yaml", "a", encoding="utf-8") as f:
        f.write("# new factory content in the upgrade\n")
    with open(template / "content.schema.json", "a", encoding="utf-8") as f:
        f.write("\n")
    out = tmp / "upgrade.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Znone", "-b", root, out], check=True,
                   capture_output=True)
    shutil.rmtree(root)
    return out


@needs_dpkg_deb
@pytest.mark.usefixtures("machine_for_deb")
def test_deb_install_run_upgrade_remove(build_info: dict, tmp_path: Path) -> None:
    deb = DIST / build_info["deb"]
    template = Path("/usr/share/qingdao-iic-kiosk/content-template")
    _install_missing_depends(deb)

    # Install.
    _dpkg("-i", deb)
    for p in (INSTALL_DIR / "kiosk", Path("/usr/bin/kiosk"), Path("/etc/xdg/autostart/kiosk.desktop"),
              Path("/usr/lib/systemd/user/kiosk.service")):
        assert p.exists(), p
    staff_yaml = STAFF_DIR / "content.yaml"
    assert staff_yaml.read_bytes() == (ROOT / "content.yaml").read_bytes()
    assert (STAFF_DIR / "assets" / "plan" / "park.svg").is_file()
    assert (STAFF_DIR / "images").is_dir()
    assert STAFF_DIR.stat().st_mode & 0o2775 == 0o2775  # group-writable for kiosk-staff
    if shutil.which("systemctl"):
        assert ENABLE_LINK.is_symlink(), "kiosk.service is not enabled for graphical sessions"

    # The installed launcher: validate and shot use staff's content by default.
    env = clean_env(tmp_path)
    res = run(["/usr/bin/kiosk", "validate"], env, tmp_path)
    assert_clean_run(res, "installed kiosk validate")
    assert str(staff_yaml) in res.stdout
    res = run(["/usr/bin/kiosk", "shot", "--screen", "home", "--out", tmp_path / "home.png"], env, tmp_path)
    assert_clean_run(res, "installed kiosk shot")
    assert_real_screenshot(tmp_path / "home.png")

    # Staff edit content.yaml and delete the README; upgrade: neither comes back, while the
    # schema nobody touched follows the new version.
    with open(staff_yaml, "a", encoding="utf-8") as f:
        f.write("# edited by staff\n")
    edited = staff_yaml.read_bytes()
    (STAFF_DIR / "README.txt").unlink()
    _dpkg("-i", _upgrade_deb(deb, tmp_path))
    assert staff_yaml.read_bytes() == edited
    assert not (STAFF_DIR / "README.txt").exists()
    assert (STAFF_DIR / "content.schema.json").read_bytes() == (template / "content.schema.json").read_bytes()
    assert (template / "content.yaml").read_bytes() != edited

    # Remove: the program goes, staff's folder stays exactly as it was.
    before = {p: p.read_bytes() for p in STAFF_DIR.rglob("*") if p.is_file()}
    _dpkg("-r", PACKAGE)
    assert not INSTALL_DIR.exists() and not Path("/usr/bin/kiosk").exists()
    assert not ENABLE_LINK.exists()
    assert {p: p.read_bytes() for p in STAFF_DIR.rglob("*") if p.is_file()} == before

    # Purge: untouched copies go, staff's edited content.yaml stays.
    _dpkg("-P", PACKAGE)
    assert staff_yaml.read_bytes() == edited
    assert not (STAFF_DIR / "assets" / "plan" / "park.svg").exists()
    assert not Path("/etc/xdg/autostart/kiosk.desktop").exists()
    assert not STATE_DIR.exists()
