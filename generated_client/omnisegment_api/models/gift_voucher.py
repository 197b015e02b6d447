from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gift_voucher_custom_fields import GiftVoucherCustomFields


T = TypeVar("T", bound="GiftVoucher")


@_attrs_define
class GiftVoucher:
    """One gift voucher, identified by `voucher_id`. The member is identified by
    `member_sn` (which wins when `source_id` is also given), by `source_id` +
    `source_system`, or by the field named in the request's `identifier_field`.

    Ambiguity: the expiry field is spelled `valid_util` everywhere except one prose
    note. Decision: `valid_util`.

    Ambiguity: how the member is identified when `identifier_field` is set is only
    shown in the vendor's machine-readable summary (the named field inside each
    voucher). Decision: `email`, `phone`, `line_id` and `messenger_psid` are voucher
    properties.

    Ambiguity: `amount` is an integer in the vendor pages and a number in the summary.
    Decision: an integer.

    """

    voucher_id: str
    """ Unique voucher code. """
    voucher_type: str
    """ Voucher name or type, for example `birthday_gift`. """
    amount: int
    """ Value or number of points. """
    valid_from: str
    """ Voucher validity date: `YYYY-MM-DD`, optionally followed by a space or `T`, a time `HH:MM:SS` and an
    optional whole-hour offset `+HH`. Without an offset the value is read in the host's zone (Taiwan `+08`, Japan
    `+09`). Forms without a separator or with a `-` between date and time are rejected. Ambiguity: only `YYYY-MM-DD
    HH:MM:SS`, `YYYY-MM-DD HH:MM:SS+08` and `YYYY-MM-DDTHH:MM:SS+08` are listed with a time, and colon offsets are
    never mentioned. Decision: `T` without an offset is accepted too (same grammar), `+HH:MM` offsets and fractions
    are not; clients send `YYYY-MM-DD HH:MM:SS+HH`. """
    valid_util: str
    """ Voucher validity date: `YYYY-MM-DD`, optionally followed by a space or `T`, a time `HH:MM:SS` and an
    optional whole-hour offset `+HH`. Without an offset the value is read in the host's zone (Taiwan `+08`, Japan
    `+09`). Forms without a separator or with a `-` between date and time are rejected. Ambiguity: only `YYYY-MM-DD
    HH:MM:SS`, `YYYY-MM-DD HH:MM:SS+08` and `YYYY-MM-DDTHH:MM:SS+08` are listed with a time, and colon offsets are
    never mentioned. Decision: `T` without an offset is accepted too (same grammar), `+HH:MM` offsets and fractions
    are not; clients send `YYYY-MM-DD HH:MM:SS+HH`. """
    member_sn: str | Unset = UNSET
    """ Shop member number. """
    source_id: str | Unset = UNSET
    """ Id from another system, registered through audience mapping; needs `source_system`. """
    source_system: str | Unset = UNSET
    """ Name of the system that issued `source_id`, for example `CRM`. """
    email: str | Unset = UNSET
    """ Member e-mail, when `identifier_field` is `email`. """
    phone: str | Unset = UNSET
    """ Member phone, when `identifier_field` is `phone`. """
    line_id: str | Unset = UNSET
    """ Member LINE id, when `identifier_field` is `line_id`. """
    messenger_psid: str | Unset = UNSET
    """ Member Messenger id, when `identifier_field` is `messenger_psid`. """
    is_redeemed: bool | Unset = UNSET
    """ Whether the voucher has been used. """
    category: str | Unset = UNSET
    """ Free-text category, for example `giftvoucher` or `coupon`. """
    custom_fields: GiftVoucherCustomFields | Unset = UNSET
    """ Voucher custom fields keyed by field name (text up to 128 characters, number, date or datetime). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        voucher_id = self.voucher_id

        voucher_type = self.voucher_type

        amount = self.amount

        valid_from = self.valid_from

        valid_util = self.valid_util

        member_sn = self.member_sn

        source_id = self.source_id

        source_system = self.source_system

        email = self.email

        phone = self.phone

        line_id = self.line_id

        messenger_psid = self.messenger_psid

        is_redeemed = self.is_redeemed

        category = self.category

        custom_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_fields, Unset):
            custom_fields = self.custom_fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "voucher_id": voucher_id,
                "voucher_type": voucher_type,
                "amount": amount,
                "valid_from": valid_from,
                "valid_util": valid_util,
            }
        )
        if member_sn is not UNSET:
            field_dict["member_sn"] = member_sn
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if source_system is not UNSET:
            field_dict["source_system"] = source_system
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if line_id is not UNSET:
            field_dict["line_id"] = line_id
        if messenger_psid is not UNSET:
            field_dict["messenger_psid"] = messenger_psid
        if is_redeemed is not UNSET:
            field_dict["is_redeemed"] = is_redeemed
        if category is not UNSET:
            field_dict["category"] = category
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gift_voucher_custom_fields import GiftVoucherCustomFields

        d = dict(src_dict)
        voucher_id = d.pop("voucher_id")

        voucher_type = d.pop("voucher_type")

        amount = d.pop("amount")

        valid_from = d.pop("valid_from")

        valid_util = d.pop("valid_util")

        member_sn = d.pop("member_sn", UNSET)

        source_id = d.pop("source_id", UNSET)

        source_system = d.pop("source_system", UNSET)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        line_id = d.pop("line_id", UNSET)

        messenger_psid = d.pop("messenger_psid", UNSET)

        is_redeemed = d.pop("is_redeemed", UNSET)

        category = d.pop("category", UNSET)

        _custom_fields = d.pop("custom_fields", UNSET)
        custom_fields: GiftVoucherCustomFields | Unset
        if isinstance(_custom_fields, Unset):
            custom_fields = UNSET
        else:
            custom_fields = GiftVoucherCustomFields.from_dict(_custom_fields)

        gift_voucher = cls(
            voucher_id=voucher_id,
            voucher_type=voucher_type,
            amount=amount,
            valid_from=valid_from,
            valid_util=valid_util,
            member_sn=member_sn,
            source_id=source_id,
            source_system=source_system,
            email=email,
            phone=phone,
            line_id=line_id,
            messenger_psid=messenger_psid,
            is_redeemed=is_redeemed,
            category=category,
            custom_fields=custom_fields,
        )

        gift_voucher.additional_properties = d
        return gift_voucher

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
