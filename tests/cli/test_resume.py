"""The import process killed with SIGKILL mid-run, then ``--resume``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytestmark = pytest.mark.live

ROWS = 5000
BATCH = 50
CONCURRENCY = 4
INVALID = {250: "bad_boolean", 2600: "missing_member_sn", 4999: "bad_sex"}


def _command(source: Path, tmp_path: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "omnisegment.cli",
        "import",
        "audiences",
        str(source),
        "--rate-limit",
        "0",
        "--concurrency",
        str(CONCURRENCY),
        "--checkpoint",
        str(tmp_path / "cp"),
        "--rejects",
        str(tmp_path / "rejects.jsonl"),
        *extra,
    ]


def _acknowledged(checkpoint: Path) -> int:
    try:
        return checkpoint.read_text().count("\nA ")
    except FileNotFoundError:
        return 0


def test_sigkill_then_resume_loses_nothing_and_resends_little(
    emulator: Any, samplegen: ModuleType, child_env: Any, tmp_path: Path
) -> None:
    source = tmp_path / "audiences.csv"
    samplegen.write_audiences_csv(source, ROWS, invalid=INVALID)
    emulator.set_faults("", latency=100)  # slow answers keep requests in flight
    env = child_env(emulator)
    proc = subprocess.Popen(
        _command(source, tmp_path), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30
    try:
        while _acknowledged(tmp_path / "cp") < 20:
            assert proc.poll() is None, "the import finished before it could be killed"
            assert time.monotonic() < deadline, "no progress"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert len(emulator.store("audiences")) < ROWS - len(INVALID)  # really mid-run

    emulator.set_faults("", latency=0)
    done = subprocess.run(
        _command(source, tmp_path, "--resume"),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stdout + done.stderr  # the invalid rows
    assert "3 records rejected" in done.stdout

    expected = {samplegen.member_sn(i) for i in range(ROWS) if i not in INVALID}
    assert {r["member_sn"] for r in emulator.store("audiences")} == expected

    sent: list[str] = []
    for entry in emulator.requests():
        if entry["operation_id"] == "batch_import_audiences":
            sent += [item.get("member_sn") for item in entry["body"]["data"]]
    resent = len(sent) - len(set(sent))
    print(f"re-sent rows after the kill: {resent}")
    assert resent <= CONCURRENCY * BATCH, resent

    rejects = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert sorted(e["line"] for e in rejects) == [i + 2 for i in sorted(INVALID)]
    assert not (tmp_path / "cp").exists()


def test_emulator_command_serves_until_interrupted(child_env: Any, emulator: Any) -> None:
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "omnisegment.cli",
            "emulator",
            "--port",
            str(port),
            "--rate-limit",
            "0",
        ],
        env=child_env(emulator),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/_emulator/health", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)
        assert health.json()["rate_limit"] == 0
    finally:
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=15)
    assert "OMNISEGMENT_API_KEY=" in output  # demo credentials are printed for the user
