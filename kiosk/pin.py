"""The admin PIN: stored only as a salted scrypt hash in ``config_dir()/admin.json``.

No Qt here. ``kiosk set-pin`` writes it; the admin PIN pad calls :func:`verify`.
With no PIN file the kiosk's admin gesture does nothing in kiosk mode (see
:mod:`kiosk.shell.admin`).
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import os
import secrets
import sys
import tempfile
from pathlib import Path

from kiosk import paths

PIN_FILE_NAME = "admin.json"
MIN_DIGITS = 4
MAX_DIGITS = 8
# scrypt cost: ≈ 50 ms and 16 MiB per check on a kiosk PC — slow for an attacker, instant to staff.
SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class PinError(ValueError):
    """A PIN that is not 4–8 digits."""


def pin_file() -> Path:
    return paths.config_dir() / PIN_FILE_NAME


def check_format(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise PinError(f"the PIN must be {MIN_DIGITS}–{MAX_DIGITS} digits")
    return pin


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=64 * 2**20)


def hash_pin(pin: str) -> dict[str, object]:
    """A fresh record for ``pin``: algorithm, parameters, random salt and hash (hex)."""
    check_format(pin)
    salt = secrets.token_bytes(16)
    digest = _derive(pin, salt, **SCRYPT)
    return {"algorithm": "scrypt", **SCRYPT, "salt": salt.hex(), "hash": digest.hex()}


def check_record(record: dict[str, object], pin: str) -> bool:
    """Whether ``pin`` matches ``record`` (constant-time compare; malformed records fail)."""
    try:
        if record.get("algorithm") != "scrypt":
            return False
        n, r, p = int(record["n"]), int(record["r"]), int(record["p"])  # type: ignore[call-overload]
        salt = bytes.fromhex(str(record["salt"]))
        expected = bytes.fromhex(str(record["hash"]))
        if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16 and salt and expected):
            return False
        check_format(pin)
        actual = _derive(pin, salt, n, r, p)
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(actual, expected)


def set_pin(pin: str, path: Path | None = None) -> Path:
    """Store ``pin`` (hashed) atomically, readable by the owner only."""
    path = path or pin_file()
    record = hash_pin(pin)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".admin-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(record, fh, indent=2)
            fh.write("\n")
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_record(path: Path | None = None) -> dict[str, object] | None:
    path = path or pin_file()
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def has_pin(path: Path | None = None) -> bool:
    """Whether a usable PIN record exists."""
    record = load_record(path)
    return bool(record and record.get("algorithm") == "scrypt" and record.get("hash"))


def verify(pin: str, path: Path | None = None) -> bool:
    """Whether ``pin`` is the stored admin PIN. False when no PIN is set."""
    record = load_record(path)
    return record is not None and check_record(record, pin)


def set_pin_command(pin: str | None) -> int:
    """``kiosk set-pin [--pin PIN]``: asks twice when no PIN is given."""
    try:
        if pin is None:
            if not sys.stdin.isatty():
                print("kiosk set-pin: give --pin, or run it in a terminal", file=sys.stderr)
                return 2
            pin = getpass.getpass(f"New admin PIN ({MIN_DIGITS}–{MAX_DIGITS} digits): ")
            check_format(pin)
            if getpass.getpass("Repeat the PIN: ") != pin:
                print("kiosk set-pin: the PINs differ; nothing changed", file=sys.stderr)
                return 1
        path = set_pin(pin)
    except PinError as exc:
        print(f"kiosk set-pin: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"kiosk set-pin: cannot write the PIN file: {exc}", file=sys.stderr)
        return 1
    print(f"Admin PIN saved (salted scrypt hash) to {path}")
    return 0
