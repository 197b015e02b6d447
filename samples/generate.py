#!/usr/bin/env python3
"""Generate the sample import files in this folder (deterministic: fixed seed).

    python samples/generate.py            # rewrite the committed sample files
    python samples/generate.py --audiences 1000000 --out /tmp/big.csv   # a big audience CSV

The files are realistic-looking but invented: names, addresses and ids are random picks
from small lists. A few rows in each file are deliberately invalid (listed in
``INVALID_*`` below) so that the rejects file has something to show.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20250302
TW = timezone(timedelta(hours=8))

_FIRST = """Mei-Ling Yu-Ting Chia-Hao Wei-Jie Hsin-Yi Kuan-Lin Pei-Shan Chih-Wei Ya-Wen
Jun-Hong Shu-Fen Tzu-Yu Ming-Hsuan Hui-Chun Yi-Chen Po-Han Hiroshi Yuki Haruto Sakura Aoi Ren
Emma Liam Olivia Noah Ava Lucas Mia Ethan Chloe Daniel Grace Kevin Amy Jason Vivian"""
_LAST = """Chen Lin Huang Chang Lee Wang Wu Liu Tsai Yang Hsu Cheng Hsieh Kuo Hung Tseng Chiu
Sato Suzuki Takahashi Tanaka Watanabe Smith Brown Wilson Taylor Clark"""
FIRST = tuple(_FIRST.split())
LAST = tuple(_LAST.split())
CITIES = (
    ("Taipei", "100"),
    ("New Taipei", "220"),
    ("Taoyuan", "330"),
    ("Taichung", "403"),
    ("Tainan", "700"),
    ("Kaohsiung", "802"),
    ("Hsinchu", "300"),
    ("Keelung", "200"),
    ("Chiayi", "600"),
    ("Yilan", "260"),
)
LEVELS = ("bronze", "silver", "gold", "platinum")
TAGS = ("vip", "newsletter", "spring_campaign", "app_user", "line_friend", "outlet", "repeat")
CHANNELS = ("web", "line", "app", "store")
STORES = ("Taipei Flagship", "Taichung Outlet", "Kaohsiung Flagship", "Tainan Store")
DOMAINS = ("example.org", "example.com", "example.net")
PRODUCTS = (
    ("SKU-48213", "Linen Summer Shirt", 1490),
    ("SKU-50077", "Canvas Tote", 600),
    ("SKU-60110", "Merino Scarf", 980),
    ("SKU-61002", "Denim Jacket", 2680),
    ("SKU-70345", "Leather Belt", 850),
    ("SKU-71200", "Cotton Socks (3 pairs)", 299),
    ("SKU-80012", "Rain Shell", 3290),
    ("SKU-80555", "Wool Beanie", 450),
)

AUDIENCE_COLUMNS = (
    "member_sn",
    "first_name",
    "last_name",
    "email",
    "phone",
    "sex",
    "birthday",
    "register_date",
    "register_type",
    "member_level",
    "tags",
    "is_subscriber",
    "is_subscriber_sms",
    "is_subscriber_line",
    "line_id",
    "city",
    "country",
    "iso_code",
    "zip_code",
    "point_balance",
    "credit_balance",
    "fcm_tokens",
    "favourite_store",
)

#: Deliberately invalid sample rows: data row index (0-based) -> what is wrong.
INVALID_AUDIENCES: dict[int, str] = {
    137: "missing_member_sn",
    642: "bad_boolean",
    1205: "bad_sex",
    1788: "bad_birthday",
    2311: "bad_decimal",
    2790: "extra_field",
}
INVALID_PURCHASES: dict[int, str] = {
    88: "bad_revenue",
    401: "missing_transaction_id",
    777: "bad_status",
    1030: "bad_datetime",
    1402: "missing_member",
}
INVALID_VOUCHERS: dict[int, str] = {
    120: "bad_amount",
    455: "missing_valid_util",
    699: "broken_json",
}
INVALID_PRODUCTS: dict[int, str] = {
    17: "bad_link",
    41: "missing_price",
}


def member_sn(i: int) -> str:
    return f"M-{100000 + i}"


def audience_row(rng: random.Random, i: int, fault: str | None = None) -> list[str]:
    """One audience CSV row (strings; empty = absent)."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    city, zip_code = rng.choice(CITIES)
    born = datetime(1960, 1, 1) + timedelta(days=rng.randrange(0, 16000))
    registered = datetime(2019, 1, 1, tzinfo=TW) + timedelta(seconds=rng.randrange(0, 190_000_000))
    handle = f"{first}.{last}".lower().replace("-", "")
    tags = ",".join(sorted(rng.sample(TAGS, rng.randrange(0, 3))))
    has_line = rng.random() < 0.4
    has_app = rng.random() < 0.15
    tokens = ""
    if has_app:
        tokens = json.dumps(
            [
                {
                    "token": f"fcm-{i:06d}-{rng.randrange(16**6):06x}",
                    "type": rng.choice(("ios", "android")),
                }
            ],
            separators=(",", ":"),
        )
    row = [
        member_sn(i),
        first,
        last,
        f"{handle}{i}@{rng.choice(DOMAINS)}",
        f"+8869{rng.randrange(10**8):08d}",
        rng.choice(("male", "female", "")),
        born.strftime("%Y-%m-%d") if rng.random() < 0.8 else "",
        registered.isoformat(),
        rng.choice(CHANNELS),
        rng.choice(LEVELS),
        tags,
        rng.choice(("true", "false")),
        rng.choice(("true", "false", "")),
        "true" if has_line else "",
        f"U{rng.randrange(16**32):032x}" if has_line else "",
        city,
        "Taiwan",
        "TW",
        zip_code,
        f"{rng.randrange(0, 5000)}.{rng.randrange(0, 100):02d}",
        str(rng.randrange(0, 3) * 100),
        tokens,
        rng.choice(STORES) if rng.random() < 0.3 else "",
    ]
    if fault == "missing_member_sn":
        row[0] = ""
    elif fault == "bad_boolean":
        row[11] = "maybe"
    elif fault == "bad_sex":
        row[5] = "unknown"
    elif fault == "bad_birthday":
        row[6] = "not known"
    elif fault == "bad_decimal":
        row[19] = "12.345"
    elif fault == "extra_field":
        row.append("unexpected extra value")
    return row


def audience_rows(
    n: int, *, seed: int = SEED, invalid: Mapping[int, str] | None = None
) -> Iterator[list[str]]:
    """``n`` audience rows; ``invalid`` maps row index -> fault name."""
    rng = random.Random(seed)
    faults = INVALID_AUDIENCES if invalid is None else invalid
    for i in range(n):
        yield audience_row(rng, i, faults.get(i))


def write_audiences_csv(
    path: Path, n: int, *, seed: int = SEED, invalid: Mapping[int, str] | None = None
) -> None:
    """Write an audience CSV with a header row."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(AUDIENCE_COLUMNS)
        writer.writerows(audience_rows(n, seed=seed, invalid=invalid))


PURCHASE_COLUMNS = (
    "member_sn",
    "transaction_id",
    "datetime",
    "transaction_revenue",
    "transaction_status",
    "quantities",
    "products",
    "products_name",
    "products_quantity",
    "physical_store_name",
    "shipping_address.address1",
    "shipping_address.city",
    "shipping_address.zip",
    "shipping_address.country_code",
    "voucher",
    "coupon",
    "source",
    "device",
)


def purchase_rows(
    n: int, audiences: int, *, seed: int = SEED, invalid: Mapping[int, str] | None = None
) -> Iterator[list[str]]:
    """``n`` purchase rows for members of the first ``audiences`` audiences."""
    rng = random.Random(seed + 1)
    faults = INVALID_PURCHASES if invalid is None else invalid
    for i in range(n):
        items = rng.sample(PRODUCTS, rng.randrange(1, 4))
        qty = [rng.randrange(1, 4) for _ in items]
        revenue = sum(p[2] * q for p, q in zip(items, qty, strict=True))
        when = datetime(2025, 1, 1, tzinfo=TW) + timedelta(seconds=rng.randrange(0, 15_000_000))
        online = rng.random() < 0.6
        city, zip_code = rng.choice(CITIES)
        ids = ",".join(p[0] for p in items)
        products = (
            json.dumps({"default": ids, "ERP": ",".join(f"ERP-{p[0][4:]}" for p in items)})
            if rng.random() < 0.2
            else ids
        )
        voucher = json.dumps([{"voucher_name": "spring_credit_100"}]) if rng.random() < 0.1 else ""
        row = [
            member_sn(rng.randrange(audiences)),
            f"ORD-{250000 + i}",
            when.strftime("%Y-%m-%dT%H:%M:%S%z"),  # the vendor's +0800 form
            str(revenue),
            rng.choice(("SUCCESS", "SUCCESS", "SUCCESS", "PAID", "SHIPPED", "REFUND")),
            str(sum(qty)),
            products,
            ",".join(p[1] for p in items),
            ",".join(map(str, qty)),
            "" if online else rng.choice(STORES),
            f"No. {rng.randrange(1, 300)}, Sample Rd." if online else "",
            city if online else "",
            zip_code if online else "",
            "TW" if online else "",
            voucher,
            "SPRING-10OFF" if rng.random() < 0.1 else "",
            rng.choice(("Facebook", "Instagram", "Google", "LINE", "")) if online else "",
            rng.choice(("PC", "IPHONE", "ANDROID", "MOBILEWEB")) if online else "",
        ]
        fault = faults.get(i)
        if fault == "bad_revenue":
            row[3] = "twelve hundred"
        elif fault == "missing_transaction_id":
            row[1] = ""
        elif fault == "bad_status":
            row[4] = "DONE"
        elif fault == "bad_datetime":
            row[2] = "yesterday afternoon"
        elif fault == "missing_member":
            row[0] = ""
        yield row


def voucher_records(
    n: int, audiences: int, *, seed: int = SEED, invalid: Mapping[int, str] | None = None
) -> Iterator[str]:
    """``n`` gift-voucher JSON lines."""
    rng = random.Random(seed + 2)
    faults = INVALID_VOUCHERS if invalid is None else invalid
    kinds = (
        ("birthday_gift", 200, "giftvoucher"),
        ("spring_credit", 100, "coupon"),
        ("vip_welcome", 500, "coupon"),
        ("points_bonus", 250, "points"),
    )
    for i in range(n):
        vtype, amount, category = rng.choice(kinds)
        start = datetime(2025, 3, 1) + timedelta(days=rng.randrange(0, 90))
        record: dict[str, object] = {
            "voucher_id": f"GV-2025-{i:05d}",
            "member_sn": member_sn(rng.randrange(audiences)),
            "voucher_type": vtype,
            "amount": amount,
            "valid_from": start.strftime("%Y-%m-%d"),
            "valid_util": (start + timedelta(days=90)).strftime("%Y-%m-%d 23:59:59"),
            "is_redeemed": rng.random() < 0.25,
            "category": category,
        }
        if rng.random() < 0.3:
            record["custom_fields"] = {"issued_by": rng.choice(("crm-sync", "store-team"))}
        fault = faults.get(i)
        if fault == "bad_amount":
            record["amount"] = "ten"
        elif fault == "missing_valid_util":
            del record["valid_util"]
        line = json.dumps(record, ensure_ascii=False)
        if fault == "broken_json":
            line = line[:-1]  # unbalanced brace
        yield line


PRODUCT_COLUMNS = (
    "id",
    "title",
    "link",
    "availability",
    "image_link",
    "price",
    "sale_price",
    "brand",
    "product_type",
    "item_group_id",
    "additional_image_link",
)


def product_rows(
    n: int, *, seed: int = SEED, invalid: Mapping[int, str] | None = None
) -> Iterator[list[str]]:
    """``n`` catalogue product rows."""
    rng = random.Random(seed + 3)
    faults = INVALID_PRODUCTS if invalid is None else invalid
    nouns = ("Shirt", "Tote", "Scarf", "Jacket", "Belt", "Socks", "Shell", "Beanie", "Cap")
    adjectives = ("Linen", "Canvas", "Merino", "Denim", "Leather", "Cotton", "Wool", "Silk")
    for i in range(n):
        sku = f"SKU-{90000 + i}"
        price = rng.randrange(3, 60) * 50
        noun = rng.choice(nouns)
        row = [
            sku,
            f"{rng.choice(adjectives)} {noun}",
            f"https://shop.example.org/p/{sku.lower()}",
            rng.choice(("in stock", "in stock", "preorder", "out of stock")),
            f"https://cdn.example.org/img/{sku.lower()}.jpg",
            f"{price} TWD",
            f"{price * 8 // 10} TWD" if rng.random() < 0.3 else "",
            rng.choice(("Harbor & Pine", "North Trail", "Ume Studio")),
            f"apparel/{noun.lower()}>{rng.choice(('summer', 'winter', 'basics'))}",
            f"GRP-{noun.upper()}",
            json.dumps(
                [{"name": "back", "link": f"https://cdn.example.org/img/{sku.lower()}-back.jpg"}]
            )
            if rng.random() < 0.5
            else "",
        ]
        fault = faults.get(i)
        if fault == "bad_link":
            row[2] = f"ftp://shop.example.org/p/{sku.lower()}"
        elif fault == "missing_price":
            row[5] = ""
        yield row


def write_csv(path: Path, header: tuple[str, ...], rows: Iterator[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


SAMPLE_AUDIENCES = 3000
SAMPLE_PURCHASES = 1500
SAMPLE_VOUCHERS = 800
SAMPLE_PRODUCTS = 60


def write_samples(folder: Path = HERE) -> list[Path]:
    """Rewrite the committed sample files."""
    paths = [
        folder / "audiences.csv",
        folder / "purchases.csv",
        folder / "gift-vouchers.jsonl",
        folder / "products.csv",
    ]
    write_audiences_csv(paths[0], SAMPLE_AUDIENCES)
    write_csv(paths[1], PURCHASE_COLUMNS, purchase_rows(SAMPLE_PURCHASES, SAMPLE_AUDIENCES))
    with paths[2].open("w", encoding="utf-8", newline="\n") as handle:
        for line in voucher_records(SAMPLE_VOUCHERS, SAMPLE_AUDIENCES):
            handle.write(line + "\n")
    write_csv(paths[3], PRODUCT_COLUMNS, product_rows(SAMPLE_PRODUCTS))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audiences", type=int, help="write only an audience CSV of N rows")
    parser.add_argument("--out", type=Path, help="output path for --audiences")
    parser.add_argument("--clean", action="store_true", help="no deliberately invalid rows")
    args = parser.parse_args(argv)
    if args.audiences is not None:
        out = args.out or Path(f"audiences-{args.audiences}.csv")
        write_audiences_csv(out, args.audiences, invalid={} if args.clean else None)
        print(f"wrote {out}")
        return 0
    for path in write_samples():
        print(f"wrote {path.relative_to(HERE.parent)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
