from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_source import DataSource
from ..models.hit_type import HitType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tracked_product import TrackedProduct


T = TypeVar("T", bound="TrackEventRequest")


@_attrs_define
class TrackEventRequest:
    """One tracking event with at most 30 products. Purchase and refund events also need `transaction_id`,
    `transaction_revenue` and a `quantity` on every product; custom events need `event_value`.

    """

    client_id: str
    """ Device or visitor id. iOS: IDFA, else IDFV with the suffix `-IDFV`; Android: advertising id, else SSAID;
    web: the client id. """
    tid: str
    """ Organisation id issued by the vendor, shaped `OA-` followed by a short code. """
    hit_type: HitType
    """ Kind of hit; page and product views are `pageview`, everything else `event`. """
    data_source: DataSource
    """ Where the event comes from. """
    version: str
    """ Tracking protocol version; `2.0.4` in all vendor material. """
    uid: str | Unset = UNSET
    """ Member number once the user is logged in; stable and unique per member. """
    event_action: str | Unset = UNSET
    """ Predefined actions `AddToCart`, `Checkout`, `Refund`, `ClickProduct`, `CompleteRegistration`, `ViewContent`,
    `Purchase`, `RemoveFromCart`, `Search`, `AddToWishlist`, `FormFillOut`, or the registered name of a custom
    event. """
    event_category: str | Unset = UNSET
    """ Predefined categories `ClickFooter`, `ViewContent`, `Ecommerce`, `CompleteRegistration`, `Sort`, `Filter`,
    `ClickMenu`, `Search`, `FormFillOut`; not needed for custom events. """
    event_label: str | Unset = UNSET
    """ JSON object encoded as a string, used by search (`search_string`) and registration events. """
    event_value: str | Unset = UNSET
    """ Custom-event parameters, a plain string or a JSON object encoded as a string. """
    products: list[TrackedProduct] | Unset = UNSET
    """ Products concerned, at most 30. """
    transaction_id: str | Unset = UNSET
    """ Order id (purchase and refund). """
    transaction_revenue: int | Unset = UNSET
    """ Order total (purchase and refund). An integer here, unlike the purchase import where it is a JSON number.
    """
    transaction_tax: int | Unset = UNSET
    """ Tax amount. """
    transaction_shipping: int | Unset = UNSET
    """ Shipping cost. """
    transaction_couponcode: str | Unset = UNSET
    """ Coupon code used. """
    currency_code: str | Unset = UNSET
    """ Currency code, for example `TWD`. """
    document_location: str | Unset = UNSET
    """ Full page URL including the query string. """
    document_title: str | Unset = UNSET
    """ Page title. """
    app_id: str | Unset = UNSET
    """ App bundle or package id. """
    app_version: str | Unset = UNSET
    """ App version. """
    app_name: str | Unset = UNSET
    """ App name. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        tid = self.tid

        hit_type = self.hit_type.value

        data_source = self.data_source.value

        version = self.version

        uid = self.uid

        event_action = self.event_action

        event_category = self.event_category

        event_label = self.event_label

        event_value = self.event_value

        products: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.products, Unset):
            products = []
            for products_item_data in self.products:
                products_item = products_item_data.to_dict()
                products.append(products_item)

        transaction_id = self.transaction_id

        transaction_revenue = self.transaction_revenue

        transaction_tax = self.transaction_tax

        transaction_shipping = self.transaction_shipping

        transaction_couponcode = self.transaction_couponcode

        currency_code = self.currency_code

        document_location = self.document_location

        document_title = self.document_title

        app_id = self.app_id

        app_version = self.app_version

        app_name = self.app_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "tid": tid,
                "hit_type": hit_type,
                "data_source": data_source,
                "version": version,
            }
        )
        if uid is not UNSET:
            field_dict["uid"] = uid
        if event_action is not UNSET:
            field_dict["event_action"] = event_action
        if event_category is not UNSET:
            field_dict["event_category"] = event_category
        if event_label is not UNSET:
            field_dict["event_label"] = event_label
        if event_value is not UNSET:
            field_dict["event_value"] = event_value
        if products is not UNSET:
            field_dict["products"] = products
        if transaction_id is not UNSET:
            field_dict["transaction_id"] = transaction_id
        if transaction_revenue is not UNSET:
            field_dict["transaction_revenue"] = transaction_revenue
        if transaction_tax is not UNSET:
            field_dict["transaction_tax"] = transaction_tax
        if transaction_shipping is not UNSET:
            field_dict["transaction_shipping"] = transaction_shipping
        if transaction_couponcode is not UNSET:
            field_dict["transaction_couponcode"] = transaction_couponcode
        if currency_code is not UNSET:
            field_dict["currency_code"] = currency_code
        if document_location is not UNSET:
            field_dict["document_location"] = document_location
        if document_title is not UNSET:
            field_dict["document_title"] = document_title
        if app_id is not UNSET:
            field_dict["app_id"] = app_id
        if app_version is not UNSET:
            field_dict["app_version"] = app_version
        if app_name is not UNSET:
            field_dict["app_name"] = app_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tracked_product import TrackedProduct

        d = dict(src_dict)
        client_id = d.pop("client_id")

        tid = d.pop("tid")

        hit_type = HitType(d.pop("hit_type"))

        data_source = DataSource(d.pop("data_source"))

        version = d.pop("version")

        uid = d.pop("uid", UNSET)

        event_action = d.pop("event_action", UNSET)

        event_category = d.pop("event_category", UNSET)

        event_label = d.pop("event_label", UNSET)

        event_value = d.pop("event_value", UNSET)

        _products = d.pop("products", UNSET)
        products: list[TrackedProduct] | Unset = UNSET
        if _products is not UNSET:
            products = []
            for products_item_data in _products:
                products_item = TrackedProduct.from_dict(products_item_data)

                products.append(products_item)

        transaction_id = d.pop("transaction_id", UNSET)

        transaction_revenue = d.pop("transaction_revenue", UNSET)

        transaction_tax = d.pop("transaction_tax", UNSET)

        transaction_shipping = d.pop("transaction_shipping", UNSET)

        transaction_couponcode = d.pop("transaction_couponcode", UNSET)

        currency_code = d.pop("currency_code", UNSET)

        document_location = d.pop("document_location", UNSET)

        document_title = d.pop("document_title", UNSET)

        app_id = d.pop("app_id", UNSET)

        app_version = d.pop("app_version", UNSET)

        app_name = d.pop("app_name", UNSET)

        track_event_request = cls(
            client_id=client_id,
            tid=tid,
            hit_type=hit_type,
            data_source=data_source,
            version=version,
            uid=uid,
            event_action=event_action,
            event_category=event_category,
            event_label=event_label,
            event_value=event_value,
            products=products,
            transaction_id=transaction_id,
            transaction_revenue=transaction_revenue,
            transaction_tax=transaction_tax,
            transaction_shipping=transaction_shipping,
            transaction_couponcode=transaction_couponcode,
            currency_code=currency_code,
            document_location=document_location,
            document_title=document_title,
            app_id=app_id,
            app_version=app_version,
            app_name=app_name,
        )

        track_event_request.additional_properties = d
        return track_event_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
