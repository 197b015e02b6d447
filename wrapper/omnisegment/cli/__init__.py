"""The ``omnisegment`` command (typer + rich).

Sub-commands: ``import``, ``reports``, ``market-report``, ``emulator`` and ``demo``.
Credentials come from ``OMNISEGMENT_API_KEY`` / ``OMNISEGMENT_TID`` or ``--api-key-file`` /
``--tid``; there is no option taking the key itself, so it never shows in ``ps``.
Exit codes: 0 everything accepted, 1 some rows rejected, 2 fatal (one-line reason).
"""

from __future__ import annotations

import typer

from ._demo import demo_command
from ._emulator import emulator_command
from ._import import import_command
from ._reports import market_report_command, reports_app

__all__ = ["app", "main"]

app = typer.Typer(
    name="omnisegment",
    help="Bulk import, reports and a local emulator for the OmniSegment External API.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("import")(import_command)
app.add_typer(reports_app, name="reports")
app.command("market-report")(market_report_command)
app.command("emulator")(emulator_command)
app.command("demo")(demo_command)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="omnisegment")
