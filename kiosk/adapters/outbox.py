"""The room's call outbox in SQLite, so a crash, a power cut or kill -9 loses no call.

WAL with synchronous=FULL: a call is on disk before `add()` returns, before anything is sent.
One connection, used from the Qt thread only.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from kiosk.core.calls import Stored, StoredCall
from kiosk.core.protocol import CallMessage, ParseError, encode_call, parse_call

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS open_calls (
    call_id TEXT PRIMARY KEY,
    payload BLOB NOT NULL,
    stored TEXT NOT NULL,
    created_at REAL NOT NULL
)
"""


class SqliteOutbox:
    FILE_NAME = "outbox.sqlite3"

    def __init__(self, state_dir: Path) -> None:
        state_dir.mkdir(parents=True, exist_ok=True)
        self.path = state_dir / self.FILE_NAME
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(_SCHEMA)

    def add(self, call: CallMessage) -> None:
        self._db.execute(
            "INSERT INTO open_calls VALUES (?, ?, ?, ?)"
            " ON CONFLICT(call_id) DO UPDATE SET payload = excluded.payload",
            (call.call_id, encode_call(call), Stored.SENT.value, call.created_at))

    def mark(self, call_id: str, stored: Stored) -> None:
        self._db.execute("UPDATE open_calls SET stored = ? WHERE call_id = ?",
                         (stored.value, call_id))

    def open_calls(self) -> list[StoredCall]:
        rows = self._db.execute(
            "SELECT call_id, payload, stored FROM open_calls ORDER BY created_at").fetchall()
        calls = []
        for call_id, payload, stored in rows:
            try:
                calls.append(StoredCall(parse_call(bytes(payload)), Stored(stored)))
            except (ParseError, ValueError) as e:
                log.error("skipped unreadable outbox row call_id=%s reason=%s", call_id, e)
        return calls

    def remove(self, call_id: str) -> None:
        self._db.execute("DELETE FROM open_calls WHERE call_id = ?", (call_id,))

    def close(self) -> None:
        self._db.close()
