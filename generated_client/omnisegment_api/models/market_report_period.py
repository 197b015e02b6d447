from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MarketReportPeriod")


@_attrs_define
class MarketReportPeriod:
    """Inclusive date range of a market report."""

    start_date: str
    """ Calendar date `YYYY-M-D` where month and day may or may not be zero-padded (`2025-3-1` and `2025-03-01` are
    both accepted). Clients send the padded form. """
    end_date: str
    """ Calendar date `YYYY-M-D` where month and day may or may not be zero-padded (`2025-3-1` and `2025-03-01` are
    both accepted). Clients send the padded form. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_date = self.start_date

        end_date = self.end_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start_date": start_date,
                "end_date": end_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        start_date = d.pop("start_date")

        end_date = d.pop("end_date")

        market_report_period = cls(
            start_date=start_date,
            end_date=end_date,
        )

        market_report_period.additional_properties = d
        return market_report_period

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
