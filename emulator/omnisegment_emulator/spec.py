"""Load the OpenAPI document and turn it into a routing table with compiled validators.

Everything the hot path needs is computed once here: per-operation auth scheme, ``tid``
location, rate-limit bucket, batch field and a compiled JSON Schema validator for the body
and each parameter. Error messages are built from the error path and the failed keyword,
never from the validator's own text (which echoes the request body, ``api_key`` included).
"""

from __future__ import annotations

import importlib.resources
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import jsonschema_rs

JSON = Any
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
DIALECT = "https://json-schema.org/draft/2020-12/schema"
_MAX_REPORTED_ERRORS = 3


def load_spec() -> dict[str, Any]:
    """Read the spec shipped with the generated client (``omnisegment_api/openapi.json``)."""
    resource = importlib.resources.files("omnisegment_api") / "openapi.json"
    data = json.loads(resource.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("openapi.json is not a JSON object")
    return data


@dataclass(frozen=True, slots=True)
class RateLimitRule:
    """The ``x-omnisegment-rate-limit`` extension of one operation."""

    bucket: str
    limit: int
    period: float
    count_failed: bool = True


@dataclass(slots=True)
class Param:
    """One query or path parameter with its compiled validator."""

    name: str
    location: str
    required: bool
    validator: Any
    integer: bool = False
    number: bool = False
    boolean: bool = False


@dataclass(slots=True)
class Operation:
    """Everything the engine needs to serve one operation."""

    operation_id: str
    method: str
    path: str
    auth: str  # "body" or "header"
    tid: str  # "body" or "query"
    rate_limit: RateLimitRule | None
    batch_field: str | None
    batch_max: int | None
    has_body: bool
    body_validator: Any
    query: list[Param] = field(default_factory=list)
    path_params: list[Param] = field(default_factory=list)
    header_name: str = "x-omnisegment-api-key"


@dataclass(slots=True)
class Route:
    """All operations on one path template."""

    template: str
    regex: re.Pattern[str] | None
    operations: dict[str, Operation]
    allow: str


class SpecError(ValueError):
    """The spec lacks something the emulator needs."""


def _resolve(spec: Mapping[str, Any], node: Any) -> Any:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and isinstance(node["$ref"], str):
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise SpecError(f"only local references are supported: {ref}")
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
        seen += 1
        if seen > 32:
            raise SpecError(f"reference loop at {ref}")
    return node


def compile_schema(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Any:
    """Compile ``schema`` with the spec's components reachable for ``$ref``."""
    root = dict(schema)
    root.setdefault("$schema", DIALECT)
    if "components" in spec:
        root["components"] = spec["components"]
    return jsonschema_rs.validator_for(root, validate_formats=False)


def _schema_types(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> set[str]:
    schema = _resolve(spec, schema)
    found: set[str] = set()
    raw = schema.get("type")
    if isinstance(raw, str):
        found.add(raw)
    elif isinstance(raw, list):
        found.update(t for t in raw if isinstance(t, str))
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []) or []:
            found |= _schema_types(spec, sub)
    return found


def _param(spec: Mapping[str, Any], raw: Mapping[str, Any]) -> Param:
    schema = _resolve(spec, raw.get("schema", {}))
    types = _schema_types(spec, schema)
    return Param(
        name=str(raw["name"]),
        location=str(raw["in"]),
        required=bool(raw.get("required", raw.get("in") == "path")),
        validator=compile_schema(spec, schema),
        integer="integer" in types and "string" not in types,
        number="number" in types and "string" not in types,
        boolean="boolean" in types and "string" not in types,
    )


def _rate_limit(raw: Any) -> RateLimitRule | None:
    if not isinstance(raw, dict):
        return None
    return RateLimitRule(
        bucket=str(raw.get("bucket", "")),
        limit=int(raw.get("limit", 10)),
        period=float(raw.get("period", 1)),
        count_failed=bool(raw.get("count-failed", True)),
    )


def _header_name(spec: Mapping[str, Any]) -> str:
    schemes = spec.get("components", {}).get("securitySchemes", {})
    for scheme in schemes.values():
        scheme = _resolve(spec, scheme)
        if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
            return str(scheme.get("name", "X-OmniSegment-Api-Key")).lower()
    return "x-omnisegment-api-key"


def build_routes(spec: Mapping[str, Any]) -> tuple[dict[str, Route], list[Route]]:
    """Return (exact routes by path, templated routes) for every operation of the spec."""
    header = _header_name(spec)
    exact: dict[str, Route] = {}
    templated: list[Route] = []
    for template, item in spec.get("paths", {}).items():
        item = _resolve(spec, item)
        shared = [_resolve(spec, p) for p in item.get("parameters", [])]
        operations: dict[str, Operation] = {}
        for method in HTTP_METHODS:
            raw_op = item.get(method)
            if not isinstance(raw_op, dict):
                continue
            operations[method.upper()] = _operation(spec, template, method, raw_op, shared, header)
        if not operations:
            continue
        allow = ", ".join(sorted(operations))
        if "{" in template:
            pattern = re.sub(r"\\\{([^}]+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
            templated.append(Route(template, re.compile(f"^{pattern}$"), operations, allow))
        else:
            exact[template] = Route(template, None, operations, allow)
    return exact, templated


def _operation(
    spec: Mapping[str, Any],
    template: str,
    method: str,
    raw: Mapping[str, Any],
    shared: Iterable[Mapping[str, Any]],
    header: str,
) -> Operation:
    op_id = str(raw.get("operationId", f"{method}_{template}"))
    params: dict[tuple[str, str], Mapping[str, Any]] = {}
    for p in [*shared, *(_resolve(spec, p) for p in raw.get("parameters", []))]:
        params[(str(p["in"]), str(p["name"]))] = p
    query = [_param(spec, p) for (loc, _), p in params.items() if loc == "query"]
    path_params = [_param(spec, p) for (loc, _), p in params.items() if loc == "path"]
    body_validator = None
    has_body = False
    request_body = raw.get("requestBody")
    if request_body is not None:
        request_body = _resolve(spec, request_body)
        media = request_body.get("content", {}).get("application/json")
        if media is not None:
            has_body = True
            body_validator = compile_schema(spec, media.get("schema", {}))
    batch = raw.get("x-omnisegment-batch")
    auth = str(raw.get("x-omnisegment-auth", "header"))
    tid = str(raw.get("x-omnisegment-tid", "query"))
    if auth not in ("body", "header") or tid not in ("body", "query"):
        raise SpecError(f"{op_id}: bad x-omnisegment-auth/x-omnisegment-tid")
    return Operation(
        operation_id=op_id,
        method=method.upper(),
        path=template,
        auth=auth,
        tid=tid,
        rate_limit=_rate_limit(raw.get("x-omnisegment-rate-limit")),
        batch_field=str(batch["field"]) if isinstance(batch, dict) and "field" in batch else None,
        batch_max=int(batch["max-items"])
        if isinstance(batch, dict) and "max-items" in batch
        else None,
        has_body=has_body,
        body_validator=body_validator,
        query=query,
        path_params=path_params,
        header_name=header,
    )


# ---------------------------------------------------------------- error messages


def format_path(parts: Iterable[Any], prefix: str = "") -> str:
    """``['data', 0, 'member_sn']`` -> ``data[0].member_sn``."""
    out = prefix
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "body"


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _reason(kind: Any) -> str:
    name = kind.name
    info = kind.as_dict()
    if name == "type":
        types = info.get("types") or [info.get("type")]
        return "must be of type " + " or ".join(str(t) for t in types if t)
    if name == "enum":
        options = info.get("options")
        if isinstance(options, list):
            return "must be one of " + ", ".join(_short(o) for o in options)
        return "is not one of the allowed values"
    if name == "const":
        return f"must be {_short(info.get('expected_value'))}"
    if name == "pattern":
        return f"must match the pattern {info.get('pattern')}"
    if name == "format":
        return f"must be a valid {info.get('format')}"
    if name in ("maxItems", "minItems", "maxLength", "minLength", "maxProperties", "minProperties"):
        limit = info.get("limit")
        what = {"Items": "items", "Length": "characters", "Properties": "properties"}[name[3:]]
        return f"must have at {'most' if name.startswith('max') else 'least'} {limit} {what}"
    if name in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        op = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=", "exclusiveMaximum": "<"}
        return f"must be {op[name]} {info.get('limit')}"
    if name == "multipleOf":
        return f"must be a multiple of {info.get('multiple_of')}"
    if name in ("additionalProperties", "unevaluatedProperties"):
        unexpected = info.get("unexpected") or []
        names = ", ".join(_short(u, 40) for u in unexpected[:5])
        return f"unexpected field(s): {names}" if names else "has unexpected fields"
    if name in ("anyOf", "oneOf", "oneOfNotValid"):
        context = info.get("context")
        if name != "anyOf" and context is not None and not any(context):
            return "matches more than one of the accepted forms"
        return "does not match any of the accepted forms"
    if name == "oneOfMultipleValid":
        return "matches more than one of the accepted forms"
    if name == "uniqueItems":
        return "must not contain duplicate items"
    if name in ("not", "falseSchema"):
        return "is not allowed here"
    return f"is invalid ({name})"


def _branch_reasons(kind: Any, path: list[Any]) -> list[tuple[list[Any], str]]:
    """(sub-path, reason) per failed ``anyOf``/``oneOf`` branch (its first error)."""
    reasons: list[tuple[list[Any], str]] = []
    branches = [b for b in kind.as_dict().get("context") or [] if b]
    # A branch of another JSON type says little; show the branches of the sent type.
    typed = [
        b
        for b in branches
        if not (b[0].kind.name == "type" and not b[0].instance_path[len(path) :])
    ]
    for branch in typed or branches:
        error = branch[0]
        sub = list(error.instance_path)[len(path) :]
        reason = _reason(error.kind)
        if error.kind.name == "required":
            sub = [*sub, error.kind.as_dict().get("property")]
            reason = "this field is required"
        if (sub, reason) not in reasons:
            reasons.append((sub, reason))
    return reasons


def _batch_overflow(kind: Any, path: list[Any], batch: tuple[str, int]) -> bool:
    if kind.name == "maxItems" and path == [batch[0]]:
        return True
    if kind.name in ("anyOf", "oneOf", "oneOfNotValid"):
        for branch in kind.as_dict().get("context") or []:
            for error in branch:
                if _batch_overflow(error.kind, list(error.instance_path), batch):
                    return True
    return False


def describe_errors(
    validator: Any, instance: Any, prefix: str = "", batch: tuple[str, int] | None = None
) -> tuple[str, str]:
    """Return (ERR_TYPE_KEY, ERR_MSG) for an invalid ``instance``; never echoes values."""
    missing_top: list[str] = []
    details: list[str] = []
    missing_only = True
    for error in validator.iter_errors(instance):
        kind = error.kind
        path = list(error.instance_path)
        if kind.name == "required":
            prop = kind.as_dict().get("property")
            if not path and not prefix:
                missing_top.append(str(prop))
                continue
            details.append(f"{format_path([*path, prop], prefix)}: this field is required")
            continue
        missing_only = False
        if batch is not None and _batch_overflow(kind, path, batch):
            details.insert(0, f"size of batch import exceeds {batch[1]}")
            continue
        reason = _reason(kind)
        if kind.name in ("anyOf", "oneOf", "oneOfNotValid"):
            branches = _branch_reasons(kind, path)
            if len(branches) == 1:
                path = [*path, *branches[0][0]]
                reason = branches[0][1]
            elif branches:
                reason = "; or ".join(
                    f"{format_path(sub)}: {text}" if sub else text for sub, text in branches[:4]
                )
        details.append(f"{format_path(path, prefix)}: {reason}")
    if missing_top:
        text = "These values are required in post data : " + ", ".join(missing_top)
        details.insert(0, text)
    if not details:
        return "Input Error", "Input Error: the request is invalid"
    type_key = "Missing Input Error" if missing_only else "Input Error"
    shown = details[:_MAX_REPORTED_ERRORS]
    more = len(details) - len(shown)
    text = "; ".join(shown) + (f" (and {more} more)" if more else "")
    return type_key, f"{type_key}: {text}"
