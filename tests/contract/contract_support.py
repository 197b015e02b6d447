"""Shared set-up of the schemathesis runs: spec, credentials and the case hook.

The spec cannot express a few cross-field rules the emulator enforces as the vendor
documents them (the merge-key field must be present, a report range is at most 31 days
and ends after it starts, interactive-audience dates lie in the last 30 days, a report id
must exist, ...). ``prepare_case`` makes *positive* cases follow those rules; negative
cases are left alone apart from credentials, which are only swapped in where the generated
value is already a non-empty string (so a missing or mistyped credential stays invalid).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import schemathesis
from omnisegment_emulator.spec import load_spec
from schemathesis.config import SchemathesisConfig

API_KEY = "3f1c9a7e-5b2d-4c8e-9a61-0d7e2b4c8f15"
TID = "OA-c0ffee"
HEADER = "X-OmniSegment-Api-Key"
SPEC: dict[str, Any] = load_spec()
OPERATIONS: dict[tuple[str, str], dict[str, Any]] = {
    (method.upper(), path): op
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if isinstance(op, dict) and "operationId" in op
}
#: Reports created before a run, so positive cases can ask for existing ids.
REPORT_IDS = {"get_interaction_report": 1, "get_tracking_event_report": 2}
#: Cases run per kind of run, printed by conftest.py.
CASES: Counter[str] = Counter()
MAX_EXAMPLES = 15
STATEFUL_STEPS = 8


def write_spec(folder: Path) -> Path:
    """The packaged spec as a file for ``from_path``."""
    path = folder / "openapi.json"
    path.write_text(json.dumps(SPEC), encoding="utf-8")
    return path


def config() -> SchemathesisConfig:
    """Every phase, default checks, bounded examples, fixed seed."""
    return SchemathesisConfig.from_dict(
        {
            "seed": 20261204,
            "generation": {"max-examples": MAX_EXAMPLES},
            "phases": {"stateful": {"max-steps": STATEFUL_STEPS}},
        }
    )


def load_schema(folder: Path) -> Any:
    """The schema with the ``map_case`` hook registered."""
    schema = schemathesis.openapi.from_path(write_spec(folder), config=config())
    schema.hook(map_case)
    return schema


def _swap(container: Any, key: str, value: str) -> None:
    if isinstance(container, dict) and isinstance(container.get(key), str) and container[key]:
        container[key] = value


def _is_positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return bool(meta is not None and meta.generation.mode.is_positive)


def map_case(ctx: Any, case: Any) -> Any:
    """Schemathesis hook: credentials plus the cross-field rules (see module docstring)."""
    op = OPERATIONS.get((case.method.upper(), case.operation.path))
    if op is None:
        return case
    body = case.body if isinstance(case.body, dict) else None
    if op.get("x-omnisegment-auth") == "body":
        _swap(body, "api_key", API_KEY)
    else:
        _swap(case.headers, HEADER, API_KEY)
    if op.get("x-omnisegment-tid") == "body":
        _swap(body, "tid", TID)
    else:
        _swap(case.query, "tid", TID)
    if _is_positive(case):
        repair = _REPAIRS.get(op["operationId"])
        if repair is not None and body is not None:
            repair(body)
        report_id = REPORT_IDS.get(op["operationId"])
        if report_id is not None and isinstance(case.path_parameters, dict):
            case.path_parameters["id"] = report_id
    return case


def _today() -> datetime:
    return datetime.now(UTC)


def _audience(item: Any, merge_key: str, n: int) -> None:
    if not isinstance(item, dict):
        return
    if merge_key == "source_id":
        if not isinstance(item.get("source_id"), str) or not item["source_id"]:
            item["source_id"] = f"SRC-{n}"
        if not isinstance(item.get("source_system"), str) or not item["source_system"]:
            item["source_system"] = "CRM"
        return
    value = item.get(merge_key)
    if not isinstance(value, str) or not value or value == "none":
        item[merge_key] = f"{merge_key}-{n}"
    if merge_key == "member_sn" and "source_id" in item and "source_system" not in item:
        item["source_system"] = "CRM"


def _audiences(body: dict[str, Any]) -> None:
    merge_key = body.get("merge_key") or "member_sn"
    data = body.get("data")
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items):
        _audience(item, merge_key, n)


def _identity(item: Any, field: Any, n: int) -> None:
    if not isinstance(item, dict):
        return
    if isinstance(field, str) and field:
        if not isinstance(item.get(field), str) or not item[field]:
            item[field] = f"{field}-{n}"
    elif not (isinstance(item.get("member_sn"), str) and item["member_sn"]):
        if isinstance(item.get("source_id"), str) and item["source_id"]:
            item.setdefault("source_system", "CRM")
        else:
            item["member_sn"] = f"M-{n}"


def _purchase(body: dict[str, Any]) -> None:
    if body.get("is_anonymous") is not True:
        _identity(body.get("data"), body.get("identifier_field"), 0)


def _vouchers(body: dict[str, Any]) -> None:
    data = body.get("data", body.get("data_list"))
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items):
        _identity(item, body.get("identifier_field"), n)


def _period(item: Any, start: str, end: str) -> None:
    # The generator does not honour the spec's ``dependentRequired`` pairing, so both.
    if isinstance(item, dict) and (start in item or end in item):
        item[start] = "2025-04-05T14:00:00+08:00"
        item[end] = "2025-04-05T17:00:00+08:00"


def _registration(body: dict[str, Any]) -> None:
    data = body.get("data")
    _period(data, "event_start_datetime", "event_end_datetime")
    products = data.get("products") if isinstance(data, dict) else None
    if isinstance(products, dict):
        default, sku = products.get("default"), products.get("sku")
        if isinstance(default, list) and isinstance(sku, list):
            size = min(len(default), len(sku))
            products["default"], products["sku"] = default[:size], sku[:size]


def _guarantee(body: dict[str, Any]) -> None:
    _period(body.get("data"), "warranty_start_datetime", "warranty_end_datetime")


def _report_dates(body: dict[str, Any]) -> None:
    today = _today().date()
    body["start_date"] = (today - timedelta(days=7)).isoformat()
    body["end_date"] = today.isoformat()


def _market(body: dict[str, Any]) -> None:
    data = body.get("data")
    if isinstance(data, dict):
        data["start_date"], data["end_date"] = "2025-2-1", "2025-02-28"


def _mapping(body: dict[str, Any]) -> None:
    key = body.get("mapping_key")
    if isinstance(key, str) and (not isinstance(body.get(key), str) or not body[key]):
        body[key] = f"{key}-value"


_REPAIRS = {
    "import_audience": _audiences,
    "batch_import_audiences": _audiences,
    "import_purchase": _purchase,
    "import_gift_vouchers": _vouchers,
    "batch_import_gift_vouchers": _vouchers,
    "import_event_registration": _registration,
    "import_product_guarantee": _guarantee,
    "show_market_report": _market,
    "create_interaction_report": _report_dates,
    "create_tracking_event_report": _report_dates,
    "create_interactive_audiences_report": _report_dates,
    "create_audience_mapping": _mapping,
}
