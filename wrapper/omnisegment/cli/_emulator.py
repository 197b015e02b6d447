"""``omnisegment emulator``: run the local emulator (delegates to the emulator package)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import fail

__all__ = ["emulator_command"]


def emulator_command(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8765,
    db: Annotated[
        Path | None, typer.Option(help="SQLite file keeping the data (default: memory).")
    ] = None,
    api_key_file: Annotated[
        Path | None, typer.Option(help="File with the API key to accept (default: generated).")
    ] = None,
    tid: Annotated[str | None, typer.Option(help="Organisation id (default: generated).")] = None,
    rate_limit: Annotated[
        int, typer.Option(help="Requests per second per endpoint; 0 turns limits off.")
    ] = 10,
    faults: Annotated[
        str, typer.Option(help="Seeded faults, e.g. 503:0.1,429:0.05,reset:0.02.")
    ] = "",
    latency: Annotated[float, typer.Option(help="Added latency per request, milliseconds.")] = 0.0,
    seed: Annotated[int | None, typer.Option(help="Seed for reproducible faults.")] = None,
    report_delay: Annotated[float, typer.Option(help="Seconds a report stays RUNNING.")] = 2.0,
) -> None:
    """Run the local OmniSegment emulator until interrupted."""
    try:
        from omnisegment_emulator.cli import serve
    except ImportError:
        fail("the emulator is not installed: pip install 'omnisegment[emulator]'")
    api_key = None
    if api_key_file is not None:
        try:
            api_key = api_key_file.read_text(encoding="utf-8").strip() or None
        except OSError as exc:
            fail(f"cannot read {api_key_file}: {exc.strerror or exc}")
    serve(
        host=host,
        port=port,
        db=str(db) if db is not None else None,
        api_key=api_key,
        tid=tid,
        rate_limit=rate_limit,
        faults=faults,
        latency=latency,
        seed=seed,
        report_delay=report_delay,
    )
