"""The room's call outbox in SQLite, so a crash, a power cut or kill -9 loses no call.

WAL with synchronous=FULL: a call is on disk before `add()` returns, before anything is sent.
One connection, used from the Qt thread only.

The disk never stands between the patient and the nurse: every call is kept in memory first,
and a state folder that cannot be used, a damaged database or a failed write (a full disk) is
logged and the call goes out all the same; it just would not survive a restart.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from kiosk.core.calls import MemoryOutbox, Stored, StoredCall
from kiosk.core.protocol import (
    CallMessage,
    ParseError,
    Resolved,
    encode_call,
    encode_resolved,
    parse_call,
    parse_resolved,
)

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS open_calls (
    call_id TEXT PRIMARY KEY,
    payload BLOB NOT NULL,
    stored TEXT NOT NULL,
    created_at REAL NOT NULL
)
"""
# Resolutions made in the room ("nurse is here", a cancelled request) that the broker does not
# have yet: sent when the link is up again, even after a restart.
_RESOLUTIONS = """
CREATE TABLE IF NOT EXISTS unsent_resolutions (
    call_id TEXT PRIMARY KEY,
    payload BLOB NOT NULL
)
"""


class SqliteOutbox:
    FILE_NAME = "outbox.sqlite3"

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / self.FILE_NAME
        self._memory = MemoryOutbox()
        self._db: sqlite3.Connection | None = None
        self.problem = ""
        try:
            self._open(state_dir)
        except sqlite3.DatabaseError as error:
            self._set_aside(error)
            self._try_open(state_dir)
        except (OSError, sqlite3.Error) as error:
            self._give_up_disk("open", error)

    @property
    def durable(self) -> bool:
        """False when calls live in memory only (the log says why)."""
        return self._db is not None

    def add(self, call: CallMessage) -> None:
        self._memory.add(call)
        self._write("add", "INSERT INTO open_calls VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(call_id) DO UPDATE SET payload = excluded.payload",
                    (call.call_id, encode_call(call), Stored.SENT.value, call.created_at))

    def mark(self, call_id: str, stored: Stored) -> None:
        self._memory.mark(call_id, stored)
        self._write("mark", "UPDATE open_calls SET stored = ? WHERE call_id = ?",
                    (stored.value, call_id))

    def open_calls(self) -> list[StoredCall]:
        return self._memory.open_calls()

    def remove(self, call_id: str) -> None:
        self._memory.remove(call_id)
        self._write("remove", "DELETE FROM open_calls WHERE call_id = ?", (call_id,))

    def hold_resolution(self, msg: Resolved) -> None:
        self._memory.hold_resolution(msg)
        self._write("hold resolution", "INSERT OR REPLACE INTO unsent_resolutions VALUES (?, ?)",
                    (msg.call_id, encode_resolved(msg)))

    def held_resolutions(self) -> list[Resolved]:
        return self._memory.held_resolutions()

    def drop_resolution(self, call_id: str) -> None:
        self._memory.drop_resolution(call_id)
        self._write("drop resolution", "DELETE FROM unsent_resolutions WHERE call_id = ?",
                    (call_id,))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # ---- inside ----

    def _open(self, state_dir: Path) -> None:
        state_dir.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute(_SCHEMA)
            db.execute(_RESOLUTIONS)
            rows = db.execute(
                "SELECT call_id, payload, stored FROM open_calls ORDER BY created_at").fetchall()
            held = db.execute("SELECT call_id, payload FROM unsent_resolutions").fetchall()
        except sqlite3.Error:
            db.close()
            raise
        self._db = db
        for call_id, payload, stored in rows:
            try:
                call = parse_call(bytes(payload))
                self._memory.add(call)
                self._memory.mark(call.call_id, Stored(stored))
            except (ParseError, ValueError) as e:
                log.error("skipped unreadable outbox row call_id=%s reason=%s", call_id, e)
        for call_id, payload in held:
            try:
                self._memory.hold_resolution(parse_resolved(bytes(payload)))
            except (ParseError, ValueError) as e:
                log.error("skipped unreadable resolution row call_id=%s reason=%s", call_id, e)

    def _try_open(self, state_dir: Path) -> None:
        try:
            self._open(state_dir)
        except (OSError, sqlite3.Error) as error:
            self._give_up_disk("open", error)

    def _set_aside(self, error: Exception) -> None:
        """A damaged database is kept for inspection, never deleted, and a new one started."""
        aside = self.path.with_name(self.path.name + ".unreadable")
        log.error("call outbox unreadable, kept aside path=%s reason=%s", aside, error)
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                part.replace(Path(str(aside) + suffix))

    def _write(self, what: str, sql: str, args: tuple[object, ...]) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(sql, args)
        except sqlite3.Error as error:
            self._give_up_disk(what, error)

    def _give_up_disk(self, what: str, error: Exception) -> None:
        log.error("call outbox cannot use the disk, calls are still sent but kept in memory "
                  "only until a restart step=%s path=%s reason=%s", what, self.path, error)
        if self._db is not None:
            self._db.close()
        self._db = None
        self.problem = f"{self.path.parent}: {error}"
