from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.import_product_request import ImportProductRequest
from ...models.import_product_response import ImportProductResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ImportProductRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/products/import/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ImportProductResponse | None:
    if response.status_code == 200:
        response_200 = ImportProductResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ImportProductResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportProductRequest,
) -> Response[ErrorEnvelope | ImportProductResponse]:
    """Import one product

     Creates or updates one catalogue product, identified by its `id` (a string, or an
    object mapping system names to ids; the `default` entry, or the only entry, is the
    product's own id and the others are aliases).

    Ambiguity: a custom-field remark talks about importing several records at once,
    which suggests `data` might accept an array, but only a single object is ever
    shown. Decision: `data` is one object.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary, as `{"status": "OK"}`. Decision: `PAYLOAD` is that object; null is
    tolerated too.

    Args:
        body (ImportProductRequest): Body of `import_product`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ImportProductResponse]
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
    body: ImportProductRequest,
) -> ErrorEnvelope | ImportProductResponse | None:
    """Import one product

     Creates or updates one catalogue product, identified by its `id` (a string, or an
    object mapping system names to ids; the `default` entry, or the only entry, is the
    product's own id and the others are aliases).

    Ambiguity: a custom-field remark talks about importing several records at once,
    which suggests `data` might accept an array, but only a single object is ever
    shown. Decision: `data` is one object.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary, as `{"status": "OK"}`. Decision: `PAYLOAD` is that object; null is
    tolerated too.

    Args:
        body (ImportProductRequest): Body of `import_product`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ImportProductResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportProductRequest,
) -> Response[ErrorEnvelope | ImportProductResponse]:
    """Import one product

     Creates or updates one catalogue product, identified by its `id` (a string, or an
    object mapping system names to ids; the `default` entry, or the only entry, is the
    product's own id and the others are aliases).

    Ambiguity: a custom-field remark talks about importing several records at once,
    which suggests `data` might accept an array, but only a single object is ever
    shown. Decision: `data` is one object.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary, as `{"status": "OK"}`. Decision: `PAYLOAD` is that object; null is
    tolerated too.

    Args:
        body (ImportProductRequest): Body of `import_product`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ImportProductResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ImportProductRequest,
) -> ErrorEnvelope | ImportProductResponse | None:
    """Import one product

     Creates or updates one catalogue product, identified by its `id` (a string, or an
    object mapping system names to ids; the `default` entry, or the only entry, is the
    product's own id and the others are aliases).

    Ambiguity: a custom-field remark talks about importing several records at once,
    which suggests `data` might accept an array, but only a single object is ever
    shown. Decision: `data` is one object.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary, as `{"status": "OK"}`. Decision: `PAYLOAD` is that object; null is
    tolerated too.

    Args:
        body (ImportProductRequest): Body of `import_product`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ImportProductResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
