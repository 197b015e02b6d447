"""Helpers shared by the wrapper tests (a fake clock, the sync/async harness)."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from typing import Any

import httpx
from omnisegment import AsyncOmniSegment, OmniSegment
from omnisegment_emulator.app import EmulatorApp
from omnisegment_emulator.testing import RunningEmulator

API_KEY = "5b7e1c2a-90d4-4e11-a6f3-0c2d9e8b7a41"
TID = "OA-3f9a2c"
# ASGI requests never leave the process; a loopback URL keeps the http:// check happy.
INPROC_URL = "http://127.0.0.1:9"


class FakeClock:
    """Monotonic time that only moves when something sleeps on it."""

    def __init__(self, start: float | None = None) -> None:
        # Starts at the real wall-clock time: the emulator also uses it for date checks.
        self.now = time.time() if start is None else start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)

    @property
    def slept(self) -> float:
        return sum(self.sleeps)


class ResetAsASGITransport(httpx.AsyncBaseTransport):
    """ASGITransport that turns the emulator's in-process reset into httpx.ReadError."""

    def __init__(self, app: Any) -> None:
        self._inner = httpx.ASGITransport(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._inner.handle_async_request(request)
        except ConnectionResetError as exc:
            raise httpx.ReadError("connection reset by peer", request=request) from exc


class Harness:
    """Runs one scenario against the sync client (live emulator) or the async client
    (in-process emulator), so each behaviour is tested in both variants."""

    def __init__(
        self,
        mode: str,
        clock: FakeClock,
        make_sync: Callable[..., OmniSegment] | None,
        make_async: Callable[..., AsyncOmniSegment] | None,
        live: RunningEmulator | None,
        app: EmulatorApp | None,
    ) -> None:
        self.mode = mode
        self.clock = clock
        self._make_sync = make_sync
        self._make_async = make_async
        self.live = live
        self.app = app

    def client(self, **kwargs: Any) -> Any:
        if self.mode == "sync":
            assert self._make_sync is not None
            return self._make_sync(**kwargs)
        assert self._make_async is not None
        return self._make_async(**kwargs)

    def run(self, client: Any, fn: Callable[[Any], Any]) -> Any:
        """``fn(client)``; awaited for the async client."""
        result = fn(client)
        if inspect.isawaitable(result):

            async def go() -> Any:
                try:
                    return await result
                finally:
                    if self.mode == "async":
                        await client.aclose()

            return asyncio.run(go())
        return result

    def set_faults(self, faults: str = "", **options: Any) -> None:
        body = {"faults": faults, **options}
        if self.live is not None:
            self.live.control.put("faults", json=body).raise_for_status()
            return

        async def put() -> None:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url=INPROC_URL) as http:
                (await http.put("/_emulator/faults", json=body)).raise_for_status()

        asyncio.run(put())

    def requests(self) -> list[dict[str, Any]]:
        if self.live is not None:
            return self.live.requests()
        assert self.app is not None
        return self.app.engine.requests()

    def store(self, collection: str) -> list[Any]:
        if self.live is not None:
            return self.live.store(collection)
        assert self.app is not None
        result: list[Any] = self.app.engine.store.dump(collection)
        return result

    def api_requests(self) -> list[dict[str, Any]]:
        return [r for r in self.requests() if r["operation_id"]]


async def aw(value: Any) -> Any:
    """Await ``value`` if it is awaitable (lets one scenario drive both clients)."""
    if inspect.isawaitable(value):
        return await value
    return value


AUDIENCE_BUCKET = "/ma_audience/import-audience/"


def rate_worker(
    base_url: str,
    backend: str,
    limit: int,
    calls: int,
    barrier: Any,
    results: Any,
    worker: int,
) -> None:
    """One process of the multi-process rate-limit tests (must be importable for spawn)."""
    import time

    from omnisegment import OmniSegment, RateLimitError, RateLimits, RetryPolicy

    # The default safety margin (0.05 s per window), as users get it: it absorbs the
    # scheduling jitter of four processes on a busy machine and still leaves > 90 % of
    # the budget usable.
    limits = RateLimits(backend=backend, overrides={AUDIENCE_BUCKET: (limit, 1)})
    started: list[float] = []
    rejected = 0
    with OmniSegment(
        API_KEY, TID, base_url=base_url, rate_limit=limits, retry=RetryPolicy.disabled()
    ) as client:
        client.rate_limiter.try_acquire  # noqa: B018 - fail early if misconfigured
        barrier.wait()
        for n in range(calls):
            started.append(time.time())
            try:
                client.audiences.import_one({"member_sn": f"P{worker}-{n}"})
            except RateLimitError:
                rejected += 1
    results.put((worker, started, rejected))
