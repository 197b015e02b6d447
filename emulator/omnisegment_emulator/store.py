"""SQLite state of the emulator: one connection per app, guarded by a lock.

Every API request runs in one transaction (``with store.transaction() as tx``). A file
database uses WAL and survives a restart; ``None`` keeps everything in memory.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson

COLLECTIONS = (
    "audiences",
    "purchases",
    "gift_vouchers",
    "products",
    "event_registrations",
    "product_guarantees",
    "events",
    "audience_mappings",
    "reports",
)
#: Key-value collections kept in the generic ``records`` table.
RECORD_COLLECTIONS = frozenset(
    {
        "purchases",
        "gift_vouchers",
        "products",
        "event_registrations",
        "product_guarantees",
        "audience_mappings",
    }
)
AUDIENCE_KEYS = ("member_sn", "email", "phone", "line_id", "messenger_psid")
#: The range of an SQLite INTEGER; a larger Python int cannot even be bound as a parameter.
_SQLITE_MIN_INT, _SQLITE_MAX_INT = -(2**63), 2**63 - 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audiences (
    id INTEGER PRIMARY KEY,
    member_sn TEXT, email TEXT, phone TEXT, line_id TEXT, messenger_psid TEXT,
    headless INTEGER NOT NULL DEFAULT 0,
    data BLOB NOT NULL, created REAL NOT NULL, updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS audiences_member_sn ON audiences(member_sn);
CREATE INDEX IF NOT EXISTS audiences_email ON audiences(email);
CREATE INDEX IF NOT EXISTS audiences_phone ON audiences(phone);
CREATE INDEX IF NOT EXISTS audiences_line_id ON audiences(line_id);
CREATE INDEX IF NOT EXISTS audiences_messenger_psid ON audiences(messenger_psid);
CREATE INDEX IF NOT EXISTS headless_phone ON audiences(phone) WHERE headless = 1;
CREATE INDEX IF NOT EXISTS headless_email ON audiences(email) WHERE headless = 1;
CREATE INDEX IF NOT EXISTS headless_line_id ON audiences(line_id) WHERE headless = 1;
CREATE INDEX IF NOT EXISTS headless_messenger_psid ON audiences(messenger_psid) WHERE headless = 1;
CREATE TABLE IF NOT EXISTS records (
    collection TEXT NOT NULL, key TEXT NOT NULL, data BLOB NOT NULL,
    created REAL NOT NULL, updated REAL NOT NULL,
    PRIMARY KEY (collection, key)
);
CREATE TABLE IF NOT EXISTS product_aliases (
    system TEXT NOT NULL, alias TEXT NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (system, alias)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY, received REAL NOT NULL, data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL, tid TEXT NOT NULL, name TEXT NOT NULL, params BLOB NOT NULL,
    created REAL NOT NULL, ready REAL NOT NULL, token TEXT NOT NULL UNIQUE,
    content BLOB
);
"""


def dumps(value: Any) -> bytes:
    """Serialise a record."""
    return orjson.dumps(value)


def loads(raw: bytes | str) -> Any:
    """Deserialise a record."""
    return orjson.loads(raw)


class Store:
    """The emulator's database."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            path or ":memory:", check_same_thread=False, isolation_level=None
        )
        if path:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=OFF")
        self._conn.executescript(_SCHEMA)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; rolled back when the block raises."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close the connection (checkpointing the WAL of a file database)."""
        with self._lock:
            self._conn.close()

    def reset(self) -> None:
        """Delete every record of every collection."""
        with self.transaction() as tx:
            for table in ("audiences", "records", "product_aliases", "events", "reports"):
                tx.execute(f"DELETE FROM {table}")
            tx.execute("DELETE FROM sqlite_sequence WHERE name = 'reports'")

    # ------------------------------------------------------------------ audiences

    @staticmethod
    def audience_find(tx: sqlite3.Connection, key: str, value: str) -> tuple[int, Any] | None:
        """Find an audience by one of ``AUDIENCE_KEYS``."""
        if key not in AUDIENCE_KEYS:
            raise ValueError(key)
        row = tx.execute(
            f"SELECT id, data FROM audiences WHERE {key} = ? ORDER BY id LIMIT 1",
            (value,),
        ).fetchone()
        return (row[0], loads(row[1])) if row else None

    @staticmethod
    def audience_find_headless(
        tx: sqlite3.Connection, record: dict[str, Any]
    ) -> tuple[int, Any] | None:
        """A headless profile whose phone, e-mail or LINE id matches ``record``."""
        for key in ("phone", "email", "line_id", "messenger_psid"):
            value = record.get(key)
            if isinstance(value, str) and value:
                row = tx.execute(
                    f"SELECT id, data FROM audiences WHERE headless = 1 AND {key} = ? "
                    "ORDER BY id LIMIT 1",
                    (value,),
                ).fetchone()
                if row:
                    return row[0], loads(row[1])
        return None

    @staticmethod
    def audience_get(tx: sqlite3.Connection, audience_id: int) -> Any:
        """An audience by internal id, or None."""
        row = tx.execute("SELECT data FROM audiences WHERE id = ?", (audience_id,)).fetchone()
        return loads(row[0]) if row else None

    @staticmethod
    def audience_save(
        tx: sqlite3.Connection, audience_id: int | None, record: dict[str, Any], now: float
    ) -> int:
        """Insert (``audience_id`` None) or update an audience; returns its id."""
        cols = [v if isinstance(v, str) else None for v in (record.get(k) for k in AUDIENCE_KEYS)]
        headless = 1 if record.get("is_headless_account") is True else 0
        data = dumps(record)
        if audience_id is None:
            cur = tx.execute(
                "INSERT INTO audiences (member_sn, email, phone, line_id, messenger_psid, "
                "headless, data, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*cols, headless, data, now, now),
            )
            return int(cur.lastrowid or 0)
        tx.execute(
            "UPDATE audiences SET member_sn = ?, email = ?, phone = ?, line_id = ?, "
            "messenger_psid = ?, headless = ?, data = ?, updated = ? WHERE id = ?",
            (*cols, headless, data, now, audience_id),
        )
        return audience_id

    @staticmethod
    def audiences_all(tx: sqlite3.Connection) -> list[Any]:
        """Every audience, oldest first."""
        return [loads(r[0]) for r in tx.execute("SELECT data FROM audiences ORDER BY id")]

    # ------------------------------------------------------------------ key-value records

    @staticmethod
    def record_get(tx: sqlite3.Connection, collection: str, key: str) -> Any:
        """One record of a key-value collection, or None."""
        row = tx.execute(
            "SELECT data FROM records WHERE collection = ? AND key = ?", (collection, key)
        ).fetchone()
        return loads(row[0]) if row else None

    @staticmethod
    def record_put(
        tx: sqlite3.Connection, collection: str, key: str, record: Any, now: float
    ) -> None:
        """Insert or replace one record of a key-value collection."""
        tx.execute(
            "INSERT INTO records (collection, key, data, created, updated) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (collection, key) "
            "DO UPDATE SET data = excluded.data, updated = excluded.updated",
            (collection, key, dumps(record), now, now),
        )

    @staticmethod
    def alias_get(tx: sqlite3.Connection, system: str, alias: str) -> str | None:
        """The product key registered for an alias id of another system."""
        row = tx.execute(
            "SELECT key FROM product_aliases WHERE system = ? AND alias = ?", (system, alias)
        ).fetchone()
        return str(row[0]) if row else None

    @staticmethod
    def alias_put(tx: sqlite3.Connection, system: str, alias: str, key: str) -> None:
        """Register ``alias`` of ``system`` as another id of product ``key``."""
        tx.execute(
            "INSERT OR REPLACE INTO product_aliases (system, alias, key) VALUES (?, ?, ?)",
            (system, alias, key),
        )

    # ------------------------------------------------------------------ events

    @staticmethod
    def event_add(tx: sqlite3.Connection, record: Any, received: float) -> None:
        """Append one tracking event."""
        tx.execute("INSERT INTO events (received, data) VALUES (?, ?)", (received, dumps(record)))

    @staticmethod
    def events_between(tx: sqlite3.Connection, start: float, end: float) -> list[tuple[float, Any]]:
        """Events received in ``[start, end)``, oldest first."""
        return [
            (r[0], loads(r[1]))
            for r in tx.execute(
                "SELECT received, data FROM events WHERE received >= ? AND received < ? "
                "ORDER BY received, id",
                (start, end),
            )
        ]

    # ------------------------------------------------------------------ reports

    @staticmethod
    def report_add(
        tx: sqlite3.Connection,
        kind: str,
        tid: str,
        name: str,
        params: dict[str, Any],
        created: float,
        ready: float,
        token: str,
    ) -> int:
        """Create a report job; returns its id."""
        cur = tx.execute(
            "INSERT INTO reports (kind, tid, name, params, created, ready, token) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (kind, tid, name, dumps(params), created, ready, token),
        )
        return int(cur.lastrowid or 0)

    @staticmethod
    def _report_row(row: Any) -> dict[str, Any]:
        return {
            "id": row[0],
            "kind": row[1],
            "tid": row[2],
            "name": row[3],
            "params": loads(row[4]),
            "created": row[5],
            "ready": row[6],
            "token": row[7],
            "content": row[8],
        }

    _REPORT_COLS = "id, kind, tid, name, params, created, ready, token, content"

    def report_get(self, tx: sqlite3.Connection, report_id: int) -> dict[str, Any] | None:
        """One report job by id (None for an id SQLite cannot even hold)."""
        if not _SQLITE_MIN_INT <= report_id <= _SQLITE_MAX_INT:
            return None
        row = tx.execute(
            f"SELECT {self._REPORT_COLS} FROM reports WHERE id = ?", (report_id,)
        ).fetchone()
        return self._report_row(row) if row else None

    def report_by_token(self, tx: sqlite3.Connection, token: str) -> dict[str, Any] | None:
        """One report job by its download token."""
        row = tx.execute(
            f"SELECT {self._REPORT_COLS} FROM reports WHERE token = ?", (token,)
        ).fetchone()
        return self._report_row(row) if row else None

    def reports_since(
        self, tx: sqlite3.Connection, kind: str, tid: str, since: float
    ) -> list[dict[str, Any]]:
        """Report jobs of one kind and organisation created at or after ``since``."""
        rows = tx.execute(
            f"SELECT {self._REPORT_COLS} FROM reports "
            "WHERE kind = ? AND tid = ? AND created >= ? ORDER BY id",
            (kind, tid, since),
        ).fetchall()
        return [self._report_row(r) for r in rows]

    @staticmethod
    def report_set_content(tx: sqlite3.Connection, report_id: int, content: bytes) -> None:
        """Keep the generated file of a finished report."""
        tx.execute("UPDATE reports SET content = ? WHERE id = ?", (content, report_id))

    # ------------------------------------------------------------------ control API

    def dump(self, collection: str) -> list[Any]:
        """All records of a collection as plain JSON values (see ``COLLECTIONS``)."""
        with self.transaction() as tx:
            if collection == "audiences":
                return self.audiences_all(tx)
            if collection == "events":
                return [loads(r[0]) for r in tx.execute("SELECT data FROM events ORDER BY id")]
            if collection == "reports":
                rows = tx.execute(f"SELECT {self._REPORT_COLS} FROM reports ORDER BY id").fetchall()
                out = []
                for row in rows:
                    rep = self._report_row(row)
                    out.append(
                        {
                            "report_id": rep["id"],
                            "kind": rep["kind"],
                            "tid": rep["tid"],
                            "report_name": rep["name"],
                            "created": rep["created"],
                            "ready": rep["ready"],
                            **rep["params"],
                        }
                    )
                return out
            if collection in RECORD_COLLECTIONS:
                return [
                    loads(r[0])
                    for r in tx.execute(
                        "SELECT data FROM records WHERE collection = ? ORDER BY rowid",
                        (collection,),
                    )
                ]
        raise KeyError(collection)
