from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.null_payload_response import NullPayloadResponse
from ...models.track_event_request import TrackEventRequest
from ...types import Response


def _get_kwargs(
    *,
    body: TrackEventRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/beacon/track-event/",
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
    body: TrackEventRequest,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Track one behavioural event

     Sends one tracking event (page view, product click, cart change, checkout,
    purchase, refund, registration, search or a custom event) with at most 30 products.
    The key goes in the `X-OmniSegment-Api-Key` header and `tid` in the body. There is
    no idempotency key: a retry may record the event twice.

    Ambiguity: `version` and `data_source` are required in every per-event table but
    missing or optional in the generic field list. Decision: both are required;
    `version` is `2.0.4` in all vendor material.

    Ambiguity: the category of the registration event is given as `Ecommerce` in the
    event table and as `CompleteRegistration` elsewhere; enum case sensitivity is
    unknown. Decision: `event_action` and `event_category` are free strings (the
    predefined values are listed in their descriptions); clients send `Ecommerce` for
    registrations, as in the event table, and lower-case `hit_type` values.

    Ambiguity: whether a custom event's `event_value` must be JSON depends on when the
    event was configured, which the client cannot know. Decision: `event_value` is a
    string; clients encode parameters as a JSON object string.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary. Decision: `PAYLOAD` is null.

    Args:
        body (TrackEventRequest): One tracking event with at most 30 products. Purchase and refund
            events also need `transaction_id`, `transaction_revenue` and a `quantity` on every
            product; custom events need `event_value`.

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
    client: AuthenticatedClient,
    body: TrackEventRequest,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Track one behavioural event

     Sends one tracking event (page view, product click, cart change, checkout,
    purchase, refund, registration, search or a custom event) with at most 30 products.
    The key goes in the `X-OmniSegment-Api-Key` header and `tid` in the body. There is
    no idempotency key: a retry may record the event twice.

    Ambiguity: `version` and `data_source` are required in every per-event table but
    missing or optional in the generic field list. Decision: both are required;
    `version` is `2.0.4` in all vendor material.

    Ambiguity: the category of the registration event is given as `Ecommerce` in the
    event table and as `CompleteRegistration` elsewhere; enum case sensitivity is
    unknown. Decision: `event_action` and `event_category` are free strings (the
    predefined values are listed in their descriptions); clients send `Ecommerce` for
    registrations, as in the event table, and lower-case `hit_type` values.

    Ambiguity: whether a custom event's `event_value` must be JSON depends on when the
    event was configured, which the client cannot know. Decision: `event_value` is a
    string; clients encode parameters as a JSON object string.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary. Decision: `PAYLOAD` is null.

    Args:
        body (TrackEventRequest): One tracking event with at most 30 products. Purchase and refund
            events also need `transaction_id`, `transaction_revenue` and a `quantity` on every
            product; custom events need `event_value`.

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
    client: AuthenticatedClient,
    body: TrackEventRequest,
) -> Response[ErrorEnvelope | NullPayloadResponse]:
    """Track one behavioural event

     Sends one tracking event (page view, product click, cart change, checkout,
    purchase, refund, registration, search or a custom event) with at most 30 products.
    The key goes in the `X-OmniSegment-Api-Key` header and `tid` in the body. There is
    no idempotency key: a retry may record the event twice.

    Ambiguity: `version` and `data_source` are required in every per-event table but
    missing or optional in the generic field list. Decision: both are required;
    `version` is `2.0.4` in all vendor material.

    Ambiguity: the category of the registration event is given as `Ecommerce` in the
    event table and as `CompleteRegistration` elsewhere; enum case sensitivity is
    unknown. Decision: `event_action` and `event_category` are free strings (the
    predefined values are listed in their descriptions); clients send `Ecommerce` for
    registrations, as in the event table, and lower-case `hit_type` values.

    Ambiguity: whether a custom event's `event_value` must be JSON depends on when the
    event was configured, which the client cannot know. Decision: `event_value` is a
    string; clients encode parameters as a JSON object string.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary. Decision: `PAYLOAD` is null.

    Args:
        body (TrackEventRequest): One tracking event with at most 30 products. Purchase and refund
            events also need `transaction_id`, `transaction_revenue` and a `quantity` on every
            product; custom events need `event_value`.

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
    client: AuthenticatedClient,
    body: TrackEventRequest,
) -> ErrorEnvelope | NullPayloadResponse | None:
    """Track one behavioural event

     Sends one tracking event (page view, product click, cart change, checkout,
    purchase, refund, registration, search or a custom event) with at most 30 products.
    The key goes in the `X-OmniSegment-Api-Key` header and `tid` in the body. There is
    no idempotency key: a retry may record the event twice.

    Ambiguity: `version` and `data_source` are required in every per-event table but
    missing or optional in the generic field list. Decision: both are required;
    `version` is `2.0.4` in all vendor material.

    Ambiguity: the category of the registration event is given as `Ecommerce` in the
    event table and as `CompleteRegistration` elsewhere; enum case sensitivity is
    unknown. Decision: `event_action` and `event_category` are free strings (the
    predefined values are listed in their descriptions); clients send `Ecommerce` for
    registrations, as in the event table, and lower-case `hit_type` values.

    Ambiguity: whether a custom event's `event_value` must be JSON depends on when the
    event was configured, which the client cannot know. Decision: `event_value` is a
    string; clients encode parameters as a JSON object string.

    Ambiguity: the success payload is only shown in the vendor's machine-readable
    summary. Decision: `PAYLOAD` is null.

    Args:
        body (TrackEventRequest): One tracking event with at most 30 products. Purchase and refund
            events also need `transaction_id`, `transaction_revenue` and a `quantity` on every
            product; custom events need `event_value`.

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
