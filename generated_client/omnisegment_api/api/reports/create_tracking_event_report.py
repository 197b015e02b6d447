from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_tracking_event_report_request import (
    CreateTrackingEventReportRequest,
)
from ...models.error_envelope import ErrorEnvelope
from ...models.report_created_response import ReportCreatedResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: CreateTrackingEventReportRequest,
    tid: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["tid"] = tid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tracking-event-report/",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ReportCreatedResponse | None:
    if response.status_code == 200:
        response_200 = ReportCreatedResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ReportCreatedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTrackingEventReportRequest,
    tid: str,
) -> Response[ErrorEnvelope | ReportCreatedResponse]:
    """Start a tracking-event report

     Starts generating a report of tracked behavioural events for a date range of at
    most 31 days and returns its `report_id`. Poll `get_tracking_event_report`, then
    download `report_url` (a CSV file). Creating a report is not idempotent.

    Ambiguity: whether `end_date` is inclusive is undocumented. Decision: both dates
    are inclusive calendar days (at most 31 days in total); a longer range, or an end
    before the start, is a 400.

    Ambiguity: a vendor sample sends the two flags as the string `"true"`. Decision:
    they are JSON booleans.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateTrackingEventReportRequest): Body of `create_tracking_event_report`; the range
            covers at most 31 days, both ends inclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReportCreatedResponse]
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
    body: CreateTrackingEventReportRequest,
    tid: str,
) -> ErrorEnvelope | ReportCreatedResponse | None:
    """Start a tracking-event report

     Starts generating a report of tracked behavioural events for a date range of at
    most 31 days and returns its `report_id`. Poll `get_tracking_event_report`, then
    download `report_url` (a CSV file). Creating a report is not idempotent.

    Ambiguity: whether `end_date` is inclusive is undocumented. Decision: both dates
    are inclusive calendar days (at most 31 days in total); a longer range, or an end
    before the start, is a 400.

    Ambiguity: a vendor sample sends the two flags as the string `"true"`. Decision:
    they are JSON booleans.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateTrackingEventReportRequest): Body of `create_tracking_event_report`; the range
            covers at most 31 days, both ends inclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReportCreatedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        tid=tid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTrackingEventReportRequest,
    tid: str,
) -> Response[ErrorEnvelope | ReportCreatedResponse]:
    """Start a tracking-event report

     Starts generating a report of tracked behavioural events for a date range of at
    most 31 days and returns its `report_id`. Poll `get_tracking_event_report`, then
    download `report_url` (a CSV file). Creating a report is not idempotent.

    Ambiguity: whether `end_date` is inclusive is undocumented. Decision: both dates
    are inclusive calendar days (at most 31 days in total); a longer range, or an end
    before the start, is a 400.

    Ambiguity: a vendor sample sends the two flags as the string `"true"`. Decision:
    they are JSON booleans.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateTrackingEventReportRequest): Body of `create_tracking_event_report`; the range
            covers at most 31 days, both ends inclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReportCreatedResponse]
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
    body: CreateTrackingEventReportRequest,
    tid: str,
) -> ErrorEnvelope | ReportCreatedResponse | None:
    """Start a tracking-event report

     Starts generating a report of tracked behavioural events for a date range of at
    most 31 days and returns its `report_id`. Poll `get_tracking_event_report`, then
    download `report_url` (a CSV file). Creating a report is not idempotent.

    Ambiguity: whether `end_date` is inclusive is undocumented. Decision: both dates
    are inclusive calendar days (at most 31 days in total); a longer range, or an end
    before the start, is a 400.

    Ambiguity: a vendor sample sends the two flags as the string `"true"`. Decision:
    they are JSON booleans.

    Args:
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.
        body (CreateTrackingEventReportRequest): Body of `create_tracking_event_report`; the range
            covers at most 31 days, both ends inclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReportCreatedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            tid=tid,
        )
    ).parsed
