"""Routing, request validation, auth and rate limits over real HTTP."""

from __future__ import annotations

import time

import httpx
from emulator_support import AUDIENCE, HEADER, INTERACTION, MARKET, TRACK, Api
from omnisegment_emulator.testing import running_emulator


def test_unknown_path_is_404_with_envelope(api: Api) -> None:
    assert api.error(api.http.get("/api/v1/nothing/"), 404) == "Not Found: no such endpoint"
    message = api.error(api.http.post("/ma_audience/import-audience", json={}), 404)
    assert "slash" in message


def test_undeclared_method_is_405_with_allow(api: Api) -> None:
    for method in ("GET", "PUT", "DELETE", "PATCH"):
        response = api.http.request(method, AUDIENCE)
        api.error(response, 405)
        assert response.headers["allow"] == "POST"
    assert api.http.delete(INTERACTION).headers["allow"] == "GET, POST"


def test_malformed_and_non_object_bodies_are_400(api: Api) -> None:
    headers = {"content-type": "application/json"}
    for raw in (b"{not json", b"", b"[1, 2]", b'"text"', b"null"):
        response = api.http.post(AUDIENCE, content=raw, headers=headers)
        assert api.error(response, 400).startswith("Input Error: the request body")


def test_schema_violation_names_the_field_without_echoing(api: Api) -> None:
    key = api.emu.api_key
    response = api.body(AUDIENCE, data={"member_sn": "M-1", "sex": key, "birthday": key})
    message = api.error(response, 400)
    assert message.startswith("Input Error: data.sex: must be one of male, female")
    assert "data.birthday" in message and key not in response.text
    assert response.json()["ERR_TYPE_KEY"] == "Input Error"
    missing = api.error(api.body(AUDIENCE), 400)
    assert missing == "Missing Input Error: These values are required in post data : data"
    nested = api.body(AUDIENCE, data={"member_sn": "M", "fcm_tokens": [{"type": "ios"}]})
    assert api.error(nested, 400) == (
        "Missing Input Error: data.fcm_tokens[0].token: this field is required"
    )


def test_body_auth(api: Api) -> None:
    emu = api.emu
    data = {"member_sn": "M-1"}
    no_key = api.http.post(AUDIENCE, json={"tid": emu.tid, "data": data})
    assert api.error(no_key, 401).startswith("Unauthorized:")
    wrong = api.http.post(AUDIENCE, json={"tid": emu.tid, "api_key": "nope", "data": data})
    assert api.error(wrong, 403) == "Forbidden: invalid api_key or tid"
    bad_tid = api.http.post(AUDIENCE, json={"tid": "OA-x", "api_key": emu.api_key, "data": data})
    assert api.error(bad_tid, 403) == "Forbidden: invalid api_key or tid"
    # The key in the header does not authenticate a body-auth operation.
    header_only = api.http.post(
        AUDIENCE, json={"tid": emu.tid, "data": data}, headers={HEADER: emu.api_key}
    )
    api.error(header_only, 401)


def test_header_auth(api: Api) -> None:
    emu = api.emu
    assert api.error(api.http.get(INTERACTION, params={"tid": emu.tid}), 401).startswith(
        "Unauthorized:"
    )
    wrong = api.http.get(INTERACTION, params={"tid": emu.tid}, headers={HEADER: "x"})
    assert api.error(wrong, 403).startswith("Forbidden: invalid")
    no_tid = api.http.get(INTERACTION, headers={HEADER: emu.api_key})
    api.error(no_tid, 403)
    # The key in the body does not authenticate a header-auth operation.
    event = {"client_id": "c", "tid": emu.tid, "api_key": emu.api_key, "data_source": "web",
             "version": "2.0.4", "hit_type": "pageview"}  # fmt: skip
    api.error(api.http.post(TRACK, json=event), 401)
    # track-event takes tid from the body, not the query.
    event.pop("tid")
    response = api.http.post(
        TRACK, json=event, params={"tid": emu.tid}, headers={HEADER: emu.api_key}
    )
    api.error(response, 403)


def test_rate_limit_answers_429_with_retry_after() -> None:
    with running_emulator(rate_limit=3) as emu:
        api = Api(emu)
        try:
            statuses = [api.body(AUDIENCE, data={"member_sn": "M"}).status_code for _ in range(5)]
            assert statuses[:3] == [200, 200, 200] and 429 in statuses[3:]
            limited = api.body(AUDIENCE, data={"member_sn": "M"})
            message = api.error(limited, 429)
            assert message.startswith("Too Many Requests:")
            assert limited.headers["Retry-After"] == "1"
            # Buckets are per endpoint: another endpoint still answers.
            api.ok(api.body(MARKET, data={"start_date": "2025-1-1", "end_date": "2025-1-2"}))
            # GET and POST on one report path share a bucket.
            for _ in range(3):
                api.header("GET", INTERACTION)
            api.error(api.header("POST", INTERACTION, json={}), 429)
            time.sleep(1.05)
            api.ok(api.body(AUDIENCE, data={"member_sn": "M"}))
        finally:
            api.close()


def test_default_limit_is_ten_per_second_and_failed_requests_count() -> None:
    with running_emulator() as emu:
        api = Api(emu)
        try:
            statuses = [api.body(AUDIENCE, data={"sex": "x"}).status_code for _ in range(15)]
            # Invalid requests use up the budget too; the 11th within a second is refused.
            assert statuses[:10] == [400] * 10 and 429 in statuses[10:]
        finally:
            api.close()


def test_no_5xx_without_faults(api: Api) -> None:
    weird = [b"\xff\xfe", b"{" * 5000, b'{"data": ' + b"[" * 3000 + b"]" * 3000 + b"}"]
    for raw in weird:
        response = api.http.post(AUDIENCE, content=raw)
        assert response.status_code == 400, response.text
    response = httpx.get(f"{api.emu.base_url}{INTERACTION}abc/", params={"tid": api.emu.tid},
                         headers={HEADER: api.emu.api_key})  # fmt: skip
    assert response.status_code == 400
