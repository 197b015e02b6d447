"""``omnisegment import KIND FILE``."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .._environments import ENV_ENVIRONMENT
from ..bulk import (
    KINDS,
    CheckpointError,
    ImportOptions,
    ImportResult,
    InputError,
    SpecError,
    import_file,
    kind_spec,
    normalise_kind,
    parse_timezone,
)
from ..bulk._client import BulkClient
from ..bulk._readers import detect_format
from ._common import (
    EXIT_FATAL,
    client_settings,
    configure_logging,
    count_lines,
    fail,
    load_credentials,
    make_console,
)
from ._progress import ProgressDisplay
from ._summary import print_rejections, print_summary, verdict

__all__ = ["import_command", "run_import"]

KIND_HELP = "What the file holds: " + ", ".join(KINDS) + "."


def default_paths(file: str) -> tuple[Path | None, Path]:
    """Default checkpoint and rejects paths: next to the input (stdin: rejects in cwd)."""
    if file == "-":
        return None, Path("omnisegment-rejects.jsonl")
    return Path(file + ".checkpoint"), Path(file + ".rejects.jsonl")


async def run_import(
    client: BulkClient | None,
    kind: str,
    file: str,
    options: ImportOptions,
    *,
    fmt: str | None,
    display: ProgressDisplay,
) -> ImportResult:
    """Run one file import with a progress callback attached."""
    total: int | None = None
    if file != "-":
        lines = count_lines(Path(file))
        if lines is not None:
            chosen = detect_format(file, fmt)
            total = max(0, lines - 1) if chosen in (None, "csv") else lines
    callback = display.track(kind, total)
    return await import_file(
        client,
        kind,
        file,
        options.replace(progress=callback, progress_interval=0.25),
        fmt=fmt,
    )


def import_command(
    kind: Annotated[str, typer.Argument(help=KIND_HELP, show_default=False)],
    file: Annotated[
        str, typer.Argument(help="CSV or JSON Lines file; - reads stdin.", show_default=False)
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="csv or jsonl (default: from the extension)."),
    ] = None,
    environment: Annotated[
        str | None,
        typer.Option("--environment", "-e", help="tw, jp or staging."),
    ] = None,
    base_url: Annotated[
        str | None, typer.Option(help="Explicit API base URL (env OMNISEGMENT_BASE_URL).")
    ] = None,
    api_key_file: Annotated[
        Path | None,
        typer.Option(help="File holding the API key (else env OMNISEGMENT_API_KEY)."),
    ] = None,
    tid: Annotated[str | None, typer.Option(help="Organisation id (env OMNISEGMENT_TID).")] = None,
    merge_key: Annotated[
        str | None, typer.Option(help="audiences: field that identifies a profile.")
    ] = None,
    tag_mode: Annotated[str | None, typer.Option(help="audiences: append or replace.")] = None,
    ignore_empty_values: Annotated[
        bool,
        typer.Option(
            "--ignore-empty-values",
            help="audiences: empty strings/nulls leave stored values untouched.",
        ),
    ] = False,
    identifier_field: Annotated[
        str | None,
        typer.Option(help="purchases, gift-vouchers: line_id, phone, email or messenger_psid."),
    ] = None,
    is_anonymous: Annotated[
        bool, typer.Option("--is-anonymous", help="purchases: orders carry no customer identity.")
    ] = False,
    site: Annotated[
        str | None, typer.Option(help="gift-vouchers, products: site of a multi-site organisation.")
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option(
            help="Zone for date-times without an offset (default Asia/Taipei; "
            "Asia/Tokyo with -e jp), e.g. +09:00."
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Read and validate only; send nothing.")
    ] = False,
    rejects: Annotated[
        Path | None,
        typer.Option(help="Rejected rows as JSON Lines (default: FILE.rejects.jsonl)."),
    ] = None,
    checkpoint: Annotated[
        Path | None, typer.Option(help="Checkpoint file (default: FILE.checkpoint).")
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted import from its checkpoint.")
    ] = False,
    rate_limit: Annotated[
        float | None,
        typer.Option(help="Requests per second for this endpoint (0 turns throttling off)."),
    ] = None,
    rate_limit_backend: Annotated[
        str | None,
        typer.Option(help="memory, sqlite:///path or redis://host:port/db (shared budget)."),
    ] = None,
    gateway_retry_interval: Annotated[
        float | None, typer.Option(help="Seconds between retries of 502/503/504 (default 300).")
    ] = None,
    max_gateway_retries: Annotated[
        int | None, typer.Option(help="Retries of 502/503/504 before giving up (default 5).")
    ] = None,
    concurrency: Annotated[int, typer.Option(help="Requests in flight.", min=1)] = 8,
    batch_size: Annotated[
        int | None, typer.Option(help="Records per request (default: the endpoint's limit).", min=1)
    ] = None,
    allow_insecure_http: Annotated[
        bool, typer.Option(help="Allow http:// to a host that is not loopback.")
    ] = False,
    progress_interval: Annotated[
        float, typer.Option(help="Seconds between plain progress lines (no terminal).")
    ] = 5.0,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="-v retries, -vv debug.")
    ] = 0,
    log_format: Annotated[str, typer.Option(help="text or json.")] = "text",
) -> None:
    """Import a CSV or JSON Lines file: validate, batch, send, checkpoint, report."""
    if log_format not in ("text", "json"):
        fail(f"--log-format must be text or json (got {log_format!r})")
    configure_logging(verbose, log_format)
    try:
        kind = normalise_kind(kind)
        ks = kind_spec(kind)
    except (ValueError, SpecError) as exc:
        fail(str(exc))
    if timezone is None and (environment or os.environ.get(ENV_ENVIRONMENT, "")).lower() == "jp":
        timezone = "Asia/Tokyo"  # the Japan host reads naive times in +09
    try:
        tz = parse_timezone(timezone) if timezone else None
    except ValueError as exc:
        fail(str(exc))
    if file != "-" and not os.path.exists(file):
        fail(f"{file}: file not found")
    params: dict[str, Any] = {}
    given = {
        "merge_key": merge_key,
        "tag_mode": tag_mode,
        "identifier_field": identifier_field,
        "is_anonymous": True if is_anonymous else None,
        "site": site,
        "ignore_empty_value": True if ignore_empty_values else None,
    }
    for name, value in given.items():
        if value is None:
            continue
        if name not in ks.kind.options:
            flag = "--" + name.replace("_", "-")
            fail(f"{flag} does not apply to {kind}")
        params[name] = value
    if kind == "audiences" and "ignore_empty_value" not in params:
        params["ignore_empty_value"] = False  # sent explicitly (spec decision)
    error = _check_params(ks, params)
    if error:
        fail(error)
    default_checkpoint, default_rejects = default_paths(file)
    checkpoint_path = checkpoint or default_checkpoint
    if resume and checkpoint_path is None:
        fail("--resume needs --checkpoint when reading stdin")
    rejects_path = rejects or default_rejects
    if dry_run and checkpoint_path is not None and checkpoint_path.exists() and rejects is None:
        # A dry run starts its rejects file afresh; here that would erase the rejections
        # of the unfinished import that --resume will continue.
        fail(
            f"{checkpoint_path} belongs to an unfinished import whose rejects are in "
            f"{rejects_path}: give the dry run its own --rejects PATH"
        )
    options = ImportOptions(
        params=params,
        batch_size=batch_size,
        concurrency=concurrency,
        dry_run=dry_run,
        timezone=tz,
        checkpoint=None if dry_run else checkpoint_path,
        resume=resume,
        rejects=rejects_path,
    )
    console = make_console()
    display = ProgressDisplay(interval=progress_interval, dry_run=dry_run)
    connection = {
        "api_key_file": api_key_file,
        "tid": tid,
        "environment": environment,
        "base_url": base_url,
        "allow_insecure_http": allow_insecure_http,
        "rate_limit": rate_limit,
        "rate_limit_backend": rate_limit_backend,
        "gateway_retry_interval": gateway_retry_interval,
        "max_gateway_retries": max_gateway_retries,
    }
    result = _execute(kind, file, fmt, options, display, None if dry_run else connection)
    print_summary(console, [(file, result)])
    print_rejections(console, result)
    code = result.exit_code
    line = verdict(result)
    print(f"omnisegment: {line}", file=sys.stderr if code == EXIT_FATAL else sys.stdout)
    raise typer.Exit(code)


def _check_params(ks: Any, params: dict[str, Any]) -> str | None:
    """Validate endpoint options against the spec (enums) before reading the file."""
    for name, value in params.items():
        schema = ks.option_schema(name)
        if schema is None:
            continue
        enum = schema.get("enum")
        if enum is not None and value not in enum:
            flag = "--" + name.replace("_", "-")
            return f"{flag} must be one of: {', '.join(map(str, enum))} (got {value!r})"
    return None


def _execute(
    kind: str,
    file: str,
    fmt: str | None,
    options: ImportOptions,
    display: ProgressDisplay,
    args: dict[str, Any] | None,
) -> ImportResult:
    client: BulkClient | None = None
    if args is not None:
        credentials = load_credentials(args["api_key_file"], args["tid"])
        settings = client_settings(
            environment=args["environment"],
            base_url=args["base_url"],
            allow_insecure_http=args["allow_insecure_http"],
            rate_limit=args["rate_limit"],
            rate_limit_backend=args["rate_limit_backend"],
            gateway_retry_interval=args["gateway_retry_interval"],
            max_gateway_retries=args["max_gateway_retries"],
            operation_ids=(kind_spec(kind).kind.operation_id,),
        )
        client = BulkClient(
            credentials=credentials,
            base_url=settings.base_url,
            retry=settings.retry,
            rate_limit=settings.rate_limits,
            max_connections=max(8, options.concurrency * 2),
            allow_insecure_http=args["allow_insecure_http"],
        )
        options = options.replace(telemetry=client.telemetry)

    async def go() -> ImportResult:
        try:
            with display:
                return await run_import(client, kind, file, options, fmt=fmt, display=display)
        finally:
            if client is not None:
                await client.aclose()

    try:
        return asyncio.run(go())
    except InputError as exc:
        fail(str(exc))
    except CheckpointError as exc:
        fail(
            f"{exc} (choose another place with --checkpoint)"
            if "cannot write" in str(exc)
            else str(exc)
        )
    except OSError as exc:
        fail(f"{exc.filename or 'file'}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        fail(f"interrupted{_resume_hint(options)}")
    except Exception as exc:
        # The exit code must say "fatal" (2), not the interpreter's 1 ("some rejected").
        logging.getLogger("omnisegment").debug("unexpected error", exc_info=True)
        fail(f"unexpected error: {type(exc).__name__}: {exc}{_resume_hint(options)}")


def _resume_hint(options: ImportOptions) -> str:
    if options.checkpoint is None:
        return ""
    return f" (checkpoint {options.checkpoint}; re-run with --resume)"
