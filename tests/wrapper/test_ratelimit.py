"""Client-side rate limiting: fake time, threads, and several processes."""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from omnisegment import (
    AsyncOmniSegment,
    OmniSegment,
    RateLimitError,
    RateLimits,
    RetryPolicy,
)
from omnisegment._operations import default_table
from omnisegment._ratelimit import RateLimiter
from omnisegment_emulator.app import create_app
from omnisegment_emulator.config import EmulatorConfig
from omnisegment_emulator.testing import running_emulator
from wrapper_support import (
    API_KEY,
    AUDIENCE_BUCKET,
    INPROC_URL,
    TID,
    FakeClock,
    rate_worker,
)

OP = default_table().get("import_audience")


def drain(limiter: RateLimiter, clock: FakeClock, calls: int) -> None:
    for _ in range(calls):
        while True:
            permit, wait = limiter.try_acquire(OP)
            if permit is not None:
                break
            clock.sleep(wait)


def test_memory_limiter_on_fake_time() -> None:
    clock = FakeClock()
    limiter = RateLimiter(RateLimits(), clock=clock)
    start = clock()
    drain(limiter, clock, 100)
    elapsed = clock() - start
    # 10 per 1.05 s (limit per period plus the safety margin): 9 full windows.
    assert 9.0 <= elapsed <= 10.5


def test_buckets_are_shared_by_operations_of_one_path() -> None:
    clock = FakeClock()
    limiter = RateLimiter(RateLimits(), clock=clock)
    table = default_table()
    listing, create = table.get("list_interaction_reports"), table.get("create_interaction_report")
    for _ in range(5):
        assert limiter.try_acquire(listing)[0] is not None
        assert limiter.try_acquire(create)[0] is not None
    permit, wait = limiter.try_acquire(listing)
    assert permit is None and wait > 0
    # Another path has its own budget.
    assert limiter.try_acquire(OP)[0] is not None


async def test_100_calls_at_10_per_second_without_a_429(clock: FakeClock) -> None:
    """Emulator limiting 10 req/s on the same fake clock: zero 429s, about 10 s of fake time."""
    app = create_app(EmulatorConfig(api_key=API_KEY, tid=TID, rate_limit=10), clock=clock)
    client = AsyncOmniSegment(
        API_KEY,
        TID,
        base_url=INPROC_URL,
        transport=httpx.ASGITransport(app=app),
        clock=clock,
        async_sleep=clock.async_sleep,
        retry=RetryPolicy.disabled(),
    )
    start = clock()
    async with client:
        for n in range(100):
            await client.audiences.import_one({"member_sn": f"M{n}"})
    elapsed = clock() - start
    statuses = [r["status"] for r in app.engine.requests() if r["operation_id"]]
    assert statuses == [200] * 100
    assert 9.0 <= elapsed <= 11.0
    app.engine.close()


def test_threads_share_the_budget() -> None:
    """Four threads, one client, a live emulator at 40 req/s: zero 429s, rate kept."""
    limit, threads, calls = 40, 4, 20
    with running_emulator(api_key=API_KEY, tid=TID, rate_limit=limit) as emu:
        limits = RateLimits(overrides={AUDIENCE_BUCKET: (limit, 1)})
        started: list[float] = []
        errors: list[BaseException] = []
        with OmniSegment(
            API_KEY, TID, base_url=emu.base_url, rate_limit=limits, retry=RetryPolicy.disabled()
        ) as client:

            def work(worker: int) -> None:
                for n in range(calls):
                    started.append(time.monotonic())
                    try:
                        client.audiences.import_one({"member_sn": f"T{worker}-{n}"})
                    except BaseException as exc:
                        errors.append(exc)

            pool = [threading.Thread(target=work, args=(w,)) for w in range(threads)]
            for thread in pool:
                thread.start()
            for thread in pool:
                thread.join()
        statuses = [r["status"] for r in emu.requests() if r["operation_id"]]
    assert errors == []
    assert statuses == [200] * (threads * calls)
    elapsed = max(started) - min(started)
    assert elapsed >= (threads * calls - limit) / limit  # the budget was enforced


def test_failed_requests_do_not_count_when_the_spec_says_so(clock: FakeClock) -> None:
    """create_interactive_audiences_report: 1 per day, failed requests not counted."""
    answers = [
        httpx.Response(400, json={"SUCCESS": False, "ERR_MSG": "Input Error: dates"}),
        httpx.Response(200, json={"SUCCESS": True, "PAYLOAD": None}),
    ]
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return answers.pop(0)

    with OmniSegment(
        API_KEY, TID, transport=httpx.MockTransport(handler), clock=clock, sleep=clock.sleep
    ) as client:
        with pytest.raises(Exception, match="Input Error"):
            client.reports.interactive_audiences.create("2025-01-01", "2025-01-02")
        client.reports.interactive_audiences.create("2025-01-01", "2025-01-02")
        with pytest.raises(RateLimitError) as info:
            client.reports.interactive_audiences.create("2025-01-01", "2025-01-02")
    assert len(sent) == 2  # the third never left the client
    assert info.value.status_code is None
    assert info.value.retry_after is not None and info.value.retry_after > 80_000
    assert "max_wait" in str(info.value)
    assert clock.sleeps == []


def test_disabled_rate_limit_and_custom_limiter() -> None:
    clock = FakeClock()
    shared = RateLimiter(RateLimits(overrides={"import_audience": (2, 1)}), clock=clock)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(
            200, json={"SUCCESS": True, "PAYLOAD": {"status": "OK", "error_msg": ""}}
        )

    options: dict[str, Any] = {
        "transport": httpx.MockTransport(handler),
        "clock": clock,
        "sleep": clock.sleep,
    }
    with (
        OmniSegment(API_KEY, TID, rate_limit=shared, **options) as a,
        OmniSegment(API_KEY, TID, rate_limit=shared, **options) as b,
    ):
        for _ in range(3):
            a.audiences.import_one({"member_sn": "A"})
            b.audiences.import_one({"member_sn": "B"})
    assert len(seen) == 6
    assert clock.slept >= 2.0  # 6 calls at 2 per second, shared by both clients
    with OmniSegment(API_KEY, TID, rate_limit=RateLimits.disabled(), **options) as off:
        assert off.rate_limiter is None


def test_sqlite_backend_shares_state_between_limiters(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/budget.db"
    settings = RateLimits(backend=url, overrides={"import_audience": (3, 60)})
    first, second = RateLimiter(settings), RateLimiter(settings)
    try:
        assert first.try_acquire(OP)[0] is not None
        assert second.try_acquire(OP)[0] is not None
        assert first.try_acquire(OP)[0] is not None
        permit, wait = second.try_acquire(OP)
        assert permit is None and 0 < wait <= 61
    finally:
        first.close()
        second.close()


def test_sqlite_buckets_of_one_limiter_are_safe_across_threads(tmp_path: Path) -> None:
    """All buckets share one SQLite connection: threads using different buckets at once
    must not interleave their transactions on it."""
    table = default_table()
    ops = [table.get(o) for o in ("import_audience", "import_purchase", "import_product")]
    overrides = {op.operation_id: (10_000, 60) for op in ops}
    limiter = RateLimiter(RateLimits(backend=f"sqlite:///{tmp_path}/t.db", overrides=overrides))
    errors: list[BaseException] = []
    granted: list[int] = []

    def work(op: Any) -> None:
        count = 0
        try:
            for _ in range(150):
                permit, _wait = limiter.try_acquire(op)
                count += permit is not None
        except BaseException as exc:  # pragma: no cover - the failure being tested
            errors.append(exc)
        granted.append(count)

    try:
        threads = [threading.Thread(target=work, args=(op,)) for op in ops]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        limiter.close()
    assert errors == []
    assert granted == [150] * len(ops)


def test_a_shared_limiter_outlives_the_clients_using_it(tmp_path: Path) -> None:
    """Closing one client must not close a limiter it was given (others still use it);
    a limiter closed by its owner reopens its backend on the next request."""
    shared = RateLimiter(RateLimits(backend=f"sqlite:///{tmp_path}/s.db"))

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"SUCCESS": True, "PAYLOAD": None})

    options: dict[str, Any] = {"transport": httpx.MockTransport(handler), "rate_limit": shared}
    first = OmniSegment(API_KEY, TID, **options)
    second = OmniSegment(API_KEY, TID, **options)
    try:
        first.purchases.import_one({"member_sn": "A"})
        first.close()
        second.purchases.import_one({"member_sn": "B"})
        shared.close()
        second.purchases.import_one({"member_sn": "C"})
    finally:
        second.close()
        shared.close()


def test_redis_backend_shares_state_between_limiters(redis_url: str) -> None:
    settings = RateLimits(
        backend=redis_url, namespace="t-share", overrides={"import_audience": (3, 60)}
    )
    first, second = RateLimiter(settings), RateLimiter(settings)
    try:
        refund = first.try_acquire(OP)[0]
        assert refund is not None
        assert second.try_acquire(OP)[0] is not None
        assert first.try_acquire(OP)[0] is not None
        permit, wait = second.try_acquire(OP)
        assert permit is None and 0 < wait <= 61
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_refund_on_shared_backends(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = (
        request.getfixturevalue("redis_url") if backend == "redis" else f"sqlite:///{tmp_path}/r.db"
    )
    op = default_table().get("create_interactive_audiences_report")
    settings = RateLimits(backend=url, namespace=f"t-refund-{backend}")
    limiter = RateLimiter(settings)
    try:
        permit, _ = limiter.try_acquire(op)
        assert permit is not None
        assert limiter.try_acquire(op)[0] is None
        permit.refund()
        assert limiter.try_acquire(op)[0] is not None
    finally:
        limiter.close()


async def test_async_client_with_sqlite_backend(tmp_path: Path, clock: FakeClock) -> None:
    app = create_app(EmulatorConfig(api_key=API_KEY, tid=TID, rate_limit=0))
    client = AsyncOmniSegment(
        API_KEY,
        TID,
        base_url=INPROC_URL,
        transport=httpx.ASGITransport(app=app),
        rate_limit=RateLimits(backend=f"sqlite:///{tmp_path}/a.db"),
    )
    async with client:
        await asyncio.gather(
            *(client.audiences.import_one({"member_sn": f"M{n}"}) for n in range(5))
        )
    assert len([r for r in app.engine.requests() if r["operation_id"]]) == 5
    app.engine.close()


def run_processes(backend: str, limit: int = 10, processes: int = 4, calls: int = 15) -> None:
    """``processes`` clients share one credential and one backend against an emulator that
    enforces ``limit`` requests per second (the vendor's 10/s). The total (60) is a whole
    number of windows, so the measured rate is not skewed by a last, partial window."""
    ctx = multiprocessing.get_context("spawn")
    with running_emulator(api_key=API_KEY, tid=TID, rate_limit=limit) as emu:
        barrier = ctx.Barrier(processes)
        results = ctx.Queue()
        procs = [
            ctx.Process(
                target=rate_worker,
                args=(emu.base_url, backend, limit, calls, barrier, results, w),
            )
            for w in range(processes)
        ]
        for proc in procs:
            proc.start()
        collected = [results.get(timeout=120) for _ in procs]
        for proc in procs:
            proc.join(timeout=30)
            assert proc.exitcode == 0
        log = [r for r in emu.requests() if r["operation_id"]]
        statuses = [r["status"] for r in log]
    total = processes * calls
    assert sum(rejected for _, _, rejected in collected) == 0
    assert statuses.count(429) == 0
    assert statuses == [200] * total
    times = sorted(r["time"] for r in log)  # when the emulator received each request
    # After the first full window, requests flow at the shared limit.
    rate = (total - limit) / (times[-1] - times[0])
    assert rate >= 0.9 * limit, f"aggregate rate {rate:.1f}/s below 90% of {limit}/s"
    assert rate <= limit * 1.02, f"aggregate rate {rate:.1f}/s above the {limit}/s limit"


@pytest.mark.slow
def test_four_processes_share_a_sqlite_budget(tmp_path: Path) -> None:
    run_processes(f"sqlite:///{tmp_path}/shared.db")


@pytest.mark.slow
def test_four_processes_share_a_redis_budget(redis_url: str) -> None:
    run_processes(redis_url)
