"""Pieces shared by the sync and async clients and their resources."""

from __future__ import annotations

import contextlib
import contextvars
import json
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ._dates import TzLike, normalize_dates
from ._errors import OmniSegmentError, UnexpectedResponseError, error_from_response

__all__ = [
    "Prepared",
    "ResponseMarker",
    "expect",
    "soft_failure",
    "to_plain",
]

T = TypeVar("T")
R = TypeVar("R")


class ResponseMarker:
    """Set by the transport when a successful response came back for this call.

    It tells a parse error in the generated code (a response we cannot read) apart from
    an error while building the request.
    """

    __slots__ = ("received",)

    def __init__(self) -> None:
        self.received = False


RESPONSE_MARKER: contextvars.ContextVar[ResponseMarker | None] = contextvars.ContextVar(
    "omnisegment_response_marker", default=None
)


@dataclass(slots=True)
class Prepared(Generic[T]):
    """A generated operation call, ready to run sync or async."""

    operation_id: str
    sync_fn: Callable[..., Any]
    async_fn: Callable[..., Awaitable[Any]]
    kwargs: dict[str, Any]
    extract: Callable[[Any], T]
    args: tuple[Any, ...] = field(default=())


_PARSE_ERRORS = (KeyError, ValueError, TypeError, AttributeError, IndexError)


def parse_failure(operation_id: str, exc: BaseException) -> UnexpectedResponseError:
    """The error for a successful response the generated models cannot read."""
    return UnexpectedResponseError(
        f"could not read the response payload ({type(exc).__name__}: {exc})",
        status_code=200,
        operation_id=operation_id,
    )


@contextlib.contextmanager
def _typed_parse_errors(operation_id: str) -> Iterator[None]:
    """Turn the generated code's parse errors on a received response into typed errors."""
    marker = ResponseMarker()
    token = RESPONSE_MARKER.set(marker)
    try:
        yield
    except _PARSE_ERRORS as exc:
        if marker.received:
            raise parse_failure(operation_id, exc) from exc
        raise
    finally:
        RESPONSE_MARKER.reset(token)


def run_sync(prepared: Prepared[T], client: Any) -> T:
    """Call the generated ``sync_detailed`` and extract the payload."""
    with _typed_parse_errors(prepared.operation_id):
        response = prepared.sync_fn(*prepared.args, client=client, **prepared.kwargs)
    return _extract(prepared, response)


async def run_async(prepared: Prepared[T], client: Any) -> T:
    """Call the generated ``asyncio_detailed`` and extract the payload."""
    with _typed_parse_errors(prepared.operation_id):
        response = await prepared.async_fn(*prepared.args, client=client, **prepared.kwargs)
    return _extract(prepared, response)


def _extract(prepared: Prepared[T], response: Any) -> T:
    try:
        return prepared.extract(response.parsed)
    except OmniSegmentError:
        raise
    except _PARSE_ERRORS as exc:
        raise parse_failure(prepared.operation_id, exc) from exc


def expect(parsed: object, cls: type[R], operation_id: str) -> R:
    """``parsed`` if it is the success model, else an UnexpectedResponseError."""
    if isinstance(parsed, cls):
        return parsed
    raise UnexpectedResponseError(
        f"expected {cls.__name__}, got {type(parsed).__name__}",
        status_code=200,
        operation_id=operation_id,
    )


def soft_failure(operation_id: str, payload: Any) -> OmniSegmentError | None:
    """import_audience: a 200 whose ``PAYLOAD.status`` is not ``OK`` is a failure (spec)."""
    status = payload.get("status") if isinstance(payload, Mapping) else None
    if status is None or status == "OK":
        return None
    message = payload.get("error_msg") or f"import reported status {status!r}"
    body = json.dumps({"SUCCESS": False, "ERR_MSG": str(message)}).encode()
    return error_from_response(200, body, "application/json", operation_id)


def to_plain(value: Any, *, tz: TzLike = None) -> Any:
    """Generated models (at any depth), mappings and lists as JSON-ready data, with dates
    normalised."""
    return normalize_dates(value, tz=tz)
