"""The summary table printed at the end of an import."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..bulk import ImportResult

__all__ = ["print_rejections", "print_summary", "verdict"]


def _fmt(n: int) -> str:
    return f"{n:,}"


def print_summary(console: Console, results: Sequence[tuple[str, ImportResult]]) -> None:
    """One row per import: counts, requests, retries, 429s, time and rate."""
    dry = all(r.dry_run for _, r in results)
    table = Table(title="dry run (nothing sent)" if dry else "import summary", title_justify="left")
    table.add_column("kind", no_wrap=True)
    table.add_column("input", no_wrap=True)
    table.add_column("read", justify="right")
    if dry:
        table.add_column("valid", justify="right")
    else:
        table.add_column("skipped", justify="right")
        table.add_column("sent", justify="right")
        table.add_column("accepted", justify="right", style="green")
    table.add_column("rejected", justify="right", style="red")
    if not dry:
        table.add_column("requests", justify="right")
        table.add_column("retries", justify="right")
        table.add_column("429s", justify="right")
    table.add_column("time", justify="right")
    table.add_column("rows/s", justify="right")
    for label, r in results:
        row = [r.kind, label, _fmt(r.read)]
        if dry:
            row.append(_fmt(r.valid))
        else:
            row += [_fmt(r.skipped), _fmt(r.sent), _fmt(r.accepted)]
        row.append(_fmt(r.rejected))
        if not dry:
            row += [_fmt(r.requests), _fmt(r.retries), _fmt(r.rate_limited)]
        row += [f"{r.elapsed:,.1f}s", f"{r.rows_per_second:,.0f}"]
        table.add_row(*row)
    console.print(table)


def print_rejections(
    console: Console, result: ImportResult, limit: int = 10, label: str | None = None
) -> None:
    """The first few rejected records with their reasons."""
    if not result.rejections:
        return
    if label:
        console.print(f"{escape(label)}:", highlight=False)
    shown = result.rejections[:limit]
    for rej in shown:
        console.print(f"  [red]rejected[/red] {escape(rej.reason)}", highlight=False)
    more = result.rejected - len(shown)
    if more > 0:
        console.print(f"  ... and {more:,} more", highlight=False)


def verdict(result: ImportResult) -> str:
    """The one-line reason that goes with the exit code."""
    if result.fatal is not None:
        tail = ""
        if result.checkpoint_path:
            tail = f"; {result.accepted:,} accepted so far, re-run with --resume to continue"
        return f"error: {result.fatal}{tail}"
    if not result.complete:
        return "error: the import did not finish"
    where = f" (see {result.rejects_path})" if result.rejects_path and result.rejected else ""
    if result.dry_run:
        if result.rejected:
            return f"{result.rejected:,} of {result.read:,} records are invalid{where}"
        return f"all {result.valid:,} records are valid (dry run, nothing sent)"
    accepted = result.accepted + result.accepted_before
    rejected = result.rejected + result.rejected_before
    earlier = ""
    if result.resumed:
        earlier = (
            f" (this run: {result.accepted:,} accepted, {result.rejected:,} rejected; "
            f"{result.skipped:,} done before the resume)"
        )
    if rejected:
        if result.rejects_path and not where:
            where = f" (see {result.rejects_path})"
        return f"{rejected:,} records rejected, {accepted:,} accepted{earlier}{where}"
    return f"all {accepted:,} records accepted{earlier}"
