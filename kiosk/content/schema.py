"""The JSON Schema of content.yaml, generated from the model (for editors such as VS Code
with the YAML extension, which read the ``# yaml-language-server: $schema=…`` line). Every
property carries a bilingual ``description`` (hover help) from
:mod:`~kiosk.content.descriptions`, and ``examples`` where they help."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kiosk.content import model as content_model
from kiosk.content.descriptions import BLOCKS, describe_field, examples, joined
from kiosk.content.model import Content


def models() -> dict[str, type[BaseModel]]:
    """Every model class of the content, by name."""
    return {name: cls for name, cls in content_model.content_models().items()}


def _describe(body: dict[str, Any], cls: type[BaseModel]) -> None:
    if cls.__name__ in BLOCKS:
        body["description"] = joined(BLOCKS[cls.__name__])
    for key, prop in body.get("properties", {}).items():
        field = cls.model_fields.get(key)
        doc = describe_field(cls, key)
        if doc is not None:
            prop["description"] = joined(doc)
        elif field is not None and field.description:
            prop["description"] = field.description
        found = examples(cls, key)
        if found is not None:
            prop["examples"] = found


def schema() -> dict[str, Any]:
    body = Content.model_json_schema()
    known = models()
    for name, sub in body.get("$defs", {}).items():
        if name in known:
            _describe(sub, known[name])
    _describe(body, Content)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Qingdao Industrial Internet Cluster kiosk content (content.yaml)",
        **body,
        "description": "展厅触摸屏显示的全部内容。修改后运行 `kiosk validate` 检查。 · Everything "
                       "the showroom kiosk shows. Check edits with `kiosk validate`.",
    }


def schema_json() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
