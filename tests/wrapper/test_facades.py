"""Every resource facade against the emulator: sync (live) and async (in-process)."""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

import pytest
from omnisegment import AsyncOmniSegment, BadRequestError, OmniSegment, RateLimits
from omnisegment._operations import default_table
from omnisegment_api.models import (
    Audience,
    ImportAudienceResult,
    InteractiveAudiencesReport,
    MarketReport,
    ReportCreated,
    ReportDetail,
    ReportStatus,
    TrackEventRequest,
)
from omnisegment_api.types import UNSET
from wrapper_support import Harness, aw

TODAY = dt.date.today()
PURCHASE = {
    "member_sn": "M-100231",
    "datetime": dt.datetime(2025, 3, 2, 14, 20),
    "transaction_id": "ORD-1",
    "transaction_revenue": 1280,
}
VOUCHER = {
    "voucher_id": "GV-1",
    "member_sn": "M-100231",
    "voucher_type": "anniversary_credit",
    "amount": 300,
    "valid_from": dt.date(2025, 4, 1),
    "valid_util": dt.datetime(2025, 6, 30, 23, 59, 59),
}
PRODUCT = {
    "id": "SKU-48213",
    "title": "Linen Summer Shirt",
    "link": "https://shop.example.org/p/sku-48213",
    "availability": "in stock",
    "image_link": "https://cdn.example.org/img/sku-48213.jpg",
    "price": "1490 TWD",
    "sale_price_effective_date": (dt.datetime(2025, 6, 1), dt.datetime(2025, 6, 30, 23, 59, 59)),
}


def test_audiences(harness: Harness) -> None:
    async def flow(c: Any) -> None:
        result = await aw(
            c.audiences.import_one(
                Audience(member_sn="M-1", birthday="1988-11-23"), tag_mode="append"
            )
        )
        assert isinstance(result, ImportAudienceResult) and result.status == "OK"
        await aw(
            c.audiences.import_one(
                {
                    "member_sn": "M-2",
                    "birthday": dt.date(1990, 1, 2),
                    "register_date": dt.datetime(2024, 1, 1, 9),
                },
                ignore_empty_value=True,
            )
        )
        assert (
            await aw(c.audiences.import_batch([{"member_sn": f"B-{n}"} for n in range(50)])) is None
        )

    harness.run(harness.client(), flow)
    stored = {a["member_sn"]: a for a in harness.store("audiences")}
    assert {"M-1", "M-2", "B-0", "B-49"} <= set(stored)
    assert stored["M-2"]["birthday"] == "1990-01-02"
    assert stored["M-2"]["register_date"] == "2024-01-01T09:00:00+08:00"


def test_batch_limit_is_checked_locally(harness: Harness) -> None:
    client = harness.client()
    with pytest.raises(ValueError, match="at most 50"):
        harness.run(client, lambda c: c.audiences.import_batch([{"member_sn": "x"}] * 51))
    with pytest.raises(ValueError, match="no records"):
        harness.run(harness.client(), lambda c: c.purchases.import_batch([]))
    assert harness.api_requests() == []


def test_purchases(harness: Harness) -> None:
    async def flow(c: Any) -> None:
        assert await aw(c.purchases.import_one(PURCHASE, debug_mode=1)) is None
        batch = [
            dict(PURCHASE, transaction_id=f"ORD-B{n}", datetime="2025-03-02T14:20:00+0800")
            for n in range(3)
        ]
        assert await aw(c.purchases.import_batch(batch)) is None

    harness.run(harness.client(), flow)
    stored = harness.store("purchases")
    assert len(stored) == 4
    sent = [r["body"] for r in harness.api_requests()]
    assert sent[0]["data"]["datetime"] == "2025-03-02T14:20:00+08:00"
    assert sent[1]["data"][0]["datetime"] == "2025-03-02T14:20:00+08:00"  # loose form normalised


def test_gift_vouchers(harness: Harness) -> None:
    async def flow(c: Any) -> None:
        await aw(c.gift_vouchers.import_one(VOUCHER))
        await aw(
            c.gift_vouchers.import_list([dict(VOUCHER, voucher_id=f"GV-M{n}") for n in range(3)])
        )
        await aw(
            c.gift_vouchers.import_batch(
                [dict(VOUCHER, voucher_id=f"GV-B{n}", valid_from="2025/4/1") for n in range(100)]
            )
        )

    harness.run(harness.client(), flow)
    sent = [r["body"] for r in harness.api_requests()]
    assert sent[0]["data"]["valid_from"] == "2025-04-01"
    assert sent[0]["data"]["valid_util"] == "2025-06-30 23:59:59+08"
    assert isinstance(sent[1]["data"], list)
    assert len(sent[2]["data_list"]) == 100
    assert sent[2]["data_list"][0]["valid_from"] == "2025-04-01"
    assert len(harness.store("gift_vouchers")) == 104


def test_products_registrations_guarantees(harness: Harness) -> None:
    async def flow(c: Any) -> None:
        result = await aw(c.products.import_one(PRODUCT, site="tw-online"))
        assert result is None or result.status == "OK"
        await aw(
            c.event_registrations.import_one(
                {
                    "event_id": "EVT-1",
                    "member_sn": "M-1",
                    "event_name": "Workshop",
                    "registration_datetime": dt.datetime(2025, 3, 10, 9, 30),
                }
            )
        )
        await aw(
            c.product_guarantees.import_one(
                {
                    "warranty_id": "W-1",
                    "member_sn": "M-1",
                    "product": {"sku": "KETTLE"},
                    "registration_datetime": "2025-05-02 11:00",
                    "purchase_datetime": dt.datetime(2025, 4, 28, 16, 45),
                }
            )
        )

    harness.run(harness.client(), flow)
    sent = [r["body"] for r in harness.api_requests()]
    assert sent[0]["data"]["sale_price_effective_date"] == (
        "2025-06-01T00:00:00+08:00/2025-06-30T23:59:59+08:00"
    )
    assert sent[1]["data"]["registration_datetime"] == "2025-03-10T09:30:00+08:00"
    assert sent[2]["data"]["registration_datetime"] == "2025-05-02T11:00:00+08:00"
    assert len(harness.store("products")) == 1
    assert len(harness.store("event_registrations")) == 1
    assert len(harness.store("product_guarantees")) == 1


def test_events(harness: Harness) -> None:
    async def flow(c: Any) -> None:
        await aw(
            c.events.track(
                client_id="web.1",
                hit_type="pageview",
                data_source="web",
                products=[{"id": "SKU-1", "name": "Shirt"}],
            )
        )
        await aw(
            c.events.track(
                {
                    "client_id": "web.2",
                    "hit_type": "event",
                    "data_source": "web",
                    "event_action": "BookTestDrive",
                    "event_value": "x",
                }
            )
        )
        model = TrackEventRequest.from_dict(
            {
                "client_id": "app.3",
                "tid": "",
                "hit_type": "pageview",
                "data_source": "app",
                "version": "2.0.4",
            }
        )
        await aw(c.events.track(model))

    harness.run(harness.client(), flow)
    sent = [r["body"] for r in harness.api_requests()]
    assert all(body["version"] == "2.0.4" for body in sent)
    assert all(body["tid"] for body in sent)
    assert len(harness.store("events")) == 3


def test_too_many_tracked_products() -> None:
    with (
        OmniSegment("k", "OA-1", rate_limit=RateLimits.disabled()) as client,
        pytest.raises(ValueError, match="at most 30"),
    ):
        client.events.track(
            client_id="c",
            hit_type="pageview",
            data_source="web",
            products=[{"id": str(n), "name": "n"} for n in range(31)],
        )


def test_interaction_and_tracking_reports(harness: Harness, tmp_path: Any) -> None:
    target = tmp_path / "interaction.jsonl"

    async def flow(c: Any) -> None:
        created = await aw(c.reports.interaction.create("May", TODAY - dt.timedelta(days=7), TODAY))
        assert isinstance(created, ReportCreated) and created.report_id > 0
        listed = await aw(c.reports.interaction.list())
        assert created.report_id in [r.report_id for r in listed]
        detail = await aw(c.reports.interaction.wait(created))
        assert isinstance(detail, ReportDetail) and detail.status == ReportStatus.SUCCESS
        assert isinstance(await aw(c.reports.interaction.get(created.report_id)), ReportDetail)
        data = await aw(c.reports.interaction.download(detail, target))
        assert isinstance(data, bytes)
        tracking = await aw(
            c.reports.tracking_events.create(
                "beacon", str(TODAY - dt.timedelta(days=3)), TODAY, include_event_raw_data=True
            )
        )
        done = await aw(c.reports.tracking_events.wait(tracking.report_id))
        assert done.status == ReportStatus.SUCCESS
        assert await aw(c.reports.tracking_events.list())
        assert isinstance(await aw(c.reports.tracking_events.download(done)), bytes)
        with pytest.raises(BadRequestError, match="Report not found"):
            await aw(c.reports.tracking_events.get(987654))

    harness.run(harness.client(), flow)
    assert target.exists()
    create = [r for r in harness.api_requests() if r["operation_id"] == "create_interaction_report"]
    assert create[0]["body"]["start_date"] == str(TODAY - dt.timedelta(days=7))


def test_interactive_audiences_report(harness: Harness) -> None:
    start, end = TODAY - dt.timedelta(days=5), TODAY - dt.timedelta(days=1)

    async def flow(c: Any) -> None:
        assert await aw(c.reports.interactive_audiences.create(start, end)) is None
        found = await aw(c.reports.interactive_audiences.wait(start, end))
        assert isinstance(found, InteractiveAudiencesReport)
        assert (found.start_date, found.end_date) == (str(start), str(end))
        assert await aw(c.reports.interactive_audiences.list())
        if found.file_url not in (None, UNSET):
            assert isinstance(await aw(c.reports.interactive_audiences.download(found)), bytes)

    harness.run(harness.client(), flow)


def test_market_report_and_mapping(harness: Harness) -> None:
    async def flow(c: Any) -> None:
        report = await aw(c.reports.market(dt.date(2025, 2, 1), "2025-2-28"))
        assert isinstance(report, MarketReport)
        assert report.email.total_send >= 0
        await aw(
            c.audience_mappings.create(
                source_id="CRM-1", source_system="CRM", mapping_key="phone", value="+886955123456"
            )
        )
        await aw(
            c.audience_mappings.create(
                {
                    "source_id": "POS-1",
                    "source_system": "POS",
                    "mapping_key": "email",
                    "email": "a@example.org",
                }
            )
        )

    harness.run(harness.client(), flow)
    sent = [r["body"] for r in harness.api_requests()]
    assert sent[0]["data"] == {"start_date": "2025-02-01", "end_date": "2025-02-28"}
    assert sent[1]["phone"] == "+886955123456"
    assert len(harness.store("audience_mappings")) == 2


def test_low_level_request(harness: Harness) -> None:
    async def flow(c: Any) -> None:
        payload = await aw(c.request("import_audience", json={"data": {"member_sn": "L-1"}}))
        assert payload == {"status": "OK", "error_msg": ""}
        created = await aw(
            c.request(
                "create_interaction_report",
                json={
                    "report_name": "x",
                    "start_date": TODAY - dt.timedelta(days=2),
                    "end_date": TODAY,
                },
            )
        )
        detail = await aw(
            c.request("get_interaction_report", path_params={"id": created["report_id"]})
        )
        assert detail["report_name"] == "x"
        assert isinstance(await aw(c.request("list_interaction_reports")), list)

    harness.run(harness.client(), flow)


def test_invalid_input_is_a_bad_request(harness: Harness) -> None:
    client = harness.client()
    with pytest.raises(BadRequestError, match="datetime"):
        harness.run(client, lambda c: c.purchases.import_one({"member_sn": "M"}))
    with pytest.raises(BadRequestError, match="merge_key"):
        harness.run(
            harness.client(), lambda c: c.audiences.import_one({"member_sn": "M"}, merge_key="x")
        )
    assert [r["status"] for r in harness.api_requests()] == [400, 400]
    assert harness.clock.sleeps == []


@pytest.mark.parametrize("cls", [OmniSegment, AsyncOmniSegment])
def test_every_operation_has_a_facade(cls: type[Any]) -> None:
    client = cls("k", "OA-1", rate_limit=RateLimits.disabled())
    found: dict[str, list[str]] = {}
    resources = [
        client.audiences,
        client.purchases,
        client.gift_vouchers,
        client.products,
        client.event_registrations,
        client.product_guarantees,
        client.events,
        client.reports,
        client.reports.interaction,
        client.reports.tracking_events,
        client.reports.interactive_audiences,
        client.audience_mappings,
    ]
    for resource in resources:
        for name, method in inspect.getmembers(resource, inspect.ismethod):
            op_id = getattr(method, "operation_id", None)
            if op_id:
                found.setdefault(op_id, []).append(name)
                assert (cls is AsyncOmniSegment) == inspect.iscoroutinefunction(method), name
    assert set(found) == {op.operation_id for op in default_table()}
    assert client.audiences.import_one.operation_id == "import_audience"
    assert client.reports.tracking_events.list.operation_id == "list_tracking_event_reports"
