from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_id_by_system import ProductIdBySystem
    from ..models.product_image import ProductImage


T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """One catalogue product, identified by `id`.

    Organisation custom fields (datetime, date, text up to 256 characters, decimal) are
    sent as extra properties named after the field; a null value is skipped.

    """

    id: ProductIdBySystem | str
    """ Product id: a string, or a `ProductIdBySystem` object mapping system names to this product's id in each
    system (`default` is our own id). """
    title: str
    """ Product name. """
    link: str
    """ Absolute `http://` or `https://` URL. """
    availability: str
    """ `in stock`, `available for order` and `preorder` mark the product active; any other value (for example `out
    of stock`) marks it inactive. """
    image_link: str
    """ Absolute `http://` or `https://` URL. """
    price: str
    """ Price as a string: a number with a dot decimal separator, optionally followed by a space and an ISO 4217
    currency code. Ambiguity: the vendor describes `1490 TWD` but every example sends a bare number. Decision: both
    are accepted. """
    brand: str | Unset = UNSET
    """ Brand. """
    sale_price: str | Unset = UNSET
    """ Price as a string: a number with a dot decimal separator, optionally followed by a space and an ISO 4217
    currency code. Ambiguity: the vendor describes `1490 TWD` but every example sends a bare number. Decision: both
    are accepted. """
    sale_price_effective_date: str | Unset = UNSET
    """ Sale window `<start>/<end>`, both `ZonedDateTime` values. """
    product_type: str | Unset = UNSET
    """ Categories: several joined by `>`, each with up to three levels joined by `/`, for example
    `apparel/men/shirts>summer`. """
    item_group_id: str | Unset = UNSET
    """ Product group id. """
    additional_image_link: list[ProductImage] | Unset = UNSET
    """ Extra images with a label each. """
    customfield_ignore_empty_value: bool | Unset = True
    """ Ambiguity: the vendor gives the default as true but its wording does not make clear whether true lets empty
    values overwrite stored custom fields or prevents it. Decision: true (the default) means empty custom-field
    values are ignored and do not overwrite stored values; false lets empty values clear them. Clients send it
    explicitly. """
    additional_properties: dict[str, float | None | str] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.product_id_by_system import ProductIdBySystem

        id: dict[str, Any] | str
        if isinstance(self.id, ProductIdBySystem):
            id = self.id.to_dict()
        else:
            id = self.id

        title = self.title

        link = self.link

        availability = self.availability

        image_link = self.image_link

        price = self.price

        brand = self.brand

        sale_price = self.sale_price

        sale_price_effective_date = self.sale_price_effective_date

        product_type = self.product_type

        item_group_id = self.item_group_id

        additional_image_link: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.additional_image_link, Unset):
            additional_image_link = []
            for additional_image_link_item_data in self.additional_image_link:
                additional_image_link_item = additional_image_link_item_data.to_dict()
                additional_image_link.append(additional_image_link_item)

        customfield_ignore_empty_value = self.customfield_ignore_empty_value

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        field_dict.update(
            {
                "id": id,
                "title": title,
                "link": link,
                "availability": availability,
                "image_link": image_link,
                "price": price,
            }
        )
        if brand is not UNSET:
            field_dict["brand"] = brand
        if sale_price is not UNSET:
            field_dict["sale_price"] = sale_price
        if sale_price_effective_date is not UNSET:
            field_dict["sale_price_effective_date"] = sale_price_effective_date
        if product_type is not UNSET:
            field_dict["product_type"] = product_type
        if item_group_id is not UNSET:
            field_dict["item_group_id"] = item_group_id
        if additional_image_link is not UNSET:
            field_dict["additional_image_link"] = additional_image_link
        if customfield_ignore_empty_value is not UNSET:
            field_dict["customfield_ignore_empty_value"] = (
                customfield_ignore_empty_value
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.product_id_by_system import ProductIdBySystem
        from ..models.product_image import ProductImage

        d = dict(src_dict)

        def _parse_id(data: object) -> ProductIdBySystem | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_product_id_type_1 = ProductIdBySystem.from_dict(data)

                return componentsschemas_product_id_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ProductIdBySystem | str, data)

        id = _parse_id(d.pop("id"))

        title = d.pop("title")

        link = d.pop("link")

        availability = d.pop("availability")

        image_link = d.pop("image_link")

        price = d.pop("price")

        brand = d.pop("brand", UNSET)

        sale_price = d.pop("sale_price", UNSET)

        sale_price_effective_date = d.pop("sale_price_effective_date", UNSET)

        product_type = d.pop("product_type", UNSET)

        item_group_id = d.pop("item_group_id", UNSET)

        _additional_image_link = d.pop("additional_image_link", UNSET)
        additional_image_link: list[ProductImage] | Unset = UNSET
        if _additional_image_link is not UNSET:
            additional_image_link = []
            for additional_image_link_item_data in _additional_image_link:
                additional_image_link_item = ProductImage.from_dict(
                    additional_image_link_item_data
                )

                additional_image_link.append(additional_image_link_item)

        customfield_ignore_empty_value = d.pop("customfield_ignore_empty_value", UNSET)

        product = cls(
            id=id,
            title=title,
            link=link,
            availability=availability,
            image_link=image_link,
            price=price,
            brand=brand,
            sale_price=sale_price,
            sale_price_effective_date=sale_price_effective_date,
            product_type=product_type,
            item_group_id=item_group_id,
            additional_image_link=additional_image_link,
            customfield_ignore_empty_value=customfield_ignore_empty_value,
        )

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> float | None | str:
                if data is None:
                    return data
                return cast(float | None | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        product.additional_properties = additional_properties
        return product

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
