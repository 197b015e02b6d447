"""Streaming readers for CSV and JSON Lines input, with source line numbers.

Readers never load the whole input: they decode one physical line at a time, so memory
stays flat however long the file is. A line that cannot be decoded or parsed becomes a
record with an ``error`` (it is rejected with its line number) and reading goes on.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import os
import sys
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

import orjson

from ._coerce import CellError, ColumnPlan, HeaderError, build_record, plan_columns

__all__ = [
    "InputError",
    "SourceRecord",
    "detect_format",
    "open_input",
    "read_csv",
    "read_jsonl",
    "read_records",
]

FORMATS = ("csv", "jsonl")
_MAX_RECORD_LINES = 1000


class InputError(Exception):
    """The input as a whole cannot be read (missing, empty, unusable header)."""


@dataclass(slots=True)
class SourceRecord:
    """One input record with where it came from.

    ``position`` is the 1-based ordinal of the record in its input (the unit the
    checkpoint stores); ``line`` is the physical line it starts on (for messages).
    ``data`` is None when the record could not be parsed; ``error`` then says why.
    """

    position: int
    line: int | None
    data: dict[str, Any] | None
    raw: str | None = None
    error: str | None = None
    field: str | None = None


def detect_format(name: str, explicit: str | None = None) -> str | None:
    """``csv``/``jsonl`` from ``--format`` or the file extension (``.gz`` is looked through)."""
    if explicit:
        fmt = explicit.strip().lower()
        fmt = {"ndjson": "jsonl", "json": "jsonl", "jsonlines": "jsonl"}.get(fmt, fmt)
        if fmt not in FORMATS:
            raise InputError(f"unknown format {explicit!r}; use csv or jsonl")
        return fmt
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    return None


def open_input(source: str | os.PathLike[str]) -> IO[bytes]:
    """Open a path (``-`` = stdin) for binary reading; gzip by extension."""
    name = os.fspath(source)
    if name == "-":
        return sys.stdin.buffer
    path = Path(name)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        handle: IO[bytes] = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{name}: file not found") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot open ({exc.strerror or exc})") from None
    if name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    return handle


def _decode(raw: bytes) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = raw[exc.start]
        text = raw.decode("utf-8", errors="replace")
        return text, f"byte 0x{bad:02x} at column {exc.start + 1} is not valid UTF-8"


class _Lines:
    """Decoded physical lines for ``csv.reader``: numbering, capture and push-back."""

    __slots__ = ("_stream", "captured", "count", "pushback")

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.count = 0
        self.pushback: deque[tuple[int, str, str | None]] = deque()
        self.captured: list[tuple[int, str, str | None]] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.pushback:
            item = self.pushback.popleft()
        else:
            raw = self._stream.readline()
            if not raw:
                raise StopIteration
            self.count += 1
            if self.count == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                item = (self.count, raw.decode("utf-8"), None)
            except UnicodeDecodeError:
                text, err = _decode(raw)
                item = (self.count, text, err)
        self.captured.append(item)
        if len(self.captured) > _MAX_RECORD_LINES:
            raise csv.Error(f"a quoted field spans more than {_MAX_RECORD_LINES} lines")
        return item[1]

    def take(self) -> list[tuple[int, str, str | None]]:
        items = self.captured
        self.captured = []
        return items


def _raw_text(items: list[tuple[int, str, str | None]]) -> str:
    return "".join(text for _, text, _ in items).rstrip("\r\n")


def read_csv(
    stream: IO[bytes],
    *,
    spec: Mapping[str, Any] | None = None,
    item_schema: Mapping[str, Any] | None = None,
    delimiter: str = ",",
    name: str = "input",
) -> Iterator[SourceRecord]:
    """Yield records from CSV with a header row.

    Dotted column names build nested objects; a cell holding JSON fills an array or
    object field; an empty cell leaves the field out; other cells are converted to the
    type the item schema gives the field. A malformed line is rejected on its own: the
    lines after it are read again from scratch, so a stray quote cannot swallow the rest
    of the file.
    """
    lines = _Lines(stream)
    reader = csv.reader(lines, strict=True, delimiter=delimiter)
    header: list[str] | None = None
    while header is None:
        try:
            row = next(reader)
        except StopIteration:
            raise InputError(f"{name}: the file is empty (no header row)") from None
        except csv.Error as exc:
            raise InputError(f"{name}: line 1: cannot read the header ({exc})") from None
        items = lines.take()
        if not row or all(not cell.strip() for cell in row):
            continue
        bad = next((err for _, _, err in items if err), None)
        if bad:
            raise InputError(f"{name}: line {items[0][0]}: {bad}")
        header = row
    try:
        plans: list[ColumnPlan] = plan_columns(header, spec, item_schema)
    except HeaderError as exc:
        raise InputError(f"{name}: {exc}") from None
    width = len(header)
    position = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            items = lines.take()
            if not items:
                raise InputError(f"{name}: unreadable CSV ({exc})") from None
            position += 1
            first = items[0]
            lines.pushback.extendleft(reversed(items[1:]))
            reader = csv.reader(lines, strict=True, delimiter=delimiter)
            yield SourceRecord(
                position,
                first[0],
                None,
                first[1].rstrip("\r\n"),
                f"malformed CSV line ({exc})",
            )
            continue
        items = lines.take()
        if not row:
            continue  # blank line
        position += 1
        start = items[0][0]
        decode_error = next((err for _, _, err in items if err), None)
        if decode_error is not None:
            yield SourceRecord(position, start, None, _raw_text(items), decode_error)
            continue
        if len(row) != width:
            if len(items) > 1:
                # Probably an unbalanced quote that ran into the next lines: reject the
                # first line only and read the others again.
                lines.pushback.extendleft(reversed(items[1:]))
                reader = csv.reader(lines, strict=True, delimiter=delimiter)
                yield SourceRecord(
                    position,
                    start,
                    None,
                    items[0][1].rstrip("\r\n"),
                    "malformed CSV line (unbalanced quote?)",
                )
                continue
            yield SourceRecord(
                position,
                start,
                None,
                _raw_text(items),
                f"malformed CSV line: expected {width} fields, found {len(row)}",
            )
            continue
        try:
            record = build_record(plans, row)
        except CellError as exc:
            yield SourceRecord(position, start, None, _raw_text(items), str(exc), exc.field)
            continue
        yield SourceRecord(position, start, record, _raw_text(items))


def read_jsonl(stream: IO[bytes], *, name: str = "input") -> Iterator[SourceRecord]:
    """Yield records from JSON Lines (one object per line; blank lines are skipped)."""
    position = 0
    number = 0
    any_content = False
    for raw in stream:
        number += 1
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        stripped = raw.strip()
        if not stripped:
            continue
        any_content = True
        position += 1
        try:
            text = stripped.decode("utf-8")
        except UnicodeDecodeError:
            text, err = _decode(stripped)
            yield SourceRecord(position, number, None, text, err)
            continue
        try:
            value = orjson.loads(stripped)
        except orjson.JSONDecodeError as exc:
            if number == 1 and stripped[:1] == b"[":
                raise InputError(
                    f"{name}: line 1: a JSON array is not JSON Lines; write one object per line"
                ) from None
            yield SourceRecord(position, number, None, text, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(value, dict):
            yield SourceRecord(position, number, None, text, "expected a JSON object on this line")
            continue
        yield SourceRecord(position, number, value, text)
    if not any_content:
        raise InputError(f"{name}: the file is empty")


def _sniff(stream: IO[bytes]) -> str:
    peek = getattr(stream, "peek", None)
    head = peek(512) if callable(peek) else b""
    head = head.lstrip(codecs.BOM_UTF8).lstrip()
    return "jsonl" if head[:1] == b"{" else "csv"


def read_records(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    fmt: str | None = None,
    spec: Mapping[str, Any] | None = None,
    item_schema: Mapping[str, Any] | None = None,
) -> Iterator[SourceRecord]:
    """Open ``source`` (path, ``-`` for stdin, or a binary stream) and yield its records."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        detected = detect_format(name, fmt)
        stream = open_input(name)
        owned = name != "-"
    else:
        name = getattr(source, "name", "input")
        detected = detect_format(str(name), fmt) if fmt else None
        stream = source
        owned = False
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(cast(Any, stream))
    try:
        chosen = detected or _sniff(stream)
        if chosen == "csv":
            delimiter = "\t" if str(name).lower().removesuffix(".gz").endswith(".tsv") else ","
            yield from read_csv(
                stream,
                spec=spec,
                item_schema=item_schema,
                delimiter=delimiter,
                name=str(name),
            )
        else:
            yield from read_jsonl(stream, name=str(name))
    finally:
        if owned:
            stream.close()
