"""Resource facades: one method per operation, in sync and async pairs.

Each ``_...Base`` class builds the generated call (a :class:`~omnisegment._base.Prepared`)
once; the sync and async classes only run it. Every facade method carries the id of its
operation as ``method.operation_id``.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import AsyncIterable, Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeVar, cast

from omnisegment_api.api.audiences import batch_import_audiences as _batch_import_audiences
from omnisegment_api.api.audiences import import_audience as _import_audience
from omnisegment_api.api.events import track_event as _track_event
from omnisegment_api.api.gift_vouchers import (
    batch_import_gift_vouchers as _batch_import_gift_vouchers,
)
from omnisegment_api.api.gift_vouchers import import_gift_vouchers as _import_gift_vouchers
from omnisegment_api.api.mapping import create_audience_mapping as _create_audience_mapping
from omnisegment_api.api.products import import_event_registration as _import_event_registration
from omnisegment_api.api.products import import_product as _import_product
from omnisegment_api.api.products import import_product_guarantee as _import_product_guarantee
from omnisegment_api.api.purchases import batch_import_purchases as _batch_import_purchases
from omnisegment_api.api.purchases import import_purchase as _import_purchase
from omnisegment_api.api.reports import create_interaction_report as _create_interaction_report
from omnisegment_api.api.reports import (
    create_interactive_audiences_report as _create_interactive_audiences_report,
)
from omnisegment_api.api.reports import (
    create_tracking_event_report as _create_tracking_event_report,
)
from omnisegment_api.api.reports import get_interaction_report as _get_interaction_report
from omnisegment_api.api.reports import get_tracking_event_report as _get_tracking_event_report
from omnisegment_api.api.reports import list_interaction_reports as _list_interaction_reports
from omnisegment_api.api.reports import (
    list_interactive_audiences_reports as _list_interactive_audiences_reports,
)
from omnisegment_api.api.reports import (
    list_tracking_event_reports as _list_tracking_event_reports,
)
from omnisegment_api.api.reports import show_market_report as _show_market_report
from omnisegment_api.models import (
    BatchImportAudiencesRequest,
    BatchImportGiftVouchersRequest,
    BatchImportPurchasesRequest,
    CreateAudienceMappingRequest,
    CreateInteractionReportRequest,
    CreateInteractiveAudiencesReportRequest,
    CreateTrackingEventReportRequest,
    ImportAudienceRequest,
    ImportAudienceResponse,
    ImportAudienceResult,
    ImportEventRegistrationRequest,
    ImportGiftVouchersRequest,
    ImportProductGuaranteeRequest,
    ImportProductRequest,
    ImportProductResponse,
    ImportProductResult,
    ImportPurchaseRequest,
    InteractiveAudiencesReport,
    InteractiveAudiencesReportListResponse,
    MarketReport,
    MarketReportResponse,
    NullPayloadResponse,
    ReportCreated,
    ReportCreatedResponse,
    ReportDetail,
    ReportDetailResponse,
    ReportListResponse,
    ReportStatus,
    ReportSummary,
    ShowMarketReportRequest,
    TrackEventRequest,
)

from ._base import Prepared, expect, run_async, run_sync, soft_failure
from ._dates import to_date_string
from ._errors import APITimeoutError

if TYPE_CHECKING:
    from ._client import _ClientBase
    from .bulk import ImportResult

__all__ = [
    "AsyncAudienceMappings",
    "AsyncAudiences",
    "AsyncEventRegistrations",
    "AsyncEvents",
    "AsyncGiftVouchers",
    "AsyncInteractionReports",
    "AsyncInteractiveAudiencesReports",
    "AsyncProductGuarantees",
    "AsyncProducts",
    "AsyncPurchases",
    "AsyncReports",
    "AsyncTrackingEventReports",
    "AudienceMappings",
    "Audiences",
    "EventRegistrations",
    "Events",
    "GiftVouchers",
    "InteractionReports",
    "InteractiveAudiencesReports",
    "ProductGuarantees",
    "Products",
    "Purchases",
    "Reports",
    "TrackingEventReports",
]

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

#: Tracking-beacon version every vendor event table uses; filled in when absent.
TRACK_EVENT_VERSION = "2.0.4"
#: Most product objects one tracked event may carry (vendor rule).
MAX_TRACKED_PRODUCTS = 30

DateLike = dt.date | dt.datetime | str


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...

    def to_dict(self) -> dict[str, Any]: ...


M = TypeVar("M", bound=_Model)


def operation(operation_id: str) -> Callable[[F], F]:
    """Tag a facade method with the id of the operation it calls."""

    def deco(fn: F) -> F:
        fn.operation_id = operation_id  # type: ignore[attr-defined]
        return fn

    return deco


def _tagged(fn: F, operation_id: str) -> F:
    """A copy of a shared method, tagged with this class's operation id."""
    copy = types.FunctionType(
        fn.__code__, fn.__globals__, fn.__name__, fn.__defaults__, fn.__closure__
    )
    copy.__kwdefaults__ = fn.__kwdefaults__
    copy.__doc__ = fn.__doc__
    copy.__qualname__ = fn.__qualname__
    copy.__annotations__ = fn.__annotations__
    return operation(operation_id)(cast(F, copy))


class JsonBody(dict[str, Any]):
    """A plain JSON request body that quacks like a generated request model."""

    def to_dict(self) -> dict[str, Any]:
        return self


def _options(**values: Any) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _null(op_id: str) -> Callable[[Any], None]:
    def extract(parsed: Any) -> None:
        expect(parsed, NullPayloadResponse, op_id)

    return extract


class _Resource:
    def __init__(self, owner: _ClientBase) -> None:
        self._owner = owner

    # -- request building --------------------------------------------------------------
    def _plain(self, value: Any) -> Any:
        return self._owner._plain(value)

    def _model(self, cls: type[M], operation_id: str, body: dict[str, Any]) -> M:
        """Fill the credentials the operation's scheme wants; return the request body.

        The generated functions only call ``body.to_dict()``, so the (already plain,
        date-normalised) data is handed over as a :class:`JsonBody` instead of being
        parsed into ``cls`` and serialised again: that round trip cost more than the
        rest of the client's per-request overhead. The server validates the body.
        """
        op = self._owner.operations.get(operation_id)
        return cast(M, JsonBody(self._owner._fill_credentials(op, body)))

    def _data_body(
        self,
        cls: type[M],
        operation_id: str,
        data_field: str,
        data: Any,
        options: dict[str, Any],
    ) -> M:
        body = dict(data.to_dict()) if isinstance(data, cls) else {data_field: data}
        body.update(options)
        return self._model(cls, operation_id, self._plain(body))

    def _batch_body(
        self,
        cls: type[M],
        operation_id: str,
        items: Any,
        options: dict[str, Any],
    ) -> M:
        op = self._owner.operations.get(operation_id)
        field = op.batch_field or "data"
        if isinstance(items, cls):
            body = dict(items.to_dict())
        else:
            if isinstance(items, Mapping) or not isinstance(items, Sequence):
                raise TypeError(f"{operation_id}: expected a list of records")
            body = {field: list(items)}
        body.update(options)
        count = len(body.get(field) or ())
        if op.batch_max_items is not None and count > op.batch_max_items:
            raise ValueError(
                f"{operation_id}: {count} records in one request; the API accepts at most "
                f"{op.batch_max_items} (split the list, or use the bulk importer)"
            )
        if count == 0:
            raise ValueError(f"{operation_id}: no records to send")
        return self._model(cls, operation_id, self._plain(body))

    def _date(self, value: DateLike) -> str:
        out = to_date_string(value, tz=self._owner.timezone)
        if not isinstance(out, str):
            raise TypeError(f"expected a date, datetime or string, got {type(value).__name__}")
        return out

    # -- running ---------------------------------------------------------------------
    def _run(self, prepared: Prepared[T]) -> T:
        return run_sync(prepared, self._owner.api)

    async def _arun(self, prepared: Prepared[T]) -> T:
        return await run_async(prepared, self._owner.api)


class _Bulk:
    """``import_many``: stream any number of records through the bulk importer."""

    _bulk_kind: str
    _owner: Any

    def import_many(
        self,
        records: Iterable[Any] | AsyncIterable[Any],
        *,
        params: Mapping[str, Any] | None = None,
        **options: Any,
    ) -> ImportResult:
        """Import any number of records: validated locally, batched at the endpoint's
        limit, sent concurrently within the rate limit; rejects are reported, not raised.

        ``params`` are the endpoint options sent with every request (``merge_key``,
        ``identifier_field`` ...); ``options`` are :class:`omnisegment.bulk.ImportOptions`
        fields (``checkpoint``, ``resume``, ``rejects``, ``progress``, ``concurrency`` ...).
        """
        from .bulk import import_records_sync

        return import_records_sync(
            self._owner, self._bulk_kind, records, params=dict(params or {}), **options
        )


class _AsyncBulk:
    """``import_many`` for the async client."""

    _bulk_kind: str
    _owner: Any

    async def import_many(
        self,
        records: Iterable[Any] | AsyncIterable[Any],
        *,
        params: Mapping[str, Any] | None = None,
        **options: Any,
    ) -> ImportResult:
        """Import any number of records (see :meth:`_Bulk.import_many`)."""
        from .bulk import import_records

        return await import_records(
            self._owner, self._bulk_kind, records, params=dict(params or {}), **options
        )


# ---------------------------------------------------------------------------------------
# audiences


class _AudiencesBase(_Resource):
    def _import_one(
        self,
        data: Any,
        merge_key: str | None,
        tag_mode: str | None,
        ignore_empty_value: bool | None,
    ) -> Prepared[ImportAudienceResult]:
        op_id = "import_audience"
        body = self._data_body(
            ImportAudienceRequest,
            op_id,
            "data",
            data,
            _options(merge_key=merge_key, tag_mode=tag_mode, ignore_empty_value=ignore_empty_value),
        )

        def extract(parsed: Any) -> ImportAudienceResult:
            payload = expect(parsed, ImportAudienceResponse, op_id).payload
            if payload.status != "OK":
                err = soft_failure(op_id, payload.to_dict())
                if err is not None:
                    raise err
            return payload

        return Prepared(
            op_id,
            _import_audience.sync_detailed,
            _import_audience.asyncio_detailed,
            {"body": body},
            extract,
        )

    def _import_batch(
        self,
        items: Any,
        merge_key: str | None,
        tag_mode: str | None,
        ignore_empty_value: bool | None,
        custom_fields_identifier_field: Mapping[str, str] | None,
    ) -> Prepared[None]:
        op_id = "batch_import_audiences"
        body = self._batch_body(
            BatchImportAudiencesRequest,
            op_id,
            items,
            _options(
                merge_key=merge_key,
                tag_mode=tag_mode,
                ignore_empty_value=ignore_empty_value,
                custom_fields_identifier_field=(
                    dict(custom_fields_identifier_field)
                    if custom_fields_identifier_field is not None
                    else None
                ),
            ),
        )
        return Prepared(
            op_id,
            _batch_import_audiences.sync_detailed,
            _batch_import_audiences.asyncio_detailed,
            {"body": body},
            _null(op_id),
        )


class Audiences(_Bulk, _AudiencesBase):
    """Customer profiles: ``client.audiences``."""

    _bulk_kind = "audiences"

    @operation("import_audience")
    def import_one(
        self,
        data: Any,
        *,
        merge_key: str | None = None,
        tag_mode: str | None = None,
        ignore_empty_value: bool | None = None,
    ) -> ImportAudienceResult:
        """Create or update one profile (an ``Audience``, a dict, or a full request)."""
        return self._run(self._import_one(data, merge_key, tag_mode, ignore_empty_value))

    @operation("batch_import_audiences")
    def import_batch(
        self,
        items: Any,
        *,
        merge_key: str | None = None,
        tag_mode: str | None = None,
        ignore_empty_value: bool | None = None,
        custom_fields_identifier_field: Mapping[str, str] | None = None,
    ) -> None:
        """Create or update up to 50 profiles in one request."""
        return self._run(
            self._import_batch(
                items, merge_key, tag_mode, ignore_empty_value, custom_fields_identifier_field
            )
        )


class AsyncAudiences(_AsyncBulk, _AudiencesBase):
    """Customer profiles: ``client.audiences`` (async)."""

    _bulk_kind = "audiences"

    @operation("import_audience")
    async def import_one(
        self,
        data: Any,
        *,
        merge_key: str | None = None,
        tag_mode: str | None = None,
        ignore_empty_value: bool | None = None,
    ) -> ImportAudienceResult:
        """Create or update one profile (an ``Audience``, a dict, or a full request)."""
        return await self._arun(self._import_one(data, merge_key, tag_mode, ignore_empty_value))

    @operation("batch_import_audiences")
    async def import_batch(
        self,
        items: Any,
        *,
        merge_key: str | None = None,
        tag_mode: str | None = None,
        ignore_empty_value: bool | None = None,
        custom_fields_identifier_field: Mapping[str, str] | None = None,
    ) -> None:
        """Create or update up to 50 profiles in one request."""
        return await self._arun(
            self._import_batch(
                items, merge_key, tag_mode, ignore_empty_value, custom_fields_identifier_field
            )
        )


# ---------------------------------------------------------------------------------------
# purchases


class _PurchasesBase(_Resource):
    def _import_one(
        self,
        data: Any,
        is_anonymous: bool | None,
        identifier_field: str | None,
        debug_mode: int | None,
    ) -> Prepared[None]:
        op_id = "import_purchase"
        body = self._data_body(
            ImportPurchaseRequest,
            op_id,
            "data",
            data,
            _options(
                is_anonymous=is_anonymous, identifier_field=identifier_field, debug_mode=debug_mode
            ),
        )
        return Prepared(
            op_id,
            _import_purchase.sync_detailed,
            _import_purchase.asyncio_detailed,
            {"body": body},
            _null(op_id),
        )

    def _import_batch(
        self, items: Any, is_anonymous: bool | None, identifier_field: str | None
    ) -> Prepared[None]:
        op_id = "batch_import_purchases"
        body = self._batch_body(
            BatchImportPurchasesRequest,
            op_id,
            items,
            _options(is_anonymous=is_anonymous, identifier_field=identifier_field),
        )
        return Prepared(
            op_id,
            _batch_import_purchases.sync_detailed,
            _batch_import_purchases.asyncio_detailed,
            {"body": body},
            _null(op_id),
        )


class Purchases(_Bulk, _PurchasesBase):
    """Orders: ``client.purchases``."""

    _bulk_kind = "purchases"

    @operation("import_purchase")
    def import_one(
        self,
        data: Any,
        *,
        is_anonymous: bool | None = None,
        identifier_field: str | None = None,
        debug_mode: int | None = None,
    ) -> None:
        """Record one order. ``datetime`` accepts a ``datetime`` object or loose string."""
        return self._run(self._import_one(data, is_anonymous, identifier_field, debug_mode))

    @operation("batch_import_purchases")
    def import_batch(
        self,
        items: Any,
        *,
        is_anonymous: bool | None = None,
        identifier_field: str | None = None,
    ) -> None:
        """Record up to 50 orders in one request."""
        return self._run(self._import_batch(items, is_anonymous, identifier_field))


class AsyncPurchases(_AsyncBulk, _PurchasesBase):
    """Orders: ``client.purchases`` (async)."""

    _bulk_kind = "purchases"

    @operation("import_purchase")
    async def import_one(
        self,
        data: Any,
        *,
        is_anonymous: bool | None = None,
        identifier_field: str | None = None,
        debug_mode: int | None = None,
    ) -> None:
        """Record one order. ``datetime`` accepts a ``datetime`` object or loose string."""
        return await self._arun(self._import_one(data, is_anonymous, identifier_field, debug_mode))

    @operation("batch_import_purchases")
    async def import_batch(
        self,
        items: Any,
        *,
        is_anonymous: bool | None = None,
        identifier_field: str | None = None,
    ) -> None:
        """Record up to 50 orders in one request."""
        return await self._arun(self._import_batch(items, is_anonymous, identifier_field))


# ---------------------------------------------------------------------------------------
# gift vouchers


class _GiftVouchersBase(_Resource):
    def _import(
        self, data: Any, site: str | None, identifier_field: str | None, many: bool
    ) -> Prepared[None]:
        op_id = "import_gift_vouchers"
        options = _options(site=site, identifier_field=identifier_field)
        if many:
            body = self._batch_body(ImportGiftVouchersRequest, op_id, data, options)
        else:
            body = self._data_body(ImportGiftVouchersRequest, op_id, "data", data, options)
        return Prepared(
            op_id,
            _import_gift_vouchers.sync_detailed,
            _import_gift_vouchers.asyncio_detailed,
            {"body": body},
            _null(op_id),
        )

    def _import_batch(
        self, items: Any, site: str | None, identifier_field: str | None
    ) -> Prepared[None]:
        op_id = "batch_import_gift_vouchers"
        body = self._batch_body(
            BatchImportGiftVouchersRequest,
            op_id,
            items,
            _options(site=site, identifier_field=identifier_field),
        )
        return Prepared(
            op_id,
            _batch_import_gift_vouchers.sync_detailed,
            _batch_import_gift_vouchers.asyncio_detailed,
            {"body": body},
            _null(op_id),
        )


class GiftVouchers(_Bulk, _GiftVouchersBase):
    """Gift vouchers: ``client.gift_vouchers``.

    ``valid_from``/``valid_util`` accept ``date``/``datetime`` objects and loose strings.
    """

    _bulk_kind = "gift-vouchers"

    @operation("import_gift_vouchers")
    def import_one(
        self, voucher: Any, *, site: str | None = None, identifier_field: str | None = None
    ) -> None:
        """Create or update one voucher (``/api/import-gift-voucher/``, object form)."""
        return self._run(self._import(voucher, site, identifier_field, many=False))

    @operation("import_gift_vouchers")
    def import_list(
        self, vouchers: Any, *, site: str | None = None, identifier_field: str | None = None
    ) -> None:
        """Up to 100 vouchers through the array form of ``/api/import-gift-voucher/``."""
        return self._run(self._import(vouchers, site, identifier_field, many=True))

    @operation("batch_import_gift_vouchers")
    def import_batch(
        self, vouchers: Any, *, site: str | None = None, identifier_field: str | None = None
    ) -> None:
        """Up to 100 vouchers through ``/api/v2/voucher/batch-import/``."""
        return self._run(self._import_batch(vouchers, site, identifier_field))


class AsyncGiftVouchers(_AsyncBulk, _GiftVouchersBase):
    """Gift vouchers: ``client.gift_vouchers`` (async)."""

    _bulk_kind = "gift-vouchers"

    @operation("import_gift_vouchers")
    async def import_one(
        self, voucher: Any, *, site: str | None = None, identifier_field: str | None = None
    ) -> None:
        """Create or update one voucher (``/api/import-gift-voucher/``, object form)."""
        return await self._arun(self._import(voucher, site, identifier_field, many=False))

    @operation("import_gift_vouchers")
    async def import_list(
        self, vouchers: Any, *, site: str | None = None, identifier_field: str | None = None
    ) -> None:
        """Up to 100 vouchers through the array form of ``/api/import-gift-voucher/``."""
        return await self._arun(self._import(vouchers, site, identifier_field, many=True))

    @operation("batch_import_gift_vouchers")
    async def import_batch(
        self, vouchers: Any, *, site: str | None = None, identifier_field: str | None = None
    ) -> None:
        """Up to 100 vouchers through ``/api/v2/voucher/batch-import/``."""
        return await self._arun(self._import_batch(vouchers, site, identifier_field))


# ---------------------------------------------------------------------------------------
# products, event registrations, product guarantees


class _ProductsBase(_Resource):
    def _import_one(self, data: Any, site: str | None) -> Prepared[ImportProductResult | None]:
        op_id = "import_product"
        body = self._data_body(ImportProductRequest, op_id, "data", data, _options(site=site))

        def extract(parsed: Any) -> ImportProductResult | None:
            return expect(parsed, ImportProductResponse, op_id).payload

        return Prepared(
            op_id, _import_product.sync_detailed, _import_product.asyncio_detailed,
            {"body": body}, extract,
        )  # fmt: skip


class Products(_Bulk, _ProductsBase):
    """Product catalogue: ``client.products``."""

    _bulk_kind = "products"

    @operation("import_product")
    def import_one(self, data: Any, *, site: str | None = None) -> ImportProductResult | None:
        """Create or update one product."""
        return self._run(self._import_one(data, site))


class AsyncProducts(_AsyncBulk, _ProductsBase):
    """Product catalogue: ``client.products`` (async)."""

    _bulk_kind = "products"

    @operation("import_product")
    async def import_one(self, data: Any, *, site: str | None = None) -> ImportProductResult | None:
        """Create or update one product."""
        return await self._arun(self._import_one(data, site))


class _EventRegistrationsBase(_Resource):
    def _import_one(self, data: Any) -> Prepared[None]:
        op_id = "import_event_registration"
        body = self._data_body(ImportEventRegistrationRequest, op_id, "data", data, {})
        return Prepared(
            op_id,
            _import_event_registration.sync_detailed,
            _import_event_registration.asyncio_detailed,
            {"body": body},
            _null(op_id),
        )


class EventRegistrations(_Bulk, _EventRegistrationsBase):
    """Event registrations: ``client.event_registrations``."""

    _bulk_kind = "event-registrations"

    @operation("import_event_registration")
    def import_one(self, data: Any) -> None:
        """Record that a member registered for an event."""
        return self._run(self._import_one(data))


class AsyncEventRegistrations(_AsyncBulk, _EventRegistrationsBase):
    """Event registrations: ``client.event_registrations`` (async)."""

    _bulk_kind = "event-registrations"

    @operation("import_event_registration")
    async def import_one(self, data: Any) -> None:
        """Record that a member registered for an event."""
        return await self._arun(self._import_one(data))


class _ProductGuaranteesBase(_Resource):
    def _import_one(self, data: Any) -> Prepared[None]:
        op_id = "import_product_guarantee"
        body = self._data_body(ImportProductGuaranteeRequest, op_id, "data", data, {})
        return Prepared(
            op_id,
            _import_product_guarantee.sync_detailed,
            _import_product_guarantee.asyncio_detailed,
            {"body": body},
            _null(op_id),
        )


class ProductGuarantees(_Bulk, _ProductGuaranteesBase):
    """Product warranty registrations: ``client.product_guarantees``."""

    _bulk_kind = "product-guarantees"

    @operation("import_product_guarantee")
    def import_one(self, data: Any) -> None:
        """Record one warranty registration."""
        return self._run(self._import_one(data))


class AsyncProductGuarantees(_AsyncBulk, _ProductGuaranteesBase):
    """Product warranty registrations: ``client.product_guarantees`` (async)."""

    _bulk_kind = "product-guarantees"

    @operation("import_product_guarantee")
    async def import_one(self, data: Any) -> None:
        """Record one warranty registration."""
        return await self._arun(self._import_one(data))


# ---------------------------------------------------------------------------------------
# events


class _EventsBase(_Resource):
    def _track(self, event: Any, fields: dict[str, Any]) -> Prepared[None]:
        op_id = "track_event"
        if isinstance(event, TrackEventRequest):
            body: dict[str, Any] = dict(event.to_dict())
        elif event is None:
            body = {}
        elif isinstance(event, Mapping):
            body = dict(event)
        else:
            raise TypeError("track(): event must be a TrackEventRequest or a mapping")
        body.update(fields)
        body.setdefault("version", TRACK_EVENT_VERSION)
        products = body.get("products")
        if isinstance(products, Sequence) and len(products) > MAX_TRACKED_PRODUCTS:
            raise ValueError(
                f"track_event: {len(products)} products in one event; the API accepts at "
                f"most {MAX_TRACKED_PRODUCTS}"
            )
        model = self._model(TrackEventRequest, op_id, self._plain(body))
        return Prepared(
            op_id, _track_event.sync_detailed, _track_event.asyncio_detailed,
            {"body": model}, _null(op_id),
        )  # fmt: skip


class Events(_Bulk, _EventsBase):
    """Behavioural tracking events: ``client.events``."""

    _bulk_kind = "events"

    @operation("track_event")
    def track(self, event: Any = None, /, **fields: Any) -> None:
        """Send one event (a ``TrackEventRequest``, a dict, or keyword fields).

        ``tid`` is filled in and ``version`` defaults to ``"2.0.4"``. Not retried after a
        read timeout: the event may already have been recorded.
        """
        return self._run(self._track(event, fields))


class AsyncEvents(_AsyncBulk, _EventsBase):
    """Behavioural tracking events: ``client.events`` (async)."""

    _bulk_kind = "events"

    @operation("track_event")
    async def track(self, event: Any = None, /, **fields: Any) -> None:
        """Send one event (a ``TrackEventRequest``, a dict, or keyword fields)."""
        return await self._arun(self._track(event, fields))


# ---------------------------------------------------------------------------------------
# audience mapping


class _AudienceMappingsBase(_Resource):
    def _create(
        self,
        body: Any,
        source_id: str | None,
        source_system: str | None,
        mapping_key: str | None,
        value: str | None,
    ) -> Prepared[None]:
        op_id = "create_audience_mapping"
        if isinstance(body, CreateAudienceMappingRequest):
            data: dict[str, Any] = dict(body.to_dict())
        elif isinstance(body, Mapping):
            data = dict(body)
        elif body is None:
            data = {}
        else:
            raise TypeError("create(): body must be a CreateAudienceMappingRequest or a mapping")
        data.update(
            _options(source_id=source_id, source_system=source_system, mapping_key=mapping_key)
        )
        if value is not None:
            key = data.get("mapping_key")
            if not key:
                raise ValueError("create(): value= needs mapping_key=")
            data[str(key)] = value
        model = self._model(CreateAudienceMappingRequest, op_id, data)
        return Prepared(
            op_id,
            _create_audience_mapping.sync_detailed,
            _create_audience_mapping.asyncio_detailed,
            {"body": model, "tid": self._owner.tid},
            _null(op_id),
        )


class AudienceMappings(_Bulk, _AudienceMappingsBase):
    """External customer ids: ``client.audience_mappings``."""

    _bulk_kind = "audience-mappings"

    @operation("create_audience_mapping")
    def create(
        self,
        body: Any = None,
        /,
        *,
        source_id: str | None = None,
        source_system: str | None = None,
        mapping_key: str | None = None,
        value: str | None = None,
    ) -> None:
        """Register ``source_id``/``source_system`` against the member whose ``mapping_key``
        field (``member_sn``, ``phone``, ``email``, ``line_id``) equals ``value``."""
        return self._run(self._create(body, source_id, source_system, mapping_key, value))


class AsyncAudienceMappings(_AsyncBulk, _AudienceMappingsBase):
    """External customer ids: ``client.audience_mappings`` (async)."""

    _bulk_kind = "audience-mappings"

    @operation("create_audience_mapping")
    async def create(
        self,
        body: Any = None,
        /,
        *,
        source_id: str | None = None,
        source_system: str | None = None,
        mapping_key: str | None = None,
        value: str | None = None,
    ) -> None:
        """Register an external id against a member (see the sync variant)."""
        return await self._arun(self._create(body, source_id, source_system, mapping_key, value))


# ---------------------------------------------------------------------------------------
# reports

_DONE = (ReportStatus.SUCCESS, ReportStatus.FAIL)


class _Poller:
    """Backoff schedule shared by the ``wait`` methods."""

    def __init__(
        self, owner: _ClientBase, timeout: float, interval: float, max_interval: float
    ) -> None:
        self._clock = owner._clock
        self.deadline = self._clock() + timeout
        self.timeout = timeout
        self.interval = interval
        self.max_interval = max_interval

    def next_delay(self, what: str, operation_id: str, status: str) -> float:
        """The pause before the next poll; raises once the deadline has passed."""
        remaining = self.deadline - self._clock()
        if remaining <= 0:
            raise APITimeoutError(
                f"{what} still {status} after {self.timeout:g} s", operation_id=operation_id
            )
        delay = min(self.interval, remaining)
        self.interval = min(self.interval * 1.5, self.max_interval)
        return delay


class _IdReportBase(_Resource):
    """Create, list, get, wait and download for the two id-based report kinds."""

    _create_mod: Any
    _list_mod: Any
    _get_mod: Any
    _create_request: type[Any]
    kind = "report"

    def _create(self, body: dict[str, Any]) -> Prepared[ReportCreated]:
        op_id = self._create_mod.__name__.rsplit(".", 1)[1]
        model = self._model(self._create_request, op_id, body)

        def extract(parsed: Any) -> ReportCreated:
            return expect(parsed, ReportCreatedResponse, op_id).payload

        return Prepared(
            op_id, self._create_mod.sync_detailed, self._create_mod.asyncio_detailed,
            {"body": model, "tid": self._owner.tid}, extract,
        )  # fmt: skip

    def _list(self) -> Prepared[list[ReportSummary]]:
        op_id = self._list_mod.__name__.rsplit(".", 1)[1]

        def extract(parsed: Any) -> list[ReportSummary]:
            return expect(parsed, ReportListResponse, op_id).payload

        return Prepared(
            op_id, self._list_mod.sync_detailed, self._list_mod.asyncio_detailed,
            {"tid": self._owner.tid}, extract,
        )  # fmt: skip

    def _get(self, report_id: int | ReportCreated) -> Prepared[ReportDetail]:
        op_id = self._get_mod.__name__.rsplit(".", 1)[1]
        rid = _report_id(report_id)

        def extract(parsed: Any) -> ReportDetail:
            return expect(parsed, ReportDetailResponse, op_id).payload

        return Prepared(
            op_id, self._get_mod.sync_detailed, self._get_mod.asyncio_detailed,
            {"tid": self._owner.tid}, extract, args=(rid,),
        )  # fmt: skip

    def _dates_body(self, name: str, start: DateLike, end: DateLike) -> dict[str, Any]:
        return {"report_name": name, "start_date": self._date(start), "end_date": self._date(end)}

    def _what(self, report_id: int | ReportCreated) -> str:
        return f"{self.kind} {_report_id(report_id)}"


def _report_id(report_id: int | ReportCreated) -> int:
    return report_id.report_id if isinstance(report_id, ReportCreated) else int(report_id)


def _link_pending(detail: ReportDetail) -> bool:
    """A ``SUCCESS`` read a moment before its ``report_url`` was filled in."""
    return detail.status == ReportStatus.SUCCESS and not detail.report_url


def _report_url(report: Any) -> str:
    if isinstance(report, str):
        return report
    url = getattr(report, "report_url", None) or getattr(report, "file_url", None)
    if not isinstance(url, str) or not url:
        status = getattr(report, "status", None)
        raise ValueError(f"report has no download URL (status {status})")
    return url


class _SyncReportMixin(_IdReportBase):
    def list(self) -> list[ReportSummary]:
        """Reports created within the last day."""
        return self._run(self._list())

    def get(self, report_id: int | ReportCreated) -> ReportDetail:
        """One report's status (and ``report_url`` once it succeeded)."""
        return self._run(self._get(report_id))

    def wait(
        self,
        report_id: int | ReportCreated,
        *,
        timeout: float = 600.0,
        interval: float = 1.0,
        max_interval: float = 15.0,
    ) -> ReportDetail:
        """Poll with backoff until the report is ``SUCCESS`` or ``FAIL``.

        The first pause is ``interval`` seconds, each next one 1.5 times longer up to
        ``max_interval`` (pass ``max_interval=interval`` to poll at a fixed pace). A
        ``SUCCESS`` without its ``report_url`` yet is read once more. Raises
        :class:`~omnisegment.APITimeoutError` after ``timeout`` seconds.
        """
        poller = _Poller(self._owner, timeout, interval, max_interval)
        prepared = self._get(report_id)
        while True:
            detail = self._run(prepared)
            if detail.status in _DONE:
                return self._run(prepared) if _link_pending(detail) else detail
            self._owner._sleep(
                poller.next_delay(self._what(report_id), prepared.operation_id, detail.status)
            )

    def download(self, report: ReportDetail | str, path: str | Path | None = None) -> bytes:
        """Fetch the report file (no credentials are sent); also write it to ``path``."""
        return self._owner._download(_report_url(report), path)


class _AsyncReportMixin(_IdReportBase):
    async def list(self) -> list[ReportSummary]:
        """Reports created within the last day."""
        return await self._arun(self._list())

    async def get(self, report_id: int | ReportCreated) -> ReportDetail:
        """One report's status (and ``report_url`` once it succeeded)."""
        return await self._arun(self._get(report_id))

    async def wait(
        self,
        report_id: int | ReportCreated,
        *,
        timeout: float = 600.0,
        interval: float = 1.0,
        max_interval: float = 15.0,
    ) -> ReportDetail:
        """Poll with backoff until the report is ``SUCCESS`` or ``FAIL`` (see the sync
        variant)."""
        poller = _Poller(self._owner, timeout, interval, max_interval)
        prepared = self._get(report_id)
        while True:
            detail = await self._arun(prepared)
            if detail.status in _DONE:
                return await self._arun(prepared) if _link_pending(detail) else detail
            await self._owner._async_sleep(
                poller.next_delay(self._what(report_id), prepared.operation_id, detail.status)
            )

    async def download(self, report: ReportDetail | str, path: str | Path | None = None) -> bytes:
        """Fetch the report file (no credentials are sent); also write it to ``path``."""
        return await self._owner._adownload(_report_url(report), path)


class _InteractionBase(_IdReportBase):
    _create_mod = _create_interaction_report
    _list_mod = _list_interaction_reports
    _get_mod = _get_interaction_report
    _create_request = CreateInteractionReportRequest
    kind = "interaction report"


class InteractionReports(_InteractionBase, _SyncReportMixin):
    """E-mail/LINE/SMS interaction reports: ``client.reports.interaction``."""

    list = _tagged(_SyncReportMixin.list, "list_interaction_reports")
    get = _tagged(_SyncReportMixin.get, "get_interaction_report")
    wait = _tagged(_SyncReportMixin.wait, "get_interaction_report")

    @operation("create_interaction_report")
    def create(self, name: str, start: DateLike, end: DateLike) -> ReportCreated:
        """Start a report over at most 31 days; returns its ``report_id``. Not retried
        after a read timeout (a retry could create a second report)."""
        return self._run(self._create(self._dates_body(name, start, end)))


class AsyncInteractionReports(_InteractionBase, _AsyncReportMixin):
    """E-mail/LINE/SMS interaction reports: ``client.reports.interaction`` (async)."""

    list = _tagged(_AsyncReportMixin.list, "list_interaction_reports")
    get = _tagged(_AsyncReportMixin.get, "get_interaction_report")
    wait = _tagged(_AsyncReportMixin.wait, "get_interaction_report")

    @operation("create_interaction_report")
    async def create(self, name: str, start: DateLike, end: DateLike) -> ReportCreated:
        """Start a report over at most 31 days; returns its ``report_id``."""
        return await self._arun(self._create(self._dates_body(name, start, end)))


class _TrackingBase(_IdReportBase):
    _create_mod = _create_tracking_event_report
    _list_mod = _list_tracking_event_reports
    _get_mod = _get_tracking_event_report
    _create_request = CreateTrackingEventReportRequest
    kind = "tracking-event report"

    def _tracking_body(
        self,
        name: str,
        start: DateLike,
        end: DateLike,
        include_anonymous_user: bool | None,
        include_event_raw_data: bool | None,
    ) -> dict[str, Any]:
        body = self._dates_body(name, start, end)
        body.update(
            _options(
                include_anonymous_user=include_anonymous_user,
                include_event_raw_data=include_event_raw_data,
            )
        )
        return body


class TrackingEventReports(_TrackingBase, _SyncReportMixin):
    """Beacon event reports: ``client.reports.tracking_events``."""

    list = _tagged(_SyncReportMixin.list, "list_tracking_event_reports")
    get = _tagged(_SyncReportMixin.get, "get_tracking_event_report")
    wait = _tagged(_SyncReportMixin.wait, "get_tracking_event_report")

    @operation("create_tracking_event_report")
    def create(
        self,
        name: str,
        start: DateLike,
        end: DateLike,
        *,
        include_anonymous_user: bool | None = None,
        include_event_raw_data: bool | None = None,
    ) -> ReportCreated:
        """Start a report over at most 31 days; returns its ``report_id``."""
        body = self._tracking_body(name, start, end, include_anonymous_user, include_event_raw_data)
        return self._run(self._create(body))


class AsyncTrackingEventReports(_TrackingBase, _AsyncReportMixin):
    """Beacon event reports: ``client.reports.tracking_events`` (async)."""

    list = _tagged(_AsyncReportMixin.list, "list_tracking_event_reports")
    get = _tagged(_AsyncReportMixin.get, "get_tracking_event_report")
    wait = _tagged(_AsyncReportMixin.wait, "get_tracking_event_report")

    @operation("create_tracking_event_report")
    async def create(
        self,
        name: str,
        start: DateLike,
        end: DateLike,
        *,
        include_anonymous_user: bool | None = None,
        include_event_raw_data: bool | None = None,
    ) -> ReportCreated:
        """Start a report over at most 31 days; returns its ``report_id``."""
        body = self._tracking_body(name, start, end, include_anonymous_user, include_event_raw_data)
        return await self._arun(self._create(body))


class _InteractiveAudiencesBase(_Resource):
    kind = "interactive-audiences report"

    def _create(self, start: DateLike, end: DateLike) -> Prepared[None]:
        op_id = "create_interactive_audiences_report"
        model = self._model(
            CreateInteractiveAudiencesReportRequest,
            op_id,
            {"start_date": self._date(start), "end_date": self._date(end)},
        )
        return Prepared(
            op_id,
            _create_interactive_audiences_report.sync_detailed,
            _create_interactive_audiences_report.asyncio_detailed,
            {"body": model, "tid": self._owner.tid},
            _null(op_id),
        )

    def _list(self) -> Prepared[list[InteractiveAudiencesReport]]:
        op_id = "list_interactive_audiences_reports"

        def extract(parsed: Any) -> list[InteractiveAudiencesReport]:
            return expect(parsed, InteractiveAudiencesReportListResponse, op_id).payload

        return Prepared(
            op_id,
            _list_interactive_audiences_reports.sync_detailed,
            _list_interactive_audiences_reports.asyncio_detailed,
            {"tid": self._owner.tid},
            extract,
        )

    def _pick(
        self, reports: list[InteractiveAudiencesReport], start: str, end: str
    ) -> InteractiveAudiencesReport | None:
        # The create call returns no id: the job is found by its date range (newest last).
        matching = [r for r in reports if r.start_date == start and r.end_date == end]
        return matching[-1] if matching else None

    @staticmethod
    def _state(found: InteractiveAudiencesReport | None) -> str:
        return "not listed" if found is None else str(found.status)


class InteractiveAudiencesReports(_InteractiveAudiencesBase):
    """Interactive-audiences exports: ``client.reports.interactive_audiences``."""

    @operation("create_interactive_audiences_report")
    def create(self, start: DateLike, end: DateLike) -> None:
        """Start an export (dates within the last 30 days). The API allows one per day and
        returns no id: use :meth:`wait` with the same dates."""
        return self._run(self._create(start, end))

    @operation("list_interactive_audiences_reports")
    def list(self) -> list[InteractiveAudiencesReport]:
        """Exports created within the last day."""
        return self._run(self._list())

    @operation("list_interactive_audiences_reports")
    def wait(
        self,
        start: DateLike,
        end: DateLike,
        *,
        timeout: float = 600.0,
        interval: float = 1.0,
        max_interval: float = 15.0,
    ) -> InteractiveAudiencesReport:
        """Poll the list until the export for ``start``..``end`` is ``SUCCESS`` or ``FAIL``
        (the newest one, if there are several); the pauses grow as for report ids."""
        s, e = self._date(start), self._date(end)
        poller = _Poller(self._owner, timeout, interval, max_interval)
        prepared = self._list()
        while True:
            found = self._pick(self._run(prepared), s, e)
            if found is not None and found.status in _DONE:
                return found
            self._owner._sleep(
                poller.next_delay(
                    f"{self.kind} {s}..{e}", prepared.operation_id, self._state(found)
                )
            )

    def download(
        self, report: InteractiveAudiencesReport | str, path: str | Path | None = None
    ) -> bytes:
        """Fetch the export file (no credentials are sent); also write it to ``path``."""
        return self._owner._download(_report_url(report), path)


class AsyncInteractiveAudiencesReports(_InteractiveAudiencesBase):
    """Interactive-audiences exports: ``client.reports.interactive_audiences`` (async)."""

    @operation("create_interactive_audiences_report")
    async def create(self, start: DateLike, end: DateLike) -> None:
        """Start an export (one per day; no id is returned)."""
        return await self._arun(self._create(start, end))

    @operation("list_interactive_audiences_reports")
    async def list(self) -> list[InteractiveAudiencesReport]:
        """Exports created within the last day."""
        return await self._arun(self._list())

    @operation("list_interactive_audiences_reports")
    async def wait(
        self,
        start: DateLike,
        end: DateLike,
        *,
        timeout: float = 600.0,
        interval: float = 1.0,
        max_interval: float = 15.0,
    ) -> InteractiveAudiencesReport:
        """Poll the list until the export for ``start``..``end`` is ``SUCCESS`` or ``FAIL``."""
        s, e = self._date(start), self._date(end)
        poller = _Poller(self._owner, timeout, interval, max_interval)
        prepared = self._list()
        while True:
            found = self._pick(await self._arun(prepared), s, e)
            if found is not None and found.status in _DONE:
                return found
            await self._owner._async_sleep(
                poller.next_delay(
                    f"{self.kind} {s}..{e}", prepared.operation_id, self._state(found)
                )
            )

    async def download(
        self, report: InteractiveAudiencesReport | str, path: str | Path | None = None
    ) -> bytes:
        """Fetch the export file (no credentials are sent); also write it to ``path``."""
        return await self._owner._adownload(_report_url(report), path)


class _ReportsBase(_Resource):
    def _market(self, start: DateLike, end: DateLike) -> Prepared[MarketReport]:
        op_id = "show_market_report"
        model = self._model(
            ShowMarketReportRequest,
            op_id,
            {"data": {"start_date": self._date(start), "end_date": self._date(end)}},
        )

        def extract(parsed: Any) -> MarketReport:
            return expect(parsed, MarketReportResponse, op_id).payload

        return Prepared(
            op_id, _show_market_report.sync_detailed, _show_market_report.asyncio_detailed,
            {"body": model}, extract,
        )  # fmt: skip


class Reports(_ReportsBase):
    """Reports: ``client.reports`` (``interaction``, ``tracking_events``,
    ``interactive_audiences`` and :meth:`market`)."""

    def __init__(self, owner: _ClientBase) -> None:
        super().__init__(owner)
        self.interaction = InteractionReports(owner)
        self.tracking_events = TrackingEventReports(owner)
        self.interactive_audiences = InteractiveAudiencesReports(owner)

    @operation("show_market_report")
    def market(self, start: DateLike, end: DateLike) -> MarketReport:
        """Message volumes and fees per channel between two dates."""
        return self._run(self._market(start, end))


class AsyncReports(_ReportsBase):
    """Reports: ``client.reports`` (async)."""

    def __init__(self, owner: _ClientBase) -> None:
        super().__init__(owner)
        self.interaction = AsyncInteractionReports(owner)
        self.tracking_events = AsyncTrackingEventReports(owner)
        self.interactive_audiences = AsyncInteractiveAudiencesReports(owner)

    @operation("show_market_report")
    async def market(self, start: DateLike, end: DateLike) -> MarketReport:
        """Message volumes and fees per channel between two dates."""
        return await self._arun(self._market(start, end))
