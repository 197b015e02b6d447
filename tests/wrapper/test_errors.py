"""error_from_response and the error classes."""

from __future__ import annotations

import pickle

import omnisegment
import pytest
from omnisegment._errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    GatewayError,
    InternalServerError,
    OmniSegmentError,
    PermissionDeniedError,
    RateLimitError,
    UnexpectedResponseError,
    error_from_response,
)

KEY = "5b7e1c2a-90d4-4e11-a6f3-0c2d9e8b7a41"


def envelope(msg: str, key: str | None = None) -> bytes:
    import json

    return json.dumps({"SUCCESS": False, "ERR_MSG": msg, "ERR_TYPE_KEY": key}).encode()


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, GatewayError),
        (503, GatewayError),
        (504, GatewayError),
        (404, UnexpectedResponseError),
        (418, UnexpectedResponseError),
        (201, UnexpectedResponseError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[OmniSegmentError]) -> None:
    err = error_from_response(
        status, envelope("Input Error: bad", "Input Error"), "application/json", "op", 2
    )
    assert type(err) is cls
    assert err.status_code == status
    assert err.retries == 2
    assert err.operation_id == "op"
    assert isinstance(err, OmniSegmentError)


def test_envelope_fields_are_copied() -> None:
    err = error_from_response(
        400,
        envelope("Missing Input Error: data", "Missing Input Error"),
        "application/json",
        "import_audience",
    )
    assert err.err_msg == "Missing Input Error: data"
    assert err.err_type_key == "Missing Input Error"
    assert str(err) == "import_audience: HTTP 400: Missing Input Error: data"


def test_html_gateway_page() -> None:
    html = b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad</h1></body></html>"
    err = error_from_response(502, html, "text/html; charset=utf-8", "track_event", 5)
    assert isinstance(err, GatewayError)
    assert "non-JSON" in err.err_msg and "text/html" in err.err_msg
    assert "502 Bad Gateway" in err.err_msg
    assert err.err_type_key is None
    assert "(after 5 retries)" in str(err)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b"[1, 2]",
        b'"text"',
        b"null",
        b'{"SUCCESS": false}',
        b'{"ERR_MSG": 5}',
        b"\xff\xfe",
        b"[" * 100_000,
    ],
)
@pytest.mark.parametrize("status", [200, 400, 502, 599])
def test_never_raises_on_odd_bodies(status: int, body: bytes) -> None:
    err = error_from_response(status, body, "application/json", "op")
    assert isinstance(err, OmniSegmentError)
    assert isinstance(err.err_msg, str) and err.err_msg


@pytest.mark.parametrize(
    ("msg", "cls"),
    [
        ("Input Error: start_date is invalid", BadRequestError),
        ("Missing Input Error: data", BadRequestError),
        ("Forbidden: invalid api_key or tid", PermissionDeniedError),
        ("Unauthorized: no key", AuthenticationError),
        ("Something else went wrong", UnexpectedResponseError),
    ],
)
def test_200_with_success_false(msg: str, cls: type[OmniSegmentError]) -> None:
    err = error_from_response(200, envelope(msg), "application/json", "op")
    assert type(err) is cls
    assert err.status_code == 200
    assert err.err_msg == msg


def test_200_not_an_envelope() -> None:
    err = error_from_response(200, b"<html>ok</html>", "text/html", "op")
    assert isinstance(err, UnexpectedResponseError)
    assert "non-JSON" in err.err_msg
    err = error_from_response(200, b"[]", "application/json", "op")
    assert isinstance(err, UnexpectedResponseError)


def test_secrets_are_redacted() -> None:
    body = envelope(f"Input Error: api_key {KEY} is not valid", f"x{KEY}")
    err = error_from_response(400, body, "application/json", "op", secrets=[KEY, None, ""])
    for text in (str(err), repr(err), err.err_msg, err.err_type_key or ""):
        assert KEY not in text
    assert "***" in err.err_msg


def test_rate_limit_error_carries_retry_after() -> None:
    err = error_from_response(
        429, envelope("Too Many Requests: slow"), "application/json", "op", retry_after=2.0
    )
    assert isinstance(err, RateLimitError)
    assert err.retry_after == 2.0


def test_errors_pickle() -> None:
    err = error_from_response(503, b"", None, "op", 3)
    clone = pickle.loads(pickle.dumps(err))
    assert type(clone) is GatewayError
    assert (clone.status_code, clone.retries, clone.operation_id) == (503, 3, "op")
    assert str(clone) == str(err)


def test_connection_errors_and_exports() -> None:
    assert issubclass(APITimeoutError, APIConnectionError)
    assert omnisegment.ConnectionError is APIConnectionError
    assert omnisegment.TimeoutError is APITimeoutError
    err = APITimeoutError("ReadTimeout: timed out", operation_id="op", retries=1)
    assert err.status_code is None
    assert str(err) == "op: ReadTimeout: timed out (after 1 retry)"
    for name in omnisegment.__all__:
        assert getattr(omnisegment, name) is not None
