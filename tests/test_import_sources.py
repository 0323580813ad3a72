"""PySide6's import hook must not keep module sources in linecache (kiosk/import_sources.py)."""

from __future__ import annotations

import importlib
import linecache
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk import import_sources


def _write_module(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture
def fresh_path(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    return tmp_path


def test_install_finds_the_pyside_hook_and_is_idempotent():
    import PySide6.QtCore  # noqa: F401  (the hook exists once PySide6 is imported)

    assert import_sources.install() is True
    feature = sys.modules["shibokensupport.feature"]
    wrapped = feature._mod_uses_pyside
    assert import_sources.install() is True
    assert feature._mod_uses_pyside is wrapped  # not wrapped twice


def test_an_import_after_install_leaves_no_source_in_linecache(fresh_path):
    import_sources.install()
    path = _write_module(fresh_path, "kiosk_probe_plain", "VALUE = 1\n")
    __import__("kiosk_probe_plain")
    try:
        assert str(path) not in linecache.cache
        assert sys.modules["shibokensupport.feature"].pyside_feature_dict["kiosk_probe_plain"] == -1
    finally:
        sys.modules.pop("kiosk_probe_plain", None)


def test_the_hook_still_sees_modules_that_use_pyside(fresh_path):
    import_sources.install()
    path = _write_module(fresh_path, "kiosk_probe_qt", "from PySide6.QtCore import QObject\n")
    __import__("kiosk_probe_qt")
    try:
        assert str(path) not in linecache.cache
        assert sys.modules["shibokensupport.feature"].pyside_feature_dict["kiosk_probe_qt"] == 0
    finally:
        sys.modules.pop("kiosk_probe_qt", None)


def test_sources_read_before_install_are_dropped_but_tracebacks_still_read_them(fresh_path):
    path = _write_module(fresh_path, "kiosk_probe_old", "X = 1\n")
    linecache.getlines(str(path))
    linecache.cache["<kiosk-probe>"] = (4, None, ["x = 1\n"], "<kiosk-probe>")
    try:
        import_sources.install()
        assert str(path) not in linecache.cache
        assert "<kiosk-probe>" in linecache.cache  # not from a file: cannot be re-read, kept
        assert linecache.getline(str(path), 1) == "X = 1\n"  # re-read on demand
    finally:
        linecache.cache.pop("<kiosk-probe>", None)


def test_without_pyside_hook_install_does_nothing(monkeypatch):
    monkeypatch.delitem(sys.modules, "shibokensupport.feature", raising=False)
    assert import_sources.install() is False
