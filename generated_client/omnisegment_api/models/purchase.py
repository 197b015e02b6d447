from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.purchase_device import PurchaseDevice
from ..models.transaction_status import TransactionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_ids_by_system import ProductIdsBySystem
    from ..models.purchase_voucher import PurchaseVoucher
    from ..models.shipping_address import ShippingAddress


T = TypeVar("T", bound="Purchase")


@_attrs_define
class Purchase:
    """One order, identified by `transaction_id`. The customer is identified by
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

    datetime_: str
    """ ISO 8601 date and time with a mandatory offset: `YYYY-MM-DDTHH:MM:SS[.ffffff]` followed by `Z`, `+HH:MM` or
    `+HHMM` (the vendor's own purchase example uses `+0800`). Clients send `+HH:MM`. """
    transaction_id: str
    """ Order number; sending it again updates the order. """
    transaction_revenue: float
    """ Order total. """
    member_sn: str | Unset = UNSET
    """ Shop member number. """
    source_id: str | Unset = UNSET
    """ Id from another system, registered through audience mapping; needs `source_system`. """
    source_system: str | Unset = UNSET
    """ Name of the system that issued `source_id`. """
    email: str | Unset = UNSET
    """ Customer e-mail, when `identifier_field` is `email`. """
    phone: str | Unset = UNSET
    """ Customer phone, when `identifier_field` is `phone`. """
    line_id: str | Unset = UNSET
    """ Customer LINE id, when `identifier_field` is `line_id`. """
    messenger_psid: str | Unset = UNSET
    """ Customer Messenger id, when `identifier_field` is `messenger_psid`. """
    transaction_status: TransactionStatus | Unset = UNSET
    """ Order status (default `SUCCESS`). Re-send an order with a new status to cancel or refund it. """
    quantities: int | Unset = UNSET
    """ Total number of items in the order. """
    products: ProductIdsBySystem | str | Unset = UNSET
    """ Product ids of an order. Either a string of our own product ids joined by commas,
    or a `ProductIdsBySystem` object mapping system names to comma-separated id lists
    (`default` holds our own ids; the ids of every other system are recorded as
    aliases of the product at the same position, or used to look products up when
    `default` is absent).
     """
    products_name: str | Unset = UNSET
    """ Comma-separated product names in the order of `products`; only used to create products that do not exist
    yet. """
    products_quantity: str | Unset = UNSET
    """ Non-negative integers joined by commas, for example `2,1`. """
    physical_store_name: str | Unset = UNSET
    """ Name of the physical store. """
    shipping_address: ShippingAddress | Unset = UNSET
    """ Shipping address of an order. """
    voucher: list[PurchaseVoucher] | Unset = UNSET
    """ Vouchers used on the order. """
    coupon: str | Unset = UNSET
    """ Promotion name. """
    source: str | Unset = UNSET
    """ Traffic source, for example `Facebook`. """
    device: PurchaseDevice | Unset = UNSET
    """ Device the order was placed on. """
    user_agent: str | Unset = UNSET
    """ Browser user agent. """
    additional_properties: dict[str, float | None | str] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.product_ids_by_system import ProductIdsBySystem

        datetime_ = self.datetime_

        transaction_id = self.transaction_id

        transaction_revenue = self.transaction_revenue

        member_sn = self.member_sn

        source_id = self.source_id

        source_system = self.source_system

        email = self.email

        phone = self.phone

        line_id = self.line_id

        messenger_psid = self.messenger_psid

        transaction_status: str | Unset = UNSET
        if not isinstance(self.transaction_status, Unset):
            transaction_status = self.transaction_status.value

        quantities = self.quantities

        products: dict[str, Any] | str | Unset
        if isinstance(self.products, Unset):
            products = UNSET
        elif isinstance(self.products, ProductIdsBySystem):
            products = self.products.to_dict()
        else:
            products = self.products

        products_name = self.products_name

        products_quantity = self.products_quantity

        physical_store_name = self.physical_store_name

        shipping_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shipping_address, Unset):
            shipping_address = self.shipping_address.to_dict()

        voucher: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.voucher, Unset):
            voucher = []
            for voucher_item_data in self.voucher:
                voucher_item = voucher_item_data.to_dict()
                voucher.append(voucher_item)

        coupon = self.coupon

        source = self.source

        device: str | Unset = UNSET
        if not isinstance(self.device, Unset):
            device = self.device.value

        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        field_dict.update(
            {
                "datetime": datetime_,
                "transaction_id": transaction_id,
                "transaction_revenue": transaction_revenue,
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
        if transaction_status is not UNSET:
            field_dict["transaction_status"] = transaction_status
        if quantities is not UNSET:
            field_dict["quantities"] = quantities
        if products is not UNSET:
            field_dict["products"] = products
        if products_name is not UNSET:
            field_dict["products_name"] = products_name
        if products_quantity is not UNSET:
            field_dict["products_quantity"] = products_quantity
        if physical_store_name is not UNSET:
            field_dict["physical_store_name"] = physical_store_name
        if shipping_address is not UNSET:
            field_dict["shipping_address"] = shipping_address
        if voucher is not UNSET:
            field_dict["voucher"] = voucher
        if coupon is not UNSET:
            field_dict["coupon"] = coupon
        if source is not UNSET:
            field_dict["source"] = source
        if device is not UNSET:
            field_dict["device"] = device
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.product_ids_by_system import ProductIdsBySystem
        from ..models.purchase_voucher import PurchaseVoucher
        from ..models.shipping_address import ShippingAddress

        d = dict(src_dict)
        datetime_ = d.pop("datetime")

        transaction_id = d.pop("transaction_id")

        transaction_revenue = d.pop("transaction_revenue")

        member_sn = d.pop("member_sn", UNSET)

        source_id = d.pop("source_id", UNSET)

        source_system = d.pop("source_system", UNSET)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        line_id = d.pop("line_id", UNSET)

        messenger_psid = d.pop("messenger_psid", UNSET)

        _transaction_status = d.pop("transaction_status", UNSET)
        transaction_status: TransactionStatus | Unset
        if isinstance(_transaction_status, Unset):
            transaction_status = UNSET
        else:
            transaction_status = TransactionStatus(_transaction_status)

        quantities = d.pop("quantities", UNSET)

        def _parse_products(data: object) -> ProductIdsBySystem | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_product_ids_type_1 = ProductIdsBySystem.from_dict(
                    data
                )

                return componentsschemas_product_ids_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ProductIdsBySystem | str | Unset, data)

        products = _parse_products(d.pop("products", UNSET))

        products_name = d.pop("products_name", UNSET)

        products_quantity = d.pop("products_quantity", UNSET)

        physical_store_name = d.pop("physical_store_name", UNSET)

        _shipping_address = d.pop("shipping_address", UNSET)
        shipping_address: ShippingAddress | Unset
        if isinstance(_shipping_address, Unset):
            shipping_address = UNSET
        else:
            shipping_address = ShippingAddress.from_dict(_shipping_address)

        _voucher = d.pop("voucher", UNSET)
        voucher: list[PurchaseVoucher] | Unset = UNSET
        if _voucher is not UNSET:
            voucher = []
            for voucher_item_data in _voucher:
                voucher_item = PurchaseVoucher.from_dict(voucher_item_data)

                voucher.append(voucher_item)

        coupon = d.pop("coupon", UNSET)

        source = d.pop("source", UNSET)

        _device = d.pop("device", UNSET)
        device: PurchaseDevice | Unset
        if isinstance(_device, Unset):
            device = UNSET
        else:
            device = PurchaseDevice(_device)

        user_agent = d.pop("user_agent", UNSET)

        purchase = cls(
            datetime_=datetime_,
            transaction_id=transaction_id,
            transaction_revenue=transaction_revenue,
            member_sn=member_sn,
            source_id=source_id,
            source_system=source_system,
            email=email,
            phone=phone,
            line_id=line_id,
            messenger_psid=messenger_psid,
            transaction_status=transaction_status,
            quantities=quantities,
            products=products,
            products_name=products_name,
            products_quantity=products_quantity,
            physical_store_name=physical_store_name,
            shipping_address=shipping_address,
            voucher=voucher,
            coupon=coupon,
            source=source,
            device=device,
            user_agent=user_agent,
        )

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> float | None | str:
                if data is None:
                    return data
                return cast(float | None | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        purchase.additional_properties = additional_properties
        return purchase

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> float | None | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: float | None | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
