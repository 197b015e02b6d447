"""Progress display: a rich bar on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..bulk import ImportProgress

__all__ = ["ProgressDisplay"]


def _handled(p: ImportProgress, dry_run: bool) -> int:
    return p.read if dry_run else p.accepted + p.rejected + p.skipped


class ProgressDisplay:
    """Shows one line (or bar) per import; use as a context manager."""

    def __init__(
        self,
        *,
        console: Console | None = None,
        live: bool | None = None,
        interval: float = 5.0,
        stream: TextIO | None = None,
        dry_run: bool = False,
    ) -> None:
        self.stream = stream or sys.stderr
        self.console = console or Console(file=self.stream, stderr=stream is None)
        self.live = self.console.is_terminal if live is None else live
        self.interval = interval
        self.dry_run = dry_run
        self._progress: Progress | None = None
        self._last: dict[str, float] = {}
        if self.live:
            self._progress = Progress(
                TextColumn("[bold]{task.description:<15}"),
                BarColumn(bar_width=None),
                TextColumn("{task.fields[counts]}"),
                TextColumn("[cyan]{task.fields[rate]:>7} rows/s"),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[extra]}"),
                console=self.console,
                transient=False,
                refresh_per_second=8,
            )

    def __enter__(self) -> ProgressDisplay:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def track(self, label: str, total: int | None) -> Callable[[ImportProgress], None]:
        """A progress callback for one import."""
        if self._progress is not None:
            task = self._progress.add_task(label, total=total, counts="", rate="0", extra="")
            return lambda p: self._update_live(task, p, total)
        self._last[label] = time.monotonic()
        return lambda p: self._update_plain(label, p, total)

    def _fields(self, p: ImportProgress) -> tuple[str, str, str]:
        handled = _handled(p, self.dry_run)
        rate = handled / p.elapsed if p.elapsed > 0 else 0.0
        if self.dry_run:
            counts = f"read {p.read:,}  rejected {p.rejected:,}"
        else:
            counts = f"accepted {p.accepted:,}  rejected {p.rejected:,}"
        extra = ""
        if not self.dry_run:
            extra = f"req {p.requests:,}  retries {p.retries:,}  429s {p.rate_limited:,}"
            if p.skipped:
                extra += f"  skipped {p.skipped:,}"
        return counts, f"{rate:,.0f}", extra

    def _update_live(self, task: TaskID, p: ImportProgress, total: int | None) -> None:
        assert self._progress is not None
        counts, rate, extra = self._fields(p)
        handled = _handled(p, self.dry_run)
        new_total = total
        if total is not None and handled > total:
            new_total = handled
        if p.done:
            new_total = handled
        self._progress.update(
            task, completed=handled, total=new_total, counts=counts, rate=rate, extra=extra
        )

    def _update_plain(self, label: str, p: ImportProgress, total: int | None) -> None:
        now = time.monotonic()
        if not p.done and now - self._last.get(label, 0.0) < self.interval:
            return
        self._last[label] = now
        counts, rate, extra = self._fields(p)
        handled = _handled(p, self.dry_run)
        share = f"{100 * handled / total:.0f}% | " if total and not p.done else ""
        state = "done" if p.done else f"{p.elapsed:,.0f}s"
        line = f"{label}: {share}{counts} | {rate} rows/s"
        if extra:
            line += f" | {extra}"
        print(f"{line} | {state}", file=self.stream, flush=True)
