"""Run the kiosk's benchmarks, print a table and write JSON.

    python benchmarks/run.py            # full run (a few minutes)
    python benchmarks/run.py --smoke    # a few iterations: checks that everything runs

Every figure is a median over repeated runs (with min and max), or a p50/p95 over many
samples. Timings stand next to a reference measured in the same run — a bare PySide6
window, bare Python — because on a shared machine only ratios are honest.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import scale_content  # noqa: E402
import startup  # noqa: E402


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


def bench_validate(repeat: int, scales: tuple[int, ...], tmp: Path) -> dict:
    """`kiosk validate` as a whole process at several scales, against starting Python and
    importing the content engine's libraries."""
    floor = timed_process([sys.executable, "-c", "import yaml, pydantic"], repeat)
    out: dict = {"reference_python_yaml_pydantic_s": stats(floor)}
    for scale in scales:
        path = scale_content.write(scale, tmp / f"x{scale}" / "content.yaml")
        samples = timed_process([sys.executable, "-m", "kiosk", "validate", str(path)], repeat)
        out[f"validate_{scale}x_s"] = {**stats(samples), "bytes": path.stat().st_size,
                                       "ratio": statistics.median(samples)
                                       / statistics.median(floor)}
    return out


def bench_startup(repeat: int, tmp: Path, scales: tuple[int, ...]) -> dict:
    """Process start → first painted frame of the attract screen, kiosk vs bare Qt,
    interleaved so both see the same machine load. The kiosk runs as it does every morning:
    restarted on the content it already validated (each scale has its data folder, primed
    by one untimed first start, which also validates and keeps the last-good copy)."""
    paths = {1: None}
    for scale in scales:
        if scale != 1:
            paths[scale] = tmp / f"x{scale}" / "content.yaml"
            if not paths[scale].exists():
                scale_content.write(scale, paths[scale])
    envs = {scale: {**startup.KIOSK_ENV, "KIOSK_DATA_DIR": str(tmp / f"startup-data-{scale}")}
            for scale in paths}
    first = {scale: startup.first_frame(startup.kiosk_cmd(path), envs[scale])[0]
             for scale, path in paths.items()}
    bare, rss_bare, rss_kiosk = [], [], []
    runs: dict[int, list[float]] = {scale: [] for scale in paths}
    for _ in range(repeat):
        t, rss = startup.first_frame(startup.bare_cmd())
        bare.append(t)
        rss_bare.append(rss)
        for scale, path in paths.items():
            t, rss = startup.first_frame(startup.kiosk_cmd(path), envs[scale])
            runs[scale].append(t)
            if scale == 1:
                rss_kiosk.append(rss)
    kiosk = runs.pop(1)
    out = {
        "bare_qt_s": stats(bare),
        "kiosk_s": {**stats(kiosk), "ratio": statistics.median(kiosk) / statistics.median(bare)},
        "kiosk_first_start_s": {**stats([first[1]]),
                                "ratio": first[1] / statistics.median(bare)},
        "bare_qt_rss_mb": stats(rss_bare),
        "kiosk_rss_mb": stats(rss_kiosk),
    }
    for scale, samples in runs.items():
        out[f"kiosk_{scale}x_s"] = {**stats(samples),
                                    "ratio": statistics.median(samples) / statistics.median(kiosk)}
    return out


def interaction(args: list[str], tmp: Path) -> dict:
    env = {**os.environ, "KIOSK_DATA_DIR": str(tmp / "interaction")}
    out = subprocess.run([sys.executable, str(HERE / "interaction.py"), *args], env=env,
                         capture_output=True, text=True, timeout=3600, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"interaction.py failed: {out.stderr[-3000:]}")
    return json.loads(lines[-1])


def bench_scale(tmp: Path, scales: tuple[int, ...]) -> dict:
    out = {}
    for scale in scales:
        path = tmp / f"x{scale}" / "content.yaml"
        if not path.exists():
            scale_content.write(scale, path)
        try:
            result = interaction(["--content", str(path), "--only-first-paint"], tmp)
        except RuntimeError as exc:  # report it, keep the other figures
            out[f"{scale}x"] = {"failed": str(exc)[-300:]}
            continue
        out[f"{scale}x"] = result["page_first_paint_s"] or {"refused": result.get("refused")}
    return out


def bench_bundle(repeat: int, tmp: Path) -> dict | None:
    exe = ROOT / "build" / "dist" / "kiosk" / "kiosk"
    if not exe.exists():
        return None
    size = sum(p.lstat().st_size for p in exe.parent.rglob("*")
               if p.is_file() and not p.is_symlink())
    source, frozen = [], []
    for i in range(repeat):
        env = {**startup.KIOSK_ENV, "KIOSK_DATA_DIR": str(tmp / f"bundle-{i}")}
        source.append(startup.first_frame(startup.kiosk_cmd(), env)[0])
        frozen.append(startup.first_frame(startup.kiosk_cmd(executable=[str(exe)]), env)[0])
    return {"size_mb": size / 1e6, "source_s": stats(source),
            "bundle_s": {**stats(frozen),
                         "ratio": statistics.median(frozen) / statistics.median(source)}}


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform()}


TARGETS = {
    "startup.kiosk_s": ("ratio", 2.0, "≤ 2.0× bare Qt"),
    "startup.kiosk_10x_s": ("ratio", 1.2, "≤ 1.2× of 1×"),
    "validate.validate_10x_s": ("median", 1.0, "< 1 s"),
    "interaction.tap_kiosk": ("p95_ms", 16.7, "p95 ≤ 16.7 ms"),
    "interaction.frames_transition": ("p95_ms", 16.7, "p95 ≤ 16.7 ms"),
    "interaction.frames_page_animations": ("p95_ms", 16.7, "p95 ≤ 16.7 ms"),
}


def table(results: dict) -> list[str]:
    rows = [f"machine: {results['machine']['cpu']} ({results['machine']['cores']} cores), "
            f"Python {results['machine']['python']}",
            f"{'figure':42} {'median/p50':>11} {'min':>8} {'max/p95':>8} {'ratio':>7}  target"]
    for group in ("startup", "validate", "interaction", "bundle"):
        for name, f in (results.get(group) or {}).items():
            if not isinstance(f, dict):
                rows.append(f"{group + '.' + name:42} {f:11.1f}")
                continue
            key = f"{group}.{name}"
            target = TARGETS.get(key)
            verdict = ""
            if target:
                value = f.get(target[0])
                verdict = f"{target[2]} {'✓' if value is not None and value <= target[1] else '✗'}"
            if "p50_ms" in f:
                rows.append(f"{key:42} {f['p50_ms']:9.1f}ms {'':>8} {f['p95_ms']:6.1f}ms "
                            f"{'':>7}  {verdict}")
            elif "median" in f:
                ratio = f.get("ratio")
                rows.append(f"{key:42} {f['median']:11.3f} {f['min']:8.3f} {f['max']:8.3f} "
                            f"{'' if ratio is None else f'{ratio:6.2f}x':>7}  {verdict}")
    for name in ("rss_after_start_mb", "rss_after_pages_mb", "rss_soak_before_mb",
                 "rss_soak_after_mb"):
        if name in results.get("memory", {}):
            rows.append(f"{'memory.' + name:42} {results['memory'][name]:11.1f}")
    for scale, pages in (results.get("scale") or {}).items():
        shown = ", ".join(f"{k} {v * 1000:.0f} ms" if isinstance(v, float) else f"{k}: {v}"
                          for k, v in pages.items())
        rows.append(f"{'scale.first_paint_' + scale:42} {shown}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description="kiosk benchmarks")
    parser.add_argument("--smoke", action="store_true", help="few iterations, just check it runs")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "latest.json")
    args = parser.parse_args()
    repeat = 2 if args.smoke else 9
    scales = (1,) if args.smoke else (1, 10)
    results: dict = {"machine": machine(), "smoke": args.smoke}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results["validate"] = bench_validate(repeat, scales, tmp)
        results["startup"] = bench_startup(repeat if not args.smoke else 1, tmp, scales)
        inter = interaction(["--taps", "20" if args.smoke else "240",
                             "--soak", "100" if args.smoke else "20000"], tmp)
        results["interaction"] = {k: v for k, v in inter.items() if isinstance(v, dict)
                                  and "p50_ms" in v}
        results["memory"] = {k: v for k, v in inter.items() if k.startswith("rss")}
        if "rss_soak_after_mb" in inter:
            results["memory"]["soak_growth_mb"] = (inter["rss_soak_after_mb"]
                                                   - inter["rss_soak_before_mb"])
        results["scale"] = bench_scale(tmp, (1,) if args.smoke else (1, 10, 100))
        bundle = None if args.smoke else bench_bundle(5, tmp)
        if bundle:
            results["bundle"] = bundle
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("\n".join(table(results)))
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
