"""Fixtures: one live emulator per module (rate limits off), reset before each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from emulator_support import Api
from omnisegment_emulator.testing import RunningEmulator, running_emulator


@pytest.fixture(scope="module")
def live() -> Iterator[RunningEmulator]:
    with running_emulator(rate_limit=0, report_delay=0.3) as emu:
        yield emu


@pytest.fixture
def emu(live: RunningEmulator) -> Iterator[RunningEmulator]:
    live.reset()
    yield live
    live.set_faults("")


@pytest.fixture
def api(emu: RunningEmulator) -> Iterator[Api]:
    client = Api(emu)
    yield client
    client.close()
