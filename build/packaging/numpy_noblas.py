"""numpy for the bundle without OpenBLAS: the same numpy version, built from its sdist with
numpy's own build options ``-Dblas=none -Dlapack=none`` (numpy then uses its bundled
``lapack_lite`` and its own loops for ``dot``/``matmul``) and ``-Dcpu-dispatch=none`` (only
the baseline SIMD code, no per-CPU copies of every loop).

Why: the wheel's OpenBLAS (``numpy.libs/libscipy_openblas64_*.so``, 24 MiB) and its gfortran
and quadmath runtimes (3 MiB) are the bundle's largest single item, and the kiosk's charts
(pyqtgraph, a few hundred points) need numpy's arrays, not BLAS speed. The Python files are
the same version's; only the extension modules differ. ``numpy.linalg`` keeps working
(lapack_lite is the reference LAPACK, f2c-translated), and ``a @ b`` gives the same results
up to floating-point rounding order.

The build takes minutes (C/C++, meson), so the result is cached per numpy version and
options in ``$KIOSK_BUILD_CACHE`` (default ``~/.cache/qingdao-iic-kiosk``). It needs a C/C++
compiler and the Python headers (``build/setup.sh test`` installs g++ and python3-dev) and
PyPI for numpy's sdist and its build requirements (meson-python, Cython, ninja). When that
fails, :func:`ensure` raises :class:`BuildError` and the spec ships the wheel's numpy (bigger,
same behaviour).

``python build/packaging/numpy_noblas.py`` builds (or finds) it and prints the folder.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

#: numpy's meson options (numpy/meson.options).
SETUP_ARGS = ("-Dblas=none", "-Dlapack=none", "-Dallow-noblas=true", "-Dcpu-dispatch=none")


class BuildError(RuntimeError):
    """The no-BLAS numpy could not be built: ship the wheel's numpy."""


def cache_root() -> Path:
    env = os.environ.get("KIOSK_BUILD_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "qingdao-iic-kiosk"


def target_dir(version: str) -> Path:
    """Where numpy ``version`` built with :data:`SETUP_ARGS` for this Python is unpacked."""
    key = hashlib.sha256(" ".join((version, sys.version, *SETUP_ARGS)).encode()).hexdigest()[:10]
    tag = f"cp{sys.version_info.major}{sys.version_info.minor}"
    return cache_root() / f"numpy-{version}-{tag}-noblas-{key}"


def ensure(version: str | None = None, log=print) -> Path:
    """The folder holding ``numpy/`` built without BLAS (building it if it is not cached).
    One build at a time: a second caller (the spec while ``build/setup.sh test``'s early
    background build runs) waits for the first, then finds it cached."""
    version = version or importlib.metadata.version("numpy")
    target = target_dir(version)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(target.name + ".lock"), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(version, target, log)


def _build(version: str, target: Path, log) -> Path:
    if (target / "numpy" / "__init__.py").is_file():
        return target
    if shutil.which("c++") is None and shutil.which("g++") is None:
        raise BuildError("no C++ compiler (apt-get install g++)")
    log(f"building numpy {version} without BLAS from its sdist (once; cached in {target})")
    with tempfile.TemporaryDirectory(prefix="numpy-noblas-") as tmp:
        cmd = [sys.executable, "-m", "pip", "wheel", f"numpy=={version}", "--no-deps",
               "--no-binary", "numpy", "--no-cache-dir", "-q", "-w", tmp]
        cmd += [f"-Csetup-args={arg}" for arg in SETUP_ARGS]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            raise BuildError(f"pip wheel failed ({res.returncode}): {res.stderr[-2000:]}")
        wheels = sorted(Path(tmp).glob("numpy-*.whl"))
        if len(wheels) != 1:
            raise BuildError(f"expected one numpy wheel, got {[w.name for w in wheels]}")
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        with zipfile.ZipFile(wheels[0]) as zf:
            zf.extractall(partial)
        if any(partial.glob("numpy.libs/*")) or not (partial / "numpy" / "__init__.py").is_file():
            raise BuildError("the built wheel is not a self-contained no-BLAS numpy")
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    return target


if __name__ == "__main__":
    try:
        print(ensure())
    except BuildError as exc:
        print(f"numpy_noblas: {exc}", file=sys.stderr)
        sys.exit(1)
