"""Date and date-time normalisation of records before validation.

Which fields hold dates is read from the spec: properties referencing ``Date`` /
``LooseDate`` become ``YYYY-MM-DD``; ``ZonedDateTime`` / ``LooseDateTime`` become
``2025-03-02T14:20:00+08:00``; ``VoucherDateTime`` becomes ``2024-05-01 12:00:00+08``
(or stays a bare date); ``SalePriceEffectivePeriod`` becomes ``<start>/<end>``. The
conversions are the client's own (:mod:`omnisegment._dates`): values without an offset
get the chosen time zone (``--timezone``; default Asia/Taipei), strings that cannot be
parsed are left for the validator to report. ISO strings take a fast path that avoids
python-dateutil.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable
from typing import Any

from .. import _dates as core
from ._kinds import KindSpec
from ._spec import subschemas

__all__ = ["datetime_fields", "parse_timezone", "record_normaliser"]

_FORMS: dict[str, str] = {
    "Date": "date",
    "LooseDate": "date",
    "ZonedDateTime": "datetime",
    "LooseDateTime": "datetime",
    "VoucherDateTime": "voucher",
    "SalePriceEffectivePeriod": "period",
}


def parse_timezone(value: _dt.tzinfo | str | None) -> _dt.tzinfo:
    """``Asia/Taipei``, ``+08:00``, ``+0800``, ``UTC`` or a tzinfo -> tzinfo (None: default)."""
    if value is None or isinstance(value, _dt.tzinfo):
        return core.resolve_timezone(value)
    text = value.strip()
    if text.upper() in ("UTC", "Z"):
        return _dt.UTC
    if text[:1] in "+-":
        digits = text[1:].replace(":", "")
        if digits.isdigit() and len(digits) in (2, 4):
            hours, minutes = int(digits[:2]), int(digits[2:] or 0)
            if hours <= 14 and minutes < 60:
                return core.resolve_timezone(f"{text[0]}{hours:02d}:{minutes:02d}")
        raise ValueError(f"bad UTC offset {value!r}; use e.g. +08:00")
    try:
        return core.resolve_timezone(text)
    except Exception:
        raise ValueError(f"unknown time zone {value!r}; use e.g. Asia/Taipei or +08:00") from None


def _refs(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref.rsplit("/", 1)[-1])
        for key in ("anyOf", "oneOf", "allOf"):
            for alt in node.get(key, ()) or ():
                _refs(alt, found)
    return found


def datetime_fields(ks: KindSpec) -> dict[str, str]:
    """Top-level date fields of a kind -> ``date``/``datetime``/``voucher``/``period``."""
    out: dict[str, str] = {}
    for sub in subschemas(ks.spec, ks.item_schema):
        for name, prop in (sub.get("properties") or {}).items():
            for ref in _refs(prop, set()):
                if ref in _FORMS:
                    out[name] = _FORMS[ref]
    return out


def _converter(form: str, tz: _dt.tzinfo) -> Callable[[Any], Any]:
    if form == "date":
        return lambda value: core.to_date_string(value, tz=tz)
    if form == "period":
        return lambda value: core.to_period_string(value, tz=tz)
    slow = core.to_voucher_string if form == "voucher" else core.to_datetime_string

    def convert(value: Any) -> Any:
        if isinstance(value, str) and len(value) > 10:
            # Fast path: ISO strings parse with the standard library.
            with contextlib.suppress(ValueError):
                value = _dt.datetime.fromisoformat(value.strip())
        return slow(value, tz=tz)

    return convert


def record_normaliser(
    ks: KindSpec, timezone: _dt.tzinfo | str | None
) -> Callable[[dict[str, Any]], None] | None:
    """A function normalising a record's date fields in place (None if the kind has none)."""
    fields = datetime_fields(ks)
    if not fields:
        return None
    tz = parse_timezone(timezone)
    plan = [(name, _converter(form, tz)) for name, form in fields.items()]

    def normalise(record: dict[str, Any]) -> None:
        for name, convert in plan:
            value = record.get(name)
            if value is None or value == "" or value == "none":
                continue
            record[name] = convert(value)

    return normalise
