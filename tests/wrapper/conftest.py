"""Fixtures for the wrapper tests: a fake clock, the emulator in-process and live."""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from omnisegment import AsyncOmniSegment, OmniSegment, RateLimits, RetryPolicy
from omnisegment_emulator.app import EmulatorApp, create_app
from omnisegment_emulator.config import EmulatorConfig
from omnisegment_emulator.testing import RunningEmulator, running_emulator
from wrapper_support import (
    API_KEY,
    INPROC_URL,
    TID,
    FakeClock,
    Harness,
    ResetAsASGITransport,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def emulator_app(clock: FakeClock) -> Iterator[EmulatorApp]:
    """The emulator as an ASGI app on the fake clock, rate limits off."""
    app = create_app(
        EmulatorConfig(api_key=API_KEY, tid=TID, rate_limit=0, report_delay=0.0),
        clock=clock,
    )
    yield app
    app.engine.close()


@pytest.fixture
def make_async_client(
    clock: FakeClock, emulator_app: EmulatorApp
) -> Iterator[Callable[..., AsyncOmniSegment]]:
    """Build AsyncOmniSegment clients talking to the in-process emulator on fake time."""
    made: list[AsyncOmniSegment] = []

    def make(app: Any = None, **kwargs: Any) -> AsyncOmniSegment:
        options: dict[str, Any] = {
            "api_key": API_KEY,
            "tid": TID,
            "base_url": INPROC_URL,
            "transport": ResetAsASGITransport(app or emulator_app),
            "async_sleep": clock.async_sleep,
            "sleep": clock.sleep,
            "clock": clock,
            "rng": random.Random(7),
            "rate_limit": RateLimits.disabled(),
        }
        options.update(kwargs)
        client = AsyncOmniSegment(**options)
        made.append(client)
        return client

    yield make


@pytest.fixture
async def aclient(make_async_client: Callable[..., AsyncOmniSegment]) -> AsyncIterator[Any]:
    client = make_async_client()
    yield client
    await client.aclose()


@pytest.fixture(scope="module")
def live() -> Iterator[RunningEmulator]:
    """One live emulator (uvicorn on loopback) per test module; rate limits off."""
    with running_emulator(api_key=API_KEY, tid=TID, rate_limit=0, report_delay=0.0) as emu:
        yield emu


@pytest.fixture
def emu(live: RunningEmulator) -> Iterator[RunningEmulator]:
    """The module's live emulator, cleared before each test."""
    live.reset()
    live.set_faults("")
    yield live
    live.set_faults("")


@pytest.fixture
def make_client(emu: RunningEmulator, clock: FakeClock) -> Iterator[Callable[..., OmniSegment]]:
    """Build sync clients for the live emulator, sleeping on the fake clock."""
    made: list[OmniSegment] = []

    def make(**kwargs: Any) -> OmniSegment:
        options: dict[str, Any] = {
            "api_key": API_KEY,
            "tid": TID,
            "base_url": emu.base_url,
            "sleep": clock.sleep,
            "clock": clock,
            "rng": random.Random(7),
            "rate_limit": RateLimits.disabled(),
            "retry": RetryPolicy(),
        }
        options.update(kwargs)
        client = OmniSegment(**options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., OmniSegment]) -> OmniSegment:
    return make_client()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server on a free loopback port, started for the session."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(
            "redis-server is not installed (make test installs it: tools/ensure-services.sh)"
        )
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import redis

        conn = redis.Redis(host="127.0.0.1", port=port)
        deadline = time.monotonic() + 10
        while True:
            try:
                conn.ping()
                break
            except redis.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        conn.close()
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest, clock: FakeClock) -> Harness:
    if request.param == "sync":
        emu_fixture: RunningEmulator = request.getfixturevalue("emu")
        return Harness(
            "sync", clock, request.getfixturevalue("make_client"), None, emu_fixture, None
        )
    app: EmulatorApp = request.getfixturevalue("emulator_app")
    return Harness("async", clock, None, request.getfixturevalue("make_async_client"), None, app)
