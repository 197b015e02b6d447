"""The transport seam with scripted responses (httpx.MockTransport, respx)."""

from __future__ import annotations

import email.utils
import json
import logging
import random
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import respx
from omnisegment import (
    APIConnectionError,
    APITimeoutError,
    AsyncOmniSegment,
    BadRequestError,
    GatewayError,
    InternalServerError,
    OmniSegment,
    PermissionDeniedError,
    RateLimitError,
    RateLimits,
    RetryPolicy,
    UnexpectedResponseError,
)
from omnisegment._operations import default_table
from omnisegment._transport import parse_retry_after
from omnisegment_api.api.audiences import import_audience
from omnisegment_api.api.reports import get_interaction_report, list_interaction_reports
from omnisegment_api.models import Audience, ImportAudienceRequest, ReportCreated
from wrapper_support import API_KEY, TID, FakeClock

BASE = "https://api.omnisegment.com"
OK_NULL = {"SUCCESS": True, "PAYLOAD": None}

Handler = Callable[[httpx.Request], httpx.Response]


class Script:
    """Answers requests from a list of responses (or exceptions), recording each request."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            result: httpx.Response = answer(request)
            return result
        return answer


def ok(payload: Any = None) -> httpx.Response:
    return httpx.Response(200, json={"SUCCESS": True, "PAYLOAD": payload})


def fail(status: int, msg: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json={"SUCCESS": False, "ERR_MSG": msg}, headers=headers)


@pytest.fixture
def make(clock: FakeClock) -> Iterator[Callable[..., OmniSegment]]:
    made: list[OmniSegment] = []

    def build(handler: Handler, **kwargs: Any) -> OmniSegment:
        options: dict[str, Any] = {
            "transport": httpx.MockTransport(handler),
            "sleep": clock.sleep,
            "clock": clock,
            "rng": random.Random(1),
            "rate_limit": RateLimits.disabled(),
        }
        options.update(kwargs)
        client = OmniSegment(API_KEY, TID, **options)
        made.append(client)
        return client

    yield build
    for client in made:
        client.close()


# -- auth injection -------------------------------------------------------------------


def minimal_request(op_id: str) -> dict[str, Any]:
    op = default_table().get(op_id)
    args: dict[str, Any] = {}
    if op.path_params:
        args["path_params"] = {"id": 3}
    if op.method != "GET":
        args["json"] = {"data": {"x": 1}} if op.tid == "body" else {"x": 1}
    return args


@pytest.mark.parametrize("op_id", sorted(op.operation_id for op in default_table()))
def test_credentials_go_where_the_operation_wants_them(
    make: Callable[..., OmniSegment], op_id: str
) -> None:
    script = Script(ok())
    client = make(script)
    client.request(op_id, **minimal_request(op_id))
    (request,) = script.requests
    op = default_table().get(op_id)
    header = request.headers.get("X-OmniSegment-Api-Key")
    query_tid = request.url.params.get("tid")
    body = json.loads(request.content) if request.content else {}
    assert header == (API_KEY if op.auth == "header" else None)
    assert query_tid == (TID if op.tid == "query" else None)
    assert body.get("api_key") == (API_KEY if op.auth == "body" else None)
    assert body.get("tid") == (TID if op.tid == "body" else None)
    assert request.headers.get("content-type", "application/json") == "application/json"


def test_transport_fills_missing_credentials_for_raw_httpx_calls(
    make: Callable[..., OmniSegment],
) -> None:
    script = Script(ok({"status": "OK", "error_msg": ""}), ok([]))
    client = make(script)
    http = client.api.get_httpx_client()
    http.post("/ma_audience/import-audience/", json={"data": {"member_sn": "M1"}, "tid": ""})
    http.get("/api/v1/interaction-report/")
    body = json.loads(script.requests[0].content)
    assert body["api_key"] == API_KEY and body["tid"] == TID
    assert script.requests[0].headers["content-length"] == str(len(script.requests[0].content))
    assert "x-omnisegment-api-key" not in script.requests[0].headers
    assert script.requests[1].url.params["tid"] == TID
    assert script.requests[1].headers["x-omnisegment-api-key"] == API_KEY


def test_explicit_credentials_are_not_overwritten(make: Callable[..., OmniSegment]) -> None:
    script = Script(ok({"status": "OK", "error_msg": ""}), ok([]))
    client = make(script)
    http = client.api.get_httpx_client()
    http.post(
        "/ma_audience/import-audience/",
        json={"data": {"member_sn": "M1"}, "tid": "OA-other", "api_key": "other-key"},
    )
    http.get(
        "/api/v1/interaction-report/",
        params={"tid": "OA-other"},
        headers={"X-OmniSegment-Api-Key": "other-key"},
    )
    body = json.loads(script.requests[0].content)
    assert (body["tid"], body["api_key"]) == ("OA-other", "other-key")
    assert script.requests[1].url.params["tid"] == "OA-other"
    assert script.requests[1].headers["x-omnisegment-api-key"] == "other-key"


def test_other_hosts_and_paths_get_no_credentials(make: Callable[..., OmniSegment]) -> None:
    script = Script(httpx.Response(500, text="boom"))
    client = make(script)
    http = client.api.get_httpx_client()
    for url in ("https://files.example.net/api/v1/interaction-report/", "/unknown/path/"):
        response = http.get(url)
        assert response.status_code == 500  # passed through untouched: no typed error
    for request in script.requests:
        assert "x-omnisegment-api-key" not in request.headers
        assert "tid" not in request.url.params
    with pytest.raises(InternalServerError, match="boom"):
        client.reports.interaction.download("https://files.example.net/r.jsonl")
    assert "x-omnisegment-api-key" not in script.requests[-1].headers


@pytest.mark.parametrize("failure", [httpx.ReadTimeout("slow"), httpx.ConnectError("refused")])
async def test_download_transport_failures_are_typed(
    make: Callable[..., OmniSegment], clock: FakeClock, failure: httpx.TransportError
) -> None:
    expected = (
        APITimeoutError if isinstance(failure, httpx.TimeoutException) else APIConnectionError
    )
    url = "https://files.example.net/r.jsonl"
    with pytest.raises(expected) as info:
        make(Script(failure)).reports.interaction.download(url)
    assert info.value.operation_id == "download"
    assert isinstance(info.value.__cause__, type(failure))
    async with AsyncOmniSegment(
        API_KEY,
        TID,
        transport=httpx.MockTransport(Script(failure)),
        async_sleep=clock.async_sleep,
        rate_limit=RateLimits.disabled(),
    ) as client:
        with pytest.raises(expected) as ainfo:
            await client.reports.tracking_events.download(url)
    assert ainfo.value.operation_id == "download"


def test_generated_client_gets_the_policies(make: Callable[..., OmniSegment]) -> None:
    """client.api with the generated functions: auth, retries and typed errors apply."""
    script = Script(
        httpx.Response(503, text="busy"),
        ok({"status": "OK", "error_msg": ""}),
        ok({"report_name": "r", "status": "SUCCESS", "report_url": "https://f/x"}),
        fail(403, "Forbidden: invalid api_key or tid"),
    )
    client = make(script)
    body = ImportAudienceRequest(tid="", api_key="", data=Audience(member_sn="M1"))
    response = import_audience.sync_detailed(client=client.api, body=body)
    assert response.status_code == 200
    assert json.loads(script.requests[1].content)["api_key"] == API_KEY
    detail = get_interaction_report.sync(5, client=client.api, tid=TID)
    assert detail is not None
    with pytest.raises(PermissionDeniedError):
        list_interaction_reports.sync(client=client.api, tid=TID)
    assert len(script.requests) == 4


async def test_async_generated_client_gets_the_policies(clock: FakeClock) -> None:
    script = Script(httpx.Response(502, text="<html>bad gateway</html>"), ok([]))
    client = AsyncOmniSegment(
        API_KEY,
        TID,
        transport=httpx.MockTransport(script),
        async_sleep=clock.async_sleep,
        rate_limit=RateLimits.disabled(),
    )
    async with client:
        result = await list_interaction_reports.asyncio(client=client.api, tid=TID)
    assert result is not None
    assert clock.sleeps == [300.0]
    assert all(r.headers["x-omnisegment-api-key"] == API_KEY for r in script.requests)


# -- retry rules ------------------------------------------------------------------------


def test_stop_at_the_first_other_status(make: Callable[..., OmniSegment]) -> None:
    script = Script(httpx.Response(503), fail(500, "Internal Server Error: x"))
    with pytest.raises(InternalServerError) as info:
        make(script).request("import_purchase", json={"data": {}})
    assert info.value.retries == 1
    assert len(script.requests) == 2


def test_retry_after_seconds_is_a_minimum(
    make: Callable[..., OmniSegment], clock: FakeClock
) -> None:
    script = Script(fail(429, "Too Many Requests: x", {"Retry-After": "2"}), ok())
    make(script, retry=RetryPolicy(rate_limit_backoff_base=0.001)).request(
        "import_purchase", json={"data": {}}
    )
    assert len(clock.sleeps) == 1
    assert clock.sleeps[0] >= 2.0


def test_retry_after_http_date(make: Callable[..., OmniSegment], clock: FakeClock) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    script = Script(fail(429, "Too Many Requests: x", {"Retry-After": when}), ok())
    make(script).request("import_purchase", json={"data": {}})
    assert 28.0 <= clock.sleeps[0] <= 31.0


def test_rate_limit_backoff_is_exponential_with_full_jitter(
    make: Callable[..., OmniSegment], clock: FakeClock
) -> None:
    script = Script(*([fail(429, "Too Many Requests: x")] * 6), ok())
    policy = RetryPolicy(rate_limit_backoff_base=1.0, rate_limit_backoff_cap=8.0)
    make(script, retry=policy).request("import_purchase", json={"data": {}})
    ceilings = [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert len(clock.sleeps) == 6
    for wait, ceiling in zip(clock.sleeps, ceilings, strict=True):
        assert 0.0 <= wait <= ceiling


def test_too_long_retry_after_gives_up_at_once(
    make: Callable[..., OmniSegment], clock: FakeClock
) -> None:
    script = Script(fail(429, "Too Many Requests: daily", {"Retry-After": "86400"}))
    with pytest.raises(RateLimitError) as info:
        make(script).request("create_interactive_audiences_report", json={})
    assert info.value.retries == 0
    assert info.value.retry_after == 86400.0
    assert "max_retry_after" in str(info.value)
    assert clock.sleeps == []


def test_parse_retry_after() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after("-4") == 0.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=lambda: 1445412480.0 - 10) == 10.0


def test_read_timeout_not_retried_for_non_idempotent_operations(
    make: Callable[..., OmniSegment], clock: FakeClock
) -> None:
    script = Script(httpx.ReadTimeout("timed out"))
    client = make(script)
    for op_id in ("track_event", "create_interaction_report", "create_tracking_event_report"):
        with pytest.raises(APITimeoutError) as info:
            client.request(op_id, json={"x": 1})
        assert info.value.retries == 0
        assert "not idempotent" in str(info.value)
    assert len(script.requests) == 3
    assert clock.sleeps == []


def test_read_timeout_retried_for_idempotent_operations(
    make: Callable[..., OmniSegment], clock: FakeClock
) -> None:
    script = Script(httpx.ReadTimeout("timed out"))
    with pytest.raises(APITimeoutError) as info:
        make(script).request("import_product", json={"data": {}})
    assert info.value.retries == 3
    assert len(script.requests) == 4
    assert len(clock.sleeps) == 3
    # Full jitter under a doubling ceiling: 0.5 s, 1 s, 2 s (connection_backoff_base=0.5).
    for n, slept in enumerate(clock.sleeps):
        assert 0 <= slept <= 0.5 * 2**n


def test_connect_errors_are_retried_even_for_non_idempotent_operations(
    make: Callable[..., OmniSegment], clock: FakeClock
) -> None:
    script = Script(httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), ok())
    assert make(script).request("track_event", json={"client_id": "c"}) is None
    assert len(script.requests) == 3
    assert len(clock.sleeps) == 2


def test_connection_error_type_and_message(make: Callable[..., OmniSegment]) -> None:
    script = Script(httpx.ConnectError(f"refused {API_KEY}"))
    with pytest.raises(APIConnectionError) as info:
        make(script, retry=RetryPolicy.disabled()).request("track_event", json={})
    assert not isinstance(info.value, APITimeoutError)
    assert API_KEY not in str(info.value)
    assert isinstance(info.value.__cause__, httpx.ConnectError)


class BrokenBody(httpx.SyncByteStream):
    """Sends part of a body, then the connection breaks."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"SUCCESS": true, "PAY'
        raise httpx.ReadError("connection reset by peer")


def test_mid_body_reset_is_retried(clock: FakeClock) -> None:
    with respx.mock(base_url=BASE, assert_all_called=True) as router:
        route = router.post("/api/import-purchase-data/").mock(
            side_effect=[
                httpx.Response(200, stream=BrokenBody()),
                httpx.Response(200, json=OK_NULL),
            ]
        )
        with OmniSegment(
            API_KEY, TID, sleep=clock.sleep, rate_limit=RateLimits.disabled()
        ) as client:
            assert client.purchases.import_one(
                {"member_sn": "M", "datetime": "2025-01-01T00:00:00+08:00",
                 "transaction_id": "T", "transaction_revenue": 1}
            ) is None  # fmt: skip
        assert route.call_count == 2
        assert len(clock.sleeps) == 1


def test_mid_body_reset_on_track_event_is_not_retried(clock: FakeClock) -> None:
    with respx.mock(base_url=BASE) as router:
        route = router.post("/api/v1/beacon/track-event/").mock(
            return_value=httpx.Response(200, stream=BrokenBody())
        )
        with (
            OmniSegment(
                API_KEY, TID, sleep=clock.sleep, rate_limit=RateLimits.disabled()
            ) as client,
            pytest.raises(APIConnectionError) as info,
        ):
            client.events.track(client_id="c", hit_type="pageview", data_source="web")
        assert route.call_count == 1
        assert info.value.retries == 0


def test_html_502_page_via_respx(clock: FakeClock) -> None:
    page = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
    with respx.mock(base_url=BASE) as router:
        router.post("/ma_audience/import-audience/").mock(
            return_value=httpx.Response(502, text=page, headers={"content-type": "text/html"})
        )
        with (
            OmniSegment(
                API_KEY,
                TID,
                sleep=clock.sleep,
                retry=RetryPolicy(max_gateway_retries=2),
                rate_limit=RateLimits.disabled(),
            ) as client,
            pytest.raises(GatewayError) as info,
        ):
            client.audiences.import_one({"member_sn": "M1"})
    assert info.value.retries == 2
    assert "502 Bad Gateway" in info.value.err_msg
    assert clock.sleeps == [300.0, 300.0]


# -- odd responses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "cls"),
    [
        (
            httpx.Response(200, json={"SUCCESS": False, "ERR_MSG": "Input Error: bad"}),
            BadRequestError,
        ),
        (httpx.Response(200, json={"SUCCESS": False, "ERR_MSG": "weird"}), UnexpectedResponseError),
        (httpx.Response(200, text="<html>ok</html>"), UnexpectedResponseError),
        (httpx.Response(200, json=[1, 2]), UnexpectedResponseError),
        (
            httpx.Response(418, json={"SUCCESS": False, "ERR_MSG": "teapot"}),
            UnexpectedResponseError,
        ),
        (httpx.Response(404, text="Not Found"), UnexpectedResponseError),
    ],
)
def test_odd_responses_give_typed_errors(
    make: Callable[..., OmniSegment], response: httpx.Response, cls: type[Exception]
) -> None:
    client = make(Script(response))
    with pytest.raises(cls):
        client.reports.interaction.list()
    with pytest.raises(cls):
        client.request("list_interaction_reports")


@pytest.mark.parametrize(
    "payload",
    [
        {"report_name": "r", "status": "EXPLODED"},  # unknown enum value
        {"report_name": "r"},  # missing field
        "not an object",
    ],
)
def test_unparseable_payload_is_unexpected_response(
    make: Callable[..., OmniSegment], payload: Any
) -> None:
    client = make(Script(ok(payload)))
    with pytest.raises(UnexpectedResponseError) as info:
        client.reports.interaction.get(1)
    assert info.value.status_code == 200
    assert info.value.operation_id == "get_interaction_report"


def test_missing_payload_key_via_request(make: Callable[..., OmniSegment]) -> None:
    client = make(Script(httpx.Response(200, json={"SUCCESS": True})))
    with pytest.raises(UnexpectedResponseError):
        client.request("list_interaction_reports")


def test_audience_soft_failure(make: Callable[..., OmniSegment]) -> None:
    script = Script(ok({"status": "ERROR", "error_msg": "Input Error: phone is invalid"}))
    client = make(script)
    with pytest.raises(BadRequestError, match="phone is invalid"):
        client.audiences.import_one({"member_sn": "M1"})
    with pytest.raises(BadRequestError):
        client.request("import_audience", json={"data": {"member_sn": "M1"}})


def test_gzip_bodies_are_decoded(make: Callable[..., OmniSegment]) -> None:
    import gzip

    raw = gzip.compress(json.dumps({"SUCCESS": False, "ERR_MSG": "Input Error: z"}).encode())
    response = httpx.Response(200, content=raw, headers={"content-encoding": "gzip"})
    with pytest.raises(BadRequestError, match="Input Error: z"):
        make(Script(response)).request("list_interaction_reports")
    good = gzip.compress(json.dumps({"SUCCESS": True, "PAYLOAD": []}).encode())
    response = httpx.Response(200, content=good, headers={"content-encoding": "gzip"})
    assert make(Script(response)).reports.interaction.list() == []


def test_retry_log_lines(
    make: Callable[..., OmniSegment], caplog: pytest.LogCaptureFixture
) -> None:
    script = Script(
        fail(429, "Too Many Requests: x", {"Retry-After": "1"}), httpx.Response(503), ok()
    )
    with caplog.at_level(logging.INFO, logger="omnisegment"):
        make(script).request("import_purchase", json={"data": {}})
    lines = [r.getMessage() for r in caplog.records if r.name == "omnisegment"]
    assert len(lines) == 2
    assert lines[0].startswith("retrying import_purchase after HTTP 429: waiting ")
    assert lines[1].startswith("retrying import_purchase after HTTP 503: waiting 300.000 s")


def test_gateway_retry_after_is_honoured_and_bounded(
    make: Callable[..., OmniSegment], clock: FakeClock
) -> None:
    script = Script(httpx.Response(503, headers={"Retry-After": "400"}), ok())
    make(script).request("import_purchase", json={"data": {}})
    assert clock.sleeps == [400.0]  # longer than the 300 s interval: the header wins
    script = Script(httpx.Response(503, headers={"Retry-After": "7200"}))
    with pytest.raises(GatewayError, match="max_retry_after") as info:
        make(script).request("import_purchase", json={"data": {}})
    assert info.value.retries == 0


# -- report polling -------------------------------------------------------------------


def test_report_wait_rereads_a_success_without_its_link(
    make: Callable[..., OmniSegment], clock: FakeClock
) -> None:
    script = Script(
        ok({"report_name": "r", "status": "RUNNING"}),
        ok({"report_name": "r", "status": "SUCCESS"}),
        ok({"report_name": "r", "status": "SUCCESS", "report_url": "https://f/x"}),
    )
    client = make(script)
    detail = client.reports.interaction.wait(7, interval=2.0, max_interval=2.0)
    assert detail.report_url == "https://f/x"
    assert len(script.requests) == 3
    assert clock.sleeps == [2.0]


def test_report_wait_timeout_names_the_last_status(
    make: Callable[..., OmniSegment], clock: FakeClock
) -> None:
    client = make(Script(ok({"report_name": "r", "status": "RUNNING"})))
    with pytest.raises(APITimeoutError, match="interaction report 7 still RUNNING after 5 s"):
        client.reports.interaction.wait(
            ReportCreated(report_id=7), timeout=5, interval=1, max_interval=1
        )
    assert clock.sleeps == [1.0] * 5  # a fixed pace when max_interval equals interval
    client = make(Script(ok([])))
    with pytest.raises(APITimeoutError, match=r"2025-01-01\.\.2025-01-05 still not listed"):
        client.reports.interactive_audiences.wait("2025-01-01", "2025-01-05", timeout=1)
