"""Per-request overhead of the OmniSegment client next to raw httpx, in one run.

The emulator runs in its own process (rate limits off). Each round posts the same
``import_audience`` JSON with a raw ``httpx.Client``, with ``OmniSegment.request`` (the
low-level path the bulk importer uses) and with the ``client.audiences.import_one``
facade (generated models in and out). The three run in short interleaved blocks (the
order rotating each block), so that load changes on a shared machine hit all alike.
The client's own rate limiting is off (the budget is not what is measured); auth
injection, response checks, retry bookkeeping and typed errors are all on. The figure
is the median over blocks of the wall time per request; the target ratio is <= 1.15.

    python benchmarks/bench_overhead.py [--block 25] [--blocks 80]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

import _support

_support.ensure_importable()

import httpx  # noqa: E402
from omnisegment import OmniSegment, RateLimits  # noqa: E402

TARGET = 1.15
AUDIENCE = {
    "member_sn": "M-100231",
    "first_name": "Mei-Ling",
    "last_name": "Chen",
    "email": "meiling.chen@example.org",
    "phone": "+886955123456",
    "birthday": "1988-11-23",
    "tags": "vip,newsletter",
}


def per_request(fn: Callable[[], object], count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        fn()
    return (time.perf_counter() - started) / count


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--block", type=int, default=25, help="requests per block")
    parser.add_argument("--blocks", type=int, default=80, help="blocks per client")
    args = parser.parse_args(argv)

    with _support.emulator_process(rate_limit=0) as emu:
        body = {"tid": emu.tid, "api_key": emu.api_key, "data": AUDIENCE}
        raw = httpx.Client(base_url=emu.base_url, timeout=httpx.Timeout(30.0, connect=5.0))
        client = OmniSegment(
            emu.api_key, emu.tid, base_url=emu.base_url, rate_limit=RateLimits.disabled()
        )

        def raw_call() -> object:
            response = raw.post("/ma_audience/import-audience/", json=body)
            assert response.status_code == 200
            return response.json()["PAYLOAD"]

        def request_call() -> object:
            return client.request("import_audience", json={"data": AUDIENCE})

        def facade_call() -> object:
            return client.audiences.import_one(AUDIENCE)

        candidates = {
            "raw httpx": raw_call,
            "OmniSegment.request": request_call,
            "audiences.import_one": facade_call,
        }
        for fn in candidates.values():  # warm up connections, imports and caches
            per_request(fn, 50)
        samples: dict[str, list[float]] = {name: [] for name in candidates}
        names = list(candidates)
        for block in range(args.blocks):
            shift = block % len(names)
            for name in names[shift:] + names[:shift]:
                samples[name].append(per_request(candidates[name], args.block))
        raw.close()
        client.close()

    base = statistics.median(samples["raw httpx"])
    print(f"{args.blocks} blocks x {args.block} requests per client, median per request")
    print(f"{'client':<24}{'ms/request':>12}{'ratio':>8}")
    worst = 0.0
    for name, values in samples.items():
        value = statistics.median(values)
        ratio = value / base
        if name != "raw httpx":
            worst = max(worst, ratio)
        print(f"{name:<24}{value * 1000:>12.3f}{ratio:>8.3f}")
    verdict = "OK" if worst <= TARGET else "ABOVE TARGET"
    print(f"overhead ratio (worst OmniSegment path): {worst:.3f} (target <= {TARGET}) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
