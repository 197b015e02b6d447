"""Counting what happens on the wire: attempts and 429s, beneath the retry layer."""

from __future__ import annotations

import httpx

__all__ = ["CountingTransport", "Telemetry"]


class Telemetry:
    """Counters shared by a counting transport and the importer."""

    __slots__ = ("attempts", "rate_limited", "statuses", "transport_errors")

    def __init__(self) -> None:
        self.attempts = 0
        self.rate_limited = 0
        self.transport_errors = 0
        self.statuses: dict[int, int] = {}

    def record(self, status: int) -> None:
        self.attempts += 1
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status == 429:
            self.rate_limited += 1


class CountingTransport(httpx.AsyncBaseTransport):
    """An async transport that counts every attempt (place it innermost)."""

    def __init__(self, telemetry: Telemetry, inner: httpx.AsyncBaseTransport | None = None) -> None:
        self.telemetry = telemetry
        self._inner = inner if inner is not None else httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._inner.handle_async_request(request)
        except Exception:
            self.telemetry.attempts += 1
            self.telemetry.transport_errors += 1
            raise
        self.telemetry.record(response.status_code)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()
