"""Emulator throughput: audience imports over loopback from separate load processes.

The emulator runs as users run it (``python -m omnisegment_emulator``, rate limit off) in its
own process; load comes from other processes, each a keep-alive httpx client sending one
request at a time. Printed per scenario: requests/s, records/s and p50/p99 latency. A last
line measures the emulator's own work per request in-process (no HTTP) to show what limits
the figures.
"""

from __future__ import annotations

import asyncio
import importlib.util
import multiprocessing as mp
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = [ROOT / "emulator", ROOT / "generated_client", ROOT / "wrapper"]
API_KEY = "0b9f4c1e-2a7d-4e58-9c3b-6d1a8e2f7c40"
TID = "OA-bench1"
AUDIENCE = "/ma_audience/import-audience/"
BATCH = "/api/v2/audiences/batch-import/"
SINGLE_REQUESTS = int(os.environ.get("BENCH_SINGLE_REQUESTS", "4000"))
BATCH_REQUESTS = int(os.environ.get("BENCH_BATCH_REQUESTS", "400"))


def _env() -> dict[str, str]:
    current = os.environ.get("PYTHONPATH")
    paths = [str(p) for p in SOURCE_DIRS] + ([current] if current else [])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _audience(worker: int, n: int) -> dict[str, Any]:
    return {
        "member_sn": f"M-{worker}-{n}",
        "email": f"member{worker}.{n}@example.org",
        "name": "Bench Member",
        "tags": "bench,loopback",
        "is_subscriber": True,
    }


def _worker(base_url: str, path: str, batch: int, count: int, worker: int, out: Any) -> None:
    import httpx

    transport = httpx.HTTPTransport(socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
    latencies: list[float] = []
    with httpx.Client(base_url=base_url, transport=transport, timeout=30.0) as client:
        for n in range(count + 20):
            data: Any = (
                _audience(worker, n)
                if batch == 1
                else [_audience(worker, n * batch + i) for i in range(batch)]
            )
            body = {"tid": TID, "api_key": API_KEY, "data": data}
            started = time.perf_counter()
            response = client.post(path, json=body)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise SystemExit(f"unexpected {response.status_code}: {response.text[:200]}")
            if n >= 20:  # the first 20 are warm-up
                latencies.append(elapsed)
    out.put(latencies)


def _scenario(base_url: str, name: str, path: str, batch: int, total: int, workers: int) -> None:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    per_worker = total // workers
    procs = [
        ctx.Process(target=_worker, args=(base_url, path, batch, per_worker, w, queue))
        for w in range(workers)
    ]
    for proc in procs:
        proc.start()
    results: list[list[float]] = [queue.get(timeout=600) for _ in procs]
    for proc in procs:
        proc.join(timeout=30)
    # Throughput over the slowest worker's measured window.
    window = max(sum(r) for r in results)
    latencies = sorted(x for r in results for x in r)
    count = len(latencies)
    rps = count / window
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(count - 1, int(count * 0.99))] * 1000
    print(
        f"{name:<34} {workers:>7} {count:>8} {rps:>9.0f} {rps * batch:>10.0f} "
        f"{p50:>8.2f} {p99:>8.2f}",
        flush=True,
    )


def _in_process_cost() -> float:
    """Microseconds of emulator work per single import, without any HTTP."""
    sys.path[:0] = [str(p) for p in SOURCE_DIRS]
    import orjson
    from omnisegment_emulator import EmulatorConfig, create_app

    app = create_app(EmulatorConfig(api_key=API_KEY, tid=TID, rate_limit=0))

    async def run(count: int) -> float:
        async def send(message: Any) -> None:
            return None

        started = time.perf_counter()
        for n in range(count):
            raw = orjson.dumps({"tid": TID, "api_key": API_KEY, "data": _audience(99, n)})
            messages = [{"type": "http.request", "body": raw, "more_body": False}]

            async def receive(messages: list[Any] = messages) -> Any:
                return messages.pop()

            scope = {
                "type": "http",
                "method": "POST",
                "path": AUDIENCE,
                "query_string": b"",
                "headers": [(b"host", b"bench"), (b"content-type", b"application/json")],
            }
            await app(scope, receive, send)
        return (time.perf_counter() - started) / count * 1e6

    asyncio.run(run(500))
    cost = asyncio.run(run(3000))
    app.engine.close()
    return cost


#: ``BENCH_EMULATOR_HTTP=h11`` serves with uvicorn's pure-Python stack (h11 + asyncio), to
#: compare with httptools + uvloop (what uvicorn picks when they are installed).
HTTP_STACK = os.environ.get("BENCH_EMULATOR_HTTP", "auto")
_H11_SERVER = (
    "import sys, uvicorn\n"
    "from omnisegment_emulator import EmulatorConfig, create_app\n"
    "app = create_app(EmulatorConfig(api_key=sys.argv[2], tid=sys.argv[3], rate_limit=0))\n"
    "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[1]), http='h11', loop='asyncio',\n"
    "            log_level='warning', access_log=False, lifespan='off')\n"
)


def _server_command(port: int) -> list[str]:
    if HTTP_STACK == "h11":
        return [sys.executable, "-c", _H11_SERVER, str(port), API_KEY, TID]
    cli = ["--port", str(port), "--rate-limit", "0", "--api-key", API_KEY, "--tid", TID]
    return [sys.executable, "-m", "omnisegment_emulator", *cli]


def main() -> int:
    port = _free_port()
    server = subprocess.Popen(
        _server_command(port),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print(server.stderr.read() if server.stderr else "", file=sys.stderr)
                    print("the emulator did not start", file=sys.stderr)
                    return 1
                time.sleep(0.05)
        fast = [m for m in ("httptools", "uvloop") if importlib.util.find_spec(m)]
        if HTTP_STACK == "h11":
            fast = []
        print(
            f"emulator: uvicorn with {' + '.join(fast) or 'h11 + asyncio'}; "
            f"{os.cpu_count()} cores; rate limit off; "
            "keep-alive clients, one request in flight each"
        )
        print(
            f"{'scenario':<34} {'clients':>7} {'requests':>8} {'req/s':>9} {'records/s':>10} "
            f"{'p50 ms':>8} {'p99 ms':>8}"
        )
        _scenario(base_url, "single audience import", AUDIENCE, 1, SINGLE_REQUESTS, 1)
        _scenario(base_url, "single audience import", AUDIENCE, 1, SINGLE_REQUESTS, 2)
        _scenario(base_url, "batch import, 50 audiences", BATCH, 50, BATCH_REQUESTS, 1)
        _scenario(base_url, "batch import, 50 audiences", BATCH, 50, BATCH_REQUESTS, 2)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            server.kill()
            server.wait()
    cost = _in_process_cost()
    print(
        f"emulator work per single import without HTTP: {cost:.0f} us "
        f"(~{1e6 / cost:.0f}/s); the rest of each request is HTTP parsing, the event loop and "
        "the client process sharing the same two cores"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
