"""The benchmarks run and write JSON (smoke mode: no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmarks_smoke(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "benchmarks/run.py", "--smoke", "--json", str(out),
                             "--sizes", "1920x1080,3840x2160"],
                            cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(out.read_text())
    assert data["smoke"] is True
    assert data["validate"]["validate_1x_s"]["n"] == 2
    assert data["startup"]["kiosk_s"]["ratio"] > 0
    assert data["interaction"]["tap_kiosk"]["n"] == 20
    assert set(data["scale"]["1x"]) == {"history", "park", "partners", "platform"}
    assert "startup.kiosk_s" in result.stdout
    assert list(data["sizes"]) == ["1920x1080", "3840x2160"]
    for per in data["sizes"].values():  # same keys at each size, each with its bare-Qt reference
        assert per["startup"]["bare_qt_s"]["n"] == 1
        assert per["interaction"]["tap_reference"]["n"] == 20
        assert per["interaction"]["tap_kiosk"]["n"] == 20
        assert per["memory"]["rss_after_pages_mb"] > 0
        # frames are Qt's dirty-region repaints, and what they leave on screen is checked
        # against a full render of the window: no region left stale
        assert per["paint"] == {"paint_method": "dirty-region", "screen_mismatches": 0}
    assert data["interaction"] == data["sizes"]["1920x1080"]["interaction"]
    assert "3840x2160" in result.stdout.splitlines()[1]


def test_size_argument():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sizes import parse_size

    assert parse_size("3840x2160") == (3840, 2160)
    assert parse_size("1920×1080") == (1920, 1080)
    for bad in ("4k", "100x100", "1920"):
        try:
            parse_size(bad)
        except Exception as exc:  # argparse.ArgumentTypeError
            assert bad in str(exc)
        else:
            raise AssertionError(bad)
