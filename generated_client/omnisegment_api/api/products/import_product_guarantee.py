from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.import_product_guarantee_request import ImportProductGuaranteeRequest
from ...models.null_payload_response import NullPayloadResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ImportProductGuaranteeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/products/import-product-guarantee-data/",
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
    body: ImportProductGuaranteeRequest,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Import one product guarantee

     Records a product warranty registration, identified by `warranty_id`.

    Ambiguity: the vendor pages name the product key both `product` (single string
    values) and `products` (the array form copied from event registrations), and the
    machine-readable summary shows an unrelated free-form schema. Decision: the key is
    `product`, an object whose `default` and `sku` values are single strings.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary. Decision: `PAYLOAD` is null.

    Args:
        body (ImportProductGuaranteeRequest): Body of `import_product_guarantee`.

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
    body: ImportProductGuaranteeRequest,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Import one product guarantee

     Records a product warranty registration, identified by `warranty_id`.

    Ambiguity: the vendor pages name the product key both `product` (single string
    values) and `products` (the array form copied from event registrations), and the
    machine-readable summary shows an unrelated free-form schema. Decision: the key is
    `product`, an object whose `default` and `sku` values are single strings.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary. Decision: `PAYLOAD` is null.

    Args:
        body (ImportProductGuaranteeRequest): Body of `import_product_guarantee`.

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
    body: ImportProductGuaranteeRequest,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Import one product guarantee

     Records a product warranty registration, identified by `warranty_id`.

    Ambiguity: the vendor pages name the product key both `product` (single string
    values) and `products` (the array form copied from event registrations), and the
    machine-readable summary shows an unrelated free-form schema. Decision: the key is
    `product`, an object whose `default` and `sku` values are single strings.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary. Decision: `PAYLOAD` is null.

    Args:
        body (ImportProductGuaranteeRequest): Body of `import_product_guarantee`.

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
    body: ImportProductGuaranteeRequest,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Import one product guarantee

     Records a product warranty registration, identified by `warranty_id`.

    Ambiguity: the vendor pages name the product key both `product` (single string
    values) and `products` (the array form copied from event registrations), and the
    machine-readable summary shows an unrelated free-form schema. Decision: the key is
    `product`, an object whose `default` and `sku` values are single strings.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary. Decision: `PAYLOAD` is null.

    Args:
        body (ImportProductGuaranteeRequest): Body of `import_product_guarantee`.

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
