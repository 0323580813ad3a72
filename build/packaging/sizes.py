"""The bundle's size on disk by component (what docs/installer.md#size and the README report).

``python build/packaging/sizes.py [build/dist/kiosk]`` prints the table; build/build.py puts
the same figures into build-info.json (``components_mib``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: (component, pattern on the path relative to _internal/ — first match wins).
COMPONENTS: list[tuple[str, re.Pattern[str]]] = [
    ("numpy (no-BLAS build; the wheel's adds OpenBLAS + gfortran)", re.compile(r"^numpy(\.libs)?/")),
    ("FFmpeg + QtMultimedia", re.compile(
        r"^PySide6/(Qt/lib/lib(av|sw|Qt6FFmpeg|Qt6Multimedia)|Qt/plugins/multimedia/|QtMultimedia)")),
    ("Qt Quick/QML stand-ins", re.compile(r"^PySide6/Qt/lib/libQt6(Quick|Qml)")),
    ("stand-ins for libsndfile, GSS-API, libsystemd",
     re.compile(r"^lib(sndfile\.so\.1|gssapi_krb5\.so\.2|systemd\.so\.0)$")),
    ("ICU", re.compile(r"^PySide6/Qt/lib/libicu")),
    ("Qt libraries, plugins, translations", re.compile(r"^PySide6/Qt/")),
    ("PySide6/shiboken6 bindings", re.compile(r"^(PySide6|shiboken6)/")),
    ("Python (libpython, extension modules, stdlib, the executable + module archive)",
     re.compile(r"^(libpython|python3\.\d+/|base_library\.zip|\.\./kiosk$|lib-dynload/)")),
    ("Debian libraries (X11/xcb, OpenSSL, SQLite, glib, PulseAudio, libstdc++, ...)",
     re.compile(r"^lib[^/]+\.so")),
    ("fonts, content, plan", re.compile(r"^(assets/|content\.)")),
    ("pydantic, PyYAML, qtawesome (+ icon fonts), pyqtgraph, segno, ...", re.compile(r".")),
]


def on_disk(path: Path) -> int:
    st = path.lstat()
    return getattr(st, "st_blocks", 0) * 512 or st.st_size


def by_component(bundle: Path) -> dict[str, int]:
    """{component: bytes on disk}, in the order of COMPONENTS (folders themselves not counted)."""
    internal = bundle / "_internal"
    sizes = {name: 0 for name, _ in COMPONENTS}
    for p in bundle.rglob("*"):
        if p.is_dir() and not p.is_symlink():
            continue
        rel = p.relative_to(internal).as_posix() if internal in p.parents else f"../{p.name}"
        name = next(n for n, pattern in COMPONENTS if pattern.search(rel))
        sizes[name] += on_disk(p)
    return sizes


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "dist" / "kiosk"
    sizes = by_component(bundle)
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"{size / 2**20:7.1f} MiB  {name}")
    total = sum(sizes.values())
    print(f"{total / 2**20:7.1f} MiB  total ({total / 1e6:.1f} MB; folders not counted)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
