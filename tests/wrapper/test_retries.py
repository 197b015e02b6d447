"""Retry behaviour against the emulator's faults, sync (live) and async (in-process)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from omnisegment import (
    APIConnectionError,
    AuthenticationError,
    BadRequestError,
    GatewayError,
    InternalServerError,
    PermissionDeniedError,
    RateLimitError,
    RetryPolicy,
)
from wrapper_support import API_KEY, TID, Harness

AUDIENCE = {"data": {"member_sn": "M-100231"}}


def import_audience(client: Any) -> Any:
    return client.request("import_audience", json=AUDIENCE)


def statuses(h: Harness) -> list[int | None]:
    return [r["status"] for r in h.api_requests()]


def test_gateway_errors_retried_at_the_configured_interval(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.set_faults("503", next=2)
    client = harness.client(retry=RetryPolicy(gateway_retry_interval=12.5))
    with caplog.at_level(logging.INFO, logger="omnisegment"):
        payload = harness.run(client, import_audience)
    assert payload == {"status": "OK", "error_msg": ""}
    assert statuses(harness) == [503, 503, 200]
    assert harness.clock.sleeps == [12.5, 12.5]
    retries = [r for r in caplog.records if r.name == "omnisegment"]
    assert len(retries) == 2
    assert all(r.levelno == logging.INFO for r in retries)
    assert "import_audience" in retries[0].getMessage()
    assert "HTTP 503" in retries[0].getMessage()
    assert "12.500 s" in retries[0].getMessage()


def test_default_gateway_interval_is_five_minutes(harness: Harness) -> None:
    harness.set_faults("502", next=1)
    harness.run(harness.client(), import_audience)
    assert harness.clock.sleeps == [300.0]


def test_gateway_gives_up_after_five_retries(harness: Harness) -> None:
    harness.set_faults("504")
    client = harness.client()
    with pytest.raises(GatewayError) as info:
        harness.run(client, import_audience)
    assert info.value.retries == 5
    assert info.value.status_code == 504
    assert "after 5 retries" in str(info.value)
    assert statuses(harness) == [504] * 6
    assert harness.clock.sleeps == [300.0] * 5


def test_gateway_retry_count_is_configurable(harness: Harness) -> None:
    harness.set_faults("503")
    client = harness.client(retry=RetryPolicy(max_gateway_retries=2, gateway_retry_interval=1))
    with pytest.raises(GatewayError) as info:
        harness.run(client, import_audience)
    assert info.value.retries == 2
    assert len(statuses(harness)) == 3


def test_html_gateway_page_becomes_gateway_error(harness: Harness) -> None:
    harness.set_faults("html")
    client = harness.client(retry=RetryPolicy(max_gateway_retries=1))
    with pytest.raises(GatewayError) as info:
        harness.run(client, import_audience)
    err = info.value
    assert err.status_code == 502
    assert err.retries == 1
    assert "non-JSON response body (text/html)" in err.err_msg


def test_429_honours_retry_after(harness: Harness) -> None:
    # The emulator's injected 429 carries Retry-After: 1.
    harness.set_faults("429", next=2)
    client = harness.client(retry=RetryPolicy(rate_limit_backoff_base=0.01))
    harness.run(client, import_audience)
    assert statuses(harness) == [429, 429, 200]
    assert len(harness.clock.sleeps) == 2
    assert all(wait >= 1.0 for wait in harness.clock.sleeps)


def test_429_gives_up_after_max_attempts(harness: Harness) -> None:
    harness.set_faults("429")
    client = harness.client(retry=RetryPolicy(max_rate_limit_retries=3))
    with pytest.raises(RateLimitError) as info:
        harness.run(client, import_audience)
    assert info.value.retries == 3
    assert info.value.retry_after == 1.0
    assert len(statuses(harness)) == 4


@pytest.mark.parametrize(
    ("fault", "cls"),
    [
        ("400", BadRequestError),
        ("401", AuthenticationError),
        ("403", PermissionDeniedError),
        ("500", InternalServerError),
    ],
)
def test_client_and_server_errors_raised_at_once(
    harness: Harness, fault: str, cls: type[Exception]
) -> None:
    harness.set_faults(fault)
    client = harness.client()
    with pytest.raises(cls) as info:
        harness.run(client, import_audience)
    assert info.value.retries == 0  # type: ignore[attr-defined]
    assert len(statuses(harness)) == 1
    assert harness.clock.sleeps == []


def test_real_400_and_403(harness: Harness) -> None:
    client = harness.client()
    with pytest.raises(BadRequestError) as bad:
        harness.run(client, lambda c: c.request("import_audience", json={"data": {}}))
    assert bad.value.err_msg.startswith(("Input Error", "Missing Input Error"))
    wrong = harness.client(api_key="00000000-0000-0000-0000-000000000000")
    with pytest.raises(PermissionDeniedError) as denied:
        harness.run(wrong, import_audience)
    assert denied.value.status_code == 403
    assert len(statuses(harness)) == 2
    assert harness.clock.sleeps == []


def test_connection_reset_retried_for_idempotent_operations(harness: Harness) -> None:
    harness.set_faults("reset", next=2)
    client = harness.client()
    assert harness.run(client, import_audience)["status"] == "OK"
    assert len(harness.clock.sleeps) == 2
    assert [r["fault"] for r in harness.api_requests()] == ["reset", "reset", None]


def test_non_idempotent_operation_not_retried_after_reset(harness: Harness) -> None:
    harness.set_faults("reset", next=1)
    client = harness.client()
    event = {"client_id": "c-1", "hit_type": "pageview", "data_source": "web", "version": "2.0.4"}
    with pytest.raises(APIConnectionError) as info:
        harness.run(client, lambda c: c.events.track(event))
    assert info.value.retries == 0
    assert "not idempotent" in str(info.value)
    assert len(harness.api_requests()) == 1
    assert harness.clock.sleeps == []


def test_connection_retries_exhausted(harness: Harness) -> None:
    harness.set_faults("reset")
    client = harness.client(retry=RetryPolicy(max_connection_retries=2))
    with pytest.raises(APIConnectionError) as info:
        harness.run(client, import_audience)
    assert info.value.retries == 2
    assert info.value.status_code is None
    assert len(harness.api_requests()) == 3


def test_key_never_logged(harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    """Successes, retries, failures and typed errors at DEBUG: the key appears nowhere."""
    caplog.set_level(logging.DEBUG)
    client = harness.client(retry=RetryPolicy(max_gateway_retries=1))
    errors: list[BaseException] = []

    def many(c: Any) -> Any:
        async def go() -> None:
            for n in range(10):
                try:
                    await c.request("import_audience", json={"data": {"member_sn": f"M{n}"}})
                except Exception as exc:
                    errors.append(exc)
                await c.request("list_interaction_reports")

        if harness.mode == "async":
            return go()
        for n in range(10):
            try:
                c.request("import_audience", json={"data": {"member_sn": f"M{n}"}})
            except Exception as exc:
                errors.append(exc)
            c.request("list_interaction_reports")
        return None

    harness.set_faults("503:0.3,429:0.2,html:0.1", seed=3, path="/ma_audience/import-audience/")
    harness.run(client, many)
    with pytest.raises(BadRequestError) as bad:
        harness.run(harness.client(), lambda c: c.request("import_audience", json={"data": {}}))
    errors.append(bad.value)
    assert caplog.records, "expected DEBUG output"
    assert any(r.name == "omnisegment" for r in caplog.records)
    text = caplog.text + "".join(str(e) + repr(e) for e in errors) + repr(client)
    assert API_KEY not in text
    assert TID in caplog.text or harness.mode == "async"
    assert API_KEY not in str(harness.requests())
