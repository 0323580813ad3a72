"""The benchmark table: every per-size figure with one column per window size, each beside
its same-run bare-Qt reference, then the size-independent figures."""

from __future__ import annotations

TARGETS = {
    "startup.kiosk_s": ("ratio", 2.0, "≤ 2.0× bare Qt"),
    "startup.kiosk_10x_s": ("ratio", 1.2, "≤ 1.2× of 1×"),
    "validate.validate_10x_s": ("median", 1.0, "< 1 s"),
    "interaction.tap_kiosk": ("p95_ms", 16.7, "p95 ≤ 16.7 ms"),
    "interaction.frames_transition": ("p95_ms", 16.7, "p95 ≤ 16.7 ms"),
    "interaction.frames_page_animations": ("p95_ms", 16.7, "p95 ≤ 16.7 ms"),
}
MEMORY_TARGETS = {"1920x1080": 190.0, "3840x2160": 260.0}
MEMORY_ROWS = ("rss_after_start_mb", "rss_after_pages_mb", "rss_soak_before_mb",
               "rss_soak_after_mb", "soak_growth_mb")
CELL = 26


def verdict(key: str, f: dict) -> str:
    target = TARGETS.get(key)
    if not target:
        return ""
    value = f.get(target[0])
    return "✓" if value is not None and value <= target[1] else "✗"


def cell(key: str, f: object) -> str:
    if isinstance(f, (int, float)):
        return f"{f:.1f}"
    if not isinstance(f, dict):
        return "—"
    mark = verdict(key, f)
    if "p50_ms" in f:
        return f"{f['p50_ms']:.1f} / {f['p95_ms']:.1f} ms {mark}".rstrip()
    if "median" in f:
        ratio = f.get("ratio")
        shown = f"{f['median']:.3f} ({f['min']:.2f}–{f['max']:.2f})"
        return f"{shown} {'' if ratio is None else f'{ratio:.2f}×'} {mark}".rstrip()
    return "—"


def size_rows(results: dict) -> list[str]:
    sizes = results.get("sizes") or {"": results}
    names = list(sizes)
    rows = [f"{'figure':38}" + "".join(f" {n or 'kiosk':>{CELL}}" for n in names) + "  target"]
    keys: list[str] = []
    for per in sizes.values():
        for group in ("startup", "interaction"):
            keys += [f"{group}.{k}" for k in per.get(group, {}) if f"{group}.{k}" not in keys]
    for key in keys:
        group, name = key.split(".", 1)
        cells = [cell(key, per.get(group, {}).get(name)) for per in sizes.values()]
        target = TARGETS.get(key, (None, None, ""))[2]
        rows.append(f"{key:38}" + "".join(f" {c:>{CELL}}" for c in cells) + f"  {target}")
    for name in MEMORY_ROWS:
        cells = []
        for size, per in sizes.items():
            value = per.get("memory", {}).get(name)
            mark = ""
            if name == "rss_after_pages_mb" and value is not None and size in MEMORY_TARGETS:
                mark = " ✓" if value <= MEMORY_TARGETS[size] else " ✗"
            if name == "soak_growth_mb" and value is not None:
                mark = " ✓" if value <= 2.0 else " ✗"
            cells.append("—" if value is None else f"{value:.1f} MB{mark}")
        target = {"rss_after_pages_mb": "≤ 190 MB (1080p) / ≤ 260 MB (4K)",
                  "soak_growth_mb": "≤ 2 MB"}.get(name, "")
        rows.append(f"{'memory.' + name:38}" + "".join(f" {c:>{CELL}}" for c in cells)
                    + f"  {target}")
    return rows


def table(results: dict) -> list[str]:
    rows = [f"machine: {results['machine']['cpu']} ({results['machine']['cores']} cores), "
            f"Python {results['machine']['python']}"]
    rows += size_rows(results)
    for group in ("validate", "bundle"):
        for name, f in (results.get(group) or {}).items():
            key = f"{group}.{name}"
            target = TARGETS.get(key, (None, None, ""))[2]
            rows.append(f"{key:38}{cell(key, f):>{CELL}}  {target}")
    for scale, pages in (results.get("scale") or {}).items():
        shown = ", ".join(f"{k} {v * 1000:.0f} ms" if isinstance(v, float) else f"{k}: {v}"
                          for k, v in pages.items())
        rows.append(f"{'scale.first_paint_' + scale:38} {shown}")
    return rows
