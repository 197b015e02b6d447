"""Read the packaged OpenAPI document and walk its JSON Schemas."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .. import _operations

__all__ = ["SpecError", "load_spec", "operation", "resolve", "schema_types", "subschemas"]


class SpecError(RuntimeError):
    """The packaged spec lacks something the bulk importer needs."""


def load_spec() -> dict[str, Any]:
    """The spec shipped as ``omnisegment_api/openapi.json`` (the client's parsed copy)."""
    try:
        return _operations.load_spec()
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise SpecError("omnisegment_api/openapi.json is missing; run `nox -s generate`") from exc


def operation(spec: Mapping[str, Any], operation_id: str) -> dict[str, Any]:
    """The operation object of an operationId (found through the client's operation table)."""
    try:
        op = _operations.default_table().get(operation_id)
    except KeyError:
        raise SpecError(f"operation {operation_id!r} is not in the spec") from None
    found: dict[str, Any] = spec["paths"][op.path][op.method.lower()]
    return found


def resolve(spec: Mapping[str, Any], schema: Any) -> dict[str, Any]:
    """Follow ``$ref`` chains (local ``#/...`` pointers only); non-dicts give ``{}``."""
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise SpecError(f"unsupported $ref {ref!r}")
        target: Any = spec
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target[part]
        # Keywords beside a $ref (3.1 allows them) are merged over the target.
        extra = {k: v for k, v in schema.items() if k != "$ref"}
        schema = {**target, **extra} if extra else target
        seen += 1
        if seen > 50:
            raise SpecError(f"$ref cycle at {ref!r}")
    return schema if isinstance(schema, dict) else {}


def subschemas(spec: Mapping[str, Any], schema: Any) -> Iterator[dict[str, Any]]:
    """Yield the schema and every alternative reachable via allOf/anyOf/oneOf (resolved)."""
    stack = [resolve(spec, schema)]
    count = 0
    while stack and count < 200:
        current = stack.pop()
        count += 1
        yield current
        for key in ("allOf", "anyOf", "oneOf"):
            for alt in current.get(key, ()) or ():
                stack.append(resolve(spec, alt))


def schema_types(spec: Mapping[str, Any], schema: Any) -> frozenset[str] | None:
    """JSON types a schema admits, or None when it does not restrict the type."""
    found: set[str] = set()
    unrestricted = False
    any_seen = False
    for sub in subschemas(spec, schema):
        typ = sub.get("type")
        if isinstance(typ, str):
            found.add(typ)
            any_seen = True
        elif isinstance(typ, list):
            found.update(t for t in typ if isinstance(t, str))
            any_seen = True
        elif "enum" in sub or "const" in sub:
            values = sub.get("enum", [sub.get("const")])
            found.update(_json_type(v) for v in values)
            any_seen = True
        elif "properties" in sub:
            found.add("object")
            any_seen = True
        elif "items" in sub:
            found.add("array")
            any_seen = True
        elif not any(k in sub for k in ("allOf", "anyOf", "oneOf")):
            unrestricted = True
    if unrestricted and not any_seen:
        return None
    if unrestricted and not found:
        return None
    if "integer" in found and "number" in found:
        found.discard("integer")
    return frozenset(found) if found else None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
