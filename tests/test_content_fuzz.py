"""Property tests: whatever bytes or YAML arrive, the loader returns a result or raises
its own error type — never anything else."""

from __future__ import annotations

import string

from content_fixtures import BASE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content import ContentError, load_bytes
from kiosk.content.loader import inspect_bytes

FUZZ = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load(data: bytes) -> None:
    try:
        load_bytes(data, source="fuzz.yaml")
    except ContentError as exc:
        assert exc.findings, "an error must carry at least one finding"
        for f in exc.findings:
            assert f.line >= 0 and f.col >= 0 and f.message


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    _load(data)


YAML_ALPHABET = string.ascii_letters + string.digits + " :-[]{},'\"#&*!|>?%@`\n\t.~" + "中文"


@FUZZ
@given(st.text(alphabet=YAML_ALPHABET, max_size=400))
def test_random_yaml_text(text):
    _load(text.encode("utf-8"))


@FUZZ
@given(st.integers(0, len(BASE) - 1), st.integers(0, 40), st.text(YAML_ALPHABET, max_size=12))
def test_mutated_content(position, cut, insert):
    _load((BASE[:position] + insert + BASE[position + cut :]).encode("utf-8"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@FUZZ
@given(json_values)
def test_any_structure_through_the_model(value):
    import json

    content, findings = inspect_bytes(json.dumps(value).encode(), source="fuzz.yaml")
    assert content is None or not any(f.is_error for f in findings)
