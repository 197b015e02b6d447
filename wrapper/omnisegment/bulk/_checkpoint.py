"""Durable record of which input positions are done (accepted or rejected).

The file is append-only text. Line 1 is a JSON header naming the kind and the source;
every other line is ``A <ranges>`` (accepted after an HTTP 200) or ``R <ranges>``
(rejected and written to the rejects file), ranges like ``1-50,53,60-61``. Each line is
written with a single ``write`` on an ``O_APPEND`` descriptor and fsync'd before the
records count as done, so a crash at any moment loses at most the lines not yet
written: a torn last line (no newline) is ignored when the file is read back, and cut
off before the file is appended to again (terminating it instead could turn a torn
``A 1-3,7,90-100`` into a valid-looking ``A 1-3,7,9``).
"""

from __future__ import annotations

import bisect
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = [
    "Checkpoint",
    "CheckpointError",
    "PositionSet",
    "format_ranges",
    "parse_ranges",
    "trim_torn_tail",
]

FORMAT = "omnisegment-checkpoint/1"


class CheckpointError(Exception):
    """The checkpoint file is unusable or belongs to another import."""


def trim_torn_tail(fd: int, chunk: int = 1 << 16) -> None:
    """Cut an append-only line file after its last newline (drops a torn last line)."""
    end = os.fstat(fd).st_size
    pos = end
    while pos > 0:
        start = max(0, pos - chunk)
        data = os.pread(fd, pos - start, start)
        cut = data.rfind(b"\n")
        if cut >= 0:
            keep = start + cut + 1
            break
        pos = start
    else:
        keep = 0
    if keep != end:
        os.ftruncate(fd, keep)


def format_ranges(positions: Iterable[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``"1-3,7"`` (input need not be sorted)."""
    ordered = sorted(set(positions))
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        start = end = ordered[i]
        while i + 1 < len(ordered) and ordered[i + 1] == end + 1:
            i += 1
            end = ordered[i]
        parts.append(str(start) if start == end else f"{start}-{end}")
        i += 1
    return ",".join(parts)


def parse_ranges(text: str) -> list[tuple[int, int]]:
    """``"1-3,7"`` -> ``[(1, 3), (7, 7)]``; raises ValueError on bad syntax."""
    out: list[tuple[int, int]] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        start, sep, end = part.partition("-")
        lo = int(start)
        hi = int(end) if sep else lo
        if lo < 1 or hi < lo:
            raise ValueError(f"bad range {part!r}")
        out.append((lo, hi))
    return out


class PositionSet:
    """A set of positive ints stored as merged, sorted intervals."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._pending: list[tuple[int, int]] = []

    def add_range(self, lo: int, hi: int) -> None:
        self._pending.append((lo, hi))
        if len(self._pending) > 4096:
            self._merge()

    def _merge(self) -> None:
        if not self._pending:
            return
        intervals = sorted([*zip(self._starts, self._ends, strict=True), *self._pending])
        self._pending = []
        starts: list[int] = []
        ends: list[int] = []
        for lo, hi in intervals:
            if ends and lo <= ends[-1] + 1:
                if hi > ends[-1]:
                    ends[-1] = hi
            else:
                starts.append(lo)
                ends.append(hi)
        self._starts, self._ends = starts, ends

    def __contains__(self, position: object) -> bool:
        if not isinstance(position, int):
            return False
        self._merge()
        i = bisect.bisect_right(self._starts, position) - 1
        return i >= 0 and position <= self._ends[i]

    def __len__(self) -> int:
        self._merge()
        return sum(hi - lo + 1 for lo, hi in zip(self._starts, self._ends, strict=True))

    def intervals(self) -> list[tuple[int, int]]:
        self._merge()
        return list(zip(self._starts, self._ends, strict=True))


class Checkpoint:
    """Append-only, fsync'd checkpoint for one import."""

    def __init__(self, path: str | os.PathLike[str], *, fsync: bool = True) -> None:
        self.path = Path(path)
        self.done = PositionSet()
        self.accepted_before = 0
        self.rejected_before = 0
        self.header: dict[str, Any] = {}
        self._fd: int | None = None
        self._fsync = fsync

    # -- reading -------------------------------------------------------------------------
    def load(self) -> bool:
        """Read an existing checkpoint; returns False when there is none (or it is empty)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise CheckpointError(f"cannot read checkpoint {self.path}: {exc}") from None
        if not data.strip():
            return False
        lines = data.split(b"\n")
        complete = lines[:-1]  # the part after the last newline is torn or empty
        if not complete:
            return False
        try:
            header = json.loads(complete[0])
        except ValueError:
            raise CheckpointError(f"{self.path} is not an omnisegment checkpoint") from None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise CheckpointError(f"{self.path} is not an omnisegment checkpoint")
        self.header = header
        for raw in complete[1:]:
            line = raw.decode("ascii", errors="replace").strip()
            if len(line) < 3 or line[1] != " " or line[0] not in "AR":
                continue
            try:
                ranges = parse_ranges(line[2:])
            except ValueError:
                continue
            count = 0
            for lo, hi in ranges:
                self.done.add_range(lo, hi)
                count += hi - lo + 1
            if line[0] == "A":
                self.accepted_before += count
            else:
                self.rejected_before += count
        return True

    def check_matches(self, kind: str, source: str) -> None:
        """Refuse to resume a checkpoint written for another kind or another input file.

        Files are compared by name only (a folder moved with its checkpoint still
        resumes); stdin and iterables have no name to compare.
        """
        if self.header.get("kind") not in (None, kind):
            raise CheckpointError(
                f"checkpoint {self.path} belongs to a {self.header.get('kind')} import, not {kind}"
            )
        recorded = self.header.get("source")
        if (
            isinstance(recorded, str)
            and recorded not in ("", "-")
            and source not in ("", "-")
            and os.path.basename(recorded) != os.path.basename(source)
        ):
            raise CheckpointError(
                f"checkpoint {self.path} belongs to an import of {recorded}, not {source}"
            )

    # -- writing -------------------------------------------------------------------------
    def open(self, *, kind: str, source: str, append: bool) -> None:
        """Open for appending; writes the header when the file is new or restarted."""
        flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | (0 if append else os.O_TRUNC)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, flags, 0o644)
            if append:
                # A torn last line from a crash is not an acknowledgement: cut it off.
                trim_torn_tail(self._fd)
        except OSError as exc:
            raise CheckpointError(
                f"cannot write the checkpoint {self.path}: {exc.strerror or exc}"
            ) from None
        if os.fstat(self._fd).st_size == 0:
            header = {"format": FORMAT, "kind": kind, "source": source}
            self.header = header
            self._write((json.dumps(header, separators=(",", ":")) + "\n").encode())

    def _write(self, data: bytes) -> None:
        assert self._fd is not None, "checkpoint is not open"
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        if self._fsync:
            os.fsync(self._fd)

    def mark(self, accepted: Iterable[int] = (), rejected: Iterable[int] = ()) -> None:
        """Durably record positions as accepted and/or rejected (one write, one fsync)."""
        parts: list[str] = []
        acc = format_ranges(accepted)
        rej = format_ranges(rejected)
        if acc:
            parts.append(f"A {acc}\n")
        if rej:
            parts.append(f"R {rej}\n")
        if not parts:
            return
        if self._fd is not None:
            self._write("".join(parts).encode("ascii"))
        # ``done`` holds what earlier runs finished; positions acknowledged now are behind
        # the reader already, so they are not added (that keeps the set small).

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def remove(self) -> None:
        """Delete the file (after a run that finished every record)."""
        self.close()
        self.path.unlink(missing_ok=True)
