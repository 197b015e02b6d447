"""Seeded faults, latency and their control API."""

from __future__ import annotations

import time

import httpx
import pytest
from emulator_support import AUDIENCE, INTERACTION, MARKET, Api
from omnisegment_emulator.config import parse_faults
from omnisegment_emulator.testing import running_emulator


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_status_faults(api: Api, status: int) -> None:
    api.emu.set_faults(str(status))
    response = api.body(AUDIENCE, data={"member_sn": "M-1"})
    assert api.error(response, status).endswith("injected fault")
    assert api.store("audiences") == []  # a fault never reaches the state


def test_429_fault_has_retry_after(api: Api) -> None:
    api.emu.set_faults("429")
    response = api.body(AUDIENCE, data={"member_sn": "M-1"})
    api.error(response, 429)
    assert response.headers["Retry-After"] == "1"


def test_html_gateway_fault(api: Api) -> None:
    api.emu.set_faults("html")
    response = api.body(AUDIENCE, data={"member_sn": "M-1"})
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    assert "<html>" in response.text


def test_reset_fault_drops_the_connection(api: Api) -> None:
    api.emu.set_faults("reset")
    with pytest.raises(httpx.TransportError):
        api.body(AUDIENCE, data={"member_sn": "M-1"})
    api.emu.set_faults("")
    api.ok(api.body(AUDIENCE, data={"member_sn": "M-1"}))  # a new connection works
    log = api.emu.requests()
    assert log[0]["fault"] == "reset" and log[0]["status"] is None


def test_next_n_and_per_path(api: Api) -> None:
    api.emu.set_faults("503", next=2, path=AUDIENCE)
    market = {"start_date": "2025-1-1", "end_date": "2025-1-1"}
    assert api.body(MARKET, data=market).status_code == 200  # other path untouched
    codes = [api.body(AUDIENCE, data={"member_sn": "M"}).status_code for _ in range(3)]
    assert codes == [503, 503, 200]
    assert api.emu.control.get("faults").json()["rules"] == []


def test_faults_on_templated_paths_count_each_request_once(api: Api) -> None:
    report = f"{INTERACTION}{{id}}/"
    api.emu.set_faults("504", path=report, next=2)
    created = api.ok(api.header("POST", INTERACTION, json={"report_name": "r",
                     "start_date": "2025-01-01", "end_date": "2025-01-02"}))  # fmt: skip
    detail = f"{INTERACTION}{created['report_id']}/"
    codes = [api.header("GET", detail).status_code for _ in range(3)]
    assert codes == [504, 504, 200]
    # A rule for every path also counts a request on a templated path once.
    api.emu.set_faults("503:0", next=3)
    api.header("GET", detail)
    assert [r["remaining"] for r in api.emu.control.get("faults").json()["rules"]] == [2]


def test_rules_list_append_and_reset(api: Api) -> None:
    api.emu.control.put("faults", json={"rules": [{"kind": "504", "path": MARKET}]})
    api.emu.control.put("faults", json={"faults": "502", "next": 1, "append": True})
    rules = api.emu.control.get("faults").json()["rules"]
    assert [r["kind"] for r in rules] == ["502", "504"]
    bad = api.emu.control.put("faults", json={"faults": "teapot"})
    assert bad.status_code == 400
    for rule in ({"kind": "503", "next": "abc"}, {"kind": "503", "next": 0},
                 {"kind": "503", "path": 1}, {"kind": "503,502"}, {"kind": "503",
                 "probability": 2}):  # fmt: skip
        assert api.emu.control.put("faults", json={"rules": [rule]}).status_code == 400, rule
    assert [r["kind"] for r in api.emu.control.get("faults").json()["rules"]] == ["502", "504"]
    api.emu.reset()
    assert api.emu.control.get("faults").json()["rules"] == []


def test_faults_are_seeded_and_reproducible() -> None:
    def run(seed: int) -> list[int]:
        spec = "503:0.2,429:0.1,502:0.1"
        with running_emulator(rate_limit=0, faults=spec, seed=seed) as emu:
            api = Api(emu)
            try:
                return [api.body(AUDIENCE, data={"member_sn": "M"}).status_code for _ in range(40)]
            finally:
                api.close()

    first, second, other = run(7), run(7), run(8)
    assert first == second and first != other
    assert {200, 503}.issubset(first) and set(first) <= {200, 429, 502, 503}


def test_control_api_is_never_faulted(api: Api) -> None:
    api.emu.set_faults("503")
    assert api.emu.control.get("health").status_code == 200


def test_latency(api: Api) -> None:
    api.emu.control.put("faults", json={"latency": 120})
    started = time.perf_counter()
    api.ok(api.body(AUDIENCE, data={"member_sn": "M"}))
    assert time.perf_counter() - started >= 0.12
    api.emu.reset()
    started = time.perf_counter()
    api.ok(api.body(AUDIENCE, data={"member_sn": "M"}))
    assert time.perf_counter() - started < 0.1


def test_fault_spec_parsing() -> None:
    rules = parse_faults("503:0.1, 429:0.05,reset:0.01,HTML:0.02")
    assert [(r.kind, r.probability) for r in rules] == [
        ("503", 0.1),
        ("429", 0.05),
        ("reset", 0.01),
        ("html", 0.02),
    ]
    assert [(r.kind, r.probability) for r in parse_faults("502")] == [("502", 1.0)]
    for bad in ("503:2", "700", "boom:0.1", "503:0.7,502:0.5"):
        with pytest.raises(ValueError):
            parse_faults(bad)
