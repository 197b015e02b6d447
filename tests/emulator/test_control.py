"""Control API, credentials never leaking, file databases surviving a restart, the CLI."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from emulator_support import AUDIENCE, HEADER, INTERACTION, PURCHASE, TRACK, Api
from omnisegment_emulator import EmulatorConfig, create_app
from omnisegment_emulator.app import BODY_LOG_SIZE
from omnisegment_emulator.testing import running_emulator


def test_health_and_collections(api: Api) -> None:
    response = api.emu.control.get("health")
    health = response.json()
    assert health["status"] == "ok" and health["operations"] == 20
    assert "api_key" not in health and api.emu.api_key not in response.text
    for name in (
        "audiences", "purchases", "gift_vouchers", "products", "event_registrations",
        "product_guarantees", "events", "audience_mappings", "reports",
    ):  # fmt: skip
        assert api.emu.control.get(f"store/{name}").json() == []
    assert api.emu.control.get("store/secrets").status_code == 404


def test_reset_forgets_everything(api: Api) -> None:
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1"}))
    api.ok(api.header("POST", INTERACTION, json={"report_name": "r", "start_date": "2025-01-01",
                                                 "end_date": "2025-01-02"}))  # fmt: skip
    api.emu.reset()
    assert api.store("audiences") == [] and api.store("reports") == []
    assert api.emu.requests() == []
    created = api.ok(api.header("POST", INTERACTION, json={"report_name": "r",
                     "start_date": "2025-01-01", "end_date": "2025-01-02"}))  # fmt: skip
    assert created == {"report_id": 1}


def test_request_log(api: Api) -> None:
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1"}))
    api.error(api.http.get("/nope/"), 404)
    first, second = api.emu.requests()
    assert first["method"] == "POST" and first["path"] == AUDIENCE and first["status"] == 200
    assert first["operation_id"] == "import_audience" and first["duration"] >= 0
    assert abs(first["time"] - time.time()) < 60
    assert second["status"] == 404 and second["operation_id"] is None
    assert api.emu.control.get("requests", params={"limit": 1}).json() == [second]


def test_credentials_never_in_request_log_errors_or_logs(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    key = api.emu.api_key
    caplog.set_level(logging.DEBUG)
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1"}))
    api.body(AUDIENCE, data={"member_sn": key, "sex": key})  # key where it does not belong
    api.http.post(AUDIENCE, json={"tid": api.emu.tid, "api_key": key + "x", "data": {}})
    api.http.post(PURCHASE, params={"api_key": key}, json={"api_key": key})
    api.header("GET", INTERACTION)
    api.http.post(TRACK, json={"api_key": key}, headers={HEADER: key})
    api.http.get(f"/nothing/?api_key={key}")
    # The key as a path segment, a query parameter name and a body field name.
    api.error(api.header("GET", f"{INTERACTION}{key}/"), 400)
    api.error(api.http.get(f"/nothing/{key}/", params={key: "1"}), 404)
    api.body(AUDIENCE, data={"member_sn": "M-2", key: "x"})
    log_text = api.emu.control.get("requests").text
    assert key not in log_text and "***" in log_text
    log = api.emu.requests()
    assert len(log) == 10
    assert log[7]["path"] == f"{INTERACTION}***/"
    assert log[8]["path"] == "/nothing/***/" and log[8]["query"] == {"***": "1"}
    assert log[9]["body"]["data"] == {"member_sn": "M-2", "***": "x"}
    # Server-side loggers only (the test's own httpx client logs its URLs).
    server = [r for r in caplog.records if r.name.startswith(("omnisegment_emulator", "uvicorn"))]
    assert server and all(key not in r.getMessage() for r in server)


def test_file_database_survives_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "emulator.db")
    with running_emulator(db=db, api_key="k-1", tid="OA-1", rate_limit=0) as emu:
        api = Api(emu)
        api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "tags": "a"}))
        report = api.ok(api.header("POST", INTERACTION, json={"report_name": "r",
                        "start_date": "2025-01-01", "end_date": "2025-01-02"}))  # fmt: skip
        api.close()
    with running_emulator(db=db, api_key="k-1", tid="OA-1", rate_limit=0) as emu:
        api = Api(emu)
        api.ok(api.body(AUDIENCE, data={"member_sn": "M-1", "tags": "b"}))
        assert api.store("audiences") == [{"member_sn": "M-1", "tags": ["a", "b"]}]
        assert (
            api.ok(api.header("GET", f"{INTERACTION}{report['report_id']}/"))["report_name"] == "r"
        )
        api.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_command_prints_demo_credentials_and_stops_on_ctrl_c() -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "omnisegment_emulator", "--port", str(port), "--rate-limit", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(4)]
        key = next(line.split("=", 1)[1].strip() for line in lines if "API_KEY=" in line)
        tid = next(line.split("=", 1)[1].strip() for line in lines if "TID=" in line)
        deadline = time.monotonic() + 10
        while True:
            try:
                response = httpx.post(
                    f"http://127.0.0.1:{port}{AUDIENCE}",
                    json={"tid": tid, "api_key": key, "data": {"member_sn": "M"}},
                )
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        assert response.status_code == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


async def test_request_log_keeps_recent_bodies_only() -> None:
    app = create_app(EmulatorConfig(api_key="k", tid="OA-1", rate_limit=0))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://emu") as client:
        for n in range(BODY_LOG_SIZE + 5):
            body = {"tid": "OA-1", "api_key": "k", "data": {"member_sn": f"M-{n}"}}
            assert (await client.post(AUDIENCE, json=body)).status_code == 200
    log = app.engine.requests()
    assert len(log) == BODY_LOG_SIZE + 5
    assert [entry["body"] for entry in log[:5]] == [None] * 5
    assert log[-1]["body"] == {
        "tid": "OA-1",
        "api_key": "***",
        "data": {"member_sn": f"M-{BODY_LOG_SIZE + 4}"},
    }
    app.engine.close()
