from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.market_report_response import MarketReportResponse
from ...models.show_market_report_request import ShowMarketReportRequest
from ...types import Response


def _get_kwargs(
    *,
    body: ShowMarketReportRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/omnidata/show-market-report/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | MarketReportResponse | None:
    if response.status_code == 200:
        response_200 = MarketReportResponse.from_dict(response.json())

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
) -> Response[ErrorEnvelope | MarketReportResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ShowMarketReportRequest,
) -> Response[ErrorEnvelope | MarketReportResponse]:
    """Show message volumes and fees per channel

     Returns, for a date range, how many messages were sent per marketing channel and
    what they cost, plus the fixed monthly fee. The answer is synchronous.

    Ambiguity: the date format is only described as year-month-day with an unpadded
    example, and the allowed range, inclusivity and currency are undocumented.
    Decision: both padded and unpadded dates are accepted (clients send padded
    `YYYY-MM-DD`); both ends are inclusive; fees are numbers in the account currency.

    Args:
        body (ShowMarketReportRequest): Body of `show_market_report`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MarketReportResponse]
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
    body: ShowMarketReportRequest,
) -> ErrorEnvelope | MarketReportResponse | None:
    """Show message volumes and fees per channel

     Returns, for a date range, how many messages were sent per marketing channel and
    what they cost, plus the fixed monthly fee. The answer is synchronous.

    Ambiguity: the date format is only described as year-month-day with an unpadded
    example, and the allowed range, inclusivity and currency are undocumented.
    Decision: both padded and unpadded dates are accepted (clients send padded
    `YYYY-MM-DD`); both ends are inclusive; fees are numbers in the account currency.

    Args:
        body (ShowMarketReportRequest): Body of `show_market_report`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MarketReportResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ShowMarketReportRequest,
) -> Response[ErrorEnvelope | MarketReportResponse]:
    """Show message volumes and fees per channel

     Returns, for a date range, how many messages were sent per marketing channel and
    what they cost, plus the fixed monthly fee. The answer is synchronous.

    Ambiguity: the date format is only described as year-month-day with an unpadded
    example, and the allowed range, inclusivity and currency are undocumented.
    Decision: both padded and unpadded dates are accepted (clients send padded
    `YYYY-MM-DD`); both ends are inclusive; fees are numbers in the account currency.

    Args:
        body (ShowMarketReportRequest): Body of `show_market_report`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MarketReportResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ShowMarketReportRequest,
) -> ErrorEnvelope | MarketReportResponse | None:
    """Show message volumes and fees per channel

     Returns, for a date range, how many messages were sent per marketing channel and
    what they cost, plus the fixed monthly fee. The answer is synchronous.

    Ambiguity: the date format is only described as year-month-day with an unpadded
    example, and the allowed range, inclusivity and currency are undocumented.
    Decision: both padded and unpadded dates are accepted (clients send padded
    `YYYY-MM-DD`); both ends are inclusive; fees are numbers in the account currency.

    Args:
        body (ShowMarketReportRequest): Body of `show_market_report`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MarketReportResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
