"""Typed errors raised by the OmniSegment client.

Every error derives from :class:`OmniSegmentError` and carries ``status_code``,
``err_msg``, ``err_type_key``, ``retries`` and ``operation_id``. Messages never contain
the API key: text that comes from the server is passed through :func:`redact` with the
client's secrets before it is stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "GatewayError",
    "InternalServerError",
    "OmniSegmentError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnexpectedResponseError",
    "error_from_response",
    "redact",
]

_REDACTED = "***"
_SNIPPET = 160


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """Replace every occurrence of each non-empty secret in ``text``."""
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, _REDACTED)
    return text


class OmniSegmentError(Exception):
    """Base class of every error raised by the SDK."""

    status_code: int | None
    err_msg: str
    err_type_key: str | None
    retries: int
    operation_id: str | None

    def __init__(
        self,
        err_msg: str,
        *,
        status_code: int | None = None,
        err_type_key: str | None = None,
        retries: int = 0,
        operation_id: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.err_msg = err_msg
        self.err_type_key = err_type_key
        self.retries = retries
        self.operation_id = operation_id
        super().__init__(err_msg)

    def __str__(self) -> str:
        parts: list[str] = []
        if self.operation_id:
            parts.append(f"{self.operation_id}:")
        if self.status_code is not None:
            parts.append(f"HTTP {self.status_code}:")
        parts.append(self.err_msg or "(no message)")
        if self.retries:
            word = "retry" if self.retries == 1 else "retries"
            parts.append(f"(after {self.retries} {word})")
        return " ".join(parts)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, err_msg={self.err_msg!r}, "
            f"err_type_key={self.err_type_key!r}, retries={self.retries!r}, "
            f"operation_id={self.operation_id!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructor: make the error picklable (multiprocessing).
        return (_rebuild, (type(self), self.__dict__.copy()))


def _rebuild(cls: type[OmniSegmentError], state: dict[str, Any]) -> OmniSegmentError:
    err = cls.__new__(cls)
    Exception.__init__(err, state.get("err_msg", ""))
    err.__dict__.update(state)
    return err


class BadRequestError(OmniSegmentError):
    """HTTP 400: missing or invalid input (also unknown report ids)."""


class AuthenticationError(OmniSegmentError):
    """HTTP 401: no credential was sent."""


class PermissionDeniedError(OmniSegmentError):
    """HTTP 403: the API key or tid is wrong."""


class RateLimitError(OmniSegmentError):
    """HTTP 429: too many requests (raised once retries are exhausted)."""

    retry_after: float | None = None


class InternalServerError(OmniSegmentError):
    """HTTP 500: server error. Never retried."""


class GatewayError(OmniSegmentError):
    """HTTP 502, 503 or 504 (raised once the gateway retries are exhausted)."""


class UnexpectedResponseError(OmniSegmentError):
    """A response the spec does not describe: unknown status, malformed body, bad payload."""


class APIConnectionError(OmniSegmentError):
    """The request failed at the transport level (connect error, reset, protocol error)."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""


_STATUS_ERRORS: dict[int, type[OmniSegmentError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    429: RateLimitError,
    500: InternalServerError,
    502: GatewayError,
    503: GatewayError,
    504: GatewayError,
}

# For ``200`` + ``SUCCESS: false``: infer the class from the vendor's message prefix.
_PREFIX_ERRORS: tuple[tuple[str, type[OmniSegmentError]], ...] = (
    ("Missing Input Error", BadRequestError),
    ("Input Error", BadRequestError),
    ("InputError", BadRequestError),
    ("MissingInputError", BadRequestError),
    ("Unauthorized", AuthenticationError),
    ("Forbidden", PermissionDeniedError),
    ("PermissionDenied", PermissionDeniedError),
    ("Too Many Requests", RateLimitError),
)


def error_class_for_status(status: int) -> type[OmniSegmentError]:
    """Return the error class for an HTTP status (UnexpectedResponseError if unknown)."""
    return _STATUS_ERRORS.get(status, UnexpectedResponseError)


def _parse_json(body: bytes) -> tuple[bool, Any]:
    try:
        return True, json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False, None


def _snippet(body: bytes) -> str:
    text = body[: _SNIPPET * 4].decode("utf-8", errors="replace")
    text = " ".join(text.split())
    if len(text) > _SNIPPET:
        text = text[:_SNIPPET] + "..."
    return text


def error_from_response(
    status: int,
    body_bytes: bytes,
    content_type: str | None,
    operation_id: str | None,
    retries: int = 0,
    *,
    secrets: Iterable[str | None] = (),
    retry_after: float | None = None,
) -> OmniSegmentError:
    """Build the typed error for a failed response. Never raises.

    ``status`` selects the class for the documented error codes. A ``200`` (the caller
    only passes one when ``SUCCESS`` is not ``true``) is classified by the message
    prefix (``Input Error`` -> BadRequestError, ``Forbidden`` -> PermissionDeniedError...)
    and falls back to UnexpectedResponseError. Unknown statuses give
    UnexpectedResponseError. Bodies that are not a JSON error envelope (gateway HTML
    pages, empty bodies) give a synthetic message with a short excerpt.
    """
    secrets = tuple(secrets)
    try:
        ctype = (content_type or "").split(";", 1)[0].strip().lower() or "no content type"
        ok, data = _parse_json(body_bytes) if body_bytes else (False, None)
        err_msg: str | None = None
        err_type_key: str | None = None
        success: object = None
        if ok and isinstance(data, dict):
            raw_msg = data.get("ERR_MSG")
            if isinstance(raw_msg, str):
                err_msg = raw_msg
            elif raw_msg is not None:
                err_msg = str(raw_msg)
            raw_key = data.get("ERR_TYPE_KEY")
            if isinstance(raw_key, str):
                err_type_key = raw_key
            success = data.get("SUCCESS")

        if status == 200:
            if err_msg is None:
                if not body_bytes:
                    err_msg = "empty response body"
                elif not ok:
                    err_msg = f"non-JSON response body ({ctype}): {_snippet(body_bytes)}"
                elif not isinstance(data, dict) or "SUCCESS" not in data:
                    err_msg = "response body is not a SUCCESS/PAYLOAD envelope"
                elif success is False:
                    err_msg = "SUCCESS is false and there is no ERR_MSG"
                else:
                    err_msg = "malformed response envelope"
            cls: type[OmniSegmentError] = UnexpectedResponseError
            if success is False:
                probe = err_type_key or err_msg
                for prefix, candidate in _PREFIX_ERRORS:
                    if probe.startswith(prefix):
                        cls = candidate
                        break
        else:
            cls = error_class_for_status(status)
            if err_msg is None:
                if not body_bytes:
                    err_msg = "empty response body"
                elif not ok:
                    err_msg = f"non-JSON response body ({ctype}): {_snippet(body_bytes)}"
                else:
                    err_msg = "response body has no ERR_MSG"
            if cls is UnexpectedResponseError:
                err_msg = f"status not described by the API: {err_msg}"

        err = cls(
            redact(err_msg, secrets),
            status_code=status,
            err_type_key=redact(err_type_key, secrets) if err_type_key else err_type_key,
            retries=retries,
            operation_id=operation_id,
        )
        if isinstance(err, RateLimitError):
            err.retry_after = retry_after
        return err
    except Exception as exc:  # pragma: no cover - defensive: must never raise
        return UnexpectedResponseError(
            f"could not interpret HTTP {status} response ({type(exc).__name__})",
            status_code=status,
            retries=retries,
            operation_id=operation_id,
        )
