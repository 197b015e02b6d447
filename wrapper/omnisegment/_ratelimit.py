"""Per-endpoint rate limiting on top of pyrate-limiter buckets.

pyrate-limiter provides the sliding-window log and the three storage backends
(in-memory, SQLite, Redis). The waiting itself is done here, with an injectable clock
and sleep, so that the sync and async transports share one implementation and tests
can run on fake time.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from pyrate_limiter import InMemoryBucket, Rate, RateItem, RedisBucket, SQLiteBucket

from ._errors import RateLimitError
from ._operations import Operation
from ._policies import RateLimits

__all__ = ["Permit", "RateLimiter"]

_LEAK_EVERY = 128


class Permit:
    """A slot taken in a bucket; can be given back when failures do not count."""

    __slots__ = ("_refund",)

    def __init__(self, refund: Callable[[], None] | None) -> None:
        self._refund = refund

    def refund(self) -> None:
        """Give the slot back (only for buckets whose failed requests do not count)."""
        refund, self._refund = self._refund, None
        if refund is not None:
            refund()


_NO_REFUND = Permit(None)


class _Slot:
    """One bucket: a pyrate-limiter bucket plus the lock that keeps put/wait consistent."""

    __slots__ = ("backend", "bucket", "count_failed", "key", "limit", "lock", "period", "puts")

    def __init__(
        self,
        key: str,
        bucket: Any,
        limit: int,
        period: float,
        count_failed: bool,
        backend: str,
        lock: threading.Lock | threading.RLock,
    ) -> None:
        self.key = key
        self.bucket = bucket
        self.limit = limit
        self.period = period
        self.count_failed = count_failed
        self.backend = backend
        self.lock = lock
        self.puts = 0


def _sqlite_path(url: str) -> str:
    """``sqlite:///tmp/a.db`` -> ``/tmp/a.db``; ``sqlite://a.db`` -> ``a.db`` (relative)."""
    path = unquote(url[len("sqlite://") :])
    if path.startswith("//"):
        path = "/" + path.lstrip("/")
    return path


class RateLimiter:
    """Buckets of one client (shared by all its threads and tasks).

    ``clock`` returns seconds and drives the in-memory backend; the SQLite and Redis
    backends use wall-clock time because several processes or hosts share them.
    """

    def __init__(
        self,
        settings: RateLimits,
        *,
        scope: str = "",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.scope = scope
        self._clock = clock
        self._backend_kind = settings.backend.split(":", 1)[0]
        self._slots: dict[str, _Slot] = {}
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        # Every SQLite bucket shares one connection; a connection runs one transaction at
        # a time, so all its users (every bucket's put/wait/leak/refund) take this lock.
        self._conn_lock = threading.RLock()
        self._redis: Any = None
        self.blocking_io = self._backend_kind != "memory"

    # -- bucket management -------------------------------------------------------
    def _slot(self, op: Operation) -> _Slot:
        slot = self._slots.get(op.operation_id)
        if slot is not None:
            return slot
        with self._lock:
            slot = self._slots.get(op.operation_id)
            if slot is None:
                slot = self._make_slot(op)
                self._slots[op.operation_id] = slot
        return slot

    def _make_slot(self, op: Operation) -> _Slot:
        limit, period = self.settings.rate_for(op.bucket, op.operation_id, op.limit, op.period)
        name = op.bucket
        if op.operation_id in self.settings.overrides:
            name = f"{op.bucket}#{op.operation_id}"
        key = f"{self.settings.namespace}:{self.scope}:{name}"
        # Reuse the slot of another operation that shares the bucket.
        for existing in self._slots.values():
            if existing.key == key:
                return existing
        interval_ms = max(1, round((period + self.settings.margin) * 1000))
        rate = Rate(limit, interval_ms)
        kind = self._backend_kind
        bucket: Any
        lock: threading.Lock | threading.RLock = threading.Lock()
        if kind == "memory":
            bucket = InMemoryBucket([rate])
        elif kind == "sqlite":
            lock = self._conn_lock
            table = "rl_" + hashlib.sha1(key.encode()).hexdigest()[:20]
            with lock:
                conn = self._sqlite()
                with conn:
                    conn.execute(
                        f'CREATE TABLE IF NOT EXISTS "{table}" '
                        "(name VARCHAR, item_timestamp INTEGER)"
                    )
                    conn.execute(
                        f'CREATE INDEX IF NOT EXISTS "idx_{table}" ON "{table}" (item_timestamp)'
                    )
            bucket = _SQLiteBucket([rate], conn, table, lock)
        else:
            bucket = RedisBucket.init([rate], self._redis_client(), key)
        return _Slot(key, bucket, limit, period, op.count_failed, kind, lock)

    def _sqlite(self) -> sqlite3.Connection:
        if self._conn is None:
            path = _sqlite_path(self.settings.backend)
            if not path:
                raise ValueError("sqlite backend needs a file path: sqlite:///path/to/file.db")
            conn = sqlite3.connect(
                path, timeout=30.0, isolation_level="DEFERRED", check_same_thread=False
            )
            with contextlib.suppress(sqlite3.OperationalError):
                conn.execute("PRAGMA journal_mode=WAL")
            self._conn = conn
        return self._conn

    def _redis_client(self) -> Any:
        if self._redis is None:
            try:
                import redis
            except ImportError as exc:  # pragma: no cover - depends on the environment
                raise ImportError(
                    "the redis rate-limit backend needs the 'redis' package "
                    "(pip install 'omnisegment[redis]')"
                ) from exc
            self._redis = redis.Redis.from_url(self.settings.backend)
        return self._redis

    # -- acquiring ----------------------------------------------------------------
    def _now_ms(self) -> int:
        if self._backend_kind == "memory":
            return int(self._clock() * 1000)
        return time.time_ns() // 1_000_000

    def try_acquire(self, op: Operation) -> tuple[Permit | None, float]:
        """Take a slot now if one is free: ``(permit, 0)``; else ``(None, seconds_to_wait)``."""
        slot = self._slot(op)
        name = slot.key if slot.count_failed else f"{slot.key}|{uuid.uuid4().hex}"
        with slot.lock:
            item = RateItem(name, self._now_ms())
            if slot.bucket.put(item):
                slot.puts += 1
                if slot.puts % _LEAK_EVERY == 0:
                    slot.bucket.leak(item.timestamp)
                if slot.count_failed:
                    return _NO_REFUND, 0.0
                return Permit(lambda: self._refund(slot, item)), 0.0
            wait_ms = slot.bucket.waiting(item)
        if wait_ms < 0:
            raise RateLimitError(
                f"rate limit for {op.bucket!r} can never admit a request",
                operation_id=op.operation_id,
            )
        return None, max(wait_ms, 1) / 1000.0

    def too_long(self, op: Operation, waited: float, wait: float) -> RateLimitError | None:
        """The error to raise when the total wait would exceed ``max_wait``."""
        if waited + wait <= self.settings.max_wait:
            return None
        slot = self._slot(op)
        err = RateLimitError(
            f"client-side rate limit for {op.bucket!r} "
            f"({slot.limit} per {slot.period:g} s): next slot in {wait:.0f} s, "
            f"more than max_wait={self.settings.max_wait:g} s",
            operation_id=op.operation_id,
        )
        err.retry_after = wait
        return err

    def _refund(self, slot: _Slot, item: RateItem) -> None:
        with slot.lock:
            bucket = slot.bucket
            if slot.backend == "memory":
                with bucket._lock:
                    for index in range(len(bucket.items) - 1, -1, -1):
                        if bucket.items[index] is item:
                            del bucket.items[index]
                            break
            elif slot.backend == "sqlite":  # slot.lock is the connection's lock
                bucket.conn.execute(
                    f'DELETE FROM "{bucket.table}" WHERE rowid IN (SELECT rowid FROM '
                    f'"{bucket.table}" WHERE name = ? AND item_timestamp = ? LIMIT 1)',
                    (item.name, item.timestamp),
                )
                bucket.conn.commit()
            else:
                redis = bucket.redis
                members = redis.zrangebyscore(bucket.bucket_key, item.timestamp, item.timestamp)
                prefix = f"{item.name}:".encode()
                stale = [m for m in members if bytes(m).startswith(prefix)]
                if stale:
                    redis.zrem(bucket.bucket_key, *stale)

    def close(self) -> None:
        """Release backend connections (a later request opens them again)."""
        with self._lock, self._conn_lock:
            self._slots = {}
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            if self._redis is not None:
                self._redis.close()
                self._redis = None


_SAFE_TABLE = re.compile(r"^[A-Za-z0-9_]+$")


class _SQLiteBucket(SQLiteBucket):
    """SQLiteBucket whose check-and-insert is one ``BEGIN IMMEDIATE`` transaction.

    The stock bucket counts and inserts in separate implicit transactions, so two
    processes can both see a free slot. An immediate transaction takes SQLite's write
    lock first, which serialises the processes on the shared file.
    """

    def __init__(
        self, rates: list[Rate], conn: sqlite3.Connection, table: str, lock: threading.RLock
    ) -> None:
        assert _SAFE_TABLE.match(table)
        super().__init__(rates, conn, table, lock=lock)

    def put(self, item: RateItem) -> bool:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                ok: bool = super().put(item)
            finally:
                if self.conn.in_transaction:
                    self.conn.commit()
            return ok
