"""Local validation of records against the endpoint's item schema.

The item schema is compiled once per kind with fastjsonschema (generated Python code,
a few microseconds per record). Failures are turned into short reasons that name the
field, for example ``field 'email' must be a string`` or ``field 'member_sn' is
required``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import fastjsonschema

from ._kinds import KindSpec, kind_spec
from ._spec import resolve

__all__ = ["Invalid", "Validator", "compile_item_validator", "validator_for"]

_KNOWN_FORMATS = {
    "date-time",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uri",
    "json-pointer",
    "uri-reference",
    "uri-template",
    "date",
    "iri",
    "iri-reference",
    "idn-email",
    "idn-hostname",
    "relative-json-pointer",
    "time",
}
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class Invalid(ValueError):
    """A record failed validation; ``field`` names the offending field when known."""

    def __init__(self, reason: str, field: str | None = None) -> None:
        self.reason = reason
        self.field = field
        super().__init__(reason)


def _formats(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        fmt = node.get("format")
        if isinstance(fmt, str):
            found.add(fmt)
        for value in node.values():
            _formats(value, found)
    elif isinstance(node, list):
        for value in node:
            _formats(value, found)
    return found


def _custom_formats(spec: Mapping[str, Any]) -> dict[str, Any]:
    custom: dict[str, Any] = {}
    for fmt in _formats(dict(spec), set()):
        if fmt in _KNOWN_FORMATS:
            continue
        if fmt == "uuid":
            custom[fmt] = _UUID.pattern
        else:
            custom[fmt] = lambda value: True  # annotation-only formats (int32, binary...)
    return custom


def _strip_annotations(node: Any) -> Any:
    """Drop keywords fastjsonschema does not know and OpenAPI-only ones."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("example", "examples", "discriminator", "xml", "externalDocs"):
                continue
            if key.startswith("x-"):
                continue
            if key in ("properties", "patternProperties", "$defs", "definitions"):
                out[key] = {k: _strip_annotations(v) for k, v in value.items()}
            else:
                out[key] = _strip_annotations(value)
        return out
    if isinstance(node, list):
        return [_strip_annotations(v) for v in node]
    return node


def _field(name: str) -> str:
    """``data.shipping_address.city`` -> ``shipping_address.city``; ``data[0]`` kept."""
    if name == "data":
        return ""
    if name.startswith("data."):
        return name[5:]
    return name[4:] if name.startswith("data") else name


def _join(base: str, key: str) -> str:
    return f"{base}.{key}" if base else key


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_TYPE_WORDS = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


def _required_alternatives(definition: Mapping[str, Any]) -> list[list[str]]:
    alts: list[list[str]] = []
    for key in ("anyOf", "oneOf"):
        for alt in definition.get(key, ()) or ():
            if isinstance(alt, dict) and alt.get("required") and set(alt) <= {"required"}:
                alts.append(list(alt["required"]))
    return alts


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    cut = text.find(". ")
    return text[: cut + 1] if cut > 0 else text


def _expected(spec: Mapping[str, Any], definition: Mapping[str, Any]) -> str:
    """Words for what an anyOf/oneOf accepts, from its alternatives' descriptions."""
    words: list[str] = []
    for key in ("anyOf", "oneOf"):
        for alt in definition.get(key, ()) or ():
            alt = resolve(spec, alt)
            if alt.get("type") == "null":
                continue
            if alt.get("pattern") == "^(none)?$":
                continue  # the audience clearing marker: not worth mentioning
            if "enum" in alt:
                words.append("one of " + ", ".join(str(v) for v in alt["enum"]))
            elif isinstance(alt.get("description"), str):
                words.append(_first_sentence(alt["description"]).rstrip("."))
            elif "type" in alt:
                words.append(_TYPE_WORDS.get(str(alt["type"]), str(alt["type"])))
    if not words and isinstance(definition.get("description"), str):
        words.append(_first_sentence(definition["description"]).rstrip("."))
    return "; or ".join(words)


def explain(
    exc: fastjsonschema.JsonSchemaValueException, spec: Mapping[str, Any] | None = None
) -> Invalid:
    """A short reason naming the field, from a fastjsonschema error."""
    field = _field(exc.name or "")
    rule = exc.rule
    definition = exc.definition if isinstance(exc.definition, dict) else {}
    value = exc.value
    if rule == "required" and isinstance(value, dict):
        missing = [k for k in definition.get("required", []) if k not in value]
        if missing:
            name = _join(field, missing[0])
            more = f" (also missing: {', '.join(missing[1:])})" if len(missing) > 1 else ""
            return Invalid(f"field '{name}' is required{more}", name)
    if rule == "additionalProperties" and isinstance(value, dict):
        allowed = set(definition.get("properties", {}))
        extra = sorted(k for k in value if k not in allowed)
        if extra:
            name = _join(field, extra[0])
            return Invalid(f"field '{name}' is not allowed here", name)
    label = f"field '{field}'" if field else "record"
    if rule == "type":
        wanted = definition.get("type")
        words = (
            " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in wanted)
            if isinstance(wanted, list)
            else _TYPE_WORDS.get(str(wanted), str(wanted))
        )
        return Invalid(f"{label} must be {words}, got {_show(value)}", field or None)
    if rule == "enum":
        options = ", ".join(str(v) for v in definition.get("enum", []))
        return Invalid(f"{label} must be one of: {options} (got {_show(value)})", field or None)
    if rule == "const":
        return Invalid(f"{label} must be {definition.get('const')!r}", field or None)
    if rule == "pattern":
        desc = definition.get("description")
        expected = (
            _first_sentence(desc).rstrip(".")
            if isinstance(desc, str)
            else f"pattern {definition.get('pattern')}"
        )
        return Invalid(
            f"{label} has an invalid value {_show(value)} (expected {expected})", field or None
        )
    if rule == "format":
        return Invalid(
            f"{label} must be a valid {definition.get('format')}, got {_show(value)}",
            field or None,
        )
    if rule in ("maxLength", "minLength"):
        return Invalid(
            f"{label} length must be {'at most' if rule == 'maxLength' else 'at least'} "
            f"{definition.get(rule)}",
            field or None,
        )
    if rule in ("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"):
        return Invalid(f"{label} is out of range: {exc.message.split(' must ', 1)[-1]}", field)
    if rule in ("maxItems", "minItems"):
        return Invalid(
            f"{label} must have {'at most' if rule == 'maxItems' else 'at least'} "
            f"{definition.get(rule)} items",
            field or None,
        )
    if rule in ("anyOf", "oneOf") and isinstance(value, dict):
        alts = _required_alternatives(definition)
        if alts and not any(all(k in value for k in alt) for alt in alts):
            names = [" + ".join(_join(field, k) for k in alt) for alt in alts]
            return Invalid(f"{label} needs one of: {', '.join(names)}", field or None)
    if rule in ("anyOf", "oneOf") and spec is not None:
        expected = _expected(spec, definition)
        if expected:
            return Invalid(
                f"{label} has an invalid value {_show(value)} (expected {expected})",
                field or None,
            )
    message = exc.message
    name = exc.name or ""
    if name and message.startswith(name):
        message = message[len(name) :].strip()
    return Invalid(f"{label} {message}", field or None)


Validator = Callable[[Mapping[str, Any]], None]


def compile_item_validator(spec: Mapping[str, Any], item_schema: Mapping[str, Any]) -> Validator:
    """Compile one item schema (with the spec's components for ``$ref``)."""
    root = dict(_strip_annotations(dict(item_schema)))
    if "components" in spec:
        root["components"] = _strip_annotations(spec["components"])
    root.pop("$schema", None)
    check = fastjsonschema.compile(
        root, formats=_custom_formats(spec), use_default=False, detailed_exceptions=True
    )

    def validate(record: Mapping[str, Any]) -> None:
        try:
            check(record)
        except fastjsonschema.JsonSchemaValueException as exc:
            raise explain(exc, spec) from None

    return validate


@functools.cache
def validator_for(kind: str) -> Validator:
    """The compiled validator of a kind (compiled once per process)."""
    ks: KindSpec = kind_spec(kind)
    return compile_item_validator(ks.spec, ks.item_schema)


def iter_errors(validate: Validator, records: Iterator[Mapping[str, Any]]) -> Iterator[Invalid]:
    """Helper for tests: the errors of several records."""
    for record in records:
        try:
            validate(record)
        except Invalid as exc:
            yield exc
