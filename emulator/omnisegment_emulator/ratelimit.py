"""Per-endpoint, per-credential token buckets."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from .spec import RateLimitRule


@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """Token buckets keyed by (bucket name, credential).

    ``override`` replaces every default limit of 10 per second (the ``--rate-limit N``
    option); ``override == 0`` turns rate limiting off altogether.
    """

    def __init__(self, override: int = 10) -> None:
        self.override = override
        self._buckets: dict[tuple[str, str], _Bucket] = {}
        self._lock = threading.Lock()

    def effective(self, rule: RateLimitRule) -> tuple[int, float]:
        """(limit, period) after the override."""
        if rule.limit == 10 and rule.period == 1:
            return self.override, 1.0
        return rule.limit, rule.period

    def _refill(self, key: tuple[str, str], limit: int, period: float, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(float(limit), now)
            self._buckets[key] = bucket
            return bucket
        elapsed = now - bucket.stamp
        if elapsed > 0:
            bucket.tokens = min(float(limit), bucket.tokens + elapsed * limit / period)
            bucket.stamp = now
        return bucket

    def check(self, rule: RateLimitRule, credential: str, now: float, consume: bool) -> int:
        """0 when allowed (consuming a token when ``consume``), else the seconds to wait."""
        if self.override == 0:
            return 0
        limit, period = self.effective(rule)
        if limit <= 0:
            return 0
        with self._lock:
            bucket = self._refill((rule.bucket, credential), limit, period, now)
            if bucket.tokens >= 1.0:
                if consume:
                    bucket.tokens -= 1.0
                return 0
            wait = (1.0 - bucket.tokens) * period / limit
        return max(1, math.ceil(wait))

    def consume(self, rule: RateLimitRule, credential: str, now: float) -> None:
        """Take one token after the fact (operations that only count successful calls)."""
        if self.override == 0:
            return
        limit, period = self.effective(rule)
        with self._lock:
            bucket = self._refill((rule.bucket, credential), limit, period, now)
            bucket.tokens = max(0.0, bucket.tokens - 1.0)

    def reset(self) -> None:
        """Forget all buckets."""
        with self._lock:
            self._buckets.clear()
