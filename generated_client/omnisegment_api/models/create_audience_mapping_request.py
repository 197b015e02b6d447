from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mapping_key import MappingKey
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAudienceMappingRequest")


@_attrs_define
class CreateAudienceMappingRequest:
    """Body of `create_audience_mapping`. The field named by `mapping_key` must be present with the value to match."""

    source_id: str
    """ Customer id in the external system. """
    source_system: str
    """ External system label, for example `CRM`, `offline` or `POS`. """
    mapping_key: MappingKey
    """ OmniSegment field used to find the audience to map to. """
    member_sn: str | Unset = UNSET
    """ Member number to match when `mapping_key` is `member_sn`. """
    phone: str | Unset = UNSET
    """ Phone to match when `mapping_key` is `phone`. """
    email: str | Unset = UNSET
    """ E-mail to match when `mapping_key` is `email`. """
    line_id: str | Unset = UNSET
    """ LINE id to match when `mapping_key` is `line_id`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source_id = self.source_id

        source_system = self.source_system

        mapping_key = self.mapping_key.value

        member_sn = self.member_sn

        phone = self.phone

        email = self.email

        line_id = self.line_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source_id": source_id,
                "source_system": source_system,
                "mapping_key": mapping_key,
            }
        )
        if member_sn is not UNSET:
            field_dict["member_sn"] = member_sn
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if line_id is not UNSET:
            field_dict["line_id"] = line_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source_id = d.pop("source_id")

        source_system = d.pop("source_system")

        mapping_key = MappingKey(d.pop("mapping_key"))

        member_sn = d.pop("member_sn", UNSET)

        phone = d.pop("phone", UNSET)

        email = d.pop("email", UNSET)

        line_id = d.pop("line_id", UNSET)

        create_audience_mapping_request = cls(
            source_id=source_id,
            source_system=source_system,
            mapping_key=mapping_key,
            member_sn=member_sn,
            phone=phone,
            email=email,
            line_id=line_id,
        )

        create_audience_mapping_request.additional_properties = d
        return create_audience_mapping_request

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
