"""Turn CSV cells into typed JSON values, driven by the endpoint's item schema."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from ._spec import resolve, schema_types, subschemas

__all__ = ["CellError", "ColumnPlan", "HeaderError", "plan_columns", "schema_at"]

_INT = re.compile(r"[+-]?\d+\Z")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z")
_TRUE = frozenset({"true", "t", "yes", "y", "1"})
_FALSE = frozenset({"false", "f", "no", "n", "0"})

Coercer = Callable[[str], Any]
_WORDS = {
    "boolean": "a boolean (true/false)",
    "integer": "an integer",
    "number": "a number",
    "object": "an object",
    "array": "an array",
    "string": "a string",
}


class CellError(ValueError):
    """A cell cannot be converted to the type its field needs."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"field '{field}' {message}")


class HeaderError(ValueError):
    """The CSV header cannot be used (duplicate, empty or unknown column)."""


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def schema_at(
    spec: Mapping[str, Any], schema: Mapping[str, Any], path: Sequence[str]
) -> tuple[dict[str, Any] | None, bool]:
    """Sub-schema at a dotted path and whether the path is allowed at all.

    Returns ``(None, True)`` when the path is allowed but untyped (free-form custom
    fields) and ``(None, False)`` when an object along the way forbids extra keys.
    """
    current: Any = schema
    for part in path:
        found: Any = None
        closed = False
        extra: Any = None
        for sub in subschemas(spec, current):
            props = sub.get("properties") or {}
            if part in props:
                found = props[part]
                break
            add = sub.get("additionalProperties")
            if add is False:
                closed = True
            elif isinstance(add, dict):
                extra = add
        if found is None:
            if extra is not None:
                found = extra
            elif closed:
                return None, False
            else:
                return None, True
        current = found
    return resolve(spec, current), True


def make_coercer(field: str, types: frozenset[str] | None) -> Coercer:
    """Build the converter for one column from the JSON types its schema admits."""
    if types is None:
        # Free-form (custom fields): JSON for arrays/objects, text otherwise.
        def free(value: str) -> Any:
            if value[0] in "[{":
                try:
                    return orjson.loads(value)
                except orjson.JSONDecodeError:
                    return value
            return value

        return free

    structured = bool(types & {"array", "object"})
    string = "string" in types
    boolean = "boolean" in types
    integer = "integer" in types
    number = "number" in types
    null = "null" in types

    if types == {"string"} or types == {"string", "null"}:
        return str

    def coerce(value: str) -> Any:
        if structured and value[0] in "[{":
            try:
                return orjson.loads(value)
            except orjson.JSONDecodeError as exc:
                if not string:
                    raise CellError(field, f"is not valid JSON ({exc.msg})") from None
        if boolean and not string:
            low = value.strip().lower()
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
        if integer and not string and _INT.match(value.strip()):
            return int(value)
        if number and not string:
            stripped = value.strip()
            if _INT.match(stripped):
                return int(stripped)
            if _NUMBER.match(stripped):
                result = float(stripped)
                if math.isfinite(result):
                    return result
        if null and not string and value.strip().lower() == "null":
            return None
        if string:
            return value
        wanted = [_WORDS.get(t, t) for t in sorted(types) if t != "null"] or ["null"]
        if structured and not (boolean or integer or number):
            wanted = [f"JSON {w.split()[-1]}" for w in wanted]
        raise CellError(field, f"must be {' or '.join(wanted)}, got {_short(value)!r}")

    return coerce


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    """How one CSV column becomes part of a record."""

    index: int
    name: str
    path: tuple[str, ...]
    coerce: Coercer


def plan_columns(
    header: Sequence[str],
    spec: Mapping[str, Any] | None,
    item_schema: Mapping[str, Any] | None,
) -> list[ColumnPlan]:
    """Plan every column once per file: target path and converter."""
    seen: set[str] = set()
    plans: list[ColumnPlan] = []
    for index, raw_name in enumerate(header):
        name = raw_name.strip()
        if index == 0:
            name = name.lstrip("\ufeff").strip()
        if not name:
            raise HeaderError(f"line 1: column {index + 1} has no name")
        if name in seen:
            raise HeaderError(f"line 1: duplicate column {name!r}")
        seen.add(name)
        path = tuple(part.strip() for part in name.split("."))
        if any(not part for part in path):
            raise HeaderError(f"line 1: column {name!r} has an empty part in its dotted name")
        types: frozenset[str] | None = None
        if spec is not None and item_schema is not None:
            sub, allowed = schema_at(spec, item_schema, path)
            if not allowed:
                raise HeaderError(f"line 1: column {name!r} is not a field of this record kind")
            if sub is not None:
                types = schema_types(spec, sub)
        plans.append(ColumnPlan(index, name, path, make_coercer(name, types)))
    # A column that is a prefix of another (``a`` and ``a.b``) is merged at build time.
    return plans


def build_record(plans: Sequence[ColumnPlan], row: Sequence[str]) -> dict[str, Any]:
    """Build one record from a CSV row (empty cells are left out)."""
    record: dict[str, Any] = {}
    for plan in plans:
        value = row[plan.index]
        if value == "":
            continue
        converted = plan.coerce(value)
        path = plan.path
        if len(path) == 1:
            key = path[0]
            if key in record and isinstance(record[key], dict) and isinstance(converted, dict):
                record[key] = {**converted, **record[key]}
            else:
                record[key] = converted
            continue
        target = record
        for part in path[:-1]:
            nxt = target.get(part)
            if nxt is None:
                nxt = target[part] = {}
            elif not isinstance(nxt, dict):
                raise CellError(plan.name, f"cannot be set: '{part}' is not an object")
            target = nxt
        target[path[-1]] = converted
    return record
