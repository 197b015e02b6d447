"""Bulk import throughput against the rate-limit ceiling, next to a naive loop.

The emulator runs in its own process at the vendor's limit (10 requests/second per
endpoint) with 300 ms added latency. Importing 5,000 audiences in batches of 50 has a
ceiling of 10 x 50 = 500 rows/s. The importer should reach at least 95 % of it with no
429 received. The naive loop sends one audience per request through the generated
``import_audience`` operation, sequentially, like a first script would; it runs for a
bounded time and its rate is projected to the 5,000 rows.

    python benchmarks/bench_bulk.py [--rows 5000] [--latency-ms 300] [--naive-seconds 15]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _support
import httpx

_support.ensure_importable()

from omnisegment._environments import Credentials  # noqa: E402
from omnisegment.bulk import import_file, read_records  # noqa: E402
from omnisegment.bulk._client import BulkClient  # noqa: E402

LIMIT = 10  # requests per second per endpoint (vendor default, also the emulator's)
BATCH = 50


async def bulk(emu: _support.Emulator, source: Path, concurrency: int) -> dict[str, Any]:
    async with BulkClient(
        credentials=Credentials(api_key=emu.api_key, tid=emu.tid), base_url=emu.base_url
    ) as client:
        result = await import_file(
            client, "audiences", source, telemetry=client.telemetry, concurrency=concurrency
        )
    return {
        "rows": result.accepted,
        "rejected": result.rejected,
        "elapsed": result.elapsed,
        "requests": result.requests,
        "retries": result.retries,
        "429s": result.rate_limited,
    }


def naive(emu: _support.Emulator, source: Path, seconds: float) -> dict[str, Any]:
    """One generated ``import_audience`` call per row, in a plain loop, for ``seconds``."""
    from omnisegment_api.api.audiences import import_audience
    from omnisegment_api.client import Client
    from omnisegment_api.models.import_audience_request import ImportAudienceRequest

    client = Client(base_url=emu.base_url, timeout=httpx.Timeout(30.0))
    sent = 0
    limited = 0
    started = time.perf_counter()
    for record in read_records(source, "audiences"):
        if record.data is None:
            continue
        body = ImportAudienceRequest.from_dict(
            {"tid": emu.tid, "api_key": emu.api_key, "data": record.data}
        )
        response = import_audience.sync_detailed(client=client, body=body)
        sent += 1
        if response.status_code == 429:
            limited += 1
        if time.perf_counter() - started >= seconds:
            break
    elapsed = time.perf_counter() - started
    client.get_httpx_client().close()
    return {"rows": sent, "elapsed": elapsed, "requests": sent, "retries": 0, "429s": limited}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--latency-ms", type=float, default=300.0)
    parser.add_argument("--naive-seconds", type=float, default=15.0)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(argv)

    gen = _support.samplegen()
    ceiling = LIMIT * BATCH
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "audiences.csv"
        gen.write_audiences_csv(source, args.rows, invalid={})
        with _support.emulator_process(rate_limit=LIMIT, latency=args.latency_ms) as emu:
            fast = asyncio.run(bulk(emu, source, args.concurrency))
        with _support.emulator_process(rate_limit=LIMIT, latency=args.latency_ms) as emu:
            slow = naive(emu, source, args.naive_seconds)

    rows = []
    for name, res in (("omnisegment import (batched, concurrent)", fast), ("naive loop", slow)):
        rate = res["rows"] / res["elapsed"]
        projected = args.rows / rate if rate else float("inf")
        rows.append(
            [
                name,
                f"{res['rows']:,}",
                f"{res['elapsed']:.1f}",
                f"{rate:,.1f}",
                f"{rate / ceiling:.3f}",
                f"{projected:,.0f}",
                str(res["requests"]),
                str(res["retries"]),
                str(res["429s"]),
            ]
        )
    print(
        _support.table(
            f"bulk import: {args.rows:,} audiences, emulator at {LIMIT} req/s with "
            f"{args.latency_ms:.0f} ms latency (ceiling {ceiling} rows/s)",
            [
                "method",
                "rows",
                "seconds",
                "rows/s",
                "achieved/ceiling",
                f"s for {args.rows:,}",
                "requests",
                "retries",
                "429s",
            ],
            rows,
        )
    )
    fast_rate = fast["rows"] / fast["elapsed"]
    slow_rate = slow["rows"] / slow["elapsed"]
    print(f"speed-up over the naive loop: {fast_rate / slow_rate:,.0f}x")
    ok = fast_rate / ceiling >= 0.95 and fast["429s"] == 0 and fast["rows"] == args.rows
    print(f"target achieved/ceiling >= 0.95 and 0 x 429: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
