"""RetryPolicy and RateLimits: frozen data with vendor defaults."""

from __future__ import annotations

import attrs
import pytest
from omnisegment import RateLimits, RetryPolicy


def test_retry_defaults_follow_the_vendor_rule() -> None:
    policy = RetryPolicy()
    assert policy.gateway_retry_interval == 300.0
    assert policy.max_gateway_retries == 5
    assert policy.gateway_statuses == frozenset({502, 503, 504})
    assert policy.max_rate_limit_retries > 0
    assert policy.max_connection_retries > 0


def test_policies_are_frozen_and_overridable() -> None:
    policy = RetryPolicy(gateway_retry_interval=0.5)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        policy.max_gateway_retries = 2  # type: ignore[misc]
    assert policy.replace(max_gateway_retries=2).max_gateway_retries == 2
    assert policy == RetryPolicy(gateway_retry_interval=0.5)
    off = RetryPolicy.disabled()
    assert (off.max_gateway_retries, off.max_rate_limit_retries, off.max_connection_retries) == (
        0,
        0,
        0,
    )
    with pytest.raises(ValueError):
        RetryPolicy(max_gateway_retries=-1)


def test_rate_limits() -> None:
    limits = RateLimits()
    assert limits.enabled and limits.backend == "memory"
    assert limits.rate_for("/x/", "op", 10, 1.0) == (10, 1.0)
    custom = RateLimits(overrides={"/x/": (5, 2), "other_op": (1, 60)})
    assert custom.rate_for("/x/", "op", 10, 1.0) == (5, 2.0)
    assert custom.rate_for("/y/", "other_op", 10, 1.0) == (1, 60.0)
    with pytest.raises(TypeError):
        custom.overrides["/z/"] = (1, 1)  # type: ignore[index]
    assert not RateLimits.disabled().enabled
    assert RateLimits(backend="sqlite:///tmp/x.db").backend.startswith("sqlite")
    assert RateLimits(backend="redis://127.0.0.1:6379/0").backend.startswith("redis")
    with pytest.raises(ValueError, match="unknown rate-limit backend"):
        RateLimits(backend="postgres://x")
    with pytest.raises(ValueError):
        RateLimits(overrides={"/x/": (0, 1)})
    assert hash(RateLimits()) == hash(RateLimits())
