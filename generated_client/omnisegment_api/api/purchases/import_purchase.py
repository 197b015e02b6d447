from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.import_purchase_request import ImportPurchaseRequest
from ...models.null_payload_response import NullPayloadResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ImportPurchaseRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/import-purchase-data/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | NullPayloadResponse | None:
    if response.status_code == 200:
        response_200 = NullPayloadResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorEnvelope.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ErrorEnvelope.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportPurchaseRequest,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Import one purchase

     Records one order. Orders are identified by `transaction_id`: sending the same id
    again updates the order (for example with `transaction_status` `CANCEL` or
    `REFUND`). The customer is found through `identifier_field` (default `member_sn`,
    or `source_id` + `source_system`); with `is_anonymous` true no customer identity is
    needed.

    Ambiguity: by default (`debug_mode` 0) the vendor processes the order in the
    background and does not report data errors, so a 200 does not prove the order was
    stored. Decision: the spec documents this; clients that need confirmation send
    `debug_mode` 1 (as an integer) to get errors synchronously.

    Args:
        body (ImportPurchaseRequest): Body of `import_purchase`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NullPayloadResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ImportPurchaseRequest,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Import one purchase

     Records one order. Orders are identified by `transaction_id`: sending the same id
    again updates the order (for example with `transaction_status` `CANCEL` or
    `REFUND`). The customer is found through `identifier_field` (default `member_sn`,
    or `source_id` + `source_system`); with `is_anonymous` true no customer identity is
    needed.

    Ambiguity: by default (`debug_mode` 0) the vendor processes the order in the
    background and does not report data errors, so a 200 does not prove the order was
    stored. Decision: the spec documents this; clients that need confirmation send
    `debug_mode` 1 (as an integer) to get errors synchronously.

    Args:
        body (ImportPurchaseRequest): Body of `import_purchase`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NullPayloadResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportPurchaseRequest,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Import one purchase

     Records one order. Orders are identified by `transaction_id`: sending the same id
    again updates the order (for example with `transaction_status` `CANCEL` or
    `REFUND`). The customer is found through `identifier_field` (default `member_sn`,
    or `source_id` + `source_system`); with `is_anonymous` true no customer identity is
    needed.

    Ambiguity: by default (`debug_mode` 0) the vendor processes the order in the
    background and does not report data errors, so a 200 does not prove the order was
    stored. Decision: the spec documents this; clients that need confirmation send
    `debug_mode` 1 (as an integer) to get errors synchronously.

    Args:
        body (ImportPurchaseRequest): Body of `import_purchase`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NullPayloadResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ImportPurchaseRequest,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Import one purchase

     Records one order. Orders are identified by `transaction_id`: sending the same id
    again updates the order (for example with `transaction_status` `CANCEL` or
    `REFUND`). The customer is found through `identifier_field` (default `member_sn`,
    or `source_id` + `source_system`); with `is_anonymous` true no customer identity is
    needed.

    Ambiguity: by default (`debug_mode` 0) the vendor processes the order in the
    background and does not report data errors, so a 200 does not prove the order was
    stored. Decision: the spec documents this; clients that need confirmation send
    `debug_mode` 1 (as an integer) to get errors synchronously.

    Args:
        body (ImportPurchaseRequest): Body of `import_purchase`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NullPayloadResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
