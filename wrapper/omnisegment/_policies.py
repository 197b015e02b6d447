"""Retry and rate-limit policies: plain frozen objects with the vendor's defaults."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

__all__ = ["RateLimits", "RetryPolicy"]


def _frozen_overrides(value: Mapping[str, Any] | None) -> Mapping[str, tuple[int, float]]:
    out: dict[str, tuple[int, float]] = {}
    for key, rate in (value or {}).items():
        limit, period = rate
        if int(limit) < 1 or float(period) <= 0:
            raise ValueError(f"rate override {key!r}: limit must be >= 1 and period > 0")
        out[str(key)] = (int(limit), float(period))
    return MappingProxyType(out)


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value!r}")


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """When and how long to wait before retrying a failed request.

    Defaults and where they come from:

    * 502/503/504: retry every ``gateway_retry_interval`` (300 s) at most
      ``max_gateway_retries`` (5) times, stopping as soon as another status comes back.
      Vendor rule from the API's common specification page (facts §2.7; we read
      "retried over five times" as 5 retries, 6 attempts).
    * 429: exponential backoff with full jitter (``rate_limit_backoff_base`` x 2^n,
      capped at ``rate_limit_backoff_cap``), at most ``max_rate_limit_retries`` times, and
      never sooner than the ``Retry-After`` header (seconds or HTTP date). A
      ``Retry-After`` longer than ``max_retry_after`` gives up at once. The vendor gives
      no 429 guidance; these are SDK defaults.
    * Connection failures and timeouts: backoff with full jitter, at most
      ``max_connection_retries`` times (SDK default). Non-idempotent operations
      (track-event, report creation) are not retried once the request may have
      reached the server (read/write timeouts, resets); connect errors are safe.
    * 400, 401, 403 and 500 are never retried (vendor: no retry guidance for them;
      the request would fail the same way).
    """

    gateway_retry_interval: float = attrs.field(default=300.0, validator=_non_negative)
    max_gateway_retries: int = attrs.field(default=5, validator=_non_negative)
    gateway_statuses: frozenset[int] = attrs.field(
        default=frozenset({502, 503, 504}), converter=frozenset
    )
    max_rate_limit_retries: int = attrs.field(default=6, validator=_non_negative)
    rate_limit_backoff_base: float = attrs.field(default=1.0, validator=_non_negative)
    rate_limit_backoff_cap: float = attrs.field(default=60.0, validator=_non_negative)
    max_retry_after: float = attrs.field(default=900.0, validator=_non_negative)
    max_connection_retries: int = attrs.field(default=3, validator=_non_negative)
    connection_backoff_base: float = attrs.field(default=0.5, validator=_non_negative)
    connection_backoff_cap: float = attrs.field(default=10.0, validator=_non_negative)

    @classmethod
    def disabled(cls) -> RetryPolicy:
        """A policy that never retries."""
        return cls(max_gateway_retries=0, max_rate_limit_retries=0, max_connection_retries=0)

    def replace(self, **changes: Any) -> RetryPolicy:
        """A copy with some fields changed."""
        return attrs.evolve(self, **changes)


@attrs.frozen(kw_only=True)
class RateLimits:
    """Client-side throttling, enforced before each request.

    The per-endpoint limits come from the spec (``x-omnisegment-rate-limit``): 10
    requests per second per endpoint (vendor common page, facts §2.6), 1 per day for
    creating an interactive-audiences report (vendor page; failed requests are not
    counted). ``overrides`` maps a bucket name (for example
    ``"/api/v1/interaction-report/"``) or an operation id to ``(limit, period_seconds)``.

    ``backend`` selects where the budget lives: ``"memory"`` (one process, all threads
    and tasks of the client), ``"sqlite:///path/to/file.db"`` (several processes on one
    host) or ``"redis://host:port/0"`` (several hosts; needs the ``redis`` extra).

    ``margin`` (seconds) widens every window a little so that network jitter between
    client and server never lets the server see one request too many. A wait longer
    than ``max_wait`` (for example the second interactive-audiences report of a day)
    raises :class:`~omnisegment.RateLimitError` at once instead of blocking.
    """

    enabled: bool = True
    backend: str = attrs.field(default="memory")
    overrides: Mapping[str, tuple[int, float]] = attrs.field(
        factory=dict, converter=_frozen_overrides, eq=False, hash=False
    )
    margin: float = attrs.field(default=0.05, validator=_non_negative)
    max_wait: float = attrs.field(default=3600.0, validator=_non_negative)
    namespace: str = "omnisegment"

    @backend.validator
    def _check_backend(self, attribute: attrs.Attribute[Any], value: str) -> None:
        if value != "memory" and not value.startswith(
            ("sqlite://", "redis://", "rediss://", "unix://")
        ):
            raise ValueError(
                f"unknown rate-limit backend {value!r}: use 'memory', 'sqlite:///path' "
                "or 'redis://host:port/db'"
            )

    @classmethod
    def disabled(cls) -> RateLimits:
        """No client-side throttling."""
        return cls(enabled=False)

    def replace(self, **changes: Any) -> RateLimits:
        """A copy with some fields changed."""
        return attrs.evolve(self, **changes)

    def rate_for(
        self, bucket: str, operation_id: str, limit: int, period: float
    ) -> tuple[int, float]:
        """The ``(limit, period)`` in force for a bucket, after overrides."""
        if operation_id in self.overrides:
            return self.overrides[operation_id]
        if bucket in self.overrides:
            return self.overrides[bucket]
        return limit, period
