"""Contract tests: the schemathesis case counts go into the terminal summary."""

from __future__ import annotations

from typing import Any

from contract_support import CASES


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if CASES:
        parts = ", ".join(f"{name} {count}" for name, count in sorted(CASES.items()))
        terminalreporter.write_line(f"schemathesis cases: {parts}")
