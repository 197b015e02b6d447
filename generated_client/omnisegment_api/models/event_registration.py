from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_registration_products import EventRegistrationProducts


T = TypeVar("T", bound="EventRegistration")


@_attrs_define
class EventRegistration:
    """A member's registration for an event, identified by `event_id` + `member_sn`. `event_start_datetime` and
    `event_end_datetime` must be given together, the end after the start.

    """

    event_id: str
    """ Event number. """
    member_sn: str
    """ Shop member number. """
    event_name: str
    """ Event name. """
    registration_datetime: str
    """ ISO 8601 date and time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.ffffff]` followed by `Z`, `+HH:MM` or
    `+HHMM` (the vendor's own purchase example uses `+0800`). Clients send `+HH:MM`. """
    products: EventRegistrationProducts | Unset = UNSET
    """ Products tied to a registration: item group ids in `default` and/or SKU ids in `sku`; when both are given
    they have the same length and order. """
    purchase_datetime: str | Unset = UNSET
    """ ISO 8601 date and time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.ffffff]` followed by `Z`, `+HH:MM` or
    `+HHMM` (the vendor's own purchase example uses `+0800`). Clients send `+HH:MM`. """
    purchase_source: str | Unset = UNSET
    """ Purchase channel. """
    purchase_city: str | Unset = UNSET
    """ City of purchase. """
    delivery_address: str | Unset = UNSET
    """ Delivery address. """
    is_available: bool | Unset = True
    """ Whether the registration is valid. """
    event_start_datetime: str | Unset = UNSET
    """ ISO 8601 date and time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.ffffff]` followed by `Z`, `+HH:MM` or
    `+HHMM` (the vendor's own purchase example uses `+0800`). Clients send `+HH:MM`. """
    event_end_datetime: str | Unset = UNSET
    """ ISO 8601 date and time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.ffffff]` followed by `Z`, `+HH:MM` or
    `+HHMM` (the vendor's own purchase example uses `+0800`). Clients send `+HH:MM`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        member_sn = self.member_sn

        event_name = self.event_name

        registration_datetime = self.registration_datetime

        products: dict[str, Any] | Unset = UNSET
        if not isinstance(self.products, Unset):
            products = self.products.to_dict()

        purchase_datetime = self.purchase_datetime

        purchase_source = self.purchase_source

        purchase_city = self.purchase_city

        delivery_address = self.delivery_address

        is_available = self.is_available

        event_start_datetime = self.event_start_datetime

        event_end_datetime = self.event_end_datetime

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "member_sn": member_sn,
                "event_name": event_name,
                "registration_datetime": registration_datetime,
            }
        )
        if products is not UNSET:
            field_dict["products"] = products
        if purchase_datetime is not UNSET:
            field_dict["purchase_datetime"] = purchase_datetime
        if purchase_source is not UNSET:
            field_dict["purchase_source"] = purchase_source
        if purchase_city is not UNSET:
            field_dict["purchase_city"] = purchase_city
        if delivery_address is not UNSET:
            field_dict["delivery_address"] = delivery_address
        if is_available is not UNSET:
            field_dict["is_available"] = is_available
        if event_start_datetime is not UNSET:
            field_dict["event_start_datetime"] = event_start_datetime
        if event_end_datetime is not UNSET:
            field_dict["event_end_datetime"] = event_end_datetime

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.event_registration_products import EventRegistrationProducts

        d = dict(src_dict)
        event_id = d.pop("event_id")

        member_sn = d.pop("member_sn")

        event_name = d.pop("event_name")

        registration_datetime = d.pop("registration_datetime")

        _products = d.pop("products", UNSET)
        products: EventRegistrationProducts | Unset
        if isinstance(_products, Unset):
            products = UNSET
        else:
            products = EventRegistrationProducts.from_dict(_products)

        purchase_datetime = d.pop("purchase_datetime", UNSET)

        purchase_source = d.pop("purchase_source", UNSET)

        purchase_city = d.pop("purchase_city", UNSET)

        delivery_address = d.pop("delivery_address", UNSET)

        is_available = d.pop("is_available", UNSET)

        event_start_datetime = d.pop("event_start_datetime", UNSET)

        event_end_datetime = d.pop("event_end_datetime", UNSET)

        event_registration = cls(
            event_id=event_id,
            member_sn=member_sn,
            event_name=event_name,
            registration_datetime=registration_datetime,
            products=products,
            purchase_datetime=purchase_datetime,
            purchase_source=purchase_source,
            purchase_city=purchase_city,
            delivery_address=delivery_address,
            is_available=is_available,
            event_start_datetime=event_start_datetime,
            event_end_datetime=event_end_datetime,
        )

        event_registration.additional_properties = d
        return event_registration

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
