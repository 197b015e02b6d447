from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_interactive_audiences_report_request import (
    CreateInteractiveAudiencesReportRequest,
)
from ...models.error_envelope import ErrorEnvelope
from ...models.null_payload_response import NullPayloadResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: CreateInteractiveAudiencesReportRequest,
    tid: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["tid"] = tid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/audiences/interactive-audiences-report/",
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
    body: CreateInteractiveAudiencesReportRequest,
    tid: str,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Start an interactive-audiences report

     Starts exporting the audiences that interacted in a period, with their device ids
    and push credentials. Both dates must lie within the last 30 days. Allowed once a
    day per organisation; failed requests do not count. No report id is returned: find
    the job in `list_interactive_audiences_reports` by its `start_date` and `end_date`.
    Creating a report is not idempotent.

    Ambiguity: the reference day and time zone of the 30-day check are undocumented.
    Decision: both dates must fall between today minus 30 days and today, in the host's
    zone (Taiwan `+08`), with `start_date` not after `end_date`; otherwise 400.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateInteractiveAudiencesReportRequest): Body of
            `create_interactive_audiences_report`; both dates lie within the last 30 days.

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
    body: CreateInteractiveAudiencesReportRequest,
    tid: str,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Start an interactive-audiences report

     Starts exporting the audiences that interacted in a period, with their device ids
    and push credentials. Both dates must lie within the last 30 days. Allowed once a
    day per organisation; failed requests do not count. No report id is returned: find
    the job in `list_interactive_audiences_reports` by its `start_date` and `end_date`.
    Creating a report is not idempotent.

    Ambiguity: the reference day and time zone of the 30-day check are undocumented.
    Decision: both dates must fall between today minus 30 days and today, in the host's
    zone (Taiwan `+08`), with `start_date` not after `end_date`; otherwise 400.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateInteractiveAudiencesReportRequest): Body of
            `create_interactive_audiences_report`; both dates lie within the last 30 days.

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
    body: CreateInteractiveAudiencesReportRequest,
    tid: str,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Start an interactive-audiences report

     Starts exporting the audiences that interacted in a period, with their device ids
    and push credentials. Both dates must lie within the last 30 days. Allowed once a
    day per organisation; failed requests do not count. No report id is returned: find
    the job in `list_interactive_audiences_reports` by its `start_date` and `end_date`.
    Creating a report is not idempotent.

    Ambiguity: the reference day and time zone of the 30-day check are undocumented.
    Decision: both dates must fall between today minus 30 days and today, in the host's
    zone (Taiwan `+08`), with `start_date` not after `end_date`; otherwise 400.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateInteractiveAudiencesReportRequest): Body of
            `create_interactive_audiences_report`; both dates lie within the last 30 days.

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
    body: CreateInteractiveAudiencesReportRequest,
    tid: str,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Start an interactive-audiences report

     Starts exporting the audiences that interacted in a period, with their device ids
    and push credentials. Both dates must lie within the last 30 days. Allowed once a
    day per organisation; failed requests do not count. No report id is returned: find
    the job in `list_interactive_audiences_reports` by its `start_date` and `end_date`.
    Creating a report is not idempotent.

    Ambiguity: the reference day and time zone of the 30-day check are undocumented.
    Decision: both dates must fall between today minus 30 days and today, in the host's
    zone (Taiwan `+08`), with `start_date` not after `end_date`; otherwise 400.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateInteractiveAudiencesReportRequest): Body of
            `create_interactive_audiences_report`; both dates lie within the last 30 days.

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
