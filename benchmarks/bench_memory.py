"""Memory and local speed of the bulk importer on large audience files.

Generates audience CSVs of 100,000 and 1,000,000 rows and runs each through the
importer in a fresh child process, twice: ``--dry-run`` (parse + validate + serialise
the request bodies, nothing sent) and a real import to an emulator (its own process,
rate limit off). Reports each child's peak RSS (``wait4``), which should stay under
150 MB and flat in the row count, and its rows/s (target for the local work: at least
20,000 rows/s).

    python benchmarks/bench_memory.py [--sizes 100000,1000000] [--real-sizes 100000,1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _support

_support.ensure_importable()


def child(mode: str, source: str) -> int:
    """Run one import in this process and print its figures as JSON."""
    import asyncio

    from omnisegment._environments import Credentials
    from omnisegment._policies import RateLimits
    from omnisegment.bulk import import_file
    from omnisegment.bulk._client import BulkClient

    async def go() -> Any:
        if mode == "dry-run":
            return await import_file(None, "audiences", source, dry_run=True)
        checkpoint = Path(source + ".checkpoint")
        checkpoint.unlink(missing_ok=True)
        async with BulkClient(
            credentials=Credentials(
                api_key=os.environ["OMNISEGMENT_API_KEY"], tid=os.environ["OMNISEGMENT_TID"]
            ),
            base_url=os.environ["OMNISEGMENT_BASE_URL"],
            rate_limit=RateLimits.disabled(),
        ) as client:
            return await import_file(
                client,
                "audiences",
                source,
                telemetry=client.telemetry,
                checkpoint=checkpoint,
                concurrency=8,
            )

    result = asyncio.run(go())
    done = result.valid if result.dry_run else result.accepted
    print(
        json.dumps(
            {
                "rows": done,
                "rejected": result.rejected,
                "elapsed": result.elapsed,
                "requests": result.requests,
                "fatal": result.fatal,
            }
        )
    )
    return 0


def measure(mode: str, source: Path, env: dict[str, str]) -> dict[str, Any]:
    """Run a child; returns its figures plus peak RSS in MB."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, str(source)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} {source.name} failed with exit code {proc.returncode}")
    figures: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    figures["peak_rss_mb"] = usage.ru_maxrss / 1024  # Linux reports KiB
    return figures


def _sizes(text: str) -> list[int]:
    return [int(x.replace("_", "")) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="dry-run row counts")
    parser.add_argument("--real-sizes", default="100000,1000000", help="real-import row counts")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(*args.child)

    dry_sizes, real_sizes = _sizes(args.sizes), _sizes(args.real_sizes)
    gen = _support.samplegen()
    rows: list[list[str]] = []
    results: list[tuple[str, int, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        files: dict[int, Path] = {}
        for n in sorted(set(dry_sizes) | set(real_sizes)):
            started = time.perf_counter()
            files[n] = Path(tmp) / f"audiences-{n}.csv"
            gen.write_audiences_csv(files[n], n, invalid={})
            size_mb = files[n].stat().st_size / 1e6
            print(
                f"generated {n:,} rows ({size_mb:,.0f} MB) "
                f"in {time.perf_counter() - started:.1f} s",
                flush=True,
            )
        env = _support.child_env()
        for n in dry_sizes:
            results.append(("dry-run", n, measure("dry-run", files[n], env)))
            print(f"dry-run {n:,}: done", flush=True)
        if real_sizes:
            with _support.emulator_process(rate_limit=0) as emu:
                env = {
                    **env,
                    "OMNISEGMENT_API_KEY": emu.api_key,
                    "OMNISEGMENT_TID": emu.tid,
                    "OMNISEGMENT_BASE_URL": emu.base_url,
                }
                for n in real_sizes:
                    results.append(("import (limit off)", n, measure("import", files[n], env)))
                    print(f"import {n:,}: done", flush=True)
    for mode, n, fig in results:
        rows.append(
            [
                mode,
                f"{n:,}",
                f"{fig['rows']:,}",
                f"{fig['elapsed']:.1f}",
                f"{fig['rows'] / fig['elapsed']:,.0f}",
                f"{fig['peak_rss_mb']:.0f}",
                str(fig["requests"]),
            ]
        )
    print(
        _support.table(
            "bulk importer memory and local speed (each run in a fresh process)",
            ["mode", "input rows", "done", "seconds", "rows/s", "peak RSS MB", "requests"],
            rows,
        )
    )
    peaks = [fig["peak_rss_mb"] for _, _, fig in results]
    dry_rates = [fig["rows"] / fig["elapsed"] for mode, _, fig in results if mode == "dry-run"]
    print(f"peak RSS: max {max(peaks):.0f} MB (target < 150 MB, flat in the row count)")
    if dry_rates:
        print(f"parse + validate + serialise: min {min(dry_rates):,.0f} rows/s (target >= 20,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
