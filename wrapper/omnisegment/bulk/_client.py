"""A small async client for the importer and the command line.

It is the client's own policy transport (auth injection, per-bucket rate limiting,
retries, typed errors) over a :class:`CountingTransport`, so the importer can report how
many attempts, retries and 429s happened beneath the retry layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any

import httpx

from .._environments import Credentials
from .._errors import UnexpectedResponseError
from .._operations import default_table
from .._policies import RateLimits, RetryPolicy
from .._transport import AsyncOmniSegmentTransport, PolicyCore
from ._telemetry import CountingTransport, Telemetry

__all__ = ["BulkClient"]


class BulkClient:
    """``await client.request(operation_id, json=..., params=...)`` returning ``PAYLOAD``."""

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
        inner: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.telemetry = telemetry or Telemetry()
        self.base_url = base_url.rstrip("/")
        core = PolicyCore(
            credentials=credentials, base_url=self.base_url, retry=retry, rate_limit=rate_limit
        )
        if inner is None:
            inner = httpx.AsyncHTTPTransport(
                limits=httpx.Limits(
                    max_connections=max_connections, max_keepalive_connections=max_connections
                )
            )
        transport = AsyncOmniSegmentTransport(core, CountingTransport(self.telemetry, inner))
        self._core = core
        self._http = httpx.AsyncClient(base_url=self.base_url, transport=transport, timeout=timeout)

    def __repr__(self) -> str:
        return f"BulkClient(base_url={self.base_url!r})"

    async def request(
        self,
        operation_id: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        path_params: Mapping[str, Any] | None = None,
    ) -> Any:
        """Send one operation; returns the ``PAYLOAD`` or raises a typed error."""
        op = default_table().get(operation_id)
        response = await self._http.request(
            op.method,
            op.format_path(path_params),
            json=json,
            params=dict(params) if params else None,
        )
        try:
            data = response.json()
        except ValueError as exc:
            raise UnexpectedResponseError(
                "response body is not JSON",
                status_code=response.status_code,
                operation_id=operation_id,
            ) from exc
        return data.get("PAYLOAD") if isinstance(data, dict) else data

    async def download(self, url: str) -> bytes:
        """Fetch a report file (a plain GET; the link itself is the credential)."""
        async with httpx.AsyncClient(timeout=self._http.timeout) as plain:
            response = await plain.get(url)
            response.raise_for_status()
            return response.content

    async def aclose(self) -> None:
        await self._http.aclose()
        self._core.close()

    async def __aenter__(self) -> BulkClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
