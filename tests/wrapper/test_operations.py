"""The operation table read from the installed spec."""

from __future__ import annotations

import pytest
from omnisegment import OperationTable
from omnisegment._operations import default_table, load_spec

# operationId: (method, path, auth, tid, idempotent)
EXPECTED = {
    "import_audience": ("POST", "/ma_audience/import-audience/", "body", "body", True),
    "batch_import_audiences": ("POST", "/api/v2/audiences/batch-import/", "body", "body", True),
    "import_purchase": ("POST", "/api/import-purchase-data/", "body", "body", True),
    "batch_import_purchases": ("POST", "/api/v2/purchase/batch-import/", "body", "body", True),
    "import_gift_vouchers": ("POST", "/api/import-gift-voucher/", "body", "body", True),
    "batch_import_gift_vouchers": ("POST", "/api/v2/voucher/batch-import/", "body", "body", True),
    "import_product": ("POST", "/api/v1/products/import/", "body", "body", True),
    "import_event_registration": (
        "POST",
        "/api/v1/products/import-event-registration-data/",
        "body",
        "body",
        True,
    ),
    "import_product_guarantee": (
        "POST",
        "/api/v1/products/import-product-guarantee-data/",
        "body",
        "body",
        True,
    ),
    "show_market_report": ("POST", "/omnidata/show-market-report/", "body", "body", True),
    "track_event": ("POST", "/api/v1/beacon/track-event/", "header", "body", False),
    "create_interaction_report": ("POST", "/api/v1/interaction-report/", "header", "query", False),
    "list_interaction_reports": ("GET", "/api/v1/interaction-report/", "header", "query", True),
    "get_interaction_report": ("GET", "/api/v1/interaction-report/{id}/", "header", "query", True),
    "create_tracking_event_report": (
        "POST",
        "/api/v1/tracking-event-report/",
        "header",
        "query",
        False,
    ),
    "list_tracking_event_reports": (
        "GET",
        "/api/v1/tracking-event-report/",
        "header",
        "query",
        True,
    ),
    "get_tracking_event_report": (
        "GET",
        "/api/v1/tracking-event-report/{id}/",
        "header",
        "query",
        True,
    ),
    "create_audience_mapping": (
        "POST",
        "/api/v1/audiences/audiences-mapping/",
        "header",
        "query",
        True,
    ),
    "create_interactive_audiences_report": (
        "POST",
        "/api/v1/audiences/interactive-audiences-report/",
        "header",
        "query",
        False,
    ),
    "list_interactive_audiences_reports": (
        "GET",
        "/api/v1/audiences/interactive-audiences-report/",
        "header",
        "query",
        True,
    ),
}


def test_table_matches_the_conventions() -> None:
    table = default_table()
    assert {op.operation_id for op in table} == set(EXPECTED)
    for op_id, (method, path, auth, tid, idempotent) in EXPECTED.items():
        op = table.get(op_id)
        assert (op.method, op.path, op.auth, op.tid, op.idempotent) == (
            method,
            path,
            auth,
            tid,
            idempotent,
        )
        assert table.match(method, path.replace("{id}", "42")) is op


def test_rate_limits_and_batches() -> None:
    table = default_table()
    create = table.get("create_interactive_audiences_report")
    assert (create.bucket, create.limit, create.period, create.count_failed) == (
        "interactive-audiences-report:create",
        1,
        86400.0,
        False,
    )
    listing = table.get("list_interactive_audiences_reports")
    assert (listing.bucket, listing.limit, listing.period) == (
        "/api/v1/audiences/interactive-audiences-report/",
        10,
        1.0,
    )
    # GET and POST on one report path share a bucket.
    assert (
        table.get("get_interaction_report").bucket == table.get("create_interaction_report").bucket
    )
    for op in table:
        if op.operation_id != "create_interactive_audiences_report":
            assert (op.limit, op.period, op.count_failed) == (10, 1.0, True)
    batches = {
        op.operation_id: (op.batch_field, op.batch_max_items) for op in table if op.batch_field
    }
    assert batches == {
        "batch_import_audiences": ("data", 50),
        "batch_import_purchases": ("data", 50),
        "batch_import_gift_vouchers": ("data_list", 100),
        "import_gift_vouchers": ("data", 100),
    }


def test_match_rejects_unknown_paths() -> None:
    table = default_table()
    assert table.match("GET", "/ma_audience/import-audience/") is None
    assert table.match("POST", "/ma_audience/import-audience") is None
    assert table.match("GET", "/api/v1/interaction-report/1/extra/") is None
    assert table.match("GET", "/_emulator/files/x/y.csv") is None


def test_format_path_quotes_parameters() -> None:
    op = default_table().get("get_tracking_event_report")
    assert op.path_params == ("id",)
    assert op.format_path({"id": 7}) == "/api/v1/tracking-event-report/7/"
    assert op.format_path({"id": "a/b"}) == "/api/v1/tracking-event-report/a%2Fb/"
    with pytest.raises(ValueError, match="missing path parameter"):
        op.format_path({})


def test_unknown_operation_id() -> None:
    with pytest.raises(KeyError, match="unknown operation 'nope'"):
        default_table().get("nope")


def test_table_is_loaded_once() -> None:
    assert default_table() is default_table()
    assert len(OperationTable.from_spec(load_spec())) == len(EXPECTED)


def test_bad_extensions_are_rejected() -> None:
    spec = {"paths": {"/x/": {"post": {"operationId": "x", "x-omnisegment-auth": "cookie"}}}}
    with pytest.raises(ValueError, match="bad x-omnisegment-auth"):
        OperationTable.from_spec(spec)
