from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.market_report_period import MarketReportPeriod


T = TypeVar("T", bound="ShowMarketReportRequest")


@_attrs_define
class ShowMarketReportRequest:
    """Body of `show_market_report`."""

    tid: str
    """ Organisation id issued by the vendor, shaped `OA-` followed by a short code. """
    api_key: str
    """ Organisation API key issued by the vendor (UUID-like). Secret: never log it. """
    data: MarketReportPeriod
    """ Inclusive date range of a market report. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tid = self.tid

        api_key = self.api_key

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tid": tid,
                "api_key": api_key,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.market_report_period import MarketReportPeriod

        d = dict(src_dict)
        tid = d.pop("tid")

        api_key = d.pop("api_key")

        data = MarketReportPeriod.from_dict(d.pop("data"))

        show_market_report_request = cls(
            tid=tid,
            api_key=api_key,
            data=data,
        )

        show_market_report_request.additional_properties = d
        return show_market_report_request

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
