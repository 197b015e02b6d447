"""The OpenAPI document: conventions, examples valid against their schemas, date patterns."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "omnisegment.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
BASE_URI = "urn:omnisegment:openapi"
REGISTRY: Registry[Any] = Registry().with_resource(
    BASE_URI, Resource.from_contents(SPEC, default_specification=DRAFT202012)
)
HTTP_METHODS = ("get", "post", "put", "patch", "delete")
STATUS_CODES = {"200", "400", "401", "403", "429", "500", "502", "503", "504"}
# operationId, method, path, tag, auth, tid: six cells per operation (rows may wrap).
OPERATION_TABLE = """
import_audience post /ma_audience/import-audience/ audiences body body
batch_import_audiences post /api/v2/audiences/batch-import/ audiences body body
import_purchase post /api/import-purchase-data/ purchases body body
batch_import_purchases post /api/v2/purchase/batch-import/ purchases body body
import_gift_vouchers post /api/import-gift-voucher/ gift-vouchers body body
batch_import_gift_vouchers post /api/v2/voucher/batch-import/ gift-vouchers body body
import_product post /api/v1/products/import/ products body body
import_event_registration post /api/v1/products/import-event-registration-data/ products body body
import_product_guarantee post /api/v1/products/import-product-guarantee-data/ products body body
show_market_report post /omnidata/show-market-report/ reports body body
track_event post /api/v1/beacon/track-event/ events header body
create_interaction_report post /api/v1/interaction-report/ reports header query
list_interaction_reports get /api/v1/interaction-report/ reports header query
get_interaction_report get /api/v1/interaction-report/{id}/ reports header query
create_tracking_event_report post /api/v1/tracking-event-report/ reports header query
list_tracking_event_reports get /api/v1/tracking-event-report/ reports header query
get_tracking_event_report get /api/v1/tracking-event-report/{id}/ reports header query
create_audience_mapping post /api/v1/audiences/audiences-mapping/ mapping header query
create_interactive_audiences_report post
    /api/v1/audiences/interactive-audiences-report/ reports header query
list_interactive_audiences_reports get
    /api/v1/audiences/interactive-audiences-report/ reports header query
"""
_CELLS = OPERATION_TABLE.split()
EXPECTED_OPERATIONS = {_CELLS[i]: tuple(_CELLS[i + 1 : i + 6]) for i in range(0, len(_CELLS), 6)}
NON_IDEMPOTENT = {
    "track_event",
    "create_interaction_report",
    "create_tracking_event_report",
    "create_interactive_audiences_report",
}
BATCH = {
    "batch_import_audiences": ("data", 50),
    "batch_import_purchases": ("data", 50),
    "batch_import_gift_vouchers": ("data_list", 100),
    "import_gift_vouchers": ("data", 100),
}


# ---------------------------------------------------------------- helpers


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _pointer(*tokens: str) -> str:
    return "#/" + "/".join(_escape(t) for t in tokens)


def _validator_at(pointer: str) -> Draft202012Validator:
    """A validator for the schema found at `pointer` inside the spec, with $refs resolvable."""
    return Draft202012Validator(
        {"$ref": BASE_URI + pointer},
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _schema_validator(name: str) -> Draft202012Validator:
    return _validator_at(_pointer("components", "schemas", name))


def _follow(obj: dict[str, Any], tokens: tuple[str, ...]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Resolve a local `$ref` object; return it with its pointer tokens."""
    while "$ref" in obj:
        ref = obj["$ref"]
        assert ref.startswith("#/"), ref
        tokens = tuple(t.replace("~1", "/").replace("~0", "~") for t in ref[2:].split("/"))
        obj = SPEC
        for token in tokens:
            obj = obj[token]
    return obj, tokens


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def _example_cases() -> Iterator[Any]:
    """Every (schema pointer, example value) pair of request bodies, responses and parameters."""
    for path, method, op in _operations():
        op_id = op["operationId"]
        op_tokens = ("paths", path, method)
        body = op.get("requestBody")
        if body:
            media = body["content"]["application/json"]
            for name, example in media.get("examples", {}).items():
                pointer = _pointer(
                    *op_tokens, "requestBody", "content", "application/json", "schema"
                )
                yield pytest.param(pointer, example["value"], id=f"{op_id}-request-{name}")
        for status, response in op["responses"].items():
            resolved, tokens = _follow(response, (*op_tokens, "responses", status))
            for media_type, media in resolved.get("content", {}).items():
                for name, example in media.get("examples", {}).items():
                    pointer = _pointer(*tokens, "content", media_type, "schema")
                    yield pytest.param(pointer, example["value"], id=f"{op_id}-{status}-{name}")
        for index, param in enumerate(op.get("parameters", [])):
            resolved, tokens = _follow(param, (*op_tokens, "parameters", str(index)))
            if "example" in resolved:
                pointer = _pointer(*tokens, "schema")
                name = resolved["name"]
                yield pytest.param(pointer, resolved["example"], id=f"{op_id}-param-{name}")


def _request_examples(op_id: str) -> list[dict[str, Any]]:
    for _path, _method, op in _operations():
        if op["operationId"] == op_id:
            media = op["requestBody"]["content"]["application/json"]
            return [copy.deepcopy(e["value"]) for e in media["examples"].values()]
    raise KeyError(op_id)


def _walk(node: Any, tokens: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield tokens, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*tokens, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*tokens, str(index)))


# ---------------------------------------------------------------- document shape


def test_spec_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"] == "3.1.0"
    validate_spec(SPEC)


def test_servers() -> None:
    urls = [server["url"] for server in SPEC["servers"]]
    assert urls == [
        "https://api.omnisegment.com",
        "https://jp.api.omnisegment.com",
        "https://staging.omnicloud.tech",
    ]
    assert all(server.get("description") for server in SPEC["servers"])


def test_exactly_the_twenty_operations() -> None:
    found = {
        op["operationId"]: (
            method,
            path,
            op["tags"][0],
            op["x-omnisegment-auth"],
            op["x-omnisegment-tid"],
        )
        for path, method, op in _operations()
    }
    assert len(found) == 20
    assert found == EXPECTED_OPERATIONS


@pytest.mark.parametrize(("path", "method", "op"), list(_operations()), ids=lambda v: str(v)[:40])
def test_operation_conventions(path: str, method: str, op: dict[str, Any]) -> None:
    op_id = op["operationId"]
    assert set(op["responses"]) == STATUS_CODES
    for status, response in op["responses"].items():
        if status != "200":
            assert response.get("$ref", "").startswith("#/components/responses/"), status
        resolved, _ = _follow(response, ())
        assert "application/json" in resolved["content"], status
    assert op["x-omnisegment-auth"] in {"body", "header"}
    assert op["x-omnisegment-tid"] in {"body", "query"}
    assert op["x-omnisegment-idempotent"] is (op_id not in NON_IDEMPOTENT)
    limit = op["x-omnisegment-rate-limit"]
    assert set(limit) == {"bucket", "limit", "period", "count-failed"}
    if op_id == "create_interactive_audiences_report":
        assert limit == {
            "bucket": "interactive-audiences-report:create",
            "limit": 1,
            "period": 86400,
            "count-failed": False,
        }
    else:
        base = path.replace("{id}/", "")
        assert limit == {"bucket": base, "limit": 10, "period": 1, "count-failed": True}
    if op_id in BATCH:
        field, max_items = BATCH[op_id]
        assert op["x-omnisegment-batch"] == {"field": field, "max-items": max_items}
    else:
        assert "x-omnisegment-batch" not in op

    if op["x-omnisegment-auth"] == "header":
        assert op["security"] == [{"apiKeyHeaderAuth": []}]
    else:
        assert op["security"] == []
        body, _ = _follow(op["requestBody"]["content"]["application/json"]["schema"], ())
        assert {"tid", "api_key"} <= set(body["required"])
        assert body["properties"]["tid"] == {"$ref": "#/components/schemas/Tid"}
        assert body["properties"]["api_key"] == {"$ref": "#/components/schemas/ApiKey"}

    params = [_follow(p, ())[0] for p in op.get("parameters", [])]
    tid_in_query = [p for p in params if p["name"] == "tid" and p["in"] == "query"]
    if op["x-omnisegment-tid"] == "query":
        assert tid_in_query and tid_in_query[0]["required"] is True
    else:
        assert not tid_in_query
        body, _ = _follow(op["requestBody"]["content"]["application/json"]["schema"], ())
        assert "tid" in body["required"]

    if method == "post":
        examples = op["requestBody"]["content"]["application/json"].get("examples", {})
        assert examples, "every body operation has at least one request example"
        assert all("value" in e for e in examples.values())
    else:
        ok, _ = _follow(op["responses"]["200"], ())
        assert ok["content"]["application/json"].get("examples") or any(
            "example" in p for p in params
        )


def test_security_scheme() -> None:
    scheme = SPEC["components"]["securitySchemes"]["apiKeyHeaderAuth"]
    assert scheme["type"] == "apiKey"
    assert scheme["in"] == "header"
    assert scheme["name"] == "X-OmniSegment-Api-Key"
    assert "apiKeyBodyAuth" in scheme["description"]
    assert "apiKeyBodyAuth" in SPEC["info"]["description"]


def test_error_envelope_and_retry_after() -> None:
    envelope = SPEC["components"]["schemas"]["ErrorEnvelope"]
    assert envelope["required"] == ["SUCCESS", "ERR_MSG"]
    assert set(envelope["properties"]) == {
        "SUCCESS",
        "ERR_MSG",
        "ERR_TYPE_KEY",
        "ERR_MSG_KEY",
        "EXTRA_INFO",
        "INTP_KEY",
        "INTP_VALUE",
    }
    for name in (
        "BadRequest",
        "Unauthorized",
        "Forbidden",
        "TooManyRequests",
        "InternalServerError",
        "BadGateway",
        "ServiceUnavailable",
        "GatewayTimeout",
    ):
        schema = SPEC["components"]["responses"][name]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}
    assert "Retry-After" in SPEC["components"]["responses"]["TooManyRequests"]["headers"]


def test_no_inline_object_schemas() -> None:
    """Objects live only at the top of components.schemas; everywhere else they are $refs."""
    offenders = []
    for name, schema in SPEC["components"]["schemas"].items():
        for tokens, node in _walk(schema):
            if not tokens or not isinstance(node, dict) or "examples" in tokens:
                continue
            is_object = node.get("type") == "object" or (
                isinstance(node.get("type"), list) and "object" in node["type"]
            )
            if is_object or ("properties" in node and tokens[-1] != "properties"):
                offenders.append(f"{name}/{'/'.join(tokens)}")
    for tokens, node in _walk(SPEC["paths"]):
        if tokens and tokens[-1] == "schema":
            assert set(node) == {"$ref"}, tokens
    assert offenders == []


def test_no_strict_date_formats() -> None:
    for tokens, node in _walk(SPEC):
        if isinstance(node, dict) and "format" in node and "examples" not in tokens:
            assert node["format"] not in {"date", "date-time"}, tokens


def test_patterns_are_portable_and_anchored() -> None:
    """Patterns must behave the same in Python `re` and ECMA-262 (Spectral, browsers)."""
    for tokens, node in _walk(SPEC):
        if isinstance(node, dict) and isinstance(node.get("pattern"), str):
            pattern = node["pattern"]
            re.compile(pattern)
            assert pattern.startswith("^") and pattern.endswith("$"), tokens
            for construct in ("(?<", "(?P", "\\Z", "\\A", "*+", "++", "?+", "(?i", "\\d"):
                assert construct not in pattern, (tokens, construct)


# ---------------------------------------------------------------- examples


@pytest.mark.parametrize(("pointer", "value"), list(_example_cases()))
def test_example_matches_schema(pointer: str, value: Any) -> None:
    errors = sorted(_validator_at(pointer).iter_errors(value), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_every_operation_has_examples_validated() -> None:
    covered = {case.id.split("-")[0] for case in _example_cases()}
    assert covered == set(EXPECTED_OPERATIONS)


# ---------------------------------------------------------------- batch limits


@pytest.mark.parametrize(
    ("op_id", "schema", "field", "limit"),
    [
        ("batch_import_audiences", "BatchImportAudiencesRequest", "data", 50),
        ("batch_import_purchases", "BatchImportPurchasesRequest", "data", 50),
        ("batch_import_gift_vouchers", "BatchImportGiftVouchersRequest", "data_list", 100),
        ("import_gift_vouchers", "ImportGiftVouchersRequest", "data", 100),
    ],
)
def test_batch_limits(op_id: str, schema: str, field: str, limit: int) -> None:
    validator = _schema_validator(schema)
    body = _request_examples(op_id)[-1]
    items = body[field] if isinstance(body[field], list) else [body[field]]
    body[field] = (items * limit)[:limit]
    assert validator.is_valid(body)
    body[field] = (items * (limit + 1))[: limit + 1]
    assert not validator.is_valid(body)
    body[field] = []
    assert not validator.is_valid(body)


def test_track_event_product_limit() -> None:
    validator = _schema_validator("TrackEventRequest")
    body = _request_examples("track_event")[0]
    product = body["products"][0]
    body["products"] = [product] * 30
    assert validator.is_valid(body)
    body["products"] = [product] * 31
    assert not validator.is_valid(body)


# ---------------------------------------------------------------- alternatives and requirements


@pytest.mark.parametrize(
    "products",
    ["SKU-1,SKU-2", {"default": "SKU-1,SKU-2", "ERP": "E-1,E-2"}, {"ERP": "E-1"}],
)
def test_purchase_products_string_or_object(products: Any) -> None:
    order = {
        "datetime": "2025-01-01T00:00:00+08:00",
        "transaction_id": "T1",
        "transaction_revenue": 1,
    }
    assert _schema_validator("Purchase").is_valid({**order, "products": products})
    assert not _schema_validator("Purchase").is_valid({**order, "products": 12})
    assert not _schema_validator("Purchase").is_valid({**order, "products": {}})


@pytest.mark.parametrize("product_id", ["SKU-1", {"default": "SKU-1", "ERP": "E-1"}])
def test_product_id_string_or_object(product_id: Any) -> None:
    body = _request_examples("import_product")[0]["data"]
    assert _schema_validator("Product").is_valid({**body, "id": product_id})
    assert not _schema_validator("Product").is_valid({**body, "id": ["SKU-1"]})


@pytest.mark.parametrize(
    ("schema", "missing"),
    [
        ("ImportAudienceRequest", "data"),
        ("Purchase", "transaction_id"),
        ("GiftVoucher", "valid_util"),
        ("Product", "image_link"),
        ("EventRegistration", "registration_datetime"),
        ("ProductGuarantee", "product"),
        ("TrackEventRequest", "version"),
        ("TrackEventRequest", "data_source"),
        ("CreateAudienceMappingRequest", "mapping_key"),
    ],
)
def test_required_fields(schema: str, missing: str) -> None:
    assert missing in SPEC["components"]["schemas"][schema]["required"]


def test_custom_field_lengths() -> None:
    audience = _schema_validator("Audience")
    assert audience.is_valid({"member_sn": "M", "favourite": "x" * 1025})
    assert not audience.is_valid({"member_sn": "M", "favourite": "x" * 1026})
    assert audience.is_valid({"member_sn": "M", "wallet": [{"code": "A1", "amount": "3"}]})
    order = {
        "datetime": "2025-01-01T00:00:00+08:00",
        "transaction_id": "T1",
        "transaction_revenue": 1,
    }
    assert _schema_validator("Purchase").is_valid({**order, "note": "x" * 256})
    assert not _schema_validator("Purchase").is_valid({**order, "note": "x" * 257})
    voucher = _schema_validator("GiftVoucherCustomFields")
    assert voucher.is_valid({"issued_by": "x" * 128})
    assert not voucher.is_valid({"issued_by": "x" * 129})


@pytest.mark.parametrize("value", ["", "none", None, "1991-07-09"])
def test_audience_fields_accept_clearing_markers(value: Any) -> None:
    assert _schema_validator("Audience").is_valid({"member_sn": "M", "birthday": value})


@pytest.mark.parametrize("value", [0, 1, "0", "1"])
def test_debug_mode_accepts_integer_or_string(value: Any) -> None:
    assert _schema_validator("DebugMode").is_valid(value)


@pytest.mark.parametrize("value", [2, "2", True, "yes"])
def test_debug_mode_rejects_other_values(value: Any) -> None:
    assert not _schema_validator("DebugMode").is_valid(value)


def test_event_window_must_be_paired() -> None:
    body = _request_examples("import_event_registration")[-1]["data"]
    del body["event_end_datetime"]
    assert not _schema_validator("EventRegistration").is_valid(body)


# ---------------------------------------------------------------- date and date-time forms

DATE_FORMS = [
    # (schema, value, accepted)
    ("Date", "1988-11-23", True),
    ("Date", "2025-05-01", True),
    ("Date", "2021-3-1", False),
    ("Date", "2025-13-01", False),
    ("Date", "2025/05/01", False),
    ("Date", "2025-05-01T00:00:00+08:00", False),
    ("LooseDate", "2021-3-1", True),
    ("LooseDate", "2025-02-01", True),
    ("LooseDate", "2025-2-28", True),
    ("LooseDate", "21-3-1", False),
    ("LooseDate", "2025-02", False),
    ("ZonedDateTime", "2024-07-15T09:51:23+0800", True),
    ("ZonedDateTime", "2022-08-17T12:00:00+08:00", True),
    ("ZonedDateTime", "2020-06-04T08:30:37.235482+08:00", True),
    ("ZonedDateTime", "2025-03-02T06:20:00Z", True),
    ("ZonedDateTime", "2025-03-02T14:20:00-05:00", True),
    ("ZonedDateTime", "2022-08-17T12:00:00", False),
    ("ZonedDateTime", "2022-08-17 12:00:00+08:00", False),
    ("ZonedDateTime", "2024-05-01T12:00:00+08", False),
    ("ZonedDateTime", "2024-05-01", False),
    ("ZonedDateTime", "2024-05-01T25:00:00+08:00", False),
    ("LooseDateTime", "2020-06-04T08:30:37.235482+08:00", True),
    ("LooseDateTime", "2023-02-14T10:05:00+08:00", True),
    ("LooseDateTime", "2020-6-4", True),
    ("LooseDateTime", "2020-06-04", True),
    ("LooseDateTime", "2020-06-04 08:30:37", False),
    ("LooseDateTime", "2020-06-04T08:30:37", False),
    ("VoucherDateTime", "2024-05-01", True),
    ("VoucherDateTime", "2024-05-01 12:00:00", True),
    ("VoucherDateTime", "2024-05-01 12:00:00+08", True),
    ("VoucherDateTime", "2024-05-01T12:00:00+08", True),
    ("VoucherDateTime", "2024-05-01 12:00:00+09", True),
    ("VoucherDateTime", "2024-05-0112:00:00", False),
    ("VoucherDateTime", "2024-05-0112:00:00+08", False),
    ("VoucherDateTime", "2024-05-01-12:00:00", False),
    ("VoucherDateTime", "2024-05-01-12:00:00+08", False),
    ("VoucherDateTime", "2024-5-1", False),
    ("SalePriceEffectivePeriod", "2025-06-01T00:00:00+08:00/2025-06-30T23:59:59+08:00", True),
    ("SalePriceEffectivePeriod", "2025-06-01/2025-06-30", False),
]


@pytest.mark.parametrize(
    ("schema", "value", "accepted"), DATE_FORMS, ids=[f"{s}-{v}" for s, v, _ in DATE_FORMS]
)
def test_date_forms(schema: str, value: str, accepted: bool) -> None:
    assert _schema_validator(schema).is_valid(value) is accepted


@pytest.mark.parametrize(
    ("schema", "field", "value", "accepted"),
    [
        ("Purchase", "datetime", "2024-07-15T09:51:23+0800", True),
        ("Purchase", "datetime", "2024-07-15T09:51:23+08:00", True),
        ("Purchase", "datetime", "2024-07-15 09:51:23", False),
        ("GiftVoucher", "valid_from", "2024-05-01 12:00:00+08", True),
        ("GiftVoucher", "valid_util", "2024-05-01-12:00:00", False),
        ("EventRegistration", "registration_datetime", "2022-08-17T12:00:00", False),
        ("ProductGuarantee", "purchase_datetime", "2022-08-17T12:00:00+08:00", True),
        ("MarketReportPeriod", "start_date", "2021-3-1", True),
        ("CreateInteractionReportRequest", "start_date", "2021-3-1", False),
    ],
)
def test_date_fields_use_the_documented_forms(
    schema: str, field: str, value: str, accepted: bool
) -> None:
    properties = SPEC["components"]["schemas"][schema]["properties"]
    target, tokens = _follow(properties[field], ())
    assert target.get("type") == "string"
    assert _validator_at(_pointer(*tokens)).is_valid(value) is accepted
