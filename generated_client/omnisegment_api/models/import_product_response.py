from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_product_result import ImportProductResult


T = TypeVar("T", bound="ImportProductResponse")


@_attrs_define
class ImportProductResponse:
    """Success envelope of `import_product`."""

    success: bool
    """ True on success; a 200 with false is a failure. """
    payload: ImportProductResult | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_product_result import ImportProductResult

        success = self.success

        payload: dict[str, Any] | None
        if isinstance(self.payload, ImportProductResult):
            payload = self.payload.to_dict()
        else:
            payload = self.payload

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
        from ..models.import_product_result import ImportProductResult

        d = dict(src_dict)
        success = d.pop("SUCCESS")

        def _parse_payload(data: object) -> ImportProductResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_type_0 = ImportProductResult.from_dict(data)

                return payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportProductResult | None, data)

        payload = _parse_payload(d.pop("PAYLOAD"))

        import_product_response = cls(
            success=success,
            payload=payload,
        )

        import_product_response.additional_properties = d
        return import_product_response

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
