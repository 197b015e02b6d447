"""``omnisegment reports ...`` and ``omnisegment market-report``."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from .._errors import OmniSegmentError
from ..bulk._client import BulkClient
from ._common import client_settings, configure_logging, fail, load_credentials, make_console

__all__ = ["REPORT_KINDS", "ReportKind", "market_report_command", "reports_app"]

T = TypeVar("T")


@dataclass(frozen=True)
class ReportKind:
    """The operations of one report kind."""

    name: str
    create: str
    list: str
    get: str | None  # None: found through the list (interactive audiences)
    extension: str


REPORT_KINDS: dict[str, ReportKind] = {
    "interaction": ReportKind(
        "interaction",
        "create_interaction_report",
        "list_interaction_reports",
        "get_interaction_report",
        ".jsonl",
    ),
    "tracking-events": ReportKind(
        "tracking-events",
        "create_tracking_event_report",
        "list_tracking_event_reports",
        "get_tracking_event_report",
        ".csv",
    ),
    "interactive-audiences": ReportKind(
        "interactive-audiences",
        "create_interactive_audiences_report",
        "list_interactive_audiences_reports",
        None,
        ".json",
    ),
}

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


async def create_report(
    client: BulkClient,
    kind: ReportKind,
    start: str,
    end: str,
    name: str | None = None,
    extra: dict[str, Any] | None = None,
) -> int | None:
    """Create a report; returns its id (None for interactive audiences, which have none)."""
    body: dict[str, Any] = {"start_date": start, "end_date": end}
    if kind.get is not None:
        body["report_name"] = name or f"{kind.name} {start} to {end}"
    body.update(extra or {})
    payload = await client.request(kind.create, json=body)
    if isinstance(payload, dict) and isinstance(payload.get("report_id"), int):
        return int(payload["report_id"])
    return None


async def report_status(
    client: BulkClient, kind: ReportKind, report_id: int | None, start: str | None, end: str | None
) -> dict[str, Any]:
    """Current ``{status, url, name}`` of a report (by id, or by date range)."""
    if kind.get is not None and report_id is not None:
        payload = await client.request(kind.get, path_params={"id": report_id})
        if not isinstance(payload, dict):
            return {"status": "UNKNOWN"}
        return {
            "status": payload.get("status"),
            "url": payload.get("report_url"),
            "name": payload.get("report_name"),
        }
    listing = await client.request(kind.list)
    for entry in reversed(listing or []):
        if not isinstance(entry, dict):
            continue
        if report_id is not None and entry.get("report_id") == report_id:
            return {"status": entry.get("status"), "url": None, "name": entry.get("report_name")}
        if entry.get("start_date") == start and entry.get("end_date") == end:
            return {
                "status": entry.get("status"),
                "url": entry.get("file_url"),
                "name": entry.get("report_name"),
            }
    return {"status": "NOT_FOUND"}


async def wait_report(
    client: BulkClient,
    kind: ReportKind,
    report_id: int | None,
    start: str | None = None,
    end: str | None = None,
    *,
    timeout: float = 600.0,
    interval: float = 2.0,
    on_poll: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Poll until the report is SUCCESS or FAIL (or the timeout passes)."""
    deadline = time.monotonic() + timeout
    while True:
        state = await report_status(client, kind, report_id, start, end)
        if on_poll is not None:
            on_poll(str(state.get("status")))
        if state.get("status") in ("SUCCESS", "FAIL"):
            if kind.get is not None and state.get("status") == "SUCCESS" and not state.get("url"):
                state = await report_status(client, kind, report_id, start, end)
            return state
        if time.monotonic() >= deadline:
            raise OmniSegmentError(f"report still {state.get('status')} after {timeout:g} s")
        await asyncio.sleep(interval)


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
    extra = _tracking_extra(rk, include_anonymous_user, include_event_raw_data)
    s, e = _date(start, "--start"), _date(end, "--end")
    client = _client(environment, base_url, api_key_file, tid)
    report_id = _run(client, lambda c: create_report(c, rk, s, e, name, extra))
    if report_id is None:
        print(f"created {rk.name} report for {s} to {e} (this kind has no id; use the dates)")
    else:
        print(report_id)


def _tracking_extra(rk: ReportKind, anonymous: bool, raw: bool) -> dict[str, Any]:
    if rk.name != "tracking-events":
        if anonymous or raw:
            fail("--include-* options only apply to tracking-events reports")
        return {}
    extra: dict[str, Any] = {}
    if anonymous:
        extra["include_anonymous_user"] = True
    if raw:
        extra["include_event_raw_data"] = True
    return extra


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
    listing = _run(client, lambda c: c.request(rk.list))
    table = Table(title=f"{rk.name} reports")
    keys = sorted({k for entry in listing or [] if isinstance(entry, dict) for k in entry})
    for key in keys:
        table.add_column(key)
    for entry in listing or []:
        if isinstance(entry, dict):
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
    s, e = _ident(rk, report_id, start, end)
    client = _client(environment, base_url, api_key_file, tid)
    state = _run(
        client,
        lambda c: wait_report(c, rk, report_id, s, e, timeout=timeout, interval=interval),
    )
    print(f"{state.get('status')} {state.get('url') or ''}".strip())
    if state.get("status") != "SUCCESS":
        raise typer.Exit(2)


def _ident(
    rk: ReportKind, report_id: int | None, start: str | None, end: str | None
) -> tuple[str | None, str | None]:
    if rk.get is None:
        if start is None or end is None:
            fail("interactive-audiences reports are found by --start and --end")
        return _date(start, "--start"), _date(end, "--end")
    if report_id is None:
        fail(f"{rk.name} reports need a REPORT_ID")
    return None, None


async def fetch_report(
    client: BulkClient,
    rk: ReportKind,
    report_id: int | None,
    start: str | None,
    end: str | None,
    output: Path,
    *,
    timeout: float,
    interval: float,
) -> tuple[Path, int]:
    """Wait for a report and save its file; returns the path and its size."""
    state = await wait_report(client, rk, report_id, start, end, timeout=timeout, interval=interval)
    if state.get("status") != "SUCCESS" or not state.get("url"):
        raise OmniSegmentError(f"report ended as {state.get('status')}")
    content = await client.download(str(state["url"]))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(content)
    return output, len(content)


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
    s, e = _ident(rk, report_id, start, end)
    ident = str(report_id) if report_id is not None else f"{s}_{e}"
    path = _output_path(rk, ident, output)
    client = _client(environment, base_url, api_key_file, tid)
    saved, size = _run(
        client,
        lambda c: fetch_report(c, rk, report_id, s, e, path, timeout=timeout, interval=interval),
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
    extra = _tracking_extra(rk, include_anonymous_user, include_event_raw_data)
    s, e = _date(start, "--start"), _date(end, "--end")
    client = _client(environment, base_url, api_key_file, tid)

    async def work(c: BulkClient) -> tuple[Path, int]:
        report_id = await create_report(c, rk, s, e, name, extra)
        ident = str(report_id) if report_id is not None else f"{s}_{e}"
        return await fetch_report(
            c,
            rk,
            report_id,
            s,
            e,
            _output_path(rk, ident, output),
            timeout=timeout,
            interval=interval,
        )

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
    payload = _run(
        client,
        lambda c: c.request("show_market_report", json={"data": {"start_date": s, "end_date": e}}),
    )
    if as_json:
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    print_market_report(make_console(), payload, s, e)


def print_market_report(console: Console, payload: Any, start: str, end: str) -> None:
    """A table of channel volumes and fees."""
    table = Table(title=f"market report {start} to {end}", title_justify="left", min_width=44)
    table.add_column("channel")
    table.add_column("sent", justify="right")
    table.add_column("fee", justify="right")
    payload = payload if isinstance(payload, dict) else {}
    for channel, usage in payload.items():
        if isinstance(usage, dict):
            table.add_row(
                channel, f"{usage.get('total_send', 0):,}", f"{usage.get('total_fee', 0):,}"
            )
    if "monthly_fee" in payload:
        table.add_row("monthly fee", "", f"{payload['monthly_fee']:,}")
    console.print(table)
