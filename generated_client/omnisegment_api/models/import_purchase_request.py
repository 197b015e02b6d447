from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identifier_field import IdentifierField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.purchase import Purchase


T = TypeVar("T", bound="ImportPurchaseRequest")


@_attrs_define
class ImportPurchaseRequest:
    """Body of `import_purchase`."""

    tid: str
    """ Organisation id issued by the vendor, shaped `OA-` followed by a short code. """
    api_key: str
    """ Organisation API key issued by the vendor (UUID-like). Secret: never log it. """
    data: Purchase
    """ One order, identified by `transaction_id`. The customer is identified by
    `member_sn` (or `source_id` + `source_system`), or by the field named in the
    request's `identifier_field`; none is needed for anonymous orders.

    Ambiguity: the vendor's field table lists only `member_sn` and `source_id` as
    identifiers, while its examples put `email`, `phone` and similar fields in the
    order when `identifier_field` is set. Decision: those fields are listed here.

    Ambiguity: a per-order `is_anonymous` flag was documented once and then removed.
    Decision: it is not part of the schema; use the request-level flag.

    Organisation custom fields (datetime, date, text up to 256 characters, decimal)
    are sent as extra properties named after the field.
     """
    is_anonymous: bool | Unset = False
    """ True when the order carries no customer identity. """
    identifier_field: IdentifierField | Unset = UNSET
    """ Field that finds the member when not using `member_sn` (the default, with `source_id` + `source_system` as
    the alternative). The named field must be present in every record. """
    debug_mode: int | str | Unset = UNSET
    """ `0` (default): the order is processed in the background and data errors are not returned. `1`: processed
    immediately and errors are returned. Ambiguity: documented both as a string and as an integer. Decision: both
    `0`/`1` and `"0"`/`"1"` are accepted; clients send the integer. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tid = self.tid

        api_key = self.api_key

        data = self.data.to_dict()

        is_anonymous = self.is_anonymous

        identifier_field: str | Unset = UNSET
        if not isinstance(self.identifier_field, Unset):
            identifier_field = self.identifier_field.value

        debug_mode: int | str | Unset
        if isinstance(self.debug_mode, Unset):
            debug_mode = UNSET
        else:
            debug_mode = self.debug_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tid": tid,
                "api_key": api_key,
                "data": data,
            }
        )
        if is_anonymous is not UNSET:
            field_dict["is_anonymous"] = is_anonymous
        if identifier_field is not UNSET:
            field_dict["identifier_field"] = identifier_field
        if debug_mode is not UNSET:
            field_dict["debug_mode"] = debug_mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.purchase import Purchase

        d = dict(src_dict)
        tid = d.pop("tid")

        api_key = d.pop("api_key")

        data = Purchase.from_dict(d.pop("data"))

        is_anonymous = d.pop("is_anonymous", UNSET)

        _identifier_field = d.pop("identifier_field", UNSET)
        identifier_field: IdentifierField | Unset
        if isinstance(_identifier_field, Unset):
            identifier_field = UNSET
        else:
            identifier_field = IdentifierField(_identifier_field)

        def _parse_debug_mode(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        debug_mode = _parse_debug_mode(d.pop("debug_mode", UNSET))

        import_purchase_request = cls(
            tid=tid,
            api_key=api_key,
            data=data,
            is_anonymous=is_anonymous,
            identifier_field=identifier_field,
            debug_mode=debug_mode,
        )

        import_purchase_request.additional_properties = d
        return import_purchase_request

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
