"""The import engine: stream, validate, batch, send concurrently, checkpoint, report."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import tzinfo
from pathlib import Path
from typing import Any, Protocol

import orjson

from .._errors import (
    AuthenticationError,
    BadRequestError,
    OmniSegmentError,
    PermissionDeniedError,
)
from ._checkpoint import Checkpoint, CheckpointError
from ._dates import record_normaliser
from ._kinds import KindSpec, kind_spec, normalise_kind
from ._readers import SourceRecord
from ._rejects import RejectsWriter
from ._rules import record_rules
from ._telemetry import Telemetry
from ._validate import Invalid, validator_for

__all__ = [
    "ImportOptions",
    "ImportProgress",
    "ImportResult",
    "Rejection",
    "RequestClient",
    "import_records",
]

DEFAULT_CONCURRENCY = 8

_log = logging.getLogger(__name__)


class RequestClient(Protocol):
    """What the importer needs from a client: the low-level async request."""

    def request(
        self,
        operation_id: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
    ) -> Awaitable[Any]: ...


@dataclass(frozen=True, slots=True)
class Rejection:
    """A record that was not imported, with where it came from and why."""

    position: int
    line: int | None
    reason: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """Counters at one moment of an import (passed to the progress callback)."""

    kind: str
    read: int
    skipped: int
    sent: int
    accepted: int
    rejected: int
    requests: int
    retries: int
    rate_limited: int
    elapsed: float
    done: bool = False


ProgressCallback = Callable[[ImportProgress], None]


@dataclass(frozen=True)
class ImportOptions:
    """How to run an import. Every field has a sensible default.

    ``params`` are the endpoint options sent with every request (``merge_key``,
    ``tag_mode``, ``identifier_field``, ``is_anonymous``, ``site`` ...). ``batch_size``
    defaults to the endpoint's limit from the spec. ``concurrency`` is the number of
    requests in flight; the client's rate limiter paces them. ``checkpoint`` enables
    resume; ``resume`` continues from an existing checkpoint instead of refusing it.
    ``rejects`` is a JSON Lines file receiving every rejected record. ``timezone`` is
    applied to datetimes without an offset.
    """

    params: Mapping[str, Any] = field(default_factory=dict)
    batch_size: int | None = None
    concurrency: int = DEFAULT_CONCURRENCY
    dry_run: bool = False
    validate: bool = True
    timezone: tzinfo | str | None = None
    checkpoint: str | os.PathLike[str] | None = None
    resume: bool = False
    keep_checkpoint: bool = False
    rejects: str | os.PathLike[str] | None = None
    source_name: str | None = None
    progress: ProgressCallback | None = None
    progress_interval: float = 0.5
    max_rejections_kept: int = 1000
    telemetry: Telemetry | None = None

    def replace(self, **changes: Any) -> ImportOptions:
        """A copy with some fields changed."""
        return replace(self, **changes)


@dataclass
class ImportResult:
    """What an import did. ``rejections`` keeps the first ``max_rejections_kept``."""

    kind: str
    read: int = 0
    skipped: int = 0
    sent: int = 0
    accepted: int = 0
    rejected: int = 0
    requests: int = 0
    retries: int = 0
    rate_limited: int = 0
    elapsed: float = 0.0
    dry_run: bool = False
    valid: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    fatal: str | None = None
    complete: bool = False
    rejects_path: str | None = None
    checkpoint_path: str | None = None
    resumed: bool = False
    accepted_before: int = 0
    rejected_before: int = 0

    @property
    def rows_per_second(self) -> float:
        """Records handled (accepted, rejected, or validated on a dry run) per second."""
        done = (self.valid if self.dry_run else self.accepted) + self.rejected
        return done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 all accepted, 1 some rejected (this run or an earlier one it resumed), 2 fatal."""
        if self.fatal is not None or not self.complete:
            return 2
        return 1 if self.rejected or self.rejected_before else 0

    def progress(self, done: bool = False) -> ImportProgress:
        return ImportProgress(
            self.kind,
            self.read,
            self.skipped,
            self.sent,
            self.accepted,
            self.rejected,
            self.requests,
            self.retries,
            self.rate_limited,
            self.elapsed,
            done,
        )


class _Fatal(Exception):
    pass


def _as_source(item: Any, position: int) -> SourceRecord:
    if isinstance(item, SourceRecord):
        return item
    if isinstance(item, Mapping):
        return SourceRecord(position, None, dict(item))
    to_dict = getattr(item, "to_dict", None)
    if callable(to_dict):
        data = to_dict()
        if isinstance(data, dict):
            return SourceRecord(position, None, data)
    return SourceRecord(position, None, None, None, f"not a record: {type(item).__name__}")


def _where(rec: SourceRecord) -> str:
    return f"line {rec.line}" if rec.line is not None else f"record {rec.position}"


class _Run:
    """State of one import run."""

    def __init__(
        self,
        client: RequestClient | None,
        ks: KindSpec,
        options: ImportOptions,
    ) -> None:
        self.client = client
        self.ks = ks
        self.opts = options
        self.result = ImportResult(kind=ks.name, dry_run=options.dry_run)
        size = options.batch_size or ks.max_items
        if size < 1:
            raise ValueError("batch_size must be at least 1")
        self.batch_size = min(size, ks.max_items)
        if options.concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.validate = validator_for(ks.name) if options.validate else None
        self.normalise = record_normaliser(ks, options.timezone)
        self.rules = record_rules(ks, options.params) if options.validate else None
        self.body_params: dict[str, Any] = {}
        self.query_params: dict[str, Any] = {}
        for key, value in options.params.items():
            if value is None:
                continue
            if ks.option_in_query(key):
                self.query_params[key] = value
            else:
                self.body_params[key] = value
        self.checkpoint: Checkpoint | None = None
        # Opened in run(): appended to only when a checkpoint is really resumed.
        self.rejects = RejectsWriter(None)
        self.result.rejects_path = str(options.rejects) if options.rejects else None
        self.pending_rejects: list[int] = []
        self.telemetry = options.telemetry
        self._attempts0 = self.telemetry.attempts if self.telemetry else 0
        self._limited0 = self.telemetry.rate_limited if self.telemetry else 0
        self._error_retries = 0
        self._started = time.perf_counter()
        self._last_progress = 0.0
        self.fatal: str | None = None

    # -- bookkeeping ---------------------------------------------------------------------
    def _update_counters(self) -> None:
        res = self.result
        res.elapsed = time.perf_counter() - self._started
        if self.telemetry is not None:
            attempts = self.telemetry.attempts - self._attempts0
            res.retries = max(0, attempts - res.requests)
            res.rate_limited = self.telemetry.rate_limited - self._limited0
        else:
            res.retries = self._error_retries

    def report(self, force: bool = False, done: bool = False) -> None:
        callback = self.opts.progress
        if callback is None:
            return
        now = time.perf_counter()
        if not force and now - self._last_progress < self.opts.progress_interval:
            return
        self._last_progress = now
        self._update_counters()
        callback(self.result.progress(done))

    def reject(self, rec: SourceRecord, reason: str, fld: str | None, *, durable: bool) -> None:
        res = self.result
        res.rejected += 1
        if len(res.rejections) < self.opts.max_rejections_kept:
            res.rejections.append(Rejection(rec.position, rec.line, reason, fld))
        self.rejects.write(
            position=rec.position,
            line=rec.line,
            reason=reason,
            field=fld,
            raw=rec.raw,
            record=None if rec.raw is not None else rec.data,
        )
        self.pending_rejects.append(rec.position)
        if durable or len(self.pending_rejects) >= 512:
            self.flush_rejects()

    def flush_rejects(self) -> None:
        if not self.pending_rejects:
            return
        self.rejects.sync()
        if self.checkpoint is not None:
            self.checkpoint.mark(rejected=self.pending_rejects)
        self.pending_rejects = []

    # -- request building ---------------------------------------------------------------
    def body(self, batch: list[SourceRecord]) -> dict[str, Any]:
        kind = self.ks.kind
        if kind.field is None:
            data = batch[0].data
            assert data is not None
            return {**data, **self.body_params}
        payload: Any = [rec.data for rec in batch] if self.ks.is_array else batch[0].data
        return {kind.field: payload, **self.body_params}

    async def send(self, batch: list[SourceRecord], first: bool = True) -> None:
        if self.fatal is not None:
            return
        client = self.client
        assert client is not None
        res = self.result
        if first:
            res.sent += len(batch)
        res.requests += 1
        try:
            await client.request(
                self.ks.kind.operation_id,
                json=self.body(batch),
                params=self.query_params or None,
            )
        except BadRequestError as exc:
            self._error_retries += exc.retries
            if len(batch) == 1:
                rec = batch[0]
                self.reject(rec, f"rejected by the API: {exc.err_msg}", None, durable=True)
                return
            await self._bisect(batch)
            return
        except (AuthenticationError, PermissionDeniedError) as exc:
            self._error_retries += exc.retries
            self.set_fatal(f"credentials refused: {exc}")
            return
        except OmniSegmentError as exc:
            self._error_retries += exc.retries
            self.set_fatal(f"gave up: {exc}")
            return
        except TypeError as exc:
            # A value JSON cannot encode (a Decimal, a set ...): find and reject its record.
            if len(batch) == 1:
                self.reject(batch[0], f"{_where(batch[0])}: {exc}", None, durable=True)
                return
            await self._bisect(batch)
            return
        except Exception as exc:
            # Anything else must stop the run, not kill a worker and lose its batch.
            _log.debug("unexpected error sending a batch", exc_info=True)
            self.set_fatal(f"unexpected error: {type(exc).__name__}: {exc}")
            return
        positions = [rec.position for rec in batch]
        if self.checkpoint is not None:
            self.checkpoint.mark(accepted=positions)
        res.accepted += len(batch)
        self.report()

    async def _bisect(self, batch: list[SourceRecord]) -> None:
        mid = len(batch) // 2
        await self.send(batch[:mid], first=False)
        await self.send(batch[mid:], first=False)

    def check_encodable(self, batch: list[SourceRecord]) -> None:
        """Dry run: serialise the request body like a real run would (reject what fails)."""
        try:
            orjson.dumps(self.body(batch))
        except TypeError:
            for rec in batch:
                try:
                    orjson.dumps(rec.data)
                except TypeError as exc:
                    self.reject(rec, f"{_where(rec)}: {exc}", None, durable=False)
                    self.result.valid -= 1

    def set_fatal(self, message: str) -> None:
        if self.fatal is None:
            self.fatal = message

    # -- main loop ------------------------------------------------------------------------
    def open_checkpoint(self) -> None:
        path = self.opts.checkpoint
        if path is None or self.opts.dry_run:
            return
        cp = Checkpoint(path)
        exists = cp.load()
        source = self.opts.source_name or ""
        if exists and not self.opts.resume:
            raise CheckpointError(
                f"checkpoint {path} exists from an earlier run: resume it (--resume) "
                "or delete it to start over"
            )
        if exists:
            cp.check_matches(self.ks.name, source)
            self.result.resumed = True
            self.result.accepted_before = cp.accepted_before
            self.result.rejected_before = cp.rejected_before
        cp.open(kind=self.ks.name, source=source, append=exists)
        self.checkpoint = cp
        self.result.checkpoint_path = str(path)

    async def run(self, records: Iterable[Any] | AsyncIterable[Any]) -> ImportResult:
        res = self.result
        self.open_checkpoint()
        self.rejects = RejectsWriter(self.opts.rejects, append=res.resumed)
        done = self.checkpoint.done if self.checkpoint is not None else None
        concurrency = self.opts.concurrency
        queue: asyncio.Queue[list[SourceRecord] | None] = asyncio.Queue(maxsize=concurrency * 2)
        workers: list[asyncio.Task[None]] = []
        dry = self.opts.dry_run
        if not dry:
            for _ in range(concurrency):
                workers.append(asyncio.create_task(self._worker(queue)))
        batch: list[SourceRecord] = []
        validate = self.validate
        normalise = self.normalise
        rules = self.rules
        size = self.batch_size
        position = 0
        exhausted = False
        try:
            async for item in _aiter(records):
                position += 1
                rec = _as_source(item, position)
                res.read += 1
                if done is not None and rec.position in done:
                    res.skipped += 1
                    continue
                data = rec.data
                if data is None:
                    self.reject(rec, f"{_where(rec)}: {rec.error}", rec.field, durable=False)
                    continue
                try:
                    if normalise is not None:
                        normalise(data)
                    if validate is not None:
                        validate(data)
                    if rules is not None:
                        rules(data)
                except Invalid as exc:
                    self.reject(rec, f"{_where(rec)}: {exc.reason}", exc.field, durable=False)
                    continue
                except ValueError as exc:
                    self.reject(rec, f"{_where(rec)}: {exc}", None, durable=False)
                    continue
                res.valid += 1
                batch.append(rec)
                if len(batch) >= size:
                    if dry:
                        self.check_encodable(batch)
                    else:
                        self.flush_rejects()
                        await queue.put(batch)
                        await asyncio.sleep(0)
                    batch = []
                    if self.fatal is not None:
                        break
                    self.report()
                    if dry and res.valid % (size * 64) == 0:
                        await asyncio.sleep(0)
                elif res.read % 2048 == 0:
                    self.report()
                    await asyncio.sleep(0)
            else:
                exhausted = True
            if batch and self.fatal is None:
                if dry:
                    self.check_encodable(batch)
                else:
                    self.flush_rejects()
                    await queue.put(batch)
            self.flush_rejects()
            for _ in workers:
                await queue.put(None)
            if workers:
                await asyncio.gather(*workers)
        finally:
            for task in workers:
                if not task.done():
                    task.cancel()
            if workers:
                await asyncio.gather(*workers, return_exceptions=True)
            self.flush_rejects()
            self.rejects.close()
            self._update_counters()
            res.fatal = self.fatal
            res.complete = exhausted and self.fatal is None
            if self.checkpoint is not None:
                if res.complete and not self.opts.keep_checkpoint:
                    self.checkpoint.remove()
                else:
                    self.checkpoint.close()
        self.report(force=True, done=True)
        return res

    async def _worker(self, queue: asyncio.Queue[list[SourceRecord] | None]) -> None:
        while True:
            batch = await queue.get()
            if batch is None:
                return
            if self.fatal is not None:
                continue
            await self.send(batch)


async def _aiter(records: Iterable[Any] | AsyncIterable[Any]) -> Any:
    if isinstance(records, AsyncIterable):
        async for item in records:
            yield item
    else:
        for item in records:
            yield item


async def import_records(
    client: RequestClient | None,
    kind: str,
    records: Iterable[Any] | AsyncIterable[Any],
    options: ImportOptions | None = None,
    **changes: Any,
) -> ImportResult:
    """Import ``records`` (dicts, generated models or :class:`SourceRecord`) of one kind.

    ``client`` is an :class:`~omnisegment.AsyncOmniSegment` (anything with an async
    ``request(operation_id, json=..., params=...)``); it may be None for a dry run.
    Keyword arguments override fields of ``options``.
    """
    opts = options or ImportOptions()
    if changes:
        opts = opts.replace(**changes)
    ks = kind_spec(normalise_kind(kind))
    if client is None and not opts.dry_run:
        raise ValueError("a client is needed unless dry_run=True")
    if opts.rejects is not None:
        Path(opts.rejects).parent.mkdir(parents=True, exist_ok=True)
    run = _Run(client, ks, opts)
    return await run.run(records)
