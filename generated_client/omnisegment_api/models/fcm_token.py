from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fcm_token_type import FcmTokenType
from ..types import UNSET, Unset

T = TypeVar("T", bound="FcmToken")


@_attrs_define
class FcmToken:
    """One app push token."""

    token: str
    """ Firebase Cloud Messaging token. """
    active: bool | Unset = True
    """ Whether the token may be used. """
    type_: FcmTokenType | Unset = UNSET
    """ Platform of the push token. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        active = self.active

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        token = d.pop("token")

        active = d.pop("active", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: FcmTokenType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = FcmTokenType(_type_)

        fcm_token = cls(
            token=token,
            active=active,
            type_=type_,
        )

        fcm_token.additional_properties = d
        return fcm_token

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
