from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guaranteed_product import GuaranteedProduct


T = TypeVar("T", bound="ProductGuarantee")


@_attrs_define
class ProductGuarantee:
    """A warranty registration, identified by `warranty_id`. `warranty_start_datetime` and `warranty_end_datetime` must be
    given together, the end after the start.

    """

    warranty_id: str
    """ Warranty number. """
    member_sn: str
    """ Shop member number. """
    product: GuaranteedProduct
    """ The guaranteed product by item group id (`default`) and/or SKU id (`sku`). """
    registration_datetime: str
    """ ISO 8601 date and time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.ffffff]` followed by `Z`, `+HH:MM` or
    `+HHMM` (the vendor's own purchase example uses `+0800`). Clients send `+HH:MM`. """
    purchase_datetime: str
    """ ISO 8601 date and time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.ffffff]` followed by `Z`, `+HH:MM` or
    `+HHMM` (the vendor's own purchase example uses `+0800`). Clients send `+HH:MM`. """
    warranty_name: str | Unset = UNSET
    """ Warranty name. """
    purchase_source: str | Unset = UNSET
    """ Purchase channel. """
    purchase_city: str | Unset = UNSET
    """ City of purchase. """
    purchase_receipt: str | Unset = UNSET
    """ Receipt, for example a link to an image. """
    product_quantity: int | Unset = UNSET
    """ Number of units. """
    is_available: bool | Unset = True
    """ Whether the warranty is valid. """
    warranty_start_datetime: str | Unset = UNSET
    """ ISO 8601 date and time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.ffffff]` followed by `Z`, `+HH:MM` or
    `+HHMM` (the vendor's own purchase example uses `+0800`). Clients send `+HH:MM`. """
    warranty_end_datetime: str | Unset = UNSET
    """ ISO 8601 date and time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.ffffff]` followed by `Z`, `+HH:MM` or
    `+HHMM` (the vendor's own purchase example uses `+0800`). Clients send `+HH:MM`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        warranty_id = self.warranty_id

        member_sn = self.member_sn

        product = self.product.to_dict()

        registration_datetime = self.registration_datetime

        purchase_datetime = self.purchase_datetime

        warranty_name = self.warranty_name

        purchase_source = self.purchase_source

        purchase_city = self.purchase_city

        purchase_receipt = self.purchase_receipt

        product_quantity = self.product_quantity

        is_available = self.is_available

        warranty_start_datetime = self.warranty_start_datetime

        warranty_end_datetime = self.warranty_end_datetime

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "warranty_id": warranty_id,
                "member_sn": member_sn,
                "product": product,
                "registration_datetime": registration_datetime,
                "purchase_datetime": purchase_datetime,
            }
        )
        if warranty_name is not UNSET:
            field_dict["warranty_name"] = warranty_name
        if purchase_source is not UNSET:
            field_dict["purchase_source"] = purchase_source
        if purchase_city is not UNSET:
            field_dict["purchase_city"] = purchase_city
        if purchase_receipt is not UNSET:
            field_dict["purchase_receipt"] = purchase_receipt
        if product_quantity is not UNSET:
            field_dict["product_quantity"] = product_quantity
        if is_available is not UNSET:
            field_dict["is_available"] = is_available
        if warranty_start_datetime is not UNSET:
            field_dict["warranty_start_datetime"] = warranty_start_datetime
        if warranty_end_datetime is not UNSET:
            field_dict["warranty_end_datetime"] = warranty_end_datetime

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guaranteed_product import GuaranteedProduct

        d = dict(src_dict)
        warranty_id = d.pop("warranty_id")

        member_sn = d.pop("member_sn")

        product = GuaranteedProduct.from_dict(d.pop("product"))

        registration_datetime = d.pop("registration_datetime")

        purchase_datetime = d.pop("purchase_datetime")

        warranty_name = d.pop("warranty_name", UNSET)

        purchase_source = d.pop("purchase_source", UNSET)

        purchase_city = d.pop("purchase_city", UNSET)

        purchase_receipt = d.pop("purchase_receipt", UNSET)

        product_quantity = d.pop("product_quantity", UNSET)

        is_available = d.pop("is_available", UNSET)

        warranty_start_datetime = d.pop("warranty_start_datetime", UNSET)

        warranty_end_datetime = d.pop("warranty_end_datetime", UNSET)

        product_guarantee = cls(
            warranty_id=warranty_id,
            member_sn=member_sn,
            product=product,
            registration_datetime=registration_datetime,
            purchase_datetime=purchase_datetime,
            warranty_name=warranty_name,
            purchase_source=purchase_source,
            purchase_city=purchase_city,
            purchase_receipt=purchase_receipt,
            product_quantity=product_quantity,
            is_available=is_available,
            warranty_start_datetime=warranty_start_datetime,
            warranty_end_datetime=warranty_end_datetime,
        )

        product_guarantee.additional_properties = d
        return product_guarantee

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
