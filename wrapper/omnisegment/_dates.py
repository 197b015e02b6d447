"""Dates and datetimes: accept Python objects and loose strings, emit one canonical form.

Canonical forms:

* date: ``2025-03-02``
* datetime: ``2025-03-02T14:20:00+08:00`` (ISO 8601, ``T`` separator, ``±HH:MM`` offset;
  fractional seconds only when present). Naive values get the default time zone,
  ``Asia/Taipei`` (+08:00) unless configured otherwise. Aware values keep their offset.
* voucher validity (``valid_from``/``valid_util``): ``2024-05-01`` for dates,
  ``2024-05-01 12:00:00+08`` for datetimes (the only form the vendor documents; values
  whose offset is not a whole hour are converted to the default zone, fractions dropped).

Loose strings (``2024-07-15T09:51:23+0800``, ``2024-05-01 12:00:00+08``, ``2021-3-1``)
are parsed with python-dateutil. Strings that cannot be parsed are left untouched so
the server can report them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Literal
from zoneinfo import ZoneInfo

from dateutil import parser as _dateutil_parser

__all__ = [
    "DATETIME_FIELDS",
    "DATE_FIELDS",
    "DEFAULT_TIMEZONE",
    "JAPAN_TIMEZONE",
    "PERIOD_FIELDS",
    "VOUCHER_FIELDS",
    "json_default",
    "normalize_dates",
    "resolve_timezone",
    "to_date_string",
    "to_datetime_string",
    "to_period_string",
    "to_voucher_string",
]

#: Time zone given to naive datetimes (Taiwan, the default environment).
DEFAULT_TIMEZONE: dt.tzinfo = dt.timezone(dt.timedelta(hours=8), "Asia/Taipei")
#: Time zone of the Japan environment (+09:00, no daylight saving time).
JAPAN_TIMEZONE: dt.tzinfo = dt.timezone(dt.timedelta(hours=9), "Asia/Tokyo")

#: Fields the API documents as dates (``YYYY-MM-DD``).
DATE_FIELDS = frozenset({"birthday", "start_date", "end_date"})
#: Fields the API documents as datetimes with an offset.
DATETIME_FIELDS = frozenset(
    {
        "register_date",
        "membership_expire_at",
        "datetime",
        "registration_datetime",
        "purchase_datetime",
        "event_start_datetime",
        "event_end_datetime",
        "warranty_start_datetime",
        "warranty_end_datetime",
    }
)
#: Fields holding a ``<start>/<end>`` pair of datetimes.
PERIOD_FIELDS = frozenset({"sale_price_effective_date"})
#: Gift-voucher validity fields: a bare date or a datetime with a whole-hour offset.
VOUCHER_FIELDS = frozenset({"valid_from", "valid_util"})

_STRING_FIELDS = DATE_FIELDS | DATETIME_FIELDS | VOUCHER_FIELDS | PERIOD_FIELDS
_CANON_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_CANON_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}:\d{2}\Z")
_CANON_VOUCHER = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}\Z")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")

TzLike = dt.tzinfo | str | None


def resolve_timezone(tz: TzLike) -> dt.tzinfo:
    """A tzinfo from a tzinfo, an IANA name (``"Asia/Tokyo"``) or None (the default)."""
    if tz is None:
        return DEFAULT_TIMEZONE
    if isinstance(tz, str):
        if tz in ("Asia/Taipei", "+08:00"):
            return DEFAULT_TIMEZONE
        if tz in ("Asia/Tokyo", "+09:00"):
            return JAPAN_TIMEZONE
        if re.fullmatch(r"[+-]\d{2}:\d{2}", tz):
            sign = 1 if tz[0] == "+" else -1
            return dt.timezone(sign * dt.timedelta(hours=int(tz[1:3]), minutes=int(tz[4:6])))
        return ZoneInfo(tz)
    return tz


def _format_dt(value: dt.datetime, tz: dt.tzinfo) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=tz)
    spec = "microseconds" if value.microsecond else "seconds"
    text = value.isoformat(timespec=spec)
    # isoformat() writes "+HH:MM:SS" for offsets with seconds; the API wants minutes.
    if len(text) > 9 and text[-9] in "+-" and text[-3] == ":" and text[-6] == ":":
        text = text[:-3]
    return text


def _parse(value: str, tz: dt.tzinfo, dayfirst: bool) -> dt.datetime | None:
    try:
        parsed = _dateutil_parser.parse(value, dayfirst=dayfirst)
    except (ValueError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def to_datetime_string(value: Any, *, tz: TzLike = None, dayfirst: bool = False) -> Any:
    """Canonical datetime string for a datetime, date (midnight) or loose string.

    Other values (and unparseable strings) are returned unchanged.
    """
    zone = resolve_timezone(tz)
    if isinstance(value, dt.datetime):
        return _format_dt(value, zone)
    if isinstance(value, dt.date):
        return _format_dt(dt.datetime(value.year, value.month, value.day), zone)
    if isinstance(value, str):
        text = value.strip()
        if _CANON_DATETIME.match(text):
            return text
        parsed = _parse(text, zone, dayfirst)
        return value if parsed is None else _format_dt(parsed, zone)
    return value


def to_date_string(value: Any, *, tz: TzLike = None, dayfirst: bool = False) -> Any:
    """Canonical ``YYYY-MM-DD`` for a date, datetime (in its own zone) or loose string."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=resolve_timezone(tz))
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if _CANON_DATE.match(text):
            return text
        parsed = _parse(text, resolve_timezone(tz), dayfirst)
        return value if parsed is None else parsed.date().isoformat()
    return value


def to_period_string(value: Any, *, tz: TzLike = None, dayfirst: bool = False) -> Any:
    """``start/end`` from a ``(start, end)`` pair or a loose ``"start/end"`` string."""
    if isinstance(value, str) and value.count("/") == 1 and "T" in value.upper():
        value = value.split("/")
    if isinstance(value, list | tuple) and len(value) == 2:
        start, end = (to_datetime_string(v, tz=tz, dayfirst=dayfirst) for v in value)
        if isinstance(start, str) and isinstance(end, str):
            return f"{start}/{end}"
    return value


def to_voucher_string(value: Any, *, tz: TzLike = None, dayfirst: bool = False) -> Any:
    """Voucher validity: ``YYYY-MM-DD`` for dates, ``YYYY-MM-DD HH:MM:SS+HH`` for datetimes."""
    zone = resolve_timezone(tz)
    if isinstance(value, str):
        text = value.strip()
        if _CANON_DATE.match(text) or _CANON_VOUCHER.match(text):
            return text
        if not _HAS_TIME.search(text):
            return to_date_string(text, tz=zone, dayfirst=dayfirst)
        parsed = _parse(text, zone, dayfirst)
        if parsed is None:
            return value
        value = parsed
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            value = value.replace(tzinfo=zone)
        offset = value.utcoffset() or dt.timedelta(0)
        if offset % dt.timedelta(hours=1):
            value = value.astimezone(zone)
            offset = value.utcoffset() or dt.timedelta(0)
            if offset % dt.timedelta(hours=1):  # the default zone itself is not whole-hour
                value = value.astimezone(dt.UTC)
                offset = dt.timedelta(0)
        hours = int(offset.total_seconds() // 3600)
        sign = "+" if hours >= 0 else "-"
        return f"{value:%Y-%m-%d %H:%M:%S}{sign}{abs(hours):02d}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def normalize_value(
    field: str | None,
    value: Any,
    *,
    tz: TzLike = None,
    dayfirst: bool = False,
    kind: Literal["date", "datetime", "voucher"] | None = None,
) -> Any:
    """Normalise one value, using ``kind`` or the field's documented kind."""
    if kind is None and field is not None:
        if field in DATE_FIELDS:
            kind = "date"
        elif field in DATETIME_FIELDS:
            kind = "datetime"
        elif field in VOUCHER_FIELDS:
            kind = "voucher"
    if kind == "date":
        return to_date_string(value, tz=tz, dayfirst=dayfirst)
    if kind == "datetime":
        return to_datetime_string(value, tz=tz, dayfirst=dayfirst)
    if kind == "voucher":
        return to_voucher_string(value, tz=tz, dayfirst=dayfirst)
    if isinstance(value, dt.datetime):
        return to_datetime_string(value, tz=tz)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_PLAIN = (str, int, float, bool, type(None))


def normalize_dates(obj: Any, *, tz: TzLike = None, dayfirst: bool = False) -> Any:
    """Recursively normalise a JSON-like structure.

    Every ``date``/``datetime`` object becomes a canonical string, and string values of
    the documented date fields (``birthday``, ``datetime``, ``valid_from``, ...) are
    normalised. Objects with a ``to_dict()`` method (the generated models) are converted
    first. Returns a new structure; the input is not modified.
    """
    if isinstance(obj, _PLAIN):
        return obj
    to_dict = getattr(obj, "to_dict", None)
    if to_dict is not None and callable(to_dict) and not isinstance(obj, Mapping):
        obj = to_dict()
    if isinstance(obj, Mapping):
        out: dict[Any, Any] = {}
        for key, value in obj.items():
            if type(value) in _PLAIN:
                if key in _STRING_FIELDS and type(value) is str:
                    if key in PERIOD_FIELDS:
                        value = to_period_string(value, tz=tz, dayfirst=dayfirst)
                    else:
                        value = normalize_value(key, value, tz=tz, dayfirst=dayfirst)
                out[key] = value
            elif key in PERIOD_FIELDS:
                out[key] = to_period_string(value, tz=tz, dayfirst=dayfirst)
            elif isinstance(value, dt.date):
                out[key] = normalize_value(str(key), value, tz=tz, dayfirst=dayfirst)
            else:
                out[key] = normalize_dates(value, tz=tz, dayfirst=dayfirst)
        return out
    if isinstance(obj, list | tuple):
        return [normalize_dates(item, tz=tz, dayfirst=dayfirst) for item in obj]
    return normalize_value(None, obj, tz=tz, dayfirst=dayfirst)


def json_default(obj: Any) -> Any:
    """``default=`` hook for ``json.dumps``: dates and datetimes in canonical form."""
    if isinstance(obj, dt.datetime | dt.date):
        return normalize_value(None, obj)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")
