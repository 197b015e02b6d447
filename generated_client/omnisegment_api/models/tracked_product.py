from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrackedProduct")


@_attrs_define
class TrackedProduct:
    """A product in a tracking event; `id` must equal the catalogue id."""

    id: str
    """ Catalogue product id. """
    name: str
    """ Product name. """
    price: int | Unset = UNSET
    """ Unit price. """
    category: str | Unset = UNSET
    """ Category. """
    brand: str | Unset = UNSET
    """ Brand; several brands joined by commas. """
    quantity: int | str | Unset = UNSET
    """ Quantity (required for purchase and refund). Ambiguity: documented as a string but sent as an integer in a
    vendor example. Decision: both are accepted; clients send a string. """
    variant: str | Unset = UNSET
    """ Variant attributes as a JSON object encoded as a string. """
    sku: str | Unset = UNSET
    """ Variant SKU. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        price = self.price

        category = self.category

        brand = self.brand

        quantity: int | str | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        variant = self.variant

        sku = self.sku

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if price is not UNSET:
            field_dict["price"] = price
        if category is not UNSET:
            field_dict["category"] = category
        if brand is not UNSET:
            field_dict["brand"] = brand
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if variant is not UNSET:
            field_dict["variant"] = variant
        if sku is not UNSET:
            field_dict["sku"] = sku

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        price = d.pop("price", UNSET)

        category = d.pop("category", UNSET)

        brand = d.pop("brand", UNSET)

        def _parse_quantity(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        variant = d.pop("variant", UNSET)

        sku = d.pop("sku", UNSET)

        tracked_product = cls(
            id=id,
            name=name,
            price=price,
            category=category,
            brand=brand,
            quantity=quantity,
            variant=variant,
            sku=sku,
        )

        tracked_product.additional_properties = d
        return tracked_product

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
