"""Content sets for the fleet tests: a folder with content.yaml, plan.svg and a picture."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from conftest import PLAN_SVG, minimal_content_dict


def make_set(folder: Path, title: str = "Welcome", *, plan: str = PLAN_SVG) -> Path:
    """Write a valid content folder whose first highlight says ``title``; return content.yaml."""
    data = json.loads(json.dumps(minimal_content_dict()))
    data["attract"]["highlights"][0]["title"]["en"] = title
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.svg").write_text(plan, encoding="utf-8")
    path = folder / "content.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def title_of(content) -> str:
    return content.attract.highlights[0].title.en
