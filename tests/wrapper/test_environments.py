"""Environments, base URLs, credentials and the http:// guard."""

from __future__ import annotations

import pytest
from omnisegment._environments import (
    ENVIRONMENTS,
    Credentials,
    InsecureURLError,
    MissingCredentialsError,
    is_loopback_host,
    resolve_base_url,
    resolve_credentials,
)


def test_named_environments() -> None:
    assert resolve_base_url(environ={}) == "https://api.omnisegment.com"
    assert resolve_base_url("tw", environ={}) == "https://api.omnisegment.com"
    assert resolve_base_url("JP", environ={}) == "https://jp.api.omnisegment.com"
    assert resolve_base_url("staging", environ={}) == "https://staging.omnicloud.tech"
    assert set(ENVIRONMENTS) == {"tw", "jp", "staging"}


def test_environment_variables() -> None:
    env = {"OMNISEGMENT_ENVIRONMENT": "jp"}
    assert resolve_base_url(environ=env) == "https://jp.api.omnisegment.com"
    env["OMNISEGMENT_BASE_URL"] = "https://proxy.example.org/omni/"
    assert resolve_base_url(environ=env) == "https://proxy.example.org/omni"
    # An explicit argument beats the environment.
    assert (
        resolve_base_url(base_url="https://a.example.org", environ=env) == "https://a.example.org"
    )
    assert resolve_base_url("staging", environ={"OMNISEGMENT_ENVIRONMENT": "jp"}).endswith(
        "omnicloud.tech"
    )
    # ... an explicit environment name too: a stray OMNISEGMENT_BASE_URL must not
    # redirect a client that named its environment.
    assert resolve_base_url("tw", environ=env) == "https://api.omnisegment.com"


def test_unknown_environment() -> None:
    with pytest.raises(ValueError, match="unknown environment 'eu'"):
        resolve_base_url("eu", environ={})


@pytest.mark.parametrize(
    "url", ["ftp://x.org", "api.omnisegment.com", "https://x.org/?a=1", "https://"]
)
def test_bad_urls(url: str) -> None:
    with pytest.raises(ValueError):
        resolve_base_url(base_url=url, environ={})


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://localhost:1",
        "http://[::1]:5000",
        "http://127.1.2.3",
        "http://emu.localhost",
    ],
)
def test_plain_http_allowed_on_loopback(url: str) -> None:
    assert resolve_base_url(base_url=url, environ={}) == url


def test_plain_http_refused_elsewhere() -> None:
    with pytest.raises(InsecureURLError, match="allow_insecure_http"):
        resolve_base_url(base_url="http://api.omnisegment.com", environ={})
    with pytest.raises(InsecureURLError):
        resolve_base_url(base_url="http://10.0.0.5:8000", environ={})
    url = resolve_base_url(base_url="http://10.0.0.5:8000", allow_insecure_http=True, environ={})
    assert url == "http://10.0.0.5:8000"


def test_loopback_detection() -> None:
    assert is_loopback_host("LOCALHOST")
    assert not is_loopback_host("localhost.example.org")
    assert not is_loopback_host("192.168.1.1")


def test_credentials_from_arguments_and_environment() -> None:
    creds = resolve_credentials("k", "OA-1", environ={"OMNISEGMENT_API_KEY": "other"})
    assert (creds.api_key, creds.tid) == ("k", "OA-1")
    creds = resolve_credentials(environ={"OMNISEGMENT_API_KEY": " k2 ", "OMNISEGMENT_TID": "OA-2"})
    assert (creds.api_key, creds.tid) == ("k2", "OA-2")


def test_missing_credentials_are_clear() -> None:
    with pytest.raises(MissingCredentialsError, match=r"api_key .*OMNISEGMENT_API_KEY.* and tid"):
        resolve_credentials(environ={})
    with pytest.raises(MissingCredentialsError, match="tid"):
        resolve_credentials("k", "  ", environ={})


def test_credentials_repr_hides_key() -> None:
    creds = Credentials("secret-key-123", "OA-1")
    assert "secret-key-123" not in repr(creds)
    assert "OA-1" in repr(creds)
