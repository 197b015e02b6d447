from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.interactive_audiences_report import InteractiveAudiencesReport


T = TypeVar("T", bound="InteractiveAudiencesReportListResponse")


@_attrs_define
class InteractiveAudiencesReportListResponse:
    """Success envelope of `list_interactive_audiences_reports`."""

    success: bool
    """ True on success; a 200 with false is a failure. """
    payload: list[InteractiveAudiencesReport]
    """ Exports created within the last day. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        payload = []
        for payload_item_data in self.payload:
            payload_item = payload_item_data.to_dict()
            payload.append(payload_item)

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
        from ..models.interactive_audiences_report import InteractiveAudiencesReport

        d = dict(src_dict)
        success = d.pop("SUCCESS")

        payload = []
        _payload = d.pop("PAYLOAD")
        for payload_item_data in _payload:
            payload_item = InteractiveAudiencesReport.from_dict(payload_item_data)

            payload.append(payload_item)

        interactive_audiences_report_list_response = cls(
            success=success,
            payload=payload,
        )

        interactive_audiences_report_list_response.additional_properties = d
        return interactive_audiences_report_list_response

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
