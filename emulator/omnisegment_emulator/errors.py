"""The error envelope and the exception that carries it."""

from __future__ import annotations

from typing import Any

import orjson

REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class ApiError(Exception):
    """An error answer: HTTP status plus the vendor's error envelope."""

    def __init__(self, status: int, type_key: str, message: str, retry_after: int = 0) -> None:
        super().__init__(message)
        self.status = status
        self.type_key = type_key
        self.message = message
        self.retry_after = retry_after


def input_error(message: str) -> ApiError:
    """A 400 ``Input Error: ...``."""
    return ApiError(400, "Input Error", f"Input Error: {message}")


def envelope(type_key: str | None, message: str) -> dict[str, Any]:
    """The vendor's failure envelope."""
    return {
        "SUCCESS": False,
        "ERR_MSG": message,
        "ERR_TYPE_KEY": type_key,
        "ERR_MSG_KEY": None,
        "EXTRA_INFO": None,
        "INTP_KEY": {},
        "INTP_VALUE": {},
    }


def envelope_bytes(type_key: str | None, message: str) -> bytes:
    """The failure envelope, serialised."""
    return orjson.dumps(envelope(type_key, message))
