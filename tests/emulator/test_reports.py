"""Report lifecycles, range rules, the listing window and the market report."""

from __future__ import annotations

import csv
import io
import json
import time
from datetime import UTC, datetime, timedelta

import httpx
from emulator_support import (
    AUDIENCE,
    HEADER,
    INTERACTION,
    INTERACTIVE,
    MARKET,
    TRACK,
    TRACKING,
    Api,
)
from omnisegment_emulator import EmulatorConfig, create_app
from omnisegment_emulator.testing import running_emulator


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def _days_ago(days: int) -> str:
    return (datetime.now(UTC).date() - timedelta(days=days)).isoformat()


def _wait_success(api: Api, path: str) -> dict[str, object]:
    deadline = time.monotonic() + 5
    while True:
        payload = api.ok(api.header("GET", path))
        if payload["status"] == "SUCCESS" or time.monotonic() > deadline:
            assert payload["status"] == "SUCCESS", payload
            return dict(payload)
        time.sleep(0.05)


def test_interaction_report_lifecycle(api: Api) -> None:
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "email": "a@x", "line_id": "U1"}))
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-2", "phone": "+886900"}))
    created = api.ok(
        api.header(
            "POST",
            INTERACTION,
            json={"report_name": "May", "start_date": _days_ago(30), "end_date": _today()},
        )
    )
    report_id = created["report_id"]
    assert isinstance(report_id, int)
    first = api.ok(api.header("GET", f"{INTERACTION}{report_id}/"))
    assert first == {"report_name": "May", "status": "RUNNING"}
    listed = api.ok(api.header("GET", INTERACTION))
    assert listed == [{"report_id": report_id, "report_name": "May", "status": "RUNNING"}]
    done = _wait_success(api, f"{INTERACTION}{report_id}/")
    url = str(done["report_url"])
    assert url.startswith(api.emu.base_url) and url.endswith(".jsonl")
    lines = httpx.get(url).text.splitlines()
    rows = [json.loads(line) for line in lines]
    assert sorted((r["member_sn"], r["channel_type"]) for r in rows) == [
        ("M-1", "email"),
        ("M-1", "line"),
        ("M-2", "sms"),
    ]
    columns = {
        "member_sn", "channel_type", "template_id", "template_name", "delivery_time",
        "template_title", "open", "open_time", "click", "click_event", "email_status",
    }  # fmt: skip
    assert all(set(r) == columns for r in rows)
    assert all(r["delivery_time"].endswith("+00") for r in rows)
    # The same file on every download.
    assert httpx.get(url).text.splitlines() == lines


def test_report_range_rules(api: Api) -> None:
    for path in (INTERACTION, TRACKING):
        body = {"report_name": "r", "start_date": "2025-05-01", "end_date": "2025-06-01"}
        assert "cannot exceed 31 days" in api.error(api.header("POST", path, json=body), 400)
        body["end_date"] = "2025-05-31"  # 31 days, inclusive
        api.ok(api.header("POST", path, json=body))
        body["end_date"] = "2025-04-30"
        assert "end_date" in api.error(api.header("POST", path, json=body), 400)
        body["end_date"] = "2025-02-30"
        assert "calendar date" in api.error(api.header("POST", path, json=body), 400)


def test_unknown_report_id_is_400(api: Api) -> None:
    message = api.error(api.header("GET", f"{INTERACTION}999/"), 400)
    assert message == "Input Error: Report not found"
    created = api.ok(
        api.header(
            "POST",
            TRACKING,
            json={"report_name": "t", "start_date": _today(), "end_date": _today()},
        )
    )
    # A tracking report is not an interaction report.
    api.error(api.header("GET", f"{INTERACTION}{created['report_id']}/"), 400)


def test_tracking_event_report_csv(api: Api) -> None:
    base = {"data_source": "web", "version": "2.0.4"}
    events = [
        {**base, "client_id": "c1", "uid": "M-1", "hit_type": "pageview", "document_location": "https://x/1"},
        {**base, "client_id": "c1", "uid": "M-1", "hit_type": "event", "event_action": "AddToCart",
         "products": [{"id": "SKU-1", "name": "Shirt"}]},
        {**base, "client_id": "c1", "uid": "M-1", "hit_type": "pageview", "document_location": "https://x/2"},
        {**base, "client_id": "anon", "hit_type": "pageview"},
    ]  # fmt: skip
    for event in events:
        api.ok(api.header("POST", TRACK, json=event, tid_in_body=True))
    body = {"report_name": "beacon", "start_date": _today(), "end_date": _today()}
    plain = api.ok(api.header("POST", TRACKING, json=body))["report_id"]
    full = api.ok(
        api.header(
            "POST",
            TRACKING,
            json={**body, "include_anonymous_user": True, "include_event_raw_data": True},
        )
    )["report_id"]
    url = str(_wait_success(api, f"{TRACKING}{plain}/")["report_url"])
    assert url.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(httpx.get(url).text)))
    assert [r["event_name"] for r in rows] == ["PageView", "AddToCart", "PageView"]
    assert list(rows[0]) == [
        "member_sn", "event_time", "event_name", "user_engagement_duration",
        "page_url", "device", "session_id", "cid",
    ]  # fmt: skip
    assert rows[0]["member_sn"] == "M-1" and rows[0]["page_url"] == "https://x/1"
    assert rows[0]["user_engagement_duration"].startswith("00:00:")
    assert rows[2]["user_engagement_duration"] == ""
    assert rows[0]["event_time"].endswith("+00") and rows[0]["device"] == "PC"
    url = str(_wait_success(api, f"{TRACKING}{full}/")["report_url"])
    rows = list(csv.DictReader(io.StringIO(httpx.get(url).text)))
    assert len(rows) == 4 and rows[3]["cid"] == "anon"
    raw = json.loads(rows[1]["event_raw_data"])
    assert raw["ea"] == "AddToCart" and raw["pr_id"] == "SKU-1" and raw["cid"] == "c1"


def test_interactive_audiences_report() -> None:
    with running_emulator(report_delay=0.1) as emu:  # default limits: 1 creation per day
        api = Api(emu)
        try:
            old = {"start_date": _days_ago(40), "end_date": _today()}
            assert "last 30 days" in api.error(api.header("POST", INTERACTIVE, json=old), 400)
            body = {"start_date": _days_ago(7), "end_date": _today()}
            assert (
                api.ok(api.header("POST", INTERACTIVE, json=body)) is None
            )  # failures not counted
            again = api.header("POST", INTERACTIVE, json=body)
            api.error(again, 429)
            assert int(again.headers["Retry-After"]) > 3600
            time.sleep(0.15)
            event = {"client_id": "c9", "uid": "M-1", "data_source": "app",
                     "version": "2.0.4", "hit_type": "pageview"}  # fmt: skip
            api.ok(api.header("POST", TRACK, json=event, tid_in_body=True))
            api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "tags": "vip",
                                            "fcm_tokens": [{"token": "fcm-1"}]}))  # fmt: skip
            (job,) = api.ok(api.header("GET", INTERACTIVE))
            assert job["status"] == "SUCCESS" and job["start_date"] == body["start_date"]
            rows = httpx.get(job["file_url"]).json()
            assert rows == [
                {
                    "member_sn": "M-1",
                    "is_headless_acc": False,
                    "tags": ["vip"],
                    "cid_objects": [
                        {"cid": "c9", "webpush_info": rows[0]["cid_objects"][0]["webpush_info"],
                         "fcm_token": "fcm-1"}
                    ],
                }
            ]  # fmt: skip
        finally:
            api.close()


async def test_lists_keep_one_day_of_reports() -> None:
    now = [1_800_000_000.0]
    app = create_app(EmulatorConfig(api_key="k", tid="OA-1", rate_limit=0), clock=lambda: now[0])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://emu") as client:
        kw = {"params": {"tid": "OA-1"}, "headers": {HEADER: "k"}}
        day = datetime.fromtimestamp(now[0], UTC).date().isoformat()
        body = {"report_name": "r", "start_date": day, "end_date": day}
        created = await client.post(INTERACTION, json=body, **kw)
        report_id = created.json()["PAYLOAD"]["report_id"]
        await client.post(INTERACTIVE, json={"start_date": day, "end_date": day}, **kw)
        now[0] += 86399
        assert len((await client.get(INTERACTION, **kw)).json()["PAYLOAD"]) == 1
        assert len((await client.get(INTERACTIVE, **kw)).json()["PAYLOAD"]) == 1
        now[0] += 2
        assert (await client.get(INTERACTION, **kw)).json()["PAYLOAD"] == []
        assert (await client.get(INTERACTIVE, **kw)).json()["PAYLOAD"] == []
        # Still retrievable by id.
        detail = await client.get(f"{INTERACTION}{report_id}/", **kw)
        assert detail.json()["PAYLOAD"]["status"] == "SUCCESS"
    app.engine.close()


def test_market_report_is_deterministic(api: Api) -> None:
    first = api.ok(api.body(MARKET, data={"start_date": "2025-2-1", "end_date": "2025-2-28"}))
    again = api.ok(api.body(MARKET, data={"start_date": "2025-02-01", "end_date": "2025-02-28"}))
    assert first == again
    assert set(first) == {"email", "sms", "line", "crescendo_line", "pn", "monthly_fee"}
    assert first["line"]["total_fee"] == first["line"]["total_send"]
    march = api.ok(api.body(MARKET, data={"start_date": "2025-3-1", "end_date": "2025-3-31"}))
    assert march != first
    assert "calendar date" in api.error(
        api.body(MARKET, data={"start_date": "2025-2-30", "end_date": "2025-3-1"}), 400
    )
