"""``omnisegment demo``: the emulator in-process, the sample files imported, a report."""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from omnisegment_api.models import ReportStatus
from rich.console import Console
from rich.table import Table

from .._environments import Credentials
from .._errors import OmniSegmentError
from .._policies import RateLimits, RetryPolicy
from ..bulk import ImportOptions, ImportResult, kind_spec
from ..bulk._client import BulkClient
from ._common import EXIT_FATAL, EXIT_OK, configure_logging, fail, make_console
from ._import import run_import
from ._progress import ProgressDisplay
from ._reports import print_market_report
from ._summary import print_rejections, print_summary

__all__ = ["SAMPLE_FILES", "demo_command", "find_samples"]

#: Sample file -> kind, in the order they are shown.
SAMPLE_FILES: tuple[tuple[str, str], ...] = (
    ("audiences.csv", "audiences"),
    ("purchases.csv", "purchases"),
    ("gift-vouchers.jsonl", "gift-vouchers"),
    ("products.csv", "products"),
)
_COLLECTIONS = {
    "audiences": "audiences",
    "purchases": "purchases",
    "gift-vouchers": "gift_vouchers",
    "products": "products",
}


def find_samples(explicit: Path | None = None) -> Path | None:
    """The samples folder: ``--samples``, ``./samples`` or the source checkout's."""
    candidates = [explicit] if explicit is not None else []
    candidates += [Path.cwd() / "samples", Path(__file__).resolve().parents[3] / "samples"]
    for folder in candidates:
        if folder is not None and (folder / SAMPLE_FILES[0][0]).is_file():
            return folder
    return None


def demo_command(
    samples: Annotated[
        Path | None, typer.Option(help="Folder with the sample files (default: ./samples).")
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(help="Where rejects and the report go (default: a temporary folder)."),
    ] = None,
    rate_limit: Annotated[
        int, typer.Option(help="Emulator rate limit per endpoint (requests/second).")
    ] = 10,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True)] = 0,
) -> None:
    """Start the emulator in-process, import the samples, fetch a report, show the result."""
    configure_logging(verbose, "text")
    folder = find_samples(samples)
    if folder is None:
        fail("sample files not found: run from the repository root or pass --samples DIR")
    try:
        from omnisegment_emulator.testing import running_emulator
    except ImportError:
        fail("the emulator is not installed: pip install 'omnisegment[emulator]'")
    out = output_dir or Path(tempfile.mkdtemp(prefix="omnisegment-demo-"))
    out.mkdir(parents=True, exist_ok=True)
    console = make_console()
    with running_emulator(rate_limit=rate_limit, report_delay=1.0) as emu:
        console.print(
            f"[bold]emulator[/bold] listening on {emu.base_url} (tid {emu.tid}, "
            f"{rate_limit} requests/s per endpoint)"
        )
        code = asyncio.run(_demo(console, emu, folder, out, rate_limit))
        _show_store(console, emu)
    console.print(f"rejects and the report are in {out}")
    raise typer.Exit(code)


async def _demo(console: Console, emu: Any, folder: Path, out: Path, rate: int) -> int:
    # The client paces itself to the emulator's limit (0: no limit on either side). One
    # client per file, so that each summary row counts its own retries and 429s.
    limits = RateLimits.disabled()
    if rate > 0:
        ops = [kind_spec(kind).kind.operation_id for _, kind in SAMPLE_FILES]
        limits = RateLimits(overrides={op: (rate, 1.0) for op in ops})

    def client() -> BulkClient:
        return BulkClient(
            credentials=Credentials(api_key=emu.api_key, tid=emu.tid),
            base_url=emu.base_url,
            retry=RetryPolicy(gateway_retry_interval=1.0),
            rate_limit=limits,
        )

    clients = [client() for _ in SAMPLE_FILES]
    try:
        results = await _imports(console, clients, folder, out)
        print_summary(console, results)
        for name, result in results:
            print_rejections(console, result, limit=6, label=name)
        if any(r.fatal for _, r in results):
            return EXIT_FATAL
        await _report(console, clients[0], out)
    finally:
        for c in clients:
            await c.aclose()
    return EXIT_OK


async def _imports(
    console: Console, clients: list[BulkClient], folder: Path, out: Path
) -> list[tuple[str, ImportResult]]:
    console.print(
        "importing the sample files; the four endpoints have separate rate-limit buckets, "
        "so they run side by side"
    )
    display = ProgressDisplay(console=make_console(stderr=True), interval=2.0)
    jobs = []
    with display:
        for (name, kind), client in zip(SAMPLE_FILES, clients, strict=True):
            options = ImportOptions(
                rejects=out / f"{Path(name).stem}.rejects.jsonl",
                telemetry=client.telemetry,
                params={"ignore_empty_value": False} if kind == "audiences" else {},
            )
            jobs.append(
                run_import(client, kind, str(folder / name), options, fmt=None, display=display)
            )
        results = await asyncio.gather(*jobs)
    return [(name, result) for (name, _), result in zip(SAMPLE_FILES, results, strict=True)]


async def _report(console: Console, client: BulkClient, out: Path) -> None:
    import datetime as dt

    end = dt.date.today() - dt.timedelta(days=1)
    start = end - dt.timedelta(days=6)
    reports = client.reports
    console.print(f"creating an interaction report for {start} to {end} ...")
    created = await reports.interaction.create(f"interaction {start} to {end}", start, end)
    report_id = created.report_id
    detail = await reports.interaction.wait(created, timeout=60, interval=0.5, max_interval=0.5)
    if detail.status != ReportStatus.SUCCESS:
        raise OmniSegmentError(f"report ended as {detail.status}")
    path = out / f"interaction-report-{report_id}.jsonl"
    size = len(await reports.interaction.download(detail, path))
    console.print(f"report {report_id} ready: downloaded {size:,} bytes to {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[:2]:
        console.print("  " + line, highlight=False, markup=False, overflow="ellipsis", no_wrap=True)
    market = await reports.market(start, end)
    print_market_report(console, market, start.isoformat(), end.isoformat())


def _show_store(console: Console, emu: Any) -> None:
    table = Table(title="what the emulator stored", title_justify="left")
    table.add_column("collection")
    table.add_column("records", justify="right")
    sample: dict[str, Any] | None = None
    for kind, collection in _COLLECTIONS.items():
        try:
            records = emu.store(collection)
        except Exception:  # pragma: no cover - an emulator without this collection
            continue
        table.add_row(f"{collection} ({kind})", f"{len(records):,}")
        if kind == "audiences" and records:
            sample = records[0]
    console.print(table)
    if sample is not None:
        console.print("first stored audience:")
        console.print(json.dumps(sample, ensure_ascii=False)[:400], highlight=False, markup=False)
