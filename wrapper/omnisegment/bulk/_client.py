"""The client the command line uses for imports and reports.

It is the SDK's :class:`~omnisegment.AsyncOmniSegment` (auth injection, per-bucket rate
limiting, retries, typed errors) with a :class:`CountingTransport` as its inner
transport, so an import can report how many attempts, retries and 429s happened
beneath the retry layer.
"""

from __future__ import annotations

import httpx

from .._client import AsyncOmniSegment
from .._environments import Credentials
from .._policies import RateLimits, RetryPolicy
from ._telemetry import CountingTransport, Telemetry

__all__ = ["BulkClient"]


class BulkClient(AsyncOmniSegment):
    """``AsyncOmniSegment`` that counts every attempt in ``telemetry``."""

    def __init__(
        self,
        *,
        credentials: Credentials,
        base_url: str,
        retry: RetryPolicy | None = None,
        rate_limit: RateLimits | None = None,
        telemetry: Telemetry | None = None,
        timeout: float = 60.0,
        max_connections: int = 32,
        allow_insecure_http: bool = False,
        inner: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.telemetry = telemetry or Telemetry()
        if inner is None:
            inner = httpx.AsyncHTTPTransport(
                limits=httpx.Limits(
                    max_connections=max_connections, max_keepalive_connections=max_connections
                )
            )
        super().__init__(
            api_key=credentials.api_key,
            tid=credentials.tid,
            base_url=base_url,
            retry=retry,
            rate_limit=rate_limit,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            transport=CountingTransport(self.telemetry, inner),
            allow_insecure_http=allow_insecure_http,
        )
