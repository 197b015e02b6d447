from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identifier_field import IdentifierField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.purchase import Purchase


T = TypeVar("T", bound="BatchImportPurchasesRequest")


@_attrs_define
class BatchImportPurchasesRequest:
    """Body of `batch_import_purchases` (no `debug_mode` here)."""

    tid: str
    """ Organisation id issued by the vendor, shaped `OA-` followed by a short code. """
    api_key: str
    """ Organisation API key issued by the vendor (UUID-like). Secret: never log it. """
    data: list[Purchase]
    """ Between 1 and 50 orders. """
    is_anonymous: bool | Unset = False
    """ True when no order carries a customer identity. """
    identifier_field: IdentifierField | Unset = UNSET
    """ Field that finds the member when not using `member_sn` (the default, with `source_id` + `source_system` as
    the alternative). The named field must be present in every record. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tid = self.tid

        api_key = self.api_key

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        is_anonymous = self.is_anonymous

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
        if is_anonymous is not UNSET:
            field_dict["is_anonymous"] = is_anonymous
        if identifier_field is not UNSET:
            field_dict["identifier_field"] = identifier_field

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.purchase import Purchase

        d = dict(src_dict)
        tid = d.pop("tid")

        api_key = d.pop("api_key")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Purchase.from_dict(data_item_data)

            data.append(data_item)

        is_anonymous = d.pop("is_anonymous", UNSET)

        _identifier_field = d.pop("identifier_field", UNSET)
        identifier_field: IdentifierField | Unset
        if isinstance(_identifier_field, Unset):
            identifier_field = UNSET
        else:
            identifier_field = IdentifierField(_identifier_field)

        batch_import_purchases_request = cls(
            tid=tid,
            api_key=api_key,
            data=data,
            is_anonymous=is_anonymous,
            identifier_field=identifier_field,
        )

        batch_import_purchases_request.additional_properties = d
        return batch_import_purchases_request

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
