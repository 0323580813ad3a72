"""Turning pydantic's validation errors into findings staff can act on: the exact
``line:col`` of the YAML node, a plain-language message, a did-you-mean for unknown keys."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.content.fields import MAX_ABS_VALUE
from kiosk.content.findings import Finding
from kiosk.content.model import SECTION_TYPES, Content
from kiosk.content.yamlread import Document, Path_, Scalar, describe

_PATTERN_HINTS = {
    "^[a-z0-9][a-z0-9_-]{0,47}$": "ids use lowercase letters, digits, '-' and '_' "
    "(at most 48), like 'golden-flowers'",
    "^#[0-9A-Fa-f]{6}$": "colours are written #RRGGBB in quotes, like \"#2E7CF6\"",
    "^[a-z0-9]+\\.[a-z0-9-]+$": "icon names look like mdi6.factory",
    "^https?://[^\\s/$.?#][^\\s]*$": "a website starts with https:// (or http://)",
}
_DATE_HINT = (
    "a date is a year (1978), a month in quotes (\"2020-06\") or a day (2020-06-28)"
)


def resolve_path(loc: tuple[Any, ...], data: Any) -> tuple[Path_, tuple[Any, ...]]:
    """Split a pydantic ``loc`` into the part that exists in ``data`` and the rest.

    pydantic puts the tag of a discriminated union into ``loc`` (``sections, 2, 'partners',
    'icno'``); it is skipped by following the model alongside the data — otherwise the tag
    ``partners`` would be mistaken for a partners section's ``partners:`` list. Validator
    names ('function-after[...]') are not keys of the data and go to the rest."""
    path: list[str | int] = []
    rest: list[Any] = []
    node, tp = data, _strip(Content)
    for part in loc:
        if isinstance(tp, list) and isinstance(node, dict) and part == node.get("type"):
            tp = _choose(tp, node)  # the union's tag, not a key
            continue
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
            tp = _field_type(tp, part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
            args = typing.get_args(tp)
            tp = _strip(args[0]) if typing.get_origin(tp) is list and args else None
        else:
            rest.append(part)
    return tuple(path), tuple(rest)


def _field_type(tp: Any, name: str) -> Any:
    if isinstance(tp, type) and issubclass(tp, BaseModel) and name in tp.model_fields:
        return _strip(tp.model_fields[name].annotation)
    return None


def _strip(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in map(_strip, args) if isinstance(a, type)
                      and issubclass(a, BaseModel)]
            if len(args) == 1:
                tp = args[0]
            elif models:
                return models  # several candidate models (discriminated union)
            else:
                return tp
        else:
            return tp


def model_at(path: Path_, data: Any) -> type[BaseModel] | None:
    """The content model class that describes the mapping at ``path``."""
    tp: Any = Content
    node = data
    for part in path:
        tp = _choose(_strip(tp), node)
        if isinstance(part, int):
            args = typing.get_args(tp)
            if typing.get_origin(tp) is not list or not args:
                return None
            tp = args[0]
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            fld = tp.model_fields.get(part)
            if fld is None:
                return None
            tp = fld.annotation
        else:
            return None
        node = node[part]
    tp = _choose(_strip(tp), node)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _choose(tp: Any, node: Any) -> Any:
    if isinstance(tp, list):  # discriminated union of models: pick by `type`
        wanted = node.get("type") if isinstance(node, dict) else None
        for cls in tp:
            field = cls.model_fields.get("type")
            if field is not None and wanted in typing.get_args(field.annotation):
                return cls
        return None
    return _strip(tp)


def suggest(word: str, options: typing.Iterable[str]) -> str:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


Error = dict[str, Any]


def findings_from(exc: ValidationError, doc: Document, source: str) -> list[Finding]:
    findings: dict[tuple[Path_, str], Finding] = {}
    by_path: dict[Path_, list[Error]] = {}
    for details in exc.errors(include_url=False):
        path, rest = resolve_path(details["loc"], doc.data)
        by_path.setdefault(path, []).append({**details, "rest": rest})
    misspelt = _misspelt_keys(by_path, doc)
    for path, found in by_path.items():
        errors = [{**found[0], "type": "date_union"}] \
            if len(found) > 1 and path and path[-1] == "date" else found
        for error in errors:
            if error["type"] == "missing" and (path, _missing_name(error)) in misspelt:
                continue  # the unknown key's did-you-mean already says it
            line, col, message = _explain(error, path, doc)
            findings.setdefault((path, message), Finding(source, line, col, "error", message))
    return list(findings.values())


def _missing_name(error: Error) -> str:
    return next((str(p) for p in reversed(error["rest"]) if isinstance(p, str)), "?")


def _misspelt_keys(by_path: dict[Path_, list[Error]], doc: Document) -> set[tuple[Path_, str]]:
    """(mapping path, key) pairs where an unknown key looks like a misspelling of ``key``."""
    found: set[tuple[Path_, str]] = set()
    for path, errors in by_path.items():
        if any(e["type"] == "extra_forbidden" for e in errors) and path:
            model = model_at(path[:-1], doc.data)
            if model is not None:
                match = difflib.get_close_matches(str(path[-1]), list(model.model_fields), 1, 0.6)
                found.update((path[:-1], m) for m in match)
    return found


@dataclass(frozen=True)
class _At:
    """One error and where it is: what each explainer needs."""

    error: Error
    path: Path_
    doc: Document

    @property
    def ctx(self) -> dict[str, Any]:
        return self.error.get("ctx") or {}

    @property
    def value(self) -> Any:
        return self.error.get("input")

    @property
    def scalar(self) -> Scalar | None:
        return self.doc.scalars.get(self.path)

    @property
    def name(self) -> str:
        return str(self.path[-1]) if self.path and isinstance(self.path[-1], str) else ""

    def got(self) -> str:
        return describe(self.value, self.scalar)


def _missing(at: _At) -> str:
    where = f" in '{at.name}'" if at.name else ""
    return f"'{_missing_name(at.error)}:' is missing{where}; add it"


def _extra(at: _At) -> str:
    key = str(at.path[-1])
    model = model_at(at.path[:-1], at.doc.data)
    allowed = list(model.model_fields) if model else []
    hint = suggest(key, allowed)
    if not hint and allowed:
        hint = f" (allowed here: {', '.join(allowed)})"
    return f"unknown key '{key}'{hint}"


def _string_type(at: _At) -> str:
    scalar, value = at.scalar, at.value
    if scalar is not None and not isinstance(value, (dict, list)) and value is not None:
        return (f"expected text, but YAML reads {scalar.source} as {at.got()}; "
                f"put it in quotes: \"{scalar.source}\"")
    return f"expected text here, found {at.got()}"


def _model_type(at: _At) -> str:
    model = model_at(at.path, at.doc.data)
    if model is not None and set(model.model_fields) == {"zh", "en"}:
        return (f"expected a text in two languages (zh: and en: on their own "
                f"lines below '{at.name}:'), found {at.got()}")
    return f"expected a group of keys below '{at.name}:', found {at.got()}"


def _number(at: _At) -> str:
    want = "a whole number" if at.error["type"].startswith("int") else "a number"
    return f"expected {want}, found {at.got()}"


def _literal(at: _At) -> str:
    expected = str(at.ctx.get("expected", ""))
    options = [o.strip().strip("'") for o in expected.split(" or ")]
    options = [p.strip().strip("'") for o in options for p in o.split(",")]
    return (f"'{at.value}' is not allowed here{suggest(str(at.value), options)} "
            f"(choose: {expected})")


def _pattern(at: _At) -> str:
    hint = _PATTERN_HINTS.get(at.ctx.get("pattern", ""), _DATE_HINT if at.name == "date" else
                              f"it must match {at.ctx.get('pattern')}")
    return f"'{at.value}' is not valid: {hint}"


def _length(at: _At) -> str:
    if at.error["type"] == "too_short":
        least = at.ctx.get("min_length", 1)
        return f"'{at.name}' needs at least {least} item{'s' * (least != 1)}"
    return f"'{at.name}' has too many items (at most {at.ctx.get('max_length')})"


_BOUNDS = {"greater_than_equal": ("at least", "ge"), "greater_than": ("more than", "gt"),
           "less_than_equal": ("at most", "le"), "less_than": ("less than", "lt")}


def _bound(at: _At) -> str:
    words, key = _BOUNDS[at.error["type"]]
    bound = at.ctx.get(key)
    if isinstance(bound, float) and abs(bound) == MAX_ABS_VALUE:
        source = at.scalar.source if at.scalar else f"{at.value:g}"
        return (f"{source} is too large to show: numbers here are at most "
                f"{MAX_ABS_VALUE:,.0f} (10^15) either way — check the number of digits")
    return f"'{at.name}' must be {words} {bound:g} (found {at.value})" \
        if isinstance(bound, float) else f"'{at.name}' must be {words} {bound} (found {at.value})"


def _value_error(at: _At) -> str:
    msg = str(at.ctx.get("error", at.error["msg"]))
    return msg[0].upper() + msg[1:] if msg else str(at.error["msg"])


def _not_a_date(at: _At) -> str:
    return f"'{at.scalar.source if at.scalar else at.value}' is not a date: {_DATE_HINT}"


def _union_tag(at: _At) -> str:
    if at.error["type"] == "union_tag_not_found":
        return f"'type:' is missing; one of: {', '.join(SECTION_TYPES)}"
    tag = str(at.ctx.get("tag", ""))
    return (f"unknown section type '{tag}'{suggest(tag, SECTION_TYPES)} "
            f"(types: {', '.join(SECTION_TYPES)})")


_EXPLAIN: dict[str, Callable[[_At], str]] = {
    "missing": _missing, "extra_forbidden": _extra, "string_type": _string_type,
    "model_type": _model_type, "model_attributes_type": _model_type, "dict_type": _model_type,
    "list_type": lambda at: (f"expected a list below '{at.name}:' (lines starting with '- '), "
                             f"found {at.got()}"),
    "bool_type": lambda at: f"expected true or false, found {at.got()}",
    "bool_parsing": lambda at: f"expected true or false, found {at.got()}",
    "finite_number": lambda at: "expected a real number, not .nan or .inf",
    "literal_error": _literal, "string_pattern_mismatch": _pattern,
    "too_short": _length, "too_long": _length, "value_error": _value_error,
    "date_union": _not_a_date, "union_tag_invalid": _union_tag,
    "union_tag_not_found": _union_tag,
    **{kind: _number for kind in ("float_type", "int_type", "float_parsing", "int_parsing",
                                  "int_from_float")},
    **{kind: _bound for kind in _BOUNDS},
}


def _explain(error: Error, path: Path_, doc: Document) -> tuple[int, int, str]:
    kind: str = error["type"]
    line, col = doc.where(path)
    if kind == "extra_forbidden":
        line, col = doc.keys.get(path, (line, col))
    elif kind == "union_tag_invalid":
        line, col = doc.where((*path, "type"))
    at = _At(error, path, doc)
    explainer = _EXPLAIN.get(kind)
    if explainer is None and (kind.startswith("date") or kind.startswith("datetime")):
        explainer = _not_a_date
    if explainer is None:
        return line, col, f"{error['msg']} (at '{at.name}')"
    return line, col, explainer(at)
