"""Python SDK for the OmniSegment External API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._dates import DEFAULT_TIMEZONE
from ._environments import ENVIRONMENTS, InsecureURLError, MissingCredentialsError
from ._errors import (
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
)
from ._operations import Operation, OperationTable
from ._policies import RateLimits, RetryPolicy

if TYPE_CHECKING:
    from ._client import DEFAULT_TIMEOUT, AsyncOmniSegment, OmniSegment
    from ._ratelimit import RateLimiter
    from ._transport import AsyncOmniSegmentTransport, OmniSegmentTransport, PolicyCore

ConnectionError = APIConnectionError
TimeoutError = APITimeoutError

_LAZY = {
    "OmniSegment": "._client",
    "AsyncOmniSegment": "._client",
    "DEFAULT_TIMEOUT": "._client",
    "OmniSegmentTransport": "._transport",
    "AsyncOmniSegmentTransport": "._transport",
    "PolicyCore": "._transport",
    "RateLimiter": "._ratelimit",
}


def __getattr__(name: str) -> Any:
    # The clients import the generated package (about 70 modules): load them on first use
    # so that `import omnisegment` stays cheap for the CLI and for error handling code.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'omnisegment' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_TIMEZONE",
    "ENVIRONMENTS",
    "APIConnectionError",
    "APITimeoutError",
    "AsyncOmniSegment",
    "AsyncOmniSegmentTransport",
    "AuthenticationError",
    "BadRequestError",
    "ConnectionError",
    "GatewayError",
    "InsecureURLError",
    "InternalServerError",
    "MissingCredentialsError",
    "OmniSegment",
    "OmniSegmentError",
    "OmniSegmentTransport",
    "Operation",
    "OperationTable",
    "PermissionDeniedError",
    "PolicyCore",
    "RateLimitError",
    "RateLimiter",
    "RateLimits",
    "RetryPolicy",
    "TimeoutError",
    "UnexpectedResponseError",
]
