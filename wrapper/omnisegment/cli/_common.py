"""Shared command-line plumbing: credentials, client settings, logging, exit codes."""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console

from .._environments import (
    ENV_API_KEY,
    ENV_TID,
    Credentials,
    InsecureURLError,
    resolve_base_url,
)
from .._policies import RateLimits, RetryPolicy

__all__ = [
    "EXIT_FATAL",
    "EXIT_OK",
    "EXIT_REJECTED",
    "ClientSettings",
    "configure_logging",
    "count_lines",
    "fail",
    "load_credentials",
]

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_FATAL = 2
PROG = "omnisegment"


def fail(message: str, code: int = EXIT_FATAL) -> NoReturn:
    """Print a one-line reason on stderr and exit."""
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)
    raise typer.Exit(code)


def load_credentials(api_key_file: Path | None, tid: str | None) -> Credentials:
    """Key from ``--api-key-file`` or ``OMNISEGMENT_API_KEY``; tid from ``--tid`` or env.

    There is deliberately no option taking the key itself: it would show in ``ps``.
    """
    key: str | None
    if api_key_file is not None:
        try:
            key = api_key_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            fail(f"cannot read --api-key-file {api_key_file}: {exc.strerror or exc}")
        if not key:
            fail(f"--api-key-file {api_key_file} is empty")
    else:
        key = os.environ.get(ENV_API_KEY, "").strip() or None
    org = (tid or os.environ.get(ENV_TID, "")).strip() or None
    missing = []
    if key is None:
        missing.append(f"an API key ({ENV_API_KEY} or --api-key-file)")
    if org is None:
        missing.append(f"a tid ({ENV_TID} or --tid)")
    if missing:
        fail("no credentials: set " + " and ".join(missing))
    assert key is not None and org is not None
    return Credentials(api_key=key, tid=org)


@dataclass(frozen=True)
class ClientSettings:
    """Where and how to talk to the API."""

    base_url: str
    retry: RetryPolicy
    rate_limits: RateLimits


def client_settings(
    *,
    environment: str | None,
    base_url: str | None,
    allow_insecure_http: bool = False,
    rate_limit: float | None = None,
    rate_limit_backend: str | None = None,
    gateway_retry_interval: float | None = None,
    max_gateway_retries: int | None = None,
    operation_ids: tuple[str, ...] = (),
) -> ClientSettings:
    """Build the URL and policies from the command-line options."""
    try:
        url = resolve_base_url(environment, base_url, allow_insecure_http=allow_insecure_http)
    except InsecureURLError as exc:
        fail(f"{exc} (use --allow-insecure-http to insist)")
    except ValueError as exc:
        fail(str(exc))
    retry = RetryPolicy()
    changes: dict[str, float | int] = {}
    if gateway_retry_interval is not None:
        changes["gateway_retry_interval"] = gateway_retry_interval
    if max_gateway_retries is not None:
        changes["max_gateway_retries"] = max_gateway_retries
    try:
        if changes:
            retry = retry.replace(**changes)
        limits = RateLimits(backend=rate_limit_backend or "memory")
        if rate_limit is not None:
            if rate_limit <= 0:
                limits = limits.replace(enabled=False)
            else:
                pair = _rate_pair(rate_limit)
                limits = limits.replace(overrides={op: pair for op in operation_ids})
    except ValueError as exc:
        fail(str(exc))
    return ClientSettings(url, retry, limits)


def _rate_pair(rate: float) -> tuple[int, float]:
    """Requests per second -> ``(limit, period)`` (``2.5`` -> ``(5, 2.0)``)."""
    if float(rate).is_integer():
        return int(rate), 1.0
    for period in (2, 4, 5, 10, 100):
        if float(rate * period).is_integer():
            return int(rate * period), float(period)
    return 1, 1.0 / rate


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(verbose: int, log_format: str) -> None:
    """``-v`` INFO (retries), ``-vv`` DEBUG; ``--log-format json`` for machine-readable logs."""
    level = logging.WARNING if verbose <= 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("omnisegment", "omnisegment_emulator"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
    if verbose < 2:
        logging.getLogger("httpx").setLevel(logging.WARNING)


def count_lines(path: Path, limit_bytes: int = 4 << 30) -> int | None:
    """Newlines in a regular file (for the progress total); None when not worth it."""
    try:
        if not path.is_file() or path.suffix == ".gz" or path.stat().st_size > limit_bytes:
            return None
        count = 0
        last = b"\n"
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                count += chunk.count(b"\n")
                last = chunk[-1:]
        return count + (0 if last == b"\n" else 1)
    except OSError:
        return None


#: Width used when output is not a terminal (pipes, CI logs, ``make demo`` under nox):
#: rich would fall back to 80 columns and fold the summary tables.
PLAIN_OUTPUT_WIDTH = 140


def make_console(*, stderr: bool = False) -> Console:
    """A rich console; wide enough for the summary tables when not on a terminal."""
    console = Console(stderr=stderr)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PLAIN_OUTPUT_WIDTH
    return console
