from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.report_detail import ReportDetail


T = TypeVar("T", bound="ReportDetailResponse")


@_attrs_define
class ReportDetailResponse:
    """Success envelope of the report retrieval operations."""

    success: bool
    """ True on success; a 200 with false is a failure. """
    payload: ReportDetail
    """ One report's state. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "SUCCESS": success,
                "PAYLOAD": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.report_detail import ReportDetail

        d = dict(src_dict)
        success = d.pop("SUCCESS")

        payload = ReportDetail.from_dict(d.pop("PAYLOAD"))

        report_detail_response = cls(
            success=success,
            payload=payload,
        )

        report_detail_response.additional_properties = d
        return report_detail_response

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
