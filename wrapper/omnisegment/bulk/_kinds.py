"""The record kinds the bulk importer knows, resolved against the packaged spec."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._operations import default_table
from ._spec import SpecError, load_spec, operation, resolve, subschemas

__all__ = ["KINDS", "Kind", "KindSpec", "kind_spec", "normalise_kind"]

# Top-level body fields the client fills in itself; never part of a record.
CREDENTIAL_FIELDS = ("tid", "api_key")


@dataclass(frozen=True, slots=True)
class Kind:
    """A record kind: which operation sends it and which body field carries the records."""

    name: str
    operation_id: str
    #: Body field holding the record(s); None when the record is the whole body.
    field: str | None
    #: Endpoint options (top-level body fields or query parameters) the kind accepts.
    options: tuple[str, ...] = ()


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "audiences",
            "batch_import_audiences",
            "data",
            ("merge_key", "tag_mode", "ignore_empty_value", "custom_fields_identifier_field"),
        ),
        Kind("purchases", "batch_import_purchases", "data", ("is_anonymous", "identifier_field")),
        Kind(
            "gift-vouchers", "batch_import_gift_vouchers", "data_list", ("site", "identifier_field")
        ),
        Kind("products", "import_product", "data", ("site",)),
        Kind("event-registrations", "import_event_registration", "data"),
        Kind("product-guarantees", "import_product_guarantee", "data"),
        Kind("audience-mappings", "create_audience_mapping", None),
        Kind("events", "track_event", None),
    )
}

_ALIASES = {
    "audience": "audiences",
    "purchase": "purchases",
    "vouchers": "gift-vouchers",
    "gift_vouchers": "gift-vouchers",
    "voucher": "gift-vouchers",
    "product": "products",
    "event_registrations": "event-registrations",
    "product_guarantees": "product-guarantees",
    "guarantees": "product-guarantees",
    "mappings": "audience-mappings",
    "audience_mappings": "audience-mappings",
    "tracking-events": "events",
    "track-events": "events",
}


def normalise_kind(name: str) -> str:
    """Canonical kind name (accepts a few aliases); raises ValueError when unknown."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in KINDS:
        raise ValueError(f"unknown kind {name!r}; choose one of: {', '.join(KINDS)}")
    return key


@dataclass(frozen=True)
class KindSpec:
    """A kind resolved against the spec: batch size, item schema and body schema."""

    kind: Kind
    max_items: int
    #: True when the body field is an array (batch endpoint).
    is_array: bool
    item_schema: dict[str, Any]
    body_schema: dict[str, Any]
    spec: Mapping[str, Any]

    @property
    def name(self) -> str:
        return self.kind.name

    def option_schema(self, option: str) -> dict[str, Any] | None:
        """Schema of an endpoint option (body property or query parameter), if declared."""
        props = _properties(self.spec, self.body_schema)
        if option in props:
            return resolve(self.spec, props[option])
        for param in operation(self.spec, self.kind.operation_id).get("parameters", ()):
            param = resolve(self.spec, param)
            if param.get("name") == option:
                return resolve(self.spec, param.get("schema", {}))
        return None

    def option_in_query(self, option: str) -> bool:
        """True when the option is a query parameter rather than a body field."""
        for param in operation(self.spec, self.kind.operation_id).get("parameters", ()):
            param = resolve(self.spec, param)
            if param.get("name") == option and param.get("in") == "query":
                return True
        return False


def _properties(spec: Mapping[str, Any], schema: Any) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for sub in subschemas(spec, schema):
        props.update(sub.get("properties", {}) or {})
    return props


def _body_schema(spec: Mapping[str, Any], op: Mapping[str, Any]) -> dict[str, Any]:
    body = resolve(spec, op.get("requestBody", {}))
    content = body.get("content", {})
    media: dict[str, Any] = content.get("application/json") or next(iter(content.values()), {})
    return resolve(spec, media.get("schema", {}))


def _strip_credentials(spec: Mapping[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The body schema without ``tid``/``api_key`` (the client adds those)."""
    out: dict[str, Any] = {}
    flat = list(subschemas(spec, schema))
    props: dict[str, Any] = {}
    required: list[str] = []
    additional: Any = True
    for sub in flat:
        props.update(sub.get("properties", {}) or {})
        for name in sub.get("required", []) or []:
            if name not in required:
                required.append(name)
        if "additionalProperties" in sub:
            additional = sub["additionalProperties"]
    for key in ("type", "description", "title"):
        if key in schema:
            out[key] = schema[key]
    out["type"] = "object"
    out["properties"] = {k: v for k, v in props.items() if k not in CREDENTIAL_FIELDS}
    out["required"] = [r for r in required if r not in CREDENTIAL_FIELDS]
    out["additionalProperties"] = additional
    for key in ("anyOf", "oneOf", "allOf", "if", "then", "else", "dependentRequired"):
        if key in schema:
            out[key] = schema[key]
    return out


@functools.cache
def kind_spec(name: str) -> KindSpec:
    """Resolve a kind against the packaged spec (cached)."""
    kind = KINDS[normalise_kind(name)]
    spec = load_spec()
    body = _body_schema(spec, operation(spec, kind.operation_id))
    if kind.field is None:
        return KindSpec(kind, 1, False, _strip_credentials(spec, body), body, spec)
    props = _properties(spec, body)
    if kind.field not in props:
        raise SpecError(f"{kind.operation_id}: request body has no {kind.field!r} field")
    field_schema = props[kind.field]
    item: dict[str, Any] | None = None
    is_array = False
    for sub in subschemas(spec, field_schema):
        if sub.get("type") == "array" or "items" in sub:
            is_array = True
            item = resolve(spec, sub.get("items", {}))
            break
    if item is None:
        item = resolve(spec, field_schema)
    max_items = 1
    if is_array:
        declared = default_table().get(kind.operation_id).batch_max_items  # x-omnisegment-batch
        limits = (sub.get("maxItems") for sub in subschemas(spec, field_schema))
        max_items = declared or next((n for n in limits if isinstance(n, int)), 50)
    return KindSpec(kind, max_items, is_array, item, body, spec)
