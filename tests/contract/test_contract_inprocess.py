"""Schemathesis against the emulator in-process (ASGI): every phase, default checks."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

import httpx
from contract_support import API_KEY, CASES, HEADER, TID, load_schema
from omnisegment_emulator import EmulatorConfig, create_app

APP = create_app(EmulatorConfig(api_key=API_KEY, tid=TID, rate_limit=0, report_delay=0.0))


async def _seed_reports() -> None:
    transport = httpx.ASGITransport(app=APP)
    async with httpx.AsyncClient(transport=transport, base_url="http://emulator") as client:
        for path in ("/api/v1/interaction-report/", "/api/v1/tracking-event-report/"):
            response = await client.post(
                path,
                params={"tid": TID},
                headers={HEADER: API_KEY},
                json={"report_name": "seed", "start_date": "2026-01-01", "end_date": "2026-01-02"},
            )
            response.raise_for_status()


asyncio.run(_seed_reports())

schema = load_schema(Path(tempfile.mkdtemp(prefix="omnisegment-contract-")))
schema.app = APP


@schema.parametrize()
def test_operations(case: Any) -> None:
    CASES["in-process"] += 1
    case.call_and_validate()


class _Workflow(schema.as_state_machine()):  # type: ignore[misc]
    def after_call(self, response: Any, case: Any) -> None:
        CASES["in-process stateful"] += 1


TestStateful = _Workflow.TestCase
