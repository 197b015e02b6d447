"""``omnisegment emulator`` / ``python -m omnisegment_emulator``: serve the emulator."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import uvicorn

from .app import create_app
from .config import EmulatorConfig


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    db: str | None = None,
    api_key: str | None = None,
    tid: str | None = None,
    rate_limit: int = 10,
    faults: str = "",
    latency: float = 0.0,
    seed: int | None = None,
    report_delay: float = 2.0,
) -> None:
    """Serve the emulator with uvicorn until Ctrl-C (prints generated demo credentials)."""
    config = EmulatorConfig(
        db=db,
        api_key=api_key,
        tid=tid,
        rate_limit=rate_limit,
        faults=faults,
        latency=latency,
        seed=seed,
        report_delay=report_delay,
    )
    app = create_app(config)
    engine = app.engine
    base_url = f"http://{host}:{port}"
    lines = [f"OmniSegment emulator on {base_url} (control API: {base_url}/_emulator/)"]
    if config.generated_credentials:
        lines.append("Demo credentials (generated for this run):")
        lines.append(f"  OMNISEGMENT_API_KEY={engine.api_key}")
        lines.append(f"  OMNISEGMENT_TID={engine.tid}")
    else:
        lines.append(f"tid {engine.tid}; api key as given")
    lines.append(f"  OMNISEGMENT_BASE_URL={base_url}")
    lines.append(f"Data: {db or 'in memory (lost on exit)'}. Press Ctrl-C to stop.")
    print("\n".join(lines), flush=True)
    try:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
        )
    finally:
        engine.close()


def build_parser() -> argparse.ArgumentParser:
    """The command-line options (the same as ``omnisegment emulator``)."""
    parser = argparse.ArgumentParser(
        prog="python -m omnisegment_emulator",
        description="A local, stateful, spec-validated OmniSegment API.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", default=None, help="SQLite file (default: in memory)")
    parser.add_argument("--api-key", default=None, help="API key (default: generated)")
    parser.add_argument("--tid", default=None, help="organisation id (default: generated)")
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=10,
        help="requests/second replacing the default 10/s limits; 0 turns limits off",
    )
    parser.add_argument("--faults", default="", help="e.g. 503:0.1,429:0.05,502:0.02,reset:0.01")
    parser.add_argument("--latency", type=float, default=0.0, help="added latency in ms")
    parser.add_argument("--seed", type=int, default=None, help="seed for reproducible faults")
    parser.add_argument(
        "--report-delay", type=float, default=2.0, help="seconds a report stays RUNNING"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m omnisegment_emulator``."""
    args = build_parser().parse_args(argv)
    try:
        serve(**vars(args))  # the options are named like the parameters of serve()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0
