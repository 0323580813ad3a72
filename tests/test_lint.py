"""ruff and mypy, as CI runs them (config in pyproject.toml)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]' installs it)")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)


def test_ruff_is_clean_on_kiosk():
    result = _run("ruff", "check", "kiosk")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_kiosk():
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
