"""`kiosk validate` and `kiosk schema` as staff run them: real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from content_fixtures import BASE, SVG, edit

ROOT = Path(__file__).resolve().parent.parent


def kiosk(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60, check=False)


def test_validate_shipped_content_is_clean():
    result = kiosk("validate", "content.yaml")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "content.yaml: 0 errors, 0 warnings — OK"


def test_validate_prints_compiler_format_and_exits_1(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG)
    bad = edit("en: Welcome}", "en: no}")
    bad = edit("    title: {zh: 产业园", "    titel: {zh: 产业园", bad)
    (tmp_path / "content.yaml").write_text(bad, encoding="utf-8")
    result = kiosk("validate", "content.yaml", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == ('content.yaml:5:27: error: expected text, but YAML reads no as a yes/no '
                        'value (false); put it in quotes: "no"')
    assert lines[1].startswith("content.yaml:24:5: error: unknown key 'titel'; did you mean")
    assert lines[-1].startswith("content.yaml: 2 errors, 0 warnings")
    assert result.stderr == ""


@pytest.mark.parametrize("target", ["nope.yaml", "."])
def test_validate_unreadable_exits_2(tmp_path, target):
    result = kiosk("validate", target, cwd=tmp_path)
    assert result.returncode == 2
    assert "could not be read" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_never_imports_qt(tmp_path):
    code = ("import sys; from kiosk.cli import main; rc = main(['validate', 'content.yaml']); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', "
            "'qtawesome', 'numpy'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_schema_command_prints_the_committed_schema():
    result = kiosk("schema")
    assert result.returncode == 0
    committed = (ROOT / "content.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "run `kiosk schema > content.schema.json` and commit it"
    schema = json.loads(committed)
    assert {"kiosk", "attract", "sections"} <= set(schema["properties"])


def test_content_file_points_editors_at_the_schema():
    first = (ROOT / "content.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./content.schema.json"


def test_base_fixture_validates_through_the_cli(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG)
    (tmp_path / "c.yaml").write_text(BASE, encoding="utf-8")
    assert kiosk("validate", str(tmp_path / "c.yaml")).returncode == 0


def test_shot_of_broken_content_exits_1_with_the_reason(tmp_path):
    (tmp_path / "plan.svg").write_text(SVG)
    (tmp_path / "content.yaml").write_text(edit("idle_timeout: 90", "idle_timeout: 5"),
                                           encoding="utf-8")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
           "KIOSK_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "kiosk", "shot", "--content", "content.yaml",
                             "--screen", "home", "--out", "home.png"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 1
    assert "has 1 error(s), so the maintenance screen was rendered" in result.stderr
    assert "content.yaml:2:17: error: 'idle_timeout' must be at least 30" in result.stderr
    assert (tmp_path / "home.png").is_file()
