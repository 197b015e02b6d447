"""Client construction, configuration and resource lifetime."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from omnisegment import (
    DEFAULT_TIMEOUT,
    AsyncOmniSegment,
    InsecureURLError,
    MissingCredentialsError,
    OmniSegment,
    RateLimits,
    RetryPolicy,
)
from omnisegment_api import AuthenticatedClient
from wrapper_support import API_KEY, TID


def recorder() -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(200, json={"SUCCESS": True, "PAYLOAD": []})

    return seen, httpx.MockTransport(handler)


def test_credentials_and_environment_from_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMNISEGMENT_API_KEY", API_KEY)
    monkeypatch.setenv("OMNISEGMENT_TID", TID)
    monkeypatch.setenv("OMNISEGMENT_ENVIRONMENT", "staging")
    with OmniSegment() as client:
        assert client.base_url == "https://staging.omnicloud.tech"
        assert client.tid == TID
    monkeypatch.setenv("OMNISEGMENT_BASE_URL", "http://127.0.0.1:8765")
    with OmniSegment() as client:
        assert client.base_url == "http://127.0.0.1:8765"
    with OmniSegment(environment="jp", base_url="https://jp.example.org") as client:
        assert client.base_url == "https://jp.example.org"


def test_missing_credentials_fail_at_construction() -> None:
    with pytest.raises(MissingCredentialsError, match="OMNISEGMENT_API_KEY"):
        OmniSegment()
    with pytest.raises(MissingCredentialsError, match="OMNISEGMENT_TID"):
        AsyncOmniSegment(api_key=API_KEY)


def test_insecure_http_refused_unless_opted_in() -> None:
    with pytest.raises(InsecureURLError):
        OmniSegment(API_KEY, TID, base_url="http://api.omnisegment.com")
    with OmniSegment(
        API_KEY, TID, base_url="http://api.omnisegment.com", allow_insecure_http=True
    ) as client:
        assert client.base_url.startswith("http://")


def test_repr_never_shows_the_key() -> None:
    with OmniSegment(API_KEY, TID) as client:
        for text in (repr(client), str(client), repr(client.api), repr(client.audiences)):
            assert API_KEY not in text
        assert repr(client) == f"OmniSegment(base_url='https://api.omnisegment.com', tid='{TID}')"
        assert client.api.token == ""


def test_api_is_a_configured_generated_client() -> None:
    with OmniSegment(API_KEY, TID) as client:
        assert isinstance(client.api, AuthenticatedClient)
        http = client.api.get_httpx_client()
        assert http.timeout == DEFAULT_TIMEOUT
        assert DEFAULT_TIMEOUT.connect == 5.0 and DEFAULT_TIMEOUT.read == 30.0
        assert str(http.base_url) == "https://api.omnisegment.com"
        async_http = client.api.get_async_httpx_client()
        assert async_http.timeout == DEFAULT_TIMEOUT
        # No credential travels in default headers: the transport adds it per operation.
        assert "x-omnisegment-api-key" not in http.headers
        assert "authorization" not in http.headers


def test_custom_timeout_and_policies() -> None:
    with OmniSegment(
        API_KEY,
        TID,
        timeout=2.5,
        retry=RetryPolicy(gateway_retry_interval=1),
        rate_limit=RateLimits.disabled(),
    ) as client:
        assert client.api.get_httpx_client().timeout == httpx.Timeout(2.5)
        assert client.retry.gateway_retry_interval == 1
        assert client.rate_limiter is None


def test_user_http_client_is_wrapped_not_closed() -> None:
    seen, transport = recorder()
    http = httpx.Client(transport=transport, headers={"User-Agent": "my-app/1.0"})
    with OmniSegment(API_KEY, TID, http_client=http) as client:
        client.reports.interaction.list()
    assert not http.is_closed
    assert seen[0].headers["user-agent"] == "my-app/1.0"
    assert seen[0].headers["x-omnisegment-api-key"] == API_KEY
    assert str(seen[0].url).startswith("https://api.omnisegment.com/api/v1/interaction-report/")
    http.close()


async def test_async_user_http_client_is_wrapped() -> None:
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        await request.aread()
        seen.append(request)
        return httpx.Response(200, json={"SUCCESS": True, "PAYLOAD": None})

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with AsyncOmniSegment(API_KEY, TID, http_client=http) as client:
        await client.purchases.import_one(
            {"member_sn": "M", "datetime": "2025-01-01T00:00:00+08:00",
             "transaction_id": "T", "transaction_revenue": 1}
        )  # fmt: skip
    assert not http.is_closed
    assert json.loads(seen[0].content)["api_key"] == API_KEY
    await http.aclose()


def test_timezone_defaults_follow_the_environment() -> None:
    import datetime as dt

    seen, transport = recorder()
    with OmniSegment(API_KEY, TID, environment="jp", transport=transport) as client:
        assert client.timezone.utcoffset(None) == dt.timedelta(hours=9)
        client.request("create_interaction_report", json={
            "report_name": "r", "start_date": "2025-1-2", "end_date": "2025-1-3"})  # fmt: skip
        client.request("import_purchase", json={"data": {"datetime": dt.datetime(2025, 1, 2, 3)}})
    assert json.loads(seen[1].content)["data"]["datetime"] == "2025-01-02T03:00:00+09:00"
    assert json.loads(seen[0].content)["start_date"] == "2025-01-02"
    with OmniSegment(API_KEY, TID, timezone="Europe/Paris") as client:
        assert client.timezone.utcoffset(dt.datetime(2025, 1, 1)) == dt.timedelta(hours=1)
    with OmniSegment(API_KEY, TID) as client:
        assert client.timezone.utcoffset(None) == dt.timedelta(hours=8)


async def test_async_context_manager_and_close() -> None:
    _seen, transport = recorder()

    async def handler(request: httpx.Request) -> httpx.Response:
        return transport.handle_request(request)

    client = AsyncOmniSegment(API_KEY, TID, transport=httpx.MockTransport(handler))
    async with client as same:
        assert same is client
        assert await client.reports.interaction.list() == []
    assert client._http.is_closed
    await client.close()


def test_sync_context_manager_closes() -> None:
    with OmniSegment(API_KEY, TID) as client:
        http: Any = client._http
    assert http.is_closed


def test_lazy_exports() -> None:
    import omnisegment

    assert omnisegment.OmniSegment is OmniSegment
    with pytest.raises(AttributeError):
        omnisegment.DoesNotExist  # noqa: B018
