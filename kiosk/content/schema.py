"""The JSON Schema of content.yaml, generated from the model (for editors such as VS Code
with the YAML extension, which read the ``# yaml-language-server: $schema=…`` line)."""

from __future__ import annotations

import json
from typing import Any

from kiosk.content.model import Content


def schema() -> dict[str, Any]:
    body = Content.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Qingdao Industrial Internet Cluster kiosk content (content.yaml)",
        "description": "Everything the showroom kiosk shows. Check edits with `kiosk validate`.",
        **body,
    }


def schema_json() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
