"""Generate content.yaml at a scale: the shipped file with its lists multiplied, for the
scale benchmarks and the tests that need "10× content" (1,000 partners, 300 events,
100 hotspots at scale 10).

    python benchmarks/scale_content.py 10 /tmp/content-10x/content.yaml
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

PARTNERS_PER_SCALE = 100
EVENTS_PER_SCALE = 30
HOTSPOTS_PER_SCALE = 10


def scaled(scale: int) -> dict:
    """The shipped content with ``scale`` × 100 partners, × 30 events, × 10 hotspots."""
    data = yaml.safe_load((ROOT / "content.yaml").read_text(encoding="utf-8"))
    for section in data["sections"]:
        kind = section["type"]
        if kind == "partners":
            real = section["partners"]
            section["partners"] = [
                {**real[i % len(real)], "id": f"p{i:05d}",
                 "name": {"zh": f"{real[i % len(real)]['name']['zh']} {i}",
                          "en": f"{real[i % len(real)]['name']['en']} {i}"}}
                for i in range(PARTNERS_PER_SCALE * scale)
            ]
            ids = {p["id"] for p in section["partners"]}
        elif kind == "history":
            eras = section["eras"]
            template = eras[-1]["events"][0]
            total = EVENTS_PER_SCALE * scale
            per_era = -(-total // len(eras))
            year = 1900
            for era in eras:
                era["events"] = []
                for _ in range(per_era):
                    year += 1
                    era["events"].append({**template, "date": 1000 + year % 1200})
            # keep dates ascending across eras
            n = 0
            for era in eras:
                for event in era["events"]:
                    event["date"] = 1000 + n
                    n += 1
        elif kind == "park":
            w, h = section["plan"]["width"], section["plan"]["height"]
            real = section["hotspots"]
            cols = 10
            cell_w, cell_h = w / cols, h / max(1, HOTSPOTS_PER_SCALE * scale // cols)
            section["hotspots"] = [
                {**real[i % len(real)], "id": f"h{i:04d}", "partners": [],
                 "rect": [(i % cols) * cell_w + 2, (i // cols) * cell_h + 2,
                          cell_w - 4, max(4.0, cell_h - 4)]}
                for i in range(HOTSPOTS_PER_SCALE * scale)
            ]
    for section in data["sections"]:
        if section["type"] == "platform":
            for case in section.get("cases", []):
                case["partners"] = [p for p in case.get("partners", []) if p in ids]
    return data


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def write(scale: int, target: Path) -> Path:
    """Write scaled content (and the media it names) into ``target``'s folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    media = target.parent / "assets"
    if not media.exists():
        shutil.copytree(ROOT / "assets" / "plan", media / "plan")
    target.write_text(yaml.dump(scaled(scale), Dumper=_NoAliasDumper, allow_unicode=True,
                                sort_keys=False),
                      encoding="utf-8")
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(write(args.scale, args.out), file=sys.stderr)
