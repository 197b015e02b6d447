from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_merge_key import BatchMergeKey
from ..models.tag_mode import TagMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audience import Audience
    from ..models.custom_fields_identifier_field import CustomFieldsIdentifierField


T = TypeVar("T", bound="BatchImportAudiencesRequest")


@_attrs_define
class BatchImportAudiencesRequest:
    """Body of `batch_import_audiences`. `ignore_empty_value` defaults to false and is always sent explicitly by clients."""

    tid: str
    """ Organisation id issued by the vendor, shaped `OA-` followed by a short code. """
    api_key: str
    """ Organisation API key issued by the vendor (UUID-like). Secret: never log it. """
    data: list[Audience]
    """ Between 1 and 50 audiences. """
    ignore_empty_value: bool | Unset = False
    """ Same meaning as in `ImportAudienceRequest`. """
    merge_key: BatchMergeKey | Unset = UNSET
    """ Field of each audience that identifies an existing profile in a batch (no `source_id`). """
    tag_mode: TagMode | Unset = UNSET
    """ `append` adds the given tags to the stored ones; `replace` makes them the complete set. """
    custom_fields_identifier_field: CustomFieldsIdentifierField | Unset = UNSET
    """ For multi-field (json) custom fields: maps a custom field name to the sub-field whose value finds the
    existing item to update, for example `{"coupon_wallet": "coupon_code"}`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tid = self.tid

        api_key = self.api_key

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        ignore_empty_value = self.ignore_empty_value

        merge_key: str | Unset = UNSET
        if not isinstance(self.merge_key, Unset):
            merge_key = self.merge_key.value

        tag_mode: str | Unset = UNSET
        if not isinstance(self.tag_mode, Unset):
            tag_mode = self.tag_mode.value

        custom_fields_identifier_field: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_fields_identifier_field, Unset):
            custom_fields_identifier_field = (
                self.custom_fields_identifier_field.to_dict()
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tid": tid,
                "api_key": api_key,
                "data": data,
            }
        )
        if ignore_empty_value is not UNSET:
            field_dict["ignore_empty_value"] = ignore_empty_value
        if merge_key is not UNSET:
            field_dict["merge_key"] = merge_key
        if tag_mode is not UNSET:
            field_dict["tag_mode"] = tag_mode
        if custom_fields_identifier_field is not UNSET:
            field_dict["custom_fields_identifier_field"] = (
                custom_fields_identifier_field
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audience import Audience
        from ..models.custom_fields_identifier_field import CustomFieldsIdentifierField

        d = dict(src_dict)
        tid = d.pop("tid")

        api_key = d.pop("api_key")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Audience.from_dict(data_item_data)

            data.append(data_item)

        ignore_empty_value = d.pop("ignore_empty_value", UNSET)

        _merge_key = d.pop("merge_key", UNSET)
        merge_key: BatchMergeKey | Unset
        if isinstance(_merge_key, Unset):
            merge_key = UNSET
        else:
            merge_key = BatchMergeKey(_merge_key)

        _tag_mode = d.pop("tag_mode", UNSET)
        tag_mode: TagMode | Unset
        if isinstance(_tag_mode, Unset):
            tag_mode = UNSET
        else:
            tag_mode = TagMode(_tag_mode)

        _custom_fields_identifier_field = d.pop("custom_fields_identifier_field", UNSET)
        custom_fields_identifier_field: CustomFieldsIdentifierField | Unset
        if isinstance(_custom_fields_identifier_field, Unset):
            custom_fields_identifier_field = UNSET
        else:
            custom_fields_identifier_field = CustomFieldsIdentifierField.from_dict(
                _custom_fields_identifier_field
            )

        batch_import_audiences_request = cls(
            tid=tid,
            api_key=api_key,
            data=data,
            ignore_empty_value=ignore_empty_value,
            merge_key=merge_key,
            tag_mode=tag_mode,
            custom_fields_identifier_field=custom_fields_identifier_field,
        )

        batch_import_audiences_request.additional_properties = d
        return batch_import_audiences_request

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
