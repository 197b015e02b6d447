from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.import_audience_request import ImportAudienceRequest
from ...models.import_audience_response import ImportAudienceResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ImportAudienceRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ma_audience/import-audience/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ImportAudienceResponse | None:
    if response.status_code == 200:
        response_200 = ImportAudienceResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ImportAudienceResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportAudienceRequest,
) -> Response[ErrorEnvelope | ImportAudienceResponse]:
    """Import one audience

     Creates or updates one customer profile. The profile is found by the field named in
    `merge_key` (default `member_sn`); that field must be present in `data`
    (`source_id` also needs `source_system`). With the default `member_sn`, a
    `source_id` + `source_system` pair previously registered through audience mapping
    may stand in for `member_sn`.

    Ambiguity: a 200 answer carries `PAYLOAD.status` and `PAYLOAD.error_msg`, and only
    `OK` / empty has ever been shown. Decision: the schema keeps `status` an open
    string; clients treat a 200 whose `status` is not `OK` as a failure carrying
    `error_msg`.

    Args:
        body (ImportAudienceRequest): Body of `import_audience`.

            Ambiguity: the default of `ignore_empty_value` is not stated by the vendor pages
            (the machine-readable summary says false). Decision: the default is false, and
            clients always send the flag explicitly.

            Ambiguity: the vendor marks `member_sn` or `source_id` as required although
            `merge_key` allows other identifiers. Decision: `Audience` has no required fields;
            the field named by `merge_key` must be present (see the operation's
            `x-omnisegment-identity`), which the server checks and answers with a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ImportAudienceResponse]
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
    body: ImportAudienceRequest,
) -> ErrorEnvelope | ImportAudienceResponse | None:
    """Import one audience

     Creates or updates one customer profile. The profile is found by the field named in
    `merge_key` (default `member_sn`); that field must be present in `data`
    (`source_id` also needs `source_system`). With the default `member_sn`, a
    `source_id` + `source_system` pair previously registered through audience mapping
    may stand in for `member_sn`.

    Ambiguity: a 200 answer carries `PAYLOAD.status` and `PAYLOAD.error_msg`, and only
    `OK` / empty has ever been shown. Decision: the schema keeps `status` an open
    string; clients treat a 200 whose `status` is not `OK` as a failure carrying
    `error_msg`.

    Args:
        body (ImportAudienceRequest): Body of `import_audience`.

            Ambiguity: the default of `ignore_empty_value` is not stated by the vendor pages
            (the machine-readable summary says false). Decision: the default is false, and
            clients always send the flag explicitly.

            Ambiguity: the vendor marks `member_sn` or `source_id` as required although
            `merge_key` allows other identifiers. Decision: `Audience` has no required fields;
            the field named by `merge_key` must be present (see the operation's
            `x-omnisegment-identity`), which the server checks and answers with a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ImportAudienceResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportAudienceRequest,
) -> Response[ErrorEnvelope | ImportAudienceResponse]:
    """Import one audience

     Creates or updates one customer profile. The profile is found by the field named in
    `merge_key` (default `member_sn`); that field must be present in `data`
    (`source_id` also needs `source_system`). With the default `member_sn`, a
    `source_id` + `source_system` pair previously registered through audience mapping
    may stand in for `member_sn`.

    Ambiguity: a 200 answer carries `PAYLOAD.status` and `PAYLOAD.error_msg`, and only
    `OK` / empty has ever been shown. Decision: the schema keeps `status` an open
    string; clients treat a 200 whose `status` is not `OK` as a failure carrying
    `error_msg`.

    Args:
        body (ImportAudienceRequest): Body of `import_audience`.

            Ambiguity: the default of `ignore_empty_value` is not stated by the vendor pages
            (the machine-readable summary says false). Decision: the default is false, and
            clients always send the flag explicitly.

            Ambiguity: the vendor marks `member_sn` or `source_id` as required although
            `merge_key` allows other identifiers. Decision: `Audience` has no required fields;
            the field named by `merge_key` must be present (see the operation's
            `x-omnisegment-identity`), which the server checks and answers with a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ImportAudienceResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ImportAudienceRequest,
) -> ErrorEnvelope | ImportAudienceResponse | None:
    """Import one audience

     Creates or updates one customer profile. The profile is found by the field named in
    `merge_key` (default `member_sn`); that field must be present in `data`
    (`source_id` also needs `source_system`). With the default `member_sn`, a
    `source_id` + `source_system` pair previously registered through audience mapping
    may stand in for `member_sn`.

    Ambiguity: a 200 answer carries `PAYLOAD.status` and `PAYLOAD.error_msg`, and only
    `OK` / empty has ever been shown. Decision: the schema keeps `status` an open
    string; clients treat a 200 whose `status` is not `OK` as a failure carrying
    `error_msg`.

    Args:
        body (ImportAudienceRequest): Body of `import_audience`.

            Ambiguity: the default of `ignore_empty_value` is not stated by the vendor pages
            (the machine-readable summary says false). Decision: the default is false, and
            clients always send the flag explicitly.

            Ambiguity: the vendor marks `member_sn` or `source_id` as required although
            `merge_key` allows other identifiers. Decision: `Audience` has no required fields;
            the field named by `merge_key` must be present (see the operation's
            `x-omnisegment-identity`), which the server checks and answers with a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ImportAudienceResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
