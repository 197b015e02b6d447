from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.channel_usage import ChannelUsage


T = TypeVar("T", bound="MarketReport")


@_attrs_define
class MarketReport:
    """Message volumes and fees per channel for the requested range."""

    email: ChannelUsage
    """ Messages sent on one channel and their cost (count times unit price). """
    sms: ChannelUsage
    """ Messages sent on one channel and their cost (count times unit price). """
    line: ChannelUsage
    """ Messages sent on one channel and their cost (count times unit price). """
    crescendo_line: ChannelUsage
    """ Messages sent on one channel and their cost (count times unit price). """
    pn: ChannelUsage
    """ Messages sent on one channel and their cost (count times unit price). """
    monthly_fee: float
    """ Fixed monthly fee in the account currency. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email.to_dict()

        sms = self.sms.to_dict()

        line = self.line.to_dict()

        crescendo_line = self.crescendo_line.to_dict()

        pn = self.pn.to_dict()

        monthly_fee = self.monthly_fee

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "sms": sms,
                "line": line,
                "crescendo_line": crescendo_line,
                "pn": pn,
                "monthly_fee": monthly_fee,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.channel_usage import ChannelUsage

        d = dict(src_dict)
        email = ChannelUsage.from_dict(d.pop("email"))

        sms = ChannelUsage.from_dict(d.pop("sms"))

        line = ChannelUsage.from_dict(d.pop("line"))

        crescendo_line = ChannelUsage.from_dict(d.pop("crescendo_line"))

        pn = ChannelUsage.from_dict(d.pop("pn"))

        monthly_fee = d.pop("monthly_fee")

        market_report = cls(
            email=email,
            sms=sms,
            line=line,
            crescendo_line=crescendo_line,
            pn=pn,
            monthly_fee=monthly_fee,
        )

        market_report.additional_properties = d
        return market_report

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
