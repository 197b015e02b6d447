"""What each operation does to the state (upsert rules, reports, mappings)."""

from __future__ import annotations

import re
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeGuard

from .errors import ApiError, input_error
from .reports import market_report, report_filename
from .store import Store

Handler = Callable[[sqlite3.Connection, "Call"], Any]
DAY = 86400.0
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
IDENTITY_FIELDS = frozenset({"member_sn", "source_id", "source_system"})
MERGE_KEYS = ("member_sn", "line_id", "email", "phone", "messenger_psid", "source_id")


@dataclass(slots=True, frozen=True)
class Call:
    """One authenticated, validated API call."""

    operation_id: str
    body: Any
    query: dict[str, str]
    path_params: dict[str, Any]
    tid: str
    base_url: str
    now: float


def _text(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and value != ""


def _parse_date(value: Any, where: str, *, padded: bool = True) -> date:
    """A calendar date from ``YYYY-MM-DD`` (unpadded month/day allowed when not ``padded``)."""
    match = _DATE.match(value) if isinstance(value, str) else None
    if match is None or (padded and len(value) != 10):
        raise input_error(f"{where}: must be a date in YYYY-MM-DD form")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise input_error(f"{where}: is not a valid calendar date") from None


def _parse_datetime(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat()


def _merge_list(existing: Any, incoming: list[Any], key: str) -> list[Any]:
    """Update items of ``existing`` that share ``key`` with an incoming item; append the rest."""
    if not isinstance(existing, list):
        return list(incoming)
    out = list(existing)
    index = {
        item.get(key): i for i, item in enumerate(out) if isinstance(item, dict) and key in item
    }
    for item in incoming:
        if isinstance(item, dict) and item.get(key) in index:
            pos = index[item.get(key)]
            out[pos] = {**out[pos], **item}
        else:
            out.append(item)
    return out


def _split_tags(value: str) -> list[str]:
    return [t.strip() for t in value.split(",") if t.strip()]


def _mapping_key(source_system: Any, source_id: Any) -> str:
    """The store key of an audience mapping."""
    return f"{source_system}\x1f{source_id}"


def _source_problem(item: dict[str, Any], where: str) -> str | None:
    """Why ``source_id``/``source_system`` do not identify anyone, or None."""
    if not _text(item.get("source_id")):
        return f"{where}.source_id: required when merge_key is source_id"
    if not _text(item.get("source_system")):
        return f"{where}.source_system: required together with source_id"
    return None


def _identity_problem(
    item: dict[str, Any], identifier_field: Any, where: str, missing: str
) -> str | None:
    """Why an order or voucher names no customer, or None.

    ``identifier_field`` (when set) names the field that must be given; otherwise
    ``member_sn`` or ``source_id`` + ``source_system`` must be. ``missing`` is the message
    for neither.
    """
    if _text(identifier_field):
        if not _text(item.get(identifier_field)):
            return (
                f"{where}.{identifier_field}: required when identifier_field is {identifier_field}"
            )
        return None
    if _text(item.get("member_sn")):
        return None
    if _text(item.get("source_id")):
        return _source_problem(item, where)
    return f"{where}.member_sn: {missing}"


class Handlers:
    """The state changes and answers of every operation, by operationId."""

    def __init__(self, store: Store, report_delay: float) -> None:
        self.store = store
        self.report_delay = report_delay
        self.table: dict[str, Handler] = {
            "import_audience": self.import_audience,
            "batch_import_audiences": self.batch_import_audiences,
            "import_purchase": self.import_purchase,
            "batch_import_purchases": self.batch_import_purchases,
            "import_gift_vouchers": self.import_gift_vouchers,
            "batch_import_gift_vouchers": self.batch_import_gift_vouchers,
            "import_product": self.import_product,
            "import_event_registration": self.import_event_registration,
            "import_product_guarantee": self.import_product_guarantee,
            "show_market_report": self.show_market_report,
            "track_event": self.track_event,
            "create_audience_mapping": self.create_audience_mapping,
            "create_interaction_report": self.create_interaction_report,
            "list_interaction_reports": self.list_interaction_reports,
            "get_interaction_report": self.get_interaction_report,
            "create_tracking_event_report": self.create_tracking_event_report,
            "list_tracking_event_reports": self.list_tracking_event_reports,
            "get_tracking_event_report": self.get_tracking_event_report,
            "create_interactive_audiences_report": self.create_interactive_audiences_report,
            "list_interactive_audiences_reports": self.list_interactive_audiences_reports,
        }

    def get(self, operation_id: str) -> Handler | None:
        """The handler of an operation, if it has one."""
        return self.table.get(operation_id)

    # ================================================================ audiences

    def import_audience(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Upsert one audience."""
        body = call.body
        self._upsert_audience(tx, body["data"], body, "data", call.now)
        return {"status": "OK", "error_msg": ""}

    def batch_import_audiences(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Upsert up to 50 audiences, all or nothing."""
        body = call.body
        for i, item in enumerate(body["data"]):
            self._upsert_audience(tx, item, body, f"data[{i}]", call.now)
        return None

    def _resolve_source(
        self, tx: sqlite3.Connection, item: dict[str, Any], where: str
    ) -> tuple[int | None, dict[str, Any] | None, str]:
        """(audience id, record, mapping key) of the profile ``source_id`` stands for.

        The id is None for a new profile; its record then starts from what a registered
        mapping says about it (e.g. the ``member_sn`` it was mapped to), if anything.
        """
        problem = _source_problem(item, where)
        if problem is not None:
            raise input_error(problem)
        mkey = _mapping_key(item["source_system"], item["source_id"])
        mapping = Store.record_get(tx, "audience_mappings", mkey)
        if mapping is None:
            return None, None, mkey
        audience_id = mapping.get("_audience_id")
        if isinstance(audience_id, int):
            record = Store.audience_get(tx, audience_id)
            if record is not None:
                return audience_id, record, mkey
        key = mapping.get("mapping_key")
        value = mapping.get(key) if isinstance(key, str) else None
        if not isinstance(key, str) or not _text(value):
            return None, None, mkey
        found = Store.audience_find(tx, key, value)
        if found is not None:
            return found[0], found[1], mkey
        return None, {key: value}, mkey

    def _upsert_audience(
        self,
        tx: sqlite3.Connection,
        item: dict[str, Any],
        body: dict[str, Any],
        where: str,
        now: float,
    ) -> None:
        merge_key = body.get("merge_key") or "member_sn"
        tag_mode = body.get("tag_mode") or "append"
        ignore_empty = body.get("ignore_empty_value") is True
        cf_ids = body.get("custom_fields_identifier_field") or {}
        audience_id: int | None = None
        record: dict[str, Any] | None = None
        mapping_key: str | None = None
        if merge_key == "source_id" or (
            merge_key == "member_sn"
            and not _text(item.get("member_sn"))
            and _text(item.get("source_id"))
        ):
            audience_id, record, mapping_key = self._resolve_source(tx, item, where)
        else:
            value = item.get(merge_key)
            if not _text(value) or (value == "none" and merge_key not in IDENTITY_FIELDS):
                raise input_error(f"{where}.{merge_key}: required when merge_key is {merge_key}")
            found = Store.audience_find(tx, merge_key, value)
            if found is None and merge_key == "member_sn":
                found = Store.audience_find_headless(tx, item)
            if found is not None:
                audience_id, record = found
        current: dict[str, Any] = dict(record) if record else {}
        for key, value in item.items():
            if key == "tags":
                current_tags = current.get("tags") or []
                if value is None or value == "":
                    if not ignore_empty:
                        current["tags"] = []
                elif value == "none":
                    current["tags"] = []
                elif isinstance(value, str):
                    new = _split_tags(value)
                    if tag_mode == "replace":
                        current["tags"] = new
                    else:
                        current["tags"] = list(dict.fromkeys([*current_tags, *new]))
                continue
            if value is None or value == "":
                if not ignore_empty:
                    current.pop(key, None)
                continue
            if value == "none" and key not in IDENTITY_FIELDS:
                current.pop(key, None)
                continue
            if key == "fcm_tokens" and isinstance(value, list):
                current[key] = _merge_list(current.get(key), value, "token")
            elif key in ("email_channels", "line_channels") and isinstance(value, list):
                current[key] = _merge_list(current.get(key), value, "name")
            elif isinstance(value, list) and isinstance(cf_ids.get(key), str):
                current[key] = _merge_list(current.get(key), value, cf_ids[key])
            else:
                current[key] = value
        if (
            _text(current.get("member_sn"))
            and current.get("is_headless_account") is True
            and "is_headless_account" not in item
        ):
            current["is_headless_account"] = False
        if not any(_text(current.get(k)) for k in MERGE_KEYS[:5]):  # known by source_id alone
            current.setdefault("is_headless_account", True)
        audience_id = Store.audience_save(tx, audience_id, current, now)
        if mapping_key is not None:
            system, _, source_id = mapping_key.partition("\x1f")
            mapping = Store.record_get(tx, "audience_mappings", mapping_key) or {
                "source_id": source_id,
                "source_system": system,
                "mapping_key": "member_sn" if _text(current.get("member_sn")) else None,
            }
            if mapping.get("mapping_key") == "member_sn" and _text(current.get("member_sn")):
                mapping["member_sn"] = current["member_sn"]
            mapping["_audience_id"] = audience_id
            Store.record_put(tx, "audience_mappings", mapping_key, mapping, now)

    # ================================================================ purchases

    @staticmethod
    def _purchase_problem(item: dict[str, Any], body: dict[str, Any], where: str) -> str | None:
        if body.get("is_anonymous") is True:
            return None
        return _identity_problem(
            item,
            body.get("identifier_field"),
            where,
            "member_sn or source_id is required unless is_anonymous",
        )

    @staticmethod
    def _save_purchase(
        tx: sqlite3.Connection, item: dict[str, Any], body: dict[str, Any], now: float
    ) -> None:
        key = str(item["transaction_id"])
        existing = Store.record_get(tx, "purchases", key) or {}
        record = {**existing, **item}
        if body.get("is_anonymous") is True:
            record["is_anonymous"] = True
        if _text(body.get("identifier_field")):
            record["identifier_field"] = body["identifier_field"]
        Store.record_put(tx, "purchases", key, record, now)

    def import_purchase(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Upsert one order by ``transaction_id``.

        With ``debug_mode`` 0 (the default) the vendor checks the data in the background and
        reports nothing, so an order that fails those checks is accepted and dropped here;
        with ``debug_mode`` 1 the problem comes back as a 400.
        """
        body = call.body
        item = body["data"]
        problem = self._purchase_problem(item, body, "data")
        if problem is not None:
            if str(body.get("debug_mode", 0)) == "1":
                raise input_error(problem)
            return None
        self._save_purchase(tx, item, body, call.now)
        return None

    def batch_import_purchases(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Upsert up to 50 orders; like ``debug_mode`` 0, unusable orders are dropped quietly."""
        body = call.body
        for i, item in enumerate(body["data"]):
            if self._purchase_problem(item, body, f"data[{i}]") is None:
                self._save_purchase(tx, item, body, call.now)
        return None

    # ================================================================ gift vouchers

    def _save_vouchers(
        self,
        tx: sqlite3.Connection,
        items: list[Any],
        body: dict[str, Any],
        name: str,
        is_list: bool,
        now: float,
    ) -> None:
        for i, item in enumerate(items):
            where = f"{name}[{i}]" if is_list else name
            problem = _identity_problem(
                item, body.get("identifier_field"), where, "member_sn or source_id is required"
            )
            if problem is not None:
                raise input_error(problem)
        for item in items:
            key = str(item["voucher_id"])
            record = {**(Store.record_get(tx, "gift_vouchers", key) or {}), **item}
            if body.get("site") is not None:
                record["site"] = body["site"]
            Store.record_put(tx, "gift_vouchers", key, record, now)

    def import_gift_vouchers(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Upsert one voucher or up to 100 by ``voucher_id``."""
        data = call.body["data"]
        items = data if isinstance(data, list) else [data]
        self._save_vouchers(tx, items, call.body, "data", isinstance(data, list), call.now)
        return None

    def batch_import_gift_vouchers(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Upsert up to 100 vouchers (``data_list``) by ``voucher_id``."""
        self._save_vouchers(tx, call.body["data_list"], call.body, "data_list", True, call.now)
        return None

    # ================================================================ products

    def import_product(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Upsert one product by ``id`` (a string or a map of system -> id)."""
        body = call.body
        item = body["data"]
        raw_id = item["id"]
        aliases: list[tuple[str, str]] = []
        key: str | None = None
        if isinstance(raw_id, dict):
            for system, value in raw_id.items():
                if system == "default":
                    key = str(value)
                else:
                    aliases.append((str(system), str(value)))
            if key is None:
                for system, value in aliases:
                    key = Store.alias_get(tx, system, value)
                    if key is not None:
                        break
            if key is None:
                if not aliases:
                    raise input_error("data.id: needs at least one id")
                key = f"{aliases[0][0]}:{aliases[0][1]}"
        else:
            key = str(raw_id)
        ignore_empty = item.get("customfield_ignore_empty_value", True) is not False
        record: dict[str, Any] = dict(Store.record_get(tx, "products", key) or {})
        for name, value in item.items():
            if name == "customfield_ignore_empty_value":
                continue
            if value is None or value == "":
                if not ignore_empty:
                    record.pop(name, None)
                continue
            record[name] = value
        record["id"] = key
        if aliases:
            known = dict(record.get("aliases") or {})
            known.update(dict(aliases))
            record["aliases"] = known
        if body.get("site") is not None:
            record["site"] = body["site"]
        availability = record.get("availability")
        record["active"] = availability in ("in stock", "available for order", "preorder")
        for system, value in aliases:
            Store.alias_put(tx, system, value, key)
        Store.record_put(tx, "products", key, record, call.now)
        return {"status": "OK"}

    # ================================================================ registrations, guarantees

    @staticmethod
    def _check_period(item: dict[str, Any], start: str, end: str) -> None:
        has_start, has_end = item.get(start) is not None, item.get(end) is not None
        if has_start != has_end:
            missing = end if has_start else start
            other = start if has_start else end
            raise input_error(f"data.{missing}: required together with {other}")
        if has_start:
            begin, finish = _parse_datetime(item[start]), _parse_datetime(item[end])
            if begin is not None and finish is not None and finish <= begin:
                raise input_error(f"data.{end}: must be later than {start}")

    def import_event_registration(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Upsert one registration by ``event_id`` + ``member_sn``."""
        item = call.body["data"]
        self._check_period(item, "event_start_datetime", "event_end_datetime")
        products = item.get("products")
        if isinstance(products, dict):
            default, sku = products.get("default"), products.get("sku")
            if isinstance(default, list) and isinstance(sku, list) and len(default) != len(sku):
                raise input_error(
                    "data.products: default and sku must have the same number of items"
                )
        key = f"{item['event_id']}\x1f{item['member_sn']}"
        record = {**(Store.record_get(tx, "event_registrations", key) or {}), **item}
        record.setdefault("is_available", True)
        Store.record_put(tx, "event_registrations", key, record, call.now)
        return None

    def import_product_guarantee(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Upsert one warranty registration by ``warranty_id``."""
        item = call.body["data"]
        self._check_period(item, "warranty_start_datetime", "warranty_end_datetime")
        key = str(item["warranty_id"])
        record = {**(Store.record_get(tx, "product_guarantees", key) or {}), **item}
        record.setdefault("is_available", True)
        Store.record_put(tx, "product_guarantees", key, record, call.now)
        return None

    # ================================================================ market report, events

    def show_market_report(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Deterministic per-channel volumes and fees for a date range."""
        data = call.body["data"]
        start = _parse_date(data["start_date"], "data.start_date", padded=False)
        end = _parse_date(data["end_date"], "data.end_date", padded=False)
        return market_report(call.tid, start, end)

    def track_event(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Append one tracking event."""
        record = dict(call.body)
        record["_received_at"] = _iso(call.now)
        Store.event_add(tx, record, call.now)
        return None

    # ================================================================ audience mapping

    def create_audience_mapping(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Register ``source_system`` + ``source_id`` against an audience."""
        body = call.body
        mapping_key = body["mapping_key"]
        value = body.get(mapping_key)
        if not _text(value):
            raise input_error(f"{mapping_key}: required when mapping_key is {mapping_key}")
        key = _mapping_key(body["source_system"], body["source_id"])
        record: dict[str, Any] = {
            "source_id": body["source_id"],
            "source_system": body["source_system"],
            "mapping_key": mapping_key,
            mapping_key: value,
        }
        found = Store.audience_find(tx, mapping_key, value)
        if found is not None:
            record["_audience_id"] = found[0]
        elif mapping_key != "member_sn":
            # No match: a headless profile is created and tied to the source id.
            record["_audience_id"] = Store.audience_save(
                tx, None, {mapping_key: value, "is_headless_account": True}, call.now
            )
        Store.record_put(tx, "audience_mappings", key, record, call.now)
        return None

    # ================================================================ reports

    def _report_range(self, body: dict[str, Any]) -> tuple[date, date]:
        start = _parse_date(body["start_date"], "start_date")
        end = _parse_date(body["end_date"], "end_date")
        if end < start:
            raise input_error("end_date: must not be before start_date")
        if (end - start).days + 1 > 31:
            raise input_error("Date range cannot exceed 31 days")
        return start, end

    def _create_report(
        self, tx: sqlite3.Connection, call: Call, kind: str, name: str, params: dict[str, Any]
    ) -> int:
        return self.store.report_add(
            tx,
            kind,
            call.tid,
            name,
            params,
            call.now,
            call.now + self.report_delay,
            secrets.token_urlsafe(16),
        )

    def _status(self, report: dict[str, Any], now: float) -> str:
        return "SUCCESS" if now >= report["ready"] else "RUNNING"

    def _url(self, call: Call, report: dict[str, Any]) -> str:
        return f"{call.base_url}/_emulator/files/{report['token']}/{report_filename(report)}"

    def _list(self, tx: sqlite3.Connection, call: Call, kind: str) -> list[dict[str, Any]]:
        return [
            {"report_id": r["id"], "report_name": r["name"], "status": self._status(r, call.now)}
            for r in self.store.reports_since(tx, kind, call.tid, call.now - DAY)
        ]

    def _get(self, tx: sqlite3.Connection, call: Call, kind: str) -> dict[str, Any]:
        report_id = call.path_params.get("id")
        report = self.store.report_get(tx, report_id) if isinstance(report_id, int) else None
        if report is None or report["kind"] != kind or report["tid"] != call.tid:
            raise ApiError(400, "Input Error", "Input Error: Report not found")
        status = self._status(report, call.now)
        payload: dict[str, Any] = {"report_name": report["name"], "status": status}
        if status == "SUCCESS":
            payload["report_url"] = self._url(call, report)
        return payload

    def create_interaction_report(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Start an interaction report (at most 31 days)."""
        start, end = self._report_range(call.body)
        params = {"start_date": start.isoformat(), "end_date": end.isoformat()}
        return {
            "report_id": self._create_report(
                tx, call, "interaction", call.body["report_name"], params
            )
        }

    def list_interaction_reports(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Interaction reports created within the last day."""
        return self._list(tx, call, "interaction")

    def get_interaction_report(self, tx: sqlite3.Connection, call: Call) -> Any:
        """One interaction report; ``report_url`` once it succeeded."""
        return self._get(tx, call, "interaction")

    def create_tracking_event_report(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Start a tracking-event report (at most 31 days)."""
        body = call.body
        start, end = self._report_range(body)
        params = {
            "start_date": start.isoformat(),
            "end_date": end.isoformat(),
            "include_anonymous_user": body.get("include_anonymous_user") is True,
            "include_event_raw_data": body.get("include_event_raw_data") is True,
        }
        return {"report_id": self._create_report(tx, call, "tracking", body["report_name"], params)}

    def list_tracking_event_reports(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Tracking-event reports created within the last day."""
        return self._list(tx, call, "tracking")

    def get_tracking_event_report(self, tx: sqlite3.Connection, call: Call) -> Any:
        """One tracking-event report; ``report_url`` once it succeeded."""
        return self._get(tx, call, "tracking")

    def create_interactive_audiences_report(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Start an interactive-audiences export; both dates within the last 30 days."""
        body = call.body
        start = _parse_date(body["start_date"], "start_date")
        end = _parse_date(body["end_date"], "end_date")
        today = datetime.fromtimestamp(call.now, UTC).date()
        earliest = today - timedelta(days=30)
        for name, value in (("start_date", start), ("end_date", end)):
            if not earliest <= value <= today:
                raise input_error(
                    f"{name}: start_date and end_date must be within the last 30 days"
                )
        if end < start:
            raise input_error("end_date: must not be before start_date")
        params = {"start_date": start.isoformat(), "end_date": end.isoformat()}
        name = f"interactive_audiences_{start:%Y%m%d}_{end:%Y%m%d}"
        self._create_report(tx, call, "interactive", name, params)
        return None

    def list_interactive_audiences_reports(self, tx: sqlite3.Connection, call: Call) -> Any:
        """Interactive-audiences exports created within the last day."""
        return [
            {
                "report_name": r["name"],
                "status": self._status(r, call.now),
                "file_url": self._url(call, r),
                "start_date": r["params"]["start_date"],
                "end_date": r["params"]["end_date"],
            }
            for r in self.store.reports_since(tx, "interactive", call.tid, call.now - DAY)
        ]
