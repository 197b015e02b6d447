"""Streaming readers: CSV mapping, JSON Lines, line numbers and bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from omnisegment.bulk import InputError, SourceRecord, detect_format, read_records
from omnisegment.bulk._coerce import HeaderError, plan_columns


def records(path: Path | io.BytesIO, kind: str | None = "audiences") -> list[SourceRecord]:
    return list(read_records(path, kind))


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_csv_maps_dotted_columns_json_cells_and_types(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "p.csv",
        "member_sn,transaction_id,datetime,transaction_revenue,quantities,"
        "shipping_address.address1,shipping_address.city,voucher,products,coupon\n"
        'M1,T1,2025-03-02T14:20:00+0800,1280.5,3,"No. 1, Road",Taipei,'
        '"[{""voucher_name"": ""v1""}]","{""default"": ""A,B""}",\n',
    )
    [rec] = records(path, "purchases")
    assert rec.line == 2 and rec.position == 1 and rec.error is None
    assert rec.data == {
        "member_sn": "M1",
        "transaction_id": "T1",
        "datetime": "2025-03-02T14:20:00+0800",
        "transaction_revenue": 1280.5,
        "quantities": 3,
        "shipping_address": {"address1": "No. 1, Road", "city": "Taipei"},
        "voucher": [{"voucher_name": "v1"}],
        "products": {"default": "A,B"},
    }
    assert "coupon" not in rec.data  # empty cell = absent


def test_csv_booleans_integers_and_strings_follow_the_schema(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.csv",
        "member_sn,is_subscriber,is_active,point_balance,zip_code,favourite_store,fcm_tokens\n"
        '00123,TRUE,no,12.50,0800,1,"[{""token"": ""t""}]"\n',
    )
    [rec] = records(path)
    assert rec.data == {
        "member_sn": "00123",  # a string field keeps leading zeros
        "is_subscriber": True,
        "is_active": False,
        "point_balance": "12.50",  # a decimal string stays a string
        "zip_code": "0800",
        "favourite_store": "1",  # custom fields that may be text stay text
        "fcm_tokens": [{"token": "t"}],
    }


def test_line_numbers_count_physical_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.csv",
        '\ufeffmember_sn,address\nM1,"line one\nline two"\n\nM2,x\r\n',
    )
    got = records(path)
    assert [(r.position, r.line) for r in got] == [(1, 2), (2, 5)]
    assert got[0].data == {"member_sn": "M1", "address": "line one\nline two"}
    assert got[1].data == {"member_sn": "M2", "address": "x"}


def test_malformed_line_is_rejected_alone(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "member_sn,email\nM1,a@x\nM2,b@x,extra\nM3,c@x\n")
    got = records(path)
    assert [r.data["member_sn"] if r.data else None for r in got] == ["M1", None, "M3"]
    bad = got[1]
    assert bad.line == 3 and bad.raw == "M2,b@x,extra"
    assert bad.error == "malformed CSV line: expected 2 fields, found 3"


def test_unbalanced_quote_does_not_swallow_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", 'member_sn,email\nM1,a@x\nM2,"b@x\nM3,c@x\nM4,d@x\n')
    got = records(path)
    assert got[1].line == 3 and got[1].data is None
    assert "malformed CSV line" in (got[1].error or "")
    assert [r.data["member_sn"] for r in got if r.data] == ["M1", "M3", "M4"]
    assert [r.line for r in got] == [2, 3, 4, 5]


def test_wrong_type_names_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "member_sn,is_subscriber\nM1,maybe\nM2,true\n")
    bad, good = records(path)
    assert bad.data is None and bad.field == "is_subscriber"
    assert bad.error == "field 'is_subscriber' must be a boolean (true/false), got 'maybe'"
    assert good.data == {"member_sn": "M2", "is_subscriber": True}


def test_invalid_json_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "member_sn,fcm_tokens\nM1,[oops\n")
    [bad] = records(path)
    assert bad.field == "fcm_tokens" and "is not valid JSON" in (bad.error or "")


def test_non_utf8_byte_rejects_only_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", b"member_sn,name\nM1,Ann\nM2,J\xf6rg\nM3,Bo\n")
    got = records(path)
    assert got[1].line == 3 and got[1].data is None
    assert got[1].error == "byte 0xf6 at column 5 is not valid UTF-8"
    assert [r.data["member_sn"] for r in got if r.data] == ["M1", "M3"]


def test_empty_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        records(write(tmp_path, "empty.csv", ""))
    with pytest.raises(InputError, match="empty"):
        records(write(tmp_path, "empty.jsonl", "\n\n"))
    with pytest.raises(InputError, match="file not found"):
        records(tmp_path / "nope.csv")
    assert records(write(tmp_path, "header.csv", "member_sn,email\n")) == []


def test_header_problems_are_fatal(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="duplicate column 'email'"):
        records(write(tmp_path, "a.csv", "member_sn,email,email\n"))
    with pytest.raises(InputError, match="column 2 has no name"):
        records(write(tmp_path, "b.csv", "member_sn,,email\n"))
    closed = {
        "type": "object",
        "properties": {"a": {"type": "string"}},
        "additionalProperties": False,
    }
    with pytest.raises(HeaderError, match="'colour' is not a field"):
        plan_columns(["a", "colour"], {}, closed)


def test_jsonl_lines_errors_and_blank_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.jsonl",
        '{"member_sn": "M1"}\n\n{"member_sn": \n[1, 2]\n{"member_sn": "M4"}',
    )
    got = records(path)
    assert [(r.position, r.line) for r in got] == [(1, 1), (2, 3), (3, 4), (4, 5)]
    assert got[0].data == {"member_sn": "M1"} and got[3].data == {"member_sn": "M4"}
    assert "invalid JSON" in (got[1].error or "")
    assert got[2].error == "expected a JSON object on this line"
    with pytest.raises(InputError, match="JSON array is not JSON Lines"):
        records(write(tmp_path, "b.json", '[{"member_sn": "M1"},\n{"member_sn": "M2"}]\n'))


def test_stdin_like_stream_is_sniffed() -> None:
    assert records(io.BytesIO(b'{"member_sn": "M1"}\n'))[0].data == {"member_sn": "M1"}
    assert records(io.BytesIO(b"member_sn\nM1\n"))[0].data == {"member_sn": "M1"}


def test_detect_format() -> None:
    assert detect_format("a.CSV") == "csv"
    assert detect_format("a.jsonl.gz") == "jsonl"
    assert detect_format("a.ndjson") == "jsonl"
    assert detect_format("a.txt") is None
    assert detect_format("a.txt", "JSONL") == "jsonl"
    with pytest.raises(InputError):
        detect_format("a.txt", "xml")


def test_gzip_input(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "a.csv.gz"
    path.write_bytes(gzip.compress(b"member_sn\nM1\nM2\n"))
    assert [r.data for r in records(path)] == [{"member_sn": "M1"}, {"member_sn": "M2"}]
