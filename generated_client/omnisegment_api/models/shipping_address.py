from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShippingAddress")


@_attrs_define
class ShippingAddress:
    """Shipping address of an order."""

    address1: str
    """ First address line. """
    address2: None | str | Unset = UNSET
    """ Second address line. """
    city: str | Unset = UNSET
    """ City. """
    company: str | Unset = UNSET
    """ Shipping company. """
    country: str | Unset = UNSET
    """ Country. """
    country_code: str | Unset = UNSET
    """ Country code. """
    latitude: None | str | Unset = UNSET
    """ Latitude. """
    longitude: None | str | Unset = UNSET
    """ Longitude. """
    province: str | Unset = UNSET
    """ State or province. """
    province_code: str | Unset = UNSET
    """ State or province code. """
    zip_: str | Unset = UNSET
    """ Postal code. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address1 = self.address1

        address2: None | str | Unset
        if isinstance(self.address2, Unset):
            address2 = UNSET
        else:
            address2 = self.address2

        city = self.city

        company = self.company

        country = self.country

        country_code = self.country_code

        latitude: None | str | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: None | str | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        province = self.province

        province_code = self.province_code

        zip_ = self.zip_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address1": address1,
            }
        )
        if address2 is not UNSET:
            field_dict["address2"] = address2
        if city is not UNSET:
            field_dict["city"] = city
        if company is not UNSET:
            field_dict["company"] = company
        if country is not UNSET:
            field_dict["country"] = country
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if province is not UNSET:
            field_dict["province"] = province
        if province_code is not UNSET:
            field_dict["province_code"] = province_code
        if zip_ is not UNSET:
            field_dict["zip"] = zip_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        address1 = d.pop("address1")

        def _parse_address2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address2 = _parse_address2(d.pop("address2", UNSET))

        city = d.pop("city", UNSET)

        company = d.pop("company", UNSET)

        country = d.pop("country", UNSET)

        country_code = d.pop("country_code", UNSET)

        def _parse_latitude(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))

        def _parse_longitude(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))

        province = d.pop("province", UNSET)

        province_code = d.pop("province_code", UNSET)

        zip_ = d.pop("zip", UNSET)

        shipping_address = cls(
            address1=address1,
            address2=address2,
            city=city,
            company=company,
            country=country,
            country_code=country_code,
            latitude=latitude,
            longitude=longitude,
            province=province,
            province_code=province_code,
            zip_=zip_,
        )

        shipping_address.additional_properties = d
        return shipping_address

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
