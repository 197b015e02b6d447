"""The httpx transports: auth injection, rate limiting, retries and typed errors.

All cross-cutting behaviour lives here, so the generated client used directly
(``client.api``) gets it too. :class:`PolicyCore` holds every decision (``_Call.decide``
says whether and how long to wait); the sync and async transports are thin loops around
it that only differ in how they send and sleep. No retry library is used: the decisions
depend on the status, ``Retry-After``, per-kind counters and idempotency, so a library
would only contribute the loop itself.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable
from typing import cast

import httpx

from ._base import RESPONSE_MARKER
from ._environments import Credentials
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    error_from_response,
    redact,
)
from ._operations import Operation, OperationTable, default_table
from ._policies import RateLimits, RetryPolicy
from ._ratelimit import Permit, RateLimiter

__all__ = [
    "API_KEY_HEADER",
    "AsyncOmniSegmentTransport",
    "OmniSegmentTransport",
    "PolicyCore",
]

API_KEY_HEADER = "X-OmniSegment-Api-Key"
logger = logging.getLogger("omnisegment")

_SUCCESS_PREFIXES = (b'{"SUCCESS":true', b'{"SUCCESS": true')
_BODY_AUTH_FIELDS = ("tid", "api_key")
_BODY_TID_FIELDS = ("tid",)
_EMPTY_CRED = re.compile(rb'"(?:api_key|tid)"\s*:\s*(?:""|null)')
# Errors raised before any byte of the request reached the server: always safe to retry.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Transport errors worth retrying for idempotent operations.
_RETRYABLE = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """``Retry-After`` as seconds (delta-seconds or an HTTP date); None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:  # pragma: no cover - older Pythons
            return None
        seconds = when.timestamp() - now()
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


class _Result:
    """One HTTP exchange whose body has been read."""

    __slots__ = ("body", "ok", "response", "retry_after")

    def __init__(self, response: httpx.Response, body: bytes, ok: bool) -> None:
        self.response = response
        self.body = body
        self.ok = ok
        self.retry_after: float | None = None


class _Call:
    """Retry bookkeeping for one request."""

    __slots__ = (
        "core",
        "gateway",
        "give_up_note",
        "network",
        "op",
        "permit",
        "rate",
        "retries",
        "wait_s",
    )

    def __init__(self, core: PolicyCore, op: Operation) -> None:
        self.core = core
        self.op = op
        self.retries = 0
        self.gateway = 0
        self.rate = 0
        self.network = 0
        self.wait_s = 0.0
        self.permit: Permit | None = None
        self.give_up_note = ""

    # -- decisions ---------------------------------------------------------------
    def decide(self, result: _Result | None, exc: BaseException | None) -> bool:
        """True to retry (``wait_s`` then holds the delay), False to stop here."""
        policy = self.core.retry
        if result is not None:
            if result.ok:
                return False
            self._refund()
            status = result.response.status_code
            if status in policy.gateway_statuses:
                if self.gateway >= policy.max_gateway_retries:
                    return False
                wait = policy.gateway_retry_interval
                if result.retry_after is not None:
                    if result.retry_after > max(policy.max_retry_after, wait):
                        self.give_up_note = (
                            f"Retry-After {result.retry_after:.0f} s exceeds max_retry_after "
                            f"{policy.max_retry_after:g} s"
                        )
                        return False
                    wait = max(wait, result.retry_after)
                self.gateway += 1
                self.wait_s = wait
                return True
            if status == 429:
                retry_after = result.retry_after
                if retry_after is not None and retry_after > policy.max_retry_after:
                    self.give_up_note = (
                        f"Retry-After {retry_after:.0f} s exceeds max_retry_after "
                        f"{policy.max_retry_after:g} s"
                    )
                    return False
                if self.rate >= policy.max_rate_limit_retries:
                    return False
                ceiling = min(
                    policy.rate_limit_backoff_cap, policy.rate_limit_backoff_base * 2.0**self.rate
                )
                wait = self.core.rng.uniform(0.0, ceiling)
                if retry_after is not None:
                    wait = max(wait, retry_after)
                self.rate += 1
                self.wait_s = wait
                return True
            return False  # 400/401/403/500, unknown statuses, 200 with SUCCESS false
        self._refund()
        if not isinstance(exc, _RETRYABLE):
            return False
        if not self.op.idempotent and not isinstance(exc, _NOT_SENT):
            self.give_up_note = (
                f"not retried: {self.op.operation_id} is not idempotent and the request "
                "may already have been applied"
            )
            return False
        if self.network >= policy.max_connection_retries:
            return False
        ceiling = min(
            policy.connection_backoff_cap, policy.connection_backoff_base * 2.0**self.network
        )
        self.network += 1
        self.wait_s = self.core.rng.uniform(0.0, ceiling)
        return True

    def _refund(self) -> None:
        permit, self.permit = self.permit, None
        if permit is not None:
            permit.refund()

    def retrying(self, cause: str) -> float:
        """Count and log the retry just decided; return the pause before it."""
        self.retries += 1
        logger.info(
            "retrying %s after %s: waiting %.3f s (retry %d)",
            self.op.operation_id,
            cause,
            self.wait_s,
            self.retries,
        )
        return self.wait_s

    # -- final outcome ---------------------------------------------------------------
    def finish(self, result: _Result) -> httpx.Response:
        if result.ok:
            marker = RESPONSE_MARKER.get()
            if marker is not None:
                marker.received = True
            return result.response
        response = result.response
        err = error_from_response(
            response.status_code,
            result.body,
            response.headers.get("content-type"),
            self.op.operation_id,
            self.retries,
            secrets=self.core.secrets,
            retry_after=result.retry_after,
        )
        if self.give_up_note:
            err.err_msg = f"{err.err_msg} ({self.give_up_note})"
            err.args = (err.err_msg,)
        raise err

    def transport_error(self, exc: httpx.TransportError) -> APIConnectionError:
        return typed_transport_error(
            exc, self.op.operation_id, self.core.secrets, self.retries, self.give_up_note
        )


def typed_transport_error(
    exc: httpx.TransportError,
    operation_id: str,
    secrets: tuple[str, ...],
    retries: int = 0,
    note: str = "",
) -> APIConnectionError:
    """The typed error (ConnectionError/TimeoutError) for an httpx transport failure."""
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    text = redact(str(exc), secrets) or "no detail"
    msg = f"{type(exc).__name__}: {text}"
    if note:
        msg = f"{msg} ({note})"
    return cls(msg, retries=retries, operation_id=operation_id)


class PolicyCore:
    """Everything the transports decide: matching, auth, limits, retries, errors.

    One core can back a sync and an async transport at once; they then share the
    rate-limit budget.
    """

    def __init__(
        self,
        *,
        credentials: Credentials,
        base_url: str,
        retry: RetryPolicy | None = None,
        rate_limit: RateLimits | RateLimiter | None = None,
        operations: OperationTable | None = None,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.credentials = credentials
        self.secrets: tuple[str, ...] = (credentials.api_key,)
        base = httpx.URL(base_url)
        self._scheme = base.scheme
        self._host = base.host
        self._port = base.port
        self._prefix = base.path.rstrip("/")
        self._operations = operations
        self.retry = retry or RetryPolicy()
        # A limiter passed in may be shared with other clients: its owner closes it.
        self._owns_limiter = not isinstance(rate_limit, RateLimiter)
        if isinstance(rate_limit, RateLimiter):
            self.limiter: RateLimiter | None = rate_limit
        else:
            settings = rate_limit or RateLimits()
            # Budgets are counted per organisation and host (spec decision).
            self.limiter = (
                RateLimiter(settings, scope=f"{base.host}|{credentials.tid}", clock=clock)
                if settings.enabled
                else None
            )
        self.sleep = sleep
        self.async_sleep = async_sleep
        self.rng = rng or random.Random()
        self._fill = {"tid": credentials.tid, "api_key": credentials.api_key}

    @property
    def operations(self) -> OperationTable:
        if self._operations is None:
            self._operations = default_table()
        return self._operations

    # -- request side ----------------------------------------------------------------
    def match(self, request: httpx.Request) -> Operation | None:
        """The operation a request targets, or None (other host or unknown path)."""
        url = request.url
        if url.host != self._host or url.scheme != self._scheme or url.port != self._port:
            return None
        path = url.path
        if self._prefix:
            if not path.startswith(self._prefix):
                return None
            path = path[len(self._prefix) :]
        return self.operations.match(request.method, path)

    def prepare(self, request: httpx.Request, op: Operation) -> httpx.Request:
        """Add the credentials the operation's scheme wants, where they are missing."""
        if op.auth == "header" and API_KEY_HEADER not in request.headers:
            request.headers[API_KEY_HEADER] = self.credentials.api_key
        if op.tid == "query" and not request.url.params.get("tid"):
            request.url = request.url.copy_set_param("tid", self.credentials.tid)
        if op.method == "GET" or (op.auth != "body" and op.tid != "body"):
            return request
        try:
            content = request.content
        except httpx.RequestNotRead:
            content = request.read()
        needed = _BODY_AUTH_FIELDS if op.auth == "body" else _BODY_TID_FIELDS
        if (
            content
            and b'"tid"' in content
            and (op.auth != "body" or b'"api_key"' in content)
            and not _EMPTY_CRED.search(content)
        ):
            return request
        try:
            data = json.loads(content) if content else {}
        except ValueError:
            return request  # not JSON: leave it to the server to reject
        if not isinstance(data, dict):
            return request
        changed = False
        for name in needed:
            if data.get(name) in (None, ""):
                data[name] = self._fill[name]
                changed = True
        if not changed:
            return request
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        headers = httpx.Headers(request.headers)
        headers.pop("content-length", None)
        headers["content-type"] = "application/json"
        return httpx.Request(
            request.method,
            request.url,
            headers=headers,
            content=body,
            extensions=request.extensions,
        )

    # -- response side ---------------------------------------------------------------
    def result(self, response: httpx.Response, raw: bytes) -> _Result:
        """Classify a response whose raw body has been read (the body is put back as a
        byte stream, so the response can be returned to httpx as it is)."""
        response.stream = httpx.ByteStream(raw)
        encoded = "content-encoding" in response.headers
        body = raw
        if encoded:
            decoder = httpx.Response(
                response.status_code, headers=response.headers, stream=httpx.ByteStream(raw)
            )
            try:
                body = decoder.read()
            except httpx.DecodingError:
                body = raw
        status = response.status_code
        ok = status == 200 and self._success(body)
        res = _Result(response, body, ok)
        if not ok and status in (429, 502, 503, 504):
            res.retry_after = parse_retry_after(response.headers.get("retry-after"))
        return res

    @staticmethod
    def _success(body: bytes) -> bool:
        if body.startswith(_SUCCESS_PREFIXES):
            return True
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return False
        return isinstance(data, dict) and data.get("SUCCESS") is True

    # -- rate limiting ------------------------------------------------------------------
    def acquire(self, op: Operation, call: _Call) -> None:
        limiter = self.limiter
        if limiter is None:
            return
        waited = 0.0
        while True:
            permit, wait = limiter.try_acquire(op)
            if self._granted(limiter, op, call, permit, wait, waited):
                return
            self.sleep(wait)
            waited += wait

    async def acquire_async(self, op: Operation, call: _Call) -> None:
        limiter = self.limiter
        if limiter is None:
            return
        waited = 0.0
        while True:
            if limiter.blocking_io:
                permit, wait = await asyncio.to_thread(limiter.try_acquire, op)
            else:
                permit, wait = limiter.try_acquire(op)
            if self._granted(limiter, op, call, permit, wait, waited):
                return
            await self.async_sleep(wait)
            waited += wait

    @staticmethod
    def _granted(
        limiter: RateLimiter,
        op: Operation,
        call: _Call,
        permit: Permit | None,
        wait: float,
        waited: float,
    ) -> bool:
        """True when a slot was taken; raises when the wait would be too long."""
        if permit is not None:
            call.permit = permit
            return True
        err = limiter.too_long(op, waited, wait)
        if err is not None:
            err.retries = call.retries
            raise err
        logger.debug("throttling %s: waiting %.3f s for a slot", op.operation_id, wait)
        return False

    def close(self) -> None:
        if self.limiter is not None and self._owns_limiter:
            self.limiter.close()


class OmniSegmentTransport(httpx.BaseTransport):
    """Sync transport: wraps another transport (default ``httpx.HTTPTransport``)."""

    def __init__(self, core: PolicyCore, transport: httpx.BaseTransport | None = None) -> None:
        self.core = core
        self._inner = transport if transport is not None else httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core = self.core
        op = core.match(request)
        if op is None:
            return self._inner.handle_request(request)
        request = core.prepare(request, op)
        call = _Call(core, op)
        while True:
            try:
                result = self._attempt(request, op, call)
            except httpx.TransportError as exc:
                if not call.decide(None, exc):
                    raise call.transport_error(exc) from exc
                cause = type(exc).__name__
            else:
                if not call.decide(result, None):
                    return call.finish(result)
                cause = f"HTTP {result.response.status_code}"
            core.sleep(call.retrying(cause))

    def _attempt(self, request: httpx.Request, op: Operation, call: _Call) -> _Result:
        self.core.acquire(op, call)
        response = self._inner.handle_request(request)
        stream = cast(httpx.SyncByteStream, response.stream)
        try:
            raw = b"".join(stream)
        finally:
            stream.close()
        return self.core.result(response, raw)

    def close(self) -> None:
        self._inner.close()


class AsyncOmniSegmentTransport(httpx.AsyncBaseTransport):
    """Async transport: wraps another transport (default ``httpx.AsyncHTTPTransport``)."""

    def __init__(self, core: PolicyCore, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.core = core
        self._inner = transport if transport is not None else httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        core = self.core
        op = core.match(request)
        if op is None:
            return await self._inner.handle_async_request(request)
        request = core.prepare(request, op)
        call = _Call(core, op)
        while True:
            try:
                result = await self._attempt(request, op, call)
            except httpx.TransportError as exc:
                if not call.decide(None, exc):
                    raise call.transport_error(exc) from exc
                cause = type(exc).__name__
            else:
                if not call.decide(result, None):
                    return call.finish(result)
                cause = f"HTTP {result.response.status_code}"
            await core.async_sleep(call.retrying(cause))

    async def _attempt(self, request: httpx.Request, op: Operation, call: _Call) -> _Result:
        await self.core.acquire_async(op, call)
        response = await self._inner.handle_async_request(request)
        stream = cast(httpx.AsyncByteStream, response.stream)
        try:
            chunks = [chunk async for chunk in stream]
        finally:
            await stream.aclose()
        return self.core.result(response, b"".join(chunks))

    async def aclose(self) -> None:
        await self._inner.aclose()
