from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_status import ReportStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportDetail")


@_attrs_define
class ReportDetail:
    """One report's state."""

    report_name: str
    """ Name given at creation. """
    status: ReportStatus
    """ Report generation state. """
    report_url: None | str | Unset = UNSET
    """ Download link of the report file; present only when `status` is `SUCCESS`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        report_name = self.report_name

        status = self.status.value

        report_url: None | str | Unset
        if isinstance(self.report_url, Unset):
            report_url = UNSET
        else:
            report_url = self.report_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "report_name": report_name,
                "status": status,
            }
        )
        if report_url is not UNSET:
            field_dict["report_url"] = report_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        report_name = d.pop("report_name")

        status = ReportStatus(d.pop("status"))

        def _parse_report_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report_url = _parse_report_url(d.pop("report_url", UNSET))

        report_detail = cls(
            report_name=report_name,
            status=status,
            report_url=report_url,
        )

        report_detail.additional_properties = d
        return report_detail

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
