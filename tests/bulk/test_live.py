"""Reliability over real HTTP against a live emulator (loopback)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from omnisegment.bulk import import_file, read_rejects

pytestmark = pytest.mark.live

INVALID = {
    100: "missing_member_sn",
    1500: "bad_boolean",
    2500: "bad_sex",
    3500: "bad_decimal",
    4500: "extra_field",
}


def expected_members(samplegen: ModuleType, n: int, invalid: dict[int, str]) -> set[str]:
    return {samplegen.member_sn(i) for i in range(n) if i not in invalid}


async def test_faults_every_valid_row_stored_and_exactly_the_invalid_rows_rejected(
    emulator: Any, samplegen: ModuleType, tmp_path: Path, make_client: Any
) -> None:
    source = tmp_path / "audiences.csv"
    samplegen.write_audiences_csv(source, 5000, invalid=INVALID)
    emulator.set_faults("503:0.1,429:0.05,reset:0.02", seed=11)
    rejects = tmp_path / "rejects.jsonl"
    async with make_client(emulator) as client:
        result = await import_file(
            client, "audiences", source, rejects=rejects, telemetry=client.telemetry
        )
    emulator.set_faults("")
    assert result.fatal is None and result.complete
    assert (result.read, result.accepted, result.rejected) == (5000, 4995, 5)
    assert result.rate_limited > 0 and result.retries > 0  # the faults did happen
    stored = {record["member_sn"] for record in emulator.store("audiences")}
    assert stored == expected_members(samplegen, 5000, INVALID)
    lines = sorted(entry["line"] for entry in read_rejects(rejects))
    assert lines == [index + 2 for index in sorted(INVALID)]  # +1 header, +1 one-based


async def test_bad_input_loses_no_valid_row(
    emulator: Any, tmp_path: Path, make_client: Any
) -> None:
    source = tmp_path / "mixed.csv"
    source.write_bytes(
        b"member_sn,email,is_subscriber,point_balance\n"
        b"M1,a@example.org,true,1\n"
        b"M2,b@example.org,true,1,surplus\n"  # malformed line
        b"M3,c@example.org,perhaps,1\n"  # wrong type
        b",d@example.org,true,1\n"  # missing required identity
        b"M5,\xff@example.org,false,1\n"  # not UTF-8
        b"M6,f@example.org,false,1.234\n"  # fails the schema
        b"M7,g@example.org,false,2\n"
    )
    rejects = tmp_path / "rejects.jsonl"
    async with make_client(emulator) as client:
        result = await import_file(client, "audiences", source, rejects=rejects)
    assert (result.accepted, result.rejected) == (2, 5)
    assert {r["member_sn"] for r in emulator.store("audiences")} == {"M1", "M7"}
    reasons = {entry["line"]: entry["reason"] for entry in read_rejects(rejects)}
    assert reasons == {
        3: "line 3: malformed CSV line: expected 4 fields, found 5",
        4: "line 4: field 'is_subscriber' must be a boolean (true/false), got 'perhaps'",
        5: "line 5: field 'member_sn' is required (merge_key is member_sn)",
        6: "line 6: byte 0xff at column 4 is not valid UTF-8",
        7: "line 7: field 'point_balance' has an invalid value '1.234' (expected Decimal "
        "number written as a string, at most two decimals (for example `320.50`))",
    }
    rows = {entry["line"]: entry["row"] for entry in read_rejects(rejects)}
    assert rows[3] == "M2,b@example.org,true,1,surplus"


async def test_server_side_rejection_is_bisected(
    emulator: Any, tmp_path: Path, make_client: Any
) -> None:
    # A merge key the local rules know nothing about (a typo in the data is caught only
    # by the server): validation off, so the server's 400 must be bisected.
    source = tmp_path / "a.jsonl"
    lines = [f'{{"member_sn": "M{i}"}}' for i in range(1, 121)]
    lines[44] = '{"email": "no-member-sn@example.org"}'
    source.write_text("\n".join(lines) + "\n")
    async with make_client(emulator) as client:
        result = await import_file(client, "audiences", source, validate=False)
    assert (result.accepted, result.rejected) == (119, 1)
    [rejection] = result.rejections
    assert rejection.line == 45 and "rejected by the API" in rejection.reason
    assert result.requests <= 3 + 2 * 6
    assert len(emulator.store("audiences")) == 119


async def test_bad_credentials_are_fatal(emulator: Any, tmp_path: Path, make_client: Any) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text('{"member_sn": "M1"}\n')
    async with make_client(emulator, api_key="00000000-0000-0000-0000-000000000000") as client:
        result = await import_file(client, "audiences", source)
    assert result.exit_code == 2
    assert result.fatal is not None and "credentials refused" in result.fatal
    assert "HTTP 403" in result.fatal


def test_the_sdk_clients_plug_into_the_importer(emulator: Any) -> None:
    """``import_records`` with ``AsyncOmniSegment`` and ``import_records_sync`` with the
    blocking ``OmniSegment`` (the hooks behind ``client.<resource>`` bulk methods)."""
    import asyncio

    from omnisegment import AsyncOmniSegment, OmniSegment, RateLimits
    from omnisegment.bulk import import_records, import_records_sync

    rows = [{"member_sn": f"A{i}"} for i in range(120)] + [{"email": "x@example.org"}]

    async def run_async() -> Any:
        async with AsyncOmniSegment(
            emulator.api_key,
            emulator.tid,
            base_url=emulator.base_url,
            rate_limit=RateLimits.disabled(),
        ) as client:
            return await import_records(client, "audiences", rows)

    result = asyncio.run(run_async())
    assert (result.accepted, result.rejected, result.requests) == (120, 1, 3)

    sync_rows = [{"member_sn": f"S{i}", "is_subscriber": True} for i in range(75)]
    with OmniSegment(
        emulator.api_key,
        emulator.tid,
        base_url=emulator.base_url,
        rate_limit=RateLimits.disabled(),
    ) as client:
        result = import_records_sync(client, "audiences", sync_rows, concurrency=2)
    assert (result.accepted, result.requests) == (75, 2)
    assert len(emulator.store("audiences")) == 195
