"""Local validation: reasons name the field; identity and period rules; date forms."""

from __future__ import annotations

from typing import Any

import pytest
from omnisegment.bulk import Invalid, kind_spec, validator_for
from omnisegment.bulk._dates import datetime_fields, parse_timezone, record_normaliser
from omnisegment.bulk._rules import record_rules

PURCHASE = {
    "member_sn": "M1",
    "transaction_id": "T1",
    "transaction_revenue": 10,
    "datetime": "2025-03-02T14:20:00+08:00",
}


def reason(kind: str, record: dict[str, Any]) -> tuple[str, str | None]:
    with pytest.raises(Invalid) as info:
        validator_for(kind)(record)
    return info.value.reason, info.value.field


def test_valid_records_pass() -> None:
    validator_for("purchases")(PURCHASE)
    validator_for("audiences")({"member_sn": "M1", "custom_text": "x", "coupons": [{"c": 1}]})
    validator_for("gift-vouchers")(
        {
            "voucher_id": "V1",
            "member_sn": "M1",
            "voucher_type": "t",
            "amount": 1,
            "valid_from": "2025-01-01",
            "valid_util": "2025-02-01 23:59:59+08",
        }
    )


@pytest.mark.parametrize(
    ("kind", "record", "expected", "field"),
    [
        (
            "purchases",
            {**PURCHASE, "transaction_revenue": "x"},
            "must be a number",
            "transaction_revenue",
        ),
        (
            "purchases",
            {k: v for k, v in PURCHASE.items() if k != "transaction_id"},
            "field 'transaction_id' is required",
            "transaction_id",
        ),
        (
            "purchases",
            {**PURCHASE, "transaction_status": "DONE"},
            "must be one of: SUCCESS",
            "transaction_status",
        ),
        (
            "purchases",
            {**PURCHASE, "shipping_address": {"city": "X"}},
            "'shipping_address.address1' is required",
            "shipping_address.address1",
        ),
        ("purchases", {**PURCHASE, "datetime": "soon"}, "mandatory offset", "datetime"),
        ("audiences", {"member_sn": "M", "sex": "x"}, "expected one of male, female", "sex"),
        (
            "audiences",
            {"member_sn": "M", "point_balance": "1.234"},
            "at most two decimals",
            "point_balance",
        ),
        (
            "audiences",
            {"member_sn": "M", "fcm_tokens": [{"type": "ios"}]},
            "'fcm_tokens[0].token' is required",
            "fcm_tokens[0].token",
        ),
        (
            "products",
            {
                "id": "P",
                "title": "t",
                "link": "ftp://x",
                "availability": "in stock",
                "image_link": "https://x/i.jpg",
                "price": "1",
            },
            "http://",
            "link",
        ),
    ],
)
def test_reasons_name_the_field(
    kind: str, record: dict[str, Any], expected: str, field: str
) -> None:
    text, got_field = reason(kind, record)
    assert expected in text
    assert got_field == field
    assert text.startswith(f"field '{field}'")


def test_identity_follows_the_endpoint_options() -> None:
    audiences = kind_spec("audiences")
    by_email = record_rules(audiences, {"merge_key": "email"})
    assert by_email is not None
    by_email({"email": "a@x"})
    with pytest.raises(Invalid, match="field 'email' is required \\(merge_key is email\\)"):
        by_email({"member_sn": "M1"})
    default = record_rules(audiences, {})
    assert default is not None
    with pytest.raises(Invalid, match="'member_sn' is required"):
        default({"email": "a@x"})
    with pytest.raises(Invalid):
        default({"member_sn": "none"})  # the clearing marker is no identity

    purchases = kind_spec("purchases")
    assert record_rules(purchases, {"is_anonymous": True}) is None
    rule = record_rules(purchases, {})
    assert rule is not None
    rule({"source_id": "S", "source_system": "CRM"})
    with pytest.raises(Invalid, match="member_sn or source_id \\+ source_system"):
        rule({"email": "a@x"})
    by_phone = record_rules(purchases, {"identifier_field": "phone"})
    assert by_phone is not None
    with pytest.raises(Invalid, match="'phone' is required"):
        by_phone({"member_sn": "M1"})

    mappings = record_rules(kind_spec("audience-mappings"), {})
    assert mappings is not None
    with pytest.raises(Invalid, match="'phone' is required"):
        mappings({"source_id": "S", "source_system": "POS", "mapping_key": "phone"})


def test_period_rule() -> None:
    rule = record_rules(kind_spec("event-registrations"), {})
    assert rule is not None
    base = {"member_sn": "M1"}
    with pytest.raises(Invalid, match="'event_end_datetime' is required together"):
        rule({**base, "event_start_datetime": "2025-01-01T10:00:00+08:00"})
    with pytest.raises(Invalid, match="must be later"):
        rule(
            {
                **base,
                "event_start_datetime": "2025-01-01T10:00:00+08:00",
                "event_end_datetime": "2025-01-01T09:00:00+08:00",
            }
        )


def test_date_fields_come_from_the_spec() -> None:
    assert datetime_fields(kind_spec("purchases")) == {"datetime": "datetime"}
    assert datetime_fields(kind_spec("gift-vouchers")) == {
        "valid_from": "voucher",
        "valid_util": "voucher",
    }
    assert datetime_fields(kind_spec("audiences"))["birthday"] == "date"


def test_dates_get_the_canonical_form() -> None:
    purchases = record_normaliser(kind_spec("purchases"), None)
    vouchers = record_normaliser(kind_spec("gift-vouchers"), "Asia/Tokyo")
    audiences = record_normaliser(kind_spec("audiences"), "+09:00")
    assert purchases and vouchers and audiences
    record: dict[str, Any] = {"datetime": "2024-07-15T09:51:23+0800"}
    purchases(record)
    assert record["datetime"] == "2024-07-15T09:51:23+08:00"
    record = {"datetime": "2024-07-15 09:51:23"}  # naive: the default zone (Taipei)
    purchases(record)
    assert record["datetime"] == "2024-07-15T09:51:23+08:00"
    record = {"valid_from": "2024-05-01", "valid_util": "2024-05-31T23:59:59"}
    vouchers(record)
    assert record == {"valid_from": "2024-05-01", "valid_util": "2024-05-31 23:59:59+09"}
    record = {"birthday": "1988-1-5", "register_date": "2023-02-14 10:05", "tags": "x"}
    audiences(record)
    assert record == {
        "birthday": "1988-01-05",
        "register_date": "2023-02-14T10:05:00+09:00",
        "tags": "x",
    }
    record = {"datetime": "not a date"}
    purchases(record)
    assert record["datetime"] == "not a date"  # left for the validator to report


def test_parse_timezone() -> None:
    assert parse_timezone("+0900").utcoffset(None).total_seconds() == 9 * 3600  # type: ignore[union-attr]
    assert parse_timezone("UTC").utcoffset(None).total_seconds() == 0  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="unknown time zone"):
        parse_timezone("Mars/Olympus")
    with pytest.raises(ValueError, match="bad UTC offset"):
        parse_timezone("+99")
