"""The import engine against a scripted client (no network): batching, bisecting,
fatal errors, resume, bounded memory and progress."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from omnisegment import BadRequestError, GatewayError, PermissionDeniedError
from omnisegment.bulk import (
    Checkpoint,
    CheckpointError,
    ImportOptions,
    ImportProgress,
    import_file,
    import_records,
    read_rejects,
)


class FakeClient:
    """Records requests; 400 for batches holding a record with ``"bad": True``."""

    def __init__(
        self,
        *,
        fail_after: int | None = None,
        error: Exception | None = None,
        delay: float = 0.0,
    ) -> None:
        self.calls: list[tuple[str, Any, Any]] = []
        self.fail_after = fail_after
        self.error = error
        self.delay = delay
        self.in_flight = 0
        self.max_in_flight = 0

    async def request(self, operation_id: str, *, json: Any = None, params: Any = None) -> Any:
        self.calls.append((operation_id, json, params))
        if self.fail_after is not None and len(self.calls) > self.fail_after:
            assert self.error is not None
            raise self.error
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
        finally:
            self.in_flight -= 1
        items = json.get("data") or json.get("data_list") or []
        items = items if isinstance(items, list) else [items]
        if any(item.get("bad") for item in items):
            raise BadRequestError("Input Error: bad item", status_code=400)
        return None

    def sent(self) -> list[str]:
        out: list[str] = []
        for _, body, _ in self.calls:
            items = body.get("data") or body.get("data_list")
            out += [i["member_sn"] for i in (items if isinstance(items, list) else [items])]
        return out


def audiences(n: int, bad: set[int] = frozenset()) -> list[dict[str, Any]]:  # type: ignore[assignment]
    return [{"member_sn": f"M{i}", **({"bad": True} if i in bad else {})} for i in range(1, n + 1)]


async def test_batches_follow_the_endpoint_limits() -> None:
    client = FakeClient()
    result = await import_records(client, "audiences", audiences(120), concurrency=1)
    assert [len(body["data"]) for _, body, _ in client.calls] == [50, 50, 20]
    assert {op for op, _, _ in client.calls} == {"batch_import_audiences"}
    assert (result.read, result.sent, result.accepted, result.rejected) == (120, 120, 120, 0)
    assert result.requests == 3 and result.exit_code == 0

    vouchers = FakeClient()
    records = [
        {
            "voucher_id": f"V{i}",
            "member_sn": "M1",
            "voucher_type": "t",
            "amount": 1,
            "valid_from": "2025-01-01",
            "valid_util": "2025-02-01",
        }
        for i in range(150)
    ]
    await import_records(vouchers, "gift-vouchers", records, params={"site": "tw"})
    assert sorted(len(body["data_list"]) for _, body, _ in vouchers.calls) == [50, 100]
    assert all(body["site"] == "tw" for _, body, _ in vouchers.calls)

    single = FakeClient()
    mappings = [
        {"source_id": f"S{i}", "source_system": "POS", "mapping_key": "member_sn", "member_sn": "M"}
        for i in range(3)
    ]
    await import_records(single, "audience-mappings", mappings)
    assert len(single.calls) == 3
    assert all(body["source_id"].startswith("S") for _, body, _ in single.calls)


async def test_bisect_isolates_bad_records(tmp_path: Path) -> None:
    client = FakeClient()
    rejects = tmp_path / "rejects.jsonl"
    result = await import_records(
        client, "audiences", audiences(100, bad={17, 60}), rejects=rejects, concurrency=2
    )
    assert (result.accepted, result.rejected, result.sent) == (98, 2, 100)
    assert sorted(r.position for r in result.rejections) == [17, 60]
    assert all("rejected by the API: Input Error: bad item" in r.reason for r in result.rejections)
    # One bad row in 50 costs about 2*log2(50) extra requests, not 50.
    assert result.requests <= 2 + 2 * (2 * 6)
    assert sorted(e["position"] for e in read_rejects(rejects)) == [17, 60]
    assert result.exit_code == 1


async def test_permission_denied_is_fatal() -> None:
    client = FakeClient(fail_after=0, error=PermissionDeniedError("Forbidden", status_code=403))
    result = await import_records(client, "audiences", audiences(500), concurrency=2)
    assert result.fatal is not None and "credentials refused" in result.fatal
    assert result.accepted == 0 and result.exit_code == 2
    assert result.read < 500  # stopped reading


async def test_resume_sends_exactly_the_unacknowledged_rows(tmp_path: Path) -> None:
    cp = tmp_path / "cp"
    rows = audiences(500, bad={7, 307})
    first = FakeClient(fail_after=9, error=GatewayError("Service Unavailable", status_code=503))
    result = await import_records(first, "audiences", rows, checkpoint=cp, concurrency=1)
    assert result.fatal is not None and "gave up" in result.fatal
    assert result.exit_code == 2 and cp.exists()
    saved = Checkpoint(cp)
    assert saved.load()
    done = {f"M{i}" for lo, hi in saved.done.intervals() for i in range(lo, hi + 1)}
    assert "M7" in done and result.accepted == len(done) - 1  # M7 was rejected
    with pytest.raises(CheckpointError, match="--resume"):
        await import_records(FakeClient(), "audiences", rows, checkpoint=cp)

    second = FakeClient()
    again = await import_records(
        second, "audiences", rows, checkpoint=cp, resume=True, concurrency=3
    )
    assert again.resumed and again.complete and again.exit_code == 1
    resent = set(second.sent())
    assert not resent & done
    assert resent | done == {f"M{i}" for i in range(1, 501)}
    assert again.skipped == len(done) and again.rejected == 1
    assert not cp.exists()  # a finished run removes its checkpoint


async def test_memory_is_bounded_by_the_queue() -> None:
    seen = 0

    def endless() -> Any:
        nonlocal seen
        while True:
            seen += 1
            yield {"member_sn": f"M{seen}"}

    client = FakeClient(delay=10)
    task = asyncio.create_task(import_records(client, "audiences", endless(), concurrency=2))
    await asyncio.sleep(0.3)
    # 2 in flight + a queue of 2*2 batches + one being filled, 50 records each.
    assert seen <= (2 + 4 + 1) * 50 + 1
    assert client.max_in_flight == 2
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_progress_callback_and_dry_run(tmp_path: Path) -> None:
    updates: list[ImportProgress] = []
    path = tmp_path / "a.csv"
    path.write_text("member_sn,is_subscriber\n" + "".join(f"M{i},true\n" for i in range(300)))
    result = await import_file(
        None,
        "audiences",
        path,
        ImportOptions(dry_run=True, progress=updates.append, progress_interval=0),
    )
    assert result.dry_run and result.valid == 300 and result.requests == 0
    assert updates[-1].done and updates[-1].read == 300
    assert result.exit_code == 0


async def test_models_and_invalid_objects_are_accepted_as_input() -> None:
    class Model:
        def to_dict(self) -> dict[str, Any]:
            return {"member_sn": "X1"}

    client = FakeClient()
    result = await import_records(client, "audiences", [Model(), 42, {"member_sn": "X2"}])
    assert client.sent() == ["X1", "X2"]
    assert result.rejected == 1 and "not a record: int" in result.rejections[0].reason


class ExplodingClient(FakeClient):
    """Raises an exception that is not an API error on the given call."""

    def __init__(self, error: Exception, on_call: int = 1) -> None:
        super().__init__()
        self.boom = error
        self.on_call = on_call

    async def request(self, operation_id: str, *, json: Any = None, params: Any = None) -> Any:
        if len(self.calls) + 1 == self.on_call:
            self.calls.append((operation_id, json, params))
            raise self.boom
        return await super().request(operation_id, json=json, params=params)


async def test_an_unexpected_error_is_fatal_and_does_not_hang(tmp_path: Path) -> None:
    cp = tmp_path / "cp"
    client = ExplodingClient(RuntimeError("socket went away"), on_call=2)
    result = await asyncio.wait_for(
        import_records(client, "audiences", audiences(2000), checkpoint=cp, concurrency=1),
        timeout=10,
    )
    assert result.fatal == "unexpected error: RuntimeError: socket went away"
    assert result.exit_code == 2 and not result.complete
    assert result.accepted == 50  # only the batch that got its answer
    saved = Checkpoint(cp)
    assert saved.load() and saved.done.intervals() == [(1, 50)]


async def test_a_value_json_cannot_encode_rejects_only_its_record(tmp_path: Path) -> None:
    from decimal import Decimal

    class JsonClient(FakeClient):
        async def request(self, operation_id: str, *, json: Any = None, params: Any = None) -> Any:
            import json as std_json

            std_json.dumps(json)  # what httpx does with ``json=``
            return await super().request(operation_id, json=json, params=params)

    rows = audiences(60)
    rows[41]["balance_custom"] = Decimal("1.5")
    rejects = tmp_path / "rejects.jsonl"
    client = JsonClient()
    result = await import_records(client, "audiences", rows, rejects=rejects, concurrency=2)
    assert (result.accepted, result.rejected, result.fatal) == (59, 1, None)
    assert "M42" not in client.sent() and len(set(client.sent())) == 59
    [entry] = read_rejects(rejects)
    assert entry["position"] == 42 and "Decimal is not JSON serializable" in entry["reason"]

    dry = await import_records(None, "audiences", rows, dry_run=True)
    assert (dry.valid, dry.rejected, dry.exit_code) == (59, 1, 1)
    assert dry.rejections[0].position == 42


async def test_every_position_is_checkpointed_once_with_concurrency(tmp_path: Path) -> None:
    import random

    class JitterClient(FakeClient):
        async def request(self, operation_id: str, *, json: Any = None, params: Any = None) -> Any:
            self.delay = random.random() / 200
            return await super().request(operation_id, json=json, params=params)

    random.seed(5)
    cp = tmp_path / "cp"
    bad = {3, 77, 1233}
    rows = audiences(1234, bad=bad)  # 24 full batches and a partial one of 34
    result = await import_records(
        JitterClient(), "audiences", rows, checkpoint=cp, keep_checkpoint=True, concurrency=5
    )
    assert (result.accepted, result.rejected, result.complete) == (1231, 3, True)
    saved = Checkpoint(cp)
    assert saved.load()
    assert saved.done.intervals() == [(1, 1234)]
    assert (saved.accepted_before, saved.rejected_before) == (1231, 3)
    rejected = [line for line in cp.read_text().splitlines() if line.startswith("R ")]
    assert sorted(int(p) for line in rejected for p in line[2:].split(",")) == sorted(bad)


async def test_resume_appends_readable_rejects_after_a_torn_line(tmp_path: Path) -> None:
    cp = tmp_path / "cp"
    rejects = tmp_path / "rejects.jsonl"
    rows = audiences(200, bad={10, 150})
    # Batch 1 (with row 10) takes 10 requests to bisect; batch 3 (row 150) gets a 503.
    first = FakeClient(fail_after=11, error=GatewayError("Service Unavailable", status_code=503))
    result = await import_records(
        first, "audiences", rows, checkpoint=cp, rejects=rejects, concurrency=1
    )
    assert result.exit_code == 2 and [e["position"] for e in read_rejects(rejects)] == [10]
    with rejects.open("ab") as handle:
        handle.write(b'{"line": null, "position": 150, "fie')  # killed mid-write
    again = await import_records(
        FakeClient(), "audiences", rows, checkpoint=cp, rejects=rejects, resume=True
    )
    assert again.complete and again.rejected == 1
    assert [e["position"] for e in read_rejects(rejects)] == [10, 150]
    assert rejects.read_bytes().endswith(b"\n")
