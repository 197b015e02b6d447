"""Fixtures for the bulk importer tests: the sample generator and a live emulator."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_generator() -> ModuleType:
    """``samples/generate.py`` as a module (it is a script, not a package)."""
    name = "omnisegment_samples_generate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "samples" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def samplegen() -> ModuleType:
    return load_generator()


@pytest.fixture
def make_client() -> Any:
    """Factory: ``make_client(emulator, **retry_changes)``."""
    return fast_client


def fast_client(emu: Any, **changes: Any) -> Any:
    """A real-HTTP client for the emulator with short retry waits and no throttling."""
    from omnisegment._environments import Credentials
    from omnisegment._policies import RateLimits, RetryPolicy
    from omnisegment.bulk._client import BulkClient

    retry = RetryPolicy(
        gateway_retry_interval=0.01,
        rate_limit_backoff_base=0.01,
        rate_limit_backoff_cap=0.05,
        connection_backoff_base=0.01,
        connection_backoff_cap=0.05,
        max_connection_retries=8,
    )
    return BulkClient(
        credentials=Credentials(api_key=changes.pop("api_key", emu.api_key), tid=emu.tid),
        base_url=emu.base_url,
        retry=retry.replace(**changes) if changes else retry,
        rate_limit=RateLimits.disabled(),
    )
