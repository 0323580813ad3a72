"""The admin PIN: salted scrypt hash only, round trip, and the set-pin command."""

from __future__ import annotations

import json
import stat
import subprocess
import sys

import pytest

from kiosk import paths, pin


def test_round_trip():
    assert not pin.has_pin() and not pin.verify("1234")
    path = pin.set_pin("1234")
    assert path == paths.config_dir() / "admin.json"
    assert pin.has_pin()
    assert pin.verify("1234")
    assert not pin.verify("1235")
    assert not pin.verify("12345")
    assert not pin.verify("")


def test_only_a_salted_hash_is_stored():
    pin.set_pin("987654")
    text = pin.pin_file().read_text(encoding="utf-8")
    assert "987654" not in text
    record = json.loads(text)
    assert record["algorithm"] == "scrypt" and len(bytes.fromhex(record["salt"])) == 16
    first = record["hash"]
    pin.set_pin("987654")
    assert json.loads(pin.pin_file().read_text(encoding="utf-8"))["hash"] != first  # fresh salt
    assert pin.verify("987654")


def test_file_is_private():
    pin.set_pin("1234")
    mode = stat.S_IMODE(pin.pin_file().stat().st_mode)
    assert mode & 0o077 == 0


@pytest.mark.parametrize("bad", ["123", "123456789", "12a4", "١٢٣٤", " 1234", ""])
def test_pin_format_is_checked(bad):
    with pytest.raises(pin.PinError):
        pin.set_pin(bad)
    assert not pin.has_pin()


@pytest.mark.parametrize(
    "text",
    ["", "not json", "[]", '{"algorithm": "md5", "hash": "00"}', '{"algorithm": "scrypt", "n": 2, "r": 1, "p": 1, "salt": "zz", "hash": "00"}'],
)
def test_broken_records_never_verify(text):
    pin.pin_file().parent.mkdir(parents=True, exist_ok=True)
    pin.pin_file().write_text(text, encoding="utf-8")
    assert not pin.verify("1234")


def test_set_pin_command(capsys):
    assert pin.set_pin_command("4321") == 0
    assert pin.verify("4321")
    assert "salted scrypt hash" in capsys.readouterr().out
    assert pin.set_pin_command("12") == 2
    assert "4–8 digits" in capsys.readouterr().err
    assert pin.verify("4321")  # unchanged


def test_cli_set_pin_without_a_terminal_refuses(tmp_path):
    env = {"KIOSK_CONFIG_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "kiosk", "set-pin"], stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, cwd=str(paths.RESOURCE_ROOT))
    assert result.returncode == 2
    assert not (tmp_path / "admin.json").exists()
    result = subprocess.run([sys.executable, "-m", "kiosk", "set-pin", "--pin", "2580"], capture_output=True, text=True, env=env, cwd=str(paths.RESOURCE_ROOT))
    assert result.returncode == 0, result.stderr
    assert pin.verify("2580", tmp_path / "admin.json")


def test_pin_module_imports_no_qt():
    code = "import sys, kiosk.pin; print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(paths.RESOURCE_ROOT))
    assert out.stdout.strip() == "False", out.stderr
