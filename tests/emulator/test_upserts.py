"""Upsert rules of every import operation, over real HTTP."""

from __future__ import annotations

from typing import Any

from emulator_support import (
    AUDIENCE,
    BATCH_AUDIENCES,
    BATCH_PURCHASES,
    BATCH_VOUCHERS,
    GUARANTEE,
    MAPPING,
    PRODUCT,
    PURCHASE,
    REGISTRATION,
    TRACK,
    VOUCHERS,
    Api,
)


def _one(api: Api, collection: str) -> dict[str, Any]:
    records = api.store(collection)
    assert len(records) == 1, records
    record: dict[str, Any] = records[0]
    return record


# ----------------------------------------------------------------- audiences


def test_audience_upsert_by_member_sn(api: Api) -> None:
    payload = api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "name": "Mei", "city": "Tainan"}))
    assert payload == {"status": "OK", "error_msg": ""}
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "city": "Taichung"}))
    assert _one(api, "audiences") == {"member_sn": "M-1", "name": "Mei", "city": "Taichung"}


def test_audience_merge_key_email_finds_the_profile(api: Api) -> None:
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "email": "a@example.org"}))
    api.ok(api.body(AUDIENCE, merge_key="email", data={"email": "a@example.org", "city": "X"}))
    assert _one(api, "audiences")["city"] == "X"


def test_audience_other_merge_keys(api: Api) -> None:
    for key, value in (("phone", "+886900"), ("line_id", "U1"), ("messenger_psid", "P1")):
        api.ok(api.body(AUDIENCE, merge_key=key, data={key: value}))
        api.ok(api.body(AUDIENCE, merge_key=key, data={key: value, "member_level": key}))
    records = api.store("audiences")
    assert sorted(r["member_level"] for r in records) == ["line_id", "messenger_psid", "phone"]


def test_audience_merge_key_field_is_required(api: Api) -> None:
    message = api.error(api.body(AUDIENCE, merge_key="email", data={"member_sn": "M-1"}), 400)
    assert message.startswith("Input Error: data.email:")
    assert api.store("audiences") == []


def test_tag_mode_append_and_replace(api: Api) -> None:
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "tags": "vip,news"}))
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "tags": "news,spring"}))
    assert _one(api, "audiences")["tags"] == ["vip", "news", "spring"]
    api.ok(api.body(AUDIENCE, tag_mode="append", data={"member_sn": "M-1", "tags": "x"}))
    assert _one(api, "audiences")["tags"] == ["vip", "news", "spring", "x"]
    api.ok(api.body(AUDIENCE, tag_mode="replace", data={"member_sn": "M-1", "tags": "solo"}))
    assert _one(api, "audiences")["tags"] == ["solo"]


def test_ignore_empty_value_true_keeps_values_but_none_clears(api: Api) -> None:
    api.ok(
        api.body(AUDIENCE, data={"member_sn": "M-1", "city": "A", "zip_code": "1", "phone": "9"})
    )
    api.ok(
        api.body(
            AUDIENCE,
            ignore_empty_value=True,
            data={"member_sn": "M-1", "city": "", "zip_code": None, "phone": "none"},
        )
    )
    record = _one(api, "audiences")
    assert record["city"] == "A" and record["zip_code"] == "1" and "phone" not in record


def test_ignore_empty_value_false_clears_everything(api: Api) -> None:
    api.ok(
        api.body(AUDIENCE, data={"member_sn": "M-1", "city": "A", "zip_code": "1", "phone": "9"})
    )
    api.ok(
        api.body(
            AUDIENCE,
            ignore_empty_value=False,
            data={"member_sn": "M-1", "city": "", "zip_code": None, "phone": "none"},
        )
    )
    assert _one(api, "audiences") == {"member_sn": "M-1"}
    # The default is false.
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "city": "B"}))
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "city": ""}))
    assert "city" not in _one(api, "audiences")


def test_fcm_tokens_and_channels_merge_by_key(api: Api) -> None:
    api.ok(
        api.body(
            AUDIENCE,
            data={
                "member_sn": "M-1",
                "fcm_tokens": [{"token": "t1", "type": "ios"}],
                "email_channels": [{"name": "news", "subscription_status": True}],
            },
        )
    )
    api.ok(
        api.body(
            AUDIENCE,
            data={
                "member_sn": "M-1",
                "fcm_tokens": [{"token": "t1", "active": False}, {"token": "t2"}],
                "email_channels": [{"name": "news", "subscription_status": False}],
            },
        )
    )
    record = _one(api, "audiences")
    assert record["fcm_tokens"] == [
        {"token": "t1", "type": "ios", "active": False},
        {"token": "t2"},
    ]
    assert record["email_channels"] == [{"name": "news", "subscription_status": False}]


def test_batch_audiences_apply_rules_per_item(api: Api) -> None:
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "tags": "a"}))
    payload = api.ok(
        api.body(
            BATCH_AUDIENCES,
            tag_mode="replace",
            custom_fields_identifier_field={"wallet": "code"},
            data=[
                {"member_sn": "M-1", "tags": "b", "wallet": [{"code": "C1", "left": "1"}]},
                {"member_sn": "M-2", "tags": "c"},
            ],
        )
    )
    assert payload is None
    api.ok(
        api.body(
            BATCH_AUDIENCES,
            data=[{"member_sn": "M-1", "wallet": [{"code": "C1", "left": "0"}, {"code": "C2"}]}],
        )
    )
    records = {r["member_sn"]: r for r in api.store("audiences")}
    assert records["M-1"]["tags"] == ["b"] and records["M-2"]["tags"] == ["c"]
    assert records["M-1"]["wallet"] == [{"code": "C1", "left": "0"}, {"code": "C2"}]


def test_batch_audiences_are_all_or_nothing(api: Api) -> None:
    response = api.body(BATCH_AUDIENCES, merge_key="email", data=[{"email": "a@x"}, {"phone": "1"}])
    assert api.error(response, 400).startswith("Input Error: data[1].email:")
    assert api.store("audiences") == []


def test_batch_limit_is_50(api: Api) -> None:
    items = [{"member_sn": f"M-{i}"} for i in range(51)]
    message = api.error(api.body(BATCH_AUDIENCES, data=items), 400)
    assert message == "Input Error: size of batch import exceeds 50"
    api.ok(api.body(BATCH_AUDIENCES, data=items[:50]))
    assert len(api.store("audiences")) == 50


# ----------------------------------------------------------------- mappings


def test_mapping_creates_headless_profile_then_member_merges(api: Api) -> None:
    api.ok(
        api.header(
            "POST",
            MAPPING,
            json={
                "source_id": "CRM-1",
                "source_system": "CRM",
                "mapping_key": "phone",
                "phone": "+886955",
            },
        )
    )
    assert _one(api, "audiences") == {"phone": "+886955", "is_headless_account": True}
    mapping = _one(api, "audience_mappings")
    assert mapping["source_id"] == "CRM-1" and mapping["mapping_key"] == "phone"
    # A member with the same phone arrives: the headless profile becomes that member.
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-9", "phone": "+886955"}))
    record = _one(api, "audiences")
    assert record["member_sn"] == "M-9" and record["is_headless_account"] is False
    # source_id now resolves to that profile.
    api.ok(
        api.body(
            AUDIENCE,
            merge_key="source_id",
            data={"source_id": "CRM-1", "source_system": "CRM", "city": "Hsinchu"},
        )
    )
    assert _one(api, "audiences")["city"] == "Hsinchu"


def test_member_sn_mapping_before_the_member_exists(api: Api) -> None:
    mapping = {"source_id": "CRM-2", "source_system": "CRM", "mapping_key": "member_sn",
               "member_sn": "M-7"}  # fmt: skip
    api.ok(api.header("POST", MAPPING, json=mapping))
    assert api.store("audiences") == []  # no headless profile for a member_sn mapping
    source = {"source_id": "CRM-2", "source_system": "CRM"}
    api.ok(api.body(AUDIENCE, merge_key="source_id", data={**source, "city": "Tainan"}))
    # The profile created through the mapping is the mapped member's, and the mapping
    # keeps its member_sn.
    assert _one(api, "audience_mappings")["member_sn"] == "M-7"
    assert _one(api, "audiences") == {**source, "member_sn": "M-7", "city": "Tainan"}
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-7", "name": "Kai"}))
    assert _one(api, "audiences")["name"] == "Kai"


def test_mapping_upserts_by_system_and_source_id(api: Api) -> None:
    for value in ("a@x", "b@x"):
        api.ok(
            api.header(
                "POST",
                MAPPING,
                json={
                    "source_id": "S",
                    "source_system": "POS",
                    "mapping_key": "email",
                    "email": value,
                },
            )
        )
    assert _one(api, "audience_mappings")["email"] == "b@x"


def test_mapping_needs_the_mapping_key_field(api: Api) -> None:
    body = {"source_id": "S", "source_system": "POS", "mapping_key": "email", "phone": "1"}
    assert "email" in api.error(api.header("POST", MAPPING, json=body), 400)


def test_unknown_source_id_creates_a_profile_and_mapping(api: Api) -> None:
    data = {"source_id": "ERP-7", "source_system": "ERP", "name": "N"}
    api.ok(api.body(AUDIENCE, merge_key="source_id", data=data))
    api.ok(api.body(AUDIENCE, merge_key="source_id", data={**data, "name": "M"}))
    assert _one(api, "audiences")["name"] == "M"
    assert _one(api, "audience_mappings")["source_system"] == "ERP"


# ----------------------------------------------------------------- purchases

ORDER = {
    "member_sn": "M-1",
    "datetime": "2025-03-02T14:20:00+0800",
    "transaction_id": "ORD-1",
    "transaction_revenue": 100,
}


def test_purchase_upsert_by_transaction_id(api: Api) -> None:
    assert api.ok(api.body(PURCHASE, data=ORDER)) is None
    api.ok(api.body(PURCHASE, data={**ORDER, "transaction_status": "REFUND"}))
    assert _one(api, "purchases")["transaction_status"] == "REFUND"


def test_purchase_identity_errors_only_with_debug_mode(api: Api) -> None:
    order = {k: v for k, v in ORDER.items() if k != "member_sn"}
    api.ok(api.body(PURCHASE, data=order))  # debug_mode 0: accepted, checked later, dropped
    assert api.store("purchases") == []
    assert "member_sn" in api.error(api.body(PURCHASE, debug_mode=1, data=order), 400)
    api.ok(api.body(PURCHASE, is_anonymous=True, debug_mode="1", data=order))
    assert _one(api, "purchases")["is_anonymous"] is True


def test_batch_purchases_per_item(api: Api) -> None:
    second = {**ORDER, "transaction_id": "ORD-2", "member_sn": "M-2"}
    api.ok(api.body(BATCH_PURCHASES, data=[ORDER, second, {**ORDER, "transaction_revenue": 5}]))
    records = {r["transaction_id"]: r for r in api.store("purchases")}
    assert set(records) == {"ORD-1", "ORD-2"} and records["ORD-1"]["transaction_revenue"] == 5


# ----------------------------------------------------------------- vouchers

VOUCHER = {
    "voucher_id": "GV-1",
    "member_sn": "M-1",
    "voucher_type": "credit",
    "amount": 300,
    "valid_from": "2025-04-01",
    "valid_util": "2025-06-30",
}


def test_voucher_upsert_by_voucher_id_object_array_and_v2(api: Api) -> None:
    api.ok(api.body(VOUCHERS, site="tw", data=VOUCHER))
    api.ok(api.body(VOUCHERS, data=[{**VOUCHER, "amount": 200}, {**VOUCHER, "voucher_id": "GV-2"}]))
    api.ok(api.body(BATCH_VOUCHERS, data_list=[{**VOUCHER, "amount": 200, "is_redeemed": True}]))
    records = {r["voucher_id"]: r for r in api.store("gift_vouchers")}
    assert set(records) == {"GV-1", "GV-2"}
    assert records["GV-1"]["amount"] == 200 and records["GV-1"]["is_redeemed"] is True
    assert records["GV-1"]["site"] == "tw"


def test_voucher_needs_an_identity(api: Api) -> None:
    voucher = {k: v for k, v in VOUCHER.items() if k != "member_sn"}
    assert "data.member_sn" in api.error(api.body(VOUCHERS, data=voucher), 400)
    message = api.error(
        api.body(BATCH_VOUCHERS, identifier_field="email", data_list=[voucher]), 400
    )
    assert "data_list[0].email" in message
    api.ok(api.body(VOUCHERS, identifier_field="email", data={**voucher, "email": "a@x"}))


# ----------------------------------------------------------------- products

PRODUCT_DATA = {
    "id": "SKU-1",
    "title": "Shirt",
    "link": "https://shop.example.org/p/1",
    "availability": "in stock",
    "image_link": "https://cdn.example.org/1.jpg",
    "price": "999",
}


def test_product_upsert_by_id_and_aliases(api: Api) -> None:
    assert api.ok(api.body(PRODUCT, data=PRODUCT_DATA)) == {"status": "OK"}
    api.ok(api.body(PRODUCT, data={**PRODUCT_DATA, "id": {"default": "SKU-1", "ERP": "E-1"}}))
    api.ok(api.body(PRODUCT, data={**PRODUCT_DATA, "id": {"ERP": "E-1"}, "availability": "gone"}))
    record = _one(api, "products")
    assert record["id"] == "SKU-1" and record["aliases"] == {"ERP": "E-1"}
    assert record["availability"] == "gone" and record["active"] is False


def test_product_custom_field_empty_values(api: Api) -> None:
    api.ok(api.body(PRODUCT, data={**PRODUCT_DATA, "fabric": "linen"}))
    api.ok(api.body(PRODUCT, data={**PRODUCT_DATA, "fabric": ""}))
    assert _one(api, "products")["fabric"] == "linen"  # default: empty values skipped
    api.ok(
        api.body(
            PRODUCT, data={**PRODUCT_DATA, "fabric": "", "customfield_ignore_empty_value": False}
        )
    )
    assert "fabric" not in _one(api, "products")


# ----------------------------------------------------------------- registrations, guarantees

REGISTRATION_DATA = {
    "event_id": "EVT-1",
    "member_sn": "M-1",
    "event_name": "Workshop",
    "registration_datetime": "2025-03-10T09:30:00+08:00",
}


def test_registration_upsert_by_event_and_member(api: Api) -> None:
    api.ok(api.body(REGISTRATION, data=REGISTRATION_DATA))
    api.ok(api.body(REGISTRATION, data={**REGISTRATION_DATA, "purchase_city": "Tainan"}))
    api.ok(api.body(REGISTRATION, data={**REGISTRATION_DATA, "member_sn": "M-2"}))
    records = api.store("event_registrations")
    assert len(records) == 2 and records[0]["purchase_city"] == "Tainan"
    assert records[0]["is_available"] is True


def test_registration_period_rules(api: Api) -> None:
    start, end = "2025-04-05T14:00:00+08:00", "2025-04-05T17:00:00+08:00"
    only_start = {**REGISTRATION_DATA, "event_start_datetime": start}
    assert "event_end_datetime" in api.error(api.body(REGISTRATION, data=only_start), 400)
    reversed_ = {**REGISTRATION_DATA, "event_start_datetime": end, "event_end_datetime": start}
    assert "later than" in api.error(api.body(REGISTRATION, data=reversed_), 400)
    mismatch = {**REGISTRATION_DATA, "products": {"default": ["G1", "G2"], "sku": ["S1"]}}
    assert "same number" in api.error(api.body(REGISTRATION, data=mismatch), 400)


GUARANTEE_DATA = {
    "warranty_id": "W-1",
    "member_sn": "M-1",
    "product": {"sku": "KETTLE"},
    "registration_datetime": "2025-05-02T11:00:00+08:00",
    "purchase_datetime": "2025-04-28T16:45:00+08:00",
}


def test_guarantee_upsert_by_warranty_id(api: Api) -> None:
    api.ok(api.body(GUARANTEE, data=GUARANTEE_DATA))
    api.ok(api.body(GUARANTEE, data={**GUARANTEE_DATA, "product_quantity": 2}))
    assert _one(api, "product_guarantees")["product_quantity"] == 2
    reversed_ = {
        **GUARANTEE_DATA,
        "warranty_start_datetime": "2027-01-01T00:00:00+08:00",
        "warranty_end_datetime": "2025-01-01T00:00:00+08:00",
    }
    assert "later than" in api.error(api.body(GUARANTEE, data=reversed_), 400)


# ----------------------------------------------------------------- events


def test_events_are_appended(api: Api) -> None:
    event = {"client_id": "c1", "data_source": "web", "version": "2.0.4", "hit_type": "pageview"}
    api.ok(api.header("POST", TRACK, json=event, tid_in_body=True))
    api.ok(api.header("POST", TRACK, json=event, tid_in_body=True))
    events = api.store("events")
    assert len(events) == 2 and all(e["client_id"] == "c1" and "_received_at" in e for e in events)
