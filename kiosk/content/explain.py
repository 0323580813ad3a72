"""Turning pydantic's validation errors into findings staff can act on: the exact
``line:col`` of the YAML node, a plain-language message, a did-you-mean for unknown keys."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

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

    pydantic puts union tags and validator names into ``loc`` ('history',
    'function-after[...]'); those are skipped because they are not keys of the data."""
    path: list[str | int] = []
    rest: list[Any] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and isinstance(part, str) and part in node) or (
                isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            path.append(part)
            node = node[part]
        else:
            rest.append(part)
    return tuple(path), tuple(rest)


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


def findings_from(exc: ValidationError, doc: Document, source: str) -> list[Finding]:
    findings: dict[tuple[Path_, str], Finding] = {}
    by_path: dict[Path_, list[dict[str, Any]]] = {}
    for error in exc.errors(include_url=False):
        path, rest = resolve_path(error["loc"], doc.data)
        by_path.setdefault(path, []).append({**error, "rest": rest})
    misspelt = _misspelt_keys(by_path, doc)
    for path, errors in by_path.items():
        if len(errors) > 1 and path and path[-1] == "date":
            errors = [{**errors[0], "type": "date_union"}]
        for error in errors:
            if error["type"] == "missing" and (path, _missing_name(error)) in misspelt:
                continue  # the unknown key's did-you-mean already says it
            line, col, message = _explain(error, path, doc)
            findings.setdefault((path, message), Finding(source, line, col, "error", message))
    return list(findings.values())


def _missing_name(error: dict[str, Any]) -> str:
    return next((str(p) for p in reversed(error["rest"]) if isinstance(p, str)), "?")


def _misspelt_keys(by_path: dict[Path_, list[dict[str, Any]]], doc: Document) -> set:
    """(mapping path, key) pairs where an unknown key looks like a misspelling of ``key``."""
    found = set()
    for path, errors in by_path.items():
        if any(e["type"] == "extra_forbidden" for e in errors) and path:
            model = model_at(path[:-1], doc.data)
            if model is not None:
                match = difflib.get_close_matches(str(path[-1]), list(model.model_fields), 1, 0.6)
                found.update((path[:-1], m) for m in match)
    return found


def _explain(error: dict[str, Any], path: Path_, doc: Document) -> tuple[int, int, str]:
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    scalar = doc.scalars.get(path)
    line, col = doc.where(path)
    name = str(path[-1]) if path and isinstance(path[-1], str) else ""

    found = _explain_shape(error, path, doc, kind, ctx, value, scalar, (line, col), name)
    if found is None:
        found = _explain_value(error, kind, ctx, value, scalar, (line, col), name)
    return found


def _explain_shape(error: dict[str, Any], path: Path_, doc: Document, kind: str, ctx: dict[str, Any], value: Any,
                   scalar: Scalar | None, at: tuple[int, int], name: str) -> tuple[int, int, str] | None:
    """Missing and unknown keys, section types, and a value of the wrong shape."""
    line, col = at
    if kind == "missing":
        missing = _missing_name(error)
        where = f" in '{name}'" if name else ""
        return line, col, f"'{missing}:' is missing{where}; add it"
    if kind == "extra_forbidden":
        key = str(path[-1])
        line, col = doc.keys.get(path, (line, col))
        model = model_at(path[:-1], doc.data)
        allowed = list(model.model_fields) if model else []
        hint = suggest(key, allowed)
        if not hint and allowed:
            hint = f" (allowed here: {', '.join(allowed)})"
        return line, col, f"unknown key '{key}'{hint}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tag = ctx.get("tag", "")
        if kind == "union_tag_not_found":
            return line, col, f"'type:' is missing; one of: {', '.join(SECTION_TYPES)}"
        t_path = (*path, "type")
        line, col = doc.where(t_path)
        return line, col, (f"unknown section type '{tag}'{suggest(str(tag), SECTION_TYPES)} "
                           f"(types: {', '.join(SECTION_TYPES)})")
    if kind == "date_union":
        return line, col, f"'{scalar.source if scalar else value}' is not a date: {_DATE_HINT}"
    if kind == "string_type":
        got = describe(value, scalar)
        if scalar is not None and not isinstance(value, (dict, list)) and value is not None:
            return line, col, (f"expected text, but YAML reads {scalar.source} as {got}; "
                               f"put it in quotes: \"{scalar.source}\"")
        return line, col, f"expected text here, found {got}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        got = describe(value, scalar)
        model = model_at(path, doc.data)
        if model is not None and set(model.model_fields) == {"zh", "en"}:
            return line, col, (f"expected a text in two languages (zh: and en: on their own "
                               f"lines below '{name}:'), found {got}")
        return line, col, f"expected a group of keys below '{name}:', found {got}"
    if kind == "list_type":
        return line, col, (f"expected a list below '{name}:' (lines starting with '- '), "
                           f"found {describe(value, scalar)}")
    return None


def _explain_value(error: dict[str, Any], kind: str, ctx: dict[str, Any], value: Any, scalar: Scalar | None,
                   at: tuple[int, int], name: str) -> tuple[int, int, str]:
    """A value of the right shape that is out of range, not allowed or malformed."""
    line, col = at
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing", "int_from_float"):
        want = "a whole number" if kind.startswith("int") else "a number"
        return line, col, f"expected {want}, found {describe(value, scalar)}"
    if kind in ("bool_type", "bool_parsing"):
        return line, col, f"expected true or false, found {describe(value, scalar)}"
    if kind == "finite_number":
        return line, col, "expected a real number, not .nan or .inf"
    if kind == "literal_error":
        options = [o.strip().strip("'") for o in str(ctx.get("expected", "")).split(" or ")]
        options = [p.strip().strip("'") for o in options for p in o.split(",")]
        return line, col, (f"'{value}' is not allowed here{suggest(str(value), options)} "
                           f"(choose: {ctx.get('expected', '')})")
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(ctx.get("pattern", ""), _DATE_HINT if name == "date" else
                                  f"it must match {ctx.get('pattern')}")
        return line, col, f"'{value}' is not valid: {hint}"
    if kind in ("too_short", "too_long"):
        least = ctx.get("min_length", 1)
        if kind == "too_short":
            return line, col, f"'{name}' needs at least {least} item{'s' * (least != 1)}"
        return line, col, f"'{name}' has too many items (at most {ctx.get('max_length')})"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {"greater_than_equal": ("at least", "ge"), "greater_than": ("more than", "gt"),
                 "less_than_equal": ("at most", "le"), "less_than": ("less than", "lt")}[kind]
        return line, col, f"'{name}' must be {bound[0]} {ctx.get(bound[1])} (found {value})"
    if kind == "value_error":
        msg = str(ctx.get("error", error["msg"]))
        return line, col, msg[0].upper() + msg[1:] if msg else error["msg"]
    if kind.startswith("date") or kind.startswith("datetime"):
        return line, col, f"'{scalar.source if scalar else value}' is not a date: {_DATE_HINT}"
    return line, col, f"{error['msg']} (at '{name}')"

