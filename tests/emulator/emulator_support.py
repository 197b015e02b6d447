"""Helpers for the emulator behaviour tests: a thin HTTP client that knows the auth schemes."""

from __future__ import annotations

from typing import Any

import httpx
from omnisegment_emulator.testing import RunningEmulator

HEADER = "X-OmniSegment-Api-Key"
AUDIENCE = "/ma_audience/import-audience/"
BATCH_AUDIENCES = "/api/v2/audiences/batch-import/"
PURCHASE = "/api/import-purchase-data/"
BATCH_PURCHASES = "/api/v2/purchase/batch-import/"
VOUCHERS = "/api/import-gift-voucher/"
BATCH_VOUCHERS = "/api/v2/voucher/batch-import/"
PRODUCT = "/api/v1/products/import/"
REGISTRATION = "/api/v1/products/import-event-registration-data/"
GUARANTEE = "/api/v1/products/import-product-guarantee-data/"
MARKET = "/omnidata/show-market-report/"
TRACK = "/api/v1/beacon/track-event/"
INTERACTION = "/api/v1/interaction-report/"
TRACKING = "/api/v1/tracking-event-report/"
MAPPING = "/api/v1/audiences/audiences-mapping/"
INTERACTIVE = "/api/v1/audiences/interactive-audiences-report/"


class Api:
    """Calls the emulator with the right credentials in the right place."""

    def __init__(self, emu: RunningEmulator) -> None:
        self.emu = emu
        self.http = httpx.Client(base_url=emu.base_url, timeout=10.0)

    def close(self) -> None:
        self.http.close()

    def body(self, path: str, **fields: Any) -> httpx.Response:
        """A body-auth operation: ``tid`` and ``api_key`` go into the JSON body."""
        payload = {"tid": self.emu.tid, "api_key": self.emu.api_key, **fields}
        return self.http.post(path, json=payload)

    def header(
        self, method: str, path: str, json: Any = None, tid_in_body: bool = False
    ) -> httpx.Response:
        """A header-auth operation: key in the header, ``tid`` in the query (or body)."""
        params = {} if tid_in_body else {"tid": self.emu.tid}
        if tid_in_body and isinstance(json, dict):
            json = {"tid": self.emu.tid, **json}
        return self.http.request(
            method, path, params=params, json=json, headers={HEADER: self.emu.api_key}
        )

    def ok(self, response: httpx.Response) -> Any:
        """Assert a 200 success envelope and return its PAYLOAD."""
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["SUCCESS"] is True
        return body["PAYLOAD"]

    def error(self, response: httpx.Response, status: int) -> str:
        """Assert an error envelope with ``status`` and return its ERR_MSG."""
        assert response.status_code == status, response.text
        body = response.json()
        assert body["SUCCESS"] is False
        assert isinstance(body["ERR_MSG"], str)
        return str(body["ERR_MSG"])

    def store(self, collection: str) -> list[Any]:
        return self.emu.store(collection)
