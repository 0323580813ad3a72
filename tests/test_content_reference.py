"""The staff reference and the schema's hover help are generated from the model and stay in
sync with it (issue 11 item 7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiosk.content import model
from kiosk.content.reference import example_models, reference
from kiosk.content.schema import models, schema

ROOT = Path(__file__).resolve().parent.parent
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]{3}")


def test_committed_reference_is_up_to_date():
    committed = (ROOT / "docs" / "content-reference.md").read_text(encoding="utf-8")
    assert committed == reference(), (
        "run `python -m kiosk.content.reference > docs/content-reference.md` and commit it")


def _properties(body):
    yield "Content", body.get("properties", {})
    for name, sub in body.get("$defs", {}).items():
        yield name, sub.get("properties", {})


def test_every_property_has_a_bilingual_description():
    missing = []
    for block, props in _properties(schema()):
        for key, prop in props.items():
            text = prop.get("description", "")
            if not (_CJK.search(text) and _LATIN.search(text)):
                missing.append(f"{block}.{key}")
    assert missing == [], "add descriptions in kiosk/content/descriptions.py: " + ", ".join(missing)


def test_committed_schema_carries_the_descriptions():
    committed = json.loads((ROOT / "content.schema.json").read_text(encoding="utf-8"))
    assert committed == schema()
    assert "examples" in committed["$defs"]["Hotspot"]["properties"]["polygon"]


def test_reference_names_every_block_and_key():
    text = reference()
    for name, cls in models().items():
        if name in ("Model", "SectionBase") or not cls.__module__.startswith("kiosk.content"):
            continue  # bases, and models other tests define on the fly
        assert f"### {name}\n" in text, name
        for key in cls.model_fields:
            assert f"| `{key}` |" in text


@pytest.mark.parametrize(("name", "data"), example_models(), ids=[n for n, _ in example_models()])
def test_examples_are_valid(name, data):
    getattr(model, name).model_validate(data)


def test_guide_and_loader_agree_on_quoted_years():
    guide = (ROOT / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    assert '`"2023"`' in guide  # the guide says a quoted year is fine as a date …
    assert model.Event.model_validate(  # … and the loader accepts it
        {"date": "2023", "title": {"zh": "甲", "en": "A"}, "text": {"zh": "甲", "en": "A"}}
    ).year == 2023
