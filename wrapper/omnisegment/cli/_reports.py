"""``omnisegment reports ...`` and ``omnisegment market-report``."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from omnisegment_api.models import (
    InteractiveAudiencesReport,
    MarketReport,
    ReportDetail,
    ReportSummary,
)
from rich.console import Console
from rich.table import Table

from .._errors import OmniSegmentError
from .._resources import AsyncInteractionReports, AsyncTrackingEventReports
from ..bulk._client import BulkClient
from ._common import client_settings, configure_logging, fail, load_credentials, make_console

__all__ = ["REPORT_KINDS", "ReportKind", "market_report_command", "reports_app"]

T = TypeVar("T")


@dataclass(frozen=True)
class ReportKind:
    """One report kind as the command line names it."""

    name: str
    extension: str
    has_id: bool = True  # False: found by its dates (interactive audiences)


REPORT_KINDS: dict[str, ReportKind] = {
    "interaction": ReportKind("interaction", ".jsonl"),
    "tracking-events": ReportKind("tracking-events", ".csv"),
    "interactive-audiences": ReportKind("interactive-audiences", ".json", has_id=False),
}

#: A report id, or the ``(start, end)`` dates of an interactive-audiences export.
ReportRef = int | tuple[str, str]
Report = ReportDetail | InteractiveAudiencesReport

reports_app = typer.Typer(
    help="Create, wait for and download reports (interaction, tracking-events, "
    "interactive-audiences).",
    no_args_is_help=True,
)

KindArg = Annotated[
    str, typer.Argument(help="interaction, tracking-events or interactive-audiences.")
]
EnvOpt = Annotated[str | None, typer.Option("--environment", "-e", help="tw, jp or staging.")]
BaseUrlOpt = Annotated[str | None, typer.Option(help="Explicit API base URL.")]
KeyFileOpt = Annotated[
    Path | None, typer.Option(help="File holding the API key (else env OMNISEGMENT_API_KEY).")
]
TidOpt = Annotated[str | None, typer.Option(help="Organisation id (else env OMNISEGMENT_TID).")]
VerboseOpt = Annotated[int, typer.Option("--verbose", "-v", count=True, help="-v, -vv.")]


def _report_kind(name: str) -> ReportKind:
    key = name.strip().lower().replace("_", "-")
    key = {"tracking": "tracking-events", "tracking-event": "tracking-events"}.get(key, key)
    if key not in REPORT_KINDS:
        fail(f"unknown report kind {name!r}; choose one of: {', '.join(REPORT_KINDS)}")
    return REPORT_KINDS[key]


def _date(value: str, flag: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        fail(f"{flag} must be a date YYYY-MM-DD, got {value!r}")


def _client(
    environment: str | None, base_url: str | None, api_key_file: Path | None, tid: str | None
) -> BulkClient:
    credentials = load_credentials(api_key_file, tid)
    settings = client_settings(environment=environment, base_url=base_url)
    return BulkClient(
        credentials=credentials,
        base_url=settings.base_url,
        retry=settings.retry,
        rate_limit=settings.rate_limits,
    )


def _run(client: BulkClient, work: Callable[[BulkClient], Awaitable[T]]) -> T:
    async def go() -> T:
        try:
            return await work(client)
        finally:
            await client.aclose()

    try:
        return asyncio.run(go())
    except OmniSegmentError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted")


def _id_reports(
    client: BulkClient, kind: ReportKind
) -> AsyncInteractionReports | AsyncTrackingEventReports:
    reports = client.reports
    return reports.tracking_events if kind.name == "tracking-events" else reports.interaction


async def create_report(
    client: BulkClient,
    kind: ReportKind,
    start: str,
    end: str,
    name: str | None = None,
    *,
    include_anonymous_user: bool = False,
    include_event_raw_data: bool = False,
) -> int | None:
    """Create a report; returns its id (None for interactive audiences, which have none)."""
    reports = client.reports
    if not kind.has_id:
        await reports.interactive_audiences.create(start, end)
        return None
    label = name or f"{kind.name} {start} to {end}"
    if kind.name == "tracking-events":
        created = await reports.tracking_events.create(
            label,
            start,
            end,
            include_anonymous_user=include_anonymous_user or None,
            include_event_raw_data=include_event_raw_data or None,
        )
    else:
        created = await reports.interaction.create(label, start, end)
    return created.report_id


async def list_reports(client: BulkClient, kind: ReportKind) -> list[dict[str, Any]]:
    """The reports of the last day, as plain dicts."""
    entries: Sequence[ReportSummary | InteractiveAudiencesReport]
    if kind.has_id:
        entries = await _id_reports(client, kind).list()
    else:
        entries = await client.reports.interactive_audiences.list()
    return [entry.to_dict() for entry in entries]


async def wait_report(
    client: BulkClient, kind: ReportKind, ref: ReportRef, *, timeout: float, interval: float
) -> Report:
    """Poll every ``interval`` seconds until the report is SUCCESS or FAIL."""
    if isinstance(ref, tuple):
        start, end = ref
        return await client.reports.interactive_audiences.wait(
            start, end, timeout=timeout, interval=interval, max_interval=interval
        )
    return await _id_reports(client, kind).wait(
        ref, timeout=timeout, interval=interval, max_interval=interval
    )


def report_state(report: Report) -> tuple[str, str | None]:
    """A report's status and download link (None until there is one)."""
    url = report.report_url if isinstance(report, ReportDetail) else report.file_url
    return str(report.status), url if isinstance(url, str) and url else None


def _output_path(kind: ReportKind, ident: str, output: Path | None) -> Path:
    if output is not None:
        return output
    return Path(f"{kind.name}-report-{ident}{kind.extension}")


@reports_app.command("create")
def create_cmd(
    kind: KindArg,
    start: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option(help="Last day, YYYY-MM-DD.")],
    name: Annotated[str | None, typer.Option(help="Report name.")] = None,
    include_anonymous_user: Annotated[
        bool, typer.Option(help="tracking-events: include visitors without member number.")
    ] = False,
    include_event_raw_data: Annotated[
        bool, typer.Option(help="tracking-events: add the raw event column.")
    ] = False,
    environment: EnvOpt = None,
    base_url: BaseUrlOpt = None,
    api_key_file: KeyFileOpt = None,
    tid: TidOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Create a report and print its id."""
    configure_logging(verbose, "text")
    rk = _report_kind(kind)
    _check_tracking_flags(rk, include_anonymous_user, include_event_raw_data)
    s, e = _date(start, "--start"), _date(end, "--end")
    client = _client(environment, base_url, api_key_file, tid)
    report_id = _run(
        client,
        lambda c: create_report(
            c,
            rk,
            s,
            e,
            name,
            include_anonymous_user=include_anonymous_user,
            include_event_raw_data=include_event_raw_data,
        ),
    )
    if report_id is None:
        print(f"created {rk.name} report for {s} to {e} (this kind has no id; use the dates)")
    else:
        print(report_id)


def _check_tracking_flags(rk: ReportKind, anonymous: bool, raw: bool) -> None:
    if rk.name != "tracking-events" and (anonymous or raw):
        fail("--include-* options only apply to tracking-events reports")


@reports_app.command("list")
def list_cmd(
    kind: KindArg,
    environment: EnvOpt = None,
    base_url: BaseUrlOpt = None,
    api_key_file: KeyFileOpt = None,
    tid: TidOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """List the reports of the last day."""
    configure_logging(verbose, "text")
    rk = _report_kind(kind)
    client = _client(environment, base_url, api_key_file, tid)
    listing = _run(client, lambda c: list_reports(c, rk))
    table = Table(title=f"{rk.name} reports")
    keys = sorted({k for entry in listing for k in entry})
    for key in keys:
        table.add_column(key)
    for entry in listing:
        table.add_row(*(str(entry.get(k, "")) for k in keys))
    make_console().print(table)


@reports_app.command("wait")
def wait_cmd(
    kind: KindArg,
    report_id: Annotated[int | None, typer.Argument(help="Report id.")] = None,
    start: Annotated[str | None, typer.Option(help="interactive-audiences: first day.")] = None,
    end: Annotated[str | None, typer.Option(help="interactive-audiences: last day.")] = None,
    timeout: Annotated[float, typer.Option(help="Give up after this many seconds.")] = 600.0,
    interval: Annotated[float, typer.Option(help="Seconds between polls.")] = 2.0,
    environment: EnvOpt = None,
    base_url: BaseUrlOpt = None,
    api_key_file: KeyFileOpt = None,
    tid: TidOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Wait until a report is ready; prints its status and download link."""
    configure_logging(verbose, "text")
    rk = _report_kind(kind)
    ref = _ident(rk, report_id, start, end)
    client = _client(environment, base_url, api_key_file, tid)
    report = _run(client, lambda c: wait_report(c, rk, ref, timeout=timeout, interval=interval))
    status, url = report_state(report)
    print(f"{status} {url or ''}".strip())
    if status != "SUCCESS":
        raise typer.Exit(2)


def _ident(rk: ReportKind, report_id: int | None, start: str | None, end: str | None) -> ReportRef:
    if not rk.has_id:
        if start is None or end is None:
            fail("interactive-audiences reports are found by --start and --end")
        return _date(start, "--start"), _date(end, "--end")
    if report_id is None:
        fail(f"{rk.name} reports need a REPORT_ID")
    return report_id


async def fetch_report(
    client: BulkClient,
    rk: ReportKind,
    ref: ReportRef,
    output: Path,
    *,
    timeout: float,
    interval: float,
) -> tuple[Path, int]:
    """Wait for a report and save its file; returns the path and its size."""
    report = await wait_report(client, rk, ref, timeout=timeout, interval=interval)
    status, url = report_state(report)
    if status != "SUCCESS" or url is None:
        raise OmniSegmentError(f"report ended as {status}")
    output.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(report, InteractiveAudiencesReport):
        content = await client.reports.interactive_audiences.download(report, output)
    else:
        content = await _id_reports(client, rk).download(report, output)
    return output, len(content)


def _ref_name(ref: ReportRef) -> str:
    return f"{ref[0]}_{ref[1]}" if isinstance(ref, tuple) else str(ref)


@reports_app.command("download")
def download_cmd(
    kind: KindArg,
    report_id: Annotated[int | None, typer.Argument(help="Report id.")] = None,
    start: Annotated[str | None, typer.Option(help="interactive-audiences: first day.")] = None,
    end: Annotated[str | None, typer.Option(help="interactive-audiences: last day.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where to save.")] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait at most.")] = 600.0,
    interval: Annotated[float, typer.Option(help="Seconds between polls.")] = 2.0,
    environment: EnvOpt = None,
    base_url: BaseUrlOpt = None,
    api_key_file: KeyFileOpt = None,
    tid: TidOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Wait for a report and download its file."""
    configure_logging(verbose, "text")
    rk = _report_kind(kind)
    ref = _ident(rk, report_id, start, end)
    path = _output_path(rk, _ref_name(ref), output)
    client = _client(environment, base_url, api_key_file, tid)
    saved, size = _run(
        client, lambda c: fetch_report(c, rk, ref, path, timeout=timeout, interval=interval)
    )
    print(f"saved {saved} ({size:,} bytes)")


@reports_app.command("run")
def run_cmd(
    kind: KindArg,
    start: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option(help="Last day, YYYY-MM-DD.")],
    name: Annotated[str | None, typer.Option(help="Report name.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where to save.")] = None,
    include_anonymous_user: Annotated[bool, typer.Option(help="tracking-events only.")] = False,
    include_event_raw_data: Annotated[bool, typer.Option(help="tracking-events only.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait at most.")] = 600.0,
    interval: Annotated[float, typer.Option(help="Seconds between polls.")] = 2.0,
    environment: EnvOpt = None,
    base_url: BaseUrlOpt = None,
    api_key_file: KeyFileOpt = None,
    tid: TidOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Create a report, wait for it and download it (all in one)."""
    configure_logging(verbose, "text")
    rk = _report_kind(kind)
    _check_tracking_flags(rk, include_anonymous_user, include_event_raw_data)
    s, e = _date(start, "--start"), _date(end, "--end")
    client = _client(environment, base_url, api_key_file, tid)

    async def work(c: BulkClient) -> tuple[Path, int]:
        report_id = await create_report(
            c,
            rk,
            s,
            e,
            name,
            include_anonymous_user=include_anonymous_user,
            include_event_raw_data=include_event_raw_data,
        )
        ref: ReportRef = (s, e) if report_id is None else report_id
        path = _output_path(rk, _ref_name(ref), output)
        return await fetch_report(c, rk, ref, path, timeout=timeout, interval=interval)

    saved, size = _run(client, work)
    print(f"saved {saved} ({size:,} bytes)")


def market_report_command(
    start: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option(help="Last day, YYYY-MM-DD.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the raw payload as JSON.")] = False,
    environment: EnvOpt = None,
    base_url: BaseUrlOpt = None,
    api_key_file: KeyFileOpt = None,
    tid: TidOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Messages sent and fees per channel for a date range."""
    configure_logging(verbose, "text")
    s, e = _date(start, "--start"), _date(end, "--end")
    client = _client(environment, base_url, api_key_file, tid)
    report = _run(client, lambda c: c.reports.market(s, e))
    if as_json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    print_market_report(make_console(), report, s, e)


def print_market_report(console: Console, report: MarketReport, start: str, end: str) -> None:
    """A table of channel volumes and fees."""
    table = Table(title=f"market report {start} to {end}", title_justify="left", min_width=44)
    table.add_column("channel")
    table.add_column("sent", justify="right")
    table.add_column("fee", justify="right")
    payload = report.to_dict()
    for channel, usage in payload.items():
        if isinstance(usage, dict):
            table.add_row(
                channel, f"{usage.get('total_send', 0):,}", f"{usage.get('total_fee', 0):,}"
            )
    if "monthly_fee" in payload:
        table.add_row("monthly fee", "", f"{payload['monthly_fee']:,}")
    console.print(table)
