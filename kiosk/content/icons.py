"""Icon names in content.yaml checked against qtawesome's character maps (read as JSON,
without importing qtawesome or Qt)."""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path

_ICON_FONTS = {
    "mdi6": "materialdesignicons6", "mdi": "materialdesignicons5",
    "fa5s": "fontawesome5-solid", "fa5": "fontawesome5-regular", "fa5b": "fontawesome5-brands",
    "fa6s": "fontawesome6-solid", "fa6": "fontawesome6-regular", "fa6b": "fontawesome6-brands",
    "ph": "phosphor", "ri": "remixicon", "msc": "codicon", "ei": "elusiveicons",
}


@cache
def _charmap(prefix: str) -> frozenset[str] | None:
    import importlib.util

    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return None
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    found = sorted(fonts.glob(f"{_ICON_FONTS[prefix]}*charmap*.json"))
    if not found:
        return None
    return frozenset(json.loads(found[-1].read_text(encoding="utf-8")))


def icon_problem(name: str) -> str | None:
    prefix, _, icon = name.partition(".")
    if prefix not in _ICON_FONTS:
        return (f"unknown icon set '{prefix}' (use one of: {', '.join(_ICON_FONTS)}); "
                "the tile is shown without an icon")
    names = _charmap(prefix)
    if names is None or icon in names:
        return None
    match = difflib.get_close_matches(icon, names, n=1, cutoff=0.6)
    hint = f"; did you mean '{prefix}.{match[0]}'?" if match else ""
    return f"there is no icon '{name}'{hint} — the tile is shown without an icon"
