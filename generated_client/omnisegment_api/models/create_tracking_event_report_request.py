from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTrackingEventReportRequest")


@_attrs_define
class CreateTrackingEventReportRequest:
    """Body of `create_tracking_event_report`; the range covers at most 31 days, both ends inclusive."""

    report_name: str
    """ Free-text report name. """
    start_date: str
    """ Calendar date `YYYY-MM-DD`, zero-padded. """
    end_date: str
    """ Calendar date `YYYY-MM-DD`, zero-padded. """
    include_anonymous_user: bool | Unset = UNSET
    """ Include visitors without a member number. """
    include_event_raw_data: bool | Unset = UNSET
    """ Add the raw beacon hit as an extra column. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        report_name = self.report_name

        start_date = self.start_date

        end_date = self.end_date

        include_anonymous_user = self.include_anonymous_user

        include_event_raw_data = self.include_event_raw_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "report_name": report_name,
                "start_date": start_date,
                "end_date": end_date,
            }
        )
        if include_anonymous_user is not UNSET:
            field_dict["include_anonymous_user"] = include_anonymous_user
        if include_event_raw_data is not UNSET:
            field_dict["include_event_raw_data"] = include_event_raw_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        report_name = d.pop("report_name")

        start_date = d.pop("start_date")

        end_date = d.pop("end_date")

        include_anonymous_user = d.pop("include_anonymous_user", UNSET)

        include_event_raw_data = d.pop("include_event_raw_data", UNSET)

        create_tracking_event_report_request = cls(
            report_name=report_name,
            start_date=start_date,
            end_date=end_date,
            include_anonymous_user=include_anonymous_user,
            include_event_raw_data=include_event_raw_data,
        )

        create_tracking_event_report_request.additional_properties = d
        return create_tracking_event_report_request

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
