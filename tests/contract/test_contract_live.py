"""Schemathesis against a live uvicorn emulator on loopback (``nox -s contract``)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from contract_support import API_KEY, CASES, HEADER, TID, load_schema
from omnisegment_emulator.testing import RunningEmulator, running_emulator

pytestmark = pytest.mark.contract_live


@pytest.fixture(scope="module")
def live() -> Iterator[RunningEmulator]:
    """One live emulator, with the two reports positive cases ask for."""
    with running_emulator(api_key=API_KEY, tid=TID, rate_limit=0, report_delay=0.0) as emu:
        with httpx.Client(base_url=emu.base_url, headers={HEADER: API_KEY}) as client:
            for path in ("/api/v1/interaction-report/", "/api/v1/tracking-event-report/"):
                client.post(
                    path,
                    params={"tid": TID},
                    json={
                        "report_name": "seed",
                        "start_date": "2026-01-01",
                        "end_date": "2026-01-02",
                    },
                ).raise_for_status()
        yield emu


# Loaded at import (only the spec file); the server starts with the first test that needs it.
# (``schemathesis.pytest.from_fixture`` is not usable with pytest 9.)
schema = load_schema(Path(tempfile.mkdtemp(prefix="omnisegment-contract-live-")))


@schema.parametrize()
def test_operations_live(case: Any, live: RunningEmulator) -> None:
    CASES["live"] += 1
    case.call_and_validate(base_url=live.base_url)


def test_stateful_live(live: RunningEmulator) -> None:
    base_url = live.base_url

    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"base_url": base_url}

        def after_call(self, response: Any, case: Any) -> None:
            CASES["live stateful"] += 1

    Workflow.run()
