from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.interpolation_map import InterpolationMap


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """Failure envelope. Only `SUCCESS` and `ERR_MSG` are always present. Gateway and rate-limit answers may not be JSON at
    all.

    """

    success: bool
    """ Always false on failure. """
    err_msg: str
    """ Human-readable message shaped `<error type>: <detail>`. """
    err_type_key: None | str | Unset = UNSET
    """ Error type, for example `Missing Input Error` or `Input Error`. """
    err_msg_key: None | str | Unset = UNSET
    """ Message key; null in every observed answer. """
    extra_info: Any | Unset = UNSET
    """ Extra information of any JSON type; null in every observed answer. """
    intp_key: InterpolationMap | Unset = UNSET
    """ Message interpolation data; an empty object in every observed answer. """
    intp_value: InterpolationMap | Unset = UNSET
    """ Message interpolation data; an empty object in every observed answer. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        err_msg = self.err_msg

        err_type_key: None | str | Unset
        if isinstance(self.err_type_key, Unset):
            err_type_key = UNSET
        else:
            err_type_key = self.err_type_key

        err_msg_key: None | str | Unset
        if isinstance(self.err_msg_key, Unset):
            err_msg_key = UNSET
        else:
            err_msg_key = self.err_msg_key

        extra_info = self.extra_info

        intp_key: dict[str, Any] | Unset = UNSET
        if not isinstance(self.intp_key, Unset):
            intp_key = self.intp_key.to_dict()

        intp_value: dict[str, Any] | Unset = UNSET
        if not isinstance(self.intp_value, Unset):
            intp_value = self.intp_value.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "SUCCESS": success,
                "ERR_MSG": err_msg,
            }
        )
        if err_type_key is not UNSET:
            field_dict["ERR_TYPE_KEY"] = err_type_key
        if err_msg_key is not UNSET:
            field_dict["ERR_MSG_KEY"] = err_msg_key
        if extra_info is not UNSET:
            field_dict["EXTRA_INFO"] = extra_info
        if intp_key is not UNSET:
            field_dict["INTP_KEY"] = intp_key
        if intp_value is not UNSET:
            field_dict["INTP_VALUE"] = intp_value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.interpolation_map import InterpolationMap

        d = dict(src_dict)
        success = d.pop("SUCCESS")

        err_msg = d.pop("ERR_MSG")

        def _parse_err_type_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        err_type_key = _parse_err_type_key(d.pop("ERR_TYPE_KEY", UNSET))

        def _parse_err_msg_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        err_msg_key = _parse_err_msg_key(d.pop("ERR_MSG_KEY", UNSET))

        extra_info = d.pop("EXTRA_INFO", UNSET)

        _intp_key = d.pop("INTP_KEY", UNSET)
        intp_key: InterpolationMap | Unset
        if isinstance(_intp_key, Unset):
            intp_key = UNSET
        else:
            intp_key = InterpolationMap.from_dict(_intp_key)

        _intp_value = d.pop("INTP_VALUE", UNSET)
        intp_value: InterpolationMap | Unset
        if isinstance(_intp_value, Unset):
            intp_value = UNSET
        else:
            intp_value = InterpolationMap.from_dict(_intp_value)

        error_envelope = cls(
            success=success,
            err_msg=err_msg,
            err_type_key=err_type_key,
            err_msg_key=err_msg_key,
            extra_info=extra_info,
            intp_key=intp_key,
            intp_value=intp_value,
        )

        error_envelope.additional_properties = d
        return error_envelope

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
