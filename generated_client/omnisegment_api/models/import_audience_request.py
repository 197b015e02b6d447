from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.merge_key import MergeKey
from ..models.tag_mode import TagMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audience import Audience


T = TypeVar("T", bound="ImportAudienceRequest")


@_attrs_define
class ImportAudienceRequest:
    """Body of `import_audience`.

    Ambiguity: the default of `ignore_empty_value` is not stated by the vendor pages
    (the machine-readable summary says false). Decision: the default is false, and
    clients always send the flag explicitly.

    Ambiguity: the vendor marks `member_sn` or `source_id` as required although
    `merge_key` allows other identifiers. Decision: `Audience` has no required fields;
    the field named by `merge_key` must be present (see the operation's
    `x-omnisegment-identity`), which the server checks and answers with a 400.

    """

    tid: str
    """ Organisation id issued by the vendor, shaped `OA-` followed by a short code. """
    api_key: str
    """ Organisation API key issued by the vendor (UUID-like). Secret: never log it. """
    data: Audience
    """ One customer profile. No field is required by itself: the field named by the
    request's `merge_key` must be present. Most fields accept an empty string, null or
    `none` to leave or clear the stored value, depending on `ignore_empty_value`.

    Organisation custom fields (enabled per organisation by the vendor) are sent as
    extra properties named after the field: scalars (text up to 1025 characters,
    numbers, booleans, dates) as plain values, multi-field (json) custom fields as an
    array of objects.
     """
    ignore_empty_value: bool | Unset = False
    """ True: empty strings and nulls leave stored values untouched and the string `none` clears a value. False:
    empty strings, nulls and `none` all clear it. """
    merge_key: MergeKey | Unset = UNSET
    """ Field of the audience that identifies an existing profile. `source_id` also needs `source_system` and a
    prior audience mapping. """
    tag_mode: TagMode | Unset = UNSET
    """ `append` adds the given tags to the stored ones; `replace` makes them the complete set. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tid = self.tid

        api_key = self.api_key

        data = self.data.to_dict()

        ignore_empty_value = self.ignore_empty_value

        merge_key: str | Unset = UNSET
        if not isinstance(self.merge_key, Unset):
            merge_key = self.merge_key.value

        tag_mode: str | Unset = UNSET
        if not isinstance(self.tag_mode, Unset):
            tag_mode = self.tag_mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tid": tid,
                "api_key": api_key,
                "data": data,
            }
        )
        if ignore_empty_value is not UNSET:
            field_dict["ignore_empty_value"] = ignore_empty_value
        if merge_key is not UNSET:
            field_dict["merge_key"] = merge_key
        if tag_mode is not UNSET:
            field_dict["tag_mode"] = tag_mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audience import Audience

        d = dict(src_dict)
        tid = d.pop("tid")

        api_key = d.pop("api_key")

        data = Audience.from_dict(d.pop("data"))

        ignore_empty_value = d.pop("ignore_empty_value", UNSET)

        _merge_key = d.pop("merge_key", UNSET)
        merge_key: MergeKey | Unset
        if isinstance(_merge_key, Unset):
            merge_key = UNSET
        else:
            merge_key = MergeKey(_merge_key)

        _tag_mode = d.pop("tag_mode", UNSET)
        tag_mode: TagMode | Unset
        if isinstance(_tag_mode, Unset):
            tag_mode = UNSET
        else:
            tag_mode = TagMode(_tag_mode)

        import_audience_request = cls(
            tid=tid,
            api_key=api_key,
            data=data,
            ignore_empty_value=ignore_empty_value,
            merge_key=merge_key,
            tag_mode=tag_mode,
        )

        import_audience_request.additional_properties = d
        return import_audience_request

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
