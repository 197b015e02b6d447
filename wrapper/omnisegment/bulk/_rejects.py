"""The rejects file: one JSON object per rejected record, with its line and reason."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

import orjson

from ._checkpoint import trim_torn_tail

__all__ = ["RejectsWriter", "read_rejects"]


class RejectsWriter:
    """Append rejected records to a JSON Lines file (created lazily on the first reject).

    Each line: ``{"line": 12, "position": 11, "field": "email", "reason": "...",
    "row": "<original text>"}``. ``row`` is the original CSV row or JSON line; records that
    came from Python objects carry ``record`` (the object) instead.
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, append: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self._append = append
        self._handle: IO[bytes] | None = None
        self._seen: set[int] | None = None
        self._dirty = False
        if self.path is not None and not append:
            # A fresh run: an old rejects file would mislead, even if nothing is rejected now.
            self.path.unlink(missing_ok=True)

    def _open(self) -> IO[bytes]:
        if self._handle is None:
            assert self.path is not None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._append and self.path.exists():
                # Resumed run: positions already in the file are not written twice.
                self._seen = {
                    int(entry["position"])
                    for entry in read_rejects(self.path)
                    if isinstance(entry.get("position"), int)
                }
                # A line torn by a crash would swallow the next entry: cut it off (its
                # record is not in the checkpoint, so this run rejects it again).
                with self.path.open("r+b") as torn:
                    trim_torn_tail(torn.fileno())
            self._handle = self.path.open("ab" if self._append else "wb")
        return self._handle

    def write(
        self,
        *,
        position: int,
        line: int | None,
        reason: str,
        field: str | None = None,
        raw: str | None = None,
        record: Any = None,
    ) -> None:
        """Write one reject (buffered; call :meth:`sync` before checkpointing it)."""
        if self.path is None:
            return
        handle = self._open()
        if self._seen is not None and position in self._seen:
            return
        entry: dict[str, Any] = {"line": line, "position": position, "field": field}
        entry["reason"] = reason
        if raw is not None:
            entry["row"] = raw
        else:
            entry["record"] = record
        handle.write(orjson.dumps(entry, default=str) + b"\n")
        self._dirty = True

    def sync(self) -> None:
        """Flush and fsync what was written so far."""
        if self._handle is not None and self._dirty:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._dirty = False

    def close(self) -> None:
        if self._handle is not None:
            self.sync()
            self._handle.close()
            self._handle = None


def read_rejects(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a rejects file back (skips a torn last line)."""
    out: list[dict[str, Any]] = []
    with Path(path).open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                entry = orjson.loads(raw)
            except orjson.JSONDecodeError:
                continue
            if isinstance(entry, dict):
                out.append(entry)
    return out
