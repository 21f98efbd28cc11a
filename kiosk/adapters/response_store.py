"""The station's record of call events (placed, received, acknowledged, resolved, by whom), in
SQLite in the state folder, for response times. No patient data: call id, room id, kind, reason
id, priority, step, station id and time.

Used from the Qt thread only. `record()` only queues: the events are written in one transaction
by `flush()` (the station calls it every few seconds and when it stops), so a burst of calls
never waits for the disk. Each step is kept once per call and station (the first time heard),
so messages heard twice (our own receipt back from the broker, a retained call after a
restart) change nothing. Statistics are not safety: a folder that cannot be used is logged and
the events are kept in memory for this run.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from kiosk.core.response_times import CallEvent, CallStep

log = logging.getLogger(__name__)

FILE_NAME = "response_times.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS call_events (
    call_id TEXT NOT NULL,
    room TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    priority INTEGER NOT NULL,
    step TEXT NOT NULL,
    by TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (call_id, step, by)
);
CREATE INDEX IF NOT EXISTS call_events_placed ON call_events (step, at);
"""

_COLUMNS = "call_id, room, kind, reason, priority, step, by, at"

# Steps of calls placed in a time range: acknowledgements and resolutions come later than the
# placing, so they are found by call id, not by their own time.
_IN_RANGE = f"""
SELECT {_COLUMNS} FROM call_events WHERE call_id IN (
    SELECT call_id FROM call_events WHERE step = 'placed' AND at >= ? AND at < ?)
ORDER BY at
"""


class NoRecord(Exception):
    """There is no response-time database in this state folder (yet)."""


class ResponseStore:
    def __init__(self, state_dir: Path, *, create: bool = True) -> None:
        self.path = state_dir / FILE_NAME
        self._pending: list[CallEvent] = []
        self._memory: list[CallEvent] = []
        self._db: sqlite3.Connection | None = None
        self.problem = ""
        if not create and not self.path.is_file():
            raise NoRecord(f"no response times recorded in {state_dir} yet ({FILE_NAME} "
                           "is missing)")
        try:
            if create:
                state_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.executescript("PRAGMA journal_mode=WAL;" + _SCHEMA)
        except (OSError, sqlite3.Error) as error:
            self.problem = f"response times cannot be saved in {self.path}: {error}"
            log.warning("response store unusable path=%s error=%s; kept in memory only",
                        self.path, error)
            self._db = None

    def record(self, event: CallEvent) -> None:
        self._pending.append(event)

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        if not pending:
            return
        if self._db is None:
            self._memory.extend(pending)
            return
        rows = [(e.call_id, e.room, e.kind, e.reason, e.priority, e.step.value, e.by, e.at)
                for e in pending]
        try:
            with self._db:
                self._db.executemany(
                    f"INSERT INTO call_events ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (call_id, step, by) DO UPDATE SET"
                    " room = CASE WHEN excluded.room != '' THEN excluded.room ELSE room END,"
                    " kind = CASE WHEN excluded.kind != '' THEN excluded.kind ELSE kind END,"
                    " at = min(at, excluded.at)", rows)
        except sqlite3.Error as error:
            log.warning("response times not saved count=%d error=%s", len(rows), error)
            self._memory.extend(pending)

    def events(self, since: float, until: float) -> list[CallEvent]:
        """Every step of the calls placed from `since` up to (not including) `until`."""
        self.flush()
        found: list[CallEvent] = []
        if self._db is not None:
            found = [CallEvent(r[0], r[1], r[2], r[3], int(r[4]), CallStep(r[5]), r[6],
                               float(r[7]))
                     for r in self._db.execute(_IN_RANGE, (since, until))]
        placed = {e.call_id for e in self._memory
                  if e.step is CallStep.PLACED and since <= e.at < until}
        return found + [e for e in self._memory if e.call_id in placed]

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None
