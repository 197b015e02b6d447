"""Report files and the market report, computed deterministically from stored data."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson

from .store import Store

#: Unit price per message and the fixed monthly fee of the market report.
UNIT_FEES = {"email": 0.03, "sms": 0.9, "line": 1.0, "crescendo_line": 0.8, "pn": 0.0}
MONTHLY_FEE = 60000
TRACKING_COLUMNS = (
    "member_sn",
    "event_time",
    "event_name",
    "user_engagement_duration",
    "page_url",
    "device",
    "session_id",
    "cid",
)
RAW_KEYS = {
    "client_id": "cid",
    "tid": "tid",
    "app_id": "aid",
    "app_version": "av",
    "app_name": "an",
    "currency_code": "cu",
    "document_location": "dl",
    "document_title": "dt",
    "data_source": "ds",
    "event_action": "ea",
    "event_label": "el",
    "event_category": "ec",
    "event_value": "ev",
    "hit_type": "t",
    "transaction_revenue": "tr",
    "transaction_id": "ti",
    "transaction_tax": "tt",
    "transaction_shipping": "ts",
    "transaction_couponcode": "tcc",
    "uid": "uid",
}
RAW_PRODUCT_KEYS = {
    "id": "pr_id",
    "name": "pr_nm",
    "price": "pr_pr",
    "category": "pr_ca",
    "brand": "pr_br",
    "quantity": "pr_qt",
    "variant": "pr_va",
    "sku": "pr_sku",
}


def _hash(*parts: object) -> int:
    text = "|".join(str(p) for p in parts).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


def market_report(tid: str, start: date, end: date) -> dict[str, Any]:
    """Per-channel sends and fees: the sum of a fixed pseudo-random figure per day."""
    out: dict[str, Any] = {}
    days = (end - start).days + 1 if end >= start else 0
    for channel, fee in UNIT_FEES.items():
        sends = 0
        for offset in range(min(days, 3660)):
            day = start + timedelta(days=offset)
            sends += _hash(tid, channel, day.isoformat()) % 2000
        out[channel] = {"total_send": sends, "total_fee": round(sends * fee, 2)}
    out["monthly_fee"] = MONTHLY_FEE
    return out


def report_filename(report: dict[str, Any]) -> str:
    """The file name in a report's download URL."""
    ext = {"interaction": "jsonl", "tracking": "csv", "interactive": "json"}[report["kind"]]
    return f"{report['kind']}-report-{report['id']}.{ext}"


def media_type(report: dict[str, Any]) -> str:
    """Content type of a report file."""
    return {
        "interaction": "application/jsonl",
        "tracking": "text/csv; charset=utf-8",
        "interactive": "application/json",
    }[report["kind"]]


def _stamp(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S+00")


def _range(report: dict[str, Any]) -> tuple[float, float]:
    start = date.fromisoformat(report["params"]["start_date"])
    end = date.fromisoformat(report["params"]["end_date"]) + timedelta(days=1)
    return _midnight(start), _midnight(end)


def _midnight(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def build_report(store: Store, tx: Any, report: dict[str, Any]) -> bytes:
    """Generate the file of a finished report."""
    if report["kind"] == "interaction":
        return _interaction(store, tx, report)
    if report["kind"] == "tracking":
        return _tracking(store, tx, report)
    return _interactive(store, tx, report)


def _interaction(store: Store, tx: Any, report: dict[str, Any]) -> bytes:
    """One row per audience and channel it can be reached on (JSON Lines)."""
    start, end = _range(report)
    span = int(end - start)
    lines: list[bytes] = []
    for audience in store.audiences_all(tx):
        member = audience.get("member_sn")
        if not isinstance(member, str) or not member:
            continue
        channels = [
            ("email", audience.get("email")),
            ("line", audience.get("line_id")),
            ("sms", audience.get("phone")),
        ]
        for channel, address in channels:
            if not isinstance(address, str) or not address:
                continue
            h = _hash(member, channel, report["params"]["start_date"], report["id"])
            sent = start + (h % max(1, span - 7200))
            template_id = 1 + (h >> 12) % 5
            opened = channel == "email" and (h >> 20) % 3 != 0
            clicked = (h >> 24) % 3 == 0
            row: dict[str, Any] = {
                "member_sn": member,
                "channel_type": channel,
                "template_id": template_id,
                "template_name": f"{channel}_template_{template_id}",
                "delivery_time": _stamp(sent),
                "template_title": f"Newsletter #{template_id}" if channel == "email" else None,
                "open": opened if channel == "email" else False,
                "open_time": [_stamp(sent + 600)] if opened else None,
                "click": clicked,
                "click_event": (
                    [{"click_time": _stamp(sent + 1200), "click_link": "https://shop.example.org/"}]
                    if clicked
                    else None
                ),
                "email_status": (
                    ("click" if clicked else "open" if opened else "sent")
                    if channel == "email"
                    else None
                ),
            }
            lines.append(orjson.dumps(row))
    return b"\n".join(lines) + (b"\n" if lines else b"")


def _duration(seconds: float) -> str:
    total = int(seconds)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    if days:
        return f"{days} day{'s' if days > 1 else ''} {clock}"
    return clock


def _raw(event: dict[str, Any], event_id: int) -> str:
    raw: dict[str, Any] = {"id": event_id}
    for key, short in RAW_KEYS.items():
        if key in event:
            raw[short] = event[key]
    products = event.get("products")
    if isinstance(products, list) and products:
        for key, short in RAW_PRODUCT_KEYS.items():
            values = [str(p.get(key, "")) for p in products if isinstance(p, dict)]
            if any(values):
                raw[short] = ",".join(values)
    return orjson.dumps(raw).decode("utf-8")


def _tracking(store: Store, tx: Any, report: dict[str, Any]) -> bytes:
    """One CSV row per tracked event in range."""
    start, end = _range(report)
    params = report["params"]
    events = store.events_between(tx, start, end)
    if not params.get("include_anonymous_user"):
        events = [(t, e) for t, e in events if isinstance(e.get("uid"), str) and e.get("uid")]
    # Time until the same visitor's next page view, for page-view rows.
    next_view: dict[int, float] = {}
    last_seen: dict[str, int] = {}
    for index in range(len(events) - 1, -1, -1):
        ts, event = events[index]
        if event.get("hit_type") != "pageview":
            continue
        who = str(event.get("uid") or event.get("client_id"))
        if who in last_seen:
            next_view[index] = events[last_seen[who]][0] - ts
        last_seen[who] = index
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = list(TRACKING_COLUMNS)
    if params.get("include_event_raw_data"):
        columns.append("event_raw_data")
    writer.writerow(columns)
    for index, (ts, event) in enumerate(events):
        is_view = event.get("hit_type") == "pageview"
        cid = str(event.get("client_id", ""))
        row: list[Any] = [
            event.get("uid") or "",
            _stamp(ts),
            "PageView" if is_view else (event.get("event_action") or "Event"),
            _duration(next_view[index]) if index in next_view else "",
            event.get("document_location") or "",
            "APP" if event.get("data_source") == "app" else "PC",
            _hash(cid, _stamp(ts)[:10]) % 1_000_000_000,
            cid,
        ]
        if params.get("include_event_raw_data"):
            row.append(_raw(event, index + 1))
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")


def _interactive(store: Store, tx: Any, report: dict[str, Any]) -> bytes:
    """Audiences with tracked events in range, with their devices (a JSON array)."""
    start, end = _range(report)
    devices: dict[str, list[str]] = {}
    for _, event in store.events_between(tx, start, end):
        uid, cid = event.get("uid"), event.get("client_id")
        if isinstance(uid, str) and uid and isinstance(cid, str):
            seen = devices.setdefault(uid, [])
            if cid not in seen:
                seen.append(cid)
    expires = datetime.fromtimestamp(end, UTC) + timedelta(days=7)
    rows: list[dict[str, Any]] = []
    for audience in store.audiences_all(tx):
        member = audience.get("member_sn")
        if not isinstance(member, str) or member not in devices:
            continue
        tokens = [
            t.get("token")
            for t in audience.get("fcm_tokens") or []
            if isinstance(t, dict) and t.get("active", True) is not False
        ]
        fcm = tokens[0] if tokens else audience.get("fcm_token") or ""
        rows.append(
            {
                "member_sn": member,
                "is_headless_acc": audience.get("is_headless_account") is True,
                "tags": list(audience.get("tags") or []),
                "cid_objects": [
                    {
                        "cid": cid,
                        "webpush_info": {
                            "endpoint": f"https://push.example.invalid/{_hash(cid):x}",
                            "p256dh": f"{_hash(cid, 'p256dh'):016x}",
                            "auth": f"{_hash(cid, 'auth'):016x}",
                            "expirationTime": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
                        },
                        "fcm_token": fcm,
                    }
                    for cid in devices[member]
                ],
            }
        )
    return orjson.dumps(rows)
