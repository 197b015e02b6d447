"""Streaming bulk import: files or iterables in, every record accepted or reported.

The pipeline, in one direction: reader (CSV / JSON Lines, line numbers) -> row mapping
and datetime normalisation -> local validation against the spec's item schema ->
batcher (the endpoint's batch limit) -> concurrent requests through the client (auth,
rate limit, retries) -> checkpoint and rejects file.

Library entry points:

* :func:`import_records` - any iterable (or async iterable) of dicts / generated models.
* :func:`import_file` - a CSV or JSON Lines file (``-`` for stdin).
* :func:`read_records` - just the streaming reader, yielding :class:`SourceRecord`.
"""

from __future__ import annotations

import asyncio
import inspect
import os
from collections.abc import AsyncIterable, Iterable, Mapping
from typing import IO, Any

from ._checkpoint import Checkpoint, CheckpointError
from ._dates import parse_timezone
from ._importer import (
    ImportOptions,
    ImportProgress,
    ImportResult,
    Rejection,
    RequestClient,
    import_records,
)
from ._kinds import KINDS, Kind, KindSpec, kind_spec, normalise_kind
from ._readers import InputError, SourceRecord, detect_format
from ._readers import read_records as _read_records
from ._rejects import read_rejects
from ._spec import SpecError
from ._telemetry import CountingTransport, Telemetry
from ._validate import Invalid, validator_for

__all__ = [
    "KINDS",
    "Checkpoint",
    "CheckpointError",
    "CountingTransport",
    "ImportOptions",
    "ImportProgress",
    "ImportResult",
    "InputError",
    "Invalid",
    "Kind",
    "KindSpec",
    "Rejection",
    "RequestClient",
    "SourceRecord",
    "SpecError",
    "Telemetry",
    "detect_format",
    "import_file",
    "import_records",
    "import_records_sync",
    "kind_spec",
    "normalise_kind",
    "parse_timezone",
    "read_records",
    "read_rejects",
    "validator_for",
]


def read_records(
    source: str | os.PathLike[str] | IO[bytes],
    kind: str | None = None,
    *,
    fmt: str | None = None,
) -> Iterable[SourceRecord]:
    """Stream records from a CSV / JSON Lines file; CSV cells are typed by ``kind``'s schema."""
    if kind is None:
        return _read_records(source, fmt=fmt)
    ks = kind_spec(normalise_kind(kind))
    return _read_records(source, fmt=fmt, spec=ks.spec, item_schema=ks.item_schema)


async def import_file(
    client: RequestClient | None,
    kind: str,
    source: str | os.PathLike[str] | IO[bytes],
    options: ImportOptions | None = None,
    *,
    fmt: str | None = None,
    **changes: Any,
) -> ImportResult:
    """Import a CSV or JSON Lines file (``-`` = stdin). Raises :class:`InputError` early
    when the file cannot be opened or its header is unusable."""
    opts = options or ImportOptions()
    if changes:
        opts = opts.replace(**changes)
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "-"
    if opts.source_name is None:
        opts = opts.replace(source_name=os.path.abspath(name) if name != "-" else "-")
    records = iter(read_records(source, kind, fmt=fmt))
    # Pull the first record now so that header/empty-file errors surface before any work.
    first = next(records, None)

    def chained() -> Iterable[SourceRecord]:
        if first is not None:
            yield first
            yield from records

    return await import_records(client, kind, chained(), opts)


class _ThreadedClient:
    """Adapts a blocking client (``OmniSegment``) to the importer: each request runs in a
    worker thread. The client's rate limiter is shared by its threads, so pacing holds."""

    def __init__(self, client: Any) -> None:
        self._client = client

    async def request(
        self, operation_id: str, *, json: Any = None, params: Mapping[str, Any] | None = None
    ) -> Any:
        return await asyncio.to_thread(self._client.request, operation_id, json=json, params=params)


def import_records_sync(
    client: Any,
    kind: str,
    records: Iterable[Any] | AsyncIterable[Any],
    options: ImportOptions | None = None,
    **changes: Any,
) -> ImportResult:
    """Blocking :func:`import_records` (runs its own event loop).

    ``client`` may be an :class:`~omnisegment.OmniSegment` (its blocking ``request`` runs in
    worker threads, ``concurrency`` of them) or an :class:`~omnisegment.AsyncOmniSegment`.
    """
    request = getattr(client, "request", None)
    if client is not None and not inspect.iscoroutinefunction(request):
        client = _ThreadedClient(client)
    return asyncio.run(import_records(client, kind, records, options, **changes))
