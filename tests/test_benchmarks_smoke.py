"""The benchmarks run and write JSON (smoke mode: no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmarks_smoke(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "benchmarks/run.py", "--smoke", "--json", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(out.read_text())
    assert data["smoke"] is True
    assert data["validate"]["validate_1x_s"]["n"] == 2
    assert data["startup"]["kiosk_s"]["ratio"] > 0
    assert data["interaction"]["tap_kiosk"]["n"] == 20
    assert set(data["scale"]["1x"]) == {"history", "park", "partners", "platform"}
    assert "startup.kiosk_s" in result.stdout
