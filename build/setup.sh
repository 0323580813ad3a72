#!/bin/sh
# Set up a checkout on a fresh machine: Qt's system libraries (Debian/Ubuntu, when run as
# root; otherwise it prints the apt command), then a virtual environment in .venv with the
# kiosk installed in editable mode. `sh build/setup.sh test` adds the test tools.
set -eu
cd "$(dirname "$0")/.."

# What Qt 6 needs on a fresh Debian 12 (see ../shared/GUIDE.md): GL/EGL, fontconfig, xcb,
# xkbcommon, and libpulse0 + libxrandr2 for QtMultimedia.
QT_PACKAGES="libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libpulse0 libxrandr2"
# `sh build/setup.sh test` also builds the installer in its tests: PyInstaller needs binutils,
# the .deb's Depends come from dpkg-shlibdeps (dpkg-dev), and the .deb test installs the
# package, whose Depends include these.
# The bundle's numpy is built once from its sdist without OpenBLAS (build/packaging/
# numpy_noblas.py, cached in ~/.cache/qingdao-iic-kiosk): a C/C++ compiler and Python's headers.
# The fleet tests run two real Syncthing instances (tests/fleet/test_syncthing.py) and look
# at the report's pages with pdftoppm (poppler-utils).
if [ "${1:-}" = "test" ]; then
    QT_PACKAGES="$QT_PACKAGES binutils dpkg-dev libwayland-cursor0 libwayland-egl1 syncthing poppler-utils"
    QT_PACKAGES="$QT_PACKAGES g++ python3-dev"
    # real-window tests (tests/test_faults_screen_x11.py): a virtual X server and xdotool
    QT_PACKAGES="$QT_PACKAGES xvfb xdotool x11-utils"
fi

if command -v dpkg-query >/dev/null 2>&1; then
    missing=""
    for p in $QT_PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        if [ "$(id -u)" = 0 ]; then
            echo "setup: installing Qt's system libraries:$missing"
            DEBIAN_FRONTEND=noninteractive apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
        else
            echo "setup: Qt needs these system packages; install them as root:" >&2
            echo "  apt-get install --no-install-recommends$missing" >&2
            exit 1
        fi
    fi
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "test" ]; then
    .venv/bin/python -m pip install -q -e '.[test,build]'
    # The bundle tests' build compiles the no-BLAS numpy once (minutes): start it now, at low
    # priority, so it runs beside the tests that come first (pytest runs the bundle tests
    # last; the build waits for this one and then takes it from the cache).
    nohup nice -n 19 .venv/bin/python build/packaging/numpy_noblas.py \
        >"${TMPDIR:-/tmp}/kiosk-numpy-noblas.log" 2>&1 &
else
    .venv/bin/python -m pip install -q -e .
fi
echo "setup: ready (.venv)"
