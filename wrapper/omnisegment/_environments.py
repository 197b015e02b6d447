"""Environments, base URLs and credentials taken from arguments or the environment."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = [
    "ENVIRONMENTS",
    "ENV_API_KEY",
    "ENV_BASE_URL",
    "ENV_ENVIRONMENT",
    "ENV_TID",
    "Credentials",
    "InsecureURLError",
    "MissingCredentialsError",
    "is_loopback_host",
    "resolve_base_url",
    "resolve_credentials",
]

#: Base URL of each named environment. ``tw`` is the default.
ENVIRONMENTS: Mapping[str, str] = {
    "tw": "https://api.omnisegment.com",
    "jp": "https://jp.api.omnisegment.com",
    "staging": "https://staging.omnicloud.tech",
}
DEFAULT_ENVIRONMENT = "tw"

ENV_API_KEY = "OMNISEGMENT_API_KEY"
ENV_TID = "OMNISEGMENT_TID"
ENV_ENVIRONMENT = "OMNISEGMENT_ENVIRONMENT"
ENV_BASE_URL = "OMNISEGMENT_BASE_URL"


class InsecureURLError(ValueError):
    """Plain ``http://`` to a host that is not loopback, without the explicit opt-in."""


class MissingCredentialsError(ValueError):
    """No API key or tid was given and none is set in the environment."""


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and loopback IP addresses (127.0.0.0/8, ::1)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def resolve_base_url(
    environment: str | None = None,
    base_url: str | None = None,
    *,
    allow_insecure_http: bool = False,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Pick the base URL. Arguments beat environment variables, and a URL beats a name:
    ``base_url`` > ``environment`` > ``OMNISEGMENT_BASE_URL`` > ``OMNISEGMENT_ENVIRONMENT``
    > ``tw``.

    The result has no trailing slash. ``http://`` is refused for any host other than
    loopback unless ``allow_insecure_http`` is true.
    """
    env = os.environ if environ is None else environ
    url = base_url or (None if environment else env.get(ENV_BASE_URL)) or None
    if url is None:
        name = (environment or env.get(ENV_ENVIRONMENT) or DEFAULT_ENVIRONMENT).strip().lower()
        if name not in ENVIRONMENTS:
            choices = ", ".join(sorted(ENVIRONMENTS))
            raise ValueError(f"unknown environment {name!r} (choose one of: {choices})")
        url = ENVIRONMENTS[name]
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"base URL must be an absolute http(s) URL, got {url!r}")
    if parts.query or parts.fragment:
        raise ValueError("base URL must not have a query string or fragment")
    if parts.scheme == "http" and not allow_insecure_http and not is_loopback_host(parts.hostname):
        raise InsecureURLError(
            f"refusing plain http:// to {parts.hostname!r}: the API key would travel "
            "unencrypted; use https:// or pass allow_insecure_http=True"
        )
    return url


@dataclass(frozen=True, slots=True)
class Credentials:
    """API key and tid. The key is hidden from ``repr``."""

    api_key: str
    tid: str

    def __repr__(self) -> str:
        return f"Credentials(api_key='***', tid={self.tid!r})"


def resolve_credentials(
    api_key: str | None = None,
    tid: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
) -> Credentials:
    """Take the key and tid from the arguments or ``OMNISEGMENT_API_KEY``/``OMNISEGMENT_TID``."""
    env = os.environ if environ is None else environ
    key = api_key if api_key is not None else env.get(ENV_API_KEY)
    org = tid if tid is not None else env.get(ENV_TID)
    missing = []
    if not key or not key.strip():
        missing.append(f"api_key (or {ENV_API_KEY})")
    if not org or not org.strip():
        missing.append(f"tid (or {ENV_TID})")
    if missing:
        raise MissingCredentialsError("missing " + " and ".join(missing))
    assert key is not None and org is not None
    return Credentials(api_key=key.strip(), tid=org.strip())
