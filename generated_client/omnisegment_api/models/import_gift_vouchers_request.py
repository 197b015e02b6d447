from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identifier_field import IdentifierField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gift_voucher import GiftVoucher


T = TypeVar("T", bound="ImportGiftVouchersRequest")


@_attrs_define
class ImportGiftVouchersRequest:
    """Body of `import_gift_vouchers`."""

    tid: str
    """ Organisation id issued by the vendor, shaped `OA-` followed by a short code. """
    api_key: str
    """ Organisation API key issued by the vendor (UUID-like). Secret: never log it. """
    data: GiftVoucher | list[GiftVoucher]
    """ One voucher, or a list of 1 to 100 vouchers. """
    site: None | str | Unset = UNSET
    """ Site name for multi-site organisations; null or absent otherwise. """
    identifier_field: IdentifierField | Unset = UNSET
    """ Field that finds the member when not using `member_sn` (the default, with `source_id` + `source_system` as
    the alternative). The named field must be present in every record. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.gift_voucher import GiftVoucher

        tid = self.tid

        api_key = self.api_key

        data: dict[str, Any] | list[dict[str, Any]]
        if isinstance(self.data, GiftVoucher):
            data = self.data.to_dict()
        else:
            data = []
            for componentsschemas_gift_voucher_list_item_data in self.data:
                componentsschemas_gift_voucher_list_item = (
                    componentsschemas_gift_voucher_list_item_data.to_dict()
                )
                data.append(componentsschemas_gift_voucher_list_item)

        site: None | str | Unset
        if isinstance(self.site, Unset):
            site = UNSET
        else:
            site = self.site

        identifier_field: str | Unset = UNSET
        if not isinstance(self.identifier_field, Unset):
            identifier_field = self.identifier_field.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tid": tid,
                "api_key": api_key,
                "data": data,
            }
        )
        if site is not UNSET:
            field_dict["site"] = site
        if identifier_field is not UNSET:
            field_dict["identifier_field"] = identifier_field

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gift_voucher import GiftVoucher

        d = dict(src_dict)
        tid = d.pop("tid")

        api_key = d.pop("api_key")

        def _parse_data(data: object) -> GiftVoucher | list[GiftVoucher]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = GiftVoucher.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            data_type_1 = []
            _data_type_1 = data
            for componentsschemas_gift_voucher_list_item_data in _data_type_1:
                componentsschemas_gift_voucher_list_item = GiftVoucher.from_dict(
                    componentsschemas_gift_voucher_list_item_data
                )

                data_type_1.append(componentsschemas_gift_voucher_list_item)

            return data_type_1

        data = _parse_data(d.pop("data"))

        def _parse_site(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        site = _parse_site(d.pop("site", UNSET))

        _identifier_field = d.pop("identifier_field", UNSET)
        identifier_field: IdentifierField | Unset
        if isinstance(_identifier_field, Unset):
            identifier_field = UNSET
        else:
            identifier_field = IdentifierField(_identifier_field)

        import_gift_vouchers_request = cls(
            tid=tid,
            api_key=api_key,
            data=data,
            site=site,
            identifier_field=identifier_field,
        )

        import_gift_vouchers_request.additional_properties = d
        return import_gift_vouchers_request

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
