"""The clients: :class:`OmniSegment` (sync) and :class:`AsyncOmniSegment`."""

from __future__ import annotations

import asyncio
import json as _json
import random
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import httpx
from omnisegment_api import AuthenticatedClient

from ._base import soft_failure, to_plain
from ._dates import JAPAN_TIMEZONE, TzLike, resolve_timezone
from ._environments import (
    ENV_ENVIRONMENT,
    Credentials,
    resolve_base_url,
    resolve_credentials,
)
from ._errors import UnexpectedResponseError, error_from_response
from ._operations import Operation, OperationTable, default_table
from ._policies import RateLimits, RetryPolicy
from ._ratelimit import RateLimiter
from ._resources import (
    AsyncAudienceMappings,
    AsyncAudiences,
    AsyncEventRegistrations,
    AsyncEvents,
    AsyncGiftVouchers,
    AsyncProductGuarantees,
    AsyncProducts,
    AsyncPurchases,
    AsyncReports,
    AudienceMappings,
    Audiences,
    EventRegistrations,
    Events,
    GiftVouchers,
    ProductGuarantees,
    Products,
    Purchases,
    Reports,
)
from ._transport import (
    API_KEY_HEADER,
    AsyncOmniSegmentTransport,
    OmniSegmentTransport,
    PolicyCore,
    typed_transport_error,
)

__all__ = ["DEFAULT_TIMEOUT", "AsyncOmniSegment", "OmniSegment"]

#: Default timeouts: 5 s to connect, 30 s for everything else (the generated client has none).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
_TOKYO = JAPAN_TIMEZONE


def _default_timezone(environment: str | None) -> TzLike:
    import os

    name = (environment or os.environ.get(ENV_ENVIRONMENT) or "").strip().lower()
    return _TOKYO if name == "jp" else None


class _ClientBase:
    """Configuration shared by the sync and async clients."""

    api: AuthenticatedClient

    def __init__(
        self,
        api_key: str | None,
        tid: str | None,
        environment: str | None,
        base_url: str | None,
        *,
        timeout: httpx.Timeout | float | None,
        retry: RetryPolicy | None,
        rate_limit: RateLimits | RateLimiter | None,
        allow_insecure_http: bool,
        timezone: TzLike,
        operations: OperationTable | None,
        sleep: Callable[[float], None] | None,
        async_sleep: Callable[[float], Awaitable[None]] | None,
        clock: Callable[[], float] | None,
        rng: random.Random | None,
    ) -> None:
        self._credentials: Credentials = resolve_credentials(api_key, tid)
        self.base_url = resolve_base_url(
            environment, base_url, allow_insecure_http=allow_insecure_http
        )
        self.timezone = resolve_timezone(
            timezone if timezone is not None else _default_timezone(environment)
        )
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.retry = retry or RetryPolicy()
        self._operations = operations
        self._sleep: Callable[[float], None] = sleep or time.sleep
        self._async_sleep: Callable[[float], Awaitable[None]] = async_sleep or asyncio.sleep
        self._clock: Callable[[], float] = clock or time.monotonic
        self._core = PolicyCore(
            credentials=self._credentials,
            base_url=self.base_url,
            retry=self.retry,
            rate_limit=rate_limit,
            operations=operations,
            sleep=self._sleep,
            async_sleep=self._async_sleep,
            clock=self._clock,
            rng=rng,
        )
        self._ssl: ssl.SSLContext | None = None

    # -- public, read-only -------------------------------------------------------------
    @property
    def tid(self) -> str:
        """The organisation id every request carries."""
        return self._credentials.tid

    @property
    def operations(self) -> OperationTable:
        """The operation table read from the spec."""
        if self._operations is None:
            self._operations = default_table()
        return self._operations

    @property
    def rate_limiter(self) -> RateLimiter | None:
        """The client-side limiter (None when rate limiting is off)."""
        return self._core.limiter

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, tid={self.tid!r})"

    # -- helpers -------------------------------------------------------------------------
    def _ssl_context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = httpx.create_ssl_context()
        return self._ssl

    def _plain(self, value: Any) -> Any:
        return to_plain(value, tz=self.timezone)

    def _build(
        self,
        op: Operation,
        json: Any,
        params: Mapping[str, Any] | None,
        path_params: Mapping[str, Any] | None,
    ) -> tuple[str, Any, dict[str, Any]]:
        url = op.format_path(path_params)
        query = dict(params or {})
        if op.tid == "query":
            query.setdefault("tid", self.tid)
        body = None if json is None else self._plain(json)
        if body is None and op.method != "GET" and (op.auth == "body" or op.tid == "body"):
            body = {}
        if isinstance(body, dict):
            self._fill_credentials(op, body)
        return url, body, query

    def _fill_credentials(self, op: Operation, body: dict[str, Any]) -> dict[str, Any]:
        """Put ``tid``/``api_key`` into a request body where the operation's scheme wants
        them and they are missing. (The transport would add them too, but only after
        parsing the encoded body again.)"""
        if op.tid == "body" and not body.get("tid"):
            body["tid"] = self.tid
        if op.auth == "body" and not body.get("api_key"):
            body["api_key"] = self._credentials.api_key
        return body

    def _payload(self, op: Operation, response: httpx.Response) -> Any:
        try:
            data = _json.loads(response.content)
            payload = data["PAYLOAD"]
        except (ValueError, KeyError, TypeError) as exc:
            raise UnexpectedResponseError(
                f"could not read the response envelope ({type(exc).__name__})",
                status_code=response.status_code,
                operation_id=op.operation_id,
            ) from None
        if op.operation_id == "import_audience":
            err = soft_failure(op.operation_id, payload)
            if err is not None:
                raise err
        return payload

    def _download(self, url: str, path: str | Path | None) -> bytes:
        raise NotImplementedError

    async def _adownload(self, url: str, path: str | Path | None) -> bytes:
        raise NotImplementedError

    @staticmethod
    def _downloaded(response: httpx.Response, path: str | Path | None) -> bytes:
        if response.status_code != 200:
            raise error_from_response(
                response.status_code,
                response.content,
                response.headers.get("content-type"),
                "download",
            )
        content = response.content
        if path is not None:
            Path(path).write_bytes(content)
        return content


class OmniSegment(_ClientBase):
    """Synchronous client.

    ``api_key``/``tid`` default to ``OMNISEGMENT_API_KEY``/``OMNISEGMENT_TID``;
    ``environment`` (``tw``, ``jp``, ``staging``) to ``OMNISEGMENT_ENVIRONMENT``, and an
    explicit ``base_url`` (or ``OMNISEGMENT_BASE_URL``) overrides it. ``transport`` is an
    inner httpx transport to wrap (tests pass the emulator's); ``http_client`` is an
    ``httpx.Client`` whose transport gets wrapped. ``sleep``/``clock``/``rng`` are hooks
    for tests.
    """

    def __init__(
        self,
        api_key: str | None = None,
        tid: str | None = None,
        environment: str | None = None,
        base_url: str | None = None,
        *,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        rate_limit: RateLimits | RateLimiter | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        allow_insecure_http: bool = False,
        timezone: TzLike = None,
        operations: OperationTable | None = None,
        sleep: Callable[[float], None] | None = None,
        async_sleep: Callable[[float], Awaitable[None]] | None = None,
        clock: Callable[[], float] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(
            api_key,
            tid,
            environment,
            base_url,
            timeout=timeout,
            retry=retry,
            rate_limit=rate_limit,
            allow_insecure_http=allow_insecure_http,
            timezone=timezone,
            operations=operations,
            sleep=sleep,
            async_sleep=async_sleep,
            clock=clock,
            rng=rng,
        )
        self._owns_http = http_client is None
        if http_client is not None:
            http_client._transport = OmniSegmentTransport(self._core, http_client._transport)
            if not str(http_client.base_url):
                http_client.base_url = httpx.URL(self.base_url)
            self._http = http_client
        else:
            inner = transport or httpx.HTTPTransport(verify=self._ssl_context())
            self._http = httpx.Client(
                base_url=self.base_url,
                timeout=self.timeout,
                transport=OmniSegmentTransport(self._core, inner),
            )
        async_http = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=self.timeout,
            transport=AsyncOmniSegmentTransport(
                self._core, httpx.AsyncHTTPTransport(verify=self._ssl_context())
            ),
        )
        #: The generated client, configured: every generated operation called with it gets
        #: auth, retries, rate limiting and typed errors from the transport.
        self.api: AuthenticatedClient = (
            AuthenticatedClient(
                base_url=self.base_url,
                token="",
                prefix="",
                auth_header_name=API_KEY_HEADER,
                timeout=self.timeout,
            )
            .set_httpx_client(self._http)
            .set_async_httpx_client(async_http)
        )
        self.audiences = Audiences(self)
        self.purchases = Purchases(self)
        self.gift_vouchers = GiftVouchers(self)
        self.products = Products(self)
        self.event_registrations = EventRegistrations(self)
        self.product_guarantees = ProductGuarantees(self)
        self.events = Events(self)
        self.reports = Reports(self)
        self.audience_mappings = AudienceMappings(self)

    def request(
        self,
        operation_id: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        path_params: Mapping[str, Any] | None = None,
    ) -> Any:
        """Call any operation by id with plain JSON data; returns the raw ``PAYLOAD``.

        Credentials are filled in per the operation's scheme, dates are normalised, and
        the call goes through the same transport (limits, retries, typed errors).
        """
        op = self.operations.get(operation_id)
        url, body, query = self._build(op, json, params, path_params)
        response = self._http.request(op.method, url, json=body, params=query or None)
        return self._payload(op, response)

    def _download(self, url: str, path: str | Path | None) -> bytes:
        try:
            response = self._http.get(url)
        except httpx.TransportError as exc:
            raise typed_transport_error(exc, "download", self._core.secrets) from exc
        return self._downloaded(response, path)

    def close(self) -> None:
        """Close the connections (only those of an ``http_client`` the client created)."""
        if self._owns_http:
            self._http.close()
        self._core.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncOmniSegment(_ClientBase):
    """Asynchronous client; same arguments as :class:`OmniSegment`."""

    def __init__(
        self,
        api_key: str | None = None,
        tid: str | None = None,
        environment: str | None = None,
        base_url: str | None = None,
        *,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        rate_limit: RateLimits | RateLimiter | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        allow_insecure_http: bool = False,
        timezone: TzLike = None,
        operations: OperationTable | None = None,
        sleep: Callable[[float], None] | None = None,
        async_sleep: Callable[[float], Awaitable[None]] | None = None,
        clock: Callable[[], float] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(
            api_key,
            tid,
            environment,
            base_url,
            timeout=timeout,
            retry=retry,
            rate_limit=rate_limit,
            allow_insecure_http=allow_insecure_http,
            timezone=timezone,
            operations=operations,
            sleep=sleep,
            async_sleep=async_sleep,
            clock=clock,
            rng=rng,
        )
        self._owns_http = http_client is None
        if http_client is not None:
            http_client._transport = AsyncOmniSegmentTransport(self._core, http_client._transport)
            if not str(http_client.base_url):
                http_client.base_url = httpx.URL(self.base_url)
            self._http = http_client
        else:
            inner = transport or httpx.AsyncHTTPTransport(verify=self._ssl_context())
            self._http = httpx.AsyncClient(
                base_url=self.base_url,
                timeout=self.timeout,
                transport=AsyncOmniSegmentTransport(self._core, inner),
            )
        self._sync_http = httpx.Client(
            base_url=self.base_url,
            timeout=self.timeout,
            transport=OmniSegmentTransport(
                self._core, httpx.HTTPTransport(verify=self._ssl_context())
            ),
        )
        #: The generated client, configured (use the ``asyncio*`` functions with it).
        self.api: AuthenticatedClient = (
            AuthenticatedClient(
                base_url=self.base_url,
                token="",
                prefix="",
                auth_header_name=API_KEY_HEADER,
                timeout=self.timeout,
            )
            .set_async_httpx_client(self._http)
            .set_httpx_client(self._sync_http)
        )
        self.audiences = AsyncAudiences(self)
        self.purchases = AsyncPurchases(self)
        self.gift_vouchers = AsyncGiftVouchers(self)
        self.products = AsyncProducts(self)
        self.event_registrations = AsyncEventRegistrations(self)
        self.product_guarantees = AsyncProductGuarantees(self)
        self.events = AsyncEvents(self)
        self.reports = AsyncReports(self)
        self.audience_mappings = AsyncAudienceMappings(self)

    async def request(
        self,
        operation_id: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        path_params: Mapping[str, Any] | None = None,
    ) -> Any:
        """Call any operation by id with plain JSON data; returns the raw ``PAYLOAD``."""
        op = self.operations.get(operation_id)
        url, body, query = self._build(op, json, params, path_params)
        response = await self._http.request(op.method, url, json=body, params=query or None)
        return self._payload(op, response)

    async def _adownload(self, url: str, path: str | Path | None) -> bytes:
        try:
            response = await self._http.get(url)
        except httpx.TransportError as exc:
            raise typed_transport_error(exc, "download", self._core.secrets) from exc
        return self._downloaded(response, path)

    async def aclose(self) -> None:
        """Close the connections."""
        if self._owns_http:
            await self._http.aclose()
        self._sync_http.close()
        self._core.close()

    async def close(self) -> None:
        """Alias of :meth:`aclose`."""
        await self.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
