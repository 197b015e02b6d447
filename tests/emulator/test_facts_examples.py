"""Every valid request example of the API facts is accepted; every documented rejected form
is refused with 400. The payloads restate the facts' examples (tid/api_key are swapped for
the emulator's credentials; the interactive-audiences dates are moved into the last 30 days,
as that rule requires)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from emulator_support import (
    AUDIENCE,
    BATCH_AUDIENCES,
    BATCH_PURCHASES,
    BATCH_VOUCHERS,
    GUARANTEE,
    INTERACTION,
    INTERACTIVE,
    MAPPING,
    MARKET,
    PRODUCT,
    PURCHASE,
    REGISTRATION,
    TRACK,
    TRACKING,
    VOUCHERS,
    Api,
)

AUDIENCE_FULL = {
    "merge_key": "member_sn",
    "tag_mode": "append",
    "ignore_empty_value": True,
    "data": {
        "member_sn": "M-100231", "first_name": "Mei-Ling", "last_name": "Chen",
        "email": "meiling.chen@example.org", "phone": "+886955123456", "sex": "female",
        "birthday": "1988-11-23", "register_date": "2023-02-14T10:05:00+08:00",
        "register_type": "web", "member_level": "gold",
        "line_id": "U0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "fcm_tokens": [{"token": "fcm-ios-7c1d", "active": True, "type": "ios"}],
        "is_subscriber": True, "is_subscriber_sms": False, "is_subscriber_line": True,
        "is_subscriber_pn": True, "is_headless_account": False, "tags": "vip,newsletter",
        "iso_code": "TW", "city": "Kaohsiung", "country": "Taiwan", "zip_code": "802",
        "address": "No. 8, Example Rd., Lingya Dist., Kaohsiung",
        "email_channels": [{"name": "weekly_news", "subscription_status": True}],
        "line_channels": [{"name": "main_oa", "subscription_status": False}],
        "membership_expire_at": "2026-12-31T23:59:59+08:00", "point_balance": "320.50",
        "credit_balance": "0", "favourite_store": "Kaohsiung Flagship",
    },
}  # fmt: skip
ORDER_MIN = {
    "member_sn": "M-100231",
    "datetime": "2025-03-02T14:20:00+08:00",
    "transaction_id": "ORD-77810",
    "transaction_revenue": 1280,
}
PURCHASE_FULL = {
    "is_anonymous": False,
    "debug_mode": 1,
    "data": {
        "member_sn": "M-100231", "datetime": "2025-03-02T14:20:00+0800",
        "transaction_id": "ORD-77811", "transaction_revenue": 2360.5,
        "transaction_status": "PAID", "quantities": 3,
        "products": {"default": "SKU-48213,SKU-50077", "ERP": "ERP-9917,ERP-9920"},
        "products_name": "Linen Shirt,Canvas Tote", "products_quantity": "2,1",
        "physical_store_name": "Taichung Outlet",
        "shipping_address": {
            "address1": "No. 12, Sample St.", "address2": None, "city": "Taichung",
            "company": "Black Cat Logistics", "country": "Taiwan", "country_code": "TW",
            "province": "Taichung City", "zip": "403",
        },
        "voucher": [{"voucher_name": "spring_credit_100"}], "coupon": "SPRING-10OFF",
        "source": "Instagram", "device": "IPHONE",
        "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)",
        "gift_wrap": "yes",
    },
}  # fmt: skip
VOUCHER_MIN = {
    "voucher_id": "GV-2025-0001", "member_sn": "M-100231", "voucher_type": "anniversary_credit",
    "amount": 300, "valid_from": "2025-04-01", "valid_util": "2025-06-30",
}  # fmt: skip
VOUCHER_FULL = {
    "site": "tw-online",
    "data": {
        "voucher_id": "GV-2025-0002", "source_id": "CRM-55120", "source_system": "CRM",
        "voucher_type": "vip_welcome", "amount": 500, "valid_from": "2025-04-01 00:00:00+08",
        "valid_util": "2025-09-30T23:59:59+08", "is_redeemed": False, "category": "coupon",
        "custom_fields": {"issued_by": "store-team"},
    },
}  # fmt: skip
VOUCHER_LIST = [
    {"voucher_id": "GV-2025-0102", "email": "meiling.chen@example.org",
     "voucher_type": "spring_credit", "amount": 100, "valid_from": "2025-03-01 00:00:00",
     "valid_util": "2025-05-31 23:59:59+08", "is_redeemed": False, "category": "giftvoucher"},
    {"voucher_id": "GV-2025-0103", "email": "k.lin@example.org", "voucher_type": "birthday_points",
     "amount": 250, "valid_from": "2025-03-01", "valid_util": "2025-12-31", "is_redeemed": True,
     "category": "coupon", "custom_fields": {"issued_by": "crm-sync"}},
]  # fmt: skip
PRODUCT_MIN = {
    "id": "SKU-48213", "title": "Linen Summer Shirt",
    "link": "https://shop.example.org/p/sku-48213", "availability": "in stock",
    "image_link": "https://cdn.example.org/img/sku-48213.jpg", "price": "1490 TWD",
}  # fmt: skip
PRODUCT_FULL = {
    **PRODUCT_MIN,
    "id": {"default": "SKU-48213", "ERP": "ERP-9917"}, "availability": "preorder",
    "sale_price": "1190 TWD",
    "sale_price_effective_date": "2025-06-01T00:00:00+08:00/2025-06-30T23:59:59+08:00",
    "brand": "Harbor & Pine", "product_type": "apparel/men/shirts>summer",
    "item_group_id": "GRP-LINEN-SHIRT",
    "additional_image_link": [
        {"name": "back", "link": "https://cdn.example.org/img/sku-48213-back.jpg"},
        {"name": "detail", "link": "https://cdn.example.org/img/sku-48213-detail.jpg"},
    ],
    "customfield_ignore_empty_value": False, "fabric": "linen",
}  # fmt: skip
REGISTRATION_MIN = {
    "event_id": "EVT-2025-031", "member_sn": "M-100231", "event_name": "Spring Tasting Workshop",
    "registration_datetime": "2025-03-10T09:30:00+08:00",
}  # fmt: skip
REGISTRATION_FULL = {
    **REGISTRATION_MIN,
    "products": {"default": ["GRP-TEA-01", "GRP-TEA-02"], "sku": ["TEA-01-250G", "TEA-02-100G"]},
    "purchase_datetime": "2025-03-09T20:15:00+08:00", "purchase_source": "online_store",
    "purchase_city": "Tainan", "delivery_address": "No. 3, Example Ln., West Central Dist., Tainan",
    "is_available": True, "event_start_datetime": "2025-04-05T14:00:00+08:00",
    "event_end_datetime": "2025-04-05T17:00:00+08:00",
}  # fmt: skip
GUARANTEE_MIN = {
    "warranty_id": "W-778120", "member_sn": "M-100231", "product": {"sku": "KETTLE-X2-WHT"},
    "registration_datetime": "2025-05-02T11:00:00+08:00",
    "purchase_datetime": "2025-04-28T16:45:00+08:00",
}  # fmt: skip
GUARANTEE_FULL = {
    **GUARANTEE_MIN,
    "warranty_id": "W-778121", "product": {"default": "GRP-KETTLE-X2", "sku": "KETTLE-X2-WHT"},
    "warranty_name": "2-year standard", "purchase_source": "department_store",
    "purchase_city": "Hsinchu", "purchase_receipt": "https://files.example.org/receipts/W-778121.png",
    "product_quantity": 1, "is_available": True,
    "warranty_start_datetime": "2025-04-28T00:00:00+08:00",
    "warranty_end_datetime": "2027-04-27T23:59:59+08:00",
}  # fmt: skip
EVENT_MIN = {
    "client_id": "web.5521837.1719990011", "data_source": "web", "version": "2.0.4",
    "hit_type": "pageview", "products": [{"id": "SKU-48213", "name": "Linen Summer Shirt"}],
}  # fmt: skip
EVENT_FULL = {
    "client_id": "6B1F0C9E-2D47-4C55-9E0A-7F3B2A1D8C44", "uid": "M-100231", "data_source": "app",
    "version": "2.0.4", "hit_type": "event", "event_action": "Purchase",
    "event_category": "Ecommerce", "transaction_id": "ORD-77811", "transaction_revenue": 2980,
    "transaction_tax": 142, "transaction_shipping": 60, "transaction_couponcode": "SPRING-10OFF",
    "currency_code": "TWD", "document_location": "app://checkout/complete?order=ORD-77811",
    "document_title": "Order complete", "app_id": "org.example.shop", "app_version": "4.2.0",
    "app_name": "Example Shop",
    "products": [
        {"id": "SKU-48213", "name": "Linen Summer Shirt", "quantity": "2", "price": 1190,
         "brand": "Harbor & Pine", "category": "shirts",
         "variant": "{\"color\": \"navy\", \"size\": \"L\"}", "sku": "SKU-48213-NV-L"},
        {"id": "SKU-50077", "name": "Canvas Tote", "quantity": "1", "price": 600},
    ],
}  # fmt: skip
EVENT_CUSTOM = {
    "client_id": "web.5521837.1719990011", "data_source": "web", "version": "2.0.4",
    "hit_type": "event", "event_action": "BookTestDrive",
    "event_value": (
        "{\"model\": \"EV-3\", \"branch\": \"Taoyuan\", "
        "\"slot\": \"2025-05-10T10:00:00+08:00\"}"
    ),
}  # fmt: skip


def _recent(days: int) -> str:
    return (datetime.now(UTC).date() - timedelta(days=days)).isoformat()


# (kind, path, body): kind "body" = body auth; "header" = header key + tid in the query;
# "event" = header key + tid in the body.
# fmt: off
VALID: list[tuple[str, str, str, dict[str, Any]]] = [
    ("audience minimal", "body", AUDIENCE, {"data": {"member_sn": "M-100231"}}),
    ("audience full", "body", AUDIENCE, AUDIENCE_FULL),
    ("purchase minimal", "body", PURCHASE, {"data": ORDER_MIN}),
    ("purchase full", "body", PURCHASE, PURCHASE_FULL),
    ("voucher minimal", "body", VOUCHERS, {"data": VOUCHER_MIN}),
    ("voucher full", "body", VOUCHERS, VOUCHER_FULL),
    ("voucher array", "body", VOUCHERS, {"site": "tw-online", "identifier_field": "email",
                                         "data": VOUCHER_LIST}),
    ("product minimal", "body", PRODUCT, {"data": PRODUCT_MIN}),
    ("product full", "body", PRODUCT, {"site": "tw-online", "data": PRODUCT_FULL}),
    ("registration minimal", "body", REGISTRATION, {"data": REGISTRATION_MIN}),
    ("registration full", "body", REGISTRATION, {"data": REGISTRATION_FULL}),
    ("guarantee minimal", "body", GUARANTEE, {"data": GUARANTEE_MIN}),
    ("guarantee full", "body", GUARANTEE, {"data": GUARANTEE_FULL}),
    ("market report", "body", MARKET, {"data": {"start_date": "2025-02-01",
                                                "end_date": "2025-02-28"}}),
    ("market report unpadded", "body", MARKET, {"data": {"start_date": "2021-3-1",
                                                         "end_date": "2021-3-31"}}),
    ("event minimal", "event", TRACK, EVENT_MIN),
    ("event full", "event", TRACK, EVENT_FULL),
    ("event custom", "event", TRACK, EVENT_CUSTOM),
    ("interaction report", "header", INTERACTION, {"report_name": "2025-05 interactions",
                                                   "start_date": "2025-05-01",
                                                   "end_date": "2025-05-31"}),
    ("tracking report minimal", "header", TRACKING, {"report_name": "beacon-2025-04",
                                                     "start_date": "2025-04-01",
                                                     "end_date": "2025-04-30"}),
    ("tracking report full", "header", TRACKING, {"report_name": "beacon-2025-04-raw",
                                                  "start_date": "2025-04-01",
                                                  "end_date": "2025-04-30",
                                                  "include_anonymous_user": True,
                                                  "include_event_raw_data": True}),
    ("batch audiences minimal", "body", BATCH_AUDIENCES,
     {"data": [{"member_sn": "M-100231"}, {"member_sn": "M-100232"}]}),
    ("batch audiences full", "body", BATCH_AUDIENCES, {
        "merge_key": "email", "tag_mode": "replace", "ignore_empty_value": True,
        "custom_fields_identifier_field": {"coupon_wallet": "coupon_code"},
        "data": [
            {"email": "meiling.chen@example.org", "member_level": "gold",
             "tags": "vip,spring_campaign", "is_subscriber": True,
             "coupon_wallet": [{"coupon_code": "SPR25",
                                "coupon_expire": "2025-05-31T23:59:59+08:00"}]},
            {"email": "k.lin@example.org", "member_level": "silver", "tags": "spring_campaign",
             "point_balance": "75"},
        ]}),
    ("batch purchases minimal", "body", BATCH_PURCHASES, {"data": [
        {"member_sn": "M-100231", "datetime": "2025-03-02T14:20:00+08:00",
         "transaction_id": "ORD-77812", "transaction_revenue": 450}]}),
    ("batch purchases full", "body", BATCH_PURCHASES, {"identifier_field": "phone", "data": [
        {"phone": "+886955123456", "datetime": "2025-03-03T09:10:00+08:00",
         "transaction_id": "POS-20250303-0001", "transaction_revenue": 880,
         "transaction_status": "SUCCESS", "quantities": 2, "products": "SKU-50077,SKU-60110",
         "products_quantity": "1,1", "physical_store_name": "Taichung Outlet", "device": "PC"},
        {"phone": "+886933000111", "datetime": "2025-03-03T11:42:00+08:00",
         "transaction_id": "POS-20250303-0002", "transaction_revenue": 1490,
         "transaction_status": "REFUND", "products": {"ERP": "ERP-9917"},
         "products_quantity": "1"}]}),
    ("v2 vouchers minimal", "body", BATCH_VOUCHERS, {"data_list": [
        {"voucher_id": "GV-2025-0101", "member_sn": "M-100231", "voucher_type": "spring_credit",
         "amount": 100, "valid_from": "2025-03-01", "valid_util": "2025-05-31"}]}),
    ("v2 vouchers full", "body", BATCH_VOUCHERS, {"site": "tw-online", "identifier_field": "email",
                                                  "data_list": VOUCHER_LIST}),
    ("mapping minimal", "header", MAPPING, {"source_id": "CRM-55120", "source_system": "CRM",
                                            "mapping_key": "phone", "phone": "+886955123456"}),
    ("mapping full", "header", MAPPING, {"source_id": "POS-000981", "source_system": "POS",
                                         "mapping_key": "email", "email": "k.lin@example.org"}),
    ("interactive audiences", "header", INTERACTIVE, {"start_date": _recent(20),
                                                      "end_date": _recent(1)}),
]
# fmt: on


def _send(api: Api, kind: str, path: str, body: dict[str, Any]) -> Any:
    if kind == "body":
        return api.body(path, **copy.deepcopy(body))
    return api.header("POST", path, json=copy.deepcopy(body), tid_in_body=kind == "event")


@pytest.mark.parametrize(("name", "kind", "path", "body"), VALID, ids=[v[0] for v in VALID])
def test_valid_examples_are_accepted(
    api: Api, name: str, kind: str, path: str, body: dict[str, Any]
) -> None:
    api.ok(_send(api, kind, path, body))


def test_list_and_get_examples(api: Api) -> None:
    for path in (INTERACTION, TRACKING):
        created = api.ok(_send(api, "header", path, {"report_name": "r", "start_date": "2025-05-01",
                                                      "end_date": "2025-05-31"}))  # fmt: skip
        assert isinstance(api.ok(api.header("GET", path)), list)
        detail = api.ok(api.header("GET", f"{path}{created['report_id']}/"))
        assert detail["report_name"] == "r"
    assert api.ok(api.header("GET", INTERACTIVE)) == []


def _with(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(base), **changes}


def _voucher_dates(value: str) -> dict[str, Any]:
    return {"data": _with(VOUCHER_MIN, valid_from=value)}


# fmt: off
REJECTED: list[tuple[str, str, str, dict[str, Any], str]] = [
    ("missing data", "body", AUDIENCE, {}, "data"),
    ("merge key field missing", "body", AUDIENCE, {"merge_key": "email",
                                                   "data": {"member_sn": "M-1"}}, "data.email"),
    ("sex not in enum", "body", AUDIENCE, {"data": {"member_sn": "M", "sex": "other"}}, "data.sex"),
    ("birthday format", "body", AUDIENCE, {"data": {"member_sn": "M", "birthday": "23/11/1988"}},
     "data.birthday"),
    ("balance with 3 decimals", "body", AUDIENCE, {"data": {"member_sn": "M",
                                                            "point_balance": "1.234"}},
     "data.point_balance"),
    ("fcm token without token", "body", AUDIENCE, {"data": {"member_sn": "M",
                                                            "fcm_tokens": [{"type": "ios"}]}},
     "data.fcm_tokens[0].token"),
    ("batch over 50 audiences", "body", BATCH_AUDIENCES,
     {"data": [{"member_sn": f"M-{i}"} for i in range(51)]}, "exceeds 50"),
    ("batch merge key source_id", "body", BATCH_AUDIENCES,
     {"merge_key": "source_id", "data": [{"source_id": "S", "source_system": "CRM"}]},
     "merge_key"),
    ("purchase without transaction_id", "body", PURCHASE,
     {"data": {k: v for k, v in ORDER_MIN.items() if k != "transaction_id"}}, "transaction_id"),
    ("purchase bad status", "body", PURCHASE, {"data": _with(ORDER_MIN, transaction_status="OK")},
     "data.transaction_status"),
    ("purchase bad device", "body", PURCHASE, {"data": _with(ORDER_MIN, device="TV")},
     "data.device"),
    ("purchase bad products_quantity", "body", PURCHASE,
     {"data": _with(ORDER_MIN, products="A,B", products_quantity="1,two")}, "products_quantity"),
    ("purchase identity with debug_mode 1", "body", PURCHASE,
     {"debug_mode": 1, "data": {k: v for k, v in ORDER_MIN.items() if k != "member_sn"}},
     "member_sn"),
    ("batch over 50 purchases", "body", BATCH_PURCHASES,
     {"data": [_with(ORDER_MIN, transaction_id=f"O-{i}") for i in range(51)]}, "exceeds 50"),
    ("voucher date without separator", "body", VOUCHERS, _voucher_dates("2024-05-0112:00:00"),
     "valid_from"),
    ("voucher date+zone without separator", "body", VOUCHERS,
     _voucher_dates("2024-05-0112:00:00+08"), "valid_from"),
    ("voucher date with dash separator", "body", VOUCHERS, _voucher_dates("2024-05-01-12:00:00"),
     "valid_from"),
    ("voucher date+zone with dash separator", "body", VOUCHERS,
     _voucher_dates("2024-05-01-12:00:00+08"), "valid_from"),
    ("voucher amount not integer", "body", VOUCHERS, {"data": _with(VOUCHER_MIN, amount=1.5)},
     "amount"),
    ("over 100 vouchers", "body", VOUCHERS,
     {"data": [_with(VOUCHER_MIN, voucher_id=f"V-{i}") for i in range(101)]}, "exceeds 100"),
    ("v2 over 100 vouchers", "body", BATCH_VOUCHERS,
     {"data_list": [_with(VOUCHER_MIN, voucher_id=f"V-{i}") for i in range(101)]},
     "exceeds 100"),
    ("v2 voucher under data", "body", BATCH_VOUCHERS, {"data": [VOUCHER_MIN]}, "data_list"),
    ("product link not http", "body", PRODUCT, {"data": _with(PRODUCT_MIN, link="shop/p/1")},
     "data.link"),
    ("product without price", "body", PRODUCT,
     {"data": {k: v for k, v in PRODUCT_MIN.items() if k != "price"}}, "data.price"),
    ("registration without offset", "body", REGISTRATION,
     {"data": _with(REGISTRATION_MIN, registration_datetime="2025-03-10T09:30:00")},
     "registration_datetime"),
    ("registration start without end", "body", REGISTRATION,
     {"data": _with(REGISTRATION_MIN, event_start_datetime="2025-04-05T14:00:00+08:00")},
     "event_end_datetime"),
    ("registration end before start", "body", REGISTRATION,
     {"data": _with(REGISTRATION_MIN, event_start_datetime="2025-04-05T17:00:00+08:00",
                    event_end_datetime="2025-04-05T14:00:00+08:00")}, "later than"),
    ("registration products of different length", "body", REGISTRATION,
     {"data": _with(REGISTRATION_MIN, products={"default": ["G1"], "sku": ["S1", "S2"]})},
     "data.products"),
    ("guarantee without product", "body", GUARANTEE,
     {"data": {k: v for k, v in GUARANTEE_MIN.items() if k != "product"}}, "data.product"),
    ("guarantee end before start", "body", GUARANTEE,
     {"data": _with(GUARANTEE_MIN, warranty_start_datetime="2027-01-01T00:00:00+08:00",
                    warranty_end_datetime="2025-01-01T00:00:00+08:00")}, "later than"),
    ("market report bad date", "body", MARKET,
     {"data": {"start_date": "2025/02/01", "end_date": "2025-02-28"}}, "data.start_date"),
    ("event without client_id", "event", TRACK,
     {k: v for k, v in EVENT_MIN.items() if k != "client_id"}, "client_id"),
    ("event without hit_type", "event", TRACK,
     {k: v for k, v in EVENT_MIN.items() if k != "hit_type"}, "hit_type"),
    ("event with 31 products", "event", TRACK,
     _with(EVENT_MIN, products=[{"id": f"S-{i}", "name": "n"} for i in range(31)]), "products"),
    ("interaction range over 31 days", "header", INTERACTION,
     {"report_name": "r", "start_date": "2025-05-01", "end_date": "2025-06-01"}, "31 days"),
    ("tracking range over 31 days", "header", TRACKING,
     {"report_name": "r", "start_date": "2025-04-01", "end_date": "2025-05-15"}, "31 days"),
    ("report date format", "header", INTERACTION,
     {"report_name": "r", "start_date": "2025-5-1", "end_date": "2025-05-31"}, "start_date"),
    ("interactive older than 30 days", "header", INTERACTIVE,
     {"start_date": "2025-05-01", "end_date": "2025-05-20"}, "last 30 days"),
    ("mapping without mapping_key", "header", MAPPING,
     {"source_id": "S", "source_system": "CRM", "phone": "1"}, "mapping_key"),
    ("mapping key field missing", "header", MAPPING,
     {"source_id": "S", "source_system": "CRM", "mapping_key": "line_id"}, "line_id"),
]
# fmt: on


@pytest.mark.parametrize(
    ("name", "kind", "path", "body", "mentions"), REJECTED, ids=[r[0] for r in REJECTED]
)
def test_documented_rejections_are_400(
    api: Api, name: str, kind: str, path: str, body: dict[str, Any], mentions: str
) -> None:
    message = api.error(_send(api, kind, path, body), 400)
    assert mentions in message
    assert api.emu.api_key not in message


def test_unknown_report_ids_are_400(api: Api) -> None:
    for path in (INTERACTION, TRACKING):
        # The second id is valid for the spec but beyond what SQLite can store.
        for report_id in (424242, 2**70):
            assert (
                api.error(api.header("GET", f"{path}{report_id}/"), 400)
                == "Input Error: Report not found"
            )
