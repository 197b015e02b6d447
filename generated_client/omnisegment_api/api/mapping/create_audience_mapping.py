from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_audience_mapping_request import CreateAudienceMappingRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.null_payload_response import NullPayloadResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: CreateAudienceMappingRequest,
    tid: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["tid"] = tid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/audiences/audiences-mapping/",
        "params": params,
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
    client: AuthenticatedClient,
    body: CreateAudienceMappingRequest,
    tid: str,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Map an external customer id to an audience

     Registers an external system's customer id (`source_id` + `source_system`) against
    the audience found by the field named in `mapping_key`, which must be present in
    the body. Later imports can then identify that member by `source_id`. When no
    audience matches (and `mapping_key` is not `member_sn`), a headless audience is
    created and linked to the id. A mapping is identified by `source_system` +
    `source_id`; repeating it is harmless.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateAudienceMappingRequest): Body of `create_audience_mapping`. The field named by
            `mapping_key` must be present with the value to match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NullPayloadResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        tid=tid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateAudienceMappingRequest,
    tid: str,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Map an external customer id to an audience

     Registers an external system's customer id (`source_id` + `source_system`) against
    the audience found by the field named in `mapping_key`, which must be present in
    the body. Later imports can then identify that member by `source_id`. When no
    audience matches (and `mapping_key` is not `member_sn`), a headless audience is
    created and linked to the id. A mapping is identified by `source_system` +
    `source_id`; repeating it is harmless.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateAudienceMappingRequest): Body of `create_audience_mapping`. The field named by
            `mapping_key` must be present with the value to match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | NullPayloadResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        tid=tid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateAudienceMappingRequest,
    tid: str,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Map an external customer id to an audience

     Registers an external system's customer id (`source_id` + `source_system`) against
    the audience found by the field named in `mapping_key`, which must be present in
    the body. Later imports can then identify that member by `source_id`. When no
    audience matches (and `mapping_key` is not `member_sn`), a headless audience is
    created and linked to the id. A mapping is identified by `source_system` +
    `source_id`; repeating it is harmless.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateAudienceMappingRequest): Body of `create_audience_mapping`. The field named by
            `mapping_key` must be present with the value to match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | NullPayloadResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        tid=tid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateAudienceMappingRequest,
    tid: str,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Map an external customer id to an audience

     Registers an external system's customer id (`source_id` + `source_system`) against
    the audience found by the field named in `mapping_key`, which must be present in
    the body. Later imports can then identify that member by `source_id`. When no
    audience matches (and `mapping_key` is not `member_sn`), a headless audience is
    created and linked to the id. A mapping is identified by `source_system` +
    `source_id`; repeating it is harmless.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateAudienceMappingRequest): Body of `create_audience_mapping`. The field named by
            `mapping_key` must be present with the value to match.

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
            tid=tid,
        )
    ).parsed
