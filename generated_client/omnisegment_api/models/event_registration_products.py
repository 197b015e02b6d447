from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventRegistrationProducts")


@_attrs_define
class EventRegistrationProducts:
    """Products tied to a registration: item group ids in `default` and/or SKU ids in `sku`; when both are given they have
    the same length and order.

    """

    default: list[str] | Unset = UNSET
    """ Item group ids. """
    sku: list[str] | Unset = UNSET
    """ SKU ids. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        default: list[str] | Unset = UNSET
        if not isinstance(self.default, Unset):
            default = self.default

        sku: list[str] | Unset = UNSET
        if not isinstance(self.sku, Unset):
            sku = self.sku

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if default is not UNSET:
            field_dict["default"] = default
        if sku is not UNSET:
            field_dict["sku"] = sku

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        default = cast(list[str], d.pop("default", UNSET))

        sku = cast(list[str], d.pop("sku", UNSET))

        event_registration_products = cls(
            default=default,
            sku=sku,
        )

        event_registration_products.additional_properties = d
        return event_registration_products

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
