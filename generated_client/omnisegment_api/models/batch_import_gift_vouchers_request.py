from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identifier_field import IdentifierField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gift_voucher import GiftVoucher


T = TypeVar("T", bound="BatchImportGiftVouchersRequest")


@_attrs_define
class BatchImportGiftVouchersRequest:
    """Body of `batch_import_gift_vouchers`."""

    tid: str
    """ Organisation id issued by the vendor, shaped `OA-` followed by a short code. """
    api_key: str
    """ Organisation API key issued by the vendor (UUID-like). Secret: never log it. """
    data_list: list[GiftVoucher]
    """ Between 1 and 100 vouchers. """
    site: None | str | Unset = UNSET
    """ Site name for multi-site organisations; null or absent otherwise. """
    identifier_field: IdentifierField | Unset = UNSET
    """ Field that finds the member when not using `member_sn` (the default, with `source_id` + `source_system` as
    the alternative). The named field must be present in every record. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tid = self.tid

        api_key = self.api_key

        data_list = []
        for data_list_item_data in self.data_list:
            data_list_item = data_list_item_data.to_dict()
            data_list.append(data_list_item)

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
                "data_list": data_list,
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

        data_list = []
        _data_list = d.pop("data_list")
        for data_list_item_data in _data_list:
            data_list_item = GiftVoucher.from_dict(data_list_item_data)

            data_list.append(data_list_item)

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

        batch_import_gift_vouchers_request = cls(
            tid=tid,
            api_key=api_key,
            data_list=data_list,
            site=site,
            identifier_field=identifier_field,
        )

        batch_import_gift_vouchers_request.additional_properties = d
        return batch_import_gift_vouchers_request

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
