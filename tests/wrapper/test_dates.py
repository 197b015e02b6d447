"""Dates in, one canonical form out."""

from __future__ import annotations

import datetime as dt

import pytest
from omnisegment._dates import (
    json_default,
    normalize_dates,
    resolve_timezone,
    to_date_string,
    to_datetime_string,
    to_period_string,
    to_voucher_string,
)

UTC = dt.UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2025, 3, 2, 14, 20), "2025-03-02T14:20:00+08:00"),
        (dt.datetime(2025, 3, 2, 14, 20, tzinfo=UTC), "2025-03-02T14:20:00+00:00"),
        (dt.datetime(2020, 6, 4, 8, 30, 37, 235482), "2020-06-04T08:30:37.235482+08:00"),
        (dt.date(2025, 3, 2), "2025-03-02T00:00:00+08:00"),
        ("2024-07-15T09:51:23+0800", "2024-07-15T09:51:23+08:00"),
        ("2024-05-01 12:00:00+08", "2024-05-01T12:00:00+08:00"),
        ("2024-05-01T12:00:00Z", "2024-05-01T12:00:00+00:00"),
        ("2025-03-02T14:20:00+08:00", "2025-03-02T14:20:00+08:00"),
        ("2020-6-4", "2020-06-04T00:00:00+08:00"),
        ("not a date", "not a date"),
        (12, 12),
    ],
)
def test_datetime_canonical(value: object, expected: object) -> None:
    assert to_datetime_string(value) == expected


def test_configurable_default_zone() -> None:
    assert (
        to_datetime_string(dt.datetime(2025, 1, 1, 9), tz="Asia/Tokyo")
        == "2025-01-01T09:00:00+09:00"
    )
    assert to_datetime_string("2025-01-01 09:00", tz="+09:00") == "2025-01-01T09:00:00+09:00"
    assert resolve_timezone(None).utcoffset(None) == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-3-1", "2021-03-01"),
        (dt.date(2021, 3, 1), "2021-03-01"),
        (dt.datetime(2021, 3, 1, 23, 59), "2021-03-01"),
        ("2021/03/01", "2021-03-01"),
        ("2021-03-01", "2021-03-01"),
    ],
)
def test_date_canonical(value: object, expected: str) -> None:
    assert to_date_string(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2024, 5, 1), "2024-05-01"),
        ("2024/5/1", "2024-05-01"),
        (dt.datetime(2024, 5, 1, 12), "2024-05-01 12:00:00+08"),
        (dt.datetime(2024, 5, 1, 12, 0, 0, 999), "2024-05-01 12:00:00+08"),
        ("2024-05-01T12:00:00+05:30", "2024-05-01 14:30:00+08"),
        ("2024-05-01 12:00:00+08", "2024-05-01 12:00:00+08"),
        ("2024-05-01 12:00", "2024-05-01 12:00:00+08"),
        (
            dt.datetime(2024, 5, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            "2024-05-01 12:00:00-05",
        ),
    ],
)
def test_voucher_canonical(value: object, expected: str) -> None:
    assert to_voucher_string(value) == expected


def test_period() -> None:
    start, end = dt.datetime(2025, 6, 1), dt.datetime(2025, 6, 30, 23, 59, 59)
    assert to_period_string((start, end)) == "2025-06-01T00:00:00+08:00/2025-06-30T23:59:59+08:00"
    assert to_period_string("2025-06-01T00:00:00+0800/2025-06-30T23:59:59+08:00") == (
        "2025-06-01T00:00:00+08:00/2025-06-30T23:59:59+08:00"
    )


def test_normalize_dates_walks_the_structure() -> None:
    data = {
        "data": {
            "birthday": "1988-1-2",
            "register_date": dt.datetime(2020, 1, 1, 1, 1, 1),
            "name": "2020-01-01",  # not a date field: left alone
            "fcm_tokens": [{"token": "t", "when": dt.date(2020, 1, 2)}],
            "sale_price_effective_date": (dt.date(2025, 6, 1), dt.date(2025, 6, 2)),
        },
        "product": {"sale_price_effective_date": "2025-06-01T00:00:00+0800/2025-06-02T00:00:00Z"},
        "data_list": [{"valid_from": dt.date(2024, 5, 1), "valid_util": "2024-05-31 23:59:59"}],
    }
    out = normalize_dates(data)
    assert out["data"]["birthday"] == "1988-01-02"
    assert out["data"]["register_date"] == "2020-01-01T01:01:01+08:00"
    assert out["data"]["name"] == "2020-01-01"
    assert out["data"]["fcm_tokens"][0]["when"] == "2020-01-02"
    assert out["data"]["sale_price_effective_date"].startswith("2025-06-01T00:00:00+08:00/")
    assert out["data_list"][0] == {
        "valid_from": "2024-05-01",
        "valid_util": "2024-05-31 23:59:59+08",
    }
    assert out["product"]["sale_price_effective_date"] == (
        "2025-06-01T00:00:00+08:00/2025-06-02T00:00:00+00:00"
    )
    assert data["data"]["birthday"] == "1988-1-2"  # input untouched


def test_json_default() -> None:
    import json

    assert json.dumps({"a": dt.date(2020, 1, 2)}, default=json_default) == '{"a": "2020-01-02"}'
    with pytest.raises(TypeError):
        json.dumps({"a": object()}, default=json_default)
