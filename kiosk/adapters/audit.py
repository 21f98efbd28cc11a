"""The room's audit log: one JSON object per line, appended, in the state folder.

What nurses did on the tablet (the panel opened, "nurse is here", reset, session changes), wrong
PINs and lockouts, and calls placed and resolved: an event name, a short detail and the time.
Never a patient's name or anything typed. When the file passes `max_bytes` it is renamed to
`.1` (the older `.1` to `.2`, and so on up to `keep`) and a new one starts. Runs on the Qt
thread; each entry is one small write. A disk that cannot be written is logged once and the
room runs on.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class AuditLog:
    def __init__(self, path: Path, max_bytes: int = 256 * 1024, keep: int = 3) -> None:
        self.path = path
        self._max_bytes = max_bytes
        self._keep = keep
        self._failed = False

    def record(self, event: str, detail: str = "", at: float | None = None) -> None:
        entry = {"at": round(time.time() if at is None else at, 3), "event": event,
                 "detail": detail}
        import json  # at the first entry, not before the room's first frame (about 2 ms)

        line = json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._rotate_if_full(len(line.encode()))
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line)
        except OSError as error:
            if not self._failed:
                log.error("audit log cannot be written path=%s reason=%s", self.path, error)
            self._failed = True

    def last(self, count: int) -> list[dict[str, Any]]:
        """The newest `count` entries, newest first (from this file only)."""
        try:
            with self.path.open(encoding="utf-8") as f:
                lines = deque(f, maxlen=count)
        except OSError:
            return []
        import json

        entries = []
        for line in reversed(lines):
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        return entries

    def _rotate_if_full(self, adding: int) -> None:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if size + adding <= self._max_bytes:
            return
        for n in range(self._keep - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{n}")
            if older.exists():
                older.replace(self.path.with_name(f"{self.path.name}.{n + 1}"))
        self.path.replace(self.path.with_name(f"{self.path.name}.1"))
