"""Contract tests: case counters printed in the terminal summary."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

CASES: Counter[str] = Counter()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if CASES:
        parts = ", ".join(f"{name} {count}" for name, count in sorted(CASES.items()))
        terminalreporter.write_line(f"schemathesis cases: {parts}")


@pytest.fixture
def case_counter() -> Counter[str]:
    return CASES
