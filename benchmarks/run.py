"""Run the kiosk's benchmarks, print a table and write JSON.

    python benchmarks/run.py                            # full run at 1920×1080
    python benchmarks/run.py --sizes 1920x1080,3840x2160  # both screen sizes, side by side
    python benchmarks/run.py --size 3840x2160           # one other size (repeatable)
    python benchmarks/run.py --smoke                    # a few iterations: checks it runs

The first size's figures sit under today's keys (``startup``, ``interaction``, ``memory``);
every size's figures, the first included, sit under ``sizes["WxH"]`` with the same keys.

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
from report import table  # noqa: E402
from sizes import parse_size  # noqa: E402

Size = tuple[int, int]


def stats(samples: list[float]) -> dict[str, float]:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples),
            "n": len(samples)}


def timed_process(args: list[str], repeat: int) -> list[float]:
    """Wall seconds of ``repeat`` runs, from bytecode as an installed kiosk runs (like
    startup.first_frame: one untimed run fills the cache even under PYTHONDONTWRITEBYTECODE,
    which would otherwise compile every module from source on every run)."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(startup.PYC_DIR)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(args, check=False, capture_output=True, env=env)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=False, capture_output=True, env=env)
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


def bench_startup(repeat: int, tmp: Path, scales: tuple[int, ...], size: Size) -> dict:
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
    tag = f"{size[0]}x{size[1]}"
    envs = {scale: {**startup.KIOSK_ENV,
                    "KIOSK_DATA_DIR": str(tmp / f"startup-data-{scale}-{tag}")}
            for scale in paths}
    first = {scale: startup.first_frame(startup.kiosk_cmd(path, size=size), envs[scale])[0]
             for scale, path in paths.items()}
    startup.first_frame(startup.bare_cmd(size))  # untimed: its bytecode cached like the kiosk's
    bare, rss_bare, rss_kiosk = [], [], []
    runs: dict[int, list[float]] = {scale: [] for scale in paths}
    for _ in range(repeat):
        t, rss = startup.first_frame(startup.bare_cmd(size))
        bare.append(t)
        rss_bare.append(rss)
        for scale, path in paths.items():
            t, rss = startup.first_frame(startup.kiosk_cmd(path, size=size), envs[scale])
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


def bench_size(size: Size, args: argparse.Namespace, tmp: Path) -> dict:
    """Start-up, taps, frames and memory at one window size."""
    repeat = 1 if args.smoke else args.repeat
    scales = (1,) if args.smoke else (1, 10)
    out: dict = {"startup": bench_startup(repeat, tmp, scales, size)}
    inter = interaction(["--size", f"{size[0]}x{size[1]}",
                         "--taps", "20" if args.smoke else "240",
                         "--soak", "100" if args.smoke else str(args.soak),
                         *(["--check-screen"] if args.smoke else [])], tmp)
    out["interaction"] = {k: v for k, v in inter.items() if isinstance(v, dict)
                          and "p50_ms" in v}
    out["memory"] = {k: v for k, v in inter.items() if k.startswith("rss")}
    out["paint"] = {k: inter[k] for k in ("paint_method", "screen_mismatches") if k in inter}
    if "rss_soak_after_mb" in inter:
        out["memory"]["soak_growth_mb"] = inter["rss_soak_after_mb"] - inter["rss_soak_before_mb"]
    return out


def parse_sizes(args: argparse.Namespace) -> list[Size]:
    sizes = [parse_size(t) for t in (args.sizes or "").split(",") if t.strip()]
    sizes += [s for s in args.size or [] if s not in sizes]
    return sizes or [(1920, 1080)]


def main() -> int:
    parser = argparse.ArgumentParser(description="kiosk benchmarks")
    parser.add_argument("--smoke", action="store_true", help="few iterations, just check it runs")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--size", type=parse_size, action="append",
                        help="window size WxH (repeatable; default 1920x1080)")
    parser.add_argument("--sizes", help="comma-separated sizes, e.g. 1920x1080,3840x2160")
    parser.add_argument("--repeat", type=int, default=9, help="start-up/validate repeats")
    parser.add_argument("--soak", type=int, default=20000, help="random taps for the RSS soak")
    args = parser.parse_args()
    repeat = 2 if args.smoke else args.repeat
    scales = (1,) if args.smoke else (1, 10)
    sizes = parse_sizes(args)
    results: dict = {"machine": machine(), "smoke": args.smoke, "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results["validate"] = bench_validate(repeat, scales, tmp)
        for size in sizes:
            results["sizes"][f"{size[0]}x{size[1]}"] = bench_size(size, args, tmp)
        results.update(next(iter(results["sizes"].values())))
        results["scale"] = bench_scale(tmp, (1,) if args.smoke else (1, 10, 100))
        bundle = None if args.smoke else bench_bundle(min(5, args.repeat), tmp)
        if bundle:
            results["bundle"] = bundle
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("\n".join(table(results)))
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
