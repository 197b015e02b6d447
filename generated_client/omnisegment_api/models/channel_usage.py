from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChannelUsage")


@_attrs_define
class ChannelUsage:
    """Messages sent on one channel and their cost (count times unit price)."""

    total_send: int
    """ Number of messages sent in the range. """
    total_fee: float
    """ Cost of those messages in the account currency. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_send = self.total_send

        total_fee = self.total_fee

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_send": total_send,
                "total_fee": total_fee,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        total_send = d.pop("total_send")

        total_fee = d.pop("total_fee")

        channel_usage = cls(
            total_send=total_send,
            total_fee=total_fee,
        )

        channel_usage.additional_properties = d
        return channel_usage

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
