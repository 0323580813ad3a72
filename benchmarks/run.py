"""Run the kiosk's benchmarks, print a table and write JSON.

    python benchmarks/run.py            # full run
    python benchmarks/run.py --smoke    # a few iterations: checks that everything runs

Every figure is a median over repeated runs, with min and max. Timings are reported next
to a reference measured in the same run, because on a shared machine only ratios are
honest.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scale_content  # noqa: E402


def stats(samples: list[float]) -> dict[str, float]:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples),
            "n": len(samples)}


def timed_process(args: list[str], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=False, capture_output=True)
        samples.append(time.perf_counter() - start)
    return samples


def bench_validate(repeat: int, scales: tuple[int, ...]) -> dict:
    """`kiosk validate` as a whole process at several content scales, against the floor
    of starting Python and importing the content engine's libraries."""
    floor = timed_process([sys.executable, "-c", "import yaml, pydantic"], repeat)
    out: dict = {"reference_python_yaml_pydantic_s": stats(floor)}
    with tempfile.TemporaryDirectory() as tmp:
        for scale in scales:
            path = scale_content.write(scale, Path(tmp) / f"x{scale}" / "content.yaml")
            samples = timed_process([sys.executable, "-m", "kiosk", "validate", str(path)],
                                    repeat)
            out[f"validate_{scale}x_s"] = {**stats(samples), "bytes": path.stat().st_size,
                                           "ratio_to_reference": statistics.median(samples)
                                           / statistics.median(floor)}
    return out


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform()}


def main() -> int:
    parser = argparse.ArgumentParser(description="kiosk benchmarks")
    parser.add_argument("--smoke", action="store_true", help="few iterations, just check it runs")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "latest.json")
    args = parser.parse_args()
    repeat = 2 if args.smoke else 9
    results = {"machine": machine(), "smoke": args.smoke,
               "validate": bench_validate(repeat, (1, 10) if not args.smoke else (1,))}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"machine: {results['machine']['cpu']} ({results['machine']['cores']} cores)")
    print(f"{'benchmark':38} {'median':>9} {'min':>9} {'max':>9} {'ratio':>7}")
    for group, figures in results.items():
        if not isinstance(figures, dict) or group == "machine":
            continue
        for name, f in figures.items():
            ratio = f.get("ratio_to_reference")
            print(f"{group + '.' + name:38} {f['median']:9.3f} {f['min']:9.3f} {f['max']:9.3f} "
                  f"{'' if ratio is None else f'{ratio:6.2f}x':>7}")
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
