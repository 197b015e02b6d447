from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.report_detail_response import ReportDetailResponse
from ...types import UNSET, Response


def _get_kwargs(
    id: int,
    *,
    tid: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["tid"] = tid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tracking-event-report/{id}/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ReportDetailResponse | None:
    if response.status_code == 200:
        response_200 = ReportDetailResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ReportDetailResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    tid: str,
) -> Response[ErrorEnvelope | ReportDetailResponse]:
    """Get one tracking-event report

     Returns the name and status of one tracking-event report and, once it has
    succeeded, its `report_url`. An unknown id is a 400 (`Input Error: Report not
    found`), as for interaction reports.

    Args:
        id (int): Report id returned when a report is created.
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReportDetailResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        tid=tid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    tid: str,
) -> ErrorEnvelope | ReportDetailResponse | None:
    """Get one tracking-event report

     Returns the name and status of one tracking-event report and, once it has
    succeeded, its `report_url`. An unknown id is a 400 (`Input Error: Report not
    found`), as for interaction reports.

    Args:
        id (int): Report id returned when a report is created.
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReportDetailResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        tid=tid,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    tid: str,
) -> Response[ErrorEnvelope | ReportDetailResponse]:
    """Get one tracking-event report

     Returns the name and status of one tracking-event report and, once it has
    succeeded, its `report_url`. An unknown id is a 400 (`Input Error: Report not
    found`), as for interaction reports.

    Args:
        id (int): Report id returned when a report is created.
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ReportDetailResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        tid=tid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    tid: str,
) -> ErrorEnvelope | ReportDetailResponse | None:
    """Get one tracking-event report

     Returns the name and status of one tracking-event report and, once it has
    succeeded, its `report_url`. An unknown id is a 400 (`Input Error: Report not
    found`), as for interaction reports.

    Args:
        id (int): Report id returned when a report is created.
        tid (str): Organisation id issued by the vendor, shaped `OA-` followed by a short code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ReportDetailResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            tid=tid,
        )
    ).parsed
