"""Shared test configuration. Area fixtures live in each folder's own conftest.py."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Any

import pytest

# Tests must never pick up a developer's real credentials or environment.
for _name in (
    "OMNISEGMENT_API_KEY",
    "OMNISEGMENT_TID",
    "OMNISEGMENT_ENVIRONMENT",
    "OMNISEGMENT_BASE_URL",
):
    os.environ.pop(_name, None)


@pytest.fixture(autouse=True)
def _plain_loggers() -> Iterator[None]:
    """Give every test plain loggers and restore them afterwards: the CLI's logging set-up
    stops propagation, and other tests read the ``omnisegment`` logger through caplog."""
    saved = []
    for name in ("omnisegment", "omnisegment_emulator", "httpx", "httpcore"):
        logger = logging.getLogger(name)
        saved.append((logger, logger.handlers[:], logger.level, logger.propagate, logger.disabled))
        logger.handlers[:] = []
        logger.setLevel(logging.NOTSET)
        logger.propagate = True
        logger.disabled = False
    yield
    for logger, handlers, level, propagate, disabled in saved:
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate
        logger.disabled = disabled


@pytest.fixture(scope="module")
def live_emulator() -> Iterator[Any]:
    """One live emulator (uvicorn on loopback, no rate limit, no latency) per test module."""
    from omnisegment_emulator.testing import running_emulator

    with running_emulator(rate_limit=0, report_delay=0.2) as emu:
        yield emu


@pytest.fixture
def emulator(live_emulator: Any) -> Any:
    """The module's live emulator, emptied and without faults."""
    live_emulator.reset()
    live_emulator.set_faults("")
    return live_emulator
