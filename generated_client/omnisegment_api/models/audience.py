from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sex import Sex
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.channel_subscription import ChannelSubscription
    from ..models.custom_field_item import CustomFieldItem
    from ..models.fcm_token import FcmToken


T = TypeVar("T", bound="Audience")


@_attrs_define
class Audience:
    """One customer profile. No field is required by itself: the field named by the
    request's `merge_key` must be present. Most fields accept an empty string, null or
    `none` to leave or clear the stored value, depending on `ignore_empty_value`.

    Organisation custom fields (enabled per organisation by the vendor) are sent as
    extra properties named after the field: scalars (text up to 1025 characters,
    numbers, booleans, dates) as plain values, multi-field (json) custom fields as an
    array of objects.

    """

    member_sn: str | Unset = UNSET
    """ Shop member number. """
    source_id: str | Unset = UNSET
    """ Id from another system, registered earlier through audience mapping; needs `source_system`. """
    source_system: str | Unset = UNSET
    """ Name of the system that issued `source_id`. """
    name: None | str | Unset = UNSET
    """ Full name; when absent, first and last name are combined. """
    first_name: None | str | Unset = UNSET
    """ Given name. """
    last_name: None | str | Unset = UNSET
    """ Family name. """
    email: None | str | Unset = UNSET
    """ E-mail address. """
    phone: None | str | Unset = UNSET
    """ Phone number, preferably E.164 (for example `+886912000345`). """
    member_level: None | str | Unset = UNSET
    """ Membership level. """
    sex: None | Sex | str | Unset = UNSET
    """ `male` or `female`. """
    birthday: None | str | Unset = UNSET
    """ Birthday, `YYYY-MM-DD`. """
    register_date: None | str | Unset = UNSET
    """ Registration time. """
    register_type: None | str | Unset = UNSET
    """ Registration channel, free text (for example `line`). """
    facebook_id: None | str | Unset = UNSET
    """ Facebook id. """
    google_id: None | str | Unset = UNSET
    """ Google id. """
    line_id: None | str | Unset = UNSET
    """ LINE user id. """
    messenger_psid: None | str | Unset = UNSET
    """ Messenger page-scoped id. """
    fcm_token: None | str | Unset = UNSET
    """ A single push token; use `fcm_tokens` for several. """
    fcm_tokens: list[FcmToken] | Unset = UNSET
    """ Push tokens. Ambiguity: labelled an object by the vendor but always shown as a list. Decision: an array. """
    is_subscriber: bool | None | Unset = UNSET
    """ E-mail opt-in. """
    is_subscriber_sms: bool | None | Unset = UNSET
    """ SMS opt-in. """
    is_subscriber_line: bool | None | Unset = UNSET
    """ LINE opt-in. """
    is_subscriber_pn: bool | None | Unset = UNSET
    """ Push-notification opt-in. """
    is_active: bool | None | Unset = UNSET
    """ Account enabled. """
    is_headless_account: bool | None | Unset = UNSET
    """ Profile without a shop member number that may later be merged into a full profile. """
    crm_pk: None | str | Unset = UNSET
    """ Primary key in the organisation's CRM. """
    tags: None | str | Unset = UNSET
    """ Comma-separated tags; combined with stored tags according to `tag_mode`. """
    iso_code: None | str | Unset = UNSET
    """ Country code, for example `TW`. """
    sites: None | str | Unset = UNSET
    """ Website the member belongs to (multi-site organisations). """
    city: None | str | Unset = UNSET
    """ City. """
    country: None | str | Unset = UNSET
    """ Country. """
    province: None | str | Unset = UNSET
    """ State or province. """
    zip_code: None | str | Unset = UNSET
    """ Postal code. """
    address: None | str | Unset = UNSET
    """ Street address. """
    email_channels: list[ChannelSubscription] | Unset = UNSET
    """ Per-channel e-mail subscriptions; ignored when the organisation has no channels. """
    line_channels: list[ChannelSubscription] | Unset = UNSET
    """ Per-channel LINE subscriptions; ignored when the organisation has no channels. """
    membership_renewal_diff: None | str | Unset = UNSET
    """ Amount still needed to renew the membership. """
    membership_upgrade_diff: None | str | Unset = UNSET
    """ Amount still needed to reach the next level. """
    membership_upgrade_oneday_diff: None | str | Unset = UNSET
    """ Amount still needed to upgrade within one day. """
    membership_expire_at: None | str | Unset = UNSET
    """ Expiry of the membership level. """
    point_balance: None | str | Unset = UNSET
    """ Points balance (set balances here, not through vouchers). """
    credit_balance: None | str | Unset = UNSET
    """ Store-credit balance. """
    additional_properties: dict[
        str, bool | float | list[CustomFieldItem] | None | str
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        member_sn = self.member_sn

        source_id = self.source_id

        source_system = self.source_system

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        member_level: None | str | Unset
        if isinstance(self.member_level, Unset):
            member_level = UNSET
        else:
            member_level = self.member_level

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        birthday: None | str | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        else:
            birthday = self.birthday

        register_date: None | str | Unset
        if isinstance(self.register_date, Unset):
            register_date = UNSET
        else:
            register_date = self.register_date

        register_type: None | str | Unset
        if isinstance(self.register_type, Unset):
            register_type = UNSET
        else:
            register_type = self.register_type

        facebook_id: None | str | Unset
        if isinstance(self.facebook_id, Unset):
            facebook_id = UNSET
        else:
            facebook_id = self.facebook_id

        google_id: None | str | Unset
        if isinstance(self.google_id, Unset):
            google_id = UNSET
        else:
            google_id = self.google_id

        line_id: None | str | Unset
        if isinstance(self.line_id, Unset):
            line_id = UNSET
        else:
            line_id = self.line_id

        messenger_psid: None | str | Unset
        if isinstance(self.messenger_psid, Unset):
            messenger_psid = UNSET
        else:
            messenger_psid = self.messenger_psid

        fcm_token: None | str | Unset
        if isinstance(self.fcm_token, Unset):
            fcm_token = UNSET
        else:
            fcm_token = self.fcm_token

        fcm_tokens: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fcm_tokens, Unset):
            fcm_tokens = []
            for fcm_tokens_item_data in self.fcm_tokens:
                fcm_tokens_item = fcm_tokens_item_data.to_dict()
                fcm_tokens.append(fcm_tokens_item)

        is_subscriber: bool | None | Unset
        if isinstance(self.is_subscriber, Unset):
            is_subscriber = UNSET
        else:
            is_subscriber = self.is_subscriber

        is_subscriber_sms: bool | None | Unset
        if isinstance(self.is_subscriber_sms, Unset):
            is_subscriber_sms = UNSET
        else:
            is_subscriber_sms = self.is_subscriber_sms

        is_subscriber_line: bool | None | Unset
        if isinstance(self.is_subscriber_line, Unset):
            is_subscriber_line = UNSET
        else:
            is_subscriber_line = self.is_subscriber_line

        is_subscriber_pn: bool | None | Unset
        if isinstance(self.is_subscriber_pn, Unset):
            is_subscriber_pn = UNSET
        else:
            is_subscriber_pn = self.is_subscriber_pn

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        is_headless_account: bool | None | Unset
        if isinstance(self.is_headless_account, Unset):
            is_headless_account = UNSET
        else:
            is_headless_account = self.is_headless_account

        crm_pk: None | str | Unset
        if isinstance(self.crm_pk, Unset):
            crm_pk = UNSET
        else:
            crm_pk = self.crm_pk

        tags: None | str | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        else:
            tags = self.tags

        iso_code: None | str | Unset
        if isinstance(self.iso_code, Unset):
            iso_code = UNSET
        else:
            iso_code = self.iso_code

        sites: None | str | Unset
        if isinstance(self.sites, Unset):
            sites = UNSET
        else:
            sites = self.sites

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        province: None | str | Unset
        if isinstance(self.province, Unset):
            province = UNSET
        else:
            province = self.province

        zip_code: None | str | Unset
        if isinstance(self.zip_code, Unset):
            zip_code = UNSET
        else:
            zip_code = self.zip_code

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        email_channels: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.email_channels, Unset):
            email_channels = []
            for email_channels_item_data in self.email_channels:
                email_channels_item = email_channels_item_data.to_dict()
                email_channels.append(email_channels_item)

        line_channels: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.line_channels, Unset):
            line_channels = []
            for line_channels_item_data in self.line_channels:
                line_channels_item = line_channels_item_data.to_dict()
                line_channels.append(line_channels_item)

        membership_renewal_diff: None | str | Unset
        if isinstance(self.membership_renewal_diff, Unset):
            membership_renewal_diff = UNSET
        else:
            membership_renewal_diff = self.membership_renewal_diff

        membership_upgrade_diff: None | str | Unset
        if isinstance(self.membership_upgrade_diff, Unset):
            membership_upgrade_diff = UNSET
        else:
            membership_upgrade_diff = self.membership_upgrade_diff

        membership_upgrade_oneday_diff: None | str | Unset
        if isinstance(self.membership_upgrade_oneday_diff, Unset):
            membership_upgrade_oneday_diff = UNSET
        else:
            membership_upgrade_oneday_diff = self.membership_upgrade_oneday_diff

        membership_expire_at: None | str | Unset
        if isinstance(self.membership_expire_at, Unset):
            membership_expire_at = UNSET
        else:
            membership_expire_at = self.membership_expire_at

        point_balance: None | str | Unset
        if isinstance(self.point_balance, Unset):
            point_balance = UNSET
        else:
            point_balance = self.point_balance

        credit_balance: None | str | Unset
        if isinstance(self.credit_balance, Unset):
            credit_balance = UNSET
        else:
            credit_balance = self.credit_balance

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = []
                for (
                    componentsschemas_audience_custom_field_value_type_4_item_data
                ) in prop:
                    componentsschemas_audience_custom_field_value_type_4_item = componentsschemas_audience_custom_field_value_type_4_item_data.to_dict()
                    field_dict[prop_name].append(
                        componentsschemas_audience_custom_field_value_type_4_item
                    )

            else:
                field_dict[prop_name] = prop

        field_dict.update({})
        if member_sn is not UNSET:
            field_dict["member_sn"] = member_sn
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if source_system is not UNSET:
            field_dict["source_system"] = source_system
        if name is not UNSET:
            field_dict["name"] = name
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if member_level is not UNSET:
            field_dict["member_level"] = member_level
        if sex is not UNSET:
            field_dict["sex"] = sex
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if register_date is not UNSET:
            field_dict["register_date"] = register_date
        if register_type is not UNSET:
            field_dict["register_type"] = register_type
        if facebook_id is not UNSET:
            field_dict["facebook_id"] = facebook_id
        if google_id is not UNSET:
            field_dict["google_id"] = google_id
        if line_id is not UNSET:
            field_dict["line_id"] = line_id
        if messenger_psid is not UNSET:
            field_dict["messenger_psid"] = messenger_psid
        if fcm_token is not UNSET:
            field_dict["fcm_token"] = fcm_token
        if fcm_tokens is not UNSET:
            field_dict["fcm_tokens"] = fcm_tokens
        if is_subscriber is not UNSET:
            field_dict["is_subscriber"] = is_subscriber
        if is_subscriber_sms is not UNSET:
            field_dict["is_subscriber_sms"] = is_subscriber_sms
        if is_subscriber_line is not UNSET:
            field_dict["is_subscriber_line"] = is_subscriber_line
        if is_subscriber_pn is not UNSET:
            field_dict["is_subscriber_pn"] = is_subscriber_pn
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if is_headless_account is not UNSET:
            field_dict["is_headless_account"] = is_headless_account
        if crm_pk is not UNSET:
            field_dict["crm_pk"] = crm_pk
        if tags is not UNSET:
            field_dict["tags"] = tags
        if iso_code is not UNSET:
            field_dict["iso_code"] = iso_code
        if sites is not UNSET:
            field_dict["sites"] = sites
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if province is not UNSET:
            field_dict["province"] = province
        if zip_code is not UNSET:
            field_dict["zip_code"] = zip_code
        if address is not UNSET:
            field_dict["address"] = address
        if email_channels is not UNSET:
            field_dict["email_channels"] = email_channels
        if line_channels is not UNSET:
            field_dict["line_channels"] = line_channels
        if membership_renewal_diff is not UNSET:
            field_dict["membership_renewal_diff"] = membership_renewal_diff
        if membership_upgrade_diff is not UNSET:
            field_dict["membership_upgrade_diff"] = membership_upgrade_diff
        if membership_upgrade_oneday_diff is not UNSET:
            field_dict["membership_upgrade_oneday_diff"] = (
                membership_upgrade_oneday_diff
            )
        if membership_expire_at is not UNSET:
            field_dict["membership_expire_at"] = membership_expire_at
        if point_balance is not UNSET:
            field_dict["point_balance"] = point_balance
        if credit_balance is not UNSET:
            field_dict["credit_balance"] = credit_balance

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.channel_subscription import ChannelSubscription
        from ..models.custom_field_item import CustomFieldItem
        from ..models.fcm_token import FcmToken

        d = dict(src_dict)
        member_sn = d.pop("member_sn", UNSET)

        source_id = d.pop("source_id", UNSET)

        source_system = d.pop("source_system", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_member_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        member_level = _parse_member_level(d.pop("member_level", UNSET))

        def _parse_sex(data: object) -> None | Sex | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | str | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_birthday(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birthday = _parse_birthday(d.pop("birthday", UNSET))

        def _parse_register_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        register_date = _parse_register_date(d.pop("register_date", UNSET))

        def _parse_register_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        register_type = _parse_register_type(d.pop("register_type", UNSET))

        def _parse_facebook_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        facebook_id = _parse_facebook_id(d.pop("facebook_id", UNSET))

        def _parse_google_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        google_id = _parse_google_id(d.pop("google_id", UNSET))

        def _parse_line_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line_id = _parse_line_id(d.pop("line_id", UNSET))

        def _parse_messenger_psid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        messenger_psid = _parse_messenger_psid(d.pop("messenger_psid", UNSET))

        def _parse_fcm_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fcm_token = _parse_fcm_token(d.pop("fcm_token", UNSET))

        _fcm_tokens = d.pop("fcm_tokens", UNSET)
        fcm_tokens: list[FcmToken] | Unset = UNSET
        if _fcm_tokens is not UNSET:
            fcm_tokens = []
            for fcm_tokens_item_data in _fcm_tokens:
                fcm_tokens_item = FcmToken.from_dict(fcm_tokens_item_data)

                fcm_tokens.append(fcm_tokens_item)

        def _parse_is_subscriber(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_subscriber = _parse_is_subscriber(d.pop("is_subscriber", UNSET))

        def _parse_is_subscriber_sms(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_subscriber_sms = _parse_is_subscriber_sms(d.pop("is_subscriber_sms", UNSET))

        def _parse_is_subscriber_line(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_subscriber_line = _parse_is_subscriber_line(
            d.pop("is_subscriber_line", UNSET)
        )

        def _parse_is_subscriber_pn(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_subscriber_pn = _parse_is_subscriber_pn(d.pop("is_subscriber_pn", UNSET))

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        def _parse_is_headless_account(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_headless_account = _parse_is_headless_account(
            d.pop("is_headless_account", UNSET)
        )

        def _parse_crm_pk(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        crm_pk = _parse_crm_pk(d.pop("crm_pk", UNSET))

        def _parse_tags(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_iso_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iso_code = _parse_iso_code(d.pop("iso_code", UNSET))

        def _parse_sites(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sites = _parse_sites(d.pop("sites", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_province(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        province = _parse_province(d.pop("province", UNSET))

        def _parse_zip_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zip_code = _parse_zip_code(d.pop("zip_code", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        _email_channels = d.pop("email_channels", UNSET)
        email_channels: list[ChannelSubscription] | Unset = UNSET
        if _email_channels is not UNSET:
            email_channels = []
            for email_channels_item_data in _email_channels:
                email_channels_item = ChannelSubscription.from_dict(
                    email_channels_item_data
                )

                email_channels.append(email_channels_item)

        _line_channels = d.pop("line_channels", UNSET)
        line_channels: list[ChannelSubscription] | Unset = UNSET
        if _line_channels is not UNSET:
            line_channels = []
            for line_channels_item_data in _line_channels:
                line_channels_item = ChannelSubscription.from_dict(
                    line_channels_item_data
                )

                line_channels.append(line_channels_item)

        def _parse_membership_renewal_diff(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        membership_renewal_diff = _parse_membership_renewal_diff(
            d.pop("membership_renewal_diff", UNSET)
        )

        def _parse_membership_upgrade_diff(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        membership_upgrade_diff = _parse_membership_upgrade_diff(
            d.pop("membership_upgrade_diff", UNSET)
        )

        def _parse_membership_upgrade_oneday_diff(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        membership_upgrade_oneday_diff = _parse_membership_upgrade_oneday_diff(
            d.pop("membership_upgrade_oneday_diff", UNSET)
        )

        def _parse_membership_expire_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        membership_expire_at = _parse_membership_expire_at(
            d.pop("membership_expire_at", UNSET)
        )

        def _parse_point_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        point_balance = _parse_point_balance(d.pop("point_balance", UNSET))

        def _parse_credit_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_balance = _parse_credit_balance(d.pop("credit_balance", UNSET))

        audience = cls(
            member_sn=member_sn,
            source_id=source_id,
            source_system=source_system,
            name=name,
            first_name=first_name,
            last_name=last_name,
            email=email,
            phone=phone,
            member_level=member_level,
            sex=sex,
            birthday=birthday,
            register_date=register_date,
            register_type=register_type,
            facebook_id=facebook_id,
            google_id=google_id,
            line_id=line_id,
            messenger_psid=messenger_psid,
            fcm_token=fcm_token,
            fcm_tokens=fcm_tokens,
            is_subscriber=is_subscriber,
            is_subscriber_sms=is_subscriber_sms,
            is_subscriber_line=is_subscriber_line,
            is_subscriber_pn=is_subscriber_pn,
            is_active=is_active,
            is_headless_account=is_headless_account,
            crm_pk=crm_pk,
            tags=tags,
            iso_code=iso_code,
            sites=sites,
            city=city,
            country=country,
            province=province,
            zip_code=zip_code,
            address=address,
            email_channels=email_channels,
            line_channels=line_channels,
            membership_renewal_diff=membership_renewal_diff,
            membership_upgrade_diff=membership_upgrade_diff,
            membership_upgrade_oneday_diff=membership_upgrade_oneday_diff,
            membership_expire_at=membership_expire_at,
            point_balance=point_balance,
            credit_balance=credit_balance,
        )

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> bool | float | list[CustomFieldItem] | None | str:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    componentsschemas_audience_custom_field_value_type_4 = []
                    _componentsschemas_audience_custom_field_value_type_4 = data
                    for (
                        componentsschemas_audience_custom_field_value_type_4_item_data
                    ) in _componentsschemas_audience_custom_field_value_type_4:
                        componentsschemas_audience_custom_field_value_type_4_item = CustomFieldItem.from_dict(
                            componentsschemas_audience_custom_field_value_type_4_item_data
                        )

                        componentsschemas_audience_custom_field_value_type_4.append(
                            componentsschemas_audience_custom_field_value_type_4_item
                        )

                    return componentsschemas_audience_custom_field_value_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(bool | float | list[CustomFieldItem] | None | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        audience.additional_properties = additional_properties
        return audience

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> bool | float | list[CustomFieldItem] | None | str:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: bool | float | list[CustomFieldItem] | None | str
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
